"""Storing articles: each one once, committed before anything else happens to it.

An article is the same as a stored one when its URL is, or when its normalised text
is (Unicode NFC, case-folded, whitespace collapsed: what differs between two copies of
one page saved twice). Inserts use the databases' own "insert unless it exists"
(``ON CONFLICT DO NOTHING``), so two writers adding the same article at once store it
once. An input that cannot be read is stored too, with its error, so nothing given to
the store is ever silently lost. Each readable article is stored with its grouping
features (``tomtat.grouping.features``), so grouping passes never tokenise it again.
"""

from __future__ import annotations

import hashlib
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from tomtat.grouping.features import FeatureMaker
from tomtat.model import Article
from tomtat.store.schema import articles
from tomtat.text.published import parse_published


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An input that could not be read: where it came from and why."""

    name: str
    error: str
    url: str | None = None


StoreInput = Article | Unreadable


@dataclass(frozen=True, slots=True)
class Stored:
    """What happened to one input: its row id, whether it was new, whether it was
    recorded as unreadable."""

    id: int
    new: bool
    unreadable: bool = False


def normalized(text: str) -> str:
    """The text as compared for "the same article": NFC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def content_hash(title: str, text: str) -> str:
    """SHA-256 of the normalised text (the title when there is no text)."""
    body = normalized(text) or "title\0" + normalized(title)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def unreadable_hash(name: str) -> str:
    """An unreadable input is recorded once per name, however often it is retried."""
    return hashlib.sha256(("unreadable\0" + name).encode("utf-8")).hexdigest()


def source_of(article: Article) -> str | None:
    """The outlet: the ``source`` given, else the URL's host without ``www.``."""
    if article.source:
        return article.source
    if article.url:
        host = urlsplit(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _timestamp(published: str | None) -> float | None:
    when = parse_published(published)
    return None if when is None else when.timestamp()


def _row(item: StoreInput, now: float, features: FeatureMaker) -> dict[str, object]:
    if isinstance(item, Unreadable):
        return {
            "name": item.name, "url": item.url, "source": None, "title": "", "text": "", "published": None,
            "published_at": None, "received": now, "content_hash": unreadable_hash(item.name), "read_error": item.error,
            "features": None,
        }
    empty = not (item.text.strip() or item.title.strip())
    return {
        "name": item.id,
        "url": item.url or None,
        "source": source_of(item),
        "title": item.title,
        "text": item.text,
        "published": item.published,
        "published_at": _timestamp(item.published),
        "received": now,
        "content_hash": unreadable_hash(item.origin or item.id) if empty else content_hash(item.title, item.text),
        "read_error": "empty article (no title, no text)" if empty else None,
        "features": None if empty else features(item).to_bytes(),
    }


_INSERT = {
    name: dialect.insert(articles).on_conflict_do_nothing().returning(articles.c.id)
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}  # built once: one compiled statement, new parameters per article


def _insert(conn: Connection, row: dict[str, object]) -> int | None:
    return conn.execute(_INSERT[conn.dialect.name], row).scalar()


def _existing(conn: Connection, row: dict[str, object]) -> int:
    where = articles.c.content_hash == row["content_hash"]
    if row["url"] is not None:
        where = sa.or_(where, articles.c.url == row["url"])
    found = conn.execute(sa.select(articles.c.id).where(where).order_by(articles.c.id).limit(1)).scalar()
    if found is None:  # cannot happen: the insert only skips when one of these exists
        raise RuntimeError("an article the store refused is not in the store")
    return found


def insert_articles(conn: Connection, items: Sequence[StoreInput], now: float | None = None, num_perm: int = 64) -> list[Stored]:
    """Insert each input unless it is already stored (same URL or same text), with its
    grouping features (``num_perm``: MinHash size, as ``GroupingOptions.num_perm``)."""
    now = time.time() if now is None else now
    maker = FeatureMaker(num_perm)
    rows = [_row(item, now, maker) for item in items]
    out: list[Stored | None] = [None] * len(rows)
    # Inserted in content-hash order: two writers adding the same articles lock them in
    # the same order, so they queue instead of deadlocking (PostgreSQL).
    for i in sorted(range(len(rows)), key=lambda k: str(rows[k]["content_hash"])):
        row = rows[i]
        new_id = _insert(conn, row)
        if new_id is None:
            out[i] = Stored(_existing(conn, row), False)
        else:
            out[i] = Stored(new_id, True, row["read_error"] is not None)
    return [stored for stored in out if stored is not None]
