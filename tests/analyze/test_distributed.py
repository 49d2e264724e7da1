"""Analysis on a real Dask LocalCluster (2 worker processes on loopback)."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from europenews.analyze.pipeline import analyze_articles
from europenews.config import Settings
from europenews.contract import analysis_to_dict
from europenews.model import Article

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow


def gva_articles(shared_data: Path, n: int) -> list[Article]:
    """The first ``n`` GVA articles with some text (cut to 3,000 characters, for speed)."""
    out: list[Article] = []
    with (shared_data / "clustering/gva-incidents/articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if len(row["text"]) >= 300:
                out.append(Article(text=row["text"][:3000], id=row["id"], title=row["title"]))
            if len(out) == n:
                break
    return out


def test_distributed_results_equal_in_process(dask_client, nlp, shared_data: Path) -> None:
    from europenews.analyze.backends import DaskBackend

    articles = gva_articles(shared_data, 24)
    engine = DaskBackend(Settings(batch_size=4), client=dask_client)
    remote = [analysis_to_dict(a) for a in engine.analyze(articles)]
    local = [analysis_to_dict(a) for a in analyze_articles(nlp, articles)]
    assert [r["id"] for r in remote] == [a.id for a in articles]
    assert remote == local


def test_distributed_worker_killed_mid_run_loses_nothing(dask_client, shared_data: Path) -> None:
    from europenews.analyze.distributed import analyze_many, register

    register(dask_client, Settings())
    articles = gva_articles(shared_data, 40)
    results = analyze_many(dask_client, articles, batch_size=4, max_in_flight=4)
    seen = [next(results).article.id]
    # Kill one worker process outright (as a crash would); its nanny starts a new one,
    # the scheduler reruns the lost batches elsewhere.
    pids = dask_client.run(os.getpid)
    os.kill(next(iter(pids.values())), signal.SIGKILL)
    seen += [a.article.id for a in results]
    assert seen == [a.id for a in articles]
