"""Alembic environment: always run online, on the connection handed over by ``upgrade``."""

from __future__ import annotations

from alembic import context

from europenews.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs the alembic CLI
    raise RuntimeError("europenews migrations run through europenews.store.migrations.upgrade")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
