from select_fixtures import find, limits

import numpy as np

from tomtat.select.graph import candidates, pagerank
from tomtat.select.lexrank import LexRank


def test_pagerank_favours_the_hub_of_a_star():
    star = np.zeros((4, 4))
    star[0, 1:] = star[1:, 0] = 1.0
    p = pagerank(star)
    assert p[0] > p[1] == p[2] == p[3]
    assert abs(p.sum() - 1) < 1e-6


def test_lexrank_scores_a_repeated_fact_above_an_isolated_one(storm):
    score = LexRank().scores(storm)
    assert score[find(storm, "Bão số 9 khiến")] > score[find(storm, "Nhiều trường học")]


def test_graph_is_capped_at_limit_candidates(storm):
    assert len(candidates(storm, 3)) == 3
    assert np.isfinite(LexRank(limit=3).scores(storm)).sum() == 3


def test_lexrank_keeps_the_budget(storm):
    chosen = LexRank().select(storm, limits(storm, words=35))
    assert storm.features.words[chosen].sum() <= 35
