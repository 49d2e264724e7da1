"""Who a quote's speaker is: its speaker mention resolved to an entity of the article's cast.

The quote finder (``analyze/quotes``) chooses which mention names the speaker; this module
says which entity of ``doc._.entities`` that mention refers to, or that it names nobody the
article names. Run after the finder (``resolve_speakers``), so either can change alone.

- **A name** is the entity whose mention it is. In a longer mention a person wins ("Altona
  police Lt. Mira Sandell" is Sandell, not Altona); a place is a speaker only when it is
  the whole mention and not a dateline ("OSLO").
- **A pronoun** ("he", "she") is the nearest earlier person of the article who agrees in gender
  (known from the first-name list, "Mr."/"Ms.", a gendered role such as "actress", the
  article's own pronouns after the person as subject ("Reid ... her dress"), or a
  pronoun that could only be them); same-sentence subjects first. When an unnamed person who
  agrees ("a survivor", "the woman") stands nearer, the pronoun is theirs: no named speaker.
  At equal sentence distance the person who spoke in the quote before goes on speaking. A
  person the quote's own words name is whom the speaker talks about, never the speaker.
  "It" and "they" are an organisation that is the subject of the same or the previous sentence.
- **A description** ("the president", "the senator") is the one person of the cast whose role
  has that head word and every modifier ("the college president" is not "President Obama");
  never when several fit, when it is indefinite ("a senior Democrat") or possessed by another
  ("Planned Parenthood's president").
- **via**: a person's report passed on by an outlet (", Sanders said, according to CNN") keeps
  the person as speaker and names the outlet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from europenews.analyze.entities.chains import SUBJECTS, chained
from europenews.model import Entity, Quote, Speaker

PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f"}
ORGANISATION_PRONOUNS = frozenset({"it", "they"})
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any", "several", "many"})
# Words inside a description that say nothing about who it is ("the former president").
FREE_MODIFIERS = frozenset({"the", "former", "then", "current", "new", "outgoing", "incoming",
                            "acting", "late", "longtime", "veteran", "top", "'s", "’s"})
WINDOW = 150  # tokens searched back for a pronoun's person


@dataclass(frozen=True, slots=True)
class CastWords:
    """The word lists speaker resolution reads (``entities/lexicons/<language>``)."""

    first_names: dict[str, str]  # "barack" → "m" (lower case)
    gendered: dict[str, str]  # "actress" → "f", "chairman" → "m"
    people: frozenset[str]  # nouns for people: "woman", "survivor", "officer", title heads


@dataclass(slots=True)
class Cast:
    """The article's entities as resolution needs them."""

    by_id: dict[str, Entity]
    of_token: dict[int, str]
    persons: list[int]  # token indices of person name mentions, ascending
    gender: dict[str, str]


def _first_word(entity: Entity) -> str:
    words = entity.name.split()
    return words[0].lower().strip(".") if len(words) > 1 else ""


def _entity_gender(doc: Doc, entity: Entity, tokens: list[int], words: CastWords,
                   persons: frozenset[int] = frozenset()) -> str | None:
    votes = set()
    for i in tokens:
        before = doc[i - 1].lower_.rstrip(".") if i > 0 else ""
        if before in HONORIFIC_GENDER:
            votes.add(HONORIFIC_GENDER[before])
    for role in entity.roles:
        for word in role.lower().split():
            if word in words.gendered:
                votes.add(words.gendered[word])
    if not votes and entity.type == "person":
        found = words.first_names.get(_first_word(entity)) or _text_gender(doc, tokens, persons)
        if found:
            votes.add(found)
    return votes.pop() if len(votes) == 1 else None


# Pronouns that refer back to the subject of their own sentence ("Holm said her ...").
BACK_PRONOUNS = {"he": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                 "herself": "f"}


def _text_gender(doc: Doc, tokens: list[int], persons: frozenset[int]) -> str | None:
    """The gender the article's own pronouns give a person it names without a first name the
    list knows ("Reid, 33, was photographed when her dress slipped"): a pronoun after the
    person's mention as subject, in a sentence that names no other person. Pronouns of both
    genders: unknown."""
    votes = set()
    for i in tokens:
        token = doc[i]
        if token.dep_ not in SUBJECTS:
            continue
        sent = token.sent
        if any(j in persons and j not in tokens for j in range(sent.start, sent.end)):
            continue  # "Reid thanked Lena Holm for her help": whose help?
        for later in doc[i + 1 : sent.end]:
            gender = BACK_PRONOUNS.get(later.lower_)
            back = later.dep_ in ("poss", *SUBJECTS) or later.lower_.endswith("self")
            if gender is not None and back:
                votes.add(gender)
    return votes.pop() if len(votes) == 1 else None


