"""Casualty figures read from the title alone, for an article whose text reports none.

Some pages are a login or subscription wall, or an empty scrape, under a telling title ("Teen
shot and killed by police"): the text gives no casualty event, the title does. For such an
article only (the text reports no event with a killed or injured count), the title is read
as a sentence by the same rules, and its main event becomes the article's. Its figures'
evidence is the title, which a figure says by the empty span ``start == end == 0`` (a
sentence of the text is never empty), and their confidence is not the figure model's (whose
features describe a figure among the text's sentences) but a rate learned on half A of the
shared GVA articles (``bench/title_figures.py``): how often such a figure, by kind and by
whether a number gives it or a word ("dies", "fatal"), equals the incident's record.

Reading the title as a sentence for every article was tried in session 9 and lost (a title's
toll beat the text's); here the text's figures, when there are any, always win.
"""

from __future__ import annotations

import re
from dataclasses import replace

from europenews.model import Event, Figure

# Which rate a title figure takes: "<kind>_count" (a number or a counted phrase: "Two men
# killed") or "<kind>_word" (no phrase: one death from "dies", "fatal shooting").
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A title that capitalises most of its words is read in sentence case: the tagger takes
# "Shot And Killed" for names.
_TITLE_CASE_SHARE = 0.6
_SMALL = 3  # titles of fewer words keep their case


def title_evidence(start: int, end: int) -> bool:
    """Whether a figure's offsets say its evidence is the title (an empty span at 0)."""
    return start == 0 and end == 0


def sentence_case(title: str) -> str:
    """The title with its words in lower case after the first one, when it is written in
    title case ("Teen Shot And Killed" → "Teen shot and killed"); otherwise unchanged."""
    words = _WORD.findall(title)
    if len(words) < _SMALL:
        return title
    capital = sum(w[0].isupper() for w in words)
    if capital / len(words) < _TITLE_CASE_SHARE:
        return title
    first = True

    def lower(m: re.Match[str]) -> str:
        nonlocal first
        word = m.group(0)
        if first:
            first = False
            return word
        return word if word.isupper() and len(word) > 1 else word.lower()  # "FBI" stays

    return _WORD.sub(lower, title)


def needs_title(events: list[Event]) -> bool:
    """Whether the text reports no event with a killed or injured count."""
    return not any(e.killed is not None or e.injured is not None for e in events)


def rate_key(figure: Figure) -> str:
    """The learned rate a title figure takes (``title_figures.json``)."""
    return f"{figure.kind}_{'word' if figure.text is None else 'count'}"


def title_event(title_events: list[Event], title: str, rates: dict[str, float]) -> Event | None:
    """The article's event read from its title (``title_events``: the finder's events of the
    parsed title), its evidence the title, its figures' confidence the learned rates; None
    when the title reports none with a count, or no rate is known for its figures."""
    main = next((e for e in title_events if not needs_title([e])), None)
    if main is None or not rates:
        return None
    figures = tuple(replace(f, start=0, end=0, confidence=rates.get(rate_key(f), 0.0))
                    for f in main.figures)
    # The title places nothing: a headline's place name is read without the text's frame.
    return replace(main, start=0, end=0, text=title, place=None, figures=figures)


def events_with_title(events: list[Event], title_events: list[Event] | None,
                      title: str | None, rates: dict[str, float]) -> list[Event]:
    """The article's events, with the title's event first when the text reports none with a
    count (``title_events``: the finder's events of the title parsed in sentence case)."""
    if not title_events or not title or not needs_title(events):
        return events
    found = title_event(title_events, title, rates)
    return events if found is None else [found, *events]
