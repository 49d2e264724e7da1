"""What kind of thing a name is, decided with the whole article: only people are people.

The statistical model labels each span on its own and reads a rank ("Sgt"), a platform
("Twitter"), a script notice ("Please enable Javascript"), a hospital or a street as a person,
a masthead ("EuropeNews") or a section heading ("The Road Ahead for Ukraine") as a name. The
article itself says otherwise:

- a title or rank alone names nobody ("Sgt", "HPD Spokesperson Sgt", "President"), nor does a
  span that ends in a rank ("Eastbrook Police Sgt" before the sergeant's name); a rank inside a
  span is the name's title ("Eastbrook Police Sgt Dana Cole" is Dana Cole);
- a one-word "person" that opens another name of the article ("Lakeview" beside "Lakeview
  Recovery") is that name's short form, unless a title or a verb of speech makes it a person;
- platforms, software and awards have a kind of their own (``not_people.tsv``), and so has a
  "person" the article names beside a thing's noun in half its mentions ("Xeon chips", "the
  sequel, Catching Fire") or that ends in one ("Tony Award"; ``thing_heads.tsv``);
- a name that ends in a street or venue word is a place ("N. Harbor Vale Avenue",
  "Ostrava Memorial Hospital"), and so is a "person" after "the" ("the Sapphire");
- a one-word "person" after "the" and in the plural is a team or a band ("the Jaguars"), and so
  is every "person" of the article that ends in that word ("Drake Bulldogs");
- after a person's full name, "of" or "from" and one word name a home town ("Lena Holm of
  Eastbrook"), and so does a town before "woman", "man" or "resident";
- a name followed by an age ("Jordan Hale, 34,") is a person whatever the model said;
- page furniture is no name: a masthead (a one-word first line above the headline), a
  heading line made of title-case common words, a line asking to enable scripts or cookies,
  a copyright or trademark notice, a promotion of another story, a byline
  (``furniture.py``);
- a dateline's capitals ("ALTURAS, Modoc County —") name a place, here and wherever the
  article repeats the name;
- a "person" that ends in an organisation word is an organisation ("Harbor Police say");
- a verb that opens the sentence is not part of the name after it ("Check FOX 4 newscasts");
- a full name read as a person's once is a person's where the model tagged it a place, and a
  one-word "nationality" that is the surname of a person of the article is that person;
- a name written as a venue's ("the Bellagio fountains", "Club Caliente") or a town's
  ("Hartsel, Colo.") is one in every mention (``notpeople.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from europenews.analyze.doctext import doc_text
from europenews.analyze.entities.canonical import headline_lines
from europenews.analyze.entities.furniture import (
    dateline_names,
    furniture_lines,
    line_ranges,
    masthead_line,
)
from europenews.analyze.entities.notpeople import not_people

# Labels a heading's words get read as ("The Road Ahead for ..."); real organisations in a
# heading line ("The National Bank of Poland") keep theirs.
MISC_LABELS = frozenset({"WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
BOILERPLATE = re.compile(
    r"enable (?:java ?script|cookies)|javascript (?:is )?(?:disabled|required)|your browser"
    r"|accept (?:all )?cookies|cookie (?:policy|settings)|sign up for|subscribe to our"
    r"|newsletter|advertisement"
    # A copyright line ("Copyright Associated Press / Channel 4"): the wire is no subject.
    r"|^\s*(?:copyright\b|©|\(c\)\s)",
    re.I,
)
# A photo's credit ("(Photo: Ann Lee / The Daily Ledger)", "Photo by Ann Lee") and the
# buttons and headings news sites print inside the text ("Buy Photo" beside a caption, "Story
# Highlights"): the photographer and the outlet are no subject, and a name run into a button
# ("Ledger)Buy Photo") is no name.
INLINE_FURNITURE = re.compile(
    r"\((?:photo|image|video|file photo|credit)s?(?:\s+by)?\s*:[^()\n]*\)"
    r"|\bbuy photo\b|\bstory highlights\b"
    # "Photo by" and the capitalised words after it (at most four: the name, not the text).
    r"|\b(?:photo|image)s?\s+by\s+(?-i:(?:[A-Z][\w.'’-]*[ \t]?){1,4})"
    # A gallery flattened into the text: "Photo: Ann Lee, The Daily Ledger Image 1 of 12
    # Caption Close": the credit (a name, a comma, an outlet: capitalised words only) and the
    # gallery's counters and buttons.
    r"|\bphotos?\s*:\s*(?-i:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*[,/]\s*(?:[A-Z][\w.'’&-]*[ \t]?){1,5})?)"
    r"|\bimage\s+\d+\s+of\s*/?\s*\d+|\bcaption\s+close\b"
    # A caption's bracketed credit without the word: "(Ann Lee / The Daily Ledger)".
    r"|\((?-i:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3}[ \t]*/[ \t]*"
    r"[A-Z][\w.'’&-]*(?:[ \t]+[A-Z][\w.'’&-]*){0,4})\)", re.I)
# "Jordan Hale, 34, of Eastbrook": a person's age, then where they live.
HOMETOWN_BEFORE = re.compile(r",\s*\d{1,3}\s*,\s*(?:of|from)\s*$")
# "Lena Holm of Eastbrook", "Lena Holm, of Eastbrook": after a person's full name, a one-word
# name after "of" or "from" is where they live (the model reads it as another person).
HOME_WORDS = frozenset({"of", "from"})
# "a 66-year-old Eastbrook woman": a town describing a person.
RESIDENTS = frozenset({"woman", "man", "resident", "native", "boy", "girl", "teen", "teenager",
                       "couple", "mother", "father", "student"})
AGE_AFTER = re.compile(r"\s*,\s*\d{1,3}\s*,\s+[a-z]")  # "Jordan Hale, 34, was ..."
# Street words: a name ending in one is a place whatever the model said ("Harbor Vale Avenue");
# other venue words ("Court", "School") end organisations' names too, so they only overrule
# the model's "person".
STREETS = frozenset({"avenue", "ave", "street", "st", "road", "rd", "boulevard", "blvd", "drive",
                     "lane", "ln", "highway", "hwy", "freeway", "parkway", "pkwy"})
# Street words that open a street's name in French word order ("Avenue Montaigne"); no person's
# name starts with one ("Rue" is left out: it is also a first name).
STREETS_FIRST = frozenset({"avenue", "boulevard", "avenida"})


@dataclass(frozen=True, slots=True)
class KindWords:
    """The word lists kinds are decided with (``entities/lexicons/<language>``)."""

    ranks: frozenset[str]  # "sgt", "lt", "spokesperson" (lower case, no dot)
    venues: frozenset[str]  # "avenue", "hospital" (lower case)
    not_people: dict[str, str]  # "Twitter" → "ORG"
    org_heads: frozenset[str] = frozenset()  # "police", "department" (lower case)
    force_ranks: frozenset[str] = frozenset()  # "sgt", "capt": a subset of ranks (no "dr")
    thing_heads: dict[str, str] = field(default_factory=dict)  # "chip" → "PRODUCT"


def _heading(doc: Doc, span: Span, headings: list[tuple[int, int]], first: int) -> bool:
    """A span that is most of a heading line below the title, made of common words."""
    if span.label_ not in MISC_LABELS or len(span) < 2:
        return False
    for start, end in headings:
        if start <= span.start_char < end and start > first:
            words = doc_text(doc)[start:end].split()
            inner_lower = any(t.is_lower and t.is_alpha for t in span)
            return inner_lower and len(span) * 2 >= len(words)
    return False


def _title_only(span: Span, words: KindWords, titles: frozenset[str]) -> bool:
    """"Sgt", "Det. Lt.", "HPD Spokesperson Sgt": titles, ranks and acronyms, no name."""
    titled = False
    for token in span:
        if not any(c.isalpha() for c in token.text):
            continue
        lower = token.lower_.rstrip(".")
        if lower in words.ranks or lower in titles:
            titled = True
        elif not (token.is_upper and len(token) <= 4):
            return False
    return titled


def _after_rank(span: Span, ranks: frozenset[str]) -> Span | None:
    """A person span without the rank it holds: None when it ends in one ("Eastbrook Police
    Sgt" names the sergeant's post, not the sergeant), the words after the last rank when one
    stands inside ("Eastbrook Police Sgt Dana Cole" → "Dana Cole"), else the span itself."""
    last = max((i for i, t in enumerate(span) if t.lower_.rstrip(".") in ranks), default=None)
    if last is None:
        return span
    if last == len(span) - 1:
        return None if len(span) > 1 else span
    rest = span[last + 1:]
    if rest[0].is_title and any(t.is_alpha for t in rest):
        return Span(span.doc, rest.start, rest.end, label=span.label_)
    return span


def _split_at_rank(span: Span, force_ranks: frozenset[str]) -> list[Span]:
    """A non-person name holding a force rank (``force_ranks.txt``), as the body before the
    rank and the person after it (either may be missing); a name right after a rank is a
    person's ("Cpl." then "Dana Cole" read as an organisation); any other span as it is."""
    if span.label_ == "PERSON" or not force_ranks:
        return [span]
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_.rstrip(".") in force_ranks and len(span) <= 4 \
            and all(t.is_title for t in span if t.is_alpha):
        return [Span(span.doc, span.start, span.end, label="PERSON")]
    ranks = [i for i, t in enumerate(span) if t.lower_.rstrip(".") in force_ranks]
    if not ranks:
        return [span]
    out = []
    body = span[:ranks[0]]
    if any(t.is_alpha for t in body):
        out.append(Span(span.doc, body.start, body.end, label=span.label_))
    rest = span[ranks[-1] + 1:]
    if len(rest) and rest[0].is_title and any(t.is_alpha for t in rest):
        out.append(Span(span.doc, rest.start, rest.end, label="PERSON"))
    return out


# What makes a one-word name a person's even when it opens the name of a thing: it is the
# subject of a verb only people do ("Halvorsen said"); things are subjects too ("Lakeview is
# unlicensed").
PERSON_VERBS = frozenset({"say", "tell", "add", "ask", "explain", "announce", "insist", "deny",
                          "claim", "write", "tweet", "think", "believe", "want", "speak",
                          "testify", "plead", "admit", "recall"})


def _reads_as_person(span: Span, titles: frozenset[str], ranks: frozenset[str]) -> bool:
    """Whether this mention reads as a person's: a title or rank before it ("Mr. Halvorsen"),
    or the subject of a verb only people do ("Halvorsen said")."""
    before = span.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    root = span.root
    speaks = root.dep_ == "nsubj" and root.head.lemma_.lower() in PERSON_VERBS
    return before in titles or before in ranks or speaks


def _short_forms(names: list[Span], titles: frozenset[str], ranks: frozenset[str],
                 venues: frozenset[str] = frozenset()) -> dict[str, str]:
    """One-word "persons" that open another, non-person name of the article ("Lakeview" beside
    "Lakeview Recovery"), with that name's label: a short form of the thing, as long as no
    mention of the word reads as a person's (a title before it, the subject of "say" and the
    like) and no person's full name has the word."""
    def in_venue(n: Span) -> bool:  # "Doyle Hospital", "John H. Doyle, Jr. Hospital"
        return any(t.lower_ in venues for t in n[1:]) or (
            n.label_ == "PERSON" and _names_a_venue(n, venues))

    in_people = {t.lower_ for n in names if n.label_ == "PERSON" and len(n) > 1
                 and not in_venue(n) for t in n}
    longer: dict[str, str] = {}
    for n in names:
        if n.label_ != "PERSON" and len(n) > 1 and n[0].is_title:
            longer.setdefault(n[0].text, n.label_)
    for n in filter(in_venue, names):  # "taken to Doyle" beside "Doyle Hospital": the hospital
        cut = next((i for i in range(1, len(n)) if n[i].lower_ in venues), len(n))
        words = [w for w in n[:cut] if w.is_title and w.lower_.rstrip(".") not in ("jr", "sr")]
        if words:
            longer.setdefault(words[-1].text, "FAC")
    out: dict[str, str] = {}
    for n in names:
        word = n[0].text
        if n.label_ != "PERSON" or len(n) != 1 or word not in longer or n[0].lower_ in in_people:
            continue
        if _reads_as_person(n, titles, ranks):
            out[word] = ""  # read as a person at least once: keep them all
        else:
            out.setdefault(word, "ORG" if longer[word] in MISC_LABELS else longer[word])
    return {w: label for w, label in out.items() if label}


def _names_a_venue(span: Span, venues: frozenset[str]) -> bool:
    """A person's name that a venue word follows ("Doyle Hospital", "John H. Doyle, Jr.
    Hospital"): the building's name, not the person."""
    doc, after = span.doc, span.end
    while after < len(doc) and doc[after].lower_.rstrip(".") in ("jr", "sr", ","):
        after += 1
    return after < len(doc) and doc[after].is_title and doc[after].lower_ in venues


def _relabelled(span: Span, label: str) -> Span:
    return span if span.label_ == label else Span(span.doc, span.start, span.end, label=label)


def _after_full_name(span: Span, person_ends: frozenset[int]) -> bool:
    """A one-word name right after a person's full name and "of"/"from" (a comma between the
    two allowed): "Lena Holm of Eastbrook" names where Lena Holm lives."""
    doc, i = span.doc, span.start - 1
    if len(span) != 1 or i < 1 or doc[i].lower_ not in HOME_WORDS:
        return False
    before = i - 1 if doc[i - 1].text != "," else i - 2
    return before in person_ends


def _kind(doc: Doc, span: Span, words: KindWords,
          person_ends: frozenset[int] = frozenset()) -> str | None:
    """The label the article says the span has (None: keep the model's). ``person_ends``: the
    last token of each person's full name in the article."""
    label = span.label_
    last = span[-1].lower_.rstrip(".")
    if len(span) > 1 and ((label == "PERSON" and last in words.venues)
                          or (label in ("ORG", "GPE") and last in STREETS)):
        return "FAC"  # a person's name on a building; any name on a street sign
    if label in ("PERSON", "ORG") and len(span) > 1 and span[0].lower_ in STREETS_FIRST:
        return "FAC"  # "Avenue Montaigne", "Boulevard Haussmann": a street, not a person or body
    if label == "PERSON":
        if _names_a_venue(span, words.venues):
            return "FAC"  # "John H. Doyle(,) Jr. Hospital": the person's name is the venue's
        if HOMETOWN_BEFORE.search(doc_text(doc), max(0, span.start_char - 20), span.start_char):
            return "GPE"  # "Lena Holm, 66, of Eastbrook"
        if _after_full_name(span, person_ends):
            return "GPE"  # "Lena Holm of Eastbrook"
        root = span.root
        if root.dep_ == "compound" and root.head.lemma_.lower() in RESIDENTS and root.head.i > \
                span.end - 1 and len(span) == 1:
            return "GPE"  # "a 66-year-old Eastbrook woman"
        if span.text in words.not_people:
            return words.not_people[span.text]
        if last in words.org_heads:
            return "ORG"  # "Aurora Police say …"
        before = doc[span.start - 1] if span.start > 0 else None
        if (before is not None and before.lower_ == "the" and root.dep_ == "pobj"
                and root.tag_ != "NNPS" and not span.text.endswith("s")):
            return "FAC"  # "at the Sapphire": people's names take no article
        if (before is not None and before.lower_ == "the" and len(span) == 1
                and (root.tag_ == "NNPS" or span.text.endswith("s"))
                and not span.text.endswith("ss")):
            return "ORG"  # "the Jaguars had two chances": a team or a band, not one person
    elif (label in ("GPE", "LOC", "ORG", "NORP") and len(span) > 1 and span[0].is_title
          and AGE_AFTER.match(doc_text(doc), span.end_char)):
        return "PERSON"  # "Jordan Hale, 34, was arrested"
    return None


def _without_opening_verb(span: Span) -> Span:
    """The name without the verb that opens its sentence ("Check FOX 4 newscasts",
    "Considering Lionsgate bought ..."): the capital is the sentence's, not the name's."""
    first = span[0]
    if (len(span) > 1 and first.is_sent_start and first.tag_ in ("VB", "VBG")
            and span.label_ != "WORK_OF_ART"):
        return Span(span.doc, span.start + 1, span.end, label=span.label_)
    return span


def _after_credits(span: Span, credits: list[tuple[int, int]]) -> Span | None:
    """The span without the photo credit or button it opens with or runs into ("Buy Photo Red
    Cross" → "Red Cross"); None when nothing of it is outside them."""
    keep = [t for t in span if not any(s <= t.idx < e or s < t.idx + len(t) <= e
                                       for s, e in credits)]
    if len(keep) == len(span):
        return span
    # What follows the credit, as one run of tokens (a name is never split around it).
    run: list[Token] = []
    for t in keep:
        if run and t.i != run[-1].i + 1:
            break
        run.append(t)
    if not run or not any(t.is_alpha for t in run):
        return None
    return Span(span.doc, run[0].i, run[-1].i + 1, label=span.label_)


def decide_kinds(doc: Doc, names: list[Span], words: KindWords,
                 titles: frozenset[str]) -> list[Span]:
    """The names with the kind the article gives them; page furniture and bare titles out."""
    names = [part for span in names for part in _split_at_rank(span, words.force_ranks)]
    furniture = line_ranges(doc_text(doc), BOILERPLATE) + furniture_lines(doc_text(doc))
    datelines = dateline_names(doc_text(doc))
    masthead = masthead_line(doc_text(doc))
    if masthead is not None:
        furniture.append(masthead)
    headings = headline_lines(doc_text(doc))
    first_break = doc_text(doc).find("\n", masthead[1] if masthead else 0)
    title_end = first_break if first_break >= 0 else len(doc_text(doc))
    # A title word that ends a person's full name here is a surname ("King" after "Billie
    # Jean King"), not a title alone.
    surnames = {n[-1].lower_ for n in names if n.label_ == "PERSON" and len(n) > 1
                and n[-1].lower_.rstrip(".") not in words.ranks}  # "Gunnery Sgt": a rank
    short_forms = _short_forms(names, titles, words.ranks, words.venues)
    credits = [(m.start(), m.end()) for m in INLINE_FURNITURE.finditer(doc_text(doc))]
    person_ends = frozenset(n.end - 1 for n in names if n.label_ == "PERSON" and len(n) > 1)
    out = []
    for span in names:
        if any(s <= span.start_char < e for s, e in furniture):
            continue
        trimmed = _after_credits(span, credits)
        if trimmed is None:
            continue
        span = _without_opening_verb(trimmed)
        if _heading(doc, span, headings, title_end):
            continue
        if span.label_ in ("PERSON", "ORG") and " ".join(span.text.lower().split()) in datelines:
            out.append(_relabelled(span, "GPE"))  # "ALTURAS, Modoc County —": a place
            continue
        if span.label_ == "PERSON" and len(span) == 1 and span[0].lower_ in words.org_heads:
            continue  # "Police say": nobody in particular
        surname = len(span) == 1 and span[0].lower_ in surnames
        if span.label_ == "NORP" and surname and span[0].is_title:
            span = _relabelled(span, "PERSON")  # "Klitschko" read as a nationality
        if span.label_ == "PERSON" and not surname and (_title_only(span, words, titles) or all(
                len(t.text.rstrip(".")) < 2 for t in span if t.is_alpha or t.text[:1].isalpha())):
            continue  # "Sgt", or initials alone ("G")
        if span.label_ == "PERSON":
            trimmed = _after_rank(span, words.ranks)
            if trimmed is None:
                continue
            span = trimmed
            if len(span) == 1 and span[0].text in short_forms:
                span = _relabelled(span, short_forms[span[0].text])
        label = _kind(doc, span, words, person_ends)
        out.append(span if label is None else _relabelled(span, label))
    # A name some mention reads as a person's keeps every mention a person's: "Serena
    # Williams said" beside "the Williams were home", "Russell Brand spoke".
    people = _read_as_people(out, titles, words.ranks)
    teams = _team_words(doc) - {s[-1].text for s in out if s.text in people}
    things = _things(out, words.thing_heads)
    others = {k.lower(): v for k, v in not_people(out, people, surnames, words.thing_heads).items()}
    # A full name the model tags a person's in one sentence and a place in another
    # ("Wladimir Klitschko said …", "… beat Wladimir Klitschko" as GPE) is one person's.
    full_names = {s.text for s in out if s.label_ == "PERSON" and len(s) > 1}
    return [_relabelled(s, "ORG") if s.label_ == "PERSON" and s[-1].text in teams
            and s.text not in people
            else _relabelled(s, things[s.text]) if s.label_ == "PERSON" and s.text in things
            and s.text not in people
            else _relabelled(s, others[s.text.lower()]) if s.label_ == "PERSON"
            and s.text.lower() in others and s.text not in people
            else _relabelled(s, "PERSON") if s.label_ in ("GPE", "LOC") and s.text in full_names
            else s for s in out]


def _read_as_people(names: list[Span], titles: frozenset[str], ranks: frozenset[str]) -> set[str]:
    """The "person" names with a mention that only a person's reads like: a title or rank
    before it, the subject of "say" and the like, an age after it ("Ann Lee, 44, was")."""
    return {span.text for span in names if span.label_ == "PERSON" and (
        _reads_as_person(span, titles, ranks)
        or AGE_AFTER.match(doc_text(span.doc), span.end_char))}


def _things(names: list[Span], heads: dict[str, str]) -> dict[str, str]:
    """The "person" names that name things here: ending in a thing's noun ("Tony Award"), or
    beside one ("Xeon chips", "the sequel, Catching Fire") in at least half their mentions."""
    beside: dict[str, list[str | None]] = {}
    for span in names:
        if span.label_ != "PERSON":
            continue
        ending = heads.get(span[-1].lower_)
        # Not a business's noun: "Brand" and "Chain" end people's names too ("Russell Brand").
        if ending is not None and ending != "ORG":
            beside.setdefault(span.text, []).extend([ending] * 2)
            continue
        root = span.root
        near = (heads.get(root.head.lemma_.lower()) if root.dep_ in ("compound", "appos")
                and root.head.pos_ == "NOUN" else None)
        if near == "WORK_OF_ART" and root.dep_ == "compound":
            near = None  # "a Stephen King novel": the author's; "the sequel, Catching Fire"
        beside.setdefault(span.text, []).append(near)
    out = {}
    for text, kinds in beside.items():
        found = [k for k in kinds if k is not None]
        if found and 2 * len(found) >= len(kinds):
            out[text] = max(set(found), key=found.count)
    return out


TEAM_SKIP = 4  # words between "the" and a team's name ("the top - seeded Bluejays")
_THE = get_string_id("the")
TEAM_MODIFIERS = frozenset({"JJ", "JJR", "JJS", "VBN", "VBG", "CD", "HYPH", "RBS"})


def _team_words(doc: Doc) -> frozenset[str]:
    """Plural names the article puts after "the" ("the stubborn Bulldogs"): a team or a band,
    so that "Drake Bulldogs" and "Bulldogs coach" elsewhere name it too, not a person. A name
    before a noun is left out ("the Adams family": a person's)."""
    found = set()
    # The positions of "the" from the lower-case column: no Token made per word.
    for i in np.flatnonzero(doc.to_array("LOWER") == _THE).tolist():
        for nxt in doc[i + 1 : i + 2 + TEAM_SKIP]:
            if nxt.is_title and nxt.is_alpha:
                # "the Jenkins' home": a family's (a team's owner is rarer than a family's)
                owner = nxt.i + 1 < len(doc) and doc[nxt.i + 1].text in ("'", "’", "'s", "’s")
                if (len(nxt) > 3 and nxt.text.endswith("s") and not nxt.text.endswith("ss")
                        and nxt.dep_ not in ("compound", "poss") and not owner
                        and nxt.tag_ in ("NNPS", "NNS", "NNP")):
                    found.add(nxt.text)
                break
            if nxt.tag_ not in TEAM_MODIFIERS and nxt.text != "-":
                break  # "the death of Collins": only describing words stand between
    return frozenset(found)
