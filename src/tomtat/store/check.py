"""The store's invariants, checked: what tests and the crash benchmark assert.

- every readable article is in exactly one live story, and no unreadable one is;
- every live story has a version of its latest revision, listing exactly its members;
- no two articles share a URL or a content hash (the unique constraints say so too).
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from tomtat.store.schema import articles, membership, stories, story_versions


def problems(conn: Connection) -> list[str]:
    """What is wrong with the store, one line each; empty when all holds."""
    out: list[str] = []
    readable = {r.id for r in conn.execute(sa.select(articles.c.id).where(articles.c.read_error.is_(None)))}
    members = dict(conn.execute(sa.select(membership.c.article_id, membership.c.story_id)).all())
    if missing := readable - set(members):
        out.append(f"{len(missing)} readable articles in no story (e.g. {min(missing)})")
    if extra := set(members) - readable:
        out.append(f"{len(extra)} unreadable articles in a story (e.g. {min(extra)})")
    live = {r.id: r for r in conn.execute(sa.select(stories).where(stories.c.merged_into.is_(None)))}
    if strays := {s for s in members.values() if s not in live}:
        out.append(f"articles in merged-away stories {sorted(strays)[:5]}")
    by_story: dict[int, list[int]] = {}
    for article, story in members.items():
        by_story.setdefault(story, []).append(article)
    for story_id, ids in sorted(by_story.items()):
        story = live.get(story_id)
        if story is None:
            continue
        latest = conn.execute(
            sa.select(story_versions).where(story_versions.c.story_id == story_id).order_by(story_versions.c.number.desc()).limit(1)
        ).one_or_none()
        if latest is None or latest.revision != story.revision or story.summarized_revision != story.revision:
            out.append(f"story {story_id} has no version of its latest revision {story.revision}")
        elif sorted(json.loads(latest.article_ids)) != sorted(ids):
            out.append(f"story {story_id}: its latest version does not list exactly its articles")
    for column in (articles.c.url, articles.c.content_hash):
        doubled = conn.execute(sa.select(column).where(column.is_not(None)).group_by(column).having(sa.func.count() > 1).limit(1)).scalar()
        if doubled is not None:
            out.append(f"two articles share {column.name} {doubled!r}")
    return out
