"""Corpus means with a seeded, injectable bootstrap interval."""

from __future__ import annotations

import numpy as np
import pytest

from tomtat.evaluate.bootstrap import bootstrap_sd, mean_interval, paired_difference


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


def test_paired_difference_sees_a_small_consistent_gain_that_unpaired_spread_hides():
    rng = np.random.default_rng(3)
    base = rng.random(100)  # clusters differ a lot from each other
    better = base + 0.01 + rng.normal(0, 0.002, 100)  # but one system gains a little on each
    d = paired_difference(better, base)
    assert d.interval.mean == pytest.approx(0.01, abs=0.001)
    assert 0 < d.interval.low < d.interval.high
    assert d.significant and d.sd < 0.001
    # unpaired intervals of the two means overlap widely
    assert mean_interval(better).low < mean_interval(base).high


def test_paired_difference_of_equal_systems_straddles_zero_and_needs_same_clusters():
    rng = np.random.default_rng(4)
    a, b = rng.random(80), rng.random(80)
    d = paired_difference(a, a)
    assert d.interval.low == d.interval.high == 0.0 and not d.significant
    noisy = paired_difference(a, a + rng.normal(0, 0.05, 80))
    assert noisy.interval.low < 0.02 and noisy.sd > 0
    with pytest.raises(ValueError):
        paired_difference(a, b[:10])


def test_bootstrap_sd_shrinks_with_more_clusters():
    rng = np.random.default_rng(5)
    assert bootstrap_sd(rng.random(1000)) < bootstrap_sd(rng.random(20))
    assert bootstrap_sd([0.4]) == 0.0
