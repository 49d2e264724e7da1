"""Deaths that are no violent event: an obituary ("Fred Holm dies at 75", "died of cancer",
"passed away peacefully") or a death long past ("His wife died in 1984"); and a "fire" that is
no shot ("ordered the director to fire him").

A monitor of violent events reads "died" as a casualty only where violence is near: in a
shooting report "the man died at the hospital" is the incident's death, in an obituary it is
the news itself and must not become a red "1 killed" on the map. A sentence (or title) that
says how someone died a natural death, or dates the death to a year, and holds no word of
violence, gives no killed figure; in an article without any event word or word of violence,
neither a bare death word nor someone "hurt" or "seized" makes a casualty (``quiet_figure``),
where a word of violence is read as such only when it is one: not "executive", "bombshell",
"to fire him" or "a shot in the arm for" (``violent_doc``). A death told without an event word
in an article of a fall or a drowning, with no word of attack, is an accident
(``untriggered_type``).
Pure functions over the events lexicon (``natural_death_words`` and ``violence_stems`` of
``casualty_words.json``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from europenews.analyze.doctext import doc_text, span_text
from europenews.analyze.events.casualties import Casualty
from europenews.analyze.events.lexicon import EventLexicon, words_pattern
from europenews.textdates import MONTH_NAME

_MONTH = rf"(?:{MONTH_NAME})\.?"
# "dies at 75", "dead at 95", "died at the age of 88": an age, the obituary's headline form.
_AT_AGE = re.compile(r"\b(?:dies|died|dead)\s*,?\s+at\s+(?:the\s+age\s+of\s+|age\s+)?\d{2,3}\b"
                     r"(?![:.]\d|\s*(?:[ap]\.?m\b|[ap]\.m\.|o'clock))",  # not "dead at 11:01 p.m."
                     re.IGNORECASE)
# "died in 1984", "died in May 1972", "died on June 3, 1999": a death dated to a year.
_IN_YEAR = re.compile(r"\b(?:died|dies|death)\s+(?:in|on)\s+(?:" + _MONTH
                      + r"\s+(?:\d{1,2},?\s+)?)?(?:1[89]|20)\d\d\b", re.IGNORECASE)


def natural_death(sent: Span, lex: EventLexicon) -> bool:
    """Whether the sentence reports a death that is no violent event (no word of violence)."""
    return natural_death_text(span_text(sent), lex)


def natural_death_text(text: str, lex: EventLexicon) -> bool:
    """:func:`natural_death` on a text that is not parsed (a title)."""
    natural = words_pattern(lex.words.get("natural_death_words", frozenset()))
    if not (_AT_AGE.search(text) or _IN_YEAR.search(text) or natural.search(text.lower())):
        return False
    # A coroner or an autopsy finds natural deaths too ("died ... of natural causes").
    return not violent_text(_INQUEST.sub(" ", text), lex)


def no_event_figures(doc: Doc, lex: EventLexicon, triggers: bool
                     ) -> tuple[Callable[[Casualty], bool] | None, bool]:
    """The test for the article's figures that are no event's casualties (None: all may be),
    and whether the article is quiet: no event word (``triggers`` False) and no word of
    violence anywhere. In a quiet article every :func:`quiet_figure` goes; under an
    obituary's title a death told by a bare death word in a sentence without violence."""
    if not triggers and not violent_doc(doc, lex):
        return (lambda f: quiet_figure(f, doc, lex)), True
    if obituary(doc, lex):
        return (lambda f: f.kind == "killed" and quiet_figure(f, doc, lex)
                and not violent_text(doc[f.token].sent.text, lex)), False
    return None, False


def recalled_deaths(sents: list[Span], has_triggers: bool, figures: list[Casualty],
                    doc: Doc, lex: EventLexicon) -> list[Casualty]:
    """An event's figures without the deaths told by "die" or "death" alone when its sentences
    hold neither an event word nor a word of violence ("the retired judge died Thursday at her
    home", "after her husband's death") in a long article that recalls violence elsewhere. A
    body "found dead" or "pronounced dead" stays: that is how an incident report tells it."""
    if has_triggers or any(violent_text(s.text, lex) for s in sents):
        return figures
    return [f for f in figures
            if not (f.kind == "killed" and doc[f.token].lemma_.lower() in ("die", "death"))]


def dismissal(tok: Token, lex: EventLexicon) -> bool:
    """Whether the verb "fire" means to dismiss: its object, or its passive subject, is a person
    ("voted to fire him", "the coach was fired"), and nothing is fired at anyone ("fired
    at him", "was fired upon"). Shots, rounds and guns are fired; people are shot."""
    if tok.lemma_.lower() != "fire" or tok.pos_ != "VERB":
        return False
    if any(c.dep_ == "dobj" and _person(c, lex) for c in tok.children):
        return True  # "to fire him on Monday"
    if not any(c.dep_ == "nsubjpass" and _person(c, lex) for c in tok.children):
        return False
    return not any(_aimed(c) for c in tok.children)  # not "he was fired upon"


