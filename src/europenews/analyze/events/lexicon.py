"""The word lists that casualty and event extraction read, one folder per language.

``events/lexicons/<language>/casualty_words.json`` holds lemma lists by role (killed, injured,
hit, …) and the cue words the figure evidence reads (history, threats, software, totals);
``triggers.tsv`` maps event words ("drone strike", "shooting") to a type and weapon;
``figure_model.json`` (optional) holds the weights that give each figure its confidence;
``title_figures.json`` (optional) the confidence of figures read from the title alone;
``numbers.json`` (optional) the language's number words, for a lexicon whose rules read a
Universal Dependencies parse (``"_grammar": "ud"`` in ``casualty_words.json``: French).
Loaded by the ``europenews_events`` factory through the registered function
``europenews.event_lexicon.v1``, never at import time.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from europenews.analyze.events.confidence import FigureModel, read_figure_model
from europenews.analyze.events.wordnumbers import NumberWords, read_number_words
from europenews.analyze.lexicons import lexicon_folder, read_text
from europenews.errors import ConfigError

WHAT = "event lexicon"
# The lists of casualty_words.json that name a kind of casualty, in precedence order.
CASUALTY_KINDS = ("killed", "injured", "hit", "missing", "kidnapped", "arrested")
# Words handled by special patterns in events/casualties.py.
GRAMMARS = ("clearnlp", "ud")
SPECIAL_CUES = frozenset(
    {"toll", "condition", "turn", "wound", "death", "fire", "killed", "victim"}
)


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """The word lists casualty and event extraction read (package data, loaded by the factory)."""

    words: dict[str, frozenset[str]]
    triggers: dict[str, tuple[str, str | None]]  # lemma phrase → (event type, weapon)
    kinds: dict[str, str]  # word → casualty kind (killed, injured, hit, …), first list wins
    cues: frozenset[str]  # every word that can start a figure or an event: a fast sentence filter
    figure_model: FigureModel  # the confidence of each figure (evidence.py, confidence.py)
    # The parse the rules read: "clearnlp" (English pipelines: casualties.py) or "ud"
    # (Universal Dependencies, French: udfigures.py, with the language's number words).
    grammar: str = "clearnlp"
    numbers: NumberWords | None = None  # numbers.json; None: English's own (numbers.py)
    # title_figures.json: the confidence of a figure read from the title alone, by
    # ``titleonly.rate_key``; empty: titles are not read (events/titleonly.py).
    title_rates: dict[str, float] = field(default_factory=dict)


def load_event_lexicon(path: str | Path | None = None, language: str = "en") -> EventLexicon:
    """Read ``casualty_words.json`` and ``triggers.tsv`` from the folder ``path``, or from the
    one shipped for ``language``."""
    folder = lexicon_folder("europenews.analyze.events", WHAT, path, language)
    try:
        raw = json.loads(read_text(folder, "casualty_words.json", WHAT))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{WHAT}: casualty_words.json: malformed JSON ({exc})") from exc
    words = {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}
    triggers: dict[str, tuple[str, str | None]] = {}
    for line in read_text(folder, "triggers.tsv", WHAT).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, kind, weapon = [*line.split("\t"), "", ""][:3]
        triggers[phrase.strip()] = (kind.strip(), weapon.strip() or None)
    kinds: dict[str, str] = {}
    for kind in CASUALTY_KINDS:
        for word in words[kind]:
            kinds.setdefault(word, kind)
    cues = frozenset(
        {*kinds, *words["killed_nouns"], *(p.split()[-1] for p in triggers), *SPECIAL_CUES}
    )
    model_file = folder.joinpath("figure_model.json")
    model_text = read_text(folder, "figure_model.json", WHAT) if model_file.is_file() else None
    model = read_figure_model(model_text, f"{WHAT}: figure_model.json")
    grammar = str(raw.get("_grammar", "clearnlp"))
    numbers = None
    if folder.joinpath("numbers.json").is_file():
        numbers = read_number_words(read_text(folder, "numbers.json", WHAT),
                                    f"{WHAT}: numbers.json")
    if grammar not in GRAMMARS or (grammar == "ud" and numbers is None):
        raise ConfigError(f"{WHAT}: casualty_words.json: _grammar must be one of {GRAMMARS}"
                          " (\"ud\" with a numbers.json beside it)")
    return EventLexicon(words, triggers, kinds, cues, model, grammar, numbers,
                        _title_rates(folder))


def _title_rates(folder: Traversable) -> dict[str, float]:
    """``title_figures.json``'s rates (``{"rates": {"killed_count": 0.9, ...}}``), or none."""
    if not folder.joinpath("title_figures.json").is_file():
        return {}
    where = f"{WHAT}: title_figures.json"
    try:
        raw = json.loads(read_text(folder, "title_figures.json", WHAT))
        return {str(k): float(v) for k, v in raw["rates"].items()}
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"{where}: malformed ({exc})") from exc


@functools.cache
def words_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """One pattern for a list of lower-case words and phrases, longest first (built once per
    lexicon list: the events stage asks it of every article); an empty list matches nothing."""
    if not words:
        return re.compile(r"(?!)")
    longest_first = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, longest_first)) + r")\b")
