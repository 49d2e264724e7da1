"""The database schema, as SQLAlchemy Core tables (the same code for SQLite and PostgreSQL).

Reading guide (the web site and the API read these tables through the functions in
``store/articles.py``, ``store/entities.py``, ``store/stories.py`` and ``store/search.py``):

::

    sources          one row per feed / page / file source: conditional-GET state, failures
    articles         one row per stored article; ``id`` is the public id, ``status`` the stage
    analyses         the contract JSON of each article's analysis (``europenews.analysis/1``)
    entities         canonical entities across articles (Zelensky / Zelenskyy → one row)
    entity_aliases   every spelling an entity was seen under
    entity_roles     roles ("President of Ukraine") with the article and date they were given
    entity_keys      the name keys an entity is found by: "name" keys link on their own,
                     "short" keys (surname, initials, last word) only with shared context
    entity_links     how each article entity was linked (its key and the evidence), so a link
                     that later evidence contradicts can be undone
    article_entities an article's entity (its local id ``e1``) → canonical entity
    mentions         each mention of an article entity (character offsets into the text)
    quotes           quotes with speaker (canonical entity when known), cue, shown flag
    events           violent / disaster events with casualty counts and coordinates
    figures          each event's killed/injured figures: value, confidence, evidence sentence
    places           the geocoded places an article mentions
    stories          groups of articles about one real event, with summary columns
    story_members    article → story; ``duplicate_of`` marks a near-duplicate (wire) copy;
                     ``seq`` the order of assignments
    leases           which process owns the analysis and story queue, until when
    alert_rules      named alert rules (from the configuration or the admin API), as JSON
    alert_hits       one row per (rule, story) that fired: the fact, and what was delivered

Full-text search is not in these tables: on SQLite an FTS5 table ``articles_fts`` (external
content over ``articles``, kept in sync by triggers), on PostgreSQL a generated ``tsvector``
column ``articles.search_vector`` with a GIN index. Both are created by the migrations.

Dates are ISO 8601 strings (``published`` as given by the source, ``*_at`` in UTC with ``Z``),
so they sort correctly as text on both backends.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# Processing stages of an article, in order; ``failed`` keeps ``articles.error``.
STATUS_FETCHED = "fetched"
STATUS_ANALYSED = "analysed"
STATUS_CLUSTERED = "clustered"
STATUS_FAILED = "failed"

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),  # a URL, or a file path
    Column("kind", String(16), nullable=False),  # feed | page | opml | file
    Column("name", Text),  # what the configuration calls it (shown instead of URL or path)
    Column("title", Text),  # what the source calls itself (a feed's <title>)
    Column("etag", Text),
    Column("last_modified", Text),  # the server's Last-Modified header, verbatim
    Column("last_fetched_at", String(32)),
    Column("last_status", Integer),  # HTTP status of the last fetch (304 = not modified)
    Column("last_error", Text),
    Column("failure_count", Integer, nullable=False, default=0),
    Column("failing_since", String(40)),  # when the current run of failures began
    Column("next_due_at", String(32)),  # when a poller should fetch it again
    Column("created_at", String(32), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    # An integer key so SQLite's FTS5 external-content table has a stable rowid.
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),  # deterministic fingerprint id
    Column("external_id", Text),  # the id the input gave, if any
    Column("url", Text),  # canonical URL
    Column("url_key", String(64), unique=True),  # hash of the canonical URL (NULL if no URL)
    Column("content_hash", String(64), nullable=False, unique=True),  # normalised text hash
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("published", String(40)),
    Column("source", Text),  # publisher name / hostname
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="SET NULL")),
    Column("language", String(16)),
    Column("author", Text),
    Column("fetched_at", String(32), nullable=False),
    Column("status", String(16), nullable=False, default=STATUS_FETCHED),
    Column("error", Text),  # why the last stage failed (status = failed)
    Column("truncated", String(32)),  # fields shortened before storing: "text", "title,text"
    Index("ix_articles_published", "published"),
    Index("ix_articles_status", "status"),
    Index("ix_articles_source", "source"),
)

analyses = Table(
    "analyses",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("payload", Text, nullable=False),  # contract JSON (analysis_to_dict), without text
    Column("model", Text),
    Column("analysed_at", String(32), nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),  # the longest / most complete name seen
    Column("type", String(16), nullable=False),  # person | organization | place | misc
    Column("key", Text, nullable=False),  # names.name_key(name)
    Column("surname_key", Text),  # persons: key of the last word, for surname-only mentions
    Column("first_seen", String(40)),
    Column("last_seen", String(40)),
    Column("article_count", Integer, nullable=False, default=0),
    Index("ix_entities_key", "type", "key"),
    Index("ix_entities_surname", "type", "surname_key"),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("alias_key", Text, nullable=False),
    UniqueConstraint("entity_id", "alias", name="uq_entity_aliases"),
    Index("ix_entity_aliases_key", "alias_key"),
)

entity_roles = Table(
    "entity_roles",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("role", Text, nullable=False),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("published", String(40)),  # the article's date: roles change over time
    UniqueConstraint("entity_id", "role", "article_id", name="uq_entity_roles"),
)

entity_keys = Table(
    "entity_keys",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("key", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # name | short
    UniqueConstraint("entity_id", "key", "kind", name="uq_entity_keys"),
    Index("ix_entity_keys_key", "key"),
)

entity_links = Table(
    "entity_links",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("local_id", String(32), nullable=False),  # "e1": its entity is in article_entities
    Column("key", Text, nullable=False),  # names.name_key of the article's name for it
    Column("evidence", String(16), nullable=False),  # new | name | context
    UniqueConstraint("article_id", "local_id", name="uq_entity_links"),
    Index("ix_entity_links_key", "key"),
)

article_entities = Table(
    "article_entities",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("local_id", String(32), nullable=False),  # "e1" in the analysis JSON
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("name", Text, nullable=False),  # the name as this article gave it
    Column("type", String(16), nullable=False),
    Column("mention_count", Integer, nullable=False, default=0),
    UniqueConstraint("article_id", "local_id", name="uq_article_entities"),
    Index("ix_article_entities_entity", "entity_id"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("local_id", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_article", "article_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("position", Integer, nullable=False),  # index in the analysis' quote list
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("speaker_entity_id", Integer, ForeignKey("entities.id")),  # canonical, or NULL
    Column("speaker_name", Text),
    Column("speaker_mention", Text),
    Column("via", Text),  # the outlet or intermediary of a nested report ("according to CNN")
    Column("cue", Text),
    Column("report", Text),  # reported speech as the article words it, cue included
    Column("published", String(40)),
    # Pages, feeds, alerts and speaker counts use shown quotes only (migration 0007).
    Column("shown", Boolean, nullable=False, default=True),
    Column("confidence", Float, nullable=False, default=1.0),
    Index("ix_quotes_article", "article_id"),
    Index("ix_quotes_speaker", "speaker_entity_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("position", Integer, nullable=False),  # 0 = the article's main event
    Column("type", Text, nullable=False),
    Column("killed", Integer),
    Column("injured", Integer),
    Column("missing", Integer),
    Column("kidnapped", Integer),
    Column("arrested", Integer),
    Column("weapon", Text),
    Column("actor", Text),
    Column("date", String(40)),
    Column("place_name", Text),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("source_name", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("published", String(40)),
    Index("ix_events_article", "article_id"),
)

figures = Table(
    "figures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("event", Integer, nullable=False),  # the event's position (0 = the main event)
    Column("kind", String(16), nullable=False),  # killed | injured
    Column("value", Integer),
    Column("confidence", Float, nullable=False),  # that it counts the event the article reports
    Column("start", Integer, nullable=False),  # the sentence it is read from
    Column("end", Integer, nullable=False),
    Column("phrase", Text),  # "three people"; NULL when inferred ("a fatal shooting")
    Column("source_name", Text),  # who gave it
    Column("published", String(40)),
    Index("ix_figures_article", "article_id"),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", Integer),
    Column("feature", String(32)),
    Column("mention_count", Integer, nullable=False, default=0),
    Column("published", String(40)),
    Index("ix_places_article", "article_id"),
    Index("ix_places_name", "name"),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),  # the clusterer's story id
    Column("headline", Text),
    Column("first_seen", String(40)),  # earliest member publication date
    Column("last_seen", String(40)),
    # The latest date known for the story: publication dates, else dates stated in the texts,
    # else fetch times; ``seen_from`` says which (published | text | fetched).
    Column("seen", String(40)),
    Column("seen_from", String(16)),
    Column("article_count", Integer, nullable=False, default=0),
    Column("source_count", Integer, nullable=False, default=0),  # distinct sources
    Column("key_entities", Text),  # JSON list of canonical names, most mentioned first
    Column("key_places", Text),  # JSON list of place names
    Column("growth", Float),  # members in the last 24 h of the story / all members
    Column("breaking", Boolean, nullable=False, default=False),
    Column("updated_at", String(32)),
    Index("ix_stories_last_seen", "last_seen"),
    Index("ix_stories_seen", "seen"),
)

story_members = Table(
    "story_members",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("story_id", String(64), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("duplicate_of", String(64)),  # article id of the original when this is a copy
    Column("assigned_at", String(32), nullable=False),
    # The order of assignments (1, 2, ...): a clusterer restored from the store replays them
    # in this order, so it continues exactly as an uninterrupted one would.
    Column("seq", Integer),
    Index("ix_story_members_story", "story_id"),
    Index("ix_story_members_seq", "seq"),
)

leases = Table(
    "leases",
    metadata,
    # Which process owns a queue (``analysis``: analysing and clustering stored articles), until
    # when: a holder renews its lease while it works; a lapsed one may be taken over.
    Column("name", String(32), primary_key=True),
    Column("holder", String(200), nullable=False),
    Column("expires_at", Float, nullable=False),  # seconds since the epoch
    Column("acquired_at", String(32), nullable=False),
)

alert_rules = Table(
    "alert_rules",
    metadata,
    Column("name", Text, primary_key=True),
    Column("rule", Text, nullable=False),  # alerts.rules.AlertRule.to_json()
    Column("origin", String(16), nullable=False),  # config | api
    Column("updated_at", String(32), nullable=False),
    Column("last_digest_at", String(32)),  # when the last hourly/daily digest went out
)

alert_hits = Table(
    "alert_hits",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("rule_name", Text, nullable=False),
    Column("story_id", String(64), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("fired_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),  # a later article changed the hit
    Column("fact", Text, nullable=False),  # JSON: alerts.match.AlertFact.to_dict()
    Column("webhook_sent_at", String(32)),
    Column("email_sent_at", String(32)),
    Column("attempts", Integer, nullable=False, default=0),  # failed deliveries so far
    Column("next_try_at", String(32)),  # back-off: not before this time
    Column("last_error", Text),
    # The hit this one repeats: another story of the same incident (same rule, place, date
    # and toll) fired first; kept so the story never fires, never listed or delivered.
    Column("same_as", Integer),
    # One hit per rule and story: a story's later articles update it, never fire again.
    UniqueConstraint("rule_name", "story_id", name="uq_alert_hits"),
    Index("ix_alert_hits_fired", "fired_at"),
)
