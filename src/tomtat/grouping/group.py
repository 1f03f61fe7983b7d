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

from tomtat.grouping.duplicates import TokenIds, near_duplicates, shingle_hashes
from tomtat.grouping.extend import extend_clusters
from tomtat.grouping.link import cluster_vectors
from tomtat.grouping.vectors import feature_counts, normalize_rows, tfidf_matrix
from tomtat.model import Article
from tomtat.text.published import parse_published
from tomtat.text.stopwords import stopwords
from tomtat.text.tokens import syllables

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


def _nodes(articles: Sequence[Article], options: GroupingOptions) -> tuple[list[list[int]], sparse.csr_matrix]:
    """Near-duplicate groups (lists of article indices, numbered in input order) and
    one TF-IDF row per article."""
    token_ids = TokenIds(stopwords("function"))
    tokens, shingles = [], []
    for article in articles:
        title, text = token_ids(syllables(article.title)), token_ids(syllables(article.text))
        tokens.append((title, text))
        shingles.append(shingle_hashes(title + text))
    copies = near_duplicates(shingles, options.duplicate, options.num_perm)
    node_of: dict[int, int] = {}
    members: list[list[int]] = []
    for i in range(len(articles)):
        root = copies.find(i)
        if root not in node_of:
            node_of[root] = len(members)
            members.append([])
        members[node_of[root]].append(i)
    is_stop = token_ids.is_stop()
    rows = tfidf_matrix([feature_counts(title, text, is_stop) for title, text in tokens])
    return members, rows


def group_articles(articles: Sequence[Article], options: GroupingOptions = GroupingOptions()) -> list[ArticleGroup]:
    """Stories of ``articles`` (ids unique), ordered by their first article in the input."""
    return _group(articles, None, options)


def extend_groups(articles: Sequence[Article], known: Sequence[str | None], options: GroupingOptions = GroupingOptions()) -> list[ArticleGroup]:
    """Stories of ``articles`` when some are already grouped: ``known[i]`` names the
    story article ``i`` is in (None for a new article). New articles join known stories,
    or each other, by the rules of ``group_articles`` continued from the known stories
    (``tomtat.grouping.extend``); known stories are never split, and two of them end in
    one group only when new articles bridge them or a near-copy is in both."""
    if len(known) != len(articles):
        raise ValueError("known must name one story (or None) per article")
    return _group(articles, known, options)


def _group(articles: Sequence[Article], known: Sequence[str | None] | None, options: GroupingOptions) -> list[ArticleGroup]:
    if not articles:
        return []
    members, rows = _nodes(articles, options)
    node_index = np.empty(len(articles), dtype=np.int64)
    for node, group in enumerate(members):
        node_index[group] = node
    pick = sparse.csr_matrix((np.ones(len(articles)), (node_index, np.arange(len(articles)))), shape=(len(members), len(articles)))
    node_vectors = normalize_rows(sparse.csr_matrix(pick @ rows))
    times = [_timestamp(a.published) for a in articles]
    node_times = [min((t for i in group if (t := times[i]) is not None), default=None) for group in members]
    window = None if options.window_days is None else options.window_days * DAY
    if known is None:
        clusters = cluster_vectors(node_vectors, node_times, options.similarity, window)
    else:
        clusters = extend_clusters(node_vectors, node_times, _node_seeds(members, known), options.similarity, window)

    stories: list[tuple[int, ArticleGroup]] = []
    for nodes in clusters:
        indices = sorted(i for node in nodes for i in members[node])
        chosen = tuple(articles[i] for i in indices)
        dups = tuple(tuple(articles[i].id for i in members[node]) for node in nodes if len(members[node]) > 1)
        stories.append((indices[0], ArticleGroup(story_id(chosen), chosen, dups)))
    return [story for _, story in sorted(stories, key=lambda pair: pair[0])]


def _node_seeds(members: list[list[int]], known: Sequence[str | None]) -> list[int | None]:
    """The known story of each node; stories sharing a node (near-copies stored in two
    stories) count as one."""
    number: dict[str, int] = {}
    parent: list[int] = []

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    firsts: list[int | None] = []
    for group in members:
        seeds = [number.setdefault(name, len(number)) for i in group if (name := known[i]) is not None]
        parent.extend(range(len(parent), len(number)))
        for other in seeds[1:]:
            parent[find(other)] = find(seeds[0])
        firsts.append(seeds[0] if seeds else None)
    return [None if first is None else find(first) for first in firsts]


def _timestamp(published: str | None) -> float | None:
    """Seconds since the epoch of a ``published`` value, None when undated."""
    when = parse_published(published)
    return None if when is None else when.timestamp()
