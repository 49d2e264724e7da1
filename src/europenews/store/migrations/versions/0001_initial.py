"""Initial schema: all tables of store/schema.py as of v0.1, plus full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-26 15:47:50.712231
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
        "entities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("surname_key", sa.Text(), nullable=True),
        sa.Column("first_seen", sa.String(length=40), nullable=True),
        sa.Column("last_seen", sa.String(length=40), nullable=True),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index("ix_entities_key", ["type", "key"], unique=False)
        batch_op.create_index("ix_entities_surname", ["type", "surname_key"], unique=False)

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("last_fetched_at", sa.String(length=32), nullable=True),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("failure_count", sa.Integer(), nullable=False),
        sa.Column("next_due_at", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("url"),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("first_seen", sa.String(length=40), nullable=True),
        sa.Column("last_seen", sa.String(length=40), nullable=True),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("key_entities", sa.Text(), nullable=True),
        sa.Column("key_places", sa.Text(), nullable=True),
        sa.Column("growth", sa.Float(), nullable=True),
        sa.Column("breaking", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.create_index("ix_stories_last_seen", ["last_seen"], unique=False)

    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("url_key", sa.String(length=64), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("fetched_at", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("content_hash"),
        sa.UniqueConstraint("id"),
        sa.UniqueConstraint("url_key"),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index("ix_articles_published", ["published"], unique=False)
        batch_op.create_index("ix_articles_source", ["source"], unique=False)
        batch_op.create_index("ix_articles_status", ["status"], unique=False)

    op.create_table(
        "entity_aliases",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("alias_key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="CASCADE"),
        sa.UniqueConstraint("entity_id", "alias", name="uq_entity_aliases"),
    )
    with op.batch_alter_table("entity_aliases", schema=None) as batch_op:
        batch_op.create_index("ix_entity_aliases_key", ["alias_key"], unique=False)

    op.create_table(
        "analyses",
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("model", sa.Text(), nullable=True),
        sa.Column("analysed_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id"),
    )
    op.create_table(
        "article_entities",
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("local_id", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
        ),
        sa.UniqueConstraint("article_id", "local_id", name="uq_article_entities"),
    )
    with op.batch_alter_table("article_entities", schema=None) as batch_op:
        batch_op.create_index("ix_article_entities_entity", ["entity_id"], unique=False)

    op.create_table(
        "entity_roles",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="CASCADE"),
        sa.UniqueConstraint("entity_id", "role", "article_id", name="uq_entity_roles"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("killed", sa.Integer(), nullable=True),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("missing", sa.Integer(), nullable=True),
        sa.Column("kidnapped", sa.Integer(), nullable=True),
        sa.Column("arrested", sa.Integer(), nullable=True),
        sa.Column("weapon", sa.Text(), nullable=True),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("date", sa.String(length=40), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_article", ["article_id"], unique=False)

    op.create_table(
        "mentions",
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("local_id", sa.String(length=32), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index("ix_mentions_article", ["article_id"], unique=False)

    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("geonames_id", sa.Integer(), nullable=True),
        sa.Column("feature", sa.String(length=32), nullable=True),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.create_index("ix_places_article", ["article_id"], unique=False)
        batch_op.create_index("ix_places_name", ["name"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("speaker_entity_id", sa.Integer(), nullable=True),
        sa.Column("speaker_name", sa.Text(), nullable=True),
        sa.Column("speaker_mention", sa.Text(), nullable=True),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["speaker_entity_id"],
            ["entities.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index("ix_quotes_article", ["article_id"], unique=False)
        batch_op.create_index("ix_quotes_speaker", ["speaker_entity_id"], unique=False)

    op.create_table(
        "story_members",
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("story_id", sa.String(length=64), nullable=False),
        sa.Column("duplicate_of", sa.String(length=64), nullable=True),
        sa.Column("assigned_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id"),
    )
    with op.batch_alter_table("story_members", schema=None) as batch_op:
        batch_op.create_index("ix_story_members_story", ["story_id"], unique=False)

    create_search_index()


def create_search_index() -> None:
    """FTS5 with external content + sync triggers (SQLite) or a generated tsvector (PostgreSQL)."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
            "content_rowid='pk', tokenize='porter unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.pk, old.title, old.text); END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.pk, old.title, old.text); "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END"
        )
    else:
        # tsvector values are limited to 1 MB: index the first 200,000 characters of the text.
        op.execute(
            "ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('english', left(text, 200000)), 'B')) STORED"
        )
        op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search_vector)")


def drop_search_index() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
        op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search_vector")


def downgrade() -> None:
    drop_search_index()
    with op.batch_alter_table("story_members", schema=None) as batch_op:
        batch_op.drop_index("ix_story_members_story")

    op.drop_table("story_members")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index("ix_quotes_speaker")
        batch_op.drop_index("ix_quotes_article")

    op.drop_table("quotes")
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.drop_index("ix_places_name")
        batch_op.drop_index("ix_places_article")

    op.drop_table("places")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index("ix_mentions_article")

    op.drop_table("mentions")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_article")

    op.drop_table("events")
    op.drop_table("entity_roles")
    with op.batch_alter_table("article_entities", schema=None) as batch_op:
        batch_op.drop_index("ix_article_entities_entity")

    op.drop_table("article_entities")
    op.drop_table("analyses")
    with op.batch_alter_table("entity_aliases", schema=None) as batch_op:
        batch_op.drop_index("ix_entity_aliases_key")

    op.drop_table("entity_aliases")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index("ix_articles_status")
        batch_op.drop_index("ix_articles_source")
        batch_op.drop_index("ix_articles_published")

    op.drop_table("articles")
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_index("ix_stories_last_seen")

    op.drop_table("stories")
    op.drop_table("sources")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index("ix_entities_surname")
        batch_op.drop_index("ix_entities_key")

    op.drop_table("entities")
