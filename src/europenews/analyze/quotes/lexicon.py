"""The word lists quote finding reads: reporting verbs and nouns, and the titles speakers go by.

One folder per language (``quotes/lexicons/en/``), one file per list, one lemma a line ("#"
starts a comment); ``source_preps.txt``, ``pronouns.tsv``, ``dialogue_dashes.txt`` and
``spoken_of.txt`` are optional (French ships the first three, English the last), as are
``speakers.json``, the weights of the speaker chooser, and ``reports.json``, those of the
reports read off unlisted verbs (English ships both).
Loaded by the ``europenews_quotes`` factory through the registered function
``europenews.quote_lexicon.v1``, never at import time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from europenews.analyze.lexicons import lexicon_folder, read_text
from europenews.analyze.quotes.chooser import SpeakerModel

WHAT = "quote lexicon"
MODEL = "speakers.json"  # optional: weights of the speaker chooser (chooser.py)
REPORTS = "reports.json"  # optional: weights of the reports of unlisted verbs (reports.py)


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """Cue word lists (package data under ``quotes/lexicons/<language>``)."""

    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    object_verbs: frozenset[str]
    prep_verbs: dict[str, frozenset[str]]
    speech_nouns: frozenset[str]
    titles: frozenset[str]
    phrasal: dict[str, frozenset[str]]  # speech verbs only with a particle: lemma → particles
    # Optional files (French has them, English not): prepositions that name a statement's
    # source (« selon X », « d'après X »), and the pronouns a speaker may be, with their
    # gender, including the forms written after an inverted verb (« a-t-il déclaré »).
    source_preps: frozenset[str] = frozenset()
    pronouns: dict[str, str] = field(default_factory=dict)  # form → "m", "f" or "-"
    speakers: SpeakerModel | None = None  # speakers.json: the trained speaker chooser
    reports: SpeakerModel | None = None  # reports.json: which reports of unlisted verbs to keep
    # dialogue_dashes.txt: the dashes that open a line of dialogue (« — Nous restons. »); none
    # in English, where a leading dash opens a list item or a signature.
    dialogue_dashes: str = ""
    # spoken_of.txt: cue lemmas whose preposition speaks of their object ("accused X of ...",
    # "praised X for ..."); with no object the subject is who is spoken of ("Senator accused
    # of lying"), not who speaks.
    spoken_of: frozenset[str] = frozenset()


def _lines(folder: Traversable, name: str) -> list[str]:
    text = read_text(folder, name, WHAT)
    return [ln.split("#", 1)[0].strip() for ln in text.splitlines() if ln.split("#", 1)[0].strip()]


def _word_map(folder: Traversable, name: str) -> dict[str, frozenset[str]]:
    """Lines ``lemma word word ...`` → {lemma: words}."""
    found = {}
    for line in _lines(folder, name):
        lemma, *words = line.split()
        found[lemma] = frozenset(words)
    return found


def _optional_lines(folder: Traversable, name: str) -> list[str]:
    return _lines(folder, name) if folder.joinpath(name).is_file() else []


def load_quote_lexicon(path: str | Path | None = None, language: str = "en") -> QuoteLexicon:
    """Read the cue lexicon in the folder ``path``, or the one shipped for ``language``."""
    folder = lexicon_folder("europenews.analyze.quotes", WHAT, path, language)
    return QuoteLexicon(
        speech_verbs=frozenset(_lines(folder, "speech_verbs.txt")),
        belief_verbs=frozenset(_lines(folder, "belief_verbs.txt")),
        object_verbs=frozenset(_lines(folder, "object_verbs.txt")),
        prep_verbs=_word_map(folder, "prep_verbs.txt"),
        speech_nouns=frozenset(_lines(folder, "speech_nouns.txt")),
        titles=frozenset(_lines(folder, "titles.txt")),
        phrasal=_word_map(folder, "phrasal_verbs.txt"),
        source_preps=frozenset(_optional_lines(folder, "source_preps.txt")),
        pronouns={form: gender for form, gender in
                  (([*line.split(), "-"])[:2] for line in _optional_lines(folder, "pronouns.tsv"))},
        dialogue_dashes="".join(_optional_lines(folder, "dialogue_dashes.txt")),
        spoken_of=frozenset(_optional_lines(folder, "spoken_of.txt")),
        speakers=SpeakerModel.from_json(read_text(folder, MODEL, WHAT))
        if folder.joinpath(MODEL).is_file() else None,
        reports=SpeakerModel.from_json(read_text(folder, REPORTS, WHAT))
        if folder.joinpath(REPORTS).is_file() else None,
    )
