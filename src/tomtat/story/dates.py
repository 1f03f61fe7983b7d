"""Vietnamese time expressions: find them in a sentence and normalise them to ISO 8601.

Two steps, kept apart so each stays testable:

1. :func:`find_dates` finds expressions in one text and reads what they literally say
   ("hôm 14-10" -> day 14, month 10, no year; "hôm qua" -> one day before publication).
2. :func:`resolve` turns a found expression into a :class:`DateMention` with an ISO
   value, using what is known about the article: its publication date, else the latest
   explicit year written in the article, else nothing. A year that cannot be known stays
   unknown (``--10-14``, precision ``day-no-year``); a relative expression without a
   publication date stays unresolved. Precision is never invented: "tuần trước" is a
   week, "đầu năm sau" is a year.

False positives are avoided by construction: a day-month written with ``-`` or ``.``
("14-10", "19.5") is a date only after a cue word ("hôm", "ngày", "sáng", ...), since
alone it is as likely a score ("2-1") or a decimal; numbers glued to other digits,
slashes or commas ("4,5", "15/2020/NĐ-CP") are never dates; "24 giờ" is a duration.
The words involved live in ``tomtat/data/time_expressions.json``.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from tomtat.data import read_json

_DATA_FILE = "time_expressions.json"

PRECISIONS = ("day", "week", "month", "year", "day-no-year", "month-no-year", "unresolved")


@dataclass(frozen=True, slots=True)
class RawDate:
    """What a time expression literally says, before any resolution.

    Absolute expressions fill ``day``/``month``/``year`` (any may be None); relative
    ones fill ``unit`` and ``offset`` (``offset`` None when vague) and leave the rest.
    ``start``/``end`` are character offsets in the text that was searched.
    """

    start: int
    end: int
    text: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    time: str | None = None
    unit: str | None = None
    offset: int | None = None
    part: str | None = None

    @property
    def relative(self) -> bool:
        return self.unit is not None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression with its normalised value.

    ``iso`` is ISO 8601 at the precision that is known: ``2014-10-14``, ``--10-14``
    (year unknown), ``2014-02``, ``--02``, ``2024-W45``, ``2025``, or None when a
    relative expression has nothing to be resolved against. ``basis`` says where the
    year came from: ``explicit`` (written), ``published`` (the article's date),
    ``article`` (another explicit year in the same article), ``cluster`` (the year of
    the same event in another article, see :func:`tomtat.story.events.lend_years`),
    ``none``.
    """

    start: int
    end: int
    text: str
    iso: str | None
    precision: str
    basis: str
    relative: bool
    year: int | None = None
    month: int | None = None
    day: int | None = None
    time: str | None = None
    part: str | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Chronological key; unknown parts sort last within what is known."""
        return (self.year or 9999, self.month or 99, self.day or 99)


@cache
def _data() -> dict[str, Any]:
    return read_json(_DATA_FILE)


def _alt(words: list[str] | Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# What each pattern cannot match without: checked before running the (slower) pattern.
_PAIR = re.compile(r"\d[/.-]\d")
_NEEDS: dict[str, re.Pattern[str] | str] = {
    "dmy": _PAIR,
    "range": _PAIR,
    "dm_slash": _PAIR,
    "dm_cue": _PAIR,
    "words": "tháng",
    "my": "tháng",
    "m": "tháng",
    "y": re.compile(r"(?:19|20)\d\d"),
    "ago": "cách",
    "before": "trước",
}


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    d = _data()
    cue = _alt(d["cues"])
    pod = _alt(d["parts_of_day"])
    time = r"(?:(?P<hh>\d{1,2})\s*(?:h|giờ|:)\s*(?:(?P<mi>\d{1,2})\s*(?:phút|')?)?\s+)?"
    lead = rf"(?:(?:{cue})\s+)?(?:(?:{pod})\s+)?(?:(?:ngày|hôm)\s+)?"
    left = r"(?<![\w/.,:-])"
    right = r"(?![\w/]|[.,:-]\d)"
    units = _alt(d["units"])
    nums = _alt(d["numbers"])
    rel = _alt(d["relative"])
    flags = re.IGNORECASE
    return [
        # 25/12/2024, 14-10-2014, 19.5.2016
        ("dmy", re.compile(rf"{left}{time}{lead}(?P<d>\d{{1,2}})(?P<s>[/.-])(?P<m>\d{{1,2}})(?P=s)(?P<y>\d{{4}}){right}", flags)),
        # ngày 15 tháng 10 (năm 2014)
        ("words", re.compile(rf"{left}{time}{lead}(?:ngày|mùng|mồng)\s+(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})(?:\s+năm\s+(?P<y>\d{{4}}))?{right}", flags)),
        # 14-15/10: the first day of a range
        ("range", re.compile(rf"{left}{time}{lead}(?P<d>\d{{1,2}})\s*[-–]\s*\d{{1,2}}/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}))?{right}", flags)),
        # 12h 50 phút trưa 23/1, hôm 15/10 (slash: cue optional, see _accept)
        ("dm_slash", re.compile(rf"{left}(?P<pre>{time}{lead})(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}}){right}", flags)),
        # hôm 14-10, ngày 19.5 (cue required)
        ("dm_cue", re.compile(rf"{left}{time}(?:(?:{cue})\s+|(?:{pod})\s+)(?:(?:ngày|hôm)\s+)?(?P<d>\d{{1,2}})[.-](?P<m>\d{{1,2}}){right}", flags)),
        # tháng 2-2014, tháng 2/2014, tháng 2 năm 2014
        ("my", re.compile(rf"{left}tháng\s+(?P<m>\d{{1,2}})(?:\s*[/.-]\s*|\s+năm\s+)(?P<y>\d{{4}}){right}", flags)),
        # tháng 10 (no year)
        ("m", re.compile(rf"(?<![\w/.,-])(?<!\d\s)tháng\s+(?P<m>\d{{1,2}}){right}(?!\s*(?:{units})\b)", flags)),
        # năm 2014
        ("y", re.compile(rf"{left}(?:năm|hồi|từ|đến|trong)\s+(?P<y>(?:19|20)\d\d){right}", flags)),
        # cách đây 5 tháng
        ("ago", re.compile(rf"\bcách\s+đây\s+(?P<n>\d{{1,3}}|{nums})\s+(?P<u>{units})\b", flags)),
        # một tuần trước, 3 ngày trước
        ("before", re.compile(rf"\b(?P<n>\d{{1,3}}|{nums})\s+(?P<u>{units})\s+trước\b", flags)),
        # hôm qua, tuần trước, đầu năm sau
        ("rel", re.compile(rf"(?<![\w])(?<!\d\s)(?P<r>{rel})(?![\w])", flags)),
    ]


def _valid(day: int | None, month: int | None, year: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if year is not None and not 1900 <= year <= 2100:
        return False
    if day is not None:
        if not 1 <= day <= 31:
            return False
        if month is not None and day > calendar.monthrange(year or 2000, month)[1]:
            return False
    return True


def _blocked(text: str, start: int) -> bool:
    """Whether the word before ``start`` makes the number pair a score, ratio or number."""
    before = text[:start].rstrip().lower()
    return any(
        before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum())
        for w in _data()["blockers"]
    )


def _time(m: re.Match[str]) -> str | None:
    hh = m.groupdict().get("hh")
    if hh is None or int(hh) > 23:
        return None
    mi = m.groupdict().get("mi")
    return f"{int(hh):02d}:{int(mi or 0):02d}"


def _number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return _data()["numbers"].get(token.lower())


def find_dates(text: str) -> list[RawDate]:
    """Time expressions in ``text``, left to right, non-overlapping (longest wins).

    >>> [(r.day, r.month, r.year) for r in find_dates("Hai bên gặp nhau hôm 14-10 tại Paris.")]
    [(14, 10, None)]
    >>> find_dates("Đội nhà thắng 2-1, tỷ lệ 4,5%.")
    []
    """
    return find_dates_many([text])[0]


@cache
def _needs() -> dict[str, re.Pattern[str] | str | tuple[str, ...]]:
    """What each pattern cannot match without, relative phrases included."""
    # every relative phrase ends with two words such as "hôm qua", "năm nay"
    ends = sorted({" ".join(p.split()[-2:]) for p in _data()["relative"]}, key=len, reverse=True)
    return {**_NEEDS, "rel": re.compile("|".join(re.escape(e) for e in ends))}


# An expression starts at most this many characters before the word or digits it needs
# ("12h 50 phút trưa ngày 23/1": the time and cue words come first) and ends at most
# this many after them ("ngày 15 tháng 10 năm 2014").
_LEAD_CHARS = 48
_TAIL_CHARS = 32
_SPACE = re.compile(r"\s")


def _holding(need: re.Pattern[str] | str | tuple[str, ...], joined: str, offsets: list[int]) -> dict[int, list[int]]:
    """Texts (joined at ``offsets``) where ``need`` occurs: index -> positions in it."""
    if isinstance(need, re.Pattern):
        positions = [m.start() for m in need.finditer(joined)]
    else:
        positions = []
        for literal in (need,) if isinstance(need, str) else need:
            at = joined.find(literal)
            while at >= 0:
                positions.append(at)
                at = joined.find(literal, at + 1)
    where: dict[int, list[int]] = {}
    for p in sorted(positions):
        k = bisect_right(offsets, p) - 1
        where.setdefault(k, []).append(p - offsets[k])
    return where


def _matches(pattern: re.Pattern[str], text: str, needed_at: list[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)``, searched only in windows around the positions of what
    the pattern needs (every match holds one). A window ends at a space, where the
    pattern's look-ahead sees what it would see in the whole text."""
    out = []
    pos = 0
    for p in needed_at:
        if p < pos:
            continue  # inside the previous match
        stop = _SPACE.search(text, p + _TAIL_CHARS)
        end = stop.start() if stop else len(text)
        m = pattern.search(text, max(pos, p - _LEAD_CHARS), end)
        while m is not None:
            out.append(m)
            pos = m.end()
            m = pattern.search(text, pos, end)
    return out


