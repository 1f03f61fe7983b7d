"""``tomtat clean PATH...``: the articles as tomtat sees them after cleaning."""

from __future__ import annotations

import argparse
import json
import sys

from tomtat.clean import clean_cluster
from tomtat.io.writers.explain import render_explain, use_color
from tomtat.commands.common import warn, write_output
from tomtat.io.readers import read_cluster
from tomtat.model import CleanArticle


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "clean",
        help="show the cleaned articles and what was removed",
        description="Clean articles (web debris out) and print them; JSON carries every removal with its reason.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="folders, files, or - for standard input")
    p.add_argument("--format", "-f", choices=["text", "json"], default="text", help="output format (default text)")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    p.add_argument(
        "--explain",
        action="store_true",
        help="print what was removed from each article and which rule removed it (coloured on a terminal)",
    )
    p.set_defaults(func=run)


def render_text(articles: list[CleanArticle]) -> str:
    out = []
    for a in articles:
        out.append(f"=== {a.id}: {a.title}" if a.title else f"=== {a.id}")
        for p in a.paragraphs:
            text = a.text[p.start : p.end]
            out.append(f"## {text}" if p.heading else text)
        out.append("")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    cluster, warnings = read_cluster(args.paths)
    for w in warnings:
        warn(w)
    articles = clean_cluster(cluster.articles)
    if args.explain and args.format == "text":
        to_terminal = args.output in (None, "-") and use_color(sys.stdout)
        text = render_explain(articles, color=to_terminal)
    elif args.format == "json":
        text = json.dumps({"articles": [a.to_dict() for a in articles]}, ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_text(articles)
    write_output(text, args.output)
    return 0
