"""Sentences that point back at the one before them, so cannot open a summary alone.

A sentence points back when it

- opens with a connective ("Tuy nhiên, ...", "Ngoài ra, ...", list in
  ``tomtat/data/dangling_openers_vi.txt``), or
- names its subject with a demonstrative in its opening clause ("Các đối tượng trên
  ...", "Theo Bộ này, ...", "Ông ấy ..."; words and conditions in
  ``tomtat/data/back_references_vi.json``).

Selection (``tomtat.select.eligibility``) lets such a sentence in only right after its
antecedent; ``tomtat.language_flags.LanguageFlags.points_back`` computes this once per
cluster.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice

from tomtat.data import read_json, read_lines


@cache
def _dangling() -> re.Pattern[str]:
    words = sorted(read_lines("dangling_openers_vi.txt"), key=len, reverse=True)
    return re.compile(r"^[\"“'‘(]?(?:" + "|".join(map(re.escape, words)) + r")(?![^\W\d_])", re.IGNORECASE)


_CLAUSE_ENDS = ",:;"
_WORD = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*")


@cache
def _back_references() -> tuple[int, dict[str, dict[str, frozenset[str]]]]:
    spec = read_json("back_references_vi.json")
    rules = {
        word: {k: frozenset(v) for k, v in conditions.items()}
        for word, conditions in spec["demonstratives"].items()
    }
    return int(spec["window"]), rules


def refers_back(text: str) -> bool:
    """Whether the opening clause names its subject with a demonstrative ("Các đối
    tượng trên", "Theo Bộ này", "Ông ấy"), which only the sentence before can resolve.

    >>> refers_back("Theo Bộ này, giá xăng sẽ giảm."), refers_back("Trên thực tế, giá xăng giảm.")
    (True, False)
    """
    window, rules = _back_references()
    low = text.lower()
    ends = [k for k in map(low.find, _CLAUSE_ENDS) if k >= 0]
    end = min(ends) if ends else None
    clause = low[:end]
    if not any(word in clause for word in rules):  # most opening clauses hold none of the words
        return False
    # the clause's first words, and one more to tell whether it holds more than the window
    found = [m.group() for m in islice(_WORD.finditer(clause), window + 1)]
    words = found[:window]
    closed = end is not None and len(found) <= window
    for k, word in enumerate(words):
        rule = rules.get(word)
        if rule is None:
            continue
        before = words[k - 1] if k else ""
        after = words[k + 1] if k + 1 < len(words) else ("," if closed else "")
        if before in rule.get("not_after", ()):
            continue
        if "only_after" in rule or "only_before" in rule:
            if before not in rule.get("only_after", ()) and after not in rule.get("only_before", ()):
                continue
        return True
    return False


def points_back(text: str) -> bool:
    """Whether a sentence needs the one before it: an opening connective ("Tuy nhiên")
    or a demonstrative subject ("Các đối tượng trên").

    >>> points_back("Tuy nhiên, mưa vẫn kéo dài."), points_back("Mưa kéo dài ở Hà Nội.")
    (True, False)
    """
    return bool(_dangling().match(text)) or refers_back(text)
