"""Article text with entities, quotes and events highlighted, built from character offsets.

The text is untrusted: it is cut at span boundaries and every piece is escaped on its own
(``markupsafe.escape``); only the tags written here are markup. Quotes and events are the
outer layer, entity mentions (links to their pages) the inner one; a mention crossing an
outer boundary is split, so tags always nest.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    css: str
    href: str | None = None
    title: str | None = None
    anchor: str | None = None  # an id to link to (``#mark``)


def _non_overlapping(spans: list[Span], length: int) -> list[Span]:
    """Spans inside the text, earliest first; a span overlapping a kept one is dropped."""
    kept: list[Span] = []
    last_end = -1
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if 0 <= s.start < s.end <= length and s.start >= last_end:
            kept.append(s)
            last_end = s.end
    return kept


def _covering(spans: list[Span], pos: int) -> Span | None:
    for s in spans:
        if s.start <= pos < s.end:
            return s
    return None


def _open(span: Span, tag: str) -> str:
    attrs = f' class="{escape(span.css)}"'
    if span.href:
        attrs += f' href="{escape(span.href)}"'
    if span.title:
        attrs += f' title="{escape(span.title)}"'
    if span.anchor:
        attrs += f' id="{escape(span.anchor)}"'
    return f"<{tag}{attrs}>"


def highlight(text: str, outer: list[Span], inner: list[Span]) -> Markup:
    """The text as safe HTML with ``outer`` spans as ``<mark>`` and ``inner`` as links."""
    outer = _non_overlapping(outer, len(text))
    inner = _non_overlapping(inner, len(text))
    cuts = sorted({0, len(text), *(p for s in outer + inner for p in (s.start, s.end))})
    parts: list[str] = []
    for a, b in itertools.pairwise(cuts):
        piece = str(escape(text[a:b]))
        o, i = _covering(outer, a), _covering(inner, a)
        if i is not None:
            piece = _open(i, "a" if i.href else "span") + piece + ("</a>" if i.href else "</span>")
        if o is not None:
            piece = _open(o, "mark") + piece + "</mark>"
        parts.append(piece)
    return Markup("".join(parts))


def article_spans(payload: dict[str, Any] | None, entity_ids: dict[str, int]
                  ) -> tuple[list[Span], list[Span]]:
    """Outer (quotes, events) and inner (entity mentions) spans from a stored analysis."""
    if not payload:
        return [], []
    outer: list[Span] = []
    for q in payload.get("quotes") or []:
        if q.get("shown") is False:  # less certain attributions: the API has them, not the page
            continue
        speaker = (q.get("speaker") or {}).get("name") or "unknown speaker"
        for start, end in q.get("spans") or [[q.get("start"), q.get("end")]]:
            if isinstance(start, int) and isinstance(end, int):
                outer.append(Span(start, end, f"quote quote-{q.get('kind', 'direct')}",
                                  title=f"quote — {speaker}"))
    for ev in payload.get("events") or []:
        if isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
            figures = ", ".join(f"{ev[k]} {k}" for k in ("killed", "injured")
                                if ev.get(k) is not None)
            outer.append(Span(ev["start"], ev["end"], "event",
                              title=f"{ev.get('type', 'event')}" + (f": {figures}"
                                                                    if figures else "")))
    inner: list[Span] = []
    for e in payload.get("entities") or []:
        target = entity_ids.get(e.get("id", ""))
        href = f"/entities/{target}" if target is not None else None
        for m in e.get("mentions") or []:
            if isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
                inner.append(Span(m["start"], m["end"], f"ent ent-{e.get('type', 'misc')}",
                                  href=href, title=f"{e.get('type')}: {e.get('name')}"))
    return outer, inner


def with_mark(outer: list[Span], mark: tuple[int, int] | None) -> list[Span]:
    """The outer spans with the passage ``mark`` (start, end) marked as the evidence a page
    linked to (``#mark``); spans it overlaps give way."""
    if mark is None:
        return outer
    start, end = mark
    kept = [s for s in outer if s.end <= start or s.start >= end]
    return [*kept, Span(start, end, "evidence", title="the sentence the figure was read from",
                        anchor="mark")]


def parse_mark(value: str | None) -> tuple[int, int] | None:
    """``"120-245"`` → (120, 245); anything else → None."""
    if not value:
        return None
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit()) or int(start) >= int(end):
        return None
    return int(start), int(end)
