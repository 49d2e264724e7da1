"""Casualty figures read off the dependency parse: who was killed, injured, shot, missing …

One :class:`Casualty` per reporting predicate ("three people were killed", "8 wounded",
"a man was shot", "the death toll rose to 12"). Counts come from the victim phrase: a numeral
or number word (nummod/quantmod), an article or pronoun ("a man", "he" → 1), conjoined victims
("two men and a woman" → 3) or a vague quantity ("dozens" → None, phrase kept).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Span, Token

from europenews.analyze.numbers import is_vague, parse_number, word_value

KINDS = ("killed", "injured", "hit", "missing", "kidnapped", "arrested")
_SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
_REFLEXIVES = frozenset({"himself", "herself"})
_NONE_WORDS = frozenset({"nobody", "none", "noone"})
_SINGULAR_DETS = frozenset({"a", "an", "one", "another", "the", "this", "that", "each", "every"})
_RELATIVES = frozenset({"who", "that", "which", "whom"})
_AGE_UNITS = frozenset({"year", "yr", "month", "week", "day", "old"})
MAX_COUNT = 100_000  # larger "counts" are phone numbers, addresses or years
_COUNT_NOUNS = frozenset({"total", "number", "toll", "count"})
_MALE = frozenset({"man", "boy", "he", "him", "himself", "father", "son", "husband", "brother"})
_FEMALE = frozenset({"woman", "girl", "she", "her", "herself", "mother", "daughter", "wife"})
_QUANT_WORDS = frozenset({"at", "least", "more", "than", "over", "about", "around", "nearly"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists casualty and event extraction read (package data, loaded by the factory)."""

    words: dict[str, frozenset[str]]
    triggers: dict[str, tuple[str, str | None]]  # lemma phrase → (event type, weapon)

    def has(self, key: str, word: str) -> bool:
        return word in self.words[key]


def load_lexicon() -> Lexicon:
    """Read ``data/events/casualty_words.json`` and ``triggers.tsv`` from the package."""
    base = resources.files("europenews.analyze") / "data" / "events"
    raw = json.loads((base / "casualty_words.json").read_text(encoding="utf-8"))
    words = {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}
    triggers: dict[str, tuple[str, str | None]] = {}
    for line in (base / "triggers.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, kind, weapon = [*line.split("\t"), "", ""][:3]
        triggers[phrase.strip()] = (kind.strip(), weapon.strip() or None)
    return Lexicon(words, triggers)


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


def _number_at(tok: Token) -> int | None:
    """The value of a number token with its compound number parts ("twenty - one", "1,200")."""
    parts = [c for c in tok.children if c.dep_ in ("compound", "quantmod") and c.like_num]
    words = [t.text for t in sorted([*parts, tok], key=lambda t: t.i)]
    value = parse_number(words)
    value = value if value is not None else word_value(tok.text)
    if value is None or value > MAX_COUNT or (1900 <= value <= 2100 and tok.text.isdigit()):
        return None
    return value


def _is_age(num: Token) -> bool:
    """'5-year-old', '2 yr old': the number is an age, not a head count."""
    doc = num.doc
    for i in range(num.i + 1, min(num.i + 3, len(doc))):
        if doc[i].lemma_.lower() in _AGE_UNITS:
            return True
    return False


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def _count_one(tok: Token, lex: Lexicon) -> tuple[int | None, bool]:
    """(count, known) for one victim head, ignoring its conjuncts."""
    low = tok.lower_
    if tok.like_num or tok.pos_ == "NUM":
        if low == "one" and any(c.lower_ == "no" for c in tok.children):
            return 0, True
        value = _number_at(tok)
        return value, value is not None
    if is_vague(low):
        return None, False
    if tok.pos_ == "PRON":
        if low in _NONE_WORDS:
            return 0, True
        if low in _SINGULAR_PRONOUNS or low in _REFLEXIVES or low in ("someone", "somebody"):
            return 1, True
        return None, False
    if tok.lemma_.lower() in _AGE_UNITS:
        return 1, True  # "a 2 yr old", "a 15-year-old": the number is an age
    for child in tok.children:
        if child.dep_ == "nummod" and not _is_age(child):
            if is_vague(child.lower_):
                return None, False
            value = _number_at(child)
            if value is not None:
                return value, True
    for child in tok.children:
        if child.dep_ == "det" or (child.dep_ == "amod" and child.lower_ == "both"):
            if child.lower_ == "no":
                return 0, True
            if child.lower_ == "both":
                return 2, True
            if child.lower_ in ("a", "an", "another", "one"):
                return 1, True  # "a 17-year-old" is parsed with an adjective head
    if tok.pos_ == "PROPN":
        return 1, True
    if tok.tag_ in ("NN", "NNP") or "Sing" in tok.morph.get("Number"):
        return 1, True
    return None, False


def count_victims(tok: Token, lex: Lexicon) -> tuple[int | None, bool]:
    """(count, known) for a victim head and its conjuncts ("two men and a woman" → 3)."""
    if tok.lemma_.lower() in _COUNT_NOUNS:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return count_victims(objs[0], lex)
    total = 0
    for part in _conjuncts(tok):
        value, known = _count_one(part, lex)
        if not known or value is None:
            return None, False
        total += value
    return total, True


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "nsubj"):
            return child
    return None


