"""Readable text for people at a terminal: an analysis, counts with their nouns, headlines."""

from __future__ import annotations

from europenews.ingest.headlines import clean_headline
from europenews.model import Analysis
from europenews.wording import plural

__all__ = ["plural", "render_text"]


def render_text(a: Analysis) -> str:
    """A short multi-line summary: entities with roles, quotes, events, places."""
    art = a.article
    title = clean_headline(art.title, art.source, art.url)
    lines = [f"# {title or art.id or '(untitled)'}"]
    if a.entities:
        lines.append("Entities:")
        for e in a.entities:
            roles = f" — {', '.join(e.roles)}" if e.roles else ""
            lines.append(f"  [{e.type}] {e.name}{roles} ({plural(len(e.mentions), 'mention')})")
    shown = [q for q in a.quotes if q.shown]
    if shown:
        lines.append("Quotes:")
        for q in shown:
            who = (q.speaker.name if q.speaker else None) or "?"
            text = q.text if len(q.text) <= 160 else q.text[:157] + "..."
            lines.append(f"  {who} ({q.kind}): {text}")
    if len(shown) < len(a.quotes):  # as on the pages: one step away (the JSON has them)
        lines.append(f"  ({plural(len(a.quotes) - len(shown), 'less certain attribution')} "
                     "not shown: --format json lists them with shown false)")
    if a.events:
        lines.append("Events:")
        for ev in a.events:
            where = f" in {ev.place.name}" if ev.place else ""
            counts = [f"{n} {what}" for n, what in ((ev.killed, "killed"),
                                                     (ev.injured, "injured")) if n is not None]
            lines.append(f"  {ev.type}{where}: {', '.join(counts) or 'no casualty figures'}")
    if a.places:
        lines.append("Places:")
        for p in a.places:
            country = f" ({p.country})" if p.country else ""  # a region has no country
            where = f" {p.lat:.4f},{p.lon:.4f}" if p.lat is not None and p.lon is not None else ""
            lines.append(f"  {p.name}{country}{where}")
    return "\n".join(lines) + "\n"
