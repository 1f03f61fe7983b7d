"""Shared pieces of the graph methods (LexRank, TextRank): candidate capping and
PageRank by power iteration."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from tomtat.represent import Representation
from tomtat.select.eligibility import eligible_mask


def candidates(rep: Representation, limit: int) -> np.ndarray:
    """Indices of at most ``limit`` eligible sentences, the most central first, so
    that an (limit x limit) graph stays small however long the input is."""
    mask = eligible_mask(rep)
    idx = np.flatnonzero(mask)
    if idx.size <= limit:
        return idx
    central = rep.vectors.tfidf[idx] @ rep.vectors.centroid
    keep = np.argsort(-central, kind="stable")[:limit]
    return np.sort(idx[keep])


def pagerank(weights: np.ndarray, damping: float = 0.85, tol: float = 1e-6, iterations: int = 100) -> np.ndarray:
    """Stationary scores of a weighted graph (rows are normalised here); a node with
    no edges links to every node, so the walk never gets stuck."""
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    out = weights.sum(axis=1, keepdims=True)
    transition = np.where(out > 0, weights / np.where(out > 0, out, 1.0), 1.0 / n)
    p = np.full(n, 1.0 / n)
    for _ in range(iterations):
        nxt = (1 - damping) / n + damping * (p @ transition)
        if np.abs(nxt - p).sum() < tol:
            return nxt
        p = nxt
    return p


def graph_scores(
    rep: Representation, limit: int, damping: float, build: Callable[[np.ndarray], np.ndarray]
) -> np.ndarray:
    """PageRank of the graph ``build(idx)`` over the candidate sentences ``idx``;
    -inf for sentences that are not candidates. The graph methods differ only in
    ``build``."""
    idx = candidates(rep, limit)
    score = np.full(len(rep), -np.inf)
    if idx.size:
        score[idx] = pagerank(build(idx), damping)
    return score
