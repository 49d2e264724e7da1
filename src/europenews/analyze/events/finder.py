"""Violent and disaster events with their casualty figures (component ``europenews_events``).

Steps: find event triggers ("drone strike", "shooting", "earthquake") and casualty figures
(``casualties.py``) sentence by sentence; group sentences into events (a new event starts
at a trigger of another kind or one marked "separate"/"another"); merge each group's figures
(the headline, the lead and a recap of one strike repeat the same victims, so figures of one
kind are merged by maximum, not summed); then attach type, weapon, place, actor, date and the
source of the figures. Figures dated to another time ("In December, …") start an event of
their own; a death word counts only where it says someone died ("a fatal shooting", not
"attempted murder" or "a deadly weapon"). The killed and injured counts carry their evidence
and a confidence (``Event.figures``, ``figures.py``). Only events with a casualty figure are
reported; ``events[0]`` is the main one: the first with killed/injured figures (the headline
and lead come first).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from europenews.analyze.events import evidence, natural
from europenews.analyze.events.casualties import Casualty, casualties_in
from europenews.analyze.events.dates import date_expression, iso_date
from europenews.analyze.events.figures import (
    FigureScorer,
    Option,
    event_figures,
    figure_options,
)
from europenews.analyze.events.lexicon import EventLexicon
from europenews.analyze.events.udfigures import ud_casualties, ud_source, ud_triggers
from europenews.analyze.places import event_place, place_ref
from europenews.analyze.sentents import entity_index
from europenews.model import Event, EventSource, Place, PlaceRef

# Generic triggers take the type of a more specific trigger of the same event.
GENERIC_TYPES = frozenset({"attack", "raid", "assault", "accident"})
# Kinds of event that may be reported as one another ("shooting" recapped as "the attack").
_FAMILIES = {
    "shooting": "violence", "stabbing": "violence", "attack": "violence", "raid": "violence",
    "massacre": "violence", "clash": "violence", "riot": "violence",
    "terrorist attack": "violence", "vehicle attack": "violence",
    "drone strike": "strike", "airstrike": "strike", "missile strike": "strike",
    "rocket attack": "strike", "shelling": "strike",
    "bombing": "blast", "car bombing": "blast", "suicide bombing": "blast", "explosion": "blast",
    "crash": "crash", "plane crash": "crash", "accident": "crash", "shipwreck": "crash",
}  # fmt: skip
_NEW_EVENT_WORDS = frozenset({"separate", "another", "unrelated", "second", "earlier", "previous"})
_GUNFIRE = frozenset({"open", "return", "exchange", "trade"})
_ATTEMPT = frozenset({"attempt", "attempted", "conspiracy", "conspire", "solicitation", "plot"})
_SAY_VERBS = frozenset({"say", "tell", "report", "confirm", "announce", "state", "add"})
WEAPONS = {
    "gun": "firearm", "handgun": "handgun", "pistol": "handgun", "rifle": "rifle",
    "shotgun": "shotgun", "revolver": "handgun", "knife": "knife", "machete": "machete",
    "drone": "drone", "missile": "missile", "rocket": "rocket", "grenade": "grenade",
    "artillery": "artillery", "mortar": "mortar", "bomb": "bomb", "ied": "IED",
    "car bomb": "car bomb",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event word in the text and what it says about the event."""

    token: int
    type: str
    weapon: str | None
    new: bool  # marked as a different event ("a separate shooting")
    plural: bool


@dataclass(slots=True)
class _Group:
    """Sentences reporting one event, as they are collected."""

    sents: list[Span] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    figures: list[Casualty] = field(default_factory=list)

    @property
    def type(self) -> str | None:
        specific = [t.type for t in self.triggers if t.type not in GENERIC_TYPES]
        return specific[0] if specific else (self.triggers[0].type if self.triggers else None)


