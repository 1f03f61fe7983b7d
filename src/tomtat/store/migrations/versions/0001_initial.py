"""The first schema: articles, stories, membership, story versions.

Revision ID: 0001
Revises:
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
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
    )
    op.create_index("ix_articles_published_at", "articles", ["published_at"])
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("summarized_revision", sa.Integer, nullable=False),
        sa.Column("merged_into", sa.Integer, sa.ForeignKey("stories.id"), nullable=True),
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
    )
    op.create_index("ix_stories_updated", "stories", ["updated"])
    op.create_table(
        "membership",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id"), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
    )
    op.create_index("ix_membership_story", "membership", ["story_id"])
    op.create_table(
        "story_versions",
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


def downgrade() -> None:
    op.drop_table("story_versions")
    op.drop_table("membership")
    op.drop_table("stories")
    op.drop_index("ix_articles_published_at", "articles")
    op.drop_table("articles")
