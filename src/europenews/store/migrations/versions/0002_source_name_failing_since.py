"""Sources: the configured name, and since when a failing source has been failing.

``name`` is what the configuration (or the OPML list, or the folder given to ``ingest``) calls
a source, shown instead of its URL or path; ``failing_since`` is when the current run of
failures began (cleared by the next success), so the status can say "failing since ...".

Revision ID: 0002_source_name_failing_since
Revises: 0001
Create Date: 2026-12-06 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_source_name_failing_since"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both backends: no batch copy of the table, whose rows other tables
    # point at.
    op.add_column("sources", sa.Column("name", sa.Text(), nullable=True))
    op.add_column("sources", sa.Column("failing_since", sa.String(length=40), nullable=True))
    # A source failing now has been failing since at least its last attempt.
    op.execute("UPDATE sources SET failing_since = last_fetched_at WHERE last_error IS NOT NULL")


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+, PostgreSQL), again without copying the table.
    op.execute("ALTER TABLE sources DROP COLUMN failing_since")
    op.execute("ALTER TABLE sources DROP COLUMN name")
