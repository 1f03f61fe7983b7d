"""Mojibake: repaired when it can be undone, taken out and reported when it cannot."""

from __future__ import annotations

from tomtat.clean import clean_article
from tomtat.clean.encoding import repair_lines
from tomtat.model import Article

GOOD = "Việt Nam thắng Thái Lan trên sân Mỹ Đình."
MOJIBAKE = GOOD.encode("utf-8").decode("latin-1")  # UTF-8 read as Latin-1: "Viá»\x87t Nam"
TCVN3 = "Hµ Néi lµ thñ ®« cña ViÖt Nam, n¬i cã nhiÒu di tÝch."  # legacy font encoding


def test_utf8_read_as_latin1_is_repaired_and_reported() -> None:
    lines, removed = repair_lines("a", ["Hà Nội mưa lớn.", MOJIBAKE])
    assert lines == ["Hà Nội mưa lớn.", GOOD]
    assert [(r.reason, r.line) for r in removed] == [("mojibake-repaired", 1)]


def test_a_legacy_encoding_line_is_emptied_keeping_line_numbers() -> None:
    lines, removed = repair_lines("a", ["Hà Nội mưa lớn.", TCVN3, "Người dân đã được sơ tán."])
    assert lines == ["Hà Nội mưa lớn.", "", "Người dân đã được sơ tán."]
    assert [(r.reason, r.line, r.text) for r in removed] == [("mojibake-unrepaired", 1, TCVN3)]


def test_clean_text_is_left_alone() -> None:
    text = ["Giá xăng RON 95 tăng 500 đồng/lít từ 15h chiều nay.", "Ông Nguyễn Văn A nói: «Đúng vậy»."]
    assert repair_lines("a", text) == (text, [])


def test_the_cleaned_article_reads_the_repaired_text() -> None:
    cleaned = clean_article(Article("a", "Bóng đá", f"{MOJIBAKE}\n{TCVN3}\nTrận đấu diễn ra tối qua."))
    assert GOOD in cleaned.text and "ViÖt" not in cleaned.text
    assert {r.reason for r in cleaned.removed} == {"mojibake-repaired", "mojibake-unrepaired"}
