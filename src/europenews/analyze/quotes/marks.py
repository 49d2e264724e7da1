"""Find quotation-mark spans in raw text (pure string work, no parse).

Handles straight and curly double quotes, „German“ and «French» (or »German«) guillemets,
single-quote quotations outside double quotes (‘...’, ‹...›, ›...‹, ‚...‘), dash-led dialogue
lines for languages that write them, and the news convention for quotes that run over several
paragraphs: the mark is re-opened at the start of each paragraph and closed only once at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
# The mark that closes a quotation its opener began: German opens with „ and closes with “, and
# writes guillemets the other way round (»...«).
CLOSES = {"„": "“”", "»": "«", "«": "»", "“": "”", "”": "”"}
# The tokens the tokenizer makes of double quotation marks (typewriter ones included), for
# rules that read the parse rather than the text.
QUOTE_TOKENS = frozenset({"“", "”", '"', "``", "''"})
PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class MarkedQuote:
    """Text inside quotation marks: content fragments (marks excluded), one per paragraph."""

    fragments: tuple[tuple[int, int], ...]
    closed: bool  # the last fragment ended on a closing mark

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


def _opens(text: str, i: int) -> bool:
    """Whether the double mark at ``i`` opens a quotation (for straight marks: by context)."""
    ch = text[i]
    if ch in OPEN_DOUBLE:
        return True
    if ch in CLOSE_DOUBLE:
        return _misused_closer(text, i)
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isspace() and (before.isspace() or before in "([{—–-/")


def _misused_opener(text: str, i: int) -> bool:
    """An opening curly mark typed where a closing one belongs ("... here,“ Jim said")."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and not text[i - 1].isspace() and after.isspace()


