"""The PolNeAR reader and the shared quote-scoring recipe, on small folders written here."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from europenews.config import Settings
from europenews.evaluate.polnear import parse_ann, read_polnear, resolve_compartment
from europenews.evaluate.quotes import (
    Counts,
    evaluate_quotes,
    match,
    report,
    score_document,
    scores,
)
from europenews.model import Mention, Quote, Speaker

TEXT = "Kallas said the war must end.\n\n“We will win,” she said. “Truly.”\n"
ANN = (
    "T1\tSource 0 6\tKallas\n"
    "T2\tCue 7 11\tsaid\n"
    "T3\tContent 12 28\tthe war must end\n"
    "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
    "T4\tContent 31 45;56 62\t“We will win,” “Truly\n"
    "T5\tSource 46 49\tshe\n"
    "T6\tCue 50 54\tsaid\n"
    "E2\tAttribution:T6 Source:T5 Cue:T6 Content:T4\n"
    "#1\tAnnotatorNotes T4\tnote\n"
)


def _folder(tmp_path: Path) -> Path:
    top = tmp_path / "polnear"
    for part in ("text", "attributions"):
        (top / "dev" / part).mkdir(parents=True)
    (top / "dev" / "text" / "doc1.txt").write_text(TEXT, encoding="utf-8")
    (top / "dev" / "attributions" / "doc1_aa.ann").write_text(ANN, encoding="utf-8")
    (top / "dev" / "attributions" / "doc1_bb.ann").write_text("", encoding="utf-8")
    (top / "metadata.tsv").write_text(
        "compartment\tfilename\tannotators\ndev\tdoc1\taa|bb\n", encoding="utf-8"
    )
    return tmp_path


def _quote(spans, speaker=None, cue=None):
    return Quote(
        " ".join(TEXT[s:e] for s, e in spans), spans[0][0], spans[-1][1], tuple(spans),
        "direct",
        Speaker(mention=Mention(speaker[0], speaker[1], TEXT[speaker[0]:speaker[1]]))
        if speaker else None,
        Mention(cue[0], cue[1], TEXT[cue[0]:cue[1]]) if cue else None,
    )


def test_polnear_parse_ann_joins_content_fragments():
    gold = parse_ann(ANN + "T9\tContent 0 5\tspans a\nline break\n")
    assert gold[1].content == ((31, 45), (56, 62))
    assert gold[1].source == ((46, 49),)


@pytest.mark.parametrize("level", ["top", "polnear", "dev"])
def test_polnear_resolve_accepts_every_level(tmp_path, level):
    top = _folder(tmp_path)
    path = {"top": top, "polnear": top / "polnear", "dev": top / "polnear" / "dev"}[level]
    folder, meta = resolve_compartment(path)
    assert folder.name == "dev" and meta is not None


def test_polnear_reads_first_annotator_as_gold(tmp_path):
    [doc] = read_polnear(_folder(tmp_path))
    assert len(doc.attributions) == 2


def test_quotes_scoring_counts_speaker_and_cue(tmp_path):
    [doc] = read_polnear(_folder(tmp_path))
    quotes = [
        _quote([(12, 28)], speaker=(0, 6), cue=(7, 11)),
        _quote([(32, 43)], speaker=(0, 6), cue=(50, 54)),  # 3 of 4 gold tokens, wrong speaker
        _quote([(0, 6)]),  # matches nothing
    ]
    counts = Counts()
    score_document(doc, quotes, 0.5, counts)
    figures = report(counts)
    assert figures["quote"]["tp"] == 2 and figures["quote"]["p"] == pytest.approx(2 / 3, abs=1e-3)
    assert figures["quote_speaker"]["tp"] == 1
    assert figures["cue_accuracy"] == 1.0
    assert figures["direct_recall"] == 1.0 and figures["direct_recall_with_speaker"] == 0.0


def test_quotes_match_is_one_to_one():
    gold = parse_ann(ANN)
    same = _quote([(12, 28)])
    assert match(TEXT, [same, same], gold, 0.5) == [(0, 0)]


def test_quotes_stricter_threshold_rejects_partial_overlap():
    gold = parse_ann(ANN)
    half = _quote([(32, 39)])  # "We will": 2 of 4 gold tokens
    assert match(TEXT, [half], gold, 0.5) and not match(TEXT, [half], gold, 0.8)


def test_quotes_scores_count_unshown_quotes_unless_filtered(tmp_path):
    [doc] = read_polnear(_folder(tmp_path))
    right = _quote([(12, 28)], speaker=(0, 6), cue=(7, 11))
    unsure = replace(_quote([(31, 45), (56, 62)], speaker=(46, 49)), shown=False, confidence=0.4)
    every = scores([doc], [[right, unsure]])["threshold_0.5"]
    shown = scores([doc], [[q for q in (right, unsure) if q.shown]])["threshold_0.5"]
    assert every["quote_speaker"]["tp"] == 2 and every["predicted"] == 2
    assert shown["quote_speaker"]["tp"] == 1 and shown["predicted"] == 1


@pytest.mark.slow
def test_quotes_evaluate_on_shared_data(shared_data):
    result = evaluate_quotes(shared_data / "quotes", Settings(), limit=2)
    assert result["documents"] == 2
    assert 0.0 < result["threshold_0.5"]["quote"]["f1"] <= 1.0
    assert result["shown"]["threshold_0.5"]["predicted"] <= result["threshold_0.5"]["predicted"]
