"""Why a story's shown killed figure is wrong end to end, read off an alert-replay record.

    .venv/bin/python bench/alert_replay.py record A.jsonl A-record.json.gz
    .venv/bin/python bench/record_figures.py A.jsonl A-record.json.gz [--out WRONG.json]
        [--by-id] [--shows 0.84,0.86,0.88]

``bench/figure_errors.py`` sorts the wrong stories of gold clusters; this reads the stories the
real clusterer built (the record of ``bench/alert_replay.py``: every story state, with its
members and its articles' main-event figures) at their last state, scores them as
``../shared/tools/factscheck.py`` does (a story's incident: the majority incident of its
members by URL; shown killed figure: the first ``killed`` entry of
``stories.casualties.story_casualties``), and puts each wrong story in one class:

- ``false_death``: the incident killed nobody, a death is shown;
- ``mixed_other_incident``: the story holds articles of several incidents and shows the toll
  one of the others gives (a merge);
- ``read_not_shown`` / ``read_other_shown``: some member gives the record's value, below the
  display level (a 0 is shown), or another value is shown;
- ``split_elsewhere``: no member gives it, another story of the same incident does (a split
  left this part without it);
- ``none_read``: no member gives any killed figure; ``other_values``: they give others.

Prints JSON counts (and the stories per incident); ``--out`` writes the wrong stories.
A wrong story whose shown value is not 0 also says why (``why``): the record's value is read
below the level or beaten by a later report, else the value came from the title, a word, a
list of victims or a count, more or fewer than the record; ``CLASS: WHY`` counts them.
``--shows`` prints instead, for each display level, the stories scored, right and false deaths
(the level ``story_casualties`` is called with; the record's confidences are the figure model
it was recorded with).
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path
from typing import Any

from alert_replay import internal_ids, load
from europenews.stories.casualties import story_casualties
from europenews.storydata import ArticleFigure


def last_states(snapshots: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each story's last recorded state (a later state replaces an earlier one)."""
    out: dict[str, dict[str, Any]] = {}
    for snap in snapshots:
        out[snap["story"]] = snap
    return out


def shown_killed(figures: list[ArticleFigure], show: float | None = None) -> int:
    """The first killed entry's value (0 without one) at the display level ``show``."""
    listed = story_casualties(figures) if show is None else story_casualties(figures, show=show)
    killed = [c for c in listed if c.kind == "killed"]
    return (killed[0].value or 0) if killed else 0


def classify(record: int, shown: int, values: set[int], own_incidents: set[str],
             other_values: set[int], elsewhere: set[int]) -> str:
    if record == 0:
        return "false_death"
    if len(own_incidents) > 1 and shown in other_values and shown != 0:
        return "mixed_other_incident"
    if record in values:
        return "read_not_shown" if shown == 0 else "read_other_shown"
    if record in elsewhere:
        return "split_elsewhere"
    return "none_read" if not values else "other_values"


def scored_stories(arts: list[dict[str, Any]], incidents: dict[str, dict[str, Any]],
                   recorded: dict[str, Any], by_id: bool = False) -> list[dict[str, Any]]:
    """The stories scored (each story's last state whose incident has a killed record): its
    ``figures``, majority incident ``gold``, all its members' incidents ``golds``, ``record``,
    members ``n``, and ``split`` (its incident's articles end in several stories). Members
    are matched to incidents by URL only, as factscheck does (a member whose stored URL
    differs from the input's, e.g. ":80" dropped, matches nothing, and a story whose majority
    is unmatched is not scored); ``by_id`` matches them by the input's id as well, so every
    story is scored."""
    by_url = {x["url"]: x["story"] for x in arts if x.get("url")}
    by_external = {x["id"]: x["story"] for x in arts}

    def gold(external: str, url: str | None) -> str | None:
        return by_url.get(url or "") or (by_external.get(external) if by_id else None)
    member_of = internal_ids(recorded["snapshots"])
    states = last_states(recorded["snapshots"])
    # a member's article may have moved: the story it ends in is the last state holding it
    final_story: dict[str, str] = {}
    for snap in recorded["snapshots"]:
        for i, _ in snap["members"]:
            final_story[i] = snap["story"]
    per_story: dict[str, dict[str, Any]] = {}
    for sid, snap in states.items():
        members = [(i, u) for i, u in snap["members"] if final_story.get(i) == sid]
        if not members:
            continue
        golds = collections.Counter(gold(i, u) for i, u in members)
        if golds.most_common(1)[0][0] is None:
            continue
        golds.pop(None, None)
        figs = [ArticleFigure(**f) for f in snap["figures"]]
        by_gold: dict[str, set[int]] = collections.defaultdict(set)
        for f in figs:
            if f.kind == "killed" and f.value is not None:
                i, u = member_of.get(f.article_id, ("", None))
                by_gold[gold(i, u) or "?"].add(f.value)
        per_story[sid] = {"gold": golds.most_common(1)[0][0], "golds": set(golds),
                          "figures": figs, "by_gold": by_gold, "n": len(members)}
    stories_of: dict[str, list[str]] = collections.defaultdict(list)
    for sid, s in per_story.items():
        stories_of[s["gold"]].append(sid)
    out = []
    for sid, s in per_story.items():
        r = incidents.get(s["gold"])
        if r and r.get("killed") is not None:
            out.append({**s, "story": sid, "record": r["killed"],
                        "split": len(stories_of[s["gold"]]) > 1,
                        "elsewhere": {f.value for o in stories_of[s["gold"]] if o != sid
                                      for f in per_story[o]["figures"] if f.kind == "killed"}})
    return out