def _object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
    return None


def find_victim(pred: Token, lex: Lexicon) -> Token | None:
    """The head of the phrase naming who suffered what ``pred`` reports, or None."""
    dep = pred.dep_
    if pred.pos_ in ("ADJ", "NOUN") or pred.tag_ == "JJ":
        if dep in ("amod", "acl") and pred.head.i != pred.i:
            return pred.head
        for child in pred.children:
            if child.dep_ in ("nummod", "nsubj", "npadvmod") and child.i < pred.i:
                return child
        if dep in ("acomp", "oprd", "xcomp", "attr", "ccomp"):
            # "left two women dead": the object of the verb; "he was found dead": its subject
            return _object(pred.head) or _subject(pred.head) or _inherited(pred.head)
        return None
    obj = _object(pred)
    passive = any(c.dep_ == "auxpass" for c in pred.children)
    subj = _subject(pred)
    if obj is not None and not passive:
        return obj
    if subj is not None and (passive or pred.tag_ == "VBN" or pred.lemma_.lower() == "die"):
        return subj
    if subj is not None and obj is None and pred.lemma_.lower() not in lex.words["hit"]:
        # "seven others wounded", "two died": no object, so the subject is who suffered.
        return subj
    if dep in ("acl", "amod") and pred.head.i != pred.i and pred.tag_ != "VBG":
        return pred.head  # "8 wounded", "the man killed"; not "a shooting suspect"
    if subj is None:
        return _inherited(pred)
    return None


def _inherited(pred: Token) -> Token | None:
    """The subject a predicate shares with the verb it is conjoined to ("shot and killed")."""
    if pred.dep_ in ("conj", "xcomp", "advcl") and pred.head.i != pred.i:
        head = pred.head
        subj = _subject(head)
        if subj is not None and (
            head.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in head.children)
        ):
            return subj
        if pred.dep_ == "conj":
            return _inherited(head)
    if pred.dep_ == "relcl":
        return pred.head
    return None


_PREMODS = frozenset({"det", "nummod", "amod", "compound", "quantmod", "poss", "nmod"})


def _phrase(victim: Token) -> tuple[int, int]:
    """Character span of the victim phrase, its modifiers and conjuncts."""
    left = victim
    for child in victim.children:
        if child.i < victim.i and child.dep_ in _PREMODS and child.left_edge.i < left.i:
            left = child.left_edge
    right = _conjuncts(victim)[-1]
    return left.idx, right.idx + len(right.text)


def _gender(victim: Token) -> str | None:
    low = victim.lemma_.lower()
    if low in _MALE or victim.lower_ in _MALE:
        return "m"
    if low in _FEMALE or victim.lower_ in _FEMALE:
        return "f"
    return None


