"""Find Vietnamese time expressions in text: what each one literally says (:class:`RawDate`).

"hôm 14-10" -> day 14, month 10, no year; "hôm qua" -> one day before publication.
Normalising them to ISO 8601 is :mod:`tomtat.story.dates`' job.

False positives are avoided by construction: a day-month written with ``-`` or ``.``
("14-10", "19.5") is a date only after a cue word ("hôm", "ngày", "sáng", ...), since
alone it is as likely a score ("2-1") or a decimal; numbers glued to other digits,
slashes or commas ("4,5", "15/2020/NĐ-CP") are never dates; "24 giờ" is a duration.
The words involved live in ``tomtat/data/time_expressions.json``.

Speed (a cluster's sentences at once, :func:`find_dates_many`): each pattern cannot
match without something it *needs* (a digit pair "14/10", a year "2014", "tháng",
"cách", "trước", the last two words of a relative phrase). Those are located once in
the cluster's joined, lower-cased text in one pass of an Aho-Corasick automaton (most
sentences hold none), and a pattern runs only in a window around each of them, after a
cheap check that the window holds the pattern's *core* (the digits and separators any
match of it contains: most digit pairs are decimals and scores, not dates).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any

import ahocorasick

from tomtat.data import read_json

_DATA_FILE = "time_expressions.json"


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


@cache
def data() -> dict[str, Any]:
    """The time-expression words (immutable package data)."""
    return read_json(_DATA_FILE)


def _alt(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, the longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_RIGHT = r"(?![\w/]|[.,:-]\d)"


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    d = data()
    cue = _alt(d["cues"])
    pod = _alt(d["parts_of_day"])
    time = r"(?:(?P<hh>\d{1,2})\s*(?:h|giờ|:)\s*(?:(?P<mi>\d{1,2})\s*(?:phút|')?)?\s+)?"
    lead = rf"(?:(?:{cue})\s+)?(?:(?:{pod})\s+)?(?:(?:ngày|hôm)\s+)?"
    left = r"(?<![\w/.,:-])"
    right = _RIGHT
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
        # 12h 50 phút trưa 23/1, hôm 15/10 (slash: cue optional, see _read)
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


# What each pattern cannot match without (see _positions).
_NEED = {
    "dmy": "pair", "range": "pair", "dm_slash": "pair", "dm_cue": "pair",
    "words": "tháng", "my": "tháng", "m": "tháng",
    "y": "year", "ago": "cách", "before": "trước", "rel": "rel",
}

# The core of a pattern: a piece of it every match contains, made of digits and
# separators, so that the regular expression engine finds it (or not) quickly. A window
# without its pattern's core holds no match of the pattern and is not searched.
@cache
def _cores() -> dict[str, str]:
    units = _alt(data()["units"])
    return {
        "dmy": rf"\d(?P<s>[/.-])\d{{1,2}}(?P=s)\d{{4}}{_RIGHT}",
        "words": r"\d\s+tháng\s+\d",
        "range": r"\d\s*[-–]\s*\d{1,2}/\d",
        "dm_slash": rf"\d/\d{{1,2}}{_RIGHT}",
        "dm_cue": rf"\s\d{{1,2}}[.-]\d{{1,2}}{_RIGHT}",
        "my": r"tháng\s+\d{1,2}(?:\s*[/.-]\s*|\s+năm\s+)\d{4}",
        "m": r"tháng\s+\d",
        "y": rf"\s(?:19|20)\d\d{_RIGHT}",
        "ago": r"cách\s+đây\s",
        "before": rf"(?:{units})\s+trước\b",
    }


@cache
def _searches() -> list[tuple[str, re.Pattern[str], re.Pattern[str] | None]]:
    """``(kind, pattern, core)`` in the order kinds are searched (ties keep this order)."""
    cores = _cores()
    return [
        (kind, pattern, re.compile(cores[kind], re.IGNORECASE) if kind in cores else None)
        for kind, pattern in _patterns()
    ]


@cache
def _relative_ends() -> dict[str, tuple[str, ...]]:
    """Every relative phrase ends with two words ("hôm qua", "năm nay"): the second
    word, with the space before it, -> the first words it follows."""
    ends: dict[str, list[str]] = {}
    for phrase in data()["relative"]:
        first, second = phrase.split()[-2:]
        ends.setdefault(" " + second, []).append(first)
    return {second: tuple(dict.fromkeys(firsts)) for second, firsts in ends.items()}


def _leftmost(spans: Iterable[tuple[int, int]]) -> list[int]:
    """Starts of the matches ``re.finditer`` reports among candidate ``(start, end)``
    spans: left to right, the longest at a start, none overlapping the one before."""
    out = []
    free = 0
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start >= free:
            out.append(start)
            free = end
    return out


_LITERAL_NEEDS = tuple(sorted({need for need in _NEED.values() if need not in ("pair", "year", "rel")}))


@cache
def _need_finder() -> ahocorasick.Automaton:
    """An automaton of the strings that locate every need (see :func:`_positions`),
    each with its need and length."""
    finder = ahocorasick.Automaton()
    for sep in "/.-":
        finder.add_word(sep, ("pair", 1))
    for lead in ("19", "20"):
        finder.add_word(lead, ("year", 2))
    for second, firsts in _relative_ends().items():
        for first in firsts:
            finder.add_word(first + second, ("rel", len(first) + len(second)))
    for need in _LITERAL_NEEDS:
        finder.add_word(need, (need, len(need)))
    finder.make_automaton()
    return finder


def _positions(text: str) -> dict[str, list[int]]:
    """Where each need occurs in (lower-cased) ``text``: what ``re.finditer`` would report
    for ``\\d[/.-]\\d`` ("pair"), ``(?:19|20)\\d\\d`` ("year"), the relative phrases'
    last two words ("rel"), or the literal word itself (every occurrence). All are found
    in one pass of an Aho-Corasick automaton (pyahocorasick), several times faster than
    a regular expression or a ``str.find`` per string scanning the whole text.
    ``str.isdecimal`` is exactly what ``\\d`` matches in a ``str`` pattern."""
    pair: list[tuple[int, int]] = []
    year: list[tuple[int, int]] = []
    rel: list[tuple[int, int]] = []
    literal: dict[str, list[int]] = {need: [] for need in _LITERAL_NEEDS}
    found: Iterator[tuple[int, tuple[str, int]]] = _need_finder().iter(text)
    for last, (need, length) in found:
        at = last + 1 - length
        if need == "pair":
            if at and text[at - 1].isdecimal() and text[at + 1 : at + 2].isdecimal():
                pair.append((at - 1, at + 2))
        elif need == "year":
            if len(digits := text[at + 2 : at + 4]) == 2 and digits.isdecimal():
                year.append((at, at + 4))
        elif need == "rel":
            rel.append((at, last + 1))
        else:
            literal[need].append(at)
    return {"pair": _leftmost(pair), "year": _leftmost(year), "rel": _leftmost(rel), **literal}


def _by_text(positions: list[int], offsets: list[int]) -> dict[int, list[int]]:
    """Positions in the joined texts -> text index -> positions in that text."""
    where: dict[int, list[int]] = {}
    for p in positions:
        k = bisect_right(offsets, p) - 1
        where.setdefault(k, []).append(p - offsets[k])
    return where


# An expression starts at most this many characters before the word or digits it needs
# ("12h 50 phút trưa ngày 23/1": the time and cue words come first) and ends at most
# this many after them ("ngày 15 tháng 10 năm 2014").
_LEAD_CHARS = 48
_TAIL_CHARS = 32
_SPACE = re.compile(r"\s")


def _windows(text: str, needed_at: list[int]) -> list[tuple[int, int]]:
    """Each needed position with the end of its window: the first space at least
    ``_TAIL_CHARS`` after it, where a pattern's look-ahead sees what it would see in the
    whole text."""
    out = []
    for p in needed_at:
        stop = _SPACE.search(text, p + _TAIL_CHARS)
        out.append((p, stop.start() if stop else len(text)))
    return out


def _matches(
    pattern: re.Pattern[str], core: re.Pattern[str] | None, text: str, windows: list[tuple[int, int]]
) -> list[re.Match[str]]:
    """``pattern.finditer(text)``, searched only in the windows around the positions of
    what the pattern needs (every match holds one), and only where the window holds the
    pattern's ``core``."""
    out = []
    pos = 0
    for p, end in windows:
        if p < pos:
            continue  # inside the previous match
        start = max(pos, p - _LEAD_CHARS)
        while core is None or core.search(text, start, end) is not None:
            m = pattern.search(text, start, end)
            if m is None:
                break
            out.append(m)
            pos = start = m.end()
    return out


