"""Hits are kept in the store with the story assignment: once per (rule, story), across
restarts (a new watcher on a reopened store does not fire again)."""

from __future__ import annotations

import json
from pathlib import Path

from europenews.alerts.rules import parse_rule
from europenews.alerts.watch import AlertWatcher
from europenews.stages.ingest import ingest_sources
from europenews.stages.settings import IngestSettings
from europenews.store.alerts import list_hits, save_rule, sync_config_rules
from europenews.store.engine import open_store

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "alerts" / "articles.jsonl"


def _split(tmp_path: Path) -> tuple[Path, Path]:
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(lines[0] + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    return first, second


def test_watch_fires_once_per_story_across_restarts(nlp, db_url: str, tmp_path: Path) -> None:
    first, second = _split(tmp_path)
    rule = parse_rule({"name": "Dayton", "entity": "Marcus Hale"}, "test")
    engine = open_store(db_url)
    with engine.begin() as conn:
        save_rule(conn, rule.name, rule.to_json(), "api")
    watcher = AlertWatcher()
    ingest_sources([str(first)], engine, nlp, IngestSettings(), after_assign=watcher)
    assert watcher.fired == 1
    with engine.connect() as conn:
        hit, = list_hits(conn, "Dayton")
    assert hit.article_count == 1
    engine.dispose()

    # "Restart": a new store handle and a new watcher; the second report joins the story.
    engine = open_store(db_url)
    watcher = AlertWatcher()
    ingest_sources([str(second)], engine, nlp, IngestSettings(), after_assign=watcher)
    with engine.connect() as conn:
        again, = list_hits(conn, "Dayton")
    engine.dispose()
    assert watcher.fired == 0
    assert (again.id, again.story_id, again.fired_at) == (hit.id, hit.story_id, hit.fired_at)
    assert again.article_count == 2  # the hit stands for the story as it grows


def test_watch_config_rules_replace_old_ones_and_keep_api_rules(engine) -> None:
    with engine.begin() as conn:
        save_rule(conn, "mine", json.dumps({"name": "mine", "query": "x"}), "api")
        sync_config_rules(conn, [("a", json.dumps({"name": "a", "query": "a"}))])
        sync_config_rules(conn, [("b", json.dumps({"name": "b", "query": "b"}))])
        from europenews.store.alerts import list_rules

        names = {(r.name, r.origin) for r in list_rules(conn)}
    assert names == {("mine", "api"), ("b", "config")}


def test_watch_a_repeat_hit_is_kept_but_never_listed_or_sent(engine) -> None:
    from sqlalchemy import insert

    from europenews.store.alerts import has_hit, recent_facts, record_hit, undelivered_hits
    from europenews.store.schema import stories

    with engine.begin() as conn:
        for story in ("s1", "s2"):
            conn.execute(insert(stories).values(id=story, article_count=1, source_count=1,
                                                breaking=False))
        assert record_hit(conn, "r", "s1", {"killed": {"value": 4}})
        (first, _), = recent_facts(conn, "r")
        record_hit(conn, "r", "s2", {"killed": {"value": 4}}, same_as=first)
        assert has_hit(conn, "r", "s2")  # so s2 never fires later
        assert [h.story_id for h in list_hits(conn, "r")] == ["s1"]
        assert [h.story_id for h in undelivered_hits(conn, "r", "webhook", "9999")] == ["s1"]
        assert [hid for hid, _ in recent_facts(conn, "r")] == [first]
