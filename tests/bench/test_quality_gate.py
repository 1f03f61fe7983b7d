"""The CI quality gate checks every corpus of its floors file, fails below a floor and
says which corpus, and refuses clearly when it cannot run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GATE = ROOT / "bench" / "quality_gate.py"
FIXTURES = ROOT / "tests" / "evaluate" / "fixtures"


def _gate(tmp_path: Path, vims_floor: float, jsonl_floor: float = 0.0, vims_path: str = "vims") -> subprocess.CompletedProcess[str]:
    floors = tmp_path / "floors.json"
    floors.write_text(
        json.dumps({
            "vims": {"path": vims_path, "metric": "rouge2", "words": 40, "floor": vims_floor},
            "abmusu": {"path": "abmusu.jsonl", "metric": "rouge2", "words": 40, "floor": jsonl_floor},
        }),
        encoding="utf-8",
    )
    return subprocess.run(
        [sys.executable, str(GATE), "--root", str(FIXTURES), "--floors", str(floors)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_gate_passes_when_every_corpus_is_at_or_above_its_floor(tmp_path):
    done = _gate(tmp_path, 0.0)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("quality gate: pass") == 2


def test_gate_fails_when_one_corpus_is_below_its_floor_and_names_it(tmp_path):
    done = _gate(tmp_path, 0.0, jsonl_floor=0.99)
    assert done.returncode == 1
    assert "FAIL" in done.stdout and "abmusu" in done.stderr and "floor" in done.stderr


def test_gate_without_data_or_with_a_bad_floors_file_is_a_clear_error(tmp_path):
    done = _gate(tmp_path, 0.0, vims_path="missing")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "no such file" in done.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"vims": {"path": "vims"}}', encoding="utf-8")
    done = subprocess.run([sys.executable, str(GATE), "--floors", str(bad)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "bad or missing field" in done.stderr


def test_pinned_floors_cover_both_dev_corpora_below_the_measured_value_by_the_noise():
    floors = json.loads((ROOT / "bench" / "floors.json").read_text(encoding="utf-8"))
    assert set(floors) == {"vims-dev", "abmusu-dev"}
    for spec in floors.values():
        assert spec["metric"] == "rouge2" and 0.2 < spec["floor"] < 0.7
        assert spec["measured"] - spec["floor"] >= spec["sd"] > 0
