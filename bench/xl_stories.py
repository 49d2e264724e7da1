"""Stories across languages on SlavicNER: are articles joined across languages about the same topic?

SlavicNER (``../shared/data/multilingual/slavicner/documents.jsonl``) holds news articles in
six languages (bg, cs, pl, ru, sl, uk) on a few topics. Its topics are broad (all of Brexit),
so it has no story labels: a topic holds many stories. What it can measure is *precision at
topic level*: of the pairs of articles in different languages that the clusterer put in one
story, how many are about the same topic. A pair across topics is certainly wrong; a pair
within a topic may still be two stories of that topic, so the figure is an upper bound on the
story-level precision. Recall has no meaning here (a topic is not a story); the script also
prints how many articles joined a story in another language, for scale.

The articles go through what ``ingest`` does, in a fresh SQLite store: stored (in a seeded
shuffled order, as a stream mixing languages would arrive), analysed (names, entities, places;
with ``--gold-mentions`` the gold name spans replace the recognised ones), entities linked
store-wide, then clustered as the clustering stage does (the stored analyses with their
store-wide entity ids, in the stage's order). The documents are undated.

    .venv/bin/python bench/xl_stories.py --topics asia_bibi,ryanair          # development
    .venv/bin/python bench/xl_stories.py --topics brexit,covid-19            # report, once
    .venv/bin/python bench/xl_stories.py --topics asia_bibi,ryanair --no-across   # baseline
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from functools import partial
from pathlib import Path

from europenews.analyze.pipeline import build_pipeline
from europenews.config import settings_from_env
from europenews.evaluate.entities import (
    _analyse,
    _article_id,
    _store_article,
    read_documents,
)
from europenews.stages.analysis import store_analysis
from europenews.stages.clustering import _stored_item, _with_linked
from europenews.stages.writer import DirectWriter
from europenews.store.articles import STATUS_ANALYSED, articles_with_status, get_analysis_payloads
from europenews.store.engine import open_store
from europenews.stories import across
from europenews.stories.cluster import OnlineClusterer

DATA = Path(__file__).resolve().parents[2] / "shared/data/multilingual/slavicner/documents.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--topics", required=True, help="comma-separated topics")
    ap.add_argument("--seed", type=int, default=1, help="order of the shuffled stream")
    ap.add_argument("--gold-mentions", action="store_true")
    ap.add_argument("--no-across", action="store_true", help="word route only (baseline)")
    ap.add_argument("--min-shared", type=int, default=across.MIN_SHARED)
    ap.add_argument("--min-cosine", type=float, default=across.MIN_COSINE)
    ap.add_argument("--grid", action="store_true",
                    help="no route, then every MIN_SHARED 1-3 x MIN_COSINE 0.1-0.3")
    ap.add_argument("--store", type=Path, default=None,
                    help="keep the analysed store here and reuse it when it exists")
    ap.add_argument("--limit", type=int, default=None, help="documents per topic and language")
    args = ap.parse_args()

    topics = set(args.topics.split(","))
    records = {}
    with args.data.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            records[r["id"]] = (r["topic"], r["language"])
    docs = [d for d in read_documents(args.data) if records[d.id][0] in topics]
    if args.limit:
        per: Counter[tuple[str, str]] = Counter()
        kept = []
        for d in docs:
            per[records[d.id]] += 1
            if per[records[d.id]] <= args.limit:
                kept.append(d)
        docs = kept
    random.Random(args.seed).shuffle(docs)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="europenews-xl-") as folder:
        path = args.store or Path(folder) / "xl.db"
        fresh = not path.exists()
        engine = open_store(f"sqlite:///{path}")
        writer = DirectWriter(engine)
        try:
            if fresh:  # an existing --store holds these analyses already (same arguments)
                nlp = build_pipeline(settings_from_env())
                for gold in docs:
                    article_id = _article_id(gold)
                    writer.write(partial(_store_article, article=gold.article,
                                         article_id=article_id))
                    store_analysis(writer, article_id, _analyse(nlp, gold, args.gold_mentions))
            analysed = time.perf_counter()
            # What the clustering stage gives the clusterer: each stored analysis with its
            # store-wide entity ids, in the stage's order.
            with engine.connect() as conn:
                order = [a.id for a in articles_with_status(conn, [STATUS_ANALYSED])]
                payloads = get_analysis_payloads(conn, order)
            items = _with_linked(engine, {i: _stored_item(payloads[i]) for i in order})
        finally:
            engine.dispose()
    label = {_article_id(d): records[d.id] for d in docs}
    grid = ([(10**9, 1.0)] + [(s, c) for s in (1, 2, 3) for c in (0.1, 0.15, 0.2, 0.25, 0.3)]
            if args.grid else [(10**9 if args.no_across else args.min_shared, args.min_cosine)])
    for min_shared, min_cosine in grid:
        across.MIN_SHARED, across.MIN_COSINE = min_shared, min_cosine
        clustering = time.perf_counter()
        clusterer = OnlineClusterer()
        story_of = {i: clusterer.assign(items[i]).story_id for i in order}
        story_of = {i: clusterer.resolve(s) for i, s in story_of.items()}
        result = _scores(story_of, label)
        print(json.dumps({
            "data": str(args.data), "topics": sorted(topics), "seed": args.seed,
            "gold_mentions": args.gold_mentions, "across": min_shared < 10**9,
            "min_shared": across.MIN_SHARED, "min_cosine": across.MIN_COSINE,
            "documents": len(docs), **result,
            "analysis_s": round(analysed - started, 1),
            "cluster_s": round(time.perf_counter() - clustering, 1),
        }))
    return 0


def _scores(story_of: dict[str, str], label: dict[str, tuple[str, str]]) -> dict[str, object]:
    members: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for article_id, story_id in story_of.items():
        members[story_id].append(label[article_id])
    pairs: Counter[str] = Counter()
    joined_across = 0
    for group in members.values():
        if len({lang for _, lang in group}) > 1:
            joined_across += len(group)
        for (t1, l1), (t2, l2) in itertools.combinations(group, 2):
            kind = "cross" if l1 != l2 else "same"
            pairs[f"{kind}_{'topic' if t1 == t2 else 'other'}"] += 1

    def precision(kind: str) -> float | None:
        total = pairs[f"{kind}_topic"] + pairs[f"{kind}_other"]
        return round(pairs[f"{kind}_topic"] / total, 4) if total else None

    sizes = sorted((len(g) for g in members.values()), reverse=True)
    return {
        "stories": len(members), "largest_stories": sizes[:3],
        "cross_language_pairs": {"same_topic": pairs["cross_topic"],
                                 "other_topic": pairs["cross_other"],
                                 "topic_precision": precision("cross")},
        "same_language_pairs": {"same_topic": pairs["same_topic"],
                                "other_topic": pairs["same_other"],
                                "topic_precision": precision("same")},
        "articles_in_multilingual_stories": joined_across,
    }


if __name__ == "__main__":
    sys.exit(main())
