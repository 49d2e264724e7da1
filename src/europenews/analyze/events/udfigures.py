"""Event words and casualty figures read off a Universal Dependencies parse (French).

The English rules (``casualties.py``, ``finder.find_triggers``) read the ClearNLP labels of the
English pipelines (``nsubjpass``, ``dobj``, ``prep``/``pobj``); ``fr_core_news_md`` parses in
Universal Dependencies (``nsubj:pass``, ``obj``, ``nmod`` with ``case``), where the modifier of an
event word follows it (*frappe de drone*, *attaque au couteau*). A lexicon whose
``casualty_words.json`` says ``"_grammar": "ud"`` is read here, with its own number words
(``numbers.json``, ``wordnumbers.py``). What is found is the same: :class:`Casualty` figures
(killed, injured, hit, missing, kidnapped, arrested) with the victim phrase they come from,
and event words with their type and weapon; ``finder.py`` groups and merges them as it does
English ones.

Figures: *trois morts et sept blessés* (a number before a casualty noun), *au moins trois
personnes ont été tuées* (the subject of a passive), *l'explosion a tué deux policiers* (the
object of an active), *deux personnes ont perdu la vie* / *ont trouvé la mort*, *trois
personnes blessées* (a participle on its noun). A figure needs a count: a number, *un*/*une*,
*aucun*, a negation (0), a person named or pronoun (1); a vague quantity (*une dizaine de
morts*, *plusieurs blessés*) keeps its phrase with no value. *dont deux grièvement* counts
people already counted, and gives no figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from europenews.analyze.doctext import doc_text
from europenews.analyze.events.casualties import Casualty
from europenews.analyze.events.lexicon import EventLexicon
from europenews.analyze.events.wordnumbers import (
    NumberWords,
    is_number_word,
    is_vague_word,
    parse_words,
)
from europenews.model import EventSource

_SUBJECTS = ("nsubj", "nsubj:pass")
_PASSIVE_SUBJECT = "nsubj:pass"
_SINGULAR_PRONOUNS = frozenset({"il", "elle", "lui"})
_RELATIVES = frozenset({"qui", "que", "lequel", "laquelle", "lesquels", "lesquelles"})
_ONE = frozenset({"un", "une"})
_ZERO = frozenset({"aucun", "aucune", "nul", "nulle"})
_NEGATIONS = frozenset({"pas", "jamais", "aucun", "aucune", "personne", "nullement"})
# Verbs whose subject is the one who dies or disappears (no object: "trois personnes sont mortes").
_INTRANSITIVE = frozenset({"mourir", "décéder", "périr", "succomber", "disparaître", "mort",
                           "morte", "décédé", "disparu", "disparue"})


@dataclass(frozen=True, slots=True)
class TriggerWord:
    """An event word (``finder.Trigger``'s fields, built by the finder)."""

    token: int
    type: str
    weapon: str | None
    new: bool
    plural: bool


def _numbers(lex: EventLexicon) -> NumberWords:
    if lex.numbers is None:  # the loader refuses a "ud" lexicon without numbers.json
        raise ValueError("a lexicon read by udfigures needs its number words")
    return lex.numbers


def _phrase(tokens: list[Token], head_lemma: str) -> str:
    words = [head_lemma, *(t.lower_ for t in tokens)]
    return " ".join(words).replace("' ", "'")


def _trigger_of(tok: Token, lex: EventLexicon) -> tuple[str, str | None] | None:
    """The type and weapon of the longest lexicon phrase headed by ``tok`` (its lemma, then
    a modifier with its preposition and article: *frappe de drone*, *attaque à l'arme
    blanche*), or None."""
    lemma = tok.lemma_.lower()
    best: tuple[int, tuple[str, str | None]] | None = None
    for child in tok.children:
        if child.dep_ not in ("nmod", "amod", "compound", "obl:mod", "obl:arg") or child.i < tok.i:
            continue
        lead = sorted((c for c in child.children if c.dep_ in ("case", "det") and c.i < child.i),
                      key=lambda c: c.i)
        tails = [c for c in child.children if c.dep_ == "amod" and c.i > child.i]
        for word in {child.lemma_.lower(), child.lower_}:
            for extra in ([], [t.lower_ for t in tails]):
                for with_lead in (True, False):
                    parts = [*(c.lower_ for c in lead if with_lead), word, *extra]
                    key = " ".join([lemma, *parts]).replace("' ", "'")
                    hit = lex.triggers.get(key)
                    if hit and (best is None or len(key) > best[0]):
                        best = (len(key), hit)
    if best is not None:
        return best[1]
    return lex.triggers.get(lemma) or lex.triggers.get(tok.lower_)


def ud_triggers(sent: Span, lex: EventLexicon) -> list[TriggerWord]:
    """Event words in a sentence, the longest lexicon phrase per head word."""
    new_words = lex.words.get("new_event_words", frozenset())
    found = []
    for tok in sent:
        if tok.pos_ not in ("NOUN", "VERB", "PROPN"):
            continue
        if tok.dep_ in ("nmod", "amod", "compound") and tok.head.i < tok.i and _trigger_of(
                tok.head, lex) is not None:
            continue  # "frappe de drone": the head word decides, "drone" is no event
        hit = _trigger_of(tok, lex)
        if hit is None:
            continue
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "det")}
        plural = "Plur" in tok.morph.get("Number", [])
        found.append(TriggerWord(tok.i, hit[0], hit[1], bool(mods & new_words), plural))
    return found


