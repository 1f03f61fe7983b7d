"""A real uvicorn server for tests, in a thread of the test process, on 127.0.0.1 at a
free port: started, waited for, and stopped in one place for every fixture that needs one."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest


@dataclass
class LiveServer:
    host: str
    port: int

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


@contextmanager
def serving(app: Any, log_level: str = "warning") -> Iterator[LiveServer]:
    """``app`` (an ASGI app) served until the block ends; the test fails if it does not
    start within 30 s."""
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level=log_level))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield LiveServer("127.0.0.1", port)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
