from __future__ import annotations

from importlib.metadata import entry_points

import pytest

from europenews.analyze.pipeline import analyze_articles
from europenews.config import Settings
from europenews.model import Article

FACTORIES = ("europenews_gazetteer", "europenews_entities", "europenews_places",
             "europenews_quotes", "europenews_events")


def test_pipeline_has_no_problems(nlp) -> None:
    assert nlp.analyze_pipes()["problems"] == {name: [] for name in nlp.pipe_names}


def test_pipeline_order_is_the_configured_one(nlp) -> None:
    ours = [n for n in nlp.pipe_names if n.startswith("europenews_")]
    assert tuple(ours) == Settings().components == FACTORIES


@pytest.mark.parametrize("name", FACTORIES)
def test_pipeline_factory_is_an_entry_point(name: str) -> None:
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert name in names


def test_pipeline_batch_keeps_input_order(nlp) -> None:
    articles = [Article(text=f"Report number {i} from Vienna.", id=str(i)) for i in range(40)]
    ids = [a.article.id for a in analyze_articles(nlp, articles, batch_size=7)]
    assert ids == [str(i) for i in range(40)]
