"""The ``europenews.analysis/1`` codec: an ``Analysis`` to contract JSON and back.

Core module: the analysis, the store, the stages and the CLI all read and write the contract
through these two functions (``analysis_to_dict`` and ``analysis_from_dict``).
"""

from __future__ import annotations

from typing import Any

from europenews.model import (
    SCHEMA,
    Analysis,
    Article,
    Entity,
    Event,
    EventSource,
    Figure,
    Mention,
    Place,
    PlaceRef,
    Quote,
    Speaker,
)


def _mention(m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    out: dict[str, Any] = {"start": m.start, "end": m.end, "text": m.text}
    if m.kind is not None:  # added field: only on mentions that are not names
        out["kind"] = m.kind
    return out


def _place_ref(p: PlaceRef | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "name": p.name,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "geonames_id": p.geonames_id,
    }


def entity_to_dict(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "roles": list(e.roles),
        "mentions": [_mention(m) for m in e.mentions],
    }


def quote_to_dict(q: Quote) -> dict[str, Any]:
    speaker = q.speaker or Speaker()
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "spans": [list(s) for s in q.spans],
        "kind": q.kind,
        "speaker": {
            "entity": speaker.entity,
            "name": speaker.name,
            "mention": _mention(speaker.mention),
            "via": speaker.via,
        },
        "cue": _mention(q.cue),
        "shown": q.shown,
        "confidence": q.confidence,
    }


def _source(s: EventSource | None) -> dict[str, Any] | None:
    return None if s is None else {"entity": s.entity, "name": s.name}


def _source_from(d: dict[str, Any] | None) -> EventSource | None:
    return None if d is None else EventSource(d.get("entity"), d.get("name"))


def figure_to_dict(f: Figure) -> dict[str, Any]:
    return {"kind": f.kind, "value": f.value, "start": f.start, "end": f.end, "text": f.text,
            "source": _source(f.source), "confidence": f.confidence}


def figure_from_dict(d: dict[str, Any]) -> Figure:
    return Figure(d["kind"], d.get("value"), d["start"], d["end"], d.get("text"),
                  _source_from(d.get("source")), float(d.get("confidence") or 0.0))


def event_to_dict(ev: Event) -> dict[str, Any]:
    return {
        "type": ev.type,
        "killed": ev.killed,
        "injured": ev.injured,
        "missing": ev.missing,
        "kidnapped": ev.kidnapped,
        "arrested": ev.arrested,
        "killed_text": ev.killed_text,
        "injured_text": ev.injured_text,
        "weapon": ev.weapon,
        "place": _place_ref(ev.place),
        "actor": ev.actor,
        "date": ev.date,
        "date_text": ev.date_text,
        "source": _source(ev.source),
        "figures": [figure_to_dict(f) for f in ev.figures],
        "start": ev.start,
        "end": ev.end,
        "text": ev.text,
    }


def place_to_dict(p: Place) -> dict[str, Any]:
    return {
        "name": p.name,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "geonames_id": p.geonames_id,
        "feature": p.feature,
        "mentions": [_mention(m) for m in p.mentions],
    }


def analysis_to_dict(a: Analysis) -> dict[str, Any]:
    """The contract JSON object (``europenews.analysis/1``) for one analysis."""
    art = a.article
    out: dict[str, Any] = {
        "schema": a.schema,
        "id": art.id,
        "title": art.title,
        "language": art.language,
        "text": art.text,
    }
    for key in ("url", "published", "source", "author"):
        value = getattr(art, key)
        if value is not None:
            out[key] = value
    out["entities"] = [entity_to_dict(e) for e in a.entities]
    out["quotes"] = [quote_to_dict(q) for q in a.quotes]
    out["events"] = [event_to_dict(ev) for ev in a.events]
    out["places"] = [place_to_dict(p) for p in a.places]
    return out


def _mention_from(d: dict[str, Any] | None) -> Mention | None:
    return None if d is None else Mention(d["start"], d["end"], d["text"], d.get("kind"))


def _place_ref_from(d: dict[str, Any] | None) -> PlaceRef | None:
    if d is None:
        return None
    return PlaceRef(d["name"], d.get("country"), d.get("lat"), d.get("lon"), d.get("geonames_id"))


def analysis_from_dict(d: dict[str, Any]) -> Analysis:
    """Inverse of :func:`analysis_to_dict` (used by the store and the API)."""
    article = Article(
        text=d["text"],
        id=d.get("id"),
        title=d.get("title"),
        url=d.get("url"),
        published=d.get("published"),
        source=d.get("source"),
        language=d.get("language"),
        author=d.get("author"),
    )
    entities = tuple(
        Entity(
            e["id"],
            e["name"],
            e["type"],
            tuple(e.get("roles", ())),
            tuple(Mention(m["start"], m["end"], m["text"], m.get("kind"))
                  for m in e.get("mentions", ())),
        )
        for e in d.get("entities", ())
    )
    quotes = []
    for q in d.get("quotes", ()):
        sp = q.get("speaker") or {}
        quotes.append(
            Quote(
                q["text"],
                q["start"],
                q["end"],
                tuple((int(s[0]), int(s[1])) for s in q.get("spans", ())),
                q["kind"],
                Speaker(sp.get("entity"), sp.get("name"), _mention_from(sp.get("mention")),
                        sp.get("via")),
                _mention_from(q.get("cue")),
                bool(q.get("shown", True)),  # files written before the flag: all shown
                float(q.get("confidence", 1.0)),
            )
        )
    events = tuple(
        Event(
            type=ev["type"],
            start=ev["start"],
            end=ev["end"],
            text=ev["text"],
            killed=ev.get("killed"),
            injured=ev.get("injured"),
            missing=ev.get("missing"),
            kidnapped=ev.get("kidnapped"),
            arrested=ev.get("arrested"),
            killed_text=ev.get("killed_text"),
            injured_text=ev.get("injured_text"),
            weapon=ev.get("weapon"),
            place=_place_ref_from(ev.get("place")),
            actor=ev.get("actor"),
            date=ev.get("date"),
            source=_source_from(ev.get("source")),
            date_text=ev.get("date_text"),
            figures=tuple(figure_from_dict(f) for f in ev.get("figures") or ()),
        )
        for ev in d.get("events", ())
    )
    places = tuple(
        Place(
            p["name"],
            p.get("country"),
            p.get("lat"),
            p.get("lon"),
            p.get("geonames_id"),
            tuple(Mention(m["start"], m["end"], m["text"]) for m in p.get("mentions", ())),
            p.get("feature"),
        )
        for p in d.get("places", ())
    )
    return Analysis(article, entities, tuple(quotes), events, places, d.get("schema", SCHEMA))
