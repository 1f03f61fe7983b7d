"""One fetch round against the local fixture site: each kind of feed and page ends as stated."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixture_site import Reply, Site, atom, html, page_html, rss, xml

from tomtat.fetch.article_file import ArticleFile
from tomtat.fetch.client import PoliteClient
from tomtat.fetch.rounds import Fetcher
from tomtat.fetch.settings import FetchSettings
from tomtat.fetch.state import FetchState
from tomtat.fetch.store_sink import StoreSink
from tomtat.store import Store


def _twenty_mb() -> Iterator[bytes]:
    chunk = ("<p>" + "Dòng chữ lặp lại rất dài để làm trang nặng. " * 200 + "</p>").encode("utf-8")
    yield b"<!doctype html><html><body>"
    for _ in range(20 * 1024 * 1024 // len(chunk) + 1):
        yield chunk


def _flaky() -> object:
    calls = {"n": 0}

    def route(_headers: dict[str, str]) -> Reply:
        calls["n"] += 1
        if calls["n"] == 1:
            return Reply(status=500, body=b"loi may chu")
        return html(page_html(7))(_headers)

    return route


def _build(site: Site) -> None:
    u = site.url
    site.routes.update(
        {
            "/robots.txt": lambda _h: Reply(body=b"User-agent: *\nDisallow: /rieng/\n", headers={"Content-Type": "text/plain"}),
            "/tin/1": html(page_html(1, canonical=u("/tin/1"))),
            "/tin/1?utm_source=rss": html(page_html(1, canonical=u("/tin/1"))),
            "/tin/2": html(page_html(2)),
            "/tin/4": html(page_html(4)),
            "/tin/5": html(page_html(5)),
            "/ban-sao/5": html(page_html(5)),
            "/rieng/3": html(page_html(3)),
            "/cham": lambda h: Reply(delay=2.0, body=page_html(8).encode(), headers={"Content-Type": "text/html"}),
            "/lon": lambda _h: Reply(body=_twenty_mb, headers={"Content-Type": "text/html"}),
            "/vong": lambda _h: Reply(status=302, headers={"Location": u("/vong-2")}),
            "/vong-2": lambda _h: Reply(status=302, headers={"Location": u("/vong")}),
            "/chap-chon": _flaky(),
            "/tin/6": html(page_html(6)),
            "/chuyen": lambda _h: Reply(status=301, headers={"Location": "/tin/6"}),
            "/chuyen-rieng": lambda _h: Reply(status=302, headers={"Location": u("/rieng/9")}),
            "/hong.xml": lambda _h: Reply(body=b"<html><body>Trang bao tri</body></html", headers={"Content-Type": "text/html"}),
        }
    )
    site.routes["/rss.xml"] = xml(
        rss(
            "Báo Làng Quê",
            [
                ("Cầu mới", u("/tin/1")),
                ("Cầu mới (bản có mã theo dõi)", u("/tin/1?utm_source=rss")),
                ("Bưởi", u("/tin/2")),
                ("Riêng tư", u("/rieng/3")),
                ("Mất", u("/mat")),
                ("Chập chờn", u("/chap-chon")),
                ("Chậm", u("/cham")),
                ("Lớn", u("/lon")),
                ("Vòng", u("/vong")),
                ("Chuyển", u("/chuyen")),
                ("Chuyển vào chỗ cấm", u("/chuyen-rieng")),
            ],
        ),
        etag='"rss-v1"',
    )
    site.routes["/atom.xml"] = xml(
        atom("Tin Vùng Sông", [("Trường học", u("/tin/4")), ("Bưởi", u("/tin/2")), ("Chợ nổi", u("/tin/5")), ("Chợ nổi lại", u("/ban-sao/5"))]),
        etag='"atom-v1"',
    )


def _fetcher(tmp_path: Path, settings: FetchSettings) -> tuple[Fetcher, ArticleFile]:
    sink = ArticleFile(str(tmp_path / "articles.jsonl"))
    client = PoliteClient(settings, threading.Event())
    return Fetcher(client, sink, FetchState(str(tmp_path / "state.json")), threading.Event()), sink


@pytest.fixture
def feeds(site: Site) -> list[str]:
    _build(site)
    return [site.url("/rss.xml"), site.url("/atom.xml"), site.url("/hong.xml"), site.url("/khong-co.xml")]


def test_a_round_keeps_new_articles_and_says_why_for_the_rest(site: Site, feeds: list[str], fast: FetchSettings, tmp_path: Path) -> None:
    fetcher, sink = _fetcher(tmp_path, fast)
    report = fetcher.round(feeds)

    u = site.url
    assert sorted(report.new) == sorted([u("/tin/1"), u("/tin/2"), u("/tin/4"), u("/tin/5"), u("/chap-chon"), u("/tin/6")])
    skipped = dict(report.skipped)
    assert skipped[u("/rieng/3")] == "disallowed by robots.txt"
    assert "same article" in skipped[u("/tin/1?utm_source=rss")]
    assert "same article" in skipped[u("/ban-sao/5")]
    failed = dict(report.failed)
    assert failed[u("/mat")] == "HTTP 404"
    assert "timed out" in failed[u("/cham")]
    assert "limit" in failed[u("/lon")]
    assert "redirects" in failed[u("/vong")]
    assert failed[u("/chuyen-rieng")] == f"redirected to {u('/rieng/9')}: disallowed by robots.txt"
    assert "not an RSS or Atom feed" in failed[u("/hong.xml")]
    assert "HTTP 404" in failed[u("/khong-co.xml")]
    assert len(report.new) + len(report.skipped) + len(report.failed) + report.known == 11 + 4 + 2
    assert report.feeds_read == 2

    assert site.hits["/mat"] == 1  # no retry for a 4xx
    assert site.hits["/chap-chon"] == 2  # 500, then 200
    assert site.hits["/cham"] == 3  # a timeout is retried, within bounds
    assert site.hits["/tin/2"] == 1  # listed by two feeds, fetched once
    assert site.hits["/rieng/3"] == site.hits["/rieng/9"] == 0
    assert all(agent.startswith("tomtat/") for agent in site.agents)

    rows = [json.loads(line) for line in (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 6 and len({r["id"] for r in rows}) == 6
    moved = next(r for r in rows if r["url"] == u("/tin/6"))
    assert moved["urls"] == [u("/chuyen"), u("/tin/6")]
    first = next(r for r in rows if r["url"] == u("/tin/1"))
    assert first["title"].startswith("Hợp tác xã Đồng Xanh")
    assert "Ông Trần Văn Hậu" in first["text"]
    assert "Tin mới nhất" not in first["text"] and "Bản quyền" not in first["text"]
    assert first["published"].startswith("2026-05-02")
    assert first["source"] == "Báo Làng Quê"
    assert u("/tin/1?utm_source=rss") not in first["urls"]
    sink.close()


def test_a_second_round_fetches_nothing_twice(site: Site, feeds: list[str], fast: FetchSettings, tmp_path: Path) -> None:
    fetcher, sink = _fetcher(tmp_path, fast)
    fetcher.round(feeds)
    before = dict(site.hits)

    again, sink2 = _fetcher(tmp_path, fast)  # a new process: state and articles from disk
    report = again.round(feeds)

    assert report.new == []
    assert report.not_modified == 1  # the Atom feed: ETag sent back, 304 answered
    assert site.hits["/cham"] == before["/cham"] + 3  # a passing failure is tried again, so RSS was re-read
    for path in ("/tin/1", "/tin/1?utm_source=rss", "/tin/2", "/mat", "/lon", "/vong", "/chap-chon", "/ban-sao/5", "/chuyen", "/tin/6"):
        assert site.hits[path] == before.get(path, 0), path
    assert sink2.count == 6
    sink.close()
    sink2.close()


def test_a_changed_feed_brings_only_its_new_entry(site: Site, fast: FetchSettings, tmp_path: Path) -> None:
    site.routes["/tin/1"] = html(page_html(1))
    site.routes["/tin/2"] = html(page_html(2))
    site.routes["/feed"] = xml(rss("Báo", [("Một", site.url("/tin/1"))]), etag='"v1"')
    fetcher, sink = _fetcher(tmp_path, fast)
    assert len(fetcher.round([site.url("/feed")]).new) == 1
    site.routes["/feed"] = xml(rss("Báo", [("Hai", site.url("/tin/2")), ("Một", site.url("/tin/1"))]), etag='"v2"')
    report = fetcher.round([site.url("/feed")])
    assert report.new == [site.url("/tin/2")] and report.known == 1
    assert site.hits["/tin/1"] == 1
    sink.close()


def test_a_stop_request_ends_the_round_between_articles(site: Site, fast: FetchSettings, tmp_path: Path) -> None:
    for n in range(5):
        site.routes[f"/tin/{n}"] = html(page_html(n))
    site.routes["/feed"] = xml(rss("Báo", [(f"T{n}", site.url(f"/tin/{n}")) for n in range(5)]))
    fetcher, sink = _fetcher(tmp_path, fast)
    fetcher.stop.set()
    report = fetcher.round([site.url("/feed")])
    assert report.stopped and report.new == []
    sink.close()


def test_a_round_into_the_story_store_keeps_each_article_once_and_groups_them(site: Site, feeds: list[str], fast: FetchSettings, tmp_path: Path) -> None:
    db = tmp_path / "tin.db"
    with Store(str(db)) as store:
        sink = StoreSink(store)
        fetcher = Fetcher(PoliteClient(fast, threading.Event()), sink, FetchState(str(tmp_path / "state.json")), threading.Event())
        report = fetcher.round(feeds)
        assert len(report.new) == 6
        update = sink.update()
        assert update.stories_created >= 1 and update.stories
        assert fetcher.round(feeds).new == []
    with sqlite3.connect(db) as conn:
        urls = [row[0] for row in conn.execute("SELECT url FROM articles")]
    assert sorted(urls) == sorted(site.url(p) for p in ("/tin/1", "/tin/2", "/tin/4", "/tin/5", "/chap-chon", "/tin/6"))
    assert site.hits["/tin/1?utm_source=rss"] == 1  # an alias of a kept article is not fetched again


def test_last_modified_is_sent_back_and_a_304_costs_no_page(site: Site, fast: FetchSettings, tmp_path: Path) -> None:
    stamp = "Sun, 03 May 2026 01:00:00 GMT"
    body = rss("Báo", [("Một", site.url("/tin/1"))]).encode("utf-8")

    def feed(headers: dict[str, str]) -> Reply:
        if headers.get("if-modified-since") == stamp:
            return Reply(status=304)
        return Reply(body=body, headers={"Last-Modified": stamp, "Content-Type": "application/rss+xml"})

    site.routes["/feed"] = feed
    site.routes["/tin/1"] = html(page_html(1))
    fetcher, sink = _fetcher(tmp_path, fast)
    assert len(fetcher.round([site.url("/feed")]).new) == 1
    report = fetcher.round([site.url("/feed")])
    assert report.not_modified == 1 and report.known == 0 and site.hits["/tin/1"] == 1
    sink.close()


def test_an_unreadable_robots_txt_fails_the_round_and_the_next_round_fetches(site: Site, fast: FetchSettings, tmp_path: Path) -> None:
    """A robots.txt that answers 503 is a passing failure: nothing is settled, the next round tries again."""
    robots = {"status": 503}
    site.routes["/robots.txt"] = lambda _h: Reply(status=robots["status"], body=b"")
    site.routes["/tin/1"] = html(page_html(1))
    site.routes["/rss.xml"] = xml(rss("Báo Làng Quê", [("Cầu mới", site.url("/tin/1"))]))
    fetcher, sink = _fetcher(tmp_path, fast)

    first = fetcher.round([site.url("/rss.xml")])
    assert not first.new and not first.skipped
    assert "robots.txt unreadable" in dict(first.failed)[site.url("/rss.xml")]

    robots["status"] = 404  # no robots.txt: everything allowed
    second = fetcher.round([site.url("/rss.xml")])
    assert second.new == [site.url("/tin/1")] and not second.failed


def test_a_page_on_a_host_whose_robots_txt_fails_is_not_settled(site: Site, fast: FetchSettings, tmp_path: Path) -> None:
    """The feed's host answers; the article's host (same server, named 'localhost') cannot say: tried again next round."""
    down = {"on": True}
    site.routes["/robots.txt"] = lambda h: Reply(status=503 if down["on"] and h.get("host", "").startswith("localhost") else 404)
    page = site.url("/tin/1").replace("127.0.0.1", "localhost")
    site.routes["/tin/1"] = html(page_html(1))
    site.routes["/rss.xml"] = xml(rss("Báo Làng Quê", [("Cầu mới", page)]))
    fetcher, _sink = _fetcher(tmp_path, fast)

    first = fetcher.round([site.url("/rss.xml")])
    assert "robots.txt unreadable" in dict(first.failed)[page] and not first.skipped

    down["on"] = False
    second = fetcher.round([site.url("/rss.xml")])
    assert second.new == [page]


def test_a_redirect_to_a_host_whose_robots_txt_fails_is_tried_again(site: Site, fast: FetchSettings, tmp_path: Path) -> None:
    down = {"on": True}
    site.routes["/robots.txt"] = lambda h: Reply(status=503 if down["on"] and h.get("host", "").startswith("localhost") else 404)
    target = site.url("/tin/1").replace("127.0.0.1", "localhost")
    site.routes["/chuyen"] = lambda _h: Reply(status=302, headers={"Location": target})
    site.routes["/tin/1"] = html(page_html(1))
    site.routes["/rss.xml"] = xml(rss("Báo Làng Quê", [("Chuyển", site.url("/chuyen"))]))
    fetcher, _sink = _fetcher(tmp_path, fast)

    first = fetcher.round([site.url("/rss.xml")])
    assert "robots.txt unreadable" in dict(first.failed)[site.url("/chuyen")]

    down["on"] = False
    second = fetcher.round([site.url("/rss.xml")])
    assert len(second.new) == 1 and not second.failed
