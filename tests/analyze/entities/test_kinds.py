"""Kinds decided with the whole article (analyze/entities/kinds.py): only people are people."""

from __future__ import annotations

import pytest


def _people(nlp, text: str) -> list[str]:
    return [e.name for e in nlp(text)._.entities if e.type == "person"]


@pytest.mark.parametrize(
    "text",
    [
        "Sgt. said the road was closed after the crash near the bridge on Monday night.",
        "Police said on Twitter that the road was closed. Twitter users shared photos.",
        "Please enable Javascript to view this page.\nThe council met on Monday.",
        "The injured were taken to Ostrava Memorial Hospital on Monday night.",
        "The crash happened on N. Harbor Vale Avenue late on Monday.",
    ],
    ids=["rank-alone", "platform", "script-notice", "hospital", "street"],
)
def test_kinds_no_person_where_the_article_names_none(nlp, text):
    assert _people(nlp, text) == []


def test_kinds_masthead_and_heading_are_no_entities(nlp):
    text = ("Nordwire\n\nLeaders Meet in Tallinn to Discuss Energy\n\nEstonian Prime Minister "
            "Kristen Michal met Latvian leaders in Tallinn on Monday to discuss energy.\n\n"
            "The Long Road to Energy Independence\n\nThe talks will go on in Riga next week.")
    names = {e.name for e in nlp(text)._.entities}
    assert "Nordwire" not in names
    assert not any("Road" in n for n in names)
    assert "Kristen Michal" in names


def test_kinds_a_name_with_an_age_is_a_person(nlp):
    text = "Jordan Hale, 34, was arrested on Tuesday after the robbery in Eastbrook."
    assert "Jordan Hale" in _people(nlp, text)


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        # A news site's caption: a "Buy Photo" button before and after, the credit in brackets.
        ("Buy Photo Red Cross volunteers gather at the scene of Sunday's shooting. (Photo: "
         "Marta Quill / The Harbor Vale Ledger)Buy Photo\n\nTwo men were hurt in a "
         "shooting on Sunday, Sgt. Dana Ortiz of the Harbor Vale Police said.",
         ("Buy", "Photo", "Ledger")),
        # A photo gallery run into the text: credit, outlet, counters and buttons on one line.
        ("Photo: Marta Quill, Harbor Vale Ledger Image 1 of / 8 Caption Close Image 1 of 8 "
         "A victim is carried to an ambulance after the shooting on Sunday. Photo: Marta "
         "Quill, Harbor Vale Ledger Image 2 of 8\n\nTwo men were hurt in a shooting on "
         "Sunday, Sgt. Dana Ortiz of the Harbor Vale Police said. The scene on Monday. "
         "(Marta Quill / Harbor Vale Ledger)",
         ("Ledger", "Image", "Caption")),
    ],
    ids=["caption", "flattened-gallery"],
)
def test_kinds_a_photo_credit_names_nothing(nlp, text, furniture):
    names = {e.name for e in nlp(text)._.entities}
    assert not any(word in n for n in names for word in furniture), names
    assert "Marta Quill" not in names
    assert "Dana Ortiz" in names


def test_kinds_a_credit_line_and_a_highlights_heading_name_nothing(nlp):
    text = ("Two men were hurt in a shooting late on Sunday. | Photo by Marta Quill\n\n"
            "Story Highlights Dana Ortiz, 41, was arrested on Monday\n\nA photo by the river "
            "shows the car, Sgt. Lee Brandt said.")
    names = {e.name for e in nlp(text)._.entities}
    assert "Marta Quill" not in names
    assert not any("Story" in n or "Highlights" in n for n in names), names
    assert "Dana Ortiz" in names and "Lee Brandt" in names


@pytest.mark.parametrize(
    "text",
    ["Lena Holm, 66, of Varnhem, was walking into the store.",
     "Police said a 66-year-old Varnhem woman died on Monday."],
    ids=["hometown", "resident"],
)
def test_kinds_a_home_town_is_no_person(nlp, text):
    assert "Varnhem" not in _people(nlp, text)


