"""ArticleCache: summaries of growing clusters are the same with and without it."""

from __future__ import annotations

import pytest

from tomtat.article_cache import ArticleCache
from tomtat.clean.rules import load_rules
from tomtat.model import Article, Budget, Cluster
from tomtat.pipeline import summarize_cluster

from .conftest import FLOOD_ARTICLES

FURNITURE = "Đọc thêm tin thời sự"  # a line every article carries: cleaned away only across the cluster


def _articles() -> list[Article]:
    out = [Article(id=a["id"], title=a["title"], text=a["text"] + "\n" + FURNITURE) for a in FLOOD_ARTICLES]
    out.append(Article(id="d", title="Hà Nội sẽ xây thêm hồ điều hòa", text="Sở Xây dựng Hà Nội cho biết thành phố sẽ xây thêm hồ điều hòa sau trận ngập chiều 12/8.\n" + FURNITURE))
    return out


def _summary(articles: list[Article], cache: ArticleCache | None) -> dict:
    return summarize_cluster(Cluster("flood", tuple(articles)), Budget(words=60), cache=cache).to_dict()


@pytest.mark.parametrize("size", [1, 2, 100])
def test_growing_cluster_summaries_match_uncached(size: int) -> None:
    articles = _articles()
    cache = ArticleCache(size)
    for n in range(1, len(articles) + 1):
        # the furniture line goes once three articles carry it: cached per-article
        # cleaning must not hide that cluster-wide step
        assert _summary(articles[:n], cache) == _summary(articles[:n], None)
    assert len(cache) <= size


def test_cache_keeps_at_most_size_articles() -> None:
    cache = ArticleCache(2)
    rules = load_rules()
    for article in _articles():
        cache.clean_lines(article, rules)
    assert len(cache) == 2


def test_a_changed_article_is_not_served_from_the_cache() -> None:
    articles = _articles()
    cache = ArticleCache()
    _summary(articles, cache)
    edited = [Article(id="a", title=articles[0].title, text="Tin sửa: nước đã rút hết ở phố Nguyễn Trãi trong tối 12/8."), *articles[1:]]
    assert _summary(edited, cache) == _summary(edited, None)


def test_size_must_be_positive() -> None:
    with pytest.raises(ValueError):
        ArticleCache(0)
