"""Facts a reader can trust: casualty figures with confidence and evidence; a story's "seen"
date (publication dates, else dates stated in the texts, else fetch times).

Revision ID: 0004_facts
Revises: 0003_hardening
Create Date: 2026-12-06 08:00:00
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

revision = "0004_facts"
down_revision = "0003_hardening"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "figures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("event", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("phrase", sa.Text(), nullable=True),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_figures_article", "figures", ["article_id"], unique=False)
    # Plain ADD COLUMN (no batch copy of the table): SQLite supports it for nullable columns.
    op.add_column("stories", sa.Column("seen", sa.String(length=40), nullable=True))
    op.add_column("stories", sa.Column("seen_from", sa.String(length=16), nullable=True))
    op.create_index("ix_stories_seen", "stories", ["seen"], unique=False)
    # Stories stored before: their publication dates are the best "seen" date known.
    op.execute("UPDATE stories SET seen = last_seen, seen_from = 'published' "
               "WHERE last_seen IS NOT NULL")
    # Event dates were free text ("Tuesday", "20-year-old"); they are ISO dates or NULL now
    # (``reanalyze --stage events`` reads the expressions again against the article dates).
    events = sa.table("events", sa.column("id", sa.Integer()), sa.column("date", sa.String()))
    bind = op.get_bind()
    stale = [row.id for row in bind.execute(sa.select(events.c.id, events.c.date)
                                            .where(events.c.date.is_not(None)))
             if not _ISO_DATE.match(row.date)]
    for start in range(0, len(stale), 500):
        bind.execute(sa.update(events).where(events.c.id.in_(stale[start:start + 500]))
                     .values(date=None))


def downgrade() -> None:
    op.drop_index("ix_stories_seen", table_name="stories")
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_column("seen_from")
        batch_op.drop_column("seen")
    op.drop_index("ix_figures_article", table_name="figures")
    op.drop_table("figures")