def find_dates(text: str) -> list[RawDate]:
    """Time expressions in ``text``, left to right, non-overlapping (longest wins).

    >>> [(r.day, r.month, r.year) for r in find_dates("Hai bên gặp nhau hôm 14-10 tại Paris.")]
    [(14, 10, None)]
    >>> find_dates("Đội nhà thắng 2-1, tỷ lệ 4,5%.")
    []
    """
    return find_dates_many([text])[0]


def find_dates_many(texts: Sequence[str]) -> list[list[RawDate]]:
    """:func:`find_dates` for many texts at once (a cluster's sentences).

    What each pattern needs is searched once in all the texts joined (see the module
    docstring), and the (slower) full patterns run only on the few texts that hold it,
    around each occurrence.
    """
    joined = "\x00".join(texts).lower()
    if len(joined) == sum(map(len, texts)) + len(texts) - 1:
        lengths: Iterable[int] = map(len, texts)
        kept_length = [True] * len(texts)
    else:  # lower-casing lengthened a character ("İ"): offsets move within those texts
        lowers = [t.lower() for t in texts]
        joined = "\x00".join(lowers)
        lengths = map(len, lowers)
        kept_length = [len(t) == len(low) for t, low in zip(texts, lowers)]
    offsets = [0, *accumulate(n + 1 for n in lengths)][: len(texts)]
    where = {need: _by_text(at, offsets) for need, at in _positions(joined).items()}
    windows: dict[tuple[str, int], list[tuple[int, int]]] = {}
    found: list[list[RawDate]] = [[] for _ in texts]
    for kind, pattern, core in _searches():
        need = _NEED[kind]
        for k, needed_at in where[need].items():
            text = texts[k]
            if not kept_length[k]:
                matches: Iterable[re.Match[str]] = pattern.finditer(text)
            else:
                spans = windows.get((need, k))
                if spans is None:
                    spans = windows[need, k] = _windows(text, needed_at)
                matches = _matches(pattern, core, text, spans)
            for m in matches:
                raw = _read(kind, m, text)
                if raw is not None:
                    found[k].append(raw)
    for raws in found:
        if len(raws) > 1:
            raws.sort(key=lambda r: (r.start, -(r.end - r.start)))
            kept = [raws[0]]
            for raw in raws[1:]:
                if raw.start >= kept[-1].end:
                    kept.append(raw)
            raws[:] = kept
    return found


