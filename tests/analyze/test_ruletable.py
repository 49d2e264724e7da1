"""The rule tables give exactly what the model's attribute ruler and lemmatizer give."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from europenews.analyze.pipeline import TOKENIZER_CONFIG
from europenews.analyze.ruletable import AttributeTable, LemmaTable, use_rule_tables
from europenews.config import Settings

# Sentences written for these tests; each line reaches some pattern of the ruler that a plain
# tag-to-part-of-speech table would get wrong: two-token patterns (gonna, gotta, let's, y'all,
# c'mon, ain't, "there is"), patterns on the dependency label (aux, mark, nsubj, dobj, expl),
# word lists (subordinating "that"), regular expressions (nothin'), spaces, and the
# pronouns and modals whose lemma the ruler sets.
SENTENCES = [
    "There is a fire on Main Street, and there were two engines at the scene.",
    "We're gonna need more water, said the chief. You gotta see this.",
    "Let's go, y'all. C'mon, it ain't over and it isn't done.",
    "I'd say that he'd have known if she had told him, but she didn't.",
    "Nothin' was left of the old barn; ol' Sam said they'd seen somethin' odd.",
    "The mayor, who has been in office since 2019, does not comment.\n\nShe gets calls daily.",
    "Police said the man, whose name was not released, had been shot twice.",
    "Everyone knew that something was wrong; nobody saw anything.  Then it rained.",
    "Is it true? Do they know? I myself asked them, and they themselves replied.",
    "He was being watched. Who did it? Whoever it was, it wasn't us.",
]


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    real = spacy.load(Settings().model, config=TOKENIZER_CONFIG)
    fast = spacy.load(Settings().model, config=TOKENIZER_CONFIG)
    use_rule_tables(fast)
    return real, fast


def _values(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.norm_) for t in doc]


def test_tables_replace_the_components_under_their_names(pair) -> None:
    real, fast = pair
    assert fast.pipe_names == real.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(fast.get_pipe("lemmatizer"), LemmaTable)
    assert fast.get_pipe("attribute_ruler").fast


def test_tables_give_what_the_ruler_and_lemmatizer_give(pair) -> None:
    real, fast = pair
    # Twice: the first pass fills the tables, the second reads them.
    for _ in range(2):
        for text in SENTENCES:
            assert _values(fast(text)) == _values(real(text)), text


def test_two_token_patterns_are_applied(pair) -> None:
    _, fast = pair
    doc = fast("Let's go, y'all. C'mon, there is a fire. We're gonna win.")
    by_text = {t.text.lower(): t for t in doc}
    # Each of these comes only from a pattern of two tokens.
    assert by_text["'s"].lemma_ == "us"
    assert by_text["y'"].lemma_ == "you"
    assert by_text["c'm"].lemma_ == "come"
    assert by_text["is"].pos_ == "VERB"  # after an expletive "there"; AUX by its tag alone
    assert by_text["gon"].lemma_ == "go" and by_text["na"].lemma_ == "to"


def test_the_documents_bytes_are_equal(pair) -> None:
    real, fast = pair
    text = " ".join(SENTENCES)
    assert fast(text).to_bytes() == real(text).to_bytes()


def _blank_with_ruler(patterns: list[dict]) -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp


# A ruler of our own: a pattern whose second token matches anything (it matches between the
# tokens of the table's learning Doc too), a later one-token rule that overrides part of it, and
# one on a lexeme flag.
OWN = [
    {"patterns": [[{"LOWER": "big"}, {}]], "attrs": {"POS": "ADJ", "LEMMA": "large"},
     "index": 0},
    {"patterns": [[{"LOWER": "big"}]], "attrs": {"LEMMA": "big"}},
    {"patterns": [[{"IS_DIGIT": True}]], "attrs": {"POS": "NUM", "MORPH": "NumType=Card"}},
    {"patterns": [[{"LOWER": {"IN": ["big", "small"]}}]], "attrs": {"MORPH": "Degree=Pos"}},
]


def test_a_pattern_that_matches_any_neighbour_is_kept_apart() -> None:
    real, fast = _blank_with_ruler(OWN), _blank_with_ruler(OWN)
    use_rule_tables(fast)
    table = fast.get_pipe("attribute_ruler")
    assert table.fast
    for text in ("a big house with 3 big dogs", "big", "small 7 big"):
        assert _values(fast(text)) == _values(real(text)), text
    assert fast("big dog")[0].lemma_ == "big"  # the later one-token rule wins, as in spaCy


def test_a_ruler_with_an_operator_runs_as_it_is() -> None:
    patterns = [{"patterns": [[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]],
                 "attrs": {"LEMMA": "huge"}, "index": -1}]
    real, fast = _blank_with_ruler(patterns), _blank_with_ruler(patterns)
    use_rule_tables(fast)
    assert not fast.get_pipe("attribute_ruler").fast
    text = "a very very big house"
    assert _values(fast(text)) == _values(real(text))
    assert fast(text)[3].lemma_ == "huge"


def test_a_pipeline_without_the_components_is_left_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    use_rule_tables(nlp)
    assert nlp.pipe_names == ["sentencizer"]


def test_the_shipped_pipeline_uses_the_tables(nlp) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(nlp.get_pipe("lemmatizer"), LemmaTable)


def test_pipe_analysis_is_the_models(pair) -> None:
    real, fast = pair
    # What each pipe declares to spaCy (requires, assigns) is what the replaced one declared.
    assert fast.analyze_pipes()["summary"] == real.analyze_pipes()["summary"]
    assert fast.analyze_pipes()["problems"] == real.analyze_pipes()["problems"]


def test_full_tables_start_again_and_stay_exact(pair, monkeypatch) -> None:
    from europenews.analyze import ruletable

    real, fast = pair
    monkeypatch.setattr(ruletable, "MAX_ENTRIES", 20)
    # Words the other tests did not use, so that each text brings tokens the table lacks.
    texts = ["Seventeen wet ladders leaned against the granary wall overnight.",
             "Volunteers hauled copper kettles uphill; nobody complained aloud.",
             "Gulls circled above trawlers whose nets dripped silver herring."]
    for text in texts:
        assert _values(fast(text)) == _values(real(text)), text
    # Full, it started again with the last text's tokens only.
    assert len(fast.get_pipe("attribute_ruler").table) <= len(fast.make_doc(texts[-1]))


def test_a_ruler_without_longer_patterns_runs_without_warnings() -> None:
    # pytest turns warnings into errors: an empty Matcher called would warn (W036).
    patterns = [{"patterns": [[{"LOWER": "big"}]], "attrs": {"LEMMA": "large"}}]
    real, fast = _blank_with_ruler(patterns), _blank_with_ruler(patterns)
    use_rule_tables(fast)
    assert fast.get_pipe("attribute_ruler").fast
    assert _values(fast("a big one")) == _values(real("a big one"))


def test_words_a_memory_zone_freed_are_annotated_again_in_the_next(pair) -> None:
    real, fast = pair
    # Invented words: not in the model's strings, so the zone adds them (and the lemma the
    # lemmatizer makes of the verb) and frees them at its end.
    text = "The Quorvani envoys blimfrated the treaty; Quorvani ministers blimfrate often."
    expected = _values(real(text))
    for _ in range(2):  # the second zone meets table entries learned in the first
        with fast.memory_zone():
            assert _values(fast(text)) == expected
        assert "blimfrate" not in fast.vocab.strings  # freed: the tables must not use it
    fast("A quiet day.")  # the next Doc drops what the last zone's entries lost first
    lemmas = fast.get_pipe("lemmatizer").table
    assert all(lemma in fast.vocab.strings for lemma in lemmas.values() if lemma)


def test_analyses_in_memory_zones_are_the_analyses_without(nlp) -> None:
    from europenews.analyze.pipeline import analyze_articles, memory_zone
    from europenews.contract import analysis_to_dict
    from europenews.model import Article

    articles = [
        Article(id="en", title="Drobvik strike",
                text="Workers at the Drobvik plant in Ostrava walked out on Monday. “We "
                     "will stay out,” said Lenka Vrazic, a union leader."),
        Article(id="fr", title="Grève à Nantes", language=None,
                text="Les agents du port de Nantes ont cessé le travail mardi. « Nous "
                     "tiendrons », a déclaré Odile Kervran, déléguée syndicale."),
    ]
    plain = [analysis_to_dict(a) for a in analyze_articles(nlp, articles)]
    for _ in range(2):
        with memory_zone(nlp):
            zoned = [analysis_to_dict(a) for a in analyze_articles(nlp, articles)]
        assert zoned == plain
    assert plain[0]["quotes"] and plain[1]["language"] == "fr"
