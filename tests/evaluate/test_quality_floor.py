"""The CI quality gate as a test: the default method's ROUGE-2 F1 on ViMs dev must not
fall below the floor pinned in bench/floors.json. Scores are deterministic, so this is a
fair pass/fail test. Skipped where ../shared/data/vims-dev is not beside the repository."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "vims-dev"


@pytest.mark.skipif(not DATA.is_dir(), reason="ViMs dev data not found beside the repository")
def test_default_method_stays_above_the_pinned_rouge2_floor(capsys):
    spec = importlib.util.spec_from_file_location("quality_gate", ROOT / "bench" / "quality_gate.py")
    gate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gate)
    code = gate.main(["--data", str(DATA)])
    out = capsys.readouterr()
    assert code == 0, out.out + out.err
