"""Articles from dicts (parsed JSON objects): one builder for the Python API, JSONL input
and the HTTP server, so that the three accept the same articles and say the same thing
about a wrong one.

An article is ``{"id"?, "title"?, "text" | "html", "source"?, "url"?, "published"?}``.
Types are strict (a number is not a title, ``true`` is not an id) and a wrong field is
named in one :class:`~tomtat.errors.InputError` line. With ``html`` the main text is
extracted, and title, source, url and published come from the page when the dict leaves
them out or blank. Unknown keys are ignored here (the server rejects them earlier, in
its request schema).
"""

from __future__ import annotations

from collections.abc import Mapping

from tomtat.errors import InputError
from tomtat.io.html import article_from_html
from tomtat.model import Article

METADATA = ("title", "source", "url", "published")


def article_from_dict(data: object, default_id: str, origin: str) -> Article:
    """An ``Article`` from one dict; ``default_id`` when it has no id, ``origin`` (a file
    and line, a position in a request) opens every error message."""
    if not isinstance(data, Mapping):
        raise InputError(f"{origin}: an article must be an object with 'text' or 'html', not {_kind(data)}")
    article_id = _id(data.get("id"), default_id, origin)
    given = {key: _string(data, key, origin) for key in METADATA}
    text, html = data.get("text"), data.get("html")
    if text is not None and html is not None:
        raise InputError(f"{origin}: give either 'text' or 'html', not both")
    if html is not None:
        if not isinstance(html, str):
            raise InputError(f"{origin}: 'html' must be a string, not {_kind(html)}")
        page = article_from_html(html, article_id, origin)
        found = {"title": page.title, "source": page.source, "url": page.url, "published": page.published}
        meta = {key: given[key] if given[key] else found[key] for key in METADATA}
        text = page.text
    elif text is None:
        raise InputError(f"{origin}: missing field 'text' (a string; or 'html' with a page)")
    elif not isinstance(text, str):
        raise InputError(f"{origin}: 'text' must be a string, not {_kind(text)}")
    else:
        meta = given
    return Article(
        id=article_id,
        title=meta["title"] or "",
        text=text,
        source=meta["source"] or None,
        url=meta["url"] or None,
        published=meta["published"] or None,
        origin=origin,
    )


def _id(value: object, default_id: str, origin: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return default_id
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"{origin}: 'id' must be a string or an integer, not {_kind(value)}")
    return str(value)


def _string(data: Mapping[object, object], key: str, origin: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"{origin}: {key!r} must be a string, not {_kind(value)}")


def _kind(value: object) -> str:
    """The JSON name of a value's type, as a user who wrote the JSON would say it."""
    names = {bool: "true/false", int: "a number", float: "a number", str: "a string",
             list: "a list", type(None): "null"}
    return names.get(type(value), "an object" if isinstance(value, Mapping) else type(value).__name__)
