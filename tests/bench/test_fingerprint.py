"""bench/fingerprint.py: unchanged output passes, a changed cluster is named with the
parts of its output that moved, files saved before the parts were kept still compare."""

from __future__ import annotations

import json
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
    assert "moved: sentences 0, actors 0, story 0, cleaned 0" in done.stdout
    first = sorted((corpus / "data").iterdir())[0]
    article = sorted(first.glob("*.txt"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nMột câu mới được thêm vào cuối bài này.\n", encoding="utf-8")
    done = _run(str(corpus), "--against", str(saved))
    assert done.returncode == 1
    changed = [line for line in done.stdout.splitlines() if line.startswith("changed:")]
    assert len(changed) == 1 and changed[0].startswith(f"changed: vims/{first.name}/default (")
    assert "cleaned" in changed[0]


def test_a_change_to_the_actors_alone_is_told_apart_from_the_summary(tmp_path):
    corpus = tmp_path / "vims"
    shutil.copytree(VIMS, corpus)
    saved = tmp_path / "before.json"
    assert _run(str(corpus), "--save", str(saved)).returncode == 0
    prints = json.loads(saved.read_text(encoding="utf-8"))
    key = sorted(prints)[0]
    # as if the saved run had found other actors, and nothing else different
    prints[key] = {**prints[key], "all": "0" * 64, "actors": "0" * 64}
    saved.write_text(json.dumps(prints), encoding="utf-8")
    done = _run(str(corpus), "--against", str(saved))
    assert done.returncode == 1
    assert f"changed: {key} (actors)" in done.stdout
    assert f"{len(prints) - 1}/{len(prints)} unchanged" in done.stdout
    assert "moved: sentences 0, actors 1, story 0, cleaned 0" in done.stdout
    # a file saved with one hash a cluster (before the parts) is compared as a whole
    saved.write_text(json.dumps({k: v["all"] for k, v in prints.items()}), encoding="utf-8")
    done = _run(str(corpus), "--against", str(saved))
    assert done.returncode == 1 and f"changed: {key}\n" in done.stdout
    assert "moved: parts unknown" in done.stdout


def test_a_missing_corpus_is_a_clear_error(tmp_path):
    done = _run(str(tmp_path / "missing"), "--save", str(tmp_path / "x.json"))
    assert done.returncode == 2 and "not a folder" in done.stderr
