"""Who is speaking: the head token of a cue's speaker, and the few tokens of its mention.

The cue verb's subject; failing that, news style: a participle takes the subject of the clause it
hangs from ("..., calling it ..."), an inverted cue the name after it ("...,” said Lena Fisk"), a
dateline is skipped ("OSLO (Reuters) - Henrik Dahl said"). The chooser (``chooser.py``) decides
among these and the article's other mentions.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from europenews.analyze.quotes.marks import QUOTE_TOKENS
from europenews.model import Mention, Speaker

SUBJECTS = ("nsubj", "csubj")
CLOSING_MARKS = ("”", "\"", "''")
MAX_MENTION = 6  # tokens: a speaker's mention is a few words, never a clause
MENTION_STOPS = QUOTE_TOKENS | {"–", "—"}
# Modifiers that belong to a speaker's mention ("German Foreign Minister Annalena Baerbock").
MENTION_LEFT = ("det", "compound", "amod", "poss", "case", "nummod", "nmod", "quantmod", "flat")
MENTION_RIGHT = ("compound", "flat", "case")
STATEMENT_NOUNS = frozenset({"statement", "tweet", "post", "release", "letter", "interview"})
# What a speaker puts out that then "says" or "calls" something: "Trump released an ad calling
# it ...", "a marketing video that said ..." speak for whoever released them.
MEDIA_NOUNS = frozenset({"ad", "video", "memo", "commercial", "email", "op-ed", "mailer"})
# "when protesters interrupted her, shouting ...", "where 50 protesters had gathered, chanting":
# clauses of the moment or place the speaking happened, not "after they came out" or "for her
# to live in".
TIME_MARKS = frozenset({"when", "as", "while", "where"})
ELLIPSIS_MARKS = frozenset({"when", "if", "once", "unless"})
EUPHONIC_T = frozenset({"-t", "-t-"})  # French "a-t-il": the t between two vowels
PERCEPTION = frozenset({"see", "watch", "look", "feel", "notice", "hear"})
TIME_NOUNS = frozenset({"point", "time", "moment", "day", "week", "night", "stage"})


def mention_range(head: Token) -> tuple[int, int]:
    """The few tokens that name a speaker: the head with its name/title modifiers."""
    if head.pos_ == "PRON":
        return head.i, head.i + 1
    start, end = head.i, head.i + 1
    for child in head.lefts:
        if child.dep_ in MENTION_LEFT and child.pos_ != "VERB":  # not "Continued Stone:"
            start = min(start, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in MENTION_RIGHT and child.i == end:
            end = child.right_edge.i + 1
    doc = head.doc
    if head.ent_iob_ in ("B", "I"):
        ent_start, ent_end = head.i, head.i + 1
        while ent_start > 0 and doc[ent_start].ent_iob_ == "I":
            ent_start -= 1
        while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
            ent_end += 1
        # "Trump assured Jones" tagged as one entity: a mention stops at a verb.
        verbs = [t.i for t in doc[ent_start:ent_end] if t.pos_ == "VERB"]
        ent_start = max([ent_start, *[i + 1 for i in verbs if i < head.i]])
        ent_end = min([ent_end, *[i for i in verbs if i > head.i]])
        if ent_end - ent_start <= MAX_MENTION:
            start, end = min(start, ent_start), max(end, ent_end)
    if end - start > MAX_MENTION:  # a run-on title-case headline, not a name
        start = max(start, head.i - 2)
        end = min(end, head.i + 1)
    # A mention stays in its paragraph ("7:40 p.m.\n\nBernie Sanders" is a dateline + name),
    # outside the quotation ("...the most able candidate,” Viguerie says") and after a
    # dateline's dash ("GREENVILLE, S.C. - Sen. Ted Cruz").
    for i in range(head.i - 1, start - 1, -1):
        if "\n" in doc[i].text or _stops_mention(doc[i]):
            start = i + 1
            break
    for i in range(head.i + 1, end):
        if "\n" in doc[i].text or _stops_mention(doc[i]):
            end = i
            break
    return start, end


def _stops_mention(tok: Token) -> bool:
    """A quotation mark, or a dateline's spaced dash before a new name ("S.C. - Sen. Ted
    Cruz"; not "Jean-Pierre", nor a name spelt "Strauss - Kahn")."""
    if tok.text in MENTION_STOPS:
        return True
    doc = tok.doc
    if tok.text not in ("-", "--") or tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    before, after = doc[tok.i - 1], doc[tok.i + 1]
    return (bool(before.whitespace_) and bool(tok.whitespace_) and not tok.ent_type_
            and before.ent_type_ not in ("PERSON", "ORG") and after.ent_iob_ != "I"
            and after.text[:1].isupper())