def _misused_closer(text: str, i: int) -> bool:
    """A closing mark that opens: Nordic typography writes ”...” with the same mark on both
    sides, and typists slip (”Fear. I am ...”). It opens after a space or a paragraph start
    and before a word."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isspace() and after.isalnum()


def _paragraph_starts_quote(text: str, start: int) -> bool:
    stripped = text[start:].lstrip(" \t")
    if not stripped:
        return False
    return stripped[0] in OPEN_DOUBLE or stripped[0] == STRAIGHT_DOUBLE or (
        stripped[0] in CLOSE_DOUBLE and stripped[1:2].isalnum()
    )


def _nested_curly(text: str, i: int, end: int) -> int | None:
    """Inside a quotation opened with a straight mark, the closing mark of a curly “...” pair
    that starts at ``i``: a quotation within the quotation, when the outer one closes with a
    straight mark later in the paragraph. (Without that closing mark, a straight mark opening a
    paragraph is as often a stray as a block quotation, and the curly pair stands alone.)"""
    if text[i] not in OPEN_DOUBLE:
        return None
    close = next((j for j in range(i + 1, end) if text[j] in CLOSE_DOUBLE), None)
    if close is None:
        return None
    rest = text[close + 1 : end]
    if STRAIGHT_DOUBLE in rest:
        return close
    return None


def _closes_first(text: str, start: int, end: int) -> bool:
    """Whether the first double mark of ``text[start:end]`` closes a quotation: a curly closer,
    or a straight mark after a word and before a space or punctuation (``officers," said``).
    Pages that put every sentence on its own line break a quotation of two sentences that way:
    the mark opened on one line closes on the next, which does not re-open it."""
    j = next((k for k in range(start, end)
              if text[k] in OPEN_DOUBLE or text[k] in CLOSE_DOUBLE or text[k] == STRAIGHT_DOUBLE),
             None)
    if j is None or j == start or text[j - 1].isspace():
        return False
    if text[j] in CLOSE_DOUBLE:
        return True
    after = text[j + 1] if j + 1 < end else " "
    return text[j] == STRAIGHT_DOUBLE and (after.isspace() or after in ",.;:!?)")


def strip_space(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace at either edge."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_double_quotes(text: str) -> list[MarkedQuote]:
    """Double-quoted spans, with multi-paragraph quotations joined into one."""
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPH.finditer(text)]
    quotes: list[MarkedQuote] = []
    carried: list[tuple[int, int]] = []  # fragments of a quote still open at a paragraph end
    bare = False  # the carried quote goes on in the next line without re-opening its mark
    straight = False  # the open quotation began with a straight mark
    opener = ""  # the mark it began with (its partner closes it)
    for n, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        i = p_start
        if carried:
            stripped = p_start + len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
            if bare:
                open_at = stripped  # the sentence goes on: its mark closes later in the line
            else:
                # The continuing quote re-opens its mark at this paragraph's start.
                open_at = stripped + 1
                straight = text[stripped] == STRAIGHT_DOUBLE
                opener = text[stripped]
            i = open_at
        else:
            straight, opener = False, ""
        while i < p_end:
            ch = text[i]
            if ch in OPEN_DOUBLE or ch in CLOSE_DOUBLE or ch == STRAIGHT_DOUBLE:
                inner = None
                if straight and open_at is not None and text[open_at:i].strip():
                    inner = _nested_curly(text, i, p_end)  # not `"“...”`: a doubled opener
                if inner is not None:
                    i = inner + 1  # "... wrote what they called “a covenant” and signed it"
                    continue
                if open_at is None:
                    if _opens(text, i) or ch == STRAIGHT_DOUBLE:
                        open_at = i + 1
                        straight = ch == STRAIGHT_DOUBLE
                        opener = ch
                elif (ch not in OPEN_DOUBLE or ch in CLOSE_DOUBLE or _misused_opener(text, i)
                      or ch in CLOSES.get(opener, "")):
                    frag = strip_space(text, open_at, i)
                    if frag[1] > frag[0]:
                        quotes.append(MarkedQuote((*carried, frag), True))
                    carried, open_at = [], None
                elif ch in OPEN_DOUBLE and not carried:
                    open_at = i + 1  # a stray opener: restart from the newer mark
                    opener = ch
            i += 1
        if open_at is not None:
            frag = strip_space(text, open_at, p_end)
            following = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            bare = False
            if following is not None and _paragraph_starts_quote(text, following[0]):
                carried = [*carried, frag]
            elif following is not None and _closes_first(text, *following):
                carried, bare = [*carried, frag], True
            else:
                if frag[1] > frag[0]:
                    quotes.append(MarkedQuote((*carried, frag), False))
                carried = []
    if carried:
        quotes.append(MarkedQuote(tuple(carried), False))
    return quotes


# An opening single mark after a space, a closing one before a space or punctuation: this
# keeps apostrophes ("it's", "Jones' dog") out.
SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=\S)(?P<body>[^‘’'\n]*?[^\s‘’'])[’']"
    r"(?=$|[\s.,;:!?)\]—–-])"
)


# Single guillemets (‹...›, German ›...‹) and German ‚...‘: never apostrophes, so the pair on
# one line is enough. French sets them off with spaces inside.
SINGLE_PAIRS = re.compile(r"‹\s*(?P<a>[^‹›\n]*?\S)\s*›|›(?P<b>\S[^‹›\n]*?\S|\S)‹"
                          r"|‚(?P<c>\S[^‚‘’\n]*?\S|\S)[‘’]")


def find_single_quotes(text: str, doubles: list[MarkedQuote]) -> list[MarkedQuote]:
    """Single-quoted spans that lie outside every double-quoted span."""
    taken = [frag for q in doubles for frag in q.fragments]
    found = []
    bodies = [(m.start("body"), m.end("body")) for m in SINGLE.finditer(text)] + [
        next((m.start(g), m.end(g)) for g in "abc" if m.group(g) is not None)
        for m in SINGLE_PAIRS.finditer(text)]
    for start, end in sorted(bodies):
        if any(s - 1 <= start and end <= e + 1 for s, e in taken):
            continue
        found.append(MarkedQuote(((start, end),), True))
    return found


# Markup left in the text (``<tweet author="@x" date="...">``): its attribute values are no
# quotations.
TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]{0,300}?)?/?>")


def _blank(found: re.Match[str]) -> str:
    return "".join(c if c == "\n" else " " for c in found.group())


def straight_marks(text: str) -> str:
    """Same-length copy where ``''`` and ````` (typewriter double quotes) read as ``"``."""
    return text.replace("''", '" ').replace("``", '" ')


def normalise_marks(text: str) -> str:
    """:func:`straight_marks`, and markup tags blanked."""
    return TAG.sub(_blank, straight_marks(text))


def find_dialogue(text: str, dashes: str) -> list[MarkedQuote]:
    """Dash-led dialogue (« — Nous resterons, dit-elle. », "— Ya basta — dijo — nos vamos."):
    a line that opens with one of ``dashes`` and a space is speech up to the next spaced dash,
    the narrator's words run to the dash after, and the speech goes on behind it."""
    found = []
    for line in PARAGRAPH.finditer(text):
        start, end = strip_space(text, line.start(), line.end())
        if end - start < 3 or text[start] not in dashes or not text[start + 1].isspace():
            continue
        cuts = [m.start() for m in re.finditer(f"\\s[{re.escape(dashes)}](?=\\s|$)",
                                               text[start + 1 : end])]
        bounds = [start + 1, *(start + 1 + c for c in cuts), end]
        for n in range(0, len(bounds) - 1, 2):  # speech, narrator, speech, ...
            a, b = strip_space(text, bounds[n] + (2 if n else 0), bounds[n + 1])
            if b > a:
                found.append(MarkedQuote(((a, b),), True))
    return found


def find_marked_quotes(text: str, dialogue_dashes: str = "") -> list[MarkedQuote]:
    """All quotation-mark spans in text order; ``dialogue_dashes``: the dashes that open a
    dialogue line in the language (none in English, where a leading dash starts a list item or
    a signature)."""
    text = normalise_marks(text)
    doubles = find_double_quotes(text)
    found = [*doubles, *find_single_quotes(text, doubles)]
    if dialogue_dashes:
        taken = [frag for q in found for frag in q.fragments]
        found += [q for q in find_dialogue(text, dialogue_dashes)
                  if not any(s < q.end and q.start < e for s, e in taken)]
    return sorted(found, key=lambda q: q.start)
