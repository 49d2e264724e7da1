"""Toponym recognition: the stretches of text that name a place (or a country, by demonym).

Reads the named entities (GPE/LOC/FAC, and NORP for demonyms), splits "Louisville, Ky."
into its parts, trims "the" and possessives, finds names inside longer names ("Western
Canada", "Turkish-Russian", "Queensland Police Service"), and adds country and region names
the model missed when the gazetteer knows them unambiguously. Names found inside an
organisation's or a person's name are marked weak: geocode.py keeps them only when the
article's other places support them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from europenews.analyze.doctext import doc_text
from europenews.analyze.places.geonames import GeoGazetteer, place_key
from europenews.analyze.places.toponym_forms import (
    NOT_A_PLACE,
    POST_NOMINALS,
    STREET_WORDS,
    VAGUE,
    abbreviation,
    broad,
    code_only,
    dateline,
    facility,
    feature_part,
    landform,
    not_a_name,
    plain,
    reads_as_name,
    shouted_line,
    street_or_institution,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels whose spans may hide a demonym ("Ukrainian President" → Ukraine).
DEMONYM_LABELS = frozenset({"NORP", "GPE", "LOC", "MISC"})
# Words in front of a name that are not part of it.
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Names the model misses sit in these tokens' shapes: a capitalised word or an abbreviation.
_CAPITALISED = re.compile(r"^[A-Z][\w.’'\-]*$")
MAX_TOKENS = 4
# Words after which a mislabelled name is a place ("born in Churchill").
LOCATIVE = frozenset({"in", "near", "from", "outside", "at", "to", "of"})
# Labels of longer names that may contain a place name used as a modifier ("CTV Edmonton",
# "Venice International Film Festival"): the places inside are weak evidence.
INNER_LABELS = frozenset({"ORG", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE"})
# Labels whose one-word names are rarely places even when a place has that name ("Olympic").
NOT_WHOLE = frozenset({"EVENT", "WORK_OF_ART", "PRODUCT"})


@dataclass(frozen=True, slots=True)
class Toponym:
    """One place name (or demonym) in the text, with character offsets."""

    start: int
    end: int
    text: str
    demonym: bool = False  # "Ukrainian": names the country, not a place of its own
    weak: bool = False  # inside an organisation's or person's name: kept only with context


def _trimmed(text: str, start: int) -> tuple[str, int, int]:
    """Drop a leading "the" and a trailing possessive; return text, start, end."""
    lead = _LEAD.match(text)
    if lead:
        text, start = text[lead.end() :], start + lead.end()
    text = _POSSESSIVE.sub("", text).rstrip(" ,;:")
    return text, start, start + len(text)


def _parts(text: str, start: int) -> list[tuple[str, int, int]]:
    """Split "Louisville, Ky." and "Paris, France" into the names they list."""
    out = []
    offset = 0
    for piece in text.split(","):
        stripped = piece.strip()
        if stripped:
            begin = start + offset + piece.index(stripped)
            out.append(_trimmed(stripped, begin))
        offset += len(piece) + 1
    return out


def _known(gaz: GeoGazetteer, text: str) -> bool:
    return bool(gaz.candidates(text)) or gaz.demonym(text) is not None or _is_county(text)


def _is_county(text: str) -> bool:
    return bool(re.search(r"\b(?:County|Co\.|COUNTY|CO\.)$", text)) and len(text.split()) > 1


_WORD = re.compile(r"[A-Z][\w.’']*")


def _inner_toponyms(
    text: str, offset: int, gaz: GeoGazetteer, weak: bool, codes: bool = False
) -> list[Toponym]:
    """Place names and demonyms inside a longer name: "Queensland Police Service",
    "Turkish-Russian relations", "U.S.-led", "Western Canada". Greedy, longest first.
    A state's postal code counts only with ``codes`` ("IN TEXAS" is no Indiana)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    found: list[Toponym] = []
    i = 0
    while i < len(words):
        hit = None
        for n in range(min(MAX_TOKENS, len(words) - i), 0, -1):
            start, end = words[i][0], words[i + n - 1][1]
            piece = text[start:end].rstrip(".") if n > 1 else text[start:end]
            if n == 1 and piece.endswith(".") and plain(gaz, piece):
                piece = piece[:-1]  # "Pittsburgh." ends a sentence; "Alta." is Alberta
            if n > 1 and not re.fullmatch(r"[\w.’']+(?: (?:of |and )?[\w.’']+)*", piece):
                continue  # only words joined by single spaces form one name
            # After a place or demonym, a word is the organisation's head ("European Union").
            after_name = (
                bool(found) and (weak or found[-1].demonym) and found[-1].end >= offset + start - 1
            )
            # "Indo-Pacific", "Garcia-Ramires": neither half of a compound is a town of its own.
            compound = start > 0 and text[start - 1] == "-" and not after_name
            glued = text[end : end + 1] == "-" and text[end + 1 : end + 2].isupper()
            compound = compound or glued
            cands = gaz.candidates(piece)
            if not codes and len(piece) == 2 and piece.isupper():
                cands = [c for c in cands if c.feature != "region"]
            if compound and not broad(cands):
                cands = []
            if n == 1 and not broad(cands) and gaz.demonym(piece.rstrip(".")) is not None:
                cands = []  # "Canadian Press": the demonym, not Canadian, Texas
            if weak and n > 1 and not broad(cands):
                # "University of Michigan Center": the state, not Michigan Center (a village)
                cands = [c for c in cands if c.population >= SIZEABLE_TOWN or c.feature == "county"]
            # Inside a longer place name, a town's name must open it or follow a direction
            # word ("Calgary-North West", "Downtown Toronto"); "Soviet Union" is no town.
            prev = text[:start].split()[-1:] if start else []
            if not weak and prev and not broad(cands):
                if place_key(prev[0]) not in _OPENERS:
                    cands = []
                else:  # "Downtown Toronto", not "South Pacific" (Pacific, Missouri)
                    key = place_key(piece)
                    cands = [
                        c
                        for c in cands
                        if c.population >= SIZEABLE_TOWN and place_key(c.name) == key
                    ]
            if cands and not after_name and place_key(piece) not in NOT_A_PLACE:
                hit = Toponym(offset + start, offset + start + len(piece), piece, weak=weak)
            elif n == 1 and gaz.demonym(piece.rstrip(".")) is not None:
                piece = piece.rstrip(".")
                hit = Toponym(offset + start, offset + start + len(piece), piece, True, weak)
            if hit:
                i += n
                break
        if hit:
            found.append(hit)
        else:
            i += 1
    return found


