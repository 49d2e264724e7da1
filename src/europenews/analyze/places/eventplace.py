"""Where an event happened: the place its own sentences say, read from the parse.

``event_place`` weighs every mention of every place of the article:
- where it stands: in the sentence that reports the event (its trigger or its figures), in
  another sentence about the event, in the dateline ("COLUMBUS, Ohio —"), or elsewhere;
- how the sentence ties it to the event: after "in", "at", "near" … ("shot in Columbus"), or
  written with its state ("Columbus, Ohio");
- how precise it is: a town or county before a state, a state before a country;
- whether it lies in the article's frame: the country most of its places are in (a report
  from Ohio about a shooting is not placed in Indonesia because a word in it is a town there).
Ties go to the earlier mention: the lead says where before the background does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from europenews.analyze.doctext import doc_text
from europenews.analyze.places.toponym_forms import dateline
from europenews.model import Place

# Prepositions that say where something happened ("in", "near") rather than whose it is.
LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "inside", "on", "into", "across", "throughout", "around",
     "within", "nearby", "along", "toward", "towards", "between", "by"}
)  # fmt: skip
# Evidence weights (tuned on half of the GVA incidents; see docs/benchmarks-archive.md).
IN_EVENT_SENTENCE = 3.0  # the sentence with the trigger or the figures
IN_EVENT = 2.0  # another sentence of the event
IN_DATELINE = 2.5
TIED = 2.0  # after a locative preposition, or written with its state ("Columbus, Ohio")
PRECISION = {"city": 2.0, "county": 1.5, "region": 1.0, "continent": -1.0}  # country: 0
IN_FRAME = 1.5
ORIGIN = 2.0  # "a climber from Perth": where someone comes from, not where it happened
# Nouns of distance: "30 km from Kherson" says where the event happened.
_DISTANCES = frozenset({"km", "kilometer", "kilometre", "mile", "meter", "metre", "yard",
                        "block", "foot", "minute", "hour"})
LATER_SENTENCE = 0.1  # per sentence after the event's first one


def event_place(
    doc: Doc, places: Sequence[Place], sents: Sequence[Span], anchors: Sequence[int]
) -> Place | None:
    """The place where the event of ``sents`` happened; ``anchors`` are the tokens that
    report it (its trigger words and figures). None when the article has no place."""
    located = [p for p in places if p.lat is not None and p.mentions]
    if not located:
        return None
    text = doc_text(doc)
    doubtful = frozenset(doc._.place_doubts or ())
    frame = _frame(located)
    qualifiers = frozenset(
        m.start for p in located if p.feature in ("region", "country") for m in p.mentions
    )
    anchor_sents = {doc[i].sent.start for i in anchors if 0 <= i < len(doc)}
    order = {s.start: n for n, s in enumerate(sents)}
    best: tuple[float, int, Place] | None = None
    for place in located:
        for m in place.mentions:
            if m.start in doubtful:
                continue  # read by its size alone against a close reading abroad: unsure
            score = PRECISION.get(place.feature or "", 0.0)
            if frame is not None and place.country == frame:
                score += IN_FRAME
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.ent_type_ == "NORP":
                continue  # "Indian", "Mexican": a nationality, not where anything happened
            tied = _tied(span, text, qualifiers)
            opens = dateline(text, m.start, m.end)
            if place.feature in ("country", "continent") and not (_said_at(span) or opens):
                continue  # "U.S. officials", "a Kenya native": a country is named, no scene
            sent_start = span.root.sent.start
            if sent_start in order:
                event = sent_start in anchor_sents
                score += IN_EVENT_SENTENCE if event else IN_EVENT
                score -= LATER_SENTENCE * order[sent_start]
            score += TIED if tied else 0.0
            score -= ORIGIN if _origin(span) else 0.0
            score += IN_DATELINE if opens else 0.0
            key = (score, -m.start, place)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best is not None else None


def _frame(places: Sequence[Place]) -> str | None:
    """The country most of the article's place mentions lie in (its frame), if one leads."""
    counts = Counter(p.country for p in places for _ in p.mentions if p.country)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _origin(span: Span) -> bool:
    """Whether the mention says where someone or something comes from ("an Australian
    climber from Perth", "tourists from Germany"), not where anything happened."""
    root: Token = span.root
    head = root.head
    return (root.dep_ == "pobj" and head.lower_ == "from" and head.head.pos_ in ("NOUN", "PROPN")
            and head.head.lemma_.lower() not in _DISTANCES)


def _said_at(span: Span) -> bool:
    """Whether the mention itself is where something is said to be ("in Syria"), not a word
    in front of another ("on the Skokomish Indian Reservation")."""
    return span.root.dep_ == "pobj" and span.root.head.lower_ in LOCATIVE


def _tied(span: Span, text: str, qualifiers: frozenset[int]) -> bool:
    """Whether the sentence ties the mention to where something happened: the object of a
    locative preposition ("shot in Columbus"), or a town written with its state or country
    (``qualifiers``: where the article's region and country mentions start)."""
    root: Token = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE:
        return True
    if root.dep_ in ("compound", "appos") and head.dep_ == "pobj" and head.head.lower_ in LOCATIVE:
        return True  # "in the Columbus suburb", "in Ohio's capital, Columbus"
    return text[span.end_char : span.end_char + 2] == ", " and span.end_char + 2 in qualifiers
