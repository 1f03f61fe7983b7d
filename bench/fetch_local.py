"""The fetcher against a local site: N entries across F feeds, fetched, extracted, grouped.

    PYTHONPATH=src python bench/fetch_local.py [--entries 1000] [--feeds 10] [--delay 0.01] [--sink file|store]

The site (tests/fetch/fixture_site.py, invented pages with captions and sidebars) runs on
127.0.0.1; each feed lists its share of the entries. One ``Fetcher.round`` reads them
all with the given per-host delay, then the articles are grouped (``--sink file``:
``group_articles`` over the article file; ``--sink store``: the story store on a
temporary SQLite file, which groups and summarises). Checked: every entry kept exactly
once and every kept article in exactly one story (zero losses). Reported: the round's
wall time, the time spent waiting politely (per-host delay), the time outside those
waits (HTTP on loopback + extraction + storing), and the grouping time.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "fetch"))

from fixture_site import Reply, Site, html, page_html, rss  # noqa: E402

from tomtat.fetch.article_file import ArticleFile  # noqa: E402
from tomtat.fetch.client import PoliteClient  # noqa: E402
from tomtat.fetch.rounds import Fetcher  # noqa: E402
from tomtat.fetch.settings import FetchSettings  # noqa: E402
from tomtat.fetch.sink import ArticleSink  # noqa: E402
from tomtat.fetch.state import FetchState  # noqa: E402
from tomtat.fetch.store_sink import StoreSink  # noqa: E402
from tomtat.grouping import group_articles  # noqa: E402
from tomtat.store import Store  # noqa: E402


def _site(site: Site, entries: int, feeds: int) -> list[str]:
    site.routes["/robots.txt"] = lambda _h: Reply(body=b"User-agent: *\nAllow: /\n")
    urls = []
    for n in range(entries):
        site.routes[f"/bai/{n}"] = html(page_html(n))
        urls.append(site.url(f"/bai/{n}"))
    for f in range(feeds):
        items = [(f"Tin {n}", urls[n]) for n in range(f, entries, feeds)]
        body = rss(f"Báo số {f}", items).encode("utf-8")
        site.routes[f"/rss/{f}"] = lambda _h, body=body: Reply(body=body, headers={"Content-Type": "application/rss+xml"})
    return [site.url(f"/rss/{f}") for f in range(feeds)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--delay", type=float, default=0.01, help="per-host delay in seconds (one host here)")
    parser.add_argument("--sink", choices=("file", "store"), default="file")
    args = parser.parse_args()
    settings = FetchSettings(delay=args.delay, retries=0)
    with Site() as site, tempfile.TemporaryDirectory() as tmp:
        feeds = _site(site, args.entries, args.feeds)
        stop = threading.Event()
        store = Store(str(Path(tmp) / "bench.db")) if args.sink == "store" else None
        file = ArticleFile(str(Path(tmp) / "articles.jsonl")) if store is None else None
        sink: ArticleSink = StoreSink(store) if store is not None else file  # type: ignore[assignment]
        with PoliteClient(settings, stop) as client:
            report = Fetcher(client, sink, FetchState(str(Path(tmp) / "state.json")), stop).round(feeds)
        started = time.monotonic()
        if store is not None:
            store_sink = sink
            assert isinstance(store_sink, StoreSink)
            store_sink.update()
            store.close()
            with sqlite3.connect(Path(tmp) / "bench.db") as conn:
                kept = conn.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone()
                grouped = conn.execute("SELECT count(DISTINCT article_id), count(*), count(DISTINCT story_id) FROM membership").fetchone()
            kept_count, distinct = kept
            in_stories, memberships, stories = grouped
        else:
            assert file is not None
            articles = file.articles()
            groups = group_articles(articles)
            kept_count, distinct = len(articles), len({a.url for a in articles})
            in_stories = len({a.id for g in groups for a in g.articles})
            memberships, stories = sum(len(g.articles) for g in groups), len(groups)
            file.close()
        grouping = time.monotonic() - started
    work = report.seconds - report.waited
    print(report.summary())
    print(f"kept {kept_count} ({distinct} distinct URLs) of {args.entries} entries; {in_stories} in {stories} stories ({memberships} memberships)")
    print(
        f"round {report.seconds:.2f} s = waiting {report.waited:.2f} s + outside the waits {work:.2f} s "
        f"({1000 * work / max(1, len(report.new)):.1f} ms per article); grouping ({args.sink}) {grouping:.2f} s"
    )
    lost = args.entries - kept_count
    ok = lost == 0 and distinct == kept_count and in_stories == kept_count == memberships and not report.failed
    print("zero losses" if ok else f"LOSSES: {lost} not kept, {kept_count - in_stories} not in a story, failed {len(report.failed)}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
