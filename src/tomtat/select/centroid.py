"""Centroid: sentences close to what the cluster as a whole is about, early in their
articles, and repeated by other articles; chosen greedily with a redundancy penalty
(maximal marginal relevance).

Every feature is relative, never "article number 1": a sentence's position inside its
own article, its similarity to the cluster centroid and to the titles, and how much
the *other* articles say the same thing (similarity to their centroids). All are
linear in the number of sentences, so long inputs stay fast. Weights were tuned on
the whole of vims-dev (bench/tune_centroid.py), with few knobs so as not to fit it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from tomtat.model import Budget
from tomtat.represent import Representation
from tomtat.select.base import fill, ranked
from tomtat.select.eligibility import eligible_mask
from tomtat.select.features import agreement, title_similarity
from tomtat.select.mmr import mmr_order


@dataclass
class Centroid:
    """Score = centroid similarity + position + cross-article agreement + title
    similarity; selection by MMR under the budget."""

    name: ClassVar[str] = "centroid"
    description: ClassVar[str] = "centroid + position + cross-article agreement, with MMR"

    centrality_weight: float = 0.0
    position_weight: float = 0.0
    agreement_weight: float = 1.0
    title_weight: float = 0.0
    mmr_lambda: float = 0.45
    limit: int = 64
    redundancy: float = 0.3

    def scores(self, rep: Representation) -> np.ndarray:
        """Relevance of each sentence (higher is better); ineligible ones get -inf."""
        mean_agreement, _ = agreement(rep)
        score = self.agreement_weight * mean_agreement
        if self.centrality_weight:
            score = score + self.centrality_weight * (rep.vectors @ rep.centroid)
        if self.position_weight:
            score = score + self.position_weight / np.sqrt(1.0 + rep.position)
        if self.title_weight:
            score = score + self.title_weight * title_similarity(rep)[0]
        return np.where(eligible_mask(rep), score, -np.inf)

    def select(self, rep: Representation, budget: Budget) -> list[int]:
        score = self.scores(rep)
        order = mmr_order(rep, ranked(score), score, self.mmr_lambda, self.limit)
        return fill(rep, order, budget, self.redundancy)
