"""A frequency list of words counts "ومصر" as a word; it must still be "and Egypt"."""

from __future__ import annotations

import pytest

from marsad.data import common_words
from marsad.kb import default_kb
from marsad.ner.matcher import _without_clitic_names

from ..helpers import extract


@pytest.mark.parametrize("sentence, key", [
    ("وقطعت السعودية والإمارات ومصر علاقاتها مع الدوحة.", "egypt"),
    ("وتمتد الشبكة بين تركيا والعراق وسوريا منذ سنوات.", "iraq"),
    ("وتمتد الشبكة بين تركيا والعراق وسوريا منذ سنوات.", "syria"),
])
def test_a_country_behind_a_conjunction(sentence: str, key: str) -> None:
    doc = extract(sentence)
    assert key in {e.kb_id for e in doc.entities}


def test_only_major_places_leave_the_common_words() -> None:
    removed = common_words() - _without_clitic_names(common_words(), default_kb())
    assert {"ومصر", "والعراق"} <= removed
    assert not removed & {"كبيرا", "لغات", "بلاد", "بنوك"}  # words, whatever town they hide


@pytest.mark.parametrize("sentence, expected", [
    # the bare name is the state; the city is named as such
    ("شهدت الجزائر اليوم مظاهرات حاشدة في الجزائر العاصمة.", {"algeria", "algiers"}),
    ("وصل أمير قطر إلى الكويت في زيارة رسمية.", {"kuwait", "qatar"}),
])
def test_a_state_named_like_its_capital(sentence: str, expected: set[str]) -> None:
    doc = extract(sentence)
    assert expected <= {e.kb_id for e in doc.entities}
    assert "kuwait_city" not in {e.kb_id for e in doc.entities}


@pytest.mark.parametrize("sentence, phrase, key", [
    ("واتهمت حكومة فايز السراج قوات حفتر بقصف العاصمة.", "حكومة فايز السراج",
     "government_of_national_accord"),   # the government he led (his role's organisation)
    ("ورفضت حكومة الرئيس بشار الأسد المبادرة.", "حكومة الرئيس بشار الأسد", None),
])
def test_a_government_named_by_its_head(sentence: str, phrase: str, key: str | None) -> None:
    doc = extract(sentence)
    orgs = {m.text: e.kb_id for e in doc.entities for m in e.mentions if e.type == "ORG"}
    assert orgs.get(phrase, "missing") == key
    assert not [e for e in doc.entities if e.type == "PER"]  # the person is not named apart


def test_a_title_with_the_word_government_keeps_the_person() -> None:
    doc = extract("وقال رئيس الحكومة بنيامين نتنياهو إن الحرب مستمرة.")
    assert "benjamin_netanyahu" in {e.kb_id for e in doc.entities}


@pytest.mark.parametrize("sentence, key", [
    ("وقالت سلطات الاحتلال إنها أغلقت المعبر.", "israel"),
    ("واقتحمت القوات الإسرائيلية البلدة فجرا.", "israel_defense_forces"),
])
def test_the_epithets_of_a_state(sentence: str, key: str) -> None:
    assert key in {e.kb_id for e in extract(sentence).entities}


def test_words_that_hide_a_place_name() -> None:
    for sentence in ("فرضتها جائحة كورونا على الاقتصاد.", "منذ وصوله إلى سدة الحكم."):
        assert not extract(sentence).entities
