"""Page furniture lines and datelines (analyze/entities/furniture.py), on lines written here."""

from __future__ import annotations

from europenews.analyze.entities.furniture import dateline_names, furniture_lines

TEXT = (
    "UPDATE: Brandvale man charged - Brandvale, Ohio\n"
    "BRANDVALE, Lassen County (KXYZ 7) — A man was charged on Monday.\n"
    "NATO (the alliance) said little.\n"
    "SMITH: We never said so.\n"
    "MORE COVERAGE: Fatal Riverbend shooting leaves family searching\n"
    "By Ann Lee, Daily Ledger\n"
    "HARMON QUIGLEY\n"
    "TM and © 2015 Northwind Radio Inc. All Rights Reserved.\n"
    "The mayor said the café’s owner had been warned."
)


def _lines(text: str) -> list[str]:
    return [text[s:e] for s, e in furniture_lines(text)]


def test_furniture_notices_promotions_and_bylines_but_not_the_title_or_a_transcript():
    assert _lines(TEXT) == [
        "MORE COVERAGE: Fatal Riverbend shooting leaves family searching",
        "By Ann Lee, Daily Ledger",
        "HARMON QUIGLEY",
        "TM and © 2015 Northwind Radio Inc. All Rights Reserved.",
    ]


def test_furniture_a_notice_in_a_long_line_takes_the_rest_of_the_line_only():
    report = "A man was shot on Oak Street, police said. " * 12
    text = report + "Copyright 2015 Daily Ledger. All rights reserved."
    [(start, end)] = furniture_lines(text)
    assert text[start:end].startswith("Copyright 2015") and end == len(text)


def test_furniture_a_trademark_sign_in_a_sentence_is_no_notice():
    assert furniture_lines("Title\nHe was taken to St. Maryâ€™s Hospital.") == []  # mojibake
    assert furniture_lines("Title\nThe new Quillchip™ cores ship in May, Quillbyte said.") == []


def test_furniture_datelines_name_their_town():
    assert dateline_names(TEXT) == frozenset({"brandvale"})
    assert dateline_names("NEW YORK (AP) — Stocks fell.\nLOUISVILLE, KY--(Wire) Shares") == {
        "new york",
        "louisville",
    }


def test_furniture_a_list_of_video_clips_but_not_a_live_blogs_clock_or_one_time():
    clips = ("Police say the shop was robbed on Friday.\n"
             "1:49 Harbor town mayor Lena Holm says the pier will reopen\n"
             "2:51 \"We did not know,\" says a neighbour\n"
             "1:13 p.m.\n"
             "The clerk was unhurt.")
    assert _lines(clips) == ["1:49 Harbor town mayor Lena Holm says the pier will reopen",
                             "2:51 \"We did not know,\" says a neighbour"]
    one = "Police say the shop was robbed.\n4:15 is when the alarm rang, the clerk said."
    assert _lines(one) == []


def test_furniture_a_timeline_in_capital_pm_or_a_24_hour_clock_is_the_articles_text():
    # A report's own chronology ("10:03 PM - officers arrived") or a live blog on a 24-hour
    # clock is text; its names and quotations are the article's.
    timeline = ("Officers were called to the pier.\n"
                "10:03 PM - the first two officers reached the gate\n"
                "10:17 PM the sergeant called for a dog unit\n"
                "10:32 PM the man stopped answering his phone")
    assert _lines(timeline) == []
    blog = ("Storm live.\n"
            "14:05 Harbor mayor Lena Holm closes the pier\n"
            "14:30 \"Stay home,\" says the fire chief\n"
            "15:10 Ferries stop for the night")
    assert _lines(blog) == []
    videos = ("Storm live.\n"
              "2:05 Harbor mayor Lena Holm closes the pier\n"
              "0:30 \"Stay home,\" says the fire chief\n"
              "1:10 Ferries stop for the night")
    assert len(_lines(videos)) == 3


def test_furniture_an_e_acute_in_the_wrong_encoding_is_no_copyright_sign():
    # "cafÃ©" is "café" misread: the line is the article's (its names and quotations too).
    for cafe in ("caf\u00c3\u00a9", "cafA\u0303\u00a9"):
        text = f"Title\n''The {cafe} will reopen,'' said Lena Holm, the owner."
        assert furniture_lines(text) == []
    assert _lines("Title\nPhoto \u00a9 2014 Harbor Radio") == ["Photo \u00a9 2014 Harbor Radio"]
