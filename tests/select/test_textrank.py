from select_fixtures import find, limits

import numpy as np

from tomtat.select.textrank import TextRank


def test_textrank_scores_a_sentence_sharing_words_above_an_isolated_one(storm):
    score = TextRank().scores(storm)
    assert score[find(storm, "Hơn 20.000 người")] > score[find(storm, "Nhiều trường học")]


def test_textrank_skips_ineligible_sentences(storm):
    score = TextRank().scores(storm)
    assert np.isneginf(score[find(storm, "Bạn đã chuẩn bị")])


def test_textrank_keeps_the_budget(storm):
    chosen = TextRank().select(storm, limits(storm, words=35))
    assert storm.features.words[chosen].sum() <= 35
