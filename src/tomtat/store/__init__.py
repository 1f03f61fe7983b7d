"""The story store (issue 16): articles in, stories and their versions out, on SQLite or
PostgreSQL. ``Store(db).add_articles(articles)`` is the add path; see docs/STORE.md."""

from tomtat.store.articles import StoreInput, Unreadable
from tomtat.store.engine import StoreError
from tomtat.store.store import AddReport, Store

__all__ = ["AddReport", "Store", "StoreError", "StoreInput", "Unreadable"]
