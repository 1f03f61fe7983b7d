"""The ``tomtat`` command line: one sub-command per module in ``tomtat.commands``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tomtat import __version__
from tomtat.commands import batch, clean, cluster, serve, summarize, track
from tomtat.commands import eval as eval_command
from tomtat.errors import TomtatError

COMMANDS = [summarize, clean, serve, batch, cluster, track, eval_command]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tomtat",
        description="Attributed summaries of Vietnamese news clusters (tóm tắt đa văn bản).",
    )
    parser.add_argument("--version", action="version", version=f"tomtat {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 partial failure, 2 error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except TomtatError as err:
        print(f"tomtat: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tomtat: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    except OSError as err:  # last resort: a system error the command did not foresee, as one line
        where = f"{err.filename}: " if err.filename else ""
        print(f"tomtat: error: {where}{err.strerror or err}", file=sys.stderr)
        return 2
