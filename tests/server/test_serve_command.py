"""``tomtat serve``: safe defaults and clear errors, without starting a server."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("uvicorn", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("httpx", reason="httpx (for the test client) is not installed: pip install -e '.[server-test]'")

from pathlib import Path

from serve_process import children_of, is_worker

from tomtat.cli import build_parser, main


def test_defaults_bind_to_this_machine_only():
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
    assert args.port == 8000
    assert args.workers is None  # one per CPU


def test_serve_builds_the_app_with_the_limits_given(monkeypatch):
    import uvicorn

    seen = {}

    def fake_run(app, **kwargs):
        seen["app"] = app
        seen.update(kwargs)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    code = main(["serve", "--port", "9123", "--workers", "0", "--max-articles", "5", "--max-body-mb", "1", "--timeout", "3"])
    assert code == 0
    assert seen["host"] == "127.0.0.1" and seen["port"] == 9123
    config = seen["app"].state.config
    assert (config.max_articles, config.max_body_bytes, config.timeout_seconds, config.workers) == (5, 2**20, 3.0, 0)


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["serve", "--port", "70000"], "--port"),
        (["serve", "--workers", "-1"], "--workers"),
        (["serve", "--max-articles", "0"], "--max-articles"),
        (["serve", "--max-body-mb", "0"], "--max-body-mb"),
        (["serve", "--timeout", "nan"], "--timeout"),
        (["serve", "--max-connections", "0"], "--max-connections"),
        (["serve", "--allowed-hosts", "a,,b"], "--allowed-hosts"),
    ],
)
def test_bad_options_are_one_line_errors(argv, needle, capsys, monkeypatch):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("must not start"))
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("tomtat: error:") and needle in err
    assert "Traceback" not in err


def test_listening_beyond_this_machine_warns(monkeypatch, capsys):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: None)
    assert main(["serve", "--host", "0.0.0.0"]) == 0
    assert "no login" in capsys.readouterr().err


def test_serve_runs_and_stops_cleanly(tmp_path):
    """The real command: it answers on 127.0.0.1 with worker processes and shuts down cleanly on SIGTERM."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "PYTHONPATH": str(src) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "tomtat", "serve", "--port", str(port), "--workers", "1"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read()
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
        assert r.json()["workers"] == 1
        workers = [pid for pid in children_of(proc.pid) if is_worker(pid)]
        assert len(workers) == 1
        answer = httpx.post(f"http://127.0.0.1:{port}/v1/summarize", timeout=30,
                            json={"articles": [{"text": "Hà Nội mưa lớn chiều nay. Nhiều tuyến phố bị ngập sâu."},
                                               {"text": "Mưa lớn làm nhiều phố ở Hà Nội ngập sâu chiều nay."}]})
        assert answer.status_code == 200 and answer.json()["sentences"]
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    # uvicorn shuts down, then re-raises the signal so the exit status reports it.
    assert proc.returncode in (0, -signal.SIGTERM), err
    assert "Application shutdown complete" in err
    assert "Traceback" not in err and "leaked" not in err
    deadline = time.monotonic() + 10  # SIGTERM to the server takes its workers with it
    while any(Path(f"/proc/{pid}").exists() and not _zombie(pid) for pid in workers):
        assert time.monotonic() < deadline, "a worker outlived the server"
        time.sleep(0.1)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0] == b"Z"
    except OSError:
        return True


def test_too_many_workers_are_refused_with_the_bound(capsys, monkeypatch):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("must not start"))
    assert main(["serve", "--workers", "1000"]) == 2
    err = capsys.readouterr().err
    assert "--workers 1000" in err and "CPU" in err and "Traceback" not in err


def test_serving_on_loopback_checks_the_host_header(monkeypatch):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **k: seen.update(app=app))
    assert main(["serve", "--workers", "0"]) == 0
    assert "localhost" in seen["app"].state.config.allowed_hosts
    assert main(["serve", "--workers", "0", "--host", "0.0.0.0", "--allowed-hosts", "news.example"]) == 0
    assert seen["app"].state.config.allowed_hosts == ("news.example",)
