"""Language flags: what the words of a sentence say about how it may be used.

Today one flag: ``points_back``, a sentence that needs the one before it ("Tuy nhiên,
...", "Các đối tượng trên ..."; rules in ``tomtat.text.back_references``). Selection's
eligibility never ranks such a sentence on its own, and the budget filler lets it in
only right after its antecedent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from tomtat.model import Sentence
from tomtat.text.back_references import points_back


@dataclass(frozen=True)
class LanguageFlags:
    """Flags of each sentence of a cluster, computed once, on first use."""

    sentences: tuple[Sentence, ...]

    @cached_property
    def points_back(self) -> np.ndarray:
        """(n,) bool: sentences that need the one before them."""
        n = len(self.sentences)
        return np.fromiter((points_back(s.text) for s in self.sentences), dtype=bool, count=n)


def language_flags(sentences: Sequence[Sentence]) -> LanguageFlags:
    return LanguageFlags(tuple(sentences))
