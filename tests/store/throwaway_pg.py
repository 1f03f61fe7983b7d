"""A throwaway PostgreSQL server: ``initdb`` + ``pg_ctl`` in a temporary folder, on a
free port of 127.0.0.1, removed when done. A plain module beside the store tests'
conftest (which puts its folder on ``sys.path``), also used by ``bench/store_stream.py``.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Unavailable(Exception):
    """No server can be started here: the reason, in one line."""


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_user(argv: list[str], user: str | None) -> list[str]:
    return ["runuser", "-u", user, "--", *argv] if user else argv


class PgServer:
    """A running throwaway server: ``url(name)`` makes a fresh database and returns its
    URL; ``data`` is its data folder (``postmaster.pid`` names the server process)."""

    def __init__(self, port: int, data: Path) -> None:
        self.port = port
        self.data = data
        self._names = itertools.count(1)

    def url(self, prefix: str = "t") -> str:
        import sqlalchemy as sa

        name = f"{prefix}{next(self._names)}_{os.getpid()}"
        admin = sa.create_engine(f"postgresql+psycopg://tomtat@127.0.0.1:{self.port}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        admin.dispose()
        return f"postgresql+psycopg://tomtat@127.0.0.1:{self.port}/{name}"


@contextmanager
def throwaway_server() -> Iterator[PgServer]:
    """Start PostgreSQL in a temporary folder (as the ``postgres`` user when run as
    root: the server refuses to run as root) and remove it all at the end. Raises
    ``Unavailable`` when there are no server binaries or no psycopg, and
    ``RuntimeError`` when the server does not start."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        raise Unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's postgresql package")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise Unavailable("psycopg is not installed (pip install -e '.[postgres]')") from None
    user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True)
        user = "postgres"
    root = Path(tempfile.mkdtemp(prefix="tomtat-pg-"))
    data = root / "data"
    if user:
        shutil.chown(root, user)
    port = _free_port()
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    run = lambda argv: subprocess.run(_as_user(argv, user), check=True, capture_output=True, env=env, timeout=120)  # noqa: E731
    try:
        run([str(bin_dir / "initdb"), "-D", str(data), "-U", "tomtat", "--auth=trust", "-E", "UTF8", "--no-sync"])
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c max_connections=50"
        run([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "-t", "60", "start"])
    except subprocess.CalledProcessError as err:
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"could not start PostgreSQL: {err.stderr.decode(errors='replace')[-500:]}") from None
    try:
        yield PgServer(port, data)
    finally:
        subprocess.run(_as_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], user), capture_output=True, env=env, timeout=60)
        shutil.rmtree(root, ignore_errors=True)
