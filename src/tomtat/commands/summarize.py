"""``tomtat summarize PATH...``: one summary of the articles given."""

from __future__ import annotations

import argparse

from tomtat.commands.common import add_budget_options, budget_from, warn, write_output
from tomtat.io.readers import read_cluster
from tomtat.io.writers import WRITERS, render
from tomtat.pipeline import summarize_cluster


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "summarize",
        help="summarize articles about one story",
        description="Summarize articles about one story: a folder of .txt files, files (.txt, .html, .jsonl), or - for standard input.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="folders, files, or - for standard input")
    add_budget_options(p)
    p.add_argument("--format", "-f", choices=sorted(WRITERS), default="text", help="output format (default text)")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--id", dest="cluster_id", metavar="ID", help="an id for the cluster in the output")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    cluster, warnings = read_cluster(args.paths, cluster_id=args.cluster_id)
    for w in warnings:
        warn(w)
    summary = summarize_cluster(cluster, budget_from(args), args.method)
    for note in summary.notes:
        warn(note)
    write_output(render(summary, args.format), args.output)
    return 0
