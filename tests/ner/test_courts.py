"""Courts named by "محكمة" and their kind or seat (marsad/ner/courts.py)."""

from __future__ import annotations

import pytest

from marsad.data import load_yaml
from marsad.ner.courts import court_data

from ..helpers import extract, mention_texts


def _orgs(sentence: str) -> set[str]:
    return mention_texts(sentence, "ORG")


@pytest.mark.parametrize("sentence, court", [
    ("وقضت محكمة جنايات القاهرة بسجن المتهمين عشر سنوات.", "محكمة جنايات القاهرة"),
    ("ورفضت محكمة النقض الطعن المقدم من الدفاع.", "محكمة النقض"),
    ("وألغت محكمة القضاء الإداري قرار الوزير.", "محكمة القضاء الإداري"),
    ("وقررت محكمة أمن الدولة العليا تأجيل القضية.", "محكمة أمن الدولة العليا"),
    ("وأكدت المحكمة الإدارية العليا صحة القرار.", "المحكمة الإدارية العليا"),
    ("ومثل المتهم أمام المحكمة العسكرية في المدينة.", "المحكمة العسكرية"),
    ("وقضت المحكمة الجنائية المركزية بسجن المتهمين.", "المحكمة الجنائية المركزية"),  # level
    ("وأصدرت المحكمة العسكرية الدائمة حكمها.", "المحكمة العسكرية الدائمة"),  # standing
    ("وأحيل الملف إلى المحكمة الجزائية المتخصصة.", "المحكمة الجزائية المتخصصة"),
])
def test_a_court_and_where_its_name_ends(sentence: str, court: str) -> None:
    assert court in _orgs(sentence)


def test_the_seat_is_no_mention_of_its_own() -> None:
    doc = extract("وقضت محكمة جنايات القاهرة بسجن المتهمين.")
    assert "cairo" not in {e.kb_id for e in doc.entities}


@pytest.mark.parametrize("sentence", [
    "وأحالت النيابة القضية إلى المحكمة المختصة.",   # a court of the story, no name
    "وقالت المحكمة إن الحكم نهائي.",
    "وطالب المحامي بمحكمة عادلة للمتهمين.",          # an indefinite court
])
def test_no_court_name(sentence: str) -> None:
    assert not _orgs(sentence)


def test_the_court_vocabulary_is_valid() -> None:
    raw = load_yaml("ar/courts.yaml")
    assert set(raw) == {"kinds", "adjectives", "naming_adjectives"}
    d = court_data()
    assert d.kinds and d.adjectives and d.naming <= d.adjectives


@pytest.mark.parametrize("sentence, name", [
    ("وفاز ائتلاف «الإعمار والتنمية» بأكبر عدد من المقاعد.", "الإعمار والتنمية"),
    ('وأعلن حزب "التقدم والعدالة" مقاطعة الانتخابات.', "التقدم والعدالة"),
])
def test_a_party_or_list_named_in_quotes(sentence: str, name: str) -> None:
    assert name in _orgs(sentence)
