"""Hardening (issue 23): which fields of an article were shortened, the order in which articles
were assigned to stories, and leases (which process owns the analysis and story queue).

Columns are added with plain ``ALTER TABLE`` (no batch mode): SQLite's batch mode rebuilds the
table and would drop the full-text triggers on ``articles``.

Revision ID: 0003_hardening
Revises: 0002_source_name_failing_since
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_hardening"
down_revision = "0002_source_name_failing_since"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("truncated", sa.String(length=32), nullable=True))
    op.add_column("story_members", sa.Column("seq", sa.Integer(), nullable=True))
    # Assignments made before this revision: their order as well as it can be known.
    op.execute(
        "UPDATE story_members SET seq = r.n FROM (SELECT sm.article_id AS aid, ROW_NUMBER() "
        "OVER (ORDER BY sm.assigned_at, a.published IS NULL, a.published, a.pk) AS n "
        "FROM story_members sm JOIN articles a ON a.id = sm.article_id) AS r "
        "WHERE story_members.article_id = r.aid"
    )
    op.create_index("ix_story_members_seq", "story_members", ["seq"], unique=False)
    op.create_table(
        "leases",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.Column("acquired_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("leases")
    op.drop_index("ix_story_members_seq", table_name="story_members")
    op.drop_column("story_members", "seq")
    op.drop_column("articles", "truncated")
