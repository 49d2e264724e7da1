"""Doc extensions: model objects through getters, plain values underneath, so Docs our
components touched survive serialisation."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from europenews.analyze.export import doc_to_analysis
from europenews.analyze.extensions import DOC_EXTENSIONS, register_extensions
from europenews.model import Article, Mention, Place

TEXTS = [
    "“We will not give up Kherson,” Ukraine's defence minister Oleksii Reznikov said in Kyiv "
    "on Monday. Two people were killed when a missile hit a market in Kherson, officials said.",
    "NATO leaders met in Vilnius. The alliance, its secretary general said, stands ready.",
    "",
]


def _analyses(docs):
    return [doc_to_analysis(doc, Article(text=doc.text)) for doc in docs]


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(TEXTS))


def test_extensions_default_is_none_for_a_component_that_did_not_run():
    register_extensions()
    doc = spacy.blank("en")("Nothing ran here.")
    assert all(getattr(doc._, name) is None for name in DOC_EXTENSIONS)


def test_extensions_store_plain_values_and_give_model_objects():
    register_extensions()
    doc = spacy.blank("en")("Kyiv")
    place = Place("Kyiv", "UA", 50.45, 30.52, 703448, (Mention(0, 4, "Kyiv"),), "city")
    doc._.places = [place]
    assert doc._.places == [place]
    raw = doc.user_data[("._.", "places", None, None)]
    assert isinstance(raw, list) and isinstance(raw[0], dict)
    doc._.places = None
    assert doc._.places is None


def test_extensions_entity_of_token_is_a_dict_by_token_index(docs):
    of_token = docs[0]._.entity_of_token
    assert of_token and all(isinstance(i, int) and isinstance(e, str) for i, e in of_token.items())
    ids = {e.id for e in docs[0]._.entities}
    assert set(of_token.values()) <= ids


def test_extensions_doc_to_bytes_round_trip(nlp, docs):
    again = [Doc(nlp.vocab).from_bytes(doc.to_bytes()) for doc in docs]
    assert _analyses(again) == _analyses(docs)
    assert docs[0]._.quotes and docs[0]._.events and docs[0]._.places  # not a vacuous check


def test_extensions_docbin_round_trip(nlp, docs):
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    again = list(DocBin().from_bytes(stored).get_docs(nlp.vocab))
    assert _analyses(again) == _analyses(docs)


@pytest.mark.slow
def test_extensions_multiprocess_pipe_gives_the_same_analyses(nlp, docs):
    assert _analyses(nlp.pipe(TEXTS, n_process=2, batch_size=1)) == _analyses(docs)
