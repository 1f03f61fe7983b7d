"""Reference events named in text, and what they imply about when the text was written."""

from __future__ import annotations

from tomtat.data import read_json
from tomtat.story.mention_years import sentence_evidence
from tomtat.story.reference_events import load_reference_events
from tomtat.story.years import month_index


def _reference_evidence(text: str) -> list:
    """The reference-event evidence the story stage reads in ``text`` as one sentence."""
    found = sentence_evidence({("a", 0): text}).get(("a", 0), [])
    return [e for e in found if e.kind == "reference"]


def test_every_event_has_dates_a_source_and_phrases() -> None:
    events = read_json("reference_events.json")["events"]
    assert len({e["id"] for e in events}) == len(events)
    for e in events:
        assert e["source"] and e["phrases"]
        assert e["end"] is None or e["start"] <= e["end"]
        assert all(p["implies"] in ("after_start", "during") for p in e["phrases"])
    assert len(load_reference_events()) == len(events)


def test_the_war_in_ukraine_dates_text_from_february_2022() -> None:
    [ev] = _reference_evidence("Đây là lần thứ hai kể từ cuộc xung đột Nga-Ukraine.")
    assert ev.spans[0].first == month_index("2022-02") and ev.spans[0].last is None


def test_covid_and_the_caliphate_are_found_and_a_plain_word_is_not() -> None:
    assert [e.spans[0].first for e in _reference_evidence("Đại dịch Covid-19 khiến du lịch đình trệ")] == [month_index("2019-12")]
    assert _reference_evidence("tổ chức Nhà nước Hồi giáo tự xưng chiếm Mosul")[0].spans[0].first == month_index("2014-06")
    assert _reference_evidence("Ebola là một loại virus nguy hiểm") == []
    assert _reference_evidence("khủng hoảng Ukraine leo thang") == []
