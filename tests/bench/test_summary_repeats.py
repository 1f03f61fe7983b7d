"""bench/summary_repeats.py: reports repeats beside the references', errors in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "summary_repeats.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


def test_a_corpus_gets_its_repeat_shares_and_score(tmp_path):
    corpus = tmp_path / "tiny.jsonl"
    story = "Bộ Y tế công bố ca mắc mới tại Hà Nội. Bộ Y tế đề nghị người dân đeo khẩu trang nơi đông người."
    other = "Hà Nội ghi nhận ca mắc mới trong ngày. Người dân được đề nghị đeo khẩu trang khi ra ngoài."
    corpus.write_text(
        '{"single_documents": [{"title": "Ca mắc mới", "anchor_text": "", "raw_text": "%s"}, '
        '{"title": "Hà Nội", "anchor_text": "", "raw_text": "%s"}], "summary": "Bộ Y tế công bố ca mắc mới tại Hà Nội. Bộ Y tế đề nghị đeo khẩu trang."}\n' % (story, other),
        encoding="utf-8",
    )
    done = _run("--data", str(corpus))
    assert done.returncode == 0, done.stderr
    # the reference says "Bộ Y tế" twice: 2 of its 17 bigrams
    assert "default R-2" in done.stdout and "references 11.8%" in done.stdout


def test_a_missing_corpus_is_one_clear_line(tmp_path):
    done = _run("--data", str(tmp_path / "missing"))
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "summary_repeats: error" in done.stderr
