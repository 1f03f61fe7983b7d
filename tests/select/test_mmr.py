from select_fixtures import find, limits


from tomtat.select.base import ranked
from tomtat.select.mmr import MMR, mmr_order


def test_mmr_with_lambda_one_is_plain_relevance_order(storm):
    score = storm.vectors.tfidf @ storm.vectors.centroid
    order = ranked(score)
    assert mmr_order(storm, order, score, lam=1.0) == order


def test_mmr_second_pick_avoids_repeating_the_first(storm):
    score = storm.vectors.tfidf @ storm.vectors.centroid
    order = ranked(score)
    diverse = mmr_order(storm, order, score, lam=0.3)
    sims = storm.vectors.similarities(diverse[:2])
    plain_sims = storm.vectors.similarities(order[:2])
    assert sims[0, 1] <= plain_sims[0, 1]


def test_mmr_method_keeps_the_budget(storm):
    chosen = MMR().select(storm, limits(storm, words=40))
    assert storm.features.words[chosen].sum() <= 40
    assert find(storm, "Bạn đã chuẩn bị") not in chosen
