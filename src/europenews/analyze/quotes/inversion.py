"""French reporting cues the English rules do not read: inverted speakers and « selon X ».

Read only with a lexicon that lists source prepositions or speaker pronouns (French ships
``source_preps.txt`` and ``pronouns.tsv``; English has neither, so English analyses do not
change):

- **inverted speakers**: « …, a-t-il déclaré », « estime-t-elle », « ajoute-t-il ». The
  pronoun after the verb is the speaker (``entities/coref.py`` resolves it to the article's
  cast as it does English pronouns, with the lexicon's ``pronouns.tsv``); the euphonic *-t-*
  is no subject. The parser often lemmatises the
  inverted verb as itself (*estime*), so its infinitive is guessed from the form (*estimer*).
- **« selon X », « d'après X »**: an indirect cue with X as the source, the rest of the
  sentence as what X reports. When the sentence is a report with its own named speaker
  (« …, a dit Olaf Scholz, selon Le Monde »), X is the outlet it came through: no cue of its
  own; ``entities/coref.py`` gives the report's person X as ``via`` (the nested-report
  ruling: only when a person speaks).
- **a place before a colon** (« Kharkiv : … », the French headline's dateline) is no
  speaker.
- **a title before a name**: « a déclaré le ministre de l'Intérieur Gérald Darmanin » speaks
  through the name, not the title.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from europenews.analyze.doctext import doc_text
from europenews.analyze.quotes.cue import Cue
from europenews.analyze.quotes.cuebounds import trim_span
from europenews.analyze.quotes.lexicon import QuoteLexicon
from europenews.analyze.quotes.speakers import EUPHONIC_T, speaker_at, speaker_head
from europenews.model import Mention, Speaker

# Languages that put a title's complement between the title and the name.
TITLE_FIRST = frozenset({"fr", "es", "it", "pt", "ro", "ca"})
_NAME_AFTER_TITLE = 8  # tokens from a title to the name it introduces, at most
_SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass")


def reads_french_order(lex: QuoteLexicon) -> bool:
    """Whether the lexicon asks for these rules (it lists source prepositions or pronouns)."""
    return bool(lex.source_preps or lex.pronouns)


def inverted_pronoun(verb: Token, lex: QuoteLexicon) -> Token | None:
    """The hyphenated pronoun after the verb or its auxiliary (« estime-t-elle »,
    « a-t-il déclaré »), or None."""
    doc = verb.doc
    anchors = [verb, *(c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i)]
    for anchor in anchors:
        i = anchor.i + 1
        if i < len(doc) and doc[i].lower_ in EUPHONIC_T:
            i += 1
        if i < len(doc) and doc[i].lower_.startswith("-") and doc[i].lower_ in lex.pronouns:
            return doc[i]
    return None


def _infinitives(verb: Token) -> set[str]:
    """The lemma and the infinitives the form may be of (*estime* → *estimer*, *dit* →
    *dire*, *répond* → *répondre*)."""
    form = verb.lower_
    return {verb.lemma_.lower(), form, form[:-1] + "er", form[:-1] + "re", form + "re",
            form + "tre", form[:-1] + "ir"}


def _report_lemma(verb: Token, lex: QuoteLexicon, beliefs: bool) -> str | None:
    for lemma in sorted(_infinitives(verb)):
        if lemma in lex.speech_verbs or (beliefs and lemma in lex.belief_verbs):
            return lemma
    return None


def _around(doc: Doc, start: int, end: int, sent_start: int,
            sent_end: int) -> tuple[tuple[int, int], ...]:
    """The sentence's words before and after the cue's tokens, each part if it has words."""
    parts = []
    for a, b in ((sent_start, start), (end, sent_end)):
        span = trim_span(doc[a:b])
        if span is not None:
            parts.append(span)
    return tuple(parts)


def inverted_cue(verb: Token, lex: QuoteLexicon, beliefs: bool) -> Cue | None:
    """« …, estime-t-elle »: a report verb followed by its subject pronoun, which the
    English rules miss when the parser mislemmatises the verb."""
    if verb.pos_ not in ("VERB", "NOUN", "ADJ"):
        return None
    pronoun = inverted_pronoun(verb, lex)
    if pronoun is None:
        return None
    lemma = _report_lemma(verb, lex, beliefs)
    if lemma is None:
        return None
    sent = verb.sent
    first = min([verb.i, *(c.i for c in verb.children if c.dep_.startswith("aux"))])
    content = _around(verb.doc, first, pronoun.i + 1, sent.start, sent.end)
    return Cue((verb.i, verb.i + 1), pronoun.i, content, speech=lemma in lex.speech_verbs)


def placed_headline(doc: Doc, cue: Cue) -> bool:
    """« Kharkiv : une frappe de drone fait trois morts », "Kherson: three killed in a drone
    strike": a headline names the place of the news before a colon; a place is no speaker
    (in any language: the colon cue is built for names of people and bodies)."""
    return cue.subject is not None and doc[cue.subject].ent_type_ in ("LOC", "GPE", "FAC")


def inverted_speaker(cue: Cue, verb: Token, lex: QuoteLexicon) -> Cue:
    """A cue whose verb is followed by its subject pronoun, with that pronoun as the speaker
    (the parser often hangs « -t-il » on the verb as a mere dependent)."""
    pronoun = inverted_pronoun(verb, lex)
    if pronoun is None or cue.subject == pronoun.i:
        return cue
    return replace(cue, subject=pronoun.i)


def _source_phrase(token: Token, lex: QuoteLexicon) -> tuple[int, int] | None:
    """The token range of « selon » / « d'après » when ``token`` opens one, else None."""
    if token.dep_ != "case":
        return None
    fixed = [c for c in token.children if c.dep_ == "fixed"]
    words = token.lower_ + "".join(c.lower_ if token.lower_.endswith("'") else " " + c.lower_
                                   for c in fixed)
    words = words.replace("’", "'")
    if words not in lex.source_preps:
        return None
    return token.i, max([token.i, *(c.i for c in fixed)]) + 1


