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

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from tomtat.clean import clean_cluster
from tomtat.errors import BudgetError, InputError
from tomtat.io.decode import replace_surrogates
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


def _without_surrogates(cluster: Cluster) -> Cluster:
    """The cluster with lone surrogates (unwritable in UTF-8) replaced by U+FFFD."""

    def opt(value: str | None) -> str | None:
        return None if value is None else replace_surrogates(value)

    def fixed(article: Article) -> Article:
        return dataclasses.replace(
            article, id=replace_surrogates(article.id), title=replace_surrogates(article.title),
            text=replace_surrogates(article.text), source=opt(article.source), url=opt(article.url),
            published=opt(article.published),
        )

    return Cluster(replace_surrogates(cluster.id), tuple(fixed(a) for a in cluster.articles))


def check_limits(words: int | None, sentences: int | None, ratio: float | None) -> Budget:
    """A ``Budget`` from the Python arguments, or a ``BudgetError`` naming the argument
    (``words="10"`` or ``words=True`` is a mistake to report, not a number to guess)."""
    for name, value in (("words", words), ("sentences", sentences)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise BudgetError(f"{name} must be a whole number or None (got {value!r})")
        if value is not None and value < 1:
            raise BudgetError(f"{name} must be at least 1 (got {value})")
    if ratio is not None:
        if isinstance(ratio, bool) or not isinstance(ratio, (int, float)):
            raise BudgetError(f"ratio must be a number in (0, 1] or None (got {ratio!r})")
        if not 0 < ratio <= 1:
            raise BudgetError(f"ratio must be in (0, 1] (got {ratio})")
    return Budget(words=words, sentences=sentences, ratio=ratio)


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
    budget = check_limits(words, sentences, ratio)
    return summarize_cluster(_without_surrogates(to_cluster(articles, cluster_id)), budget, method)


def clean(articles: Sequence[ArticleLike]) -> list[CleanArticle]:
    """The cleaned articles, each with what was removed and why."""
    return clean_cluster(_without_surrogates(to_cluster(articles)).articles)