def _resolve_relative(tok: Token) -> Token:
    if tok.lower_ in _RELATIVES and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _kind_of(tok: Token, lex: Lexicon) -> str | None:
    lemma = tok.lemma_.lower()
    pos = tok.pos_
    if pos in ("VERB", "ADJ", "AUX") or (pos == "NOUN" and lemma == "dead"):
        for kind in ("killed", "injured", "hit", "missing", "kidnapped", "arrested"):
            if lemma in lex.words[kind] or tok.lower_ in lex.words[kind]:
                return kind
    return None


def _is_hypothetical(pred: Token, lex: Lexicon) -> bool:
    for child in pred.children:
        if child.dep_ == "aux" and child.lower_ in lex.words["modal_blockers"]:
            return True
    head = pred.head
    if pred.dep_ in ("ccomp", "xcomp") and any(c.dep_ == "neg" for c in head.children):
        return True  # "don't let my baby die"
    return pred.dep_ in ("xcomp", "pcomp", "ccomp") and head.lemma_.lower() in lex.words[
        "intent_heads"
    ]


def _fatal(pred: Token, lex: Lexicon) -> bool:
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


def _tied_to_kill(pred: Token, lex: Lexicon) -> bool:
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


def _death_toll(tok: Token, lex: Lexicon) -> Casualty | None:
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
            start, end = _phrase(cand)
            return Casualty("killed", value, tok.doc.text[start:end], start, end, tok.i)
    return None


def _statistical(sent: Span, lex: Lexicon) -> bool:
    low = sent.text.lower()
    return any(p in low for p in lex.words["stat_phrases"])


def casualties_in(sent: Span, lex: Lexicon) -> list[Casualty]:
    """All casualty figures reported in one sentence."""
    if _statistical(sent, lex):
        return []
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
                    start, end = _phrase(tok)
                    found.append(
                        Casualty("killed", value, tok.doc.text[start:end], start, end, tok.i)
                    )
            continue
        if lemma == "wound" and tok.pos_ == "NOUN":
            wound = _gunshot_wound(tok, lex)
            if wound is not None:
                found.append(wound)
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
    return found


def _casualty(pred: Token, kind: str, lex: Lexicon) -> Casualty | None:
    victim = find_victim(pred, lex)
    if victim is None:
        return None
    victim = _resolve_relative(victim)
    if victim.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "ADV") or (
        victim.pos_ == "ADJ" and not victim.dep_.startswith("nsubj")
    ):
        return None
    if pred.lemma_.lower() in lex.words["hit_people_only"] and not _person_like(victim, lex):
        return None  # "the storm hit the city", "a bullet struck the car"
    count, known = count_victims(victim, lex)
    if any(c.dep_ == "neg" for c in pred.children):
        count, known = 0, True
    start, end = _phrase(victim)
    text = pred.doc.text[start:end]
    if not known and not is_vague(victim.lower_) and victim.tag_ not in ("NNS", "NNPS"):
        return None
    low = victim.lemma_.lower()
    if low in ("body", "remains") and kind in ("injured", "hit"):
        kind = "killed"  # "the body was found burned"
    reflexive = victim.lower_ in _REFLEXIVES and len(_conjuncts(victim)) == 1
    perpetrator = reflexive or low in lex.words["perpetrators"]
    # Only "a second/third man was shot" marks one more victim. Counting perpetrators
    # ("the gunman shot himself") or "another"/"also" as extra people was tried on the dev half
    # of the GVA data and lost accuracy: articles mostly restate the same victims.
    additive = kind == "hit" and any(c.lower_ in ("second", "third") for c in victim.children)
    return Casualty(
        kind, count if known else None, text, start, end, pred.i,
        additive=additive, gender=_gender(victim), perpetrator=perpetrator,
    )  # fmt: skip