def find_dates_many(texts: Sequence[str]) -> list[list[RawDate]]:
    """:func:`find_dates` for many texts at once (a cluster's sentences).

    Each pattern needs a word or a digit pattern to match at all ("tháng", "14/10"):
    those are searched once in all the texts joined, and the (slower) full patterns run
    only on the few texts that hold them, around each occurrence.
    """
    lowers = [t.lower() for t in texts]
    offsets = []
    at = 0
    for t in lowers:
        offsets.append(at)
        at += len(t) + 1
    joined = "\x00".join(lowers)
    needs = _needs()
    cache: dict[int, dict[int, list[int]]] = {}
    found: list[list[RawDate]] = [[] for _ in texts]
    for kind, pattern in _patterns():
        need = needs.get(kind)
        if need is not None and id(need) not in cache:
            cache[id(need)] = _holding(need, joined, offsets)
        where = cache[id(need)] if need is not None else dict.fromkeys(range(len(texts)))
        for k, needed_at in where.items():
            text = texts[k]
            if needed_at is None or len(text) != len(lowers[k]):  # no need, or offsets moved
                matches: Iterable[re.Match[str]] = pattern.finditer(text)
            else:
                matches = _matches(pattern, text, needed_at)
            for m in matches:
                raw = _read(kind, m, text)
                if raw is not None:
                    found[k].append(raw)
    out = []
    for raws in found:
        kept: list[RawDate] = []
        if raws:
            raws.sort(key=lambda r: (r.start, -(r.end - r.start)))
            for raw in raws:
                if kept and raw.start < kept[-1].end:
                    continue
                kept.append(raw)
        out.append(kept)
    return out


