"""Syllable tokens: the unit of Vietnamese ROUGE and of tomtat's default vectors.

A token is a run of letters and digits (``_`` and punctuation separate), lower-cased
after NFC, diacritics kept: "Việt Nam" -> ["việt", "nam"]. Word counts for budgets are
whitespace tokens ("chữ"), as Vietnamese editors count them.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[^\W_]+")


def syllables(text: str) -> list[str]:
    """Lower-cased syllable tokens of ``text``.

    >>> syllables("Ông Lavrov nói: “Hợp_tác 4,5 tỷ USD”.")
    ['ông', 'lavrov', 'nói', 'hợp', 'tác', '4', '5', 'tỷ', 'usd']
    """
    return _TOKEN.findall(unicodedata.normalize("NFC", text).lower())


def word_count(text: str) -> int:
    """Whitespace-separated tokens: how editors count the length of a text."""
    return len(text.split())
