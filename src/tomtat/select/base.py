"""The interface every selection method implements, and the budget filler they share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Protocol

import numpy as np

from tomtat.model import Budget
from tomtat.represent import Representation
from tomtat.select.eligibility import antecedents
from tomtat.story.events import spread_over_events

# Two sentences this similar (cosine of TF-IDF vectors) are the same news told twice,
# usually one agency copying another: they never both appear, whatever the method.
NEAR_DUPLICATE = 0.7

# How many of the best-ranked candidates get their similarities computed in one
# block; candidates further down (rarely reached) are compared one by one.
_BLOCK = 160


class Method(Protocol):
    """A summarization algorithm: picks sentence indices within a budget.

    ``select`` returns indices into ``rep.sentences`` in order of preference. It never
    returns an empty list for a non-empty cluster; when no sentence fits the budget it
    returns its single best sentence, which the composer cuts at the budget.
    """

    name: ClassVar[str]
    description: ClassVar[str]

    def select(self, rep: Representation, budget: Budget) -> list[int]: ...


def ranked(score: np.ndarray, tiebreak: np.ndarray | None = None) -> list[int]:
    """Indices with a finite score, best first. Ties go to the higher ``tiebreak``
    (e.g. centroid similarity), so that the order of the input files does not
    decide; remaining ties keep document order."""
    order = np.argsort(-score, kind="stable") if tiebreak is None else np.lexsort((-tiebreak, -score))
    return order[np.isfinite(score[order])].tolist()


class Similarities:
    """Cosine similarities of ranked candidates: computed in one block for the best
    ``_BLOCK`` of them, one by one for any other sentence.

    A method that re-ranks its head (``mmr_order``) and then fills the budget builds it
    once and hands it to both, instead of each computing its own block. Every value is
    the same number whichever way it is computed (each is the sum, in column order, of
    the products of the two rows' common entries), so sharing changes no decision.
    """

    def __init__(self, rep: Representation, ranking: list[int]) -> None:
        self.rep = rep
        head = ranking[:_BLOCK]
        self.slot = {i: k for k, i in enumerate(head)}
        self.block = rep.similarities(head) if head else np.zeros((0, 0))

    def among(self, rows: list[int]) -> np.ndarray:
        """Dense (k, k) similarities among ``rows``, as ``rep.similarities(rows)``."""
        slots = [self.slot.get(i) for i in rows]
        if None in slots:
            return self.rep.similarities(rows)
        return self.block[np.ix_(slots, slots)]

    def max_to(self, i: int, chosen: list[int]) -> float:
        if not chosen:
            return 0.0
        k = self.slot.get(i)
        if k is not None and all(j in self.slot for j in chosen):
            return float(self.block[k, [self.slot[j] for j in chosen]].max())
        return float(np.max(self.rep.similarity_to(i, chosen)))


def fill(
    rep: Representation,
    ranking: Iterable[int],
    budget: Budget,
    redundancy: float | None = 0.5,
    follow_up: bool = True,
    similarities: Similarities | None = None,
) -> list[int]:
    """Take sentences in ``ranking`` order while they fit the budget.

    A sentence that does not fit is skipped (a shorter one later may still fit); one
    whose cosine similarity to an already chosen sentence exceeds ``redundancy`` (and
    always ``NEAR_DUPLICATE``) is skipped as a repeat. A sentence that opens with a
    connective pointing back ("Tuy nhiên, ...") is never ranked on its own: with
    ``follow_up``, it may fill room left once the sentence before it in its article is
    taken. When ``rep.events`` is set, the best-ranked sentence of each main sub-event
    is tried first, so the summary touches every main event. If nothing fits, the
    best-ranked sentence alone is returned. ``similarities`` may hold the block the
    caller already computed for the same candidates.
    """
    ranking = list(ranking)
    if rep.events is not None:
        with_event = np.flatnonzero(rep.events >= 0)
        event_of = dict(zip(with_event.tolist(), rep.events[with_event].tolist()))
        ranking = spread_over_events(ranking, event_of)
    limit = budget.word_limit(int(rep.words.sum()))
    threshold = NEAR_DUPLICATE if redundancy is None else min(redundancy, NEAR_DUPLICATE)
    needs = antecedents(rep)
    sim = Similarities(rep, ranking) if similarities is None else similarities
    chosen: list[int] = []
    taken: set[int] = set()
    used = 0

    def full() -> bool:
        return budget.sentences is not None and len(chosen) >= budget.sentences

    def admit(i: int) -> bool:
        nonlocal used
        if full() or i in taken:
            return False
        if limit is not None and used + rep.words[i] > limit:
            return False
        if sim.max_to(i, chosen) > threshold:
            return False
        chosen.append(i)
        taken.add(i)
        used += int(rep.words[i])
        return True

    for i in ranking:
        if full():
            break
        if i not in needs:
            admit(i)
    if follow_up:
        # Second pass: a sentence that continues a chosen one ("Tuy nhiên, ...") may
        # use the room left, right after its antecedent in reading order.
        for i, before in sorted(needs.items()):
            if before in taken and before != i:
                admit(i)
    if not chosen and ranking:
        chosen = [ranking[0]]
    return chosen
