"""Order: a reading order for the chosen sentences.

Sentences are read in the order of where they stand in their articles (relative
position, so a lead sentence of any article comes before a closing one), ties broken
by article order and then sentence index. Sentence identity decides ties, never text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tomtat.represent import Representation


def reading_order(rep: Representation, chosen: Sequence[int]) -> list[int]:
    """``chosen`` sorted into reading order."""
    counts = np.bincount(rep.article, minlength=len(rep.articles)) if len(rep) else np.zeros(0)

    def key(i: int) -> tuple[float, int, int]:
        n = max(int(counts[rep.article[i]]), 1)
        return (rep.position[i] / n, int(rep.article[i]), rep.sentences[i].index)

    return sorted(chosen, key=key)
