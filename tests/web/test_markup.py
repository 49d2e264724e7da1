from __future__ import annotations

import pytest

from europenews.web.markup import Span, article_spans, highlight


def test_markup_highlight_escapes_every_piece():
    text = '<script>x</script> said "<img src=x onerror=alert(1)>" & left'
    html = str(highlight(text, [Span(20, 52, "quote")], [Span(0, 8, "ent", href="/entities/1")]))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp; left" in html
    assert html.count('<mark class="quote">') == 1


def test_markup_highlight_keeps_text_intact():
    text = "Kallas met Rutte in Brussels."
    html = str(highlight(text, [], [Span(0, 6, "ent", href="/entities/1"),
                                    Span(11, 16, "ent", href="/entities/2")]))
    assert html == ('<a class="ent" href="/entities/1">Kallas</a> met '
                    '<a class="ent" href="/entities/2">Rutte</a> in Brussels.')


@pytest.mark.parametrize(("outer", "inner"), [
    ([Span(0, 10, "quote")], [Span(5, 15, "ent")]),
    ([Span(3, 8, "quote"), Span(5, 12, "event")], []),
    ([Span(-1, 4, "quote"), Span(10, 99, "event")], [Span(2, 2, "ent")]),
], ids=["crossing", "overlapping-outer", "out-of-range"])
def test_markup_highlight_nests_tags(outer, inner):
    text = "abcdefghijklmnopqrst"
    html = str(highlight(text, outer, inner))
    assert html.count("<mark") == html.count("</mark>")
    assert html.count("<span") == html.count("</span>")
    stripped = html
    for tag in ('<mark class="quote">', '<mark class="event">', "</mark>",
                '<span class="ent">', "</span>"):
        stripped = stripped.replace(tag, "")
    assert stripped == text


def test_markup_article_spans_links_entities_and_marks_quotes():
    payload = {
        "entities": [{"id": "e1", "name": "Kaja Kallas", "type": "person",
                      "mentions": [{"start": 0, "end": 6, "text": "Kallas"}]}],
        "quotes": [{"text": "x", "start": 13, "end": 20, "spans": [[13, 20]], "kind": "direct",
                    "speaker": {"entity": "e1", "name": "Kaja Kallas"}}],
        "events": [],
    }
    outer, inner = article_spans(payload, {"e1": 42})
    assert [(s.start, s.end) for s in outer] == [(13, 20)]
    assert inner[0].href == "/entities/42"
