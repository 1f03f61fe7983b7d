"""MMR: maximal marginal relevance (Carbonell & Goldstein 1998).

Sentences are taken one at a time by ``lam * relevance - (1 - lam) * similarity to the
closest sentence already taken``: relevant, but not what the summary already says.
The method's relevance is plain similarity to the cluster centroid; ``mmr_order`` is
also the re-ranker other scoring methods (centroid, learned) use.

Only the ``limit`` best candidates by relevance are re-ranked, so the similarity block
stays bounded (``limit`` x ``limit``) however long the input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from tomtat.model import Limits
from tomtat.represent import Representation
from tomtat.select.base import ranked
from tomtat.select.fill import SentenceEvents, Similarities, fill
from tomtat.select.eligibility import eligible_mask


def mmr_order(
    rep: Representation,
    candidates: list[int],
    score: np.ndarray,
    lam: float,
    limit: int = 64,
    words: int | None = None,
    similarities: Similarities | None = None,
) -> list[int]:
    """Re-rank the best ``limit`` of ``candidates`` (given best first) by maximal
    marginal relevance; the rest follow in their given order. Relevance is rescaled
    to [0, 1] over the re-ranked head so that ``lam`` means the same for any scorer.
    With ``words``, re-ranking stops once the re-ranked sentences hold that many words
    (the budget filler never reads further), and the rest of the head follows in
    score order. ``similarities`` may hold the block already computed for the head."""
    head, tail = candidates[:limit], candidates[limit:]
    if not head or lam >= 1:
        return candidates
    rel = score[head].astype(float)
    span = rel.max() - rel.min()
    rel = (rel - rel.min()) / span if span > 0 else np.ones_like(rel)
    sims = rep.vectors.similarities(head) if similarities is None else similarities.among(head)
    order: list[int] = []
    max_sim = np.zeros(len(head))
    remaining = np.ones(len(head), dtype=bool)
    taken = 0
    for _ in range(len(head)):
        gain = np.where(remaining, lam * rel - (1 - lam) * max_sim, -np.inf)
        k = int(np.argmax(gain))
        order.append(head[k])
        remaining[k] = False
        max_sim = np.maximum(max_sim, sims[k])
        taken += int(rep.features.words[head[k]])
        if words is not None and taken >= words:
            break
    return order + [h for h, r in zip(head, remaining) if r] + tail


@dataclass
class MMR:
    """Centroid similarity as relevance, MMR for diversity, greedy under the budget."""

    name: ClassVar[str] = "mmr"
    description: ClassVar[str] = "maximal marginal relevance on centroid similarity"

    lam: float = 0.5
    limit: int = 64
    redundancy: float = 0.5

    def select(self, rep: Representation, limits: Limits, events: SentenceEvents | None = None) -> list[int]:
        score = np.where(eligible_mask(rep), rep.vectors.tfidf @ rep.vectors.centroid, -np.inf)
        order = mmr_order(rep, ranked(score), score, self.lam, self.limit)
        return fill(rep, order, limits, events, self.redundancy)
