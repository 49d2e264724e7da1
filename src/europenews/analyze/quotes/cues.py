"""Reporting cues in the dependency parse: who (subject), the cue words, and what was said.

A cue is a speech or belief verb ("said", "warned", "accused ... of"), "according to", a speech
noun with a that-clause ("X's statement that ..."), or a colon after a short name ("X: ...").
The content is read from the verb's complement (ccomp, object + xcomp/prepositional phrase).
"""

from __future__ import annotations

import re

from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from europenews.analyze.doctext import doc_text
from europenews.analyze.quotes.cue import Cue
from europenews.analyze.quotes.cuebounds import (
    aside_content,
    before_tail,
    frames,
    has_quote,
    named_content,
    tail_report,
    tail_speakers,
    trim_span,
)
from europenews.analyze.quotes.inversion import (
    inverted_cue,
    inverted_speaker,
    placed_headline,
    reads_french_order,
    source_cue,
)
from europenews.analyze.quotes.lexicon import QuoteLexicon
from europenews.analyze.quotes.marks import QUOTE_TOKENS
from europenews.analyze.quotes.speakers import (
    SUBJECTS,
    coordinated_report,
    inverted_subject,
    noun_before,
    speaker_head,
    subject_of,
)

# Dependents of a cue verb that never belong to its content.
NOT_CONTENT = ("punct", "advcl", "advmod", "npadvmod", "cc", "conj", "aux", "auxpass", "neg",
               "mark", "prt", "dative", "agent", "nsubj", "nsubjpass", "csubj", "expl", "parataxis")


# Verbs that name or judge their object ("called her “third-rate”", "declared it ...").
NAMING_VERBS = frozenset({"call", "declare", "label", "dub", "brand", "deem", "name", "term"})
# Verbs that name their object with a quoted word, directly or with "as" ("described it as
# “reckless”"): the quoted name ends what was said.
NAME_READERS = NAMING_VERBS | {"describe", "hail", "characterize", "portray", "refer"}
NAME_DEPS = ("oprd", "xcomp", "attr", "npadvmod", "dep", "prep")
TAIL_MARKS = frozenset({"as", "though", "although"})
# Verbs whose one bare object is no report: who was phoned ("call 911", "called the police"),
# who was found ("identified the suspect", not "identified him as ...").
REACH_VERBS = frozenset({"call", "phone", "telephone", "identify"})
# Verbs of perceiving report only a finite clause ("heard there had been a crash"); with a bare
# verb or a participle they tell what someone saw ("saw the car swerve", "heard people
# screaming"). Not "find": "I find his plan reckless", "the poll found Lee leading" are views.
PERCEIVING = frozenset({"see", "hear", "watch", "notice", "feel", "learn"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
PAPER_VERBS = frozenset({"say", "show", "state", "allege"})  # "charging papers say"
# Page furniture before a colon: captions, credits, links ("Photo: ...", "Follow us: ...");
# not "Twitter", which a name may precede ("Senator X on Twitter: “...”").
LABELS = frozenset({"photo", "photos", "courtesy", "credit", "image", "video", "caption",
                    "follow", "contact", "update", "related", "app"})
STAMPS = frozenset({"posted", "updated", "published", "modified"})  # "Posted: Monday, 6:55 PM"
# Compared as numbers (Token.pos, Token.lower): every token of an article is asked.
VERB, NOUN, ACCORDING = (StringStore().as_int(x) for x in ("VERB", "NOUN", "according"))


def _tense(verb: Token) -> str:
    """The tag carrying a verb's tense ("did not suggest" → VBD, like "said")."""
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.lemma_ == "do"), None)
    return aux.tag_ if aux is not None else verb.tag_


def _outside_tail(child: Token, head: Token, cue: Token) -> bool:
    """Whether a trailing dependent of a reported clause belongs to the cue's own sentence.

    ``Kasich says he'd ... and tells the crowd ...``: a subjectless verb coordinated with the
    clause but in the cue's tense; ``... as he faces ...``, ``... though voters ...``: a framing
    or conceding clause (a "while ..." contrast usually belongs to what was said)."""
    if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
        own_subject = any(c.dep_ in SUBJECTS for c in child.children)
        return not own_subject and _tense(child) == _tense(cue) != _tense(head)
    return frames(child, TAIL_MARKS)


