"""People's roles and titles, read from the words around their names.

Two places carry a role in news English: a title before the name ("German Foreign Minister
Annalena Baerbock", "EU Council Chief Antonio Costa", "the EU's new top diplomat Kaja
Kallas") and an apposition or "as" phrase after it ("Jake Sullivan, the National Security
Adviser"; "Kaja Kallas, who took over as the EU's chief diplomat").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

ROLE_ENT_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC"})


@dataclass(frozen=True, slots=True)
class TitleWords:
    """The lexicon roles are read with (package data, see ``entities/lexicons/<language>``)."""

    heads: frozenset[str]  # lower-case words a role ends in: minister, president, diplomat
    modifiers: frozenset[str]  # lower-case words inside a title: foreign, prime, top
    demonyms: frozenset[str]  # German, Ukrainian


@dataclass(frozen=True, slots=True)
class Role:
    """A role phrase and the token range it covers."""

    text: str
    start: int  # token index
    end: int


def _ents_by_end(ents: list[Span]) -> dict[int, Span]:
    """Entities by the index of their last token."""
    return {ent.end - 1: ent for ent in ents}


def _in_title(token: Token, words: TitleWords) -> bool:
    lower = token.lower_
    return (
        lower in words.heads
        or lower in words.modifiers
        or token.text in words.demonyms
        or (token.is_title and token.dep_ == "compound" and token.tag_ in ("NNP", "NN"))
    )


def title_before(doc: Doc, name: Span, ents: list[Span], words: TitleWords) -> Role | None:
    """The title right before a name ("regional governor", "EU Council Chief")."""
    i = name.start - 1
    if i < 0 or doc[i].lower_ not in words.heads:
        return None
    ending_at = _ents_by_end(ents)
    start = i
    while i >= 0:
        token = doc[i]
        ent = ending_at.get(i)
        if ent is not None and ent.label_ in ROLE_ENT_LABELS:
            start = i = ent.start  # "EU Council" in "EU Council Chief"
        elif token.tag_ == "POS" and i > 0 and (i - 1) in ending_at:
            start = i  # "the EU's new top diplomat"
        elif _in_title(token, words) and not (ent is not None and ent.label_ == "PERSON"):
            start = i
        else:
            break
        i -= 1
    while start < name.start and doc[start].tag_ == "POS":
        start += 1
    start = _clean_start(doc, start, name.start, words)
    return Role(doc[start : name.start].text, start, name.start) if start < name.start else None


# Words of a clock time that a time's number leaves behind ("12:16 PM President").
CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "et", "edt", "est", "gmt", "utc", "cet"})


def _clean_start(doc: Doc, start: int, end: int, words: TitleWords) -> int:
    """Where a title before a name really starts: after a number, a footnote or a bracket
    and the clock words after a time ("12:16 PM President", "community.[11] President"), and
    after lower-case words that are no title words ("surrounding community President")."""
    start = _after_cuts(doc, start, end)
    while start < end and doc[start].is_lower and doc[start].lower_ not in words.heads \
            and doc[start].lower_ not in words.modifiers:
        start += 1
    return start


def _after_cuts(doc: Doc, start: int, end: int) -> int:
    """The first token of ``[start, end)`` after its last line break, number, footnote or
    bracket (and a time's clock words): a title never runs over any of them."""
    for i in range(end - 1, start - 1, -1):
        token = doc[i]
        if "\n" in token.text:  # spaCy keeps line breaks as tokens of their own
            return i + 1
        if any(c.isdigit() or c in "[]()" for c in token.text):
            start = i + 1
            while start < end and doc[start].lower_ in CLOCK_WORDS:
                start += 1
            return start
    return start


# Languages whose titles put the nationality and the portfolio after the head word ("le
# président ukrainien Volodymyr Zelensky", "la ministre allemande des Affaires étrangères").
POSTNOMINAL_TITLES = frozenset({"fr", "es", "it", "pt", "ro", "ca"})
# Words that link a title's head to its complement in those languages.
TITLE_LINKS = frozenset({"de", "des", "du", "d'", "d’", "la", "l'", "l’", "del", "della", "do",
                         "da", "dos", "das", "et", "y", "e"})


def title_before_postnominal(doc: Doc, name: Span, ents: list[Span],
                             words: TitleWords) -> Role | None:
    """The title right before a name where adjectives and complements follow the head: walk
    left over nationality adjectives, modifiers, linking words and organisation or place
    names back to the nearest head word; the role is head .. name."""
    ending_at = _ents_by_end(ents)
    i = name.start - 1
    while i >= 0 and name.start - i <= 10:
        token = doc[i]
        ent = ending_at.get(i)
        if token.lower_ in words.heads:
            start = i
            # "premier ministre", "secrétaire général adjoint": modifiers before the head
            while start > 0 and doc[start - 1].lower_ in words.modifiers:
                start -= 1
            if doc[i + 1 : name.start] and doc[name.start - 1].lower_ in TITLE_LINKS:
                return None  # "le président de la Ukraine" cut short: not a title
            return Role(doc[start : name.start].text, start, name.start)
        if ent is not None and ent.label_ in ROLE_ENT_LABELS:
            if doc[ent.start].lower_ in words.heads:  # the model took the title for a body
                return Role(doc[ent.start : name.start].text, ent.start, name.start)
            i = ent.start - 1  # "des Affaires étrangères", "de l'OTAN"
            continue
        if ent is not None and ent.label_ == "PERSON":
            return None
        if not (token.lower_ in words.demonyms or token.lower_ in words.modifiers
                or token.lower_ in TITLE_LINKS or token.pos_ == "ADJ"
                or (token.is_title and not token.is_sent_start)):
            return None
        i -= 1
    return None


def _title_phrase(head: Token, words: TitleWords) -> Role | None:
    """A noun phrase headed by a title word, without its article and trailing clauses."""
    if head.lower_ not in words.heads:
        return None
    # In French a preposition hangs off the noun it introduces ("selon le président").
    skip = ("det", "punct", "cc") + (("case",) if head.doc.lang_ in POSTNOMINAL_TITLES else ())
    left = [t for t in head.lefts if t.dep_ not in skip]
    start = min((t.left_edge.i for t in left), default=head.i)
    end = head.i + 1
    for right in head.rights:  # "Minister of Foreign Affairs"
        if right.dep_ == "prep" and right.lower_ == "of":
            end = right.right_edge.i + 1
        break
    doc = head.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    start = _clean_start(doc, start, end, words)  # "a frustrated President": no title word
    return Role(doc[start:end].text, start, end) if start < end else None


def title_after(name: Span, words: TitleWords) -> Role | None:
    """A title in apposition or an "as ..." phrase after the name."""
    root = name.root
    for child in root.rights:
        if child.dep_ == "appos" and child.i >= name.end:
            role = _title_phrase(child, words)
            if role is not None:
                return role
        if child.dep_ == "relcl":  # "..., who took over as the EU's chief diplomat"
            for prep in child.rights:
                if prep.lower_ == "as" and prep.dep_ == "prep":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            role = _title_phrase(obj, words)
                            if role is not None:
                                return role
    if root.dep_ == "appos" and root.head.i < name.start:  # "the president, Volodymyr Zelenskyy"
        return _title_phrase(root.head, words)
    return None


def find_roles(doc: Doc, name: Span, ents: list[Span], words: TitleWords) -> list[Role]:
    """The roles the text gives the person named by ``name`` at this mention."""
    before = (title_before_postnominal if doc.lang_ in POSTNOMINAL_TITLES else title_before)
    roles = []
    for role in (before(doc, name, ents, words), title_after(name, words)):
        if role is None:
            continue
        start = _after_cuts(doc, role.start, role.end)
        if start < role.end:
            roles.append(role if start == role.start
                         else Role(doc[start:role.end].text, start, role.end))
    return roles


def merge_roles(roles: list[str]) -> tuple[str, ...]:
    """Distinct roles in order, dropping those contained in a longer one."""
    ordered: list[str] = []
    for role in roles:
        if role.lower() not in (r.lower() for r in ordered):
            ordered.append(role)
    return tuple(
        r
        for r in ordered
        if not any(r.lower() != o.lower() and r.lower() in o.lower() for o in ordered)
    )