def build_cast(doc: Doc, entities: list[Entity], of_token: dict[int, str],
               words: CastWords) -> Cast:
    """Index the article's entities (``doc._.entities``, ``doc._.entity_of_token``)."""
    by_id = {e.id: e for e in entities}
    persons = sorted(i for i, eid in of_token.items()
                     if by_id.get(eid) is not None and by_id[eid].type == "person"
                     and _is_name(doc[i]))
    tokens: dict[str, list[int]] = {}
    for i in persons:
        tokens.setdefault(of_token[i], []).append(i)
    gender = {}
    named = frozenset(persons)
    for eid, found in tokens.items():
        g = _entity_gender(doc, by_id[eid], found, words, named)
        if g is not None:
            gender[eid] = g
    return Cast(by_id, of_token, persons, gender)


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ == "PERSON"


# --- names -----------------------------------------------------------------------------------


def _dateline(span: Span) -> bool:
    """An ALL-CAPS word opening its line ("OSLO, Norway —"): where the report was filed."""
    first = span[0]
    line_start = first.i == 0 or "\n" in first.doc[first.i - 1].text_with_ws
    return line_start and all(t.is_upper or not t.is_alpha for t in span)


def _named(span: Span, cast: Cast) -> str | None:
    """The entity a name mention names: the entity of its head word; else a person inside it
    ("Kallas' stance"). An organisation or place that only modifies the head ("new EU leaders",
    "Altona police Lt. ...") does not speak, nor does a dateline ("OSLO")."""
    head = span.root
    eid = cast.of_token.get(head.i)
    if eid is not None:
        entity = cast.by_id[eid]
        if entity.type in ("person", "organization"):
            return eid
        if entity.type == "misc":
            return None  # "Democrats said": a group by party or nationality, no one entity
        whole = all(cast.of_token.get(i) == eid for i in range(span.start, span.end))
        return eid if whole and not _dateline(span) else None
    # A person who only names what speaks ("the Obama administration", "the Holm campaign")
    # is not the speaker: their name modifies the head word.
    modifiers = {cast.of_token[t.i] for t in head.children
                 if t.dep_ == "compound" and t.i in cast.of_token}
    people = [cast.of_token[i] for i in range(span.start, span.end)
              if i in cast.of_token and cast.by_id[cast.of_token[i]].type == "person"
              and cast.of_token[i] not in modifiers]
    return people[-1] if people else None


# --- pronouns --------------------------------------------------------------------------------


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index


def _person_noun(token: Token, words: CastWords) -> bool:
    return (token.pos_ == "NOUN" and token.lemma_.lower() in words.people
            and not token.ent_type_)


def _agrees(gender: str | None, wanted: str | None) -> bool:
    return gender is None or wanted is None or gender == wanted


def _unnamed_between(doc: Doc, start: int, end: int, wanted: str | None, cast: Cast,
                     words: CastWords) -> bool:
    """Whether an unnamed person who agrees with the pronoun is a subject between the
    candidate's mention and the pronoun ("..., a woman who survived said she ...")."""
    for token in doc[start + 1 : end]:
        # "The woman's enthusiasm was plain": the owner of a subject is as near as a subject.
        owner = token.dep_ == "poss" and token.head.dep_ in SUBJECTS
        if (token.dep_ not in SUBJECTS and not owner) or not _person_noun(token, words):
            continue
        if token.tag_ in ("NNS", "NNPS"):
            continue  # "the officers": not "she"
        if not _agrees(words.gendered.get(token.lemma_.lower()), wanted):
            continue
        if _description_entity(token, cast, words) is None:
            return True
    return False


def _pronoun(doc: Doc, pron: Token, cast: Cast, words: CastWords,
             pronouns: Mapping[str, str], inside: tuple[tuple[int, int], ...] = (),
             last: str | None = None) -> str | None:
    lower = pron.lower_
    if lower in ORGANISATION_PRONOUNS:
        return _organisation_subject(doc, pron, cast)
    # The language's own ("il", "-elle" after an inverted verb: the quote lexicon's pronouns)
    wanted = PRONOUN_GENDER.get(lower) or pronouns.get(lower)
    if wanted not in ("m", "f"):
        return None  # "I", "we": the writer or a group, never a named person of the cast
    earlier = chained(doc, pron, frozenset(cast.persons), WINDOW)
    if earlier is not None:  # "She said she'd rather ... “...,” she said": the chain goes on
        return _pronoun(doc, earlier, cast, words, pronouns, inside, last)
    sentence = _sentence_index(doc)
    named_inside = {cast.of_token[i] for i in cast.persons
                    if any(s <= doc[i].idx < e for s, e in inside)}
    best: tuple[int, int, int, int, int] | None = None
    chosen: str | None = None
    seen: set[str] = set()
    for i in reversed(cast.persons):
        if i >= pron.i or pron.i - i > WINDOW:
            if i < pron.i:
                break
            continue
        eid = cast.of_token[i]
        if eid in named_inside:
            continue  # a person the quoted words name is whom the speaker talks about
        if eid in seen:
            continue
        seen.add(eid)
        if not _agrees(cast.gender.get(eid), wanted):
            continue
        token = doc[i]
        subject = token.dep_ in SUBJECTS or token.head.dep_ in SUBJECTS
        # A person known to agree before one of unknown gender ("she" is rather "Lena Holm"
        # than "Dahl", of whom the article says nothing); then the nearest sentence, the
        # speaker of the quote before ("Fenn said Ruiz had not listened. “...,” she said":
        # Fenn goes on), subjects and the nearest word.
        rank = (int(eid not in cast.gender and eid != last), sentence[pron.i] - sentence[i],
                int(eid != last), int(not subject), pron.i - i)
        if best is None or rank < best:
            best, chosen = rank, eid
    if chosen is None or best is None:
        return None
    nearest = max(i for i in cast.persons if i < pron.i and cast.of_token[i] == chosen)
    if _unnamed_between(doc, nearest, pron.i, wanted, cast, words):
        return None
    return chosen


