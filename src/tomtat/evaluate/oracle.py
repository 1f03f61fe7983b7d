"""The extractive ceiling: greedy ROUGE-2 oracle, and human agreement.

The oracle knows the references and adds, one at a time, the sentence that most raises
the mean ROUGE-2 F1 of the (budget-truncated) summary, stopping when no sentence helps
or the budget is full. No extractive method can be expected to beat it; the distance to
it is what selection could still gain.

Human agreement scores each reference against the other references of its cluster: how
much two people who summarised the same story agree. References are scored as written
(not cut), since they are the yardstick themselves; pass ``words`` to cut them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tomtat.evaluate.baselines import truncate_words
from tomtat.evaluate.rouge import METRICS, Score, combine, rouge_n, score, tokenize
from tomtat.model import Sentence


@dataclass(frozen=True, slots=True)
class _Candidate:
    sentence: Sentence
    words: tuple[str, ...]


def _tokens_of_words(words: Sequence[str], cache: dict[str, list[str]]) -> list[str]:
    out: list[str] = []
    for w in words:
        toks = cache.get(w)
        if toks is None:
            toks = cache[w] = tokenize(w)
        out.extend(toks)
    return out


def greedy_oracle(
    sentences: Sequence[Sentence], references: Sequence[str], words: int, mode: str = "average"
) -> list[Sentence]:
    """Sentences chosen greedily to maximise ROUGE-2 F1 of the summary cut at ``words``."""
    refs = [tokenize(r) for r in references]
    if not refs:
        return []
    pool = [_Candidate(s, tuple(s.text.split())) for s in sentences if not s.heading and s.text.split()]
    cache: dict[str, list[str]] = {}
    chosen: list[_Candidate] = []
    summary_words: list[str] = []
    best = 0.0
    while pool and len(summary_words) < words:
        top: tuple[float, int] | None = None
        for k, cand in enumerate(pool):
            trial = (summary_words + list(cand.words))[:words]
            toks = _tokens_of_words(trial, cache)
            value = combine([{"rouge2": rouge_n(toks, ref, 2)} | _EMPTY for ref in refs], mode)["rouge2"].f
            if top is None or value > top[0]:
                top = (value, k)
        if top is None or top[0] <= best:
            break
        best = top[0]
        cand = pool.pop(top[1])
        chosen.append(cand)
        summary_words.extend(cand.words)
    return [c.sentence for c in chosen]


_EMPTY: dict[str, Score] = {m: Score(0.0, 0.0, 0.0) for m in METRICS if m != "rouge2"}


def human_agreement(
    references: Sequence[str], words: int | None = None, mode: str = "average"
) -> dict[str, Score] | None:
    """Mean score of each reference (cut at ``words`` if given) against the others;
    None when the cluster has fewer than two references."""
    if len(references) < 2:
        return None
    per_ref = []
    for i, ref in enumerate(references):
        others = [r for j, r in enumerate(references) if j != i]
        per_ref.append(score(truncate_words(ref, words), others, mode))
    return combine(per_ref, "average")
