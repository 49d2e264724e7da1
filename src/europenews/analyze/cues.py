"""Reporting cues in the dependency parse: who (subject), the cue words, and what was said.

A cue is a speech or belief verb ("said", "warned", "accused ... of"), "according to", a speech
noun with a that-clause ("X's statement that ..."), or a colon after a short name ("X: ...").
The content is read from the verb's complement (ccomp, object + xcomp/prepositional phrase).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Span, Token

SUBJECTS = ("nsubj", "csubj")
MAX_MENTION = 6  # tokens: a speaker's mention is a few words, never a clause
# Modifiers that belong to a speaker's mention ("German Foreign Minister Annalena Baerbock").
MENTION_LEFT = ("det", "compound", "amod", "poss", "case", "nummod", "nmod", "quantmod", "flat")
MENTION_RIGHT = ("compound", "flat", "case")
STATEMENT_NOUNS = frozenset({"statement", "tweet", "post", "release", "letter", "interview"})
# Dependents of a cue verb that never belong to its content.
NOT_CONTENT = ("punct", "advcl", "advmod", "npadvmod", "cc", "conj", "aux", "auxpass", "neg",
               "mark", "prt", "dative", "agent", "nsubj", "nsubjpass", "csubj", "expl", "parataxis")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Cue word lists (package data under ``analyze/data/quotes``)."""

    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    object_verbs: frozenset[str]
    prep_verbs: dict[str, frozenset[str]]
    speech_nouns: frozenset[str]
    titles: frozenset[str]


def _lines(name: str) -> list[str]:
    text = resources.files("europenews.analyze").joinpath("data", "quotes", name).read_text(
        encoding="utf-8"
    )
    return [ln.split("#", 1)[0].strip() for ln in text.splitlines() if ln.split("#", 1)[0].strip()]


