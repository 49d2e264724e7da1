"""Plain forms of the model objects our components leave on a Doc."""

from __future__ import annotations

import pytest
import srsly

from europenews.analyze import docdata
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

MENTION = Mention(4, 10, "Kallas")
OBJECTS = [
    (docdata.encode_entity, docdata.decode_entity,
     Entity("e1", "Kaja Kallas", "person", ("prime minister",),
            (MENTION, Mention(30, 36, "Kallas"), Mention(40, 43, "She", "pronoun")), "PERSON")),
    (docdata.encode_entity, docdata.decode_entity, Entity("e2", "NATO", "organization")),
    (docdata.encode_quote, docdata.decode_quote,
     Quote("We stay", 1, 8, ((1, 8),), "direct", Speaker("e1", "Kaja Kallas", MENTION),
           Mention(11, 15, "said"))),
    (docdata.encode_quote, docdata.decode_quote,
     Quote("a b c", 0, 9, ((0, 2), (5, 9)), "mixed", Speaker(None, None, None), None)),
    (docdata.encode_quote, docdata.decode_quote, Quote("x", 0, 1, ((0, 1),), "direct")),
    (docdata.encode_quote, docdata.decode_quote,
     Quote("y z", 0, 3, ((0, 3),), "indirect", shown=False, confidence=0.42)),
    (docdata.encode_place, docdata.decode_place,
     Place("Kyiv", "UA", 50.45466, 30.5238, 703448, (Mention(0, 4, "Kyiv"),), "city")),
    (docdata.encode_place, docdata.decode_place, Place("Somewhere", None, None, None)),
    (docdata.encode_event, docdata.decode_event,
     Event("shooting", 0, 40, "Two people were shot.", killed=None, injured=2,
           injured_text="Two people", weapon="firearm",
           place=PlaceRef("Kyiv", "UA", 50.45, 30.52, 703448), actor="gunman",
           date="2026-11-23", source=EventSource("e3", "police"), date_text="Monday",
           figures=(Figure("injured", 2, 0, 21, "Two people", EventSource("e3", "police"),
                           0.8), Figure("killed", 1, 0, 21, None, None, 0.3)))),
    (docdata.encode_event, docdata.decode_event, Event("attack", 0, 5, "text")),
]
IDS = ["entity", "entity-bare", "quote", "quote-empty-speaker", "quote-no-speaker", "quote-unshown",
       "place",
       "place-unknown", "event", "event-bare"]


@pytest.mark.parametrize(("encode", "decode", "obj"), OBJECTS, ids=IDS)
def test_docdata_round_trip_gives_the_same_object(encode, decode, obj):
    assert decode(encode(obj)) == obj


@pytest.mark.parametrize(("encode", "decode", "obj"), OBJECTS, ids=IDS)
def test_docdata_survives_msgpack_with_arrays_read_as_tuples(encode, decode, obj):
    # DocBin reads user data back with use_list=False: lists come back as tuples.
    raw = srsly.msgpack_loads(srsly.msgpack_dumps(encode(obj)), use_list=False)
    assert decode(raw) == obj


def test_docdata_token_map_round_trip():
    of_token = {0: "e1", 1: "e1", 7: "e2"}
    raw = srsly.msgpack_loads(srsly.msgpack_dumps(docdata.encode_token_map(of_token)))
    assert docdata.decode_token_map(raw) == of_token


def test_docdata_keeps_an_empty_speaker_apart_from_none():
    empty = Quote("x", 0, 1, ((0, 1),), "direct", Speaker())
    none = Quote("x", 0, 1, ((0, 1),), "direct", None)
    assert docdata.decode_quote(docdata.encode_quote(empty)).speaker == Speaker()
    assert docdata.decode_quote(docdata.encode_quote(none)).speaker is None
