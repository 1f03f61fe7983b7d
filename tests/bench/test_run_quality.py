"""The benchmark runs end to end on tiny corpora of two layouts and reports every column."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "evaluate" / "fixtures"
BENCH = ROOT / "bench" / "run_quality.py"


def test_benchmark_tables_for_two_corpora_with_baselines_oracle_humans_and_paired_differences(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(BENCH), "--data", str(FIXTURES / "vims"), "--data", str(FIXTURES / "abmusu.jsonl"),
         "--systems", "tomtat:lead,lead,round-robin-lead,oracle,human", "--out", str(out)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "| system | R-1 F1 | R-2 F1 (95% CI)" in done.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report) == {"vims", "fixtures"}
    rows = {r["system"]: r for r in report["vims"]["rows"]}
    assert set(rows) == {"tomtat:lead", "lead", "round-robin-lead", "oracle", "human agreement"}
    assert rows["oracle"]["rouge2_f"]["mean"] >= rows["lead"]["rouge2_f"]["mean"]
    assert rows["lead"]["mean_words"] <= report["vims"]["meta"]["words"]
    assert rows["lead"]["peak_mb"] > 0 and rows["lead"]["median_ms"] > 0
    assert {"mean", "low", "high", "sd"} <= set(rows["oracle"]["vs_naive"])
    # one reference per cluster: no human agreement row for the AbMuSu-layout fixture
    assert "human agreement" not in {r["system"] for r in report["fixtures"]["rows"]}


def test_unknown_system_and_missing_corpus_are_clear_errors(tmp_path):
    for extra in (["--data", str(FIXTURES / "vims"), "--systems", "nosuch"], ["--data", str(tmp_path / "none")]):
        done = subprocess.run([sys.executable, str(BENCH), *extra], capture_output=True, text=True, timeout=120)
        assert done.returncode == 2 and "error" in done.stderr and "Traceback" not in done.stderr
