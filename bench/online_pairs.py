"""Decision pairs as the online clusterer meets them, for training the full-text trees.

The trees are fitted on *oracle* pairs: every earlier article sits in its gold story, so a
candidate story is always whole. The real clusterer meets other states: an incident split
earlier in two stories, each part with fewer articles and no terms of its own against the
other; a story that took a look-alike by mistake. This module runs the clusterer with a given
model over the training records and records the features of every candidate it scores for a
dated full text, labelled 1 when the candidate story holds an article of the item's gold
incident. ``bench/story_trees.py --online-pairs`` adds them to the oracle pairs of the same
part (the training part only: the part scored is never run here).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from europenews.stories.cluster import OnlineClusterer
from europenews.stories.decision import DecisionModel
from europenews.stories.dense import Embedder
from europenews.stories.state import Prepared, StoryState
from train_stories import item_of


class _Recorder(OnlineClusterer):
    """The clusterer, keeping the features and gold labels of what it scores."""

    gold: str
    golds: dict[str, set[str]]
    xs: list[list[float]]
    ys: list[int]

    def candidate_features(self, prepared: Prepared) -> list[tuple[StoryState, list[float]]]:
        found = super().candidate_features(prepared)
        if prepared.kind == "full":
            for story, features in found:
                self.xs.append(list(features))
                self.ys.append(int(self.gold in self.golds[self.resolve(story.id)]))
        return found


def online_pairs(
    records: list[dict[str, Any]], model: DecisionModel, embedder: Embedder | None = None
) -> tuple[list[list[float]], list[int]]:
    """Features and labels of the dated full texts' candidates in an online run of model."""
    clusterer = _Recorder(model=model, embedder=embedder)
    clusterer.xs, clusterer.ys = [], []
    replay_with_golds(clusterer, records)
    return clusterer.xs, clusterer.ys


def replay_with_golds(clusterer: Any, records: list[dict[str, Any]]) -> None:
    """Run the records through ``clusterer`` in order, keeping in ``clusterer.golds`` the gold
    stories each predicted story holds (merged stories' golds go to the survivor) and in
    ``clusterer.gold`` the gold story of the item being placed, for its scoring hooks."""
    clusterer.golds = defaultdict(set)
    for number, record in enumerate(records):
        clusterer.gold = str(record["story"])
        assignment = clusterer.assign(item_of(record, number))
        survivor = clusterer.resolve(assignment.story_id)
        for merged in assignment.merged:
            clusterer.golds[survivor] |= clusterer.golds.pop(merged, set())
        clusterer.golds[survivor].add(clusterer.gold)
