"""The brief is built only from what the input holds (pure; hand-made input)."""

from __future__ import annotations

from europenews.briefdata import (
    BriefArticle,
    BriefInput,
    BriefPerson,
    BriefPlace,
    BriefQuote,
)
from europenews.stories.brief import (
    build_brief,
    central_lead,
    central_title,
    lead_sentences,
    quoted_words,
)
from europenews.stories.brief_markdown import brief_markdown
from europenews.storydata import ArticleFigure, Evidence, StoryCasualty

TEXT_1 = ("Harbour bridge closed after ship strike\n\n"
          "A cargo ship struck the harbour bridge in Lowport on Monday, closing it to traffic. "
          "Engineers were inspecting the damage on Monday evening.\n\n"
          "\"The bridge stays closed until we know it is safe,\" mayor Ines Alder said.")
TEXT_2 = ("Lowport bridge shut after cargo ship collision\n\n"
          "The harbour bridge in Lowport was shut on Monday after a cargo ship struck it, "
          "the port authority said. Two crew members were hurt.")


def article(aid: str, title: str, text: str, outlet: str, published: str,
            duplicate_of: str | None = None) -> BriefArticle:
    return BriefArticle(aid, title, f"https://{outlet.lower()}.example/{aid}", published, outlet,
                        "en", duplicate_of, text)


A1 = article("a1", "Harbour bridge closed after ship strike", TEXT_1, "Gazette",
             "2026-05-04T08:00:00Z")
A2 = article("a2", "Lowport bridge shut after cargo ship collision", TEXT_2, "Courier",
             "2026-05-04T09:00:00Z")


def test_brief_one_article_story_gives_its_own_title_lead_and_nothing_invented() -> None:
    brief = build_brief(BriefInput("s1", (A1,)))
    assert brief.headline == A1.title
    assert [x.text for x in brief.lead] == [
        "A cargo ship struck the harbour bridge in Lowport on Monday, closing it to traffic.",
        "Engineers were inspecting the damage on Monday evening."]
    assert brief.speakers == () and brief.figures == () and brief.places == ()
    assert brief.sources.articles == 1 and brief.sources.outlets == (("Gazette", 1),)
    text = brief_markdown(brief)
    assert "## Who said what" not in text and "## Figures" not in text


def test_brief_people_quotes_figures_places_and_timeline_point_to_articles() -> None:
    injured = ArticleFigure("a2", "Courier", A2.published, "injured", 2, 0.95, 0, 40, "two",
                            "port authority")
    casualty = StoryCasualty("injured", 2, 1, 1, ("port authority",), 0.95, True, True,
                             A2.published, (Evidence("a2", "Courier", 5, 20),))
    data = BriefInput(
        "s1", (A1, A2),
        people=(BriefPerson(3, "Ines Alder", ("mayor",), 1, 2),
                BriefPerson(4, "Ola Berg", (), 1, 1)),
        quotes=(BriefQuote("a1", 3, "Ines Alder",
                           "The bridge stays closed until we know it is safe", "direct"),
                BriefQuote("a1", 3, "Ines Alder", "repairs could take weeks to finish",
                           "indirect")),
        places=(BriefPlace("Lowport", "GB", 50.1, -5.0, ("a1", "a2")),
                BriefPlace("Nowhere", None, None, None, ("a2",))),
        casualties=(casualty,), figures=(injured,),
        sentences={("a2", 5, 20): "Two crew members were hurt."},
        event_places={"a2": "Lowport"})
    brief = build_brief(data)
    alder = brief.speakers[0]
    assert (alder.name, alder.roles) == ("Ines Alder", ("mayor",))
    assert alder.quote is not None and alder.quote.source.article == "a1"
    assert [r.text for r in alder.reported] == ["repairs could take weeks to finish"]
    assert brief.speakers[1].quote is None  # named, never quoted: no quote made up
    text = brief_markdown(brief)
    said = text.split("## Who said what", 1)[1].split("##", 1)[0]
    assert "Ines Alder" in said
    assert "- **Ola Berg**" not in said and "Also named: **Ola Berg**" in said
    figure = brief.figures[0]
    assert (figure.value, figure.place, figure.given_by) == (2, "Lowport", ("port authority",))

    assert figure.evidence[0].sentence == "Two crew members were hurt."
    assert [p.name for p in brief.places] == ["Lowport"]  # only located places on the map
    assert brief.timeline[0].speakers == ("Ines Alder",) and brief.timeline[0].figures == ()
    assert brief.timeline[1].figures == ("2 injured",)
    assert brief.timeline[1].places == ("Nowhere",)  # Lowport was reported first by a1
    md = brief_markdown(brief)
    assert "**Ines Alder**, mayor: “The bridge stays closed until we know it is safe”" in md
    assert "**2 wounded** in Lowport, according to port authority" in md


