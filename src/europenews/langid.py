"""Which European language a text is written in (ISO 639-1).

``py3langid`` (BSD; its naive-Bayes model ships inside the wheel) scores byte n-grams for
97 languages; restricted to the languages of Europe it confuses far fewer of them. Two things
make it dependable on short texts such as headlines:

- *letters*: a letter that only some alphabets have (Polish *ł*, Czech *ř*, Ukrainian *ї*,
  Russian *ы*) counts against every language whose alphabet lacks it, and a text in one
  script is never given a language written in another. Six words are enough for n-grams to
  mix up Czech and Slovene or Russian and Bulgarian; one letter often is not;
- *a prior*: when the feed or the file says which language it is in, that language gets a
  head start in log-probability. A headline that reads equally well in two languages goes
  the declared way; a whole article in another language outweighs the head start, which is
  how a declared language is *checked*.

The function is pure: the same text and hint give the same answer in any process.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

# The languages of Europe the model knows: the EU's 24 official languages and the others of
# the continent that have their own press. Fewer candidates, fewer confusions: Asian and
# African languages sharing a script (Tagalog, Swahili) only ever steal short texts here.
EUROPEAN = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it",
    "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
    "be", "ca", "is", "lb", "mk", "no", "ru", "sq", "sr", "tr", "uk",
)

# Letters that only some European alphabets use (lower case). A text with such a letter is
# likely in one of the languages listed for it; names and loan words (ö of a German name in
# a Polish text) are why this is a penalty, not a veto.
MARKED_LETTERS: dict[str, frozenset[str]] = {
    "ł": frozenset({"pl"}),
    "ą": frozenset({"pl", "lt"}), "ę": frozenset({"pl", "lt"}),
    "ś": frozenset({"pl"}), "ź": frozenset({"pl"}), "ż": frozenset({"pl", "mt"}),
    "ń": frozenset({"pl"}), "ć": frozenset({"pl", "hr", "sr"}),
    "ř": frozenset({"cs"}), "ů": frozenset({"cs"}), "ě": frozenset({"cs"}),
    "ť": frozenset({"cs", "sk"}), "ď": frozenset({"cs", "sk"}), "ň": frozenset({"cs", "sk"}),
    "ľ": frozenset({"sk"}), "ĺ": frozenset({"sk"}), "ŕ": frozenset({"sk"}),
    "ô": frozenset({"sk", "fr", "pt"}), "ä": frozenset({"de", "sk", "sv", "fi", "et", "lb"}),
    "đ": frozenset({"hr", "sr"}),
    "ő": frozenset({"hu"}), "ű": frozenset({"hu"}),
    "ș": frozenset({"ro"}), "ț": frozenset({"ro"}), "ă": frozenset({"ro"}),
    "ß": frozenset({"de"}), "ñ": frozenset({"es"}), "ã": frozenset({"pt"}),
    "õ": frozenset({"pt", "et"}), "ø": frozenset({"da", "no"}), "æ": frozenset({"da", "no", "is"}),
    "å": frozenset({"da", "no", "sv"}), "ð": frozenset({"is"}), "þ": frozenset({"is"}),
    "ė": frozenset({"lt"}), "ų": frozenset({"lt"}), "ū": frozenset({"lt", "lv"}),
    "ā": frozenset({"lv"}), "ē": frozenset({"lv"}), "ī": frozenset({"lv"}),
    "ģ": frozenset({"lv"}), "ķ": frozenset({"lv"}), "ļ": frozenset({"lv"}), "ņ": frozenset({"lv"}),
    "ħ": frozenset({"mt"}), "ġ": frozenset({"mt"}), "ċ": frozenset({"mt"}),
    "ë": frozenset({"sq", "lb", "nl", "fr"}), "ç": frozenset({"fr", "pt", "ca", "tr", "sq"}),
    "ğ": frozenset({"tr"}), "ı": frozenset({"tr"}), "ş": frozenset({"tr"}),
    # Cyrillic
    "ї": frozenset({"uk"}), "є": frozenset({"uk"}), "ґ": frozenset({"uk"}),
    "і": frozenset({"uk", "be"}), "ў": frozenset({"be"}),
    "ы": frozenset({"ru", "be"}), "э": frozenset({"ru", "be"}), "ё": frozenset({"ru", "be"}),
    "ъ": frozenset({"bg", "ru"}), "щ": frozenset({"bg", "ru", "uk"}),
    "ј": frozenset({"sr", "mk"}), "љ": frozenset({"sr", "mk"}), "њ": frozenset({"sr", "mk"}),
    "ћ": frozenset({"sr"}), "ђ": frozenset({"sr"}), "ѓ": frozenset({"mk"}), "ќ": frozenset({"mk"}),
    "ѕ": frozenset({"mk"}),
}

CYRILLIC = frozenset({"bg", "be", "mk", "ru", "sr", "uk"})
GREEK = frozenset({"el"})
LATIN = frozenset(EUROPEAN) - CYRILLIC - GREEK - {"sr"}  # Serbian is read in both scripts

# How much a declared language is believed, in natural-log units of the model's score:
# about what ten words of clear evidence the other way add up to. A headline rarely
# overturns it; an article does.
HINT_PRIOR = 12.0
# What one marked letter a language lacks costs it, in the same units: about what a couple
# of words of n-gram evidence weigh, so a headline's one telling letter decides a close call.
LETTER_PENALTY = 4.0
DEFAULT = "en"  # the answer for a text with no letters at all


@functools.cache
def _identifier() -> Any:
    """The model, loaded once per process on first use (it is read-only afterwards, so every
    caller sees the same one; importing this module stays cheap)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    ident.set_languages(list(EUROPEAN))
    return ident


