"""How the story structure reads in Markdown and HTML: dates a reader understands,
actor types in Vietnamese, and only the actors worth listing."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tomtat.model import Entity, Summary, TimelineEvent
from tomtat.story.dated_events import DatedEvent
from tomtat.story.years import Evidence, YearEstimate

TYPE_LABELS = {"PER": "người", "ORG": "tổ chức", "LOC": "địa danh", "MISC": "khác"}
MAX_PEOPLE = 10
MAX_OTHERS = 5

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DAY_NO_YEAR = re.compile(r"^--(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_MONTH_NO_YEAR = re.compile(r"^--(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def date_label(iso: str) -> str:
    """An ISO 8601 (possibly partial) date as Vietnamese readers write it.

    >>> [date_label(d) for d in ("2014-10-14", "--10-14", "2014-02", "--02", "2021-W11", "2025")]
    ['14/10/2014', '14/10 (chưa rõ năm)', 'tháng 2/2014', 'tháng 2 (chưa rõ năm)', 'tuần 11/2021', 'năm 2025']
    """
    if m := _DAY.match(iso):
        return f"{int(m[3])}/{int(m[2])}/{m[1]}"
    if m := _DAY_NO_YEAR.match(iso):
        return f"{int(m[2])}/{int(m[1])} (chưa rõ năm)"
    if m := _MONTH.match(iso):
        return f"tháng {int(m[2])}/{m[1]}"
    if m := _MONTH_NO_YEAR.match(iso):
        return f"tháng {int(m[1])} (chưa rõ năm)"
    if m := _WEEK.match(iso):
        return f"tuần {int(m[2])}/{m[1]}"
    if re.fullmatch(r"\d{4}", iso):
        return f"năm {iso}"
    return iso


def years_phrase(label: str) -> str:
    """An inferred year or range, as JSON labels it (``YearEstimate.label``: ``2024``,
    ``2022–2023``, ``2014 or 2020``, ``from 2025``), as a Vietnamese phrase that reads
    after a day and month.

    >>> [years_phrase(x) for x in ("2024", "2022–2023", "2014 or 2020", "from 2025")]
    ['năm 2024', 'năm 2022–2023', 'năm 2014 hoặc 2020', 'từ năm 2025 trở đi']
    """
    if label.startswith("from "):
        return f"từ năm {label.removeprefix('from ')} trở đi"
    return f"năm {label.replace(' or ', ' hoặc ')}"


def event_date_label(event: TimelineEvent) -> str:
    """``date_label`` plus a warning when the year was inferred (from office holders and
    other evidence, from another year written in the article, or from another article
    reporting the same event) rather than read beside the date or from the publication
    date; a date whose year is only known as a range shows the range."""
    if event.years is not None and event.date.startswith("--"):
        phrase = years_phrase(event.years)
        label = date_label(event.date).replace(" (chưa rõ năm)", f" ({'' if phrase.startswith('từ') else 'khoảng '}{phrase})")
    else:
        label = date_label(event.date)
    if event.year_from == "article":
        label = f"{label} (năm suy ra từ bài)"
    elif event.year_from == "evidence":
        label = f"{label} (năm suy ra từ chức vụ, sự kiện)"
    elif event.year_from == "cluster":
        label = f"{label} (năm suy ra từ bài khác)"
    if event.background:
        label = f"{label} — bối cảnh"
    return label


MAX_EVIDENCE = 3
_OPEN_WIDTH = 10**6


def _width(e: Evidence) -> int:
    """How many months a clue allows (open-ended: very many), to show the telling ones first."""
    return sum(_OPEN_WIDTH - s.first if s.last is None else s.last - s.first + 1 for s in e.spans)


UNDATED = "Chưa rõ thời gian"


def section_heading(told: DatedEvent | None) -> str:
    """The heading of one section of a multi-event summary: the event's date as
    readers write it, the inferred year or range, and the first few clues that gave
    it; ``UNDATED`` for an event no report dates."""
    event = told.anchor if told is not None else None
    return date_heading(event.date, event.years) if event is not None else UNDATED


def date_heading(date: str | None, years: YearEstimate | None) -> str:
    """``section_heading`` of an event dated ``date`` (ISO, possibly partial; None:
    undated) whose year or range ``years`` was inferred (None: written or unknown)."""
    if date is None:
        return UNDATED
    if years is None:
        return date_label(date)
    if date.startswith("--"):
        parts = [int(p) for p in date[2:].split("-")]
        day_month = "/".join(map(str, reversed(parts)))
        when = f"{day_month}, {years_phrase(years.label)}"
    else:
        when = date_label(date)
    narrowest = sorted({e.detail: e for e in years.evidence if e.spans}.values(), key=_width)
    clues = [e.text for e in narrowest][:MAX_EVIDENCE]
    clues += [e.text for e in years.evidence if e.kind == "weekday"]
    if any(e.kind == "article-year" for e in years.evidence):
        clues.append("năm ghi trong bài")
    return f"{when} (suy ra từ: {'; '.join(clues)})" if clues else when


StoredSentence = dict[str, Any]


def stored_sections(summary: Mapping[str, Any]) -> list[tuple[str | None, list[StoredSentence]]]:
    """The sentences of a summary's JSON (``Summary.to_dict``, as a story store keeps
    it) in the sections the writers show, each with its heading: one dated section
    per event the summary quotes, in time order, then the sentences of no event under
    ``UNDATED``, when the cluster tells several events (``event_groups``); else one
    section with no heading (a single story, or a summary stored before events were
    detected)."""
    sentences: list[StoredSentence] = list(summary.get("sentences", []))
    groups = summary.get("event_groups", [])
    if len(groups) < 2:
        return [(None, sentences)]
    by_key = {(s["article_id"], s["index"]): s for s in sentences}
    out: list[tuple[str | None, list[StoredSentence]]] = []
    placed: set[tuple[str, int]] = set()
    for g in groups:
        keys = [k for k in ((q["article_id"], q["index"]) for q in g.get("sentences", [])) if k in by_key]
        if keys:
            years = YearEstimate.from_dict(g["years"]) if g.get("years") else None
            out.append((date_heading(g.get("date"), years), [by_key[k] for k in keys]))
            placed.update(keys)
    rest = [s for k, s in by_key.items() if k not in placed]
    if rest:
        out.append((UNDATED, rest))
    return out


def main_actors(summary: Summary) -> list[Entity]:
    """The actors to show, most mentioned first: up to ``MAX_PEOPLE`` people, then up to
    ``MAX_OTHERS`` organisations and places each, those mentioned at least twice. The
    JSON output keeps every entity."""
    ents = sorted(summary.entities, key=lambda e: -e.count)
    people = [e for e in ents if e.type == "PER"][:MAX_PEOPLE]
    orgs = [e for e in ents if e.type == "ORG" and e.count >= 2][:MAX_OTHERS]
    places = [e for e in ents if e.type == "LOC" and e.count >= 2][:MAX_OTHERS]
    return people + orgs + places


def type_label(entity: Entity) -> str:
    return TYPE_LABELS.get(entity.type, entity.type)
