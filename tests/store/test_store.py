"""The add path on both engines: idempotent, nothing dropped, stories and versions."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from tomtat.model import Article
from tomtat.store import Store, Unreadable, workers
from tomtat.store.check import problems
from tomtat.store.queries import counts, list_stories, story_detail
from tomtat.store.schema import articles, membership, stories, story_versions


def _articles(rows: list[dict[str, str]]) -> list[Article]:
    return [Article(id=r["id"], title=r["title"], text=r["text"], source=r.get("source"), url=r.get("url"), published=r.get("published")) for r in rows]


def _stories_by_label(store: Store, rows: list[dict[str, str]]) -> dict[str, set[int]]:
    """Label of the invented story -> store story ids its articles ended in."""
    label = {r["id"]: r["story"] for r in rows}
    with store.engines.read.connect() as conn:
        rows = conn.execute(sa.select(articles.c.name, membership.c.story_id).join(membership, membership.c.article_id == articles.c.id)).all()
    out: dict[str, set[int]] = {}
    for name, story in rows:
        out.setdefault(label[name], set()).add(story)
    return out


def test_new_articles_added_one_by_one_join_their_stories(db_url: str, rows: list[dict[str, str]]) -> None:
    with Store(db_url) as store:
        store.add_articles(_articles(rows[:6]))
        for article in _articles(rows[6:]):
            report = store.add_articles([article])
            assert report.stories_created == 0 and len(report.stories) == 1
        found = _stories_by_label(store, rows)
        assert all(len(ids) == 1 for ids in found.values())
        assert len({next(iter(ids)) for ids in found.values()}) == 3
        with store.engines.read.connect() as conn:
            listed = list_stories(conn)
            assert [c["articles"] for c in listed] == [3, 3, 3]
            assert {c["sources"] for c in listed} == {3}
            # every story has a version for its latest membership change
            assert conn.execute(sa.select(sa.func.count()).select_from(stories).where(stories.c.summarized_revision != stories.c.revision)).scalar() == 0
            versions = conn.execute(sa.select(story_versions.c.story_id, sa.func.count()).group_by(story_versions.c.story_id)).all()
            assert sorted(n for _, n in versions) == [2, 2, 2]  # the first batch, then the new article


def test_adding_again_stores_nothing_twice(db_url: str, rows: list[dict[str, str]]) -> None:
    batch = _articles(rows)
    with Store(db_url) as store:
        first = store.add_articles(batch)
        again = store.add_articles(batch)
        renamed = store.add_articles([Article(id="other-name", title="x", text=batch[0].text)])  # same text
        same_url = store.add_articles([Article(id="x", title="Khác", text="Một bài khác hẳn.", url=batch[1].url)])
        with store.engines.read.connect() as conn:
            total = counts(conn)
    assert len(first.added) == 9 and not first.already
    assert not again.added and len(again.already) == 9 and not again.stories
    assert renamed.already == [first.added[0]] and same_url.already == [first.added[1]]
    assert total["articles"] == 9 and total["stories"] == 3 and total["versions"] == 3


def test_unreadable_input_is_recorded_not_dropped(db_url: str) -> None:
    with Store(db_url) as store:
        report = store.add_articles([Unreadable("feed/bad.html", "feed/bad.html: cannot read (Permission denied)"), Article(id="empty", title="", text="  ")])
        store.add_articles([Unreadable("feed/bad.html", "again")])
        with store.engines.read.connect() as conn:
            rows = conn.execute(sa.select(articles.c.name, articles.c.read_error)).all()
            grouped = counts(conn)["grouped"]
    assert len(report.unreadable) == 2
    assert sorted(rows) == [("empty", "empty article (no title, no text)"), ("feed/bad.html", "feed/bad.html: cannot read (Permission denied)")]
    assert grouped == 0


def test_near_duplicate_is_linked_to_its_original(db_url: str, rows: list[dict[str, str]]) -> None:
    copy = dict(rows[0], id="bao-copy", url="https://other.example/copy", text=rows[0]["text"] + " (Theo TTXVN)")
    with Store(db_url) as store:
        store.add_articles(_articles(rows))
        report = store.add_articles(_articles([copy]))
        with store.engines.read.connect() as conn:
            original, linked = conn.execute(sa.select(articles.c.id, articles.c.duplicate_of).where(articles.c.name.in_(["bao0", "bao-copy"])).order_by(articles.c.id)).all()
            detail = story_detail(conn, report.stories[0])
    assert report.near_duplicates == 1
    assert linked.duplicate_of == original.id
    assert detail["articles"] == 4 and detail["versions"] == 2


def test_story_detail_carries_summary_timeline_and_sources(db_url: str, rows: list[dict[str, str]]) -> None:
    with Store(db_url) as store:
        report = store.add_articles(_articles(rows))
        with store.engines.read.connect() as conn:
            detail = story_detail(conn, report.stories[0])
    latest = detail["latest"]
    assert latest["number"] == 1 and latest["method"] and latest["tomtat_version"]
    assert latest["budget"]["words"] == 200
    ids = {str(a["id"]) for a in detail["article_list"]}
    assert latest["summary"]["sentences"] and {s["article_id"] for s in latest["summary"]["sentences"]} <= ids
    assert json.dumps(latest)  # plain JSON all the way down


def test_a_stream_added_in_passes_ends_current_with_fewer_versions(db_url: str, rows: list[dict[str, str]]) -> None:
    """A long input is stored and grouped a pass at a time; a story that changes in two
    passes in a row is summarised once for both, and every story ends at its latest version
    (here 6 versions for 9 changes)."""
    with Store(db_url) as store:
        report = store.add_articles(iter(_articles(rows)), pass_size=2)
        assert len(report.added) == len(rows) and report.stories_created == 3
        found = _stories_by_label(store, rows)
        assert all(len(ids) == 1 for ids in found.values())
        with store.engines.read.connect() as conn:
            assert problems(conn) == []
            assert conn.execute(sa.select(sa.func.count()).select_from(stories).where(stories.c.summarized_revision != stories.c.revision)).scalar() == 0
            versions = conn.execute(sa.select(sa.func.count()).select_from(story_versions)).scalar()
    assert 3 <= versions < len(rows)  # article by article, each of the nine changes is a version


def test_a_change_that_leaves_the_summary_input_alone_is_a_version_without_summarising(
    db_url: str, rows: list[dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A near-copy joining a story (summaries leave copies out) is a new version with the
    same summary, taken from the previous version rather than made again."""
    copy = dict(rows[0], id="bao-copy", url="https://other.example/copy", text=rows[0]["text"] + " (Theo TTXVN)")
    with Store(db_url) as store:
        store.add_articles(_articles(rows))
        monkeypatch.setattr(workers, "summarize_story", lambda *args: pytest.fail("summarised again"))
        report = store.add_articles(_articles([copy]))
        with store.engines.read.connect() as conn:
            summaries = conn.execute(
                sa.select(story_versions.c.summary).where(story_versions.c.story_id == report.stories[0]).order_by(story_versions.c.number)
            ).scalars().all()
            assert problems(conn) == []
    assert report.near_duplicates == 1 and len(summaries) == 2 and summaries[0] == summaries[1]


def test_two_threads_adding_through_one_store_each_hear_of_their_stories(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    """The server's request threads share one Store: each add answers with the stories it changed."""
    with Store(f"sqlite:///{tmp_path / 's.db'}") as store:
        store.add_articles(_articles(rows[:6]))
        with ThreadPoolExecutor(2) as pool:
            reports = list(pool.map(lambda article: store.add_articles([article]), _articles(rows[6:8])))
        with store.engines.read.connect() as conn:
            assert problems(conn) == []
    assert all(len(report.added) == 1 and len(report.stories) == 1 for report in reports)
