"""The distinct events of a cluster, each dated, in time order: what a summary of a
story that spans several events is organised by.

Event detection (:mod:`tomtat.story.event_detection`) groups the articles into the
distinct events they tell; sub-events (:mod:`tomtat.story.events`) date the
happenings they report. A detected event takes its date, with the year or year range
and the evidence behind it, from the dated sub-event most of its sentences tell, so
the date a reader sees is the one the event's own reports give.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tomtat.model import Sentence, TimelineEvent
from tomtat.story.events import SubEvent

Key = tuple[str, int]


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """One distinct event of the cluster: its number in time order (``id``), the
    articles that tell it, and the sub-event that dates it (``anchor``: its date, the
    inferred year or range with its evidence, the sentence stating it; None when no
    report of the event gives a day or month)."""

    id: int
    article_ids: tuple[str, ...]
    anchor: SubEvent | None = None

    @property
    def date(self) -> str | None:
        return self.anchor.date if self.anchor else None

    def to_dict(self, sentences: Sequence[Key] = ()) -> dict[str, object]:
        """The event as JSON (docs/JSON_SCHEMA.md, ``event_groups``), with ``sentences``:
        the keys of the summary sentences that tell it."""
        out: dict[str, object] = {"id": self.id, "article_ids": list(self.article_ids)}
        a = self.anchor
        out.update({"date": a.date if a else None, "precision": a.precision if a else None, "when": a.when if a else None})
        if a is not None:
            out["label"] = a.label
            if a.years is not None:
                out["years"] = a.years.to_dict()
            if a.dated_by is not None:
                out["dated_by"] = {"article_id": a.dated_by[0], "index": a.dated_by[1]}
        out["sentences"] = [{"article_id": k[0], "index": k[1]} for k in sentences]
        return out


def date_events(
    groups: Sequence[Sequence[str]], events: Sequence[SubEvent], sentences: Sequence[Sentence]
) -> tuple[DatedEvent, ...]:
    """The detected article ``groups`` as ``DatedEvent``s in time order.

    Each group is dated by the dated sub-event (of ``events``, which come in time
    order) with the most sentences in the group's articles; ties go to the earlier.
    Groups dated by the same sub-event tell the same happening and become one event
    (a reader would otherwise see two sections under one heading). Events are ordered
    by their anchors' time order, undated ones last, then larger first (sentences of
    ``sentences`` in the group), then by their first article's place in the cluster.
    """
    group_of = {aid: g for g, ids in enumerate(groups) for aid in ids}
    counts: dict[int, Counter[int]] = {}
    for e in events:
        if e.date is None:
            continue
        for aid, _ in e.sentences:
            g = group_of.get(aid)
            if g is not None:
                if g not in counts:
                    counts[g] = Counter()  # not setdefault: that would build a Counter per sentence
                counts[g][e.id] += 1
    by_id = {e.id: e for e in events}
    anchors: dict[int, SubEvent] = {}
    for g, c in counts.items():
        best = max(c.items(), key=lambda kv: (kv[1], -kv[0]))
        anchors[g] = by_id[best[0]]
    joined: list[list[str]] = []  # the groups, those with one anchor joined
    joined_anchor: list[SubEvent | None] = []
    slot_of_anchor: dict[int, int] = {}
    for g, ids in enumerate(groups):
        anchor = anchors.get(g)
        if anchor is not None and anchor.id in slot_of_anchor:
            joined[slot_of_anchor[anchor.id]].extend(ids)
            continue
        if anchor is not None:
            slot_of_anchor[anchor.id] = len(joined)
        joined.append(list(ids))
        joined_anchor.append(anchor)
    slot_of = {aid: j for j, ids in enumerate(joined) for aid in ids}
    sizes = Counter(slot_of[s.article_id] for s in sentences if s.article_id in slot_of)
    first = {aid: n for n, aid in enumerate(dict.fromkeys(s.article_id for s in sentences))}

    def when(j: int) -> tuple[bool, int, int, int]:
        a = joined_anchor[j]
        place = min((first.get(aid, len(first)) for aid in joined[j]), default=len(first))
        return (a is None, a.id if a else 0, -sizes[j], place)

    order = sorted(range(len(joined)), key=when)
    return tuple(DatedEvent(n, tuple(joined[j]), joined_anchor[j]) for n, j in enumerate(order))


def rows_by_event(events: Sequence[DatedEvent], sentences: Sequence[Sentence]) -> list[list[int]]:
    """The indices of ``sentences`` told by each of ``events`` (by their articles), in
    the events' order, and last those of no event (none when event detection saw every
    article, as it does)."""
    event_of = {aid: n for n, e in enumerate(events) for aid in e.article_ids}
    rows: list[list[int]] = [[] for _ in range(len(events) + 1)]
    for i, s in enumerate(sentences):
        rows[event_of.get(s.article_id, len(events))].append(i)
    return rows


def timeline_by_event(timeline: Sequence[TimelineEvent], events: Sequence[DatedEvent]) -> tuple[TimelineEvent, ...]:
    """The timeline with each entry that is not background given the event (``id``)
    whose articles state it, when the cluster tells several events; unchanged
    otherwise."""
    if len(events) < 2:
        return tuple(timeline)
    event_of = {aid: e.id for e in events for aid in e.article_ids}
    out = []
    for t in timeline:
        eid = next((event_of[a] for a in t.article_ids if a in event_of), None)
        out.append(t if t.background or eid is None else replace(t, event=eid))
    return tuple(out)