# --- counts ------------------------------------------------------------------------------


def _number_run(tok: Token, numbers: NumberWords) -> list[Token]:
    """The number words written just before ``tok`` ("vingt et un soldats", "1 200 morts")."""
    run: list[Token] = []
    i = tok.i - 1
    doc = tok.doc
    while i >= tok.sent.start and (is_number_word(doc[i].text, numbers)
                                   or doc[i].lower_ in numbers.joiners):
        run.insert(0, doc[i])
        i -= 1
    while run and run[0].lower_ in numbers.joiners:
        run.pop(0)
    return run


def _subset(tok: Token, lex: EventLexicon) -> bool:
    """People already counted: "dont deux grièvement", "parmi eux trois enfants"."""
    words = lex.words.get("subset_words", frozenset())
    first = tok.left_edge
    before = tok.doc[first.i - 1] if first.i > tok.sent.start else None
    return any(c.lower_ in words for c in tok.children) or (
        before is not None and before.lower_ in words) or first.lower_ in words


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in _NEGATIONS for c in tok.children)


def _count_one(tok: Token, lex: EventLexicon) -> tuple[int | None, bool]:
    """(count, known) of one phrase head: a number before it, un/une, aucun, a pronoun or a
    name; (None, False) for a vague quantity or a phrase that gives no count."""
    numbers = _numbers(lex)
    low = tok.lower_
    if tok.pos_ == "NUM" or is_number_word(low, numbers):
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if after is not None and after.lower_ in lex.words.get("months", frozenset()):
            return None, False  # « le 1 février »: a date, not a head count
        value = parse_words([*(t.text for t in _number_run(tok, numbers)), tok.text], numbers)
        return _plausible(value, tok)
    if is_vague_word(low, numbers) or is_vague_word(tok.lemma_, numbers):
        return None, False
    if tok.pos_ == "PRON":
        return (1, True) if low in _SINGULAR_PRONOUNS else (None, False)
    run = _number_run(tok, numbers)
    if run and not (len(run) == 1 and run[0].lower_ in _ONE and run[0].dep_ != "det"):
        value = parse_words([t.text for t in run], numbers)
        if value is not None:
            return _plausible(value, run[-1])
    for child in tok.children:
        if child.dep_ == "nummod" and child.i < tok.i:
            return _count_one(child, lex)
        if child.dep_ in ("det", "amod") and is_vague_word(child.lower_, numbers):
            return None, False
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    if dets & _ZERO:
        return 0, True
    if dets & _ONE and "Plur" not in tok.morph.get("Number", []):
        return 1, True
    if tok.pos_ == "PROPN":
        return 1, True
    return None, False


