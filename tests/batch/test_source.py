"""Reading a batch input line by line: each bad line on its own, blank lines skipped."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tomtat.batch.source import count_lines, display_name, iter_lines
from tomtat.errors import InputError


def test_lines_are_numbered_as_in_the_file_and_blank_ones_skipped(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + b'{"id": 1}\n\n{"id": 2}\n\xff\xfe broken\n{"id": 3}')
    lines = list(iter_lines(str(path)))
    assert [(line.number, (line.text or '').strip()) for line in lines if line.error is None] == [(1, '{"id": 1}'), (3, '{"id": 2}'), (5, '{"id": 3}')]
    (bad,) = [line for line in lines if line.error is not None]
    assert bad.number == 4 and str(path) in bad.error
    assert count_lines(str(path)) == 5


def test_utf16_input_reads_like_utf8(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(codecs.BOM_UTF16_LE + '{"id": "Hà Nội"}\n{"id": 2}\n'.encode("utf-16-le"))
    assert [(line.text or '').strip() for line in iter_lines(str(path))] == ['{"id": "Hà Nội"}', '{"id": 2}']


def test_missing_file_and_folder_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(iter_lines(str(tmp_path / "nope.jsonl")))
    with pytest.raises(InputError, match="is a folder"):
        list(iter_lines(str(tmp_path)))


def test_standard_input_is_named_for_messages() -> None:
    assert display_name("-") == "<stdin>" and count_lines("-") is None
