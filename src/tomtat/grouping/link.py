"""Stories from article vectors: average-linkage clustering cut at a similarity.

Two groups of articles join when their average cosine similarity reaches
``threshold``. Average linkage never joins groups whose every cross pair is below the
threshold, so the work splits exactly into the connected components of the graph of
pairs at or above it; each component is clustered on its own, with its full dense
similarity matrix (exact), so cost follows component sizes rather than the square of
the stream. Pairs published further apart than the time window count as unrelated.
A component too large for a dense matrix is split first on a stricter edge threshold
(approximate, and rare: it takes thousands of mutually similar articles in one window).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import linkage
from scipy.sparse.csgraph import connected_components

BLOCK = 512
MAX_DENSE = 4000


def _window_mask(times: np.ndarray, rows: np.ndarray, cols: np.ndarray, window: float | None) -> np.ndarray:
    """True where the pair (rows[k], cols[k]) may link: dates within ``window`` or unknown."""
    if window is None:
        return np.ones(len(rows), dtype=bool)
    a, b = times[rows], times[cols]
    return np.isnan(a) | np.isnan(b) | (np.abs(a - b) <= window)


def _blocks(times: np.ndarray, window: float | None) -> list[tuple[np.ndarray, np.ndarray | None]]:
    """(rows, candidate columns or None for all) blocks covering every row once.

    With a window, rows are taken in time order and each block's columns are only the
    articles dated within the window of the block's time span, plus the undated ones:
    a stream of many days costs days x window, not days squared."""
    n = len(times)
    if window is None or np.isnan(times).all():
        return [(np.arange(start, min(start + BLOCK, n)), None) for start in range(0, n, BLOCK)]
    order = np.argsort(times, kind="stable")  # NaN (undated) last
    dated = int((~np.isnan(times)).sum())
    sorted_times = times[order[:dated]]
    undated = order[dated:]
    out: list[tuple[np.ndarray, np.ndarray | None]] = []
    for start in range(0, n, BLOCK):
        rows = order[start : start + BLOCK]
        if start + len(rows) > dated:  # the block holds undated rows: compare with all
            out.append((rows, None))
            continue
        lo = np.searchsorted(sorted_times, times[rows[0]] - window, side="left")
        hi = np.searchsorted(sorted_times, times[rows[-1]] + window, side="right")
        out.append((rows, np.concatenate([order[lo:hi], undated])))
    return out


def similar_pairs(vectors: sparse.csr_matrix, times: np.ndarray, threshold: float, window: float | None) -> sparse.csr_matrix:
    """Symmetric (n, n) CSR of the cosine similarities >= ``threshold`` (no diagonal)
    between articles within the window, computed a block of rows at a time so memory
    stays proportional to the block and the output."""
    n = vectors.shape[0]
    rows_all, cols_all, vals_all = [], [], []
    for rows_index, cols_index in _blocks(times, window):
        columns = vectors if cols_index is None else vectors[cols_index]
        block = (vectors[rows_index] @ columns.T).tocoo()
        rows = rows_index[block.row]
        cols = block.col if cols_index is None else cols_index[block.col]
        keep = (block.data >= threshold) & (cols > rows)
        rows, cols, vals = rows[keep], cols[keep], block.data[keep]
        keep = _window_mask(times, rows, cols, window)
        rows_all.append(rows[keep])
        cols_all.append(cols[keep])
        vals_all.append(vals[keep])
    rows = np.concatenate(rows_all) if rows_all else np.zeros(0, dtype=np.int64)
    cols = np.concatenate(cols_all) if cols_all else np.zeros(0, dtype=np.int64)
    vals = np.concatenate(vals_all) if vals_all else np.zeros(0)
    upper = sparse.csr_matrix((vals, (rows, cols)), shape=(n, n))
    return (upper + upper.T).tocsr()


def _cut(tree: np.ndarray, height: float) -> list[int]:
    """Each leaf's flat cluster (a label) as ``fcluster(tree, height, "distance")`` gives
    it: two leaves share one when they meet below a node whose subtree merges at
    ``height`` or lower. Without fcluster's checks of the tree, which cost more than
    the cut on the small components grouping cuts by the thousand."""
    n = len(tree) + 1
    parent = list(range(2 * n - 1))
    highest = [0.0] * (2 * n - 1)  # the highest merge within each node's subtree
    for i, (a, b, merged, _) in enumerate(tree.tolist()):
        node, a, b = n + i, int(a), int(b)
        highest[node] = max(merged, highest[a], highest[b])
        if highest[node] <= height:
            parent[a] = parent[b] = node
    labels = []
    for leaf in range(n):
        while parent[leaf] != leaf:
            leaf = parent[leaf]
        labels.append(leaf)
    return labels


def _average_linkage(vectors: sparse.csr_matrix, times: np.ndarray, members: np.ndarray, threshold: float, window: float | None) -> list[list[int]]:
    sub = vectors[members]
    sim = (sub @ sub.T).toarray()
    if window is not None:
        t = times[members]
        far = np.abs(t[:, None] - t[None, :]) > window  # NaN compares False: undated links
        sim[far] = 0.0
    distance = np.clip(1.0 - sim, 0.0, None)
    if len(members) == 2:  # most components: one pair, joined when fcluster would join it
        pair = members.tolist()
        return [pair] if distance[0, 1] <= 1.0 - threshold else [[pair[0]], [pair[1]]]
    iu = np.triu_indices(len(members), k=1)
    labels = _cut(linkage(distance[iu], method="average"), 1.0 - threshold)
    groups: dict[int, list[int]] = {}
    for member, label in zip(members.tolist(), labels):
        groups.setdefault(label, []).append(member)
    return list(groups.values())


def _components(graph: sparse.csr_matrix, members: np.ndarray) -> list[np.ndarray]:
    count, labels = connected_components(graph[members][:, members], directed=False)
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    return [members[np.sort(part)] for part in np.split(order, bounds)] if count else []


def cluster_vectors(
    vectors: sparse.csr_matrix,
    times: Sequence[float | None],
    threshold: float,
    window: float | None,
    max_dense: int = MAX_DENSE,
    graph: sparse.csr_matrix | None = None,
) -> list[list[int]]:
    """Groups of row indices of ``vectors`` (each sorted), in order of first member;
    ``graph``: their ``similar_pairs``, when the caller has it already."""
    n = vectors.shape[0]
    if n == 0:
        return []
    t = np.array([np.nan if x is None else x for x in times], dtype=float)
    if graph is None:
        graph = similar_pairs(vectors, t, threshold, window)
    out: list[list[int]] = []
    todo = [(np.arange(n), threshold, graph)]
    while todo:
        members, edge, edges = todo.pop()
        for part in _components(edges, members) if len(members) > 1 else [members]:
            if len(part) == 1:
                out.append(part.tolist())
            elif len(part) <= max_dense or edge >= 0.95:
                out.extend(_average_linkage(vectors, t, part, threshold, window))
            else:
                stricter = min(0.95, edge + 0.05)
                todo.append((part, stricter, edges.multiply(edges >= stricter).tocsr()))
    return sorted((sorted(g) for g in out), key=lambda g: g[0])