def is_valid_date(day: int | None, month: int | None, year: int | None) -> bool:
    """Whether the parts that are given can be one calendar date (1900-2100)."""
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
    blockers = _blockers()
    return before.endswith(blockers) and any(
        before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum())
        for w in blockers
    )


@cache
def _blockers() -> tuple[str, ...]:
    return tuple(data()["blockers"])


def _time(g: dict[str, str | None]) -> str | None:
    hh = g.get("hh")
    if hh is None or int(hh) > 23:
        return None
    mi = g.get("mi")
    return f"{int(hh):02d}:{int(mi or 0):02d}"


# Letters the patterns' case-insensitive matching takes for "s" and "i" although
# str.lower() leaves them apart: "ſáng nay" matches like "sáng nay".
_CASE_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i"})


def _key(words: str) -> str:
    """Matched words as written in ``time_expressions.json`` (lower case)."""
    return words.translate(_CASE_FOLD).lower()


def _number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return data()["numbers"].get(_key(token))


_ABSOLUTE = frozenset({"dmy", "words", "range", "dm_slash", "dm_cue", "my", "m", "y"})
_BARE_BLOCKED = frozenset({"dm_slash", "range", "dm_cue", "dmy"})


def _read(kind: str, m: re.Match[str], text: str) -> RawDate | None:
    g = m.groupdict()
    span = (m.start(), m.end(), m.group(0))
    if kind in _ABSOLUTE:
        day = int(g["d"]) if g.get("d") else None
        month = int(g["m"]) if g.get("m") else None
        year = int(g["y"]) if g.get("y") else None
        if not is_valid_date(day, month, year):
            return None
        bare = g.get("d") is not None and m.start("d") == m.start()  # no cue word before it
        if kind in _BARE_BLOCKED and bare and _blocked(text, m.start()):
            return None
        if kind == "dm_slash" and not g.get("pre") and not _dateline(text, m.start()):
            return None
        return RawDate(*span, day=day, month=month, year=year, time=_time(g))
    if kind in ("ago", "before"):
        n = _number(g["n"])
        if n is None:
            return None
        unit = data()["units"][_key(g["u"])]
        return RawDate(*span, unit=unit, offset=-n)
    if kind == "rel":
        spec = data()["relative"][_key(g["r"])]
        return RawDate(*span, unit=spec["unit"], offset=spec["offset"], part=spec.get("part"))
    return None


_WEEKDAY_END = re.compile(r"(?:\bthứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|\bchủ\s+nhật)$", re.IGNORECASE)


def _dateline(text: str, start: int) -> bool:
    """A bare ``d/m`` counts as a date at a dateline (text start, after ``(``, ``,`` or a
    dash) or right after a weekday ("thứ Sáu 13/3")."""
    before = text[:start].rstrip()
    return not before or before[-1] in "(,–—-" or _WEEKDAY_END.search(before[-12:]) is not None