def speaker_at(doc: Doc, head_i: int) -> Speaker:
    """The speaker whose mention token ``head_i`` heads, without an entity: the entities
    component resolves mentions to entities after the finder (``entities/coref.py``)."""
    span = doc[slice(*mention_range(doc[head_i]))]
    # "-President Obama, tweeting ...": a signature's dash glued to the name is not the name.
    lead = len(span.text) - len(span.text.lstrip("-–—― \u00a0"))
    return Speaker(mention=Mention(span.start_char + lead, span.end_char, span.text[lead:]))


@functools.cache
def _person_nouns() -> frozenset[str]:
    """Nouns for people ("lawyer", "uncle", "spokesman"): the cast words of the entities'
    lexicon (people, title heads, gendered nouns)."""
    from europenews.analyze.entities.lexicon import load_cast_words

    return load_cast_words().people


def speaker_head(token: Token) -> Token:
    """Prefer the possessor of a non-person subject ("Kallas' stance was ..."), and the name
    after a title read as the subject ("Police Sgt. Lee Brandt said"). A person noun speaks
    for itself: in "Hale's lawyer said" the lawyer speaks, not Hale."""
    named = name_after_title(token.doc, token.i)
    if named is not None:
        return named
    if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.pos_ in ("PRON", "PROPN"):
        return token
    if token.pos_ == "NOUN" and token.lemma_.lower() in _person_nouns():
        return token
    for child in token.children:
        if child.dep_ == "poss" and (child.ent_type_ in ("PERSON", "ORG") or child.pos_ == "PROPN"):
            return child
    return token


