"""Crash benchmark: ``kill -9`` of ``tomtat track add`` at random moments, then a rerun.

    PYTHONPATH=src python bench/store_kill.py [--data ../shared/data] [--kills 20] [--articles 400]

A feed of dev-corpus articles (``bench/store_stream.py``'s stream) is added to a fresh
SQLite store by ``tomtat track add`` processes, each killed with SIGKILL after a random
delay; then one run goes to the end. Reported: the kills, whether the stored articles are
exactly those of an uninterrupted run of the same feed, and the store's invariant
problems (``tomtat.store.check``: lost or doubled articles, stories without a version
of their latest membership). Both should be nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from store_stream import corpus, make_stream  # noqa: E402

from tomtat.grouping.group import article_to_dict  # noqa: E402
from tomtat.store import Store  # noqa: E402
from tomtat.store.check import problems  # noqa: E402
from tomtat.store.queries import counts  # noqa: E402
from tomtat.store.schema import articles  # noqa: E402


def add(feed: Path, db: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.Popen([sys.executable, "-m", "tomtat", "track", "add", str(feed), "--db", db], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def stored(db: str) -> tuple[list[str], list[str], dict[str, int]]:
    with Store(db) as store, store.engines.read.connect() as conn:
        names = sorted(r.name for r in conn.execute(sa.select(articles.c.name)))
        return names, problems(conn), counts(conn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--max-delay", type=float, default=8.0, help="kill after a random 0.5..this many seconds")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    stream, _ = make_stream(corpus(args.data), args.articles, 30, args.seed)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        feed.write_text("".join(json.dumps(article_to_dict(a), ensure_ascii=False) + "\n" for a in stream), encoding="utf-8")
        reference, crashed = f"sqlite:///{tmp}/reference.db", f"sqlite:///{tmp}/crashed.db"
        add(feed, reference).wait()
        delays = []
        for _ in range(args.kills):
            process = add(feed, crashed)
            delay = rng.uniform(0.5, args.max_delay)
            time.sleep(delay)
            finished = process.poll() is not None
            process.send_signal(signal.SIGKILL)
            process.wait()
            delays.append((round(delay, 2), finished))
        last = add(feed, crashed)
        _, err = last.communicate()
        names_ref, _, counts_ref = stored(reference)
        names, found, counts_crashed = stored(crashed)
        print(json.dumps({
            "articles": len(stream), "kills": args.kills, "runs_done_before_kill": sum(1 for _, f in delays if f),
            "final_run_exit": last.returncode, "same_articles_as_uninterrupted": names == names_ref,
            "doubled": len(names) - len(set(names)), "problems": found, "crashed": counts_crashed, "uninterrupted": counts_ref,
        }), flush=True)


if __name__ == "__main__":
    main()