def _script(text: str) -> frozenset[str] | None:
    """The languages written in the text's main script, or None when it has no letters."""
    counts = {"cyr": 0, "grk": 0, "lat": 0}
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("CYRILLIC"):
            counts["cyr"] += 1
        elif name.startswith("GREEK"):
            counts["grk"] += 1
        elif name.startswith("LATIN"):
            counts["lat"] += 1
    if not any(counts.values()):
        return None
    best = max(counts, key=lambda k: counts[k])
    return {"cyr": CYRILLIC | {"sr"}, "grk": GREEK, "lat": LATIN | {"sr"}}[best]


def _marked_counts(text: str) -> dict[str, int]:
    """How often each marked letter occurs in the text."""
    seen: dict[str, int] = {}
    for ch in text.lower():
        if ch in MARKED_LETTERS:
            seen[ch] = seen.get(ch, 0) + 1
    return seen


def _letter_penalty(language: str, marked: dict[str, int]) -> float:
    """Log-odds against ``language`` for the marked letters its alphabet lacks. Soft, not a
    veto: a German sentence may quote *Erdoğan*, a Czech headline *Łukaszenka*; the
    n-grams of the rest of the text outweigh a name's letter or two."""
    return LETTER_PENALTY * sum(n for ch, n in marked.items()
                                if language not in MARKED_LETTERS[ch])


def identify_language(text: str, hint: str | None = None) -> str:
    """The ISO 639-1 code of the European language ``text`` is most likely written in.
    ``hint`` (the language the source declares) tips close calls its way; ``DEFAULT`` when
    the text has no letters to go by."""
    sample = text[:5000]  # the first pages decide; the rest only costs time
    script = _script(sample)
    if script is None:
        return hint if hint else DEFAULT
    ident = _identifier()
    marked = _marked_counts(sample)
    best, best_score = DEFAULT, float("-inf")
    hint = hint.lower() if hint else None
    for lang, score in ident.rank(sample):
        if lang not in script:
            continue
        total = (float(score) + (HINT_PRIOR if lang == hint else 0.0)
                 - _letter_penalty(lang, marked))
        if total > best_score:
            best, best_score = lang, total
    return best


def language_code(value: str | None) -> str | None:
    """The ISO 639-1 code in a declared language ("fr", "FR", "fr-BE", "de_AT"), or None
    when it names none."""
    if not value:
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if len(code) == 2 and code.isalpha() else None


def settle_language(text: str, title: str | None, declared: str | None) -> str:
    """An article's language: what its text (with the title, which is part of it as a
    reader sees it) reads as, with the declared language as the prior."""
    body = f"{title}\n{text}" if title and not text.startswith(title) else text
    return identify_language(body, declared)