def find_triggers(sent: Span, lex: EventLexicon) -> list[Trigger]:
    """Event words in a sentence, the longest lexicon phrase per head word."""
    found = []
    for tok in sent:
        if tok.pos_ not in ("NOUN", "VERB", "PROPN"):
            continue
        lemma = tok.lemma_.lower()
        if lemma not in lex.cues:
            continue  # every trigger phrase ends in a cue word
        compounds = [c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")]
        hit = None
        for comp in compounds:
            hit = lex.triggers.get(f"{comp} {lemma}")
            if hit:
                break
        if hit is None and tok.dep_ == "compound":
            continue  # "shooting suspect", "bomb squad": the head noun decides
        if hit is None:
            if lemma == "fire" and (tok.pos_ == "VERB" or tok.head.lemma_.lower() in _GUNFIRE):
                # "fired shots", "opened fire"; not "ordered to fire him"
                hit = None if natural.dismissal(tok, lex) else ("shooting", "firearm")
            elif lemma == "strike" and compounds:
                hit = None
            elif not natural.figurative_shot(tok):
                hit = lex.triggers.get(lemma)
        if hit is None:
            continue
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "det")}
        plural = tok.tag_ in ("NNS", "NNPS")
        new = bool(mods & _NEW_EVENT_WORDS) or evidence.dated_to_a_year(tok)  # "the 1998 bombing"
        found.append(Trigger(tok.i, hit[0], hit[1], new, plural))
    return found


def _compatible(kind: str | None, other: str) -> bool:
    if kind is None or kind == other or other in GENERIC_TYPES or kind in GENERIC_TYPES:
        return True
    family = _FAMILIES.get(kind)
    return family is not None and family == _FAMILIES.get(other)


def _read_sentence(sent: Span, lex: EventLexicon) -> tuple[list[Trigger], list[Casualty]]:
    """A sentence's event words and figures, by the rules of the lexicon's parse scheme."""
    if lex.grammar == "ud":  # French: udfigures.py
        words = [Trigger(t.token, t.type, t.weapon, t.new, t.plural)
                 for t in ud_triggers(sent, lex)]
        return words, ud_casualties(sent, lex)
    return find_triggers(sent, lex), casualties_in(sent, lex)


def group_sentences(doc: Doc, lex: EventLexicon) -> list[_Group]:
    """Split the article into events: runs of sentences that report the same one."""
    groups: list[_Group] = []
    current: _Group | None = None
    for sent in evidence.article_sentences(doc):
        triggers, figures = _read_sentence(sent, lex)
        if figures and natural.natural_death(sent, lex):  # an obituary's death: no casualty
            figures = [f for f in figures if f.kind != "killed"]
        if not triggers and not figures:
            continue
        first = next((t for t in triggers if not t.plural), triggers[0] if triggers else None)
        # Another kind of event starts a new one only where it comes with figures of its own:
        # "the fire department", "a crash course" in a shooting report change nothing.
        if first is not None and (
            current is None or first.new or (figures and not _compatible(current.type, first.type))
        ):
            current = _Group()
            groups.append(current)
        elif figures and current is not None and current.figures and evidence.another_time(sent):
            # Figures dated to another time ("In February, a truck was steered into a crowd,
            # killing one") report an earlier incident, not this one.
            current = _Group()
            groups.append(current)
        if current is None:
            current = _Group()
            groups.append(current)
        current.sents.append(sent)
        current.triggers += triggers
        current.figures += figures
    return groups


def merge_counts(figures: list[Casualty], kind: str) -> tuple[int | None, str | None]:
    """One event's count of ``kind``: the largest restatement plus people said to be others."""
    same = [f for f in figures if f.kind == kind]
    if not same:
        return None, None
    known = [f for f in same if f.count is not None]
    if not known:
        return None, same[0].text
    base = [f for f in known if not f.additive]
    extra = [f for f in known if f.additive]
    top = max(base, key=lambda f: f.count or 0) if base else None
    total = (top.count or 0 if top else 0) + sum(f.count or 0 for f in extra)
    return total, (top or extra[0]).text


