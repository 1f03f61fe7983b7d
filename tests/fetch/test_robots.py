"""robots.txt: a missing one allows all, a failing one keeps the fetcher off the host."""

from __future__ import annotations

import threading

from fixture_site import Reply, Site

from tomtat.fetch.client import PoliteClient
from tomtat.fetch.robots import RobotsRules
from tomtat.fetch.settings import FetchSettings


def test_no_robots_txt_allows_everything(site: Site, fast: FetchSettings) -> None:
    with PoliteClient(fast, threading.Event()) as client:
        assert RobotsRules(client).refusal(site.url("/bat-ky/trang")) is None


def test_a_failing_robots_txt_keeps_the_fetcher_off_the_host_and_is_asked_once(site: Site, fast: FetchSettings) -> None:
    site.routes["/robots.txt"] = lambda _h: Reply(status=503)
    with PoliteClient(fast, threading.Event()) as client:
        rules = RobotsRules(client)
        first, second = rules.refusal(site.url("/tin/1")), rules.refusal(site.url("/tin/2"))
    assert first == second and first is not None and "robots.txt unreadable (HTTP 503" in first
    assert site.hits["/robots.txt"] == fast.retries + 1


def test_rules_name_tomtat_or_everyone(site: Site, fast: FetchSettings) -> None:
    site.routes["/robots.txt"] = lambda _h: Reply(body=b"User-agent: tomtat\nDisallow: /nhap/\n\nUser-agent: *\nDisallow: /\n")
    with PoliteClient(fast, threading.Event()) as client:
        rules = RobotsRules(client)
        assert rules.refusal(site.url("/tin/1")) is None
        assert rules.refusal(site.url("/nhap/1")) == "disallowed by robots.txt"
