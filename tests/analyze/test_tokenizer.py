"""Tokenizer rules for glued closing quotation marks."""

from __future__ import annotations

import pickle

import pytest
import spacy

from europenews.analyze import components  # noqa: F401  (registers the tokenizer)
from europenews.analyze.pipeline import TOKENIZER_CONFIG
from europenews.analyze.tokenizer import GLUED_CLOSE, add_glued_quotation_rule
from europenews.config import DEFAULT_MODEL


def _pattern(nlp):
    return nlp.tokenizer.infix_finditer.__self__.pattern


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en", config=TOKENIZER_CONFIG)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("it was paranoia,”Clinton said", ["it", "was", "paranoia", ",", "”", "Clinton", "said"]),
        ('a "good deal."The end', ["a", '"', "good", "deal", ".", '"', "The", "end"]),
        ("1,000 people", ["1,000", "people"]),
        ("O’Brien said", ["O’Brien", "said"]),
        ("for us.”― Jane Doe", ["for", "us", ".", "”", "―", "Jane", "Doe"]),
        ("“Never”—Jane Doe", ["“", "Never", "”", "—", "Jane", "Doe"]),
        ("the Joneses’ dog", ["the", "Joneses", "’", "dog"]),
        ("armed with “rifles”–were able", ["armed", "with", "“", "rifles”–were", "able"]),
    ],
)
def test_tokenizer_splits_glued_closing_marks_only(blank, text, tokens):
    assert [t.text for t in blank.make_doc(text)] == tokens


def test_tokenizer_keeps_the_typewriter_opening_mark_whole(blank):
    # Penn Treebank-style text writes quotations as ``...''; spaCy split `` into two backticks.
    assert [t.text for t in blank.make_doc("`` We stay , '' she said")] == [
        "``", "We", "stay", ",", "''", "she", "said"]
    assert [t.text for t in blank.make_doc("he ``went home.''")] == [
        "he", "``", "went", "home", ".", "''"]


def test_tokenizer_rules_are_added_once(blank):
    before = _pattern(blank)
    add_glued_quotation_rule(blank.tokenizer)
    assert _pattern(blank) == before


def test_tokenizer_plain_blank_pipeline_keeps_glued_marks_together():
    plain = spacy.blank("en")
    assert GLUED_CLOSE not in _pattern(plain)
    assert "paranoia,”Clinton" in [t.text for t in plain.make_doc("it was paranoia,”Clinton said")]


def test_tokenizer_rule_survives_loading_a_packaged_model():
    # A packaged pipeline reads its tokenizer from disk after creation: the rule must be
    # re-added then, on top of the model's own infixes.
    model = spacy.load(DEFAULT_MODEL, config=TOKENIZER_CONFIG, exclude=["ner", "parser"])
    assert _pattern(model).endswith(GLUED_CLOSE)
    assert _pattern(model).count(GLUED_CLOSE) == 1
    tokens = [t.text for t in model.make_doc("paranoia,”Clinton")]
    assert tokens == ["paranoia", ",", "”", "Clinton"]


def test_tokenizer_rule_survives_serialisation(blank):
    again = spacy.blank("en", config=TOKENIZER_CONFIG)
    again.tokenizer.from_bytes(blank.tokenizer.to_bytes())
    assert _pattern(again) == _pattern(blank)
    copied = pickle.loads(pickle.dumps(blank.tokenizer))
    assert [t.text for t in copied("deal.”The")] == ["deal", ".", "”", "The"]


def test_tokenizer_glued_quotation_keeps_its_speaker(nlp):
    doc = nlp("“We will not back down,”Maria Lopez said on Tuesday.")
    quote = next(q for q in doc._.quotes if "back down" in q.text)
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.name.endswith("Lopez")


def test_tokenizer_glued_signature_dash_gives_a_clean_speaker(nlp):
    text = (
        "Readers wrote in.\n\n“He does not speak for us.”― Ana Ruiz\u00a0\n\n"
        "“We are tired.” ― Tom Berg\n"
    )
    doc = nlp(text)
    quote = next(q for q in doc._.quotes if "speak for us" in q.text)
    assert quote.speaker is not None and quote.speaker.mention.text == "Ana Ruiz"


@pytest.mark.parametrize("rank", ["Sgt.", "Lt.", "Det.", "Capt.", "SGT."])
def test_tokenizer_keeps_an_abbreviated_rank_whole(blank, rank):
    # spaCy splits the stop off these (not off "Gen."), and the parser then ends the sentence.
    assert [t.text for t in blank.make_doc(f"said Police {rank} Lee Brandt.")] == [
        "said", "Police", rank, "Lee", "Brandt", "."]
