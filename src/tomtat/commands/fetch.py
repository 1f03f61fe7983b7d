"""``tomtat track fetch`` and ``tomtat track watch``: feeds in, articles (and stories) out.

``fetch`` runs one round over the feeds; ``watch`` runs rounds every ``--every`` until
SIGTERM or Ctrl-C, which stop it cleanly between two articles. Articles go to the story
store (``--db``, default as for ``track add``), which groups them and re-summarises the
changed stories after each round with news; or to an article JSONL file (``-o``) that
``tomtat cluster`` reads, with ``--stories`` regrouping it after each round.
Settings come from ``--config FILE`` (TOML, see ``tomtat.fetch.config``); flags override it.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from tomtat.commands.common import write_lines
from tomtat.errors import InputError
from tomtat.fetch.article_file import ArticleFile
from tomtat.fetch.client import PoliteClient
from tomtat.fetch.config import DeploymentConfig, load_config, parse_duration
from tomtat.fetch.feeds import read_feed_list
from tomtat.fetch.report import RoundReport
from tomtat.fetch.rounds import Fetcher
from tomtat.fetch.settings import FetchSettings, SettingError
from tomtat.fetch.sink import ArticleSink
from tomtat.fetch.store_sink import StoreSink
from tomtat.fetch.state import FetchState
from tomtat.fetch.watch import watch
from tomtat.grouping import group_articles
from tomtat.io.wording import counted
from tomtat.store import Store
from tomtat.store.engine import DEFAULT_URL, ENV_VAR, resolve_url


def add_commands(track: argparse._SubParsersAction) -> None:
    """Add ``fetch`` and ``watch`` under ``tomtat track`` (``commands/track.py``)."""
    once = track.add_parser(
        "fetch",
        help="read the feeds once and keep every new article",
        description="Read each feed (RSS or Atom), fetch each new entry's page politely, extract its article and keep it. "
        "Ends with a report: feeds read, new articles, skipped and failed (with why). Exit 1 when something failed.",
    )
    _common(once)
    once.set_defaults(func=run_fetch)
    loop = track.add_parser(
        "watch",
        help="fetch the feeds again and again, keeping the stories current",
        description="Run `track fetch` every --every, then group; one progress line per round. "
        "SIGTERM or Ctrl-C stops it cleanly (the article being stored is stored whole or not at all).",
    )
    _common(loop)
    loop.add_argument("--every", metavar="DURATION", help="time between rounds: 90s, 10m, 1h (default 10m)")
    loop.add_argument("--rounds", type=int, metavar="N", help="stop after N rounds (default: run until stopped)")
    loop.set_defaults(func=run_watch)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("feeds", nargs="?", metavar="FEEDS.txt", help="feed addresses, one per line, # comments (or feeds in --config)")
    p.add_argument("--config", metavar="FILE.toml", help="deployment file (feeds, interval, database, limits); flags override it")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="URL", help=f"the story store (default ${ENV_VAR}, else {DEFAULT_URL.removeprefix('sqlite:///')})")
    where.add_argument("-o", "--articles", metavar="ARTICLES.jsonl", help="keep articles in this article JSONL file instead")
    p.add_argument("--stories", metavar="STORIES.jsonl", help="with -o: regroup into stories (cluster JSONL) after each round with news")
    p.add_argument("--state", metavar="FILE.json", help="where feed validators and settled addresses are kept (default: beside the SQLite file or the articles file, else ./tomtat-fetch-state.json)")
    limits = p.add_argument_group("politeness and limits")
    limits.add_argument("--delay", type=float, metavar="SECONDS", help="between two requests to one host (default 2)")
    limits.add_argument("--timeout", type=float, metavar="SECONDS", help="read timeout per request (default 30)")
    limits.add_argument("--max-mb", type=float, metavar="MB", help="largest page or feed (default 5)")
    limits.add_argument("--retries", type=int, metavar="N", help="extra tries after a 5xx or network error (default 2)")
    limits.add_argument("--user-agent", metavar="TEXT", help="User-Agent header (default names tomtat and its version)")


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a run needs, with flags applied over the deployment file."""

    feeds: tuple[str, ...]
    settings: FetchSettings
    db: str | None
    articles: str | None
    state: str
    stories: str | None
    every: float


