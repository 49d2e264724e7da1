"""The word lists that casualty and event extraction read, loaded from package data.

``data/events/casualty_words.json`` holds lemma lists by role (killed, injured, hit, …);
``data/events/triggers.tsv`` maps event words ("drone strike", "shooting") to a type and weapon.
Loaded by the ``europenews_events`` factory, never at import time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists casualty and event extraction read (package data, loaded by the factory)."""

    words: dict[str, frozenset[str]]
    triggers: dict[str, tuple[str, str | None]]  # lemma phrase → (event type, weapon)

    def has(self, key: str, word: str) -> bool:
        return word in self.words[key]


def load_lexicon() -> Lexicon:
    """Read ``data/events/casualty_words.json`` and ``triggers.tsv`` from the package."""
    base = resources.files("europenews.analyze") / "data" / "events"
    raw = json.loads((base / "casualty_words.json").read_text(encoding="utf-8"))
    words = {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}
    triggers: dict[str, tuple[str, str | None]] = {}
    for line in (base / "triggers.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, kind, weapon = [*line.split("\t"), "", ""][:3]
        triggers[phrase.strip()] = (kind.strip(), weapon.strip() or None)
    return Lexicon(words, triggers)
