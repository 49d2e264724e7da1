"""Online story clustering: each article joins the best earlier story or starts a new one.

Per article: (1) near-duplicate check (MinHash LSH): a republished copy joins its original's
story; (2) candidate stories come from an inverted index over the salient terms of *active*
stories only (a story leaves the index when idle for ``window_days`` days or
``window_articles`` articles), so the cost per article stays flat as the stream grows, and
never one whose known dates are years away from the item's (``stories/guards.py``); (3) for
each candidate a small logistic model (``stories/decision.py``, ``data/decision.json``, trained by
``bench/train_stories.py`` on the training half of the shared clustering data; boosted trees,
``stories/trees.py``, for dated full texts) turns several
similarities (title, body, names/places, whole text, day gap, story size) and incident cues
(terms only that story's articles share with the item, weekdays, ages, casualty counts, streets:
``stories/incidents.py``) into a probability of "same story"; the article joins the most likely
candidate when that probability clears the threshold of the item's kind (headline-only, dated
or undated full text); (4) another candidate at least as probable as the kind's merge threshold
is the same story split earlier, and is merged into the one the article joined.
"""

from __future__ import annotations

import dataclasses
import hashlib
import heapq
import itertools
import sys
from collections import OrderedDict, deque
from collections.abc import Iterable
from dataclasses import dataclass

from europenews.dates import day_number
from europenews.stories import across, name_route
from europenews.stories.boilerplate import RepeatedLines
from europenews.stories.coldstories import HOT_STORIES, StoryHead, StoryTable
from europenews.stories.compact import intern_terms
from europenews.stories.decision import FEATURES, DecisionModel, load_decision_model
from europenews.stories.dedup import NearDuplicateIndex
from europenews.stories.dense import Embedder
from europenews.stories.features import decision_features, template_match
from europenews.stories.guards import known_day
from europenews.stories.incidents import incident_cues
from europenews.stories.items import StoryItem
from europenews.stories.similarity import (
    BODY_CHARS,
    DocumentFrequencies,
    ItemVectors,
    headline_text,
    item_terms,
    item_vectors,
)
from europenews.stories.state import Prepared, bound_index
from europenews.stories.state import StoryState as _Story  # its name when it lived here

# FEATURES, DecisionModel and load_decision_model live in stories.decision; re-exported here.
__all__ = ["FEATURES", "Assignment", "DecisionModel", "OnlineClusterer", "load_decision_model",
           "story_id_for"]

QUERY_TERMS = 8  # per bag; the highest-weighted terms of the article
POSTINGS_SCAN = 64  # most recently updated stories looked at per term
POSTINGS_KEEP = 256
MAX_CANDIDATES = 6
# Full texts: stories sharing a term this rare with the item are scored whatever their rank
# (a follow-up months later naming the victim loses the recency ranking to this week's
# look-alikes, but few stories share such a term, so the extra cost is small).
RARE_TERM_DF = 4
RARE_CANDIDATES = 6
# Time. Each value below is a product choice made a priori or learnt on data whose stories do
# cross days (gva-incidents), never tuned on the UCI headlines: their timestamps are crawl
# batches, so no UCI story spans a day and any window "learnt" there is a label leak
# (issue 20's ruling). docs/stories.md lists every time parameter and where it came from.
#
# A headline alone is thin evidence, so headline-only items join only stories updated at most
# this many days ago, and an identical headline counts as a copy only within it. Three days is
# the product choice: a running story (a trial, an earnings season) gets a headline at least
# every few days, while "Stocks rise" a week later is a recurring phrase, not the same story.
HEADLINE_COPY_DAYS = 3
HEADLINE_MAX_GAP_DAYS = 3
# Full texts: follow-ups (arrest, charges, trial) come months after the event: 400 days, set
# on gva-incidents, whose stories do cross days (round 3: 90 -> 400 days found late follow-ups).
WINDOW_DAYS = 400
WINDOW_ARTICLES = 100_000  # a size bound, so memory and cost stay flat on any stream


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where an article went."""

    story_id: str
    duplicate_of: str | None = None  # article id of the original when the item is a copy
    is_new_story: bool = False
    # Earlier stories this article showed to be the same as ``story_id``: merged into it.
    merged: tuple[str, ...] = ()


def story_id_for(item_id: str) -> str:
    """A deterministic story id from the id of the story's first article."""
    return "s" + hashlib.sha1(item_id.encode("utf-8")).hexdigest()[:12]


