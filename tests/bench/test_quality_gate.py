"""The CI quality gate passes above the floor, fails below it, and says why."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GATE = ROOT / "bench" / "quality_gate.py"
VIMS = ROOT / "tests" / "evaluate" / "fixtures" / "vims"


def _gate(tmp_path: Path, floor: float, data: Path = VIMS) -> subprocess.CompletedProcess[str]:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"vims-dev": {"metric": "rouge2", "words": 40, "floor": floor}}), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(GATE), "--data", str(data), "--floors", str(floors)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_gate_passes_at_or_above_the_floor(tmp_path):
    done = _gate(tmp_path, 0.0)
    assert done.returncode == 0, done.stderr
    assert "quality gate: pass" in done.stdout


def test_gate_fails_below_the_floor_with_a_reason(tmp_path):
    done = _gate(tmp_path, 0.99)
    assert done.returncode == 1
    assert "FAIL" in done.stdout and "floor" in done.stderr


def test_gate_without_data_is_a_clear_error(tmp_path):
    done = _gate(tmp_path, 0.0, data=tmp_path / "missing")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "no such file" in done.stderr


def test_pinned_floor_is_a_ratio():
    spec = json.loads((ROOT / "bench" / "floors.json").read_text(encoding="utf-8"))["vims-dev"]
    assert 0.3 < spec["floor"] < 0.7 and spec["metric"] == "rouge2" and spec["words"] == 230
