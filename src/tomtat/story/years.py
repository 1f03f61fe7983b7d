"""Year inference: which years a date written without one can be in, and why.

A mention such as "hôm 14-10" in an article with no publication date has no year. The
text often says enough to narrow it: who held which office (:mod:`tomtat.story.offices`),
which world event had already begun (:mod:`tomtat.story.reference_events`), the weekday
written beside the date ("thứ Ba, 14/10"), explicit years elsewhere in the same article.
Each clue is an :class:`Evidence`: the months it allows (a union of :class:`Span`) and the
words that said it. :func:`infer_year` intersects them and returns a
:class:`YearEstimate`: one year, or a range, never more precise than the evidence allows;
when the evidence conflicts or is missing, there is no estimate.

Rules (kept simple so the evidence can be read back to the user):

- constraints (offices, reference events) are intersected; those found in the mention's
  own sentence are intersected first, and those from the rest of the article join only
  if they agree with them (an article may recall a former office holder in passing);
- the mention's month, when written, picks the years whose that month is allowed;
- a weekday keeps the years in which the day falls on it, only within a closed range
  (an open one, "since 2022", has no last year to stop at);
- an explicit year written elsewhere in the article (with a day or month) is taken when
  the constraints allow it, or alone when there is no constraint: the usual case of a
  report that gives the year once;
- with nothing but an open range, the estimate says "from YEAR".
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Evidence", "Span", "YearEstimate", "find_weekday", "infer_year", "month_index"]

OPEN = None


def month_index(text: str) -> int:
    """``"YYYY-MM"`` as a month count (year * 12 + month - 1), the unit of :class:`Span`."""
    y, m = text.split("-")
    return int(y) * 12 + int(m) - 1


def _month_text(i: int) -> str:
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


@dataclass(frozen=True, slots=True)
class Span:
    """Months ``first`` .. ``last`` (inclusive month indices, see :func:`month_index`);
    ``last`` None when the span is open-ended (an office still held, a war going on)."""

    first: int
    last: int | None

    def __str__(self) -> str:
        end = _month_text(self.last) if self.last is not None else "…"
        return f"{_month_text(self.first)} – {end}"

    @classmethod
    def parse(cls, text: str) -> Span:
        """The span ``str`` wrote (``2013-02 – 2017-01``, ``2022-02 – …``), read back."""
        first, _, last = text.partition(" – ")
        return cls(month_index(first), None if last == "…" else month_index(last))


@dataclass(frozen=True, slots=True)
class Evidence:
    """One clue about when: ``kind`` (``office``, ``elect``, ``reference``, ``weekday``,
    ``article-year``), ``text`` (the words that say it), ``detail`` (what it means, in
    English: the office and term, the event and its start), ``spans`` (the months it
    allows; empty for weekday and article-year, which are applied differently),
    ``sentence`` (the key of the sentence it was read from, if known)."""

    kind: str
    text: str
    detail: str
    spans: tuple[Span, ...] = ()
    sentence: tuple[str, int] | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "text": self.text, "detail": self.detail}
        if self.spans:
            out["allows"] = [str(s) for s in self.spans]
        if self.sentence is not None:
            out["sentence"] = {"article_id": self.sentence[0], "index": self.sentence[1]}
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Evidence:
        """The clue ``to_dict`` wrote (as a stored summary keeps it), read back."""
        sentence = data.get("sentence")
        return cls(
            kind=data["kind"],
            text=data["text"],
            detail=data["detail"],
            spans=tuple(Span.parse(s) for s in data.get("allows", ())),
            sentence=(sentence["article_id"], sentence["index"]) if sentence else None,
        )


@dataclass(frozen=True, slots=True)
class YearEstimate:
    """The years a mention can be in: ``first`` .. ``last`` (``last`` None: open-ended,
    "from ``first``"); ``years`` lists them when the set is not contiguous (a weekday
    keeps 2014 and 2020); ``evidence`` is everything that was used."""

    first: int
    last: int | None
    evidence: tuple[Evidence, ...] = field(default=())
    years: tuple[int, ...] = ()

    @property
    def exact(self) -> int | None:
        """The year when only one is possible."""
        return self.first if self.last == self.first else None

    def contains(self, year: int) -> bool:
        if self.years:
            return year in self.years
        return self.first <= year and (self.last is None or year <= self.last)

    @property
    def label(self) -> str:
        """``2024``, ``2022–2023``, ``2014 or 2020``, ``from 2025``, as JSON gives it
        (readers get it in Vietnamese: ``tomtat.io.writers.story.years_phrase``)."""
        if self.exact is not None:
            return str(self.exact)
        if self.years:
            return " or ".join(map(str, self.years))
        if self.last is None:
            return f"from {self.first}"
        return f"{self.first}–{self.last}"

    @property
    def firm(self) -> bool:
        """Whether the estimate rests only on clues that bound the years (offices,
        reference events, a weekday), not on a year the article writes elsewhere,
        which may be one it recalls."""
        return all(e.kind != "article-year" for e in self.evidence)

    def meet(self, other: YearEstimate) -> YearEstimate | None:
        """The years both estimates allow, with the evidence of both (None when they
        allow no year in common). Two reports of one event that each narrow its year
        in their own way narrow it together: 2012–2017 by one report's offices and
        "from 2015" by another's reference event is 2015–2017.

        >>> YearEstimate(2012, 2017).meet(YearEstimate(2015, None)).label
        '2015–2017'
        >>> YearEstimate(2014, 2020, years=(2014, 2020)).meet(YearEstimate(2016, 2023)).label
        '2020'
        >>> YearEstimate(2012, 2013).meet(YearEstimate(2015, None)) is None
        True
        """
        first = max(self.first, other.first)
        ends = [e for e in (self.last, other.last) if e is not None]
        last = min(ends) if ends else None
        if last is not None and first > last:
            return None
        evidence = tuple(dict.fromkeys((*self.evidence, *other.evidence)))
        listed = [e for e in (self, other) if e.years]
        if not listed:
            return YearEstimate(first, last, evidence)
        years = [y for y in listed[0].years if all(e.contains(y) for e in (self, other))]
        if not years:
            return None
        contiguous = years == list(range(years[0], years[-1] + 1))
        return YearEstimate(years[0], years[-1], evidence, () if contiguous else tuple(years))

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"first": self.first, "last": self.last, "label": self.label}
        if self.years:
            out["years"] = list(self.years)
        out["evidence"] = [e.to_dict() for e in self.evidence]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> YearEstimate:
        """The estimate ``to_dict`` wrote (as a stored summary keeps it), read back."""
        return cls(
            first=data["first"],
            last=data["last"],
            evidence=tuple(Evidence.from_dict(e) for e in data.get("evidence", ())),
            years=tuple(data.get("years", ())),
        )


def _intersect(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    out = []
    for x in a:
        for y in b:
            first = max(x.first, y.first)
            ends = [e for e in (x.last, y.last) if e is not None]
            last = min(ends) if ends else None
            if last is None or first <= last:
                out.append(Span(first, last))
    return out


def _combine(evidence: Iterable[Evidence]) -> tuple[list[Span] | None, list[Evidence]]:
    """The months every constraint allows (None: no constraint) and the evidence used."""
    allowed: list[Span] | None = None
    used: list[Evidence] = []
    for e in evidence:
        if not e.spans:
            continue
        narrowed = list(e.spans) if allowed is None else _intersect(allowed, e.spans)
        if not narrowed:
            return [], used + [e]
        allowed = narrowed
        used.append(e)
    return allowed, used


def _years(allowed: Sequence[Span], month: int | None) -> tuple[list[int], int | None]:
    """Closed candidate years, and the first year of an open tail (None if all closed)."""
    years: set[int] = set()
    open_from: int | None = None
    for s in allowed:
        if s.last is None:
            y = s.first // 12 if month is None or s.first % 12 <= month - 1 else s.first // 12 + 1
            open_from = y if open_from is None else min(open_from, y)
            continue
        for y in range(s.first // 12, s.last // 12 + 1):
            if month is None or s.first <= y * 12 + month - 1 <= s.last:
                years.add(y)
    if open_from is not None:
        years = {y for y in years if y < open_from}
    return sorted(years), open_from


_WEEKDAYS = {
    "hai": 0, "2": 0, "ba": 1, "3": 1, "tư": 2, "4": 2, "năm": 3, "5": 3,
    "sáu": 4, "6": 4, "bảy": 5, "7": 5,
}
_WEEKDAY_BEFORE = re.compile(
    r"(?:thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s*nhật))\s*[,(\-–]?\s*(?:ngày\s*|hôm\s*)?$", re.IGNORECASE
)
_WEEKDAY_AFTER = re.compile(r"^\s*[,(]\s*(?:thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s*nhật))\b", re.IGNORECASE)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def find_weekday(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The weekday (0 = Monday) written right before ``text[start:end]`` ("thứ Ba,
    14/10", "Chủ nhật 12/1") or right after it in brackets ("14/10 (thứ Ba)"), with
    the words that say it."""
    for m, before in ((_WEEKDAY_BEFORE.search(text[max(0, start - 24):start]), True),
                      (_WEEKDAY_AFTER.match(text[end:end + 20]), False)):
        if m:
            day = 6 if m.group(2) else _WEEKDAYS[m.group(1).lower()]
            return day, m.group(0).strip(" ,(-–")
    return None


