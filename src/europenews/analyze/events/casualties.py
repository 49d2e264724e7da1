"""Casualty figures read off the dependency parse: who was killed, injured, shot, missing …

One :class:`Casualty` per reporting predicate ("three people were killed", "8 wounded",
"a man was shot", "the death toll rose to 12"). Counts come from the victim phrase: a numeral
or number word (nummod/quantmod), an article or pronoun ("a man", "he" → 1), conjoined victims
("two men and a woman" → 3) or a vague quantity ("dozens" → None, phrase kept).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from europenews.analyze.doctext import doc_text, span_text
from europenews.analyze.events.lexicon import EventLexicon
from europenews.analyze.events.numbers import is_vague
from europenews.analyze.events.victims import (
    REFLEXIVES,
    conjuncts,
    count_victims,
    find_victim,
    gender_of,
    inherited_subject,
    number_at,
    object_of,
    person_like,
    resolve_relative,
    subject_of,
    victim_span,
)

KINDS = ("killed", "injured", "hit", "missing", "kidnapped", "arrested")


@dataclass(frozen=True, slots=True)
class Casualty:
    """One reported figure: ``count`` people of ``kind`` (None when vague or unknown)."""

    kind: str  # one of KINDS
    count: int | None
    text: str  # the victim phrase the figure comes from ("at least three people")
    start: int  # character offsets of that phrase
    end: int
    token: int  # index of the reporting predicate
    additive: bool = False  # a different person from those counted before ("another man")
    gender: str | None = None  # "m"/"f" when the victim phrase says so (tells victims apart)
    perpetrator: bool = False  # the victim is the suspect/gunman (GVA counts them too)


def _kind_of(tok: Token, lex: EventLexicon) -> str | None:
    lemma = tok.lemma_.lower()
    pos = tok.pos_
    if lemma == "wind" and any(c.dep_ == "prt" for c in tok.children):
        return None  # "wound up buying", "wound up with 20": the past of "wind up", no wound
    if pos in ("VERB", "ADJ", "AUX") or (pos == "NOUN" and lemma == "dead"):
        return lex.kinds.get(lemma) or lex.kinds.get(tok.lower_)
    return None


def _is_hypothetical(pred: Token, lex: EventLexicon) -> bool:
    for child in pred.children:
        if child.dep_ == "aux" and child.lower_ in lex.words["modal_blockers"]:
            return True
    if pred.tag_ in ("VBZ", "VBP") and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _FUTURE_MARKS for c in pred.children
    ):
        return True  # "until the source dies": English tells a future death in the present
    head = pred.head
    if pred.dep_ in ("ccomp", "xcomp") and any(c.dep_ == "neg" for c in head.children):
        return True  # "don't let my baby die"
    return (
        pred.dep_ in ("xcomp", "pcomp", "ccomp")
        and head.lemma_.lower() in lex.words["intent_heads"]
    )


# Conjunctions whose clause, in the present tense, speaks of a time to come or a condition.
_FUTURE_MARKS = frozenset({"until", "till", "unless", "if", "once", "when", "before", "after"})


def _fatal(pred: Token, lex: EventLexicon) -> bool:
    """A 'hit' predicate that says the victim died ("fatally shot", "shot dead", "to death")."""
    for child in pred.children:
        low = child.lower_
        if (
            child.dep_ in ("advmod", "acomp", "oprd", "xcomp", "dobj")
            and low in lex.words["fatal_advs"]
        ):
            return True
        if (
            child.dep_ == "prep"
            and low == "to"
            and any(g.lower_ == "death" for g in child.children)
        ):
            return True
    return False


def _tied_to_kill(pred: Token, lex: EventLexicon) -> bool:
    """True when a hit predicate is conjoined with a kill predicate ("shot and killed")."""
    linked = [*pred.conjuncts]
    if any(_kind_of(t, lex) == "killed" for t in linked):
        return True
    # "shot in the head and pronounced dead": the kill word hangs on the conjoined verb
    return any(
        c.dep_ in ("oprd", "acomp", "xcomp") and _kind_of(c, lex) == "killed"
        for t in linked
        for c in t.children
    )


def _death_toll(tok: Token, lex: EventLexicon) -> Casualty | None:
    """'the death toll rose to 12' / 'a death toll of 12' / 'the toll is 12' → killed 12."""
    if not any(c.lower_ in ("death", "casualty") for c in tok.children if c.dep_ == "compound"):
        return None
    candidates: list[Token] = []
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "at"):
            candidates += [g for g in child.children if g.dep_ == "pobj"]
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass"):
        for child in head.children:
            if child.dep_ in ("attr", "dobj") and child.like_num:
                candidates.append(child)
            if child.dep_ == "prep" and child.lower_ in ("to", "at"):
                candidates += [g for g in child.children if g.dep_ == "pobj"]
    for cand in candidates:
        value, known = count_victims(cand, lex)
        if known and value is not None:
            start, end = victim_span(cand)
            return Casualty("killed", value, doc_text(tok.doc)[start:end], start, end, tok.i)
    return None


def _statistical(sent: Span, lex: EventLexicon) -> bool:
    low = span_text(sent).lower()
    return any(p in low for p in lex.words["stat_phrases"])


def casualties_in(sent: Span, lex: EventLexicon) -> list[Casualty]:
    """All casualty figures reported in one sentence."""
    if not any(t.lemma_.lower() in lex.cues or t.lower_ in lex.cues for t in sent):
        return []  # most sentences report nothing: skip them cheaply
    found: list[Casualty] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma == "toll":
            toll = _death_toll(tok, lex)
            if toll is not None:
                found.append(toll)
            continue
        if lemma == "death" and tok.pos_ == "NOUN":
            death = _death_of(tok, lex)
            if death is not None:
                found.append(death)
                continue
        if tok.pos_ == "NOUN" and lemma in lex.words["killed_nouns"] and lemma != "dead":
            numbers = [c for c in tok.children if c.dep_ == "nummod"]
            if numbers:
                value, known = count_victims(tok, lex)
                if known:
                    start, end = victim_span(tok)
                    found.append(
                        Casualty("killed", value, doc_text(tok.doc)[start:end], start, end, tok.i)
                    )
            continue
        if lemma == "wound" and tok.pos_ == "NOUN":
            wound = _gunshot_wound(tok, lex)
            if wound is not None:
                found.append(wound)
            continue
        if lemma == "victim" and tok.pos_ == "NOUN":
            # "they found seven shooting victims": everyone hit, dead or alive
            numbers = [c for c in tok.children if c.dep_ == "nummod"]
            value, known = count_victims(tok, lex) if numbers else (None, False)
            if known and value:
                start, end = victim_span(tok)
                text = doc_text(tok.doc)[start:end]
                found.append(Casualty("hit", value, text, start, end, tok.i))
            continue
        if lemma == "condition" or (lemma == "turn" and tok.pos_ == "VERB"):
            special = _condition(tok, lex) if lemma == "condition" else _suicide(tok)
            if special is not None:
                found.append(special)
            continue
        kind = _kind_of(tok, lex)
        if kind is None or _is_hypothetical(tok, lex):
            continue
        if kind == "hit":
            if _tied_to_kill(tok, lex):
                continue
            if _fatal(tok, lex):
                kind = "killed"
            elif any(c.lower_ in lex.words["nonfatal_advs"] for c in tok.children):
                kind = "injured"
        casualty = _casualty(tok, kind, lex)
        if casualty is not None:
            found.append(casualty)
        if kind == "hit":
            found += _split_outcomes(tok, lex)
    if found and _statistical(sent, lex):
        return []  # "more than 500 people have been shot this year"
    return found


def _casualty(pred: Token, kind: str, lex: EventLexicon) -> Casualty | None:
    victim = find_victim(pred, lex)
    if victim is None:
        return None
    victim = resolve_relative(victim)
    if victim.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "ADV") or (
        victim.pos_ == "ADJ" and not victim.dep_.startswith("nsubj")
    ):
        return None
    if pred.lemma_.lower() in lex.words["hit_people_only"] and not person_like(victim, lex):
        return None  # "the storm hit the city", "a bullet struck the car"
    if pred.lemma_.lower() in lex.words["people_only"] and not (
            person_like(victim, lex) or _named(victim)):
        return None  # "a dead shark", "the horse died", "execute a warrant", "execute code"
    if (pred.lemma_.lower() in lex.words["hit"] and victim.pos_ != "PROPN"
            and victim.lemma_.lower() in lex.words.get("filmed_things", ())):
        return None  # "shooting a historical drama", "shot a music video"
    count, known = count_victims(victim, lex)
    if any(c.dep_ == "neg" for c in pred.children):
        count, known = 0, True
    start, end = victim_span(victim)
    text = doc_text(pred.doc)[start:end]
    if not known and not is_vague(victim.lower_) and victim.tag_ not in ("NNS", "NNPS"):
        return None
    low = victim.lemma_.lower()
    if low in ("body", "remains") and kind in ("injured", "hit"):
        kind = "killed"  # "the body was found burned"
    reflexive = victim.lower_ in REFLEXIVES and len(conjuncts(victim)) == 1
    perpetrator = reflexive or low in lex.words["perpetrators"]
    # Only "a second/third man was shot" marks one more victim. Counting perpetrators
    # ("the gunman shot himself") or "another"/"also" as extra people was tried on the dev half
    # of the GVA data and lost accuracy: articles mostly restate the same victims.
    additive = kind == "hit" and any(c.lower_ in ("second", "third") for c in victim.children)
    return Casualty(
        kind, count if known else None, text, start, end, pred.i,
        additive=additive, gender=gender_of(victim), perpetrator=perpetrator,
    )  # fmt: skip


def _named(tok: Token) -> bool:
    """A proper name that is no place ("Teryus", "Hayes"; the tagger calls some names ORG)."""
    return tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "LOC", "FAC", "PRODUCT", "DATE")


def _condition(tok: Token, lex: EventLexicon) -> Casualty | None:
    """'... is in critical condition' → injured: the subject of the verb the phrase hangs on."""
    if not any(c.dep_ == "amod" and c.lower_ in lex.words["conditions"] for c in tok.children):
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.pos_ not in ("VERB", "AUX") or (subject_of(verb) is None and _tied_to_kill(verb, lex)):
        return None  # "was in critical condition and died": counted as killed
    victim = subject_of(verb) or inherited_subject(verb)
    if victim is None:
        return None
    victim = resolve_relative(victim)
    count, known = count_victims(victim, lex)
    if not known:
        return None
    start, end = victim_span(victim)
    # A hospital condition says the victim was hurt, not that they survived (many die later),
    # so it counts like a hit: the dead are taken off it.
    text = doc_text(tok.doc)[start:end]
    return Casualty("hit", count, text, start, end, tok.i, gender=gender_of(victim))


def _death_of(tok: Token, lex: EventLexicon) -> Casualty | None:
    """'the (shooting) death of a 15-year-old', 'the teen's death' → killed."""
    victim = next((c for c in tok.children if c.dep_ == "poss"), None)
    if victim is None:
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if prep is not None:
            victim = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if victim is None or not person_like(victim, lex):
        return None
    count, known = count_victims(victim, lex)
    if not known:
        return None
    start, end = victim_span(victim)
    return Casualty("killed", count, doc_text(tok.doc)[start:end], start, end, tok.i)


