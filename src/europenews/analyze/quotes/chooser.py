"""The speaker chooser: a logistic model picks each quote's speaker among candidates.

The finder (``finder.py``) proposes one speaker per quote with its rules. Here every quote also
gets the other mentions that could have said it: the subjects of its cue, the people,
organisations, pronouns and descriptions ("the minister") of the cue's sentence, of the two
sentences before it and of its paragraph, the previous quote's speaker, and nobody. Each
candidate is a set of feature names (which rule proposed it, distance and direction to the cue,
relations to the cue and to its own head, entity type, how often the article names it, ...);
the weights of ``lexicons/<language>/speakers.json`` score them and the best one speaks, unless
it beats the finder's by less than the model's margin. ``bench/train_speakers.py`` trains the
weights on PolNeAR train, cross-validated by article. A language without the file keeps the
finder's speakers.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from europenews.analyze.quotes.drafts import Draft
from europenews.analyze.quotes.spans import Layout
from europenews.analyze.quotes.speakers import mention_range, speaker_at
from europenews.model import Speaker

SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
SPEAKING_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "who"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
NOBODY = -1  # the candidate "no speaker"


@dataclass(frozen=True, slots=True)
class SpeakerModel:
    """Logistic weights over feature names, and how much better than the finder's speaker
    another candidate must score to replace it."""

    weights: Mapping[str, float]
    bias: float = 0.0
    margin: float = 0.0
    # Where the finder named nobody, it mostly knew why ("a blog called “...”"): the margin a
    # name needs over nobody.
    nobody_margin: float = 0.0

    @classmethod
    def from_json(cls, text: str) -> SpeakerModel:
        data = json.loads(text)
        return cls(dict(data["weights"]), float(data["bias"]), float(data["margin"]),
                   float(data["nobody_margin"]))

    def probability(self, features: frozenset[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@dataclass(frozen=True, slots=True)
class Candidate:
    """One mention that may have said a quote (``head`` = NOBODY: nobody)."""

    head: int
    features: frozenset[str]
    finder: bool  # the finder's own speaker


def _bucket(n: int) -> str:
    size = abs(n)
    label = "0" if size == 0 else str(min(size.bit_length(), 5))  # 1, 2-3, 4-7, 8-15, 16+
    return ("-" if n < 0 else "+") + label


def _mentions(tokens: Span, titles: frozenset[str]) -> list[int]:
    """Heads of the names, speaking pronouns and descriptions in a stretch of the parse."""
    heads = []
    for tok in tokens:
        if tok.ent_type_ in SPEAKER_ENTS:
            if tok.ent_iob_ == "B":
                heads.append(tok.doc[tok.i : _ent_end(tok)].root.i)
        elif tok.lower_ in SPEAKING_PRONOUNS or (
            tok.pos_ == "NOUN" and tok.lemma_.lower() in titles
        ):
            heads.append(tok.i)
    return heads


def _ent_end(tok: Token) -> int:
    end = tok.i + 1
    while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
        end += 1
    return end


def _head_of(doc: Doc, speaker: Speaker | None) -> int | None:
    if speaker is None or speaker.mention is None:
        return None
    span = doc.char_span(speaker.mention.start, speaker.mention.end, alignment_mode="expand")
    return span.root.i if span is not None and len(span) else None


def _path(tok: Token, cue: Token) -> str:
    """The dependency relation of a candidate to the cue, in at most three steps up."""
    steps = []
    node = tok
    for _ in range(3):
        steps.append(node.dep_)
        if node.head.i == cue.i:
            return ">".join(steps)
        if node.head.i == node.i:
            break
        node = node.head
    return "far"


def candidates(doc: Doc, draft: Draft, layout: Layout, previous: int | None,
               titles: frozenset[str], salience: Mapping[str, int]) -> list[Candidate]:
    """The speaker candidates of one quote draft, with their features (pure)."""
    found: dict[int, set[str]] = {}
    cue = doc[draft.cue.cue[0]] if draft.cue is not None else None
    # Without a cue, distances are measured from the quotation's first word.
    opening = doc.char_span(draft.spans[0][0], draft.spans[0][1], alignment_mode="expand")
    if cue is not None:
        anchor_tok = cue
    elif opening is not None and len(opening):
        anchor_tok = opening[0]
    else:
        return []
    finder = _head_of(doc, draft.speaker)

    def add(head: int | None, source: str) -> None:
        if head is not None and 0 <= head < len(doc):
            found.setdefault(head, set()).add("src=" + source)

    add(finder, "finder")
    if draft.cue is not None:
        add(draft.cue.subject, "cue_subject")
        for tok in doc[draft.cue.cue[0] : draft.cue.cue[1]]:
            for child in tok.children:
                if child.dep_ in SUBJECTS:
                    add(child.i, "cue_child")
    add(previous, "previous_quote")
    sent = anchor_tok.sent
    for head in _mentions(sent, titles):
        add(head, "sentence")
    here = layout.paragraph(anchor_tok.idx)
    back = sent.start
    for step in range(2):
        if back <= 0:
            break
        before = doc[back - 1].sent
        for head in _mentions(before, titles):
            add(head, f"sentence-{step + 1}")
        back = before.start
    while back > 0 and layout.paragraph(doc[back - 1].idx) == here:
        before = doc[back - 1].sent
        for head in _mentions(before, titles):
            add(head, "paragraph")
        back = before.start
    if finder is not None:
        # A name inside the finder's mention ("a Norwegian user") is that mention.
        start, end = mention_range(doc[finder])
        for head in [h for h in found if start <= h < end and h != finder]:
            found[finder] |= found.pop(head)
    for head in sorted(found, reverse=True):
        owner = doc[head].head.i
        if head in found and doc[head].dep_ == "appos" and owner in found and owner != head:
            # "Tom Baker, the county's lawyer": the apposition is the name's, one candidate
            # (under the finder's head when the finder named it).
            keep, drop = (head, owner) if head == finder else (owner, head)
            found[keep] |= found.pop(drop)
    # The quote's kind, crossed with how its cue reads: a verb, a noun ("chants of"), none.
    kind = "kind=" + draft.kind + "|" + (cue.pos_ if cue is not None else "nocue") + (
        "|guessed" if draft.guessed else "")
    out = [_candidate(doc, head, sources, anchor_tok, sent, cue, draft, layout, kind, salience,
                      head == finder) for head, sources in found.items()]
    near = sorted((c for c in out if "src=finder" not in c.features),
                  key=lambda c: abs(c.head - anchor_tok.i))
    ranked = {c.head: n for n, c in enumerate(near)}
    out = [Candidate(c.head, c.features | {f"rank={min(ranked.get(c.head, 0), 3)}"}, c.finder)
           for c in out]
    none = {"nobody", "nobody|" + kind, "nobody|finder" if finder is None else "nobody|named"}
    out.append(Candidate(NOBODY, frozenset(none), finder is None))
    return out


def _candidate(doc: Doc, head: int, sources: set[str], anchor: Token, sent: Span,
               cue: Token | None, draft: Draft, layout: Layout, kind: str,
               salience: Mapping[str, int], finder: bool) -> Candidate:
    tok = doc[head]
    feats = set(sources) | {kind + "|" + s for s in sources}
    feats.add("dist=" + _bucket(head - anchor.i))
    feats.add("same_sentence" if sent.start <= head < sent.end else "other_sentence")
    if layout.paragraph(tok.idx) == layout.paragraph(anchor.idx):
        feats.add("same_paragraph")
    if cue is not None:
        path = _path(tok, cue)
        feats.add("path=" + path)
        feats.add("subject_of_cue" if path in ("nsubj", "nsubjpass") else "not_subject")
    what = tok.ent_type_ or ("PRON" if tok.lower_ in SPEAKING_PRONOUNS else tok.pos_)
    feats.add("type=" + what)
    feats.add("dep=" + tok.dep_)  # its own relation: a subject, a possessor, an object, ...
    feats.add(kind + "|type=" + what)
    if any(s <= tok.idx < e for s, e in draft.spans):
        feats.add("inside_content")
    name = _name_of(doc, tok)
    feats.add("salience=" + _bucket(salience.get(name, 0) if name else 0))
    return Candidate(head, frozenset(feats), finder)


def _name_of(doc: Doc, tok: Token) -> str | None:
    if tok.ent_type_ not in SPEAKER_ENTS or tok.ent_iob_ == "O":
        return None
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start : _ent_end(doc[start])].text.split()[-1].lower()


def salience_of(doc: Doc) -> Counter[str]:
    """How often the article names each last name (or organisation's last word)."""
    return Counter(e.text.split()[-1].lower() for e in doc.ents if e.label_ in SPEAKER_ENTS)


def decide(model: SpeakerModel, found: list[Candidate]) -> Candidate | None:
    """The best candidate, or the finder's when the best does not beat it by the margin."""
    if not found:
        return None
    scored = [(model.probability(c.features), c) for c in found]
    best_p, best = max(scored, key=lambda pc: pc[0])
    own = next(((p, c) for p, c in scored if c.finder), None)
    if own is not None and best_p - own[0] < (
        model.nobody_margin if own[1].head == NOBODY else model.margin
    ):
        return own[1]
    return best


def choose_speakers(doc: Doc, drafts: list[Draft], layout: Layout, titles: frozenset[str],
                    model: SpeakerModel | None,
                    record: list[list[Candidate]] | None = None) -> list[Draft]:
    """The drafts (in text order), each with the speaker the model chooses; ``record``
    collects the candidates of every draft (for training)."""
    salience = salience_of(doc)
    previous: int | None = None
    chosen_drafts = []
    for draft in drafts:
        found = candidates(doc, draft, layout, previous, titles, salience)
        if record is not None:
            record.append(found)
        chosen = decide(model, found) if model is not None else None
        if chosen is not None and not chosen.finder:
            draft = replace(draft, speaker=None if chosen.head == NOBODY
                            else speaker_at(doc, chosen.head))
        if not draft.guessed:  # a quoted object ("his promise of “...”") is continued by nobody
            previous = _head_of(doc, draft.speaker)
        chosen_drafts.append(draft)
    return chosen_drafts
