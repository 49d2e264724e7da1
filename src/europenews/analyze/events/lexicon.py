"""The word lists that casualty and event extraction read, loaded from package data.

``data/events/casualty_words.json`` holds lemma lists by role (killed, injured, hit, …);
``data/events/triggers.tsv`` maps event words ("drone strike", "shooting") to a type and weapon.
Loaded by the ``europenews_events`` factory, never at import time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

# The lists of casualty_words.json that name a kind of casualty, in precedence order.
CASUALTY_KINDS = ("killed", "injured", "hit", "missing", "kidnapped", "arrested")
# Words handled by special patterns in analyze/casualties.py.
SPECIAL_CUES = frozenset(
    {"toll", "condition", "turn", "wound", "death", "fire", "killed", "victim"}
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists casualty and event extraction read (package data, loaded by the factory)."""

    words: dict[str, frozenset[str]]
    triggers: dict[str, tuple[str, str | None]]  # lemma phrase → (event type, weapon)
    kinds: dict[str, str]  # word → casualty kind (killed, injured, hit, …), first list wins
    cues: frozenset[str]  # every word that can start a figure or an event: a fast sentence filter


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
    kinds: dict[str, str] = {}
    for kind in CASUALTY_KINDS:
        for word in words[kind]:
            kinds.setdefault(word, kind)
    cues = frozenset(
        {*kinds, *words["killed_nouns"], *(p.split()[-1] for p in triggers), *SPECIAL_CUES}
    )
    return Lexicon(words, triggers, kinds, cues)
