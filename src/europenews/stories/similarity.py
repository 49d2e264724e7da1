"""Article representation for story clustering: terms, running IDF, sparse vectors, cosines.

An article is three sparse bags: title words, body words and "keys" (names of people, places,
streets: canonical entities from the analysis when present, otherwise capitalised words of the
text). Each bag is weighted with sublinear TF times a running IDF (document frequencies of the
articles seen so far, so the representation never looks ahead) and L2-normalised.
"""

from __future__ import annotations

import functools
import heapq
import importlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from europenews.stories.items import StoryItem
from europenews.stories.stopwords import ENGLISH_STOP_WORDS

SparseVec = dict[str, float]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_CAPITALISED = re.compile(r"(?<![\w.])([A-Z][a-z]+(?:['’][a-z]+)?|[A-Z]{2,6})(?![\w])")
# Capitalised words that name no particular thing (sentence starts, titles, days, agencies).
_NOT_KEYS = frozenset(
    """the a an and but or he she it they we you i his her their its this that these those
    there police officers officer authorities officials man woman people reports report news
    says said mr mrs ms dr sgt lt capt chief det st ave rd blvd dept inc co corp ltd llc am
    pm et ct pt monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december jan feb mar apr jun
    jul aug sep sept oct nov dec update updated breaking video photos photo watch read more
    copyright all rights reserved ap afp reuters cnn abc nbc cbs fox associated press click
    here share tweet email print comments""".split()  # noqa: SIM905
)
# Numbers that tell incidents apart: ages ("23-year-old"), house and block numbers, counts.
# Years are left out: they say when, which the day gap already covers.
_NUMBER = re.compile(r"(?<![\d:.,$])(\d{2,5})(?![\d:.,%])")
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "year", "old", "s", "t"}
BODY_CHARS = 4000  # the lead carries the story; page boilerplate tends to sit further down


_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


@functools.cache
def stop_words(language: str | None) -> frozenset[str]:
    """The stop words of an article in ``language``: the English list, and for another
    language its own too (spaCy's list), so that a French article's « le », « des », « dans »
    do not make two French articles about different events look alike."""
    code = (language or "en").lower()[:3]
    if code == "en" or not _LANGUAGE_CODE.fullmatch(code):
        return STOP_WORDS
    try:
        module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    except ImportError:  # a language spaCy has no list for keeps the English one
        return STOP_WORDS
    return STOP_WORDS | frozenset(str(w).lower().replace("’", "'") for w in module.STOP_WORDS)


def words(text: str, stop: frozenset[str] = STOP_WORDS) -> list[str]:
    """Lower-cased content words (no stop words, no single characters, no pure numbers)."""
    return [
        w
        for w in (m.group(0).lower().replace("’", "'") for m in _WORD.finditer(text))
        if len(w) > 1 and w not in stop and not w.isdigit()
    ]


def number_keys(text: str) -> list[str]:
    """Two- to five-digit numbers other than years, as keys ("#23")."""
    return [f"#{n}" for n in _NUMBER.findall(text) if not (len(n) == 4 and n[:2] in ("19", "20"))]


def capitalised_keys(text: str, stop: frozenset[str] = STOP_WORDS) -> list[str]:
    """Capitalised words other than function words and titles: a cheap stand-in for names."""
    keys = []
    for match in _CAPITALISED.finditer(text):
        key = match.group(1).lower().replace("’", "'")
        if key not in _NOT_KEYS and key not in stop:
            keys.append(key)
    return keys


@dataclass(slots=True)
class ItemTerms:
    """Raw term counts of one article, before weighting."""

    title: Counter[str]
    body: Counter[str]
    keys: Counter[str]

    def all_words(self) -> set[str]:
        return set(self.title) | set(self.body)


# " - Site Name", " | Section | Site", " « CBS Chicago": the page title's trailing site label.
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—«»]\s+|\s+[|«»]|[|«»]\s+")
SITE_LABEL_WORDS = 5  # a trailing segment this short is a site or section label
HEADLINE_MIN_WORDS = 3  # ...unless stripping it would leave less than this


def headline_text(title: str) -> str:
    """The title without trailing site/section labels, which differ by outlet, not by story
    (and make two stories from one site look alike)."""
    parts = _TITLE_SEPARATOR.split(title)
    while len(parts) > 1:
        tail, head = parts[-1], parts[:-1]
        if len(tail.split()) > SITE_LABEL_WORDS:
            break
        if sum(len(p.split()) for p in head) < HEADLINE_MIN_WORDS:
            break
        parts = head
    return " ".join(parts)


def item_terms(item: StoryItem) -> ItemTerms:
    """Count title words, body words and keys of an item."""
    body = item.text[:BODY_CHARS]
    title = headline_text(item.title)
    stop = stop_words(item.language)
    keys: Counter[str] = Counter(capitalised_keys(title, stop))
    keys.update(capitalised_keys(body, stop))
    keys.update(number_keys(title))
    keys.update(number_keys(body))
    # Canonical entities and places from the analysis are stronger evidence than capitals.
    for name in item.entities:
        keys[f"ent:{name}"] += 2
    for place in item.places:
        keys[place] += 2
    return ItemTerms(title=Counter(words(title, stop)), body=Counter(words(body, stop)),
                     keys=keys)


_RESCALE_AT = 1e150  # renormalise the growing weight long before floats overflow


