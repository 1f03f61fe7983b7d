"""Store fixtures: a store URL on each engine (the article stream ``rows`` is in tests/conftest.py).

``db_url`` is parametrized over SQLite (a file in the test's tmp folder) and PostgreSQL
(a fresh database on a throwaway server, ``throwaway_pg``: ``initdb`` + ``pg_ctl`` in a
temporary folder, on a free port of 127.0.0.1, started once per session and removed at
its end). The
PostgreSQL cases skip, saying why, only when no PostgreSQL server binaries exist.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))  # throwaway_pg: also used by bench/store_stream.py

from throwaway_pg import PgServer, Unavailable, throwaway_server  # noqa: E402

from tomtat.store import Store  # noqa: E402
from tomtat.store.check import problems  # noqa: E402
from tomtat.store.schema import articles  # noqa: E402

Checker = Callable[[str, set[str]], None]


def check_consistent(db: str, names: set[str]) -> None:
    """Every input stored once (by name) and the store's invariants hold
    (``tomtat.store.check``)."""
    with Store(db) as store, store.engines.read.connect() as conn:
        stored = [r.name for r in conn.execute(sa.select(articles.c.name))]
        assert sorted(stored) == sorted(names)
        assert problems(conn) == []


@pytest.fixture
def consistent() -> Checker:
    """``check_consistent``."""
    return check_consistent


# --- PostgreSQL: one throwaway server per test session -------------------------------


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A throwaway server (``throwaway_pg``) for the whole session."""
    try:
        with throwaway_server() as server:
            yield server
    except Unavailable as err:
        pytest.skip(str(err))
    except RuntimeError as err:
        pytest.fail(str(err))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty store URL on each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("pg_server").url()
