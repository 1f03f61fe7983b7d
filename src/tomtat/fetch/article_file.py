"""An article JSONL file as a sink: what ``tomtat track fetch -o FILE`` writes.

The file is article JSONL (``{"id", "title", "text", "source", "url", "published",
"urls", "received"}`` per line) that ``tomtat cluster`` reads as it is. Each article is
one ``os.write`` of a whole line on a file opened with ``O_APPEND``, under an exclusive
``flock``, after re-reading what other writers appended: two fetchers on one file never
double an article, and a kill (even ``kill -9``) leaves whole lines only. A line torn by
a machine crash is cut off when the file is next opened.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from tomtat.errors import InputError
from tomtat.grouping.group import article_to_dict
from tomtat.io.records import article_from_dict
from tomtat.model import Article


def text_key(text: str) -> str:
    """The same text, however it was spaced, gives the same key."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


class ArticleFile:
    """``ArticleSink`` over an append-only article JSONL file."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise InputError(f"{path}: is a folder; give a file name for the articles")
        if not self.path.parent.exists():
            raise InputError(f"{path}: folder {self.path.parent} does not exist")
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        self._read_to = 0
        self._line = 0
        self._urls: set[str] = set()
        self._texts: set[str] = set()
        self.count = 0
        try:
            with self._locked():
                self._catch_up(trim=True)
        except BaseException:
            self.close()
            raise

    def seen(self, url: str) -> bool:
        self._catch_up(trim=False)
        return url in self._urls

    def add(self, article: Article, urls: Sequence[str]) -> bool:
        with self._locked():
            self._catch_up(trim=True)
            key = text_key(article.text)
            if key in self._texts or any(u in self._urls for u in urls):
                return False
            record = article_to_dict(article)
            record["urls"] = list(urls)
            record["received"] = datetime.now(UTC).isoformat(timespec="seconds")
            data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
            written = os.write(self._fd, data)
            while written < len(data):  # only on a full disk or a signal
                written += os.write(self._fd, data[written:])
            os.fsync(self._fd)
        return True

    def articles(self) -> list[Article]:
        """Every article in the file, in the order received."""
        out: list[Article] = []
        with open(self.path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if raw.endswith(b"\n"):
                    out.append(article_from_dict(json.loads(raw), f"line-{number}", f"{self.path}:{number}"))
        return out

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> ArticleFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _locked(self) -> Iterator[None]:
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _catch_up(self, trim: bool) -> None:
        """Read the whole lines appended since the last look (by this or another writer).

        ``trim`` (only under the lock) cuts a torn last line away.
        """
        size = os.fstat(self._fd).st_size
        if size <= self._read_to:
            return
        with os.fdopen(os.dup(self._fd), "rb") as handle:
            handle.seek(self._read_to)
            for raw in handle:
                if not raw.endswith(b"\n"):
                    if trim:
                        os.ftruncate(self._fd, self._read_to)
                    break
                self._line += 1
                self._remember(raw)
                self._read_to += len(raw)

    def _remember(self, raw: bytes) -> None:
        try:
            data = json.loads(raw)
            urls = data.get("urls") or [data.get("url")]
            text = data["text"]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise InputError(f"{self.path}:{self._line}: not an article line; refusing to append to this file") from None
        self._urls.update(u for u in urls if isinstance(u, str))
        self._texts.add(text_key(str(text)))
        self.count += 1

