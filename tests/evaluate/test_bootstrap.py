"""Corpus means with a seeded, injectable bootstrap interval."""

from __future__ import annotations

import numpy as np
import pytest

from tomtat.evaluate.bootstrap import mean_interval


def test_interval_surrounds_the_mean_and_is_reproducible():
    values = [0.1, 0.4, 0.35, 0.2, 0.5, 0.3, 0.25, 0.45]
    a = mean_interval(values)
    b = mean_interval(values)
    assert a == b
    assert a.mean == pytest.approx(np.mean(values))
    assert a.low < a.mean < a.high
    assert min(values) <= a.low and a.high <= max(values)


def test_injected_generator_decides_the_resamples():
    values = list(np.linspace(0, 1, 30))
    one = mean_interval(values, rng=np.random.default_rng(1))
    same = mean_interval(values, rng=np.random.default_rng(1))
    other = mean_interval(values, rng=np.random.default_rng(2))
    assert one == same
    assert (one.low, one.high) != (other.low, other.high)


def test_constant_or_single_values_have_no_spread():
    assert mean_interval([0.3]).low == mean_interval([0.3]).high == 0.3
    flat = mean_interval([0.2] * 10)
    assert flat.low == pytest.approx(0.2) and flat.high == pytest.approx(0.2)


def test_more_clusters_give_a_narrower_interval():
    rng = np.random.default_rng(0)
    few = mean_interval(rng.random(10))
    many = mean_interval(rng.random(1000))
    assert many.high - many.low < few.high - few.low
