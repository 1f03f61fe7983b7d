"""Fixtures for the HTTP service tests: an in-process client and invented articles."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # serve_process, thread_server: real servers for tests

from thread_server import LiveServer, serving  # noqa: E402

# The server extra is optional: each test module skips itself (pytest.importorskip)
# when fastapi, uvicorn or httpx is missing, so this file imports them only lazily.

# Invented news about an invented bridge: no real article text.
ARTICLE_A = {
    "id": "a",
    "title": "Thông xe cầu Sông Xanh sau hai năm thi công",
    "text": (
        "Sáng 12/3, tỉnh Bình Lâm chính thức thông xe cầu Sông Xanh nối hai huyện Đông Hà và Tây Sơn.\n"
        "Cây cầu dài 1,2 km, có bốn làn xe, tổng vốn đầu tư khoảng 900 tỷ đồng.\n"
        "Theo ông Trần Văn Minh, Giám đốc Sở Giao thông, cây cầu giúp rút ngắn quãng đường từ 40 km xuống còn 8 km.\n"
        "Người dân hai bên sông đã chờ đợi công trình này hơn mười năm."
    ),
}
ARTICLE_B = {
    "id": "b",
    "title": "Cầu Sông Xanh rút ngắn đường về trung tâm tỉnh",
    "text": (
        "Cầu Sông Xanh được thông xe sáng nay sau hai năm thi công, sớm hơn kế hoạch ba tháng.\n"
        "Trước đây, người dân huyện Tây Sơn phải đi phà hoặc vòng qua quốc lộ để đến trung tâm tỉnh.\n"
        "Ông Trần Văn Minh cho biết tỉnh sẽ lắp đèn chiếu sáng và camera giám sát trên cầu trong tháng tới."
    ),
}


def make_client(**limits):
    """A ``TestClient`` for a fresh app (threads, no worker processes) with the given limits."""
    from fastapi.testclient import TestClient

    from tomtat.server import ServerConfig, create_app

    return TestClient(create_app(ServerConfig(**limits)), raise_server_exceptions=False)


@pytest.fixture
def client():
    with make_client() as c:
        yield c


@pytest.fixture
def articles() -> list[dict]:
    return [dict(ARTICLE_A), dict(ARTICLE_B)]


@pytest.fixture
def client_with():
    """``client_with(max_articles=3)``: a client for an app with other limits."""
    opened = []

    def factory(**limits):
        c = make_client(**limits)
        c.__enter__()
        opened.append(c)
        return c

    yield factory
    for c in opened:
        c.__exit__(None, None, None)


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServer]:
    """A real uvicorn server on 127.0.0.1 (a free port) in a thread, limit 10 MB."""
    from tomtat.server import ServerConfig, create_app

    with serving(create_app(ServerConfig())) as server:
        yield server


@pytest.fixture(scope="session")
def served_app():
    """A real ``tomtat serve --workers 2`` process on 127.0.0.1 (shared; never stopped by a test)."""
    from serve_process import ServeProcess

    server = ServeProcess(["--workers", "2"]).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def live_server_app() -> Iterator[LiveServer]:
    """Like ``live_server``, with one more route, ``GET /boom``, that fails unexpectedly."""
    from tomtat.server import ServerConfig, create_app

    app = create_app(ServerConfig())

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("a bug")

    with serving(app, log_level="critical") as server:
        yield server
