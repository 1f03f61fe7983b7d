"""Lead: the first sentences of the first article (then the next), the classic baseline.

Like every method it never takes a heading, a question, a fragment or a dangling
"Tuy nhiên, ..." whose previous sentence it did not take; it stops at the first
sentence that does not fit, as a lead does.
"""

from __future__ import annotations

from typing import ClassVar

from tomtat.model import Budget
from tomtat.represent import Representation
from tomtat.select.base import fill
from tomtat.select.eligibility import antecedents, eligible_mask


class Lead:
    """First sentences of the first article, in order."""

    name: ClassVar[str] = "lead"
    description: ClassVar[str] = "first sentences of the first article (baseline)"

    def select(self, rep: Representation, budget: Budget) -> list[int]:
        mask = eligible_mask(rep)
        needs = antecedents(rep)
        limit = budget.word_limit(int(rep.words.sum()))
        chosen: list[int] = []
        used = 0
        for i in range(len(rep)):
            if budget.sentences is not None and len(chosen) >= budget.sentences:
                break
            before = needs.get(i)
            if not (mask[i] or (before is not None and chosen and chosen[-1] == before != i)):
                continue
            if limit is not None and used + rep.words[i] > limit:
                break
            chosen.append(i)
            used += int(rep.words[i])
        return chosen or fill(rep, [i for i in range(len(rep)) if mask[i]], budget, redundancy=None)
