from select_fixtures import find

import numpy as np

from tomtat.select.coverage import coverage_order, early_concept_weights


def _column(rep, gram: str) -> int:
    return rep.vectors.vocabulary[gram]


def test_concepts_several_articles_put_early_weigh_more_than_late_ones(storm):
    weights = early_concept_weights(storm, decay=0.75)
    # "bão số" opens all three articles; "điện lưới" comes late in two of them
    assert weights[_column(storm, "bão_số")] > weights[_column(storm, "điện_lưới")] > 0


def test_a_bigram_of_one_article_is_no_concept(storm):
    weights = early_concept_weights(storm, decay=0.75)
    assert weights[_column(storm, "duy_xuyên")] == 0


def test_coverage_does_not_take_the_same_news_twice_before_new_news(storm):
    relevance = np.zeros(len(storm))  # coverage alone decides
    order = coverage_order(storm, relevance, early_concept_weights(storm, 0.75), gamma=1.0, r=0.75, words=60)
    texts = [storm.sentences[i].text for i in order]
    assert sum("đổ bộ" in t for t in texts) == 1
    assert len(order) >= 2


def test_coverage_skips_sentences_without_a_finite_relevance(storm):
    relevance = np.zeros(len(storm))
    banned = find(storm, "Bão số 9 đổ bộ")
    relevance[banned] = -np.inf
    order = coverage_order(storm, relevance, early_concept_weights(storm, 0.75), gamma=0.75, r=0.75, words=None)
    assert banned not in order
    assert coverage_order(storm, np.full(len(storm), -np.inf), np.zeros(1), 0.75, 0.75, None) == []


def test_a_concept_half_made_of_a_stopword_weighs_less_than_a_content_one(storm):
    # "đổ bộ" and "bộ vào" open the same two articles: the same votes, but "vào" is grammar
    full = early_concept_weights(storm, 0.75)
    assert full[_column(storm, "bộ_vào")] == full[_column(storm, "đổ_bộ")] > 0
    weights = early_concept_weights(storm, 0.75, half_function=0.25)
    assert weights[_column(storm, "đổ_bộ")] == full[_column(storm, "đổ_bộ")]
    assert weights[_column(storm, "bộ_vào")] == 0.25 * full[_column(storm, "bộ_vào")]
