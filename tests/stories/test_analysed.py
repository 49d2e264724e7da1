from __future__ import annotations

import dataclasses
import math

import pytest

from europenews.model import Analysis, Article, Event, PlaceRef
from europenews.stories.across import KeyFrequencies
from europenews.stories.analysed import (
    EVENT_VALUES,
    MISSING,
    NO_STORY_POINT,
    distance_km,
    event_cues,
    linked_cues,
    remember,
)
from europenews.stories.cluster import OnlineClusterer
from europenews.stories.decision import FEATURES
from europenews.stories.items import StoryItem, day_number, story_item_from_analysis

TEXT = ("Police said Darnell Okafor, 31, was shot outside a bakery on Pellow Street late on "
        "Friday and died at the hospital. Detectives asked witnesses to come forward.")


def test_analysed_distance_of_two_cities_is_about_right():
    # Paris to London is about 344 km along the great circle.
    assert distance_km((48.8566, 2.3522), (51.5074, -0.1278)) == pytest.approx(344, abs=5)
    assert distance_km((10.0, 20.0), (10.0, 20.0)) == 0.0


def test_analysed_event_cues_tell_missing_from_far_and_near():
    here, near, far = (40.0, -75.0), (40.01, -75.01), (34.0, -118.0)
    assert event_cues(None, None, {here: None}, {}) == [MISSING, 0.0]
    assert event_cues(here, 5, {}, {}) == [NO_STORY_POINT, 0.0]
    km_near, same_day = event_cues(here, 5, {far: None, near: None}, {5: None})
    assert km_near < math.log1p(2.0) and same_day == 1.0
    km_far, other_day = event_cues(here, 5, {far: None}, {9: None})
    assert km_far > math.log1p(3000.0) and other_day == -1.0


def test_analysed_linked_cues_count_ids_only_the_story_has():
    freqs = KeyFrequencies()
    # Three earlier articles, then the item itself (the counts include it, as online).
    for keys in (["e:1", "e:2"], ["e:1", "e:3"], ["e:1"], ["e:1", "e:3"]):
        freqs.add(keys)
    item = {"e:1": 0.6, "e:3": 0.8}
    # e:3 is in one article, inside the story; e:1 also in articles outside it.
    cos, own, rare = linked_cues(item, 0.5, {"e:1": 1, "e:3": 1}, freqs)
    assert cos == 0.5 and own == pytest.approx(math.log1p(1))
    assert rare == pytest.approx(freqs.idf("e:3") / freqs.max_idf())
    assert linked_cues({}, 0.0, {"e:1": 1}, freqs) == [MISSING] * 3


def test_analysed_remember_keeps_the_latest_values():
    latest: dict[int, None] = {}
    for value in [*range(EVENT_VALUES + 3), 4, None]:
        remember(latest, value)
    assert len(latest) == EVENT_VALUES and list(latest)[-1] == 4 and 0 not in latest


def test_analysed_item_carries_the_main_event_point_and_day():
    event = Event(type="shooting", start=0, end=10, text="was shot", killed=1,
                  place=PlaceRef(name="Fairhaven", lat=41.6, lon=-70.9), date="2016-05-06")
    analysis = Analysis(article=Article(text=TEXT, id="a", published="2016-05-07"),
                        events=(event,))
    item = story_item_from_analysis(analysis)
    assert item.event_point == (41.6, -70.9) and item.event_day == day_number("2016-05-06")
    bare = story_item_from_analysis(Analysis(article=Article(text=TEXT, id="b")))
    assert bare.event_point is None and bare.event_day is None


def _features(first: StoryItem, second: StoryItem) -> dict[str, float]:
    clusterer = OnlineClusterer(dedup=False)
    story = clusterer.assign(first)
    prepared = clusterer.prepare(second)
    values = clusterer.features(prepared, clusterer._stories[story.story_id])
    return dict(zip(FEATURES, values, strict=True))


def test_analysed_features_are_missing_without_an_analysis_and_read_with_one():
    first = StoryItem(id="a", title="Man shot on Pellow Street", text=TEXT,
                      published="2016-05-07", source="a.example")
    second = dataclasses.replace(first, id="b", source="b.example", published="2016-05-08")
    plain = _features(first, second)
    assert [plain[n] for n in ("linked", "own_linked", "rare_linked", "event_km")] == [MISSING] * 4
    analysed = {"linked": ("e:7", "e:9"), "event_point": (41.6, -70.9), "event_day": 16927}
    cues = _features(dataclasses.replace(first, **analysed),
                     dataclasses.replace(second, **analysed))
    assert cues["linked"] == pytest.approx(1.0)
    assert cues["own_linked"] == pytest.approx(math.log1p(2))
    assert cues["event_km"] == 0.0 and cues["event_day"] == 1.0
