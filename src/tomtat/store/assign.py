"""Incremental grouping: new articles join stories, start stories, or merge two.

The articles not yet in any story ("pending") are grouped together with the stored
articles they could belong with (those published within the time window of theirs;
the most recent ones when dates are missing) by ``tomtat.grouping.group_articles``:
the same near-duplicate, similarity and time-window rules as ``tomtat cluster``. Then
each group that holds pending articles is mapped onto the stored stories:

- no stored member: a new story;
- members of one story: the pending articles join it;
- members of several stories: the new articles bridge them, and the stories merge into
  the oldest (the others keep their rows and versions, with ``merged_into`` set).

Stored articles never leave their story, so what a reader saw stays where it was. A
changed story's ``revision`` goes up; ``tomtat.store.versions`` summarises it again.
All of this is one transaction under the grouping lock: a crash leaves every pending
article pending, and a rerun groups it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from tomtat.grouping import GroupingOptions, extend_groups
from tomtat.grouping.group import DAY
from tomtat.model import Article
from tomtat.store.engine import GROUP_LOCK, lock
from tomtat.store.schema import articles, membership, stories

MAX_PENDING = 2000  # pending articles grouped per transaction
MAX_UNDATED_CONTEXT = 1000  # most recent stored articles compared with undated new ones
MAX_CONTEXT = 8000  # stored articles compared with one batch, at most


@dataclass(frozen=True, slots=True)
class Assignment:
    """What one grouping pass did."""

    grouped: int
    changed: frozenset[int]
    created: int
    merged: int
    near_duplicates: int


def _article(row: sa.Row) -> Article:
    return Article(id=str(row.id), title=row.title, text=row.text, source=row.source, url=row.url, published=row.published)


_COLUMNS = (articles.c.id, articles.c.title, articles.c.text, articles.c.source, articles.c.url, articles.c.published, articles.c.published_at)


def _pending(conn: Connection, limit: int) -> list[sa.Row]:
    grouped = sa.select(membership.c.article_id).where(membership.c.article_id == articles.c.id)
    query = (
        sa.select(*_COLUMNS)
        .where(articles.c.read_error.is_(None), ~sa.exists(grouped))
        .order_by(articles.c.id)
        .limit(limit)
    )
    return list(conn.execute(query))


def _context(conn: Connection, pending: Sequence[sa.Row], options: GroupingOptions) -> list[sa.Row]:
    """Stored, grouped articles that the pending ones could be grouped with."""
    base = sa.select(*_COLUMNS, membership.c.story_id).join(membership, membership.c.article_id == articles.c.id)
    dated = [row.published_at for row in pending if row.published_at is not None]
    undated = len(dated) < len(pending)
    if options.window_days is None:
        return list(conn.execute(base.order_by(articles.c.id.desc()).limit(MAX_CONTEXT)))
    rows: dict[int, sa.Row] = {}
    if dated:
        window = options.window_days * DAY
        near = base.where(articles.c.published_at.between(min(dated) - window, max(dated) + window))
        for row in conn.execute(near.order_by(articles.c.id.desc()).limit(MAX_CONTEXT)):
            rows[row.id] = row
        # Undated stored articles link with anything: the most recent of them take part.
        loose = base.where(articles.c.published_at.is_(None)).order_by(articles.c.id.desc()).limit(MAX_UNDATED_CONTEXT)
        for row in conn.execute(loose):
            rows[row.id] = row
    if undated:
        for row in conn.execute(base.order_by(articles.c.id.desc()).limit(MAX_UNDATED_CONTEXT)):
            rows[row.id] = row
    return sorted(rows.values(), key=lambda row: row.id)


def _new_story(conn: Connection, now: float) -> int:
    values = {"revision": 0, "summarized_revision": 0, "created": now, "updated": now, "article_count": 0, "source_count": 0}
    return int(conn.execute(sa.insert(stories).values(**values).returning(stories.c.id)).scalar_one())


def refresh_counts(conn: Connection, story_id: int, now: float) -> None:
    """Bump the story's revision and recount its articles, sources and date range."""
    member = sa.select(articles.c.id).join(membership, membership.c.article_id == articles.c.id).where(membership.c.story_id == story_id).subquery()
    stats = conn.execute(
        sa.select(
            sa.func.count(articles.c.id),
            sa.func.count(sa.distinct(sa.func.coalesce(articles.c.source, articles.c.name))),
            sa.func.min(articles.c.published_at),
            sa.func.max(articles.c.published_at),
        ).where(articles.c.id.in_(sa.select(member.c.id)))
    ).one()
    conn.execute(
        sa.update(stories)
        .where(stories.c.id == story_id)
        .values(
            revision=stories.c.revision + 1, updated=now, article_count=stats[0], source_count=stats[1],
            first_published=stats[2], last_published=stats[3],
        )
    )


def assign_pending(conn: Connection, options: GroupingOptions, limit: int = MAX_PENDING, now: float | None = None) -> Assignment:
    """Group up to ``limit`` pending articles into stories (call inside a write
    transaction; takes the grouping lock)."""
    lock(conn, GROUP_LOCK)
    pending = _pending(conn, limit)
    if not pending:
        return Assignment(0, frozenset(), 0, 0, 0)
    now = time.time() if now is None else now
    context = _context(conn, pending, options)
    story_of = {row.id: row.story_id for row in context}
    rows = context + pending
    known = [str(row.story_id) for row in context] + [None] * len(pending)
    groups = extend_groups([_article(row) for row in rows], known, options)
    changed: set[int] = set()
    created = merged = copies = 0
    for group in groups:
        ids = [int(a.id) for a in group.articles]
        new_ids = [i for i in ids if i not in story_of]
        if not new_ids:
            continue
        existing = sorted({story_of[i] for i in ids if i in story_of})
        if existing:
            target, others = existing[0], existing[1:]
        else:
            target, others = _new_story(conn, now), []
            created += 1
        for other in others:
            conn.execute(sa.update(membership).where(membership.c.story_id == other).values(story_id=target))
            conn.execute(sa.update(stories).where(stories.c.id == other).values(merged_into=target, updated=now, article_count=0))
            for i, story in list(story_of.items()):
                if story == other:
                    story_of[i] = target
            merged += 1
        revision = conn.execute(sa.select(stories.c.revision).where(stories.c.id == target)).scalar_one() + 1
        conn.execute(sa.insert(membership), [{"article_id": i, "story_id": target, "revision": revision} for i in new_ids])
        for i in new_ids:
            story_of[i] = target
        for copy_group in group.duplicates:
            members = sorted(int(i) for i in copy_group)
            original = members[0]
            fresh = [i for i in members[1:] if i in new_ids]
            if fresh:
                conn.execute(sa.update(articles).where(articles.c.id.in_(fresh), articles.c.duplicate_of.is_(None)).values(duplicate_of=original))
                copies += len(fresh)
        refresh_counts(conn, target, now)
        changed.add(target)
    return Assignment(len(pending), frozenset(changed), created, merged, copies)
