"""Which sentences may appear in a summary at all.

Never: subheadings, questions to the reader, fragments (fewer than ``MIN_WORDS``
words), run-ons longer than ``MAX_WORDS`` (usually several sentences glued together by
a crawl), and lines that introduce something else (ending in ":"). Sentences that open
with a connective needing an antecedent ("Tuy nhiên, ...", "Ngoài ra, ...", list in
``tomtat/data/dangling_openers_vi.txt``) are not ranked; they may only follow the
sentence before them: ``antecedents`` names that sentence and ``select.base.fill``
applies the rule for every method.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import numpy as np

from tomtat.data import read_lines
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


def needs_antecedent(sentence: Sentence) -> bool:
    """Whether the sentence opens with a connective that points back ("Tuy nhiên")."""
    return bool(_dangling().match(sentence.text))


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
    """Indices of the sentences that open with a connective needing an antecedent."""
    match = _dangling().match
    return [i for i, s in enumerate(sentences) if match(s.text)]


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
    # the form of ``stands_alone`` and the opener of ``needs_antecedent``, array-wide
    open_end = np.fromiter((s.text.rstrip().endswith(_OPEN_ENDS) for s in rep.sentences), dtype=bool, count=n)
    mask = ~heading & (rep.words >= MIN_WORDS) & (rep.words <= MAX_WORDS) & ~open_end
    mask[_dangling_indices(rep.sentences)] = False
    if not mask.any():
        mask = ~heading
    if not mask.any():
        mask = np.ones(len(rep.sentences), dtype=bool)
    return mask
