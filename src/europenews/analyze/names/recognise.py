"""Names in a language without a statistical pipeline: capitalised runs, typed by lexicons.

A candidate is a maximal run of capitalised words, joined across the language's name particles
(*Ursula von der Leyen*, *Vasco da Gama*); a sentence's or a line's first word starts a
candidate only when it is not a common word (spaCy's stop words, CLDR month and day names) and,
alone, only when a lexicon knows it. A leading title word (*Präsident*, *prezydent*) is left out
of the name and makes it a person. Types, strongest evidence first: an organisation word in the
name (*Partei*, *uniwersytet*, ``org_heads.txt``) or a known organisation → ORG; a country,
territory or town the gazetteers know, also as its lemma (*Polsce* → *Polska*) → GPE; a title
before it, or a known first name opening a name of two words or more → PERSON; an all-capital
acronym → ORG; else a default by length (``DEFAULT_SINGLE``/``DEFAULT_MULTI``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import simplemma

from europenews.analyze.names.lexicon import NameLexicon
from europenews.analyze.names.openers import CommonWords, common_opener, heading_words, proper_lemma
from europenews.translit import LEMMA_LANGUAGES, fold, is_cyrillic

# Untyped candidates: on the development half of WikiNEuRal (de es it nl pl pt ru), a lone
# capitalised word is most often a place, and a longer name a person.
DEFAULT_SINGLE = "GPE"
SLAVIC = frozenset({"pl", "cs", "sk", "sl", "hr", "sr", "bg", "ru", "uk", "be"})
DEFAULT_MULTI = "PERSON"
# A town the gazetteer knows counts as a place from this population on: smaller towns share
# their names with too many surnames.
MIN_TOWN_POPULATION = 20_000
_ROMAN = re.compile(r"[IVXLCDM]+")
# Surname endings of Slavic languages, with their case endings (Kowalskiego, Иванова):
# a lone name with one is a person, not the default place.
_SURNAME = re.compile(r"(?:ski|cki|dzki|ska|cka|wicz|czyk|ovic"
                      r"|ов|ев|ёв|ин|ова|ева|ина|ский|цкий|ська|ський|ская|цкая|енко|ук|юк|вич)"
                      r"(?:|a|u|em|ego|iemu|im|ej|ą|е|а|у|ым|ом|ой|ого|ому|ым|ой|ую)$")
# Czech and Slovak women's surnames (*Nováková*, *Novákové*, *Novákovou*), read unfolded: the
# genitive of a town in -ov (*Prostějova*) has no accent.
_FEMININE_SURNAME = re.compile(r"(?:ová|ové|ovou)$")
_OPENERS = frozenset({'"', "«", "„", "“", "(", ":", "‘", "'", "-", "–", "—", "»", "‚"})


@dataclass(frozen=True, slots=True)
class NameSpan:
    """Token span [start, end) of a name and its OntoNotes label."""

    start: int
    end: int
    label: str


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(ch.isalpha() for ch in word)


def _starts(words: Sequence[str], sent_starts: Sequence[bool], i: int) -> bool:
    """Whether word ``i`` is capitalised by position: a sentence's, a line's or a quotation's
    first. A paragraph break is a token of its own ("\n\n") and it, not the word after it,
    opens the next sentence: the words before ``i`` are read past such spaces."""
    if sent_starts[i]:
        return True
    j = i - 1
    while j >= 0 and not words[j].strip():
        if "\n" in words[j] or sent_starts[j]:
            return True  # the first word of a line or of a paragraph
        j -= 1
    return j < 0 or words[j] in _OPENERS or words[j] in {".", "!", "?"}


def _opens(words: Sequence[str], sent_starts: Sequence[bool], i: int, after: int) -> bool:
    """Whether word ``i`` opens a sentence, or follows a heading that ends at ``after``."""
    return i == after or _starts(words, sent_starts, i)


def _after_particles(words: Sequence[str], j: int, lexicon: NameLexicon) -> int:
    """The index after the longest particle (one to three words: *von der*) at ``j``."""
    for size in (3, 2, 1):
        if " ".join(words[j:j + size]).casefold() in lexicon.particles:
            return j + size
    return j


def candidate_runs(words: Sequence[str], sent_starts: Sequence[bool],
                   lexicon: NameLexicon) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (particles joining them), as token spans."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        if not _capitalised(words[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _capitalised(words[j]) and not _starts(words, sent_starts, j):
                j += 1
                continue
            k = j
            while (after := _after_particles(words, k, lexicon)) > k:
                k = after
            if j < k < n and _capitalised(words[k]):
                j = k + 1
                continue
            break
        runs.append((i, j))
        i = j
    return runs


def _lemma_key(words: Sequence[str], language: str) -> str:
    if language not in LEMMA_LANGUAGES:
        return fold(" ".join(words))
    return fold(" ".join(simplemma.lemmatize(w, lang=language) for w in words))


def _is_place(words: Sequence[str], lexicon: NameLexicon) -> bool:
    text = " ".join(words)
    keys = {fold(text), _lemma_key(words, lexicon.language)}
    if keys & lexicon.places:
        return True
    gazetteer = lexicon.gazetteer
    if gazetteer is None:
        return False
    for key in keys:
        for entry in gazetteer.candidates(key):
            if entry.feature != "city" or entry.population >= MIN_TOWN_POPULATION:
                return True
    return False


def _has_org_word(words: Sequence[str], lexicon: NameLexicon) -> bool:
    for word in words:
        low = word.casefold()
        for head in lexicon.org_heads:
            # Inflected (partii, uniwersytetu) or at a compound's end (Bundesministerium).
            if low.startswith(head) or (len(head) >= 4 and low.endswith(head)):
                return True
    return False


def type_of(words: Sequence[str], before: str | None, lexicon: NameLexicon) -> str:
    """The OntoNotes label of a name ``words`` preceded by the word ``before``."""
    if _has_org_word(words, lexicon) or fold(" ".join(words)) in lexicon.organizations:
        return "ORG"
    if _is_place(words, lexicon):
        return "GPE"
    if before is not None and before.casefold() in lexicon.titles:
        return "PERSON"
    # A place word opens a place's name (Lago di Garda, Isla Mujeres) or, in Slavic
    # languages, closes it (Чёрное море): as a surname (Peter van den Berg) it opens none.
    if words[0].casefold() in lexicon.place_heads or (
            lexicon.language in SLAVIC and words[-1].casefold() in lexicon.place_heads):
        return "LOC"
    if fold(words[0]) in lexicon.first_names or (len(words) >= 2 and fold(
            proper_lemma(words[0], lexicon.language) or "") in lexicon.first_names):
        # Also declined before a surname (Polish *Asię Bibi*, *Jana Kowalskiego*); not alone:
        # the American list holds words that are more often something else (*Britanie*).
        return "PERSON"
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
        return "ORG"
    if len(words) >= 2 and any(_is_place([w], lexicon) for w in words):
        # A town's name inside a longer one that is no place: a club or a company
        # (Borussia Dortmund, Stoke City, Denver Nuggets).
        return "ORG"
    if lexicon.language in SLAVIC and (_SURNAME.search(fold(words[-1])) or (
            lexicon.language in {"cs", "sk"} and _FEMININE_SURNAME.search(words[-1]))):
        return "PERSON"
    return DEFAULT_MULTI if len(words) >= 2 else DEFAULT_SINGLE


def _bare_head(word: str, lexicon: NameLexicon) -> bool:
    low = word.casefold()
    return low in lexicon.org_heads or low in lexicon.place_heads or low in lexicon.titles


def _known(words: Sequence[str], lexicon: NameLexicon) -> bool:
    return (_is_place(words, lexicon) or _has_org_word(words, lexicon)
            or fold(" ".join(words)) in lexicon.organizations)


def _common_opener(span: Sequence[str], lexicon: NameLexicon, known: CommonWords,
                   inside: set[tuple[str, ...]]) -> bool:
    """Whether the first word of ``span``, opening a sentence, is a common word before a name
    (``openers.common_opener``) and nothing a list reads as a name's own: the whole is no known
    place or organisation, the word no organisation, place or title word."""
    return (not _known(span, lexicon) and not _bare_head(span[0], lexicon)
            and not _has_org_word(span[:1], lexicon)
            and common_opener(span, known, inside))


def _place_before_person(words: Sequence[str], lexicon: NameLexicon) -> int:
    """How many words at the start of a name are a country before a person's name of two words
    or more: in Slavic languages a country in the genitive precedes the person it qualifies
    (*prezydent Ukrainy Wołodymyr Zełenski*, "Ukraine's president") and is not part of the name.
    0 when there is none. Countries only (CLDR's names, not the gazetteer's towns: *Stanisław*
    is a town too), and a person known by a first name or a Slavic surname ending."""
    if lexicon.language not in SLAVIC:
        return 0
    for size in (1, 2):
        rest = words[size:]
        head = words[:size]
        if len(rest) < 2 or not {fold(" ".join(head)),
                                 _lemma_key(head, lexicon.language)} & lexicon.places:
            continue
        if fold(rest[0]) in lexicon.first_names or _SURNAME.search(fold(rest[-1])):
            return size
    return 0


def find_names(words: Sequence[str], sent_starts: Sequence[bool],
               lexicon: NameLexicon) -> list[NameSpan]:
    """The names among ``words`` (a Doc's token texts; ``sent_starts`` marks sentence starts)."""
    names: list[NameSpan] = []
    titled_people: set[tuple[str, ...]] = set()
    runs = candidate_runs(words, sent_starts, lexicon)
    known = CommonWords(lexicon.language, words, lexicon.common, lexicon.words)
    # Runs the article writes inside a sentence: capitalised there for being names.
    inside = {tuple(words[a:b]) for a, b in runs if not _starts(words, sent_starts, a)}
    for start, end in runs:
        titled = False
        # A heading's common words in capitals (*ZOBACZ TEŻ*, *CZYTAJ TEŻ*) are no name, and
        # the word after them opens what follows as a sentence's first word does.
        heading = (0 if _known(list(words[start:end]), lexicon)
                   else heading_words(words[start:end], known))
        start += heading
        after = start if heading else -1  # the word after a heading

        # Capitalised words that are not the name: a common first word, leading title words,
        # a caption's or the page's words anywhere ("Foto", "Zdroj").
        while start < end:
            low = words[start].casefold()
            if low in lexicon.titles:
                titled, start = True, start + 1
            elif low in lexicon.not_names or (_opens(words, sent_starts, start, after)
                                              and low in lexicon.common):
                start, after = start + 1, (start + 1 if start == after else after)
            else:
                break
        # A sentence's common first word before a name (*Jednocześnie Ryanair*): not the
        # name, unless a list knows the whole (*Nowy Jork*, *Wielka Brytania*) or its first
        # word makes a name (*Letiště Václava Havla*).
        if (start < end and not titled and _opens(words, sent_starts, start, after)
                and _common_opener(words[start:end], lexicon, known, inside)):
            start += 1
        # In German, a run of common nouns is no name, nor its nouns at either end
        # (*Saison*, *Jahr*), unless a lexicon knows the whole.
        if lexicon.nouns is not None and not _known(list(words[start:end]), lexicon):
            while start < end and lexicon.common_noun(words[start]):
                start += 1
            while end > start and lexicon.common_noun(words[end - 1]):
                end -= 1
        while start < end and words[start].casefold() in lexicon.calendar:
            start += 1
        while end > start and words[end - 1].casefold() in lexicon.calendar:
            end -= 1
        if start >= end:
            continue
        # A capitalised adjective and a lower-case place or organisation word after it are one
        # name in Slavic languages (Чёрное море, Государственная дума).
        head_after = (end < len(words) and lexicon.language in SLAVIC
                      and words[end].casefold() in lexicon.place_heads)
        if head_after:
            end += 1
        span = list(words[start:end])
        if len(span) == 1 and _ROMAN.fullmatch(span[0]):
            continue  # a century or a king's number, not a name
        if len(span) == 1 and _bare_head(span[0], lexicon):
            continue  # "Verein", "Partia": the word that makes a name, alone
        if (end - start == 1 and _opens(words, sent_starts, start, after) and not titled
                and not _known(span, lexicon)):
            continue  # a lone capitalised first word: most often not a name
        place = _place_before_person(span, lexicon)
        if place:
            names.append(NameSpan(start, start + place, "GPE"))
            start, span, titled = start + place, span[place:], True
        before = words[start - 1] if start > 0 else None
        label = "PERSON" if titled and not _has_org_word(span, lexicon) else type_of(
            span, before, lexicon)
        names.append(NameSpan(start, end, label))
        if label == "PERSON" and (titled or (before or "").casefold() in lexicon.titles):
            titled_people.add(tuple(span))
    return _first_names_alone(words, _people_once_titled(words, names, titled_people), lexicon)


def _people_once_titled(words: Sequence[str], names: list[NameSpan],
                        people: set[tuple[str, ...]]) -> list[NameSpan]:
    """A name the article once gives a person's title (*Präsident Wolodymyr Selenskyj*) is a
    person wherever else it stands, as is its last word alone (*Selenskyj*): the lexicons
    would otherwise type the bare repeat by its parts (a town called Volodymyr)."""
    surnames = {p[-1] for p in people if len(p) >= 2}
    return [NameSpan(n.start, n.end, "PERSON")
            if n.label != "PERSON" and (tuple(words[n.start:n.end]) in people or (
                n.end - n.start == 1 and words[n.start] in surnames)) else n
            for n in names]


def _first_name_key(word: str, lexicon: NameLexicon) -> str:
    return fold(proper_lemma(word, lexicon.language) or word)


def _first_names_alone(words: Sequence[str], names: list[NameSpan],
                       lexicon: NameLexicon) -> list[NameSpan]:
    """A word alone that opens a person's name of the same article with a first name the
    lists know (declined alike: Polish *Asia Bibi* … *Asię*) is that person's first name, not
    the place another language names so (*Asia*, the continent in English)."""
    firsts = {key for n in names if n.label == "PERSON" and n.end - n.start >= 2
              if (key := _first_name_key(words[n.start], lexicon)) in lexicon.first_names}
    if not firsts:
        return names
    return [NameSpan(n.start, n.end, "PERSON")
            if n.label != "PERSON" and n.end - n.start == 1
            and _first_name_key(words[n.start], lexicon) in firsts
            and _foreign_territory(words[n.start], lexicon) else n
            for n in names]


def _foreign_territory(word: str, lexicon: NameLexicon) -> bool:
    """Whether CLDR names ``word`` (or its lemma) as a country, territory or continent in
    English but not in the article's language (*Asia*, in Polish *Azja*). Only such a reading
    gives way to a first name: a word the lists know no better (Czech *Británii*, a first name
    of the American list too) keeps its reading."""
    keys = {fold(word), _lemma_key([word], lexicon.language)}
    return bool(keys & lexicon.places) and not keys & lexicon.own_places


__all__ = ["NameSpan", "candidate_runs", "find_names", "is_cyrillic", "type_of"]