def pronoun_entity(doc: Doc, pron: Token, cast: Cast, words: CastWords) -> str | None:
    """The person a "he"/"she" outside any quote refers to, as a speaker pronoun would."""
    return _pronoun(doc, pron, cast, words, {})


def _organisation_subject(doc: Doc, pron: Token, cast: Cast) -> str | None:
    sentences = list(doc.sents)
    here = next(n for n, s in enumerate(sentences) if s.start <= pron.i < s.end)
    for sent in (sentences[here], sentences[here - 1] if here else None):
        if sent is None:
            continue
        for token in sent:
            if token.i >= pron.i or token.dep_ not in SUBJECTS:
                continue
            eid = cast.of_token.get(token.i)
            if eid is not None and cast.by_id[eid].type == "organization":
                return eid
    return None


# --- descriptions ----------------------------------------------------------------------------


def _description_entity(head: Token, cast: Cast, words: CastWords) -> str | None:
    """The one person of the cast a description ("the president") can only mean, or None."""
    lemma = head.lemma_.lower()
    if head.tag_ in ("NNS", "NNPS"):
        return None  # "EU leaders", "officials": a group, not one person of the cast
    modifiers: list[str] = []
    for child in head.lefts:
        if child.dep_ == "det" and child.lower_ in INDEFINITE:
            return None  # "a senior Democrat": somebody new
        if child.dep_ in ("poss", "det") and child.lower_ not in ("the", "this", "that"):
            return None  # "Planned Parenthood's president", "her spokesman"
        if child.dep_ in ("amod", "compound", "nmod") and child.lower_ not in FREE_MODIFIERS:
            modifiers.extend(t.lower_ for t in child.subtree if t.is_alpha)
    for child in head.rights:
        # "the president of Planned Parenthood": the organisation narrows the description to
        # whoever the article says heads it, not to the cast's other president. (A place after
        # "of" does not: "the president of the United States" is the article's President.)
        if child.dep_ == "prep":
            modifiers.extend(t.lower_ for t in child.subtree if t.is_alpha and (
                t.ent_type_ == "ORG" or _is_organisation(cast, t.i)))
    fitting = []
    for eid, entity in cast.by_id.items():
        if entity.type != "person":
            continue
        roles = " ".join(entity.roles).lower().split()
        if lemma in roles and all(m in roles for m in modifiers):
            fitting.append(eid)
    return fitting[0] if len(fitting) == 1 else None


def _is_organisation(cast: Cast, i: int) -> bool:
    eid = cast.of_token.get(i)
    return eid is not None and cast.by_id[eid].type == "organization"


def _described(head: Token, words: CastWords) -> bool:
    return head.pos_ == "NOUN" and not head.ent_type_ and (
        head.lemma_.lower() in words.people or head.lower_ in words.people)


# --- via -------------------------------------------------------------------------------------


def _via(doc: Doc, quote: Quote, cast: Cast) -> str | None:
    """", Sanders said, according to CNN": the outlet the person's report came through."""
    if quote.cue is None or quote.cue.text.lower().startswith("according"):
        return None
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if cue is None:
        return None
    sent = cue[0].sent
    for token in doc[cue.end : sent.end - 1]:
        if token.lower_ == "according" and doc[token.i + 1].lower_ == "to":
            for k in range(token.i + 2, min(token.i + 6, sent.end)):
                eid = cast.of_token.get(k)
                if eid is not None and cast.by_id[eid].type == "organization":
                    return cast.by_id[eid].name
            return None
    return None


