"""How a quote reads on a page: a direct quote is the quoted words; reported speech (indirect,
mixed) is the article's own wording of the report, cue and speaker included, so that nobody
mistakes it for a verbatim quotation ("German Foreign Minister Annalena Baerbock recently
accused China of providing weapons to Russia", not “China of providing weapons to Russia”).

Core module: pure functions over ``model`` objects, used by the store (which saves the wording)
and the web pages.
"""

from __future__ import annotations

import re

from europenews.model import Quote

# How far a speaker's mention may sit from the report for the wording to take it in.
MAX_GAP = 200
# How far back the wording may reach for the start of its sentence (below).
MAX_SENTENCE = 400
# A relative pronoun just before the speaker's mention: the report's subject is the antecedent
# ("a plan, which Holm believes could end the strike": not "Holm believes could end").
_RELATIVES = frozenset({"which", "that", "who", "whom", "whose", "what"})
# Where a sentence starts: after its paragraph break, or after ". " ("." and a closing mark).
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?][”\"’']?\s)")


def reported_speech(text: str, quote: Quote) -> str:
    """The article's wording of a quote's report: from the first of speaker mention, cue and
    content to the last of them, on one line (the content alone when the cue is far away)."""
    starts, ends = [quote.start], [quote.end]
    cue = quote.cue
    if cue is not None and _near(cue.start, cue.end, quote):
        starts.append(cue.start)
        ends.append(cue.end)
        mention = quote.speaker.mention if quote.speaker is not None else None
        if mention is not None and _near(mention.start, mention.end, quote, cue.start, cue.end):
            starts.append(mention.start)
            ends.append(mention.end)
    start, end = min(starts), max(ends)
    if "\n" in text[start:end]:  # never across paragraphs: the content's own paragraph wins
        start, end = quote.start, quote.end
    elif _leans_back(text, quote, start):
        start = sentence_start(text, start, MAX_SENTENCE)
    start, end = _balanced(text, start, end)
    wording = " ".join(text[start:end].split()).rstrip(",;:")
    for comma in (",”", ",\""):  # "... in “Harbor Lights,”": the sentence's comma, not the name's
        if wording.endswith(comma):
            wording = wording[: -len(comma)] + comma[1]
    return wording


def _leans_back(text: str, quote: Quote, start: int) -> bool:
    """Whether the wording from the speaker on would not read alone: the cue is a participle
    after another verb of the same speaker ("“…,” Holm said, adding that …"), or a relative
    pronoun stands for the report's subject ("…, which Holm believes could …")."""
    cue = quote.cue
    mention = quote.speaker.mention if quote.speaker is not None else None
    if mention is None or start != mention.start:
        return False
    before = text[max(0, start - 12):start].split()
    if before and before[-1].lower().strip(",") in _RELATIVES:
        return True
    if cue is None or cue.start <= mention.end:
        return False
    between = text[mention.end:cue.start]
    return cue.text.lower().endswith("ing") and "," in between and len(between) <= 40


def sentence_start(text: str, pos: int, limit: int | None = None) -> int:
    """The start of the sentence (or paragraph) ``pos`` is in; with ``limit``, ``pos`` itself
    when that start lies more than ``limit`` characters back."""
    line = text.rfind("\n", 0, pos) + 1
    floor = line if limit is None else max(line, pos - limit)
    start = max([line, *(m.end() for m in _SENTENCE_START.finditer(text, floor, pos))])
    return start if limit is None or pos - start <= limit else pos


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """The wording widened to the quotation mark it opens or closes without its partner
    ("went on about “how the system is rigged" ends at the closing mark), within the
    paragraph and MAX_GAP characters; unchanged when the partner is not that near."""
    part = text[start:end]
    if part.count("“") > part.count("”") or part.count('"') % 2:
        close = min((i for i in (text.find("”", end), text.find('"', end)) if i >= 0),
                    default=-1)
        if 0 <= close - end <= MAX_GAP and "\n" not in text[end:close]:
            return start, close + 1
    if part.count("”") > part.count("“") or part.count('"') % 2:
        opening = max(text.rfind("“", 0, start), text.rfind('"', 0, start))
        if 0 <= start - opening <= MAX_GAP and "\n" not in text[opening:start]:
            return opening, end
    return start, end


def _near(start: int, end: int, quote: Quote, *also: int) -> bool:
    edges = [quote.start, quote.end, *also]
    return min(min(abs(start - e), abs(end - e)) for e in edges) <= MAX_GAP
