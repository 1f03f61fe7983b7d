"""tomtat's own cluster JSONL (as ``tomtat summarize``/``batch`` read it) plus ``references``.

One cluster per line: ``{"id": "...", "articles": [{"id", "title", "text", ...}], "references":
["...", ...]}``. Articles are parsed by ``tomtat.io.jsonl`` exactly as the summarize
command parses them; ``references`` is a list of strings (a single string is accepted).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tomtat.errors import InputError
from tomtat.evaluate.dataset import EvalCluster, first_record, json_lines
from tomtat.io.jsonl import cluster_from_record

NAME = "jsonl"


def matches(path: Path) -> bool:
    record = first_record(path)
    return record is not None and isinstance(record.get("articles"), list)


def parse_record(record: Any, where: str, default_id: str) -> EvalCluster:
    if not isinstance(record, dict) or not isinstance(record.get("articles"), list):
        raise InputError(f"{where}: expected an object with an 'articles' list")
    cluster = cluster_from_record(record, default_id, where)
    refs = record.get("references", [])
    if isinstance(refs, str):
        refs = [refs]
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        raise InputError(f"{where}: 'references' must be a list of strings")
    return EvalCluster(cluster, tuple(r.strip() for r in refs if r.strip()))


def load(path: Path) -> list[EvalCluster]:
    return [parse_record(record, where, default_id) for record, where, default_id in json_lines(path)]
