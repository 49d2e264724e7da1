from __future__ import annotations

from sqlalchemy.engine import Engine

from europenews.ingest.fingerprint import article_keys
from europenews.model import Analysis, Article, Entity, Mention
from europenews.store.articles import add_article, save_analysis
from europenews.store.entities import (
    entity_ids_for_name,
    get_entity,
    link_entities,
    refresh_entity_counts,
)


def _store(engine: Engine, text: str, ents: list[tuple[str, str, tuple[str, ...]]],
           published: str = "2024-01-01") -> dict[str, int]:
    article = Article(text=text, published=published)
    keys = article_keys(article)
    entities = tuple(
        Entity(f"e{i}", name, type_, roles, (Mention(0, len(name), name),))
        for i, (name, type_, roles) in enumerate(ents, start=1)
    )
    analysis = Analysis(article=Article(text=text, id=keys.id, published=published),
                        entities=entities)
    with engine.begin() as conn:
        add_article(conn, article, article_id=keys.id, url=None, url_key=None,
                    content_hash=keys.content_hash)
        ids = link_entities(conn, analysis, keys.id)
        save_analysis(conn, keys.id, {}, analysis, ids)
        refresh_entity_counts(conn, list(ids.values()))
    return ids


def test_entities_spelling_variants_are_one_person(engine: Engine) -> None:
    spellings = ["Volodymyr Zelenskyy", "Zelensky", "Volodymyr Zelenskiy", "Volodymyr Zelensky"]
    ids = {_store(engine, f"text {i}", [(name, "person", ())])["e1"]
           for i, name in enumerate(spellings)}
    assert len(ids) == 1
    with engine.connect() as conn:
        entity = get_entity(conn, ids.pop())
    assert entity is not None
    assert entity.article_count == 4
    assert {"Zelensky", "Volodymyr Zelenskiy"} <= set(entity.aliases)


def test_entities_shared_surname_is_not_merged(engine: Engine) -> None:
    joe = _store(engine, "a", [("Joe Biden", "person", ())])["e1"]
    hunter = _store(engine, "b", [("Hunter Biden", "person", ())])["e1"]
    surname = _store(engine, "c", [("Biden", "person", ())])["e1"]
    assert joe != hunter
    assert surname not in (joe, hunter)  # ambiguous surname: kept apart, not guessed


def test_entities_surname_then_full_name_join(engine: Engine) -> None:
    first = _store(engine, "a", [("Kallas", "person", ())])["e1"]
    full = _store(engine, "b", [("Kaja Kallas", "person", ())])["e1"]
    assert first == full
    with engine.connect() as conn:
        entity = get_entity(conn, full)
    assert entity is not None and entity.name == "Kaja Kallas"


def test_entities_roles_are_kept_over_time(engine: Engine) -> None:
    eid = _store(engine, "a", [("Kaja Kallas", "person", ("Prime Minister of Estonia",))],
                 published="2023-05-01")["e1"]
    _store(engine, "b", [("Kaja Kallas", "person", ("EU foreign policy chief",))],
           published="2025-01-10")
    with engine.connect() as conn:
        entity = get_entity(conn, eid)
    assert entity is not None
    assert [r for r, _ in entity.roles] == ["Prime Minister of Estonia", "EU foreign policy chief"]


def test_entities_types_are_not_mixed(engine: Engine) -> None:
    place = _store(engine, "a", [("Georgia", "place", ())])["e1"]
    person = _store(engine, "b", [("Georgia", "person", ())])["e1"]
    assert place != person


def test_entities_name_query_finds_variants(engine: Engine) -> None:
    eid = _store(engine, "a", [("Volodymyr Zelenskyy", "person", ())])["e1"]
    with engine.connect() as conn:
        assert entity_ids_for_name(conn, "Zelenskiy") == [eid]
        assert entity_ids_for_name(conn, "Nobody Known") == []