# A town's name after a direction word inside a longer place name must be this big.
SIZEABLE_TOWN = 50000
_OPENERS = VAGUE | {"greater", "metro", "downtown", "upper", "lower", "old", "new", "of"}


def _entity_toponyms(doc: Doc, gaz: GeoGazetteer) -> list[Toponym]:
    found: list[Toponym] = []
    full = doc_text(doc)
    ents = doc.ents  # spaCy builds them anew on each read
    person_words = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    # "Georgia Wells" … "Georgia started riding": a first name, whatever the model says.
    first_names = {e[0].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    for ent in ents:
        if ent.label_ in INNER_LABELS:
            text, start, end = _trimmed(ent.text, ent.start_char)
            acronym = text.isupper() and len(text) <= 4  # "BA" is British Airways
            whole = len(ent) <= 3 and text and not acronym and ent.label_ not in NOT_WHOLE
            if whole and gaz.candidates(text):
                # The whole name is a place ("Rhineland-Palatinate", "in Churchill"): the model
                # mislabelled it; after "in", "from", "near" it is surely a place.
                strong = _after_locative(doc, ent.start) or dateline(full, start, end, dash=True)
                found.append(Toponym(start, end, text, weak=not strong))
                continue
            # "Louisville, KY": a state code after a town, whatever the model made of it.
            after_town = ent.start > 1 and doc[ent.start - 1].text == ","
            after_town = after_town and doc[ent.start - 2].ent_type_ in ("GPE", "LOC")
            inner = ent.text + "." if full[ent.end_char : ent.end_char + 1] == "." else ent.text
            found += _inner_toponyms(inner, ent.start_char, gaz, weak=True, codes=after_town)
            continue
        if ent.label_ == "PERSON":
            text, start, end = _trimmed(ent.text, ent.start_char)
            demonym = _demonym_prefix(gaz, text) if len(ent) > 1 else None
            if demonym:  # "Turkish President Erdogan": a nationality, then the name
                found.append(Toponym(start, start + len(demonym), demonym, demonym=True))
                continue
            # Otherwise only a one-word name that is not the surname or first name of a person
            # named in full ("Brooke Henderson" … "Henderson"): weak evidence.
            text, end = abbreviation(gaz, full, text, end)  # "Gatineau, Que."
            if len(ent) == 1 and text not in person_words and gaz.candidates(text):
                found.append(Toponym(start, end, text, weak=True))
            continue
        if ent.label_ not in PLACE_LABELS and ent.label_ not in DEMONYM_LABELS:
            continue
        longer = _extended(doc, ent, gaz) if ent.label_ in PLACE_LABELS else None
        if longer is not None:
            found.append(longer)
            continue
        if len(ent) == 1 and ent.text in first_names:
            continue
        for part, (text, start, end) in enumerate(_parts(ent.text, ent.start_char)):
            if not text or not text[0].isupper() or place_key(text) in NOT_A_PLACE:
                continue
            if part == 0 and code_only(gaz, text) and not full[:start].rstrip().endswith(","):
                continue  # "LA" alone is Los Angeles more often than Louisiana
            text, end = abbreviation(gaz, full, text, end)
            if facility(text) and not gaz.candidates(text):
                # "Kabul Airport" says where; "Penn Avenue" and "Francis Street" do not.
                if place_key(text.split()[-1]) not in STREET_WORDS:
                    found += _inner_toponyms(text, start, gaz, weak=True)
                continue
            if ent.label_ in PLACE_LABELS and (gaz.candidates(text) or _is_county(text)):
                # A person's surname read as a place ("Maria Garcia" … "Garcia"): weak.
                found.append(Toponym(start, end, text, weak=text in person_words))
                continue
            demonym = _demonym_prefix(gaz, text)
            if demonym and "-" not in demonym:
                found.append(Toponym(start, start + len(demonym), demonym, demonym=True))
            elif ent.label_ in PLACE_LABELS and _known(gaz, _strip_kind(text)):
                found.append(Toponym(start, end, text))
            elif reads_as_name(text, gaz, person_words):
                continue
            else:
                # "Western Canada", "Turkish-Russian": the names inside count; a place label
                # vouches for them, a demonym label only for demonyms.
                # A lake or a park named after a region is no sign of the region ("Falcon
                # Lake" in Texas; Falcón is a state of Venezuela): weak.
                inside = _inner_toponyms(text, start, gaz, weak=landform(text))
                found += [t for t in inside if ent.label_ in PLACE_LABELS or t.demonym]
    return found


def _extended(doc: Doc, ent: Span, gaz: GeoGazetteer) -> Toponym | None:
    """A place name the model cut short ("Fort St." + "John"): the entity and the capitalised
    words after it, when only the longer name is in the gazetteer."""
    if gaz.candidates(ent.text) or "," in ent.text:
        return None
    for n in (2, 1):
        if ent.end + n > len(doc):
            continue
        span = doc[ent.start : ent.end + n]
        tail = doc[ent.end : ent.end + n]
        if all(_CAPITALISED.match(t.text) and not t.is_sent_start for t in tail) and (
            gaz.candidates(span.text)
        ):
            text, start, end = _trimmed(span.text, span.start_char)
            return Toponym(start, end, text)
    return None


def _after_locative(doc: Doc, i: int) -> bool:
    """Whether token i follows "in", "from", "near" … ("according to Xinhua" is a source)."""
    if i == 0 or doc[i - 1].lower_ not in LOCATIVE:
        return False
    return not (i > 1 and doc[i - 1].lower_ == "to" and doc[i - 2].lower_ == "according")


def _demonym_prefix(gaz: GeoGazetteer, text: str) -> str | None:
    """The demonym a span starts with ("Ukrainian" in "Ukrainian President"), if any,
    exactly as written."""
    for n in (2, 1):
        head = re.match(r"\S+" + r"\s+\S+" * (n - 1), text)
        if head and gaz.demonym(head.group(0)) is not None:
            return head.group(0)
    return None


_KIND = re.compile(
    r"\s+(?:region|province|Province|Region|oblast|Oblast|governorate|Governorate|state|"
    r"State|district|District|prefecture|Prefecture|city|City)$"
)


def _strip_kind(text: str) -> str:
    """ "Kherson region" → "Kherson"; "Fars Province" → "Fars"."""
    return _KIND.sub("", text)


def _missed_toponyms(doc: Doc, gaz: GeoGazetteer, taken: list[Toponym]) -> list[Toponym]:
    """Country, region and continent names, demonyms and datelines' towns that the model did
    not tag.

    Only outside every entity, and only names whose every reading is a country, region or
    continent (or a region written after "<place>, "): a city name alone is too often a
    surname or a word. Hyphenated words ("U.S.-based") give their country or demonym.
    """
    covered = {i for t in taken for i in range(t.start, t.end)}
    full = doc_text(doc)
    in_ent: set[int] = set()
    for ent in doc.ents:
        in_ent.update(range(ent.start, ent.end))
    found: list[Toponym] = []
    tokens = list(doc)  # one Token per word: ``doc[i]`` makes a new one on every look
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i in in_ent or token.idx in covered:
            i += 1
            continue
        if not _CAPITALISED.match(token.text):
            if "-" in token.text[1:] and token.text[0].isupper():  # "KY--(Marketwire"
                found += _hyphenated(doc, i, gaz, taken, found)
            i += 1
            continue
        match = None
        for n in range(min(MAX_TOKENS, len(doc) - i), 0, -1):
            if any(j in in_ent for j in range(i, i + n)):
                continue
            span = doc[i : i + n]
            opens = dateline(full, span.start_char, span.end_char, dash=True)
            if (opens and gaz.candidates(span.text)) or _unmistakable(
                gaz, span, after_comma=_after_place(doc, i, taken, found)
            ):
                match = Toponym(span.start_char, span.end_char, span.text)
                break
            if n == 1 and gaz.demonym(token.text) is not None:
                match = Toponym(token.idx, token.idx + len(token), token.text, demonym=True)
                break
        if match:
            found.append(match)
            i += len(doc.char_span(match.start, match.end) or [token])
            continue
        if "-" in token.text:
            found += _hyphenated(doc, i, gaz, taken, found)
        i += 1
    return found


def _hyphenated(
    doc: Doc, i: int, gaz: GeoGazetteer, taken: list[Toponym], found: list[Toponym]
) -> list[Toponym]:
    """Countries and demonyms in a hyphenated word ("U.S.-based", "Turkish-backed"), and a
    state code glued to the next word after a town ("LOUISVILLE, KY--(Wire")."""
    token = doc[i]
    qualifier = _after_place(doc, i, taken, found)
    return [
        t
        for t in _inner_toponyms(token.text, token.idx, gaz, weak=True, codes=qualifier)
        if t.demonym
        or any(
            c.feature == "country" or (qualifier and t.start == token.idx and c.feature == "region")
            for c in gaz.candidates(t.text)
        )
    ]


def _after_place(doc: Doc, i: int, taken: list[Toponym], found: list[Toponym]) -> bool:
    """Whether token i follows "<place>, " (as "Man." in "Churchill, Man.")."""
    if i < 2 or doc[i - 1].text != ",":
        return False
    end = doc[i - 2].idx + len(doc[i - 2])
    return any(t.end == end for t in (*taken, *found)) or doc[i - 2].ent_type_ in (
        "GPE",
        "LOC",
        "ORG",
        "PERSON",
    )


def _unmistakable(gaz: GeoGazetteer, span: Span, after_comma: bool) -> bool:
    """A name the model missed that can only be a country, continent or first-level region,
    written as the record's own name (not an alias) or as a qualifier after a place."""
    if span[0].lower_ == "the" or not all(
        _CAPITALISED.match(t.text)
        or t.lower_ in ("of", "and")
        or (t.text == "." and t.i > span.start)
        for t in span
    ):
        return False
    cands = gaz.candidates(span.text)
    if not cands or place_key(span.text) in VAGUE:
        return False
    if after_comma and any(c.feature in ("region", "country") for c in cands):
        return True
    if not all(c.feature in ("country", "region", "continent") for c in cands):
        return False
    if len(span.text) <= 3 and not span.text.isupper() and "." not in span.text:
        return False
    key = place_key(span.text)
    own_name = any(place_key(c.name) == key for c in cands)
    return own_name and (not span[0].is_sent_start or cands[0].feature == "country")


def find_toponyms(doc: Doc, gaz: GeoGazetteer, add_missed: bool = True) -> list[Toponym]:
    """Return the place names and demonyms in the text, in order, without overlaps."""
    found = _entity_toponyms(doc, gaz)
    if add_missed:
        found += _missed_toponyms(doc, gaz, found)
    found.sort(key=lambda t: (t.start, -t.end))
    out: list[Toponym] = []
    full = doc_text(doc)
    for t in found:
        if (out and t.start < out[-1].end) or t.text.upper() in POST_NOMINALS:
            continue
        if not t.demonym and (
            not_a_name(gaz, full, t.start, t.end) or street_or_institution(full, t.start, t.end)
            or feature_part(gaz, full, t.start, t.end)
        ):
            continue
        if not t.weak and not t.demonym and (
            place_key(t.text) in gaz.common or shouted_line(full, t.start, t.end)
        ):
            # "Man", "Metro", "Gulf", any word of a headline in capitals ("PARENT CHARGED"):
            # a place only where the article's other places say so.
            t = replace(t, weak=True)
        out.append(t)
    return _without_compound_peoples(out, full)


def _without_compound_peoples(found: list[Toponym], text: str) -> list[Toponym]:
    """Two nationalities written as one ("American Indian", "African American") name a
    people, not a country: neither counts. Joined by a hyphen they name two ("Turkish-Russian
    talks")."""
    compound: set[int] = set()
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if a.demonym and b.demonym and text[a.end : b.start] == " ":
            compound.update((i, i + 1))
    return [t for i, t in enumerate(found) if i not in compound]
