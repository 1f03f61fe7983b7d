"""Average linkage continued from known clusters (how the story store adds articles)."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from tomtat.grouping.extend import extend_clusters
from tomtat.grouping.link import cluster_vectors
from tomtat.grouping.vectors import normalize_rows


def _topics(rows: list[list[float]]) -> sparse.csr_matrix:
    return normalize_rows(sparse.csr_matrix(np.array(rows)))


def test_with_nothing_known_it_groups_as_batch_average_linkage() -> None:
    rng = np.random.default_rng(7)
    vectors = _topics((np.repeat(np.eye(5), 8, axis=0) + 0.3 * rng.random((40, 5))).tolist())
    times = [float(i % 9) for i in range(40)]
    for window in (None, 2.0):
        assert extend_clusters(vectors, times, [None] * 40, 0.6, window) == cluster_vectors(vectors, times, 0.6, window)


def test_new_rows_join_the_known_cluster_they_resemble_and_known_clusters_stay_whole() -> None:
    # rows 0-1: story 10 about topic A; rows 2-3: story 20 about topic B; row 4 is new, about A.
    vectors = _topics([[1, 0, 0], [1, 0.1, 0], [0.8, 0.6, 0], [0.8, 0.6, 0.05], [1, 0.05, 0]])
    groups = extend_clusters(vectors, [None] * 5, [10, 10, 20, 20, None], 0.85, None)
    assert groups == [[0, 1, 4], [2, 3]]


def test_known_clusters_are_not_regrouped_without_a_new_row_between_them() -> None:
    # Regrouping rows 0-3 from scratch joins them all (cosine 0.8 > 0.7); the new row 4
    # is about something else, so stories 10 and 20 stay as the store made them.
    vectors = _topics([[1, 0, 0], [1, 0, 0], [0.8, 0.6, 0], [0.8, 0.6, 0], [0, 0, 1]])
    assert cluster_vectors(vectors, [None] * 5, 0.7, None) == [[0, 1, 2, 3], [4]]
    assert extend_clusters(vectors, [None] * 5, [10, 10, 20, 20, None], 0.7, None) == [[0, 1], [2, 3], [4]]


def test_a_new_row_far_from_everything_starts_its_own_group_and_window_is_kept() -> None:
    vectors = _topics([[1, 0], [1, 0], [0, 1], [1, 0.01]])
    day = 86400.0
    groups = extend_clusters(vectors, [0.0, 0.0, 0.0, 10 * day], [1, 1, None, None], 0.5, 3 * day)
    assert groups == [[0, 1], [2], [3]]


def test_a_new_row_similar_to_two_known_clusters_bridges_them() -> None:
    vectors = _topics([[1, 0], [0.9, 0.44], [0.95, 0.3]])
    assert extend_clusters(vectors, [None] * 3, [1, 2, None], 0.9, None) == [[0, 1, 2]]
