"""HTML pages of the story store: the list (with search), a story, its versions.

Rendered on the server from the same dicts the JSON API returns, styled by the summary
page's ``/static/app.css``. Every piece of text from the store (titles, article text,
names) goes through ``html.escape``: an article is always shown as text, never as markup.
Links to sources are shown only for http(s) URLs.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from tomtat.io.writers.markers import safe_url
from tomtat.io.writers.story import TYPE_LABELS, event_date_label, stored_sections
from tomtat.model import TimelineEvent
from tomtat.store import StoreError
from tomtat.store.novelty import whats_new
from tomtat.store.queries import list_stories, resolve_story, story_detail, version_dict, versions
from tomtat.server.limits import CONTENT_SECURITY_POLICY
from tomtat.server.stories import store_of

# The server's policy, except that the search form may submit to this server.
PAGE_POLICY = CONTENT_SECURITY_POLICY.replace("form-action 'none'", "form-action 'self'")


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    html = (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} · tomtat</title>\n"
        '<link rel="icon" href="data:,">\n<link rel="stylesheet" href="/static/app.css">\n</head>\n<body>\n'
        '<header class="top"><h1><a href="/stories">tomtat</a></h1><p>Theo dõi tin tức: các câu chuyện cập nhật theo từng bài báo mới.</p></header>\n'
        f"<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
    return HTMLResponse(html, status_code=status, headers={"cache-control": "no-cache", "content-security-policy": PAGE_POLICY})


def _text(value: object) -> str:
    return escape(str(value or ""), quote=True)


def _dates(card: dict[str, Any]) -> str:
    if not card.get("first_published"):
        return "không rõ ngày"
    first, last = card["first_published"][:10], card["last_published"][:10]
    return first if first == last else f"{first} – {last}"


def _search_form(query: str, actor: str) -> str:
    return (
        '<form class="story-search" method="get" action="/stories" role="search">'
        f'<div class="field"><label for="q">Từ khóa</label><input type="text" id="q" name="query" value="{_text(query)}"></div>'
        f'<div class="field"><label for="actor">Nhân vật</label><input type="text" id="actor" name="actor" value="{_text(actor)}"></div>'
        '<div class="row"><button type="submit" class="primary">Tìm</button></div></form>'
    )


def _card(card: dict[str, Any]) -> str:
    actors = ", ".join(_text(a) for a in card["actors"][:5])
    return (
        f'<li class="story-card pane"><h3><a href="/stories/{int(card["id"])}">{_text(card["headline"])}</a></h3>'
        f'<p class="meta">{card["articles"]} bài · {card["sources"]} nguồn · {_text(_dates(card))}'
        f"{' · ' + actors if actors else ''}</p></li>"
    )


def _list_page(cards: list[dict[str, Any]], query: str, actor: str) -> HTMLResponse:
    heading = "Kết quả tìm kiếm" if query or actor else "Các câu chuyện mới cập nhật"
    items = "".join(_card(c) for c in cards) or '<li class="empty">Không có câu chuyện nào khớp.</li>'
    body = f'<section aria-labelledby="ds-h">{_search_form(query, actor)}<h2 id="ds-h">{heading}</h2><ul class="story-list" id="stories">{items}</ul></section>'
    return _page(heading, body)


def _source_name(article: dict[str, Any]) -> str:
    return str(article.get("source") or article.get("name") or article.get("id"))


def _source_link(article: dict[str, Any]) -> str:
    title = _text(article.get("title") or _source_name(article))
    url = safe_url(article.get("url"))
    return f'<a href="{_text(url)}" rel="noopener noreferrer">{title}</a>' if url else title


def _new_sentences(update: dict[str, Any], articles: dict[str, dict[str, Any]]) -> str:
    if not update["new_sentences"]:
        return '<p class="meta">Không có thông tin mới so với bản trước.</p>'
    items = []
    for s in update["new_sentences"]:
        article = articles.get(str(s["article_id"]), {"id": s["article_id"], "title": s.get("title"), "source": s.get("source"), "url": s.get("url")})
        items.append(f'<li><span class="sentence">{_text(s["text"])}</span> <span class="meta">({_text(_source_name(article))}: {_source_link(article)})</span></li>')
    return f'<ul class="whats-new">{"".join(items)}</ul>'


def _summary_body(summary: dict[str, Any], sentence: Callable[[dict[str, Any]], str]) -> str:
    """A stored summary as HTML, each of its sentences shown by ``sentence``: one
    paragraph, or for a story of several events one dated section per event in time
    order (the sections and headings of ``tomtat summarize --format html``)."""
    parts = []
    for heading, sentences in stored_sections(summary):
        para = f'<p>{" ".join(sentence(s) for s in sentences)}</p>'
        parts.append(para if heading is None else f'<section class="event-section"><h4 class="event-date">{_text(heading)}</h4>{para}</section>')
    return "".join(parts)


def _story_page(detail: dict[str, Any], update: dict[str, Any] | None) -> HTMLResponse:
    latest = detail["latest"] or {}
    summary = latest.get("summary", {})
    articles = {str(a["id"]): a for a in detail["article_list"]}
    number_of: dict[str, int] = {}

    def sentence(s: dict[str, Any]) -> str:
        n = number_of.setdefault(s["article_id"], len(number_of) + 1)
        return f'<span class="sentence">{_text(s["text"])}</span> <a class="marker" href="#nguon-{n}">[{n}]</a>'

    text = _summary_body(summary, sentence)
    sources = "".join(
        f'<li id="nguon-{n}">[{n}] {_text(_source_name(articles.get(aid, {"id": aid})))}: {_source_link(articles.get(aid, {"id": aid}))}</li>'
        for aid, n in number_of.items()
    )
    timeline = "".join(
        f'<li><strong>{_text(event_date_label(TimelineEvent.from_dict(e)))}</strong>: {_text(e["text"])}</li>' for e in latest.get("timeline", [])
    )
    actors = "".join(
        f'<li><a href="/stories?{urlencode({"actor": a["name"]})}">{_text(a["name"])}</a> '
        f'<span class="meta">({_text(TYPE_LABELS.get(a.get("type", ""), a.get("type", "")))}, {int(a.get("count", 0))} lần)</span></li>'
        for a in latest.get("actors", [])
    )
    article_items = []
    for a in detail["article_list"]:
        copy = f' <span class="meta">(bản sao của bài {int(a["duplicate_of"])})</span>' if a.get("duplicate_of") else ""
        article_items.append(
            f'<li class="stored-article"><h4>{_source_link(a)}{copy}</h4><p class="meta">{_text(_source_name(a))} · {_text(a.get("published") or "không rõ ngày")}</p>'
            f'<details><summary>Nội dung</summary><div class="article-text">{"".join(f"<p>{_text(line)}</p>" for line in (a.get("text") or "").splitlines() if line.strip())}</div></details></li>'
        )
    new_part = ""
    if update is not None and update["since"]:  # a first version is all new: its summary is above
        new_part = f'<section aria-labelledby="moi-h" class="pane"><h3 id="moi-h">Có gì mới (phiên bản {update["latest"]} so với {update["since"]})</h3>{_new_sentences(update, articles)}</section>'
    body = (
        f'<article class="story"><h2 id="story-h">{_text(detail["headline"])}</h2>'
        f'<p class="meta">{detail["articles"]} bài · {detail["sources"]} nguồn · {_text(_dates(detail))} · phiên bản {latest.get("number", 0)} · '
        f'<a href="/stories/{int(detail["id"])}/versions">các phiên bản</a></p>'
        f'<div class="story-grid"><section class="pane" aria-labelledby="tt-h"><h3 id="tt-h">Tóm tắt</h3><div class="summary" id="summary">{text}</div>'
        f'<ol class="sources" id="sources">{sources}</ol></section>{new_part}</div>'
        f'<div class="story-grid"><section class="pane" aria-labelledby="dtg-h"><h3 id="dtg-h">Dòng thời gian</h3><ul id="timeline">{timeline or "<li>Chưa có mốc thời gian.</li>"}</ul></section>'
        f'<section class="pane" aria-labelledby="nv-h"><h3 id="nv-h">Nhân vật chính</h3><ul id="actors">{actors or "<li>Chưa rõ.</li>"}</ul></section></div>'
        f'<section aria-labelledby="bai-h"><h3 id="bai-h">Các bài báo</h3><ul class="story-list" id="articles">{"".join(article_items)}</ul></section></article>'
    )
    return _page(str(detail["headline"]), body)


def _versions_page(story_id: int, headline: str, entries: list[dict[str, Any]], articles: dict[str, dict[str, Any]]) -> HTMLResponse:
    items = []
    for v in entries:
        items.append(
            f'<li class="version pane" id="v{int(v["number"])}"><h3>Phiên bản {int(v["number"])}</h3>'
            f'<p class="meta">{_text(v["created"])} · {len(v["articles"])} bài · {_text(v["method"])} · tomtat {_text(v["tomtat_version"])}</p>'
            f'<div class="summary">{_summary_body(v["summary"], lambda s: _text(s["text"]))}</div><h4>Có gì mới</h4>{_new_sentences(v["whats_new"], articles)}</li>'
        )
    body = (
        f'<h2><a href="/stories/{story_id}">{_text(headline)}</a></h2><p class="meta">Các phiên bản, mới nhất trước.</p>'
        f'<ol class="story-list" id="versions">{"".join(items)}</ol>'
    )
    return _page(f"Phiên bản: {headline}", body)


def _error_page(message: str, status: int) -> HTMLResponse:
    return _page("Không tìm thấy", f'<p class="status error" role="alert">{_text(message)}</p><p><a href="/stories">Về danh sách</a></p>', status)


def pages_router() -> APIRouter:
    """Routes for ``/stories``, ``/stories/{id}`` and ``/stories/{id}/versions``."""
    router = APIRouter(include_in_schema=False)

    @router.get("/stories")
    def story_list(request: Request, query: str = Query("", max_length=500), actor: str = Query("", max_length=200)) -> HTMLResponse:
        with store_of(request).engines.read.connect() as conn:
            cards = list_stories(conn, query or None, actor or None, None, 100)
        return _list_page(cards, query, actor)

    @router.get("/stories/{story_id}")
    def story_page(request: Request, story_id: int) -> HTMLResponse:
        with store_of(request).engines.read.connect() as conn:
            try:
                detail = story_detail(conn, story_id, with_text=True)
                update = whats_new(conn, story_id) if detail["versions"] else None
            except StoreError as err:
                return _error_page(str(err), 404)
        return _story_page(detail, update)

    @router.get("/stories/{story_id}/versions")
    def versions_page(request: Request, story_id: int) -> HTMLResponse:
        with store_of(request).engines.read.connect() as conn:
            try:
                row = resolve_story(conn, story_id)
                detail = story_detail(conn, row.id)
                entries = []
                for version in reversed(versions(conn, row.id)[-20:]):
                    entry = version_dict(version)
                    entry["whats_new"] = whats_new(conn, row.id, version.number - 1, version.number)
                    entries.append(entry)
            except StoreError as err:
                return _error_page(str(err), 404)
        return _versions_page(row.id, detail["headline"], entries, {str(a["id"]): a for a in detail["article_list"]})

    return router
