"""An article's ``published`` value read as a point in time, one way for the whole package.

Accepted: ISO 8601 (``2024-05-01``, ``2024-05-01T08:30:00+07:00``, ``...Z``) and the
forms Vietnamese outlets print, always day before month: ``01/05/2024``, ``1-5-2024``,
``01.05.2024``, ``ngày 1 tháng 5 năm 2024``, ``Thứ Hai, 01/05/2024 10:30 (GMT+7)``,
``10:30 01/05/2024``, ``1-5-2024 8h30``. The patterns are data
(``data/published_formats.json``); the value must match one of them as a whole, so a
string that only contains a date somewhere is not read. A time without a zone is Vietnam
time (UTC+7): that is what Vietnamese outlets print.

Why not dateparser (installed with trafilatura): measured on these forms it costs 1-3 ms
a call, reads ``05/13/2024`` month-first when day-first fails, and resolves ``hôm qua``
against the clock of the machine, so the same input would give different summaries on
different days (docs/BACKGROUND.md, "Publication dates").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache

import regex

from tomtat.data import read_json

FORMATS_FILE = "published_formats.json"


@dataclass(frozen=True, slots=True)
class _Formats:
    """The compiled patterns of ``published_formats.json``."""

    patterns: tuple[regex.Pattern[str], ...]
    decorations: tuple[str, ...]
    default_zone: timezone


@cache
def _formats() -> _Formats:
    data = read_json(FORMATS_FILE)
    joiner, time, zone = data["joiners"], data["time"], data["zone"]
    head = f"(?:{data['weekday']}{joiner})?"
    tail = f"(?:\\s*(?:{zone}))?"
    patterns = []
    for fmt in data["dates"]:
        day = fmt["pattern"]
        patterns.append(regex.compile(f"{head}{day}(?:{joiner}{time})?{tail}"))
        patterns.append(regex.compile(f"{head}{time}{joiner}{day}{tail}"))
    hours = int(data["default_offset_hours"])
    return _Formats(tuple(patterns), tuple(data["decorations"]), timezone(timedelta(hours=hours)))


def vietnam_time() -> timezone:
    """The zone a ``published`` value without one is read in (UTC+7)."""
    return _formats().default_zone


def parse_published(value: str | None) -> datetime | None:
    """``value`` as a zone-aware datetime, or None when it is missing or not a date
    in one of the accepted forms (see the module docstring)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    formats = _formats()
    when: datetime | None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        when = _parse_vietnamese(text, formats)
    if when is None:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=formats.default_zone)


def published_day(value: str | None) -> date | None:
    """The calendar day of ``value`` in Vietnam time ("hôm qua" counts from it), or None."""
    when = parse_published(value)
    return None if when is None else when.astimezone(vietnam_time()).date()


def _parse_vietnamese(text: str, formats: _Formats) -> datetime | None:
    low = text.lower()
    for mark in formats.decorations:
        low = low.replace(mark, " ")
    low = " ".join(low.split()).strip(" ,")
    for pattern in formats.patterns:
        match = pattern.fullmatch(low)
        if match is not None:
            return _to_datetime(match.groupdict())
    return None


def _to_datetime(parts: dict[str, str | None]) -> datetime | None:
    def num(key: str) -> int:
        return int(parts.get(key) or 0)

    zone: timezone | None = None
    sign = parts.get("zsign") or parts.get("osign")
    if sign is not None:
        minutes = 60 * (num("zhour") + num("ohour")) + num("zminute") + num("ominute")
        zone = timezone(timedelta(minutes=-minutes if sign == "-" else minutes))
    elif parts.get("zname") is not None:
        zone = timezone.utc
    try:
        return datetime(num("year"), num("month"), num("day"), num("hour"), num("minute"), num("second"), tzinfo=zone)
    except ValueError:
        return None
