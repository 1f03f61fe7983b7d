"""The CI quality gate as a test: the default method's ROUGE-2 F1 on each development
corpus must not fall below its floor pinned in bench/floors.json. Scores are
deterministic, so this is a fair pass/fail test. A corpus not found beside the
repository (``../shared/data``) is skipped."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
FLOORS = json.loads((ROOT / "bench" / "floors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_default_method_stays_above_the_pinned_rouge2_floor(corpus, capsys):
    if not (DATA / FLOORS[corpus]["path"]).exists():
        pytest.skip(f"{corpus} not found beside the repository")
    spec = importlib.util.spec_from_file_location("quality_gate", ROOT / "bench" / "quality_gate.py")
    gate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gate)
    code = gate.main(["--root", str(DATA), "--only", corpus])
    out = capsys.readouterr()
    assert code == 0, out.out + out.err
