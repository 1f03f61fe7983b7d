"""Opening stores: migrations agree with the schema, run once when two processes open a
new store at once, and bad URLs are one clear line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from tomtat.store import Store, StoreError
from tomtat.store.engine import create_engines
from tomtat.store.schema import metadata

SRC = Path(__file__).resolve().parents[2] / "src"


def test_migrations_make_exactly_the_schema(db_url: str) -> None:
    with Store(db_url) as store, store.engines.read.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_two_processes_create_one_new_store_at_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    code = f"from tomtat.store import Store; Store({url!r}).close()"
    runs = [subprocess.Popen([sys.executable, "-c", code], env={"PYTHONPATH": str(SRC)}, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    assert [(r.wait(timeout=120), r.stderr.read() if r.stderr else "") for r in runs] == [(0, ""), (0, "")]
    with Store(url) as store, store.engines.read.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0002"


@pytest.mark.parametrize("url, message", [
    ("oracle://u@h/d", "unsupported database"),
    ("sqlite://", "give a SQLite file"),
    ("a b://c", "not a database URL"),
])
def test_bad_urls(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        create_engines(url)


def test_password_is_not_printed() -> None:
    with pytest.raises(StoreError) as err:
        Store("postgresql+psycopg://me:hunter2@127.0.0.1:1/db")
    assert "hunter2" not in str(err.value) and "cannot open the store" in str(err.value)
