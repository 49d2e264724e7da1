"""Described people (analyze/entities/described.py), middle initials (namecues.py) and grouping
with gold spans handed over (finder.py)."""

from __future__ import annotations

from spacy.tokens import Span

from tests.analyze.entities.goldnames import entities_with_names


def _entities(nlp, text: str, people: list[tuple[int, int]]):
    """The entities with these character spans as the only PERSON names."""
    return entities_with_names(nlp, text, [(s, e, "PERSON") for s, e in people])


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def test_described_person_joins_the_one_person_it_can_be(nlp):
    text = ("Teodor Vick was arrested on Friday. Vick had escaped from a prison bus. "
            "The Eastbrook man was found in a barn.")
    found = _entities(nlp, text, [_span(text, "Teodor Vick"), _span(text, "Vick", 20),
                                  _span(text, "Eastbrook man")])
    [vick] = [e for e in found if e.name == "Teodor Vick"]
    assert "Eastbrook man" in {m.text for m in vick.mentions}


def test_described_person_of_the_other_gender_stays_apart(nlp):
    text = ("Christopher Dahl was arrested on Friday. Dahl had escaped from a prison bus. "
            "An Eastbrook woman was questioned.")
    found = _entities(nlp, text, [_span(text, "Christopher Dahl"), _span(text, "Dahl", 20),
                                  _span(text, "Eastbrook woman")])
    [dahl] = [e for e in found if e.name == "Christopher Dahl"]
    assert "Eastbrook woman" not in {m.text for m in dahl.mentions}


def test_described_middle_initial_is_no_first_name(nlp):
    names = {e.name for e in nlp("Former President Richard M. Nixon resigned in 1974.")._.entities}
    assert "Richard M. Nixon" in names and "M. Nixon" not in names


def test_described_span_keeps_its_noun():
    import spacy

    from europenews.analyze.entities.canonical import described_person

    nlp = spacy.blank("en")
    doc = nlp.make_doc("the Eastbrook man")
    doc[1].pos_, doc[2].pos_ = "PROPN", "NOUN"
    doc[2].dep_, doc[1].dep_, doc[0].dep_ = "ROOT", "compound", "det"
    doc[1].head = doc[2]
    doc[0].head = doc[2]
    span = Span(doc, 1, 3, label="PERSON")
    noun = described_person(span)
    assert noun is not None and noun.text == "man"


def test_described_person_known_to_agree_goes_before_one_of_unknown_gender(nlp):
    text = ("A Harlow man was convicted on Friday. Prosecutors said Christopher Vick shot "
            "Ka'lia Dunn in 2012. Vick met Dunn at a bar. Dunn was 20.")
    later = text.index("Vick met")
    found = _entities(nlp, text, [_span(text, "Harlow man"), _span(text, "Christopher Vick"),
                                  _span(text, "Ka'lia Dunn"), _span(text, "Vick", later),
                                  _span(text, "Dunn", later), _span(text, "Dunn", later + 20)])
    [vick] = [e for e in found if e.name == "Christopher Vick"]
    assert "Harlow man" in {m.text for m in vick.mentions}


def test_described_nationality_is_the_person_just_named(nlp):
    text = ("Marek Olszak stopped Tony Brandt in the sixth round on Saturday. Olszak floored "
            "Brandt with a right hand, and the 35-year-old Canadian never got up.")
    found = _entities(nlp, text, [_span(text, "Marek Olszak"), _span(text, "Tony Brandt"),
                                  _span(text, "Olszak", 40), _span(text, "Brandt", 60),
                                  _span(text, "Canadian")])
    [brandt] = [e for e in found if e.name == "Tony Brandt"]
    [olszak] = [e for e in found if e.name == "Marek Olszak"]
    assert "Canadian" in {m.text for m in brandt.mentions}
    assert "Canadian" not in {m.text for m in olszak.mentions}


def test_described_nationality_as_a_modifier_stays_apart(nlp):
    text = "Tony Brandt met American officials in Bern on Monday."
    found = _entities(nlp, text, [_span(text, "Tony Brandt")])
    [brandt] = [e for e in found if e.name == "Tony Brandt"]
    assert "American" not in {m.text for m in brandt.mentions}


def test_described_person_in_a_headline_joins_the_person_it_can_be(nlp):
    text = ("Jury Convicts Harlow Man In Death Of Pregnant Girlfriend\n"
            "Christopher Vick was convicted on Friday. Vick had denied the charges.")
    later = text.index("Vick had")
    found = _entities(nlp, text, [_span(text, "Harlow Man"), _span(text, "Girlfriend"),
                                  _span(text, "Christopher Vick"), _span(text, "Vick", later)])
    [vick] = [e for e in found if e.name == "Christopher Vick"]
    assert "Harlow Man" in {m.text for m in vick.mentions}
    assert "Girlfriend" not in {m.text for m in vick.mentions}


def test_described_word_that_ends_a_full_name_is_a_surname(nlp):
    text = "Adam Driver Wins Award\nAdam Driver won the award on Friday. Driver thanked his wife."
    found = _entities(nlp, text, [_span(text, "Adam Driver"), _span(text, "Adam Driver", 20),
                                  _span(text, "Driver", 50)])
    [driver] = [e for e in found if e.name == "Adam Driver"]
    assert "Driver" in {m.text for m in driver.mentions}


def test_club_short_name_before_its_full_name_is_one_organisation(nlp):
    text = ("Falcons beat Harbor in overtime\n"
            "The Brandvik Falcons won 3-2 on Sunday. The Falcons lead the table.")
    doc = nlp.make_doc(text)
    spans = [_span(text, "Falcons"), _span(text, "Brandvik Falcons"),
             _span(text, "Falcons", text.index("The Falcons"))]
    for name, proc in nlp.pipeline:
        if name in ("europenews_gazetteer", "europenews_places", "europenews_quotes",
                    "europenews_events"):
            continue
        doc = proc(doc)
        if name == "ner":
            doc.ents = [doc.char_span(s, e, label="ORG") for s, e in spans]
    orgs = [e for e in doc._.entities if e.type == "organization"]
    assert [len(e.mentions) for e in orgs] == [3]
