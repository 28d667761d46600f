"""Military formations named by their number or ordinal (marsad/ner/formations.py). Every
sentence is team-written."""

from __future__ import annotations

import pytest

from marsad.data import load_yaml
from marsad.ner.formations import formation_cues

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
