"""The one writer's cost without spaCy: ``ingest`` of N shared GVA articles whose analyses are
replayed from a cache, so that what is timed, profiled and counted is the rest of the flow
(store, link, relink, save, cluster) in one process (issue 19).

    # once: analyse the first N GVA articles with text and keep their analyses
    .venv/bin/python bench/store_replay.py prepare --n 300 --cache /tmp/replay
    # or: keep the analyses of a store `ingest` made of any articles file
    .venv/bin/python bench/store_replay.py from-store --db /tmp/s.db --articles A.jsonl \
        --cache /tmp/replay
    # as often as needed: ingest them again into a fresh store, analyses replayed
    .venv/bin/python bench/store_replay.py replay --cache /tmp/replay --db /tmp/r.db \
        [--profile 25] [--export /tmp/out]
    # every row of every table of two such stores (but the run's times)
    .venv/bin/python bench/store_replay.py compare /tmp/before.db /tmp/r.db

``replay`` prints the wall and CPU seconds, the SQL statements issued (counted by a
SQLAlchemy event hook here, not in the package) per analysed article, and with ``--export``
writes ``europenews export --what mentions`` and ``--what stories`` of the store, to compare
two commits byte for byte (the story ids and entity ids included).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pickle
import pstats
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import DATA, _with_text  # the same first-N-with-text selection


class Replay:
    """An analysis backend that gives back the analyses recorded by ``prepare`` (by article
    id, or by url for the copies ``memory`` makes)."""

    name = "replay"

    def __init__(self, payloads: dict[str, dict[str, Any]],
                 by_url: dict[str, dict[str, Any]] | None = None) -> None:
        self.payloads = payloads
        self.by_url = by_url or {}

    def analyze(self, articles: Iterable[Any]) -> Iterator[Any]:
        from europenews.contract import analysis_from_dict

        for article in articles:
            found = self.payloads.get(str(article.id)) or self.by_url[str(article.url)]
            yield analysis_from_dict(found)

    def close(self) -> None:
        pass


def prepare(n: int, cache: Path) -> None:
    from europenews.analyze.backends import make_analyzer
    from europenews.config import Settings
    from europenews.stages.ingest import ingest_sources
    from europenews.stages.settings import IngestSettings
    from europenews.store.engine import open_store

    cache.mkdir(parents=True, exist_ok=True)
    source = cache / "articles.jsonl"
    kept = _with_text(DATA / "gva-incidents" / "articles.jsonl", n, source)
    db = cache / "prepare.db"
    db.unlink(missing_ok=True)
    engine = open_store(f"sqlite:///{db}")
    nlp = make_analyzer(Settings())
    try:
        ingest_sources([str(source)], engine, nlp, IngestSettings(cluster=False))
    finally:
        if hasattr(nlp, "close"):
            nlp.close()
    payloads = _keep_analyses(engine, cache)
    print(f"{kept} articles read, {len(payloads)} analyses kept in {cache}")


def _keep_analyses(engine: Any, cache: Path) -> dict[str, Any]:
    """Every analysis of a store, written as the cache ``replay`` reads."""
    from europenews.store.articles import get_analysis_payloads
    from europenews.store.schema import analyses

    with engine.connect() as conn:
        ids = list(conn.execute(analyses.select().with_only_columns(analyses.c.article_id))
                   .scalars())
        payloads: dict[str, Any] = get_analysis_payloads(conn, ids)
    engine.dispose()
    with (cache / "analyses.pkl").open("wb") as out:
        pickle.dump(payloads, out)
    return payloads


def from_store(store: Path, articles: Path, cache: Path) -> None:
    """A cache from a store that ``ingest`` already made of ARTICLES (any file, not only the
    first N GVA lines), so that the writer can be replayed on those analyses."""
    import shutil

    from europenews.store.engine import open_store

    cache.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(articles, cache / "articles.jsonl")
    payloads = _keep_analyses(open_store(f"sqlite:///{store}"), cache)
    print(f"{len(payloads)} analyses of {store} kept in {cache}")


def replay(cache: Path, db: Path, profile_top: int, export: Path | None,
           callers: list[str]) -> None:
    from sqlalchemy import event

    from europenews.stages.ingest import ingest_sources
    from europenews.stages.settings import IngestSettings
    from europenews.store.engine import open_store

    with (cache / "analyses.pkl").open("rb") as src:
        payloads = pickle.load(src)
    db.unlink(missing_ok=True)
    engine = open_store(f"sqlite:///{db}")
    statements: Counter[str] = Counter()

    @event.listens_for(engine, "before_cursor_execute")
    def count(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        statements[statement.split(None, 1)[0].upper()] += 1

    # CPU time, not wall: the machine is shared, and waiting for a core is no cost of ours.
    profile = cProfile.Profile(time.process_time) if profile_top else None
    t0, c0 = time.perf_counter(), time.process_time()
    if profile:
        profile.enable()
    summary = ingest_sources([str(cache / "articles.jsonl")], engine, Replay(payloads),
                             IngestSettings())
    if profile:
        profile.disable()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    engine.dispose()
    analysed = max(summary.analysed, 1)
    print(json.dumps({
        "fetched": summary.fetched, "analysed": summary.analysed,
        "clustered": summary.clustered, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
        "statements": sum(statements.values()),
        "statements_per_article": round(sum(statements.values()) / analysed, 1),
        "by_kind": dict(statements.most_common()), "profiled": bool(profile)}))
    if profile:
        for key in ("tottime", "cumulative"):
            out = io.StringIO()
            pstats.Stats(profile, stream=out).strip_dirs().sort_stats(key).print_stats(
                profile_top)
            print(out.getvalue())
        for name in callers:
            out = io.StringIO()
            pstats.Stats(profile, stream=out).strip_dirs().print_callers(name)
            print(out.getvalue())
    if export:
        export.mkdir(parents=True, exist_ok=True)
        cli = Path(sys.executable).with_name("europenews")
        for what in ("mentions", "stories"):
            subprocess.run([str(cli), "export", "--format", "jsonl", "--what", what,
                            "--db", f"sqlite:///{db}", "-o", str(export / f"{what}.jsonl")],
                           check=True)


def memory(cache: Path, rounds: int, every: int, top: int, frames: int) -> None:
    """The writer's memory and speed over a growing store without spaCy: the cached articles
    ingested ``rounds`` times into one store under new ids, urls and first line, their
    analyses replayed; every ``every`` rounds the
    seconds so far and the RSS and, with ``frames``, from the second snapshot on what grew
    most since the first (tracemalloc; it slows the run several times over)."""
    import gc
    import tempfile
    import tracemalloc

    from europenews.stages.ingest import ingest_sources, process_pending
    from europenews.stages.settings import IngestSettings
    from europenews.store.engine import open_store

    with (cache / "analyses.pkl").open("rb") as src:
        payloads = pickle.load(src)
    by_old_url = {p["url"]: p for p in payloads.values()}
    rows = [json.loads(line) for line in (cache / "articles.jsonl").open(encoding="utf-8")]
    work = Path(tempfile.mkdtemp(prefix="europenews-replay-memory-"))
    engine = open_store(f"sqlite:///{work / 'long.db'}")
    replay = Replay({})
    if frames:
        tracemalloc.start(frames)
    first = None
    done, began, cpu0 = 0, time.perf_counter(), time.process_time()
    clusterer = None
    for round_ in range(rounds):
        part = work / f"round-{round_}.jsonl"
        with part.open("w", encoding="utf-8") as out:
            for row in rows:
                url = f"https://example.org/r{round_}/{row['id']}"
                if row.get("url") in by_old_url:
                    replay.by_url[url] = by_old_url[row["url"]]
                out.write(json.dumps({**row, "id": f"{row['id']}-r{round_}", "url": url,
                                      "text": f"Round {round_} report. {row['text']}"}) + "\n")
        # Read and stored here, then analysed and clustered by one clusterer kept across
        # rounds, as ``run`` keeps it (``ingest`` would restore a new one from the store).
        summary = ingest_sources([str(part)], engine, None, IngestSettings())
        clusterer = process_pending(engine, replay, IngestSettings(), summary,
                                    clusterer=clusterer)
        done += summary.fetched
        if (round_ + 1) % every:
            continue
        gc.collect()
        rss = 0.0
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
        print(json.dumps({"articles": done, "seconds": round(time.perf_counter() - began),
                          "cpu_s": round(time.process_time() - cpu0, 1),
                          "rss_mb": round(rss)}), flush=True)
        if not frames:
            continue
        snapshot = tracemalloc.take_snapshot().filter_traces(
            [tracemalloc.Filter(False, tracemalloc.__file__)])
        if first is None:
            first = snapshot
            continue
        for stat in snapshot.compare_to(first, "traceback")[:top]:
            frames = [f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno}" for f in stat.traceback
                      if "site-packages" not in f.filename][-4:]
            print(f"  +{stat.size_diff / 2**20:.2f} MB ({stat.count_diff:+d} blocks) "
                  f"{' < '.join(reversed(frames))}")
    engine.dispose()


# Columns that hold the time of the run (or a clock reading): left out of the comparison.
VOLATILE = ("_at", "seen_from", "acquired", "expires", "read_time", "fetched")


def compare(a: Path, b: Path) -> int:
    """Every row of every table of two stores, but the columns that hold the run's time:
    prints the tables that differ, returns how many do."""
    from sqlalchemy import create_engine, select

    from europenews.store.schema import metadata

    differ = 0
    engines = [create_engine(f"sqlite:///{p}") for p in (a, b)]
    for table in metadata.sorted_tables:
        columns = [c for c in table.columns if not any(v in c.name for v in VOLATILE)]
        rows = []
        for engine in engines:
            with engine.connect() as conn:
                rows.append(sorted(map(repr, conn.execute(select(*columns)).all())))
        if rows[0] != rows[1]:
            differ += 1
            extra = sorted(set(rows[0]) ^ set(rows[1]))[:5]
            print(f"{table.name}: {len(rows[0])} / {len(rows[1])} rows differ, e.g. {extra}")
        else:
            print(f"{table.name}: {len(rows[0])} rows, the same")
    return differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--n", type=int, default=300)
    p.add_argument("--cache", type=Path, required=True)
    s = sub.add_parser("from-store")
    s.add_argument("--db", type=Path, required=True, help="a store ingest made of ARTICLES")
    s.add_argument("--articles", type=Path, required=True)
    s.add_argument("--cache", type=Path, required=True)
    r = sub.add_parser("replay")
    r.add_argument("--cache", type=Path, required=True)
    r.add_argument("--db", type=Path, required=True)
    r.add_argument("--profile", type=int, default=0, metavar="TOP")
    r.add_argument("--export", type=Path, default=None)
    r.add_argument("--callers", nargs="*", default=[],
                   help="with --profile: print the callers of these functions")
    m = sub.add_parser("memory")
    m.add_argument("--cache", type=Path, required=True)
    m.add_argument("--rounds", type=int, default=10)
    m.add_argument("--every", type=int, default=2)
    m.add_argument("--top", type=int, default=12)
    m.add_argument("--frames", type=int, default=0,
                   help="tracemalloc frames per allocation (0: RSS only, at full speed)")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.command == "compare":
        raise SystemExit(1 if compare(args.a, args.b) else 0)
    if args.command == "memory":
        memory(args.cache, args.rounds, args.every, args.top, args.frames)
        return
    if args.command == "from-store":
        from_store(args.db, args.articles, args.cache)
    elif args.command == "prepare":
        prepare(args.n, args.cache)
    else:
        replay(args.cache, args.db, args.profile, args.export, args.callers)


if __name__ == "__main__":
    main()
