"""How the story structure reads in Markdown and HTML: dates a reader understands,
actor types in Vietnamese, and only the actors worth listing."""

from __future__ import annotations

import re

from tomtat.model import Entity, Summary, TimelineEvent

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


def event_date_label(event: TimelineEvent) -> str:
    """``date_label`` plus a warning when the year was inferred from another year written
    in the article, or from another article reporting the same event, rather than read
    beside the date or from the publication date."""
    label = date_label(event.date)
    if event.year_from == "article":
        return f"{label} (năm suy ra từ bài)"
    if event.year_from == "cluster":
        return f"{label} (năm suy ra từ bài khác)"
    return label


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