def load_lexicon() -> Lexicon:
    """Read the cue lexicons shipped with the package."""
    preps = {}
    for line in _lines("prep_verbs.txt"):
        lemma, *words = line.split()
        preps[lemma] = frozenset(words)
    return Lexicon(
        speech_verbs=frozenset(_lines("speech_verbs.txt")),
        belief_verbs=frozenset(_lines("belief_verbs.txt")),
        object_verbs=frozenset(_lines("object_verbs.txt")),
        prep_verbs=preps,
        speech_nouns=frozenset(_lines("speech_nouns.txt")),
        titles=frozenset(_lines("titles.txt")),
    )


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting expression found in the parse (token indices; end-exclusive ranges)."""

    cue: tuple[int, int]
    subject: int | None  # head token of the speaker's mention
    content: tuple[tuple[int, int], ...]  # token ranges of what was said; () when not found
    colon: bool = False  # the cue is followed by a colon: what was said comes after it
    speech: bool = True  # a speech cue (not a belief verb): it may introduce a direct quote


def mention_range(head: Token) -> tuple[int, int]:
    """The few tokens that name a speaker: the head with its name/title modifiers."""
    if head.pos_ == "PRON":
        return head.i, head.i + 1
    start, end = head.i, head.i + 1
    for child in head.lefts:
        if child.dep_ in MENTION_LEFT:
            start = min(start, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in MENTION_RIGHT and child.i == end:
            end = child.right_edge.i + 1
    if head.ent_iob_ in ("B", "I"):
        doc = head.doc
        ent_start, ent_end = head.i, head.i + 1
        while ent_start > 0 and doc[ent_start].ent_iob_ == "I":
            ent_start -= 1
        while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
            ent_end += 1
        if ent_end - ent_start <= MAX_MENTION:
            start, end = min(start, ent_start), max(end, ent_end)
    if end - start > MAX_MENTION:  # a run-on title-case headline, not a name
        start = max(start, head.i - 2)
        end = min(end, head.i + 1)
    return start, end


def _speaker_head(token: Token) -> Token:
    """Prefer the possessor of a non-person subject ("Kallas' stance was ...")."""
    if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.pos_ in ("PRON", "PROPN"):
        return token
    for child in token.children:
        if child.dep_ == "poss" and (child.ent_type_ in ("PERSON", "ORG") or child.pos_ == "PROPN"):
            return child
    return token


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The speaker's head token: the verb's subject, or that of the verb it hangs from."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            if child.tag_ in ("WP", "WDT"):
                return child  # "who said ...": the mention is "who"; attribution resolves it
            return _speaker_head(child)
        if child.dep_ == "agent":  # "was told by X"
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _speaker_head(pobj)
    for child in verb.children:
        # Inverted or misparsed order ("...,” Baerbock stated"): a person right beside the verb.
        if abs(child.i - verb.i) <= 2 and child.ent_type_ in ("PERSON", "ORG") and child.dep_ in (
            "advmod", "npadvmod", "dep", "attr", "appos", "compound"
        ):
            return _speaker_head(child)
    if depth >= 3 or verb.head.i == verb.i:
        return None
    head = verb.head
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        if head.lemma_.lower() in STATEMENT_NOUNS and head.head.i != head.i:
            return subject_of(head.head, depth + 1)  # "His office put out a statement saying"
        return _speaker_head(head)
    participle = verb.dep_ in ("advcl", "ccomp", "pcomp", "dep") and verb.tag_ in ("VBG", "VBN")
    if participle or verb.dep_ in ("conj", "xcomp"):
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head  # "for arguing ...": up through the preposition
        return subject_of(head, depth + 1)
    return None


def _range(tokens: list[Token]) -> tuple[int, int] | None:
    tokens = [t for t in tokens if not t.is_punct]
    if not tokens:
        return None
    start = min(t.left_edge.i for t in tokens)
    end = max(t.right_edge.i for t in tokens) + 1
    doc = tokens[0].doc
    while start < end and (doc[start].is_punct or doc[start].dep_ == "mark"):
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in "”’\"'":
        end -= 1
    return (start, end) if end > start else None


def verb_content(verb: Token, lex: Lexicon) -> tuple[tuple[int, int], ...]:
    """Token range of what a cue verb reports (its complement), or () when it has none."""
    kids = list(verb.children)
    ccomps = [c for c in kids if c.dep_ == "ccomp"]
    if ccomps:
        found = _range(ccomps)
        return (found,) if found else ()
    after = [c for c in kids if c.i > verb.i and c.dep_ not in NOT_CONTENT]
    lemma = verb.lemma_.lower()
    preps = lex.prep_verbs.get(lemma, frozenset())
    chosen: list[Token] = []
    obj = next((c for c in after if c.dep_ in ("dobj", "obj")), None)
    for c in after:
        # A phrase right after the object usually belongs to it ("his support as a delegate").
        attached = obj is not None and lemma in lex.object_verbs and c.i == obj.right_edge.i + 1
        if c.dep_ == "prep" and c.lower_ not in preps and not attached:
            continue
        if c.dep_ in ("dobj", "obj") and not (
            lemma in lex.object_verbs or preps or any(k.dep_ in ("xcomp", "oprd") for k in kids)
        ):
            continue
        if c.dep_ in ("dobj", "obj", "xcomp", "prep", "dep", "oprd", "pcomp"):
            chosen.append(c)
    if not any(c.dep_ in ("xcomp", "prep", "dep", "dobj", "obj") for c in chosen):
        return ()
    found = _range(chosen)
    return (found,) if found else ()


def _that_clause(verb: Token) -> bool:
    """Any verb with a subject and a that-clause reports something ("the court ruled that")."""
    return any(c.dep_ in SUBJECTS for c in verb.children) and any(
        c.dep_ == "ccomp" and any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children)
        for c in verb.children
    )


def _verb_cue(verb: Token, lex: Lexicon, beliefs: bool) -> Cue | None:
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB":
        return None
    listed = lemma in lex.speech_verbs or (beliefs and lemma in lex.belief_verbs)
    if not listed and not (beliefs and _that_clause(verb)):
        return None
    kids = list(verb.children)
    prt = [c for c in kids if c.dep_ == "prt"]
    if lemma == "point" and not any(p.lower_ == "out" for p in prt):
        return None
    if lemma == "continue" and any(c.dep_ == "xcomp" for c in kids):
        return None
    if any(c.dep_ in ("nsubjpass",) for c in kids) and not any(c.dep_ == "agent" for c in kids):
        return None  # "was told", "is expected to": the grammatical subject did not speak
    end = max([verb.i + 1, *[p.i + 1 for p in prt if p.i == verb.i + 1]])
    content = verb_content(verb, lex)
    nxt = verb.doc[end] if end < len(verb.doc) else None
    colon = nxt is not None and nxt.text == ":"
    speaker = subject_of(verb)
    speech = lemma in lex.speech_verbs
    return Cue((verb.i, end), speaker.i if speaker is not None else None, content, colon, speech)


def _according_cue(token: Token) -> Cue | None:
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if to is None or pobj is None:
        return None
    sent = token.sent
    phrase = (token.left_edge.i, token.right_edge.i + 1)
    parts = []
    for start, end in ((sent.start, phrase[0]), (phrase[1], sent.end)):
        span = _trim_span(token.doc[start:end])
        if span is not None:
            parts.append(span)
    return Cue((token.i, to.i + 1), _speaker_head(pobj).i, tuple(parts))


def _trim_span(span: Span) -> tuple[int, int] | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct and doc[start].text not in "“‘\"'"):
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in "”’\"'":
        end -= 1
    words = sum(1 for t in doc[start:end] if not t.is_punct)
    return (start, end) if words >= 2 else None


def _noun_cue(noun: Token, lex: Lexicon) -> Cue | None:
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.speech_nouns:
        return None
    clause = [c for c in noun.children if c.dep_ in ("ccomp", "acl") and any(
        k.dep_ == "mark" and k.lower_ == "that" for k in c.children)]
    if not clause:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    speaker = poss
    if speaker is None and noun.dep_ in ("dobj", "obj"):
        speaker = subject_of(noun.head)
    found = _range(clause)
    if found is None:
        return None
    return Cue((noun.i, noun.i + 1), speaker.i if speaker is not None else None, (found,))


def _opens_paragraph(sent: Span) -> bool:
    if sent.start == 0:
        return True
    prev = sent.doc[sent.start - 1]  # line breaks are whitespace tokens of their own
    return prev.is_space and "\n" in prev.text


def _colon_cue(sent: Span) -> Cue | None:
    """``Name: what they said`` — a short name, a colon, then at least three words."""
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None or colon.i - sent.start > 6 or colon.i == sent.start:
        return None
    before = sent.doc[sent.start : colon.i]
    if any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    head = next((t for t in reversed(before) if t.ent_type_ in ("PERSON", "ORG")), None)
    if head is None and colon.i - sent.start <= 2 and _opens_paragraph(sent):
        # A paragraph that opens "Poll: ..." or "PENCE: ..." (headlines, transcripts).
        head = next((t for t in reversed(before) if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None:
        return None
    rest = _trim_span(sent.doc[colon.i + 1 : sent.end])
    if rest is None or rest[1] - rest[0] < 3:
        return None
    return Cue((colon.i, colon.i + 1), head.i, (rest,), colon=True)


def find_cues(doc: Doc, lex: Lexicon, beliefs: bool = True) -> list[Cue]:
    """All reporting cues of the document, in text order."""
    cues: list[Cue] = []
    for token in doc:
        cue = _verb_cue(token, lex, beliefs) or _according_cue(token) or _noun_cue(token, lex)
        if cue is not None:
            cues.append(cue)
    for sent in doc.sents:
        cue = _colon_cue(sent)
        if cue is not None:
            cues.append(cue)
    return sorted(cues, key=lambda c: c.cue)
