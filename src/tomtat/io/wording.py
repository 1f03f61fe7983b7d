"""Counts in messages for people: "1 article", "2 articles", "0 articles".

Every summary line the commands print goes through ``counted`` so no message says
"1 new stories"; the nouns are the few English words our reports use.

>>> counted(1, "story", "stories")
'1 story'
>>> counted(3, "near-duplicate")
'3 near-duplicates'
"""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one (``plural`` defaults to noun + "s")."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"
