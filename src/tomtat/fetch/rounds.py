"""One fetch round: every feed, every new entry, into the sink; a report of what happened.

Order matters for crash safety: an article is handed to the sink (which stores it whole
or not at all) before anything about it is remembered elsewhere, and a feed's
validators are saved only once all its entries were handled, and only when none failed
for a passing reason (a 5xx, a timeout) that a later round should try again. A round stopped or killed
halfway therefore re-reads that feed next time, and the sink's ``seen`` skips what was
already kept: nothing is lost and nothing is doubled.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from tomtat.fetch.client import FetchFailure, PoliteClient, Stopped
from tomtat.fetch.feeds import Feed, FeedEntry, FeedError, parse_feed
from tomtat.fetch.pages import PageError, page_article
from tomtat.fetch.report import RoundReport
from tomtat.fetch.robots import RobotsRules
from tomtat.fetch.sink import ArticleSink
from tomtat.fetch.state import FetchState, Validators


@dataclass
class Fetcher:
    """What a round needs: the polite client, robots rules, the sink and the state."""

    client: PoliteClient
    sink: ArticleSink
    state: FetchState
    stop: threading.Event

    def __post_init__(self) -> None:
        self.robots = RobotsRules(self.client)

    def round(self, feed_urls: Sequence[str]) -> RoundReport:
        """Read every feed once and keep each new article; never raises for a bad feed or page."""
        report = RoundReport(feeds=len(feed_urls))
        self.robots = RobotsRules(self.client)  # read afresh: a failed read is not kept past a round
        started, waited = time.monotonic(), self.client.pacer.waited
        try:
            for feed_url in feed_urls:
                if self.stop.is_set():
                    raise Stopped()
                self._feed(feed_url, report)
        except Stopped:
            report.stopped = True
        report.seconds = time.monotonic() - started
        report.waited = self.client.pacer.waited - waited
        return report

    def _feed(self, feed_url: str, report: RoundReport) -> None:
        refusal = self.robots.refusal(feed_url)
        if refusal:
            if self.robots.unreadable(feed_url):
                report.failed.append((feed_url, f"feed: {refusal}"))
            else:
                report.skipped.append((feed_url, refusal))
            return
        try:
            fetched = self.client.get(feed_url, self.state.validators(feed_url).request_headers(), gate=self.robots.gate)
        except FetchFailure as err:
            report.failed.append((feed_url, f"feed: {err}"))
            return
        if fetched.status == 304:
            report.feeds_read += 1
            report.not_modified += 1
            return
        try:
            feed = parse_feed(fetched.body, fetched.final_url)
        except FeedError as err:
            report.failed.append((feed_url, f"feed: {err}"))
            return
        report.feeds_read += 1
        settled: dict[str, str] = {}
        complete = True
        try:
            for entry in feed.entries:
                if self.stop.is_set():
                    raise Stopped()
                complete &= self._entry(entry, feed, report, settled)
        finally:
            self.state.save({}, settled)
        if complete:  # else the next round must read the whole feed again to retry
            validators = Validators(fetched.headers.get("etag"), fetched.headers.get("last-modified"))
            self.state.save({feed_url: validators}, {})

    def _entry(self, entry: FeedEntry, feed: Feed, report: RoundReport, settled: dict[str, str]) -> bool:
        """Handle one entry; False when it failed for a passing reason (try again later)."""
        if self.sink.seen(entry.url) or self.state.settled(entry.url) or entry.url in settled:
            report.known += 1
            return True
        refusal = self.robots.refusal(entry.url)
        if refusal and self.robots.unreadable(entry.url):  # not settled: tried again next round
            report.failed.append((entry.url, refusal))
            return False
        if refusal:
            report.skipped.append((entry.url, refusal))
            settled[entry.url] = refusal
            return True
        try:
            fetched = self.client.get(entry.url, gate=self.robots.gate)
            page = page_article(fetched, entry, feed)
        except FetchFailure as err:
            report.failed.append((entry.url, str(err)))
            if err.lasting:
                settled[entry.url] = str(err)
            return err.lasting
        except PageError as err:
            report.skipped.append((entry.url, str(err)))
            settled[entry.url] = str(err)
            return True
        if self.sink.add(page.article, page.urls):
            report.new.append(page.article.url or entry.url)
            for url in page.urls:  # the other addresses it was reached under
                if url != page.article.url:
                    settled.setdefault(url, f"kept as {page.article.url}")
            return True
        if self.sink.seen(entry.url):  # another fetcher kept this very page meanwhile
            report.known += 1
            return True
        why = f"same article as one already kept ({page.article.url})"
        report.skipped.append((entry.url, why))
        for url in page.urls:
            settled.setdefault(url, why)
        return True
