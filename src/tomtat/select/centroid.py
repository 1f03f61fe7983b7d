"""Centroid: sentences close to what the cluster as a whole is about, early in their
articles, and repeated by other articles; chosen greedily with a redundancy penalty
(maximal marginal relevance).

Every feature is relative, never "article number 1": a sentence's position inside its
own article, its similarity to the cluster centroid and to the titles, and how much
the *other* articles say the same thing (similarity to their centroids). All are
linear in the number of sentences, so long inputs stay fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from tomtat.model import Budget
from tomtat.represent import Representation
from tomtat.select.base import fill
from tomtat.select.eligibility import eligible_mask


def article_centroids(rep: Representation) -> np.ndarray:
    """(m, V) unit centroid of each article's sentence vectors."""
    m = len(rep.articles)
    rows = []
    for j in range(m):
        idx = np.flatnonzero(rep.article == j)
        if idx.size == 0:
            rows.append(np.zeros(rep.vectors.shape[1]))
            continue
        c = np.asarray(rep.vectors[idx].sum(axis=0)).ravel()
        norm = np.linalg.norm(c)
        rows.append(c / norm if norm > 0 else c)
    return np.vstack(rows) if rows else np.zeros((0, rep.vectors.shape[1]))


def agreement(rep: Representation) -> np.ndarray:
    """Mean similarity of each sentence to the centroids of the *other* articles."""
    m = len(rep.articles)
    if m < 2:
        return np.zeros(len(rep))
    sims = np.asarray(rep.vectors @ article_centroids(rep).T)
    own = sims[np.arange(len(rep)), rep.article]
    return (sims.sum(axis=1) - own) / (m - 1)


@dataclass
class Centroid:
    """Score = centroid similarity + position + cross-article agreement + title
    similarity; selection by MMR under the budget."""

    name: ClassVar[str] = "centroid"
    description: ClassVar[str] = "centroid + position + cross-article agreement, with MMR"

    position_weight: float = 0.3
    agreement_weight: float = 1.2
    title_weight: float = 0.2
    mmr_lambda: float = 0.7
    redundancy: float = 0.5

    def scores(self, rep: Representation) -> np.ndarray:
        """Relevance of each sentence (higher is better); ineligible ones get -inf."""
        centrality = rep.vectors @ rep.centroid
        position = 1.0 / np.sqrt(1.0 + rep.position)
        titles = (
            np.asarray((rep.vectors @ rep.title_vectors.T).max(axis=1).todense()).ravel()
            if rep.title_vectors.shape[0]
            else np.zeros(len(rep))
        )
        score = (
            centrality
            + self.position_weight * position
            + self.agreement_weight * agreement(rep)
            + self.title_weight * titles
        )
        return np.where(eligible_mask(rep), score, -np.inf)

    def select(self, rep: Representation, budget: Budget) -> list[int]:
        score = self.scores(rep)
        candidates = [int(i) for i in np.argsort(-score, kind="stable") if np.isfinite(score[i])]
        ranking = mmr_order(rep, candidates, score, self.mmr_lambda, limit=64)
        return fill(rep, ranking, budget, self.redundancy)


def mmr_order(
    rep: Representation, candidates: list[int], score: np.ndarray, lam: float, limit: int
) -> list[int]:
    """Re-rank the best ``limit`` candidates by maximal marginal relevance
    (lam * relevance - (1 - lam) * max similarity to those ranked before);
    the rest follow in score order."""
    head, tail = candidates[:limit], candidates[limit:]
    if not head:
        return tail
    rel = score[head]
    span = rel.max() - rel.min()
    rel = (rel - rel.min()) / span if span > 0 else np.ones_like(rel)
    sims = np.asarray((rep.vectors[head] @ rep.vectors[head].T).todense())
    order: list[int] = []
    max_sim = np.zeros(len(head))
    remaining = np.ones(len(head), dtype=bool)
    for _ in range(len(head)):
        gain = np.where(remaining, lam * rel - (1 - lam) * max_sim, -np.inf)
        k = int(np.argmax(gain))
        order.append(head[k])
        remaining[k] = False
        max_sim = np.maximum(max_sim, sims[k])
    return order + tail