def _read(kind: str, m: re.Match[str], text: str) -> RawDate | None:
    g = m.groupdict()
    span = (m.start(), m.end(), m.group(0))
    if kind in ("dmy", "words", "range", "dm_slash", "dm_cue", "my", "m", "y"):
        day = int(g["d"]) if g.get("d") else None
        month = int(g["m"]) if g.get("m") else None
        year = int(g["y"]) if g.get("y") else None
        if not _valid(day, month, year):
            return None
        bare = g.get("d") is not None and m.start("d") == m.start()  # no cue word before it
        if kind in ("dm_slash", "range", "dm_cue", "dmy") and bare and _blocked(text, m.start()):
            return None
        if kind == "dm_slash" and not g.get("pre") and not _dateline(text, m.start()):
            return None
        return RawDate(*span, day=day, month=month, year=year, time=_time(m))
    if kind in ("ago", "before"):
        n = _number(g["n"])
        if n is None:
            return None
        unit = _data()["units"][g["u"].lower()]
        return RawDate(*span, unit=unit, offset=-n)
    if kind == "rel":
        spec = _data()["relative"][g["r"].lower()]
        return RawDate(*span, unit=spec["unit"], offset=spec["offset"], part=spec.get("part"))
    return None


def _dateline(text: str, start: int) -> bool:
    """A bare ``d/m`` counts as a date at a dateline: text start, after ``(``, ``,`` or a dash."""
    before = text[:start].rstrip()
    return not before or before[-1] in "(,–—-"