def _plausible(value: int | None, tok: Token) -> tuple[int | None, bool]:
    if value is None or (1900 <= value <= 2100 and tok.text.isdigit()):
        return None, False  # a year, not a head count
    return value, True


def _count(victim: Token, lex: EventLexicon) -> tuple[int | None, bool]:
    """The head count of a victim phrase with its conjoined people ("deux hommes et une
    femme" → 3); those introduced by "dont" are part of the count already."""
    value, known = _count_one(victim, lex)
    if not known:
        return value, known
    total = value or 0
    for conj in victim.conjuncts:
        if conj.i < victim.i or _subset(conj, lex) or not _person(conj, lex):
            continue
        more, ok = _count_one(conj, lex)
        if not ok:
            return None, False
        total += more or 0
    return total, True


def _vague_head(tok: Token, lex: EventLexicon) -> Token | None:
    """"une dizaine de morts": the vague quantity the noun hangs on, or None."""
    numbers = _numbers(lex)
    head = tok.head
    if tok.dep_ == "nmod" and head.i < tok.i and is_vague_word(head.lemma_, numbers):
        return head
    return None


def _person(tok: Token, lex: EventLexicon) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in lex.words["people"] or tok.lower_ in lex.words["people"]:
        return True
    if tok.pos_ == "PRON":  # "il", "elles"; "trois ont été tués" (the number as pronoun)
        return tok.lower_ in _SINGULAR_PRONOUNS or tok.lower_ in ("ils", "elles", "eux") or (
            _count_one(tok, lex)[1])
    if tok.ent_type_ == "PERSON":
        return True
    if tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper() and tok.i > tok.sent.start:
        return tok.ent_type_ not in ("LOC", "GPE", "ORG", "FAC")  # a name, "trois Ukrainiens"
    if tok.pos_ in ("NUM", "ADJ"):  # "trois ont été tués", "deux autres"
        return _count_one(tok, lex)[1] or tok.pos_ == "ADJ"
    return is_vague_word(lemma, _numbers(lex))


# --- figures -----------------------------------------------------------------------------


def _figure(kind: str, victim: Token, pred: Token, lex: EventLexicon,
            count: tuple[int | None, bool] | None = None,
            last: Token | None = None) -> Casualty | None:
    value, known = count if count is not None else _count(victim, lex)
    if not known and not (is_vague_word(victim.lemma_, _numbers(lex))
                          or "Plur" in victim.morph.get("Number", [])):
        return None
    numbers = _numbers(lex)
    # The phrase from its first word ("au moins", the number), not a conjunction before it
    left = next((t for t in victim.subtree
                 if t.dep_ not in ("cc", "punct", "case") or t.i >= victim.i), victim)
    run = _number_run(left, numbers)
    start_tok = run[0] if run else left
    # "une dizaine de morts": the phrase runs to the casualty noun under the quantity
    vague = is_vague_word(victim.lemma_, numbers)
    end_tok = pred if vague and pred.i > victim.i and victim.is_ancestor(pred) else victim
    if end_tok == victim and vague:
        end_tok = next((c for c in victim.children if c.dep_ == "nmod" and c.i > victim.i),
                       victim)  # "une dizaine de personnes"
    end_tok = last if last is not None else end_tok
    names = {c.i for c in victim.children if c.dep_.startswith("flat")}
    while last is None and end_tok.i + 1 in names:  # "Jeanne Morel", not "Jeanne"
        end_tok = victim.doc[end_tok.i + 1]
    start, end = start_tok.idx, end_tok.idx + len(end_tok.text)
    text = doc_text(victim.doc)[start:end]
    perpetrator = victim.lemma_.lower() in lex.words["perpetrators"]
    return Casualty(kind, value if known else None, text, start, end, pred.i,
                    perpetrator=perpetrator)


