"""What ``tomtat track add`` reads: the ``summarize`` readers, one file at a time, so that
one unreadable file or JSONL line is recorded with its error instead of stopping the
run or being dropped.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from tomtat.errors import InputError
from tomtat.io.decode import MAX_INPUT_BYTES, decode_bytes, read_bounded
from tomtat.io.jsonl import iter_records
from tomtat.io.readers import JSONL_SUFFIXES, SUPPORTED, read_inputs
from tomtat.store.articles import StoreInput, Unreadable


def _jsonl(text: str, name: str) -> Iterator[StoreInput]:
    for record in iter_records(text.splitlines(), name):
        if record.error:
            yield Unreadable(f"{name}:{record.line}", record.error)
        elif record.cluster is not None:
            yield from record.cluster.articles
        elif record.article is not None:
            yield record.article


def _file(path: Path, max_bytes: int) -> Iterator[StoreInput]:
    name = str(path)
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                data = read_bounded(stream, name, max_bytes)
            yield from _jsonl(decode_bytes(data, name), name)
        else:
            yield from read_inputs([name], max_bytes=max_bytes).articles
    except InputError as err:
        yield Unreadable(name, str(err))
    except OSError as err:
        yield Unreadable(name, f"{name}: cannot read ({err.strerror})")


def read_for_store(
    paths: Sequence[str], stdin: BinaryIO | None = None, max_bytes: int = MAX_INPUT_BYTES
) -> Iterator[StoreInput]:
    """Articles (or the errors of what could not be read) from files, folders or ``-``.
    A path that does not exist at all is an ``InputError``: that is a typo, not data.
    Each file and standard input is read up to ``max_bytes``; a larger one is recorded
    as unreadable, never read without end (a device, a pipe that never closes)."""
    if not paths:
        raise InputError("no input given (name files, folders, or - for standard input)")
    for raw in paths:
        if raw != "-" and not Path(raw).exists():
            raise InputError(f"{raw}: no such file or folder")
    return _read(paths, stdin, max_bytes)


def _read(paths: Sequence[str], stdin: BinaryIO | None, max_bytes: int) -> Iterator[StoreInput]:
    for raw in paths:
        if raw == "-":
            try:
                data = read_bounded(stdin if stdin is not None else sys.stdin.buffer, "<stdin>", max_bytes)
                text = decode_bytes(data, "<stdin>")
            except InputError as err:
                yield Unreadable("<stdin>", str(err))
                continue
            if text.lstrip().startswith("{"):
                yield from _jsonl(text, "<stdin>")
            else:
                try:
                    yield from read_inputs(["-"], stdin=io.BytesIO(data), max_bytes=max_bytes).articles
                except InputError as err:
                    yield Unreadable("<stdin>", str(err))
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".") and not p.name.endswith("~")):
                if child.suffix.lower() in SUPPORTED:
                    yield from _file(child, max_bytes)
        else:
            yield from _file(path, max_bytes)

