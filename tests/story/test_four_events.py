"""A story told in four events years apart, none with a publication date: each event is
dated from what its report says (offices, a weekday), the events come in time order and
the summary is told event by event in every output format."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tomtat.io.writers import render
from tomtat.io.writers.story import section_heading, stored_sections
from tomtat.model import Article, Budget, Cluster, Extract, Sentence, Summary
from tomtat.pipeline import summarize_cluster
from tomtat.story.dated_events import DatedEvent
from tomtat.story.years import YearEstimate

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "four_events.json"
TRUE_YEARS = [2012, 2015, 2022, 2024]


@pytest.fixture(scope="module")
def summary() -> Summary:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]
    articles = tuple(Article(id=r["id"], title=r["title"], text=r["text"]) for r in rows)
    return summarize_cluster(Cluster("bien", articles), Budget(words=160))


def test_four_events_in_time_order_each_dated_as_narrowly_as_the_text_allows(summary: Summary) -> None:
    dated = [e for e in summary.events if e.date]
    assert len(dated) == 4
    spans = [e.year_span for e in dated]
    assert spans == [(2012, 2012), (2015, 2016), (2022, 2022), (2024, 2024)]
    for e, year in zip(dated, TRUE_YEARS):
        assert e.years is not None and e.years.contains(year)
    kinds = {ev.kind for ev in dated[2].years.evidence}
    assert "weekday" in kinds  # 9 June is a Thursday only in 2022 of Blinken's years
    assert [ev.kind for ev in dated[3].years.evidence if ev.kind == "elect"]


def test_the_summary_touches_every_event_in_order(summary: Summary) -> None:
    sections = summary.sections
    assert [ev.anchor.year_span[0] for ev, _ in sections if ev is not None and ev.anchor] == TRUE_YEARS
    for ev, extracts in sections:
        assert ev is not None and {x.sentence.article_id for x in extracts} <= set(ev.article_ids)
    order = [x.sentence.article_id for x in summary.extracts]
    assert order.index("bien-2012") < order.index("bien-2015") < order.index("bien-2022") < order.index("bien-2024")


def test_the_json_lists_events_with_evidence_and_summary_sentences(summary: Summary) -> None:
    doc = json.loads(render(summary, "json"))
    events = [e for e in doc["events"] if e["date"]]
    assert [e["years"]["label"] for e in events] == ["2012", "2015–2016", "2022", "2024"]
    assert all(e["in_summary"] and e["years"]["evidence"] for e in events)
    assert events[1]["when"] == "21/5, 2015–2016"
    groups = doc["event_groups"]
    assert [g["article_ids"] for g in groups] == [[f"bien-{y}"] for y in TRUE_YEARS]  # one report each
    assert [g["years"]["label"] for g in groups] == ["2012", "2015–2016", "2022", "2024"]
    in_sections = [{"article_id": x["article_id"], "index": x["index"]} for x in doc["sentences"]]
    assert [k for g in groups for k in g["sentences"]] == in_sections  # the sections, in reading order


def test_the_timeline_marks_a_date_recalled_in_passing_as_background(summary: Summary) -> None:
    recalled = [t for t in summary.timeline if t.date == "2019-12"]
    assert recalled and recalled[0].background
    assert not any(t.background for t in summary.timeline if t.date.endswith("-11-25"))


@pytest.mark.parametrize(
    ("fmt", "marker"), [("text", "\n["), ("markdown", "\n### "), ("html", '<section class="event">')]
)
def test_every_format_shows_the_dated_sections(summary: Summary, fmt: str, marker: str) -> None:
    out = render(summary, fmt)
    assert out.count(marker) >= 4
    assert out.index("2015–2016") < out.index("2022") < out.rindex("2024")


def test_a_second_report_without_clues_shares_the_dated_report_s_years() -> None:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]
    carter = next(r for r in rows if r["id"] == "bien-2015")
    plain = ("Hôm 21/5, một quan chức quốc phòng Mỹ thăm căn cứ hải quân ở Thái Bình Dương và công bố "
             "chương trình hỗ trợ năng lực tuần tra biển cho các nước Đông Nam Á.")
    articles = (Article(id="plain", title="", text=plain), Article(id=carter["id"], title="", text=carter["text"]))
    summary = summarize_cluster(Cluster("hai-bai", articles), Budget(words=80))
    [event] = [e for e in summary.events if e.date]
    assert set(event.article_ids) == {"plain", "bien-2015"}
    assert event.years is not None and (event.years.first, event.years.last) == (2015, 2016)



def test_sections_only_when_detection_finds_several_events() -> None:
    """Sentences are told section by section only when event detection found distinct
    events; one story followed over years keeps one paragraph."""
    extracts = tuple(
        Extract(Sentence(aid, 0, 0, 0, len(t), t), t)
        for aid, t in (("b", "Tàu lại hỏng máy ngày 12/6/2016."), ("a", "Tàu hỏng máy ngày 12/6/2015."))
    )
    one = Summary("tau", extracts, (), "centroid", Budget(), event_groups=(DatedEvent(0, ("a", "b")),))
    assert one.sections == [(None, extracts)]
    assert one.to_dict()["event_groups"] == [{"article_ids": ["a", "b"]}]
    two = replace(one, event_groups=(DatedEvent(0, ("a",)), DatedEvent(1, ("b",))))
    assert [(ev.id, xs) for ev, xs in two.sections if ev] == [(0, extracts[1:]), (1, extracts[:1])]
    assert [g["sentences"] for g in two.to_dict()["event_groups"]] == [
        [{"article_id": "a", "index": 0}], [{"article_id": "b", "index": 0}]
    ]


def test_a_stored_summary_reads_back_into_the_writers_sections(summary: Summary) -> None:
    doc = json.loads(render(summary, "json"))
    stored = [(heading, [s["text"] for s in sentences]) for heading, sentences in stored_sections(doc)]
    assert stored == [(section_heading(ev), [x.text for x in xs]) for ev, xs in summary.sections]
    assert any("suy ra từ" in str(heading) for heading, _ in stored)  # the evidence survives the JSON
    estimates = [ev.anchor.years for ev, _ in summary.sections if ev is not None and ev.anchor and ev.anchor.years]
    assert estimates and all(YearEstimate.from_dict(e.to_dict()) == e for e in estimates)
