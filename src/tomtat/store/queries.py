"""Reading the store: story lists, one story with its versions and articles, export.

Everything here is read-only and returns plain dicts (the JSON the API serves and the
command line prints), so the readers never hold a transaction open longer than one
query batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from tomtat.grouping.group import article_to_dict
from tomtat.model import Article
from tomtat.store.engine import StoreError
from tomtat.store.schema import articles, membership, stories, story_versions
from tomtat.store.versions import story_articles

MAX_LIST = 1000


def iso(timestamp: float | None) -> str | None:
    """A stored time (seconds since the epoch) as ISO 8601 in UTC, or None."""
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).isoformat(timespec="seconds")


def story_card(row: sa.Row) -> dict[str, Any]:
    """A story as listed: headline, sources, date range, main actors, last activity."""
    return {
        "id": row.id,
        "headline": row.headline or "",
        "articles": row.article_count,
        "sources": row.source_count,
        "first_published": iso(row.first_published),
        "last_published": iso(row.last_published),
        "updated": iso(row.updated),
        "actors": json.loads(row.actors) if row.actors else [],
    }


def _words(text: str | None) -> list[str]:
    return (text or "").casefold().split()


def list_stories(
    conn: Connection, query: str | None = None, actor: str | None = None, since: float | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Live stories with a version, latest activity first; ``query``: every word in its
    headline, summary, actors or titles; ``actor``: a main actor's name contains it;
    ``since``: changed at or after that time."""
    select = sa.select(stories).where(stories.c.merged_into.is_(None), stories.c.headline.is_not(None))
    for word in _words(query):
        select = select.where(stories.c.search_text.contains(word, autoescape=True))
    if actor and actor.strip():
        select = select.where(stories.c.actor_names.contains(" ".join(_words(actor)), autoescape=True))
    if since is not None:
        select = select.where(stories.c.updated >= since)
    select = select.order_by(stories.c.updated.desc(), stories.c.id.desc()).limit(min(max(limit, 1), MAX_LIST))
    return [story_card(row) for row in conn.execute(select)]


def resolve_story(conn: Connection, story_id: int) -> sa.Row:
    """The story row, following merges to the story that absorbed it."""
    seen = set()
    while True:
        row = conn.execute(sa.select(stories).where(stories.c.id == story_id)).one_or_none()
        if row is None:
            raise StoreError(f"no story {story_id} in the store (tomtat track list shows the stories)")
        if row.merged_into is None or row.id in seen:
            return row
        seen.add(row.id)
        story_id = row.merged_into


def version_dict(row: sa.Row, full: bool = True) -> dict[str, Any]:
    """A stored version as JSON; ``full`` includes the summary, timeline and actors."""
    out: dict[str, Any] = {
        "number": row.number,
        "created": iso(row.created),
        "articles": json.loads(row.article_ids),
        "method": row.method,
        "budget": json.loads(row.budget),
        "tomtat_version": row.tomtat_version,
    }
    if full:
        out["summary"] = json.loads(row.summary)
        out["timeline"] = json.loads(row.timeline)
        out["actors"] = json.loads(row.actors)
    return out


def versions(conn: Connection, story_id: int) -> list[sa.Row]:
    """Every version of the story, oldest first."""
    return list(conn.execute(sa.select(story_versions).where(story_versions.c.story_id == story_id).order_by(story_versions.c.number)))


def article_dict(row: sa.Row, with_text: bool = False) -> dict[str, Any]:
    """A stored article as JSON (its text only when asked)."""
    out = {
        "id": row.id,
        "name": row.name,
        "title": row.title,
        "source": row.source,
        "url": row.url,
        "published": row.published,
        "received": iso(row.received),
        "duplicate_of": row.duplicate_of,
    }
    if with_text:
        out["text"] = row.text
    return out


def story_detail(conn: Connection, story_id: int, with_text: bool = False) -> dict[str, Any]:
    """One story: its card, latest version (summary, timeline, actors) and articles
    (with their text when asked)."""
    row = resolve_story(conn, story_id)
    card = story_card(row)
    all_versions = versions(conn, row.id)
    card["merged_from"] = [r.id for r in conn.execute(sa.select(stories.c.id).where(stories.c.merged_into == row.id).order_by(stories.c.id))]
    card["split_from"] = row.split_from
    card["split_into"] = [r.id for r in conn.execute(sa.select(stories.c.id).where(stories.c.split_from == row.id).order_by(stories.c.id))]
    card["versions"] = len(all_versions)
    card["latest"] = version_dict(all_versions[-1]) if all_versions else None
    card["article_list"] = [article_dict(r, with_text) for r in story_articles(conn, row.id)]
    return card


def export_clusters(conn: Connection) -> Iterator[dict[str, Any]]:
    """Every live story as a cluster JSONL object (``{"id", "articles"}``), the input
    of ``tomtat batch``; near-duplicate copies are left out, as batch would drop them."""
    ids = [r.id for r in conn.execute(sa.select(stories.c.id).where(stories.c.merged_into.is_(None), stories.c.article_count > 0).order_by(stories.c.id))]
    for story_id in ids:
        rows = [r for r in story_articles(conn, story_id) if r.duplicate_of is None]
        names = [r.name for r in rows]
        if rows:
            yield {
                "id": f"story-{story_id}",
                "articles": [
                    article_to_dict(Article(
                        id=r.name if names.count(r.name) == 1 else f"{r.name}-{r.id}",
                        title=r.title, text=r.text, source=r.source, url=r.url, published=r.published,
                    ))
                    for r in rows
                ],
            }


def unreadable(conn: Connection, limit: int = 100) -> list[dict[str, Any]]:
    """Inputs recorded with a read error, newest first."""
    query = sa.select(articles).where(articles.c.read_error.is_not(None)).order_by(articles.c.id.desc()).limit(limit)
    return [{"id": r.id, "name": r.name, "error": r.read_error, "received": iso(r.received)} for r in conn.execute(query)]


def counts(conn: Connection) -> dict[str, int]:
    """How many articles, stories and versions the store holds."""
    def count(table: sa.Table, where: sa.ColumnElement[bool] | None = None) -> int:
        query = sa.select(sa.func.count()).select_from(table)
        return int(conn.execute(query if where is None else query.where(where)).scalar_one())

    return {
        "articles": count(articles),
        "unreadable": count(articles, articles.c.read_error.is_not(None)),
        "stories": count(stories, stories.c.merged_into.is_(None)),
        "versions": count(story_versions),
        "grouped": count(membership),
    }
