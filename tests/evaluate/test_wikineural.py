"""``eval wikineural`` and ``eval langid`` on small files of our own."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from europenews.errors import InputError
from europenews.evaluate.langid import evaluate_langid, in_part
from europenews.evaluate.wikineural import predicted_spans, read_sentences, sentence_from_tokens
from europenews.model import Analysis, Article, Entity, Mention


def test_wikineural_gold_spans_follow_bio_tags_and_leave_misc_out() -> None:
    tokens = [("Hier", "O"), ("Marie", "B-PER"), ("Curie", "I-PER"), ("a", "O"),
              ("quitté", "O"), ("Varsovie", "B-LOC"), ("pour", "O"), ("la", "O"),
              ("Sorbonne", "B-ORG"), ("en", "O"), ("Renault", "B-MISC"), ("Clio", "I-MISC")]
    sentence = sentence_from_tokens(tokens)
    assert sentence.text.startswith("Hier Marie Curie a quitté Varsovie")
    spans = {(sentence.text[s:e], t) for s, e, t in sentence.gold}
    assert spans == {("Marie Curie", "PER"), ("Varsovie", "LOC"), ("Sorbonne", "ORG")}


def test_wikineural_two_adjacent_names_of_two_types_are_two_spans() -> None:
    sentence = sentence_from_tokens([("Paris", "B-LOC"), ("Renault", "I-ORG")])
    assert sorted((s, e, t) for s, e, t in sentence.gold) == [(0, 5, "LOC"), (6, 13, "ORG")]


def test_wikineural_reads_a_gzipped_file(tmp_path: Path) -> None:
    path = tmp_path / "val.conllu.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("0\tLyon\tB-LOC\n1\tgagne\tO\n\n0\tIl\tO\n1\tpleut\tO\n")
    sentences = list(read_sentences(path))
    assert [s.text for s in sentences] == ["Lyon gagne", "Il pleut"]
    assert sentences[1].gold == frozenset()


def test_wikineural_predicted_spans_map_types_and_drop_misc() -> None:
    analysis = Analysis(Article("Lyon et Renault", language="fr"), entities=(
        Entity("e1", "Lyon", "place", (), (Mention(0, 4, "Lyon"),)),
        Entity("e2", "Renault", "misc", (), (Mention(8, 15, "Renault"),)),
    ))
    assert predicted_spans(analysis) == {(0, 4, "LOC")}


def test_langid_eval_scores_per_kind_and_halves_by_id(tmp_path: Path) -> None:
    items = [
        {"id": f"t{i}", "language": "fr", "kind": "sentence",
         "text": "Le conseil municipal a voté hier soir le budget de la ville pour l'an prochain."}
        for i in range(6)
    ] + [{"id": "x", "language": "de", "kind": "sentence",
          "text": "Der Stadtrat hat gestern Abend den Haushalt für das nächste Jahr beschlossen."}]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items), encoding="utf-8")
    result = evaluate_langid(path)
    assert result["kinds"]["sentence"]["items"] == 7
    assert result["kinds"]["sentence"]["per_language"] == {"de": 1.0, "fr": 1.0}
    dev = evaluate_langid(path, part="dev")["kinds"]["sentence"]["items"]
    report = evaluate_langid(path, part="report")["kinds"]["sentence"]["items"]
    assert dev + report == 7
    assert dev == sum(in_part(i["id"], "dev") for i in items)


def test_langid_eval_refuses_a_line_that_is_no_item(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:1"):
        evaluate_langid(path)


def test_wikineural_several_languages_give_a_macro_f1(tmp_path: Path) -> None:
    from europenews.config import Settings
    from europenews.evaluate.wikineural import evaluate_wikineural

    for lang, lines in {
        "de": "0\tGestern\tO\n1\tkam\tO\n2\tsie\tO\n3\tnach\tO\n4\tHamburg\tB-LOC\n5\t.\tO\n",
        "pl": "0\tWczoraj\tO\n1\tbyła\tO\n2\tw\tO\n3\tKrakowie\tB-LOC\n4\t.\tO\n",
    }.items():
        (tmp_path / lang).mkdir()
        with gzip.open(tmp_path / lang / "val.conllu.gz", "wt", encoding="utf-8") as f:
            f.write(lines)
    result = evaluate_wikineural(tmp_path, "de,pl", Settings())
    assert set(result["languages"]) == {"de", "pl"}
    f1s = [r["overall"]["f1"] for r in result["languages"].values()]
    assert result["macro_f1"] == pytest.approx(sum(f1s) / 2, abs=1e-4)
    assert result["languages"]["de"]["overall"]["tp"] == 1  # Hamburg found, typed a place