class OnlineClusterer:
    """Assigns each article to a story using only the articles that came before it."""

    def __init__(self, model: DecisionModel | None = None, window_days: int | None = None,
                 window_articles: int | None = None, dedup: bool = True,
                 embedder: Embedder | None = None, hot_stories: int | None = None) -> None:
        self.model = model if model is not None else load_decision_model()
        self.embedder = embedder
        self._alias: dict[str, str] = {}  # merged story id -> the story it went into
        self.window_days = window_days if window_days is not None else WINDOW_DAYS
        self.window_articles = window_articles if window_articles is not None else WINDOW_ARTICLES
        self.dfs = DocumentFrequencies()
        self.furniture = RepeatedLines()
        self.dedup = NearDuplicateIndex(window=self.window_articles) if dedup else None
        self._stories = StoryTable(hot_stories or HOT_STORIES)  # stories/coldstories.py
        self._recency: OrderedDict[str, None] = OrderedDict()
        # The dated ones alone: an undated story at the head of ``_recency`` must not keep
        # later ones past the window of days (issue 19: on a mixed stream none ever left).
        self._dated: OrderedDict[str, None] = OrderedDict()
        # Per term, its stories, oldest indexed first (dicts: half an OrderedDict's memory).
        self._postings: dict[str, dict[str, None]] = {}
        self._story_of: dict[str, str] = {}
        self._story_of_order: deque[str] = deque()
        self._index = 0
        self._today: int | None = None
        self.linked_freqs = across.KeyFrequencies()

    # -- public API -------------------------------------------------------------------------

    def assign(self, item: StoryItem) -> Assignment:
        """Place one article: join an active story or start a new one."""
        prepared = self.prepare(item)
        item = prepared.item  # without page furniture, which would make pages look copied
        duplicate_of = self.dedup.find_and_add(item) if self.dedup is not None else None
        story: _Story | None = None
        if duplicate_of is not None:
            story = self._stories.get(self.resolve(self._story_of.get(duplicate_of, "")))
            if (
                story is not None
                and prepared.vectors.title
                and story.title.cosine(prepared.vectors.title) < 0.1
            ):
                # Same page text under an unrelated headline: a scraped front page or consent
                # notice, not a republished copy.
                story, duplicate_of = None, None
            elif story is not None and story.dates.too_far(prepared.known_day):
                # The same words years apart: a recurring text (a template, a yearly notice),
                # not a copy of that story's article (stories/guards.py).
                story, duplicate_of = None, None
            elif (
                story is not None
                and prepared.headline_only
                and self._gap(prepared, story) > HEADLINE_COPY_DAYS
            ):
                # A headline alone repeated days later ("Stocks rise") is a recurring phrase,
                # not a copy of the old article: let the decision model place it.
                story, duplicate_of = None, None
        bridged: list[_Story] = []
        if story is None:
            best, best_p = None, 0.0
            scored = []
            for candidate, features in self.candidate_features(prepared):
                p = self.model.probability(features, prepared.kind)
                scored.append((candidate, p))
                if p > best_p:
                    best, best_p = candidate, p
            if best is not None and best_p >= self.model.threshold(prepared.kind):
                story = best
                merge = self.model.merge_threshold(prepared.kind)
                if merge is not None:
                    # The article belongs to two stories at once: they are one story that
                    # split earlier (merged into the most probable one).
                    bridged = [c for c, p in scored if c is not best and p >= merge]
            else:
                # Placed nowhere by its words: a story told in other languages may still be
                # the same news (stories/across.py). Never asked when the words decided.
                story = self.across_languages(prepared)
        is_new = story is None
        if story is None:
            new_id = story_id_for(item.id or str(self._index))
            if new_id in self._stories:  # a repeated article id must not reopen another story
                new_id = story_id_for(f"{item.id}#{self._index}")
            story = self._new_story(new_id)
        self.add(prepared, story.id, duplicate_of)
        for other in bridged:
            self._merge(story, other)
        return Assignment(
            story_id=story.id,
            duplicate_of=duplicate_of,
            is_new_story=is_new,
            merged=tuple(other.id for other in bridged),
        )

    def resolve(self, story_id: str) -> str:
        """The story a story id stands for now (itself unless it was merged into another)."""
        final = story_id
        while final in self._alias:
            final = self._alias[final]
        while story_id != final:  # shorten the chain: later look-ups take one step
            following = self._alias[story_id]
            self._alias[story_id] = final
            story_id = following
        return final

    def replay(self, item: StoryItem, story_id: str, duplicate_of: str | None = None) -> None:
        """Apply an assignment made earlier (by a clusterer this one continues): every state
        change :meth:`assign` made for it, with the decision taken from the record. Replaying
        a run's assignments in their order rebuilds that run's clusterer exactly."""
        prepared = self.prepare(item)
        if self.dedup is not None:
            self.dedup.find_and_add(prepared.item)
        if story_id not in self._stories:
            self._new_story(story_id)
        self.add(prepared, story_id, duplicate_of)

    def restore(self, story_id: str, items: list[StoryItem]) -> None:
        """Seed an existing story (e.g. from the store after a restart) with its articles."""
        if story_id not in self._stories:
            self._new_story(story_id)
        for item in items:
            self.add(self.prepare(item), story_id, None)

    def prefetch(self, items: Iterable[StoryItem]) -> None:
        """Let the embedder encode these coming items in batches (``stories/minilm.py``)."""
        fetch = getattr(self.embedder, "prefetch", None)
        if fetch is not None:
            fetch(items)

    @property
    def active_stories(self) -> int:
        return len(self._stories)

    # -- steps (also used by the training script) -------------------------------------------

    def prepare(self, item: StoryItem) -> Prepared:
        """Drop page furniture, count terms, update running IDF, weigh the vectors; expire
        idle stories."""
        if item.text:
            text = self.furniture.clean(item.text, item.source)
            if text is not item.text:
                item = dataclasses.replace(item, text=text)
        terms = intern_terms(item_terms(item))  # one string per term (stories/compact.py)
        self.dfs.add(terms)
        self._index += 1
        day = day_number(item.published)
        if day is not None and (self._today is None or day > self._today):
            self._today = day
        self._expire()
        vectors = item_vectors(terms, self.dfs)
        cues = incident_cues(headline_text(item.title), item.text[:BODY_CHARS])
        self.dfs.add_names(cues.names)
        known = day if day is not None else known_day(item)
        dense = self.embedder(item) if self.embedder is not None else None
        linked = across.linked_keys(item)
        self.linked_freqs.add(linked)
        return Prepared(
            item,
            vectors,
            day,
            headline_only=not vectors.body,
            cues=cues,
            dense=dense,
            known_day=known,
            linked=across.key_vector(linked, self.linked_freqs),
        )

    def across_languages(self, prepared: Prepared) -> _Story | None:
        """The story in other languages the item's language-neutral keys agree with best
        (``stories/across.py``; its "x:" postings, which the word route never reads)."""
        return across.best_story(prepared, self._postings, self._stories, self.linked_freqs,
                                 POSTINGS_SCAN)

    def candidate_features(self, prepared: Prepared) -> list[tuple[_Story, list[float]]]:
        """Active stories sharing salient terms with the item, with the decision features."""
        scores: dict[str, float] = {}
        rare: list[str] = []
        oldest = None
        if prepared.headline_only and prepared.day is not None:
            oldest = prepared.day - HEADLINE_MAX_GAP_DAYS
        for term, weight in self._query(prepared.vectors):
            postings = self._postings.get(term)
            if not postings:
                continue
            if not prepared.headline_only and self._term_df(term) <= RARE_TERM_DF:
                rare.extend(postings)
            for sid in itertools.islice(reversed(postings), POSTINGS_SCAN):
                if oldest is not None:
                    last_day = self._stories.head(sid).last_day
                    if last_day is not None and last_day < oldest:
                        # Postings run from the story most recently indexed under the term
                        # back, so further ones are (nearly always) older still and a headline
                        # could not join them. Stopping here keeps the cost per headline flat.
                        break
                scores[sid] = scores.get(sid, 0.0) + weight
        if prepared.day is not None:
            # One pass over the scored stories (the largest loop per headline of a dense stream).
            ranked: dict[str, float] = {}
            for sid, score in scores.items():
                last_day = self._stories.head(sid).last_day
                if last_day is None:
                    ranked[sid] = score
                    continue
                gap = abs(prepared.day - last_day)
                if prepared.headline_only and gap > HEADLINE_MAX_GAP_DAYS:
                    # A headline alone is thin evidence: across more than a few days, shared
                    # words are more often a recurring topic ("shares rise") than the same
                    # story going on.
                    continue
                # Recent stories first: an old story sharing the same words is rarely the one
                # an article continues, and must not crowd today's story out of the few
                # scored slots.
                ranked[sid] = score / (1.0 + gap)
            scores = ranked
        # As sorted(..., reverse=True)[:n], ties in first-seen order, without sorting them all.
        best = heapq.nlargest(MAX_CANDIDATES, scores, key=scores.__getitem__)
        if rare:
            # First-seen order, then a stable sort: equal scores must not fall to the set order
            # of string hashes, which changes between runs (GVA: 2,811-2,815 stories).
            taken = set(best)
            extra = [sid for sid in dict.fromkeys(rare) if sid not in taken]
            extra.sort(key=lambda sid: -scores.get(sid, 0.0))
            best.extend(extra[:RARE_CANDIDATES])
        if prepared.kind == "full":  # and stories sharing a rare name pair (stories/name_route.py)
            best.extend(name_route.stories_sharing(prepared.cues.names, self.dfs.names,
                                                   self._postings, set(best),
                                                   lambda sid: self._stories.head(sid).last_index))
        # Never a story whose known dates are years away (stories/guards.py).
        best = [s for s in best if not self._stories.head(s).dates.too_far(prepared.known_day)]
        found = [(self._stories[sid], self.features(prepared, self._stories[sid])) for sid in best]
        return [(story, f) for story, f in found if not template_match(f)]

    def features(self, prepared: Prepared, story: _Story) -> list[float]:
        """The decision features of one candidate story (``stories/features.py``)."""
        return decision_features(prepared, story, self.dfs)

    def add(self, prepared: Prepared, story_id: str, duplicate_of: str | None = None) -> None:
        """Add a prepared item to a story (created when unknown) and index the story's new terms.

        A copy (``duplicate_of``) is added like any member: what a page shows about copies
        (headline, sources) is the store's summary (``stories.summary``), not kept here."""
        story = self._stories.get(story_id) or self._new_story(story_id)
        self._stories.changed(story_id)
        v = prepared.vectors
        # An article in a language the story's words are not in (it came across languages)
        # joins its keys, languages and dates, never its word centroids: the word route keeps
        # comparing articles with the story as told in its own language(s).
        words = story.takes_words(prepared.item.language)
        if words:
            story.add_words(prepared)
        if prepared.item.language:
            story.languages[prepared.item.language] += 1
        story.linked.add(prepared.linked)
        story.linked_docs.update(prepared.linked.keys())
        if not words:
            story.bound()  # add_words bounds the story otherwise
        if prepared.day is not None:
            story.last_day = max(story.last_day or prepared.day, prepared.day)
        story.dates.add(prepared.known_day)
        story.last_index = self._index
        self._recency.pop(story_id, None)
        self._recency[story_id] = None
        if story.last_day is not None:
            self._dated.pop(story_id, None)
            self._dated[story_id] = None
        # Language-neutral keys go under "x:": only the route across languages reads them.
        word_terms = [t for t, _ in self._query(v)] if words else []
        if words and prepared.kind == "full":  # what stories/name_route.py looks up
            word_terms += name_route.index_terms(prepared.cues.names, self.dfs.names)
        for term in word_terms + across.index_terms(prepared.linked):
            postings = self._postings.setdefault(term, {})
            postings.pop(story_id, None)
            postings[story_id] = None
            story.indexed.pop(term, None)
            story.indexed[term] = None
            if len(postings) > POSTINGS_KEEP:
                del postings[next(iter(postings))]  # the least recently indexed story
        bound_index(story, self._postings)
        if prepared.item.id:
            self._story_of[prepared.item.id] = story_id
            self._story_of_order.append(prepared.item.id)
            while len(self._story_of_order) > self.window_articles:
                self._story_of.pop(self._story_of_order.popleft(), None)

    # -- internals ----------------------------------------------------------------------------

    def _merge(self, into: _Story, other: _Story) -> None:
        into, other = self._stories[into.id], self._stories[other.id]  # not stale copies
        into.absorb(other)
        self._stories.changed(into.id)
        del self._stories[other.id]
        self._recency.pop(other.id, None)
        self._dated.pop(other.id, None)
        for term in other.indexed:
            postings = self._postings.get(term)
            if postings is not None:
                postings.pop(other.id, None)
                postings[into.id] = None
        self._alias[other.id] = into.id
        bound_index(into, self._postings)

    def _new_story(self, story_id: str) -> _Story:
        story = _Story(id=story_id, last_index=self._index)
        self._stories[story_id] = story
        self._recency[story_id] = None
        return story

    @staticmethod
    def _query(v: ItemVectors) -> list[tuple[str, float]]:
        """The item's most salient terms, prefixed by bag so title words and names stay apart."""
        terms: list[tuple[str, float]] = []
        for prefix, vec in (("t:", v.title), ("b:", v.body), ("k:", v.keys)):
            top = sorted(vec.items(), key=lambda kv: kv[1], reverse=True)[:QUERY_TERMS]
            # Interned: the postings and the stories' ``indexed`` sets keep one string each.
            terms.extend((sys.intern(prefix + t), w) for t, w in top)
        return terms

    def _term_df(self, term: str) -> float:
        """Document frequency of a prefixed query term ("k:" keys, else words)."""
        if term.startswith("k:"):
            return self.dfs.keys.get(term[2:], 0.0)
        return self.dfs.words.get(term[2:], 0.0)

    @staticmethod
    def _gap(prepared: Prepared, story: _Story) -> int:
        """Whole days between the item and the story's latest article (0 when undated)."""
        if prepared.day is None or story.last_day is None:
            return 0
        return abs(prepared.day - story.last_day)

    def _expired(self, story: _Story | StoryHead) -> bool:
        if self._index - story.last_index > self.window_articles:
            return True
        return (
            self._today is not None
            and story.last_day is not None
            and self._today - story.last_day > self.window_days
        )

    def _expire(self) -> None:
        # Stories in recency order: the first live one means the rest are live too (up to
        # out-of-order dates, which only delay an expiry); the dated ones apart for the days.
        for order in (self._recency, self._dated):
            while order and self._expired(self._stories.head(sid := next(iter(order)))):
                story = self._stories.pop(sid)
                self._recency.pop(sid, None)
                self._dated.pop(sid, None)
                for term in story.indexed:
                    postings = self._postings.get(term)
                    if postings is not None:
                        postings.pop(sid, None)
                        if not postings:
                            del self._postings[term]
