"""How counts and date ranges read, in one place for the site and the terminal:
"1 article", "3 stories", "undated" rather than "first — · last —", "Polish" rather than "pl"."""

from __future__ import annotations

import functools

import babel

# Nouns whose plural is not the noun with an "s".
_IRREGULAR = {"more": "more", "person": "people", "country": "countries", "story": "stories",
              "entity": "entities", "casualty": "casualties", "copy": "copies",
              "reply": "replies", "category": "categories", "match": "matches"}


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """'1 article', '2 articles', '0 articles', '1 story', '3 stories' (thousands grouped)."""
    if count == 1:
        return f"1 {noun}"
    return f"{count:,} {plural_form or _IRREGULAR.get(noun) or noun + 's'}"


def short_date(value: str | None) -> str:
    """'2024-12-01T10:00:00Z' → '2024-12-01 10:00' (dates are stored as ISO text); '—' for
    none."""
    if not value:
        return "—"
    text = str(value).replace("T", " ").rstrip("Z")
    return text[:16] if len(text) > 10 else text


def date_span(first: str | None, last: str | None, first_label: str = "first",
              last_label: str = "last") -> str:
    """'first 2024-12-01 10:00 · last 2024-12-02 08:00'; one date when both are the same;
    'undated' when neither is known."""
    if not first and not last:
        return "undated"
    if not first or not last:
        return short_date(first or last)
    if short_date(first) == short_date(last):
        return short_date(first)
    return f"{first_label} {short_date(first)} · {last_label} {short_date(last)}"


@functools.cache
def language_name(code: str | None) -> str:
    """'pl' → 'Polish' (CLDR's English name); the code itself when CLDR has none; 'unknown
    language' when the article's language was never set."""
    if not code:
        return "unknown language"
    name = babel.Locale("en").languages.get(code.lower())
    return str(name) if name else code
