"""A story's casualty figures as pages and exports show them.

Reads the figures of each member's main event (``figures`` rows of event 0) and hands them to
``stories.casualties.story_casualties``, which reconciles them (the one definition of what a
story shows); the front page, the story page, the API and ``export --what stories`` all come
through :func:`casualties_of_stories`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import Connection, select

from europenews.store.schema import articles, figures, sources, story_members
from europenews.store.sources import outlet_of, source_label_column
from europenews.stories.casualties import story_casualties
from europenews.storydata import ArticleFigure, StoryCasualty

# Stories per query (an IN list stays well under the backends' parameter limits).
BATCH = 500


def article_figures(conn: Connection, story_ids: Sequence[str]) -> dict[str, list[ArticleFigure]]:
    """The main-event figures of the stories' members, by story id."""
    out: dict[str, list[ArticleFigure]] = defaultdict(list)
    ids = list(dict.fromkeys(story_ids))
    for start in range(0, len(ids), BATCH):
        rows = conn.execute(
            select(story_members.c.story_id, figures.c.article_id, figures.c.kind,
                   figures.c.value, figures.c.confidence, figures.c.start, figures.c.end,
                   figures.c.phrase, figures.c.source_name, articles.c.published,
                   articles.c.source, articles.c.source_id, source_label_column())
            .join(story_members, story_members.c.article_id == figures.c.article_id)
            .join(articles, articles.c.id == figures.c.article_id)
            .outerjoin(sources, sources.c.id == articles.c.source_id)
            .where(story_members.c.story_id.in_(ids[start:start + BATCH]), figures.c.event == 0)
            .order_by(figures.c.article_id, figures.c.id)
        )
        for r in rows:
            outlet = outlet_of(r)
            out[r.story_id].append(ArticleFigure(
                r.article_id, outlet, r.published, r.kind, r.value, float(r.confidence),
                r.start, r.end, r.phrase, r.source_name))
    return dict(out)


def casualties_of_stories(conn: Connection,
                          story_ids: Sequence[str]) -> dict[str, list[StoryCasualty]]:
    """Each story's casualty figures (stories without any are left out)."""
    return {story_id: found for story_id, figs in article_figures(conn, story_ids).items()
            if (found := story_casualties(figs))}
