"""Language identification (europenews.langid): texts of our own in several languages."""

from __future__ import annotations

import pytest

from europenews.langid import identify_language, language_code, settle_language

TEXTS = {
    "fr": "Le gouvernement a annoncé mardi une nouvelle aide aux agriculteurs touchés par la "
          "sécheresse, selon un communiqué publié dans la soirée.",
    "de": "Die Regierung hat am Dienstag neue Hilfen für die von der Dürre betroffenen Landwirte "
          "angekündigt, wie aus einer Mitteilung vom Abend hervorgeht.",
    "pl": "Rząd zapowiedział we wtorek nową pomoc dla rolników dotkniętych suszą, wynika z "
          "komunikatu opublikowanego wieczorem.",
    "uk": "Уряд у вівторок оголосив про нову допомогу фермерам, які постраждали від посухи, "
          "йдеться у повідомленні, оприлюдненому ввечері.",
    "ru": "Правительство во вторник объявило о новой помощи фермерам, пострадавшим от засухи, "
          "говорится в сообщении, опубликованном вечером.",
    "en": "The government announced new help on Tuesday for farmers hit by the drought, "
          "according to a statement published in the evening.",
}


@pytest.mark.parametrize(("language", "text"), sorted(TEXTS.items()))
def test_langid_identifies_the_language_of_a_sentence(language: str, text: str) -> None:
    assert identify_language(text) == language


def test_langid_a_name_with_a_foreign_letter_does_not_decide() -> None:
    # "ğ" is Turkish only; the rest of the sentence is plainly German.
    text = "Der türkische Präsident Erdoğan hat am Montag in Berlin mit dem Kanzler gesprochen."
    assert identify_language(text) == "de"


def test_langid_declared_language_tips_a_close_call_but_not_a_clear_text() -> None:
    short = "Brexit: Johnson in Brüssel"  # names mostly: either way is plausible
    assert identify_language(short, hint="de") == "de"
    # A whole French paragraph declared German is French all the same.
    assert settle_language(TEXTS["fr"], None, "de") == "fr"


def test_langid_text_without_letters_takes_the_hint_or_the_default() -> None:
    assert identify_language("12:30 — 2024", hint="pl") == "pl"
    assert identify_language("12:30 — 2024") == "en"


@pytest.mark.parametrize(("value", "code"), [("fr", "fr"), ("FR", "fr"), ("fr-BE", "fr"),
                                             ("de_AT", "de"), ("", None), (None, None),
                                             ("english", None)])
def test_langid_language_code_reads_declared_codes(value: str | None, code: str | None) -> None:
    assert language_code(value) == code
