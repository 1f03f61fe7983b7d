"""Repeats inside one text: how many of its word pairs (syllable bigrams) a sentence
says again after an earlier sentence of the same text already said them.

A summary that tells the same thing twice spends its budget on words the reader has
already seen; references repeat too (names, the key event), so the share only means
something side by side with the references' own share (docs/BENCHMARKS.md, issue 14,
"Redundancy"). Tokens are ROUGE's (``tomtat.evaluate.rouge.tokenize``), so the share
counts the same bigrams ROUGE-2 scores.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tomtat.evaluate.rouge import tokenize


@dataclass(frozen=True)
class Repeats:
    """``repeated`` of a text's ``bigrams`` already appeared in an earlier sentence."""

    repeated: int
    bigrams: int

    def __add__(self, other: Repeats) -> Repeats:
        return Repeats(self.repeated + other.repeated, self.bigrams + other.bigrams)

    @property
    def share(self) -> float:
        """Repeated bigrams as a share of all bigrams (0 for a text without any)."""
        return self.repeated / self.bigrams if self.bigrams else 0.0


def repeated_bigrams(sentences: Iterable[str]) -> Repeats:
    """Count the bigrams of each sentence that an earlier sentence already holds.

    Bigrams never span two sentences, and a pair repeated inside one sentence is not
    counted: the measure is about sentences saying again what others said.
    """
    seen: set[tuple[str, str]] = set()
    repeated = total = 0
    for sentence in sentences:
        tokens = tokenize(sentence)
        grams = list(zip(tokens, tokens[1:]))
        total += len(grams)
        repeated += sum(g in seen for g in grams)
        seen.update(grams)
    return Repeats(repeated, total)
