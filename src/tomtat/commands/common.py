"""Pieces the commands share: budget options, output files, warnings."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
import os
import sys
import tempfile
from pathlib import Path

from tomtat.errors import InputError
from tomtat.model import Budget
from tomtat.select import DEFAULT_METHOD, METHODS


def add_budget_options(parser: argparse.ArgumentParser) -> None:
    """``--words``, ``--sentences``, ``--ratio`` and ``--method``."""
    group = parser.add_argument_group("length and method")
    group.add_argument("--words", type=int, metavar="N", help="at most N words (\"chữ\"); default 200 when no other limit is given")
    group.add_argument("--sentences", type=int, metavar="N", help="at most N sentences")
    group.add_argument("--ratio", type=float, metavar="R", help="at most this fraction of the input's words (0-1]")
    methods = ", ".join(f"{name}" for name in sorted(METHODS))
    group.add_argument("--method", default=None, metavar="NAME", help=f"selection algorithm: {methods} (default {DEFAULT_METHOD})")


def budget_from(args: argparse.Namespace) -> Budget:
    return Budget(words=args.words, sentences=args.sentences, ratio=args.ratio)


def warn(message: str) -> None:
    print(f"tomtat: warning: {message}", file=sys.stderr)


def write_output(text: str, out: str | None) -> None:
    """Write ``text`` to stdout, or atomically to the file ``out``."""
    write_lines([text], out)


def write_lines(lines: Iterable[str], out: str | None) -> None:
    """Write ``lines`` to stdout, or atomically to the file ``out`` (a temporary file
    renamed into place, so a crash never leaves a half-written file)."""
    if out in (None, "-"):
        for line in lines:
            sys.stdout.write(line)
        sys.stdout.flush()
        return
    path = Path(out)
    if path.is_dir():
        raise InputError(f"{out}: is a folder; give a file name for the output")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.exists():
        raise InputError(f"{out}: folder {directory} does not exist")
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for line in lines:
                handle.write(line)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
