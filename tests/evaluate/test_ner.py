"""CoNLL-2003 reading and NER scoring (evaluate/conll.py, evaluate/ner.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

from europenews.errors import InputError
from europenews.evaluate.conll import read_conll
from europenews.evaluate.ner import evaluate_ner, predicted_spans, score

# Made-up sentences in the CoNLL-2003 layout: IOB1 tags, B- only between adjacent entities,
# no -DOCSTART- before the first document.
SAMPLE = """\
Anna NNP B-NP I-PER
Berg NNP I-NP I-PER
visited VBD B-VP O
Oslo NNP B-NP I-LOC
. . O O

Oslo NNP B-NP I-LOC
Bergen NNP I-NP B-LOC
. . O O

-DOCSTART- -X- O O

Acme NNP B-NP I-ORG
Corp NNP I-NP I-ORG
rose VBD B-VP O
. . O O
"""


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.conll"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_conll_reads_documents_as_running_text(sample):
    first, second = read_conll(sample)
    assert first.text == "Anna Berg visited Oslo .\nOslo Bergen ."
    assert second.text == "Acme Corp rose ."


def test_conll_iob1_adjacent_entities_are_split(sample):
    first, _ = read_conll(sample)
    spans = sorted((first.text[s:e], t) for s, e, t in first.gold)
    assert spans == [("Anna Berg", "PER"), ("Bergen", "LOC"), ("Oslo", "LOC"), ("Oslo", "LOC")]


def test_conll_limit(sample):
    assert len(read_conll(sample, limit=1)) == 1


def test_conll_rejects_empty_file(tmp_path):
    empty = tmp_path / "empty.conll"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_conll(empty)


def test_ner_predicted_spans_snap_to_gold_tokens(sample):
    first, _ = read_conll(sample)
    doc = spacy.blank("en")(first.text)
    # "Berg visited" starts inside no token and ends mid-token: snapped to whole gold tokens.
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 4, "GPE"), Span(doc, 2, 3, "DATE")]
    spans = predicted_spans(doc, first)
    assert sorted((first.text[s:e], t) for s, e, t in spans) == [
        ("Anna Berg", "PER"),
        ("Oslo", "LOC"),
    ]


def test_ner_score_micro_and_per_type():
    gold = frozenset({(0, 4, "PER"), (5, 9, "LOC")})
    result = score([({(0, 4, "PER"), (5, 9, "ORG")}, gold)])
    assert result["overall"]["tp"] == 1 and result["overall"]["fp"] == 1
    assert result["per_type"]["PER"]["f1"] == 1.0
    assert result["per_type"]["LOC"]["r"] == 0.0


@pytest.mark.slow
def test_ner_evaluate_runs_pipeline_on_dev_file(shared_data):
    from europenews.config import Settings

    result = evaluate_ner(shared_data / "ner" / "conll2003" / "eng.testa", Settings(), limit=2)
    assert result["documents"] == 2
    assert set(result["per_type"]) == {"PER", "ORG", "LOC", "MISC"}
    assert 0.0 < result["overall"]["f1"] <= 1.0
