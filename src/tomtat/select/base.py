"""The interface every selection method implements, and the budget filler they share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Protocol

import numpy as np

from tomtat.model import Budget
from tomtat.represent import Representation
from tomtat.story.events import spread_over_events


class Method(Protocol):
    """A summarization algorithm: picks sentence indices within a budget.

    ``select`` returns indices into ``rep.sentences`` in order of preference. It never
    returns an empty list for a non-empty cluster; when no sentence fits the budget it
    returns its single best sentence, which the composer cuts at the budget.
    """

    name: ClassVar[str]
    description: ClassVar[str]

    def select(self, rep: Representation, budget: Budget) -> list[int]: ...


def fill(
    rep: Representation,
    ranking: Iterable[int],
    budget: Budget,
    redundancy: float | None = 0.5,
) -> list[int]:
    """Take sentences in ``ranking`` order while they fit the budget.

    A sentence that does not fit is skipped (a shorter one later may still fit); one
    whose cosine similarity to an already chosen sentence exceeds ``redundancy`` is
    skipped as a repeat. When ``rep.events`` is set, the best-ranked sentence of each
    main sub-event is tried first, so the summary touches every main event. If nothing fits, the best-ranked sentence alone is returned.
    """
    ranking = list(ranking)
    if rep.events is not None:
        event_of = {i: int(e) for i, e in enumerate(rep.events) if e >= 0}
        ranking = spread_over_events(ranking, event_of)
    limit = budget.word_limit(int(rep.words.sum()))
    chosen: list[int] = []
    used = 0
    for i in ranking:
        if budget.sentences is not None and len(chosen) >= budget.sentences:
            break
        if limit is not None and used + rep.words[i] > limit:
            continue
        if redundancy is not None and chosen and float(np.max(rep.similarity_to(i, chosen))) > redundancy:
            continue
        chosen.append(i)
        used += int(rep.words[i])
    if not chosen and ranking:
        chosen = [ranking[0]]
    return chosen
