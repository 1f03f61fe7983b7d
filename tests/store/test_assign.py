"""Grouping in the store: stored stories split and merge as batch grouping would regroup
them, each change recorded; articles stored without features still group."""

from __future__ import annotations

import numpy as np
import pytest
import sqlalchemy as sa

from tomtat.grouping import GroupingOptions
from tomtat.grouping.features import ArticleFeatures
from tomtat.model import Article
from tomtat.store import Store, assign
from tomtat.store.check import problems
from tomtat.store.queries import story_detail
from tomtat.store.schema import articles, membership

TEXT = "Bão số 5 đổ bộ vào Quảng Ngãi. Hàng nghìn ngôi nhà bị tốc mái. Người dân đã được sơ tán an toàn."


def _made(counts: dict[int, int]) -> bytes:
    keys = sorted(counts)
    return ArticleFeatures(np.array(keys, dtype=np.int64), np.array([counts[k] for k in keys], dtype=np.int64), np.zeros(0, dtype=np.uint32)).to_bytes()


def _add(store: Store, name: str, counts: dict[int, int], published: str | None = "2025-10-01T08:00:00+07:00") -> None:
    """Store an article whose grouping features are ``counts`` (so the test decides what is
    similar to what), then group and summarise."""
    (stored,) = store.store_articles([Article(id=name, title=name, text=f"{TEXT} Bài {name}.", published=published)]).added
    with store.engines.write.begin() as conn:
        conn.execute(sa.update(articles).where(articles.c.id == stored).values(features=_made(counts)))
    store.update()


def _story_of(store: Store) -> dict[str, int]:
    with store.engines.read.connect() as conn:
        return dict(conn.execute(sa.select(articles.c.name, membership.c.story_id).join(membership, membership.c.article_id == articles.c.id)).all())


def test_a_new_article_splits_a_story_and_the_split_is_recorded(db_url: str) -> None:
    # a and b alone are alike; c is b's closer match and shares nothing with a, so batch
    # grouping of a, b, c makes {a} and {b, c} (tests/grouping/test_extend.py).
    with Store(db_url, grouping=GroupingOptions(similarity=0.5)) as store:
        a, b = store.store_articles([Article(id=n, title=n, text=f"{TEXT} Bài {n}.", published="2025-10-01T08:00:00+07:00") for n in "ab"]).added
        with store.engines.write.begin() as conn:
            conn.execute(sa.update(articles).where(articles.c.id == a).values(features=_made({1: 2, 2: 2, 4: 1})))
            conn.execute(sa.update(articles).where(articles.c.id == b).values(features=_made({1: 1, 2: 1, 3: 3, 5: 1})))
        store.update()
        first = _story_of(store)
        assert first["a"] == first["b"]
        _add(store, "c", {3: 3, 5: 1, 6: 1})
        after = _story_of(store)
        assert after["b"] == after["c"] != after["a"]
        with store.engines.read.connect() as conn:
            kept, other = (after["a"], after["b"]) if after["a"] == first["a"] else (after["b"], after["a"])
            assert story_detail(conn, kept)["split_into"] == [other]
            assert story_detail(conn, other)["split_from"] == kept
            assert problems(conn) == []


def test_a_new_article_merges_two_stories_into_the_one_it_mostly_continues(db_url: str) -> None:
    with Store(db_url, grouping=GroupingOptions(similarity=0.3)) as store:
        _add(store, "fuel", {1: 1, 2: 1})
        _add(store, "fire", {3: 1, 4: 1})
        before = _story_of(store)
        assert before["fuel"] != before["fire"]
        _add(store, "both", {1: 1, 2: 1, 3: 1, 4: 1})
        after = _story_of(store)
        assert after["fuel"] == after["fire"] == after["both"] == before["fuel"]
        with store.engines.read.connect() as conn:
            assert story_detail(conn, before["fire"])["id"] == before["fuel"]  # followed to where it went
            assert story_detail(conn, before["fuel"])["merged_from"] == [before["fire"]]
            assert problems(conn) == []


