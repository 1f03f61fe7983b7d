"""Corpus files: read as the rest of tomtat reads text, numbered files in number order."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tomtat.errors import InputError
from tomtat.evaluate.dataset import is_backup, json_lines, natural_key, read_text


def test_numbered_files_sort_by_number() -> None:
    assert sorted(["10.txt", "2.txt", "1.txt"], key=natural_key) == ["1.txt", "2.txt", "10.txt"]


def test_crlf_and_bom_are_read_away(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + "Tiêu đề\r\nNội dung\r\n".encode("utf-8"))
    assert read_text(path) == "Tiêu đề\nNội dung\n"


def test_editor_leftovers_are_not_data() -> None:
    assert is_backup(Path("1.txt~")) and is_backup(Path(".1.txt.swp")) and not is_backup(Path("1.txt"))


def test_a_bad_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": 1}\n\n{oops\n', encoding="utf-8")
    rows = json_lines(path)
    assert next(rows) == ({"id": 1}, f"{path}:1", "c-1")
    with pytest.raises(InputError, match=r"c\.jsonl:3: not valid JSON"):
        next(rows)
