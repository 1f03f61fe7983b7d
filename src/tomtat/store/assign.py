"""Incremental grouping: stories as ``tomtat cluster`` makes them, at a bounded cost per pass.

The articles not yet in any story ("pending") are regrouped with a bounded neighbourhood
of stored articles (``tomtat.grouping.extend.regroup``), never with the whole store: the
stored articles within the time window of theirs (the grouping rules' own window: no
pair further apart can link), their stored near-copies however old (found by LSH band
keys, kept in ``article_bands``, and confirmed on the MinHash signature: batch joins
copies whatever their dates), and the whole stories the regrouped part touches (average
linkage weighs a story by all its members). Only grouping features are loaded (kept
since each article was stored), ``MAX_CONTEXT`` articles at most, so what a pass costs
and holds follows the stream's density around the new articles, not the store's size.
The part of the neighbourhood chained to a pending article is grouped again by batch
average linkage (features weighed by their document frequency among those articles and
the ``RECENT`` most recently stored ones, kept between passes by ``tomtat.store.recent``,
as batch weighs them among the whole stream),
and its groups are mapped onto the stored stories:

- each stored story keeps the group holding most of its articles (largest overlaps
  first, so a group carries on the story it is mostly made of);
- a group no stored story carries on is a new story; when it holds articles that left
  a story, ``split_from`` names the story most of them came from;
- a stored story that no group carries on is merged into the story that took most of
  its articles (its rows and versions stay, with ``merged_into`` set), unless it still
  holds members the pass did not load (possible only when it hit ``MAX_CONTEXT``).

Batch's chains can be longer than the neighbourhood (a near-copy ties two story
instances published weeks apart, whose own neighbours tie on further): the store cuts
them where they leave it, so its stories can differ a little from a batch run over the
same articles (docs/BENCHMARKS.md, "Story store").

Every story whose articles changed gets its ``revision`` bumped (and
``tomtat.store.versions`` summarises it again). All of this is one transaction under
the grouping lock: a crash leaves every pending article pending, and a rerun groups it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from tomtat.grouping import GroupingOptions
from tomtat.grouping.duplicates import band_keys, estimated_jaccard
from tomtat.grouping.extend import Regrouping, regroup
from tomtat.grouping.features import ArticleFeatures, FeatureMaker
from tomtat.grouping.group import window_seconds
from tomtat.model import Article
from tomtat.store.engine import GROUP_LOCK, lock
from tomtat.store.recent import RecentFrequencies
from tomtat.store.schema import article_bands, articles, membership, stories

MAX_PENDING = 2000  # pending articles grouped per transaction
MAX_UNDATED_CONTEXT = 1000  # most recent stored articles compared with undated new ones
MAX_CONTEXT = 5000  # stored articles loaded for one pass, at most
MAX_COPY_CANDIDATES = 2000  # (article, band key) matches read to find stored near-copies
MAX_COPIES = 500  # stored near-copies loaded for one pass, at most
MAX_WIDEN = 8  # rounds of loading the whole stories a pass regroups


@dataclass(frozen=True, slots=True)
class Assignment:
    """What one grouping pass did."""

    grouped: int
    changed: frozenset[int]
    created: int
    merged: int
    near_duplicates: int
    split: int = 0


@dataclass(frozen=True, slots=True)
class _Loaded:
    """A stored or pending article as grouping sees it (``story`` None: pending)."""

    id: int
    published_at: float | None
    features: ArticleFeatures
    story: int | None


def _features(conn: Connection, rows: Sequence[sa.Row], num_perm: int) -> dict[int, ArticleFeatures]:
    """Each row's stored features; those missing (stored before features were kept) or
    of another format are made from the stored text and kept."""
    out: dict[int, ArticleFeatures] = {}
    for row in rows:
        found = ArticleFeatures.from_bytes(row.features) if row.features is not None else None
        if found is not None and len(found.signature) in (0, num_perm):
            out[row.id] = found
    missing = [row.id for row in rows if row.id not in out]
    if missing:
        maker = FeatureMaker(num_perm)
        for row in conn.execute(sa.select(articles.c.id, articles.c.title, articles.c.text).where(articles.c.id.in_(missing))):
            made = out[row.id] = maker(Article(id=str(row.id), title=row.title, text=row.text))
            conn.execute(sa.update(articles).where(articles.c.id == row.id).values(features=made.to_bytes()))
    return out


def _loaded(conn: Connection, rows: Sequence[sa.Row], num_perm: int, story: bool) -> list[_Loaded]:
    features = _features(conn, rows, num_perm)
    return [_Loaded(r.id, r.published_at, features[r.id], r.story_id if story else None) for r in rows]


_COLUMNS = (articles.c.id, articles.c.published_at, articles.c.features)
_STORED = sa.select(*_COLUMNS, membership.c.story_id).join(membership, membership.c.article_id == articles.c.id)


def _pending(conn: Connection, limit: int, num_perm: int) -> list[_Loaded]:
    grouped = sa.select(membership.c.article_id).where(membership.c.article_id == articles.c.id)
    query = sa.select(*_COLUMNS).where(articles.c.read_error.is_(None), ~sa.exists(grouped)).order_by(articles.c.id).limit(limit)
    return _loaded(conn, list(conn.execute(query)), num_perm, story=False)


class _Context:
    """The stored articles loaded for one pass: at most ``MAX_CONTEXT``."""

    def __init__(self, conn: Connection, num_perm: int) -> None:
        self.conn = conn
        self.num_perm = num_perm
        self.rows: dict[int, _Loaded] = {}

    def add(self, query: sa.Select) -> int:
        """Load what ``query`` (over ``_STORED``) finds and is not loaded yet; how many."""
        room = MAX_CONTEXT - len(self.rows)
        if room <= 0:
            return 0
        found = [row for row in self.conn.execute(query) if row.id not in self.rows][:room]
        self.rows.update((row.id, row) for row in _loaded(self.conn, found, self.num_perm, story=True))
        return len(found)

    def whole(self, story_ids: Iterable[int]) -> int:
        """Load the members of these stories."""
        return self.add(_STORED.where(membership.c.story_id.in_(sorted(story_ids))))

    def reach(self, times: Sequence[float], window: float) -> int:
        """Load every stored article within ``window`` of any of ``times`` (sorted)."""
        loaded, start = 0, 0
        for k in range(1, len(times) + 1):
            if k == len(times) or times[k] - times[k - 1] > 2 * window:
                loaded += self.add(_STORED.where(articles.c.published_at.between(times[start] - window, times[k - 1] + window)))
                start = k
        return loaded

    def copies(self, pending: Sequence[_Loaded], threshold: float) -> int:
        """Load the stored near-copies of the pending articles: the newest articles
        sharing a band key with one (``MAX_COPY_CANDIDATES`` matches), each kept only when
        confirmed on the estimated Jaccard similarity, as ``near_duplicates`` confirms."""
        keys: dict[int, list[ArticleFeatures]] = {}
        for row in pending:
            for key in band_keys(row.features.signature, threshold):
                keys.setdefault(key, []).append(row.features)
        if not keys:
            return 0
        banded = sa.select(article_bands.c.article_id, article_bands.c.band_key).where(article_bands.c.band_key.in_(sorted(keys)))
        matches: dict[int, list[ArticleFeatures]] = {}
        for article, key in self.conn.execute(banded.order_by(article_bands.c.article_id.desc()).limit(MAX_COPY_CANDIDATES)):
            matches.setdefault(article, []).extend(keys[key])
        found = [row for row in self.conn.execute(_STORED.where(articles.c.id.in_(sorted(matches)))) if row.id not in self.rows]
        confirmed = [
            row for row in _loaded(self.conn, found, self.num_perm, story=True)
            if any(estimated_jaccard(row.features.signature, new.signature) >= threshold for new in matches[row.id])
        ]
        confirmed = sorted(confirmed, key=lambda r: -r.id)[: max(0, min(MAX_COPIES, MAX_CONTEXT - len(self.rows)))]
        self.rows.update((row.id, row) for row in confirmed)
        return len(confirmed)


def _regroup(conn: Connection, pending: list[_Loaded], options: GroupingOptions, window_frequencies: RecentFrequencies) -> tuple[list[_Loaded], Regrouping]:
    """Load the bounded neighbourhood of the pending articles and regroup it; the rows
    grouped and the result."""
    context = _Context(conn, options.num_perm)
    window = window_seconds(options)
    context.copies(pending, options.duplicate)
    dated = sorted(row.published_at for row in pending if row.published_at is not None)
    if window is None or len(dated) < len(pending):  # undated articles link with anything
        context.add(_STORED.order_by(articles.c.id.desc()).limit(MAX_UNDATED_CONTEXT))
    if window is not None and dated:
        context.reach(dated, window)
        context.add(_STORED.where(articles.c.published_at.is_(None)).order_by(articles.c.id.desc()).limit(MAX_UNDATED_CONTEXT))
    background, recent = window_frequencies.update(conn)
    complete: set[int] = set()  # stories whose members are loaded
    for _ in range(MAX_WIDEN):
        rows = sorted(context.rows.values(), key=lambda r: r.id) + pending
        counted = np.array([r.id in recent for r in rows], dtype=bool)
        result = regroup([r.features for r in rows], [r.published_at for r in rows], [r.story for r in rows], options, background, counted)
        touched = {story for i in np.flatnonzero(result.affected) if (story := rows[i].story) is not None} - complete
        if not touched or not context.whole(touched):
            break
        complete |= touched
    return rows, result


_NEW_STORIES = sa.insert(stories).returning(stories.c.id, sort_by_parameter_order=True)


def _new_stories(conn: Connection, now: float, split_from: list[int | None]) -> list[int]:
    """Make one empty story per entry (``split_from``: the story it split off, if any);
    their ids, in order."""
    if not split_from:
        return []
    values = [
        {"revision": 0, "summarized_revision": 0, "created": now, "updated": now, "article_count": 0, "source_count": 0, "split_from": origin}
        for origin in split_from
    ]
    return [int(i) for i in conn.execute(_NEW_STORIES, values).scalars()]


_STATS = sa.select(
    membership.c.story_id,
    sa.func.count(articles.c.id),
    sa.func.count(sa.distinct(sa.func.coalesce(articles.c.source, articles.c.name))),
    sa.func.min(articles.c.published_at),
    sa.func.max(articles.c.published_at),
).join(membership, membership.c.article_id == articles.c.id).group_by(membership.c.story_id)
_REFRESH = (
    sa.update(stories)
    .where(stories.c.id == sa.bindparam("story"))
    .values(
        revision=stories.c.revision + 1, updated=sa.bindparam("now"), article_count=sa.bindparam("count"),
        source_count=sa.bindparam("sources"), first_published=sa.bindparam("first"), last_published=sa.bindparam("last"),
    )
)  # built once: one compiled statement, run for many stories at once
REFRESH_CHUNK = 500  # stories counted per query


def refresh_counts(conn: Connection, story_ids: Iterable[int], now: float) -> None:
    """Bump each story's revision and recount its articles, sources and date range (a
    query per ``REFRESH_CHUNK`` stories and one batched update, not two statements per
    story: a pass changes hundreds)."""
    todo = sorted(story_ids)
    for start in range(0, len(todo), REFRESH_CHUNK):
        part = todo[start : start + REFRESH_CHUNK]
        stats = {row[0]: row[1:] for row in conn.execute(_STATS.where(membership.c.story_id.in_(part)))}
        values = []
        for story in part:
            count, sources, first, last = stats.get(story, (0, 0, None, None))
            values.append({"story": story, "now": now, "count": count, "sources": sources, "first": first, "last": last})
        conn.execute(_REFRESH, values)


def _carriers(groups: list[list[_Loaded]]) -> dict[int, int]:
    """Group index -> the stored story it carries on: largest overlaps first, each story
    and each group used once (ties: the older story, then the earlier group)."""
    overlaps = sorted(
        (-count, story, g) for g, group in enumerate(groups) for story, count in Counter(r.story for r in group if r.story is not None).items()
    )
    carried: dict[int, int] = {}
    used: set[int] = set()
    for _, story, g in overlaps:
        if g not in carried and story not in used:
            carried[g] = story
            used.add(story)
    return carried


def assign_pending(
    conn: Connection, options: GroupingOptions, limit: int = MAX_PENDING, now: float | None = None, recent: RecentFrequencies | None = None
) -> Assignment:
    """Group up to ``limit`` pending articles into stories (call inside a write
    transaction; takes the grouping lock). ``recent``: the caller's window of recent
    document frequencies, kept between its passes (a new one counts the window afresh)."""
    lock(conn, GROUP_LOCK)
    pending = _pending(conn, limit, options.num_perm)
    if not pending:
        return Assignment(0, frozenset(), 0, 0, 0)
    now = time.time() if now is None else now
    rows, result = _regroup(conn, pending, options, recent or RecentFrequencies())
    groups = [[rows[i] for i in group] for group in result.groups]
    carried = _carriers(groups)
    before = {story for i in np.flatnonzero(result.affected) if (story := rows[i].story) is not None}
    pending_ids = {p.id for p in pending}
    target: dict[int, int] = dict(carried)
    new: dict[int, int | None] = {}  # group -> the story it split off, if any
    for g, group in enumerate(groups):
        if g not in carried:
            came_from = Counter(r.story for r in group if r.story is not None).most_common(1)
            new[g] = came_from[0][0] if came_from else None
    target.update(zip(new, _new_stories(conn, now, list(new.values()))))
    created, split = len(new), sum(origin is not None for origin in new.values())
    changed: set[int] = set()
    moves: dict[int, list[int]] = {}
    for g, group in enumerate(groups):
        story = target[g]
        for r in group:
            if r.story != story:
                moves.setdefault(story, []).append(r.id)
                changed.add(story)
                if r.story is not None:
                    changed.add(r.story)
    revision = {
        s: rev + 1 for s, rev in conn.execute(sa.select(stories.c.id, stories.c.revision).where(stories.c.id.in_(sorted(changed))))
    }
    fresh = [{"article_id": i, "story_id": story, "revision": revision[story]} for story, ids in sorted(moves.items()) for i in ids if i in pending_ids]
    if fresh:
        conn.execute(sa.insert(membership), fresh)
    for story, ids in sorted(moves.items()):
        moved = [i for i in ids if i not in pending_ids]
        if moved:
            conn.execute(sa.update(membership).where(membership.c.article_id.in_(moved)).values(story_id=story, revision=revision[story]))
    merged = 0
    for story in _emptied(conn, before - set(target.values())):
        took = Counter(target[g] for g, group in enumerate(groups) for r in group if r.story == story).most_common(1)
        conn.execute(sa.update(stories).where(stories.c.id == story).values(merged_into=took[0][0], updated=now, article_count=0))
        changed.discard(story)
        merged += 1
    copies = _link_copies(conn, rows, result, pending_ids)
    bands = [{"article_id": p.id, "band_key": key} for p in pending for key in sorted(set(band_keys(p.features.signature, options.duplicate)))]
    if bands:
        conn.execute(sa.insert(article_bands), bands)
    refresh_counts(conn, changed, now)
    return Assignment(len(pending), frozenset(changed), created, merged, copies, split)


def _emptied(conn: Connection, candidates: set[int]) -> list[int]:
    """The stories among ``candidates`` left without members (a pass regroups only the
    members it loaded: a story keeps those it did not)."""
    if not candidates:
        return []
    kept = set(conn.execute(sa.select(membership.c.story_id).where(membership.c.story_id.in_(sorted(candidates))).distinct()).scalars())
    return sorted(candidates - kept)


def _link_copies(conn: Connection, rows: list[_Loaded], result: Regrouping, pending: set[int]) -> int:
    """Point each pending near-copy at the earliest stored copy of its group."""
    linked = 0
    for group in result.copies:
        ids = sorted(rows[i].id for i in group)
        fresh = [i for i in ids[1:] if i in pending]
        if fresh:
            conn.execute(sa.update(articles).where(articles.c.id.in_(fresh), articles.c.duplicate_of.is_(None)).values(duplicate_of=ids[0]))
            linked += len(fresh)
    return linked
