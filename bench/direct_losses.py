"""Where gold direct quotes lose their right speaker (called by ``bench/train_reports.py``).

Every gold direct quote (content with a quotation mark, as ``eval quotes`` counts them) that the
final quotes do not give with its right speaker falls in the first class that holds:
``decoder_chose_wrong`` (a marks-side proposal for one of its quotations would have been right,
another was taken or none: the rules' order, or ``claims_decoder.py``'s pick), ``wrong_speaker``
(a quote matches it, overlap 0.5, with the wrong speaker or none), ``wrong_bounds`` (a quote
shares words with it but matches under 0.5), ``no_candidate`` (no quote touches it).
"""

from __future__ import annotations

from spacy.tokens import Doc

from claims_decoder import Record, decoding
from europenews.analyze.quotes import QuoteLexicon, find_quotes
from europenews.analyze.quotes.chooser import SpeakerModel
from europenews.analyze.quotes.finder import _to_quote
from europenews.evaluate.polnear import GoldAttribution, GoldDoc
from europenews.evaluate.quotes import QUOTE_MARKS, _speaker_ok, match, tokens
from europenews.model import Quote


def _right(text: str, quote: Quote, g: GoldAttribution) -> bool:
    qt, gt = tokens(text, quote.spans), tokens(text, g.content)
    return bool(gt) and len(qt & gt) / max(len(qt), len(gt)) >= 0.5 and _speaker_ok(text, quote, g)


def losses(golds: list[GoldDoc], docs: list[Doc], lex: QuoteLexicon,
           decoders: list[SpeakerModel | None], final: list[list[Quote]],
           nobody_only: bool = False) -> dict[str, int]:
    """The lost gold direct quotes by class; ``decoders``: each article's (None: the order)."""
    out = {"decoder_chose_wrong": 0, "wrong_speaker": 0, "wrong_bounds": 0, "no_candidate": 0}
    for gold, doc, decoder, quotes in zip(golds, docs, decoders, final, strict=True):
        text = gold.text
        pairs = dict((j, i) for i, j in match(text, quotes, gold.attributions, 0.5))
        record: Record = []
        with decoding(decoder, record, nobody_only):
            find_quotes(doc, lex)
        proposed = [_to_quote(doc, text, o.draft) for found in record for o in found]
        for j, g in enumerate(gold.attributions):
            if not any(m in text[s:e] for s, e in g.content for m in QUOTE_MARKS):
                continue
            if j in pairs and _speaker_ok(text, quotes[pairs[j]], g):
                continue
            gt = tokens(text, g.content)
            if any(_right(text, q, g) for q in proposed):
                out["decoder_chose_wrong"] += 1
            elif j in pairs:
                out["wrong_speaker"] += 1
            elif any(tokens(text, q.spans) & gt for q in quotes):
                out["wrong_bounds"] += 1
            else:
                out["no_candidate"] += 1
    return out