def _condition(tok: Token, lex: Lexicon) -> Casualty | None:
    """'... is in critical condition' → injured: the subject of the verb the phrase hangs on."""
    if not any(c.dep_ == "amod" and c.lower_ in lex.words["conditions"] for c in tok.children):
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.pos_ not in ("VERB", "AUX") or _tied_to_kill(verb, lex):
        return None  # "was in critical condition and died": counted as killed
    victim = _subject(verb) or _inherited(verb)
    if victim is None:
        return None
    victim = _resolve_relative(victim)
    count, known = count_victims(victim, lex)
    if not known:
        return None
    start, end = _phrase(victim)
    # A hospital condition says the victim was hurt, not that they survived (many die later),
    # so it counts like a hit: the dead are taken off it.
    text = tok.doc.text[start:end]
    return Casualty("hit", count, text, start, end, tok.i, gender=_gender(victim))


def _death_of(tok: Token, lex: Lexicon) -> Casualty | None:
    """'the (shooting) death of a 15-year-old', 'the teen's death' → killed."""
    victim = next((c for c in tok.children if c.dep_ == "poss"), None)
    if victim is None:
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if prep is not None:
            victim = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if victim is None or not _person_like(victim, lex):
        return None
    count, known = count_victims(victim, lex)
    if not known:
        return None
    start, end = _phrase(victim)
    return Casualty("killed", count, tok.doc.text[start:end], start, end, tok.i)


def _gunshot_wound(tok: Token, lex: Lexicon) -> Casualty | None:
    """'suffered a gunshot wound', 'the man, with gunshot wounds' → hit (outcome unknown)."""
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
    if not mods & {"gunshot", "gun", "bullet", "stab", "shotgun", "knife"}:
        return None
    head = tok.head
    victim: Token | None = None
    if tok.dep_ == "dobj":
        victim = _subject(head) or _inherited(head)
    elif tok.dep_ == "pobj" and head.lower_ == "with":
        owner = head.head
        if owner.pos_ in ("NOUN", "PROPN", "PRON"):
            victim = owner
        elif owner.pos_ in ("VERB", "AUX"):
            passive = any(c.dep_ == "auxpass" for c in owner.children)
            victim = _subject(owner) if passive else (_object(owner) or _subject(owner))
    if victim is None or victim.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
        return None
    victim = _resolve_relative(victim)
    count, known = count_victims(victim, lex)
    if not known or not _person_like(victim, lex):
        return None
    start, end = _phrase(victim)
    text = tok.doc.text[start:end]
    return Casualty("hit", count, text, start, end, tok.i, gender=_gender(victim))


def _person_like(tok: Token, lex: Lexicon) -> bool:
    """A victim phrase that can name people (not "the car", "a building")."""
    if tok.pos_ in ("PRON", "NUM") or tok.ent_type_ == "PERSON":
        return True
    lemma = tok.lemma_.lower()
    return lemma in lex.words["people"] or lemma.endswith("-old") or lemma in _AGE_UNITS


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
                if obj.lower_ in _REFLEXIVES:
                    end = obj.idx + len(obj.text)
                    return Casualty("killed", 1, obj.text, obj.idx, end, tok.i, True, None, True)
    return None


def _split_outcomes(pred: Token, lex: Lexicon) -> list[Casualty]:
    """'Three people were shot, one fatally' → killed 1 (the NUM with a fatal adverb)."""
    out = []
    for child in pred.children:
        if child.like_num and child.dep_ in ("npadvmod", "appos", "conj", "advmod", "nsubj"):
            advs = [g.lower_ for g in child.children]
            if any(a in lex.words["fatal_advs"] for a in advs):
                value = _number_at(child)
                out.append(
                    Casualty(
                        "killed", value, child.text, child.idx, child.idx + len(child.text), pred.i
                    )
                )
    return out


def find_casualties(doc: Doc, lex: Lexicon) -> list[Casualty]:
    """Every casualty figure in the document, in text order."""
    out: list[Casualty] = []
    for sent in doc.sents:
        out += casualties_in(sent, lex)
    return out
