"""kill -9 in the middle of a run, then the same command: every cluster exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import tomtat
from tomtat.cli import main

SLOW_BATCH = Path(__file__).with_name("slow_batch.py")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    src = str(Path(tomtat.__file__).resolve().parents[1])
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def test_kill_9_then_rerun_gives_every_cluster_once(kit, tmp_path: Path) -> None:
    ids = [f"k{i}" for i in range(30)]
    src = kit.write_jsonl(tmp_path / "in.jsonl", [kit.make_cluster(cid, i) for i, cid in enumerate(ids)])
    out = tmp_path / "out.jsonl"
    argv = ["batch", str(src), "-o", str(out), "--jobs", "2", "--words", "30"]
    proc = subprocess.Popen(
        [sys.executable, str(SLOW_BATCH), str(src), str(out)],  # argv, each cluster slower
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while _lines(out) < 4 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proc.poll() is None, "the run finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # any worker still around
        except ProcessLookupError:
            pass
    written = _lines(out)
    assert 4 <= written < len(ids)

    assert main(argv) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in rows) == sorted(ids)
    assert out.read_bytes().endswith(b"\n")

    fresh = tmp_path / "fresh.jsonl"
    assert main(["batch", str(src), "-o", str(fresh), "--words", "30"]) == 0
    assert out.read_bytes() == fresh.read_bytes()


def test_kill_9_leaves_no_leaked_semaphore_warning(kit, tmp_path: Path) -> None:
    src = kit.write_jsonl(tmp_path / "in.jsonl", [kit.make_cluster(f"k{i}", i) for i in range(30)])
    out = tmp_path / "out.jsonl"
    err = tmp_path / "err.txt"
    with open(err, "wb") as stderr:
        proc = subprocess.Popen([sys.executable, str(SLOW_BATCH), str(src), str(out)], env=_env(),
                                stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while _lines(out) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        time.sleep(2)  # the resource tracker notices the death and cleans up
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert "leaked" not in err.read_text()
