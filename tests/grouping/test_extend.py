"""Regrouping around new articles (how the story store keeps batch grouping's stories)."""

from __future__ import annotations

import numpy as np

from tomtat.grouping import GroupingOptions, group_articles
from tomtat.grouping.extend import regroup
from tomtat.grouping.features import ArticleFeatures, FeatureMaker
from tomtat.grouping.group import timestamp
from tomtat.model import Article


def made(counts: dict[int, int]) -> ArticleFeatures:
    """Features with the given feature counts and no near-duplicate signature."""
    keys = sorted(counts)
    return ArticleFeatures(np.array(keys, dtype=np.int64), np.array([counts[k] for k in keys], dtype=np.int64), np.zeros(0, dtype=np.uint32))


def test_arriving_one_by_one_ends_as_batch_grouping_of_the_whole_stream(gkit) -> None:
    articles = [Article(r["id"], r["title"], r["text"], published=r["published"]) for r in gkit.stream()]
    maker = FeatureMaker()
    features = [maker(a) for a in articles]
    times = [timestamp(a.published) for a in articles]
    story: dict[int, int] = {}
    for new in range(len(articles)):
        rows = sorted(story) + [new]
        result = regroup([features[i] for i in rows], [times[i] for i in rows], [story[i] for i in rows[:-1]] + [None], GroupingOptions())
        assert result.affected[-1]
        for group in result.groups:
            label = min(rows[i] for i in group)
            story.update((rows[i], label) for i in group)
    stored = {frozenset(a.id for a, s in zip(articles, range(len(articles))) if story[s] == label) for label in set(story.values())}
    assert stored == {frozenset(a.id for a in g.articles) for g in group_articles(articles)}


def test_a_new_article_can_take_part_of_a_stored_story_away() -> None:
    # Alone, a and b are alike (their other features are seen once and dropped); c is
    # b's closer match and shares nothing with a: batch average linkage makes {a}, {b, c}.
    a, b, c = made({1: 2, 2: 2, 4: 1}), made({1: 1, 2: 1, 3: 3, 5: 1}), made({3: 3, 5: 1, 6: 1})
    assert regroup([a, b], [None, None], [None, None], GroupingOptions(similarity=0.5)).groups == [[0, 1]]
    result = regroup([a, b, c], [None] * 3, [7, 7, None], GroupingOptions(similarity=0.5))
    assert result.groups == [[0], [1, 2]]
    assert result.affected.all()


def test_a_new_article_like_two_stored_stories_bridges_them_and_others_stay_out() -> None:
    fuel, fire, both, far = made({1: 1, 2: 1}), made({3: 1, 4: 1}), made({1: 1, 2: 1, 3: 1, 4: 1}), made({8: 1, 9: 1})
    result = regroup([fuel, fire, far, far, both], [None] * 5, [1, 2, 3, 3, None], GroupingOptions(similarity=0.3))
    assert result.groups == [[0, 1, 4]]
    assert result.affected.tolist() == [True, True, False, False, True]


def test_the_window_keeps_a_late_article_out() -> None:
    day = 86400.0
    fuel, again = made({1: 1, 2: 1}), made({1: 1, 2: 1, 3: 1})
    result = regroup([fuel, fuel, again], [0.0, day, 10 * day], [1, 1, None], GroupingOptions(window_days=3))
    assert result.groups == [[2]] and result.affected.tolist() == [False, False, True]
    result = regroup([fuel, fuel, again], [0.0, day, 2 * day], [1, 1, None], GroupingOptions(window_days=3))
    assert result.groups == [[0, 1, 2]]
