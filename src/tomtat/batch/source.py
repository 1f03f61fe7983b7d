"""Stream the lines of a JSONL input without loading the file.

Each line is decoded on its own (UTF-8, a BOM on line 1 is dropped; UTF-16 files with a
BOM are decoded as a stream), so one undecodable line is reported with its file and
line number while the lines around it are still processed. A file that is plainly
binary is refused up front rather than reported line by line.
"""

from __future__ import annotations

import codecs
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tomtat.errors import InputError
from tomtat.io.decode import MAX_INPUT_BYTES, shown_size


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank input line: its number and text, or why it cannot be read."""

    number: int
    text: str | None = None
    error: str | None = None


def check_input(path: str) -> None:
    """Refuse a missing input or a folder (``-`` is standard input) with one line."""
    if path == "-":
        return
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a folder; give a JSONL file with one cluster per line")


@contextmanager
def _open(path: str) -> Iterator[BinaryIO]:
    check_input(path)
    if path == "-":
        yield sys.stdin.buffer
        return
    with open(path, "rb") as handle:
        yield handle


def display_name(path: str) -> str:
    """How the input is named in messages."""
    return "<stdin>" if path == "-" else path


def count_lines(path: str) -> int | None:
    """Number of lines in ``path`` (for the progress bar's ETA); None for stdin."""
    if path == "-" or not Path(path).is_file():
        return None
    count, last = 0, b"\n"
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _bounded_lines(handle: BinaryIO, name: str, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, raw line) of ``handle``; ``None`` for a line over ``limit`` bytes, whose
    rest is read and dropped. A line still without its end after ``10 * limit``
    bytes (a device such as /dev/zero, a binary stream) ends the reading."""
    number = 0
    while raw := handle.readline(limit + 1):
        number += 1
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield number, raw
            continue
        skipped = len(raw)
        while not raw.endswith(b"\n"):
            raw = handle.readline(limit)
            skipped += len(raw)
            if not raw:
                break
            if skipped > 10 * limit:
                raise InputError(f"{name}:{number}: no end of line in {shown_size(skipped)}; not a JSONL file")
        yield number, None


def iter_lines(path: str, max_line_bytes: int = MAX_INPUT_BYTES) -> Iterator[Line]:
    """The non-blank lines of ``path`` (``-`` for standard input), one at a time; a
    line over ``max_line_bytes`` is reported and skipped."""
    name = display_name(path)
    with _open(path) as handle:
        head = handle.peek(4096)[:4096] if hasattr(handle, "peek") else b""
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            yield from _utf16_lines(handle, name)
            return
        if b"\x00" in head:
            raise InputError(f"{name}: looks like a binary file, not JSONL text")
        for number, raw in _bounded_lines(handle, name, max_line_bytes):
            if raw is None:
                yield Line(number, error=f"{name}:{number}: line over the {shown_size(max_line_bytes)} limit; skipped")
                continue
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if not raw.strip():
                continue
            try:
                yield Line(number, text=raw.decode("utf-8"))
            except UnicodeDecodeError as err:
                yield Line(number, error=f"{name}:{number}: not UTF-8 text (undecodable byte 0x{raw[err.start]:02x} at column {err.start + 1})")


def _utf16_lines(handle: BinaryIO, name: str) -> Iterator[Line]:
    text = io.TextIOWrapper(handle, encoding="utf-16", newline=None)
    try:
        for number, line in enumerate(text, start=1):
            if line.strip():
                yield Line(number, text=line)
    except UnicodeDecodeError:
        raise InputError(f"{name}: broken UTF-16 text") from None
    finally:
        text.detach()
