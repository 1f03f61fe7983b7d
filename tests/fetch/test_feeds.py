"""Feeds files and feed documents as the user writes and the sites serve them."""

from __future__ import annotations

import pytest
from fixture_site import atom, rss

from tomtat.errors import InputError
from tomtat.fetch.feeds import FeedError, parse_feed, parse_feed_list


def test_a_feeds_file_takes_comments_blank_lines_and_repeats() -> None:
    text = "# báo sáng\n\nhttps://a.vn/rss  # thời sự\nhttps://a.vn/rss\nhttp://b.vn/atom.xml#trang\n"
    assert parse_feed_list(text, "feeds.txt") == ["https://a.vn/rss", "http://b.vn/atom.xml#trang"]


def test_a_line_that_is_not_an_address_is_named() -> None:
    with pytest.raises(InputError, match=r"feeds.txt:2: not a feed address"):
        parse_feed_list("https://a.vn/rss\nbao-moi.vn/rss\n", "feeds.txt")


def test_rss_and_atom_give_entries_with_links_and_dates() -> None:
    for document in (rss("Báo A", [("Tin một", "http://x.vn/1")]), atom("Báo B", [("Tin một", "http://x.vn/1")])):
        feed = parse_feed(document.encode("utf-8"), "http://x.vn/feed")
        assert [(e.url, e.title) for e in feed.entries] == [("http://x.vn/1", "Tin một")]
        assert feed.entries[0].published.startswith("2026-05-03T01:00")


def test_relative_links_are_resolved_against_the_feed() -> None:
    feed = parse_feed(rss("Báo", [("Tin", "/bai/7")]).encode("utf-8"), "http://x.vn/rss/feed.xml")
    assert feed.entries[0].url == "http://x.vn/bai/7"


def test_a_page_that_is_not_a_feed_is_an_error() -> None:
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body>Bao tri</body></html>", "http://x.vn/rss")
