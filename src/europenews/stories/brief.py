"""A story's brief, in the shape of a news brief, built only from what was extracted.

Extractive and pure: :func:`build_brief` reads a :class:`~europenews.briefdata.BriefInput`
(the store's data about one story) and returns a :class:`~europenews.briefdata.Brief`; every
sentence, quote and figure in it is text of one of the story's articles, with that article.
A section without facts stays empty: nothing is written to fill it.

- headline: the most central original title (the one sharing most words with the others;
  the earliest on ties, so a one-article story keeps its own title);
- lead: the one or two most central opening sentences across the articles, with outlets;
- who said what: the most salient people (quoted, in many articles, often named) with their
  roles, their strongest direct quote and their other claims as reported speech;
- figures: the story's casualty figures exactly as ``stories.casualties`` decides them
  (shown/primary/confidence), with who gave them, where, and the evidence sentences;
- where and when: places with coordinates, and per article what it added first;
- sources: outlets, languages, first and last seen.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from europenews.analyze.entities.furniture import furniture_lines
from europenews.briefdata import (
    Brief,
    BriefArticle,
    BriefInput,
    BriefPerson,
    BriefQuote,
    Figure,
    FigureEvidence,
    LeadSentence,
    MapPlace,
    Said,
    Source,
    Sources,
    Speaker,
    TimelineEntry,
)
from europenews.storydata import StoryCasualty

MAX_SPEAKERS = 8
MAX_REPORTED = 3
MAX_PLACES = 12
MAX_TIMELINE = 40
LEAD_SENTENCES = 2
REPEAT = 0.6  # share of the shorter sentence's words the other holds: a rewording
# A paragraph shorter than this, or without a full stop, is a heading, a byline or a caption.
MIN_LEAD_CHARS = 60
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?…”\"])\s+(?=[“\"A-Z0-9])")
# Quoted words in a reported claim; the closing mark may fall outside the claim's span.
_QUOTED = re.compile(r"[“\"]([^”\"]{8,})(?:[”\"]|$)")
# Reported claims shorter than this many words say nothing on their own ("the idea").
MIN_REPORTED_WORDS = 4
_STOP = frozenset((
    "the", "and", "for", "that", "with", "this", "from", "have", "has", "had", "was",
    "were", "are", "but", "not", "its", "their", "they", "them", "his", "her", "she", "him",
    "who", "what", "when", "where", "which", "while", "after", "before", "about", "into",
    "over", "than", "then", "there", "said", "says", "will", "would", "could", "should",
    "been", "being", "also", "more", "most", "other", "some", "such", "only", "just", "very",
))


def _words(text: str | None) -> set[str]:
    return {w for w in (m.group(0).lower() for m in _WORD.finditer(text or "")) if w not in _STOP}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _contained(a: set[str], b: set[str]) -> float:
    """How much of the shorter word set the other one holds (1.0: says nothing new)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _source(article: BriefArticle) -> Source:
    return Source(article.id, article.outlet, article.url)


def central_title(articles: Sequence[BriefArticle]) -> BriefArticle | None:
    """The original whose title shares most words with the other titles (earliest on ties)."""
    titled = [a for a in articles if a.title and a.duplicate_of is None] or \
        [a for a in articles if a.title]
    if not titled:
        return None
    words = [_words(a.title) for a in titled]
    scores = [sum(_overlap(w, o) for j, o in enumerate(words) if j != i)
              for i, w in enumerate(words)]
    best = max(range(len(titled)), key=lambda i: (scores[i], -i))
    return titled[best]


def lead_sentences(article: BriefArticle, limit: int = LEAD_SENTENCES) -> list[str]:
    """The first sentences of the article's first real paragraph (not its title, a heading,
    a byline or a caption)."""
    title = (article.title or "").strip()
    furniture = {" ".join(article.text[s:e].split()) for s, e in furniture_lines(article.text)}
    for para in re.split(r"\n\s*\n|\n", article.text):
        para = " ".join(para.split())
        if (len(para) < MIN_LEAD_CHARS or para == title or not re.search(r"[.!?]", para)
                or para in furniture):  # a video list's clip title, a promotion, a notice
            continue
        return [s.strip() for s in _SENTENCE_END.split(para) if s.strip()][:limit]
    return []


