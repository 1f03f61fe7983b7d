"""The cleaned article: paragraphs with their spans, subheadings marked, removals in order."""

from __future__ import annotations

from tomtat.clean import clean_article
from tomtat.model import Article

TEXT = (
    "TTO - Chiều nay bão số 3 đổ bộ vào Quảng Ninh với sức gió giật cấp 12.\n"
    "Thiệt hại ban đầu\n"
    "Nhiều nhà bị tốc mái, cây xanh bật gốc trên khắp thành phố.\n"
    "Tin liên quan\n"
    "Theo TTXVN"
)


def test_paragraph_spans_point_into_the_cleaned_text() -> None:
    a = clean_article(Article("a", "Bão số 3", TEXT))
    texts = [a.text[p.start : p.end] for p in a.paragraphs]
    assert texts == [
        "Chiều nay bão số 3 đổ bộ vào Quảng Ninh với sức gió giật cấp 12.",
        "Thiệt hại ban đầu",
        "Nhiều nhà bị tốc mái, cây xanh bật gốc trên khắp thành phố.",
    ]
    assert [p.heading for p in a.paragraphs] == [False, True, False]


def test_removals_come_in_line_order_with_their_rule() -> None:
    a = clean_article(Article("a", "Bão số 3", TEXT))
    assert [(r.line, r.reason) for r in a.removed] == [(0, "dateline"), (3, "sidebar"), (4, "sidebar")]
