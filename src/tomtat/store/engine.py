"""Opening a store: database URLs, engines tuned per backend, migrations on open.

``sqlite:///path`` (or a plain file path) opens an embedded SQLite file: WAL journal (so
readers never wait for a writer), a 30 s busy timeout, and write transactions that take
the write lock at their start (``BEGIN IMMEDIATE``), so two writers queue instead of
failing half-way with "database is locked". ``postgresql+psycopg://...`` opens a
PostgreSQL database through psycopg 3; writers that must not interleave take a
transaction-scoped advisory lock (``lock``).

Migrations (Alembic, shipped in ``tomtat/store/migrations``) run on every open that finds
the schema behind, inside one write transaction holding the migration lock, so two
processes opening a new store at once create it once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from tomtat.errors import TomtatError

DEFAULT_URL = "sqlite:///tomtat.db"
ENV_VAR = "TOMTAT_DB"
BUSY_TIMEOUT_SECONDS = 30.0
MIGRATIONS = Path(__file__).parent / "migrations"

# Advisory lock keys (PostgreSQL): arbitrary constants, one per kind of exclusive work.
MIGRATE_LOCK = 7_216_001
GROUP_LOCK = 7_216_002


class StoreError(TomtatError):
    """The store cannot be opened or used: bad URL, unreachable server, unknown story."""


def resolve_url(db: str | None) -> str:
    """The database URL to use: ``db``, else ``$TOMTAT_DB``, else ``./tomtat.db``.
    A value without ``://`` is a SQLite file path."""
    value = (db or os.environ.get(ENV_VAR) or DEFAULT_URL).strip()
    if not value:
        raise StoreError("--db is empty; give a file path, sqlite:///PATH or postgresql+psycopg://...")
    if "://" not in value:
        return "sqlite:///" + value
    return value


@dataclass(frozen=True)
class Engines:
    """``write`` for transactions that change the store, ``read`` for the rest (on SQLite
    a read transaction does not take the write lock)."""

    url: str  # for messages: the password, if any, is hidden
    write: Engine
    read: Engine

    @property
    def backend(self) -> str:
        return self.write.dialect.name

    def dispose(self) -> None:
        self.write.dispose()
        self.read.dispose()


def _sqlite_engine(url: sa.URL, immediate: bool) -> Engine:
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # SQLAlchemy, not the driver, opens transactions
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def create_engines(db: str | None) -> Engines:
    """Engines for the URL (see ``resolve_url``); errors are one clear line."""
    text = resolve_url(db)
    try:
        url = sa.make_url(text)
    except sa.exc.ArgumentError:
        raise StoreError(f"--db {text!r}: not a database URL (use a file path, sqlite:///PATH or postgresql+psycopg://USER@HOST/DB)") from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise StoreError(f"--db {text!r}: give a SQLite file (sqlite:///PATH); an in-memory store would be lost at exit")
        folder = Path(url.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise StoreError(f"--db {text!r}: folder {folder} does not exist")
        return Engines(url.render_as_string(hide_password=True), _sqlite_engine(url, True), _sqlite_engine(url, False))
    if backend == "postgresql":
        if url.get_driver_name() not in ("psycopg", "psycopg2") and url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        try:
            engine = sa.create_engine(url, pool_pre_ping=True)
        except (ImportError, sa.exc.NoSuchModuleError) as err:
            raise StoreError(f"--db: PostgreSQL needs psycopg ({err})") from None
        return Engines(url.render_as_string(hide_password=True), engine, engine)
    raise StoreError(f"--db {text!r}: unsupported database {backend!r} (use SQLite or PostgreSQL)")


def lock(conn: Connection, key: int) -> None:
    """Serialise a kind of work across processes until ``conn``'s transaction ends.
    SQLite needs nothing here: its write transactions already exclude each other."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _alembic_config(conn: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def _current(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def migrate(engines: Engines) -> None:
    """Bring the schema to the newest migration (no-op when it is already there)."""
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    try:
        with engines.read.connect() as conn:
            if _current(conn) == head:
                return
        with engines.write.begin() as conn:
            lock(conn, MIGRATE_LOCK)
            if _current(conn) != head:  # another process may have migrated meanwhile
                command.upgrade(_alembic_config(conn), "head")
    except sa.exc.OperationalError as err:
        raise StoreError(f"cannot open the store {engines.url}: {_first_line(err)}") from None


def _first_line(err: sa.exc.DBAPIError) -> str:
    message = str(err.orig) if err.orig is not None else str(err)
    return message.strip().splitlines()[0] if message.strip() else type(err).__name__
