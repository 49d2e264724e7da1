from europenews.stories.boilerplate import RepeatedLines

TEMPLATE = "Sign up for our morning newsletter to get the headlines first."


def test_a_line_two_earlier_articles_of_the_outlet_carried_is_dropped() -> None:
    lines = RepeatedLines(min_seen=2)
    first = f"{TEMPLATE}\nA man was shot on Elm Street on Tuesday night."
    second = f"{TEMPLATE}\nTwo teenagers were wounded near the river park."
    third = f"{TEMPLATE}\nA woman was hurt when shots hit her car on Oak Avenue."
    assert lines.clean(first, "gazette.example") == first
    assert lines.clean(second, "gazette.example") == second
    assert lines.clean(third, "other.example") == third  # another site's page
    cleaned = lines.clean(third, "gazette.example")
    assert cleaned == "A woman was hurt when shots hit her car on Oak Avenue."


def test_a_line_many_outlets_print_is_kept() -> None:
    lines = RepeatedLines(min_seen=2)
    wire = "The gunman fled in a grey sedan, the county sheriff said in a statement."
    for outlet in ("a.example", "b.example", "c.example", "d.example"):
        text = f"{wire}\nReported for {outlet} readers."
        assert lines.clean(text, outlet) == text


def test_a_sentence_repeated_once_is_kept() -> None:
    lines = RepeatedLines(min_seen=2)
    fact = "The victim was identified as a 23-year-old father of two."
    lines.clean(f"Police were called at midnight.\n{fact}")
    follow_up = f"A suspect was arrested on Friday.\n{fact}"
    assert lines.clean(follow_up) == follow_up


def test_short_lines_are_never_counted_and_memory_is_bounded() -> None:
    lines = RepeatedLines(min_seen=1, max_lines=3)
    for _ in range(3):
        assert lines.clean("Share\nPhoto") == "Share\nPhoto"
    for n in range(10):
        lines.clean(f"Line number {n} of a long and changing page body.")
    assert len(lines._seen) == 3
    # the oldest lines were forgotten: the first one counts as new again
    first = "Line number 0 of a long and changing page body."
    assert lines.clean(first) == first


def test_a_whole_template_body_becomes_empty() -> None:
    lines = RepeatedLines(min_seen=1)
    page = "We have sent you a verification email.\nPlease click the link to activate it."
    lines.clean(page)
    assert lines.clean(page) == ""
