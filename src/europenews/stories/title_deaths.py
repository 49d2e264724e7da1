"""Does an article's title report a violent death ("Boy dies after being shot", "Man fatally
shot")? Read with the event lexicon's word lists, without spaCy (pages and exports call it).

A title reports a violent death when it has one of the lexicon's ``title_death_words``
("killed", "dies", "fatally", "murder", …) and one of its event triggers ("shot",
"shooting", "gunman", "stabbing", …): a death word alone is too often a natural death, a
metaphor or a court case ("Actor dies at 85", "Senate kills the bill"). Titles are not
parsed: a word counts in its plain forms (a trigger lemma with "s", "es", "ing", "ed", "d"
added, a final consonant doubled before "ed" / "ing", "men" for "man"), and a trigger phrase
of several words as the phrase.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from europenews.errors import ConfigError

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")
_ENDINGS = ("", "s", "es", "ing", "ed", "d")


@dataclass(frozen=True, slots=True)
class TitleWords:
    """The words a title is read with, for one language."""

    death: frozenset[str]
    triggers: frozenset[str]  # one-word triggers (lemmas)
    phrases: tuple[str, ...]  # triggers of several words


@cache
def title_words(language: str) -> TitleWords | None:
    """The language's lists from the events lexicon (``analyze/events/lexicons/<language>``),
    or None when it has no title death words (no title is then read as a death)."""
    folder = resources.files("europenews.analyze").joinpath("events", "lexicons", language)
    if not folder.joinpath("casualty_words.json").is_file():
        return None
    try:
        words = json.loads(folder.joinpath("casualty_words.json").read_text(encoding="utf-8"))
        lines = folder.joinpath("triggers.tsv").read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError) as exc:
        raise ConfigError(f"event lexicon {language}: cannot be read ({exc})") from exc
    death = frozenset(words.get("title_death_words") or ())
    if not death:
        return None
    lemmas = [line.split("\t")[0].strip() for line in lines
              if line.strip() and not line.startswith("#")]
    return TitleWords(death, frozenset(x for x in lemmas if " " not in x),
                      tuple(x for x in lemmas if " " in x))


def _is_trigger(word: str, triggers: frozenset[str]) -> bool:
    if word.endswith("men") and word[:-3] + "man" in triggers:  # gunmen
        return True
    for end in _ENDINGS:
        stem = word[:len(word) - len(end)]
        if not word.endswith(end) or len(stem) < 3:
            continue
        if stem in triggers or (end in ("ed", "ing") and stem[-1] == stem[-2]
                                and stem[:-1] in triggers):  # stabbed, shooting
            return True
    return False


def title_reports_death(title: str | None, language: str | None) -> bool:
    """Whether the title has a death word and an event trigger (see the module docstring)."""
    if not title:
        return False
    found = title_words(language or "en")
    if found is None:
        return False
    text = title.lower()
    words = _WORD.findall(text)
    if not found.death.intersection(words):
        return False
    return (any(_is_trigger(w, found.triggers) for w in words)
            or any(p in text for p in found.phrases))
