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
  found through the distribution's metadata; the package itself is never imported).
  Lookups of adjacent syllables in it stand in for segmentation where a decision needs
  words. Why it is not vendored: docs/DEPENDENCIES.md.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import metadata

from tomtat.errors import TomtatError

# The word list as the underthesea distribution lists it in its installed RECORD.
WORD_LIST = ("underthesea", "underthesea/corpus/data/Viet74K.txt")


def _word_list() -> str:
    """The text of the word list, found through the installed distribution's file
    list (``importlib.metadata``), so that underthesea itself is never imported (its
    import takes ~0.4 s of CPU and reconfigures logging, closing existing handlers).
    A clear error, never an empty list, when the file is not where the pinned version
    lists it."""
    name, path = WORD_LIST
    try:
        files = metadata.distribution(name).files or []
    except metadata.PackageNotFoundError:
        raise TomtatError(f"the story stage needs the {name} package (pip install {name})") from None
    for f in files:
        if f.as_posix() == path:
            return f.read_text(encoding="utf-8")
    raise TomtatError(f"{name} {metadata.version(name)} does not ship {path}; install the version pyproject.toml pins")


@cache
def compound_words() -> frozenset[str]:
    """Two- and three-syllable words, lower case, NFC ("y tế", "giao thông", "câu lạc bộ").

    Read once per process from underthesea's bundled word list (immutable package data).
    """
    text = unicodedata.normalize("NFC", _word_list()).lower()
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
