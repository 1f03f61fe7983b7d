"""Connections that cannot starve the server: a read deadline and a connection cap.

uvicorn closes an idle kept-alive connection (``timeout_keep_alive``) but gives a new
connection all the time it wants to send its request: a few hundred clients sending
their headers one byte at a time hold every file descriptor the process may open, and
then nobody, ``/healthz`` included, gets in. ``guarded_protocol`` makes a uvicorn HTTP
protocol (h11) that

- closes a connection whose request (headers and body) is not fully received within
  ``read_timeout`` seconds of the connection, or of the previous answer on it;
- keeps at most ``max_connections`` open: a new connection over the cap closes the
  oldest one still waiting for its request (a slow client), or itself when every
  open connection has a request in progress, so file descriptors are never exhausted
  and a well-behaved client always gets in.

Each closing is logged through ``RateLimitedLog`` so a flood of them is one line.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger("tomtat.server")
HEADER_BYTES = 16 * 1024  # h11's limit on an incomplete request head (uvicorn's default is 16 KB too)


class RateLimitedLog(logging.Filter):
    """A logging filter: each distinct message (its template) passes at most once per
    ``seconds``; the next one that passes says how many were held back."""

    def __init__(self, seconds: float = 60.0) -> None:
        super().__init__()
        self.seconds = seconds
        self._last: dict[tuple[str, object], float] = {}
        self._held: dict[tuple[str, object], int] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.msg)
        now = time.monotonic()
        last = self._last.get(key)
        if last is not None and now - last < self.seconds:
            self._held[key] = self._held.get(key, 0) + 1
            return False
        self._last[key] = now
        held = self._held.pop(key, 0)
        if held:
            record.msg = f"{record.msg} ({held} more like this in the last {self.seconds:g} s)"
        return True


def install_rate_limit(seconds: float = 60.0) -> RateLimitedLog:
    """Put one ``RateLimitedLog`` on the loggers a flood of bad clients writes to."""
    limit = RateLimitedLog(seconds)
    for name in ("uvicorn.error", "asyncio", "tomtat.server"):
        logging.getLogger(name).addFilter(limit)
    return limit


def guarded_protocol(read_timeout: float, max_connections: int) -> type[H11Protocol]:
    """A uvicorn h11 protocol class with this read deadline and connection cap."""

    class GuardedH11Protocol(H11Protocol):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._opened = 0.0
            self._deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._opened = time.monotonic()
            if len(self.connections) > max_connections and not self._make_room():
                log.warning("connection limit (%d) reached with every connection busy; refusing new ones", max_connections)
                self.transport.close()
                return
            self._arm()

        def _waiting(self) -> bool:
            """Still receiving its request (headers or body), nothing answered yet."""
            return self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and self.conn.our_state in (h11.IDLE, h11.SEND_RESPONSE)

        def _make_room(self) -> bool:
            """Close the oldest other connection still waiting for its request."""
            waiting = [c for c in self.connections if c is not self and isinstance(c, GuardedH11Protocol) and c._waiting()]
            if not waiting:
                return False
            oldest = min(waiting, key=lambda c: c._opened)
            log.warning("connection limit (%d) reached; closing the oldest connection still sending its request",
                        max_connections)
            oldest.transport.close()
            self.connections.discard(oldest)
            return True

        def _arm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
            self._deadline = self.loop.call_later(read_timeout, self._read_timed_out)

        def _read_timed_out(self) -> None:
            self._deadline = None
            if self.transport.is_closing():
                return
            if self._waiting():
                log.warning("a client did not send its request within %g s; connection closed", read_timeout)
                self.transport.close()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._opened = time.monotonic()
                self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None
            super().connection_lost(exc)

    return GuardedH11Protocol
