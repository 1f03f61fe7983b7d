"""The worker pool of a real ``tomtat serve``: a dead worker is replaced, the service
keeps answering, ``/healthz`` tells the truth and SIGTERM takes every worker with it."""

from __future__ import annotations

import os
import signal
import time

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("uvicorn", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
httpx = pytest.importorskip("httpx", reason="httpx (for the test client) is not installed: pip install -e '.[server-test]'")

from serve_process import BODY, ServeProcess


def wait_for(predicate, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture(scope="module")
def served():
    server = ServeProcess(["--workers", "2", "--timeout", "20"]).start()
    yield server
    server.stop()


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


def test_sigterm_takes_every_worker_with_it(served):
    """Last in this module: it stops the shared server."""
    workers = served.workers()
    assert len(workers) == 2
    err = served.stop()
    assert wait_for(lambda: not any(alive(pid) for pid in workers), 10), err
    assert "Traceback" not in err and "leaked" not in err
