"""HTML articles: main text and metadata through trafilatura.

trafilatura is the best-maintained main-text extractor for Python (see
docs/DEPENDENCIES.md); it drops navigation, footers and comments, and finds the title
and publication date. The extracted text then goes through tomtat's own cleaning
rules like any other article.
"""

from __future__ import annotations

from tomtat.model import Article


def article_from_html(html: str, article_id: str, origin: str) -> Article:
    """An ``Article`` from an HTML page; empty text when no main text is found."""
    # imported here: trafilatura (with courlan, htmldate, urllib3) costs about a third
    # of tomtat's import time, which plain-text runs (most of them) need not pay
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        return Article(id=article_id, title="", text="", origin=origin)
    data = doc if isinstance(doc, dict) else doc.as_dict()
    return Article(
        id=article_id,
        title=(data.get("title") or "").strip(),
        text=data.get("text") or "",
        source=data.get("sitename") or None,
        url=data.get("url") or None,
        published=data.get("date") or None,
        origin=origin,
    )


def looks_like_html(text: str) -> bool:
    """Whether a text (from stdin, say) is an HTML document rather than plain text."""
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "<" == head[:1])
