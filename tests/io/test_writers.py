import json

import tomtat
from tomtat.io.writers import render


def test_json_output_has_the_documented_fields(flood_articles):
    summary = tomtat.summarize(flood_articles, words=60)
    data = json.loads(render(summary, "json"))
    assert {"summary", "sentences", "articles", "removed", "timeline", "entities"} <= set(data)
    assert data["summary"] == summary.text
    first = data["sentences"][0]
    assert {"text", "article_id", "index", "start", "end"} <= set(first)
    assert {a["id"] for a in data["articles"]} == {"a", "b", "c"}
    assert all({"article_id", "text", "reason"} <= set(r) for r in data["removed"])


def test_text_and_markdown_show_source_markers_and_article_list(flood_articles):
    summary = tomtat.summarize(flood_articles, words=60)
    for fmt in ("text", "markdown"):
        out = render(summary, fmt)
        assert "[1]" in out or "[2]" in out or "[3]" in out
        assert "Mưa lớn gây ngập nhiều tuyến phố Hà Nội" in out


def test_html_escapes_article_text_and_refuses_script_links():
    evil = [
        {"id": "x", "title": "<script>alert(1)</script>", "url": "javascript:alert(1)",
         "text": "Tin <img src=x onerror=alert(1)> về cuộc họp quan trọng của hội đồng thành phố hôm nay."},
    ]
    out = render(tomtat.summarize(evil, words=50), "html")
    assert "<script>alert" not in out and "<img src=x" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "javascript:" not in out
