"""The web page: served offline, with a strict Content-Security-Policy and no way for
article text to become markup."""

from __future__ import annotations

import re
from importlib import resources

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("uvicorn", reason="the server extra is not installed: pip install -e '.[server,server-test]'")
pytest.importorskip("httpx", reason="httpx (for the test client) is not installed: pip install -e '.[server-test]'")

STATIC = resources.files("tomtat.server").joinpath("static")


def test_page_is_vietnamese_and_loads_its_own_script_and_style(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    assert '<html lang="vi">' in html
    assert 'src="/static/app.js"' in html and 'href="/static/app.css"' in html
    assert "Tóm tắt" in html
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/v1/methods", "/healthz"])
def test_every_response_has_a_strict_csp(client, path):
    csp = client.get(path).headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert client.get(path).headers["x-content-type-options"] == "nosniff"


def test_error_responses_have_the_csp_too(client):
    assert "content-security-policy" in client.get("/nope").headers
    assert "content-security-policy" in client.post("/v1/summarize", json={}).headers


def test_page_has_no_inline_script_or_handlers():
    html = STATIC.joinpath("index.html").read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline <script> would be blocked by the CSP"
    assert not re.search(r"\son[a-z]+\s*=", html), "inline event handlers would be blocked by the CSP"
    assert "style=" not in html


@pytest.mark.parametrize("name", ["index.html", "app.js", "app.css"])
def test_page_loads_nothing_from_elsewhere(name):
    text = STATIC.joinpath(name).read_text(encoding="utf-8")
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.I), "no CDN, font or script from other hosts"
    assert "@import" not in text and "@font-face" not in text


def test_script_never_parses_data_as_html():
    js = STATIC.joinpath("app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js, f"{sink} would let article text become markup"


def test_docs_page_that_needs_a_cdn_is_not_served(client):
    assert client.get("/docs").status_code == 404
