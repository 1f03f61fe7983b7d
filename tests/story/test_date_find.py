"""The date finder's speed-ups must find exactly what the plain patterns find."""

import re

import pytest

from tomtat.story.date_find import (
    _cores,
    _patterns,
    _positions,
    find_dates,
    find_dates_many,
)

TEXTS = [
    "Hai bên gặp nhau hôm 14-10 tại Paris, sau trận thắng 2-1.",
    "Bản tin lúc 21:40 25/12/2024 cho biết giá tăng 4,5% và 1.000 người dự.",
    "THÁNG 10 năm ngoái, HÔM QUA và Tháng 2-2014 đều được nhắc tới.",
    "Phiên họp 14-15/10/2014 kéo dài; ngày 15 tháng 10 năm 2014 mới bế mạc.",
    "Các số 1-2-3, 201920, 1919 2020 và 19/5/2020 nằm sát nhau.",
    "Kế hoạch năm tới đây, xhôm nay và cách đây 5 tháng; một tuần trước nữa.",
    "Chiều  qua   (giờ địa phương), sáng 19.5 họ tới; 12h 50 phút trưa 23/1 thì về.",
    "İstanbul hôm 15/10 đón đoàn khách; ΟΔΟΣ ngày 3/5/2013.",
    "",
]

# The regular expressions the finder used to run over the whole text to locate what
# each pattern needs; _positions must give the same positions.
NEEDS = {
    "pair": r"\d[/.-]\d",
    "year": r"(?:19|20)\d\d",
    "tháng": r"tháng",
    "cách": r"cách",
    "trước": r"trước",
}


@pytest.mark.parametrize("need", sorted(NEEDS))
def test_needed_positions_are_those_a_regex_finds(need):
    for text in TEXTS:
        low = text.lower()
        assert _positions(low)[need] == [m.start() for m in re.finditer(NEEDS[need], low)]


def test_relative_phrase_positions_are_those_a_regex_finds():
    from tomtat.story.date_find import data

    ends = sorted({" ".join(p.split()[-2:]) for p in data()["relative"]}, key=len, reverse=True)
    regex = re.compile("|".join(re.escape(e) for e in ends))
    for text in [*TEXTS, "năm tới đây năm nay tới đây", "hôm nayhôm qua tuần tới tới"]:
        low = text.lower()
        assert _positions(low)["rel"] == [m.start() for m in regex.finditer(low)]


def test_every_match_holds_its_patterns_core():
    cores = _cores()
    for kind, pattern in _patterns():
        if kind not in cores:
            continue
        core = re.compile(cores[kind], re.IGNORECASE)
        for text in TEXTS:
            for m in pattern.finditer(text):
                assert core.search(text, m.start(), m.end()), (kind, m.group())


def test_texts_found_together_as_one_by_one():
    together = find_dates_many(TEXTS)
    assert together == [find_dates(t) for t in TEXTS]
    assert sum(map(len, together)) >= 12


def test_found_spans_point_at_the_text_even_when_lower_case_is_longer():
    # "İ" lower-cases to two characters: offsets must still be those of the text
    text = "İİİ hôm 15/10 và THÁNG 10"
    found = find_dates(text)
    assert [text[r.start : r.end] for r in found] == ["hôm 15/10", "THÁNG 10"]
    assert [r.text for r in found] == ["hôm 15/10", "THÁNG 10"]


def test_unusual_letters_in_a_relative_phrase_read_like_plain_ones():
    found = find_dates("Hôm qua và ſáng nay, hôm kıa nữa.")
    assert [(r.text, r.offset) for r in found] == [("Hôm qua", -1), ("ſáng nay", 0), ("hôm kıa", -2)]


def test_a_weekday_is_a_cue_for_a_bare_day_and_month():
    [d] = find_dates("Hôm thứ Sáu 13/3, trường học đóng cửa.")
    assert (d.day, d.month, d.text) == (13, 3, "13/3")
    [d] = find_dates("Chủ nhật 7/5 trời mưa")
    assert (d.day, d.month) == (7, 5)
