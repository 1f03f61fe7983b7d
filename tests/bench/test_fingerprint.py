"""bench/fingerprint.py: unchanged output passes, a changed cluster is named."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "fingerprint.py"
VIMS = ROOT / "tests" / "evaluate" / "fixtures" / "vims"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


def test_same_output_passes_and_a_changed_article_names_its_cluster(tmp_path):
    corpus = tmp_path / "vims"
    shutil.copytree(VIMS, corpus)
    saved = tmp_path / "before.json"
    done = _run(str(corpus), "--save", str(saved))
    assert done.returncode == 0, done.stderr
    done = _run(str(corpus), "--against", str(saved))
    assert done.returncode == 0 and "unchanged" in done.stdout
    first = sorted((corpus / "data").iterdir())[0]
    article = sorted(first.glob("*.txt"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nMột câu mới được thêm vào cuối bài này.\n", encoding="utf-8")
    done = _run(str(corpus), "--against", str(saved))
    assert done.returncode == 1
    assert f"changed: vims/{first.name}/default" in done.stdout


def test_a_missing_corpus_is_a_clear_error(tmp_path):
    done = _run(str(tmp_path / "missing"), "--save", str(tmp_path / "x.json"))
    assert done.returncode == 2 and "not a folder" in done.stderr