def test_kinds_a_copyright_line_names_no_organisation(nlp):
    text = ("The fire was put out by midnight, the fire department said.\n\n"
            "Copyright Associated Press / Channel 4 Riverton")
    names = {e.name for e in nlp(text)._.entities}
    assert not any("Copyright" in n for n in names)


@pytest.mark.parametrize(
    "text",
    ['"We do not know why he did it," said Bloomington Police Sgt. Mike Harris.',
     "Bloomington Police Sgt Mike Harris said the man was arrested on Friday."],
    ids=["rank-ends-a-span", "rank-inside-a-span"],
)
def test_kinds_a_rank_is_the_title_of_the_name_after_it(nlp, text):
    people = _people(nlp, text)
    assert people == ["Mike Harris"]


def test_kinds_a_thing_named_short_is_no_person(nlp):
    text = ("The singer checked into Morningside Recovery in Newport Beach on Monday, her "
            "lawyer said. Unfortunately, Morningside is unlicensed. She pulled up to Morningside "
            "in a black SUV but left without going inside. Prosecutors have not approved "
            "Morningside.")
    assert "Morningside" not in _people(nlp, text)


def test_kinds_a_person_who_shares_a_word_with_a_building_stays_a_person(nlp):
    text = ("Protesters gathered outside Halvorsen Tower on Monday. Mr. Halvorsen said the "
            "building would stay open. Halvorsen later left for Oslo.")
    assert "Halvorsen" in _people(nlp, text)


def _names(nlp, text: str, kind: str | None = None) -> set[str]:
    return {e.name for e in nlp(text)._.entities if kind is None or e.type == kind}


def test_kinds_a_dateline_is_a_place_never_a_person(nlp):
    text = (
        "BRANDVALE, Lassen County (KXYZ 7) — Two men were hurt in a shooting outside a bar "
        "on Friday, police said.\n\nOfficers in Brandvale arrested a suspect, and the "
        "Brandvale police station stayed open all night."
    )
    doc = nlp(text)
    assert not any("brandvale" in e.name.lower() for e in doc._.entities if e.type == "person")
    # One place, named as the text writes it outside the dateline's capitals.
    assert [e.name for e in doc._.entities if e.name.lower() == "brandvale"] == ["Brandvale"]
    assert any(e.name == "Brandvale" and e.type == "place" for e in doc._.entities)


def test_kinds_notice_and_promotion_lines_name_nothing(nlp):
    text = (
        "A man was wounded in a shooting on Oak Street on Sunday, police said.\n\n"
        "MORE COVERAGE: Fatal Riverbend shooting leaves family searching for answers\n\n"
        "TM and © 2015 Northwind Radio Inc. STAR Logo TM and Copyright 2015 Northwind "
        "Broadcasting Inc. All Rights Reserved."
    )
    names = _names(nlp, text)
    assert not any("Logo" in n or "Copyright" in n or "Northwind" in n for n in names)
    assert not any("Riverbend" in n for n in _names(nlp, text, "person"))


def test_kinds_a_byline_names_no_one_the_story_is_about(nlp):
    text = (
        "Woman shot outside grocery store\n\nHARMON QUIGLEY\n\nA woman was shot in the arm "
        "outside a grocery store on Monday night, police said. Officer Dana Cole said the "
        "gunman fled on foot."
    )
    people = _names(nlp, text, "person")
    assert "Dana Cole" in people
    assert not any("QUIGLEY" in n.upper() for n in people)


def test_kinds_police_are_no_person(nlp):
    text = "Police say the call came at about 10 p.m. Harbor Police say two men were hurt."
    assert _people(nlp, text) == []


def test_kinds_a_promotion_is_furniture_but_a_title_is_not(nlp):
    text = (
        "UPDATE: Brandvale man charged after shooting - Brandvale, Ohio\n\n"
        "Officer Dana Cole said the man was charged on Monday."
    )
    assert "Ohio" in _names(nlp, text, "place")  # the title keeps its places


