"""The benchmark runs end to end on a tiny ViMs-layout corpus and reports every column."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VIMS = ROOT / "tests" / "evaluate" / "fixtures" / "vims"


def test_benchmark_table_for_baselines_oracle_and_humans(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run_vims.py"), "--data", str(VIMS), "--words", "20",
         "--systems", "tomtat:lead,lead,oracle,human", "--out", str(out)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "| system | R-1 F1 | R-2 F1 (95% CI)" in done.stdout
    rows = {r["system"]: r for r in json.loads(out.read_text(encoding="utf-8"))["rows"]}
    assert set(rows) == {"tomtat:lead", "lead", "oracle", "human agreement"}
    assert rows["oracle"]["rouge2_f"]["mean"] >= rows["lead"]["rouge2_f"]["mean"]
    assert rows["lead"]["mean_words"] <= 20
    assert rows["lead"]["peak_mb"] > 0 and rows["lead"]["median_ms"] > 0


def test_unknown_system_is_a_clear_error(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run_vims.py"), "--data", str(VIMS), "--systems", "nosuch"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2 and "unknown system" in done.stderr and "Traceback" not in done.stderr
