"""Pieces the commands share: budget options, output files, warnings.

``write_lines`` and ``write_output`` (``tomtat.io.output``'s ``write_lines`` and
``write_text``, re-exported) write a command's output.
"""

from __future__ import annotations

import argparse
import sys

from tomtat.io.output import write_lines
from tomtat.io.output import write_text as write_output
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


__all__ = ["add_budget_options", "budget_from", "warn", "write_lines", "write_output"]
