"""Budget filling shared by every method: budgets, repeats, antecedents."""

import numpy as np
import pytest
from select_fixtures import STORM, build, find

from tomtat.model import Budget
from tomtat.select import DEFAULT_METHOD, METHODS, get_method
from tomtat.select.base import fill
from tomtat.errors import TomtatError


def test_fill_never_exceeds_the_word_budget(storm):
    ranking = list(range(len(storm)))
    for words in (5, 16, 31, 40, 77):
        chosen = fill(storm, ranking, Budget(words=words), redundancy=None)
        if len(chosen) > 1:
            assert storm.words[chosen].sum() <= words


def test_fill_skips_a_long_sentence_to_use_a_shorter_one(storm):
    long_first = [find(storm, "Một người đàn ông"), find(storm, "Điện lưới")]
    chosen = fill(storm, long_first, Budget(words=14))
    assert chosen == [find(storm, "Điện lưới")]


def test_fill_returns_the_best_sentence_when_nothing_fits(storm):
    assert fill(storm, [4, 0], Budget(words=3)) == [4]


def test_fill_respects_a_sentence_budget(storm):
    assert len(fill(storm, range(len(storm)), Budget(sentences=2), redundancy=None)) == 2


def test_near_duplicates_never_both_appear_even_without_redundancy_check(storm_with_copy):
    rep = storm_with_copy
    twins = [i for i, s in enumerate(rep.sentences) if s.text.startswith("Bão số 9 đổ bộ vào Quảng Nam sáng nay")]
    assert len(twins) == 2
    chosen = fill(rep, twins + [1, 2], Budget(words=200), redundancy=None)
    assert len(set(chosen) & set(twins)) == 1


@pytest.mark.parametrize("name", sorted(METHODS))
def test_every_method_keeps_budget_and_drops_copies(name, storm_with_copy):
    rep = storm_with_copy
    twins = {i for i, s in enumerate(rep.sentences) if s.text.startswith("Bão số 9 đổ bộ vào Quảng Nam sáng nay")}
    for words in (20, 45, 90):
        chosen = get_method(name).select(rep, Budget(words=words))
        assert chosen, name
        assert len(set(chosen)) == len(chosen)
        if len(chosen) > 1:
            assert rep.words[chosen].sum() <= words
        assert len(set(chosen) & twins) <= 1


@pytest.mark.parametrize("name", sorted(METHODS))
def test_no_method_picks_questions_or_dangling_openers_alone(name, storm):
    question = find(storm, "Bạn đã chuẩn bị")
    dangling = find(storm, "Tuy nhiên")
    for words in (30, 60, 100):
        chosen = get_method(name).select(storm, Budget(words=words))
        assert question not in chosen
        if dangling in chosen:
            assert dangling - 1 in chosen


def test_a_dangling_sentence_follows_its_antecedent_when_there_is_room(storm):
    before, dangling = find(storm, "Chính quyền tỉnh"), find(storm, "Tuy nhiên")
    alone = fill(storm, [dangling, 0], Budget(words=100))
    assert dangling not in alone
    together = fill(storm, [before], Budget(words=100))
    assert together == [before, dangling]
    no_follow = fill(storm, [before], Budget(words=100), follow_up=False)
    assert no_follow == [before]


def test_default_method_and_unknown_names():
    assert get_method().name == DEFAULT_METHOD == "centroid"
    with pytest.raises(TomtatError, match="unknown method 'nope'"):
        get_method("nope")


@pytest.mark.parametrize("name", sorted(set(METHODS) - {"lead"}))
def test_selection_does_not_depend_on_file_order(name):
    forward = build(STORM)
    backward = build(list(reversed(STORM)))
    budget = Budget(words=60)
    texts_f = {forward.sentences[i].text for i in get_method(name).select(forward, budget)}
    texts_b = {backward.sentences[i].text for i in get_method(name).select(backward, budget)}
    assert texts_f == texts_b


@pytest.mark.parametrize("name", sorted(METHODS))
def test_huge_input_stays_within_budget(name):
    from tomtat.model import Article

    topics = ["đê điều", "lúa gạo", "cầu đường", "trường học", "bệnh viện", "điện lưới", "nước sạch"]
    body = "\n".join(
        f"Ngày {k % 28 + 1} tỉnh báo cáo về {topics[k % 7]} tại xã số {k} với {k * 3} hộ dân được hỗ trợ."
        for k in range(2500)
    )
    rep = build([Article("big", "Báo cáo của tỉnh", body), STORM[1]])
    chosen = get_method(name).select(rep, Budget(words=100))
    assert chosen and rep.words[chosen].sum() <= 100
    assert np.all(np.isfinite(rep.vectors.data))


def test_a_shared_similarity_block_gives_the_same_similarities_and_choice(storm):
    from tomtat.select.base import Similarities

    ranking = list(range(len(storm)))[::-1]
    sims = Similarities(storm, ranking[:3])  # a block smaller than the ranking: the rest one by one
    assert np.array_equal(sims.among(ranking[:3]), storm.similarities(ranking[:3]))
    assert np.array_equal(sims.among(ranking[:5]), storm.similarities(ranking[:5]))
    for words in (20, 60):
        budget = Budget(words=words)
        assert fill(storm, ranking, budget, similarities=sims) == fill(storm, ranking, budget)
