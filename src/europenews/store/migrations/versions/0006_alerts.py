"""Alerts: named rules, and one hit per (rule, story) with its delivery state.

Revision ID: 0006_alerts
Revises: 0005_entities
Create Date: 2026-12-06 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_alerts"
down_revision = "0005_entities"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alert_rules",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("last_digest_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "alert_hits",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("rule_name", sa.Text(), nullable=False),
        sa.Column("story_id", sa.String(length=64), nullable=False),
        sa.Column("fired_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("fact", sa.Text(), nullable=False),
        sa.Column("webhook_sent_at", sa.String(length=32), nullable=True),
        sa.Column("email_sent_at", sa.String(length=32), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try_at", sa.String(length=32), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("same_as", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("rule_name", "story_id", name="uq_alert_hits"),
    )
    op.create_index("ix_alert_hits_fired", "alert_hits", ["fired_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_alert_hits_fired", table_name="alert_hits")
    op.drop_table("alert_hits")
    op.drop_table("alert_rules")
