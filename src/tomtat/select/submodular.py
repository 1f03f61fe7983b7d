"""Submodular coverage + diversity (Lin & Bilmes 2011, "A class of submodular
functions for document summarization").

    F(S) = sum_i min(C_i(S), alpha * C_i(V))  +  diversity * sum_k sqrt(sum_{j in P_k & S} r_j)

``C_i(S)`` is how much the summary covers sentence ``i`` (summed cosine similarity),
saturated at a share ``alpha`` of what the whole cluster could give it; ``P_k`` are
clusters of sentences (spherical k-means) and ``r_j`` the mean similarity of ``j`` to
the cluster, so the square root rewards picking from several topics. Maximised by the
budgeted greedy of the paper: the best gain per word (``cost ** scale``) that fits.

The ground set is capped (``limit`` most centroid-like sentences; ``candidates``
eligible ones among them) so the similarity block stays bounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np
from scipy import sparse

from tomtat.model import Limits
from tomtat.represent import Representation
from tomtat.select.base import ranked
from tomtat.select.fill import SentenceEvents, fill
from tomtat.select.eligibility import eligible_mask


def spherical_kmeans(vectors: np.ndarray | sparse.csr_matrix, k: int, iterations: int = 10) -> np.ndarray:
    """Cluster labels of the unit rows of ``vectors`` (dense or sparse), deterministic:
    seeds are chosen farthest-first starting from the row closest to the mean (ties to
    the row closer to the mean, so row order does not decide)."""
    x = sparse.csr_matrix(vectors)
    n = x.shape[0]
    k = max(1, min(k, n))
    typical = np.asarray(x @ np.asarray(x.mean(axis=0)).ravel()).ravel()
    gram = (x @ x.T).toarray()  # rows are few (capped by the caller)
    seeds = [int(np.argmax(typical))]
    closest = gram[seeds[0]].copy()
    while len(seeds) < k:
        nxt = int(np.lexsort((-typical, np.round(closest, 9)))[0])
        seeds.append(nxt)
        closest = np.maximum(closest, gram[nxt])
    centers = x[seeds].toarray()
    labels = np.full(n, -1)
    for _ in range(iterations):
        new = np.argmax(np.asarray(x @ centers.T), axis=1)
        if np.array_equal(new, labels):
            break
        labels = new
        member = sparse.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(k, n))
        sums = (member @ x).toarray()
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centers = np.divide(sums, norms, out=centers, where=norms > 0)
    return labels


@dataclass
class Submodular:
    """Budgeted greedy maximisation of coverage + diversity."""

    name: ClassVar[str] = "submodular"
    description: ClassVar[str] = "submodular coverage + diversity (Lin & Bilmes 2011)"

    alpha: float = 0.3
    diversity: float = 1.0
    clusters_per_sentence: float = 0.2
    scale: float = 0.3
    limit: int = 400
    redundancy: float = 0.3

    def select(self, rep: Representation, limits: Limits, events: SentenceEvents | None = None) -> list[int]:
        mask = eligible_mask(rep)
        central = rep.vectors.tfidf @ rep.vectors.centroid
        ground = np.sort(np.argsort(-central, kind="stable")[: self.limit])
        cand = ground[mask[ground]]
        if cand.size == 0:
            return fill(rep, ranked(np.where(mask, central, -np.inf)), limits, events, self.redundancy)
        sub = rep.vectors.tfidf[ground.tolist()]
        sims = (sub @ rep.vectors.tfidf[cand.tolist()].T).toarray()  # (ground, cand)
        np.clip(sims, 0.0, None, out=sims)
        total = np.asarray(sub @ np.asarray(sub.sum(axis=0)).ravel()).ravel()  # C_i(ground)
        cap = self.alpha * total
        reward = sims.sum(axis=0) / max(len(ground), 1)  # r_j for candidates
        labels = spherical_kmeans(rep.vectors.tfidf[cand.tolist()], int(np.ceil(self.clusters_per_sentence * len(cand))))
        limit = limits.words
        cost = np.maximum(rep.features.words[cand], 1).astype(float)

        covered = np.zeros(len(ground))
        mass = np.zeros(labels.max() + 1)
        chosen: list[int] = []
        open_ = np.ones(len(cand), dtype=bool)
        used = 0
        base_cov = np.minimum(covered, cap).sum()
        while open_.any():
            if limits.full(len(chosen)):
                break
            if limit is not None:
                open_ &= used + rep.features.words[cand] <= limit
            if not open_.any():
                break
            cov = np.minimum(covered[:, None] + sims, cap[:, None]).sum(axis=0) - base_cov
            div = np.sqrt(mass[labels] + reward) - np.sqrt(mass[labels])
            gain = (cov + self.diversity * div) / cost**self.scale
            gain[~open_] = -np.inf
            k = int(np.argmax(gain))
            if not np.isfinite(gain[k]):
                break
            chosen.append(int(cand[k]))
            open_[k] = False
            used += int(rep.features.words[cand[k]])
            covered += sims[:, k]
            base_cov = np.minimum(covered, cap).sum()
            mass[labels[k]] += reward[k]
        rest = [int(i) for i in ranked(np.where(mask, central, -np.inf)) if i not in set(chosen)]
        return fill(rep, chosen + rest, limits, events, self.redundancy)
