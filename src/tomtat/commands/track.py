"""``tomtat track``: keep a story store up to date and read it.

``add PATH... | -`` stores articles, groups them into stories and re-summarises the
changed ones; ``show STORY [--since N]`` prints a story and what is new in it;
``list`` lists stories (latest activity first); ``export -o FILE`` writes every story
as cluster JSONL for ``tomtat batch``. ``--db`` names the store (default ``./tomtat.db``
or ``$TOMTAT_DB``; docs/STORE.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator

from tomtat.commands import fetch
from tomtat.commands.common import write_lines
from tomtat.errors import InputError
from tomtat.io.wording import counted
from tomtat.io.writers.story import event_date_label, stored_sections
from tomtat.model import TimelineEvent
from tomtat.store import Store, StoreInput, Unreadable
from tomtat.store.engine import DEFAULT_URL, ENV_VAR
from tomtat.store.inputs import read_for_store
from tomtat.store.novelty import whats_new
from tomtat.store.queries import export_clusters, list_stories, story_detail
from tomtat.text.published import parse_published


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="URL",
        help=f"the store: a SQLite file path, sqlite:///PATH or postgresql+psycopg://USER@HOST/DB "
        f"(default ${ENV_VAR}, else {DEFAULT_URL.removeprefix('sqlite:///')})",
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "track", help="a story store that grows article by article (add, show, list, export)",
        description="Keep a store of stories up to date as articles arrive, and read it (docs/STORE.md).",
    )
    sub = p.add_subparsers(dest="track_command", metavar="ACTION")
    add = sub.add_parser("add", help="store articles, group them into stories, re-summarise changed stories")
    add.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (.txt/.html/.jsonl) or - for standard input")
    add.add_argument("--workers", type=int, default=1, metavar="N",
                     help="processes summarising changed stories while the next articles are stored and grouped "
                     "(default 1: summaries are made in this process, between passes)")
    _db_option(add)
    add.set_defaults(func=run_add)
    show = sub.add_parser("show", help="a story's summary, sources and what is new in it")
    show.add_argument("story", type=int, metavar="STORY", help="story id (tomtat track list)")
    show.add_argument("--since", type=int, metavar="N", help="what is new since version N (default: the version before the latest; 0: everything)")
    show.add_argument("--format", choices=("text", "json"), default="text")
    _db_option(show)
    show.set_defaults(func=run_show)
    ls = sub.add_parser("list", help="stories, latest activity first")
    ls.add_argument("--since", metavar="DATE", help="only stories changed on or after DATE (2024-05-01 or an ISO date-time)")
    ls.add_argument("--query", metavar="WORDS", help="only stories whose headline, summary, actors or titles hold every word")
    ls.add_argument("--actor", metavar="NAME", help="only stories with a main actor whose name holds NAME")
    ls.add_argument("--limit", type=int, default=50, metavar="N", help="at most N stories (default 50)")
    ls.add_argument("--format", choices=("text", "json"), default="text")
    _db_option(ls)
    ls.set_defaults(func=run_list)
    export = sub.add_parser("export", help="every story as cluster JSONL (what tomtat batch reads)")
    export.add_argument("-o", "--output", metavar="CLUSTERS.jsonl", help="write here, atomically (default: standard output)")
    _db_option(export)
    export.set_defaults(func=run_export)
    fetch.add_commands(sub)

    def usage(_args: argparse.Namespace) -> int:
        p.print_help(sys.stderr)
        return 2

    p.set_defaults(func=usage)


MAX_ERRORS_SHOWN = 20


def _telling_why(items: Iterable[StoreInput]) -> Iterator[StoreInput]:
    """``items`` unchanged, saying on stderr why each unreadable one could not be read
    (the first ``MAX_ERRORS_SHOWN``; the store keeps every error)."""
    shown = 0
    for item in items:
        if isinstance(item, Unreadable):
            shown += 1
            if shown <= MAX_ERRORS_SHOWN:
                print(f"tomtat: track add: {item.error}", file=sys.stderr)
        yield item
    if shown > MAX_ERRORS_SHOWN:
        print(f"tomtat: track add: ... and {shown - MAX_ERRORS_SHOWN} more unreadable inputs", file=sys.stderr)


def run_add(args: argparse.Namespace) -> int:
    if args.workers < 1:
        raise InputError(f"--workers must be at least 1 (got {args.workers})")
    items = read_for_store(args.paths)  # a missing path fails here, before the store is opened
    with Store(args.db, workers=args.workers) as store:
        report = store.add_articles(_telling_why(items))
    print(f"tomtat: track add: {report.line()}", file=sys.stderr)
    # as batch and fetch: an input that could not be read is kept (with its error) but
    # the run says so in its exit code, so a script notices
    return 1 if report.unreadable else 0


def _source_label(article: dict) -> str:
    return " - ".join(part for part in (article.get("source"), article.get("title")) if part) or str(article.get("id"))


_ACTOR_GROUPS = {"PER": "People", "ORG": "Organisations", "LOC": "Places"}


def _print_story(detail: dict, update: dict, asked_since: bool) -> None:
    out = sys.stdout
    latest = detail["latest"] or {}
    summary = latest.get("summary", {})
    out.write(f"# {detail['headline']}\n")
    out.write(f"story {detail['id']} · {counted(detail['articles'], 'article')} from {counted(detail['sources'], 'source')} · version {latest.get('number', 0)}")
    if detail["first_published"]:
        out.write(f" · {detail['first_published'][:10]} to {detail['last_published'][:10]}")
    out.write("\n\n")
    number_of: dict[str, int] = {}
    for k, (heading, sentences) in enumerate(stored_sections(summary)):
        if heading is not None:
            out.write(("\n" if k else "") + f"[{heading}]\n")
        for sentence in sentences:
            n = number_of.setdefault(sentence["article_id"], len(number_of) + 1)
            out.write(f"{sentence['text']} [{n}]\n")
    if summary.get("notes") and not summary.get("sentences"):
        out.write("(no summary: " + "; ".join(summary["notes"]) + ")\n")
    articles = {str(a["id"]): a for a in detail["article_list"]}
    if number_of:
        out.write("\nSources:\n")
        for article_id, n in number_of.items():
            out.write(f"[{n}] {_source_label(articles.get(article_id, {'id': article_id}))}\n")
    groups: dict[str, list[str]] = {}
    for actor in latest.get("actors", []):
        groups.setdefault(_ACTOR_GROUPS.get(actor.get("type", ""), "Others"), []).append(actor["name"])
    for heading, names in groups.items():
        out.write(f"\n{heading}: " + ", ".join(names) + "\n")
    timeline = latest.get("timeline", [])
    if timeline:
        out.write("\nTimeline:\n")
        for event in timeline:
            out.write(f"- {event_date_label(TimelineEvent.from_dict(event))}: {event['text']}\n")
    if not update["since"] and not asked_since:
        return  # the first version, all of it new and printed above (``--since 0`` still lists it)
    out.write(f"\nWhat's new since version {update['since']} ({counted(len(update['new_articles']), 'new article')}):\n")
    for sentence in update["new_sentences"]:
        label = _source_label(articles.get(str(sentence["article_id"]), {"id": sentence["article_id"]}))
        out.write(f"- {sentence['text']} ({label})\n")
    if not update["new_sentences"]:
        out.write("- nothing the earlier summary did not already say\n")


def run_show(args: argparse.Namespace) -> int:
    with Store(args.db) as store, store.engines.read.connect() as conn:
        detail = story_detail(conn, args.story)
        update = whats_new(conn, args.story, args.since)
    if args.format == "json":
        print(json.dumps({"story": detail, "whats_new": update}, ensure_ascii=False, indent=2))
    else:
        _print_story(detail, update, asked_since=args.since is not None)
    return 0


def _since(text: str | None) -> float | None:
    if text is None:
        return None
    when = parse_published(text)
    if when is None:
        raise InputError(f"--since {text!r}: not a date (use 2024-05-01 or an ISO date-time)")
    return when.timestamp()


def run_list(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise InputError(f"--limit must be at least 1 (got {args.limit})")
    since = _since(args.since)
    with Store(args.db) as store, store.engines.read.connect() as conn:
        cards = list_stories(conn, args.query, args.actor, since, args.limit)
    if args.format == "json":
        print(json.dumps(cards, ensure_ascii=False, indent=2))
        return 0
    for card in cards:
        dates = f"{card['first_published'][:10]}..{card['last_published'][:10]}" if card["first_published"] else "undated"
        actors = ", ".join(card["actors"][:3])
        print(f"{card['id']:>6}  {card['headline']}  ({counted(card['articles'], 'article')}, {counted(card['sources'], 'source')}, {dates}{'; ' + actors if actors else ''})")
    if not cards:
        print("tomtat: track list: no story matches", file=sys.stderr)
    return 0


def run_export(args: argparse.Namespace) -> int:
    with Store(args.db) as store, store.engines.read.connect() as conn:
        lines = [json.dumps(cluster, ensure_ascii=False) + "\n" for cluster in export_clusters(conn)]
    write_lines(lines, args.output)
    print(f"tomtat: track export: {counted(len(lines), 'story', 'stories')}", file=sys.stderr)
    return 0
