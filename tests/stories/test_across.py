# ruff: noqa: E501  (sample texts read better unwrapped)
"""Stories across languages (stories/across.py): the second route through language-neutral keys."""

from __future__ import annotations

from collections import Counter

from europenews.stories import across
from europenews.stories.cluster import OnlineClusterer
from europenews.stories.items import StoryItem

EN_FLOOD = (
    "Flood water swept through the old town of Varnholm on Tuesday after the Lessa river burst its banks. "
    "Mayor Ilse Brandvik said two bridges were closed and the Kastell hospital moved patients upstairs."
)
# Its names are declined or left out, so it shares no word with the English report: only the
# language-neutral keys can bring the two together.
PL_FLOOD = (
    "Woda zalała we wtorek stare miasto po tym, jak rzeka wystąpiła z brzegów. "
    "Burmistrzyni powiedziała, że zamknięto dwa mosty, a szpital przeniósł pacjentów na wyższe piętra."
)
EN_OTHER = (
    "The Orlen board approved a new refinery budget on Tuesday in Gdańsk, and its chairman promised "
    "lower prices at the pump before the winter season begins in the north of the country."
)
PL_OTHER = (
    "Rada nadzorcza zatwierdziła we wtorek nowy plan inwestycji kolejowych w Poznaniu, a minister "
    "zapowiedział przetargi na tabor jeszcze przed zimą na liniach regionalnych."
)
# Language-neutral keys as the store would give them: store-wide entity ids and geocoded places.
FLOOD_KEYS = ("e:101", "e:102", "e:103", "e:104", "e:900")  # Varnholm, Lessa, Brandvik, Kastell, a country
OTHER_KEYS = ("e:201", "e:202", "e:900")


def _item(item_id: str, text: str, language: str, linked: tuple[str, ...], title: str,
          day: str = "2026-03-03") -> StoryItem:
    return StoryItem(id=item_id, title=title, text=text, published=day, source=f"{item_id}.example",
                     language=language, linked=linked)


def _stream(clusterer: OnlineClusterer, noise: int = 12) -> None:
    # Unrelated articles first, so that the running IDF knows which keys are common (the
    # country key e:900 is in many of them).
    for n in range(noise):
        clusterer.assign(_item(f"n{n}", f"Filler report number {n} about harbour fees and ferry timetables in town {n}.",
                               "en", (f"e:{500 + n}", "e:900"), f"Ferry timetable {n}"))


def test_across_polish_report_joins_english_story_through_shared_keys() -> None:
    for keys, joins in ((FLOOD_KEYS[:4], True), ((), False)):
        clusterer = OnlineClusterer()
        _stream(clusterer)
        english = clusterer.assign(_item("en1", EN_FLOOD, "en", FLOOD_KEYS, "Varnholm flooded as Lessa bursts its banks"))
        polish = clusterer.assign(_item("pl1", PL_FLOOD, "pl", keys, "Powódź zalała stare miasto"))
        assert (polish.story_id == english.story_id) is joins  # without keys, words alone: apart


def test_across_polish_report_on_other_news_stays_apart() -> None:
    clusterer = OnlineClusterer()
    _stream(clusterer)
    english = clusterer.assign(_item("en1", EN_FLOOD, "en", FLOOD_KEYS, "Varnholm flooded"))
    other = clusterer.assign(_item("pl2", PL_OTHER, "pl", OTHER_KEYS, "Plan kolejowy"))
    assert other.story_id != english.story_id and other.is_new_story


def test_across_needs_dates_to_agree() -> None:
    clusterer = OnlineClusterer()
    _stream(clusterer)
    english = clusterer.assign(_item("en1", EN_FLOOD, "en", FLOOD_KEYS, "Varnholm flooded"))
    late = clusterer.assign(_item("pl1", PL_FLOOD, "pl", FLOOD_KEYS[:4], "Powódź zalała stare miasto", day="2026-03-20"))
    assert late.story_id != english.story_id


