"""Content overlap between texts, for deciding whether two reports tell the same event.

Bags of lower-cased syllables without digits and stopwords, compared by cosine. Small
and dependency-free on purpose: it runs on a handful of sentences or articles per
cluster, where TF-IDF weighting over so few documents adds little.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from itertools import filterfalse
from operator import mul

from tomtat.data import read_lines


@cache
def _stop_syllables() -> frozenset[str]:
    return frozenset(w for line in read_lines("story_stopwords_vi.txt") if " " not in line for w in [line])


def bag(text: str) -> Counter[str]:
    """Content syllables of ``text`` with their counts."""
    return Counter(filterfalse(_stop_syllables().__contains__, filterfalse(str.isdigit, _syllables(text))))


_RUN = re.compile(r"[^\W_]+")


def _syllables(text: str) -> list[str]:
    r""":func:`tomtat.text.tokens.syllables`, twice as fast on prose: a run of letters
    and digits never crosses a space, and most words between spaces are one run
    (``str.isalnum`` holds exactly for what ``[^\W_]`` matches), so the regular
    expression only runs on the few words with punctuation or ``_``."""
    out: list[str] = []
    for word in unicodedata.normalize("NFC", text).lower().split():
        if word.isalnum():
            out.append(word)
        else:
            out.extend(_RUN.findall(word))
    return out


def bag_of(tokens: Iterable[str]) -> Counter[str]:
    """Content syllables with their counts, from lower-cased tokens already cut
    (:func:`tomtat.story.words.tokenize_units`): the same bag as :func:`bag` without
    cutting the text again (tokens that are not all letters, such as "nga-ukraine" or
    "14-10", are left out)."""
    return Counter(filterfalse(_stop_syllables().__contains__, filter(str.isalpha, tokens)))


def norm(b: Counter[str]) -> float:
    """The Euclidean length of a bag, for :func:`cosine` (compute it once per bag)."""
    return math.hypot(*b.values())


def cosine(a: Counter[str], b: Counter[str], norm_a: float | None = None, norm_b: float | None = None) -> float:
    """Cosine similarity of two bags (0 when either is empty).

    ``norm_a``/``norm_b`` are the bags' :func:`norm`, when the caller compares one bag
    with many and keeps them."""
    if not a or not b:
        return 0.0
    common = a.keys() & b.keys()
    dot = sum(map(mul, map(a.__getitem__, common), map(b.__getitem__, common)))  # counts: exact
    return dot / ((norm(a) if norm_a is None else norm_a) * (norm(b) if norm_b is None else norm_b))


def merged(bags: Iterable[Counter[str]]) -> Counter[str]:
    """The sum of several bags (in the order of their words' first appearance)."""
    total: Counter[str] = Counter()
    for b in bags:
        total.update(b.elements() if total else b)  # counting elements stays in C
    return total
