"""Corpus means with a bootstrap confidence interval.

A corpus score is the mean of per-cluster scores. Its uncertainty comes from which
clusters happen to be in the corpus, so we resample clusters with replacement (the
percentile bootstrap) and report the central 95% of the resampled means. The random
generator is passed in, so results are reproducible and tests can inject their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

DEFAULT_SEED = 20260523
DEFAULT_RESAMPLES = 1000


@dataclass(frozen=True, slots=True)
class Interval:
    """A mean and its confidence interval ``[low, high]`` at ``level``."""

    mean: float
    low: float
    high: float
    level: float = 0.95

    def to_dict(self) -> dict[str, float]:
        return {"mean": self.mean, "low": self.low, "high": self.high, "level": self.level}


def mean_interval(
    values: Sequence[float],
    rng: np.random.Generator | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    level: float = 0.95,
) -> Interval:
    """The mean of ``values`` with a percentile-bootstrap interval.

    ``rng`` defaults to ``numpy.random.default_rng(DEFAULT_SEED)``: the same input gives
    the same interval on every run.
    """
    if not 0 < level < 1:
        raise ValueError("level must be between 0 and 1")
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return Interval(float("nan"), float("nan"), float("nan"), level)
    mean = float(data.mean())
    if data.size == 1 or resamples <= 0:
        return Interval(mean, mean, mean, level)
    rng = rng if rng is not None else np.random.default_rng(DEFAULT_SEED)
    picks = rng.integers(0, data.size, size=(resamples, data.size))
    means = data[picks].mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return Interval(mean, float(low), float(high), level)
