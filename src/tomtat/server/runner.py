"""Runs the CPU-bound pipeline off the event loop, with a time limit and a bound
on the queue.

With ``workers == 0`` jobs run on a thread pool in the server process; with
``workers >= 1`` they run in that many worker processes (true parallelism: the
pipeline holds the GIL most of the time), managed by pebble's ``ProcessPool``.

Past the time limit the client gets a 504 at once. A job still waiting for a worker
is dropped; in worker processes, a job already running is stopped too: pebble ends
that worker and starts a fresh one, so slow requests can never pile up and hold
every worker (a thread cannot be stopped: in thread mode the job runs to its end).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from pebble import ProcessExpired, ProcessPool

from tomtat.server.config import ServerConfig
from tomtat.server.errors import ApiError
from tomtat.server.jobs import warm_up

Job = Callable[[Any], Any]


class Runner:
    """Owns the worker pool of one app; created and closed by the app's lifespan."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.pending = 0
        self.threads: ThreadPoolExecutor | None = None
        self.processes: ProcessPool | None = None
        if config.workers == 0:
            self.threads = ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1), thread_name_prefix="tomtat")
        else:
            # "spawn": forking a process that runs an event loop and threads is unsafe.
            # Each worker, the replacement of a stopped one included, imports the
            # pipeline before taking a job (``initializer``).
            self.processes = ProcessPool(
                max_workers=config.workers, initializer=warm_up, context=multiprocessing.get_context("spawn")
            )

    def _submit(self, job: Job, request: Any) -> Future:
        if self.processes is not None:
            # pebble stops the worker if the job itself runs past the limit; a job that
            # waited in the queue is cancelled by ``run`` when the client's time is up.
            return self.processes.schedule(job, args=[request], timeout=self.config.timeout_seconds)
        assert self.threads is not None
        return self.threads.submit(job, request)

    async def start(self) -> None:
        """Wait until the pipeline is imported before serving: in thread mode these jobs
        warm the server process; in process mode each worker's initializer has done it
        and the jobs only wait for the workers to be up."""
        count = max(1, self.config.workers)
        await asyncio.gather(*(asyncio.wrap_future(self._submit(warm_up, None)) for _ in range(count)))

    def close(self) -> None:
        if self.processes is not None:
            self.processes.stop()
            self.processes.join()
        if self.threads is not None:
            self.threads.shutdown(wait=True, cancel_futures=True)

    async def run(self, job: Job, request: Any) -> Any:
        """``job(request)`` in the pool; 503 when the queue is full, 504 past the time limit."""
        if self.pending >= self.config.max_pending:
            raise ApiError(503, "busy", f"the server is busy ({self.pending} requests waiting); try again shortly",
                           headers={"retry-after": "1"})
        self.pending += 1
        future = self._submit(job, request)
        try:
            # Cancelling the wrapper on timeout cancels ``future``: a queued job is
            # dropped and, in a worker process, a running one is stopped.
            return await asyncio.wait_for(asyncio.wrap_future(future), self.config.timeout_seconds)
        except TimeoutError:
            future.cancel()
            raise ApiError(504, "timeout", f"the request took longer than the {self.config.timeout_seconds:g} s limit") from None
        except (ProcessExpired, BrokenProcessPool):
            raise ApiError(503, "worker_failed", "a worker process died on this request; try again") from None
        finally:
            self.pending -= 1
