"""The batch output file: whole lines only, resumable, one writer at a time; only a
regular file (or a symlink to one) is used, since it is read back to resume; a full
disk ends the run with one line and a resumable file.

Device nodes are private copies made with mknod in a temporary folder."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from tomtat.batch.output import ResultFile
from tomtat.cli import main
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


needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="mknod and mount need root")


@pytest.fixture
def source(tmp_path, kit):
    return kit.write_jsonl(tmp_path / "in.jsonl", [kit.make_cluster(f"c{i}", i) for i in range(3)])


@needs_root
@pytest.mark.parametrize("minor", [3, 5])  # a null and a zero device: never read forever, never replaced
def test_a_device_output_is_refused_before_any_work(tmp_path, source, capsys, minor):
    dev = tmp_path / "dev"
    os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    assert main(["batch", str(source), "-o", str(dev), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "not a regular file" in err and err.count("\n") == 1
    assert stat.S_ISCHR(dev.lstat().st_mode)


def test_a_fifo_output_is_refused(tmp_path, source, capsys):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert main(["batch", str(source), "-o", str(fifo), "--no-progress"]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_symlink_output_appends_to_its_target(tmp_path, source, capsys):
    real = tmp_path / "real.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    old = os.umask(0o022)
    try:
        assert main(["batch", str(source), "-o", str(link), "--no-progress"]) == 0
    finally:
        os.umask(old)
    assert link.is_symlink() and len(real.read_text(encoding="utf-8").splitlines()) == 3
    assert stat.S_IMODE(real.stat().st_mode) == 0o644


@needs_root
def test_a_full_disk_ends_the_run_in_one_line_and_the_rerun_resumes(tmp_path, tmpfs, capsys, kit):
    disk = tmpfs("size=12k")
    source = kit.write_jsonl(tmp_path / "in.jsonl", [kit.make_cluster(f"c{i}", i) for i in range(12)])
    out = disk / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "No space left" in err and "rerun" in err and "Traceback" not in err
    written = out.read_bytes()
    assert written.endswith(b"\n")  # whole lines only
    first = [json.loads(line)["id"] for line in written.splitlines()]
    assert 0 < len(first) < 12
    subprocess.run(["mount", "-o", "remount,size=1m", str(disk)], check=True)
    assert main(["batch", str(source), "-o", str(out), "--no-progress"]) == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"c{i}" for i in range(12)]


def test_a_line_over_the_limit_is_reported_and_the_next_ones_read(tmp_path):
    from tomtat.batch.source import iter_lines

    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a"}\n' + b"x" * 500 + b"\n" + b'{"id": "b"}\n')
    lines = list(iter_lines(str(path), max_line_bytes=100))
    assert [line.number for line in lines] == [1, 2, 3]
    assert lines[1].error and "limit" in lines[1].error and lines[2].text == '{"id": "b"}\n'


def test_a_stream_without_line_ends_is_refused_not_read_forever(tmp_path):
    from tomtat.batch.source import iter_lines
    from tomtat.errors import InputError

    path = tmp_path / "in.jsonl"
    path.write_bytes(b"x" * 5000)
    with pytest.raises(InputError, match="no end of line"):
        list(iter_lines(str(path), max_line_bytes=100))