def parse_published(value: str | None) -> date | None:
    """The calendar date of an ISO 8601 ``published`` string, or None if absent/unreadable.

    >>> parse_published("2024-11-13T09:30:00+07:00")
    datetime.date(2024, 11, 13)
    """
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None


def _shift_month(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + months
    return total // 12, total % 12 + 1


def resolve(raw: RawDate, published: date | None = None, article_year: int | None = None) -> DateMention:
    """Normalise one found expression; see the module docstring for the rules."""
    base = dict(start=raw.start, end=raw.end, text=raw.text, time=raw.time, part=raw.part)
    if raw.relative:
        if published is None or raw.offset is None:
            return DateMention(**base, iso=None, precision="unresolved", basis="none", relative=True)
        if raw.unit == "day":
            d = published + timedelta(days=raw.offset)
            return DateMention(**base, iso=d.isoformat(), precision="day", basis="published",
                               relative=True, year=d.year, month=d.month, day=d.day)
        if raw.unit == "week":
            d = published + timedelta(weeks=raw.offset)
            y, w, _ = d.isocalendar()
            return DateMention(**base, iso=f"{y}-W{w:02d}", precision="week", basis="published",
                               relative=True, year=d.year, month=d.month)
        if raw.unit == "month":
            y, mo = _shift_month(published, raw.offset)
            return DateMention(**base, iso=f"{y}-{mo:02d}", precision="month", basis="published",
                               relative=True, year=y, month=mo)
        y = published.year + raw.offset
        return DateMention(**base, iso=f"{y}", precision="year", basis="published", relative=True, year=y)

    day, month, year = raw.day, raw.month, raw.year
    basis = "explicit" if year is not None else "none"
    if year is None and month is not None:
        if published is not None:
            year = _nearest_year(day, month, published)
            basis = "published" if year is not None else "none"
        elif article_year is not None and _valid(day, month, article_year):
            year, basis = article_year, "article"
    if day is not None and month is not None:
        if year is not None:
            iso, precision = f"{year:04d}-{month:02d}-{day:02d}", "day"
        else:
            iso, precision = f"--{month:02d}-{day:02d}", "day-no-year"
    elif month is not None:
        if year is not None:
            iso, precision = f"{year:04d}-{month:02d}", "month"
        else:
            iso, precision = f"--{month:02d}", "month-no-year"
    else:
        iso, precision = f"{year:04d}", "year"
    return DateMention(**base, iso=iso, precision=precision, basis=basis, relative=False,
                       year=year, month=month, day=day)


def with_year(d: DateMention, year: int, basis: str) -> DateMention:
    """``d`` (a day or month without year) placed in ``year``, saying where it came from."""
    if d.day is not None and d.month is not None:
        if not _valid(d.day, d.month, year):
            return d
        iso, precision = f"{year:04d}-{d.month:02d}-{d.day:02d}", "day"
    elif d.month is not None:
        iso, precision = f"{year:04d}-{d.month:02d}", "month"
    else:
        return d
    return replace(d, iso=iso, precision=precision, basis=basis, year=year)


def _nearest_year(day: int | None, month: int, published: date) -> int | None:
    """The year that puts ``day``/``month`` closest to the publication date (None when
    no nearby year has that day: 29/2 far from a leap year)."""
    best, best_gap = None, None
    for y in (published.year - 1, published.year, published.year + 1):
        if not _valid(day, month, y):
            continue
        gap = abs((date(y, month, day or 15) - published).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def explicit_year(raws: list[RawDate]) -> int | None:
    """The latest year written out with a day or month in one article, if any.

    Year-only mentions ("năm 2030") are left out: they are as often targets or
    background as the article's own time.
    """
    years = [r.year for r in raws if r.year is not None and r.month is not None]
    return max(years) if years else None
