"""JSONL input: one article per line or one cluster per line.

An article line is ``{"id", "title", "text", "source"?, "url"?, "published"?}`` (or
``"html"`` instead of ``"text"``, read by :func:`tomtat.io.records.article_from_dict`
as the API and the server read it); a cluster line is ``{"id", "articles": [...]}``.
Unknown keys are ignored. Each line is parsed on its own, so one bad line is reported
with its file and line number without losing the others: malformed JSON, an integer
too long to convert (Python refuses more than 4,300 digits) and nesting too deep to
parse are all reported the same way. A lone surrogate escape (``"\\ud800"``, valid
JSON but not a character, so no UTF-8 output could hold it) becomes U+FFFD.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from tomtat.errors import InputError
from tomtat.io.decode import replace_surrogates
from tomtat.io.records import article_from_dict
from tomtat.model import Article, Cluster


@dataclass(frozen=True, slots=True)
class Record:
    """One JSONL line: an article, a cluster, or the error that line has."""

    line: int
    article: Article | None = None
    cluster: Cluster | None = None
    error: str | None = None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _scrub(value: Any) -> Any:
    """``value`` (parsed JSON) with lone surrogates replaced in every string, keys
    included. Iterative: the nesting depth json.loads accepted cannot overflow here."""
    if isinstance(value, str):
        return replace_surrogates(value)
    root: list[Any] = [value]
    stack: list[tuple[Any, Any]] = [(root, 0)]
    while stack:
        holder, key = stack.pop()
        item = holder[key]
        if isinstance(item, str):
            holder[key] = replace_surrogates(item)
        elif isinstance(item, list):
            stack.extend((item, i) for i in range(len(item)))
        elif isinstance(item, dict):
            fixed = {replace_surrogates(k) if isinstance(k, str) else k: v for k, v in item.items()}
            holder[key] = fixed
            stack.extend((fixed, k) for k in fixed)
    return root[0]


def load_json(text: str, origin: str) -> Any:
    """The JSON value in ``text``; ``InputError`` naming ``origin`` when it cannot be read."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{origin}: malformed JSON at column {err.colno}: {err.msg}") from None
    except RecursionError:
        raise InputError(f"{origin}: JSON nested too deeply to read") from None
    except ValueError as err:  # e.g. an integer over the 4,300-digit conversion limit
        raise InputError(f"{origin}: unreadable JSON value ({err})") from None
    if _SURROGATE_ESCAPE.search(text):
        data = _scrub(data)
    return data


def cluster_from_record(data: dict[str, Any], default_id: str, origin: str) -> Cluster:
    """A ``Cluster`` from a parsed ``{"id", "articles": [...]}`` object."""
    items = data.get("articles")
    if not isinstance(items, list):
        raise InputError(f"{origin}: 'articles' must be a list")
    if not items:
        raise InputError(f"{origin}: the cluster has no articles")
    articles = tuple(article_from_dict(a, str(i + 1), f"{origin} article {i + 1}") for i, a in enumerate(items))
    ids = [a.id for a in articles]
    dup = next((x for x in ids if ids.count(x) > 1), None)
    if dup is not None:
        raise InputError(f"{origin}: two articles share the id {dup!r}")
    cluster_id = data.get("id")
    return Cluster(str(cluster_id) if cluster_id not in (None, "") else default_id, articles)


def parse_line(line: str, line_no: int, name: str) -> Record | None:
    """One JSONL line as a ``Record``; None for a blank line."""
    if not line.strip():
        return None
    origin = f"{name}:{line_no}"
    try:
        data = load_json(line, origin)
        if isinstance(data, dict) and "articles" in data:
            return Record(line_no, cluster=cluster_from_record(data, f"line-{line_no}", origin))
        return Record(line_no, article=article_from_dict(data, f"line-{line_no}", origin))
    except InputError as err:
        return Record(line_no, error=str(err))
    except RecursionError:  # a value nested deep enough to exhaust the stack later on
        return Record(line_no, error=f"{origin}: JSON nested too deeply to read")


def iter_records(lines: Iterable[str], name: str) -> Iterator[Record]:
    """Records of a JSONL stream, line by line (memory stays flat)."""
    for no, line in enumerate(lines, start=1):
        if no == 1:
            line = line.lstrip("\ufeff")
        record = parse_line(line, no, name)
        if record is not None:
            yield record
