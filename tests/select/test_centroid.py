from select_fixtures import find, limits

import numpy as np

from tomtat.select.centroid import Centroid


def test_centroid_prefers_what_several_articles_report(storm):
    score = Centroid().scores(storm)
    landfall = find(storm, "Bão số 9 đổ bộ")
    unique = find(storm, "Nhiều trường học")
    assert score[landfall] > score[unique]


def test_centroid_ranks_ineligible_sentences_minus_infinity(storm):
    score = Centroid().scores(storm)
    assert np.isneginf(score[find(storm, "Bạn đã chuẩn bị")])
    assert np.isneginf(score[find(storm, "Tuy nhiên")])


def test_centroid_summary_covers_several_facts_not_one_fact_twice(storm):
    chosen = Centroid().select(storm, limits(storm, words=45))
    texts = [storm.sentences[i].text for i in chosen]
    assert sum("đổ bộ" in t for t in texts) == 1
    assert len({storm.sentences[i].article_id for i in chosen}) >= 2
