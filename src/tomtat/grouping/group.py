"""Group a stream of articles into stories.

1. near-duplicates (MinHash LSH) are merged into one node each, so copies of an agency
   story always end in the same story, even when published days apart;
2. each node gets a TF-IDF vector (the mean of its copies) and a time (the earliest
   known ``published`` of its copies);
3. average-linkage clustering joins nodes whose average cosine similarity reaches
   ``similarity``, counting pairs published more than ``window_days`` apart as unrelated.

Articles without a date link to anything: the window only separates what it can.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from tomtat.grouping.duplicates import near_duplicates
from tomtat.grouping.features import ArticleFeatures, FeatureMaker
from tomtat.grouping.link import cluster_vectors
from tomtat.grouping.vectors import Frequencies, normalize_rows, tfidf_matrix
from tomtat.model import Article
from tomtat.text.published import parse_published

DAY = 86400.0


@dataclass(frozen=True, slots=True)
class GroupingOptions:
    """Knobs of story grouping; the defaults were measured on ViMs dev (docs/BENCHMARKS.md)."""

    similarity: float = 0.18
    duplicate: float = 0.7
    window_days: float | None = 3.0
    num_perm: int = 64


@dataclass(frozen=True, slots=True)
class ArticleGroup:
    """The articles grouped as one story, in input order (a cluster ``tomtat batch`` can
    summarize; not :class:`tomtat.story.Story`, which is a cluster's timeline and actors);
    ``duplicates`` lists groups of near-copies."""

    id: str
    articles: tuple[Article, ...]
    duplicates: tuple[tuple[str, ...], ...] = ()

    def to_dict(self) -> dict:
        """The cluster JSONL line ``tomtat batch`` reads: ``{"id", "articles": [...]}``."""
        out: dict = {"id": self.id, "articles": [article_to_dict(a) for a in self.articles]}
        if self.duplicates:
            out["near_duplicates"] = [list(group) for group in self.duplicates]
        return out


def article_to_dict(article: Article) -> dict:
    """An article as an article JSONL object (fields that are unset are left out)."""
    out = {"id": article.id, "title": article.title, "text": article.text}
    for key in ("source", "url", "published"):
        value = getattr(article, key)
        if value is not None:
            out[key] = value
    return out


def story_id(articles: Sequence[Article]) -> str:
    """A stable id from the member ids: the same articles give the same story id."""
    digest = hashlib.sha1("\n".join(sorted(a.id for a in articles)).encode("utf-8")).hexdigest()
    return f"story-{digest[:12]}"


@dataclass(frozen=True, eq=False)
class Nodes:
    """Articles with their near-copies merged: ``members[k]`` are the article indices
    of node k (numbered in input order), ``vectors`` its unit TF-IDF row (the mean of
    its copies), ``times`` the earliest known ``published`` of its copies."""

    members: list[list[int]]
    vectors: sparse.csr_matrix
    times: list[float | None]


def make_nodes(
    features: Sequence[ArticleFeatures],
    times: Sequence[float | None],
    options: GroupingOptions,
    background: Frequencies | None = None,
    counted: np.ndarray | None = None,
) -> Nodes:
    """The nodes of a set of articles, from their features and times (seconds or None);
    ``background`` and ``counted``: the IDF's larger collection (``vectors.tfidf_matrix``)."""
    copies = near_duplicates([f.signature for f in features], options.duplicate)
    node_of: dict[int, int] = {}
    members: list[list[int]] = []
    for i in range(len(features)):
        root = copies.find(i)
        if root not in node_of:
            node_of[root] = len(members)
            members.append([])
        members[node_of[root]].append(i)
    rows = tfidf_matrix([(f.keys, f.counts) for f in features], background, counted)
    node_index = np.empty(len(features), dtype=np.int64)
    for node, group in enumerate(members):
        node_index[group] = node
    pick = sparse.csr_matrix((np.ones(len(features)), (node_index, np.arange(len(features)))), shape=(len(members), len(features)))
    node_times = [min((t for i in group if (t := times[i]) is not None), default=None) for group in members]
    return Nodes(members, normalize_rows(sparse.csr_matrix(pick @ rows)), node_times)


def window_seconds(options: GroupingOptions) -> float | None:
    """The time window in seconds (None: no window)."""
    return None if options.window_days is None else options.window_days * DAY


def group_articles(articles: Sequence[Article], options: GroupingOptions = GroupingOptions()) -> list[ArticleGroup]:
    """Stories of ``articles`` (ids unique), ordered by their first article in the input."""
    if not articles:
        return []
    maker = FeatureMaker(options.num_perm)
    nodes = make_nodes([maker(a) for a in articles], [timestamp(a.published) for a in articles], options)
    clusters = cluster_vectors(nodes.vectors, nodes.times, options.similarity, window_seconds(options))
    members = nodes.members
    stories: list[tuple[int, ArticleGroup]] = []
    for found in clusters:
        indices = sorted(i for node in found for i in members[node])
        chosen = tuple(articles[i] for i in indices)
        dups = tuple(tuple(articles[i].id for i in members[node]) for node in found if len(members[node]) > 1)
        stories.append((indices[0], ArticleGroup(story_id(chosen), chosen, dups)))
    return [story for _, story in sorted(stories, key=lambda pair: pair[0])]


def timestamp(published: str | None) -> float | None:
    """Seconds since the epoch of a ``published`` value, None when undated."""
    when = parse_published(published)
    return None if when is None else when.timestamp()
