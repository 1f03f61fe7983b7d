"""Summarisers: where a ``Store`` has its changed stories summarised, in the background or not.

Both kinds take snapshots (``submit``) and hand back (snapshot, result) pairs; the
caller stores them. A story submitted again while its earlier snapshot still waits (it
changed again before its turn) waits once, with its newest snapshot: it is summarised
once, for its latest membership. ``outstanding`` says which (story, revision) pairs
are waiting, being summarised or summarised and not yet taken, so a caller does not
submit them twice.

``InlineSummarizer`` summarises in the calling process, when asked for results.

``SummaryWorkers`` summarises in worker processes, each with its own ``ArticleCache``,
while the caller goes on (storing and grouping the next articles): a dispatcher thread
feeds the workers and collects their answers. A story is summarised again each time
articles join it, and the per-article share of that work (``tomtat.article_cache``) is
kept by the process that did it, so each story goes to the same worker every time (its
id modulo the number of workers), while a worker with an empty queue takes the last
story of the longest other queue rather than wait. Each worker holds one story at a
time (nothing piles up in a pipe). A worker that dies makes the next ``done`` or
``wait`` raise ``StoreError``: nothing it was doing is stored, and the stories stay
marked as needing a version (the store is what says which stories need one, so what
was queued is found again). A dead worker is started again at the next ``submit``.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Protocol

from tomtat.article_cache import DEFAULT_SIZE, ArticleCache
from tomtat.store.engine import StoreError
from tomtat.store.versions import Made, Settings, Snapshot, summarize_story

STOP_SECONDS = 5.0
Done = list[tuple[Snapshot, Made]]


class Summarizer(Protocol):
    """What a ``Store`` needs of a summariser (see the module docstring)."""

    def submit(self, snapshots: Iterable[Snapshot]) -> None: ...
    def outstanding(self) -> set[tuple[int, int]]: ...
    def done(self) -> Done: ...
    def wait(self) -> Done: ...
    def close(self) -> None: ...


class InlineSummarizer:
    """Summarises in this process, with ``cache``, when results are asked for."""

    def __init__(self, settings: Settings, cache: ArticleCache) -> None:
        self.settings = settings
        self.cache = cache
        self._queued: dict[int, Snapshot] = {}

    def submit(self, snapshots: Iterable[Snapshot]) -> None:
        for snapshot in snapshots:
            self._queued[snapshot.story_id] = snapshot

    def outstanding(self) -> set[tuple[int, int]]:
        return {(s.story_id, s.revision) for s in self._queued.values()}

    def done(self) -> Done:
        """Every submitted snapshot, summarised now (by story id)."""
        queued, self._queued = self._queued, {}
        return [(s, summarize_story(s.cluster(), self.settings, self.cache)) for _, s in sorted(queued.items())]

    wait = done

    def close(self) -> None:
        self._queued = {}


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
        try:
            conn.send(answer)
        except OSError:  # the parent is gone (killed): nothing to answer to
            return


class SummaryWorkers:
    """``count`` worker processes (started on first use) summarising with ``settings``
    in the background (see the module docstring)."""

    def __init__(self, count: int, settings: Settings, cache_size: int = DEFAULT_SIZE) -> None:
        if count < 1:
            raise ValueError("count must be at least 1")
        self.count = count
        self.settings = settings
        self.cache_size = cache_size
        self._conns: list[Connection] = []
        self._procs: list[BaseProcess] = []
        self._thread: threading.Thread | None = None
        self._state = threading.Condition()
        # Guarded by _state:
        self._queues: list[deque[Snapshot]] = []
        self._queued: dict[int, Snapshot] = {}
        self._busy: dict[int, Snapshot] = {}
        self._results: Done = []
        self._error: BaseException | None = None
        self._stopping = False
        self._wake_in: Connection | None = None
        self._wake_out: Connection | None = None

    def _running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and all(proc.is_alive() for proc in self._procs)

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        for _ in range(self.count):
            parent, child = context.Pipe()
            proc = context.Process(target=_serve, args=(child, self.settings, self.cache_size), daemon=True)
            proc.start()
            child.close()
            self._conns.append(parent)
            self._procs.append(proc)
        self._wake_in, self._wake_out = multiprocessing.Pipe(duplex=False)
        self._queues = [deque() for _ in range(self.count)]
        self._stopping = False
        self._thread = threading.Thread(target=self._dispatch, name="tomtat-summary-dispatch", daemon=True)
        self._thread.start()

    def _wake(self) -> None:
        if self._wake_out is not None:
            self._wake_out.send(None)

    def submit(self, snapshots: Iterable[Snapshot]) -> None:
        """Queue these snapshots; a story already queued keeps its place with the newer one."""
        if not self._running():  # not started, or a worker died since
            self.close()
            self._start()
        with self._state:
            for snapshot in snapshots:
                queue = self._queues[snapshot.story_id % self.count]
                waiting = self._queued.get(snapshot.story_id)
                if waiting is None:
                    queue.append(snapshot)
                else:  # still in its own queue: only ``_next`` takes it out, and forgets it
                    queue[next(i for i, s in enumerate(queue) if s is waiting)] = snapshot
                self._queued[snapshot.story_id] = snapshot
        self._wake()

    def outstanding(self) -> set[tuple[int, int]]:
        with self._state:
            waiting = [*self._queued.values(), *self._busy.values(), *(s for s, _ in self._results)]
            return {(s.story_id, s.revision) for s in waiting}

    def _take(self, block: bool) -> Done:
        with self._state:
            while block and not self._results and self._error is None and (self._queued or self._busy):
                self._state.wait()
            error, results, self._results = self._error, self._results, []
        if error is not None:
            self.close()
            raise error
        return results

    def done(self) -> Done:
        """The results ready now (possibly none)."""
        return self._take(block=False)

    def wait(self) -> Done:
        """The results ready, waiting for at least one unless nothing is outstanding."""
        return self._take(block=True)

    def summarize(self, snapshots: Sequence[Snapshot]) -> Iterator[tuple[Snapshot, Made]]:
        """Submit the snapshots and yield every result, in the order they are done."""
        self.submit(snapshots)
        while results := self.wait():
            yield from results

    def _next(self, worker: int) -> Snapshot | None:
        """The snapshot ``worker`` takes next (its own queue first, else the end of the longest)."""
        queue = self._queues[worker] if self._queues[worker] else max(self._queues, key=len)
        if not queue:
            return None
        snapshot = queue.popleft() if queue is self._queues[worker] else queue.pop()
        del self._queued[snapshot.story_id]
        return snapshot

    def _dispatch(self) -> None:
        """The dispatcher thread: feed idle workers, collect answers, until stopped."""
        assert self._wake_in is not None
        try:
            while True:
                sends = []
                with self._state:
                    if self._stopping:
                        return
                    for worker in range(self.count):
                        if worker not in self._busy and (snapshot := self._next(worker)) is not None:
                            self._busy[worker] = snapshot
                            sends.append((worker, snapshot))
                for worker, snapshot in sends:
                    self._conns[worker].send(snapshot.cluster())
                with self._state:
                    busy = [self._conns[w] for w in self._busy]
                ready = wait([*busy, self._wake_in])
                while self._wake_in.poll():
                    self._wake_in.recv()
                for worker, conn in enumerate(self._conns):
                    if conn in ready:
                        answer = conn.recv()
                        with self._state:
                            if self._stopping:
                                return
                            snapshot = self._busy.pop(worker)
                            if isinstance(answer, BaseException):
                                self._error = answer
                                return
                            self._results.append((snapshot, answer))
                            self._state.notify_all()
        except (EOFError, OSError):
            with self._state:
                self._error = StoreError("a summary worker process stopped; run the same command again to finish")
        except Exception as err:  # whatever stops the dispatcher is raised to the caller, who would wait forever
            with self._state:
                self._error = err
        finally:
            with self._state:
                self._state.notify_all()

    def close(self) -> None:
        """Stop the dispatcher and the workers, forgetting what was queued (the store
        still marks those stories); they are started again on next use."""
        with self._state:
            self._stopping = True
            self._queues, self._queued, self._busy, self._results, self._error = [], {}, {}, [], None
        self._wake()
        if self._thread is not None:
            self._thread.join(STOP_SECONDS)
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
        for conn in [*self._conns, *(c for c in (self._wake_in, self._wake_out) if c is not None)]:
            conn.close()
        self._conns, self._procs, self._thread, self._wake_in, self._wake_out = [], [], None, None, None
