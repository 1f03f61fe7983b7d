"""Years for the year-less dates of one article, from the evidence in its own text.

Reads each sentence's found dates (:class:`~tomtat.story.date_find.RawDate`); for every
day or month written without a year it gathers the evidence :mod:`tomtat.story.years`
combines: office holders and reference events in the same sentence (``local``) and in
the rest of the article (``context``), the weekday written beside the date, the explicit
years the article writes with a day or month. Sentences are scanned for evidence only
when the article has a year-less date, so most articles cost nothing.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from functools import cache

import ahocorasick

from tomtat.story.date_find import RawDate
from tomtat.story.offices import load_offices
from tomtat.story.reference_events import find_references, reference_needs
from tomtat.story.years import Evidence, YearEstimate, find_weekday, infer_year

Key = tuple[str, int]

__all__ = ["estimate_years", "evidence_words", "sentence_evidence", "written_dates"]


RECALL_CUES = ("hồi",)


def written_dates(texts: Mapping[Key, str], raws: Mapping[Key, Sequence[RawDate]]) -> dict[int, tuple[int, int]]:
    """Each year written out with a day or month in one article, with the latest
    (month, day) written in it (day 0: a month alone).

    A date recalled with "hồi" ("hồi tháng 9/2011": back in September 2011) is the
    past the article looks back on, not its own time, and is left out.
    """
    latest: dict[int, tuple[int, int]] = {}
    for key, rs in raws.items():
        for r in rs:
            if r.year is not None and r.month is not None and not _recalled(texts.get(key, ""), r):
                latest[r.year] = max(latest.get(r.year, (0, 0)), (r.month, r.day or 0))
    return latest


def sentence_evidence(texts: Mapping[Key, str]) -> dict[Key, list[Evidence]]:
    """Office and reference-event evidence of each sentence (one piece per detail),
    found in one pass over the article's sentences joined (one search per pattern, not
    per sentence). The sentences are read as NFC, as cleaning leaves them."""
    keys = list(texts)
    parts = [texts[k] for k in keys]
    joined = "\n".join(parts)
    if not unicodedata.is_normalized("NFC", joined):  # text a caller did not clean
        parts = [unicodedata.normalize("NFC", t) for t in parts]
        joined = "\n".join(parts)
    starts: list[int] = []
    at = 0
    for part in parts:
        starts.append(at)
        at += len(part) + 1
    heads_at, present = evidence_words(joined)
    out: dict[Key, list[Evidence]] = {}
    for pos, e in [*load_offices().find(joined, heads_at), *find_references(joined, present)]:
        key = keys[bisect_right(starts, pos) - 1]
        found = out.setdefault(key, [])
        if all(f.detail != e.detail for f in found):
            found.append(replace(e, sentence=key))
    return out


def evidence_words(text: str) -> tuple[list[int], set[str]]:
    """Where in ``text`` a word an office title starts with stands (the positions
    :meth:`~tomtat.story.offices.OfficeIndex.find` tries), and which words reference
    events need it holds (what :func:`~tomtat.story.reference_events.find_references`
    skips events by): one scan of the lower-cased text for both."""
    heads_at: list[int] = []
    present: set[str] = set()
    words: Iterator[tuple[int, tuple[str, bool, bool]]] = _evidence_words().iter(text.lower())
    for last, (word, head, need) in words:
        if head:
            heads_at.append(last + 1 - len(word))
        if need:
            present.add(word)
    return heads_at, present


@cache
def _evidence_words() -> ahocorasick.Automaton:
    """One automaton of the words office titles start with and the words reference
    events need, each with whether it is one or the other (or both): an article is
    scanned once for both, not once per word."""
    heads = frozenset(load_offices().heads)
    needs = frozenset(reference_needs())
    finder = ahocorasick.Automaton()
    for word in sorted(heads | needs):
        finder.add_word(word, (word, word in heads, word in needs))
    finder.make_automaton()
    return finder


def _recalled(text: str, r: RawDate) -> bool:
    said = (text[max(0, r.start - 6):r.start] + r.text).lower()
    return any(f"{cue} " in said for cue in RECALL_CUES)


def estimate_years(
    texts: Mapping[Key, str],
    raws: Mapping[Key, Sequence[RawDate]],
) -> dict[tuple[Key, int], YearEstimate]:
    """``(sentence key, start offset) -> YearEstimate`` for each year-less day/month
    date of one article (``texts``: its sentences; ``raws``: their found dates)."""
    wanted = [
        (key, r) for key, rs in raws.items() for r in rs
        if not r.relative and r.year is None and r.month is not None
    ]
    if not wanted:
        return {}
    evidence = sentence_evidence(texts)
    latest = written_dates(texts, raws)
    years = sorted(latest, reverse=True)
    out: dict[tuple[Key, int], YearEstimate] = {}
    for key, r in wanted:
        local = evidence.get(key, [])
        context = [e for k, es in evidence.items() if k != key for e in es]
        weekday = find_weekday(texts[key], r.start, r.end) if key in texts else None
        est = infer_year(month=r.month, day=r.day, weekday=weekday, local=local, context=context, article_years=years,
                         latest_written=latest)
        if est is not None:
            out[(key, r.start)] = est
    return out
