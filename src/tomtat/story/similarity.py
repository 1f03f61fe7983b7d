"""Content overlap between texts, for deciding whether two reports tell the same event.

Bags of lower-cased syllables without digits and stopwords, compared by cosine. Small
and dependency-free on purpose: it runs on a handful of sentences or articles per
cluster, where TF-IDF weighting over so few documents adds little.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from itertools import filterfalse
from operator import mul

from tomtat.text.stopwords import stop_syllables
from tomtat.text.tokens import syllables


def bag(text: str) -> Counter[str]:
    """Content syllables of ``text`` with their counts (for a text not cut yet)."""
    return bag_of_syllables(syllables(text))


def bag_of_syllables(syls: Iterable[str]) -> Counter[str]:
    """Content syllables with their counts, from a text's syllables
    (:func:`tomtat.text.tokens.syllables`, or ``TokenRows.syllables``): numbers and the
    story stopwords' syllables left out."""
    return Counter(filterfalse(stop_syllables("story").__contains__, filterfalse(str.isdigit, syls)))


def bag_of(tokens: Iterable[str]) -> Counter[str]:
    """Content syllables with their counts, from lower-cased tokens already cut
    (``TokenRows.lower``): like :func:`bag`, except that tokens that are not all
    letters, such as "nga-ukraine" or "14-10", are left out whole."""
    return Counter(filter(str.isalpha, filterfalse(stop_syllables("story").__contains__, tokens)))


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
