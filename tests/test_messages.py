"""The message catalogues: every code titled and advised in every language, every message
template in every language with the same placeholders, and a `Text` that renders in the
language asked for, survives the spec cache's pickling and stays a plain `str` in English."""

from __future__ import annotations

import pickle
import string

import pytest

from pmdocs.issues import CODES
from pmdocs.messages import LANGUAGES, Text, en, zh

CATALOGUES = {"en": en, "zh": zh}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_has_a_title_and_advice(language: str) -> None:
    catalogue = CATALOGUES[language]
    for code in CODES.values():
        assert code.title_in(language).strip(), f"{code.code} has no {language} title"
        assert catalogue.ADVICE.get(code.code, "").strip(), f"{code.code} has no {language} advice"
    if language != "en":
        assert set(catalogue.TITLES) == set(CODES), "titles of codes that do not exist"
    assert set(catalogue.ADVICE) == set(CODES), "advice for codes that do not exist"


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != "en"])
def test_every_message_is_translated_with_the_same_placeholders(language: str) -> None:
    translated = CATALOGUES[language].MESSAGES
    assert set(translated) == set(en.MESSAGES), "messages missing or left over"
    for key, english in en.MESSAGES.items():
        assert placeholders(translated[key]) == placeholders(english), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_words_around_problems_are_complete(language: str) -> None:
    assert set(CATALOGUES[language].WORDS) == set(en.WORDS)


def test_a_text_renders_in_the_language_asked_for_and_nests() -> None:
    context = Text("context.named", kind=Text("kind.page"), name="cart")
    text = Text("PM201.unknown_key", context=context, field="titel")
    assert text == "page `cart`: unknown key `titel`"
    assert text.in_language("zh") == "页面 `cart`：未知的键 `titel`"
    assert isinstance(text, str) and text.startswith("page")


def test_a_text_survives_pickling_with_its_values() -> None:
    text = Text("PM201.unknown_key", context=Text("context.settings"), field="x")
    again = pickle.loads(pickle.dumps(text, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == text and again.in_language("zh") == text.in_language("zh")
    assert again.key == "PM201.unknown_key"


def test_spec_text_in_a_value_is_not_read_as_a_template() -> None:
    text = Text("PM201.unknown_key", context="{field}", field="{0}")
    assert text == "{field}: unknown key `{0}`"
