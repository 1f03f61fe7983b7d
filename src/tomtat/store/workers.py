"""``SummaryWorkers``: worker processes that summarise stories, each with its own ``ArticleCache``.

A story is summarised again each time articles join it; the per-article share of that
work (``tomtat.article_cache``) is kept by the process that did it. So each story goes to
the same worker every time (its id modulo the number of workers), while a worker with an
empty queue takes the last story of the longest other queue rather than wait. Each
worker holds one story at a time (nothing piles up in a pipe) and sends back the pure
result of ``summarize_story``; the caller stores it. A worker that dies makes
``summarize`` raise ``StoreError``: nothing it was doing is stored, and the stories stay
marked as needing a version. Workers found dead when a call starts are started again.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator, Sequence
from typing import NoReturn
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from tomtat.article_cache import DEFAULT_SIZE, ArticleCache
from tomtat.store.engine import StoreError
from tomtat.store.versions import Made, Settings, Snapshot, summarize_story

STOP_SECONDS = 5.0


def _serve(conn: Connection, settings: Settings, cache_size: int) -> None:
    """A worker: summarise each cluster received, until told to stop or the parent goes."""
    cache = ArticleCache(cache_size)
    while True:
        try:
            cluster = conn.recv()
        except (EOFError, OSError):
            return
        if cluster is None:
            return
        try:
            answer: Made | BaseException = summarize_story(cluster, settings, cache)
        except Exception as err:  # handed to the parent, which raises it
            answer = err
        conn.send(answer)


class SummaryWorkers:
    """``count`` worker processes (started on first use) summarising with ``settings``."""

    def __init__(self, count: int, settings: Settings, cache_size: int = DEFAULT_SIZE) -> None:
        if count < 1:
            raise ValueError("count must be at least 1")
        self.count = count
        self.settings = settings
        self.cache_size = cache_size
        self._conns: list[Connection] = []
        self._procs: list[BaseProcess] = []

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        for _ in range(self.count):
            parent, child = context.Pipe()
            proc = context.Process(target=_serve, args=(child, self.settings, self.cache_size), daemon=True)
            proc.start()
            child.close()
            self._conns.append(parent)
            self._procs.append(proc)

    def summarize(self, snapshots: Sequence[Snapshot]) -> Iterator[tuple[Snapshot, Made]]:
        """(snapshot, result) for every snapshot, in the order they are done."""
        if not self._procs or not all(proc.is_alive() for proc in self._procs):  # not started, or one died since
            self.close()
            self._start()
        queues: list[deque[Snapshot]] = [deque() for _ in range(self.count)]
        for snapshot in snapshots:
            queues[snapshot.story_id % self.count].append(snapshot)
        busy: dict[int, Snapshot] = {}

        def feed(worker: int) -> None:
            if queues[worker]:
                snapshot = queues[worker].popleft()
            else:
                longest = max(queues, key=len)
                if not longest:
                    return
                snapshot = longest.pop()
            busy[worker] = snapshot
            try:
                self._conns[worker].send(snapshot.cluster())
            except OSError:
                self._stopped()

        try:
            for worker in range(self.count):
                feed(worker)
            while busy:
                ready = wait([self._conns[w] for w in busy])
                for worker in [w for w in busy if self._conns[w] in ready]:
                    snapshot = busy.pop(worker)
                    answer = self._receive(worker)
                    feed(worker)
                    yield snapshot, answer
        finally:
            if busy:  # left early (the caller failed): the workers' answers are stale
                self.close()

    def _receive(self, worker: int) -> Made:
        try:
            answer = self._conns[worker].recv()
        except (EOFError, OSError):
            self._stopped()
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def _stopped(self) -> NoReturn:
        self.close()
        raise StoreError("a summary worker process stopped; run the same command again to finish")

    def close(self) -> None:
        """Stop the workers (they are started again on next use)."""
        for conn in self._conns:
            try:
                conn.send(None)
            except (OSError, ValueError):
                pass
        for proc in self._procs:
            proc.join(STOP_SECONDS)
            if proc.is_alive():
                proc.terminate()
                proc.join()
        for conn in self._conns:
            conn.close()
        self._conns, self._procs = [], []
