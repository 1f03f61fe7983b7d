"""The work behind each endpoint, as plain functions from a request dict to a
response dict.

They take and return only plain data (no objects bound to the server), so that they
can run in a worker process as well as in a thread. They never touch the file
system: articles arrive as text or HTML strings in the request.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from tomtat.api import clean, summarize
from tomtat.io.html import article_from_html
from tomtat.model import Article


def article_from_request(item: dict[str, Any], ordinal: int) -> Article:
    """An ``Article`` from one validated request article (``text`` or ``html``).

    Fields the client gives (id, title, source, url, published) win over those found
    in an HTML page.
    """
    article_id = str(item["id"]) if item.get("id") not in (None, "") else str(ordinal)
    given = {k: item[k] for k in ("title", "source", "url", "published") if item.get(k) not in (None, "")}
    if item.get("html") is not None:
        article = article_from_html(item["html"], article_id, f"request article {ordinal}")
        return dataclasses.replace(article, **given)
    return Article(id=article_id, title=given.pop("title", ""), text=item["text"],
                   origin=f"request article {ordinal}", **given)


def articles_from_request(items: list[dict[str, Any]]) -> list[Article]:
    return [article_from_request(item, i) for i, item in enumerate(items, start=1)]


def summarize_job(request: dict[str, Any]) -> dict[str, Any]:
    """``POST /v1/summarize``: exactly ``tomtat summarize --format json``'s document,
    plus each cleaned article's ``text`` when ``include_text`` is set."""
    summary = summarize(
        articles_from_request(request["articles"]),
        words=request.get("words"),
        method=request.get("method"),
        sentences=request.get("sentences"),
        ratio=request.get("ratio"),
    )
    out = summary.to_dict()
    if request.get("include_text"):
        texts = {a.id: a.text for a in summary.articles}
        out["articles"] = [{**entry, "text": texts.get(entry["id"], "")} for entry in out["articles"]]
    return out


def clean_job(request: dict[str, Any]) -> dict[str, Any]:
    """``POST /v1/clean``: exactly ``tomtat clean --format json``'s document."""
    return {"articles": [a.to_dict() for a in clean(articles_from_request(request["articles"]))]}


def warm_up(_: object = None) -> bool:
    """Run once in each worker process so the first real request does not pay for
    imports (as the pool's initializer, with no argument, or as a job)."""
    summarize([{"id": "a", "text": "Hà Nội mưa lớn chiều nay."}], words=10)
    return True
