"""Which sentences may appear in a summary at all.

Never: subheadings, questions to the reader, fragments (fewer than ``MIN_WORDS``
words), run-ons longer than ``MAX_WORDS`` (usually several sentences glued together by
a crawl), and lines that introduce something else (ending in ":"). Sentences that
need an antecedent are not ranked; they may only follow the sentence before them
(``antecedents`` names that sentence and ``select.base.fill`` applies the rule for
every method). A sentence needs one when it

- opens with a connective that points back ("Tuy nhiên, ...", "Ngoài ra, ...", list in
  ``tomtat/data/dangling_openers_vi.txt``), or
- names its subject with a demonstrative in its opening clause ("Các đối tượng trên
  ...", "Theo Bộ này, ...", "Ông ấy ..."; words and conditions in
  ``tomtat/data/back_references_vi.json``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import numpy as np

from tomtat.data import read_json, read_lines
from tomtat.model import Sentence
from tomtat.represent import Representation

MIN_WORDS = 6
MAX_WORDS = 80
# Endings of questions to the reader and of introductions ("... như sau:").
_OPEN_ENDS = ("?", ":", "?\"", "?”")


@cache
def _dangling() -> re.Pattern[str]:
    words = sorted(read_lines("dangling_openers_vi.txt"), key=len, reverse=True)
    return re.compile(r"^[\"“'‘(]?(?:" + "|".join(map(re.escape, words)) + r")(?![^\W\d_])", re.IGNORECASE)


_CLAUSE_END = re.compile(r"[,:;]")
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
    end = _CLAUSE_END.search(text)
    clause = text[: end.start()] if end else text
    words = [w.lower() for w in _WORD.findall(clause)[:window]]
    closed = end is not None and len(_WORD.findall(clause)) <= window
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


def needs_antecedent(sentence: Sentence) -> bool:
    """Whether the sentence points back: an opening connective ("Tuy nhiên") or a
    demonstrative subject ("Các đối tượng trên")."""
    return bool(_dangling().match(sentence.text)) or refers_back(sentence.text)


def stands_alone(sentence: Sentence, words: int) -> bool:
    """Whether a sentence has the form of a summary sentence (ignoring antecedents)."""
    text = sentence.text.rstrip()
    if sentence.heading or words < MIN_WORDS or words > MAX_WORDS:
        return False
    return not text.endswith(_OPEN_ENDS)


def is_eligible(sentence: Sentence, words: int) -> bool:
    """Whether a sentence can stand in a summary on its own, without its antecedent."""
    return stands_alone(sentence, words) and not needs_antecedent(sentence)


def _dangling_indices(sentences: Sequence[Sentence]) -> list[int]:
    """Indices of the sentences that need an antecedent (``needs_antecedent``)."""
    return [i for i, s in enumerate(sentences) if needs_antecedent(s)]


def antecedents(rep: Representation) -> dict[int, int]:
    """For each sentence that needs an antecedent, the index of the sentence before it
    in the same article; with none (it opens its article), it maps to itself, so it can
    never be admitted."""
    out: dict[int, int] = {}
    sentences = rep.sentences
    for i in _dangling_indices(sentences):
        prev = i - 1
        ok = prev >= 0 and sentences[prev].article_id == sentences[i].article_id and not sentences[prev].heading
        out[i] = prev if ok else i
    return out


def eligible_mask(rep: Representation) -> np.ndarray:
    """Boolean mask over ``rep.sentences`` of sentences a method may rank (not those
    needing an antecedent: ``fill`` adds them after it). If nothing qualifies, every
    non-heading sentence does (a summary is never empty)."""
    n = len(rep.sentences)
    heading = np.fromiter((s.heading for s in rep.sentences), dtype=bool, count=n)
    # the form of ``stands_alone``, array-wide, then ``needs_antecedent``
    open_end = np.fromiter((s.text.rstrip().endswith(_OPEN_ENDS) for s in rep.sentences), dtype=bool, count=n)
    mask = ~heading & (rep.words >= MIN_WORDS) & (rep.words <= MAX_WORDS) & ~open_end
    mask[_dangling_indices(rep.sentences)] = False
    if not mask.any():
        mask = ~heading
    if not mask.any():
        mask = np.ones(len(rep.sentences), dtype=bool)
    return mask
