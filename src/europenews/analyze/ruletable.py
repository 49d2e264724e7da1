"""The model's attribute ruler and rule lemmatizer, answered from tables they fill themselves.

spaCy's ``attribute_ruler`` runs a ``Matcher`` of about 180 token patterns over every token of
every article, and a dozen of them call Python per token (``IN`` sets, regular expressions):
on news text it costs more than the tagger and parser together. Yet almost every pattern looks
at one token only, and what a one-token pattern does to a token depends only on that token's
own values (its form, tag and dependency label, and the values the ruler may overwrite).

``AttributeTable`` keeps the real ruler and asks it once per distinct token: the first time a
token's values are seen, the ruler runs over a Doc of such tokens, and the table keeps what its
one-token patterns matched and set. Every later token with the same values gets the same result
from the table, written for the whole Doc in one ``Doc.from_array``. Patterns of two or more
tokens run in their own small ``Matcher`` over the real Doc, and the tokens they hit are set
by the ruler's own code, with every match of theirs in the ruler's order. When a ruler uses
anything this reasoning does not cover (an operator, a pattern on an attribute that is not
the token's own, an extension attribute), the table steps aside and the real ruler runs.

``LemmaTable`` does the same for a rule lemmatizer: its lemma is a function of the token's
form, part of speech and morphology, but spaCy's own cache skips the commonest case (a base
form) and walks every token in Python. The table computes each distinct triple once with the
real lemmatizer and writes the Doc's lemmas in one call.

Both give byte-identical annotations (``bench/rule_tables.py`` compares every token's
``tag_``, ``pos_``, ``morph``, ``lemma_`` and ``dep_`` with the real components').
``use_rule_tables`` swaps them into a loaded pipeline under the original names.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer, Pipe
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Token values a one-token pattern may test besides the lexeme's (which follow from ORTH), and
# the values the ruler may write: together they decide what the ruler does to the token.
_TOKEN_ATTRS = frozenset({"TAG", "POS", "MORPH", "LEMMA", "DEP", "NORM"})
# Lexeme values: the same for every token of one form.
_LEXICAL = frozenset({
    "ORTH", "TEXT", "LOWER", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "IS_ALPHA", "IS_ASCII",
    "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP",
    "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_NUM",
    "LIKE_URL", "LIKE_EMAIL",
})
# A table of distinct tokens grows with the vocabulary of what is read; past this many
# entries it starts again (each entry is recomputed the next time it is needed). An entry of
# the ruler's table takes about 0.5-0.8 kB, so a worker's tables stay under about 80 MB.
MAX_ENTRIES = 100_000
# Columns whose values are string hashes (POS is spaCy's part-of-speech enum, not a hash).
_HASHED = frozenset({"ORTH", "TAG", "MORPH", "LEMMA", "DEP", "NORM"})


class ZoneTable:
    """What the two tables share under ``nlp.memory_zone()``: the strings a zone adds (the
    words read, and lemmas the lemmatizer makes, "frobnicate" from "frobnicated") leave the
    StringStore when it ends, so an entry learned inside a zone may hold a hash whose string
    is gone. Such entries are dropped before the next Doc is annotated (the zone's strings
    are removed only after the components' zones have ended, so not at the component's own
    exit); entries learned outside any zone, or of lasting strings, are kept."""

    table: dict[Any, Any]

    def _zone_init(self) -> None:
        self._in_zone = False
        self._fresh: list[Any] = []  # keys learned in the current or last zone

    @contextmanager
    def memory_zone(self, mem: object = None) -> Iterator[object]:
        """Called by ``Language.memory_zone`` for each component that has it."""
        self._settle()
        self._in_zone = True
        try:
            yield mem
        finally:
            self._in_zone = False

    def _learned(self, key: Any) -> None:
        if self._in_zone:
            self._fresh.append(key)

    def _settle(self) -> None:
        if self._in_zone or not self._fresh:
            return
        strings = self._strings()
        for key in self._fresh:
            entry = self.table.get(key)
            if entry is not None and not all(h == 0 or h in strings
                                             for h in self._hashes(key, entry)):
                del self.table[key]
        self._fresh = []

    def _strings(self) -> Any:
        raise NotImplementedError

    def _hashes(self, key: Any, entry: Any) -> Iterable[int]:
        raise NotImplementedError


def _pattern_attrs(pattern: Sequence[dict[str, Any]]) -> set[str] | None:
    """The attributes a Matcher pattern tests (upper case); None when it uses an operator."""
    names: set[str] = set()
    for spec in pattern:
        if "OP" in spec:
            return None
        names.update(k.upper() for k in spec)
    return names


@dataclass(frozen=True, slots=True)
class Learned:
    """What the ruler does to a token with given values: the values it leaves in the
    attributes it writes, the matches of its one-token patterns (ruler key, match id), and
    whether the token could begin one of its longer patterns."""

    written: tuple[int, ...]
    matches: tuple[tuple[int, int], ...]
    starts_long: bool


class AttributeTable(ZoneTable, Pipe):
    """``europenews_attribute_table``: the model's attribute ruler, answered per distinct token
    from a table the ruler fills (module docstring). ``adopt`` hands it the ruler."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.ruler: AttributeRuler | None = None
        self.fast = False
        self.table: dict[tuple[int, ...], Learned] = {}
        self.reads: list[int | str] = []
        self.writes: list[int | str] = []
        # The ruler's patterns of several tokens, and the first token of each alone.
        self.long = Matcher(Vocab())
        self.firsts = Matcher(Vocab())
        self.width = 0
        self._hashed: tuple[list[int], list[int]] = ([], [])
        self._zone_init()

    def adopt(self, ruler: AttributeRuler) -> None:
        """Answer for ``ruler``: keep it, and decide whether its patterns allow the table."""
        self.ruler, self.table = ruler, {}
        entries = cast(list[dict[str, Any]], ruler.patterns)
        read, written, fast = set(), set(), True
        for entry in entries:
            for pattern in entry["patterns"]:
                names = _pattern_attrs(pattern)
                if names is None or not names <= _LEXICAL | _TOKEN_ATTRS:
                    fast = False
                    break
                read |= names & _TOKEN_ATTRS
            attrs = {k.upper() for k in entry["attrs"]}
            if not attrs <= _TOKEN_ATTRS:  # extension or lexeme attributes
                fast = False
            written |= attrs
        self.fast = fast and bool(written)
        if not self.fast:
            return
        # Under the ruler's own match keys, so that matches sort exactly as its own do.
        self.long, self.firsts = Matcher(ruler.vocab), Matcher(ruler.vocab)
        for index, entry in enumerate(entries):
            long = [p for p in entry["patterns"] if len(p) > 1]
            if long:
                key = ruler.vocab.strings[str(index)]
                self.long.add(key, long)
                self.firsts.add(key, [p[:1] for p in long])
                self.width = max(self.width, *(len(p) for p in long))
        self.reads = ["ORTH", *sorted(read | written)]
        self.writes = sorted(written)
        self._hashed = ([i for i, n in enumerate(self.reads) if n in _HASHED],
                        [i for i, n in enumerate(self.writes) if n in _HASHED])

    def _strings(self) -> Any:
        assert self.ruler is not None
        return self.ruler.vocab.strings

    def _hashes(self, key: tuple[int, ...], entry: Learned) -> Iterable[int]:
        in_key, in_written = self._hashed
        return [key[i] for i in in_key] + [entry.written[i] for i in in_written]

    def __call__(self, doc: Doc) -> Doc:
        assert self.ruler is not None, "AttributeTable.adopt was not called"
        if not self.fast or len(doc) == 0:
            return self.ruler(doc)
        self._settle()
        error_handler = self.get_error_handler()
        try:
            self._annotate(doc)
        except Exception as exc:
            return error_handler(self.name, self, [doc], exc)
        return doc

    def _annotate(self, doc: Doc) -> None:
        values = doc.to_array(self.reads)
        rows, inverse = np.unique(values, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        keys = [tuple(r) for r in rows.tolist()]
        unknown = [k for k in keys if k not in self.table]
        if unknown:
            if len(self.table) + len(unknown) > MAX_ENTRIES:
                self.table.clear()
                unknown = keys
            self._learn(unknown)
        learned = [self.table[k] for k in keys]
        # Matches of several tokens are found on the Doc as it came, before anything is set,
        # and only where a token could begin one.
        starts = np.flatnonzero(np.array([e.starts_long for e in learned])[inverse])
        long = [(m_id, i + s, i + e) for i in starts.tolist()
                for m_id, s, e in self.long(doc[i:i + self.width], allow_missing=True,
                                            as_spans=False) if s == 0]
        written = np.array([e.written for e in learned], dtype="uint64")
        doc.from_array(self.writes, cast(Any, written[inverse]))
        if long:
            self._apply_long(doc, [learned[j] for j in inverse.tolist()], long)

    def _apply_long(self, doc: Doc, learned: list[Learned],
                    long: Iterable[tuple[int, int, int]]) -> None:
        # A token some longer pattern sets gets every match of its own again, in the ruler's
        # order: each value ends as the last match that sets it leaves it, as in the ruler.
        assert self.ruler is not None
        strings = self.ruler.vocab.strings
        matches: list[tuple[int, int, int, int]] = []
        hit: set[int] = set()
        for m_id, start, end in long:
            attr_id = int(strings[m_id])
            hit.add(list(range(start, end))[self.ruler.indices[attr_id]])
            matches.append((attr_id, m_id, start, end))
        for i in hit:
            matches += [(attr_id, m_id, i, i + 1) for attr_id, m_id in learned[i].matches]
        matches.sort()
        cast(Any, self.ruler).set_annotations(doc, matches)

    def _learn(self, keys: list[tuple[int, ...]]) -> None:
        """Run the real ruler over a Doc of tokens with these values, and keep what its
        one-token patterns did to each: those depend on the token alone, so the neighbours
        the tokens happen to have there do not matter (matches of several tokens that the
        chance neighbours make are left out)."""
        assert self.ruler is not None
        strings = self.ruler.vocab.strings
        doc = Doc(self.ruler.vocab, words=[strings[k[0]] for k in keys])
        doc.from_array(self.reads[1:], cast(Any, np.array([k[1:] for k in keys],
                                                          dtype="uint64")))
        # (A Matcher without patterns warns when called: a ruler may have no longer ones.)
        firsts = {s for _, s, _ in self.firsts(doc, allow_missing=True, as_spans=False)
                  } if self.width else set()
        matches = [m for m in self.ruler.match(doc) if m[3] - m[2] == 1]
        cast(Any, self.ruler).set_annotations(doc, matches)
        per_token: dict[int, list[tuple[int, int]]] = {}
        for attr_id, m_id, s, _ in matches:
            per_token.setdefault(s, []).append((attr_id, m_id))
        # (to_array gives one column as a flat array.)
        after = cast(list[list[int]], doc.to_array(self.writes).reshape(len(keys), -1).tolist())
        for i, key in enumerate(keys):
            self.table[key] = Learned(tuple(after[i]), tuple(per_token.get(i, ())), i in firsts)
            self._learned(key)


class LemmaTable(ZoneTable, Pipe):
    """``europenews_lemma_table``: a rule lemmatizer answered per distinct (form, part of
    speech, morphology) from a table it fills (module docstring). ``adopt`` hands it over."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lemmatizer: Lemmatizer | None = None
        self.table: dict[tuple[int, int, int], int] = {}
        self._zone_init()

    def adopt(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer, self.table = lemmatizer, {}

    def _strings(self) -> Any:
        assert self.lemmatizer is not None
        return self.lemmatizer.vocab.strings

    def _hashes(self, key: tuple[int, int, int], entry: int) -> Iterable[int]:
        return (key[0], key[2], entry)  # key[1] is the part-of-speech enum

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        assert lemmatizer is not None, "LemmaTable.adopt was not called"
        if lemmatizer.mode != "rule" or lemmatizer.overwrite or len(doc) == 0:
            return lemmatizer(doc)
        self._settle()
        error_handler = self.get_error_handler()
        try:
            self._annotate(lemmatizer, doc)
        except Exception as exc:
            return error_handler(self.name, self, [doc], exc)
        return doc

    def _annotate(self, lemmatizer: Lemmatizer, doc: Doc) -> None:
        if not lemmatizer._validated:
            lemmatizer._validate_tables(Errors.E1004)
        values = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"])
        todo = np.flatnonzero(values[:, 3] == 0)
        if len(todo) == 0:
            return
        if (values[todo, 1] == 0).any():
            # The lemmatizer warns each time it meets a token without a part of speech; the
            # table would warn once. Such a Doc goes to the lemmatizer itself.
            lemmatizer(doc)
            return
        if len(self.table) > MAX_ENTRIES:
            self.table.clear()
            # The lemmatizer's own cache (form and part of speech → lemmas) fills as the
            # table does and is never emptied by spaCy: it starts again with the table.
            lemmatizer.cache.clear()
        rows, first, inverse = np.unique(values[todo, :3], axis=0, return_index=True,
                                         return_inverse=True)
        strings = doc.vocab.strings
        found: list[int] = []
        for row, at in zip(rows.tolist(), first.tolist(), strict=True):
            key = (row[0], row[1], row[2])
            lemma = self.table.get(key)
            if lemma is None:
                lemma = strings.add(lemmatizer.lemmatize(doc[int(todo[at])])[0])
                self.table[key] = lemma
                self._learned(key)
            found.append(lemma)
        lemmas = values[:, 3].copy()
        lemmas[todo] = np.array(found, dtype="uint64")[inverse.reshape(-1)]
        doc.from_array(["LEMMA"], cast(Any, lemmas))


def use_rule_tables(nlp: Language) -> None:
    """Put the tables in place of ``nlp``'s attribute ruler and rule lemmatizer, under the
    same names and at the same places (a pipeline without them is left as it is)."""
    for name, kind, factory in (("attribute_ruler", AttributeRuler, "europenews_attribute_table"),
                                ("lemmatizer", Lemmatizer, "europenews_lemma_table")):
        if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), kind):
            continue
        index = nlp.pipe_names.index(name)
        _, original = nlp.remove_pipe(name)
        if index < len(nlp.pipe_names):
            table: Any = nlp.add_pipe(factory, name=name, before=index)
        else:
            table = nlp.add_pipe(factory, name=name, last=True)
        table.adopt(original)
