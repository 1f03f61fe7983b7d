"""Store fixtures: a store URL on each engine, and a small invented article stream.

``db_url`` is parametrized over SQLite (a file in the test's tmp folder) and PostgreSQL
(a fresh database on a throwaway server: ``initdb`` + ``pg_ctl`` in a temporary folder,
on a free port of 127.0.0.1, started once per session and removed at its end). The
PostgreSQL cases skip, saying why, only when no PostgreSQL server binaries exist.
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
from pathlib import Path

import pytest

STORIES = {
    "bao": [
        ("Bão số 7 đổ bộ vào Thanh Hóa", "Bão số 7 đã đổ bộ vào tỉnh Thanh Hóa lúc rạng sáng với sức gió giật cấp 11. Hàng trăm ngôi nhà bị tốc mái, nhiều cây xanh bật gốc. Ban chỉ huy phòng chống thiên tai tỉnh đã sơ tán hơn 10.000 người dân vùng ven biển."),
        ("Thanh Hóa khắc phục hậu quả bão số 7", "Sau khi bão số 7 đi qua, chính quyền Thanh Hóa huy động bộ đội giúp dân dựng lại nhà bị tốc mái. Sức gió giật của bão làm đổ hàng trăm cột điện, nhiều xã ven biển mất điện. Người dân sơ tán đã trở về nhà."),
        ("Bão số 7 gây mưa lớn ở Bắc Trung Bộ", "Hoàn lưu bão số 7 gây mưa lớn tại Thanh Hóa và Nghệ An. Gió giật mạnh làm tốc mái nhiều ngôi nhà ven biển. Ban chỉ huy phòng chống thiên tai cảnh báo nguy cơ lũ quét và sạt lở đất ở miền núi."),
    ],
    "gia": [
        ("Giá gạo xuất khẩu tăng lần thứ ba liên tiếp", "Hiệp hội Lương thực cho biết giá gạo xuất khẩu tăng thêm 20 USD mỗi tấn trong tuần này. Đây là lần tăng giá gạo thứ ba liên tiếp do nhu cầu nhập khẩu từ Philippines đi lên. Nông dân Đồng bằng sông Cửu Long phấn khởi."),
        ("Gạo xuất khẩu tăng 20 USD mỗi tấn", "Giá gạo xuất khẩu tăng 20 USD mỗi tấn theo số liệu của Hiệp hội Lương thực. Nhu cầu nhập khẩu từ Philippines tăng mạnh khiến giá gạo trong nước tăng lần thứ ba liên tiếp. Thương lái đổ về Đồng bằng sông Cửu Long thu mua."),
        ("Nông dân miền Tây phấn khởi vì giá gạo tăng", "Nhiều nông dân Đồng bằng sông Cửu Long phấn khởi khi giá gạo xuất khẩu tăng lần thứ ba liên tiếp. Hiệp hội Lương thực cho biết Philippines vẫn là thị trường nhập khẩu gạo lớn nhất, giá tăng 20 USD mỗi tấn."),
    ],
    "chay": [
        ("Cháy lớn tại xưởng gỗ ở Bình Dương", "Một đám cháy lớn bùng phát tại xưởng gỗ ở Bình Dương lúc nửa đêm, thiêu rụi hàng nghìn mét vuông nhà xưởng. Lực lượng cảnh sát phòng cháy chữa cháy điều 20 xe chữa cháy đến hiện trường. Không có thiệt hại về người."),
        ("Xưởng gỗ ở Bình Dương bị thiêu rụi", "Vụ cháy xưởng gỗ ở Bình Dương đêm qua thiêu rụi hàng nghìn mét vuông nhà xưởng. Cảnh sát phòng cháy chữa cháy mất hơn bốn giờ mới dập tắt đám cháy. Nguyên nhân vụ cháy xưởng gỗ đang được điều tra."),
        ("Công nhân xưởng gỗ Bình Dương mất việc sau vụ cháy", "Hàng trăm công nhân xưởng gỗ ở Bình Dương mất việc sau vụ cháy lúc nửa đêm. Lực lượng phòng cháy chữa cháy đã khống chế đám cháy, không để lan sang khu dân cư. Cơ quan chức năng đang điều tra nguyên nhân vụ cháy xưởng gỗ."),
    ],
}
DAYS = {"bao": "2025-10-01", "gia": "2025-10-02", "chay": "2025-10-03"}


def stream() -> list[dict[str, str]]:
    """Nine articles, three stories interleaved; ``story`` says which (for assertions)."""
    rows = []
    for k in range(3):
        for story, texts in STORIES.items():
            title, text = texts[k]
            rows.append({
                "id": f"{story}{k}", "title": title, "text": text, "published": f"{DAYS[story]}T0{k + 7}:00:00+07:00",
                "url": f"https://news.example/{story}/{k}", "source": f"bao{k}.example", "story": story,
            })
    return rows


@pytest.fixture
def rows() -> list[dict[str, str]]:
    """``stream()``: nine invented articles, three stories interleaved."""
    return stream()


# --- PostgreSQL: one throwaway server per test session -------------------------------


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
    """A running throwaway server: ``url(name)`` makes a fresh database and returns its URL."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._names = itertools.count(1)

    def url(self, prefix: str = "t") -> str:
        import sqlalchemy as sa

        name = f"{prefix}{next(self._names)}_{os.getpid()}"
        admin = sa.create_engine(f"postgresql+psycopg://tomtat@127.0.0.1:{self.port}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        admin.dispose()
        return f"postgresql+psycopg://tomtat@127.0.0.1:{self.port}/{name}"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """Start PostgreSQL in a temporary folder (as the ``postgres`` user when run as
    root: the server refuses to run as root) and remove it all at the end."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's postgresql package")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install -e '.[postgres]')")
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
        pytest.fail(f"could not start PostgreSQL: {err.stderr.decode(errors='replace')[-500:]}")
    try:
        yield PgServer(port)
    finally:
        subprocess.run(_as_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], user), capture_output=True, env=env, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty store URL on each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("pg_server").url()