def test_articles_stored_without_features_get_them_when_grouped(db_url: str, rows: list[dict[str, str]]) -> None:
    stream = [Article(id=r["id"], title=r["title"], text=r["text"], published=r["published"]) for r in rows]
    with Store(db_url) as store:
        store.add_articles(stream[:6])
        with store.engines.write.begin() as conn:
            conn.execute(sa.update(articles).values(features=None))  # as a store made before features were kept
        store.add_articles(stream[6:])
        with store.engines.read.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).where(articles.c.features.is_(None))).scalar() == 0
            assert problems(conn) == []
        label = {r["id"]: r["story"] for r in rows}
        found = _story_of(store)
        assert len({found[n] for n in found}) == 3 and all(len({found[n] for n in found if label[n] == s}) == 1 for s in set(label.values()))


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many articles each grouping pass from now on regroups (pending and stored)."""
    seen: list[int] = []
    real = assign.regroup

    def counting(features, *args):  # type: ignore[no-untyped-def]
        seen.append(len(features))
        return real(features, *args)

    monkeypatch.setattr(assign, "regroup", counting)
    return seen


def test_a_late_near_copy_joins_its_original_story_whatever_the_window(db_url: str, rows: list[dict[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    stream = [Article(id=r["id"], title=r["title"], text=r["text"], published=r["published"]) for r in rows]
    copy = Article(id="late-copy", title=stream[0].title, text=stream[0].text + " (Theo TTXVN)", published="2026-03-01T08:00:00+07:00")
    with Store(db_url) as store:
        store.add_articles(stream)
        seen = _counting(monkeypatch)
        report = store.add_articles([copy])
        found = _story_of(store)
        with store.engines.read.connect() as conn:
            original, linked = conn.execute(sa.select(articles.c.id, articles.c.duplicate_of).where(articles.c.name.in_([stream[0].id, "late-copy"])).order_by(articles.c.id)).all()
            assert problems(conn) == []
    assert found["late-copy"] == found[stream[0].id] and report.near_duplicates == 1
    assert linked.duplicate_of == original.id
    # the copy and its original's story, not the other stories of the original's days
    assert max(seen) == 1 + sum(1 for r in rows if r["story"] == rows[0]["story"])


def test_a_pass_reads_the_new_articles_neighbourhood_not_the_whole_store(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(db_url, grouping=GroupingOptions(similarity=0.3)) as store:
        for day in range(1, 6):  # a month earlier: out of the new article's window
            _add(store, f"old{day}", {1: 1, 2: 1, 10 + day: 1}, f"2025-09-0{day}T08:00:00+07:00")
        _add(store, "recent", {3: 1, 4: 1}, "2025-10-01T08:00:00+07:00")
        seen = _counting(monkeypatch)
        _add(store, "new", {3: 1, 4: 1, 5: 1}, "2025-10-02T08:00:00+07:00")
        found = _story_of(store)
        with store.engines.read.connect() as conn:
            assert problems(conn) == []
    assert seen and max(seen) == 2  # "recent" and the new article, never the old story
    assert found["new"] == found["recent"]


def test_a_story_keeps_the_articles_a_capped_pass_did_not_load(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(db_url, grouping=GroupingOptions(similarity=0.3)) as store:
        _add(store, "fuel", {1: 1, 2: 1})
        _add(store, "fire", {3: 1, 4: 1})
        _add(store, "fire, undated", {3: 1, 4: 1}, None)
        before = _story_of(store)
        assert before["fire"] == before["fire, undated"] != before["fuel"]
        monkeypatch.setattr(assign, "MAX_CONTEXT", 2)  # the pass below loads "fuel" and "fire" only
        _add(store, "both", {1: 1, 2: 1, 3: 1, 4: 1})
        after = _story_of(store)
        with store.engines.read.connect() as conn:
            assert problems(conn) == []
            assert story_detail(conn, before["fire"])["id"] == before["fire"]  # not merged away: it still holds an article
    assert after["fuel"] == after["fire"] == after["both"] and after["fire, undated"] == before["fire"]
