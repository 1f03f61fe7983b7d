"""Slow clients against a real ``tomtat serve`` with a small open-file limit: more
half-sent requests than it has file descriptors must not keep ``/healthz`` out, slow
connections are closed after the read timeout, and the log says so in a line or two."""

from __future__ import annotations

import socket
import time

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("uvicorn", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
httpx = pytest.importorskip("httpx", reason="httpx (for the test client) is not installed: pip install -e '.[server-test]'")

from serve_process import ServeProcess

from tomtat.server.connections import RateLimitedLog

SLOW = 300  # more than the server's 256 file descriptors


def test_healthz_answers_under_more_slow_connections_than_file_descriptors():
    server = ServeProcess(["--workers", "1", "--read-timeout", "2"], nofile=256).start()
    slow: list[socket.socket] = []
    try:
        for _ in range(SLOW):
            s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
            slow.append(s)
        for _ in range(5):
            r = httpx.get(f"{server.url}/healthz", timeout=5)
            assert r.status_code == 200
        # Every slow connection is closed by the server within the read timeout (+ slack).
        deadline = time.monotonic() + 10
        closed = 0
        for s in slow:
            s.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                closed += s.recv(1024) == b""
            except ConnectionResetError:
                closed += 1
            except TimeoutError:
                pass
        assert closed == SLOW
    finally:
        for s in slow:
            s.close()
        err = server.stop()
    assert "Too many open files" not in err
    assert err.count("did not send its request") <= 2 and err.count("connection limit") <= 2, err[-2000:]


def test_rate_limited_log_passes_one_line_per_message_and_window():
    import logging

    limit = RateLimitedLog(seconds=60)
    records = [logging.LogRecord("x", logging.WARNING, __file__, 1, "slow client %s", (i,), None) for i in range(100)]
    assert sum(limit.filter(r) for r in records) == 1
