"""``-o`` writes where it points and never replaces what is there: devices, FIFOs and
symlinks stay what they are; regular files are replaced whole or not at all.

Device nodes are private copies made with mknod in a temporary folder (never the
machine's own /dev entries: a broken writer would replace them)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tomtat.cli import main
from tomtat.io.output import OutputError, write_text

SRC = Path(__file__).resolve().parents[2] / "src"
needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="mknod and mount need root")


def device(folder: Path, name: str, minor: int) -> Path:
    """A private character device of the ``mem`` driver: 3 null, 5 zero, 7 full."""
    path = folder / name
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    return path


def test_a_regular_file_gets_the_mode_of_a_new_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    old = os.umask(0o027)
    try:
        write_text("new\n", str(target))
    finally:
        os.umask(old)
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_symlink_writes_through_to_its_target(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_text("new\n", str(link))
    assert link.is_symlink() and real.read_text() == "new\n"


def test_a_symlink_loop_is_one_error(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(OutputError):
        write_text("x", str(tmp_path / "a"))


def test_a_fifo_is_written_to_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    write_text("through the pipe\n", str(fifo))
    reader.join(timeout=10)
    assert got == ["through the pipe\n"] and stat.S_ISFIFO(fifo.lstat().st_mode)


@needs_root
def test_a_device_is_written_to_not_replaced(tmp_path):
    null = device(tmp_path, "null", 3)
    write_text("gone\n", str(null))
    assert stat.S_ISCHR(null.lstat().st_mode)


@needs_root
def test_a_full_device_is_one_error_and_stays_a_device(tmp_path, capsys, sample_dir):
    full = device(tmp_path, "full", 7)
    assert main(["summarize", str(sample_dir), "-o", str(full)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tomtat: error:") and "No space left" in err and err.count("\n") == 1
    assert stat.S_ISCHR(full.lstat().st_mode)


@needs_root
def test_a_full_disk_leaves_the_old_file_and_no_temporary(tmp_path, tmpfs, capsys, sample_dir):
    disk = tmpfs("size=8k")
    target = disk / "out.json"
    target.write_text("old\n")
    big = tmp_path / "big.txt"
    big.write_text("Tiêu đề\n\n" + "Hà Nội mưa lớn chiều nay và nhiều phố ngập sâu. " * 2000, encoding="utf-8")
    assert main(["clean", str(big), "-f", "json", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "No space left" in err and err.count("\n") == 1
    assert target.read_text() == "old\n" and [p.name for p in disk.iterdir()] == ["out.json"]


@needs_root
def test_a_read_only_folder_is_one_error(tmp_path, tmpfs, capsys, sample_dir):
    disk = tmpfs("ro,size=8k")
    assert main(["summarize", str(sample_dir), "-o", str(disk / "out.txt")]) == 2
    err = capsys.readouterr().err
    assert "Read-only" in err and err.count("\n") == 1


@needs_root
def test_standard_output_on_a_full_device_is_one_line(tmp_path, sample_dir):
    full = device(tmp_path, "full", 7)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    with open(full, "wb") as stdout:
        done = subprocess.run([sys.executable, "-m", "tomtat", "summarize", str(sample_dir)], stdout=stdout,
                              stderr=subprocess.PIPE, text=True, env=env, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("tomtat: error: standard output") and done.stderr.count("\n") == 1, done.stderr


def test_summary_json_written_through_a_symlink_is_readable(tmp_path, sample_dir, capsys):
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert main(["summarize", str(sample_dir), "-f", "json", "-o", str(link)]) == 0
    assert json.loads(real.read_text(encoding="utf-8"))["summary"] and link.is_symlink()