def _in_paragraph(subject: Token, verb: Token) -> Token | None:
    """A subject parsed across a line break ("9:15 a.m.\\n\\nLindholm said") is a dateline's
    word: take the name that opens the verb's own paragraph instead."""
    lo, hi = sorted((subject.i, verb.i))
    breaks = [t.i for t in subject.doc[lo:hi] if "\n" in t.text]
    if not breaks:
        if subject.ent_type_ in ("GPE", "LOC", "DATE", "TIME") and subject.i < verb.i:
            # "OSLO (Reuters) - Henrik Dahl said": a dateline parsed as the subject.
            person = [t for t in subject.doc[subject.i + 1 : verb.i] if t.ent_type_ == "PERSON"]
            if person:
                return person[-1]
        return subject
    if subject.i > verb.i:
        return None
    doc = subject.doc
    for i in range(breaks[-1] + 1, verb.i):
        if doc[i].ent_type_ in ("PERSON", "ORG") or doc[i].pos_ in ("PROPN", "PRON"):
            while i + 1 < verb.i and doc[i + 1].ent_iob_ == "I":
                i += 1
            # "Eastland Attorney General Dana Ortiz's office argued": the first name only
            # modifies the phrase; its head (and that head's owner) speaks, not the state.
            while doc[i].dep_ == "compound" and i < doc[i].head.i < verb.i:
                i = doc[i].head.i
            return speaker_head(doc[i])
    return None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The speaker's head token: the verb's subject, or that of the verb it hangs from."""
    # The parser may hang a word of the previous paragraph on the verb as a second subject.
    children = sorted(verb.children, key=lambda c: c.dep_ in SUBJECTS and _crosses_break(c, verb))
    for child in children:
        if child.lower_ in EUPHONIC_T:
            continue  # French "a-t-il dit": the -t- is no word, the pronoun after it speaks
        if child.dep_ in SUBJECTS:
            if child.tag_ == "WDT" and verb.dep_ == "relcl" and _released(verb.head):
                return subject_of(verb.head.head, depth + 1)  # "an ad that said ..."
            if child.tag_ in ("WP", "WDT"):
                return child  # "who said ...": the mention is "who"; coref resolves it
            return _in_paragraph(speaker_head(child), verb)
        if child.dep_ == "agent":  # "was told by X"
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return speaker_head(pobj)
    for child in verb.children:
        # Inverted or misparsed order ("...,” Baerbock stated"): a person right beside the verb.
        if abs(child.i - verb.i) <= 2 and child.ent_type_ in ("PERSON", "ORG") and child.dep_ in (
            "advmod", "npadvmod", "dep", "attr", "appos", "compound"
        ):
            return speaker_head(child)
    name = _modal_name(verb)
    if name is not None:
        return name
    if depth >= 3 or verb.head.i == verb.i:
        return None
    head = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return None  # "a website called “...”", "the ad, entitled “...”": named, by nobody
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        if head.lemma_.lower() in TIME_NOUNS and head.dep_ == "pobj" and head.head.head.i != head.i:
            return subject_of(head.head.head, depth + 1)  # "he has, at one point calling ..."
        if head.lemma_.lower() in STATEMENT_NOUNS and head.head.i != head.i:
            return subject_of(head.head, depth + 1)  # "Her office issued a statement saying"
        if _released(head):
            return subject_of(head.head, depth + 1)  # "Lind launched an ad calling it ..."
        return speaker_head(head)
    # "Citing ..., X told" speaks for the main subject; "Seeing ..., the skiffs tried" reports
    # nothing anyone said.
    opening = verb.i == verb.sent.start and (
        verb.tag_ != "VBG" or verb.lemma_.lower() in PERCEPTION
    )
    # "When asked about ...": a past form after "when" with no subject is a passive the tagger
    # read as active.
    elliptic = verb.tag_ == "VBD" and any(c.lower_ in ELLIPSIS_MARKS and c.i < verb.i
                                          for c in verb.children)
    if verb.dep_ == "advcl" and (verb.tag_ == "VBN" or opening or elliptic):
        return None  # "Asked whether ..., 62 percent said": the main subject was asked
    participle = verb.dep_ in ("ccomp", "pcomp", "dep") and verb.tag_ in ("VBG", "VBN")
    # A clause with no subject of its own ("..., calling it ...", "to release ...") takes the
    # subject of the clause it hangs from.
    if participle or verb.dep_ in ("conj", "xcomp", "advcl"):
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head  # "for arguing ...": up through the preposition
        nearer = _nearer_clause(verb, head)
        return subject_of(nearer if nearer is not None else head, depth + 1)
    return None


def _modal_name(verb: Token) -> Token | None:
    """``“...,” Will wrote``: a capitalised "modal" between a closing mark and the verb is a
    surname the tagger read as an auxiliary."""
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"
                and c.i == verb.i - 1 and c.text.istitle()), None)
    if aux is None or aux.i == 0 or verb.doc[aux.i - 1].text not in CLOSING_MARKS:
        return None
    return aux


def _released(noun: Token) -> bool:
    return (noun.lemma_.lower() in MEDIA_NOUNS and noun.dep_ == "dobj"
            and noun.head.pos_ == "VERB")


def _nearer_clause(verb: Token, head: Token) -> Token | None:
    """``The first incident came ..., when protesters interrupted her, shouting “...”``: a
    comma participle the parser hung on the main verb, past an adverbial clause of that verb
    with its own subject, speaks for the nearer clause."""
    doc = verb.doc
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or doc[verb.i - 1].text != ",":
        return None
    if head.i > verb.i:
        return None
    # The parser may hang the clause on a noun ("at Purchase, when protesters interrupted").
    between = [c for c in doc[head.i + 1 : verb.i] if c.dep_ in ("advcl", "relcl")
               and c.pos_ == "VERB" and any(k.dep_ == "nsubj" for k in c.children)
               and any(k.dep_ in ("mark", "advmod") and k.lower_ in TIME_MARKS for k in c.children)]
    return between[-1] if between else None


def coordinated_report(verb: Token, speech: frozenset[str]) -> Token | None:
    """``Paul said Rubio's plan would give money to ..., and called him “...”``: a speech verb
    the parser coordinated into the reported clause, with no subject of its own, is the
    reporter speaking again, not the reported clause's subject."""
    if verb.dep_ != "conj" or any(c.dep_ in (*SUBJECTS, "nsubjpass") for c in verb.children):
        return None
    head = verb.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    outer = head.head
    if head.dep_ != "ccomp" or outer.i > head.i or outer.lemma_.lower() not in speech:
        return None
    if _crosses_break(outer, verb):
        return None  # "...\n\nClinton did not mention Trump but told ...": a misparse across
    return subject_of(outer)


