"""Summarize every cluster of a corpus, score it, and report corpus means.

The runner does not know how summaries are made: it takes a function from an
``EvalCluster`` to summary text, so ``tomtat eval`` (tomtat's pipeline), the benchmark
(peers and baselines) and tests all share the same scoring. Summaries longer than the
word budget are cut at it, so every system is scored at the same length.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from tomtat.errors import InputError
from tomtat.evaluate.baselines import truncate_words
from tomtat.evaluate.bootstrap import Interval, mean_interval
from tomtat.evaluate.dataset import EvalCluster
from tomtat.evaluate.rouge import METRICS, Score, score, scores_to_dict

Summarizer = Callable[[EvalCluster], str]
LABELS = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L"}


@dataclass(frozen=True, slots=True)
class ClusterResult:
    """The summary of one cluster, its references and its scores."""

    id: str
    summary: str
    references: tuple[str, ...]
    scores: dict[str, Score]
    seconds: float

    @property
    def words(self) -> int:
        return len(self.summary.split())

    def to_dict(self) -> dict[str, Any]:
        """One line of ``tomtat eval --out``: scores in 0..1."""
        return {
            "id": self.id,
            "summary": self.summary,
            "references": list(self.references),
            **scores_to_dict(self.scores),
            "words": self.words,
        }


@dataclass(frozen=True, slots=True)
class CorpusScore:
    """Corpus means (F1 per metric, with bootstrap intervals), length and speed."""

    clusters: int
    f1: dict[str, Interval]
    mean_words: float
    clusters_per_second: float
    median_ms: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "clusters": self.clusters,
            **{f"{m}_f": self.f1[m].to_dict() for m in METRICS},
            "mean_words": self.mean_words,
            "clusters_per_second": self.clusters_per_second,
            "median_ms": self.median_ms,
        }


def require_references(clusters: Iterable[EvalCluster]) -> None:
    """Refuse to score a corpus where some cluster has no reference summary."""
    missing = [c.id for c in clusters if not c.references]
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise InputError(f"no reference summaries for cluster(s) {shown}: nothing to score against")


def evaluate(
    clusters: Sequence[EvalCluster],
    summarize: Summarizer,
    words: int | None = None,
    mode: str = "average",
    on_result: Callable[[ClusterResult], object] | None = None,
) -> list[ClusterResult]:
    """Summarize and score every cluster, in order; ``on_result`` sees each as it is done."""
    require_references(clusters)
    results = []
    for c in clusters:
        start = time.perf_counter()
        text = summarize(c)
        seconds = time.perf_counter() - start
        text = truncate_words(text, words)
        result = ClusterResult(c.id, text, c.references, score(text, c.references, mode), seconds)
        if on_result is not None:
            on_result(result)
        results.append(result)
    return results


def corpus_score(
    results: Sequence[ClusterResult],
    rng: np.random.Generator | None = None,
    seconds: Sequence[float] | None = None,
) -> CorpusScore:
    """Means over clusters with bootstrap intervals (one generator, seeded by default).

    ``seconds`` overrides the per-cluster times measured by ``evaluate`` (the benchmark
    measures end to end, including reading and writing).
    """
    rng = rng if rng is not None else np.random.default_rng()
    f1 = {m: mean_interval([r.scores[m].f for r in results], rng=rng) for m in METRICS}
    times = list(seconds) if seconds is not None else [r.seconds for r in results]
    total = sum(times)
    return CorpusScore(
        clusters=len(results),
        f1=f1,
        mean_words=float(np.mean([r.words for r in results])) if results else 0.0,
        clusters_per_second=len(times) / total if total > 0 else float("inf"),
        median_ms=float(np.median(times)) * 1000 if times else 0.0,
    )


def format_interval(i: Interval) -> str:
    """``53.21 [52.10-54.30]`` in percent."""
    return f"{100 * i.mean:5.2f} [{100 * i.low:5.2f}-{100 * i.high:5.2f}]"


def format_table(score_: CorpusScore) -> str:
    """The table ``tomtat eval`` prints."""
    lines = [f"{'metric':<8}  {'F1':>5}  95% interval", "-" * 36]
    for m in METRICS:
        i = score_.f1[m]
        lines.append(f"{LABELS[m]:<8}  {100 * i.mean:5.2f}  [{100 * i.low:5.2f}, {100 * i.high:5.2f}]")
    lines.append("-" * 36)
    lines.append(
        f"{score_.clusters} clusters, mean length {score_.mean_words:.1f} words, "
        f"{score_.clusters_per_second:.1f} clusters/s"
    )
    return "\n".join(lines) + "\n"
