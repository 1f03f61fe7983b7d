"""Alembic environment: migrations always run on the connection ``tomtat.store.engine``
hands over (already inside a locked transaction), never on a URL of their own."""

from __future__ import annotations

from alembic import context

from tomtat.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
