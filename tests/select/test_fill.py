"""The budget filler shared by every method: limits, repeats, antecedents, events."""

import numpy as np
from select_fixtures import find, limits

from tomtat.select.fill import fill, spread_over_events


def test_fill_never_exceeds_the_word_budget(storm):
    ranking = list(range(len(storm)))
    for words in (5, 16, 31, 40, 77):
        chosen = fill(storm, ranking, limits(storm, words=words), redundancy=None)
        if len(chosen) > 1:
            assert storm.features.words[chosen].sum() <= words


def test_fill_skips_a_long_sentence_to_use_a_shorter_one(storm):
    long_first = [find(storm, "Một người đàn ông"), find(storm, "Điện lưới")]
    chosen = fill(storm, long_first, limits(storm, words=14))
    assert chosen == [find(storm, "Điện lưới")]


def test_fill_returns_the_best_sentence_when_nothing_fits(storm):
    assert fill(storm, [4, 0], limits(storm, words=3)) == [4]


def test_fill_respects_a_sentence_budget(storm):
    assert len(fill(storm, range(len(storm)), limits(storm, sentences=2), redundancy=None)) == 2


def test_near_duplicates_never_both_appear_even_without_redundancy_check(storm_with_copy):
    rep = storm_with_copy
    twins = [i for i, s in enumerate(rep.sentences) if s.text.startswith("Bão số 9 đổ bộ vào Quảng Nam sáng nay")]
    assert len(twins) == 2
    chosen = fill(rep, twins + [1, 2], limits(rep, words=200), redundancy=None)
    assert len(set(chosen) & set(twins)) == 1


def test_a_dangling_sentence_follows_its_antecedent_when_there_is_room(storm):
    before, dangling = find(storm, "Chính quyền tỉnh"), find(storm, "Tuy nhiên")
    alone = fill(storm, [dangling, 0], limits(storm, words=100))
    assert dangling not in alone
    together = fill(storm, [before], limits(storm, words=100))
    assert together == [before, dangling]
    no_follow = fill(storm, [before], limits(storm, words=100), follow_up=False)
    assert no_follow == [before]


def test_a_shared_similarity_block_gives_the_same_similarities_and_choice(storm):
    from tomtat.select.fill import Similarities

    ranking = list(range(len(storm)))[::-1]
    sims = Similarities(storm, ranking[:3])  # a block smaller than the ranking: the rest one by one
    assert np.array_equal(sims.among(ranking[:3]), storm.vectors.similarities(ranking[:3]))
    assert np.array_equal(sims.among(ranking[:5]), storm.vectors.similarities(ranking[:5]))
    for words in (20, 60):
        budget = limits(storm, words=words)
        assert fill(storm, ranking, budget, similarities=sims) == fill(storm, ranking, budget)


def test_similarities_to_the_chosen_sentences_are_those_of_the_sparse_product(storm):
    from tomtat.select.fill import Gathered

    everyone = list(range(len(storm)))
    chosen = Gathered(storm.vectors.tfidf)
    for k in (1, 3, len(storm)):  # the summary growing, then one that is not a continuation
        chosen.follow(everyone[:k])
        for i in everyone:
            assert np.array_equal(chosen.cosines(i), storm.vectors.similarity_to(i, everyone[:k]))
    chosen.follow([2, 0])
    assert np.array_equal(chosen.cosines(1), storm.vectors.similarity_to(1, [2, 0]))


def test_spread_leaves_a_single_event_ranking_alone():
    assert spread_over_events([2, 0, 1], [0, 0, 0]) == [2, 0, 1]


def test_each_main_event_s_best_sentence_is_tried_first(storm):
    # each article tells its own event: a budget for two sentences takes the best of
    # two events instead of the two best of the first
    events = storm.features.article.tolist()
    ranking = list(range(len(storm)))
    chosen = fill(storm, ranking, limits(storm, sentences=2), events, redundancy=None)
    assert [events[i] for i in chosen] == [0, 1]
    without = fill(storm, ranking, limits(storm, sentences=2), None, redundancy=None)
    assert [events[i] for i in without] == [0, 0]


def test_room_left_at_the_end_is_not_filled_with_a_fragment():
    from select_fixtures import build

    from tomtat.model import Article

    rep = build([
        Article("a", "Mưa lớn ở Hà Nội", "Mưa lớn kéo dài từ đêm qua khiến nhiều tuyến phố ở Hà Nội ngập sâu.\n"
                "Hàng trăm xe máy chết máy giữa đường khi người dân đi làm vào sáng nay.\n"
                "Ông Nam nói thêm như vậy."),
    ])
    first, second, fragment = find(rep, "Mưa lớn"), find(rep, "Hàng trăm"), find(rep, "Ông Nam")
    assert 6 <= rep.features.words[fragment] < 8
    room = int(rep.features.words[first]) + int(rep.features.words[fragment])  # the second sentence does not fit
    assert fill(rep, [first, second, fragment], limits(rep, words=room)) == [first]
    # ranked before anything failed to fit, a short sentence is a choice, not a filler
    assert fill(rep, [fragment, first, second], limits(rep, words=room)) == [fragment, first]


def test_sentences_that_differ_only_in_a_number_are_one_repeat():
    from select_fixtures import build

    from tomtat.model import Article

    rep = build([Article(f"a{k}", f"Tin {k}", f"Cuộc họp lần thứ {k}.") for k in range(1, 40)]
                + [Article("b", "Kết quả", "Hội nghị thông qua nghị quyết về phát triển kinh tế vùng.")])
    chosen = fill(rep, list(range(len(rep))), limits(rep, words=60), redundancy=None)
    texts = [rep.sentences[i].text for i in chosen]
    assert sum(t.startswith("Cuộc họp lần thứ") for t in texts) == 1
    assert "Hội nghị thông qua nghị quyết về phát triển kinh tế vùng." in texts
