from select_fixtures import find, limits

from tomtat.select.lead import Lead


def test_lead_takes_the_first_sentences_of_the_first_article_in_order(storm):
    chosen = Lead().select(storm, limits(storm, words=50))
    assert chosen == [0, 1, 2]
    assert all(storm.sentences[i].article_id == "a" for i in chosen)


def test_lead_keeps_a_dangling_sentence_only_after_its_antecedent(storm):
    chosen = Lead().select(storm, limits(storm, words=66))
    assert find(storm, "Tuy nhiên") in chosen
    assert chosen == sorted(chosen)


def test_lead_stops_at_the_first_sentence_that_does_not_fit(storm):
    assert Lead().select(storm, limits(storm, words=20)) == [0]