def job_from(args: argparse.Namespace) -> Job:
    """The run's settings: the deployment file, then the flags over it."""
    config = load_config(args.config) if args.config else DeploymentConfig()
    feeds = tuple(read_feed_list(args.feeds)) if args.feeds else config.feeds
    if not feeds:
        raise InputError("no feeds: give FEEDS.txt or feeds in --config")
    db = args.db or (None if args.articles else config.db)
    articles = args.articles or (None if args.db else config.articles)
    if db and articles:
        raise InputError(f"{args.config}: give db or articles, not both")
    fetch: dict[str, Any] = dict(config.fetch)
    flags = {"delay": args.delay, "read_timeout": args.timeout, "max_mb": args.max_mb, "retries": args.retries, "user_agent": args.user_agent}
    given = {k: v for k, v in flags.items() if v is not None}
    fetch.update(given)
    try:
        if "max_mb" in fetch:
            fetch["max_bytes"] = int(float(fetch.pop("max_mb")) * 1024 * 1024)
        settings = FetchSettings(**fetch)
    except SettingError as err:
        flag, key = _FLAGS.get(err.setting, ("", ""))
        if key in given:
            raise InputError(f"{flag} {err.problem}") from None
        raise InputError(f"{args.config or 'fetch settings'}: [fetch] {err}") from None
    except (TypeError, ValueError) as err:
        raise InputError(f"bad fetch setting ({err})") from None
    every_value = getattr(args, "every", None)
    every = parse_duration(every_value, "--every") if every_value else (config.every or 600.0)
    if args.stories and not articles:
        raise InputError("--stories goes with -o ARTICLES.jsonl (the store groups by itself)")
    state = args.state or config.state or _default_state(db, articles)
    return Job(feeds=feeds, settings=settings, db=db, articles=articles, state=state, stories=args.stories, every=every)


# A FetchSettings field -> the flag that sets it and that flag's key in job_from's ``flags``.
_FLAGS = {"delay": ("--delay", "delay"), "read_timeout": ("--timeout", "read_timeout"),
          "max_bytes": ("--max-mb", "max_mb"), "retries": ("--retries", "retries")}


def _default_state(db: str | None, articles: str | None) -> str:
    """Beside what holds the articles: the article file or the SQLite file."""
    if articles:
        return f"{articles}.fetch-state.json"
    url = resolve_url(db)
    if url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
        return url.removeprefix("sqlite:///") + ".fetch-state.json"
    return "tomtat-fetch-state.json"


@contextmanager
def stop_on_signals() -> Iterator[threading.Event]:
    """An event set by SIGTERM or Ctrl-C (SIGINT), so the run can end between articles.

    A second signal interrupts at once (``KeyboardInterrupt``); the article being
    committed is then rolled back by its transaction, never half-stored.
    """
    stop = threading.Event()
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}

    def handle(_signum: int, _frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    for sig in previous:
        signal.signal(sig, handle)
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _say(line: str) -> None:
    print(f"tomtat: {line}", file=sys.stderr, flush=True)


def _regroup(sink: ArticleFile, path: str) -> str:
    """Group every kept article into stories and write them atomically to ``path``."""
    stories = group_articles(sink.articles())
    write_lines((json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in stories), path)
    return f"{counted(len(stories), 'story', 'stories')} in {path}"


@dataclass
class Opened:
    """A running fetcher, where its articles go, and what follows a round with news."""

    fetcher: Fetcher
    where: str
    kept: int | None
    after_round: Callable[[RoundReport], str | None]


@contextmanager
def _opened(job: Job, stop: threading.Event) -> Iterator[Opened]:
    """The sink (the store, or an article file), the client and the state, opened for a run."""
    with ExitStack() as stack:
        sink: ArticleSink
        if job.articles:
            file = stack.enter_context(ArticleFile(job.articles))
            sink, where, kept = file, job.articles, file.count

            def after(report: RoundReport) -> str | None:
                return _regroup(file, job.stories) if job.stories and report.new else None
        else:
            store = stack.enter_context(Store(job.db))
            store_sink = StoreSink(store)
            sink, where, kept = store_sink, store.engines.url, None

            def after(report: RoundReport) -> str | None:
                # always: articles a stopped or killed run stored are grouped here (cheap when none)
                update = store_sink.update()
                if not (report.new or update.stories):
                    return None
                return (
                    f"store: {counted(update.stories_created, 'new story', 'new stories')}, "
                    f"{update.stories_merged} merged, {len(update.stories)} re-summarised, "
                    f"{counted(update.near_duplicates, 'near-duplicate')} linked"
                )

        client = stack.enter_context(PoliteClient(job.settings, stop))
        Path(job.state).parent.mkdir(parents=True, exist_ok=True)
        yield Opened(Fetcher(client, sink, FetchState(job.state), stop), where, kept, after)


def run_fetch(args: argparse.Namespace) -> int:
    job = job_from(args)
    with stop_on_signals() as stop, _opened(job, stop) as run:
        report = run.fetcher.round(job.feeds)
        note = run.after_round(report)
        for line in report.lines():
            _say(f"fetch: {line}")
        if note:
            _say(f"fetch: {note}")
    return 1 if report.failed else 0


def run_watch(args: argparse.Namespace) -> int:
    job = job_from(args)
    if args.rounds is not None and args.rounds < 1:
        raise InputError(f"--rounds must be 1 or more (got {args.rounds})")
    with stop_on_signals() as stop, _opened(job, stop) as run:
        kept = "" if run.kept is None else f" ({counted(run.kept, 'article')} kept so far)"
        _say(f"watch: following {counted(len(job.feeds), 'feed')} every {job.every:g} s into {run.where}{kept}")
        done = watch(run.fetcher, job.feeds, job.every, stop, run.after_round, lambda line: _say(f"watch: {line}"), args.rounds)
        if stop.is_set():
            _say(f"watch: stopped after {done} rounds")
    return 0
