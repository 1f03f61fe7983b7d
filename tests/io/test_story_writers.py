"""Markdown and HTML show the timeline and the actors after the summary."""

import json

import tomtat
from tomtat.io.writers import render
from tomtat.io.writers.story import date_label

ARTICLES = [
    {
        "id": "p1",
        "title": "Ngoại trưởng Pháp tới Geneva",
        "text": (
            "Ngoại trưởng Pháp Hélène Marchetti hôm 9/3 đã tới Geneva dự hội nghị về khí đốt.\n"
            "Bà Marchetti cho biết châu Âu cần nguồn khí đốt ổn định hơn."
        ),
    },
    {
        "id": "p2",
        "title": "Hội nghị khí đốt ở Geneva",
        "text": (
            "Hội nghị về khí đốt khai mạc tại Geneva hôm 9/3 với sự tham dự của bà Marchetti.\n"
            "Các bên nhất trí lập nhóm công tác về khí đốt."
        ),
    },
]


def test_json_carries_timeline_entities_and_keywords():
    data = json.loads(render(tomtat.summarize(ARTICLES, words=60), "json"))
    assert data["timeline"][0]["date"] == "--03-09"
    assert set(data["timeline"][0]["article_ids"]) == {"p1", "p2"}
    marchetti = [e for e in data["entities"] if e["name"] == "Hélène Marchetti"]
    assert marchetti and marchetti[0]["role"] == "Ngoại trưởng Pháp" and marchetti[0]["count"] == 4  # 3 by name, 1 by title ("Ngoại trưởng Pháp")


def test_markdown_lists_timeline_and_actors_after_the_summary():
    out = render(tomtat.summarize(ARTICLES, words=60), "markdown")
    assert out.index("## Tóm tắt") < out.index("## Dòng thời gian") < out.index("## Nhân vật và tổ chức")
    assert "9/3 (chưa rõ năm)" in out
    assert "**Hélène Marchetti** (người, Ngoại trưởng Pháp)" in out


def test_html_lists_timeline_and_actors():
    out = render(tomtat.summarize(ARTICLES, words=60), "html")
    assert '<time datetime="--03-09">' in out
    assert "Hélène Marchetti</strong> (người, Ngoại trưởng Pháp)" in out


def test_dates_read_as_vietnamese_readers_write_them():
    assert date_label("2014-10-14") == "14/10/2014"
    assert date_label("--10-14") == "14/10 (chưa rõ năm)"
    assert date_label("2021-W11") == "tuần 11/2021"


def test_an_inferred_year_is_marked_as_such():
    from tomtat.io.writers.story import event_date_label
    from tomtat.model import TimelineEvent

    ev = TimelineEvent("2014-10-14", "...", ("a",), "day", year_from="article")
    assert event_date_label(ev) == "14/10/2014 (năm suy ra từ bài)"
    assert event_date_label(TimelineEvent("2014-10-14", "...", ("a",), "day")) == "14/10/2014"
    lent = TimelineEvent("2014-10-15", "...", ("b",), "day", year_from="cluster")
    assert event_date_label(lent) == "15/10/2014 (năm suy ra từ bài khác)"


def test_an_inferred_year_range_reads_in_vietnamese_in_the_timeline_and_the_headings():
    from tomtat.io.writers.story import date_heading, event_date_label
    from tomtat.model import TimelineEvent
    from tomtat.story.years import YearEstimate

    def entry(years: str) -> TimelineEvent:
        return TimelineEvent("--05-19", "...", ("a",), "day-no-year", years=years)

    assert event_date_label(entry("2015–2016")) == "19/5 (khoảng năm 2015–2016)"
    assert event_date_label(entry("2014 or 2020")) == "19/5 (khoảng năm 2014 hoặc 2020)"
    assert event_date_label(entry("from 2015")) == "19/5 (từ năm 2015 trở đi)"
    assert date_heading("--05-19", YearEstimate(2015, None)) == "19/5, từ năm 2015 trở đi"
    assert date_heading("--05-19", YearEstimate(2015, 2016)) == "19/5, năm 2015–2016"


def test_an_event_no_report_dates_is_headed_as_undated_in_every_format():
    from tomtat.model import Budget, CleanArticle, Extract, Sentence, Summary
    from tomtat.story.dated_events import DatedEvent
    from tomtat.story.events import SubEvent

    texts = {"a": "Tàu cá gặp nạn ngày 3/4/2019 ngoài khơi.", "b": "Một hội chợ sách mở cửa ở Huế."}
    extracts = tuple(Extract(Sentence(aid, 0, 0, 0, len(t), t), t) for aid, t in texts.items())
    dated = SubEvent(0, "2019-04-03", "day", texts["a"], ("a",), (("a", 0),))
    articles = tuple(CleanArticle(aid, "", t, ()) for aid, t in texts.items())
    events = (DatedEvent(0, ("a",), dated), DatedEvent(1, ("b",)))
    summary = Summary("hai", extracts, articles, "centroid", Budget(), event_groups=events)
    for fmt in ("text", "markdown", "html"):
        out = render(summary, fmt)
        assert out.index("3/4/2019") < out.index("Chưa rõ thời gian") < out.index("hội chợ")
