"""Where batch tasks run: in this process, in a local process pool, or on Dask.

All three expose the same two things the runner needs: ``submit(fn, arg)`` returning
a future with ``.result()``, and ``slots``, how many tasks can usefully run at once
(the runner keeps a small multiple of that in flight, so memory stays bounded however
long the input is). Dask is imported only when asked for: it is the optional ``scale``
extra.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from tomtat.errors import TomtatError

EXECUTORS = ("local", "dask")


class Executor(Protocol):
    slots: int

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> Any: ...

    def close(self) -> None: ...


class InlineExecutor:
    """Runs each task at once in this process: ``--jobs 1``, no pool to start."""

    slots = 1

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(arg))
        except BaseException as err:  # pragma: no cover - tasks report their own errors
            future.set_exception(err)
        return future

    def close(self) -> None:
        pass


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie, killed but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return True


# Young containers a worker may hold before the collector runs. Summarizing a cluster
# keeps a few thousand alive at its peak (token rows, sentence lists), none of them in
# cycles: with Python's default (700) the collector walked them about once per cluster
# for nothing (~0.3 ms of ~20 ms CPU); with this, about once per 150 clusters.
_YOUNG_LIMIT = 10_000


def _start_worker(parent: int) -> None:
    """Worker initializer: what the fork server preloaded (modules, package data) lives
    as long as the worker, so it is moved out of the garbage collector's way (a full
    collection would walk all of it, for nothing), and the collector waits for more
    young objects (``_YOUNG_LIMIT``); and the worker leaves with its parent."""
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(_YOUNG_LIMIT, older, oldest)
    _exit_with_parent(parent)


def _exit_with_parent(parent: int) -> None:
    """Leave when the batch process dies (even by kill -9), not linger as an orphan
    holding memory and a CPU."""

    def watch() -> None:
        while _alive(parent):
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _start_quiet_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with its stderr discarded.

    After a ``kill -9`` of the batch it outlives us, frees the pool's semaphores, and
    warns "There appear to be N leaked semaphore objects" on the terminal: noise about
    a cleanup it has already done, printed after the shell prompt came back."""
    from multiprocessing import resource_tracker

    saved = os.dup(2)
    try:
        quiet = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(quiet, 2)
            resource_tracker.ensure_running()
        finally:
            os.dup2(saved, 2)
            os.close(quiet)
    finally:
        os.close(saved)


class ProcessExecutor:
    """A pool of ``jobs`` worker processes on this machine.

    Workers come from a fork server (with tomtat preloaded and its package data read,
    :mod:`tomtat.batch.preload`, so they start fast and warm), not
    from a fork of this process: a forked worker would inherit the open output file and
    its lock, and hold them after a crash of the parent."""

    def __init__(self, jobs: int) -> None:
        self.slots = jobs
        _start_quiet_resource_tracker()
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["tomtat.batch.tasks", "tomtat.batch.preload"])
        self._pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),))

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> Future:
        return self._pool.submit(fn, arg)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor:
    """Tasks on a Dask distributed cluster: the scheduler at ``address``, or a
    ``LocalCluster`` of ``jobs`` single-threaded worker processes started for this run
    (``processes=False`` runs the workers as threads in this process: for tests)."""

    def __init__(self, address: str | None = None, jobs: int = 1, processes: bool = True) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise TomtatError("--executor dask needs the 'scale' extra: pip install 'tomtat[scale]'") from None
        self._cluster = None
        try:
            if address:
                self._client = Client(address, timeout="30s")
            else:
                # Every listener on loopback: Dask's defaults put the dashboards (and, with
                # processes, the scheduler) on all interfaces, open to the network.
                loopback = {"host": "127.0.0.1"} if processes else {}
                self._cluster = LocalCluster(
                    n_workers=jobs,
                    threads_per_worker=1,
                    processes=processes,
                    dashboard_address="127.0.0.1:0",
                    worker_dashboard_address="127.0.0.1:0",
                    silence_logs=40,
                    **loopback,
                )
                self._client = Client(self._cluster)
        except OSError as err:
            if self._cluster is not None:
                self._cluster.close()
            raise TomtatError(f"cannot reach the Dask scheduler {address or '(local)'}: {err}") from None
        threads = sum(self._client.nthreads().values())
        self.slots = max(1, threads)

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> Any:
        # pure=False: two identical lines are two tasks, never one cached result.
        return self._client.submit(fn, arg, pure=False)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_executor(name: str, jobs: int, scheduler: str | None = None) -> Executor:
    """The executor called ``name`` (``local`` or ``dask``) with ``jobs`` workers."""
    if jobs < 1:
        raise TomtatError(f"--jobs must be at least 1 (got {jobs})")
    if name == "dask":
        return DaskExecutor(scheduler, jobs)
    if scheduler:
        raise TomtatError("--scheduler only makes sense with --executor dask")
    if name != "local":
        raise TomtatError(f"unknown executor {name!r}; choose one of: {', '.join(EXECUTORS)}")
    return InlineExecutor() if jobs == 1 else ProcessExecutor(jobs)
