"""The `model` setting pointed at `en_core_web_md` (docs/quotes.md, "The parser"): the same
pipeline builds on it and reads names, places and quotes. Skipped where no package of that name
is installed (the project installs only the small model)."""

from __future__ import annotations

import importlib.util

import pytest
from spacy.language import Language

from europenews.analyze.pipeline import analyze_articles, build_pipeline
from europenews.config import Settings
from europenews.model import Analysis, Article

MD = "en_core_web_md"

pytestmark = pytest.mark.skipif(importlib.util.find_spec(MD) is None,
                                reason=f"{MD} is not installed")


@pytest.fixture(scope="module")
def md_nlp() -> Language:
    return build_pipeline(Settings(model=MD))


def _analyse(nlp: Language, text: str) -> Analysis:
    return next(iter(analyze_articles(nlp, [Article(text=text, id="md-1")])))


def test_md_pipeline_is_md_with_our_components(md_nlp: Language) -> None:
    assert md_nlp.meta["name"] == "core_web_md"
    assert md_nlp.vocab.vectors.shape[0] > 0  # the medium model's word vectors came with it
    ours = tuple(n for n in md_nlp.pipe_names if n.startswith("europenews_"))
    assert ours == Settings().components
    assert md_nlp.analyze_pipes()["problems"] == {name: [] for name in md_nlp.pipe_names}


def test_md_pipeline_finds_the_quote_its_speaker_and_the_place(md_nlp: Language) -> None:
    text = ("“The bridge will reopen in the spring,” Mayor Lena Kovacs told reporters in "
            "Salzburg on Tuesday.\n\nThe council has set money aside for the repairs.")
    analysis = _analyse(md_nlp, text)
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert "reopen in the spring" in direct[0].text
    assert direct[0].speaker is not None and direct[0].speaker.name is not None
    assert "Kovacs" in direct[0].speaker.name
    assert any(p.name == "Salzburg" for p in analysis.places)
    assert any(e.type == "person" and "Kovacs" in e.name for e in analysis.entities)
