"""Readable text rendering of an analysis, for people at a terminal."""

from __future__ import annotations

from europenews.model import Analysis


def render_text(a: Analysis) -> str:
    """A short multi-line summary: entities with roles, quotes, events, places."""
    art = a.article
    lines = [f"# {art.title or art.id or '(untitled)'}"]
    if a.entities:
        lines.append("Entities:")
        for e in a.entities:
            roles = f" — {', '.join(e.roles)}" if e.roles else ""
            lines.append(f"  [{e.type}] {e.name}{roles} ({len(e.mentions)} mentions)")
    if a.quotes:
        lines.append("Quotes:")
        for q in a.quotes:
            who = (q.speaker.name if q.speaker else None) or "?"
            text = q.text if len(q.text) <= 160 else q.text[:157] + "..."
            lines.append(f"  {who} ({q.kind}): {text}")
    if a.events:
        lines.append("Events:")
        for ev in a.events:
            where = f" in {ev.place.name}" if ev.place else ""
            lines.append(f"  {ev.type}{where}: killed={ev.killed} injured={ev.injured}")
    if a.places:
        lines.append("Places:")
        for p in a.places:
            lines.append(f"  {p.name} ({p.country}) {p.lat},{p.lon}")
    return "\n".join(lines) + "\n"
