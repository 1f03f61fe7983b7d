"""The story store over HTTP: JSON reads, POST /v1/articles (limits, who may write), pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("httpx", reason="httpx (for the test client) is not installed: pip install -e '.[server-test]'")

from fastapi.testclient import TestClient  # noqa: E402

from tomtat.server import ServerConfig, create_app  # noqa: E402

XSS_TITLE = '<img src=x onerror="window.__pwned=1">Bão số 7 vào Thanh Hóa'


def _client(tmp_path: Path, **config: object) -> TestClient:
    return TestClient(create_app(ServerConfig(db=str(tmp_path / "news.db"), **config)), raise_server_exceptions=False)


def _body(rows: list[dict[str, str]]) -> dict:
    return {"articles": [{k: r[k] for k in ("id", "title", "text", "published", "url", "source")} for r in rows]}


def test_add_then_read_stories(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    with _client(tmp_path) as client:
        added = client.post("/v1/articles", json=_body(rows[:6]))
        assert added.status_code == 200 and len(added.json()["added"]) == 6
        again = client.post("/v1/articles", json=_body(rows))
        assert len(again.json()["added"]) == 3 and len(again.json()["already_stored"]) == 6
        listed = client.get("/v1/stories").json()["stories"]
        assert len(listed) == 3 and all(c["articles"] == 3 for c in listed)
        assert {"headline", "sources", "first_published", "last_published", "actors"} <= set(listed[0])
        found = client.get("/v1/stories", params={"query": "gạo xuất khẩu"}).json()["stories"]
        assert len(found) == 1 and "gạo" in found[0]["headline"].lower()
        story = client.get(f"/v1/stories/{found[0]['id']}").json()
        assert story["latest"]["summary"]["sentences"] and len(story["article_list"]) == 3
        assert story["whats_new"]["since"] == 1 and len(story["whats_new"]["new_articles"]) == 1
        history = client.get(f"/v1/stories/{found[0]['id']}/versions").json()["versions"]
        assert [v["number"] for v in history] == [2, 1]
        assert client.get("/v1/stories/999").status_code == 404
        assert client.get("/v1/stories/999/versions").json()["error"]["code"] == "not_found"


def test_post_articles_validation_and_limits(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    with _client(tmp_path, max_articles=2) as client:
        assert client.post("/v1/articles", json=_body(rows[:3])).json()["error"]["code"] == "too_many_articles"
        assert client.post("/v1/articles", json={"articles": [{"title": "x"}]}).status_code == 422
        assert client.post("/v1/articles", json={"articles": [{"text": "x", "txt": "y"}]}).status_code == 422


def test_writes_need_the_token_when_one_is_given(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    with _client(tmp_path, write_token="s3cret") as client:
        assert client.post("/v1/articles", json=_body(rows[:1])).status_code == 401
        assert client.post("/v1/articles", json=_body(rows[:1]), headers={"authorization": "Bearer wrong"}).status_code == 401
        assert client.post("/v1/articles", json=_body(rows[:1]), headers={"authorization": "Bearer s3cret"}).status_code == 200
    far = TestClient(create_app(ServerConfig(db=str(tmp_path / "news.db"))), client=("203.0.113.5", 4000), raise_server_exceptions=False)
    with far:
        answer = far.post("/v1/articles", json=_body(rows[1:2]))
        assert answer.status_code == 403 and "this machine" in answer.json()["error"]["message"]
        assert far.get("/v1/stories").status_code == 200  # reading is open


def test_pages_escape_article_text(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    evil = dict(rows[0], id="evil", url="javascript:alert(1)", title=XSS_TITLE, text=rows[0]["text"] + "\n<script>window.__pwned=2</script> vẫn là chữ.")
    with _client(tmp_path) as client:
        client.post("/v1/articles", json=_body([evil, *rows[1:]]))
        listing = client.get("/stories").text
        assert "<img src=x" not in listing and "&lt;img src=x" in listing
        story_id = client.get("/v1/stories", params={"query": "thanh hóa"}).json()["stories"][0]["id"]
        page = client.get(f"/stories/{story_id}").text
        assert "<script>window" not in page and "&lt;script&gt;window.__pwned=2&lt;/script&gt;" in page
        assert "javascript:" not in page
        assert client.get(f"/stories/{story_id}/versions").status_code == 200
        assert client.get("/stories/12345").status_code == 404


def test_story_page_labels_actor_types_and_skips_whats_new_on_a_first_version(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    with _client(tmp_path) as client:
        client.post("/v1/articles", json=_body(rows[:3]))
        story_id = client.get("/v1/stories").json()["stories"][0]["id"]
        page = client.get(f"/stories/{story_id}").text
        assert "phiên bản 1" in page and "Có gì mới" not in page  # nothing earlier to compare with
        assert "(PER," not in page and "(LOC," not in page  # types read as words, not codes
        assert "(người," in page or "(địa danh," in page or "(tổ chức," in page


def test_story_and_versions_pages_show_one_dated_section_per_event(tmp_path: Path, two_events: list[dict[str, str]]) -> None:
    rows = [{"published": "", "url": "", **r} for r in two_events]
    with _client(tmp_path) as client:
        client.post("/v1/articles", json=_body(rows))
        for path in ("/stories/1", "/stories/1/versions"):
            page = client.get(path).text
            headings = re.findall(r'<section class="event-section"><h4 class="event-date">([^<]*)</h4>', page)
            assert headings == ["15/10/2016", "3/11/2023"], path
            first, second = page.split('<section class="event-section">')[1:3]
            assert "Tuyên Hóa" in first and "Minh Hóa" not in first and "Minh Hóa" in second
