"""The ``tomtat`` command line: one sub-command per module in ``tomtat.commands``.

Only the command being run is imported: the others pull in what only they need (the
grouping's MinHash and SciPy, the store's SQLAlchemy, the fetcher's HTTP client), about
a second of CPU at every start, which `tomtat batch` pays before its workers start.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from tomtat import __version__
from tomtat.errors import TomtatError

# command name -> its module, in the order help lists them
COMMANDS = {
    "summarize": "tomtat.commands.summarize",
    "clean": "tomtat.commands.clean",
    "serve": "tomtat.commands.serve",
    "batch": "tomtat.commands.batch",
    "cluster": "tomtat.commands.cluster",
    "track": "tomtat.commands.track",
    "eval": "tomtat.commands.eval",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of ``command`` only (a name of ``COMMANDS``)."""
    parser = argparse.ArgumentParser(
        prog="tomtat",
        description="Attributed summaries of Vietnamese news clusters (tóm tắt đa văn bản).",
    )
    parser.add_argument("--version", action="version", version=f"tomtat {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        if command is None or name == command:
            importlib.import_module(module).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 partial failure, 2 error)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    # a known command first: only its module is imported (anything else: all, for help and errors)
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
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
