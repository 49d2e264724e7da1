"""Page furniture and datelines: lines of a page that are not the article's text, and the
place a dateline names.

News pages put lines around the report that name things the report is not about: a
copyright or trademark notice ("© 2014 Some Radio Inc. … Logo TM … All Rights Reserved"), a
promotion of another story ("RELATED: …", "CONTINUING COVERAGE: …"), a byline ("By Ann Lee",
"ANN LEE" alone on its line), a list of video clips ("1:38 Council votes on ..."). Their
names and quotations are not the article's. A dateline ("ALTURAS, Modoc County (KPIX 5) —",
"NEW YORK (AP) —") names a place, whatever the model made of the capitals.
"""

from __future__ import annotations

import functools
import re
from itertools import pairwise

# A notice anywhere on a line: the copyright sign, "all rights reserved", "Copyright 2014",
# a logo's trademark, the republication warning. The trademark sign alone is no notice: press
# releases write it in their sentences ("Opteron™ technologies"). "Ã©" (also written with a
# combining tilde) is an "é" read in the wrong encoding ("cafÃ©"), not the sign.
NOTICE = re.compile(
    r"(?<![Ã\u0303])©|\ball rights reserved\b|\bcopyright\s+(?:\(c\)\s*)?\d{4}\b"
    r"|\bmay not be (?:re)?published\b|\blogo\s+TM\b",
    re.I,
)
# A promotion of another story: a label in capitals (or a known link word) and a colon,
# then a headline that ends without a full stop ("SMITH: We never said so." is a transcript).
PROMO = re.compile(
    r"^\s*(?:[A-Z][A-Z'’&]+(?:\s+[A-Z][A-Z'’&]+){0,3}|(?i:related|read more|more|watch|see also"
    r"|also read|continuing coverage|previous coverage|full coverage)(?:\s+\w+)?)\s*:\s+\S"
    r".*[^.!?\"”’'\s]\s*$"
)
# A byline: "By" and a name (with its outlet after a comma), or a name alone in capitals.
BYLINE = re.compile(
    r"^\s*(?:by|BY|By)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s*(?:(?:,|and|/).{0,60})?$"
    r"|^\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){1,3}\s*$"
)
# A dateline: capitals opening a line, perhaps a comma and a state or county, perhaps an
# agency or station in brackets, then a dash.
DATELINE = re.compile(
    r"^\s*([A-Z][A-Z.'’-]+[A-Z](?:\s+[A-Z][A-Z.'’-]+){0,3})(?:,[^\n,()]{1,24})?\s*"
    r"(?:\([^()\n]{1,20}\)\s*)?(?:—|–|--|-\s)",
    re.M,
)

# A video list's entry: a running time, then the clip's title ("1:38 Town council votes on
# ..."); a clock time ("1:13 p.m.", "10:03 PM") heads a live blog's or a timeline's entry.
CLIP = re.compile(r"^\s*(\d{1,2}):(\d{2})(?!\s*(?:[aApP]\.?[mM]\b|[aApP]\.[mM]\.))\s+\S")
MIN_CLIPS = 2  # one such line may be text; a list has several
ORDERED_CLOCK = 3  # so many times in order are a clock (two in order may be a list by chance)


SHORT_LINE = 160  # promotions and bylines are one short line
NOTICE_LINE = 400  # a notice line is at most this long; a longer one is text with a notice


def furniture_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines that are page furniture: notices, promotions, bylines.
    The first line is the article's own title ("UPDATE: …", "APD: Teen found …"), never a
    promotion or a byline."""
    return list(_furniture_ranges(text))


@functools.lru_cache(maxsize=8)
def _furniture_ranges(text: str) -> tuple[tuple[int, int], ...]:
    # Kept for the last few texts: the entity kinds, the quotes and the events of one
    # article each ask for its furniture.
    ranges = []
    start = 0
    titled = False
    lines = text.split("\n")
    clips = _clip_list(lines)
    for line in lines:
        short = titled and len(line) <= SHORT_LINE
        notice = NOTICE.search(line)
        if notice and len(line) > NOTICE_LINE:
            # A page flattened into one line: the notice and what follows it, not the report.
            ranges.append((start + notice.start(), start + len(line)))
        elif (notice or (short and (PROMO.match(line) or BYLINE.match(line)))
              or (clips and len(line) <= SHORT_LINE and CLIP.match(line))):  # even the first
            ranges.append((start, start + len(line)))
        start += len(line) + 1
        titled = titled or bool(line.strip())
    return tuple(ranges)


def dateline_names(text: str) -> frozenset[str]:
    """The names (lower case, single spaces) that open a line as a dateline."""
    return frozenset(" ".join(m.group(1).lower().split()) for m in DATELINE.finditer(text))


def _clip_list(lines: list[str]) -> bool:
    """Whether the short lines that open with a running time are a video list. Three or more
    times in order ("14:05 …", "14:30 …", "15:10 …") are a live blog's or a timeline's clock,
    the article's own text; a list's running times come in no order ("1:38", "0:45", "2:10")."""
    times = [int(m[1]) * 60 + int(m[2]) for line in lines
             if len(line) <= SHORT_LINE and (m := CLIP.match(line))]
    ordered = len(times) >= ORDERED_CLOCK and (all(a <= b for a, b in pairwise(times))
                                               or all(a >= b for a, b in pairwise(times)))
    return len(times) >= MIN_CLIPS and not ordered


def line_ranges(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The (start, end) of each line of ``text`` that ``pattern`` finds something in."""
    ranges = []
    start = 0
    for line in text.split("\n"):
        if pattern.search(line):
            ranges.append((start, start + len(line)))
        start += len(line) + 1
    return ranges


def masthead_line(text: str) -> tuple[int, int] | None:
    """The first line when it is one word above a longer line (the site's name)."""
    lines = text.split("\n")
    first = lines[0].strip() if lines else ""
    rest = [ln.strip() for ln in lines[1:] if ln.strip()]
    if first and len(first.split()) == 1 and rest and len(rest[0].split()) > 2:
        at = text.index(first)
        return at, at + len(first)
    return None
