"""Names the model reads as a person's that the article writes as a venue, a business or a town.

Each rule looks at how the article writes a name, and decides for every mention of it in the
article at once (the model labels each sentence on its own, so a casino is a "person" in one
sentence and a place in the next). A name the article reads as a person's somewhere (a title,
a verb of speech, an age, or the surname of a person's full name) is left alone.

- a one-word name right after "the" that modifies a venue's noun ("near the Bellagio
  fountains", "the Wynn garage") names the venue's business: people's names take no article.
  Only a venue's nouns (and a product's, a business's or an event's: ``thing_heads.tsv``):
  a person's surname modifies others ("the Bush rule", "the Lee family", "the Lee home");
- a name that opens with a venue's word ("Club Caliente", "Hotel Marina", "Café Lumen") is the
  venue's;
- a one-word name followed by a comma and a state or country that ends its clause ("in
  Hartsel, Colo., police said", "Varnhem, Sweden.") is a town;
- a one-word name that one mention writes as a venue ("at the Sapphire", ``kinds._kind``) is
  the venue in the others too.
"""

from __future__ import annotations

from spacy.tokens import Span

# Nouns of a place one goes to: a one-word name between "the" and one of them is the venue's
# ("near the Bellagio fountains", "in the Wynn garage"). Only these: a person's surname
# modifies many other nouns after "the" ("the Bush rule", "the Lee family", "the Okafor home").
VENUE_HEADS = frozenset({
    "fountain", "casino", "hotel", "resort", "lobby", "garage", "parking", "pool", "bar",
    "nightclub", "club", "restaurant", "store", "mall", "tower", "complex", "grounds",
    "entrance", "ballroom", "courtyard", "sportsbook", "theater", "theatre", "arena", "campus",
    "plaza", "valet", "marquee",
})
STOPS = frozenset({",", ".", ";", ":", ")"})  # what may follow a town's qualifier
# First words of a venue's name; no person's name opens with one ("Park", "Bar" and "Rue" do:
# they are left out).
VENUES_FIRST = frozenset({"club", "nightclub", "hotel", "motel", "casino", "cafe", "café",
                          "restaurant", "pub", "tavern", "saloon", "lounge"})


def _after_the(span: Span) -> str | None:
    """The noun (lemma) a one-word name between "the" and that noun modifies: "the Bellagio
    fountains"."""
    doc, root = span.doc, span.root
    if len(span) != 1 or span.start == 0 or doc[span.start - 1].lower_ != "the":
        return None
    head = root.head
    if root.dep_ != "compound" or head.i <= root.i or head.pos_ != "NOUN":
        return None
    return head.lemma_.lower()


def _qualified_town(span: Span, places: dict[int, int]) -> bool:
    """A one-word name followed by a comma and a state or country, and that by a stop or a
    comma: "in Hartsel, Colo., police said" (not "Buford, Creighton's leading scorer")."""
    doc, end = span.doc, span.end
    if len(span) != 1 or end + 1 >= len(doc) or doc[end].text != ",":
        return False
    after = places.get(end + 1)
    if after is None:
        return False
    return after >= len(doc) or doc[after].is_space or doc[after].text in STOPS


def not_people(names: list[Span], people: set[str], surnames: set[str],
               heads: dict[str, str] | None = None) -> dict[str, str]:
    """The "person" names of ``names`` (texts) that name a venue ("FAC"), a business ("ORG"),
    a town ("GPE") or, before a thing's noun of ``heads`` ("the Xeon chip"), that thing in
    this article; ``people``: the names some mention reads as a person's; ``surnames``: the
    last words (lower case) of the article's people's full names."""
    places = {s.start: s.end for s in names if s.label_ in ("GPE", "LOC") and len(s) <= 2}
    found: dict[str, str] = {}
    for span in names:
        if span.text in people or (len(span) == 1 and span[0].lower_ in surnames):
            continue
        if (span.label_ == "FAC" and len(span) == 1 and span.start > 0
                and span.doc[span.start - 1].lower_ == "the"):
            found[span.text] = "FAC"  # "at the Sapphire" (kinds._kind): so are the others
        elif span.label_ in ("PERSON", "GPE", "LOC") and _qualified_town(span, places):
            found[span.text] = "GPE"  # the model's place in one sentence, its person in another
        elif span.label_ != "PERSON":
            continue
        elif len(span) > 1 and span[0].lower_ in VENUES_FIRST:
            found.setdefault(span.text, "FAC")
        elif span[0].is_title and (noun := _after_the(span)) is not None:
            # A venue's noun, or a product's, a business's or an event's of ``heads`` ("the
            # Xeon chip"); not a work's: "the Grisham novel" is the author's.
            kind = "ORG" if noun in VENUE_HEADS else (heads or {}).get(noun)
            if kind in ("ORG", "PRODUCT", "EVENT"):
                found.setdefault(span.text, kind)
    return found