def subtree_range(tokens: list[Token], cue: Token | None = None) -> tuple[int, int] | None:
    """The token range the tokens' subtrees cover, punctuation aside (None: nothing left)."""
    tokens = [t for t in tokens if not t.is_punct]
    if not tokens:
        return None
    start = min(t.left_edge.i for t in tokens)
    end = max(t.right_edge.i for t in tokens) + 1
    if cue is not None:
        # Before an inverted cue ("... as donors waited ..., he said") the whole clause is
        # what was said: only a report that follows its cue has tails of the cue's own.
        for tok in (t for t in tokens if t.i > cue.i):
            for child in tok.rights:
                if _outside_tail(child, tok, cue):
                    end = min(end, child.left_edge.i)
    doc = tokens[0].doc
    while start < end and (
        doc[start].is_punct or doc[start].dep_ == "mark"
        or (cue is not None and doc[start].head.i == cue.i and doc[start] not in tokens)
    ):
        start += 1  # "said Tuesday that ...": the cue's own modifiers are not content
    while end > start and (
        (doc[end - 1].is_punct and doc[end - 1].text not in "”’\"'") or doc[end - 1].pos_ == "CCONJ"
    ):
        end -= 1
    return (start, end) if end > start else None


def _quoted_conj(verb: Token, found: tuple[int, int], lex: QuoteLexicon) -> tuple[int, int]:
    """``said Lind has been “a vital part of the team,” and the club would need to
    ...``: a clause the parser coordinated with the cue, right after a quoted report, goes on
    with what was said (a clause with a cue of its own does not); so does a verb without a
    subject in another tense than the cue (``told the paper that the forecasts could be
    “far off,” and have failed before``)."""
    doc = verb.doc
    for c in verb.rights:
        if c.dep_ not in ("conj", "advcl") or c.pos_ not in ("VERB", "AUX") or c.i < found[1]:
            continue
        between = doc[found[1] : c.left_edge.i]
        if len(between) > 3 or any(not t.is_punct and t.lower_ != "and" for t in between):
            break
        if (c.lemma_.lower() in lex.speech_verbs or c.lemma_.lower() in lex.belief_verbs
                or any(k.dep_ == "ccomp" for k in c.children)):
            break
        if any(k.dep_ in (*SUBJECTS, "expl") and k.i < c.i for k in c.children):
            if c.dep_ != "conj" or not any(t.lower_ == "and" for t in between):
                break
        elif c.tag_ == "VBG" or _tense(c) == _tense(verb) or any(
            k.dep_ == "aux" and k.lower_ == "to" for k in c.children
        ):
            # "said “...,” and left": the speaker going on; "... is ready to “fix the
            # buses,” repair the roads ...", "could be “far off,” and have failed ...": a verb
            # in another tense continues what was said.
            break
        end = c.right_edge.i + 1
        while end > found[0] and doc[end - 1].is_punct:
            end -= 1
        return (found[0], end)
    return found


def _next_paragraph(verb: Token, clause: Token) -> bool:
    """A clause the parser ran on into the next paragraph is not the verb's complement
    (``hailed the vote as “fantastic.”`` ¶ ``Clinton ... did not mention Trump``)."""
    doc = verb.doc
    return clause.i > verb.i and any("\n" in t.text for t in doc[verb.i : clause.left_edge.i])


# Words of a quantity: a verb whose content is only a number of these reports nothing.
QUANTITY = frozenset({"percent", "%", "per", "cent", "points", "point", "votes", "delegates"})

