"""What an evaluation corpus is made of: clusters with their reference summaries.

Every loader (one per corpus layout, in ``tomtat.evaluate.loaders``) turns files on disk
into ``EvalCluster`` objects; everything after that (summarizing, scoring, the benchmark)
is the same whatever the corpus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tomtat.errors import InputError
from tomtat.io.decode import decode_bytes
from tomtat.model import Cluster


@dataclass(frozen=True, slots=True)
class EvalCluster:
    """One cluster of articles and the human summaries it is scored against.

    ``references`` may be empty for corpora whose test split ships without summaries;
    scoring such a cluster is an error, loading it is not.
    """

    cluster: Cluster
    references: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.cluster.id


def mean_reference_words(clusters: Sequence[EvalCluster]) -> int:
    """The corpus's mean reference length in whitespace words (rounded): the budget a
    corpus is scored at, so that every corpus is judged at its own annotators' length.
    0 when no cluster has a reference."""
    lengths = [len(r.split()) for c in clusters for r in c.references]
    return round(sum(lengths) / len(lengths)) if lengths else 0


_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts "2.txt" before "10.txt" (numbers compared as numbers)."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in _DIGITS.split(name) if part)


def read_text(path: Path) -> str:
    """A text file decoded as ``tomtat.io.decode`` does (UTF-8/UTF-16, BOM dropped), with ``\\n`` line ends."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    text = decode_bytes(raw, str(path))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_backup(path: Path) -> bool:
    """Editor leftovers (``name~``, ``.#name``, ``.name.swp``) that are not data."""
    name = path.name
    return name.endswith("~") or name.startswith(".")


def first_record(path: Path) -> dict[str, Any] | None:
    """The first non-empty JSONL line of ``path`` parsed, or None if it is not a JSON object."""
    if not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8-sig") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    return record if isinstance(record, dict) else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return None


def json_lines(path: Path) -> Iterator[tuple[Any, str, str]]:
    """``(record, "file:line", default id)`` for each non-empty line of a JSONL file;
    a line that is not JSON is an ``InputError`` naming file and line."""
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
        yield record, where, f"{path.stem}-{number}"