def central_lead(articles: Sequence[BriefArticle]) -> list[LeadSentence]:
    """The one or two opening sentences that share most words with the other articles'
    openings (a one-article story: its own first sentences), never two near-copies. In a
    story told in several languages, from the articles in the first article's language (the
    headline's): words are compared within one language, and a Polish lead under an English
    headline reads as an error."""
    originals = [a for a in articles if a.duplicate_of is None] or list(articles)
    if originals and originals[0].language:
        first = originals[0].language
        originals = [a for a in originals if a.language in (first, None)]
    candidates = [(a, i, s) for a in originals for i, s in enumerate(lead_sentences(a))]
    if not candidates:
        return []
    bags = {a.id: _words(" ".join(lead_sentences(a)) + " " + (a.title or ""))
            for a in originals}

    def score(c: tuple[BriefArticle, int, str]) -> tuple[float, int]:
        article, position, sentence = c
        words = _words(sentence)
        shared = sum(_overlap(words, bag) for aid, bag in bags.items() if aid != article.id)
        return (shared - 0.01 * position, -originals.index(article))

    ranked = sorted(candidates, key=score, reverse=True) if len(originals) > 1 else candidates
    chosen: list[tuple[BriefArticle, int, str]] = []
    for c in ranked:
        # A second sentence must add something: not a rewording of the first.
        if all(_contained(_words(c[2]), _words(k[2])) < REPEAT for k in chosen):
            chosen.append(c)
        if len(chosen) == LEAD_SENTENCES:
            break
    # In reading order when both come from one article.
    chosen.sort(key=lambda c: (originals.index(c[0]), c[1]))
    return [LeadSentence(s, _source(a)) for a, _, s in chosen]


def quoted_words(text: str) -> str | None:
    """The longest passage in quotation marks inside a reported claim, or None."""
    found = [m.group(1).strip().rstrip(",") for m in _QUOTED.finditer(text)]
    return max(found, key=len) if found else None


def _part_of_another(person: BriefPerson, people: Sequence[BriefPerson]) -> bool:
    """A one-word name that is part of another person's fuller name in the same story
    ("Oleksandr" beside "Oleksandr Prokudin"): the same person, split by the linker."""
    words = person.name.split()
    return len(words) == 1 and any(
        p is not person and len(p.name.split()) > 1 and words[0] in p.name.split()
        for p in people)


def _said(q: BriefQuote, text: str, by_id: dict[str, BriefArticle]) -> Said:
    article = by_id[q.article_id]
    return Said(text, q.kind, _source(article))


def speakers(data: BriefInput) -> list[Speaker]:
    """The most salient people with roles, strongest direct quote and reported claims."""
    by_id = {a.id: a for a in data.articles}
    said: dict[int, list[BriefQuote]] = {}
    for q in data.quotes:
        if q.speaker_id is not None and q.article_id in by_id:
            said.setdefault(q.speaker_id, []).append(q)
    people = [p for p in data.people if not _part_of_another(p, data.people)]
    ranked = sorted(people, key=lambda p: (-(len(said.get(p.entity_id, [])) > 0),
                                           -p.articles, -p.mentions, p.name))
    out = []
    for person in ranked[:MAX_SPEAKERS]:
        quotes = said.get(person.entity_id, [])
        # Strongest: a direct quote more outlets carried, then the longest.
        direct = [q for q in quotes if q.kind == "direct"]
        carried = Counter(q.text for q in direct)
        best: Said | None = None
        chosen: BriefQuote | None = None
        if direct:
            chosen = max(direct, key=lambda q: (carried[q.text], len(q.text)))
            best = _said(chosen, chosen.text, by_id)
        else:
            partial = [(q, w) for q in quotes if (w := quoted_words(q.text))]
            if partial:
                chosen, words = max(partial, key=lambda x: len(x[1]))
                best = _said(chosen, words, by_id)
        # A quoted fragment of a reported claim is the quote; the claim itself stays reported.
        reported, seen = [], {chosen.text if chosen and chosen.kind == "direct" else ""}
        for q in quotes:
            # The article's own wording of the report when the store has it ("Baerbock
            # accused China of ..."), so a claim never reads as a verbatim quotation.
            wording = q.report or q.text
            if q.kind == "direct" or q.text in seen \
                    or len(q.text.split()) < MIN_REPORTED_WORDS:
                continue
            seen.add(q.text)
            reported.append(_said(q, wording, by_id))
        out.append(Speaker(person.entity_id, person.name, person.roles[:2], best,
                           tuple(reported[:MAX_REPORTED])))
    return out


