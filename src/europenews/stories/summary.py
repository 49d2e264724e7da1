"""A story's summary: headline, first/last seen, counts, growth, the breaking flag, and the
"seen" date that ranks undated stories too.

The one definition of these rules; the store keeps what :func:`summarize_story` returns and
the pages show it. Members come in publication order (undated ones last), as the store
lists them. Publication times are compared as written (``dates.wall_clock``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from europenews.dates import wall_clock
from europenews.storydata import StoryFigures, StoryMember
from europenews.textdates import stated_date

GROWTH_WINDOW = timedelta(hours=24)
BREAKING_WINDOW = timedelta(hours=6)
BREAKING_MIN_SOURCES = 3


def story_headline(members: Sequence[StoryMember]) -> str | None:
    """The first title among the originals (copies repeat or rewrite another outlet's
    headline), else the first title at all, else None."""
    originals = (m.title for m in members if m.title and m.duplicate_of is None)
    return next(originals, next((m.title for m in members if m.title), None))


def _dated(members: Sequence[StoryMember]) -> list[tuple[StoryMember, datetime]]:
    return [(m, d) for m in members if (d := wall_clock(m.published)) is not None]


def story_growth(members: Sequence[StoryMember]) -> float | None:
    """The share of dated members published within :data:`GROWTH_WINDOW` of the newest one
    (1.0: all of it is recent news), or None when no member is dated."""
    dated = _dated(members)
    if not dated:
        return None
    last = max(d for _, d in dated)
    return sum(1 for _, d in dated if last - d <= GROWTH_WINDOW) / len(dated)


def is_breaking(members: Sequence[StoryMember]) -> bool:
    """Several outlets (at least :data:`BREAKING_MIN_SOURCES`) picked the story up within
    :data:`BREAKING_WINDOW` of its newest article."""
    dated = _dated(members)
    if not dated:
        return False
    last = max(d for _, d in dated)
    recent = {m.outlet for m, d in dated if last - d <= BREAKING_WINDOW}
    return len(recent - {None}) >= BREAKING_MIN_SOURCES


def story_seen(members: Sequence[StoryMember]) -> tuple[str | None, str | None]:
    """The latest date known for the story, and where it comes from: the publication dates
    ("published"), else the dates the articles state in their first lines ("text"), else the
    days they were fetched ("fetched"). (None, None) for a story without members."""
    published = [m.published for m in members if m.published]
    if published:
        return max(published), "published"
    stated = [d.isoformat() for m in members if (d := stated_date(m.head)) is not None]
    if stated:
        return max(stated), "text"
    fetched = [m.fetched_at for m in members if m.fetched_at]
    return (max(fetched), "fetched") if fetched else (None, None)


def summarize_story(members: Sequence[StoryMember]) -> StoryFigures:
    """The story's figures from its members (in publication order)."""
    dates = [m.published for m in members if m.published]
    seen, seen_from = story_seen(members)
    return StoryFigures(
        headline=story_headline(members),
        # ISO text sorts as time when the outlets write it alike, which is what pages show.
        first_seen=min(dates) if dates else None,
        last_seen=max(dates) if dates else None,
        article_count=len(members),
        source_count=len({m.outlet for m in members} - {None}),
        growth=story_growth(members),
        breaking=is_breaking(members),
        seen=seen,
        seen_from=seen_from,
    )
