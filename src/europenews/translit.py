"""One spelling key for a name across scripts (shared by analyze/names and store/crosslang):
Cyrillic transliterated to Latin with one scheme, diacritics folded, case folded.

The scheme is a plain scholarly-style one (ж → zh, ш → sh, щ → shch, ч → ch, х → kh, ц → ts,
й/и/і/ы → y/i, soft and hard signs dropped) that puts Russian, Ukrainian and Bulgarian
spellings of one name close to the Latin spellings newspapers use (*Зеленський* → zelenskyy,
*Зеленский* → zelenskiy; ``name_key`` then trims the endings both share with *Zelensky*).
"""

from __future__ import annotations

import simplemma.strategies.dictionaries.dictionary_factory as _simplemma

from europenews.names import strip_accents

# Languages simplemma lemmatises (analyze/names and store/crosslang look names up as lemmas).
LEMMA_LANGUAGES = frozenset(_simplemma.SUPPORTED_LANGUAGES)

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c",
    "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz", "ў": "u",
}
# Where Ukrainian and Bulgarian spell a letter otherwise than Russian (Володимир → Volodymyr).
_BY_LANGUAGE = {"uk": {"и": "y", "г": "h"}, "bg": {"ъ": "a", "щ": "sht"}}
# Latin letters that do not decompose into a base letter and a combining mark.
_LATIN = {"ł": "l", "ß": "ss", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"}


def transliterate(text: str, language: str | None = None) -> str:
    """``text`` with Cyrillic letters written in Latin ones (case folded), as Russian writes
    them unless ``language`` (uk, bg) spells some otherwise."""
    own = _BY_LANGUAGE.get(language or "", {})
    return "".join(own.get(ch) or _CYRILLIC.get(ch, ch) for ch in text.casefold())


def fold(text: str, language: str | None = None) -> str:
    """Lower-case Latin without diacritics: Cyrillic transliterated, ł → l, é → e."""
    text = transliterate(text, language)
    return strip_accents("".join(_LATIN.get(ch, ch) for ch in text))


# Case endings of Slavic nouns (after folding), longest first: a foreign name the lemmatiser
# does not know is declined all the same (Ryanaira, Ryanairu, Islamabadem, Bibiove; Slovene
# Ryanairovih, Adrio; Polish Ryanairowi, Czech and Slovene possessives Ryanairovem, Ryanairovo).
CASE_ENDINGS = ("owie", "ovih", "ovem", "ovou", "owi", "ovi", "ove", "ova", "ovo", "iho", "ego",
                "emu", "ami", "ach", "iej", "ej", "om", "em", "ih", "ho", "ie", "a", "u", "e", "y",
                "i", "o")
MIN_STEM = 4


def stem_word(word: str) -> str:
    """A folded word with its case ending cut, keeping at least ``MIN_STEM`` letters."""
    for ending in CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[:-len(ending)]
    return word


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)
