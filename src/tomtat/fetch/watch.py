"""The watch loop: a round, then whatever follows it (grouping), then sleep; until stopped.

A stop request (the command sets ``stop`` on SIGTERM or Ctrl-C) is seen between two
articles, during the politeness waits and during the sleep between rounds, so the loop
ends within moments and never halfway through storing an article.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime

from tomtat.fetch.report import RoundReport
from tomtat.fetch.rounds import Fetcher


def watch(
    fetcher: Fetcher,
    feed_urls: Sequence[str],
    every: float,
    stop: threading.Event,
    after_round: Callable[[RoundReport], str | None],
    say: Callable[[str], None],
    rounds: int | None = None,
) -> int:
    """Run rounds every ``every`` seconds (at most ``rounds``); returns the rounds run.

    ``after_round`` runs after each round that was not stopped (grouping, say) and may
    return a note for the progress line; ``say`` prints a progress line.
    """
    done = 0
    while not stop.is_set():
        started = time.monotonic()
        report = fetcher.round(feed_urls)
        done += 1
        note = None if report.stopped else after_round(report)  # a stop is quick; the next start groups
        line = f"round {done} at {datetime.now().strftime('%H:%M:%S')}: {report.summary()}"
        say(line + (f"; {note}" if note else ""))
        for detail in report.lines()[1:]:
            say(detail)
        if rounds is not None and done >= rounds:
            break
        stop.wait(max(0.0, every - (time.monotonic() - started)))
    return done
