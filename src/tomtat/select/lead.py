"""Lead: the first sentences of the first article (then the next), the classic baseline."""

from __future__ import annotations

from typing import ClassVar

from tomtat.model import Budget
from tomtat.represent import Representation
from tomtat.select.base import fill


class Lead:
    """First sentences of the first article, in order; no redundancy check needed."""

    name: ClassVar[str] = "lead"
    description: ClassVar[str] = "first sentences of the first article (baseline)"

    def select(self, rep: Representation, budget: Budget) -> list[int]:
        order = [i for i, s in enumerate(rep.sentences) if not s.heading]
        order += [i for i, s in enumerate(rep.sentences) if s.heading]
        chosen: list[int] = []
        limit = budget.word_limit(int(rep.words.sum()))
        used = 0
        for i in order:
            if budget.sentences is not None and len(chosen) >= budget.sentences:
                break
            if limit is not None and used + rep.words[i] > limit:
                break
            chosen.append(i)
            used += int(rep.words[i])
        return chosen or fill(rep, order, budget, redundancy=None)
