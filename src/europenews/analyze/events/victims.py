"""Victim phrases: who a casualty predicate is about, and how many people that phrase counts.

"three people were killed" → "people" (3); "8 wounded" → "8"; "a man was shot and killed" →
"man" (1, shared by the conjoined verbs); "two men and a woman" → 3; "dozens" → unknown.
"""

from __future__ import annotations

import calendar

from spacy.tokens import Token

from europenews.analyze.events.lexicon import EventLexicon
from europenews.analyze.events.numbers import is_vague, parse_number, word_value

_SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
REFLEXIVES = frozenset({"himself", "herself"})
_NONE_WORDS = frozenset({"nobody", "none", "noone"})
_RELATIVES = frozenset({"who", "that", "which", "whom"})
_AGE_UNITS = frozenset({"year", "yr", "month", "week", "day", "old"})
MAX_COUNT = 100_000  # larger "counts" are phone numbers, addresses or years
_COUNT_NOUNS = frozenset({"total", "number", "toll", "count"})
_MALE = frozenset({"man", "boy", "he", "him", "himself", "father", "son", "husband", "brother"})
_FEMALE = frozenset({"woman", "girl", "she", "her", "herself", "mother", "daughter", "wife"})


def number_at(tok: Token) -> int | None:
    """The value of a number token with its compound number parts ("twenty - one", "1,200")."""
    parts = [c for c in tok.children if c.dep_ in ("compound", "quantmod") and c.like_num]
    of = next((c.i for c in tok.children if c.dep_ == "quantmod" and c.lower_ == "of"), None)
    if of is not None and any(p.i < of for p in parts):
        # "three of four members": three of them, not seven; "two out of three" the same.
        tok, parts = max((p for p in parts if p.i < of), key=lambda p: p.i), []
    words = [t.text for t in sorted([*parts, tok], key=lambda t: t.i)]
    value = parse_number(words)
    value = value if value is not None else word_value(tok.text)
    if value is None or value > MAX_COUNT or (1900 <= value <= 2100 and tok.text.isdigit()):
        return None
    if tok.text.isdigit() and _beside_month(tok):
        return None  # "07 June 2013", "June 7": a day of the month, not a head count
    return value


# Month names and their abbreviations, capitalised as dates write them ("June", "Jun.").
_MONTH_WORDS = frozenset(
    [m for m in calendar.month_name if m] + [m for m in calendar.month_abbr if m] + ["Sept"])


def _beside_month(tok: Token) -> bool:
    doc = tok.doc
    near = [doc[i].text.rstrip(".") for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return any(word in _MONTH_WORDS for word in near)


def is_age(num: Token) -> bool:
    """'5-year-old', '2 yr old': the number is an age, not a head count; so is a number
    between a person's name and a comma ("Dale Penn 21, was found": the age's first comma
    lost)."""
    doc = num.doc
    if (0 < num.i < len(doc) - 1 and doc[num.i - 1].ent_type_ == "PERSON"
            and doc[num.i + 1].text == ","):
        return True
    for i in range(num.i + 1, min(num.i + 3, len(doc))):
        if doc[i].lemma_.lower() in _AGE_UNITS:
            return True
    return False


def conjuncts(tok: Token) -> list[Token]:
    """The victim and the people conjoined to it. A list is also parsed as an apposition
    carrying the conjunction ("kills wife, son and himself": son appos of wife, himself conj
    of son); an apposition without one, or a name ("his wife, Mary Hale"), is the same
    person."""
    parts = [tok, *[c for c in tok.conjuncts if c.i > tok.i]]
    # A name followed by another name and a conjunction is a list of people ("Ann Brill, 50,
    # Kate Brill, 31, and Joe Brill"); a noun followed by a name is one ("his wife, Mary Hale").
    kinds = ("NN", "PRP") if tok.tag_ == "NN" else ("NNP",) if tok.tag_ == "NNP" else ()
    if len(parts) == 1 and kinds:
        listed = next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i
                       and c.tag_ in kinds and any(g.dep_ == "conj" for g in c.children)),
                      None)
        if listed is not None:
            parts += [listed, *[c for c in listed.conjuncts if c.i > listed.i]]
    if len(parts) == 1 and tok.tag_ == "NNP":
        # "Dale Penn, 66 and Rita Penn, 64": the second name hangs on the first one's age
        age = next((c for c in tok.children if c.dep_ == "appos" and c.like_num), None)
        if age is not None:
            parts += [c for c in age.children if c.dep_ == "conj" and c.tag_ == "NNP"]
    return parts


