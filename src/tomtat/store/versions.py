"""Story versions: a changed story is summarised again and the result kept as a new version.

A story needs a version when its ``revision`` (bumped by every membership change) is
ahead of ``summarized_revision``. The summary is computed outside any transaction (it
is the slow part, and pure: ``summarize_story`` may run in a worker process). Writing
versions, moving ``summarized_revision`` and refreshing the stories' list fields is one
short transaction per batch of versions that locks each story row first. A version is
unique per (story, revision), so two writers that summarise the same change store it
once, and a crash before the commit leaves the stories marked as needing one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from tomtat import __version__
from tomtat.article_cache import ArticleCache
from tomtat.errors import TomtatError
from tomtat.io.writers.story import main_actors
from tomtat.model import Article, Budget, Cluster
from tomtat.pipeline import summarize_cluster
from tomtat.store.engine import Engines
from tomtat.store.schema import articles, membership, stories, story_versions

MAX_SUMMARY_ARTICLES = 40  # a story's newest articles that are summarised (copies left out)
READ_CHUNK = 500  # stories whose articles are read by one query


@dataclass(frozen=True, slots=True)
class Settings:
    """How versions are made: the length budget and selection method (None: default)."""

    budget: Budget = Budget(words=200)
    method: str | None = None


def dirty_stories(conn: Connection) -> list[tuple[int, int]]:
    """(story id, revision) of the stories whose latest change has no version yet."""
    query = (
        sa.select(stories.c.id, stories.c.revision)
        .where(stories.c.merged_into.is_(None), stories.c.summarized_revision < stories.c.revision)
        .order_by(stories.c.id)
    )
    return [(row.id, row.revision) for row in conn.execute(query)]


def _members(story_ids: list[int]) -> sa.Select:
    """The articles of these stories (with ``story_id``; without their grouping
    features), story by story, each story's oldest first (by date, then by arrival)."""
    return (
        sa.select(*(c for c in articles.c if c.name != "features"), membership.c.story_id)
        .join(membership, membership.c.article_id == articles.c.id)
        .where(membership.c.story_id.in_(story_ids))
        .order_by(membership.c.story_id, sa.func.coalesce(articles.c.published_at, articles.c.received), articles.c.id)
    )


def story_articles(conn: Connection, story_id: int) -> list[sa.Row]:
    """The story's articles, oldest first (by date, then by arrival)."""
    return list(conn.execute(_members([story_id])))


def _chosen(rows: list[sa.Row]) -> list[sa.Row]:
    """The rows a story's summary is made of: its newest originals (copies left out)."""
    originals = [row for row in rows if row.duplicate_of is None] or rows
    return originals[-MAX_SUMMARY_ARTICLES:]


def _summary_input(story_id: int, rows: list[sa.Row]) -> Cluster:
    chosen = _chosen(rows)
    return Cluster(
        str(story_id),
        tuple(Article(id=str(r.id), title=r.title, text=r.text, source=r.source, url=r.url, published=r.published) for r in chosen),
    )


def _summarize(cluster: Cluster, settings: Settings, cache: ArticleCache | None) -> tuple[dict, list[dict], list[dict], str]:
    """(summary JSON, timeline, main actors, method); a cluster that cannot be
    summarised still gets a version, empty, saying why."""
    try:
        summary = summarize_cluster(cluster, settings.budget, settings.method, cache=cache)
    except TomtatError as err:
        empty = {"id": cluster.id, "summary": "", "words": 0, "sentences": [], "articles": [], "timeline": [], "entities": [], "keywords": [], "notes": [str(err)]}
        return empty, [], [], settings.method or "default"
    data = summary.to_dict()
    data.pop("removed", None)  # what cleaning dropped: large, and recomputable from the articles
    timeline = [event.to_dict() for event in summary.timeline]
    actors = [entity.to_dict() for entity in main_actors(summary)]
    return data, timeline, actors, summary.method


def _headline(data: dict, rows: list[sa.Row]) -> str:
    """The title of the article the summary's first sentence comes from, else the
    first titled article, else the start of the summary."""
    titles = {str(r.id): r.title for r in rows if r.title.strip()}
    for sentence in data.get("sentences", []):
        if sentence.get("article_id") in titles:
            return titles[sentence["article_id"]]
    if titles:
        return next(iter(titles.values()))
    return " ".join(str(data.get("summary", "")).split()[:20])


_INSERT_VERSION = {
    name: dialect.insert(story_versions).on_conflict_do_nothing().returning(story_versions.c.id)
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}  # built once: one compiled statement, new parameters per version


def _insert_version(conn: Connection, values: dict) -> bool:
    return conn.execute(_INSERT_VERSION[conn.dialect.name], values).scalar() is not None


@dataclass(frozen=True)
class Snapshot:
    """A story as read for summarising: its revision then, and its articles."""

    story_id: int
    revision: int
    rows: list[sa.Row]

    def cluster(self) -> Cluster:
        return _summary_input(self.story_id, self.rows)

    def input_ids(self) -> tuple[int, ...]:
        """The ids of the articles ``cluster`` is made of: a summary depends on nothing
        else of the story (stored articles never change)."""
        return tuple(row.id for row in _chosen(self.rows))


Made = tuple[dict, list[dict], list[dict], str]


def summarize_story(cluster: Cluster, settings: Settings, cache: ArticleCache | None = None) -> Made:
    """The slow, pure part (no database): safe to run in a worker process. ``cache``
    (the caller's) spares the per-article work of articles summarised before."""
    return _summarize(cluster, settings, cache)


