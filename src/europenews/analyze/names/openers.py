"""Common words a capitalised run of words begins with: a sentence's opener, a heading's.

A sentence's first word is capitalised whatever it is, so a run of capitalised words at a
sentence start may be a common word and a name after it (Polish *Jednocześnie Ryanair*, "at
the same time Ryanair"; Czech *Piloti Ryanairu*, "Ryanair's pilots"), and a heading in capitals
may be page furniture (*ZOBACZ TEŻ*, "see also"). Whether a capitalised word is a common word
is read, strongest evidence first, from

- the article itself: the same word, or a word with the same lemma, written in lower case
  elsewhere in it (*piloti* … *Piloti*);
- the language's simplemma dictionary (MIT; Wiktionary-derived for most languages), which
  lists a proper noun under its capitalised form with a capitalised lemma (*Asia* → *Asia*,
  *Warszawa*) and a common word in lower case (*jednocześnie*, *umowy* → *umowa*): a word whose
  capitalised form has a capitalised lemma is a name (also *Róża*, "a rose"; and, the lists
  being what they are, *Potem*, "then", under *Pot*), else one whose lower-case form has a
  lower-case lemma is a common word.

Pure functions over a Doc's words; ``CommonWords`` holds what one article tells.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

import simplemma
from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

from europenews.translit import LEMMA_LANGUAGES

# Lemma endings of adjectives in the Slavic languages (Polish *nowy*, *holenderski*; Czech
# *nový*, *jarní*; Russian and Ukrainian *новый*, *нижній*): an adjective opening a sentence
# most often opens a name of its own (*Holenderski MSZ*, *Нижній Рейн*), so it is left there.
ADJECTIVE_ENDINGS = ("y", "i", "ý", "í", "ый", "ий", "ой", "ій", "ая", "яя")
SLAVIC = frozenset({"pl", "cs", "sk", "sl", "hr", "sr", "bg", "ru", "uk", "be"})

# A heading word in capitals is read as a common word only from this length on when it stands
# alone: shorter capitals are most often acronyms (PAP, LOT, SMS: *lot* is also "a flight").
MIN_LONE_CAPS = 6


def dictionary(language: str) -> Mapping[str, str] | None:
    """simplemma's dictionary for ``language`` (None when it has none): the very object its
    ``lemmatize`` loads, so reading it costs no second copy in memory."""
    if language not in LEMMA_LANGUAGES:
        return None
    try:
        return DEFAULT_DICTIONARY_FACTORY.get_dictionary(language)
    except ValueError:
        return None


def _lemma(word: str, language: str) -> str:
    if language not in LEMMA_LANGUAGES:
        return word
    return simplemma.lemmatize(word, lang=language)


def proper_lemma(word: str, language: str) -> str | None:
    """The dictionary form of a capitalised ``word`` when the lemmatiser reads it as a proper
    noun (a capitalised lemma: Polish *Asię*, *Asi* → *Asia*; *Jana* → *Jan*), else None."""
    lemma = _lemma(word, language)
    return lemma if lemma != word and lemma[:1].isupper() else None


@dataclass(slots=True)
class CommonWords:
    """What the article and the dictionary say about capitalised words of one article."""

    language: str
    words: Sequence[str]
    stop_words: Collection[str]  # lower case: the lexicon's stop words and prepositions
    # Whether to read the language's dictionary (``dictionary``): fetched at each use, not
    # held, so simplemma's cache of eight dictionaries stays the only copy in memory.
    use_dictionary: bool
    _lower: set[str] | None = field(default=None, init=False)
    _lower_lemmas: set[str] | None = field(default=None, init=False)
    _titled: set[str] | None = field(default=None, init=False)

    def _article_lower(self) -> tuple[set[str], set[str]]:
        if self._lower is None or self._lower_lemmas is None:
            self._lower = {w for w in self.words if w.islower()}
            self._lower_lemmas = {_lemma(w, self.language) for w in self._lower}
        return self._lower, self._lower_lemmas

    def proper(self, word: str) -> bool:
        """Whether the dictionary lists ``word`` as written under a capitalised lemma: a proper
        noun (*Marka* under *Marek*; *Asia*)."""
        lexicon = dictionary(self.language) if self.use_dictionary else None
        if lexicon is None or word.isupper():
            return False
        as_written = lexicon.get(word)
        return as_written is not None and as_written[:1].isupper()

    def in_dictionary(self, word: str) -> bool:
        """Whether the dictionary lists ``word`` as a common word and not as a name."""
        lexicon = dictionary(self.language) if self.use_dictionary else None
        if lexicon is None or self.proper(word):
            return False
        lemma = lexicon.get(word.casefold())
        return lemma is not None and not lemma[:1].isupper()

    def common(self, word: str) -> bool:
        """Whether a capitalised ``word`` is a common word of the language."""
        low = word.casefold()
        if low in self.stop_words:
            return True
        lower, lemmas = self._article_lower()
        if low in lower or _lemma(low, self.language) in lemmas:
            return True
        return self.in_dictionary(word)

    def written_as_name(self, word: str) -> bool:
        """Whether the article writes ``word`` capitalised, not in capitals (*Brexit* beside a
        heading's *BREXIT*): the heading's word is then a name."""
        if self._titled is None:
            self._titled = {w.casefold() for w in self.words
                            if w[:1].isupper() and not w.isupper()}
        return word.casefold() in self._titled


def _caps(word: str) -> bool:
    return word.isupper() and any(ch.isalpha() for ch in word)


def heading_words(span: Sequence[str], known: CommonWords) -> int:
    """How many words at the start of a name are a heading's common words in capitals (Polish
    *LETECKÁ DOPRAVA* before *Ryanair*, *ZOBACZ TEŻ*): all of the name's when it is nothing
    else, else only two words or more, or one of ``MIN_LONE_CAPS`` letters or more, not
    written as a name elsewhere in the article (a lone acronym is most often an organisation).
    """
    n = 0
    while n < len(span) and _caps(span[n]) and known.common(span[n]):
        n += 1
    if n == 0:
        return 0
    if n == len(span) == 1 and span[0].casefold() in known.stop_words:
        return 1  # a stop word in capitals is a heading's (*TEŻ*), never a name
    if n == len(span) and (n >= 2 or len(span[0]) >= MIN_LONE_CAPS):
        return n if not (n == 1 and known.written_as_name(span[0])) else 0
    if n >= 2 or (len(span[0]) >= MIN_LONE_CAPS and not known.written_as_name(span[0])):
        return n
    return 0


def common_opener(span: Sequence[str], known: CommonWords, runs_inside: Collection[tuple[str, ...]]
                  ) -> bool:
    """Whether the first word of a name of two words or more that opens a sentence is a common
    word before the name (*Jednocześnie Ryanair*, *Piloti Ryanairu*, *Mąż Asi Bibi*): the
    opener is common and no Slavic adjective, and the word after it is not common (a name of
    common words, *Sąd Najwyższy*, *Evropská komise*, is capitalised as a whole), and the
    article never writes the whole run inside a sentence (``runs_inside``), where its capitals
    would be the name's own."""
    if len(span) < 2 or _caps(span[0]) or tuple(span) in runs_inside:
        return False
    if known.language in SLAVIC and _lemma(span[0].casefold(), known.language).endswith(
            ADJECTIVE_ENDINGS):
        return False
    if known.proper(span[0]):
        return False  # the dictionary's name beats the article's common word (*Marka*, *marka*)
    return known.common(span[0]) and not known.common(span[1])


__all__ = [
    "MIN_LONE_CAPS",
    "CommonWords",
    "common_opener",
    "dictionary",
    "heading_words",
    "proper_lemma",
]