def analyse(arts: list[dict[str, Any]], incidents: dict[str, dict[str, Any]],
            recorded: dict[str, Any], by_id: bool = False, show: float | None = None
            ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The counts and the wrong stories (members matched as :func:`scored_stories` says)."""
    counts: collections.Counter[str] = collections.Counter()
    wrong = []
    for s in scored_stories(arts, incidents, recorded, by_id):
        sid, record, split = s["story"], s["record"], s["split"]
        shown = shown_killed(s["figures"], show)
        counts["stories"] += 1
        counts["gold0"] += record == 0
        counts["in_split_incident"] += split
        if shown == record:
            counts["right"] += 1
            continue
        values = {f.value for f in s["figures"] if f.kind == "killed" and f.value is not None}
        others = {(incidents.get(g) or {}).get("killed") for g in s["golds"] - {s["gold"]}}
        label = classify(record, shown, values, s["golds"], {v for v in others if v},
                         s["elsewhere"])
        counts[label] += 1
        counts["wrong_in_split_incident"] += split
        best = {v: max(f.confidence for f in s["figures"] if f.kind == "killed"
                       and f.value == v) for v in values}
        reason = why(s["figures"], record, shown, show) if shown else "none shown"
        counts[f"{label}: {reason}"] += 1
        wrong.append({"story": sid, "class": label, "why": reason, "record": record,
                      "shown": shown, "read": {str(v): c for v, c in sorted(best.items())},
                      "articles": s["n"], "incidents": len(s["golds"]),
                      "split": split})
    return dict(counts), wrong


def why(figures: list[ArticleFigure], record: int, shown: int,
        show: float | None = None) -> str:
    """What gave a wrong shown death value: the record's value is listed (below the level, or
    shown but beaten by a later report), else the shown value came from the title, a word
    ("dies", "a fatal shooting": no counted phrase), a list of victims (a phrase with "and" or
    a comma), or a count written as such; and whether it counts more or fewer than the
    record."""
    of_value = [f for f in figures if f.kind == "killed" and f.value == shown]
    side = "more" if shown > record else "fewer"
    casualties = story_casualties(figures) if show is None else story_casualties(figures, show)
    listed = {c.value: c.shown for c in casualties if c.kind == "killed" and not c.inferred_zero}
    if record in listed:
        return (f"a later report beat the record's shown value ({side})" if listed[record]
                else f"the record's value below the level, another shown ({side})")
    if all(f.start == f.end == 0 for f in of_value):
        return f"title ({side})"
    if all(f.phrase is None for f in of_value):
        return f"word death ({side})"
    if any(f.phrase and (" and " in f.phrase or "," in f.phrase) for f in of_value):
        return f"victim list ({side})"
    return f"count ({side})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("half", type=Path, help="the half as bench/gva_half.py writes it")
    ap.add_argument("replay", type=Path, help="bench/alert_replay.py's record of that half")
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, help="write the wrong stories here (JSON)")
    ap.add_argument("--by-id", action="store_true",
                    help="match members by id as well as URL (score every story)")
    ap.add_argument("--shows", help="comma-separated display levels: right and false deaths")
    a = ap.parse_args()
    arts, incidents, recorded = load(a.half, a.replay, a.data)
    if a.shows:
        for show in (float(t) for t in a.shows.split(",")):
            got, _ = analyse(arts, incidents, recorded, a.by_id, show)
            print(json.dumps({"show": show, **{k: got.get(k, 0) for k in
                                               ("stories", "right", "gold0", "false_death")}}))
        return
    counts, wrong = analyse(arts, incidents, recorded, a.by_id)
    if a.out:
        a.out.write_text(json.dumps(wrong, indent=1), encoding="utf-8")
    print(json.dumps(counts, indent=1))


if __name__ == "__main__":
    main()
