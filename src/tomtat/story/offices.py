"""Office evidence: "Ngoại trưởng Mỹ John Kerry" says the text is from Kerry's term.

The office holders live in ``tomtat/data/office_holders.json`` (schema and sources in
docs/OFFICES.md). A holder counts only when a title of the office stands right before
the name, optionally with the country between ("Bộ trưởng Quốc phòng Nga Sergei
Shoigu", "Thủ tướng Abe", "Tổng thống đắc cử Donald Trump"): a name alone is not an
office (Kerry was a senator before, Lavrov an ambassador). "cựu"/"nguyên" (former)
before the title drops the mention. "đắc cử" (elect) matches only the periods between
election and inauguration.

Speed: the caller finds where the words a title can start with stand, in a scan it
shares with the reference events (:func:`tomtat.story.mention_years.evidence_words`);
the title expression is tried only there, and names are looked up in a dictionary only
right after a title, token by token, so sentences without a title cost nothing here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from tomtat.data import read_json
from tomtat.story.years import Evidence, Span, month_index

__all__ = ["Holder", "OfficeIndex", "load_offices"]

_DATA_FILE = "office_holders.json"
_FORMER = ("cựu", "nguyên")
_ELECT = "đắc cử"
_TOKEN = re.compile(r"[\w.'’-]+")
MAX_NAME_TOKENS = 5
# The characters Python's case-insensitive matching takes for a letter of a title's
# first word although ``str.lower`` does not give that letter (dotless "ı" and "İ" for
# "i"), and those lower-casing lengthens, which would move positions ("İ", the only
# one). A text holding one is searched without the head-word shortcut
# (:meth:`OfficeIndex.title_matches`). A constant, not computed at load (a scan of the
# Basic Multilingual Plane costs milliseconds per process); tests/story/test_offices.py
# recomputes it from the titles.
FOLDS_APART = "İı"


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(t.rstrip(".") or t for t in _TOKEN.findall(_fold(name)))


@dataclass(frozen=True, slots=True)
class Holder:
    """One continuous term (or elect period) of one person in one office."""

    office: str
    country: str
    office_name: str
    person: str
    names: tuple[str, ...]
    start: str
    end: str | None
    kind: str
    source: str

    @property
    def span(self) -> Span:
        return Span(month_index(self.start), month_index(self.end) if self.end else None)

    def describe(self) -> str:
        end = self.end or "still in office when checked"
        what = f"{self.office_name} ({self.country})"
        if self.kind == "elect":
            what += ", elect"
        return f"{self.person}: {what}, {self.start} to {end}"


@dataclass(frozen=True, slots=True)
class OfficeIndex:
    """Office holders indexed for lookup after a title: ``titles`` finds any title
    (with an optional "cựu"/"nguyên" before it); ``by_name`` maps a name's lower-cased
    tokens to its terms; ``offices`` maps an office id to its title and country words.
    ``heads`` are the words a ``titles`` match can start with (lower case): see
    :meth:`title_matches`."""

    titles: re.Pattern[str]
    heads: tuple[str, ...]
    by_name: dict[tuple[str, ...], tuple[Holder, ...]]
    offices: dict[str, tuple[frozenset[str], frozenset[str]]]
    countries: tuple[str, ...]
    checked: str

    def find(self, text: str, heads_at: Iterable[int]) -> list[tuple[int, Evidence]]:
        """Every office mention in ``text``: where it starts, and its evidence with the
        months its holder held the office (``heads_at``: see :meth:`title_matches`)."""
        out: list[tuple[int, Evidence]] = []
        for m in self.title_matches(text, heads_at):
            if m.group("former"):
                continue
            title = _fold(" ".join(m.group("title").split()))
            pos = m.end()
            rest = _fold(text[pos:pos + 120])
            country, rest, pos = self._country(rest, pos)
            elect = False
            if rest.startswith(_ELECT):
                elect, pos, rest = True, pos + len(_ELECT), rest[len(_ELECT):]
                rest2 = rest.lstrip()
                pos += len(rest) - len(rest2)
                rest = rest2
                if country is None:
                    country, rest, pos = self._country(rest, pos)
            found = self._name(rest)
            if found is None:
                continue
            name, length = found
            holders = [
                h for h in self.by_name[name]
                if title in self.offices[h.office][0]
                and (country is None or country in self.offices[h.office][1])
                and (h.kind == "elect") == elect
            ]
            if not holders:
                continue
            said = text[m.start("title"):pos + length].strip()
            spans = tuple(sorted({h.span for h in holders}, key=lambda s: s.first))
            detail = "; ".join(h.describe() for h in holders)
            out.append((m.start("title"), Evidence("elect" if elect else "office", said, detail, spans)))
        return out

    def title_matches(self, text: str, heads_at: Iterable[int]) -> list[re.Match[str]]:
        """``titles.finditer(text)``, tried only at ``heads_at``: every position where
        the lower-cased text holds one of the words a title starts with (``heads``),
        found by the caller in a pass it makes anyway (the expression alone tries every
        position that starts with one of their letters, most of a Vietnamese text).
        A text where lower-casing is not how the expression folds case (a character of
        ``FOLDS_APART``: dotless "ı" or "İ") is searched by the expression alone."""
        if any(c in text for c in FOLDS_APART):  # str.find speed, not a regex scan
            return list(self.titles.finditer(text))
        out = []
        free = 0
        match = self.titles.match
        for at in sorted(heads_at):
            if at >= free and (m := match(text, at)) is not None:
                out.append(m)
                free = m.end()
        return out

    def _country(self, rest: str, pos: int) -> tuple[str | None, str, int]:
        stripped = rest.lstrip()
        pos += len(rest) - len(stripped)
        for c in self.countries:
            if stripped.startswith(c) and not stripped[len(c):len(c) + 1].isalnum():
                after = stripped[len(c):]
                tail = after.lstrip()
                return c, tail, pos + len(c) + len(after) - len(tail)
        return None, stripped, pos

    def _name(self, rest: str) -> tuple[tuple[str, ...], int] | None:
        """The longest known name at the start of ``rest`` (lower-cased), and its length."""
        toks = list(_TOKEN.finditer(rest[:80]))[:MAX_NAME_TOKENS]
        if not toks or toks[0].start() != 0:
            return None
        for n in range(len(toks), 0, -1):
            key = tuple(t.group(0).rstrip(".") or t.group(0) for t in toks[:n])
            if key in self.by_name:
                last = toks[n - 1]
                return key, last.start() + len(key[-1])
        return None


@cache
def load_offices() -> OfficeIndex:
    """The office-holder index, built once per process from the package data."""
    data = read_json(_DATA_FILE)
    offices = {
        k: (frozenset(_fold(t) for t in v["titles"]), frozenset(_fold(c) for c in v["countries"]))
        for k, v in data["offices"].items()
    }
    by_name: dict[tuple[str, ...], list[Holder]] = {}
    for row in data["holders"]:
        office = data["offices"][row["office"]]
        h = Holder(row["office"], office["country"], office["office"], row["person"],
                   tuple(row["names"]), row["start"], row["end"], row["kind"], row["source"])
        for name in {row["person"], *row["names"]}:
            by_name.setdefault(_tokens(name), []).append(h)
    titles = sorted({title for ts, _ in offices.values() for title in ts}, key=len, reverse=True)
    countries = sorted({c for _, cs in offices.values() for c in cs}, key=len, reverse=True)
    # The titles as a word trie ("bộ trưởng (quốc phòng|ngoại giao)..."), behind a
    # class of the letters a match can start with: the scan skips every other position
    # in C, and a position that starts a word tries each first word once, not each title.
    # The greedy trie still matches the longest title at a position, as the flat
    # longest-first alternation did.
    firsts = sorted({w[0] for w in ("cựu", "nguyên", *titles)})
    pattern = re.compile(
        "(?=[" + re.escape("".join(firsts)) + r"])(?<!\w)(?P<former>(?:cựu|nguyên)\s+)?(?P<title>"
        + _trie_pattern([tuple(t.split()) for t in titles]) + r")(?!\w)",
        re.IGNORECASE,
    )
    heads = sorted({w.split()[0] for w in ("cựu", "nguyên", *titles)})
    return OfficeIndex(
        pattern, tuple(heads),
        {k: tuple(v) for k, v in by_name.items()}, offices, tuple(countries), data["checked"],
    )


def _trie_pattern(phrases: list[tuple[str, ...]]) -> str:
    """A regular expression matching any of ``phrases`` (words joined by spaces),
    shared first words factored out, the longest phrase preferred at a position."""
    heads: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        heads.setdefault(words[0], []).append(words[1:])
    parts = []
    for head in sorted(heads, key=len, reverse=True):
        rests = [r for r in heads[head] if r]
        part = re.escape(head)
        if rests:
            tail = r"\s+(?:" + _trie_pattern(rests) + ")"
            part += tail if len(rests) == len(heads[head]) else "(?:" + tail + ")?"
        parts.append(part)
    return "|".join(parts)
