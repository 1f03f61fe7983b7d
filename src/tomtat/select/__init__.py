"""Select: algorithms that choose a cluster's summary sentences, one file each.

Every method implements ``Method.select(rep, budget) -> list[int]`` (indices into
``rep.sentences``); ``get_method(name)`` builds one by name. Add a method by writing
its file and listing it in ``METHODS``.
"""

from __future__ import annotations

from tomtat.errors import TomtatError
from tomtat.select.base import Method
from tomtat.select.centroid import Centroid
from tomtat.select.lead import Lead

METHODS: dict[str, type[Method]] = {
    Centroid.name: Centroid,
    Lead.name: Lead,
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
