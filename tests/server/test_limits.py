"""Limits and bad input: each gets a JSON error naming what is wrong."""

from __future__ import annotations

import select
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("uvicorn", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("httpx", reason="httpx (for the test client) is not installed: pip install -e '.[server-test]'")

from tomtat.server.jobs import summarize_job


def error_of(response, status):
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["status"] == status and error["message"]
    return error


def test_body_over_the_limit_gets_413(client_with):
    client = client_with(max_body_bytes=1000)
    big = {"articles": [{"text": "chữ " * 1000}]}
    error = error_of(client.post("/v1/summarize", json=big), 413)
    assert error["code"] == "body_too_large"


def test_chunked_body_over_the_limit_gets_413(client_with):
    client = client_with(max_body_bytes=1000)

    def chunks():
        for _ in range(100):
            yield b"x" * 1000

    r = client.post("/v1/summarize", content=chunks(), headers={"content-type": "application/json"})
    error_of(r, 413)


def test_live_server_refuses_a_large_body_before_it_is_all_sent(live_server):
    """A chunked upload is cut off once it passes the limit: the 413 arrives while
    most of the body is still unsent."""
    host, port = live_server.host, live_server.port
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(
            b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"x" * 65536
        sent = 0
        answer = b""
        try:
            while sent < 64 * 2**20 and b"\r\n\r\n" not in answer:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
                if select.select([sock], [], [], 0)[0]:
                    answer += sock.recv(65536)
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            while b"\r\n\r\n" not in answer:
                data = sock.recv(65536)
                if not data:
                    break
                answer += data
        except (TimeoutError, ConnectionResetError):
            pass
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 64 * 2**20


def test_too_many_articles_gets_422(client_with):
    client = client_with(max_articles=3)
    r = client.post("/v1/summarize", json={"articles": [{"text": "Một câu."}] * 4})
    error = error_of(r, 422)
    assert error["field"] == "articles" and "3" in error["message"]


def test_malformed_json_gets_400(client):
    r = client.post("/v1/summarize", content=b'{"articles": [', headers={"content-type": "application/json"})
    error = error_of(r, 400)
    assert error["code"] == "malformed_json"


def test_body_that_is_not_json_gets_415(client):
    r = client.post("/v1/summarize", content=b"articles", headers={"content-type": "text/plain"})
    error_of(r, 415)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "articles"),
        ({"articles": []}, "articles"),
        ({"articles": [{"text": "Một câu."}, {"title": "Không có nội dung"}]}, "articles[1].text"),
        ({"articles": [{"text": 42}]}, "articles[0].text"),
        ({"articles": [{"txt": "gõ nhầm tên trường"}]}, "articles[0].txt"),
        ({"articles": [{"text": "a", "html": "<p>a</p>"}]}, "articles[0].html"),
        ({"articles": [{"text": "Một câu."}], "words": 0}, "words"),
        ({"articles": [{"text": "Một câu."}], "ratio": 2}, "ratio"),
        ({"articles": [{"text": "Một câu."}], "method": "không-có"}, "method"),
        ({"articles": [{"text": "Một câu."}], "words": True}, "words"),
        ({"articles": [{"text": "Một câu."}], "words": "50"}, "words"),
        ({"articles": [{"text": "Một câu."}], "include_text": "yes"}, "include_text"),
        ({"articles": [{"text": "Một câu.", "title": 7}]}, "articles[0].title"),
    ],
)
def test_bad_fields_are_named(client, body, field):
    error = error_of(client.post("/v1/summarize", json=body), 422)
    assert error["field"] == field
    assert field in error["message"]


def test_clean_checks_articles_too(client):
    error = error_of(client.post("/v1/clean", json={"articles": [{"title": "x"}]}), 422)
    assert error["field"] == "articles[0].text"


def test_pipeline_input_errors_are_422(client):
    r = client.post("/v1/summarize", json={"articles": [{"id": "x", "text": "Một."}, {"id": "x", "text": "Hai."}]})
    error = error_of(r, 422)
    assert "x" in error["message"]


def test_unknown_path_is_a_json_404(client):
    assert error_of(client.get("/etc/passwd"), 404)["code"] == "not_found"
    assert error_of(client.get("/static/../pyproject.toml"), 404)


def slow_job(request):
    time.sleep(1.0)
    return summarize_job(request)


def test_time_limit_gets_504(client_with, monkeypatch, articles):
    import tomtat.server.routes as routes

    monkeypatch.setattr(routes, "summarize_job", slow_job)
    client = client_with(timeout_seconds=0.2)
    error = error_of(client.post("/v1/summarize", json={"articles": articles}), 504)
    assert error["code"] == "timeout"


def test_full_queue_gets_503(client_with, monkeypatch, articles):
    import tomtat.server.routes as routes

    monkeypatch.setattr(routes, "summarize_job", slow_job)
    client = client_with(max_pending=1)
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(client.post, "/v1/summarize", json={"articles": articles})
        time.sleep(0.3)  # the first request is now being worked on
        second = client.post("/v1/summarize", json={"articles": articles})
        assert first.result().status_code == 200
    error = error_of(second, 503)
    assert error["code"] == "busy"
    assert second.headers["retry-after"]


def test_paths_in_a_request_are_only_text(client):
    """A request that names files gets them treated as words, never opened."""
    body = {"articles": [{"id": "../../etc/passwd", "text": "/etc/passwd là một đường dẫn. Máy chủ không mở nó.",
                          "url": "file:///etc/passwd"}], "include_text": True}
    data = client.post("/v1/summarize", json=body).json()
    assert "root:" not in str(data)
    assert data["articles"][0]["text"].startswith("/etc/passwd")


def test_a_job_past_the_time_limit_is_stopped_in_its_worker_process():
    """A 504 frees the worker: the job is stopped, not left running for a minute,
    and a fresh worker takes the next request."""
    import asyncio
    import multiprocessing
    import operator
    import os

    from tomtat.server.config import ServerConfig
    from tomtat.server.errors import ApiError
    from tomtat.server.runner import Runner

    async def scenario() -> None:
        runner = Runner(ServerConfig(workers=1, timeout_seconds=1.0))
        try:
            await runner.start()
            stuck = await runner.run(operator.call, os.getpid)  # the one worker's pid
            with pytest.raises(ApiError) as caught:
                await runner.run(time.sleep, 60)
            assert caught.value.status == 504
            fresh = None
            deadline = time.monotonic() + 30
            while fresh is None and time.monotonic() < deadline:
                try:
                    fresh = await runner.run(operator.call, os.getpid)
                except ApiError:  # the replacement may still be importing the pipeline
                    await asyncio.sleep(0.2)
            assert fresh is not None and fresh != stuck
            assert stuck not in {p.pid for p in multiprocessing.active_children()}
        finally:
            runner.close()

    asyncio.run(scenario())


@pytest.mark.parametrize(("extra", "field"), [({"words": True}, "words"), ({"include_text": "yes"}, "include_text"),
                                              ({"words": "10"}, "words")])
def test_types_are_strict(client, extra, field):
    r = client.post("/v1/summarize", json={"articles": [{"text": "Hà Nội mưa lớn."}], **extra})
    assert r.status_code == 422 and r.json()["error"]["field"] == field


def test_host_header_outside_the_allowed_hosts_is_refused(client_with):
    client = client_with(allowed_hosts=("127.0.0.1", "localhost"))
    assert client.get("/healthz", headers={"host": "evil.example"}).json()["error"]["code"] == "host_not_allowed"
    assert client.get("/healthz", headers={"host": "localhost:8000"}).status_code == 200
