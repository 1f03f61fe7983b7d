"""Errors over a real connection: a lone surrogate, an unexpected failure, malformed
JSON. Every answer is JSON, carries the security headers, and the connection stays usable."""

from __future__ import annotations

import json
import socket

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("uvicorn", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("httpx", reason="httpx (for the test client) is not installed: pip install -e '.[server-test]'")

from tomtat.server.limits import SECURITY_HEADERS


def exchange(sock: socket.socket, method: str, path: str, body: bytes = b"", host: str = "127.0.0.1") -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.1 request on an open keep-alive connection; (status, headers, body)."""
    head = f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    sock.sendall(head.encode() + body)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, "connection closed before the answer"
        data += chunk
    raw_head, rest = data.split(b"\r\n\r\n", 1)
    lines = raw_head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    length = int(headers.get("content-length", "0")) if method != "HEAD" else 0
    while len(rest) < length:
        chunk = sock.recv(65536)
        assert chunk, "connection closed in the middle of the answer"
        rest += chunk
    return int(lines[0].split()[1]), headers, rest


def has_security_headers(headers: dict[str, str]) -> bool:
    return all(name.decode() in headers for name, _ in SECURITY_HEADERS)


def test_a_lone_surrogate_is_replaced_and_the_connection_goes_on(served_app):
    article = {"id": "a\ud800", "title": "Mưa \udc00 lớn", "text": "Hà Nội mưa lớn chiều nay \ud800. Nhiều tuyến phố bị ngập sâu."}
    body = json.dumps({"articles": [article]}).encode()  # ASCII: "\ud800" escapes
    with socket.create_connection(("127.0.0.1", served_app.port), timeout=30) as sock:
        status, headers, answer = exchange(sock, "POST", "/v1/summarize", body)
        assert status == 200, answer
        assert has_security_headers(headers)
        summary = json.loads(answer)
        assert "\ufffd" in summary["summary"] and summary["sentences"][0]["article_id"] == "a\ufffd"
        status, _, _ = exchange(sock, "GET", "/healthz")
        assert status == 200


def test_an_unexpected_failure_is_a_json_500_with_the_headers_and_the_connection_survives(live_server_app):
    with socket.create_connection(("127.0.0.1", live_server_app.port), timeout=30) as sock:
        status, headers, answer = exchange(sock, "GET", "/boom")
        assert status == 500 and json.loads(answer)["error"]["code"] == "internal_error"
        assert has_security_headers(headers)
        assert b"Traceback" not in answer
        status, _, _ = exchange(sock, "GET", "/healthz")
        assert status == 200


def test_head_of_the_page_answers(client):
    r = client.head("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")


def test_malformed_json_message_reads_well(client):
    r = client.post("/v1/summarize", content=b'{"articles": [{"text": "abc', headers={"content-type": "application/json"})
    error = r.json()["error"]
    assert r.status_code == 400 and error["code"] == "malformed_json"
    assert "at at" not in error["message"] and "Unterminated string" in error["message"]


def test_a_body_that_is_not_utf8_is_malformed_json(client):
    r = client.post("/v1/summarize", content=b'{"articles": [{"text": "a\x80"}]}', headers={"content-type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "malformed_json"
