"""Keywords of a cluster: the content words its articles share most.

Candidates are words as underthesea segments them, lower-cased, of two or more
syllables (single syllables are too ambiguous in Vietnamese to stand alone), that
are not stopwords (``data/story_stopwords_vi.txt``), numbers or parts of a name already
listed as an actor. A word scores its count times the share of articles using it, so
a word every source repeats outranks one a single article dwells on.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from tomtat.data import read_lines

Key = tuple[str, int]


@cache
def stopwords() -> frozenset[str]:
    """Words never returned as keywords."""
    return frozenset(read_lines("story_stopwords_vi.txt"))


def extract_keywords(
    words: Mapping[Key, Sequence[str]],
    exclude: Iterable[str] = (),
    limit: int = 10,
) -> tuple[str, ...]:
    """The ``limit`` best keywords from the segmented sentences ``words``.

    ``exclude`` lists names (any case) whose words should not come back as keywords.
    """
    stop = stopwords()
    banned = {e.lower() for e in exclude}
    count: Counter[str] = Counter()
    arts: dict[str, set[str]] = defaultdict(set)
    for (aid, _), ws in words.items():
        for w in ws:
            if not w[:1].islower():
                continue
            low = w.lower()
            parts = low.split()
            if len(parts) < 2 or low in stop or low in banned:
                continue
            if not all(p.isalpha() for p in parts):
                continue
            count[low] += 1
            arts[low].add(aid)
    if not count:  # unsegmented input (one syllable per token): adjacent pairs stand in
        for (aid, _), ws in words.items():
            for a, b in zip(ws, ws[1:]):
                low = f"{a} {b}".lower()
                if a[:1].islower() and b[:1].islower() and a.isalpha() and b.isalpha():
                    if low not in stop and low not in banned and a.lower() not in stop and b.lower() not in stop:
                        count[low] += 1
                        arts[low].add(aid)
    n_articles = max(1, len({aid for aid, _ in words}))
    score = {w: c * len(arts[w]) / n_articles for w, c in count.items() if c >= 2}
    return tuple(sorted(score, key=lambda w: (-score[w], w))[:limit])
