"""Regrouping around new articles: how the story store keeps the stories batch would make.

``tomtat cluster`` groups a whole stream by average linkage (``link.py``), and average
linkage never joins two groups whose every cross pair is below the threshold: its result
is, exactly, the average linkage of each connected component of the graph of article
pairs at or above the threshold (within the time window) on its own. New articles only
add edges at themselves, so only the components that hold a new article can end
differently; every other component keeps the groups it had.

So a store receiving the stream in slices recomputes exactly those components: the
articles linked to a new one, directly or through a chain of similar pairs, plus every
article of a stored story any of them is in (and, again, what those link to). Their
average linkage is recomputed from scratch, as batch computes it, which may move stored
articles between stories (a story splits, or two merge); the caller maps the groups onto
its stories. Given every stored article such a chain can reach, the result is exactly
batch's; the story store gives it a bounded neighbourhood instead (``tomtat.store.assign``:
the window of the new articles, their near-copies, the whole stories that touches), so a
pass costs the same however large the store is, and a chain leaving the neighbourhood is
cut where it leaves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from tomtat.grouping.features import ArticleFeatures
from tomtat.grouping.group import GroupingOptions, Nodes, make_nodes, window_seconds
from tomtat.grouping.link import cluster_vectors, similar_pairs
from tomtat.grouping.vectors import Frequencies


@dataclass(frozen=True, eq=False)
class Regrouping:
    """``groups``: the article rows of each recomputed group (each sorted, in order of
    first row); ``affected``: per row, whether its group was recomputed (rows not
    affected stay in their known story); ``copies``: rows of each near-duplicate group."""

    groups: list[list[int]]
    affected: np.ndarray
    copies: list[list[int]]


def _affected_nodes(nodes: Nodes, similar: sparse.csr_matrix, known: Sequence[int | None]) -> np.ndarray:
    """Nodes in a connected component (``similar`` pairs, plus "in the same known
    story") that holds a new article."""
    k = len(nodes.members)
    stories: dict[int, int] = {}
    rows, cols = [], []
    fresh = np.zeros(k, dtype=bool)
    for node, members in enumerate(nodes.members):
        for i in members:
            if (story := known[i]) is None:
                fresh[node] = True
            else:
                rows.append(node)
                cols.append(k + stories.setdefault(story, len(stories)))
    size = k + len(stories)
    edges = similar.tocoo()
    graph = sparse.coo_matrix(
        (np.ones(len(edges.row) + len(rows)), (np.concatenate([edges.row, rows]), np.concatenate([edges.col, cols]))), shape=(size, size)
    )
    _, component = connected_components(graph.tocsr(), directed=False)
    return np.isin(component[:k], component[:k][fresh])


def regroup(
    features: Sequence[ArticleFeatures],
    times: Sequence[float | None],
    known: Sequence[int | None],
    options: GroupingOptions,
    background: Frequencies | None = None,
    counted: np.ndarray | None = None,
) -> Regrouping:
    """Regroup the components around the new rows (``known[i] is None``); ``known[i]``
    is the story a stored row is in, ``times[i]`` its publication time (seconds) or None;
    ``background`` and ``counted``: the IDF's larger collection (``vectors.tfidf_matrix``)."""
    n = len(features)
    if len(known) != n or len(times) != n:
        raise ValueError("features, times and known must have one entry per article")
    if n == 0:
        return Regrouping([], np.zeros(0, dtype=bool), [])
    nodes = make_nodes(features, times, options, background, counted)
    node_times = np.array([np.nan if t is None else t for t in nodes.times], dtype=float)
    similar = similar_pairs(nodes.vectors, node_times, options.similarity, window_seconds(options))
    picked = np.flatnonzero(_affected_nodes(nodes, similar, known))
    # The picked nodes' own similar pairs are those among them: the same dot products.
    clusters = cluster_vectors(
        nodes.vectors[picked], [nodes.times[p] for p in picked], options.similarity, window_seconds(options), graph=similar[picked][:, picked]
    )
    groups = sorted((sorted(i for local in cluster for i in nodes.members[picked[local]]) for cluster in clusters), key=lambda g: g[0])
    affected = np.zeros(n, dtype=bool)
    for group in groups:
        affected[group] = True
    return Regrouping(groups, affected, [m for m in nodes.members if len(m) > 1])
