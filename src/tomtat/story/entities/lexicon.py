"""The word lists the actor rules read: titles, honorifics, places, organisation heads,
known organisations, cue words, surnames (``src/tomtat/data``), read once per process.

Phrases are tuples of lower-case syllables. Besides the lists themselves, the lexicon
holds what the scan derives from them once instead of per cluster: which lower-case
syllables can start a title, honorific or place (``starters``), and the longest phrase.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from tomtat.data import read_json, read_lines
from tomtat.text.stopwords import stopwords


class Phrases(dict):
    """Phrases (tuples of lower-case syllables) -> value, indexed by first syllable so a
    longest-match lookup tries only the lengths that exist for that syllable."""

    def __init__(self, items: Iterable[tuple[tuple[str, ...], str]]):
        super().__init__(items)
        lengths: dict[str, set[int]] = defaultdict(set)
        for k in self:
            lengths[k[0]].add(len(k))
        self.lengths = {f: tuple(sorted(ls, reverse=True)) for f, ls in lengths.items()}


@dataclass(frozen=True, slots=True)
class Lexicon:
    titles: Phrases
    honorifics: frozenset[str]
    org_heads: Phrases
    places: Phrases
    org_known: Phrases
    title_orgs: Phrases  # organisations only right after a title ("HLV Liverpool")
    loc_cues: Phrases
    role_place_cues: Phrases  # cue words of a place inside a role ("Chủ tịch UBND tỉnh ...")
    org_tails: frozenset[str]  # last words of organisation names ("Hải Phòng FC")
    org_parents: frozenset[str]  # abbreviations starting a parent organisation ("... CA TP.HCM")
    namesakes: frozenset[str]  # people organisations are named after ("Hồ Chí Minh")
    unit_title_ends: frozenset[str]  # "Trưởng ban": the unit named after it is the title's
    role_stops: Phrases  # verbs that end a role written after a name ("cho biết")
    not_names: frozenset[str]
    not_entities: frozenset[str]
    misc_known: frozenset[str]  # look like names, name no actor ("COVID-19"): typed MISC
    not_alone: frozenset[str]  # lower-case words never an actor alone ("phía Bắc", "thứ Sáu")
    breakers: frozenset[str]
    particles: frozenset[str]  # lower-case syllables inside foreign names ("Erik ten Hag")
    prefixes: frozenset[str]  # particles glued by a hyphen to a name's next part ("al-Sisi")
    org_cues: Phrases  # lower-case words before an organisation ("hãng EgyptAir")
    org_cues_ends: frozenset[str]  # their last syllables: the cheap test first
    codes: re.Pattern[str]  # flight numbers and other codes ("MS804"): no actor
    code_cues: Phrases  # words before a code ("chuyến bay MS 804")
    law_heads: Phrases  # first words of legal texts ("Luật Doanh nghiệp"): no actor
    surnames: frozenset[str]
    stopwords: frozenset[str]
    starters: frozenset[str]
    openers: frozenset[str]
    cue_ends: frozenset[str]
    max_len: int
    kinds: dict[str, int]  # lower-case syllable -> what it can start (bits below)
    # what a lower-case title, place or honorific can open with: a one-syllable entry,
    # or the first two syllables of a longer one (the scan visits nothing else in lower case)
    openings: frozenset[str | tuple[str, str]]


# Bits of ``Lexicon.kinds``: one lookup tells the scan every table a syllable can start.
PLACE, TITLE, HONORIFIC, ORG_HEAD, ORG_KNOWN = 1, 2, 4, 8, 16


def syllables_of(text: str) -> tuple[str, ...]:
    """A phrase as the lexicon keys it: lower-case syllables."""
    return tuple(text.lower().split())


@cache
def lexicon() -> Lexicon:
    """The word lists, read once per process (package data never changes at run time)."""
    rules: dict[str, Any] = read_json("entity_rules_vi.json")
    titles = Phrases((syllables_of(t), t) for t in read_lines("titles_vi.txt"))
    places: list[tuple[tuple[str, ...], str]] = []
    for line in read_lines("places_vi.txt"):
        names = [n.strip() for n in line.split("|") if n.strip()]
        places.extend((syllables_of(n), names[0]) for n in names)
    lists = [*titles, *(p for p, _ in places)]
    org_heads = Phrases((syllables_of(h), h) for h in read_lines("org_heads_vi.txt"))
    org_known = Phrases((syllables_of(o), o) for o in rules["org_known"])
    honorifics = read_lines("honorifics_vi.txt")
    place_table = Phrases(places)
    kinds: dict[str, int] = defaultdict(int)
    for table, bit in ((place_table, PLACE), (titles, TITLE), (org_heads, ORG_HEAD), (org_known, ORG_KNOWN)):
        for first in table.lengths:
            kinds[first] |= bit
    for h in honorifics:
        kinds[h] |= HONORIFIC
    openings: set[str | tuple[str, str]] = set(honorifics)
    for phrase in (*place_table, *titles):
        openings.add(phrase[0] if len(phrase) == 1 else phrase[:2])
    return Lexicon(
        titles=titles,
        honorifics=frozenset(honorifics),
        org_heads=org_heads,
        places=place_table,
        org_known=org_known,
        title_orgs=Phrases((syllables_of(o), o) for o in rules["title_orgs"]),
        loc_cues=Phrases((syllables_of(c), c) for c in rules["loc_cues"]),
        role_place_cues=Phrases((syllables_of(c), c) for c in rules["role_place_cues"]),
        org_tails=frozenset(rules["org_tails"]),
        org_parents=frozenset(rules["org_parents"]),
        namesakes=frozenset(rules["namesakes"]),
        unit_title_ends=frozenset(rules["unit_title_ends"]),
        role_stops=Phrases((syllables_of(v), v) for v in rules["role_stops"]),
        not_names=frozenset(rules["not_names"]),
        not_entities=frozenset(rules["not_entities"]),
        misc_known=frozenset(rules["misc_known"]),
        not_alone=frozenset(rules["not_alone"]),
        surnames=frozenset(read_lines("surnames_vi.txt")),
        breakers=frozenset(rules["breakers"]),
        particles=frozenset(rules["name_particles"]),
        prefixes=frozenset(rules["name_prefixes"]),
        org_cues=Phrases((syllables_of(c), c) for c in rules["org_cues"]),
        org_cues_ends=frozenset(c.split()[-1].lower() for c in rules["org_cues"]),
        codes=re.compile(rules["codes"]),
        code_cues=Phrases((syllables_of(c), c) for c in rules["code_cues"]),
        law_heads=Phrases((syllables_of(c), c) for c in rules["law_heads"]),
        stopwords=stopwords("story"),
        cue_ends=frozenset(c.split()[-1].lower() for c in rules["loc_cues"]),
        openers=frozenset(
            [*(p[0] for p in lists), *(k[0] for k in org_known), *(k[0] for k in org_heads),
             *(h.lower() for h in honorifics)]
        ),
        starters=frozenset([*(p[0] for p in lists), *(h.lower() for h in honorifics)]),
        max_len=max(len(x) for x in lists),
        kinds=dict(kinds),
        openings=frozenset(openings),
    )