def _hypothetical(pred: Token, lex: EventLexicon) -> bool:
    heads = lex.words["intent_heads"]
    if pred.dep_ in ("xcomp", "ccomp", "obl:arg", "advcl") and pred.head.lemma_.lower() in heads:
        return True  # "menacé de tuer", "aurait pu tuer", "tenté de tuer"
    return any(c.dep_ == "aux" and c.lemma_.lower() in lex.words["modal_blockers"]
               for c in pred.children)


def _victim(pred: Token, lex: EventLexicon) -> Token | None:
    """Who a casualty verb or adjective is about."""
    if pred.dep_ in ("acl", "amod") and pred.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return pred.head  # "trois personnes tuées", "deux policiers blessés"
    subjects = [c for c in pred.children if c.dep_ in _SUBJECTS and not _subset(c, lex)]
    objects = [c for c in pred.children if c.dep_ == "obj"]
    passive = any(c.dep_ == "aux:pass" for c in pred.children) or (
        "Pass" in pred.morph.get("Voice", []))
    lemma = pred.lemma_.lower()
    victim: Token | None = None
    intransitive = lemma in _INTRANSITIVE or pred.lower_ in _INTRANSITIVE
    if objects and not passive and not intransitive:
        victim = objects[0]  # "l'explosion a tué deux policiers"
    elif subjects and (passive or pred.pos_ == "ADJ" or intransitive):
        victim = subjects[0]
    elif not subjects and pred.dep_ == "conj" and passive:
        victim = _victim(pred.head, lex)  # "ont été blessés puis hospitalisés"
    if victim is not None and victim.lower_ in _RELATIVES and pred.dep_ == "acl:relcl":
        victim = pred.head
    return victim


def _predicate_figure(tok: Token, kind: str, lex: EventLexicon) -> Casualty | None:
    if _hypothetical(tok, lex):
        return None
    victim = _victim(tok, lex)
    if victim is None or not _person(victim, lex):
        return None
    advs = {c.lower_ for c in tok.children if c.dep_ == "advmod"}
    if kind in ("injured", "hit") and advs & lex.words["fatal_advs"]:
        kind = "killed"  # "mortellement blessé"
    elif kind == "hit" and advs & lex.words["nonfatal_advs"]:
        kind = "injured"
    if _negated(tok):
        return _figure(kind, victim, tok, lex, (0, True))
    # "deux hommes et une femme": the parser may give each its own subject arc
    more = [c for c in tok.children if c.dep_ == victim.dep_ and c.i > victim.i
            and c.head == tok and not _subset(c, lex) and _person(c, lex)]
    if not more:
        return _figure(kind, victim, tok, lex)
    counts = [_count(victim, lex), *(_count(c, lex) for c in more)]
    if not all(known for _, known in counts):
        return _figure(kind, victim, tok, lex, (None, False), more[-1])
    return _figure(kind, victim, tok, lex, (sum(v or 0 for v, _ in counts), True), more[-1])


def _noun_figure(tok: Token, kind: str, lex: EventLexicon) -> Casualty | None:
    """"trois morts", "un mort", "sept blessés", "une dizaine de morts", "aucun blessé"."""
    if _subset(tok, lex):
        return None
    vague = _vague_head(tok, lex)
    if vague is not None:
        return _figure(kind, vague, tok, lex, (None, False))
    numbers = _numbers(lex)
    if any(c.dep_ in ("det", "amod", "nummod") and is_vague_word(c.lower_, numbers)
           for c in tok.children):
        return _figure(kind, tok, tok, lex, (None, False))  # "plusieurs blessés"
    count = _count_one(tok, lex)
    if not count[1]:
        if not _negated(tok.head) or tok.dep_ != "obj":
            return None
        count = (0, True)  # "il n'y a pas eu de blessés"
    return _figure(kind, tok, tok, lex, count)