def _aimed(tok: Token) -> bool:
    """A preposition of shooting at someone: "at", "upon", "into", or "on" but for a date."""
    if tok.dep_ not in ("prep", "prt", "agent"):
        return False
    if tok.lower_ == "on":
        return not any(c.ent_type_ in ("DATE", "TIME") for c in tok.children)
    return tok.lower_ in _AT_WORDS


def figurative_shot(tok: Token) -> bool:
    """Whether the noun "shot" is the idiom "a shot in the arm for" (a boost, no shooting)."""
    if tok.lower_ != "shot" or tok.pos_ != "NOUN":
        return False
    return bool(_SHOT_IN_THE_ARM.match(tok.doc[tok.i:tok.sent.end].text))


def _person(tok: Token, lex: EventLexicon) -> bool:
    if tok.lower_ in _PERSON_PRONOUNS or tok.ent_type_ == "PERSON":
        return True
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in _STAFF_NOUNS or lemma in lex.words["people"])


_SHOT_IN_THE_ARM = re.compile(r"shot in the arm (?:for|to)\b", re.IGNORECASE)
# "fired at", "fired upon", "fired into the crowd", "fired back" ("on": ``_aimed``).
_AT_WORDS = frozenset({"at", "upon", "into", "toward", "towards", "back", "off"})
_PERSON_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you", "he", "she", "they",
                              "i", "we", "himself", "herself", "themselves"})
# People whose work can end by being fired.
_STAFF_NOUNS = frozenset({"coach", "manager", "employee", "staffer", "worker", "director",
                          "chief", "officer", "official", "executive", "aide", "adviser",
                          "advisor", "teacher", "secretary", "minister", "prosecutor",
                          "attorney", "editor", "reporter", "ceo", "president", "commissioner",
                          "superintendent", "principal", "staff", "player", "contractor",
                          "deputy", "assistant", "spokesman", "spokeswoman", "lawyer"})


def obituary(doc: Doc, lex: EventLexicon) -> bool:
    """Whether the article's title reads as an obituary's ("Fred Holm dies at 75")."""
    title = doc._.title if doc.has_extension("title") else None
    return isinstance(title, str) and natural_death_text(title, lex)


def violent_text(text: str, lex: EventLexicon) -> bool:
    """Whether a word of the text begins with one of the lexicon's ``violence_stems``."""
    stems = tuple(lex.words.get("violence_stems", frozenset()))
    none = lex.words.get("not_violent_words", frozenset())
    return any(word.startswith(stems) and word not in none
               for word in _WORD.findall(text.lower()))


def untriggered_type(doc: Doc, lex: EventLexicon) -> str:
    """The type of an event told without an event word ("died after slipping and falling"):
    an accident where the article speaks of one (``accident_stems``) and of no attack
    (``attack_stems``), else an attack."""
    words = _WORD.findall(doc_text(doc).lower())
    none = lex.words.get("not_violent_words", frozenset())
    accident = tuple(lex.words.get("accident_stems", ()))
    attack = tuple(lex.words.get("attack_stems", ()))
    if accident and any(w.startswith(accident) for w in words) and not any(
            w.startswith(attack) and w not in none for w in words):
        return "accident"
    return "attack"


def violent_doc(doc: Doc, lex: EventLexicon) -> bool:
    """:func:`violent_text` over a parsed article, where a word that begins like a word of
    violence but is used otherwise ("ordered to fire him", "a shot in the arm for") is none."""
    stems = tuple(lex.words.get("violence_stems", frozenset()))
    none = lex.words.get("not_violent_words", frozenset())
    return any(
        tok.lower_.startswith(stems) and tok.lower_ not in none
        and not dismissal(tok, lex) and not figurative_shot(tok)
        for tok in doc
    )


def quiet_figure(figure: Casualty, doc: Doc, lex: EventLexicon) -> bool:
    """A figure that is no event's casualty in an article with no event word and no word of
    violence anywhere: a death told by a bare death word ("the death of", "died": an election
    report recalling a ruler's death, an obituary), someone "hurt" or "hospitalized" (a
    campaign "hurt him"), someone "seized" (a party "seized upon" a report)."""
    if figure.kind in ("injured", "kidnapped"):
        return True
    if figure.kind != "killed":
        return False
    lemma = doc[figure.token].lemma_.lower()
    return lemma in lex.words["people_only"] or lemma in lex.words["killed_nouns"]


_WORD = re.compile(r"[a-z]+")
_INQUEST = re.compile(r"\b(?:coroner|autops)\w*", re.IGNORECASE)
