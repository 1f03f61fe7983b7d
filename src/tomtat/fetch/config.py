"""The deployment file: one TOML file with everything a running fetcher needs.

```toml
feeds = ["https://example.vn/rss/thoi-su.rss"]   # and/or
feeds_file = "feeds.txt"                          # relative to this file
every = "10m"                                     # watch interval: 90, "90s", "10m", "1h"
db = "sqlite:///tomtat.db"                        # the story store
# articles = "articles.jsonl"                     # or an article JSONL file instead

[fetch]
user_agent = "tomtat/0.1.0 (+https://example.vn/lien-he)"
delay = 2.0             # seconds between requests to one host
connect_timeout = 10.0
read_timeout = 30.0
max_mb = 5.0            # largest page or feed
retries = 2             # extra tries after a 5xx or a network error
backoff = 1.0           # seconds before the first retry, doubled each time
max_redirects = 5
```

Flags given on the command line override the file. Unknown keys are errors, so a typo
never silently leaves a default in place.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tomtat.errors import InputError
from tomtat.fetch.feeds import parse_feed_list, read_feed_list

_TOP = {"feeds", "feeds_file", "every", "db", "articles", "state", "fetch"}
_FETCH = {"user_agent", "delay", "connect_timeout", "read_timeout", "max_mb", "retries", "backoff", "max_redirects"}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|)\s*$")
_UNIT = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0}


@dataclass(frozen=True, slots=True)
class DeploymentConfig:
    """What the file says; None (or empty) where it says nothing."""

    feeds: tuple[str, ...] = ()
    every: float | None = None
    db: str | None = None
    articles: str | None = None
    state: str | None = None
    fetch: dict[str, Any] = field(default_factory=dict)


def parse_duration(value: object, what: str) -> float:
    """Seconds from ``90``, ``"90s"``, ``"10m"`` or ``"1h"``; an error names ``what``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if not match:
            raise InputError(f"{what}: not a duration like 90s, 10m or 1h: {value!r}")
        seconds = float(match.group(1)) * _UNIT[match.group(2)]
    if seconds <= 0:
        raise InputError(f"{what}: must be more than 0 (got {value!r})")
    return seconds


def load_config(path: str) -> DeploymentConfig:
    """The deployment file at ``path``; ``InputError`` with the file name for anything wrong."""
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise InputError(f"{path}: not a readable TOML file ({err})") from None
    unknown = set(data) - _TOP
    if unknown:
        raise InputError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(_TOP))})")
    fetch = data.get("fetch", {})
    if not isinstance(fetch, dict):
        raise InputError(f"{path}: [fetch] must be a table")
    unknown = set(fetch) - _FETCH
    if unknown:
        raise InputError(f"{path}: unknown [fetch] setting(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(_FETCH))})")
    feeds = data.get("feeds", [])
    if not isinstance(feeds, list) or not all(isinstance(f, str) for f in feeds):
        raise InputError(f"{path}: feeds must be a list of addresses")
    urls = parse_feed_list("\n".join(feeds), f"{path} feeds")
    if "feeds_file" in data:
        urls += [u for u in read_feed_list(str(file.parent / str(data["feeds_file"]))) if u not in urls]
    return DeploymentConfig(
        feeds=tuple(urls),
        every=parse_duration(data["every"], f"{path}: every") if "every" in data else None,
        db=_text(data, "db", path),
        articles=_relative(file, _text(data, "articles", path)),
        state=_relative(file, _text(data, "state", path)),
        fetch=dict(fetch),
    )


def _text(data: dict[str, Any], key: str, path: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f"{path}: {key} must be a string")
    return value


def _relative(file: Path, value: str | None) -> str | None:
    return None if value is None else str(file.parent / value)
