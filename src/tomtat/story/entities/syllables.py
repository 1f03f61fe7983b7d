"""Syllables as the mention rules read them, built with C-level passes only.

A cluster has a few thousand syllables and most are lower case words that no rule
looks at, so nothing here does Python work per syllable: the tokens, their lower-case
forms and their first characters stay parallel sequences (``firsts[i]`` is
``tok[i][0]``), and the flags the rules need are derived from them on demand:

- *capitalised*: ``cap[i]`` (precomputed: runs of capitals are what the rules follow);
- *punctuation*: ``not firsts[i].isalnum()`` (a token is a syllable or one mark);
- *starts a word*: ``i not in cont`` (only lower-case syllables glued to a capital
  into a compound word continue one, see :func:`sentence_syllables`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain, compress
from operator import itemgetter
from typing import NamedTuple


class Syllables(NamedTuple):
    """Tokens of one sentence, or of many joined by a boundary mark, with their flags."""

    tok: Sequence[str]
    low: Sequence[str]
    firsts: str
    cap: list[bool]
    cont: set[int]
    caps: list[int]  # the positions where ``cap`` is true, in order


def sentence_syllables(
    tokens: Sequence[str], words: frozenset[str] = frozenset(), low: Sequence[str] | None = None
) -> Syllables:
    """A sentence's tokens (:func:`tomtat.text.tokens.cased_tokens`) as syllables for
    :func:`tomtat.story.entities.find_mentions`.

    Each syllable starts a word, except a lower-case syllable that completes a
    capitalised one into a compound word of ``words`` ("Y" + "tế", "Tuy" + "nhiên"):
    it belongs to that capitalised word, as a word segmenter would have said, so
    organisation names keep their lower-case syllables ("Bộ Y tế"): it counts as
    capitalised and is listed in ``cont``. ``low`` are the tokens lower-cased, when the
    caller has them already.
    """
    if low is None:
        low = [t.lower() for t in tokens]
    firsts = "".join(map(itemgetter(0), tokens))  # tokens are never empty
    cap = list(map(str.isupper, firsts))
    caps = list(compress(range(len(cap)), cap))
    cont: set[int] = set()
    if words:
        last = len(tokens) - 1
        # only a capital followed by a lower-case letter can glue: look up just those
        for k in [k for k in caps if k < last and firsts[k + 1].islower()]:
            if k in cont:
                continue
            pair = low[k] + " " + low[k + 1]
            if k + 2 <= last and firsts[k + 2].islower() and pair + " " + low[k + 2] in words:
                size = 2  # "Câu lạc bộ"
            elif pair in words:
                size = 1
            else:
                continue
            for q in range(k + 1, k + 1 + size):
                cap[q] = True
                cont.add(q)
        if cont:
            caps = sorted([*caps, *cont])
    return Syllables(tokens, low, firsts, cap, cont, caps)


def lowercase_vocabulary(tokenized: Iterable[Sequence[str]]) -> frozenset[str]:
    """Syllables seen in lower case anywhere in the cluster (capitalised, they open
    sentences: "Trong", "Theo")."""
    return frozenset(filter(str.islower, set(chain.from_iterable(tokenized))))
