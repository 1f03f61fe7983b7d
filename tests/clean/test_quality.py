"""Deterministic quality floors on the project's labelled cleaning sets (bench/data)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("clean_quality", REPO / "bench" / "clean_quality.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_labelled_set_floor() -> None:
    bench = _bench()
    scores = bench.evaluate(REPO / "bench" / "data" / "clean_labelled.jsonl")
    removed, debris = scores.rate("debris")
    kept, content = scores.rate("content")
    assert debris >= 170 and content >= 210  # the set is not silently emptied
    assert removed / debris >= 0.97
    assert kept / content >= 0.98
    assert scores.rate("heading")[0] == scores.rate("heading")[1]


def test_heldout_sets_floor() -> None:
    bench = _bench()
    for name in ("clean_heldout.jsonl", "clean_heldout2.jsonl", "clean_heldout3.jsonl"):
        scores = bench.evaluate(REPO / "bench" / "data" / name)
        removed, debris = scores.rate("debris")
        kept, content = scores.rate("content")
        assert removed / debris >= 0.95, name
        assert kept == content, name
