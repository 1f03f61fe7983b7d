"""Summaries in worker processes: the same versions as in one process; a dead worker stores nothing."""

from __future__ import annotations

import os
import signal
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from tomtat.article_cache import ArticleCache
from tomtat.model import Article
from tomtat.store import Store
from tomtat.store.engine import StoreError
from tomtat.store.schema import stories, story_versions
from tomtat.store.assign import assign_pending
from tomtat.store.versions import Settings, Snapshot, read_snapshots
from tomtat.store.workers import InlineSummarizer, SummaryWorkers


def _articles(rows: list[dict[str, str]]) -> list[Article]:
    return [Article(id=r["id"], title=r["title"], text=r["text"], source=r.get("source"), published=r.get("published")) for r in rows]


def _versions(store: Store) -> list[tuple[int, int, str]]:
    with store.engines.read.connect() as conn:
        query = sa.select(story_versions.c.story_id, story_versions.c.number, story_versions.c.summary).order_by(story_versions.c.story_id, story_versions.c.number)
        return [tuple(row) for row in conn.execute(query)]


def _kill(store: Store) -> None:
    assert isinstance(store._summarizer, SummaryWorkers)
    for process in store._summarizer._procs:
        os.kill(process.pid, signal.SIGKILL)
        process.join()


def test_two_workers_make_the_versions_one_process_makes(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    made = []
    for workers in (1, 2):
        with Store(f"sqlite:///{tmp_path / f'w{workers}.db'}", workers=workers) as store:
            store.add_articles(_articles(rows[:5]))
            for k, article in enumerate(_articles(rows[5:])):  # each a new version of a story seen before
                if workers == 2 and k == 1:
                    _kill(store)  # dead between two calls: started again
                store.add_articles([article])
            made.append(_versions(store))
            with store.engines.read.connect() as conn:
                assert conn.execute(sa.select(sa.func.count()).where(stories.c.summarized_revision < stories.c.revision)).scalar() == 0
    assert made[0] == made[1] and len(made[0]) > 3


def test_workers_killed_while_summarising_raise_and_answer_again_next_time(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    snapshots = _changed(tmp_path, rows)
    workers = SummaryWorkers(2, Settings())
    try:
        workers.submit(snapshots)
        for process in workers._procs:
            os.kill(process.pid, signal.SIGKILL)
            process.join()
        with pytest.raises(StoreError, match="worker process stopped"):
            while workers.wait():
                pass
        assert workers.outstanding() == set()
        assert len(list(workers.summarize(snapshots[:2]))) == 2
    finally:
        workers.close()


def _changed(tmp_path: Path, rows: list[dict[str, str]]) -> list[Snapshot]:
    """Snapshots of three stories that changed (grouped, not yet summarised)."""
    with Store(f"sqlite:///{tmp_path / 's.db'}") as store:
        store.add_articles(_articles(rows))
        store.store_articles([Article(id=f"{r['id']}-again", title=r["title"], text=r["text"] + " Tin cập nhật.") for r in rows])
        with store.engines.write.begin() as conn:
            assign_pending(conn, store.grouping)
        return read_snapshots(store.engines)


def test_a_story_submitted_again_while_waiting_is_summarised_once_at_its_newest(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    snapshots = _changed(tmp_path, rows)
    first = snapshots[0]
    newer = replace(first, revision=first.revision + 1, rows=first.rows[:-1])
    summarizer = InlineSummarizer(Settings(), ArticleCache())
    summarizer.submit(snapshots)
    summarizer.submit([newer])
    assert (first.story_id, first.revision + 1) in summarizer.outstanding()
    done = summarizer.done()
    assert [s for s, _ in done if s.story_id == first.story_id] == [newer]
    assert len(done) == len(snapshots) and summarizer.outstanding() == set()
