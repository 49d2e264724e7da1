"""Canonical entities within one article: one entity per real-world thing, with roles.

``europenews_gazetteer`` (``gazetteer.py``) corrects the model's spans with known places and
organisations; ``europenews_entities`` then resolves the spans across the document
(``resolve.py``: cleaning, layout cues, document-wide label agreement), groups the mentions
of each person, organisation, place or other name into one entity (full name, surname and
transliteration variants; "EU" and "European Union"), reads people's roles (``roles.py``)
and links descriptions ("the president", "the bloc") to the entity they refer to.
Descriptions are mentions of the entity but not ``doc.ents``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from europenews.analyze.entities.canonical import NAME_LABELS
from europenews.analyze.entities.described import described_one, description_noun
from europenews.analyze.entities.lexicon import EntityLexicon
from europenews.analyze.entities.pronouns import refer_pronouns
from europenews.analyze.entities.roles import find_roles, merge_roles
from europenews.model import Entity, Mention
from europenews.names import (
    DESIGNATORS,
    body_subject,
    core_key,
    inverted_key,
    name_key,
    nicknamed,
    person_words,
    surname_of,
    word_key,
)

LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "misc",
    "EVENT": "misc",
    "WORK_OF_ART": "misc",
    "LAW": "misc",
    "PRODUCT": "misc",
    "LANGUAGE": "misc",
}
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "&", "de"})
# How far back a description may point to the person it names (tokens).
DESCRIPTION_REACH = 400


@dataclass(slots=True)
class _Group:
    """Mentions gathered for one entity while reading the document."""

    type: str
    label: str
    names: list[Span] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # name keys of the names
    extra: list[tuple[int, int]] = field(default_factory=list)  # description token ranges
    roles: list[str] = field(default_factory=list)
    canonical: str | None = None
    full: Span | None = None  # the first of the longest names
    lowers: set[str] = field(default_factory=set)  # lower-cased names
    lowers_upper: set[str] = field(default_factory=set)  # one-word ALL-CAPS names (acronyms)
    initials: set[str] = field(default_factory=set)  # initials of multi-word names
    last_words: set[str] = field(default_factory=set)  # last words of multi-word names
    cores: set[str] = field(default_factory=set)  # name keys without legal forms ("Inc.")
    # What a department or ministry is named for ("interior" for "Interior Department").
    subjects: set[str] = field(default_factory=set)
    # A club's name before its plural nickname ("creighton" for "Creighton Bluejays").
    homes: set[str] = field(default_factory=set)

    def add(self, span: Span, key: str) -> None:
        self.names.append(span)
        self.keys.add(key)
        self.lowers.add(span.text.lower())
        self.cores.add(core_key(key))
        subject = body_subject(core_key(key)) if len(span) > 1 else ""
        if subject:
            self.subjects.add(subject)
        if len(span) == 1 and span.text.isupper():
            self.lowers_upper.add(span.text)
        elif len(span) > 1:
            self.initials.add(_initials(span))
            self.last_words.add(span[-1].lower_)
            if self.type == "organization" and _nickname(span[-1]):
                self.homes.add(name_key(span[:-1].text))
        if self.full is None or len(span) > len(self.full):
            self.full = span

    def last_before(self, i: int) -> int:
        return max((s.start for s in self.names if s.start < i), default=-1)


def _initials(span: Span) -> str:
    """'ECB' for "European Central Bank" (legal forms left out: "BGO" for "Baltic Grid
    Operators Inc.")."""
    return "".join(
        t.text[0] for t in span
        if t.lower_ not in FUNCTION_WORDS and t.text[:1].isupper()
        and word_key(t.text) not in DESIGNATORS
    )


def _nickname(token: Token) -> bool:
    """A club's plural nickname ending its name ("Bluejays", "Tar Heels", "76ers")."""
    return (token.tag_ == "NNPS" or (token.text[-1:] == "s" and token.text[:1].isupper()
                                     and len(token) > 3)) and not token.is_upper


def _person_group(span: Span, key: str, persons: list[_Group]) -> _Group | None:
    for group in persons:
        if key in group.keys:
            return group
    words = person_words(key)
    if not words:
        return None
    last = words[-1]
    if len(span) == 1:
        candidates = [g for g in persons if g.keys and _surname(g) == last]
        if not candidates:  # a first name alone, as in sports reports and profiles
            candidates = [g for g in persons if _full_key(g).split()[0] == last]
        return max(candidates, key=lambda g: g.last_before(span.start), default=None)
    for group in persons:
        full_words = person_words(_full_key(group))
        if len(words) < len(full_words) and full_words[-len(words) :] == words:
            return group  # "von der Leyen" after "Ursula von der Leyen"
    first = span[0].text.rstrip(".")
    for group in persons:
        full = group.full
        if (
            full is not None
            and len(full) > 1
            and _surname(group) == last
            and full[0].text.startswith(first)
        ):
            return group
    return None


def _full_key(group: _Group) -> str:
    assert group.full is not None
    return name_key(group.full.text) or group.full.text.lower()


def _surname(group: _Group) -> str:
    return surname_of(_full_key(group))


def _org_group(span: Span, groups: list[_Group], canon: str | None,
               alone: frozenset[str] = frozenset()) -> _Group | None:
    text = span.text
    initials = _initials(span) if len(span) > 1 else ""
    core = core_key(name_key(text))
    for group in groups:
        if group.type != "organization":
            continue
        if canon is not None and group.canonical == canon:
            return group
        if text.lower() in group.lowers or core in group.cores:
            return group  # "Quillbyte" and "Quillbyte Inc."
        if len(span) > 1 and inverted_key(core) in group.cores:
            return group  # "Department of Interior" after "Interior Department"
        if len(span) == 1 and core in group.subjects:
            return group  # "Interior" beside "Interior Department"
        if (name_key(text) in group.homes and group.full is not None
                and group.full[-1].lower_ in alone):
            return group  # "Creighton" (the club) beside "Creighton Bluejays" and "Bluejays"
        if len(span) == 1 and text.isupper() and text in group.initials:
            return group  # "ECB" after "European Central Bank"
        if initials and initials in group.lowers_upper:
            return group  # "European Central Bank" after "ECB"
        if len(span) == 1 and text.lower() in group.last_words:
            return group  # "the Commission" after "European Commission"
    return None


def _group_names(ents: list[Span], lexicon: EntityLexicon, role_tokens: set[int]) -> list[_Group]:
    groups: list[_Group] = []
    persons: list[_Group] = []
    # One-word organisation names: a club's nickname must stand alone too ("the Bluejays").
    alone = frozenset(e[0].lower_ for e in ents if len(e) == 1 and e.label_ == "ORG")
    # Full names first, so that a surname before the full name still finds its person, and a
    # club's last word in a headline ("Falcons Win") its full name further down; a name with
    # a nickname before them all, so that the nickname alone finds its person too.
    order = sorted(
        (e for e in ents if e.label_ in NAME_LABELS),
        key=lambda e: (len(e) == 1 or e.label_ not in ("PERSON", "ORG"), e.label_ != "PERSON",
                       not (e.label_ == "PERSON" and nicknamed(e.text)), e.start),
    )
    for ent in order:
        etype = LABEL_TYPES[ent.label_]
        if etype == "misc" and any(i in role_tokens for i in range(ent.start, ent.end)):
            continue  # "German" in "German Foreign Minister ...": part of the role
        if etype == "person" and description_noun(ent, lexicon.cast) is not None:
            continue  # "Eastbrook man": attached to whom it describes once roles are known
        group: _Group | None
        canon = None
        nick = nicknamed(ent.text) if etype == "person" else None
        key = name_key(nick[0] if nick else ent.text)
        if etype == "person":
            group = _person_group(ent, key, persons)
        elif etype == "organization":
            canon = lexicon.canonical.get(ent.text)
            group = _org_group(ent, groups, canon, alone)
        else:
            group = next((g for g in groups if g.type == etype and key in g.keys), None)
        if group is None:
            group = _Group(etype, ent.label_, canonical=canon)
            groups.append(group)
            if etype == "person":
                persons.append(group)
        group.add(ent, key)
        if nick:  # "The Jaw" alone is Carmine "The Jaw" Falcone
            group.keys.add(name_key(nick[1]))
    return groups


def _described(ents: list[Span], groups: list[_Group], lexicon: EntityLexicon) -> None:
    """Join each described person ("Eastbrook man") to the named person it can only be, or
    give it an entity of its own."""
    persons = [g for g in groups if g.type == "person"]
    for ent in ents:
        noun = description_noun(ent, lexicon.cast) if ent.label_ == "PERSON" else None
        if noun is None:
            continue
        found = described_one(noun, persons, lexicon.cast)
        if found is not None:
            found.extra.append((ent.start, ent.end))
        else:
            group = _Group("person", ent.label_)
            group.add(ent, name_key(ent.text))
            groups.append(group)


# What a nationality heads when it stands for a person ("the 35-year-old Canadian never
# got up", "stopping the Canadian"): a subject or an object, not a modifier.
PERSON_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"})


def _nationals(doc: Doc, groups: list[_Group], lexicon: EntityLexicon) -> None:
    """A nationality standing for a person ("Klitschko floored Thompson, and the American never
    recovered") is a mention of the nearest person named before it in the same sentence, unless
    that person's roles give another nationality; otherwise it stays a name of its own."""
    demonyms = lexicon.titles.demonyms
    persons = [g for g in groups if g.type == "person"]
    for group in [g for g in groups if g.label == "NORP"]:
        for span in list(group.names):
            token = span.root
            if (len(span) != 1 or span.text not in demonyms or token.dep_ not in PERSON_SLOTS
                    or not any(c.lower_ == "the" and c.dep_ == "det" for c in token.children)):
                continue
            sent = token.sent.start
            before = sorted(((n.start, p) for p in persons for n in p.names
                             if sent <= n.start < span.start), key=lambda x: -x[0])
            for _, person in before:
                nations = {w for r in person.roles for w in r.split() if w in demonyms}
                if nations and span.text not in nations:
                    continue  # "the Ukrainian champion" is not the American
                person.extra.append((span.start, span.end))
                group.names.remove(span)
                break
    groups[:] = [g for g in groups if g.names or g.extra]


def _role_tokens(
    doc: Doc, ents: list[Span], lexicon: EntityLexicon
) -> tuple[dict[int, list[str]], set[int]]:
    """Roles per person mention (by start token) and the tokens roles cover."""
    by_mention: dict[int, list[str]] = {}
    covered: set[int] = set()
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        for role in find_roles(doc, ent, ents, lexicon.titles):
            by_mention.setdefault(ent.start, []).append(role.text)
            covered.update(range(role.start, role.end))
    return by_mention, covered


def _descriptions(doc: Doc, groups: list[_Group], lexicon: EntityLexicon, taken: set[int]) -> None:
    """Attach "the president", "the bloc" to the entity they refer to."""
    heads, mods = lexicon.titles.heads, lexicon.titles.modifiers | lexicon.titles.demonyms
    strings = doc.vocab.strings
    wanted = {strings.add(w) for w in heads | set(lexicon.descriptions)}
    # Candidates from the LOWER array: creating a Token per word is what costs.
    for i, lower_id in enumerate(doc.to_array("LOWER").tolist()):
        if lower_id not in wanted or i in taken:
            continue
        token = doc[i]
        lower = token.lower_
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and nxt.tag_ in ("NNP", "NNPS"):
            continue  # a title before a name, not a description
        start = token.i
        while start > 0 and (doc[start - 1].lower_ in mods or doc[start - 1].text in mods):
            start -= 1
        if start == 0 or doc[start - 1].lower_ != "the" or (start - 1) in taken:
            continue
        start -= 1
        group = _refers_to(token.i, lower, groups, lexicon)
        if group is not None:
            group.extra.append((start, token.i + 1))
            taken.update(range(start, token.i + 1))


def _refers_to(i: int, head: str, groups: list[_Group], lexicon: EntityLexicon) -> _Group | None:
    if head in lexicon.descriptions:
        canon = lexicon.descriptions[head]
        return next((g for g in groups if g.canonical == canon), None)
    candidates = [
        g
        for g in groups
        if g.type == "person"
        and any(head in r.lower().split() for r in g.roles)
        and 0 <= i - g.last_before(i) <= DESCRIPTION_REACH
        and g.last_before(i) >= 0
    ]
    return max(candidates, key=lambda g: g.last_before(i), default=None)


def _name_of(group: _Group) -> str:
    if group.canonical:
        return group.canonical
    if group.type in ("person", "organization") and group.full is not None:
        return group.full.text
    # A dateline's or headline's capitals ("ALTURAS") are not how the name is written.
    return next((s.text for s in group.names if not s.text.isupper()), group.names[0].text)


def find_entities(doc: Doc, lexicon: EntityLexicon, pronouns: Sequence[Span] = ()
                  ) -> tuple[list[Entity], dict[int, str]]:
    """Group the doc's names and descriptions into entities; also token index → entity id.
    ``pronouns`` (person-labelled spans that are pronouns, taken out of ``doc.ents``) become
    mentions of the person each refers to (``pronouns.refer_pronouns``)."""
    ents = list(doc.ents)  # built anew on every access: read once
    roles_at, role_tokens = _role_tokens(doc, ents, lexicon)
    groups = _group_names(ents, lexicon, role_tokens)
    for group in groups:
        group.names.sort(key=lambda s: s.start)
        for span in group.names:
            group.roles.extend(roles_at.get(span.start, ()))
    _described(ents, groups, lexicon)
    _nationals(doc, groups, lexicon)
    taken = role_tokens | {i for g in groups for s in g.names for i in range(s.start, s.end)}
    _descriptions(doc, groups, lexicon, taken)
    groups.sort(key=lambda g: min([s.start for s in g.names] + [s for s, _ in g.extra]))
    entities: list[Entity] = []
    entity_of_token: dict[int, str] = {}
    for n, group in enumerate(groups, start=1):
        eid = f"e{n}"
        named = {(s.start, s.end) for s in group.names}
        ranges = sorted(named | set(group.extra))
        mentions = tuple(
            Mention(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), doc[s:e].text,
                    None if (s, e) in named else "description") for s, e in ranges
        )
        for s, e in ranges:
            entity_of_token.update(dict.fromkeys(range(s, e), eid))
        roles = merge_roles(group.roles)
        entities.append(Entity(eid, _name_of(group), group.type, roles, mentions, group.label))
    if pronouns:
        entities = refer_pronouns(doc, entities, entity_of_token, list(pronouns), lexicon.cast)
    return entities, entity_of_token
