"""Dating the distinct events event detection finds, and their place on the timeline."""

from __future__ import annotations

from tomtat.model import Sentence, TimelineEvent
from tomtat.story.dated_events import DatedEvent, date_events, rows_by_event, timeline_by_event
from tomtat.story.events import SubEvent


def _sentences(counts: dict[str, int]) -> list[Sentence]:
    return [Sentence(aid, 0, i, 0, 1, "x") for aid, n in counts.items() for i in range(n)]


def _sub(eid: int, date: str | None, keys: list[tuple[str, int]]) -> SubEvent:
    return SubEvent(eid, date, "day" if date else None, "x", tuple(dict.fromkeys(a for a, _ in keys)), tuple(keys))


def test_events_are_dated_by_the_sub_event_most_of_their_sentences_tell_and_read_in_time_order() -> None:
    sentences = _sentences({"new": 4, "old-a": 3, "old-b": 3, "none": 2})
    subs = [
        _sub(0, "2015-03-02", [("old-a", 0), ("old-a", 1), ("old-b", 0), ("old-b", 1), ("old-b", 2)]),
        _sub(1, "2015-03-20", [("old-a", 2), ("new", 3)]),
        _sub(2, "2023-07-01", [("new", 0), ("new", 1), ("new", 2)]),
        _sub(3, None, [("none", 0), ("none", 1)]),
    ]
    events = date_events([("new",), ("old-a", "old-b"), ("none",)], subs, sentences)
    assert [(e.id, e.article_ids, e.date) for e in events] == [
        (0, ("old-a", "old-b"), "2015-03-02"),
        (1, ("new",), "2023-07-01"),
        (2, ("none",), None),
    ]


def test_timeline_entries_belong_to_the_event_whose_reports_state_them_background_aside() -> None:
    events = (DatedEvent(0, ("a",)), DatedEvent(1, ("b",)))
    timeline = (
        TimelineEvent("2014-02", "Dịch bắt đầu.", ("b",), "month", background=True),
        TimelineEvent("2014-10-14", "Hai bên cam kết.", ("b",), "day"),
        TimelineEvent("2015-01-23", "Hội nghị họp.", ("a",), "day"),
    )
    marked = timeline_by_event(timeline, events)
    assert [t.event for t in marked] == [None, 1, 0]
    assert [t.to_dict().get("event") for t in marked] == [None, 1, 0]
    assert TimelineEvent.from_dict(marked[1].to_dict()) == marked[1]
    assert timeline_by_event(timeline, events[:1]) == timeline  # one story: nothing to tell apart


def test_every_sentence_is_in_the_rows_of_its_event_or_in_the_last_row() -> None:
    sentences = _sentences({"a": 2, "b": 1, "lost": 1})
    rows = rows_by_event((DatedEvent(0, ("b",)), DatedEvent(1, ("a",))), sentences)
    assert rows == [[2], [0, 1], [3]]


def test_groups_dated_by_the_same_sub_event_are_one_event_not_two_sections_under_one_heading() -> None:
    sentences = _sentences({"a": 3, "b": 2, "c": 2})
    subs = [
        _sub(0, "2016-10-15", [("c", 0), ("c", 1)]),
        _sub(1, "2023-11-03", [("a", 0), ("a", 1), ("b", 0)]),
    ]
    events = date_events([("a",), ("c",), ("b",)], subs, sentences)
    assert [(e.id, e.article_ids, e.date) for e in events] == [(0, ("c",), "2016-10-15"), (1, ("a", "b"), "2023-11-03")]
