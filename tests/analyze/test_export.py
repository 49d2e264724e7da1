from __future__ import annotations

import json

from europenews.contract import analysis_from_dict, analysis_to_dict
from europenews.model import (
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


def make_analysis() -> Analysis:
    text = '"We stand with Kyiv," Kallas said. Two people were killed in Kherson.'
    kallas = Entity("e1", "Kaja Kallas", "person", ("EU top diplomat",),
                    (Mention(23, 29, "Kallas"),))
    kherson = Place("Kherson", "UA", 46.6354, 32.6169, 706448, (Mention(60, 67, "Kherson"),),
                    "city")
    quote = Quote("We stand with Kyiv,", 1, 20, ((1, 20),), "direct",
                  Speaker("e1", "Kaja Kallas", Mention(23, 29, "Kallas")), Mention(30, 34, "said"))
    event = Event("attack", 35, 68, text[35:68], killed=2,
                  place=PlaceRef("Kherson", "UA", 46.6354, 32.6169, 706448),
                  source=EventSource("e1", "Kaja Kallas"), date="2026-11-20",
                  date_text="Friday",
                  figures=(Figure("killed", 2, 35, 68, "Two people",
                                  EventSource("e1", "Kaja Kallas"), 0.87),))
    return Analysis(Article(text=text, id="x", title="T", url="https://e.org/x"),
                    (kallas,), (quote,), (event,), (kherson,))


def test_export_round_trip_is_lossless() -> None:
    analysis = make_analysis()
    as_json = json.loads(json.dumps(analysis_to_dict(analysis)))
    assert analysis_from_dict(as_json) == analysis


def test_export_dict_has_contract_shape() -> None:
    out = analysis_to_dict(make_analysis())
    assert list(out)[:5] == ["schema", "id", "title", "language", "text"]
    assert out["quotes"][0]["speaker"] == {
        "entity": "e1", "name": "Kaja Kallas",
        "mention": {"start": 23, "end": 29, "text": "Kallas"}, "via": None}
    assert out["quotes"][0]["spans"] == [[1, 20]]
    assert out["events"][0]["place"]["country"] == "UA"
    assert (out["events"][0]["date"], out["events"][0]["date_text"]) == ("2026-11-20", "Friday")
    assert out["events"][0]["figures"] == [{
        "kind": "killed", "value": 2, "start": 35, "end": 68, "text": "Two people",
        "source": {"entity": "e1", "name": "Kaja Kallas"}, "confidence": 0.87}]
    assert out["places"][0]["geonames_id"] == 706448
