"""tomtat summarize: a summary from files, a folder or standard input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from tomtat.cli import main


def test_a_folder_gives_a_summary_with_its_sources(sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(sample_dir), "--words", "60", "--id", "mau"]) == 0
    out = capsys.readouterr().out
    assert "[1]" in out and "01_tuoitre" in out


def test_json_names_the_cluster_and_keeps_the_budget(sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(sample_dir), "-f", "json", "--sentences", "2", "--id", "mau"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "mau" and len(data["sentences"]) <= 2


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("Bão số 3 đổ bộ\nChiều nay bão số 3 đổ bộ vào Quảng Ninh với sức gió giật cấp 12.\n"
            "Hàng nghìn ngôi nhà bị tốc mái, nhiều cây xanh bật gốc.\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    assert main(["summarize", "-", "--words", "40"]) == 0
    assert "Quảng Ninh" in capsys.readouterr().out


def test_an_unknown_method_is_one_line(sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(sample_dir), "--method", "không-có"]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "không-có" in err and "Traceback" not in err
