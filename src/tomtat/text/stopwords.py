"""Stopwords: two word lists with different jobs, one loader.

- ``"function"`` (``data/stopwords_vi.txt``): Vietnamese function syllables ("và",
  "của", "là"), one syllable per line. Vectors (``tomtat.represent``, grouping) drop
  them as unigram features but keep them inside bigrams, so multi-syllable words
  survive.
- ``"story"`` (``data/story_stopwords_vi.txt``): words that never make a keyword or
  an actor, and never count as shared content between reports: function words plus the
  reporting verbs and fillers all news uses ("cho biết", "tuyên bố"), one word
  (syllables joined by spaces) per line.

They differ on purpose: "cho biết" or "tuyên bố" carry weight in a TF-IDF vector of
one cluster (a sentence quoting the key actor), but say nothing about what a story is
about. ``stop_syllables("story")`` is the one-syllable part of a list, for bags of
syllables.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from tomtat.data import read_lines

StopList = Literal["function", "story"]
_FILES: dict[StopList, str] = {"function": "stopwords_vi.txt", "story": "story_stopwords_vi.txt"}


@cache
def stopwords(kind: StopList) -> frozenset[str]:
    """The ``kind`` stopword list (see the module docstring), read once per process."""
    return frozenset(read_lines(_FILES[kind]))


@cache
def stop_syllables(kind: StopList) -> frozenset[str]:
    """The one-syllable entries of the ``kind`` list."""
    return frozenset(w for w in stopwords(kind) if " " not in w)
