"""Feed lists and feeds: which URLs to follow, and the entries a feed lists.

Feeds (RSS 0.9x/1.0/2.0, Atom) are parsed by feedparser, the long-kept parser made for
the many ways real feeds bend the formats (docs/DEPENDENCIES.md).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser

from tomtat.errors import InputError


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed: the page it points to and what the feed says about it."""

    url: str
    title: str
    published: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its title (the outlet, usually) and entries in feed order."""

    title: str
    entries: tuple[FeedEntry, ...]


_TRAILING_COMMENT = re.compile(r"\s+#")


class FeedError(Exception):
    """A document that is not a readable feed; the message says why."""


def read_feed_list(path: str) -> list[str]:
    """Feed URLs of a feeds file: one per line; ``#`` at the start of a line or after a
    space starts a comment (a ``#`` inside an address is kept); blank lines are ignored.

    A line that is not an http(s) address is an error naming the line: a typo would
    otherwise silently stop a feed from being followed.
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read the feeds file ({err})") from None
    return parse_feed_list(text, path)


def parse_feed_list(text: str, origin: str) -> list[str]:
    """The URLs of a feeds file's text, in order, each once."""
    urls: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = _TRAILING_COMMENT.split(line, maxsplit=1)[0]
        parts = urlsplit(line)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in line:
            raise InputError(f"{origin}:{number}: not a feed address (http:// or https://): {line!r}")
        if line not in urls:
            urls.append(line)
    return urls


def parse_feed(body: bytes, url: str) -> Feed:
    """The entries of a feed document fetched from ``url`` (relative links resolved)."""
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise FeedError(f"not an RSS or Atom feed ({reason})" if reason else "not an RSS or Atom feed")
    entries: list[FeedEntry] = []
    for item in parsed.entries:
        link = (item.get("link") or "").strip()
        if not link or urlsplit(link).scheme not in ("http", "https"):
            continue
        entries.append(FeedEntry(url=link, title=(item.get("title") or "").strip(), published=_date(item)))
    return Feed(title=(parsed.feed.get("title") or "").strip(), entries=tuple(entries))


def _date(item: feedparser.FeedParserDict) -> str | None:
    """The entry's publication time as ISO 8601 UTC, when the feed gives one."""
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    if not stamp:
        return None
    return datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC).isoformat(timespec="seconds")
