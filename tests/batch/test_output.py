"""The batch output file: whole lines only, resumable, one writer at a time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tomtat.batch.output import ResultFile
from tomtat.errors import InputError

LINE = json.dumps({"id": "c1", "method": "centroid", "budget": {"words": 30}, "summary": "Một."}) + "\n"


def test_a_rerun_knows_what_is_done_and_drops_a_torn_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(LINE + '{"id": "c2", "summ', encoding="utf-8")
    with ResultFile(str(path)) as out:
        assert out.done == {"c1"} and out.truncated
        assert out.settings is not None and out.settings["method"] == "centroid"
        out.append(LINE.replace("c1", "c3"))
    assert [json.loads(x)["id"] for x in path.read_text(encoding="utf-8").splitlines()] == ["c1", "c3"]


def test_two_writers_on_one_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with ResultFile(str(path)):
        with pytest.raises(InputError, match="another tomtat batch is writing this file"):
            ResultFile(str(path))


def test_an_output_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        ResultFile(str(tmp_path / "no" / "out.jsonl"))
