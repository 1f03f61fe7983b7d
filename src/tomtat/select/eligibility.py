"""Which sentences may appear in a summary at all.

Never: subheadings, questions to the reader, fragments (fewer than ``MIN_WORDS``
words), run-ons longer than ``MAX_WORDS`` (usually several sentences glued together by
a crawl), lines that introduce something else (ending in ":"), and unfinished lines
(no final punctuation: captions, headlines and subheadings the cleaner did not mark,
text the crawl cut off). Sentences that
need an antecedent are not ranked; they may only follow the sentence before them
(``antecedents`` names that sentence and ``select.fill.fill`` applies the rule for
every method). A sentence needs one when it opens with a connective ("Tuy nhiên, ...")
or names its subject with a demonstrative ("Các đối tượng trên ..."): the rules and
their word lists are in ``tomtat.text.back_references``.
"""

from __future__ import annotations

import numpy as np

from tomtat.clean.endings import ends_with_mark
from tomtat.represent import Representation

MIN_WORDS = 6
MAX_WORDS = 80
# Endings of questions to the reader and of introductions ("... như sau:").
_OPEN_ENDS = ("?", ":", "?\"", "?”")
_FINISHED = ".!?…;"
_QUOTES = ("\"", "”", "'", "’", "»")


def finished(text: str) -> bool:
    """Whether ``text`` ends as running text does: with final punctuation (``;`` for
    list items), possibly behind closing quotes, or with a closing quote."""
    return ends_with_mark(text.rstrip(), _FINISHED) or text.rstrip().endswith(_QUOTES)


def antecedents(rep: Representation) -> dict[int, int]:
    """For each sentence that needs an antecedent, the index of the sentence before it
    in the same article; with none (it opens its article), it maps to itself, so it can
    never be admitted."""
    out: dict[int, int] = {}
    sentences = rep.sentences
    for i in np.flatnonzero(rep.flags.points_back).tolist():
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
    ends = [s.text.rstrip() for s in rep.sentences]
    # Most sentences end with a full stop: finished, and no open end.
    bad_end = np.fromiter(
        (t[-1:] != "." and (t.endswith(_OPEN_ENDS) or not finished(t)) for t in ends), dtype=bool, count=n
    )
    mask = ~heading & (rep.features.words >= MIN_WORDS) & (rep.features.words <= MAX_WORDS) & ~bad_end
    mask &= ~rep.flags.points_back
    if not mask.any():
        mask = ~heading
    if not mask.any():
        mask = np.ones(len(rep.sentences), dtype=bool)
    return mask
