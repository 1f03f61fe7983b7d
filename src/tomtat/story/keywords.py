"""Keywords of a cluster: the content words its articles share most.

Candidates are two-syllable words (single syllables are too ambiguous in Vietnamese
to stand alone): adjacent lower-case syllables that form a word of the compound-word
list (:func:`tomtat.story.words.compound_words`), and that
are not stopwords (``data/story_stopwords_vi.txt``), numbers or parts of a name already
listed as an actor. Without a word list, pairs of content syllables stand in. A word
scores its count times the share of articles using it, so a word every source repeats
outranks one a single article dwells on.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from itertools import pairwise

from tomtat.data import read_lines

Key = tuple[str, int]


@cache
def stopwords() -> frozenset[str]:
    """Words never returned as keywords."""
    return frozenset(read_lines("story_stopwords_vi.txt"))


def extract_keywords(
    tokens: Mapping[Key, Sequence[str]],
    exclude: Iterable[str] = (),
    limit: int = 10,
    words: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """The ``limit`` best keywords of the sentences' syllable ``tokens``.

    ``exclude`` lists names (any case) whose words should not come back as keywords;
    ``words`` is the compound-word list candidates must belong to (when empty, pairs
    of non-stopword syllables are candidates).
    """
    stop = stopwords()
    banned = {e.lower() for e in exclude}
    per_article: dict[str, list[str]] = defaultdict(list)
    for (aid, _), toks in tokens.items():
        stream = per_article[aid]
        stream.extend(toks)
        stream.append("")  # no pair across sentences
    count: Counter[str] = Counter()
    arts: Counter[str] = Counter()
    for stream in per_article.values():
        # pairs of tokens as written: a capitalised pair ("Nhà Trắng") is never a word of
        # the (lower-case) list, nor are pairs with digits or punctuation
        pairs = map(" ".join, pairwise(stream))
        if words:
            found = Counter(filter(words.__contains__, pairs))
        else:
            found = Counter(
                p for p in pairs if p.islower() and all(x.isalpha() and x not in stop for x in p.split(" "))
            )
        count.update(found)
        arts.update(found.keys())
    n_articles = max(1, len(per_article))
    score = {
        w: c * arts[w] / n_articles for w, c in count.items() if c >= 2 and w not in stop and w not in banned
    }
    return tuple(sorted(score, key=lambda w: (-score[w], w))[:limit])