def _separate_hits(figures: list[Casualty]) -> list[Casualty]:
    """Hits of someone other than the dead: the victims' genders differ ("a man died, a woman
    was shot")."""
    dead = {f.gender for f in figures if f.kind == "killed" and not f.perpetrator}
    if len(dead) != 1 or None in dead:
        return figures
    out = []
    for f in figures:
        if f.kind == "hit" and f.gender is not None and f.gender not in dead:
            out.append(
                Casualty("injured", f.count, f.text, f.start, f.end, f.token, True, f.gender)
            )
        else:
            out.append(f)
    return out


def event_counts(
    group: _Group, lex: EventLexicon, infer_fatal: bool = True,
    title_killed: int | None = None,
) -> dict[str, tuple[int | None, str | None]]:
    """killed/injured/missing/kidnapped/arrested with the phrase each figure comes from
    (``infer_fatal``: a word such as "homicide" alone gives one killed; ``title_killed``: the
    deaths the title reports, taken when the text gives none or fewer)."""
    figures = _separate_hits(group.figures)
    counts = {
        k: merge_counts(figures, k)
        for k in ("killed", "injured", "missing", "kidnapped", "arrested")
    }
    hit, hit_text = merge_counts(figures, "hit")
    killed = counts["killed"][0]
    if killed is None and infer_fatal and fatal_sentence(group, lex) is not None:
        killed = 1
        counts["killed"] = (1, None)
    if title_killed is not None and (killed is None or title_killed > killed):
        killed = title_killed
        counts["killed"] = (title_killed, None)
    if hit is not None:
        # Hits of people said to be others ("another man was shot") survived as far as we
        # know; the other hits include the dead ("12 were shot, one died": 11 injured).
        others = sum(f.count or 0 for f in figures if f.kind == "hit" and f.additive)
        hit -= others
        injured = counts["injured"][0]
        rest = max(hit - (killed or 0), 0) + others
        if rest > 0 and (injured is None or rest > injured):
            counts["injured"] = (rest, hit_text)
    return counts


def fatal_sentence(group: _Group, lex: EventLexicon) -> Span | None:
    """The first sentence saying someone died though no figure says how many ('a fatal
    shooting', 'the homicide'), or None."""
    for sent in group.sents:
        for tok in sent:
            if tok.lemma_.lower() in lex.words["fatal_markers"] and _says_death(tok, lex):
                return sent
    return None


def _says_death(marker: Token, lex: EventLexicon) -> bool:
    """A death word that says someone died: not "attempted murder", not a "deadly weapon" or
    "lethal force" (an adjective counts on an event word only: "fatal shooting"), not the
    "homicide detectives" (a noun used as a modifier)."""
    around = [marker.head, *marker.children, *marker.doc[max(marker.i - 2, 0):marker.i]]
    if any(t.lemma_.lower() in _ATTEMPT for t in around):
        return False
    if marker.pos_ == "ADJ":
        head = marker.head
        return marker.dep_ == "amod" and head.lemma_.lower() in lex.cues and head.pos_ == "NOUN"
    return marker.dep_ not in ("compound", "amod", "nmod")


def _source(sent: Span, doc: Doc) -> EventSource | None:
    """Who gave the figures: 'according to X' or 'X said' in the sentence."""
    for tok in sent:
        if tok.lower_ == "according":
            for to in tok.children:
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if objs:
                    return _source_of(objs[0], doc)
        if tok.lemma_.lower() in _SAY_VERBS and tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            # "One of them said", "Some said": nobody a reader could name.
            if subj is not None and subj.pos_ not in ("PRON", "NUM", "DET"):
                return _source_of(subj, doc)
    return None


def _figure_source(sent: Span, doc: Doc, lex: EventLexicon) -> EventSource | None:
    """Who gave the figures, by the rules of the lexicon's parse scheme (udfigures: French)."""
    return ud_source(sent, lex) if lex.grammar == "ud" else _source(sent, doc)