def test_kinds_a_person_named_before_a_comma_and_a_hospital_is_the_hospital(nlp):
    text = (
        "The wounded man was taken to Harold T. Brenner, Jr. Hospital of Dane County, where "
        "he was listed in stable condition."
    )
    assert "Harold T. Brenner" not in _people(nlp, text)


def test_kinds_a_surname_alone_that_names_a_hospital_here_is_the_hospital(nlp):
    text = (
        "Two men were shot on the West Side on Sunday. One was taken to Harold T. Brenner Jr. "
        "Hospital in critical condition. The other man was rushed to Brenner, where he was "
        "listed in stable condition."
    )
    assert not any("Brenner" in name for name in _people(nlp, text))


def _decided(words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """``decide_kinds`` over a hand-built Doc (no model): (text, label) of each name kept."""
    import spacy
    from spacy.tokens import Doc, Span

    from europenews.analyze.entities.kinds import decide_kinds
    from europenews.analyze.entities.lexicon import load_entity_lexicon

    doc = Doc(spacy.blank("en").vocab, words=words)
    lexicon = load_entity_lexicon()
    assert lexicon.kinds is not None
    kept = decide_kinds(doc, [Span(doc, a, b, label=label) for a, b, label in spans],
                        lexicon.kinds, lexicon.titles.heads)
    return [(s.text, s.label_) for s in kept]


def test_kinds_a_rank_of_two_words_lends_no_surname_to_the_rank_alone():
    # The model sometimes reads "Gunnery Sgt" and, elsewhere, "Sgt" alone as people: the first
    # is itself a title and must not make "Sgt" a surname that keeps the second.
    words = ["Gunnery", "Sgt", "spoke", ".", "Sgt", ".", "Nolan", "Pierce", "died", "."]
    kept = [text for text, _ in _decided(words, [(0, 2, "PERSON"), (4, 5, "PERSON"),
                                                 (6, 8, "PERSON")])]
    assert "Sgt" not in kept
    assert "Nolan Pierce" in kept


def test_kinds_a_street_named_in_french_order_is_no_person():
    # The model reads "Avenue Montaigne" as a person in some sentences; a street word opening a
    # name makes it a street whatever the model said ("Rue" is also a first name: not a rule).
    words = ["Thieves", "fled", "down", "Avenue", "Montaigne", "past", "Rue", "Halden", "."]
    kept = dict(_decided(words, [(3, 5, "PERSON"), (6, 8, "PERSON")]))
    assert kept["Avenue Montaigne"] == "FAC"
    assert kept["Rue Halden"] == "PERSON"
    # ... and as an organisation in others.
    words = ["Jewels", "were", "taken", "on", "Boulevard", "Haussmann", "."]
    assert dict(_decided(words, [(4, 6, "ORG")]))["Boulevard Haussmann"] == "FAC"


def test_kinds_a_force_rank_inside_an_organisation_splits_body_and_person():
    # With "Capt." one token the model reads "State Police Capt. Dana Cole" as one
    # organisation, or the name after "Cpl." as another: the rank ends the body's name.
    words = ["State", "Police", "Capt.", "Dana", "Cole", "spoke", ";", "Hill", "Police", "Cpl.",
             "Ian", "Moss", "and", "Dr", "Pepper", "too", "."]
    kept = dict(_decided(words, [(0, 5, "ORG"), (7, 10, "ORG"), (10, 12, "ORG"),
                                 (13, 15, "ORG")]))
    assert kept == {"State Police": "ORG", "Dana Cole": "PERSON", "Hill Police": "ORG",
                    "Ian Moss": "PERSON", "Dr Pepper": "ORG"}


def test_kinds_a_plural_after_the_is_a_team_not_a_person():
    # The model reads a team's name as a person in some sentences ("The Jaguars had two
    # chances"); a person's name takes no article and is not plural.
    words = ["The", "Falcons", "had", "two", "chances", ",", "the", "Moss", "said", ".",
             "Coach", "Dana", "Ortiz", "agreed", "."]
    kept = dict(_decided(words, [(1, 2, "PERSON"), (7, 8, "PERSON"), (11, 13, "PERSON")]))
    assert kept["Falcons"] == "ORG"
    assert kept["Dana Ortiz"] == "PERSON"
    assert kept.get("Moss") != "ORG"  # not plural: the earlier "at the Sapphire" rule's case


@pytest.mark.parametrize(
    ("words", "name", "home"),
    [(["Police", "named", "Lena", "Marie", "Holm", "of", "Varnhem", "."], (2, 5), 6),
     (["Lena", "Holm", ",", "of", "Varnhem", ",", "was", "hit", "."], (0, 2), 4),
     (["Lena", "Holm", "from", "Varnhem", "spoke", "."], (0, 2), 3)],
    ids=["of", "comma-of", "from"],
)
def test_kinds_a_town_after_a_full_name_and_of_is_a_place(words, name, home):
    # The model reads the home town in "LuAnn Marie Johnson, of Burnsville" as a person.
    kept = dict(_decided(words, [(*name, "PERSON"), (home, home + 1, "PERSON")]))
    assert kept == {" ".join(words[name[0]:name[1]]): "PERSON", words[home]: "GPE"}


def test_kinds_one_word_after_of_is_a_person_when_no_full_name_comes_before():
    words = ["The", "wife", "of", "Holm", "spoke", "."]
    assert dict(_decided(words, [(3, 4, "PERSON")])) == {"Holm": "PERSON"}


@pytest.mark.parametrize("rank", ["Coroner", "Constable"])
def test_kinds_a_local_office_before_a_name_is_its_title(rank):
    words = [rank, "Gary", "Hale", "said", "the", "man", "died", "."]
    assert _decided(words, [(0, 3, "PERSON")]) == [("Gary Hale", "PERSON")]


def test_kinds_a_plural_name_after_the_makes_a_team_of_every_person_ending_in_it():
    import spacy
    from spacy.tokens import Doc, Span

    from europenews.analyze.entities.kinds import decide_kinds
    from europenews.analyze.entities.lexicon import load_entity_lexicon

    words = ["Marlow", "Bulldogs", "lost", ".", "Dana", "Cole", "scored", "for", "the",
             "stubborn", "Bulldogs", ".", "Bulldogs", "coach", "Ian", "Moss", "left", "."]
    tags = ["NNP", "NNPS", "VBD", ".", "NNP", "NNP", "VBD", "IN", "DT", "JJ", "NNPS", ".",
            "NNPS", "NN", "NNP", "NNP", "VBD", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags)
    lexicon = load_entity_lexicon()
    assert lexicon.kinds is not None
    spans = [Span(doc, 0, 2, label="PERSON"), Span(doc, 4, 6, label="PERSON"),
             Span(doc, 12, 13, label="PERSON"), Span(doc, 14, 16, label="PERSON")]
    kept = dict((s.text, s.label_) for s in decide_kinds(doc, spans, lexicon.kinds,
                                                         lexicon.titles.heads))
    assert kept == {"Marlow Bulldogs": "ORG", "Dana Cole": "PERSON", "Bulldogs": "ORG",
                    "Ian Moss": "PERSON"}


def test_kinds_a_person_named_beside_a_things_noun_is_that_thing():
    import spacy
    from spacy.tokens import Doc, Span

    from europenews.analyze.entities.kinds import decide_kinds
    from europenews.analyze.entities.lexicon import load_entity_lexicon

    words = ["Servers", "use", "Zenox", "chips", ".", "Zenox", "runs", "hot", ".", "Ann", "Lee",
             "won", "a", "Tony", "Award", "."]
    heads = [1, 1, 3, 1, 1, 6, 6, 6, 6, 10, 11, 11, 14, 14, 11, 11]
    deps = ["nsubj", "ROOT", "compound", "dobj", "punct", "nsubj", "ROOT", "acomp", "punct",
            "compound", "nsubj", "ROOT", "det", "compound", "dobj", "punct"]
    pos = ["NOUN", "VERB", "PROPN", "NOUN", "PUNCT", "PROPN", "VERB", "ADJ", "PUNCT", "PROPN",
           "PROPN", "VERB", "DET", "PROPN", "PROPN", "PUNCT"]
    lemmas = ["server", "use", "Zenox", "chip", ".", "Zenox", "run", "hot", ".", "Ann", "Lee",
              "win", "a", "Tony", "Award", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
              lemmas=lemmas)
    lexicon = load_entity_lexicon()
    assert lexicon.kinds is not None
    spans = [Span(doc, 2, 3, label="PERSON"), Span(doc, 5, 6, label="PERSON"),
             Span(doc, 9, 11, label="PERSON"), Span(doc, 13, 15, label="PERSON")]
    kept = [(s.text, s.label_) for s in decide_kinds(doc, spans, lexicon.kinds,
                                                     lexicon.titles.heads)]
    assert kept == [("Zenox", "PRODUCT"), ("Zenox", "PRODUCT"), ("Ann Lee", "PERSON"),
                    ("Tony Award", "EVENT")]


def test_kinds_a_verb_opening_the_sentence_is_not_part_of_the_name():
    import spacy
    from spacy.tokens import Doc, Span

    from europenews.analyze.entities.kinds import decide_kinds
    from europenews.analyze.entities.lexicon import load_entity_lexicon

    words = ["Check", "Harbor", "Radio", "for", "news", ".", "North", "Vale", "voted", "."]
    tags = ["VB", "NNP", "NNP", "IN", "NN", ".", "NNP", "NNP", "VBD", "."]
    starts = [True, False, False, False, False, False, True, False, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, sent_starts=starts)
    lexicon = load_entity_lexicon()
    assert lexicon.kinds is not None
    spans = [Span(doc, 0, 3, label="ORG"), Span(doc, 6, 8, label="GPE")]
    kept = [s.text for s in decide_kinds(doc, spans, lexicon.kinds, lexicon.titles.heads)]
    assert kept == ["Harbor Radio", "North Vale"]


def _kinds_of(words, spans, **attrs):
    """decide_kinds over a hand-parsed doc (``attrs``: tags, heads, deps, pos, lemmas)."""
    import spacy
    from spacy.tokens import Doc, Span

    from europenews.analyze.entities.kinds import decide_kinds
    from europenews.analyze.entities.lexicon import load_entity_lexicon

    doc = Doc(spacy.blank("en").vocab, words=words, **attrs)
    lexicon = load_entity_lexicon()
    assert lexicon.kinds is not None
    names = [Span(doc, s, e, label=label) for s, e, label in spans]
    return [(s.text, s.label_) for s in decide_kinds(doc, names, lexicon.kinds,
                                                     lexicon.titles.heads)]


def test_kinds_a_family_owning_a_thing_after_the_is_no_team():
    # "the Pellows' farm" names a family, not a team: Ann Pellows stays a person.
    words = ["Ann", "Pellows", "rode", "to", "the", "Pellows", "'", "farm", "."]
    kept = _kinds_of(words, [(0, 2, "PERSON")],
                     tags=["NNP", "NNP", "VBD", "IN", "DT", "NNPS", "POS", "NN", "."],
                     heads=[1, 2, 2, 2, 5, 7, 5, 3, 2],
                     deps=["compound", "nsubj", "ROOT", "prep", "det", "poss", "case", "pobj",
                           "punct"])
    assert kept == [("Ann Pellows", "PERSON")]


def test_kinds_a_name_read_as_a_person_once_is_no_team():
    # "The Hollis were home" may be a family as well as a team; "Dana Hollis said" settles it.
    words = ["The", "Hollis", "were", "home", ".", "Dana", "Hollis", "said", "no", "."]
    kept = _kinds_of(words, [(5, 7, "PERSON")],
                     tags=["DT", "NNPS", "VBD", "RB", ".", "NNP", "NNP", "VBD", "UH", "."],
                     heads=[1, 2, 2, 2, 2, 6, 7, 7, 7, 7],
                     deps=["det", "nsubj", "ROOT", "advmod", "punct", "compound", "nsubj",
                           "ROOT", "intj", "punct"],
                     lemmas=["the", "Hollis", "be", "home", ".", "Dana", "Hollis", "say", "no",
                             "."])
    assert kept == [("Dana Hollis", "PERSON")]


def test_kinds_a_business_noun_ending_a_name_and_an_authors_name_stay_people():
    # "Brand" ends people's names; "a Dana Cole novel" is Dana Cole's. A work's name set beside
    # its noun ("the sequel, Moon Harbor") is the work.
    words = ["Ivo", "Brand", "read", "a", "Dana", "Cole", "novel", "and", "the", "sequel", ",",
             "Moon", "Harbor", "."]
    kept = _kinds_of(words, [(0, 2, "PERSON"), (4, 6, "PERSON"), (11, 13, "PERSON")],
                     tags=["NNP", "NNP", "VBD", "DT", "NNP", "NNP", "NN", "CC", "DT", "NN", ",",
                           "NNP", "NNP", "."],
                     pos=["PROPN", "PROPN", "VERB", "DET", "PROPN", "PROPN", "NOUN", "CCONJ",
                          "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT"],
                     heads=[1, 2, 2, 6, 5, 6, 2, 6, 9, 6, 9, 12, 9, 2],
                     deps=["compound", "nsubj", "ROOT", "det", "compound", "compound", "dobj",
                           "cc", "det", "conj", "punct", "compound", "appos", "punct"],
                     lemmas=["Ivo", "Brand", "read", "a", "Dana", "Cole", "novel", "and", "the",
                             "sequel", ",", "Moon", "Harbor", "."])
    assert kept == [("Ivo Brand", "PERSON"), ("Dana Cole", "PERSON"),
                    ("Moon Harbor", "WORK_OF_ART")]


def test_kinds_a_name_ending_in_club_is_a_business_not_a_person(nlp):
    text = "The Bloomington Sam's Club said Monday it would close early."
    assert "Bloomington Sam's Club" not in _people(nlp, text)


def test_kinds_a_full_name_read_as_a_person_once_is_a_person_everywhere():
    words = ["Oskar", "Veldman", "won", ".", "Fans", "cheered", "Oskar", "Veldman", ",", "and",
             "Veldman", "thanked", "them", "."]
    decided = _decided(words, [(0, 2, "PERSON"), (6, 8, "GPE"), (10, 11, "NORP")])
    assert decided == [("Oskar Veldman", "PERSON"), ("Oskar Veldman", "PERSON"),
                       ("Veldman", "PERSON")]


def test_kinds_a_nationality_stays_one_beside_people():
    words = ["Oskar", "Veldman", "met", "the", "Estonian", "delegation", "."]
    decided = _decided(words, [(0, 2, "PERSON"), (4, 5, "NORP")])
    assert ("Estonian", "NORP") in decided


def test_kinds_a_paper_is_no_person():
    # The model reads a paper's name as a person's ("Gazette news partner KTVX reports"):
    # a press word ends an organisation's name, and alone it names nobody.
    words = ["Gazette", "news", "partner", "KTVX", "reports", ";", "the", "Eastbrook",
             "Tribune", "agreed", "."]
    kept = dict(_decided(words, [(0, 1, "PERSON"), (3, 4, "ORG"), (7, 9, "PERSON")]))
    assert kept.get("Gazette", "ORG") == "ORG"
    assert kept["Eastbrook Tribune"] == "ORG"
