"""Which sentences may appear in a summary at all.

Never: subheadings, questions to the reader, fragments (fewer than ``MIN_WORDS``
words), lines that introduce something else (ending in ":"), and sentences that open
with a connective needing an antecedent ("Tuy nhiên, ...", "Ngoài ra, ...") — those
only with the sentence before them (see ``needs_antecedent``).
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from tomtat.data import read_lines
from tomtat.model import Sentence
from tomtat.represent import Representation

MIN_WORDS = 6
MAX_WORDS = 80


@cache
def _dangling() -> re.Pattern[str]:
    words = sorted(read_lines("dangling_openers_vi.txt"), key=len, reverse=True)
    return re.compile(r"^[\"“'‘(]?(?:" + "|".join(map(re.escape, words)) + r")(?![^\W\d_])", re.IGNORECASE)


def needs_antecedent(sentence: Sentence) -> bool:
    """Whether the sentence opens with a connective that points back ("Tuy nhiên")."""
    return bool(_dangling().match(sentence.text))


def is_eligible(sentence: Sentence, words: int) -> bool:
    """Whether a sentence can stand in a summary on its own."""
    text = sentence.text.rstrip()
    if sentence.heading or words < MIN_WORDS or words > MAX_WORDS:
        return False
    if text.endswith(("?", ":")) or text.endswith("?\"") or text.endswith("?”"):
        return False
    return not needs_antecedent(sentence)


def eligible_mask(rep: Representation) -> np.ndarray:
    """Boolean mask over ``rep.sentences``; if nothing qualifies, every non-heading
    sentence does (a summary is never empty for non-empty input)."""
    mask = np.array([is_eligible(s, int(w)) for s, w in zip(rep.sentences, rep.words)], dtype=bool)
    if not mask.any():
        mask = np.array([not s.heading for s in rep.sentences], dtype=bool)
    if not mask.any():
        mask = np.ones(len(rep.sentences), dtype=bool)
    return mask
