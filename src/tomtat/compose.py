"""Compose: the chosen sentences, in reading order, become ``Extract``s within the
budget. The only text that is ever changed is a sentence cut at a budget smaller than
any sentence, and then the summary says so in its notes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tomtat.model import Extract, Limits
from tomtat.sentence_features import SentenceFeatures

_TOKEN_END = re.compile(r"\S+")


def cut_to_words(text: str, limit: int) -> str:
    """The prefix of ``text`` holding its first ``limit`` whitespace tokens."""
    ends = [m.end() for m in _TOKEN_END.finditer(text)]
    return text if len(ends) <= limit else text[: ends[limit - 1]]


def compose(features: SentenceFeatures, ordered: Sequence[int], limits: Limits) -> tuple[list[Extract], list[str]]:
    """Extracts for ``ordered`` sentences and notes for the user.

    A single chosen sentence longer than the word limit is cut at the limit; several
    sentences are guaranteed by selection to fit already.
    """
    limit = limits.words
    extracts: list[Extract] = []
    notes: list[str] = []
    used = 0
    for i in ordered:
        s = features.sentences[i]
        words = int(features.words[i])
        if limit is not None and used + words > limit:
            room = limit - used
            if room <= 0 or extracts:
                continue
            extracts.append(Extract(s, cut_to_words(s.text, room), cut=True))
            notes.append(
                f"the budget of {limit} words is shorter than any sentence that could be chosen; "
                f"the best sentence ({words} words) was cut at {room} words"
            )
            used = limit
            continue
        extracts.append(Extract(s, s.text))
        used += words
    return extracts, notes
