"""Writers: a ``Summary`` as plain text, Markdown, JSON or HTML (one file each), and
``explain``, the terminal report of what cleaning removed (``tomtat clean --explain``)."""

from __future__ import annotations

from collections.abc import Callable

from tomtat.io.writers.html import write_html
from tomtat.io.writers.json import write_json
from tomtat.io.writers.markdown import write_markdown
from tomtat.io.writers.text import write_text
from tomtat.model import Summary

WRITERS: dict[str, Callable[[Summary], str]] = {
    "text": write_text,
    "markdown": write_markdown,
    "json": write_json,
    "html": write_html,
}


def render(summary: Summary, fmt: str) -> str:
    """``summary`` in format ``fmt`` (one of ``WRITERS``)."""
    return WRITERS[fmt](summary)


__all__ = ["WRITERS", "render"]
