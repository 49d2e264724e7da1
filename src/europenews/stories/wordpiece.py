"""BERT's uncased WordPiece tokenizer, for the headline model (``stories/minilm.py``).

The same steps as the reference tokenizer of the model (``tokenizer.json``: BertNormalizer
with lowercasing and accent stripping, BertPreTokenizer, WordPiece with ``##`` pieces):
control characters dropped, CJK ideographs split one by one, lower case, accents stripped
(NFD, combining marks dropped), words split at whitespace and at every punctuation
character, then each word cut greedily into the longest pieces the vocabulary has. A word
with no such cut, or longer than 100 characters, is ``[UNK]``. Written here so that the
model needs no tokenizer package.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

MAX_WORD_CHARS = 100  # longer words are [UNK], as in the reference tokenizer
CLS, SEP, UNK, PAD = "[CLS]", "[SEP]", "[UNK]", "[PAD]"


def _is_control(char: str) -> bool:
    if char in "\t\n\r":
        return False
    return unicodedata.category(char) in ("Cc", "Cf")


def _is_whitespace(char: str) -> bool:
    return char in " \t\n\r" or unicodedata.category(char) == "Zs"


def _is_punctuation(char: str) -> bool:
    # BERT counts every non-alphanumeric ASCII character ("$", "^", "`") as punctuation,
    # although Unicode puts some of them among the symbols.
    cp = ord(char)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def basic_words(text: str) -> list[str]:
    """Normalised words and punctuation marks of a text, before WordPiece."""
    out: list[str] = []
    for char in text:
        cp = ord(char)
        if cp == 0 or cp == 0xFFFD or _is_control(char):
            continue
        if _is_whitespace(char):
            out.append(" ")
        elif _is_cjk(cp):
            out.append(f" {char} ")
        else:
            out.append(char)
    cleaned = unicodedata.normalize("NFD", "".join(out).lower())
    cleaned = "".join(c for c in cleaned if unicodedata.category(c) != "Mn")
    words: list[str] = []
    for chunk in cleaned.split():
        current: list[str] = []
        for char in chunk:
            if _is_punctuation(char):
                if current:
                    words.append("".join(current))
                    current = []
                words.append(char)
            else:
                current.append(char)
        if current:
            words.append("".join(current))
    return words


@dataclass(slots=True)
class WordPiece:
    """Token ids of texts, from the model's ``vocab.txt`` (one token a line, id = line)."""

    vocab: dict[str, int]
    # Pieces of words already seen: news headlines repeat their vocabulary.
    _cache: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @staticmethod
    def from_file(path: Path) -> WordPiece:
        lines = path.read_text(encoding="utf-8").split("\n")
        return WordPiece({token: i for i, token in enumerate(lines) if token})

    def word_ids(self, word: str) -> tuple[int, ...]:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        ids = self._pieces(word)
        if len(self._cache) < 200_000:  # bounded: a long stream brings endless rare words
            self._cache[word] = ids
        return ids

    def _pieces(self, word: str) -> tuple[int, ...]:
        if len(word) > MAX_WORD_CHARS:
            return (self.vocab[UNK],)
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return (self.vocab[UNK],)
            ids.append(found)
            start = end
        return tuple(ids)

    def encode(self, text: str, max_tokens: int) -> list[int]:
        """[CLS] pieces [SEP], cut to ``max_tokens`` ids in all."""
        ids = [self.vocab[CLS]]
        for word in basic_words(text):
            ids.extend(self.word_ids(word))
            if len(ids) >= max_tokens - 1:
                break
        return [*ids[: max_tokens - 1], self.vocab[SEP]]
