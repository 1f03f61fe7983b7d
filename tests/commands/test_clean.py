"""tomtat clean: the articles as tomtat sees them, and --explain for what was removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tomtat.cli import main


def test_text_shows_each_cleaned_article(sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(sample_dir)]) == 0
    out = capsys.readouterr().out
    assert out.strip() and "01_tuoitre" in out


def test_explain_names_the_rule_for_each_removed_line(sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(sample_dir), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "[sidebar]" in out and out.rstrip().splitlines()[-1].startswith("removed ")
    assert "\033[" not in out  # never coloured when not a terminal


def test_json_matches_the_text_it_describes(sample_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "clean.json"
    assert main(["clean", str(sample_dir), "-f", "json", "-o", str(target)]) == 0
    articles = json.loads(target.read_text(encoding="utf-8"))["articles"]
    assert len(articles) == 3
    for a in articles:
        assert all(r["article_id"] == a["id"] and r["text"] not in a["text"].splitlines() for r in a["removed"])
