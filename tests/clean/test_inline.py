"""Debris glued inside a content line is cut out; the sentence around it stays."""

from __future__ import annotations

from tomtat.clean.inline import cut_line, tidy
from tomtat.clean.rules import load_rules


def test_a_caption_before_a_sentence_is_cut_and_named() -> None:
    kept, cuts = cut_line("Quân đội Nga diễn tập ở Crimea - Ảnh: AFP. Moskva cho biết cuộc tập trận kéo dài một tuần.", load_rules())
    assert kept == "Moskva cho biết cuộc tập trận kéo dài một tuần."
    assert cuts == [("photo-caption", "Quân đội Nga diễn tập ở Crimea - Ảnh: AFP.")]


def test_a_dateline_and_an_ending_mark_are_cut() -> None:
    kept, cuts = cut_line("TTO - Hai bên ký thỏa thuận hợp tác./.", load_rules())
    assert kept == "Hai bên ký thỏa thuận hợp tác."
    assert cuts and cuts[0][1].startswith("TTO")


def test_a_line_without_debris_is_unchanged() -> None:
    line = "Ông Trần Văn Minh cho biết cây cầu dài 1,2 km, có bốn làn xe."
    assert cut_line(line, load_rules()) == (line, [])


def test_tidy_leaves_no_gap_before_punctuation() -> None:
    assert tidy("  Hai bên  ký thỏa thuận , sáng nay .  ") == "Hai bên ký thỏa thuận, sáng nay."
