"""Lead: the first sentences of the first article (then the next), the classic baseline.

Like every method it never takes a heading, a question, a fragment or a dangling
"Tuy nhiên, ..." whose previous sentence it did not take; it stops at the first
sentence that does not fit, as a lead does.
"""

from __future__ import annotations

from typing import ClassVar

from tomtat.model import Limits
from tomtat.represent import Representation
from tomtat.select.fill import SentenceEvents, fill
from tomtat.select.eligibility import antecedents, eligible_mask


class Lead:
    """First sentences of the first article, in order."""

    name: ClassVar[str] = "lead"
    description: ClassVar[str] = "first sentences of the first article (baseline)"

    def select(self, rep: Representation, limits: Limits, events: SentenceEvents | None = None) -> list[int]:
        mask = eligible_mask(rep)
        needs = antecedents(rep)
        limit = limits.words
        chosen: list[int] = []
        used = 0
        for i in range(len(rep)):
            if limits.full(len(chosen)):
                break
            before = needs.get(i)
            if not (mask[i] or (before is not None and chosen and chosen[-1] == before != i)):
                continue
            if limit is not None and used + rep.features.words[i] > limit:
                break
            chosen.append(i)
            used += int(rep.features.words[i])
        return chosen or fill(rep, [i for i in range(len(rep)) if mask[i]], limits, events, redundancy=None)