def _source_via(doc: Doc, quote: Quote, cast: Cast, preps: frozenset[str]) -> str | None:
    """« …, a dit Olaf Scholz, selon Le Monde »: the outlet after a source preposition of
    the language (the quote lexicon's ``source_preps``) in the report's sentence."""
    if quote.cue is None or quote.cue.text.lower().replace("’", "'") in preps:
        return None  # the « selon » cue itself: its noun is the source, not an outlet
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if cue is None:
        return None
    sent = cue[0].sent
    for token in doc[sent.start : sent.end - 1]:
        pair = token.lower_ + doc[token.i + 1].lower_
        if token.lower_ in preps or pair.replace("’", "'") in preps:
            for k in range(token.i + 1, min(token.i + 6, sent.end)):
                eid = cast.of_token.get(k)
                if eid is not None and cast.by_id[eid].type == "organization":
                    return cast.by_id[eid].name
    return None


# --- the front door --------------------------------------------------------------------------


def _mention_span(doc: Doc, speaker: Speaker) -> Span | None:
    if speaker.mention is None:
        return None
    return doc.char_span(speaker.mention.start, speaker.mention.end, alignment_mode="expand")


def speaker_entity(doc: Doc, span: Span, cast: Cast, words: CastWords,
                   pronouns: Mapping[str, str] | None = None,
                   inside: tuple[tuple[int, int], ...] = (), last: str | None = None) -> str | None:
    """The entity id a speaker mention refers to, or None when it names nobody of the cast
    (``pronouns``: the language's own speaker pronouns with their gender, beside English;
    ``inside``: the quote's content spans, whose names a pronoun never refers to; ``last``:
    the person who spoke in the quote before, whom a pronoun rather continues)."""
    head = span.root
    if span[0].lower_ in INDEFINITE:
        return None  # "A senior Democrat said": somebody the article does not name
    if head.pos_ == "PRON" or (len(span) == 1 and head.lower_ in PRONOUN_GENDER):
        return _pronoun(doc, head, cast, words, pronouns or {}, inside, last)
    if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
        antecedent = head.head.head  # "Kallas, who said ...": the noun the clause hangs from
        return _named(doc[antecedent.i : antecedent.i + 1], cast)
    if head.dep_ == "poss" and head.head.i >= span.end and _described(head.head, words):
        return None  # the mention is only the owner ("Linde's" of "Linde's strategist said")
    named = _named(span, cast)
    if named is not None and _described(head, words) and head.i not in cast.of_token and any(
            cast.of_token.get(t.i) == named for c in head.children if c.dep_ == "poss"
            for t in c.subtree):
        named = None  # "Hale's lawyer said": the lawyer speaks, not Hale
    if named is not None and (cast.by_id[named].type != "person" or _is_name(
            doc[max(i for i in range(span.start, span.end) if cast.of_token.get(i) == named)])):
        return named
    if _described(head, words):
        return _description_entity(head, cast, words)
    if named is not None and cast.of_token.get(head.i) != named:
        # "the sheriff's office said": the person is reached through a description owning the
        # head ("sheriff"), and the head is no person: the office speaks, not the sheriff.
        return None
    return named


def resolve_speakers(doc: Doc, quotes: list[Quote], entities: list[Entity] | None,
                     of_token: dict[int, str] | None, words: CastWords,
                     pronouns: Mapping[str, str] | None = None,
                     source_preps: frozenset[str] = frozenset()) -> list[Quote]:
    """The quotes with each speaker mention resolved to an entity of the article's cast (or to
    none), and the outlet of a nested report as ``via``. ``pronouns`` and ``source_preps`` are
    the quote lexicon's (French: « il », « -elle »; « selon », « d'après »)."""
    cast = build_cast(doc, list(entities or ()), dict(of_token or {}), words)
    out = []
    last: str | None = None  # the person entity who spoke in the quote before
    # A quotation that goes on in the next paragraph keeps its speaker's mention: it names
    # whom that mention named for the first part (the words of both parts count against it).
    done: dict[tuple[int, int], str | None] = {}
    for quote in quotes:
        speaker = quote.speaker
        span = _mention_span(doc, speaker) if speaker is not None else None
        if speaker is None or span is None or len(span) == 0:
            out.append(quote)
            continue
        at = (span.start_char, span.end_char)
        eid = done[at] if at in done else speaker_entity(doc, span, cast, words, pronouns,
                                                         quote.spans, last)
        entity = cast.by_id.get(eid) if eid is not None else None
        if quote.shown:  # an unshown attribution is no evidence of who spoke before
            done[at] = eid
            last = entity.id if entity is not None and entity.type == "person" else last
        via = _via(doc, quote, cast)
        if via is None and source_preps and entity is not None and entity.type == "person":
            # The nested-report ruling: an outlet is a via only when a person speaks.
            via = _source_via(doc, quote, cast, source_preps)
        out.append(replace(quote, speaker=replace(
            speaker, entity=entity.id if entity else None,
            name=entity.name if entity else None, via=via)))
    return out
