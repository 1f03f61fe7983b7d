"""A per-host delay between requests, interruptible by a stop request.

Waits are summed in ``waited`` so a run can tell the time it spent being polite from
the time it spent working (docs/BENCHMARKS.md, "Fetching").
"""

from __future__ import annotations

import threading
import time


class HostPacer:
    """Spaces requests to one host at least ``delay`` seconds apart (per host)."""

    def __init__(self, delay: float, stop: threading.Event) -> None:
        self.delay = delay
        self.waited = 0.0
        self._stop = stop
        self._next: dict[str, float] = {}
        self._extra: dict[str, float] = {}

    def ask_for(self, host: str, delay: float) -> None:
        """A host asked for a longer delay (robots.txt ``Crawl-delay``)."""
        self._extra[host] = max(self._extra.get(host, 0.0), delay)

    def wait_turn(self, host: str) -> bool:
        """Sleep until ``host`` may be called again; False when a stop was requested."""
        now = time.monotonic()
        due = self._next.get(host, now)
        if due > now:
            started = now
            self._stop.wait(due - now)
            self.waited += time.monotonic() - started
        if self._stop.is_set():
            return False
        self._next[host] = time.monotonic() + max(self.delay, self._extra.get(host, 0.0))
        return True

    def pause(self, seconds: float) -> bool:
        """A backoff pause (counted as waiting); False when a stop was requested."""
        started = time.monotonic()
        self._stop.wait(seconds)
        self.waited += time.monotonic() - started
        return not self._stop.is_set()
