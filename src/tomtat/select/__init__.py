"""Select: algorithms that choose a cluster's summary sentences, one file each.

Every method implements ``Method.select(rep, limits, events) -> list[int]`` (indices
into ``rep.sentences``, best first) and ends with ``fill.fill``, which keeps the limits,
drops near-duplicates and applies the antecedent rule. ``get_method(name)`` builds one
by name. Add a method by writing its file and listing it in ``METHODS``.
"""

from __future__ import annotations

from tomtat.errors import TomtatError
from tomtat.select.base import Method
from tomtat.select.centroid import Centroid
from tomtat.select.ilp import ILP
from tomtat.select.lead import Lead
from tomtat.select.learned import Learned
from tomtat.select.lexrank import LexRank
from tomtat.select.mmr import MMR
from tomtat.select.submodular import Submodular
from tomtat.select.textrank import TextRank

METHODS: dict[str, type[Method]] = {
    m.name: m for m in (Centroid, ILP, Lead, Learned, LexRank, MMR, Submodular, TextRank)
}

DEFAULT_METHOD = Centroid.name


def get_method(name: str | None = None) -> Method:
    """A fresh instance of the method called ``name`` (the default when None)."""
    name = name or DEFAULT_METHOD
    try:
        return METHODS[name]()
    except KeyError:
        known = ", ".join(sorted(METHODS))
        raise TomtatError(f"unknown method {name!r}; choose one of: {known}") from None


__all__ = ["DEFAULT_METHOD", "METHODS", "Method", "get_method"]
