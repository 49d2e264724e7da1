"""Entity linking on evidence: the keys entities are found by, how each article entity was
linked (so a link can be undone), and quotes' ``via`` and reported-speech wording.

Revision ID: 0005_entities
Revises: 0004_facts
Create Date: 2026-12-06 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_entities"
down_revision = "0004_facts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_keys",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="CASCADE"),
        sa.UniqueConstraint("entity_id", "key", "kind", name="uq_entity_keys"),
    )
    with op.batch_alter_table("entity_keys", schema=None) as batch_op:
        batch_op.create_index("ix_entity_keys_key", ["key"], unique=False)
    op.create_table(
        "entity_links",
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("local_id", sa.String(length=32), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("evidence", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.UniqueConstraint("article_id", "local_id", name="uq_entity_links"),
    )
    with op.batch_alter_table("entity_links", schema=None) as batch_op:
        batch_op.create_index("ix_entity_links_key", ["key"], unique=False)
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("via", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("report", sa.Text(), nullable=True))
    # Entities linked before this step are found again by their names: every stored key is
    # a "name" key, every person's surname a "short" one.
    op.execute(
        "INSERT INTO entity_keys (entity_id, key, kind) SELECT id, key, 'name' FROM entities"
    )
    op.execute(
        "INSERT INTO entity_keys (entity_id, key, kind) SELECT id, surname_key, 'short' "
        "FROM entities WHERE surname_key IS NOT NULL AND surname_key <> key"
    )


def downgrade() -> None:
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_column("report")
        batch_op.drop_column("via")
    with op.batch_alter_table("entity_links", schema=None) as batch_op:
        batch_op.drop_index("ix_entity_links_key")
    op.drop_table("entity_links")
    with op.batch_alter_table("entity_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_entity_keys_key")
    op.drop_table("entity_keys")
