"""The recent-frequencies window kept between grouping passes counts exactly what a
fresh count of the window gives, as articles enter and leave it (by id, whoever stored
them, including articles whose features are unreadable)."""

from __future__ import annotations

import numpy as np
import sqlalchemy as sa

from tomtat.grouping.features import ArticleFeatures
from tomtat.grouping.vectors import Frequencies
from tomtat.model import Article
from tomtat.store import Store
from tomtat.store.recent import RecentFrequencies
from tomtat.store.schema import articles


def _fresh(conn: sa.Connection, size: int) -> tuple[Frequencies, set[int]]:
    """The window counted from scratch, as grouping passes counted it before the cache."""
    query = sa.select(articles.c.id, articles.c.features).where(articles.c.features.is_not(None)).order_by(articles.c.id.desc()).limit(size)
    keys, ids = [], set()
    for row in conn.execute(query):
        if (found := ArticleFeatures.from_bytes(row.features)) is not None:
            keys.append(found.keys)
            ids.add(row.id)
    return Frequencies.of(keys), ids


def _same(a: Frequencies, b: Frequencies) -> bool:
    return a.n == b.n and np.array_equal(a.keys, b.keys) and np.array_equal(a.df, b.df)


def test_the_kept_window_equals_a_fresh_count_as_articles_come_and_go(db_url: str, rows: list[dict[str, str]]) -> None:
    kept = RecentFrequencies(size=4)
    other = RecentFrequencies(size=4)  # a second store process on the same database
    with Store(db_url) as store:
        for k, row in enumerate(rows):
            fields = {key: row[key] for key in ("id", "title", "text", "published", "url", "source")}
            store.store_articles([Article(**fields)])
            if k == 5:  # features of another format: not counted, yet the window holds the article
                with store.engines.write.begin() as conn:
                    newest = conn.execute(sa.select(sa.func.max(articles.c.id))).scalar_one()
                    conn.execute(sa.update(articles).where(articles.c.id == newest).values(features=b"\x09old"))
            with store.engines.read.connect() as conn:
                expected, ids = _fresh(conn, 4)
                got, got_ids = kept.update(conn)
                assert _same(got, expected) and got_ids == ids
                if k % 3 == 2:  # this one sees the store only now and then
                    seen, seen_ids = other.update(conn)
                    assert _same(seen, expected) and seen_ids == ids
        with store.engines.read.connect() as conn:  # nothing new: the same again
            again, again_ids = kept.update(conn)
            assert _same(again, _fresh(conn, 4)[0]) and again_ids == ids
