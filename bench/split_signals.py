"""What the split pairs of half A share, against the pairs of two incidents kept apart.

    .venv/bin/python bench/split_signals.py [--data ../shared/data/clustering]
        [--events EVENTS.json]

Splits half A of gva-incidents in the two parts of ``bench/story_trees.py``, fits the trees on
one part and runs the online clusterer over the other (both ways round), and compares, over
every pair of articles of a part, the *split* pairs (one incident, two predicted stories)
with the pairs of two incidents the clusterer kept apart, and the pairs it joined rightly:
date gap, same outlet, the regular-expression cues the clusterer reads
(``stories/incidents.py``: a shared rare name pair, a shared street, address or named age,
an agreeing casualty count) and, with ``--events``, the main event's city and casualty
figures from the events component (a JSON object: article id -> [killed, injured, place] or
null, as ``bench/events_diff.py`` records them; `europenews cluster` and `eval stories` run
no NLP model, so these are not features the measured clusterer could read).
Use the training half (A) only.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections import Counter
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from typing import Any

from europenews.evaluate.stories import place_all
from europenews.stories.cluster import OnlineClusterer, load_decision_model
from europenews.stories.incidents import IncidentCues, incident_cues
from europenews.stories.items import day_number
from story_trees import dated_pairs, sub_part
from train_stories import FULL_FEATURES, load
from tree_fit import fit_trees

RARE_NAME_DF = 4  # a name pair in at most this many articles of the part is rare
GAPS = ((0, "same day"), (3, "1-3 days"), (30, "4-30 days"), (120, "31-120 days"))
Article = dict[str, Any]


def gap_bucket(a: int | None, b: int | None) -> str:
    if a is None or b is None:
        return "undated"
    gap = abs(a - b)
    return next((name for limit, name in GAPS if gap <= limit), "over 120 days")


def signals(events: dict[str, Any] | None) -> dict[str, Callable[[Article, Article], bool]]:
    """Each signal: does this pair of articles (with their cues) show it?"""
    def rare(x: Article) -> set[str]:
        return x["rare"]

    def cue(name: str) -> Callable[[Article, Article], bool]:
        return lambda x, y: bool(getattr(x["cues"], name) & getattr(y["cues"], name))

    found: dict[str, Callable[[Article, Article], bool]] = {
        "same outlet": lambda x, y: x["source"] is not None and x["source"] == y["source"],
        "a shared rare name pair": lambda x, y: bool(rare(x) & rare(y)),
        "a shared street": cue("streets"),
        "a shared address or block": cue("addresses"),
        "a shared person with an age": cue("named_ages"),
        "a shared casualty count (lead)": cue("counts"),
    }
    if events is not None:
        def event(x: Article) -> list[Any] | None:
            return events.get(x["id"]) if events is not None else None

        def same_city(x: Article, y: Article) -> bool:
            a, b = event(x), event(y)
            return bool(a and b and a[2] and a[2] == b[2])

        def same_figures(x: Article, y: Article) -> bool:
            a, b = event(x), event(y)
            return bool(a and b and (a[0], a[1]) != (None, None) and a[:2] == b[:2])

        found["same city (events)"] = same_city
        found["same killed and injured (events)"] = same_figures
        found["same city and figures (events)"] = lambda x, y: same_city(x, y) and same_figures(
            x, y)
        found["same city (events) and a rare name pair"] = lambda x, y: same_city(x, y) and bool(
            rare(x) & rare(y))
    return found


def predicted_parts(records: list[Article]) -> list[tuple[list[Article], list[str]]]:
    """Each part with its articles' final predicted stories, trees fitted on the other part."""
    parts = [[r for r in records if sub_part(str(r["story"]), p)] for p in (0, 1)]
    shipped = load_decision_model()
    out = []
    for fit_on in (0, 1):
        xs, ys = dated_pairs(parts[fit_on])
        model = dataclasses.replace(shipped, full_trees=fit_trees(xs, ys, FULL_FEATURES))
        scored = parts[1 - fit_on]
        out.append((scored, place_all(OnlineClusterer(model=model), scored)))
    return out


def table(records: list[Article], events: dict[str, Any] | None) -> dict[str, Any]:
    tests = signals(events)
    counts: dict[str, Counter[str]] = {c: Counter() for c in ("split", "apart", "joined")}
    for scored, predicted in predicted_parts(records):
        articles = []
        for r, story in zip(scored, predicted, strict=True):
            cues: IncidentCues = incident_cues(r["title"], r.get("text") or "")
            articles.append({"id": str(r["id"]), "gold": str(r["story"]), "pred": story,
                             "day": day_number(r.get("published")), "source": r.get("source"),
                             "cues": cues})
        df = Counter(name for a in articles for name in a["cues"].names)
        for a in articles:
            a["rare"] = {n for n in a["cues"].names if df[n] <= RARE_NAME_DF}
        for i, x in enumerate(articles):
            for y in articles[i + 1:]:
                same_gold, same_pred = x["gold"] == y["gold"], x["pred"] == y["pred"]
                if not same_gold and same_pred:
                    continue  # false merges: not what a second look would join
                kind = "joined" if same_pred else "split" if same_gold else "apart"
                counts[kind]["all pairs"] += 1
                gap = gap_bucket(x["day"], y["day"])
                near = gap in ("same day", "1-3 days", "4-30 days")
                counts[kind]["gap: " + gap] += 1
                counts[kind]["within 30 days"] += near
                shown = [name for name, test in tests.items() if test(x, y)]
                for name in shown:
                    counts[kind][name] += 1
                    counts[kind][name + ", within 30 days"] += near
                for a, b in combinations(shown, 2):
                    counts[kind][f"{a} + {b}"] += 1
    return {kind: dict(sorted(c.items())) for kind, c in counts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/clustering"))
    parser.add_argument("--events", type=Path, default=None)
    args = parser.parse_args()
    records = load(args.data / "gva-incidents", "A", None)
    events = json.loads(args.events.read_text()) if args.events is not None else None
    print(json.dumps(table(records, events), indent=1))


if __name__ == "__main__":
    main()
