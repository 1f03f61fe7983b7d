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


@dataclass(frozen=True, slots=True)
class Difference:
    """System A minus system B over the same clusters: the mean difference, its
    paired-bootstrap interval and the bootstrap standard deviation (the noise a
    floor or an adoption decision must clear)."""

    interval: Interval
    sd: float

    @property
    def significant(self) -> bool:
        """Whether the interval excludes zero (either way)."""
        return self.interval.low > 0 or self.interval.high < 0

    def to_dict(self) -> dict[str, float]:
        return {**self.interval.to_dict(), "sd": self.sd}


def paired_difference(
    a: Sequence[float],
    b: Sequence[float],
    rng: np.random.Generator | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    level: float = 0.95,
) -> Difference:
    """Mean of ``a - b`` (per-cluster scores of two systems on the same clusters) with a
    paired percentile-bootstrap interval: clusters are resampled, and each resample keeps
    both systems' scores of a cluster together, so the cluster-to-cluster spread that both
    share does not widen the interval."""
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if x.shape != y.shape:
        raise ValueError("paired scores must cover the same clusters")
    diff = x - y
    if diff.size < 2 or resamples <= 0:
        return Difference(mean_interval(diff, rng, resamples, level), 0.0)
    rng = rng if rng is not None else np.random.default_rng(DEFAULT_SEED)
    picks = rng.integers(0, diff.size, size=(resamples, diff.size))
    means = diff[picks].mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return Difference(Interval(float(diff.mean()), float(low), float(high), level), float(means.std()))


def bootstrap_sd(values: Sequence[float], rng: np.random.Generator | None = None, resamples: int = DEFAULT_RESAMPLES) -> float:
    """Standard deviation of the resampled corpus mean: how much the mean moves with
    which clusters happen to be in the corpus."""
    data = np.asarray(values, dtype=float)
    if data.size < 2 or resamples <= 0:
        return 0.0
    rng = rng if rng is not None else np.random.default_rng(DEFAULT_SEED)
    return float(data[rng.integers(0, data.size, size=(resamples, data.size))].mean(axis=1).std())