def verb_content(verb: Token, lex: QuoteLexicon) -> tuple[tuple[int, int], ...]:
    """Token range of what a cue verb reports (its complement), or () when it has none."""
    kids = list(verb.children)
    ccomps = [c for c in kids if c.dep_ == "ccomp" and not _next_paragraph(verb, c)]
    lemma = verb.lemma_.lower()
    preps = lex.prep_verbs.get(lemma, frozenset())
    if ccomps and all(c.i < verb.i for c in ccomps) and any(
        c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i for c in kids
    ):
        ccomps = []  # "As the war ... approaches, X calls for ...": the call is what follows
    if ccomps and all(c.i < verb.i for c in ccomps) and lemma in NAME_READERS and any(
        c.i > verb.i and c.dep_ in NAME_DEPS and has_quote(c) for c in kids
    ):
        ccomps = []  # "She drew his ire - he called her “weak”": the name is what was said
    if ccomps:
        found = subtree_range(ccomps, verb)
        if found and ccomps[-1].i > verb.i and has_quote(ccomps[-1]):
            found = _quoted_conj(verb, found, lex)
        return (found,) if found else ()
    after = [c for c in kids if c.i > verb.i and c.dep_ not in NOT_CONTENT]
    chosen: list[Token] = []
    obj = next((c for c in after if c.dep_ in ("dobj", "obj")), None)
    if obj is None and lemma in lex.spoken_of and verb.dep_ != "relcl" and not any(
            c.tag_ in ("WDT", "WP") or c.dep_ == "agent" for c in verb.children):
        # "Clinton Accused Of ...", "Obama praised for ...": spoken of, not speaking (but "the
        # war that analysts blame for ...": the object stands before, as a relative pronoun;
        # "was criticized for ... by conservatives": the agent speaks).
        return ()
    complements: tuple[str, ...] = ("xcomp", "oprd")
    if lemma in NAMING_VERBS and obj is not None:
        # "declaring it “another great night”": the parser hangs the name on the verb.
        complements = ("xcomp", "oprd", "npadvmod", "attr", "dep")
    quoted_prep = any(k.dep_ == "prep" and has_quote(k) for k in after)
    for c in after:
        # A phrase right after the object usually belongs to it ("his support as a delegate").
        attached = obj is not None and lemma in lex.object_verbs and c.i == obj.right_edge.i + 1
        # Words in quotation marks are what was said ("teased Lind for “losing the plot”").
        quoted = has_quote(c)
        if c.dep_ == "prep" and c.lower_ not in preps and not attached and not quoted:
            continue
        if c.dep_ in ("dobj", "obj") and not (
            lemma in lex.object_verbs or preps or quoted or quoted_prep
            or any(k.dep_ in complements for k in kids)
        ):
            continue
        # "called for concrete “steps forward”": the parser hangs the quotation as a dep.
        if c.dep_ in ("dobj", "obj", "prep", "pcomp", *complements) or (quoted and c.dep_ == "dep"):
            chosen.append(c)
    if not any(c.dep_ in ("xcomp", "prep", "dep", "dobj", "obj", "oprd") for c in chosen) or (
            lemma in REACH_VERBS and not any(map(has_quote, chosen)) and all(
                _bare_object(c) or (c.dep_ == "prep" and c.lower_ not in preps) for c in chosen)):
        return ()
    found = subtree_range(chosen)
    if found and lemma in NAME_READERS and obj is not None:
        found = named_content(verb, found)
    if found and all(t.like_num or t.lower_ in QUANTITY for t in verb.doc[found[0] : found[1]]):
        return ()  # "Clinton support 27 percent": a poll's figure, not what anyone said
    return (found,) if found else ()


def _bare_object(c: Token) -> bool:
    """An object, but not one of "identify" with an "as" the parser hung inside it ("identified
    the man killed as ..."): only that verb says who someone was with "as" ("called the
    pay-as-you-go phone" is still a phone call)."""
    return c.dep_ in ("dobj", "obj") and not (
        c.head.lemma_.lower() == "identify" and any(k.lower_ == "as" for k in c.subtree))


def _finite(clause: Token) -> bool:
    """A clause with a tense of its own or a "that" ("there had been ...", "that ...")."""
    return clause.tag_ in FINITE_TAGS or any(
        k.dep_ in ("aux", "auxpass", "mark") and (k.tag_ in FINITE_TAGS or k.lower_ == "that")
        for k in clause.children)


