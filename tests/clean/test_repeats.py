"""Comparison keys of lines: the words, case- and punctuation-insensitive."""

from __future__ import annotations

import regex

from tomtat.clean.endings import ends_with_mark
from tomtat.clean.repeats import line_key, line_keys

TEXTS = [
    "Bão số 9 đổ bộ vào Quảng Nam, sáng 14-10.",
    "BÃO SỐ 9 đổ bộ   vào Quảng_Nam!",
    "Toàn cảnh hiện trường - Ảnh 2",
    "Giá 3½ triệu đồng, tăng 5%",  # "½" is no word character
    "Tiếng Việt có dấu thanh kết hợp: Vie\u0302\u0323t",
    "“Trích dẫn” — (ghi chú) … ‘đơn’",
    "",
    " .,; ",
    "x\ty\u00a0z",
]


def test_line_key_is_the_words_joined_by_single_spaces() -> None:
    words = regex.compile(r"\w+")
    for text in TEXTS[:1] + TEXTS[3:]:
        assert line_key(text) == " ".join(words.findall(text.casefold().replace("_", " "))), text
    assert line_key(TEXTS[0]) == "bão số 9 đổ bộ vào quảng nam sáng 14 10"
    assert line_key(TEXTS[2]) == "toàn cảnh hiện trường"  # alt-text numbering dropped


def test_keys_of_many_lines_equal_keys_one_by_one() -> None:
    assert line_keys(TEXTS) == [line_key(t) for t in TEXTS]
    assert line_keys(["một\nhai", "ba"]) == [line_key("một\nhai"), line_key("ba")]
    assert line_keys([]) == []


def test_line_endings_are_read_like_the_end_anchored_pattern() -> None:
    pattern = regex.compile(r"[.!?…:;]+[\"'”’»)\]]*$")
    for text in ["Xong.", 'Ông nói: "Được."', "Tiêu đề", "Hỏi?)", "a.\n", "a.\n\n", "", ")", ".)", "x »"]:
        assert ends_with_mark(text, ".!?…:;") == bool(pattern.search(text)), text
