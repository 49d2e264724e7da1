"""Where a cue's subject went when the parser lost it: token patterns of news writing that
``speakers.py`` consults before giving up on a speaker.

"Sen. Durbin (D-Ill.), noting ..., said" (the sentence's opening noun phrase, past an aside),
"“...,” tweeted a German user" (a described speaker parsed as the object), "“...,” Will wrote"
(a surname tagged as a modal), "he's said" ("'s" read as a passive auxiliary), "one lawmaker
called Trump “...”" (a finite verb read as a participle).
"""

from __future__ import annotations

from spacy.tokens import Token

from europenews.analyze.quotes.marks import QUOTE_TOKENS

CLOSING_MARKS = ("”", "\"", "''")
PLACE_OR_TIME = frozenset({"GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL"})
SENT_ENDS = (".", "!", "?", ";")
MAX_ASIDE = 40  # tokens back from the cue to the sentence start: an opener and one aside
MAX_OPENER = 8  # words of the opening noun phrase: a name with its title, not a clause


def modal_name(verb: Token) -> Token | None:
    """``“...,” Will wrote``: a capitalised "modal" between a closing mark and the verb is a
    surname the tagger read as an auxiliary."""
    doc = verb.doc
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"
                and c.i == verb.i - 1 and c.text.istitle()), None)
    if aux is None or aux.i == 0 or doc[aux.i - 1].text not in CLOSING_MARKS:
        return None
    return aux


def finite_aside(verb: Token, head: Token) -> bool:
    """``Durbin, noting ..., said, “...”``: a finite verb the parser hung, with no subject of its
    own, on an earlier verb of its sentence (not one inside a quotation before it)."""
    if verb.tag_ not in ("VBD", "VBZ") or head.pos_ != "VERB" or not head.i < verb.i:
        return False
    between = verb.doc[head.i : verb.i]
    before = verb.i - 1
    while before > head.i and verb.doc[before].pos_ == "ADV":
        before -= 1  # "..., famously responded"
    return verb.doc[before].text == "," and not any(
        t.text in QUOTE_TOKENS or "\n" in t.text for t in between
    )


def two_complements(verb: Token) -> bool:
    """``called Trump “...”`` names someone something; ``a website called “...”`` one thing."""
    named = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.pos_ != "VERB"]
    return len(named) >= 2


def has_contracted(verb: Token) -> bool:
    """``he's said the same thing``: "'s" is "has" when the "passive" verb takes an object."""
    return verb.tag_ in ("VBD", "VBN") and any(
        c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children
    ) and any(c.dep_ in ("dobj", "ccomp") for c in verb.children)


def described_object(verb: Token) -> Token | None:
    """``“...,” tweeted a Norwegian user from Bergen``: a described speaker after an inverted
    cue, parsed as the verb's object."""
    if any("\n" in t.text for t in verb.doc[verb.i - 3 : verb.i]):
        return None  # "”\n\nAsked what ...": the mark closes the previous paragraph
    for tok in verb.doc[verb.i + 1 : verb.i + 5]:
        if tok.head.i == verb.i and tok.dep_ in ("dobj", "nsubj", "attr", "dep", "npadvmod"):
            return tok if tok.pos_ in ("NOUN", "PROPN") or tok.lower_ == "one" else None
        if tok.pos_ not in ("DET", "ADJ", "NUM", "NOUN", "PROPN") or tok.is_punct:
            return None
    return None


def aside_subject(verb: Token) -> Token | None:
    """``Sen. Maria Lindqvist (D-Minn.), noting the size of ..., said`` or ``One engineer, who
    ..., said``: the parser lost the subject in the aside; the noun phrase that opens the
    sentence, before its first comma, speaks when the verb follows the aside's closing comma."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].text != "," or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # not "The Red Sox, considered to be ...": a participle opens the aside
    start = verb.i - 1
    while start > 0 and not ("\n" in doc[start - 1].text or doc[start - 1].text in SENT_ENDS):
        start -= 1
    if verb.i - start > MAX_ASIDE:
        return None
    while start < verb.i and (doc[start].pos_ in ("CCONJ", "ADV") or doc[start].is_space):
        start += 1  # "But Sen. ...", "Meanwhile, ..."
    words = doc[start : verb.i]
    if any(t.text in QUOTE_TOKENS for t in words):
        return None
    comma = next(t.i for t in words if t.text == ",")
    if comma == verb.i - 1:
        return None  # no aside between the opener and the verb
    paren = next((t.i for t in doc[start:comma] if t.text == "("), comma)  # "Durbin (D-Ill.)"
    opener = [t for t in doc[start:paren] if t.pos_ != "PUNCT"]
    if not opener or len(opener) > MAX_OPENER or opener[0].pos_ in ("ADP", "SCONJ"):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in opener):
        return None
    person = [t for t in opener if t.ent_type_ == "PERSON"]
    head = person[-1] if person else opener[-1]
    if head.pos_ not in ("NOUN", "PROPN", "PRON") or head.ent_type_ in PLACE_OR_TIME:
        return None
    return head
