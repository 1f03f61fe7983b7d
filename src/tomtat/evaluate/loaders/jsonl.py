"""tomtat's own cluster JSONL (as ``tomtat batch`` reads it) with a ``references`` list.

One cluster per line: ``{"id": "...", "articles": [...], "references": ["...", ...]}``.
Each article is an object with ``text`` and optionally ``id``, ``title``, ``source``,
``url``, ``published``, or a plain string (its text). Articles without an id are
numbered from 1 in the order given.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tomtat.errors import InputError
from tomtat.evaluate.dataset import EvalCluster, read_text
from tomtat.evaluate.loaders.vlsp import first_record
from tomtat.model import Article, Cluster

NAME = "jsonl"
_OPTIONAL = ("source", "url", "published")


def matches(path: Path) -> bool:
    record = first_record(path)
    return record is not None and isinstance(record.get("articles"), list)


def _article(item: Any, k: int, where: str) -> Article:
    origin = f"{where}[{k}]"
    if isinstance(item, str):
        return Article(id=str(k + 1), title="", text=item, origin=origin)
    if not isinstance(item, dict):
        raise InputError(f"{origin}: an article must be an object or a string")
    text = item.get("text")
    if not isinstance(text, str):
        raise InputError(f"{origin}: article has no 'text' string")
    extra = {key: str(item[key]) for key in _OPTIONAL if item.get(key) is not None}
    return Article(
        id=str(item.get("id") or k + 1), title=str(item.get("title") or ""), text=text, origin=origin, **extra
    )


def parse_record(record: Any, where: str, default_id: str) -> EvalCluster:
    if not isinstance(record, dict) or not isinstance(record.get("articles"), list):
        raise InputError(f"{where}: expected an object with an 'articles' list")
    articles = tuple(_article(item, k, where) for k, item in enumerate(record["articles"]))
    if not articles:
        raise InputError(f"{where}: cluster has no articles")
    refs = record.get("references", [])
    if isinstance(refs, str):
        refs = [refs]
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        raise InputError(f"{where}: 'references' must be a list of strings")
    cluster_id = str(record.get("id") or default_id)
    return EvalCluster(Cluster(id=cluster_id, articles=articles), tuple(r.strip() for r in refs if r.strip()))


def load(path: Path) -> list[EvalCluster]:
    clusters = []
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
        clusters.append(parse_record(record, where, f"{path.stem}-{number}"))
    return clusters
