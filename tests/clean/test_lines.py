"""Line rules over one article: debris lines out with their rule and line number."""

from __future__ import annotations

from tomtat.clean.lines import apply_line_rules, heading_shaped
from tomtat.clean.rules import load_rules

LINES = [
    "Chiều nay bão số 3 đổ bộ vào Quảng Ninh với sức gió giật cấp 12.",
    "",
    "Người dân vùng ven biển đã được sơ tán an toàn. Ảnh: Minh Anh",
    "Ảnh: Reuters",
    "Nhiều nhà bị tốc mái, cây xanh bật gốc trên khắp thành phố.",
    "Tin liên quan",
    "Giá vàng tăng mạnh phiên cuối tuần",
    "Theo TTXVN",
]


def test_kept_lines_keep_their_original_line_numbers() -> None:
    kept, removed = apply_line_rules("a", LINES, load_rules())
    assert [(k.line_no, k.text) for k in kept] == [(0, LINES[0]), (4, LINES[4])]
    assert [r.line for r in removed] == [2, 3, 5, 6, 7]
    assert all(r.article_id == "a" and r.reason for r in removed)


def test_a_related_news_box_goes_as_one_section() -> None:
    _, removed = apply_line_rules("a", LINES, load_rules())
    by_line = {r.line: r.reason for r in removed}
    assert by_line[5] == by_line[6]


def test_heading_shape_is_short_without_final_punctuation() -> None:
    assert heading_shaped("Thiệt hại ban đầu")
    assert not heading_shaped("Nhiều nhà bị tốc mái.")
    assert not heading_shaped(" ".join(["chữ"] * 31))


def test_rules_given_as_a_plain_list_clean_as_the_loaded_rules_do() -> None:
    lines = [*LINES, "TTO - Hai bên ký thỏa thuận hợp tác./.", "Bài viết có ảnh minh họa (ảnh) ở cuối trang."]
    assert apply_line_rules("a", lines, list(load_rules())) == apply_line_rules("a", lines, load_rules())