def _source_of(tok: Token, doc: Doc) -> EventSource:
    ids = doc._.entity_of_token or {}
    by_id = {e.id: e for e in doc._.entities or ()}
    for t in [tok, *tok.subtree]:
        ent_id = ids.get(t.i)
        # A place in the phrase is whose officials spoke ("Waukegan police"), not who spoke.
        if ent_id is not None and ent_id in by_id and by_id[ent_id].type != "place":
            return EventSource(ent_id, by_id[ent_id].name)
    # A caption the parser hung on the phrase across a line break ("Photo") is not who spoke.
    breaks = [t.i + 1 for t in doc[tok.left_edge.i : tok.i] if "\n" in t.text]
    return EventSource(None, doc[max([tok.left_edge.i, *breaks]) : tok.i + 1].text)


def _place(group: _Group, doc: Doc) -> PlaceRef | None:
    """Where the event happened: the place its sentences say (places/eventplace.py)."""
    places: list[Place] = list(doc._.places or ())
    anchors = [t.token for t in group.triggers] + [f.token for f in group.figures]
    found = event_place(doc, places, group.sents, anchors)
    return place_ref(found) if found is not None else None


def _weapon(group: _Group, doc: Doc) -> str | None:
    for trig in group.triggers:
        if trig.weapon and trig.type not in ("shooting",):
            return trig.weapon
    for sent in group.sents:
        for tok in sent:
            weapon = WEAPONS.get(tok.lemma_.lower())
            if weapon:
                return weapon
    return next((t.weapon for t in group.triggers if t.weapon), None)


def _actor(group: _Group, doc: Doc) -> str | None:
    for trig in group.triggers:
        tok = doc[trig.token]
        for child in tok.children:
            if child.ent_type_ in ("NORP", "GPE", "ORG") and child.dep_ in (
                "amod",
                "compound",
                "poss",
            ):
                return child.text
            if child.dep_ in ("agent", "prep") and child.lower_ == "by":
                for obj in child.children:
                    if obj.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
                        return doc[obj.left_edge.i : obj.i + 1].text
    return None


def build_event(group: _Group, doc: Doc, lex: EventLexicon,
                scorer: FigureScorer | None = None, rank: int = 0) -> Event | None:
    """The Event a group of sentences reports, or None when it carries no casualty figure.

    ``rank`` is the group's place among the article's groups with figures (0: the first)."""
    event, _ = event_with_options(group, doc, lex, scorer, rank)
    return event


def event_with_options(
    group: _Group, doc: Doc, lex: EventLexicon, scorer: FigureScorer | None = None,
    rank: int = 0,
) -> tuple[Event | None, dict[str, list[Option]]]:
    """:func:`build_event` with the figures each count rests on and their features (what
    ``bench/train_figures.py`` learns from)."""
    scorer = scorer or FigureScorer(doc, lex, group.figures, {}, {})
    scored = [scorer.score(f, f.kind, f.count, doc[f.token].sent, rank) for f in group.figures]
    marker = fatal_sentence(group, lex)
    inferred = scorer.score(None, "killed", 1, marker, rank) if marker is not None else None
    title_killed = _title_killed(group, scorer, rank, marker is not None)
    counts = event_counts(group, lex, title_killed=title_killed)
    from_title = title_killed is not None and counts["killed"][0] == title_killed and not any(
        f.kind == "killed" and f.count == title_killed for f in group.figures)
    if from_title:
        # Its evidence is the event's first sentence; the figure model knows (its feature
        # "title_inferred") that the count is the title's.
        inferred = scorer.score(None, "killed", title_killed, group.sents[0], rank)
    if all(value is None and text is None for value, text in counts.values()):
        return None, {}
    options = figure_options(counts, scored, inferred, scorer, from_title)
    figure_sent = next(
        (
            s
            for s in group.sents
            if any(s.start_char <= f.start < s.end_char for f in group.figures)
        ),
        group.sents[0],
    )
    date_text = date_expression([figure_sent, *group.sents])
    return Event(
        type=group.type or natural.untriggered_type(doc, lex),
        start=figure_sent.start_char,
        end=figure_sent.end_char,
        text=figure_sent.text,
        killed=counts["killed"][0],
        injured=counts["injured"][0],
        missing=counts["missing"][0],
        kidnapped=counts["kidnapped"][0],
        arrested=counts["arrested"][0],
        killed_text=counts["killed"][1],
        injured_text=counts["injured"][1],
        weapon=_weapon(group, doc),
        place=_place(group, doc),
        actor=_actor(group, doc),
        date=iso_date(date_text, None),
        source=_figure_source(figure_sent, doc, lex),
        date_text=date_text,
        figures=event_figures(options, counts, lex.figure_model,
                              lambda sent: _figure_source(sent, doc, lex)),
    ), options