def _weekday_years(years: Iterable[int], day: int, month: int, weekday: int) -> list[int]:
    out = []
    for y in years:
        if day <= calendar.monthrange(y, month)[1] and calendar.weekday(y, month, day) == weekday:
            out.append(y)
    return out


def infer_year(
    *,
    month: int | None,
    day: int | None = None,
    weekday: tuple[int, str] | None = None,
    local: Sequence[Evidence] = (),
    context: Sequence[Evidence] = (),
    article_years: Sequence[int] = (),
    latest_written: Mapping[int, tuple[int, int]] | None = None,
) -> YearEstimate | None:
    """The years a mention of ``day``/``month`` (either may be None) can be in.

    ``local``: evidence from the mention's own sentence; ``context``: from the rest of
    its article (or event); ``weekday``: from :func:`find_weekday`; ``article_years``:
    explicit years written with a day or month elsewhere in the article, latest first;
    ``latest_written``: for each of those years, the latest (month, day) the article
    writes in it (day 0: a month alone). None when nothing allows an estimate or the
    local evidence conflicts.

    When the article's year is the only clue and the mention falls before the latest
    date the article writes in that year, the mention may as well be in the next year
    (the article's own news after a dated past: "Ngày 22-12-2021, cháu bé tử vong ...
    Sáng 21-7, tòa xét xử"), so the estimate is that year and the next, not one year.
    """
    allowed, used = _combine(local)
    if allowed == []:
        return None
    if context:
        wider, more = _combine([*used, *context])
        if wider:
            allowed, used = wider, more
        elif allowed is None:
            return None  # the article's own clues disagree: say nothing
    if allowed is None:
        for y in article_years:
            if day is None or month is None or _valid(day, month, y):
                if weekday and day is not None and month is not None and not _weekday_years([y], day, month, weekday[0]):
                    continue
                later = (latest_written or {}).get(y)
                if not weekday and month is not None and later is not None and (month, day or 0) < later:
                    return YearEstimate(y, y + 1, (_later_than(y, later),))
                ev = Evidence("article-year", str(y), f"the article states the year {y} elsewhere")
                return YearEstimate(y, y, (ev,))
        return None
    years, open_from = _years(allowed, month)
    if weekday and day is not None and month is not None and open_from is None:
        kept = _weekday_years(years, day, month, weekday[0])
        if kept != years:
            used.append(Evidence("weekday", weekday[1],
                                 f"{day}/{month} is a {WEEKDAY_NAMES[weekday[0]]} only in {', '.join(map(str, kept)) or 'none of those years'}"))
            years = kept
    if not years and open_from is None:
        return None
    for y in article_years:
        if y in years or (open_from is not None and y >= open_from):
            later = (latest_written or {}).get(y)
            if not weekday and month is not None and later is not None and (month, day or 0) < later:
                if y + 1 in years or (open_from is not None and y + 1 >= open_from):
                    used.append(_later_than(y, later))
                    return YearEstimate(y, y + 1, tuple(used))
            used.append(Evidence("article-year", str(y), f"the article states the year {y} elsewhere"))
            return YearEstimate(y, y, tuple(used))
    if open_from is not None:
        first = min([*years, open_from])
        return YearEstimate(first, None, tuple(used))
    contiguous = years == list(range(years[0], years[-1] + 1))
    return YearEstimate(years[0], years[-1], tuple(used), () if contiguous else tuple(years))


def _later_than(year: int, later: tuple[int, int]) -> Evidence:
    """The article writes ``year`` with a date (``later``: month, day) after the mention's
    day and month: the mention may be the news after that dated past, in the next year."""
    written = f"{later[1]}/{later[0]}/{year}" if later[1] else f"{later[0]}/{year}"
    return Evidence("article-year", str(year),
                    f"the article states the year {year} elsewhere, with a later date ({written}): this one may be in {year} or {year + 1}")


def _valid(day: int, month: int, year: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
