"""bench/train_stories.py with_analyses: what a store's analyses give each record."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from europenews.contract import analysis_to_dict
from europenews.model import Analysis, Article, Entity, Place

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture()
def train_stories() -> Iterator[ModuleType]:
    sys.path.insert(0, str(BENCH))
    try:
        import train_stories

        yield train_stories
    finally:
        sys.path.remove(str(BENCH))


def _folder(tmp_path: Path) -> Path:
    analysis = Analysis(
        article=Article(text="Marta Quell was shot in Fairhaven.", id="a1", published="2016-05-01"),
        entities=(Entity(id="e1", name="Marta Quell", type="person"),),
        places=(Place(name="Fairhaven", country="US", lat=41.6, lon=-70.9, geonames_id=4935582),),
    )
    (tmp_path / "gva-incidents.jsonl").write_text(json.dumps(analysis_to_dict(analysis)) + "\n")
    (tmp_path / "gva-incidents.linked.json").write_text(json.dumps({"a1": ["e:7", "e:9"]}))
    return tmp_path


def test_story_analyses_attach_entities_places_and_store_ids(train_stories, tmp_path):
    records = [{"id": "a1", "title": "Shooting", "text": "x"}, {"id": "b2", "text": "y"}]
    train_stories.with_analyses(records, _folder(tmp_path), "gva-incidents")
    item = train_stories.item_of(records[0], 0)
    assert item.linked == ("e:7", "e:9") and item.places == ("geo:4935582",)
    assert len(item.entities) == 1
    assert "_analysis" not in records[1]  # an article without an analysis keeps its words only
    assert train_stories.item_of(records[1], 1).linked == ()


def test_story_analyses_fields_keep_only_what_is_asked(train_stories, tmp_path):
    records = [{"id": "a1", "title": "Shooting", "text": "x"}]
    train_stories.with_analyses(records, _folder(tmp_path), "gva-incidents", ("linked",))
    item = train_stories.item_of(records[0], 0)
    assert item.linked == ("e:7", "e:9") and item.entities == () and item.places == ()
