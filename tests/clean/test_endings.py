"""Whether a line ends a sentence, closing quotes and brackets allowed after the mark."""

from __future__ import annotations

import pytest

from tomtat.clean.endings import ends_with_mark


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Bão đã đổ bộ.", True),
        ('Ông nói: "Được."', True),
        ("Ai chịu trách nhiệm?)”", True),
        ("Bão đã đổ bộ.\n", True),
        ("Thiệt hại ban đầu", False),
        ("Tiêu đề (ảnh)", False),
        ("", False),
        ('""', False),
    ],
)
def test_sentence_ends(text: str, ends: bool) -> None:
    assert ends_with_mark(text, ".!?") is ends
