"""Executors: Dask gives the same file as local processes; in-flight work stays bounded."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

import pytest

from tomtat.batch import DaskExecutor, InlineExecutor, run_batch
from tomtat.batch.runner import IN_FLIGHT_PER_SLOT
from tomtat.model import Budget


def test_dask_matches_local(kit, clusters_file: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    inline = InlineExecutor()
    run_batch(str(clusters_file), str(local), Budget(words=40), None, inline, progress=False)
    executor = DaskExecutor(jobs=2, processes=False)
    try:
        report = run_batch(str(clusters_file), str(dask), Budget(words=40), None, executor, progress=False)
    finally:
        executor.close()
    assert report.done == 6 and report.ok
    assert dask.read_bytes() == local.read_bytes()


@pytest.mark.parametrize("processes", [False, True])
def test_local_dask_listens_on_loopback_only(processes: bool) -> None:
    pytest.importorskip("distributed")
    psutil = pytest.importorskip("psutil")
    executor = DaskExecutor(jobs=1, processes=processes)
    try:
        me = psutil.Process()
        listening = [
            c.laddr.ip
            for p in (me, *me.children(recursive=True))
            for c in p.net_connections(kind="inet")
            if c.status == psutil.CONN_LISTEN
        ]
    finally:
        executor.close()
    assert listening and set(listening) <= {"127.0.0.1", "::1"}


class LazyExecutor:
    """Runs a task only when its result is asked for, and records how many wait."""

    slots = 2

    def __init__(self) -> None:
        self.waiting = 0
        self.most = 0

    def submit(self, fn, arg):
        executor = self
        executor.waiting += 1
        executor.most = max(executor.most, executor.waiting)

        class Lazy(Future):
            def result(self, timeout=None):
                executor.waiting -= 1
                return fn(arg)

        return Lazy()

    def close(self) -> None:
        pass


def test_in_flight_tasks_stay_bounded(kit, tmp_path: Path) -> None:
    src = kit.write_jsonl(tmp_path / "in.jsonl", [kit.make_cluster(f"m{i}", i) for i in range(40)])
    executor = LazyExecutor()
    report = run_batch(str(src), str(tmp_path / "out.jsonl"), Budget(sentences=1), "lead", executor, progress=False)
    assert report.done == 40
    assert executor.most <= executor.slots * IN_FLIGHT_PER_SLOT
