from __future__ import annotations

import pytest

from europenews.model import Analysis, Article, Entity, Place
from europenews.names import name_key
from europenews.stories.items import day_number, story_item_from_analysis, story_item_from_dict


def test_items_from_analysis_keeps_people_and_geocoded_places():
    analysis = Analysis(
        article=Article(
            text="Olaf Scholz visited Kyiv.", id="x", title="Visit", published="2024-12-01"
        ),
        entities=(
            Entity(id="e1", name="Olaf Scholz", type="person"),
            Entity(id="e2", name="Kyiv", type="place"),
        ),
        places=(Place(name="Kyiv", country="UA", lat=50.45, lon=30.52, geonames_id=703448),),
    )
    item = story_item_from_analysis(analysis)
    assert item.entities == (name_key("Olaf Scholz"),)
    assert item.places == ("geo:703448",)
    assert item.published == "2024-12-01"


def test_items_from_dict_defaults_id_and_ignores_non_strings():
    item = story_item_from_dict({"title": "T", "text": None, "published": ""}, default_id="7")
    assert (item.id, item.title, item.text, item.published) == ("7", "T", "", None)


@pytest.mark.parametrize(
    ("published", "expected"),
    [("1970-01-02", 1), ("2014-03-10T16:52:50.698Z", 16139), (None, None), ("soon", None)],
    ids=["date", "timestamp", "none", "garbage"],
)
def test_items_day_number(published, expected):
    assert day_number(published) == expected
