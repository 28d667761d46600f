"""Security and intelligence branches named by their domain (marsad/ner/security.py).
Every sentence is team-written."""

from __future__ import annotations

import pytest

from marsad.data import load_yaml
from marsad.ner.security import security_cues
from marsad.text.normalize import match_key

from ..helpers import mention_texts


@pytest.mark.parametrize("sentence, branch", [
    ("واعتقلت المخابرات الجوية ثلاثة ناشطين في المدينة.", "المخابرات الجوية"),
    ("واستدعت الاستخبارات العسكرية الصحفي للتحقيق.", "الاستخبارات العسكرية"),
    ("وأحيل الموقوفون إلى جهاز أمن الدولة.", "جهاز أمن الدولة"),
    ("وأفرجت شعبة الأمن السياسي عن المعتقلين.", "شعبة الأمن السياسي"),
    ("واستجوبت شعبة المخابرات العسكرية الموقوفين.", "شعبة المخابرات العسكرية"),  # with its head
    ("واعتقلت المخابرات الجوية السورية الناشط.", "المخابرات الجوية السورية"),  # with a nisba
    ("وقال ناشطون إن مخابرات النظام السوري اعتقلت الطبيب.", "مخابرات النظام السوري"),
    ("وكشفت استخبارات الجيش الإسرائيلي عن تقديراتها.", "استخبارات الجيش الإسرائيلي"),
    ("ومثل أمام نيابة تابعة لجهاز أمن الدولة العليا.", "جهاز أمن الدولة العليا"),
])
def test_find_security_branches(sentence: str, branch: str) -> None:
    assert branch in mention_texts(sentence, "ORG")


@pytest.mark.parametrize("sentence", [
    "وتحدث الضابط عن المخابرات بشكل عام.",   # intelligence in general
    "وقال إن جهاز الهاتف تعطل.",             # a head without a security domain
    "وقال إن مخابرات النظام تلاحق المعارضين.",  # no state named
])
def test_no_security_branch(sentence: str) -> None:
    assert not mention_texts(sentence, "ORG")


def test_the_security_lists_are_valid() -> None:
    data = load_yaml("ar/security.yaml")
    assert all(w.startswith("ال") for w in data["intelligence"] + data["domains"])
    assert all(len(d.split()) <= 3 for d in data["security_domains"])
    assert match_key("والمخابرات") in security_cues()
