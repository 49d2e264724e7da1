"""One string object per distinct term across everything the story clusterer keeps.

An article's words are new string objects each time they are read. A story keeps the first
ones it met as the keys of its centroids, term counts and member headlines, and the postings
keep them again, so a word that 500 stories use was held 500 times over a long run (the
clusterer's index is most of the writer's growth, issue 19). Interned on the way in
(``sys.intern``), every story shares one; the terms, their order and so every weight and
decision stay exactly the same. An interned string is freed when nothing holds it any more.
"""

from __future__ import annotations

import sys
from collections import Counter

from europenews.stories.similarity import ItemTerms


def intern_terms(terms: ItemTerms) -> ItemTerms:
    """The same counts in the same order, under interned strings."""
    return ItemTerms(title=_interned(terms.title), body=_interned(terms.body),
                     keys=_interned(terms.keys))


def _interned(counts: Counter[str]) -> Counter[str]:
    return Counter({sys.intern(term): n for term, n in counts.items()})
