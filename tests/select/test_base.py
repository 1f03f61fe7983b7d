"""Rules every selection method keeps, whatever it ranks: budgets, repeats, antecedents."""

import numpy as np
import pytest
from select_fixtures import STORM, build, find, limits

from tomtat.errors import TomtatError
from tomtat.select import DEFAULT_METHOD, METHODS, get_method


@pytest.mark.parametrize("name", sorted(METHODS))
def test_every_method_keeps_budget_and_drops_copies(name, storm_with_copy):
    rep = storm_with_copy
    twins = {i for i, s in enumerate(rep.sentences) if s.text.startswith("Bão số 9 đổ bộ vào Quảng Nam sáng nay")}
    for words in (20, 45, 90):
        chosen = get_method(name).select(rep, limits(rep, words=words))
        assert chosen, name
        assert len(set(chosen)) == len(chosen)
        if len(chosen) > 1:
            assert rep.features.words[chosen].sum() <= words
        assert len(set(chosen) & twins) <= 1


@pytest.mark.parametrize("name", sorted(METHODS))
def test_no_method_picks_questions_or_dangling_openers_alone(name, storm):
    question = find(storm, "Bạn đã chuẩn bị")
    dangling = find(storm, "Tuy nhiên")
    for words in (30, 60, 100):
        chosen = get_method(name).select(storm, limits(storm, words=words))
        assert question not in chosen
        if dangling in chosen:
            assert dangling - 1 in chosen


def test_default_method_and_unknown_names():
    assert get_method().name == DEFAULT_METHOD == "centroid"
    with pytest.raises(TomtatError, match="unknown method 'nope'"):
        get_method("nope")


@pytest.mark.parametrize("name", sorted(set(METHODS) - {"lead"}))
def test_selection_does_not_depend_on_file_order(name):
    forward = build(STORM)
    backward = build(list(reversed(STORM)))
    texts_f = {forward.sentences[i].text for i in get_method(name).select(forward, limits(forward, words=60))}
    texts_b = {backward.sentences[i].text for i in get_method(name).select(backward, limits(backward, words=60))}
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
    chosen = get_method(name).select(rep, limits(rep, words=100))
    assert chosen and rep.features.words[chosen].sum() <= 100
    assert np.all(np.isfinite(rep.vectors.tfidf.data))
