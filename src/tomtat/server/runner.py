"""Runs the CPU-bound pipeline off the event loop, with a time limit and a bound
on the queue.

With ``workers == 0`` jobs run on a thread pool in the server process; with
``workers >= 1`` they run in that many worker processes (true parallelism: the
pipeline holds the GIL most of the time). A job still waiting when its time is up is
dropped; one already running finishes in its worker, but its client gets a 504 at
once.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from tomtat.server.config import ServerConfig
from tomtat.server.errors import ApiError
from tomtat.server.jobs import warm_up

Job = Callable[[dict[str, Any]], dict[str, Any]]


class Runner:
    """Owns the worker pool of one app; created and closed by the app's lifespan."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.pending = 0
        self.executor = self._new_executor()

    def _new_executor(self) -> Executor:
        if self.config.workers == 0:
            return ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1), thread_name_prefix="tomtat")
        # "spawn": forking a process that runs an event loop and threads is unsafe.
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(max_workers=self.config.workers, mp_context=context)

    async def start(self) -> None:
        """Start the workers and import the pipeline in each before serving."""
        loop = asyncio.get_running_loop()
        count = max(1, self.config.workers)
        await asyncio.gather(*(loop.run_in_executor(self.executor, warm_up) for _ in range(count)))

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    async def run(self, job: Job, request: dict[str, Any]) -> dict[str, Any]:
        """``job(request)`` in the pool; 503 when the queue is full, 504 past the time limit."""
        if self.pending >= self.config.max_pending:
            raise ApiError(503, "busy", f"the server is busy ({self.pending} requests waiting); try again shortly",
                           headers={"retry-after": "1"})
        self.pending += 1
        try:
            loop = asyncio.get_running_loop()
            future = loop.run_in_executor(self.executor, job, request)
            return await asyncio.wait_for(future, self.config.timeout_seconds)
        except TimeoutError:
            raise ApiError(504, "timeout", f"the request took longer than the {self.config.timeout_seconds:g} s limit") from None
        except BrokenProcessPool:
            self.executor = self._new_executor()
            raise ApiError(503, "worker_failed", "a worker process died on this request; try again") from None
        finally:
            self.pending -= 1
