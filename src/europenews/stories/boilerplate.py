"""Page furniture in scraped bodies: lines that earlier articles already carried.

A scraper often keeps a site's template instead of (or around) the article: a sign-up notice,
a video player's "Hide Transcript Show Transcript", a subscription offer. Two reports of
different shootings from one site then share their whole "body", and the clusterer merges
them (or the copy detector calls one a copy of the other). A line of text that appeared in
several earlier articles of the same outlet is such furniture, not news: an outlet rarely
repeats a sentence of its own reports word for word more than once or twice, while a template
line comes back with every page of the site. Counted per outlet, because a line many outlets
print is usually an agency story they all carry: the best evidence that they report one
story. Online and bounded: only lines seen before count, and
the table of seen lines forgets the least recently seen ones.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass, field

# A line this many earlier articles carried is furniture. Two, not one: a follow-up from the
# same outlet may repeat a sentence of its first report, which is evidence, not template.
MIN_SEEN = 2
MIN_LINE_CHARS = 20  # shorter lines ("Share", "Photo") carry next to no weight anyway
MAX_LINES = 200_000  # remembered line hashes: memory stays flat on any stream

_SPACE = re.compile(r"\s+")


def _key(line: str, source: str) -> bytes | None:
    """A hash of the outlet and the line's normalised text; None for lines too short to
    matter."""
    text = _SPACE.sub(" ", line).strip().lower()
    if len(text) < MIN_LINE_CHARS:
        return None
    return hashlib.blake2b(f"{source}\n{text}".encode(), digest_size=8).digest()


@dataclass(slots=True)
class RepeatedLines:
    """Counts, per line, the earlier articles that carried it."""

    min_seen: int = MIN_SEEN
    max_lines: int = MAX_LINES
    _seen: OrderedDict[bytes, int] = field(default_factory=OrderedDict)

    def clean(self, text: str, source: str | None = None) -> str:
        """``text`` without the lines at least ``min_seen`` earlier articles of the same
        outlet carried; then counts this article's lines (each once). Lines are counted per
        outlet: a template is one site's, while a line that many *outlets* print is usually
        a wire story's, evidence that their articles are one story."""
        kept: list[str] = []
        keys: set[bytes] = set()
        for line in text.split("\n"):
            key = _key(line, source or "")
            if key is None:
                kept.append(line)
                continue
            if self._seen.get(key, 0) < self.min_seen:
                kept.append(line)
            keys.add(key)
        for key in keys:
            self._seen[key] = self._seen.pop(key, 0) + 1
        while len(self._seen) > self.max_lines:
            self._seen.popitem(last=False)
        return "\n".join(kept).strip() if len(kept) != text.count("\n") + 1 else text
