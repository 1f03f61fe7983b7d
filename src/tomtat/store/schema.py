"""The store's tables, as SQLAlchemy Core ``Table`` objects (one schema, both engines).

- ``articles``: every article ever given, readable or not (``read_error``), stored once:
  ``url`` and ``content_hash`` (of the normalised text) are unique. ``duplicate_of``
  links a near-duplicate to the earliest stored copy. ``features`` are its grouping
  features (``tomtat.grouping.features``, as bytes), made when it is stored.
- ``stories``: ``revision`` counts membership changes; a story whose
  ``summarized_revision`` lags behind it still needs a new version. ``merged_into``
  points a story joined into another at the one that absorbed it; ``split_from``
  points a story made of articles that left another story at that story. ``headline``,
  ``actors``, the date range and the lower-cased ``search_text`` and ``actor_names``
  are copies of its latest version, for listing and search.
- ``membership``: which story each grouped article is in (one story per article).
- ``article_bands``: the near-duplicate LSH band keys of each grouped article
  (``tomtat.grouping.duplicates.band_keys``), so a new article's near-copies are found
  among every stored article, however old, with one indexed lookup.
- ``story_versions``: every summary of every story, with what produced it.

The migrations in ``tomtat/store/migrations`` create exactly these tables; a test
checks that they agree.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("url", sa.Text, nullable=True, unique=True),
    sa.Column("source", sa.Text, nullable=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("published", sa.Text, nullable=True),
    sa.Column("published_at", sa.Float, nullable=True),
    sa.Column("received", sa.Float, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("duplicate_of", sa.Integer, sa.ForeignKey("articles.id"), nullable=True),
    sa.Column("read_error", sa.Text, nullable=True),
    sa.Column("features", sa.LargeBinary, nullable=True),
    sa.Index("ix_articles_published_at", "published_at"),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("summarized_revision", sa.Integer, nullable=False),
    sa.Column("merged_into", sa.Integer, sa.ForeignKey("stories.id"), nullable=True),
    sa.Column("split_from", sa.Integer, nullable=True),
    sa.Column("created", sa.Float, nullable=False),
    sa.Column("updated", sa.Float, nullable=False),
    sa.Column("headline", sa.Text, nullable=True),
    sa.Column("actors", sa.Text, nullable=True),
    sa.Column("search_text", sa.Text, nullable=True),
    sa.Column("actor_names", sa.Text, nullable=True),
    sa.Column("article_count", sa.Integer, nullable=False),
    sa.Column("source_count", sa.Integer, nullable=False),
    sa.Column("first_published", sa.Float, nullable=True),
    sa.Column("last_published", sa.Float, nullable=True),
    sa.Index("ix_stories_updated", "updated"),
)

membership = sa.Table(
    "membership",
    metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id"), nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Index("ix_membership_story", "story_id"),
)

article_bands = sa.Table(
    "article_bands",
    metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("band_key", sa.BigInteger, primary_key=True),
    sa.Index("ix_article_bands_key", "band_key"),
)

story_versions = sa.Table(
    "story_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id"), nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("article_ids", sa.Text, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("timeline", sa.Text, nullable=False),
    sa.Column("actors", sa.Text, nullable=False),
    sa.Column("method", sa.Text, nullable=False),
    sa.Column("budget", sa.Text, nullable=False),
    sa.Column("tomtat_version", sa.Text, nullable=False),
    sa.Column("created", sa.Float, nullable=False),
    sa.UniqueConstraint("story_id", "number", name="uq_story_versions_number"),
    sa.UniqueConstraint("story_id", "revision", name="uq_story_versions_revision"),
)
