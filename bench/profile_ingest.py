"""Where ``ingest`` spends its time: cProfile of the whole flow (read, fingerprint, store,
analyse, link, cluster) on the first N shared GVA articles, analysed in this process so that
one profile sees every stage. Prints the top functions by own time and by cumulative time.

    .venv/bin/python bench/profile_ingest.py [--n 200] [--top 25] [--out /tmp/ingest.prof]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared/data/clustering/gva-incidents"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gva", type=Path, default=DATA / "articles.jsonl")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    from europenews.analyze.pipeline import build_pipeline
    from europenews.config import Settings
    from europenews.stages.ingest import ingest_sources
    from europenews.stages.settings import IngestSettings
    from europenews.store.engine import open_store

    work = Path(tempfile.mkdtemp(prefix="europenews-profile-"))
    source = work / "gva.jsonl"
    with args.gva.open(encoding="utf-8") as src, source.open("w", encoding="utf-8") as dst:
        for n, line in enumerate(src):
            if n >= args.n:
                break
            dst.write(line)
    engine = open_store(f"sqlite:///{work / 'gva.db'}")
    nlp = build_pipeline(Settings())
    profile = cProfile.Profile()
    t0 = time.perf_counter()
    profile.enable()
    summary = ingest_sources([str(source)], engine, nlp, IngestSettings())
    profile.disable()
    took = time.perf_counter() - t0
    engine.dispose()
    print(f"{summary.fetched} articles, {summary.analysed} analysed, {summary.clustered} "
          f"clustered in {took:.1f} s (profiled)")
    if args.out:
        profile.dump_stats(args.out)
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).strip_dirs().sort_stats(key).print_stats(args.top)
        print(out.getvalue())


if __name__ == "__main__":
    main()
