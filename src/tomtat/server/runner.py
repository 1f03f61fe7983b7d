"""Runs the CPU-bound pipeline off the event loop, with a time limit and a bound
on the queue.

With ``workers == 0`` jobs run on a thread pool in the server process; with
``workers >= 1`` they run in that many worker processes (true parallelism: the
pipeline holds the GIL most of the time), managed by pebble's ``ProcessPool``.

Past the time limit the client gets a 504 at once. A job still waiting for a worker
is dropped; in worker processes, a job already running is stopped too: pebble ends
that worker and starts a fresh one, so slow requests can never pile up and hold
every worker (a thread cannot be stopped: in thread mode the job runs to its end).

A worker that dies on its own (``kill -9``, out of memory) while idle puts pebble's
pool in an error state for good (pebble 5.2 treats "no task was running" as "every
worker expired"). A watchdog on the event loop looks at the pool twice a second and
replaces a broken one, and a request that finds the pool broken replaces it too; so
the service keeps answering and ``/healthz`` reports what is really running.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from pebble import ProcessExpired, ProcessPool

from tomtat.server.config import ServerConfig
from tomtat.server.errors import ApiError
from tomtat.server.jobs import warm_up

Job = Callable[[Any], Any]
WATCH_SECONDS = 0.5
log = logging.getLogger("tomtat.server")


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, killed but not yet reaped, does not)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True


def start_worker(parent: int) -> None:
    """Worker initializer: import the pipeline before the first job, and leave when
    the server process is gone (even after ``kill -9``) instead of lingering."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
    warm_up()


class Runner:
    """Owns the worker pool of one app; created and closed by the app's lifespan."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.pending = 0
        self.ready = False
        self.threads: ThreadPoolExecutor | None = None
        self.processes: ProcessPool | None = None
        self._watchdog: asyncio.Task[None] | None = None
        self._replacing: asyncio.Task[None] | None = None
        if config.workers == 0:
            self.threads = ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1), thread_name_prefix="tomtat")
        else:
            self.processes = self._new_pool()

    def _new_pool(self) -> ProcessPool:
        # "spawn": forking a process that runs an event loop and threads is unsafe.
        # Each worker, the replacement of a stopped one included, imports the
        # pipeline before taking a job (``initializer``).
        return ProcessPool(
            max_workers=self.config.workers, initializer=start_worker, initargs=[os.getpid()],
            context=multiprocessing.get_context("spawn"),
        )

    def _submit(self, job: Job, request: Any) -> Future:
        if self.processes is not None:
            # pebble stops the worker if the job itself runs past the limit; a job that
            # waited in the queue is cancelled by ``run`` when the client's time is up.
            return self.processes.schedule(job, args=[request], timeout=self.config.timeout_seconds)
        assert self.threads is not None
        return self.threads.submit(job, request)

    async def _warm(self) -> None:
        """Wait until every worker (or, in thread mode, the server process) has the
        pipeline imported: in process mode the jobs only wait for the workers to be up."""
        count = max(1, self.config.workers)
        await asyncio.gather(*(asyncio.wrap_future(self._submit(warm_up, None)) for _ in range(count)))

    async def start(self) -> None:
        """Wait until the pipeline is imported before serving, then watch the pool."""
        await self._warm()
        self.ready = True
        if self.processes is not None:
            self._watchdog = asyncio.get_running_loop().create_task(self._watch())

    def workers_alive(self) -> int:
        """How many worker processes run now (thread mode: 0)."""
        pool = self.processes
        if pool is None or not pool.active:
            return 0
        # pebble keeps its processes by pid in the worker manager; read, never changed.
        manager = getattr(getattr(pool, "_pool_manager", None), "worker_manager", None)
        pids = list(getattr(manager, "workers", {}).keys())
        return sum(1 for pid in pids if _alive(pid))

    def healthy(self) -> bool:
        """Whether requests can be served now: the pool is up with all its workers."""
        if self.processes is None:
            return self.ready
        return self.ready and self.processes.active and self.workers_alive() == self.config.workers

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(WATCH_SECONDS)
            if self.processes is not None and not self.processes.active:
                await self._replace_pool()

    async def _replace_pool(self) -> None:
        """Replace a broken pool by a fresh one (once, however many callers ask)."""
        if self._replacing is None or self._replacing.done():
            self._replacing = asyncio.get_running_loop().create_task(self._do_replace())
        await asyncio.shield(self._replacing)

    async def _do_replace(self) -> None:
        old = self.processes
        if old is not None and old.active:
            return
        log.warning("a worker process died; starting a new worker pool")
        self.ready = False
        self.processes = self._new_pool()
        # The new workers start while the old pool stops (its join blocks: not on the loop).
        stopping = asyncio.to_thread(_stop_pool, old) if old is not None else asyncio.sleep(0)
        await asyncio.gather(self._warm(), stopping)
        self.ready = True

    def close(self) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
        if self.processes is not None:
            _stop_pool(self.processes)
        if self.threads is not None:
            self.threads.shutdown(wait=True, cancel_futures=True)

    async def run(self, job: Job, request: Any) -> Any:
        """``job(request)`` in the pool; 503 when the queue is full or a worker died
        on this request, 504 past the time limit."""
        if self.pending >= self.config.max_pending:
            raise ApiError(503, "busy", f"the server is busy ({self.pending} requests waiting); try again shortly",
                           headers={"retry-after": "1"})
        self.pending += 1
        try:
            if self.processes is not None and not self.processes.active:
                await self._replace_pool()
            try:
                future = self._submit(job, request)
            except RuntimeError:  # pebble: the pool broke since the check above
                if self.processes is None:
                    raise
                await self._replace_pool()
                future = self._submit(job, request)
            try:
                # Cancelling the wrapper on timeout cancels ``future``: a queued job is
                # dropped and, in a worker process, a running one is stopped.
                return await asyncio.wait_for(asyncio.wrap_future(future), self.config.timeout_seconds)
            except TimeoutError:
                future.cancel()
                raise ApiError(504, "timeout",
                               f"the request took longer than the {self.config.timeout_seconds:g} s limit") from None
        except (ProcessExpired, BrokenProcessPool):
            raise ApiError(503, "worker_failed", "a worker process died on this request; try again",
                           headers={"retry-after": "1"}) from None
        finally:
            self.pending -= 1


def _stop_pool(pool: ProcessPool) -> None:
    pool.stop()
    pool.join(timeout=10)
