"""A story figure's evidence link on the page: a sentence is marked, the title is named
(a figure read from the title of a page whose text reports none; issue 16)."""

from __future__ import annotations

from europenews.storydata import Evidence, StoryCasualty
from europenews.web.app import make_templates


def _render(evidence: Evidence) -> str:
    figure = StoryCasualty("killed", 2, 1, 1, (), 0.91, True, True, "2026-11-20", (evidence,))
    template = make_templates().env.get_template("_figure.html")
    return template.render(f=figure.to_dict())


def test_a_sentence_evidence_links_the_marked_sentence():
    html = _render(Evidence("a1", "Herald", 10, 80))
    assert "/articles/a1?mark=10-80#mark" in html and "the title" not in html


def test_a_title_evidence_names_the_title_and_marks_nothing():
    html = _render(Evidence("a1", "Herald", 0, 0))
    assert "evidence: the title" in html and "mark=" not in html and "/articles/a1" in html
