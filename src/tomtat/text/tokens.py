"""Tokens: the one tokenization of a cluster, and syllables for ROUGE and vectors.

A *syllable* is a run of letters and digits (``_`` and punctuation separate),
lower-cased after NFC, diacritics kept: "Việt Nam" -> ["việt", "nam"]. It is the unit
of Vietnamese ROUGE and of tomtat's vectors. The story stage also needs the tokens as
written (capitals mark names; "14-10" is one date; punctuation marks close names):
``cased_tokens`` cuts those. ``tokenize`` cuts each text of a cluster once into
``TokenRows`` (cased tokens, their lower-case forms and the syllables derived from
them), which the pipeline's tokenize stage hands to represent and story alike. Word
counts for budgets are whitespace tokens ("chữ"), as Vietnamese editors count them.

Speed: a regular expression classifies every character (slow on Vietnamese text, where
most characters are not ASCII); ``str.split`` and ``str.isalnum`` do the same work in C
many times faster. So the common punctuation is first replaced by spaces (a replaced
character was a separator anyway), the text is split on whitespace, and only the rare
piece that is still not all letters and digits ("Hợp_tác", "4,5%") goes through the
regular expression. The tokens are exactly those of ``_TOKEN.findall``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+")
# A syllable as written ("Lavrov", "14-10", "U.S") or one punctuation mark.
_CASED = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*|[^\w\s]")
# Separators frequent in news text, none of them a word character (clean/repeats relies
# on that: making them spaces leaves the words ``\w+`` finds unchanged).
_SEPARATORS = tuple(',.:;"“”()?!…‘’\'-–—/%')


def spaced(text: str) -> str:
    """``text`` with the frequent separators made spaces (the same tokens, cheaper to find)."""
    for ch in _SEPARATORS:
        if ch in text:
            text = text.replace(ch, " ")
    return text


def _split(text: str) -> list[str]:
    """``_TOKEN.findall(text)``, computed with str methods where they suffice."""
    words = text.split()
    if "".join(words).isalnum():  # every piece is one run of letters and digits
        return words
    find = _TOKEN.findall
    return [t for w in words for t in ((w,) if w.isalnum() else find(w))]


def syllables(text: str) -> list[str]:
    """Lower-cased syllable tokens of ``text``.

    >>> syllables("Ông Lavrov nói: “Hợp_tác 4,5 tỷ USD”.")
    ['ông', 'lavrov', 'nói', 'hợp', 'tác', '4', '5', 'tỷ', 'usd']
    """
    return _split(spaced(unicodedata.normalize("NFC", text).lower()))


def syllable_rows(texts: Sequence[str]) -> list[list[str]]:
    """``syllables`` of each text, the texts normalised and lower-cased in one call."""
    joined = unicodedata.normalize("NFC", "\x00".join(texts)).lower()
    pieces = spaced(joined).split("\x00")
    if len(pieces) != len(texts):  # a text contained the separator: one by one
        return [syllables(t) for t in texts]
    return [_split(p) for p in pieces]


def word_count(text: str) -> int:
    """Whitespace-separated tokens: how editors count the length of a text."""
    return len(text.split())


def _cased(texts: Sequence[str]) -> tuple[list[list[str]], list[int]]:
    """``cased_tokens`` of ``texts``, and the ``word_count`` of each (the whitespace
    split the tokens are cut from)."""
    findall = _CASED.findall
    out = []
    counts = []
    for text in texts:
        toks: list[str] = []
        append = toks.append
        words = text.split()
        counts.append(len(words))
        # most syllables stand alone between spaces, or carry one punctuation mark
        # ("nói,", "Paris."): no regex needed (str.isalnum holds exactly for the
        # characters [^\W_] matches)
        for w in words:
            if w.isalnum():
                append(w)
            elif (head := w[:-1]).isalnum() and not (mark := w[-1]).isalnum() and mark != "_":
                append(head)
                append(mark)
            else:
                toks.extend(findall(w))
        out.append(toks)
    return out, counts


def cased_tokens(texts: Sequence[str]) -> list[list[str]]:
    """The tokens (syllables as written and punctuation marks) of each NFC text.

    >>> cased_tokens(["Ông Lavrov nói:", "Hôm 14-10."])
    [['Ông', 'Lavrov', 'nói', ':'], ['Hôm', '14-10', '.']]
    """
    return _cased(texts)[0]


@dataclass(frozen=True, slots=True)
class TokenRows:
    """Several texts cut once, one row per text: ``cased`` (``cased_tokens``),
    ``lower`` (the same tokens lower-cased), ``syllables`` (what ``syllables`` gives
    for the text: the runs of letters and digits of the lower-case tokens) and
    ``words`` (``word_count`` of each text, from the same whitespace split)."""

    cased: list[list[str]]
    lower: list[list[str]]
    syllables: list[list[str]]
    words: list[int]

    def __len__(self) -> int:
        return len(self.cased)


def _syllable_rows_of(texts: Sequence[str], lower: list[list[str]]) -> list[list[str]]:
    """The syllables among each text's lower-case tokens: marks dropped, "14-10" ->
    "14", "10". The tokens of all rows are joined and cut as ``syllable_rows`` cuts a
    text (C-level string passes: a token's runs are the runs of the joined string, since
    tokens are joined by spaces). A final sigma ("ς") is the one case where lowering a
    token alone differs from lowering the text ("ΑΣ'Β"): such a row is cut from its text."""
    joined = "\x00".join(map(" ".join, lower))
    pieces = spaced(joined).split("\x00")
    if len(pieces) != len(lower):  # a token held the row separator: one by one
        pieces = [spaced(" ".join(row)) for row in lower]
    rows = [_split(p) for p in pieces]
    if "ς" in joined:
        rows = [syllables(t) if "ς" in p else row for t, p, row in zip(texts, pieces, rows)]
    return rows


def tokenize(texts: Sequence[str]) -> TokenRows:
    """Each text (NFC, as cleaning leaves it) cut once into cased tokens, their
    lower-case forms and syllables; ``syllables[i] == syllables(texts[i])``."""
    cased, words = _cased(texts)
    lower = [list(map(str.lower, row)) for row in cased]
    return TokenRows(cased, lower, _syllable_rows_of(texts, lower), words)

