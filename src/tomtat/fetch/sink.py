"""Where fetched articles go: the small interface the story store implements.

The fetcher never looks inside the store. It asks whether an address is already held
(so a page is never fetched twice) and hands over each new article whole, with every
address it was reached under (the entry's link, the address after redirects, the
page's canonical address).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from tomtat.model import Article


class ArticleSink(Protocol):
    """A place that keeps articles, each stored whole or not at all."""

    def seen(self, url: str) -> bool:
        """Whether an article reached under ``url`` is already kept."""
        ...

    def add(self, article: Article, urls: Sequence[str]) -> bool:
        """Keep ``article`` (atomically); False when it was already kept (same address or text)."""
        ...
