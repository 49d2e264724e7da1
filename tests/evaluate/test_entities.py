"""``europenews eval entities``: store-wide linking scored with BCubed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from europenews.cli.main import cli
from europenews.evaluate.entities import GoldDocument, GoldMention, _assign, read_documents
from europenews.model import Article

DOCS = [
    ("1_a", "1", "Prime Minister Kaja Kallas visited Tallinn harbour on Monday. Kallas said the "
     "port would grow.", [("Kaja Kallas", "P1"), ("Tallinn", "L1"), ("Kallas", "P1")]),
    ("1_b", "1", "In Tallinn, Kallas opened the new harbour terminal on Tuesday.",
     [("Tallinn", "L1"), ("Kallas", "P1")]),
    ("2_a", "2", "Coach Marta Brzeska praised her team in Gdansk after the final.",
     [("Marta Brzeska", "P2"), ("Gdansk", "L2")]),
]


def _write(path: Path) -> Path:
    lines = []
    for doc_id, topic, text, names in DOCS:
        mentions, at = [], 0
        for name, entity in names:
            start = text.index(name, at)
            at = start + len(name)
            kind = "PER" if entity.startswith("P") else "LOC"
            mentions.append({"start": start, "end": at, "text": name, "type": kind,
                             "entity": entity})
        lines.append(json.dumps({"id": doc_id, "topic": topic, "language": "en", "text": text,
                                 "mentions": mentions}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_entities_read_documents_in_file_order(tmp_path):
    docs = read_documents(_write(tmp_path / "d.jsonl"))
    assert [d.id for d in docs] == ["1_a", "1_b", "2_a"]
    assert docs[0].mentions[2].entity == "P1"


def test_entities_gold_mention_takes_the_best_covering_entity():
    gold = GoldDocument("x", Article(text="x"), (GoldMention(10, 20, "PER", "g"),
                                                 GoldMention(40, 45, "PER", "h")))
    found = [(8, 20, 1), (10, 20, 2), (30, 35, 3)]
    assert list(_assign(gold, found)) == ["2", None]


@pytest.mark.slow
def test_entities_cli_prints_bcubed_last(tmp_path):
    path = _write(tmp_path / "d.jsonl")
    result = CliRunner().invoke(cli, ["eval", "entities", str(path), "--gold-mentions"])
    assert result.exit_code == 0, result.output
    last = json.loads(result.output.strip().splitlines()[-1])
    assert set(last) == {"bcubed", "mentions"}
    assert set(last["bcubed"]) == {"precision", "recall", "f1"}
    assert last["mentions"] == 7
    assert last["bcubed"]["precision"] == 1.0  # two people, two places: none mixed up


@pytest.mark.slow
def test_entities_each_document_goes_through_its_languages_pipeline(tmp_path):
    # A Czech name ending in a lower-case noun keeps it in the Czech pipeline ("Evropské unie",
    # not "Evropské"), so it meets the Polish name of the same body.
    docs = [
        ("cs_1", "cs", "Ministr jednal v Bruselu se zástupci Evropské unie o letištích.",
         "Evropské unie"),
        ("pl_1", "pl", "Przedstawiciele Unii Europejskiej spotkali się z ministrem w Brukseli.",
         "Unii Europejskiej"),
    ]
    lines = []
    for doc_id, language, text, name in docs:
        start = text.index(name)
        lines.append(json.dumps({"id": doc_id, "topic": "t", "language": language, "text": text,
                                 "mentions": [{"start": start, "end": start + len(name),
                                               "text": name, "type": "ORG", "entity": "EU"}]}))
    path = tmp_path / "eu.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "entities", str(path), "--gold-mentions"])
    assert result.exit_code == 0, result.output
    last = json.loads(result.output.strip().splitlines()[-1])
    assert last["bcubed"]["recall"] == 1.0
