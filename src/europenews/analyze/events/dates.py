"""When an event happened: the date expression of its sentences, read as an ISO date.

The component sees only the text, so it keeps the expression (``Event.date_text``: "Tuesday",
"Dec. 3, 2015") and resolves only what needs no reference (a full date). Once the article is
known, :func:`with_dates` reads the expressions against the article's day (its publication
date, else the date its first lines state): "Tuesday" becomes the Tuesday on or before it.
Ages ("20-year-old", which the parser tags as dates), spans and times of day are never dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Span

from europenews.analyze.sentents import sentence_ents
from europenews.model import Event
from europenews.textdates import reference_day, resolve_date

# A reference far ahead: an expression that resolves against it names one day (absolute, or
# relative such as "Tuesday"); plans ("next Monday") and spans do not.
_ANY_DAY = dt.date(9000, 1, 1)
_DATE_LABELS = ("DATE", "TIME")


def names_a_day(expression: str) -> bool:
    """True when the expression names one calendar day, given a reference day."""
    return resolve_date(expression, _ANY_DAY) is not None


def date_expression(sents: Iterable[Span]) -> str | None:
    """The first expression in these sentences (in the order given) that names a day."""
    for sent in sents:
        for ent in sentence_ents(sent):
            if ent.label_ in _DATE_LABELS and names_a_day(ent.text):
                return " ".join(ent.text.split())
    return None


def iso_date(expression: str | None, reference: dt.date | None) -> str | None:
    """The ISO date an expression names against ``reference`` (None when it names none)."""
    if not expression:
        return None
    day = resolve_date(expression, reference)
    return None if day is None else day.isoformat()


def with_dates(events: Sequence[Event], published: str | None, text: str) -> tuple[Event, ...]:
    """The events with ``date`` read from their ``date_text`` against the article's day
    (its publication date, else the date stated in its first lines)."""
    if not events:
        return tuple(events)
    reference = reference_day(published, text)
    return tuple(replace(ev, date=iso_date(ev.date_text, reference)) for ev in events)
