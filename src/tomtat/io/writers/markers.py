"""Source markers: [1], [2], ... numbered by the articles' order in the cluster."""

from __future__ import annotations

from tomtat.model import CleanArticle, Summary


def marker_numbers(summary: Summary) -> dict[str, int]:
    """Article id -> its 1-based marker number."""
    return {a.id: i for i, a in enumerate(summary.articles, start=1)}


def article_label(article: CleanArticle, max_words: int = 12) -> str:
    """How an article is named in a source list: its title; for an untitled article,
    the opening words of its text; failing both, its id."""
    if article.title:
        return article.title
    words = article.text.split()
    if not words:
        return article.id
    return " ".join(words[:max_words]) + ("…" if len(words) > max_words else "")


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address, else None: never link ``javascript:``."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None
