"""A real ``tomtat serve`` process on 127.0.0.1 for tests that need worker processes,
signals or the uvicorn settings the command sets (the in-process clients bypass them)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# Invented news (the same story as conftest's articles): no real article text.
BODY = {
    "words": 40,
    "articles": [
        {"id": "a", "title": "Thông xe cầu Sông Xanh",
         "text": "Sáng 12/3, tỉnh Bình Lâm thông xe cầu Sông Xanh nối hai huyện Đông Hà và Tây Sơn.\n"
                 "Cây cầu dài 1,2 km, có bốn làn xe, tổng vốn đầu tư khoảng 900 tỷ đồng."},
        {"id": "b", "title": "Cầu Sông Xanh rút ngắn đường",
         "text": "Cầu Sông Xanh được thông xe sáng nay sau hai năm thi công.\n"
                 "Trước đây, người dân huyện Tây Sơn phải đi phà để đến trung tâm tỉnh."},
    ],
}

SRC = Path(__file__).resolve().parents[2] / "src"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children_of(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (read from /proc, no extra dependency)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_bytes()
        except OSError:
            continue
        fields = stat.rsplit(b")", 1)[1].split()
        if fields[0] != b"Z" and int(fields[1]) == pid:
            out.append(int(entry.name))
    return out


def is_worker(pid: int) -> bool:
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


@dataclass
class ServeProcess:
    """``tomtat serve ARGS`` started on a free port; ``stop()`` sends SIGTERM."""

    args: list[str]
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None
    env: dict[str, str] = field(default_factory=dict)
    stopped: str | None = None
    nofile: int | None = None  # the server's open-file limit (like `ulimit -n`)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> ServeProcess:
        import httpx

        env = {**os.environ, **self.env, "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tomtat", "serve", "--host", "127.0.0.1", "--port", str(self.port), *self.args],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, preexec_fn=self._limits,
        )
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise AssertionError(f"tomtat serve exited: {self.proc.stderr.read() if self.proc.stderr else ''}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("tomtat serve did not start")
            time.sleep(0.1)

    def _limits(self) -> None:
        if self.nofile is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_NOFILE, (self.nofile, self.nofile))

    def workers(self) -> list[int]:
        assert self.proc is not None
        return [pid for pid in children_of(self.proc.pid) if is_worker(pid)]

    def stop(self) -> str:
        """SIGTERM, wait, and return what it wrote on stderr."""
        assert self.proc is not None
        if self.stopped is not None:
            return self.stopped
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            _, err = self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate(timeout=10)
        self.stopped = err or ""
        return self.stopped
