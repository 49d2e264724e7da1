"""Events read from the title when the stored text is page furniture (analyze/events/titles.py)."""

from __future__ import annotations

import pytest

from europenews.analyze.events.titles import sentence_case

FURNITURE = ("Already a subscriber? Sign in to keep reading.\n\n"
             "Get our newsletter delivered to your inbox every morning.")


def _events(nlp, title, text):
    from europenews.analyze.pipeline import make_doc
    from europenews.model import Article

    return nlp(make_doc(nlp, Article(text, title=title)))._.events


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Three Hurt As Van Hits Shelter In Ames", "Three hurt as van hits shelter in ames"),
        ("Two hurt as van hits shelter in Riverton", "Two hurt as van hits shelter in Riverton"),
        ("UPDATE: NYPD Probes Late Night Blaze", "UPDATE: NYPD probes late night blaze"),
        ("Fire Out", "Fire Out"),
    ],
    ids=["title-case", "sentence-case-kept", "capitals-kept", "too-short"],
)
def test_sentence_case(title, expected):
    assert sentence_case(title) == expected


@pytest.mark.parametrize(
    ("title", "killed", "injured"),
    [
        ("Man Found Shot Dead Outside Corner Store In Millbrook", 1, None),
        ("2 killed, 4 hurt when gunfire erupts at backyard party", 2, 4),
        ("Deputies investigate double fatal shooting near Pine Lake", 2, None),
        ("Three people wounded in parking lot shooting", None, 3),
    ],
    ids=["shot-dead", "killed-and-hurt", "double-fatal", "injured-only"],
)
def test_title_gives_the_event_when_the_text_is_furniture(nlp, title, killed, injured):
    events = _events(nlp, title, FURNITURE)
    assert events, title
    main = events[0]
    assert (main.killed, main.injured) == (killed, injured)
    # The evidence is the title: it is the event's text, and no offsets point into the body.
    assert main.text == title and (main.start, main.end) == (0, 0)
    assert all((f.start, f.end) == (0, 0) for f in main.figures)
    assert main.place is None


def test_text_count_stands_when_the_title_gives_fewer(nlp):
    text = "Two men were shot and killed outside a bar on Friday night, police said."
    [event] = _events(nlp, "Man dead in bar shooting", text)
    assert event.killed == 2 and event.text.startswith("Two men")


def test_a_larger_title_toll_becomes_the_count_with_the_title_feature(nlp):
    from europenews.analyze.events.confidence import FEATURES
    from europenews.analyze.events.lexicon import load_event_lexicon
    from europenews.analyze.events.titles import events_and_title, parse_title
    from europenews.analyze.pipeline import make_doc
    from europenews.model import Article

    lex = load_event_lexicon()
    text = "A woman was killed in the house on Elm Street on Sunday, deputies said."
    doc = nlp(make_doc(nlp, Article(text, title="Man kills wife, son and himself on Elm Street")))
    found = events_and_title(doc, lex, lambda: parse_title(nlp, "europenews_events", doc))
    event, options = found[0]
    assert event.killed == 3 and event.text.startswith("A woman")  # evidence stays the text's
    [option] = options["killed"]
    assert option.features[FEATURES.index("title_inferred")] == 1.0
    assert option.features[FEATURES.index("title_only")] == 0.0


def test_title_without_figures_gives_no_event(nlp):
    assert _events(nlp, "Council approves new budget for the harbour", FURNITURE) == []


def test_title_only_figures_carry_the_title_feature(nlp):
    from europenews.analyze.events.lexicon import load_event_lexicon
    from europenews.analyze.events.titles import events_and_title, parse_title
    from europenews.analyze.pipeline import make_doc
    from europenews.model import Article

    lex = load_event_lexicon()
    doc = nlp(make_doc(nlp, Article(FURNITURE, title="Woman killed in Oak Street shooting")))
    [(event, options)] = events_and_title(doc, lex, lambda: parse_title(nlp, "europenews_events",
                                                                          doc))
    from europenews.analyze.events.confidence import FEATURES

    [option] = options["killed"]
    assert event.killed == 1
    assert option.features[FEATURES.index("title_only")] == 1.0
