"""Years for an article's year-less dates from its own text."""

from __future__ import annotations

import unicodedata

import pytest

from tomtat.story.dates import find_dates_many
from tomtat.story.mention_years import estimate_years, sentence_evidence


def _estimate(*sentences: str) -> dict:
    keys = [("a", i) for i in range(len(sentences))]
    texts = dict(zip(keys, sentences))
    return estimate_years(texts, dict(zip(keys, find_dates_many(list(sentences)))))


def test_office_holders_elsewhere_in_the_article_date_a_mention() -> None:
    est = _estimate("Hôm 21/10, hai bộ trưởng điện đàm.",
                    "Bộ trưởng Quốc phòng Nga Sergei Shoigu và Bộ trưởng Quốc phòng Mỹ Lloyd Austin nói về Ukraine.",
                    "Đây là lần thứ hai kể từ cuộc xung đột Nga-Ukraine.")
    [(key, e)] = est.items()
    assert key == (("a", 0), 0) and (e.first, e.last) == (2022, 2023)


def test_a_weekday_after_a_title_is_read() -> None:
    [e] = _estimate("Ngoại trưởng Mỹ John Kerry hôm thứ Hai 24/11 tới Vienna.").values()
    assert e.exact == 2014


def test_a_recalled_year_does_not_date_the_article() -> None:
    assert _estimate("Hôm 5/8, giá vàng tăng; nhớ lại đợt tăng hồi tháng 9/2011.") == {}
    [e] = _estimate("Bão đổ bộ ngày 7/9/2024.", "Sáng 9/9, cầu bị sập.").values()
    assert e.exact == 2024


def test_articles_with_no_year_less_date_are_not_scanned() -> None:
    assert _estimate("Ngoại trưởng Mỹ John Kerry tới Paris ngày 14/10/2014.") == {}


def test_a_day_before_the_articles_latest_dated_past_may_be_the_next_year() -> None:
    # The trial "Sáng 21-7" follows a death dated 22-12-2021: 2021 or 2022, never 2021 alone.
    [e] = _estimate("Ngày 22-12-2021, cháu bé tử vong tại bệnh viện.", "Sáng 21-7, tòa án đưa vụ án ra xét xử.").values()
    assert (e.first, e.last) == (2021, 2022) and e.exact is None
    assert "22/12/2021" in e.evidence[0].detail
    # After the latest written date of that year, the year is the article's.
    [e] = _estimate("Ngày 2/3/2021, cháu bé nhập viện.", "Sáng 21-7, tòa án đưa vụ án ra xét xử.").values()
    assert e.exact == 2021


PLAIN = (
    "Ngoại trưởng Mỹ John Kerry và cựu Bộ trưởng Quốc phòng Nga Sergei Shoigu.",
    "Kể từ cuộc xung đột Nga-Ukraine, đại dịch COVID-19 và bão Yagi.",
    "Tổng thống đắc cử Donald Trump nói về sáp nhập Crimea; Thủ tướng Abe gặp Tổng thống Putin.",
)


@pytest.mark.parametrize(
    "sentences",
    [
        PLAIN,
        (*PLAIN, "İstanbul đón Thủ tướng Abe."),  # lower-casing lengthens "İ"
        (*PLAIN, "Dịch Ebola bùng phát ở Guinea, quán cafe\u0301."),  # not NFC
    ],
)
def test_one_pass_over_the_article_finds_what_each_sentence_alone_finds(sentences: tuple[str, ...]) -> None:
    keys = [("a", i) for i in range(len(sentences))]
    found = sentence_evidence(dict(zip(keys, sentences)))
    alone = {}
    for key, text in zip(keys, sentences):
        alone.update(sentence_evidence({key: text}))
    assert found == alone
    # each piece of evidence is the sentence's own words (read as NFC)
    for key, es in found.items():
        assert all(e.text in unicodedata.normalize("NFC", sentences[key[1]]) for e in es)
    assert len({e.detail for es in found.values() for e in es}) >= 7


def test_a_sentence_not_in_nfc_gives_the_evidence_of_its_nfc_form() -> None:
    text = "Dịch Ebola bùng phát ở Guinea, Ngoại trưởng Mỹ John Kerry tới quán cafe\u0301."
    nfc = unicodedata.normalize("NFC", text)
    assert text != nfc
    [(_, found)] = sentence_evidence({("a", 0): text}).items()
    assert found == sentence_evidence({("a", 0): nfc})[("a", 0)]
    assert {e.kind for e in found} == {"office", "reference"}
