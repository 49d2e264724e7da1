"""Linking an article's entities to store-wide entities, on evidence.

An article entity links to a stored entity of the same type when the evidence agrees:

- **its name** (a *name* key): the same full name across spellings (:func:`names.name_key`:
  Zelensky / Zelenskiy / Zelenskyy), a full name whose first name agrees (an initial, a
  transliteration: Giannis / Yiannis; a middle name or a "Jr." more or less), a known short
  form seen with the full name in one article ("BGO" beside "Baltic Grid Operators"), or an
  organisation's name without its legal form ("Quillbyte Inc." / "Quillbyte");
- **a short key and shared context**: a surname alone, a misspelt surname, initials or a
  club's last word ("Falcons") link only when the article shares context with the stored entity:
  other entities mentioned in both (rare ones weigh more) or the same role. A bare first name,
  a bare title or a surname without context never links; it starts an entity of its own.

When an article entity links by name, stored entities that go by one of its full names or
only by its initials are merged into the one it links to (``store/entitymerge.py``): one entity per
full name, whatever order the articles came in.

Every link keeps its evidence (``entity_links``), so ``store/relinking.py`` can weigh a link
made on context again when a new full name arrives, and undo it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

from europenews.model import Analysis
from europenews.names import (
    full_names_agree,
    middle_names_clash,
    name_key,
    surname_of,
)
from europenews.store import entitywrites, linkrows, namekeys, soundlink
from europenews.store.crosslang import article_country
from europenews.store.entitymerge import merge_entity, same_thing
from europenews.store.keyrows import key_rows, nickname_holders, read_key_rows
from europenews.store.linklocal import Local as Local
from europenews.store.linklocal import keys_looked_up, local_across_languages, name_like
from europenews.store.linklocal import local_entity as local_entity  # tests, bench
from europenews.store.linkscore import MIN_CONTEXT as MIN_CONTEXT  # for store/relinking.py
from europenews.store.linkscore import ROLE_WEIGHT, LinkEvidence, enough_context
from europenews.store.namehold import full_names_hold, names_agree
from europenews.store.namekeys import NAME, NICK, SHORT, SOUND, first_misspelt
from europenews.store.soundlink import misspelt_candidates, sound_candidates

NEW, BY_NAME, BY_CONTEXT = "new", "name", "context"
# A co-mentioned entity seen in at most RARE articles is full context (linkscore.MIN_CONTEXT).
RARE = 5
# How many of a stored entity's latest articles its context is read from.
CONTEXT_ARTICLES = 200


# --- context ---------------------------------------------------------------------------------


def _weights(conn: Connection, ids: Iterable[int]) -> dict[int, float]:
    """How much sharing each entity says, by rarity over the store (inverse document
    frequency): 1 for one seen in at most RARE articles, little for one in most of them."""
    ids = list(ids)
    if not ids:
        return {}
    total = max(linkrows.article_total(conn), 1)
    scale = math.log(max(total / RARE, 2.0))
    return {eid: min(1.0, max(math.log(total / max(count, 1)), 0.0) / scale)
            for eid, count in linkrows.article_counts(conn, ids)}


def _role_words(roles: Iterable[str]) -> set[str]:
    return {r.lower().split()[-1] for r in roles if r.split()}


def _stored_role_words(conn: Connection, entity_id: int, skip: str | None = None) -> set[str]:
    return _role_words(linkrows.roles_of(conn, entity_id, skip))


def context_parts(conn: Connection, entity_id: int, context: set[int], roles: Sequence[str],
                  skip: str | None = None) -> tuple[float, bool]:
    """How well an article's context fits a stored entity: the entities both mention, weighted
    by rarity, and whether the article gives it a role the store knows."""
    shared = linkrows.shared_companions(conn, entity_id, CONTEXT_ARTICLES, context, skip)
    role = bool(roles) and bool(_role_words(roles) & _stored_role_words(conn, entity_id, skip))
    return sum(_weights(conn, shared).values()), role


def context_score(conn: Connection, entity_id: int, context: set[int], roles: Sequence[str],
                  skip: str | None = None) -> float:
    """:func:`context_parts` as one score: shared entities plus ROLE_WEIGHT for a role."""
    shared, role = context_parts(conn, entity_id, context, roles, skip)
    return shared + (ROLE_WEIGHT if role else 0.0)


# --- candidates ------------------------------------------------------------------------------


def _person_candidates(conn: Connection, local: Local) -> tuple[set[int], set[int]]:
    """(linked by name, linked only with context) for a person."""
    surname = surname_of(local.key)
    full: dict[int, set[str]] = {}
    for entity_id, key in linkrows.surname_keys(conn, surname):
        full.setdefault(entity_id, set())
        if len(key.split()) > 1:
            full[entity_id].add(key)
    misspelt = misspelt_candidates(conn, local.key)
    if local.single:
        return set(), set(full) | misspelt  # a surname alone: any of them, with context
    # Never a person also known by a full name whose middle names clash (H.W. / W. Bush).
    strong = {e for e, keys in full.items() if any(full_names_agree(local.key, k) for k in keys)
              and not any(middle_names_clash(local.key, k) for k in keys)}
    # A full name completes a person known so far by the surname alone, given context; it
    # never joins a person with another first name ("Hunter Biden" is not "Joe Biden"), only
    # one whose first name is spelt a letter apart ("Malcom" / "Malcolm") or is its short
    # form ("Mo" / "Maurice"), given context.
    weak = {e for e, keys in full.items() if not keys or any(
        first_misspelt(local.key, k) or namekeys.first_nickname(local.key, k) for k in keys)}
    strong |= nickname_holders(conn, local.nicknames, local.key, found=bool(full))
    return strong, (weak | misspelt) - strong


def _candidates(conn: Connection, local: Local) -> tuple[set[int], set[int]]:
    """Stored entities this one may be: (by name, only with context)."""
    if local.is_person:
        strong, weak = _person_candidates(conn, local)
        if local.foreign:  # Wołodymyra Zełenskiego, Selenskyj: the same sound, declined
            by_sound, with_context = sound_candidates(conn, local.key)
            strong, weak = strong | by_sound, weak | with_context
        return strong, weak - strong
    if local.generic:
        return set(), set()  # a new entity of its own, found by nothing stored
    rows = key_rows(conn, local.entity.type, local.names | local.shorts)
    strong = {e for e, key, kind in rows if kind == NAME and key in local.names}
    full = {k for k in local.names if len(k.split()) > 1}
    exact = {e for e, key, kind in rows if kind == NAME and key in full}
    if exact and not local.foreign:
        # Beside a stored entity of this very full name, one found only by a short form whose
        # full names are another body's is not this one ("MPD" beside "Milwaukee Police
        # Department" is not the "MPD" an article on the Memphis police left). Not in other
        # languages, whose names are keyed by stems and gazetteers: SlavicNER dev lost 0.0012.
        strong = exact | {e for e in strong - exact
                          if full_names_hold(full | set(_name_keys(conn, e)))}
    # Short forms both ways, and shared ones ("Lindgren Centre" / "Lindgren Center" both short
    # for "Lindgren"): only ever with context.
    weak = {e for e, key, kind in rows
            if (kind == SHORT and key in local.names) or key in local.shorts}
    if not local.single:
        linkrows.read_keys_of_kind(conn, weak - strong, NAME)  # one query, not one each
        weak = {e for e in weak - strong if names_agree(conn, local.key, e)}
    return strong, weak - strong


# --- writing ---------------------------------------------------------------------------------


def _count(conn: Connection, entity_id: int) -> int:
    return linkrows.article_count(conn, entity_id)


def link_evidence(conn: Connection, local: Local, candidate: int, candidates: int,
                  context: set[int]) -> LinkEvidence:
    """What a candidate has for it when the article entity may link to it only on context."""
    shared, role = context_parts(conn, candidate, context, local.entity.roles)
    return LinkEvidence(shared=shared, role=role, candidates=candidates,
                        named=len(_name_keys(conn, candidate)) > 0, single=local.single,
                        person=local.is_person, acronym=local.entity.name.isupper(),
                        size=_count(conn, candidate), mentions=len(local.entity.mentions))


def accept_link(evidence: LinkEvidence) -> float | None:
    """How well the candidate fits, when well enough to link (``linkscore.enough_context``: a
    trained model did no better on the development topics, docs/benchmarks-archive.md)."""
    return enough_context(evidence)


def _by_context(conn: Connection, local: Local, candidates: set[int],
                context: set[int]) -> int | None:
    """The candidate the article's context fits best, if it fits well enough: MIN_CONTEXT, or
    half of it when the candidate is the one person the store knows by that surname (a surname
    alone still never links without shared context)."""
    best: tuple[float, int, int] | None = None
    linkrows.read_counts(conn, candidates)
    for c in candidates:
        evidence = link_evidence(conn, local, c, len(candidates), context)
        p = accept_link(evidence) if evidence.shared > 0 or evidence.role else None
        score = (p or 0.0, evidence.size, -c)
        if p is not None and (best is None or score > best):
            best = score
    return None if best is None else -best[2]


def _name_keys(conn: Connection, entity_id: int) -> list[str]:
    """The multi-word name keys of a stored entity (none for one known by a surname alone)."""
    return [k for k in linkrows.keys_of_kind(conn, entity_id, NAME) if len(k.split()) > 1]


def _written_before(conn: Connection, local: Local, weak: set[int]) -> set[int]:
    """The candidates an earlier article wrote by this very name of several words, a fuller
    name than the one they go by, though it lent them no name key (it joined on context:
    "Yida Refugee Camp" beside "Yida"; the name stays a short key, so they are among the
    candidates that need context): the same full name again is the same organisation or
    place. A shorter form that joined on context ("Lindgren Recovery" for "Lindgren Recovery
    Center") stays a form that needs context."""
    if local.is_person or local.generic or local.single or not weak:
        return set()
    words = set(local.key.split())
    written = weak & linkrows.alias_holders(conn, local.entity.type,
                                            (k for k in local.names if len(k.split()) > 1))
    return {c for c in written if set(entitywrites.entity_row(conn, c).key.split()) < words}


def _needs_context(local: Local) -> bool:
    """A surname alone or an acronym ("BGO"): whoever it names is decided by context."""
    return local.single and (local.is_person or local.entity.name.isupper())


def _choose(conn: Connection, local: Local, context: set[int] | None,
            seen: dict[str, tuple[set[int], set[int]]] | None = None) -> tuple[int | None, str]:
    """The stored entity to link to and the evidence; ``(None, "new")`` for a new entity.

    With ``context`` None (the first pass) a link that needs context is put off:
    ``(None, "context")``. ``seen`` keeps each local entity's candidates while nothing is
    written (one article's passes)."""
    seen = {} if seen is None else seen
    if local.entity.id not in seen:
        seen[local.entity.id] = _candidates(conn, local)
    strong, weak = seen[local.entity.id]
    if _needs_context(local):
        weak, strong = weak | strong, strong  # the same acronym may still be another body
    elif strong or (written := _written_before(conn, local, weak)):
        linkrows.read_counts(conn, strong or written)
        scored = [(context_score(conn, c, context or set(), local.entity.roles),
                   _count(conn, c), -c) for c in strong or written]
        # A name written before lends no key that names the entity on its own either (see
        # _add_keys): the link counts as one made on context, and relinking may weigh it again.
        return -max(scored)[-1], BY_NAME if strong else BY_CONTEXT
    if not weak:
        return None, NEW
    if context is None:
        return None, BY_CONTEXT
    found = _by_context(conn, local, weak, context)
    if found is not None:
        return found, BY_CONTEXT
    if strong:  # "BGO" seen alone before, and nothing here says it is another one
        return max(strong, key=lambda c: (_count(conn, c), -c)), BY_NAME
    return None, NEW


def _add_keys(conn: Connection, entity_id: int, local: Local, evidence: str) -> None:
    if local.generic:
        return  # no key: no later name finds it, and relinking never weighs it again
    wanted = {(k, NAME) for k in local.names} | {(k, SHORT) for k in local.shorts}
    if local.is_person and local.single:
        wanted = {(local.key, SHORT)}  # a surname alone never names a person on its own
    elif evidence == BY_CONTEXT and not local.is_person:
        # A link made on context alone lends the entity no key that names it on its own, nor
        # new short words: otherwise each such link widens what links next, and one
        # organisation swallows dozens ("Press", "Air", "Medical Center" chained together).
        wanted = {(k, SHORT) for k in local.names}
    if local.is_person:  # for people named in other languages (store/soundlink.py)
        wanted |= {(k, SOUND) for k in soundlink.sound_keys(local.key)}
        wanted |= {(k, NICK) for k in local.nicknames}
    have = entitywrites.keys_of(conn, entity_id)
    entitywrites.add_keys(conn, [{"entity_id": entity_id, "key": k, "kind": kind}
                                for k, kind in wanted - have if k])


def add_aliases(conn: Connection, entity_id: int, texts: Iterable[str]) -> None:
    have = entitywrites.aliases_of(conn, entity_id)
    entitywrites.add_aliases(conn, [{"entity_id": entity_id, "alias": a, "alias_key": name_key(a)}
                                   for a in dict.fromkeys(t.strip() for t in texts)
                                   if a and a not in have])


def _new_row(local: Local, published: str | None) -> dict[str, object]:
    e = local.entity
    surname = surname_of(local.key) if local.is_person else None
    return {"name": local.shown or e.name, "type": e.type, "key": local.key, "surname_key": surname,
            "first_seen": published, "last_seen": published, "article_count": 0}


def _update(conn: Connection, entity_id: int, local: Local, published: str | None,
            evidence: str) -> None:
    row = entitywrites.entity_row(conn, entity_id)
    values: dict[str, Any] = {}
    # An organisation or place is renamed only by a name that links on its own: a longer name
    # that joined on context ("New Orleans Saints Twitter" beside "Twitter") is often the
    # recogniser's run-on, not the body's full name.
    renames = evidence == BY_NAME or (evidence == BY_CONTEXT and row.type == "person")
    name = local.shown or local.entity.name
    if renames and name != row.name and namekeys.better_name(row.name, name, row.type):
        values.update(name=name, key=local.key)
    if published and (row.first_seen is None or published < row.first_seen):
        values["first_seen"] = published
    if published and (row.last_seen is None or published > row.last_seen):
        values["last_seen"] = published
    if values:
        entitywrites.update_entity(conn, entity_id, values)


def _two_people(a: Local, b: Local) -> bool:
    """Whether two persons of one article are shown by their full names to be two people
    ("Nancy Reagan" and "Ronald Reagan"), not one written two ways ("Theresy May" / "Theresa
    May", "Mo" / "Maurice")."""
    if a.single or b.single or not (a.is_person and b.is_person):
        return False
    return not (full_names_agree(a.key, b.key) or full_names_agree(b.key, a.key)
                or first_misspelt(a.key, b.key) or namekeys.first_nickname(a.key, b.key))


def _apart(final: list[tuple[Local, int | None, str]]) -> list[tuple[Local, int | None, str]]:
    """Undo the links that would make two people of the article one stored person.

    An article naming two people of one surname shows that the surname alone is ambiguous:
    a stored person known so far by that surname alone is completed by neither of them (the
    article that wrote it may have meant either), and one known by a full name keeps only the
    article's person whose name it holds."""
    claims: dict[int, list[int]] = {}
    for n, (local, found, _) in enumerate(final):
        if found is not None and local.is_person and not local.single:
            claims.setdefault(found, []).append(n)
    undo: set[int] = set()
    for rows in claims.values():
        if not any(_two_people(final[i][0], final[j][0]) for i in rows for j in rows if i < j):
            continue
        by_name = [n for n in rows if final[n][2] == BY_NAME]
        keep = by_name[0] if len(by_name) == 1 else None
        undo.update(n for n in rows if n != keep)
    return [(local, None, NEW) if n in undo else (local, found, evidence)
            for n, (local, found, evidence) in enumerate(final)]


def _link_order(local: Local) -> tuple[int, int]:
    return (int(_needs_context(local)), -len(local.key))


def link_entities(conn: Connection, analysis: Analysis, article_id: str) -> dict[str, int]:
    """Link each of the article's entities to a store-wide entity (creating it if new).

    Returns local id (``e1``) → store-wide id, records the evidence of every link and the roles
    the article gives. Call :func:`europenews.store.relinking.settle_links` once the article's
    rows are saved.
    """
    published = analysis.article.published
    # Re-analysis links again what it linked before (same local entity, same name): a re-run
    # stores nothing twice.
    before = linkrows.forget_links(conn, article_id)
    language = analysis.article.language
    country = article_country(analysis.entities, language)
    locals_ = sorted((lo for lo in (local_across_languages(e, language, country)
                                    for e in analysis.entities) if lo is not None),
                     key=_link_order)
    out: dict[str, int] = {}
    link_rows: list[dict[str, object]] = []
    seen: dict[str, tuple[set[int], set[int]]] = {}  # candidates: nothing is written yet
    # Two article entities can link to one stored entity (*Theresy May* and *Theresa May*, now
    # one person): a role both give is stored once.
    roles_seen: set[tuple[int, str]] = set()
    linkrows.hold_reads(conn)  # nothing is written until the passes end
    read_key_rows(conn, keys_looked_up(locals_))  # one query per type, not one per entity
    linkrows.read_surname_keys(conn, {surname_of(lo.key) for lo in locals_ if lo.is_person})
    decided = [(local, *(before.get((local.entity.id, local.key))
                         or _choose(conn, local, None, seen))) for local in locals_]
    # Names that link (or start an entity) on their own go first: they are the context the
    # links put off are judged by.
    decided.sort(key=lambda d: d[2] == BY_CONTEXT and d[1] is None)
    # Links put off are decided with the context linked so far, again while one of them links
    # (a surname linked to its person is context for another surname of the same article).
    pending = [d for d in decided if d[1] is None and d[2] == BY_CONTEXT]
    settled: dict[str, tuple[int, str]] = {}
    ready = {lo.entity.id: eid for lo, eid, _ in decided if eid is not None}
    for _ in range(len(pending)):
        progress = False
        for local, _, _ in pending:
            if local.entity.id in settled:
                continue
            entity_id, evidence = _choose(conn, local, set(ready.values()), seen)
            if entity_id is not None:
                settled[local.entity.id] = (entity_id, evidence)
                ready[local.entity.id] = entity_id
                progress = True
        if not progress:
            break
    final = [(local, *((entity_id, evidence) if entity_id is not None or evidence != BY_CONTEXT
                       else settled.get(local.entity.id, (None, NEW))))
             for local, entity_id, evidence in decided]
    final = _apart(final)
    # Which stored entities each link by name shows to be one, while reads are held: what
    # they read (keys) is not written before the article's flush, below.
    linkrows.read_keys_of_kind(conn, {e for _, e, how in final if how == BY_NAME and e}, NAME)
    same = [same_thing(conn, local, found, seen[local.entity.id][0])
            if found is not None and evidence == BY_NAME and local.entity.id in seen else []
            for local, found, evidence in final]
    linkrows.release_reads(conn)
    entitywrites.begin(conn, ready.values())  # their rows, keys and aliases in three reads
    # The article's new entities in one statement (generic names make many); new entities of
    # one name in one article (*Madryt*, *Madrytu*: both *Madrid*) are one.
    fresh = [lo for lo, found, _ in final if found is None]
    twins_before = [lo.twin for lo in fresh]  # each computed once: a name key each time
    firsts = [lo for n, lo in enumerate(fresh)
              if twins_before[n] is None or twins_before[n] not in set(twins_before[:n])]
    created = iter(linkrows.insert_entities(conn, [_new_row(lo, published) for lo in firsts]))
    twins: dict[tuple[str, str] | None, int] = {}
    merges: list[tuple[int, int]] = []  # (stored entity, the one it is merged into)
    for (local, found, evidence), others in zip(final, same, strict=True):
        entity_id = found if found is not None else twins.get(local.twin) if local.twin else None
        if found is None and entity_id is not None:
            evidence = BY_NAME
        elif entity_id is None:
            entity_id = twins[local.twin] = next(created)
        else:
            merges += [(other, entity_id) for other in others]
        _update(conn, entity_id, local, published, evidence)
        _add_keys(conn, entity_id, local, evidence)
        add_aliases(conn, entity_id, [local.entity.name, *name_like(local.entity, local.key)])
        out[local.entity.id] = entity_id
        link_rows.append({"article_id": article_id, "local_id": local.entity.id,
                          "key": local.key, "evidence": evidence})
        new_roles = [r for r in dict.fromkeys(local.entity.roles)
                     if (entity_id, r) not in roles_seen]
        roles: list[dict[str, object]] = [
            {"entity_id": entity_id, "role": r, "article_id": article_id, "published": published}
            for r in new_roles]
        roles_seen.update((entity_id, r) for r in new_roles)
        linkrows.insert_roles(conn, roles)
    entitywrites.flush(conn)
    linkrows.insert_links(conn, link_rows)
    # Two stored entities this article shows to be one are merged, in any article order.
    gone: dict[int, int] = {}
    for other, chosen in merges:
        while chosen in gone:
            chosen = gone[chosen]
        if other in gone or other == chosen:
            continue
        merge_entity(conn, other, chosen)
        gone[other] = chosen
        out = {k: chosen if v == other else v for k, v in out.items()}
    return out
