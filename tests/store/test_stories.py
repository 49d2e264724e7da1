from __future__ import annotations

from sqlalchemy.engine import Engine

from europenews.ingest.fingerprint import article_keys
from europenews.model import Analysis, Article, Entity, Mention
from europenews.store.articles import STATUS_CLUSTERED, add_article, save_analysis, status_counts
from europenews.store.entities import link_entities
from europenews.store.sources import ensure_source
from europenews.store.stories import (
    assign_to_story,
    assignments_after,
    get_stories,
    get_story,
    list_stories,
    list_story_members,
    merge_stories,
    refresh_story,
    story_article_ids,
)
from europenews.stories.summary import summarize_story
from europenews.storydata import StoryFigures, StoryMember


def _add(engine: Engine, text: str, title: str, published: str | None, source: str) -> str:
    article = Article(text=text, title=title, published=published, source=source)
    keys = article_keys(article)
    with engine.begin() as conn:
        add_article(conn, article, article_id=keys.id, url=None, url_key=None,
                    content_hash=keys.content_hash)
    return keys.id


def _refresh(conn, story_id: str) -> None:
    """What the cluster stage does after an assignment: the rules' figures, kept."""
    refresh_story(conn, story_id, summarize_story(list_story_members(conn, story_id)))


def test_stories_summary_columns(engine: Engine) -> None:
    a = _add(engine, "first report", "Quake hits town", "2024-01-01T08:00:00Z", "A")
    b = _add(engine, "second report", "Quake toll rises", "2024-01-01T10:00:00Z", "B")
    c = _add(engine, "copy of first", "Quake hits town", "2024-01-01T11:00:00Z", "C")
    with engine.begin() as conn:
        assign_to_story(conn, a, "s1")
        assign_to_story(conn, b, "s1")
        assign_to_story(conn, c, "s1", duplicate_of=a)
        _refresh(conn, "s1")
    with engine.connect() as conn:
        story = get_story(conn, "s1")
        members = story_article_ids(conn, "s1")
        assert status_counts(conn) == {STATUS_CLUSTERED: 3}
        assert [s.id for s in list_stories(conn)] == ["s1"]
        assert [(x.seq, x.article_id, x.duplicate_of) for x in assignments_after(conn, 0)] == [
            (1, a, None), (2, b, None), (3, c, a)]
        assert [x.article_id for x in assignments_after(conn, 2)] == [c]
    assert story is not None
    assert (story.headline, story.article_count, story.source_count) == ("Quake hits town", 3, 3)
    assert (story.first_seen, story.last_seen) == ("2024-01-01T08:00:00Z", "2024-01-01T11:00:00Z")
    assert story.breaking and story.growth == 1.0
    assert members[2] == (c, a)


def test_stories_file_articles_without_a_publisher_count_as_one_source(engine: Engine) -> None:
    article = Article(text="a local report", title="Local report")
    keys = article_keys(article)
    with engine.begin() as conn:
        folder = ensure_source(conn, "/srv/wire", "file")
        add_article(conn, article, article_id=keys.id, url=None, url_key=None,
                    content_hash=keys.content_hash, source_id=folder.id)
        assign_to_story(conn, keys.id, "s1")
        _refresh(conn, "s1")
    with engine.connect() as conn:
        story = get_story(conn, "s1")
    assert story is not None and story.source_count == 1


def test_stories_reassignment_moves_article(engine: Engine) -> None:
    a = _add(engine, "x", "X", "2024-01-01", "A")
    with engine.begin() as conn:
        assign_to_story(conn, a, "s1")
        assign_to_story(conn, a, "s2")
    with engine.connect() as conn:
        assert story_article_ids(conn, "s1") == []
        assert story_article_ids(conn, "s2") == [(a, None)]


def test_stories_merge_moves_members_and_drops_the_merged_story(engine: Engine) -> None:
    a = _add(engine, "first", "Dam bursts upstream", "2024-02-01T08:00:00Z", "A")
    b = _add(engine, "second", "Valley floods after dam bursts", "2024-02-01T09:00:00Z", "B")
    c = _add(engine, "third", "Dam burst: villages evacuated", "2024-02-01T10:00:00Z", "C")
    with engine.begin() as conn:
        assign_to_story(conn, a, "s1")
        assign_to_story(conn, b, "s2")
        assign_to_story(conn, c, "s1")
        merge_stories(conn, "s1", ["s2"])
        _refresh(conn, "s1")
    with engine.connect() as conn:
        assert get_story(conn, "s2") is None
        assert [article for article, _ in story_article_ids(conn, "s1")] == [a, b, c]
        story = get_story(conn, "s1")
    assert story is not None and story.article_count == 3


def test_stories_key_entities_are_actors_most_mentioned_first(engine: Engine) -> None:
    text = "Zoe Adler met Acme. Zoe Adler spoke. Adler left. Acme stayed. European talks."
    a = _add(engine, text, "Talks", "2024-01-01T08:00:00Z", "A")

    def entity(eid: str, name: str, type_: str, n: int) -> Entity:
        return Entity(eid, name, type_, mentions=tuple(Mention(0, 1, name) for _ in range(n)))

    analysis = Analysis(
        Article(text=text, title="Talks", id=a),
        entities=(
            entity("e1", "Acme", "organization", 2),
            entity("e2", "European", "misc", 1),
            entity("e3", "Zoe Adler", "person", 3),
        ),
    )
    with engine.begin() as conn:
        save_analysis(conn, a, {}, analysis, link_entities(conn, analysis, a))
        assign_to_story(conn, a, "s1")
        _refresh(conn, "s1")
    with engine.connect() as conn:
        story = get_story(conn, "s1")
    assert story is not None
    # One article: order by mentions (3 > 2), not by name; "misc" names no actor.
    assert story.key_entities == ("Zoe Adler", "Acme")


def test_stories_members_come_in_publication_order_with_their_outlet(engine: Engine) -> None:
    late = _add(engine, "later report", "Later", "2024-01-02T08:00:00Z", "B")
    undated = _add(engine, "undated report", "Undated", None, "C")
    early = _add(engine, "early report", "Early", "2024-01-01T08:00:00Z", "A")
    with engine.begin() as conn:
        for article_id in (late, undated, early):
            assign_to_story(conn, article_id, "s1", duplicate_of=early if article_id == late
                            else None)
        members = list_story_members(conn, "s1")
    assert [m.article_id for m in members] == [early, late, undated]
    assert [m.outlet for m in members] == ["A", "B", "C"]
    assert members[1] == StoryMember(late, "Later", "2024-01-02T08:00:00Z", "B", early,
                                     "later report", members[1].fetched_at)
    assert members[1].fetched_at is not None


def test_stories_refresh_keeps_the_figures_it_is_given(engine: Engine) -> None:
    a = _add(engine, "a report", "Stored title", "2024-01-01T08:00:00Z", "A")
    figures = StoryFigures(headline="Given headline", first_seen="2024-01-01",
                           last_seen="2024-01-03", article_count=1, source_count=1,
                           growth=0.25, breaking=True)
    with engine.begin() as conn:
        assign_to_story(conn, a, "s1")
        refresh_story(conn, "s1", figures)
    with engine.connect() as conn:
        story = get_story(conn, "s1")
        by_id = get_stories(conn, ["s1", "nope"])
    assert story is not None and by_id == {"s1": story}
    assert (story.headline, story.first_seen, story.last_seen, story.growth, story.breaking) == (
        "Given headline", "2024-01-01", "2024-01-03", 0.25, True)
