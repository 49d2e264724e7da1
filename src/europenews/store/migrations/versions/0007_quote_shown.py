"""Quotes: ``shown`` (pages, feeds and alerts print only shown quotes) and ``confidence``.

Quotes stored before this step were all the rules' quotes, which are shown: both columns
default to that (true, 1.0), so an old store opens and shows what it showed.

Revision ID: 0007_quote_shown
Revises: 0006_alerts
Create Date: 2026-12-07 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_quote_shown"
down_revision = "0006_alerts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("shown", sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
        batch_op.add_column(sa.Column("confidence", sa.Float(), nullable=False,
                                      server_default=sa.text("1.0")))


def downgrade() -> None:
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_column("confidence")
        batch_op.drop_column("shown")