def _no_report(verb: Token, content: tuple[int, int], speech: bool) -> bool:
    """What a cue's content holds is no speech: a perception (:data:`PERCEIVING`) without a
    finite clause, a score ("posted 31 points"), or the rest of a relative clause of a belief
    ("a move that we all expected would come": a fragment of a thought; "a bridge that she said
    the county would fund" is still speech). A quotation in it counts."""
    if any(t.text in QUOTE_TOKENS for t in verb.doc[content[0] : content[1]]):
        return False
    lemma = verb.lemma_.lower()
    if lemma == "post" and any(c.dep_ in ("dobj", "obj") and any(
            k.dep_ == "nummod" for k in c.children) for c in verb.children):
        return True
    if verb.dep_ == "relcl" and content[0] <= verb.i and not speech:
        return True
    return lemma in PERCEIVING and not any(c.dep_ == "ccomp" and _finite(c) for c in verb.children)


def _that_clause(verb: Token) -> bool:
    """Any verb with a subject and a that-clause reports something ("the court ruled that")."""
    return any(c.dep_ in SUBJECTS for c in verb.children) and any(
        c.dep_ == "ccomp" and any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children)
        for c in verb.children
    )


# Where a verb of answering takes people rather than words ("responded to the scene").
_SCENES = frozenset({"call", "scene", "area", "residence", "home", "house", "address",
                     "location", "apartment", "alarm", "disturbance", "hospital", "block",
                     "street", "road", "intersection", "lot"})


def _verb_cue(verb: Token, lex: QuoteLexicon, beliefs: bool) -> Cue | None:
    if verb.pos != VERB:  # a number, not a string: every token is asked
        return None
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    prt = [c for c in kids if c.dep_ == "prt"
           or (c.i == verb.i + 1 and c.dep_ == "advmod" and c.pos_ in ("ADV", "ADP"))
           or (c.i == verb.i + 1 and c.dep_ == "dobj" and c.lower_ == "it")]  # "as X put it"
    if lemma in lex.phrasal:  # "shot back", "went on", "pointed out": only with the particle
        if not any(p.lower_ in lex.phrasal[lemma] for p in prt):
            return None
    elif not (lemma in lex.speech_verbs or (beliefs and lemma in lex.belief_verbs)
              or (beliefs and _that_clause(verb))):
        return None
    if lemma in ("continue", "go") and any(c.dep_ == "xcomp" for c in kids):
        return None  # "went on to say": the cue is "say"
    if any(c.dep_ in ("nsubjpass",) for c in kids) and not any(c.dep_ == "agent" for c in kids):
        return None  # "was told", "is expected to": the grammatical subject did not speak
    if any(c.lower_ == "to" and any(o.lemma_.lower() in _SCENES for o in c.children)
           for c in kids):
        return None  # "officers responded to a call", "to the scene": they went, not spoke
    if any(c.lower_ == "whenever" for c in kids):
        return None  # "Whenever Ann Lee posts new content, ...": a site's template, a habit
    end = max([verb.i + 1, *[p.i + 1 for p in prt if p.i == verb.i + 1]])
    content = verb_content(verb, lex)
    if content and _no_report(verb, content[0], lemma in lex.speech_verbs):
        return None
    tail = tail_report(verb, content[0], lex.speech_verbs) if content else None
    if tail is not None:
        content = (before_tail(content[0], tail),)
    last = verb.doc[content[0][1] - 1] if content and content[0][0] == verb.i + 1 else verb
    if verb.tag_ == "VBG" and verb.i < last.i <= verb.i + 3 and last.lemma_ in PAPER_VERBS:
        return None  # "..., charging papers say": the participle is the speaker's adjective
    around = aside_content(verb, lex) if lemma in lex.speech_verbs else None
    if around is not None:
        content, tail = around, None
    nxt = verb.doc[end] if end < len(verb.doc) else None
    colon = nxt is not None and nxt.text == ":"
    report = coordinated_report(verb, lex.speech_verbs) if lemma in lex.speech_verbs else None
    speaker = report or subject_of(verb) or inverted_subject(verb) or noun_before(verb)
    speech = lemma in lex.speech_verbs or lemma in lex.phrasal
    return Cue((verb.i, end), speaker.i if speaker is not None else None, content, colon, speech,
               tail.i if tail is not None else None, around is not None)


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
        span = trim_span(token.doc[start:end])
        if span is not None:
            parts.append(span)
    return Cue((token.i, to.i + 1), speaker_head(pobj).i, tuple(parts))


