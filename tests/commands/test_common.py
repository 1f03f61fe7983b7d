"""What every command shares: length options and output files written whole or not at all."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tomtat.commands.common import add_budget_options, budget_from, write_lines, write_output
from tomtat.io.output import OutputError
from tomtat.model import Budget


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_budget_options(parser)
    return parser.parse_args(argv)


def test_every_length_given_is_kept_in_the_budget() -> None:
    assert budget_from(parse(["--words", "120", "--sentences", "4"])) == Budget(words=120, sentences=4, ratio=None)
    assert budget_from(parse(["--ratio", "0.2"])) == Budget(words=None, sentences=None, ratio=0.2)


def test_output_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    write_output("Tóm tắt mới\n", str(target))
    assert target.read_text(encoding="utf-8") == "Tóm tắt mới\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary file left


def test_a_failure_while_writing_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def lines():
        yield "new line\n"
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_lines(lines(), str(target))
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_standard_output_when_no_file(capsys: pytest.CaptureFixture[str]) -> None:
    write_output("xin chào\n", None)
    assert capsys.readouterr().out == "xin chào\n"


def test_bad_output_places_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        write_output("x", str(tmp_path))
    with pytest.raises(OutputError, match="does not exist"):
        write_output("x", str(tmp_path / "missing" / "out.txt"))