def test_across_leaves_a_story_in_the_item_language_to_the_words() -> None:
    # Two English articles with the same keys but different news: the key route is never asked
    # for a story told only in the item's language, so the word model's "no" stands.
    clusterer = OnlineClusterer()
    _stream(clusterer)
    first = clusterer.assign(_item("en1", EN_FLOOD, "en", FLOOD_KEYS, "Varnholm flooded"))
    second = clusterer.assign(_item("en2", EN_OTHER, "en", FLOOD_KEYS, "Refinery budget approved"))
    assert second.story_id != first.story_id


def test_across_without_language_or_keys_changes_nothing() -> None:
    plain, keyed = OnlineClusterer(), OnlineClusterer()
    texts = [(EN_FLOOD, "Varnholm flooded"), (PL_FLOOD, "Powódź w Varnholm"), (EN_OTHER, "Budget"),
             (PL_OTHER, "Plan kolejowy")]
    a = [plain.assign(StoryItem(id=str(n), title=t, text=x, published="2026-03-03")).story_id
         for n, (x, t) in enumerate(texts)]
    b = [keyed.assign(StoryItem(id=str(n), title=t, text=x, published="2026-03-03",
                                linked=FLOOD_KEYS)).story_id for n, (x, t) in enumerate(texts)]
    assert a == b  # no language: the route is never taken


def test_across_evidence_weighs_keys_by_rarity() -> None:
    freqs = across.KeyFrequencies()
    for n in range(20):
        freqs.add(["e:common", f"e:{n}"])
    freqs.add(["e:common", "e:rare1", "e:rare2"])
    vec = across.key_vector(["e:common", "e:rare1", "e:rare2"], freqs)
    assert vec["e:rare1"] > vec["e:common"]
    story = across.key_vector(["e:common", "e:rare1", "e:rare2"], freqs)
    docs = Counter({"e:common": 1, "e:rare1": 1, "e:rare2": 1})
    evidence = across.cross_evidence(vec, story, 1.0, docs, freqs)
    assert evidence.rare_shared == 2  # the key in every article is context, not evidence
    assert evidence.shared[-1] == "e:common"
    assert evidence.cosine > 0.99
    assert across.agrees(evidence, 1, min_shared=2) and not across.agrees(evidence, 9, min_shared=2)
    assert not across.agrees(evidence, None, min_shared=3)


def test_across_applies_only_to_stories_told_in_other_languages() -> None:
    assert across.other_languages({"en"}, "pl")
    assert across.other_languages({"en", "de"}, "pl")
    assert not across.other_languages({"pl", "en"}, "pl")  # its own language: the words decide
    assert not across.other_languages({"en"}, None)
    assert not across.other_languages({None}, "pl")  # a story of unknown language
    assert not across.other_languages(set(), "pl")


def test_across_member_from_another_language_leaves_the_word_centroids_alone() -> None:
    clusterer = OnlineClusterer()
    _stream(clusterer)
    english = clusterer.assign(_item("en1", EN_FLOOD, "en", FLOOD_KEYS, "Varnholm flooded as Lessa bursts its banks"))
    story = clusterer._stories[english.story_id]
    before = (dict(story.text.total), story.size, set(story.sources))
    polish = clusterer.assign(_item("pl1", PL_FLOOD, "pl", FLOOD_KEYS[:4], "Powódź zalała stare miasto"))
    assert polish.story_id == english.story_id
    assert (dict(story.text.total), story.size, set(story.sources)) == before
    assert story.languages == Counter({"en": 1, "pl": 1}) and story.word_languages == {"en"}
    # A second Polish report may come across languages as well: the story is told in English.
    again = clusterer.assign(_item("pl2", PL_FLOOD.replace("wtorek", "środę"), "pl", FLOOD_KEYS[:4],
                                   "Woda wciąż stoi w starym mieście"))
    assert again.story_id == english.story_id


def test_across_linked_keys_add_geocoded_places() -> None:
    item = StoryItem(id="x", linked=("e:1", "e:2"), places=("geo:756135", "place:varnholm", "e:1"))
    assert across.linked_keys(item) == ["e:1", "e:2", "geo:756135"]