def _without_title(sentence: str, title: str | None) -> str:
    """The sentence without the headline run into it (a title line before the first
    paragraph is read as part of its first sentence)."""
    if title and sentence.startswith(title) and len(sentence) > len(title) + 20:
        return sentence[len(title):].lstrip(" :—-")
    return sentence


def _figure(c: StoryCasualty, data: BriefInput, by_id: dict[str, BriefArticle]) -> Figure:
    evidence = tuple(
        FigureEvidence(_without_title(sentence, by_id[e.article_id].title),
                       _source(by_id[e.article_id]))
        for e in c.evidence
        if e.article_id in by_id
        and (sentence := data.sentences.get((e.article_id, e.start, e.end)))
    )
    places = Counter(p for e in c.evidence if (p := data.event_places.get(e.article_id)))
    place = places.most_common(1)[0][0] if places else None
    return Figure(c.kind, c.value, c.shown, c.primary, c.confidence, c.outlets, c.given_by,
                  place, evidence, c.inferred_zero)


def map_places(data: BriefInput) -> list[MapPlace]:
    """Places with coordinates, most articles first."""
    located = [p for p in data.places if p.lat is not None and p.lon is not None]
    located.sort(key=lambda p: (-len(p.article_ids), p.name))
    return [MapPlace(p.name, p.country, float(p.lat or 0.0), float(p.lon or 0.0),
                     len(p.article_ids)) for p in located[:MAX_PLACES]]


def _new(seen: set[str], items: Iterable[str]) -> tuple[str, ...]:
    fresh = [x for x in dict.fromkeys(items) if x not in seen]
    seen.update(fresh)
    return tuple(fresh)


def timeline(data: BriefInput) -> list[TimelineEntry]:
    """Each article in publication order with the figures, speakers and places it reported
    first (a copy of another article adds nothing and is left out)."""
    names = {p.entity_id: p.name for p in data.people
             if not _part_of_another(p, data.people)}
    seen_fig: set[str] = set()
    seen_who: set[str] = set()
    seen_where: set[str] = set()
    out = []
    for a in data.articles:
        if a.duplicate_of is not None:
            continue
        figs = [f"{f.value} {f.kind}" for f in data.figures
                if f.article_id == a.id and f.value is not None]
        # People only: a quote put on a place or an organisation is no new voice.
        who = [names[q.speaker_id] for q in data.quotes
               if q.article_id == a.id and q.speaker_id in names]
        where = [p.name for p in data.places if a.id in p.article_ids]
        out.append(TimelineEntry(a.id, a.published, a.outlet, a.title, a.url,
                                 _new(seen_fig, figs), _new(seen_who, [w for w in who if w]),
                                 _new(seen_where, where)))
    return out[:MAX_TIMELINE]


def story_sources(articles: Sequence[BriefArticle]) -> Sources:
    outlets = Counter(a.outlet for a in articles if a.outlet)
    dates = [a.published for a in articles if a.published]
    languages = tuple(dict.fromkeys(a.language for a in articles if a.language))
    return Sources(tuple(outlets.most_common()), languages, min(dates, default=None),
                   max(dates, default=None), len(articles))


def build_brief(data: BriefInput) -> Brief:
    """The story's brief (see the module docstring)."""
    by_id = {a.id: a for a in data.articles}
    top = central_title(data.articles)
    return Brief(
        story=data.story_id,
        headline=top.title if top else None,
        headline_source=_source(top) if top else None,
        lead=tuple(central_lead(data.articles)),
        speakers=tuple(speakers(data)),
        figures=tuple(_figure(c, data, by_id) for c in data.casualties),
        places=tuple(map_places(data)),
        timeline=tuple(timeline(data)),
        sources=story_sources(data.articles),
    )
