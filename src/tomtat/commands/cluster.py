"""``tomtat cluster ARTICLES.jsonl -o STORIES.jsonl``: group an article stream into stories.

The output is cluster JSONL (``{"id", "articles": [...]}`` per line) that ``tomtat
batch`` reads as it is. Bad lines and repeated article ids are reported with file and
line number and left out (exit 1 at the end); the output is written atomically.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable

from tqdm import tqdm

from tomtat.batch.source import count_lines, display_name, iter_lines
from tomtat.commands.common import warn, write_lines
from tomtat.errors import InputError
from tomtat.grouping import ArticleGroup, GroupingOptions, group_articles
from tomtat.io.jsonl import parse_line
from tomtat.io.wording import counted
from tomtat.model import Article

DEFAULTS = GroupingOptions()


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "cluster",
        help="group a stream of articles into stories (cluster JSONL for tomtat batch)",
        description=(
            "Group articles (JSONL, one {\"id\", \"title\", \"text\", \"published\"?} per line) into stories, "
            "written as cluster JSONL that `tomtat batch` reads. Near-duplicates are kept together; "
            "stories are found by content similarity within a time window."
        ),
    )
    p.add_argument("input", metavar="ARTICLES.jsonl", help="articles, one JSON object per line (- for standard input)")
    p.add_argument("-o", "--output", metavar="STORIES.jsonl", help="write the stories here (default: standard output)")
    p.add_argument("--similarity", type=float, default=DEFAULTS.similarity, metavar="S", help=f"average cosine similarity that joins articles into a story (default {DEFAULTS.similarity})")
    p.add_argument("--duplicate", type=float, default=DEFAULTS.duplicate, metavar="J", help=f"MinHash Jaccard above which articles are near-duplicates (default {DEFAULTS.duplicate})")
    window = p.add_mutually_exclusive_group()
    window.add_argument("--window-days", type=float, default=DEFAULTS.window_days, metavar="D", help=f"articles published more than D days apart are different stories (default {DEFAULTS.window_days:g})")
    window.add_argument("--no-window", dest="window_days", action="store_const", const=None, help="ignore publication times")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None, help="always show the progress bar")
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="never show it (default: only on a terminal)")
    p.set_defaults(func=run)


def _options(args: argparse.Namespace) -> GroupingOptions:
    if not 0 < args.similarity <= 1:
        raise InputError(f"--similarity must be in (0, 1] (got {args.similarity})")
    if not 0 < args.duplicate <= 1:
        raise InputError(f"--duplicate must be in (0, 1] (got {args.duplicate})")
    if args.window_days is not None and args.window_days <= 0:
        raise InputError(f"--window-days must be positive (got {args.window_days})")
    return GroupingOptions(similarity=args.similarity, duplicate=args.duplicate, window_days=args.window_days)


def read_articles(path: str, progress: bool | None) -> tuple[list[Article], int]:
    """The articles of an article JSONL stream and the number of lines that failed
    (each reported on stderr with file and line number)."""
    name = display_name(path)
    articles: list[Article] = []
    first_line: dict[str, int] = {}
    failed = 0
    with tqdm(total=count_lines(path), unit="article", file=sys.stderr, disable=None if progress is None else not progress, desc="reading") as bar:
        for line in iter_lines(path):
            bar.update(1)
            record = None if line.text is None else parse_line(line.text, line.number, name)
            problem = line.error
            if record is not None and record.error:
                problem = record.error
            elif record is not None and record.cluster is not None:
                problem = f"{name}:{line.number}: a cluster line; tomtat cluster reads one article per line"
            if problem or record is None or record.article is None:
                failed += 1
                warn(problem or f"{name}:{line.number}: unreadable")
                continue
            article = record.article
            if article.id in first_line:
                failed += 1
                warn(f"{name}:{line.number}: duplicate article id {article.id!r} (first on line {first_line[article.id]}); skipped")
                continue
            first_line[article.id] = line.number
            if not article.text.strip():
                warn(f"{name}:{line.number}: article {article.id!r} has no text; skipped")
                continue
            articles.append(article)
    return articles, failed


def _lines(stories: list[ArticleGroup]) -> Iterable[str]:
    for story in stories:
        yield json.dumps(story.to_dict(), ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    options = _options(args)
    articles, failed = read_articles(args.input, args.progress)
    if not articles:
        raise InputError(f"{display_name(args.input)}: no article to group")
    stories = group_articles(articles, options)
    write_lines(_lines(stories), args.output)
    copies = sum(len(s.duplicates) for s in stories)
    print(
        f"tomtat: cluster: {counted(len(articles), 'article')} -> {counted(len(stories), 'story', 'stories')} "
        f"({sum(1 for s in stories if len(s.articles) > 1)} with several articles, {copies} groups of near-duplicates), "
        f"{counted(failed, 'line')} failed",
        file=sys.stderr,
    )
    return 1 if failed else 0
