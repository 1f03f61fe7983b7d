"""The story store as a sink: where ``tomtat track fetch`` and ``watch`` put articles.

Each article is committed in its own transaction through ``Store.store_articles`` (the
store's add path), so a stop or a kill keeps it whole or not at all; ``update`` then
groups the new articles and re-summarises the changed stories, once per round.
"""

from __future__ import annotations

from collections.abc import Sequence

from tomtat.model import Article
from tomtat.store import AddReport, Store


class StoreSink:
    """``ArticleSink`` over an open ``Store``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def seen(self, url: str) -> bool:
        return self.store.has_url(url)

    def add(self, article: Article, urls: Sequence[str]) -> bool:
        return bool(self.store.store_articles([article]).added)

    def update(self) -> AddReport:
        """Group what was added and write new versions of the changed stories."""
        return self.store.update()
