"""A .txt article: the first line is the title unless that would lose or mislabel text."""

from __future__ import annotations

from tomtat.io.txt import article_from_text


def test_first_line_is_the_title_and_the_rest_the_body() -> None:
    a = article_from_text("\n\nBão số 3 đổ bộ\nBão vào Quảng Ninh chiều nay.\nGió giật cấp 12.", "a", "a.txt")
    assert a.title == "Bão số 3 đổ bộ"
    assert a.text == "Bão vào Quảng Ninh chiều nay.\nGió giật cấp 12."
    assert a.line_offset == 3  # body line 1 is line 4 of the file (0-based 3)


def test_a_first_line_that_reads_like_a_paragraph_stays_text() -> None:
    lead = "Chiều nay, bão số 3 đã đổ bộ vào tỉnh Quảng Ninh với sức gió giật cấp 12 khiến nhiều nhà bị tốc mái."
    a = article_from_text(f"{lead}\nNgười dân đã được sơ tán.", "a", "a.txt")
    assert a.title == "" and a.text.startswith(lead)


def test_a_single_line_file_is_text_not_a_title() -> None:
    a = article_from_text("Bão số 3 đổ bộ vào Quảng Ninh\n", "a", "a.txt")
    assert a.title == "" and a.text.strip() == "Bão số 3 đổ bộ vào Quảng Ninh"


def test_an_empty_file_gives_an_empty_article() -> None:
    a = article_from_text("\n  \n", "a", "a.txt")
    assert (a.title, a.text, a.origin) == ("", "", "a.txt")
