"""A dictionary of compound words, standing in for word segmentation.

The story stage needs words in three places: actors (an organisation name such as
"Bộ Y tế" capitalises only its first syllable, so "tế" belongs to the name only because
"y tế" is one word), keywords (two-syllable words such as "khí đốt") and content bags.
Statistical word segmentation costs ~2 ms a sentence (underthesea's CRF), which is
ten times the whole stage's budget. Instead:

- the pipeline's tokenize stage cuts every sentence into syllables and punctuation
  marks once per cluster (:func:`tomtat.text.tokens.tokenize`), for every step to share;
- :func:`compound_words` is the set of two- and three-syllable Vietnamese words
  (lower case, NFC) from the word list that ships inside underthesea (``Viet74K.txt``,
  read as a plain file: the underthesea package itself is never imported). Lookups of
  adjacent syllables in it stand in for segmentation where a decision needs words.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from functools import cache
from pathlib import Path

DICTIONARY_FILE = ("corpus", "data", "Viet74K.txt")


def _dictionary_path() -> Path | None:
    spec = importlib.util.find_spec("underthesea")  # locates the package, imports nothing
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *DICTIONARY_FILE)
    return path if path.is_file() else None


@cache
def compound_words() -> frozenset[str]:
    """Two- and three-syllable words, lower case, NFC ("y tế", "giao thông", "câu lạc bộ").

    Read once per process from underthesea's bundled word list (immutable package
    data). Empty when that file is missing: actors then lose lower-case syllables inside
    organisation names, and keywords fall back to pairs of content syllables.
    """
    path = _dictionary_path()
    if path is None:
        return frozenset()
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).lower()
    return frozenset(line.strip() for line in text.splitlines() if 1 <= line.strip().count(" ") <= 2)


def word_pairs(words: frozenset[str]) -> frozenset[tuple[str, str]]:
    """The two-syllable words of ``words`` as ``(first, second)`` syllable pairs.

    Two adjacent tokens form a word of the list exactly when their pair is in this set,
    so keywords look pairs up without joining every pair into a string. Built once per
    process for :func:`compound_words` (immutable package data), on each call for any
    other list.
    """
    if not words:
        return frozenset()
    if words is compound_words():
        return _compound_pairs()
    return _pairs(words)


@cache
def _compound_pairs() -> frozenset[tuple[str, str]]:
    return _pairs(compound_words())


def _pairs(words: frozenset[str]) -> frozenset[tuple[str, str]]:
    return frozenset((a, b) for a, _, b in (w.partition(" ") for w in words if w.count(" ") == 1))
