"""Baselines, greedy oracle and human agreement on invented clusters."""

from __future__ import annotations

import pytest

from tomtat.evaluate.baselines import (
    fill_truncated,
    lead_order,
    round_robin_order,
    summary_text,
    truncate_words,
)
from tomtat.evaluate.oracle import greedy_oracle, human_agreement
from tomtat.evaluate.rouge import score
from tomtat.model import Sentence


def _sentences(articles: dict[str, list[str]]) -> list[Sentence]:
    out = []
    for aid, texts in articles.items():
        for i, t in enumerate(texts):
            out.append(Sentence(aid, 0, i, 0, len(t), t))
    return out


SENTS = _sentences(
    {
        "1": ["Mưa lớn kéo dài cả đêm qua.", "Nhiều tuyến phố bị ngập sâu."],
        "2": ["Công ty thoát nước vận hành 12 trạm bơm.", "Giao thông ùn tắc kéo dài."],
    }
)


def test_truncate_words_counts_whitespace_words():
    assert truncate_words("một hai ba bốn", 2) == "một hai"
    assert truncate_words("một hai", 5) == "một hai"
    assert truncate_words("một  hai", None) == "một hai"


def test_lead_and_round_robin_orders():
    assert [s.key for s in lead_order(SENTS)] == [("1", 0), ("1", 1), ("2", 0), ("2", 1)]
    assert [s.key for s in round_robin_order(SENTS)] == [("1", 0), ("2", 0), ("1", 1), ("2", 1)]


def test_fill_truncated_overflows_once_and_text_is_cut_at_the_budget():
    chosen = fill_truncated(lead_order(SENTS), 9)
    assert [s.key for s in chosen] == [("1", 0), ("1", 1)]
    text = summary_text(chosen, 9)
    assert len(text.split()) == 9
    assert text.endswith("Nhiều tuyến")


def test_oracle_finds_the_sentences_the_reference_paraphrases():
    refs = ["12 trạm bơm được vận hành khi nhiều tuyến phố bị ngập sâu."]
    chosen = greedy_oracle(SENTS, refs, words=20)
    assert {s.key for s in chosen} == {("2", 0), ("1", 1)}
    oracle = score(summary_text(chosen, 20), refs)["rouge2"].f
    lead = score(summary_text(fill_truncated(lead_order(SENTS), 20), 20), refs)["rouge2"].f
    assert oracle > lead


def test_oracle_without_references_chooses_nothing():
    assert greedy_oracle(SENTS, [], words=20) == []


def test_human_agreement_scores_each_reference_against_the_others():
    refs = ["mưa lớn gây ngập", "mưa lớn gây ngập phố", "trạm bơm hoạt động"]
    h = human_agreement(refs)
    expected = sum(
        score(r, [o for o in refs if o != r])["rouge1"].f for r in refs
    ) / 3
    assert h["rouge1"].f == pytest.approx(expected)
    assert human_agreement(refs[:1]) is None