def _life_phrase(tok: Token, lex: EventLexicon) -> bool:
    """"perdre la vie", "trouver la mort": the verb and its object lemma, as listed."""
    phrases = lex.words.get("life_phrases", frozenset())
    lemma = tok.lemma_.lower()
    return any(f"{lemma} {c.lemma_.lower()}" in phrases for c in tok.children if c.dep_ == "obj")


def _noun_kind(tok: Token, lex: EventLexicon) -> str | None:
    for kind in ("killed", "injured", "missing"):
        listed = lex.words.get(f"{kind}_nouns", frozenset())
        if tok.lower_ in listed or tok.lemma_.lower() in listed:
            return kind
    return None


def ud_casualties(sent: Span, lex: EventLexicon) -> list[Casualty]:
    """All casualty figures reported in one sentence."""
    found: list[Casualty] = []
    for tok in sent:
        figure: Casualty | None = None
        noun_kind = _noun_kind(tok, lex) if tok.pos_ in ("NOUN", "PROPN") else None
        if noun_kind is not None:
            figure = _noun_figure(tok, noun_kind, lex)
        elif tok.pos_ in ("VERB", "ADJ", "AUX"):
            if _life_phrase(tok, lex):
                # Only people lose their life: the subject needs no person word ("trois
                # randonneurs"), but places and organisations are not counted.
                subject = next((c for c in tok.children if c.dep_ == "nsubj"
                                and c.ent_type_ not in ("LOC", "GPE", "ORG")), None)
                if subject is not None and not _hypothetical(tok, lex):
                    figure = _figure("killed", subject, tok, lex)
            else:
                kind = lex.kinds.get(tok.lemma_.lower()) or lex.kinds.get(tok.lower_)
                if kind is not None:
                    figure = _predicate_figure(tok, kind, lex)
        if figure is not None:
            found.append(figure)
    low = sent.text.lower()
    if found and any(p in low for p in lex.words["stat_phrases"]):
        return []  # "plus de 500 personnes tuées depuis le début de l'année"
    return found



def ud_source(sent: Span, lex: EventLexicon) -> EventSource | None:
    """Who gave the sentence's figures: the noun phrase after « selon » / « d'après » (the
    lexicon's ``source_cues``), as an entity of the article when it names one."""
    cues = lex.words.get("source_cues", frozenset())
    doc = sent.doc
    for tok in sent:
        if tok.dep_ != "case" or tok.head.i < tok.i:
            continue
        fixed = "".join(c.lower_ for c in tok.children if c.dep_ == "fixed")
        if tok.lower_ not in cues and (tok.lower_ + fixed).replace("’", "'") not in cues:
            continue
        noun = tok.head
        words = [t for t in noun.subtree if t.i > tok.i and t.dep_ != "fixed"
                 and not (t.dep_ == "punct" or t.head.dep_ == "acl:relcl")]
        if not words or words[-1].i - words[0].i > 8:
            continue
        ids = doc._.entity_of_token or {}
        by_id = {e.id: e for e in doc._.entities or ()}
        # The noun's own entity, or a name in apposition (« l'agence Reuters »); not a place
        # inside its complement (« la préfecture du Rhône » is no « Rhône »).
        named = [noun, *(c for c in noun.children if c.dep_ in ("appos", "flat", "flat:name"))]
        for t in named:
            eid = ids.get(t.i)
            if eid is not None and eid in by_id and (t == noun or by_id[eid].type in (
                    "person", "organization")):
                return EventSource(eid, by_id[eid].name)
        return EventSource(None, doc[words[0].i : words[-1].i + 1].text)
    return None