def _count_one(tok: Token, lex: EventLexicon) -> tuple[int | None, bool]:
    """(count, known) for one victim head, ignoring its conjuncts."""
    low = tok.lower_
    if tok.like_num or tok.pos_ == "NUM":
        if low == "one" and any(c.lower_ == "no" for c in tok.children):
            return 0, True
        value = number_at(tok)
        return value, value is not None
    if is_vague(low):
        return None, False
    if tok.pos_ == "PRON":
        if low in _NONE_WORDS:
            return 0, True
        if low in _SINGULAR_PRONOUNS or low in REFLEXIVES or low in ("someone", "somebody"):
            return 1, True
        return None, False
    if tok.lemma_.lower() in _AGE_UNITS:
        return 1, True  # "a 2 yr old", "a 15-year-old": the number is an age
    for child in tok.children:
        if child.dep_ == "nummod" and not is_age(child):
            if is_vague(child.lower_):
                return None, False
            value = number_at(child)
            if value is not None:
                return value, True
    if tok.lemma_.lower() == "couple" and tok.tag_ == "NN":
        # "the couple were found dead" is two people; "a couple of men" is vague
        return (None, False) if any(c.lower_ == "of" for c in tok.children) else (2, True)
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
    if tok.tag_ in ("NN", "NNP") or "Sing" in tok.morph.get("Number", None):
        return 1, True
    return None, False


def count_victims(tok: Token, lex: EventLexicon) -> tuple[int | None, bool]:
    """(count, known) for a victim head and its conjuncts ("two men and a woman" → 3)."""
    if tok.lemma_.lower() in _COUNT_NOUNS:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return count_victims(objs[0], lex)
    total = 0
    for part in conjuncts(tok):
        value, known = _count_one(part, lex)
        if not known or value is None:
            return None, False
        total += value
    return total, True


def subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "nsubj"):
            return child
    return None


def object_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
    return None


def find_victim(pred: Token, lex: EventLexicon) -> Token | None:
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
            return object_of(pred.head) or subject_of(pred.head) or inherited_subject(pred.head)
        return None
    obj = object_of(pred)
    passive = any(c.dep_ == "auxpass" for c in pred.children)
    subj = subject_of(pred)
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
        return inherited_subject(pred)
    return None


def inherited_subject(pred: Token) -> Token | None:
    """The subject a predicate shares with the verb it is conjoined to ("shot and killed")."""
    if pred.dep_ in ("conj", "xcomp", "advcl") and pred.head.i != pred.i:
        head = pred.head
        subj = subject_of(head)
        if subj is not None and (
            head.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in head.children)
        ):
            return subj
        if pred.dep_ == "conj":
            return inherited_subject(head)
    if pred.dep_ == "relcl":
        return pred.head
    if pred.dep_ == "acl" and pred.tag_ == "VBN" and pred.head.like_num:
        return pred.head  # "the three found dead"; not "risk (being) injured or killed"
    return None


_PREMODS = frozenset({"det", "nummod", "amod", "compound", "quantmod", "poss", "nmod"})


def victim_span(victim: Token) -> tuple[int, int]:
    """Character span of the victim phrase, its modifiers and conjuncts."""
    left = victim
    for child in victim.children:
        if child.i < victim.i and child.dep_ in _PREMODS and child.left_edge.i < left.i:
            left = child.left_edge
    right = conjuncts(victim)[-1]
    return left.idx, right.idx + len(right.text)


def gender_of(victim: Token) -> str | None:
    low = victim.lemma_.lower()
    if low in _MALE or victim.lower_ in _MALE:
        return "m"
    if low in _FEMALE or victim.lower_ in _FEMALE:
        return "f"
    return None


def resolve_relative(tok: Token) -> Token:
    if tok.lower_ in _RELATIVES and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def person_like(tok: Token, lex: EventLexicon) -> bool:
    """A victim phrase that can name people (not "the car", "a building")."""
    if tok.pos_ in ("PRON", "NUM") or tok.ent_type_ == "PERSON":
        return True
    lemma = tok.lemma_.lower()
    return lemma in lex.words["people"] or lemma.endswith("-old") or lemma in _AGE_UNITS
