"""The worker pool of a real ``tomtat serve``: a dead worker is replaced, the service
keeps answering and ``/healthz`` tells the truth. (SIGTERM taking every worker with it:
tests/server/test_serve_command.py.)"""

from __future__ import annotations

import os
import signal
import time

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("uvicorn", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
httpx = pytest.importorskip("httpx", reason="httpx (for the test client) is not installed: pip install -e '.[server-test]'")

from serve_process import BODY


def wait_for(predicate, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def served(served_app):
    """The session's real ``tomtat serve --workers 2`` (conftest), whole again after each test."""
    yield served_app
    assert wait_for(lambda: len(served_app.workers()) == 2
                    and httpx.get(f"{served_app.url}/healthz", timeout=5).status_code == 200)


def test_a_killed_idle_worker_is_replaced_and_requests_keep_succeeding(served):
    before = served.workers()
    assert len(before) == 2
    os.kill(before[0], signal.SIGKILL)
    # Until the pool is whole again /healthz must not claim it is.
    assert wait_for(lambda: httpx.get(f"{served.url}/healthz", timeout=5).status_code == 200
                    and len(served.workers()) == 2 and before[0] not in served.workers())
    health = httpx.get(f"{served.url}/healthz", timeout=5).json()
    assert health["status"] == "ok" and health["workers_alive"] == 2
    for _ in range(5):
        r = httpx.post(f"{served.url}/v1/summarize", json=BODY, timeout=30)
        assert r.status_code == 200, r.text
    assert httpx.get(f"{served.url}/healthz", timeout=5).json()["pending"] == 0


def test_requests_right_after_a_worker_dies_do_not_fail_or_leak(served):
    """Requests that arrive while the pool is being replaced wait for it (or get a
    503 to retry), never a 500, and the pending count returns to zero."""
    os.kill(served.workers()[0], signal.SIGKILL)
    codes = [httpx.post(f"{served.url}/v1/summarize", json=BODY, timeout=30).status_code for _ in range(3)]
    assert set(codes) <= {200, 503}, codes
    assert codes[-1] == 200
    assert wait_for(lambda: httpx.get(f"{served.url}/healthz", timeout=5).json().get("pending") == 0, 10)
