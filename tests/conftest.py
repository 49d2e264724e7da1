"""Shared fixtures: the real pipeline (loaded once per run) and data locations."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SHARED_DATA = SHARED / "data"
SEED = REPO / "examples" / "ukraine-nato-security-guarantees.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The shipped EuropeNews pipeline on the real spaCy model."""
    from europenews.analyze.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_analysis(nlp: Language, seed_text: str):
    from europenews.analyze.pipeline import analyze_article
    from europenews.model import Article

    return analyze_article(nlp, Article(text=seed_text, id="seed"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not beside the checkout")
    return SHARED_DATA