def _title_killed(group: _Group, scorer: FigureScorer, rank: int,
                  fatal_word: bool) -> int | None:
    """The death the title reports for the article's first event with figures: one when the
    title speaks of a death ("Boy, 8, dies after being shot") and the text says nobody died,
    not even by a word such as "homicide"; None otherwise. (Reading a toll from the title,
    "3 dead after ...", where the text gives fewer was tried on half A and did not pay.)"""
    if rank != 0 or not scorer.title.death:
        return None
    if fatal_word or any(f.kind == "killed" for f in group.figures):
        return None
    return 1


def read_groups(doc: Doc, lex: EventLexicon) -> tuple[list[_Group], list[int], FigureScorer]:
    """The article's event groups, each group's rank among those with figures (0: the first)
    and the scorer of their figures."""
    groups = group_sentences(doc, lex)
    # An obituary, a death recalled, a metaphor: figures that are no event's casualties.
    dropped, quiet = natural.no_event_figures(doc, lex, any(g.triggers for g in groups)) if groups \
        else (None, False)
    for g in groups:
        if dropped is not None:
            g.figures = [f for f in g.figures if not dropped(f)]
        g.figures = natural.recalled_deaths(g.sents, bool(g.triggers), g.figures, doc, lex)
    sentence_index = {s.start_char: i for i, s in enumerate(doc.sents)} if groups else {}
    triggers = {doc[t.token].sent.start_char: True for g in groups for t in g.triggers}
    ranks, rank = [], 0
    for g in groups:
        ranks.append(rank)
        rank += bool(g.figures)
    scorer = FigureScorer(doc, lex, [f for g in groups for f in g.figures], sentence_index,
                          triggers, max(rank, 1))
    if quiet:  # nor does a title's "dies" make one
        scorer.title = replace(scorer.title, death=False)
    return groups, ranks, scorer


def events_with_options(doc: Doc, lex: EventLexicon
                        ) -> list[tuple[Event, dict[str, list[Option]]]]:
    """:func:`find_events` with each event's figure options (``event_with_options``)."""
    with entity_index(doc):  # the sentences' dates read the Doc's entities built once
        groups, ranks, scorer = read_groups(doc, lex)
        built = [event_with_options(g, doc, lex, scorer, r)
                 for g, r in zip(groups, ranks, strict=True)]
    events = [(e, o) for e, o in built if e is not None]
    if events and evidence.sports_report(doc, lex):  # a game report: injuries of play are no events
        events = [(e, o) for e, o in events if e.killed]
    if not events:
        return []
    # The main event is the first one with killed/injured figures: the headline and the lead
    # come first. Ranking by the number of sentences instead was tried and did slightly worse.
    main = next((i for i, (e, _) in enumerate(events) if _has_figures(e)), 0)
    return [events[main], *[pair for i, pair in enumerate(events) if i != main]]


def find_events(doc: Doc, lex: EventLexicon) -> list[Event]:
    """Pure: the events the article reports, the main one first, then in text order."""
    return [event for event, _ in events_with_options(doc, lex)]


def _has_figures(event: Event) -> bool:
    return event.killed is not None or event.injured is not None
