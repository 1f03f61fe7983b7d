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
from itertools import chain, pairwise

from tomtat.text.stopwords import stopwords
from tomtat.story.words import word_pairs

Key = tuple[str, int]


def extract_keywords(
    tokens: Mapping[Key, Sequence[str]],
    exclude: Iterable[str] = (),
    limit: int = 10,
    words: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """The ``limit`` best keywords of the sentences' syllable ``tokens`` (as
    ``tomtat.text.tokens.cased_tokens`` cuts them: no token holds a space).

    ``exclude`` lists names (any case) whose words should not come back as keywords;
    ``words`` is the compound-word list candidates must belong to (when empty, pairs
    of non-stopword syllables are candidates).
    """
    stop = stopwords("story")
    banned = {e.lower() for e in exclude}
    per_article: dict[str, list[Sequence[str]]] = defaultdict(list)
    for (aid, _), toks in tokens.items():
        per_article[aid].append(toks)
    # pairs of adjacent tokens as written, never across sentences: a capitalised pair
    # ("Nhà Trắng") is never a word of the (lower-case) list, nor are pairs with digits
    # or punctuation; pairs are looked up as tuples, no string is built for a non-word
    pairs = word_pairs(words)
    hits: list[tuple[str, str]] = []
    arts: Counter[tuple[str, str]] = Counter()
    for sentences in per_article.values():
        adjacent = chain.from_iterable(map(pairwise, sentences))
        if words:
            found = list(filter(pairs.__contains__, adjacent))
        else:
            found = [p for p in adjacent if _content_pair(p, stop)]
        hits += found
        arts.update(set(found))
    count = Counter(hits)  # one count over the cluster, in C
    n_articles = max(1, len(per_article))
    score = {}
    for pair, c in count.items():
        if c >= 2 and (w := " ".join(pair)) not in stop and w not in banned:
            score[w] = c * arts[pair] / n_articles
    return tuple(sorted(score, key=lambda w: (-score[w], w))[:limit])


def _content_pair(pair: tuple[str, str], stop: frozenset[str]) -> bool:
    """Without a word list: two lower-case syllables, neither a stopword."""
    return " ".join(pair).islower() and all(x.isalpha() and x not in stop for x in pair)
