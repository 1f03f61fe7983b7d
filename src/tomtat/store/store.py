"""``Store``: the one entry point for adding articles to the store and bringing it up to date.

``Store.add_articles(items)`` is the add path every writer uses (``tomtat track add``,
``POST /v1/articles``, feed fetchers): articles are committed first, in short
transactions; then pending articles are grouped into stories; then every changed story
gets a new version. Each step picks up where any earlier, interrupted run stopped, so
``kill -9`` at any moment followed by a rerun loses and doubles nothing.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeVar

import sqlalchemy as sa

from tomtat.article_cache import ArticleCache
from tomtat.grouping import GroupingOptions
from tomtat.io.wording import counted
from tomtat.store.articles import StoreInput, Stored, insert_articles
from tomtat.store.assign import MAX_PENDING, assign_pending
from tomtat.store.engine import Engines, create_engines, migrate
from tomtat.store.recent import RecentFrequencies
from tomtat.store.schema import articles
from tomtat.store.versions import Settings, read_snapshots, store_versions, stored_results
from tomtat.store.workers import Done, InlineSummarizer, Summarizer, SummaryWorkers

T = TypeVar("T")
INSERT_CHUNK = 200  # articles committed per transaction
VERSION_BATCH = 100  # versions written per transaction
MAX_REMEMBERED = 10_000  # stories whose last summary input a Store remembers (about 0.5 KB each)
RETRIES = 5
# PostgreSQL: deadlock_detected, serialization_failure. Both mean "run it again".
_TRANSIENT = {"40P01", "40001"}


def _transient(err: sa.exc.DBAPIError) -> bool:
    return getattr(err.orig, "sqlstate", None) in _TRANSIENT


@dataclass
class AddReport:
    """What one ``add_articles`` call did. ``added``: new article ids; ``already``:
    inputs that were stored before (same URL or text); ``unreadable``: inputs recorded
    with their error; ``stories``: ids of stories given a new version;
    ``stories_split``: new stories made of articles that left another story."""

    added: list[int] = field(default_factory=list)
    already: list[int] = field(default_factory=list)
    unreadable: list[int] = field(default_factory=list)
    near_duplicates: int = 0
    stories_created: int = 0
    stories_merged: int = 0
    stories_split: int = 0
    stories: list[int] = field(default_factory=list)

    def line(self) -> str:
        """One line for the user."""
        return (
            f"{counted(len(self.added), 'article')} added, {len(self.already)} already stored, {len(self.unreadable)} unreadable "
            f"(recorded), {counted(self.near_duplicates, 'near-duplicate')} linked; "
            f"{counted(self.stories_created, 'new story', 'new stories')}, {self.stories_merged} merged, {self.stories_split} split off, "
            f"{counted(len(self.stories), 'story', 'stories')} updated"
        )


def _chunks(items: Iterable[StoreInput], size: int) -> Iterable[list[StoreInput]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Store:
    """A story store on one database (``db``: a URL or SQLite path; see
    ``tomtat.store.engine.resolve_url``). Opening it migrates the schema if needed."""

    def __init__(
        self, db: str | None = None, grouping: GroupingOptions = GroupingOptions(), settings: Settings = Settings(), workers: int = 1
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.engines: Engines = create_engines(db)
        self.grouping = grouping
        self.settings = settings
        self.workers = workers
        # Summaries are made here with one cache, or in worker processes with one each.
        self.cache = ArticleCache()
        # One update at a time per Store (the server's request threads share one): the
        # summariser's queue and the remembered inputs belong to the update running.
        self._updating = threading.Lock()
        self._inputs: OrderedDict[int, tuple[int, tuple[int, ...]]] = OrderedDict()  # story -> (revision, input ids) of its last version made here
        self._recent = RecentFrequencies()  # the grouping passes' IDF window, kept between them
        self._summarizer: Summarizer = SummaryWorkers(workers, settings) if workers > 1 else InlineSummarizer(settings, self.cache)
        migrate(self.engines)

    def close(self) -> None:
        self._summarizer.close()
        self.engines.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def has_url(self, url: str) -> bool:
        """Whether an article with this URL is stored (what a feed fetcher asks before fetching)."""
        with self.engines.read.connect() as conn:
            return conn.execute(sa.select(articles.c.id).where(articles.c.url == url).limit(1)).first() is not None

    @staticmethod
    def _retried(transaction: Callable[[], T]) -> T:
        """Run a transaction again when the database says to (a deadlock between two
        writers, PostgreSQL), up to ``RETRIES`` times."""
        for attempt in range(RETRIES):
            try:
                return transaction()
            except sa.exc.DBAPIError as err:
                if not _transient(err) or attempt == RETRIES - 1:
                    raise
        raise AssertionError("unreachable")

    def _insert(self, chunk: list[StoreInput]) -> list[Stored]:
        with self.engines.write.begin() as conn:
            return insert_articles(conn, chunk, num_perm=self.grouping.num_perm)

    def store_articles(self, items: Iterable[StoreInput], report: AddReport | None = None) -> AddReport:
        """Commit the inputs (nothing else), ``INSERT_CHUNK`` per transaction."""
        report = report or AddReport()
        for chunk in _chunks(items, INSERT_CHUNK):
            results = self._retried(lambda: self._insert(chunk))
            for stored in results:
                if not stored.new:
                    report.already.append(stored.id)
                elif stored.unreadable:
                    report.unreadable.append(stored.id)
                else:
                    report.added.append(stored.id)
        return report

    def _group(self, report: AddReport) -> set[int]:
        """Group every pending article; the stories that changed."""
        changed: set[int] = set()
        while True:
            with self.engines.write.begin() as conn:
                done = assign_pending(conn, self.grouping, recent=self._recent)
            report.near_duplicates += done.near_duplicates
            report.stories_created += done.created
            report.stories_merged += done.merged
            report.stories_split += done.split
            changed |= done.changed
            if not done.grouped:
                return changed

    def _store(self, made: Done, report: AddReport) -> None:
        """Write these versions, ``VERSION_BATCH`` per transaction; remember each
        stored one's input."""
        for start in range(0, len(made), VERSION_BATCH):
            part = made[start : start + VERSION_BATCH]
            stored = set(self._retried(lambda: store_versions(self.engines, part, self.settings)))
            for snapshot, _ in part:
                if snapshot.story_id in stored:
                    self._inputs[snapshot.story_id] = (snapshot.revision, snapshot.input_ids())
                    self._inputs.move_to_end(snapshot.story_id)
                    if len(self._inputs) > MAX_REMEMBERED:
                        self._inputs.popitem(last=False)
            report.stories += sorted(stored)

    def _submit(self, report: AddReport, hold: set[int] = set()) -> None:
        """Hand every story needing a version to the summariser, except those held and
        those already waiting or being summarised at the same revision. A story whose
        summary input is the same as for the version this store made last (the change
        was a copy, or an article older than the newest it summarises) gets that
        version's summary again, without summarising."""
        waiting = self._summarizer.outstanding()
        snapshots = read_snapshots(self.engines, lambda story, revision: story not in hold and (story, revision) not in waiting)
        same = {
            s.story_id: known[0] for s in snapshots if (known := self._inputs.get(s.story_id)) is not None and known[1] == s.input_ids()
        }
        again = stored_results(self.engines, same, self.settings) if same else {}
        self._summarizer.submit(s for s in snapshots if s.story_id not in again)
        self._store([(s, again[s.story_id]) for s in snapshots if s.story_id in again], report)

    def _finish(self, report: AddReport) -> None:
        """Until no story needs a version: submit, wait, store."""
        while True:
            self._submit(report)
            if not self._summarizer.outstanding():
                break
            made: Done = []
            while len(made) < VERSION_BATCH and (results := self._summarizer.wait()):
                made += results
            self._store(made, report)

    def update(self, report: AddReport | None = None) -> AddReport:
        """Group every pending article, then version every changed story."""
        with self._updating:
            return self._update(report or AddReport())

    def _update(self, report: AddReport) -> AddReport:
        self._group(report)
        self._finish(report)
        report.stories = sorted(set(report.stories))
        return report

    def add_articles(self, items: Iterable[StoreInput], pass_size: int = MAX_PENDING) -> AddReport:
        """Store the inputs, group them and re-summarise the stories that changed: the
        add path of every writer. ``items`` may be a long stream: it is taken
        ``pass_size`` at a time (each committed, then grouped), and the changed stories
        are summarised while the next articles are stored and grouped (in the
        background with workers). A story that changed in this pass waits for the next
        (once): if it changes again, it is summarised once. Every story has a version
        of its latest membership when the call returns."""
        report = AddReport()
        with self._updating:
            held: set[int] = set()
            for chunk in _chunks(items, pass_size):
                self.store_articles(chunk, report)
                changed = self._group(report)
                held = changed - held
                self._submit(report, hold=held)
                self._store(self._summarizer.done(), report)
            return self._update(report)
