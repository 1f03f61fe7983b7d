"""``tomtat batch IN.jsonl -o OUT.jsonl``: one summary line per cluster line, resumable."""

from __future__ import annotations

import argparse
import sys

from tomtat.batch import make_executor, run_batch
from tomtat.batch.executors import EXECUTORS
from tomtat.batch.runner import validate
from tomtat.commands.common import add_budget_options, budget_from


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "batch",
        help="summarize many clusters from JSONL (resumable)",
        description=(
            "Summarize every cluster of a JSONL file (one {\"id\", \"articles\": [...]} per line) into "
            "OUT.jsonl, one JSON summary per line. Rerunning the same command resumes: clusters "
            "already in OUT.jsonl are skipped. Bad lines are reported and skipped (exit 1 at the end)."
        ),
    )
    p.add_argument("input", metavar="IN.jsonl", help="clusters, one JSON object per line (- for standard input)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.jsonl", help="summaries are appended here; an existing file is resumed")
    add_budget_options(p)
    running = p.add_argument_group("running")
    running.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="worker processes (default 1); with --executor dask and no --scheduler: local Dask workers to start")
    running.add_argument("--executor", choices=EXECUTORS, default="local", help="local processes (default) or a Dask distributed cluster")
    running.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: start a local cluster)")
    bar = running.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None, help="always show the progress bar")
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="never show it (default: only on a terminal)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    budget = budget_from(args)
    validate(args.input, args.output, budget, args.method)  # before any worker starts
    executor = make_executor(args.executor, args.jobs, args.scheduler)
    try:
        report = run_batch(args.input, args.output, budget, args.method, executor, progress=args.progress)
    finally:
        executor.close()
    for line in report.lines(args.output):
        print(f"tomtat: {line}", file=sys.stderr)
    return 0 if report.ok else 1

