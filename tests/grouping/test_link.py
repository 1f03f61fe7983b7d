"""The clustering core: pairs within a time window, exact average linkage."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from tomtat.grouping import link
from tomtat.grouping.vectors import normalize_rows


def _brute_force(vectors: sparse.csr_matrix, times: np.ndarray, threshold: float, window: float | None) -> set[tuple[int, int]]:
    sim = (vectors @ vectors.T).toarray()
    pairs = set()
    for i in range(len(times)):
        for j in range(i + 1, len(times)):
            near = window is None or np.isnan(times[i]) or np.isnan(times[j]) or abs(times[i] - times[j]) <= window
            if near and sim[i, j] >= threshold:
                pairs.add((i, j))
    return pairs


def test_windowed_blocks_find_exactly_the_pairs_within_the_window(monkeypatch) -> None:
    monkeypatch.setattr(link, "BLOCK", 7)  # many blocks on a small input
    rng = np.random.default_rng(3)
    n = 60
    dense = rng.random((n, 12)) * (rng.random((n, 12)) < 0.3)
    vectors = normalize_rows(sparse.csr_matrix(dense))
    times = rng.integers(0, 20, size=n).astype(float)
    times[rng.random(n) < 0.2] = np.nan  # some undated articles
    for window in (None, 0.0, 2.0, 5.0):
        found = link.similar_pairs(vectors, times, 0.3, window)
        got = {(i, j) for i, j in zip(*found.nonzero()) if i < j}
        assert got == _brute_force(vectors, times, 0.3, window)


def test_components_too_large_for_a_dense_matrix_still_cluster() -> None:
    rng = np.random.default_rng(5)
    topics = np.repeat(np.eye(4), 10, axis=0) + 0.05 * rng.random((40, 4))
    vectors = normalize_rows(sparse.csr_matrix(topics))
    groups = link.cluster_vectors(vectors, [None] * 40, 0.5, None, max_dense=5)
    assert sorted(len(g) for g in groups) == [10, 10, 10, 10]