def read_snapshots(engines: Engines, wanted: Callable[[int, int], bool] = lambda story, revision: True) -> list[Snapshot]:
    """Every story whose latest change has no version yet (``dirty_stories``) and that
    ``wanted(story id, revision)`` accepts, with its revision and articles, read in one
    transaction (a query per ``READ_CHUNK`` stories, not two per story); by story id.
    A story without articles is left out."""
    snapshots = []
    with engines.read.connect() as conn:
        todo = [(story_id, revision) for story_id, revision in dirty_stories(conn) if wanted(story_id, revision)]
        for start in range(0, len(todo), READ_CHUNK):
            part = todo[start : start + READ_CHUNK]
            rows: dict[int, list[sa.Row]] = {}
            for row in conn.execute(_members([story_id for story_id, _ in part])):
                rows.setdefault(row.story_id, []).append(row)
            snapshots += [Snapshot(story_id, revision, rows[story_id]) for story_id, revision in part if story_id in rows]
    return snapshots


def _version_values(snapshot: Snapshot, made: Made, settings: Settings, now: float) -> tuple[dict, dict]:
    """(the version row without its number, the story's refreshed list fields)."""
    data, timeline, actors, method = made
    rows = snapshot.rows
    headline = _headline(data, rows)
    names = [actor["name"] for actor in actors]
    search = " ".join([headline, str(data.get("summary", "")), *names, *(r.title for r in rows)])
    version = {
        "story_id": snapshot.story_id, "revision": snapshot.revision,
        "article_ids": json.dumps([r.id for r in rows]),
        "summary": json.dumps(data, ensure_ascii=False),
        "timeline": json.dumps(timeline, ensure_ascii=False),
        "actors": json.dumps(actors, ensure_ascii=False),
        "method": method, "budget": json.dumps(settings.budget.to_dict()),
        "tomtat_version": __version__, "created": now,
    }
    story = {
        "summarized_revision": snapshot.revision, "headline": headline,
        "actors": json.dumps(names, ensure_ascii=False),
        "search_text": " ".join(search.casefold().split()),
        "actor_names": "\n".join(name.casefold() for name in names),
    }
    return version, story


_LOCK_STORIES = sa.select(stories.c.id, stories.c.merged_into, stories.c.summarized_revision).order_by(stories.c.id).with_for_update()
_STORY_FIELDS = ("summarized_revision", "headline", "actors", "search_text", "actor_names")  # what ``_version_values`` refreshes
_UPDATE_STORY = sa.update(stories).where(stories.c.id == sa.bindparam("story")).values({name: sa.bindparam(f"new_{name}") for name in _STORY_FIELDS})
_LAST_NUMBERS = sa.select(story_versions.c.story_id, sa.func.max(story_versions.c.number)).group_by(story_versions.c.story_id)


def store_versions(engines: Engines, made: Sequence[tuple[Snapshot, Made]], settings: Settings) -> list[int]:
    """Store the versions made from these snapshots, all in one transaction (the story
    rows locked first, in id order, and read with their last version numbers a query
    per ``READ_CHUNK`` stories); the ids of the stories given one. A snapshot already
    summarised at its revision (or later), of a story merged away, or stored by another
    writer is skipped. The JSON is made before the transaction, so it stays short."""
    now = time.time()
    # By story: two writers lock the rows they share in the same order (PostgreSQL).
    ordered = sorted(made, key=lambda pair: (pair[0].story_id, pair[0].revision))
    prepared = [(snapshot, *_version_values(snapshot, result, settings, now)) for snapshot, result in ordered]
    ids = sorted({snapshot.story_id for snapshot, _ in ordered})
    done = []
    with engines.write.begin() as conn:
        state: dict[int, tuple[int | None, int]] = {}  # story -> (merged into, summarised revision)
        numbers: dict[int, int] = {}  # story -> its last version number
        for start in range(0, len(ids), READ_CHUNK):
            part = ids[start : start + READ_CHUNK]
            state.update((row.id, (row.merged_into, row.summarized_revision)) for row in conn.execute(_LOCK_STORIES.where(stories.c.id.in_(part))))
            numbers.update((story, number) for story, number in conn.execute(_LAST_NUMBERS.where(story_versions.c.story_id.in_(part))))
        for snapshot, version, fields in prepared:
            story_id = snapshot.story_id
            merged_into, summarized = state[story_id]
            if merged_into is not None or summarized >= snapshot.revision:
                continue
            number = numbers.get(story_id, 0) + 1
            if _insert_version(conn, {**version, "number": number}):
                conn.execute(_UPDATE_STORY, {"story": story_id, **{f"new_{name}": value for name, value in fields.items()}})
                state[story_id], numbers[story_id] = (merged_into, snapshot.revision), number
                done.append(story_id)
    return done


def stored_results(engines: Engines, versions: dict[int, int], settings: Settings) -> dict[int, Made]:
    """What the versions at these (story id: revision) were made of, for those stored
    with ``settings``' budget (and method, when it names one): summary, timeline,
    actors and method, as ``summarize_story`` returned them."""
    budget = json.dumps(settings.budget.to_dict())
    pairs = sorted(versions.items())
    found: dict[int, Made] = {}
    with engines.read.connect() as conn:
        for start in range(0, len(pairs), READ_CHUNK):
            query = sa.select(
                story_versions.c.story_id, story_versions.c.summary, story_versions.c.timeline,
                story_versions.c.actors, story_versions.c.method, story_versions.c.budget,
            ).where(sa.tuple_(story_versions.c.story_id, story_versions.c.revision).in_(pairs[start : start + READ_CHUNK]))
            for row in conn.execute(query):
                if row.budget == budget and settings.method in (None, row.method):
                    found[row.story_id] = (json.loads(row.summary), json.loads(row.timeline), json.loads(row.actors), row.method)
    return found
