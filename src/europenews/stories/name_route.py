"""Candidate stories through the rare name pairs an article shares with them (issue 20).

A follow-up months after a shooting (an arrest, a plea, a sentence) shares few words with
its first report and many with this week's look-alikes, so the term index, which ranks recent
stories first, often never hands the old story to the decision. What it does share is a
person's or a street's name: a capitalised word pair (``stories.incidents``) that few
articles have. Dated full texts index their stories under those pairs ("n:" postings in the
clusterer's index, so expiry and merges handle them as any term) and score up to
``NAME_CANDIDATES`` more stories through them, whatever their recency.

Both values were chosen on the training half of gva-incidents (docs/benchmarks-archive.md, "Stories,
session 14"): 2 stories and pairs that at most 8 articles name, this one included.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping

PREFIX = "n:"
NAME_TERM_DF = 8  # a pair at most this many articles name (the article included) is rare
NAME_CANDIDATES = 2  # stories scored through rare pairs, beyond the term index's


def rare_names(names: Iterable[str], name_df: Mapping[str, float]) -> list[str]:
    """The name pairs few articles have (``name_df`` counts the article itself), sorted: the
    pairs come as a set, and the order a story is indexed under them decides which terms
    ``bound_index`` drops first, so set order (string hashes, different in each process)
    must not leak into the postings."""
    return sorted(name for name in names if name_df.get(name, 0.0) <= NAME_TERM_DF + 0.5)


def index_terms(names: Iterable[str], name_df: Mapping[str, float]) -> list[str]:
    """The postings terms a story gets for an article's rare name pairs. A pair indexed only
    while it is rare loses nothing: it is looked up only while it is rare, and was then rare
    at every earlier article too."""
    return [sys.intern(PREFIX + name) for name in rare_names(names, name_df)]


def stories_sharing(
    names: Iterable[str],
    name_df: Mapping[str, float],
    postings: Mapping[str, Mapping[str, None]],
    taken: set[str],
    last_index: Callable[[str], int],
) -> list[str]:
    """Up to NAME_CANDIDATES stories not in ``taken`` sharing rare name pairs with the item:
    most shared pairs first, then the most recently updated."""
    shared: dict[str, int] = {}
    for name in rare_names(names, name_df):
        for sid in postings.get(PREFIX + name, ()):
            if sid not in taken:
                shared[sid] = shared.get(sid, 0) + 1
    ranked = sorted(shared, key=lambda sid: (-shared[sid], -last_index(sid)))
    return ranked[:NAME_CANDIDATES]
