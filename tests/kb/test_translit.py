"""English names for Arabic names outside the knowledge base."""

from __future__ import annotations

import pytest

from marsad.kb.translit import english_name, name_index, transliterate_word


@pytest.mark.parametrize("arabic,english", [
    ("محمد", "Mohamed"),  # the usual spelling from the name index
    ("جليل حرشاوي", "Jalil Harshawi"),  # index, then letters with a supplied vowel
    ("عبد الرحمن", "Abdurrahman"),  # a two-word name joined as the index has it
    ("الورفلي", "Ouerfelli"),  # the index knows this surname with its article
    ("الفرطاسي", "Al-Fartasi"),  # an unknown one: article and letters
    ("The Guardian", None),
])
def test_english_name(arabic: str, english: str | None) -> None:
    assert english_name(arabic) == english


def test_letters_and_glides() -> None:
    assert transliterate_word("وليد") == "walid"  # و at the start is a consonant
    assert transliterate_word("نور") == "nur"
    assert transliterate_word("شَرِيف") == "sharif"  # diacritics do not disturb


def test_name_index_rows_are_well_formed() -> None:
    index = name_index()
    assert len(index) > 5000
    roles = {role for role, _, _ in index.values()}
    assert roles <= {"given", "surname", "unknown"}
    assert all(latin and count >= 3 for _, latin, count in index.values())


def test_fixed_words_before_the_name_index() -> None:
    # a title that is also a given name, and the nasab particles, have one rendering
    assert english_name("سلطان بن محمد النعماني") == "Sultan bin Mohamed al-Nomani"
    assert english_name("محمد ولد الغزواني").startswith("Mohamed Ould ")
    # a body's head noun is translated, not spelled out
    assert english_name("مجلس المحافظين").startswith("Council ")


def test_the_fixed_words_are_valid() -> None:
    from marsad.kb.translit import fixed_words

    words = fixed_words()
    assert words and all(k and v and v.strip() == v for k, v in words.items())