def test_brief_markdown_names_people_apart_when_nobody_said_anything() -> None:
    data = BriefInput("s1", (A1,), people=(BriefPerson(4, "Ola Berg", ("engineer",), 1, 1),))
    text = brief_markdown(build_brief(data))
    assert "## Who said what" not in text
    assert "## People" in text and "Also named: **Ola Berg**, engineer" in text


def test_brief_headline_is_the_most_central_original_title() -> None:
    odd = article("a0", "Weather: sunny spells", "x", "Post", "2026-05-04T07:00:00Z")
    third = article("a3", "Ship strike closes Lowport harbour bridge", TEXT_2, "Wire",
                    "2026-05-04T10:00:00Z")
    copy = article("a4", "Lowport harbour bridge closed after ship strike", TEXT_1, "Copy",
                   "2026-05-04T11:00:00Z", duplicate_of="a1")
    top = central_title([odd, A1, A2, third, copy])
    assert top is not None and top.id in {"a1", "a3"}


def test_brief_lead_skips_headings_and_quoted_words_are_found() -> None:
    text = ("Short heading\n\nBy A. Writer\n\n"
            "The council voted on Tuesday to close the pool. It opens in May.")
    a = article("x", "Short heading", text, "Post", "2026-01-01")
    assert lead_sentences(a) == ["The council voted on Tuesday to close the pool.",
                                 "It opens in May."]
    assert quoted_words("he would “take the fight to them.") == "take the fight to them."
    assert quoted_words("no quotation here") is None


def test_brief_lead_skips_a_list_of_video_clips() -> None:
    text = ("1:06 Harbor mayor credits volunteers for the early lead. Watch\n\n"
            "2:10 Can a new ferry fix the commute? You might be surprised.\n\n"
            "The council voted on Tuesday to close the pool. It opens in May.")
    a = article("x", "Pool closes", text, "Post", "2026-01-01")
    assert lead_sentences(a) == ["The council voted on Tuesday to close the pool.",
                                 "It opens in May."]


def test_brief_lead_of_a_story_in_several_languages_is_in_the_headline_language() -> None:
    # Two reports in Polish agree with each other more than with the English one; the lead
    # under the English headline must still be English.
    english = article("e1", "Harbour bridge closed after ship strike", TEXT_1, "Gazette",
                      "2026-05-04T08:00:00Z")
    polish = [
        BriefArticle(f"p{n}", "Most w porcie zamknięty", f"https://kurier{n}.example/p{n}",
                     "2026-05-04T10:00:00Z", f"Kurier {n}", "pl", None,
                     "Most w porcie zamknięto we wtorek po uderzeniu statku towarowego w filar. "
                     "Kapitan statku został zatrzymany przez policję portową.")
        for n in (1, 2)
    ]
    lead = central_lead([english, *polish])
    assert lead and all(s.source.article == "e1" for s in lead)
    # Without the English article, the Polish reports give the lead.
    assert {s.source.article for s in central_lead(polish)} <= {"p1", "p2"}
