"""Average linkage continued from known clusters: how new articles join stored stories.

``tomtat cluster`` groups a whole stream at once by average linkage (``link.py``). A
store receives the stream in slices and keeps what it already grouped, so regrouping
each slice from scratch would ask it to merge whatever stored stories the slice's
grouping happens to join, with nothing ever split again.

Here the known clusters (stored stories) are the starting point of the same
agglomeration: every new row starts alone, and the two clusters with the highest
average cosine similarity (pairs published further apart than the window count as 0)
join while that average reaches the threshold, exactly the rule batch average linkage
applies, except that two clusters made only of known rows never join (what the store
grouped stays as it was unless a new article is similar enough to both).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from tomtat.grouping.link import similar_pairs


def _sums(vectors: sparse.csr_matrix, times: np.ndarray, rows: np.ndarray, label: np.ndarray, k: int, window: float | None) -> np.ndarray:
    """(k, k) sums of the cosine similarities between the rows of each pair of clusters,
    pairs published further apart than ``window`` counted as 0."""
    sub = vectors[rows]
    sim = (sub @ sub.T).tocoo()
    keep = sim.row != sim.col
    if window is not None:
        a, b = times[rows[sim.row]], times[rows[sim.col]]
        keep &= np.isnan(a) | np.isnan(b) | (np.abs(a - b) <= window)
    sums = np.zeros((k, k))
    np.add.at(sums, (label[sim.row[keep]], label[sim.col[keep]]), sim.data[keep])
    return sums


def _agglomerate(sums: np.ndarray, sizes: np.ndarray, fresh: np.ndarray, threshold: float) -> np.ndarray:
    """Average linkage from the given clusters; the root cluster of each one."""
    k = len(sizes)
    sizes = sizes.astype(float)
    root = np.arange(k)
    alive = np.ones(k, dtype=bool)
    while True:
        average = sums / np.outer(sizes, sizes)
        closed = ~(fresh[:, None] | fresh[None, :]) | ~(alive[:, None] & alive[None, :])
        np.fill_diagonal(closed, True)
        average[closed] = -np.inf
        flat = int(np.argmax(average))
        i, j = divmod(flat, k)
        if average[i, j] < threshold:
            return root
        i, j = min(i, j), max(i, j)
        sums[i, :] += sums[j, :]
        sums[:, i] += sums[:, j]
        sums[j, :] = sums[:, j] = 0.0
        sizes[i] += sizes[j]
        fresh[i] |= fresh[j]
        alive[j] = False
        root[root == j] = i


def extend_clusters(
    vectors: sparse.csr_matrix, times: Sequence[float | None], known: Sequence[int | None], threshold: float, window: float | None
) -> list[list[int]]:
    """Groups of row indices of ``vectors`` (each sorted, in order of first member).

    ``known[i]`` is the cluster row ``i`` is already in (rows with the same value start
    together), None for a new row. Every known cluster ends whole inside one group."""
    n = vectors.shape[0]
    if n == 0:
        return []
    t = np.array([np.nan if x is None else x for x in times], dtype=float)
    ids: dict[int, int] = {}
    label = np.empty(n, dtype=np.int64)
    for i, seed in enumerate(known):
        label[i] = ids.setdefault(seed, len(ids)) if seed is not None else -1
    new_rows = np.flatnonzero(label < 0)
    label[new_rows] = len(ids) + np.arange(len(new_rows))
    k = len(ids) + len(new_rows)
    fresh = np.zeros(k, dtype=bool)
    fresh[len(ids):] = True

    # Only clusters linked (by pairs at or above the threshold) to a new row can change.
    edges = similar_pairs(vectors, t, threshold, window).tocoo()
    link = sparse.coo_matrix((np.ones(len(edges.row)), (label[edges.row], label[edges.col])), shape=(k, k))
    _, component = connected_components(link.tocsr(), directed=False)
    root = np.arange(k)
    for part in np.unique(component[fresh]):
        clusters = np.flatnonzero(component == part)
        if len(clusters) == 1:
            continue
        local = np.full(k, -1, dtype=np.int64)
        local[clusters] = np.arange(len(clusters))
        rows = np.flatnonzero(local[label] >= 0)
        sums = _sums(vectors, t, rows, local[label[rows]], len(clusters), window)
        sizes = np.bincount(local[label[rows]], minlength=len(clusters))
        root[clusters] = clusters[_agglomerate(sums, sizes, fresh[clusters].copy(), threshold)]
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(int(root[label[i]]), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])
