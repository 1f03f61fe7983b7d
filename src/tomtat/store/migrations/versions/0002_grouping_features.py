"""Grouping features and near-duplicate band keys kept per article; stories record what
they split from.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06

``articles.features`` is NULL for articles stored before this revision: the grouping
pass that first needs them computes them from the stored text and keeps them. Articles
grouped before this revision have no band keys, so a later near-copy of one of them is
found only when it is published within the time window of it.
``stories.split_from`` has no foreign key: SQLite cannot add one to an existing table
without copying it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("features", sa.LargeBinary, nullable=True))
    op.add_column("stories", sa.Column("split_from", sa.Integer, nullable=True))
    op.create_table(
        "article_bands",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("band_key", sa.BigInteger, primary_key=True),
    )
    op.create_index("ix_article_bands_key", "article_bands", ["band_key"])


def downgrade() -> None:
    op.drop_table("article_bands")
    op.drop_column("stories", "split_from")
    op.drop_column("articles", "features")
