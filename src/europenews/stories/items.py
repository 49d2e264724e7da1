"""What the clusterer needs from an article, and how to get it from an analysis or a JSON line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from europenews.model import Analysis
from europenews.names import name_key


@dataclass(frozen=True, slots=True)
class StoryItem:
    """One article as the story clusterer sees it.

    ``entities`` are canonical names of people/organisations (from the analysis, when one ran);
    ``places`` are place keys (geonames id or lower-cased name). Both may be empty: the clusterer
    then falls back on capitalised words of the text. ``linked`` are keys that do not depend on
    the language the article is written in.
    """

    id: str
    title: str = ""
    text: str = ""
    published: str | None = None
    source: str | None = None
    entities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    killed: int | None = None
    injured: int | None = None
    language: str | None = None  # ISO 639-1: whose stop words say nothing about the story
    # Language-neutral keys: store-wide entity ids ("e:12", from the store's linking) and
    # geocoded places ("geo:2643743"). What an article in another language can share with a
    # story (stories/across.py); empty outside the store (``europenews cluster``).
    linked: tuple[str, ...] = ()


def story_item_from_analysis(analysis: Analysis) -> StoryItem:
    """A StoryItem carrying the analysis' canonical entities, geocoded places and main event."""
    article = analysis.article
    entities = tuple(
        dict.fromkeys(
            name_key(e.name) for e in analysis.entities if e.type in ("person", "organization")
        )
    )
    places = tuple(
        dict.fromkeys(
            f"geo:{p.geonames_id}" if p.geonames_id is not None else f"place:{name_key(p.name)}"
            for p in analysis.places
        )
    )
    event = analysis.events[0] if analysis.events else None
    return StoryItem(
        id=article.id or "",
        title=article.title or "",
        text=article.text or "",
        published=article.published,
        source=article.source,
        entities=tuple(e for e in entities if e),
        places=places,
        killed=event.killed if event else None,
        injured=event.injured if event else None,
        language=article.language,
    )


def story_item_from_dict(obj: dict[str, object], default_id: str) -> StoryItem:
    """A StoryItem from a contract input line (id, title, text, published, source)."""

    def text_field(name: str) -> str:
        value = obj.get(name)
        return value if isinstance(value, str) else ""

    published = obj.get("published")
    source = obj.get("source")
    language = obj.get("language")
    raw_id = obj.get("id")
    return StoryItem(
        id=str(raw_id) if raw_id is not None else default_id,
        title=text_field("title"),
        text=text_field("text"),
        published=published if isinstance(published, str) and published else None,
        source=source if isinstance(source, str) and source else None,
        language=language if isinstance(language, str) and language else None,
    )


def day_number(published: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date/timestamp (UTC day), or None when unknown/unparsable.

    The clusterer works at day resolution on purpose: finer timestamps from aggregators are often
    crawl times, which say more about the crawler than about the news.
    """
    if not published or len(published) < 10:
        return None
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    return day.toordinal() - 719163  # date(1970, 1, 1).toordinal()
