"""Vietnamese time expressions: find them in a sentence and normalise them to ISO 8601.

Two steps, kept apart so each stays testable:

1. :func:`find_dates` (:mod:`tomtat.story.date_find`, re-exported here) finds
   expressions in one text and reads what they literally say ("hôm 14-10" -> day 14,
   month 10, no year; "hôm qua" -> one day before publication).
2. :func:`resolve` turns a found expression into a :class:`DateMention` with an ISO
   value, using what is known about the article: its publication date, else the latest
   explicit year written in the article, else nothing. A year that cannot be known stays
   unknown (``--10-14``, precision ``day-no-year``); a relative expression without a
   publication date stays unresolved. Precision is never invented: "tuần trước" is a
   week, "đầu năm sau" is a year.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypedDict

from tomtat.story.date_find import RawDate, find_dates, find_dates_many
from tomtat.story.date_find import is_valid_date as _valid
from tomtat.story.years import YearEstimate

__all__ = [
    "DateMention", "RawDate", "explicit_year", "find_dates", "find_dates_many",
    "resolve", "with_year",
]

PRECISIONS = ("day", "week", "month", "year", "day-no-year", "month-no-year", "unresolved")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression with its normalised value.

    ``iso`` is ISO 8601 at the precision that is known: ``2014-10-14``, ``--10-14``
    (year unknown), ``2014-02``, ``--02``, ``2024-W45``, ``2025``, or None when a
    relative expression has nothing to be resolved against. ``basis`` says where the
    year came from: ``explicit`` (written), ``published`` (the article's date),
    ``article`` (another explicit year in the same article), ``evidence`` (inferred
    from office holders, reference events or a weekday: :mod:`tomtat.story.years`),
    ``cluster`` (the year of the same event in another article, see
    :func:`tomtat.story.events.lend_years`), ``none``. ``estimate`` is the inferred
    year or range with its evidence, for a date written without a year in an article
    without a publication date (None otherwise, or when nothing could be inferred).
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
    estimate: YearEstimate | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Chronological key; unknown parts sort last within what is known."""
        return (self.year or 9999, self.month or 99, self.day or 99)


class _Span(TypedDict):
    """The fields a ``DateMention`` takes from its ``RawDate`` unchanged."""

    start: int
    end: int
    text: str
    time: str | None
    part: str | None


def _shift_month(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + months
    return total // 12, total % 12 + 1


def resolve(
    raw: RawDate,
    published: date | None = None,
    article_year: int | None = None,
    estimate: YearEstimate | None = None,
) -> DateMention:
    """Normalise one found expression; see the module docstring for the rules.

    ``estimate`` (from :mod:`tomtat.story.mention_years`), when given for a date without
    publication date, replaces ``article_year``: its year when it has one, else none.
    """
    base: _Span = {"start": raw.start, "end": raw.end, "text": raw.text, "time": raw.time, "part": raw.part}
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
        elif estimate is not None:
            if estimate.exact is not None and _valid(day, month, estimate.exact):
                year = estimate.exact
                basis = "article" if [e.kind for e in estimate.evidence] == ["article-year"] else "evidence"
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
                       year=year, month=month, day=day, estimate=estimate)


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
