"""The decision features of an (item, candidate story) pair, in the order of
``stories.decision.FEATURES``.

Pure: reads the prepared item, the story's state and the running document frequencies, and
changes none of them. Kept apart from the clusterer so that features can be added (e.g. across
languages) without touching how stories are retrieved and updated.
"""

from __future__ import annotations

import math

from europenews.stories.decision import FEATURES
from europenews.stories.incidents import agreement
from europenews.stories.similarity import DocumentFrequencies, own_terms
from europenews.stories.state import Prepared, StoryState

# A candidate whose body is this close under a title this far is a site template (below).
BOILERPLATE_BODY = 0.8
BOILERPLATE_TITLE = 0.1


def decision_features(
    prepared: Prepared, story: StoryState, dfs: DocumentFrequencies
) -> list[float]:
    """Similarities, time, size and incident cues of one candidate story for the item."""
    v = prepared.vectors
    if prepared.day is not None and story.last_day is not None:
        gap, no_time = math.log1p(abs(prepared.day - story.last_day)), 0.0
    else:
        gap, no_time = 0.0, 1.0
    # A big story's centroid is diffuse (many angles of one news item); an article close to
    # one of its recent members belongs as much as one close to the average.
    title = max(story.title.cosine(v.title), story.member_titles.best_cosine(v.title))
    base = [
        title,
        story.body.cosine(v.body),
        story.keys.cosine(v.keys),
        story.text.cosine(v.text),
        gap,
        no_time,
        math.log1p(story.size),
    ]
    dense = story.dense.similarity(prepared.dense)
    if prepared.headline_only:
        # The headline model uses the base features only (BASE_FEATURES); a headline stream
        # is long and dense, so the incident cues are not worth their cost there.
        return base + [0.0] * (len(FEATURES) - len(base) - 1) + [dense]
    key_df = dfs.keys
    shared_idf = [dfs.idf(key_df.get(k, 0.0)) for k in v.keys if k in story.keys.total]
    rare_key = max(shared_idf, default=0.0) / (math.log(dfs.n_docs + 1) + 1.0)
    cues = prepared.cues
    source = prepared.item.source
    own_keys = math.log1p(own_terms(v.keys, story.key_docs, key_df))
    own_names = math.log1p(own_terms(cues.names, story.name_docs, dfs.names))
    return [
        *base,
        own_keys,
        math.log1p(own_terms(v.text, story.word_docs, dfs.words)),
        rare_key,
        agreement(cues.weekdays, story.weekdays),
        1.0 if source and source in story.sources else 0.0,
        agreement(cues.ages, story.ages),
        agreement(cues.counts, story.counts),
        own_names,
        gap * own_names,
        gap * rare_key,
        gap * own_keys,
        agreement(cues.streets, story.streets),
        agreement(cues.addresses, story.addresses),
        agreement(cues.named_ages, story.named_ages),
        dense,
    ]



def template_match(features: list[float]) -> bool:
    """Near-identical body under an unrelated headline: the same site template (a front page,
    a consent notice, a feed of other stories), not the same story."""
    return features[1] >= BOILERPLATE_BODY and features[0] < BOILERPLATE_TITLE
