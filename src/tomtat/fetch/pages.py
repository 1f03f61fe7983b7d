"""A fetched page to an ``Article``: the HTML reader's extraction, the feed's facts as fallback.

Extraction is ``tomtat.io.html.article_from_html`` (trafilatura), exactly what the HTML
reader uses for files; the article then goes through the same cleaning as every input
when it is summarized. The article's URL is the page's canonical address when it names
one, so the same story reached under two addresses is recognised as one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from tomtat.errors import InputError
from tomtat.fetch.client import Fetched
from tomtat.fetch.feeds import Feed, FeedEntry
from tomtat.io.decode import decode_bytes
from tomtat.io.html import article_from_html
from tomtat.model import Article


class PageError(Exception):
    """A page that gives no article; the message says why."""


@dataclass(frozen=True, slots=True)
class PageArticle:
    """The article of a page and every address it was reached under (entry, final, canonical)."""

    article: Article
    urls: tuple[str, ...]


def article_id(url: str) -> str:
    """A stable id from the article's address: the same page always gets the same id."""
    return "web-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def page_article(fetched: Fetched, entry: FeedEntry, feed: Feed) -> PageArticle:
    """The article on a fetched page; raises ``PageError`` when it has no main text."""
    html = _text(fetched)
    extracted = article_from_html(html, article_id=article_id(fetched.final_url), origin=fetched.final_url)
    if not extracted.text.strip():
        raise PageError("no main text found on the page")
    url = _canonical(extracted.url, fetched.final_url)
    urls = tuple(dict.fromkeys((entry.url, fetched.final_url, url)))
    article = Article(
        id=article_id(url),
        title=extracted.title or entry.title,
        text=extracted.text,
        source=_source(extracted.source, feed.title, url),
        url=url,
        published=extracted.published or entry.published,
        origin=url,
    )
    return PageArticle(article=article, urls=urls)


def _source(sitename: str | None, feed_title: str, url: str) -> str:
    """The outlet: the page's declared site name, else the feed's title, else the host.

    trafilatura falls back to the host name when a page declares none; the feed's title
    names the outlet better than that.
    """
    host = urlsplit(url).netloc
    if sitename and sitename.removeprefix("www.") != host.removeprefix("www."):
        return sitename
    return feed_title or host


def _canonical(declared: str | None, final_url: str) -> str:
    if not declared:
        return final_url
    url = urljoin(final_url, declared.strip())
    return url if urlsplit(url).scheme in ("http", "https") else final_url


def _text(fetched: Fetched) -> str:
    header = Message()
    header["content-type"] = fetched.headers.get("content-type", "text/html")
    if header.get_content_type() not in ("text/html", "application/xhtml+xml", "text/plain"):
        raise PageError(f"not a web page ({header.get_content_type()})")
    charset = header.get_param("charset")
    try:
        if isinstance(charset, str) and charset.lower().replace("-", "") not in ("utf8", ""):
            return fetched.body.decode(charset)
        return decode_bytes(fetched.body, fetched.final_url)
    except (InputError, LookupError, UnicodeDecodeError) as err:
        raise PageError(f"undecodable page ({err})") from None