def _crosses_break(token: Token, verb: Token) -> bool:
    lo, hi = sorted((token.i, verb.i))
    return any("\n" in t.text for t in token.doc[lo:hi])


def inverted_subject(verb: Token) -> Token | None:
    """``“...,” said Jon Doggett, ...`` when the parser hung the name elsewhere: the name right
    after a cue verb that follows the closing mark."""
    doc = verb.doc
    before = verb.i - 1
    while before > 0 and doc[before].is_space:
        before -= 1  # "...,”\xa0added Gowdy"
    if verb.i == 0 or verb.i + 1 >= len(doc):
        return None
    nxt = doc[verb.i + 1]
    # "... but to take the lead, says Evan Tracey, a ...": inverted after a clause, not a mark.
    after_clause = doc[before].text == "," and verb.tag_ in ("VBZ", "VBD")
    if after_clause and nxt.ent_type_ != "PERSON":
        return None
    if not after_clause and doc[before].text not in CLOSING_MARKS:
        return None
    if not after_clause and nxt.ent_type_ not in ("PERSON", "ORG") and (
        nxt.pos_ != "PROPN" or nxt.ent_type_
    ):
        # "said Agriculture committee ranking member Karin Holt": a title before the name.
        title = [t for t in doc[verb.i + 1 : verb.i + 8] if not t.is_punct]
        person = next((t for t in title if t.ent_type_ == "PERSON"), None)
        if person is None:
            person = next((t for t in title if t.pos_ == "PROPN" and not t.ent_type_), None)
        if person is None or any(t.is_punct for t in doc[verb.i + 1 : person.i]):
            return None
        nxt = person
    i = nxt.i
    while i + 1 < len(doc) and (doc[i + 1].ent_iob_ == "I" or doc[i + 1].dep_ == "compound"
                                or (doc[i + 1].pos_ == "PROPN" and doc[i].dep_ == "compound")):
        i += 1
    return name_after_title(doc, i) or doc[i]


def name_after_title(doc: Doc, i: int) -> Token | None:
    """``said Riverton Police Sgt. Lee Brandt``: the run read as the subject ends on a title
    and a person's name follows it at once in the same sentence: the person speaks, not the
    title (``analyze/tokenizer.py`` keeps "Sgt." one token, so its stop ends no sentence)."""
    if doc[i].ent_type_ == "PERSON" or not doc[i].is_title:
        return None
    j = i + 1
    if j >= len(doc) or doc[j].ent_type_ != "PERSON" or doc[j].ent_iob_ != "B":
        return None
    if doc[j].sent.start != doc[i].sent.start:
        return None
    while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
        j += 1
    return doc[j]


def preceding_subject(verb: Token) -> Token | None:
    """``Romney went after Trump, calling it ...``: for a participle the parser left without
    a subject, the subject of the nearest earlier verb of its sentence."""
    if verb.tag_ != "VBG":
        return None
    for i in range(verb.i - 1, verb.sent.start - 1, -1):
        tok = verb.doc[i]
        if tok.pos_ in ("VERB", "AUX"):
            subject = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
            if subject is not None and subject.i < verb.i:
                return speaker_head(subject)
    return None


def noun_before(verb: Token) -> Token | None:
    """``..., the Democratic candidate stated that ...`` with the noun phrase parsed as an
    apposition of an earlier name: a finite main verb left without a subject speaks for the
    noun right before it."""
    if verb.i == 0 or verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.pos_ not in ("NOUN", "PROPN") or prev.dep_ not in ("appos", "conj", "pobj", "dobj"):
        return None
    relative = next((a for a in prev.ancestors if a.dep_ == "relcl"), None)
    if relative is not None and relative.head.pos_ in ("NOUN", "PROPN"):
        # "a city official who asked not to be named to discuss the budget said":
        # the noun before the verb ends a relative clause; the noun it describes speaks.
        return speaker_head(relative.head)
    return speaker_head(prev)