def _gunshot_wound(tok: Token, lex: EventLexicon) -> Casualty | None:
    """'suffered a gunshot wound', 'the man, with gunshot wounds' → hit (outcome unknown)."""
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
    if not mods & {"gunshot", "gun", "bullet", "stab", "shotgun", "knife"}:
        return None
    head = tok.head
    victim: Token | None = None
    if tok.dep_ == "dobj":
        victim = subject_of(head) or inherited_subject(head)
    elif tok.dep_ == "pobj" and head.lower_ == "with":
        owner = head.head
        if owner.pos_ in ("NOUN", "PROPN", "PRON"):
            victim = owner
        elif owner.pos_ in ("VERB", "AUX"):
            passive = any(c.dep_ == "auxpass" for c in owner.children)
            victim = subject_of(owner) if passive else (object_of(owner) or subject_of(owner))
    if victim is None or victim.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
        return None
    victim = resolve_relative(victim)
    count, known = count_victims(victim, lex)
    if not known or not person_like(victim, lex):
        return None
    start, end = victim_span(victim)
    text = doc_text(tok.doc)[start:end]
    return Casualty("hit", count, text, start, end, tok.i, gender=gender_of(victim))


def _suicide(tok: Token) -> Casualty | None:
    """'the gunman turned the gun on himself': a perpetrator killed, on top of the victims."""
    has_weapon = any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in ("gun", "weapon", "rifle", "pistol", "handgun", "shotgun")
        for c in tok.children
    )
    for prep in tok.children:
        if has_weapon and prep.dep_ == "prep" and prep.lower_ == "on":
            for obj in prep.children:
                if obj.lower_ in REFLEXIVES:
                    end = obj.idx + len(obj.text)
                    return Casualty("killed", 1, obj.text, obj.idx, end, tok.i, True, None, True)
    return None


def _split_outcomes(pred: Token, lex: EventLexicon) -> list[Casualty]:
    """'Three people were shot, one fatally' → killed 1 (the NUM with a fatal adverb)."""
    out = []
    for child in pred.children:
        if child.like_num and child.dep_ in ("npadvmod", "appos", "conj", "advmod", "nsubj"):
            advs = [g.lower_ for g in child.children]
            if any(a in lex.words["fatal_advs"] for a in advs):
                value = number_at(child)
                out.append(
                    Casualty(
                        "killed", value, child.text, child.idx, child.idx + len(child.text), pred.i
                    )
                )
    return out


def find_casualties(doc: Doc, lex: EventLexicon) -> list[Casualty]:
    """Every casualty figure in the document, in text order."""
    out: list[Casualty] = []
    for sent in doc.sents:
        out += casualties_in(sent, lex)
    return out
