"""An article's event read from its title when its text reports none.

Many stored texts are page furniture (a sign-in box, a list of videos, a paywall notice) while
the title reports the event: "4 shot, one fatally, on St. Louis street", "Teenage boy shot and
killed by family member". When the text gives no event with a killed or injured count, the title
is parsed as a sentence of its own (``title_doc``: the pipeline's components before the event
finder, on the title in sentence case) and read with the same rules as the text. When the text
does report the event but the title gives a larger toll ("Man kills wife, son and himself" over
a text naming one victim), that toll becomes the main event's killed count, marked for the
figure model (feature ``title_inferred``) as the title's.

Such an event carries the title as its evidence: its ``text`` is the title, and its offsets and
its figures' are ``0..0`` (the title is not part of the stored text). Its figures are scored by
the same figure model, whose feature ``title_only`` says that the count rests on the title
alone (the shipped weights give it 0: a model retrained with it on half A showed more deaths
where nobody died on half B). The event has no place: a headline's place name has no sentence
around it to tell which of its namesakes is meant.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from europenews.analyze.events.figures import Option
from europenews.analyze.events.finder import event_with_options, events_with_options, read_groups
from europenews.analyze.events.lexicon import EventLexicon
from europenews.model import Event

# The share of a title's words that must be capitalised for it to be in title case.
_TITLE_CASE_SHARE = 0.6
_WORD = re.compile(r"\S+")


def sentence_case(title: str) -> str:
    """A headline in title case ("Five Shot Dead In South Shore") in sentence case ("Five shot
    dead in south shore"): the parser reads capitalised words as names, and "Shot Dead" as
    one. Words in capitals ("KC", "UPDATE") and titles already in sentence case are kept."""
    words = _WORD.findall(title)
    alpha = [w for w in words if w[:1].isalpha()]
    capitalised = [w for w in alpha if w[:1].isupper()]
    if len(alpha) < 3 or len(capitalised) < _TITLE_CASE_SHARE * len(alpha):
        return title

    def lower(match: re.Match[str]) -> str:
        word = match.group(0)
        if match.start() == 0 or not word[:1].isupper() or word[1:] != word[1:].lower():
            return word
        return word[:1].lower() + word[1:]

    return _WORD.sub(lower, title)


def title_events(title_doc: Doc, lex: EventLexicon) -> list[tuple[Event, dict[str, list[Option]]]]:
    """The events the title reports (its main one first), with their figure options, their
    evidence pointing at the title (offsets 0..0, ``text`` the title)."""
    groups, ranks, scorer = read_groups(title_doc, lex)
    scorer.title_only = True
    out = []
    title = title_doc._.title or title_doc.text  # as the article gives it, not sentence-cased
    for group, rank in zip(groups, ranks, strict=True):
        event, options = event_with_options(group, title_doc, lex, scorer, rank)
        if event is None or (event.killed is None and event.injured is None):
            continue
        figures = tuple(replace(f, start=0, end=0) for f in event.figures)
        out.append((replace(event, start=0, end=0, text=title, place=None, figures=figures),
                    options))
    return out


def events_and_title(doc: Doc, lex: EventLexicon, title_doc: Callable[[], Doc | None]
                     ) -> list[tuple[Event, dict[str, list[Option]]]]:
    """The article's events (``finder.events_with_options``); when none has a killed or
    injured count, the title's first; when the title's toll is larger than the main event's
    killed count, that toll as its count (``finder._title_killed``; the figure model's
    ``title_inferred`` marks it). ``title_doc`` parses the title (once per article)."""
    found = events_with_options(doc, lex)
    if any(e.killed is not None or e.injured is not None for e, _ in found):
        parsed = title_doc()
        titled = title_events(parsed, lex)[:1] if parsed is not None else []
        toll = titled[0][0].killed if titled else None
        if toll is not None and toll > (found[0][0].killed or 0):
            # The title's toll is larger than every count of the text's main event ("Man kills
            # wife, son and himself" over a text naming one victim): it becomes a candidate.
            return events_with_options(doc, lex, toll)
        return found
    parsed = title_doc()
    if parsed is None:
        return found
    return [*title_events(parsed, lex)[:1], *found]


def parse_title(nlp: Language, before: str, doc: Doc) -> Doc | None:
    """``doc``'s title (``doc._.title``) parsed by the components of ``nlp`` that come before
    the one named ``before`` (the event finder), in sentence case; None without a title."""
    title = doc._.title if doc.has_extension("title") else None
    if not title or not title.strip():
        return None
    parsed = nlp.make_doc(sentence_case(title))
    parsed._.outlet = doc._.outlet
    parsed._.title = title
    for name, component in nlp.pipeline:
        if name == before:
            break
        parsed = component(parsed)
    return parsed
