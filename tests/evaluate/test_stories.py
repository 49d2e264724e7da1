from __future__ import annotations

import json
import platform

import pytest

from europenews.errors import InputError
from europenews.evaluate.stories import cluster_scores, evaluate_stories, prescribed_order


def test_stories_scores_match_hand_computed_values():
    gold = ["a", "a", "a", "b", "b"]
    predicted = ["x", "x", "y", "y", "y"]
    scores = cluster_scores(gold, predicted)
    # pairs: TP = 1 (x) + 1 (b in y) = 2; predicted pairs 1 + 3 = 4; gold pairs 3 + 1 = 4
    assert scores["pairwise"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    # BCubed P: (2*2/2 + 1/3 + 2*2/3) / 5 ; R: (4/3 + 1/3 + 4/2) / 5
    assert scores["bcubed"]["precision"] == pytest.approx((2 + 1 / 3 + 4 / 3) / 5, abs=1e-4)
    assert scores["bcubed"]["recall"] == pytest.approx((4 / 3 + 1 / 3 + 2) / 5, abs=1e-4)
    assert (scores["predicted_stories"], scores["gold_stories"]) == (2, 2)


def test_stories_uci_order_is_by_day_then_shuffled():
    records = [
        {"id": str(i), "published": f"2014-03-{10 + i % 2}T00:00:{i:02d}Z"} for i in range(20)
    ]
    ordered = prescribed_order("uci-news-aggregator", records, seed=1)
    days = [r["published"][:10] for r in ordered]
    assert days == sorted(days)
    assert [r["id"] for r in ordered[:10]] != sorted((r["id"] for r in ordered[:10]), key=int)


def _tiny_set(tmp_path):
    """An ecbplus-named folder with three articles in two stories."""
    folder = tmp_path / "ecbplus"
    folder.mkdir()
    rows = [
        {
            "id": "1",
            "title": "Quake hits Norland",
            "text": "A strong earthquake hit Norland.",
            "story": "q",
        },
        {
            "id": "2",
            "title": "Norland quake",
            "text": "An earthquake struck Norland on Monday.",
            "story": "q",
        },
        {
            "id": "3",
            "title": "Bank raises rates",
            "text": "The central bank raised rates.",
            "story": "r",
        },
    ]
    (folder / "articles.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
    )
    return folder


def test_stories_evaluate_one_set_folder(tmp_path):
    result = evaluate_stories(_tiny_set(tmp_path), limit=None)
    scores = result["sets"]["ecbplus"]
    assert scores["articles"] == 3 and scores["gold_stories"] == 2
    assert set(scores) >= {"pairwise", "bcubed", "predicted_stories", "articles_per_s", "seed"}


def test_stories_evaluate_reports_the_machine_it_ran_on(tmp_path, monkeypatch):
    folder = _tiny_set(tmp_path)
    monkeypatch.setattr("os.cpu_count", lambda: 7)
    result = evaluate_stories(folder, limit=None)
    assert "7 cores" in result["machine"]
    assert platform.python_version() in result["machine"]


def test_stories_evaluate_several_seeds_report_each_run_and_the_mean(tmp_path):
    folder = _tiny_set(tmp_path)
    result = evaluate_stories(folder, limit=None, seeds=(1, 2, 3))["sets"]["ecbplus"]
    assert [run["seed"] for run in result["runs"]] == [1, 2, 3]
    mean = sum(run["pairwise"]["f1"] for run in result["runs"]) / 3
    assert result["mean"]["pairwise"] == pytest.approx(mean, abs=1e-4)


def test_stories_evaluate_rejects_folder_without_sets(tmp_path):
    with pytest.raises(InputError):
        evaluate_stories(tmp_path, limit=None)


@pytest.mark.slow
def test_stories_evaluate_shared_ecbplus_beats_singletons(shared_data):
    result = evaluate_stories(shared_data / "clustering" / "ecbplus", limit=200)
    assert result["sets"]["ecbplus"]["bcubed"]["f1"] > 0.3