def _reports_itself(clause: Token, lex: QuoteLexicon) -> bool:
    """A report verb with a speaker of its own (« a dit Olaf Scholz », « a-t-il dit »)."""
    if _report_lemma(clause, lex, False) is None:
        return False
    if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in clause.children):
        return False  # « des drones ont été lancés »: a passive reports nothing of its own
    return inverted_pronoun(clause, lex) is not None or any(
        c.dep_ in _SUBJECTS and c.lower_ not in EUPHONIC_T for c in clause.children)


def source_cue(token: Token, lex: QuoteLexicon) -> Cue | None:
    """« selon la police, … »: the source is the preposition's noun, what it reports is the
    rest of the sentence."""
    phrase = _source_phrase(token, lex)
    if phrase is None:
        return None
    source = token.head
    if source.pos_ not in ("NOUN", "PROPN", "PRON") or source.i < token.i:
        return None
    if _reports_itself(source.head, lex):
        return None  # a nested report: the source is the outlet it came through (its via)
    sent = token.sent
    start = min(phrase[0], source.left_edge.i)
    content = _around(token.doc, start, source.right_edge.i + 1, sent.start, sent.end)
    if not content:
        return None
    return Cue(phrase, speaker_head(source).i, content)


def named_after_title(head: Token, titles: frozenset[str]) -> Token | None:
    """« le ministre de l'Intérieur Gérald Darmanin »: the person named after a title that
    heads a speaker's mention, in languages that put the title's complement first."""
    if head.doc.lang_ not in TITLE_FIRST or head.lemma_.lower() not in titles:
        return None
    for tok in head.subtree:
        if head.i < tok.i <= head.i + _NAME_AFTER_TITLE and tok.ent_type_ == "PERSON":
            return tok
    return None


def french_speaker(doc: Doc, cue: Cue, lex: QuoteLexicon) -> Speaker:
    """The speaker of a cue with a subject: through the name after a title; for « selon X »
    and for a title with no name, the whole noun phrase (« le porte-parole du gouvernement »,
    not « le porte-parole »: the complement follows the title in French)."""
    assert cue.subject is not None
    head = doc[cue.subject]
    named = named_after_title(head, lex.titles)
    speaker = speaker_at(doc, named.i if named is not None else head.i)
    source = _source_phrase(doc[cue.cue[0]], lex) is not None
    if named is not None or not (source or (head.lemma_.lower() in lex.titles
                                            and head.pos_ == "NOUN")):
        return speaker
    skip: set[int] = set()
    for child in head.children:  # not « selon » itself, nor a clause or aside on the noun
        if (child.dep_ in ("case", "fixed") and child.i < head.i) or child.dep_ in (
                "acl:relcl", "acl", "punct", "parataxis", "conj", "cc"):
            skip.update(t.i for t in child.subtree)
    words = [t for t in head.subtree if t.i not in skip]
    if not words or words[-1].i - words[0].i > 10:
        return speaker
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return replace(speaker, mention=Mention(start, end, doc_text(doc)[start:end]))
