"""``track watch`` killed at random moments (SIGTERM and kill -9, 10 times each), then
restarted: no article lost, none doubled, never a torn line.

Each cycle runs two watchers on the same files at once (one gets SIGTERM, the other
kill -9, each at its own random moment) while the feeds keep growing, so kills land
during start-up, fetching, storing and sleeping.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

from fixture_site import Reply, Site, atom, page_html, rss, run_logged, xml

from tomtat.cli import main

CYCLES = 10


def _slow_page(n: int) -> object:
    body = page_html(n).encode("utf-8")
    return lambda _h: Reply(body=body, headers={"Content-Type": "text/html; charset=utf-8"}, delay=0.04)


def _publish(site: Site, count: int) -> list[str]:
    """Feeds listing pages 0..count-1 (even ones in RSS, odd ones in Atom); their URLs."""
    urls = []
    for n in range(count):
        path = f"/bai/{n}"
        if path not in site.routes:
            site.routes[path] = _slow_page(n)
        urls.append(site.url(path))
    site.routes["/rss"] = xml(rss("Báo A", [(f"Tin {n}", u) for n, u in enumerate(urls) if n % 2 == 0]), etag=f'"a{count}"')
    site.routes["/atom"] = xml(atom("Báo B", [(f"Tin {n}", u) for n, u in enumerate(urls) if n % 2 == 1]), etag=f'"b{count}"')
    return urls


def _start(argv: list[str], log: Path) -> multiprocessing.process.BaseProcess:
    """``tomtat track watch`` in a process forked from a server that imported tomtat once,
    so each start costs milliseconds instead of a fresh interpreter's second or two."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tomtat.cli", "fixture_site"])
    proc = context.Process(target=run_logged, args=(argv, str(log)))
    proc.start()
    return proc


def _wait_running(log: Path, runs: int) -> None:
    """Until the log shows ``runs`` watchers started (signal handlers in place)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if log.exists() and log.read_text(encoding="utf-8").count("following") >= runs:
            return
        time.sleep(0.01)
    raise AssertionError(log.read_text(encoding="utf-8") if log.exists() else "no log")


def _urls(db: Path) -> list[str]:
    """The stored articles' URLs, checked: no address and no text twice."""
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        urls = [row[0] for row in conn.execute("SELECT url FROM articles")]
        texts = conn.execute("SELECT count(DISTINCT text), count(*) FROM articles").fetchone()
    assert len(urls) == len(set(urls)) and texts[0] == texts[1], "an article doubled"
    return urls


def test_watch_killed_at_random_moments_loses_and_doubles_nothing(site: Site, tmp_path: Path) -> None:
    site.routes["/robots.txt"] = lambda _h: Reply(status=404)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# hai báo\n{site.url('/rss')}\n{site.url('/atom')}  # Atom\n", encoding="utf-8")
    db = tmp_path / "tin.db"
    argv = ["track", "watch", str(feeds), "--db", str(db), "--every", "0.3s", "--delay", "0.01", "--timeout", "3"]
    rng = random.Random(17)
    count = 12
    term_log, kill_log = tmp_path / "term.log", tmp_path / "kill.log"
    for cycle in range(CYCLES):
        count += 6
        _publish(site, count)
        started = time.monotonic()
        term, kill = _start(argv, term_log), _start(argv, kill_log)
        kill_at = started + rng.uniform(0.05, 1.5)  # kill -9 may land even during start-up
        _wait_running(term_log, cycle + 1)
        term_at = time.monotonic() + rng.uniform(0.0, 1.2)
        for moment, proc, sig in sorted([(kill_at, kill, signal.SIGKILL), (term_at, term, signal.SIGTERM)], key=lambda p: p[0]):
            time.sleep(max(0.0, moment - time.monotonic()))
            os.kill(proc.pid, sig)
        term.join(20)
        kill.join(20)
        assert term.exitcode == 0, term_log.read_text(encoding="utf-8")  # SIGTERM: a clean stop
        assert kill.exitcode == -signal.SIGKILL
        assert term_log.read_text(encoding="utf-8").count("stopped after") == cycle + 1
        _urls(db)

    expected = _publish(site, count)
    assert main(["track", "fetch", str(feeds), "--db", str(db), "--delay", "0"]) == 0
    assert sorted(_urls(db)) == sorted(expected)
