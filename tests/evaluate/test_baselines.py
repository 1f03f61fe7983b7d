"""The yardstick summaries: lead and round-robin lead, cut at the word budget."""

from __future__ import annotations

from tomtat.evaluate.baselines import fill_truncated, lead_order, round_robin_order, summary_text
from tomtat.model import Sentence


def s(article: str, index: int, text: str, heading: bool = False) -> Sentence:
    return Sentence(article, index, index, 0, len(text), text, heading=heading)


SENTENCES = [
    s("a", 0, "Bão số 3 đổ bộ vào Quảng Ninh."),
    s("a", 1, "Thiệt hại", heading=True),
    s("a", 2, "Nhiều nhà bị tốc mái."),
    s("b", 0, "Gió giật cấp 12 ở Hạ Long."),
    s("b", 1, "Người dân đã sơ tán."),
]


def test_lead_reads_article_by_article_without_headings() -> None:
    assert [x.key for x in lead_order(SENTENCES)] == [("a", 0), ("a", 2), ("b", 0), ("b", 1)]


def test_round_robin_takes_each_article_in_turn() -> None:
    assert [x.key for x in round_robin_order(SENTENCES)] == [("a", 0), ("b", 0), ("a", 2), ("b", 1)]


def test_the_summary_is_cut_at_the_budget() -> None:
    chosen = fill_truncated(round_robin_order(SENTENCES), words=10)
    assert [x.key for x in chosen] == [("a", 0), ("b", 0)]
    assert summary_text(chosen, 10) == "Bão số 3 đổ bộ vào Quảng Ninh. Gió giật"
