"""Military formations named by their number or ordinal (marsad/ner/formations.py). Every
sentence is team-written."""

from __future__ import annotations

import pytest

from marsad.data import load_yaml
from marsad.ner.formations import formation_cues
from marsad.text.normalize import match_key

from ..helpers import mention_texts


@pytest.mark.parametrize("sentence, unit", [
    ("وانسحب اللواء 35 مشاة من مواقعه.", "اللواء 35 مشاة"),
    ("واشتبك المسلحون مع اللواء الـ12 مشاة.", "اللواء الـ12 مشاة"),
    ("وقالت مصادر إن الفرقة 22 تعرضت لهجوم.", "الفرقة 22"),
    ("وسيطرت الكتيبة الثالثة مدرع على التلة.", "الكتيبة الثالثة مدرع"),
    ("وسقط جنود من اللواء الأول في كمين.", "اللواء الأول"),
    ("وتقدمت الفرقة الثالثة مشاة نحو الجسر.", "الفرقة الثالثة مشاة"),
])
def test_a_unit_named_by_its_number(sentence: str, unit: str) -> None:
    assert unit in mention_texts(sentence, "ORG")


@pytest.mark.parametrize("sentence", [
    "وقال اللواء سامي الحربي إن الهجوم فشل.",       # a rank before a name
    "وصعد النادي إلى الفرقة الأولى في الدوري.",      # a sports division
    "ووصل الفوج الأول من الحجاج إلى المطار.",        # a group of pilgrims
])
def test_no_unit(sentence: str) -> None:
    assert not mention_texts(sentence, "ORG")


def test_the_formation_lists_are_valid() -> None:
    cues = load_yaml("ar/ner_cues.yaml")
    heads = cues["formation_heads"]
    assert all(h.startswith("ال") for h in heads)
    assert set(cues["formation_ordinal_heads"]) <= set(heads)
    assert cues["formation_ordinals"] and cues["formation_arms"]
    assert "واللوا" in formation_cues()  # a clitic before the head


@pytest.mark.parametrize("sentence, group", [
    ("وتبنت كتائب الفرسان الهجوم على القافلة.", "كتائب الفرسان"),
    ("وقال قائد في عصائب النصر إن مقاتليه انسحبوا.", "عصائب النصر"),
    ("واتهمت الحكومة جيش الخلاص بتجنيد الأطفال.", "جيش الخلاص"),
    ("وانضم المقاتلون إلى لواء الصمود.", "لواء الصمود"),
    ("وقالت عصائب أهل النصر إنها انسحبت.", "عصائب أهل النصر"),  # one indefinite noun between
    ("وأرسل فيلق الرعد تعزيزات.", "فيلق الرعد"),
    ("وقاتل عناصر لواء رعديون إلى جانب الجيش.", "رعديون"),  # the descriptor left out
    ("وقال لواء الحرس الجمهوري إن الوضع مستقر.", "لواء الحرس الجمهوري"),  # its adjective
    ("وشملت العقوبات فصيلي رعديون وشمسيون.", "شمسيون"),  # a faction noun, two names
])
def test_find_named_units(sentence: str, group: str) -> None:
    assert group in mention_texts(sentence, "ORG")


@pytest.mark.parametrize("sentence", [
    "وأكد الوزير أن جيش البلاد مستعد لكل الاحتمالات.",   # a description, not a name
    "وقال لواء متقاعد إن الخطة لن تنجح.",               # a rank
    "واجتمع المحافظ بالموظفين في سرايا الحكومة.",        # barracks
    "وتحتاج البلاد إلى جيش قوي يحمي حدودها.",           # an army in general
    "وأعلن الحزب دعمه للواء الليبي المتقاعد.",           # ل + اللواء, a rank
    "وشكل الأهالي جيش مدنيين لحماية القرية.",            # an everyday plural
    "واجتمعت فصائل المعارضة في المدينة.",                # factions described, no name
    "ورقي إلى رتبة لواء الشهر الماضي.",                  # a rank, then a date
])
def test_no_named_unit(sentence: str) -> None:
    assert not [m for m in mention_texts(sentence, "ORG") if m.split()[0] in
                ("جيش", "لواء", "سرايا", "فصائل")]


def test_the_unit_name_lists_are_valid() -> None:
    cues = load_yaml("ar/ner_cues.yaml")
    assert not any(h.startswith("ال") for h in cues["unit_name_heads"])  # indefinite heads
    assert all(w.startswith("ال") for w in cues["unit_name_descriptors"])
    assert match_key("وكتائب") in formation_cues()
