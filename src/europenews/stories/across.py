"""Stories across languages: when an article may join a story told in other languages.

Words say nothing across languages (*Kyiv*, *Kijów*, *Kiew*; *attack*, *atak*, *Angriff*), so
the word-based decision model (``stories/decision.py``) never joins a Polish article to an
English story. What does carry over are the keys the store made language-neutral: store-wide
entity ids (one entity for *Zelensky*, *Zełenski*, *Selenskyj* once linking knows them:
``store/crosslang.py``) and geocoded places. This module weighs those keys by rarity (running
IDF over the articles that have such keys, so *Ukraine* or *EU* in every article counts for
little) and says whether an article agrees with a story on them.

The route is a second chance, never a replacement: the clusterer asks it only when the
word-based model placed the article nowhere, and only for stories told (their word
centroids) in known languages other than the article's. A member that came from another
language joins a story's keys, not its words (``StoryState.takes_words``), so a story told in
one language and an article in that language are placed exactly as before.

Parameters (every value is a choice made a priori or set on the development topics of
SlavicNER, asia_bibi and ryanair; docs/stories.md says which):
``MIN_SHARED`` rare keys in common, a cosine of the weighted key bags of at least
``MIN_COSINE``, and, when both sides are dated, at most ``MAX_GAP_DAYS`` days between the
article and the story's latest article.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from europenews.stories.coldstories import StoryTable
from europenews.stories.items import StoryItem
from europenews.stories.similarity import SparseVec
from europenews.stories.state import Prepared, StoryState

# Set on the development topics of SlavicNER (bench/xl_stories.py --topics asia_bibi,ryanair
# --grid) by the rule in docs/stories.md; chosen again after the cross-language linking of
# session 9 joined more entities across languages (0.2 then chained stories into blobs).
MIN_SHARED = 1
MIN_COSINE = 0.3
# A key counts as rare when its IDF is at least this share of the largest possible IDF (a key
# in every other article, a country or the EU, is context, not evidence of the same event).
RARE_SHARE = 0.5
# Product choice, a priori: coverage in another language follows within days; a week later
# the same people and places are a recurring subject, not the same story.
MAX_GAP_DAYS = 3
QUERY_KEYS = 8  # the item's rarest keys seen before, looked up in the index


def linked_keys(item: StoryItem) -> list[str]:
    """The item's language-neutral keys: its store-wide entity ids and geocoded places."""
    keys = dict.fromkeys(item.linked)
    keys.update(dict.fromkeys(p for p in item.places if p.startswith("geo:")))
    return list(keys)


@dataclass(slots=True)
class KeyFrequencies:
    """Running document frequencies of language-neutral keys (articles having any)."""

    n_docs: int = 0
    df: dict[str, int] = field(default_factory=dict)

    def add(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        if not keys:
            return
        self.n_docs += 1
        for k in keys:
            self.df[k] = self.df.get(k, 0) + 1

    def idf(self, key: str) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(key, 0) + 1)) + 1.0

    def max_idf(self) -> float:
        return math.log(self.n_docs + 1) + 1.0


def key_vector(keys: Iterable[str], freqs: KeyFrequencies) -> SparseVec:
    """Binary keys × running IDF, L2-normalised."""
    vec = {k: freqs.idf(k) for k in keys}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm > 0 else {}


def query_keys(vec: SparseVec, freqs: KeyFrequencies) -> list[str]:
    """The item's keys worth looking up: those an earlier article had too (a key only this
    article has finds nothing), rarest first, at most ``QUERY_KEYS``."""
    seen = [k for k in vec if freqs.df.get(k, 0) > 1]
    return ["x:" + k for k in sorted(seen, key=lambda k: -vec[k])[:QUERY_KEYS]]


def index_terms(vec: SparseVec) -> list[str]:
    """The clusterer's index terms for a story gaining an item with these keys: all of them
    (an article's rarest keys are often names nobody else writes; the one it shares with a
    later article may be any), under "x:" apart from the word route's terms."""
    return ["x:" + k for k in vec]


@dataclass(frozen=True, slots=True)
class CrossEvidence:
    """What an article and a story in another language agree on."""

    cosine: float  # of the item's key vector with the story's key centroid
    rare_shared: int  # keys both have that are rare in the stream
    shared: tuple[str, ...]  # every key both have, rarest first (the evidence)


def cross_evidence(vec: SparseVec, story_total: SparseVec, story_sq_norm: float,
                   story_docs: Counter[str], freqs: KeyFrequencies) -> CrossEvidence:
    """The agreement of an item's key vector with a story's (centroid sum and its squared
    norm; the story's articles per key)."""
    shared = sorted((k for k in vec if story_docs.get(k)), key=lambda k: -freqs.idf(k))
    if story_sq_norm <= 1e-12:
        cos = 0.0
    else:
        dot = sum(story_total.get(k, 0.0) * v for k, v in vec.items())
        cos = max(0.0, min(1.0, dot / math.sqrt(story_sq_norm)))
    floor = RARE_SHARE * freqs.max_idf()
    rare = sum(1 for k in shared if freqs.idf(k) >= floor)
    return CrossEvidence(cosine=cos, rare_shared=rare, shared=tuple(shared))


def agrees(evidence: CrossEvidence, gap_days: int | None, *, min_shared: int | None = None,
           min_cosine: float | None = None, max_gap_days: int | None = None) -> bool:
    """Whether the evidence is enough to join (``gap_days`` None when either side is undated);
    the module's values unless given (read at call time, so a bench can set them)."""
    if gap_days is not None and gap_days > (max_gap_days if max_gap_days is not None
                                            else MAX_GAP_DAYS):
        return False
    return (evidence.rare_shared >= (min_shared if min_shared is not None else MIN_SHARED)
            and evidence.cosine >= (min_cosine if min_cosine is not None else MIN_COSINE))


def other_languages(word_languages: AbstractSet[str | None], language: str | None) -> bool:
    """Whether the route applies: the item's language is known, and the story is told (its
    word centroids) in known languages other than it. A story told in the item's language is
    the word model's alone."""
    if not language or None in word_languages or language in word_languages:
        return False
    return bool(word_languages)


def best_story(prepared: Prepared, postings: Mapping[str, dict[str, None]],
               stories: StoryTable, freqs: KeyFrequencies,
               scan: int) -> StoryState | None:
    """The story in other languages whose keys agree best with the item's (highest cosine
    among those that :func:`agrees`), or None. Candidates: the ``scan`` most recently
    updated stories indexed under each of the item's query keys."""
    language = prepared.item.language
    if not prepared.linked or not language:
        return None
    seen: dict[str, None] = {}
    for term in query_keys(prepared.linked, freqs):
        holders = postings.get(term)
        if holders:
            seen.update((sid, None) for sid in itertools.islice(reversed(holders), scan))
    best: StoryState | None = None
    best_cos = 0.0
    for sid in seen:
        head = stories.head(sid)  # the checks below do not bring a cold story back
        if not other_languages(head.word_languages, language):
            continue
        if head.dates.too_far(prepared.known_day):
            continue
        story = stories[sid]
        gap = (None if prepared.day is None or story.last_day is None
               else abs(prepared.day - story.last_day))
        evidence = cross_evidence(prepared.linked, story.linked.total, story.linked.sq_norm,
                                  story.linked_docs, freqs)
        if agrees(evidence, gap) and evidence.cosine > best_cos:
            best, best_cos = story, evidence.cosine
    return best
