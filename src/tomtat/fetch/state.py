"""What the fetcher remembers between runs, besides the articles themselves.

Per feed, the validators of its last full read (``ETag``, ``Last-Modified``) for
conditional requests; and the addresses that were settled without giving a new article
(a 404, robots.txt said no, no main text, a copy of an article already kept), so they
are not fetched again. Addresses that failed for a passing reason (5xx, timeouts) are
not settled: the next round tries them again.

The state is one JSON file, replaced atomically (``io.output``); each save re-reads it under an
exclusive lock and merges, so two fetchers sharing it lose nothing of each other's.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tomtat.errors import InputError
from tomtat.io.output import write_text


@dataclass(frozen=True, slots=True)
class Validators:
    """The cache validators a feed answered with."""

    etag: str | None = None
    last_modified: str | None = None

    def request_headers(self) -> dict[str, str]:
        """``If-None-Match`` / ``If-Modified-Since`` for the next request."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass
class _Data:
    feeds: dict[str, Validators] = field(default_factory=dict)
    settled: dict[str, str] = field(default_factory=dict)


class FetchState:
    """The state file at ``path`` (created on the first save)."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self._lock_path = self.path.with_name(self.path.name + ".lock")
        self._data = self._load()

    def validators(self, feed_url: str) -> Validators:
        return self._data.feeds.get(feed_url, Validators())

    def settled(self, url: str) -> str | None:
        """Why ``url`` needs no fetching again, or None."""
        return self._data.settled.get(url)

    def save(self, feeds: dict[str, Validators], settled: dict[str, str]) -> None:
        """Record new validators and settled addresses (merged with other writers')."""
        if not feeds and not settled:
            return
        with self._locked():
            data = self._load()
            data.feeds.update(feeds)
            data.settled.update(settled)
            self._write(data)
            self._data = data

    @contextmanager
    def _locked(self) -> Iterator[None]:
        fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def _load(self) -> _Data:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            feeds = {url: Validators(v.get("etag"), v.get("last_modified")) for url, v in raw.get("feeds", {}).items()}
            settled = {str(k): str(v) for k, v in raw.get("settled", {}).items()}
        except FileNotFoundError:
            return _Data()
        except (OSError, ValueError, AttributeError) as err:
            raise InputError(f"{self.path}: unreadable fetch state ({err}); move it away to start afresh") from None
        return _Data(feeds, settled)

    def _write(self, data: _Data) -> None:
        payload = {
            "feeds": {url: {"etag": v.etag, "last_modified": v.last_modified} for url, v in data.feeds.items()},
            "settled": data.settled,
        }
        write_text(json.dumps(payload, ensure_ascii=False), str(self.path))
