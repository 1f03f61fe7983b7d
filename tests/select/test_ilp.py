from select_fixtures import find, limits

from tomtat.select.ilp import ILP, concept_weights


def test_concepts_are_bigrams_shared_by_articles(storm):
    w = concept_weights(storm, min_articles=2)
    vocab = storm.vectors.vocabulary
    assert w[vocab["bão_số"]] == 3
    assert w[vocab["quảng_nam"]] == 3
    assert w[vocab["bão"]] == 0  # unigrams are not concepts
    assert w[vocab["trường_học"]] == 0  # one article only


def test_ilp_covers_the_shared_concepts_within_budget(storm):
    chosen = ILP(min_articles=2).select(storm, limits(storm, words=35))
    text = " ".join(storm.sentences[i].text for i in chosen).lower()
    assert "bão số 9" in text and "quảng nam" in text
    assert storm.features.words[chosen].sum() <= 35


def test_ilp_falls_back_when_nothing_is_shared(storm):
    chosen = ILP(min_articles=50).select(storm, limits(storm, words=35))
    assert chosen and storm.features.words[chosen].sum() <= 35
    assert find(storm, "Bạn đã chuẩn bị") not in chosen
