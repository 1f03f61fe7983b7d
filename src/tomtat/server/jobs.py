"""The work behind each endpoint, as plain functions from a request dict to a
response dict.

They take and return only plain data (no objects bound to the server), so that they
can run in a worker process as well as in a thread. They never touch the file
system: articles arrive as text or HTML strings in the request.
"""

from __future__ import annotations

from typing import Any

from tomtat.api import clean, summarize
from tomtat.io.records import article_from_dict
from tomtat.io.writers.story import event_date_label, section_heading
from tomtat.model import Article, Summary


def articles_from_request(items: list[dict[str, Any]]) -> list[Article]:
    """The request's articles, built as the Python API and JSONL input build them."""
    return [article_from_dict(item, str(i), f"request article {i}") for i, item in enumerate(items, start=1)]


def summarize_job(request: dict[str, Any]) -> dict[str, Any]:
    """``POST /v1/summarize``: ``tomtat summarize --format json``'s document, with the
    labels the web page shows (:func:`_add_labels`), plus each cleaned article's
    ``text`` when ``include_text`` is set."""
    summary = summarize(
        articles_from_request(request["articles"]),
        words=request.get("words"),
        method=request.get("method"),
        sentences=request.get("sentences"),
        ratio=request.get("ratio"),
    )
    out = summary.to_dict()
    _add_labels(out, summary)
    if request.get("include_text"):
        texts = {a.id: a.text for a in summary.articles}
        out["articles"] = [{**entry, "text": texts.get(entry["id"], "")} for entry in out["articles"]]
    return out


def _add_labels(out: dict[str, Any], summary: Summary) -> None:
    """Add to the JSON ``out`` of ``summary`` the words the text, Markdown and HTML
    writers show, so the page shows the same without a copy of their rules: each
    timeline entry's ``date_label`` ("21/1 (chưa rõ năm)") and, when the summary is
    told event by event, each event group's ``heading`` (its section's heading)."""
    for entry, event in zip(out["timeline"], summary.timeline, strict=True):
        entry["date_label"] = event_date_label(event)
    if len(summary.event_groups) > 1:
        for group, told in zip(out["event_groups"], summary.event_groups, strict=True):
            group["heading"] = section_heading(told)


def clean_job(request: dict[str, Any]) -> dict[str, Any]:
    """``POST /v1/clean``: exactly ``tomtat clean --format json``'s document."""
    return {"articles": [a.to_dict() for a in clean(articles_from_request(request["articles"]))]}


def warm_up(_: object = None) -> bool:
    """Run once in each worker process so the first real request does not pay for
    imports (as the pool's initializer, with no argument, or as a job)."""
    summarize([{"id": "a", "text": "Hà Nội mưa lớn chiều nay."}], words=10)
    return True