def _noun_cue(noun: Token, lex: QuoteLexicon) -> Cue | None:
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
    elif speaker is None and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        speaker = subject_of(noun.head.head)  # "X said in a statement that ..."
    found = subtree_range(clause)
    if found is None:
        return None
    return Cue((noun.i, noun.i + 1), speaker.i if speaker is not None else None, (found,))


def _opens_paragraph(sent: Span) -> bool:
    if sent.start == 0:
        return True
    prev = sent.doc[sent.start - 1]  # line breaks are whitespace tokens of their own
    return prev.is_space and "\n" in prev.text


def _colon_cue(sent: Span, colon: Token) -> Cue | None:
    """``Name: what they said`` — a short name, a colon, then at least three words."""
    if colon.i - sent.start > 6 or colon.i == sent.start:
        return None
    before = sent.doc[sent.start : colon.i]
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in LABELS for t in before):
        return None  # "Photo: ...", "Contact Ann Lee: ..." is a label, nobody speaking
    head = next((t for t in reversed(before) if t.ent_type_ in ("PERSON", "ORG")), None)
    if head is None and colon.i - sent.start <= 2 and _opens_paragraph(sent):
        # A paragraph that opens "Poll: ..." or "PENCE: ..." (headlines, transcripts).
        head = next((t for t in reversed(before) if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None:
        return None
    # A page's time stamp run into the line ("… killed Posted: Monday, …") ends what was said.
    end = next((t.i for t in sent.doc[colon.i + 1 : sent.end - 1] if t.lower_ in STAMPS
                and t.nbor().text == ":"), sent.end)
    rest = trim_span(sent.doc[colon.i + 1 : end])
    if rest is None or rest[1] - rest[0] < 3 or not any(
            t.pos_ in ("VERB", "AUX") or t.is_quote for t in sent.doc[colon.i + 1 : sent.end]):
        return None  # "Courtesy: Ann Lee", "App: iPhone | Android": a credit, no claim
    return Cue((colon.i, colon.i + 1), head.i, (rest,), colon=True)


def find_cues(doc: Doc, lex: QuoteLexicon, beliefs: bool = True) -> list[Cue]:
    """All reporting cues of the document, in text order."""
    cues: list[Cue] = []
    french = reads_french_order(lex)
    for token in doc:  # every token: numbers (not strings) are compared before the calls
        cue = _verb_cue(token, lex, beliefs) or (
            _according_cue(token) if token.lower == ACCORDING else None) or (
            _noun_cue(token, lex) if token.pos == NOUN else None)
        if cue is None and french:  # inverted speakers, « selon X » (inversion.py)
            cue = inverted_cue(token, lex, beliefs) or source_cue(token, lex)
        elif cue is not None and french:
            cue = inverted_speaker(cue, token, lex)  # « affirme-t-il »: the pronoun speaks
        if cue is not None:
            cues.append(cue)
    cues = tail_speakers(doc, cues)
    # "He honestly believes, he said, that ...": the aside reports the verb it interrupts.
    framed = {doc[c.cue[0]].head.i for c in cues if c.aside}
    cues = [c for c in cues if c.aside or c.cue[0] not in framed]
    sents: set[int] = set()  # each sentence's first colon that is a token of its own
    for colon in filter(None, (doc.char_span(m.start(), m.end())
                               for m in re.finditer(":", doc_text(doc)))):
        sent = colon.sent
        cue = None if sent.start in sents else _colon_cue(sent, colon[0])
        sents.add(sent.start)
        if cue is not None and not placed_headline(doc, cue):
            cues.append(cue)
    return sorted(cues, key=lambda c: c.cue)
