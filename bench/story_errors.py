"""Where the story clusterer loses on one half of gva-incidents: splits against false merges,
and why.

    .venv/bin/python bench/story_errors.py [--data ../shared/data/clustering] [--half A]
        [--model PATH] [--examples N]

Replays the clusterer (the shipped model, or ``--model``) over the half in published order
and classifies every placement against the gold incidents known so far:

- an article whose incident already has articles (*gold-mates*) must join one of the stories
  holding them. If it starts a new story or joins another one, the pairs with its gold-mates
  are lost (a *split*). Why: the right story was never scored (not among the candidates the
  index returned, or already expired / blocked by the dates guard), or it was scored below
  the join threshold, or another candidate scored higher (a *wrong join*);
- an article of a new incident must start a new story; joining one is a *false merge*, each
  member of that story a wrong pair.

Each placement is weighed by the pairs it loses or adds at that moment (later merges and later
articles can change the final count; the final pairwise figures are reported as well). Splits
are cut further by the day gap to the gold-mates, the text length, and whether the article
shares a rare capitalised name pair (in at most 4 articles so far) with them; false merges by
the day gap and whether the story already has an article of the same outlet.
Use the training half (A): the table decides which features are worth building.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from europenews.stories.cluster import OnlineClusterer, load_decision_model
from europenews.stories.decision import DecisionModel
from europenews.stories.dense import Embedder
from europenews.stories.state import Prepared, StoryState
from train_stories import cluster_scores, item_of, load

RARE_NAME_DF = 4  # a name pair seen in at most this many articles so far is rare
SHORT_TEXT = 300  # characters: below this the body is usually a site notice


class _Recording(OnlineClusterer):
    """The clusterer, noting what it scored for the current item and what the right stories
    would have scored."""

    right: set[str]
    last: dict[str, Any]

    def candidate_features(self, prepared: Prepared) -> list[tuple[StoryState, list[float]]]:
        found = super().candidate_features(prepared)
        kind = prepared.kind
        scored = {story.id: self.model.probability(f, kind) for story, f in found}
        unscored = {}
        for sid in self.right - set(scored):
            story = self._stories.get(sid)
            if story is None:
                unscored[sid] = "expired"
            elif story.dates.too_far(prepared.known_day):
                unscored[sid] = "dates guard"
            else:
                p = self.model.probability(self.features(prepared, story), kind)
                unscored[sid] = f"not retrieved, p={p:.2f}"
        self.last = {"scored": scored, "unscored": unscored, "kind": kind,
                     "threshold": self.model.threshold(kind)}
        return found


def _bucket_gap(days: int | None) -> str:
    if days is None:
        return "undated"
    if days == 0:
        return "same day"
    if days <= 3:
        return "1-3 days"
    if days <= 30:
        return "4-30 days"
    return "over 30 days"


def _pairs(gold: list[str], predicted: list[str]) -> dict[str, int]:
    """Pair counts at the end of the stream: lost (same incident, different stories) and wrong
    (different incidents, one story)."""

    def count(labels: Iterable[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in Counter(labels).values())

    right = count(zip(gold, predicted, strict=True))
    return {
        "gold_pairs": count(gold),
        "right": right,
        "lost": count(gold) - right,
        "wrong": count(predicted) - right,
    }


def analyse(
    records: list[dict[str, Any]], model: DecisionModel, examples: int,
    embedder: Embedder | None = None,
) -> dict[str, Any]:
    from europenews.dates import day_number
    from europenews.stories.incidents import incident_cues

    clusterer = _Recording(model=model, embedder=embedder)
    gold_members: dict[str, list[int]] = defaultdict(list)
    placed: list[str] = []
    name_df: Counter[str] = Counter()
    names = [incident_cues(r["title"], r.get("text") or "").names for r in records]
    days = [day_number(r.get("published")) for r in records]
    lost: Counter[str] = Counter()  # split class -> gold-mate pairs lost at placement
    lost_articles: Counter[str] = Counter()
    added: Counter[str] = Counter()  # false-merge class -> wrong pairs added at placement
    added_articles: Counter[str] = Counter()
    cuts: dict[str, Counter[str]] = defaultdict(Counter)
    shown: list[dict[str, Any]] = []
    for i, record in enumerate(records):
        gold = str(record["story"])
        mates = list(gold_members[gold])
        right = {clusterer.resolve(placed[j]) for j in mates}
        clusterer.right = right
        clusterer.last = {}
        name_df.update(names[i])
        assignment = clusterer.assign(item_of(record, i))
        story = clusterer.resolve(assignment.story_id)
        members = [j for j, s in enumerate(placed) if clusterer.resolve(s) == story]
        wrong_members = [j for j in members if str(records[j]["story"]) != gold]
        placed.append(assignment.story_id)
        gold_members[gold].append(i)
        text = record.get("text") or ""
        if mates:
            missed = [j for j in mates if clusterer.resolve(placed[j]) != story]
            if missed:
                scored = clusterer.last.get("scored", {})
                unscored = clusterer.last.get("unscored", {})
                right_p = max((p for sid, p in scored.items() if sid in right), default=None)
                if assignment.duplicate_of is not None:
                    why = "copy of another story's article"
                elif right_p is None:
                    reasons = sorted(set(v.split(",")[0] for v in unscored.values()))
                    why = "right story not scored: " + "/".join(reasons or ["?"])
                elif assignment.is_new_story:
                    why = "right story scored below threshold"
                elif story in right:
                    why = "joined one part of an incident already split"
                else:
                    why = "another story scored higher"
                kind = "split" if assignment.is_new_story or not wrong_members else "wrong join"
                label = f"{kind}: {why}"
                lost[label] += len(missed)
                lost_articles[label] += 1
                gap = min(
                    (abs(days[i] - days[j]) for j in missed
                     if days[i] is not None and days[j] is not None),
                    default=None,
                )
                shares = any(
                    names[i] & names[j] and min(name_df[n] for n in names[i] & names[j])
                    <= RARE_NAME_DF
                    for j in missed
                )
                cuts["gap"][_bucket_gap(gap)] += len(missed)
                cuts["text"]["short (<300 chars)" if len(text) < SHORT_TEXT else "long"] += len(
                    missed
                )
                cuts["rare name pair shared"]["yes" if shares else "no"] += len(missed)
                cuts["same outlet as a gold-mate"][
                    "yes" if any(records[j].get("source") == record.get("source")
                                 for j in missed) else "no"
                ] += len(missed)
                if right_p is not None:
                    cuts["right story's probability"][f"{int(right_p * 10) / 10:.1f}"] += len(
                        missed
                    )
                else:
                    for v in unscored.values():
                        if v.startswith("not retrieved"):
                            p = float(v.split("p=")[1])
                            cuts["unretrieved right story's probability"][
                                f"{int(p * 10) / 10:.1f}"
                            ] += len(missed)
                if len(shown) < examples:
                    shown.append({"article": i, "class": label, "gap": gap, "chars": len(text),
                                  "title": record["title"][:90],
                                  "mate": records[missed[0]]["title"][:90],
                                  "right_p": right_p, "scored": scored, "unscored": unscored})
        if wrong_members:
            gap = min((abs(days[i] - days[j]) for j in wrong_members
                       if days[i] is not None and days[j] is not None), default=None)
            same = any(records[j].get("source") == record.get("source") for j in wrong_members)
            label = ("false merge: " + ("copy" if assignment.duplicate_of else "joined")
                     + (" (it had gold-mates elsewhere)" if mates else ""))
            added[label] += len(wrong_members)
            added_articles[label] += 1
            cuts["false merge gap"][_bucket_gap(gap)] += len(wrong_members)
            cuts["false merge same outlet"]["yes" if same else "no"] += len(wrong_members)
            cuts["false merge text"][
                "short (<300 chars)" if len(text) < SHORT_TEXT else "long"
            ] += len(wrong_members)
    final = [clusterer.resolve(s) for s in placed]
    gold_ids = [str(r["story"]) for r in records]
    scores = cluster_scores(gold_ids, final)
    return {
        "articles": len(records),
        "final": scores,
        "final_pairs": _pairs(gold_ids, final),
        "lost_pairs_at_placement": dict(lost.most_common()),
        "lost_articles": dict(lost_articles.most_common()),
        "wrong_pairs_at_placement": dict(added.most_common()),
        "wrong_articles": dict(added_articles.most_common()),
        "cuts": {name: dict(c.most_common()) for name, c in cuts.items()},
        "examples": shown,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/clustering"))
    parser.add_argument("--half", choices=["A", "B"], default="A")
    parser.add_argument("--model", type=Path, default=None, help="A decision model JSON file.")
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args()
    model = (
        DecisionModel.from_dict(json.loads(args.model.read_text(encoding="utf-8")))
        if args.model is not None
        else load_decision_model()
    )
    records = load(args.data / "gva-incidents", args.half, None)
    print(json.dumps({"half": args.half, **analyse(records, model, args.examples)}, indent=1))


if __name__ == "__main__":
    main()
