"""Source markers: [1], [2], ... numbered by the articles' order in the cluster."""

from __future__ import annotations

from tomtat.model import Summary


def marker_numbers(summary: Summary) -> dict[str, int]:
    """Article id -> its 1-based marker number."""
    return {a.id: i for i, a in enumerate(summary.articles, start=1)}


def article_label(title: str, article_id: str) -> str:
    """How an article is named in a source list: its title, else its id."""
    return title or article_id


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address, else None: never link ``javascript:``."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None
