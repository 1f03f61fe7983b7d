"""The interface every selection method implements, and the ranking helper they share.

The budget filler every method ends with is in :mod:`tomtat.select.fill`.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

import numpy as np

from tomtat.model import Limits
from tomtat.represent import Representation
from tomtat.select.fill import SentenceEvents


class Method(Protocol):
    """A summarization algorithm: picks sentence indices within the cluster's limits.

    ``select`` returns indices into ``rep.sentences`` in order of preference. It never
    returns an empty list for a non-empty cluster; when no sentence fits the limits it
    returns its single best sentence, which the composer cuts at the word limit.
    ``events`` holds each sentence's sub-event (from the story stage), for the filler
    to cover every main event; None when the story stage did not run.
    """

    name: ClassVar[str]
    description: ClassVar[str]

    def select(self, rep: Representation, limits: Limits, events: SentenceEvents | None = None) -> list[int]: ...


def ranked(score: np.ndarray, tiebreak: np.ndarray | None = None) -> list[int]:
    """Indices with a finite score, best first. Ties go to the higher ``tiebreak``
    (e.g. centroid similarity), so that the order of the input files does not
    decide; remaining ties keep document order."""
    order = np.argsort(-score, kind="stable") if tiebreak is None else np.lexsort((-tiebreak, -score))
    result: list[int] = order[np.isfinite(score[order])].tolist()
    return result
