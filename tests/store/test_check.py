"""The invariant checker finds what a broken store would show."""

from __future__ import annotations

import sqlalchemy as sa

from tomtat.model import Article
from tomtat.store import Store
from tomtat.store.check import problems
from tomtat.store.schema import membership, stories


def test_problems_of_a_good_and_a_broken_store(tmp_path, rows) -> None:
    with Store(str(tmp_path / "s.db")) as store:
        store.add_articles([Article(id=r["id"], title=r["title"], text=r["text"], published=r["published"]) for r in rows])
        with store.engines.read.connect() as conn:
            assert problems(conn) == []
        with store.engines.write.begin() as conn:
            conn.execute(sa.update(stories).where(stories.c.id == 1).values(revision=stories.c.revision + 1))
            conn.execute(sa.delete(membership).where(membership.c.article_id == 2))
        with store.engines.read.connect() as conn:
            found = problems(conn)
    assert any("no version of its latest revision" in p for p in found)
    assert any("readable articles in no story" in p for p in found)
