"""The Python API: ``summarize`` and ``clean`` on plain strings or dicts.

>>> from tomtat import summarize
>>> s = summarize([
...     {"id": "a", "title": "Bão số 3", "text": "Bão số 3 đổ bộ vào Quảng Ninh chiều nay. Gió giật cấp 12."},
...     {"id": "b", "title": "Bão vào Quảng Ninh", "text": "Chiều nay bão số 3 đổ bộ vào Quảng Ninh với gió giật mạnh."},
... ], words=30)
>>> s.word_count <= 30 and {e.sentence.article_id for e in s.sentences} <= {"a", "b"}
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tomtat.clean import clean_cluster
from tomtat.errors import InputError
from tomtat.io.records import article_from_dict
from tomtat.model import Article, Budget, CleanArticle, Cluster, Summary
from tomtat.pipeline import summarize_cluster

ArticleLike = str | Mapping[str, Any] | Article


def to_article(item: ArticleLike, ordinal: int) -> Article:
    """An ``Article`` from a string (its text), a dict (``id``/``title``/``text``/
    ``source``/``url``/``published``, or ``html`` instead of ``text``: read as JSONL
    and the server read it, :func:`tomtat.io.records.article_from_dict`) or an
    ``Article``. Ids default to "1", "2", ..."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(id=str(ordinal), title="", text=item)
    if isinstance(item, Mapping):
        return article_from_dict(item, str(ordinal), f"article {ordinal}")
    raise InputError(f"article {ordinal}: expected a string or a dict, got {type(item).__name__}")


def to_cluster(articles: Sequence[ArticleLike], cluster_id: str = "cluster") -> Cluster:
    """A ``Cluster`` of the given articles; duplicate ids are an error."""
    if isinstance(articles, (str, Mapping)):
        raise InputError("articles must be a list of articles, not a single one")
    items = tuple(to_article(a, i + 1) for i, a in enumerate(articles))
    if not items:
        raise InputError("no articles given")
    seen: set[str] = set()
    for a in items:
        if a.id in seen:
            raise InputError(f"two articles share the id {a.id!r}")
        seen.add(a.id)
    return Cluster(cluster_id, items)


def summarize(
    articles: Sequence[ArticleLike],
    words: int | None = None,
    method: str | None = None,
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    cluster_id: str = "cluster",
) -> Summary:
    """Summarize articles about one story.

    ``words`` (200 when no limit is given), ``sentences`` and ``ratio`` limit the length;
    every limit given is respected. ``method`` names a selection algorithm
    (``tomtat.select.METHODS``; the default when None).
    """
    budget = Budget(words=words, sentences=sentences, ratio=ratio)
    return summarize_cluster(to_cluster(articles, cluster_id), budget, method)


def clean(articles: Sequence[ArticleLike]) -> list[CleanArticle]:
    """The cleaned articles, each with what was removed and why."""
    return clean_cluster(to_cluster(articles).articles)
