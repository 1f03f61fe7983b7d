"""Content overlap between texts, for deciding whether two reports tell the same event.

Bags of lower-cased syllables without digits and stopwords, compared by cosine. Small
and dependency-free on purpose: it runs on a handful of sentences or articles per
cluster, where TF-IDF weighting over so few documents adds little.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import cache

from tomtat.data import read_lines
from tomtat.text.tokens import syllables


@cache
def _stop_syllables() -> frozenset[str]:
    return frozenset(w for line in read_lines("story_stopwords_vi.txt") if " " not in line for w in [line])


def bag(text: str) -> Counter[str]:
    """Content syllables of ``text`` with their counts."""
    stop = _stop_syllables()
    return Counter(s for s in syllables(text) if not s.isdigit() and s not in stop)


def bag_of(tokens: Iterable[str]) -> Counter[str]:
    """Content syllables with their counts, from lower-cased tokens already cut
    (:func:`tomtat.story.words.tokenize_units`): the same bag as :func:`bag` without
    cutting the text again (tokens that are not all letters, such as "nga-ukraine" or
    "14-10", are left out)."""
    stop = _stop_syllables()
    out = Counter(filter(str.isalpha, tokens))
    for t in out.keys() & stop:
        del out[t]
    return out


def cosine(a: Counter[str], b: Counter[str]) -> float:
    """Cosine similarity of two bags (0 when either is empty)."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    return dot / (math.hypot(*a.values()) * math.hypot(*b.values()))


def merged(bags: Iterable[Counter[str]]) -> Counter[str]:
    """The sum of several bags."""
    total: Counter[str] = Counter()
    for b in bags:
        total.update(b)
    return total