@dataclass(slots=True)
class DocumentFrequencies:
    """Running document frequencies: IDF from the articles seen so far only.

    With ``half_life`` > 0 an article's weight in the counts halves every ``half_life`` later
    articles, so the IDF reflects the recent stream and stays on the same scale however long
    the stream grows. Done without touching old counts: each new article is counted with a
    weight growing as 2^(n / half_life), and lookups divide by the current weight.
    """

    n_docs: int = 0
    words: dict[str, float] = field(default_factory=dict)
    keys: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)  # capitalised word pairs
    half_life: float = 0.0  # articles; 0 keeps plain running counts (no forgetting)
    _weight: float = 1.0
    _total: float = 0.0  # weighted number of documents, on the same scale as the counts

    def add(self, terms: ItemTerms) -> None:
        self.n_docs += 1
        if self.half_life > 0:
            self._weight *= 2.0 ** (1.0 / self.half_life)
            if self._weight > _RESCALE_AT:
                self._rescale()
        w = self._weight
        self._total += w
        for t in terms.all_words():
            self.words[t] = self.words.get(t, 0.0) + w
        for k in terms.keys:
            self.keys[k] = self.keys.get(k, 0.0) + w

    def add_names(self, names: frozenset[str]) -> None:
        """Count an article's name pairs (after ``add`` of the same article)."""
        w = self._weight
        for name in names:
            self.names[name] = self.names.get(name, 0.0) + w

    def _rescale(self) -> None:
        w = self._weight
        self._total /= w
        for table in (self.words, self.keys, self.names):
            for t in list(table):
                value = table[t] / w
                if value < 1e-3:  # forgotten: drop, so the vocabulary does not grow forever
                    del table[t]
                else:
                    table[t] = value
        self._weight = 1.0

    def idf(self, df: float) -> float:
        """IDF of a stored (weighted) count."""
        if self.half_life > 0:
            return math.log((self._total / self._weight + 1) / (df / self._weight + 1)) + 1.0
        return math.log((self.n_docs + 1) / (df + 1)) + 1.0

    def word_idf(self, word: str) -> float:
        return self.idf(self.words.get(word, 0.0))

    def key_idf(self, key: str) -> float:
        return self.idf(self.keys.get(key, 0.0))


def weigh(counts: Counter[str], table: dict[str, float], dfs: DocumentFrequencies) -> SparseVec:
    """Sublinear-TF × running-IDF vector, L2-normalised (empty when there are no terms)."""
    vec = {t: (1.0 + math.log(c)) * dfs.idf(table.get(t, 0)) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm > 0 else {}


@dataclass(slots=True)
class ItemVectors:
    """The weighted vectors of one article."""

    title: SparseVec
    body: SparseVec
    keys: SparseVec
    text: SparseVec  # title and body together


def item_vectors(terms: ItemTerms, dfs: DocumentFrequencies) -> ItemVectors:
    combined = terms.title + terms.body
    return ItemVectors(
        title=weigh(terms.title, dfs.words, dfs),
        body=weigh(terms.body, dfs.words, dfs),
        keys=weigh(terms.keys, dfs.keys, dfs),
        text=weigh(combined, dfs.words, dfs),
    )


@dataclass(slots=True)
class Centroid:
    """Sum of unit member vectors, with its squared norm kept up to date in O(|vector|).

    With ``limit`` > 0 it keeps only its ``limit`` highest-weighted terms (ties: the first
    met), and its norm is that of the terms kept: the centroid is that shorter vector. A story's
    memory is then bounded whatever the length and number of its articles (issue 19's ruling:
    the clusterer's memory follows the window's story count, not the articles' lengths).
    """

    total: SparseVec = field(default_factory=dict)
    sq_norm: float = 0.0
    limit: int = 0  # 0: every term

    def add(self, vec: SparseVec) -> None:
        total = self.total
        cross = sum(total.get(t, 0.0) * v for t, v in vec.items())
        self.sq_norm += 2.0 * cross + sum(v * v for v in vec.values())
        for t, v in vec.items():
            total[t] = total.get(t, 0.0) + v
        if self.limit and len(total) > self.limit:
            self._prune()

    def merge(self, other: Centroid) -> None:
        """Add another centroid's members (the sum of two sums)."""
        total = self.total
        for t, v in other.total.items():
            total[t] = total.get(t, 0.0) + v
        self.sq_norm = sum(v * v for v in total.values())
        if self.limit and len(total) > self.limit:
            self._prune()

    def _prune(self) -> None:
        # As sorted(..., reverse=True)[:limit]: equal weights keep their first-met order.
        kept = heapq.nlargest(self.limit, self.total.items(), key=_weight_of)
        self.total = dict(kept)
        self.sq_norm = sum(v * v for _, v in kept)

    def cosine(self, vec: SparseVec) -> float:
        if not vec or self.sq_norm <= 1e-12:
            return 0.0
        total = self.total
        dot = sum(total.get(t, 0.0) * v for t, v in vec.items())
        return max(0.0, min(1.0, dot / math.sqrt(self.sq_norm)))


def _weight_of(term_weight: tuple[str, float]) -> float:
    return term_weight[1]


def own_terms(
    terms: Iterable[str], story_docs: dict[str, int], df: dict[str, float], slack: float = 1.5
) -> int:
    """How many of the item's terms the story's articles have and no article outside it has.

    A victim's name, a street or a bar seen only in one story's articles and in this one is
    what tells one incident from the many look-alikes sharing "shot", "police" and the city.
    ``story_docs`` counts the story's articles per term; ``df`` counts all articles so far,
    this item included (hence the slack of one article and a half for rounding).
    """
    own = 0
    for t in terms:
        inside = story_docs.get(t, 0)
        if inside and df.get(t, 0.0) - inside <= slack:
            own += 1
    return own


def cosine(a: SparseVec, b: SparseVec) -> float:
    """Cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())
