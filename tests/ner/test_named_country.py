"""A place name two gazetteer cities share goes to the one in a country the article names.

Team-written sentences; the cities are real (Tajura in Libya, Tadjoura in Djibouti,
Tripoli in Libya and in Lebanon, Essaouira in Morocco and
Suwayrah in Iraq)."""

from __future__ import annotations

import pytest

from tests.helpers import extract


def _place_keys(text: str, name: str) -> list[str | None]:
    return [m.kb_id for m in extract(text).mentions if m.text == name]


@pytest.mark.parametrize(("text", "name", "key"), [
    # no country named: the owner of the name (the larger city of the Arab world)
    ("واندلعت اشتباكات عنيفة في تاجوراء فجر اليوم.", "تاجوراء", "tajura"),
    # Libya named: still Tajura
    ("واندلعت اشتباكات عنيفة في تاجوراء شرقي العاصمة الليبية، وقالت ليبيا إن الوضع هادئ.",
     "تاجوراء", "tajura"),
    # Djibouti named: the Djiboutian town that shares the name
    ("وصل رئيس وزراء جيبوتي إلى تاجوراء لافتتاح ميناء جديد.", "تاجوراء", "tadjoura"),
    # a smaller Iraqi town that shares Essaouira's name, in an article about Iraq
    ("وافتتح مهرجان الموسيقى في الصويرة مساء أمس.", "الصويرة", "essaouira"),
    ("وقتل ثلاثة أشخاص بانفجار عبوة في الصويرة جنوبي العراق.", "الصويرة", "suwayrah"),
    ("وانتشر الجيش في طرابلس شمال لبنان بعد الاشتباكات.", "طرابلس",
     "tripoli_lebanon"),
])
def test_a_shared_place_name_follows_the_named_country(text: str, name: str, key: str) -> None:
    assert _place_keys(text, name) == [key]


@pytest.mark.parametrize(("text", "key"), [
    # the word for capital next to a name a state and its capital share: the city
    ("واعتقلت الشرطة الصحفي في العاصمة تونس مساء الأحد.", "tunis"),
    ("ووصل الوفد إلى تونس العاصمة في زيارة رسمية.", "tunis"),
    ("وتظاهر الآلاف في العاصمة الكويتية الكويت.", "kuwait_city"),
    # the bare name is the state
    ("وقالت تونس إنها ترفض التدخل في شؤونها.", "tunisia"),
])
def test_a_name_next_to_the_word_for_capital_is_the_city(text: str, key: str) -> None:
    name = "الكويت" if "الكويت" in text else "تونس"
    assert _place_keys(text, name) == [key]
