"""ROUGE-1, ROUGE-2 and ROUGE-L for Vietnamese, on syllables.

Stock ROUGE packages tokenize with ``[a-z0-9]+``, which cuts Vietnamese syllables at
every diacritic ("Việt" -> "vi", "t"; "bán" and "bạn" both -> "b", "n") and inflates
scores. Here a token is a syllable as ``tomtat.text.tokens.syllables`` defines it:
Unicode NFC, lower-case, runs of letters and digits, ``_`` and punctuation separate,
diacritics kept, no stemming and no stopword removal. The two tone-mark conventions are
unified ("hoà" = "hòa"): they spell the same syllable, and tomtat's cleaner rewrites
tone placement, so without this a summary would lose matches against references written
in the old convention.

ROUGE-N counts clipped n-gram overlap; ROUGE-L is the longest common subsequence of the
two whole token sequences (``rougeL`` in ``rouge-score``, not the per-sentence
``rougeLsum``). With several references a summary is scored against each and the scores
are averaged (``mode="average"``, the default) or the reference with the highest F1 is
taken per metric (``mode="max"``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import unicodedata

from tomtat.clean.normalize import normalize_tone_marks
from tomtat.text.tokens import syllables

METRICS: tuple[str, ...] = ("rouge1", "rouge2", "rougeL")
MODES: tuple[str, ...] = ("average", "max")

Tokenizer = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 of one metric, each in 0..1."""

    p: float
    r: float
    f: float

    def to_dict(self) -> dict[str, float]:
        return {"p": self.p, "r": self.r, "f": self.f}


ZERO = Score(0.0, 0.0, 0.0)


def tokenize(text: str) -> list[str]:
    """The ROUGE tokens of ``text``: lower-cased NFC syllables, diacritics kept.

    >>> tokenize("Hoà bình, VIỆT_NAM!")
    ['hòa', 'bình', 'việt', 'nam']
    """
    return syllables(normalize_tone_marks(unicodedata.normalize("NFC", text)))


def _score(overlap: int, n_candidate: int, n_reference: int) -> Score:
    p = overlap / n_candidate if n_candidate else 0.0
    r = overlap / n_reference if n_reference else 0.0
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return Score(p, r, f)


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> Score:
    """ROUGE-N of two token sequences: clipped n-gram overlap."""
    cand = _ngrams(candidate, n)
    ref = _ngrams(reference, n)
    overlap = sum((cand & ref).values())
    return _score(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of ``a`` and ``b`` (O(len a * len b))."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            if x == y:
                current.append(previous[j] + 1)
            else:
                current.append(max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> Score:
    """ROUGE-L of two token sequences: longest common subsequence."""
    return _score(lcs_length(candidate, reference), len(candidate), len(reference))


def score_tokens(candidate: Sequence[str], reference: Sequence[str]) -> dict[str, Score]:
    """All three metrics of one candidate against one reference, both tokenized."""
    return {
        "rouge1": rouge_n(candidate, reference, 1),
        "rouge2": rouge_n(candidate, reference, 2),
        "rougeL": rouge_l(candidate, reference),
    }


def combine(per_reference: Sequence[dict[str, Score]], mode: str = "average") -> dict[str, Score]:
    """Scores against several references as one: their mean, or the best F1 per metric."""
    if mode not in MODES:
        raise ValueError(f"unknown multi-reference mode {mode!r}; choose one of: {', '.join(MODES)}")
    if not per_reference:
        return {m: ZERO for m in METRICS}
    out: dict[str, Score] = {}
    for metric in METRICS:
        scores = [s[metric] for s in per_reference]
        if mode == "max":
            out[metric] = max(scores, key=lambda s: s.f)
        else:
            k = len(scores)
            out[metric] = Score(
                sum(s.p for s in scores) / k,
                sum(s.r for s in scores) / k,
                sum(s.f for s in scores) / k,
            )
    return out


def score(
    summary: str,
    references: Sequence[str],
    mode: str = "average",
    tokenizer: Tokenizer = tokenize,
) -> dict[str, Score]:
    """ROUGE-1/2/L of ``summary`` against ``references`` (one or more texts).

    >>> s = score("Việt Nam thắng", ["Việt Nam thắng lớn"])
    >>> round(s["rouge1"].p, 3), round(s["rouge1"].r, 3), round(s["rouge2"].f, 3)
    (1.0, 0.75, 0.8)
    """
    if isinstance(references, str):
        references = [references]
    candidate = tokenizer(summary)
    return combine([score_tokens(candidate, tokenizer(ref)) for ref in references], mode)


def scores_to_dict(scores: dict[str, Score]) -> dict[str, dict[str, float]]:
    """``{"rouge1": {"p", "r", "f"}, ...}``: the JSON shape of per-cluster results."""
    return {m: scores[m].to_dict() for m in METRICS}
