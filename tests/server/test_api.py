"""The JSON API answers as the command line does."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("uvicorn", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("httpx", reason="httpx (for the test client) is not installed: pip install -e '.[server-test]'")

from tomtat.api import summarize
from tomtat.io.writers.story import event_date_label
from tomtat.select import DEFAULT_METHOD, METHODS


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"


def test_methods_lists_every_method_and_the_default(client):
    data = client.get("/v1/methods").json()
    assert data["default"] == DEFAULT_METHOD
    assert {m["name"] for m in data["methods"]} == set(METHODS)
    assert all(m["description"] for m in data["methods"])


def test_summarize_returns_the_same_json_as_the_api_with_the_writers_date_labels(client, articles):
    r = client.post("/v1/summarize", json={"articles": articles, "words": 40})
    assert r.status_code == 200
    summary = summarize(articles, words=40)
    expected = json.loads(json.dumps(summary.to_dict(), ensure_ascii=False))
    got = r.json()
    labels = [entry.pop("date_label") for entry in got["timeline"]]
    assert got == expected
    assert labels and labels == [event_date_label(t) for t in summary.timeline]


def test_summarize_respects_length_and_method(client, articles):
    data = client.post("/v1/summarize", json={"articles": articles, "words": 25, "method": "lead"}).json()
    assert data["method"] == "lead"
    assert 0 < data["words"] <= 25
    assert {s["article_id"] for s in data["sentences"]} <= {"a", "b"}


def test_include_text_gives_offsets_into_the_cleaned_article(client, articles):
    data = client.post("/v1/summarize", json={"articles": articles, "include_text": True}).json()
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert data["sentences"]
    for s in data["sentences"]:
        assert texts[s["article_id"]][s["start"] : s["end"]] == s["text"]


def test_without_include_text_articles_carry_no_text(client, articles):
    data = client.post("/v1/summarize", json={"articles": articles}).json()
    assert all("text" not in a for a in data["articles"])


def test_html_articles_are_extracted(client):
    page = (
        "<html><head><title>Cầu mới</title></head><body><nav>Trang chủ | Thể thao</nav><article>"
        "<h1>Cầu mới thông xe</h1><p>Sáng nay cây cầu mới nối hai bờ sông đã chính thức thông xe sau hai năm thi công.</p>"
        "<p>Người dân địa phương rất vui mừng vì không còn phải đi phà qua sông mỗi ngày.</p></article></body></html>"
    )
    data = client.post("/v1/summarize", json={"articles": [{"id": "p", "html": page}], "include_text": True}).json()
    assert "thông xe" in data["summary"]
    assert "Trang chủ" not in data["articles"][0]["text"]


def test_clean_returns_each_article_and_what_was_removed(client):
    text = "Một tin về cầu mới được thông xe hôm nay ở tỉnh Bình Lâm.\nẢnh: Minh Anh\nNgười dân rất vui mừng."
    r = client.post("/v1/clean", json={"articles": [{"id": "x", "title": "Cầu mới", "text": text}]})
    assert r.status_code == 200
    (article,) = r.json()["articles"]
    assert article["id"] == "x"
    assert "thông xe" in article["text"]
    assert set(article) >= {"id", "title", "text", "removed", "headings"}


def test_article_ids_default_to_position(client):
    data = client.post("/v1/summarize", json={"articles": [{"text": ARTICLE}, {"text": ARTICLE2}]}).json()
    assert [a["id"] for a in data["articles"]] == ["1", "2"]


def test_openapi_schema_is_served(client):
    schema = client.get("/openapi.json").json()
    assert {"/v1/summarize", "/v1/clean", "/v1/methods", "/healthz"} <= set(schema["paths"])


ARTICLE = "Tỉnh Bình Lâm thông xe cầu Sông Xanh sáng nay. Cây cầu dài hơn một km."
ARTICLE2 = "Cầu Sông Xanh được thông xe sau hai năm thi công. Người dân rất vui mừng."


def test_worker_processes_give_the_same_answer(client_with, articles):
    """With --workers the pipeline runs in other processes; the answer does not change."""
    in_threads = client_with().post("/v1/summarize", json={"articles": articles, "words": 40}).json()
    in_processes = client_with(workers=1).post("/v1/summarize", json={"articles": articles, "words": 40}).json()
    assert in_processes == in_threads
