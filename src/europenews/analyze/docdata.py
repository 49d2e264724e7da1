"""What our components leave on a Doc, as plain values that survive serialisation.

``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and ``nlp.pipe(..., n_process=2)`` write
``doc.user_data`` with msgpack, which knows dicts, lists, strings, numbers and None but not our
dataclasses. So the components store these plain forms, and the getters of
``analyze/extensions.py`` turn them back into the same model objects. Every ``encode_*`` has
its ``decode_*``; decoding accepts tuples where lists were written (msgpack may read arrays
back as tuples).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from europenews.model import (
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

Plain = dict[str, Any]


def _mention(m: Mention | None) -> list[Any] | None:
    if m is None:
        return None
    return [m.start, m.end, m.text] if m.kind is None else [m.start, m.end, m.text, m.kind]


def _mention_from(raw: Sequence[Any] | None) -> Mention | None:
    return None if raw is None else Mention(raw[0], raw[1], raw[2],
                                            raw[3] if len(raw) > 3 else None)


def _mentions_from(raw: Sequence[Sequence[Any]]) -> tuple[Mention, ...]:
    return tuple(Mention(m[0], m[1], m[2], m[3] if len(m) > 3 else None) for m in raw)


def encode_entity(e: Entity) -> Plain:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "roles": list(e.roles),
        "mentions": [_mention(m) for m in e.mentions],
        "label": e.label,
    }


def decode_entity(raw: Plain) -> Entity:
    return Entity(
        raw["id"],
        raw["name"],
        raw["type"],
        tuple(raw["roles"]),
        _mentions_from(raw["mentions"]),
        raw["label"],
    )


def encode_quote(q: Quote) -> Plain:
    speaker = None
    if q.speaker is not None:
        s = q.speaker
        speaker = {"entity": s.entity, "name": s.name, "mention": _mention(s.mention),
                   "via": s.via}
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "spans": [[s, e] for s, e in q.spans],
        "kind": q.kind,
        "speaker": speaker,
        "cue": _mention(q.cue),
        "shown": q.shown,
        "confidence": q.confidence,
    }


def decode_quote(raw: Plain) -> Quote:
    sp = raw["speaker"]
    speaker = None
    if sp is not None:
        speaker = Speaker(sp["entity"], sp["name"], _mention_from(sp["mention"]), sp.get("via"))
    return Quote(
        raw["text"],
        raw["start"],
        raw["end"],
        tuple((s, e) for s, e in raw["spans"]),
        raw["kind"],
        speaker,
        _mention_from(raw["cue"]),
        raw.get("shown", True),
        raw.get("confidence", 1.0),
    )


def encode_place(p: Place) -> Plain:
    return {
        "name": p.name,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "geonames_id": p.geonames_id,
        "mentions": [_mention(m) for m in p.mentions],
        "feature": p.feature,
    }


def decode_place(raw: Plain) -> Place:
    return Place(
        raw["name"],
        raw["country"],
        raw["lat"],
        raw["lon"],
        raw["geonames_id"],
        _mentions_from(raw["mentions"]),
        raw["feature"],
    )


def _place_ref(p: PlaceRef | None) -> Plain | None:
    if p is None:
        return None
    return {"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
            "geonames_id": p.geonames_id}


def _place_ref_from(raw: Plain | None) -> PlaceRef | None:
    if raw is None:
        return None
    return PlaceRef(raw["name"], raw["country"], raw["lat"], raw["lon"], raw["geonames_id"])


# Event fields that are plain values already (everything but the place and the source).
_EVENT_VALUES = ("type", "start", "end", "text", "killed", "injured", "missing", "kidnapped",
                 "arrested", "killed_text", "injured_text", "weapon", "actor", "date",
                 "date_text")


def encode_event(ev: Event) -> Plain:
    out: Plain = {name: getattr(ev, name) for name in _EVENT_VALUES}
    out["place"] = _place_ref(ev.place)
    out["source"] = _source(ev.source)
    out["figures"] = [
        {"kind": f.kind, "value": f.value, "start": f.start, "end": f.end, "text": f.text,
         "source": _source(f.source), "confidence": f.confidence}
        for f in ev.figures
    ]
    return out


def _source(s: EventSource | None) -> Plain | None:
    return None if s is None else {"entity": s.entity, "name": s.name}


def _source_from(raw: Plain | None) -> EventSource | None:
    return None if raw is None else EventSource(raw["entity"], raw["name"])


def decode_event(raw: Plain) -> Event:
    values: Plain = {name: raw.get(name) for name in _EVENT_VALUES}
    return Event(
        **values,
        place=_place_ref_from(raw["place"]),
        source=_source_from(raw["source"]),
        figures=tuple(
            Figure(f["kind"], f["value"], f["start"], f["end"], f["text"],
                   _source_from(f["source"]), f["confidence"])
            for f in raw.get("figures") or ()
        ),
    )


def encode_token_map(of_token: dict[int, str]) -> list[list[Any]]:
    """``{token index: entity id}`` as pairs (msgpack maps want string keys elsewhere)."""
    return [[i, eid] for i, eid in of_token.items()]


def decode_token_map(raw: Sequence[Sequence[Any]]) -> dict[int, str]:
    return {pair[0]: pair[1] for pair in raw}
