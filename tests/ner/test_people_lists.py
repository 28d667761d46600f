"""People in cabinet and council line-ups the knowledge base does not know (issue #13).

Every sentence is team-written; the names are invented."""

from __future__ import annotations

import pytest

from marsad.data import load_yaml
from marsad.ner.people import has_list_cue, list_item_name
from tests.helpers import annotate


def _people(text: str) -> list[str]:
    return [m.text for m in annotate(text).mentions if m.type == "PER"]


def test_list_cues_are_well_formed() -> None:
    data = load_yaml("ar/person_cues.yaml")
    for key in ("portfolios", "membership_cues", "line_up_heads", "post_forms"):
        words = data[key]
        assert isinstance(words, list) and words, key
        assert all(isinstance(w, str) and w.strip() == w and w for w in words), key
        assert len(set(words)) == len(words), key
    assert "التعليم العالي" in data["portfolios"] and "كلا من" in data["membership_cues"]
    assert "وزيرا" in data["post_forms"] and "وزراء" in data["line_up_heads"]


@pytest.mark.parametrize(("text", "names"), [
    # the portfolio between "ministers" and the name, women's names as well as men's
    ("وضمت الحكومة وزراء الداخلية سامر الحلبي، والطاقة رنا الخطيب، والتعليم العالي "
     "فادي منصور.", ["سامر الحلبي", "رنا الخطيب", "فادي منصور"]),
    # the name before the post
    ("وتمت تسمية كريم العلي وزيرا للمالية، وليلى حداد وزيرة للعدل.",
     ["كريم العلي", "ليلى حداد"]),
    ("وأعلن القصر تعيين منى الشريف وزيرة للثقافة.", ["منى الشريف"]),
    # a bare list after a membership cue once one item is a person
    ("وضم المجلس كلا من حسن يوسف، وسعاد النمر، ومجدي فرج.",
     ["حسن يوسف", "سعاد النمر", "مجدي فرج"]),
    ("وتضم اللجنة في عضويتها كلا من رضوان القيسي، وهالة الزعبي، وفيصل المطيري.",
     ["رضوان القيسي", "هالة الزعبي", "فيصل المطيري"]),
])
def test_line_ups(text: str, names: list[str]) -> None:
    assert _people(text) == names


@pytest.mark.parametrize("text", [
    # a list of places, of bodies, of portfolios with no names, common nouns, verbs
    "وضم الوفد ممثلين عن مصر والأردن وروسيا.",
    "وتضم المحافظة مدن الحديدة وزبيد وبيت الفقيه.",
    "واجتمع وزراء الداخلية والخارجية والدفاع في العاصمة.",
    "وضمت القائمة أسماء بارزة، وتعهدت الحكومة بتعيين خبراء جدد.",
    "وضم الاجتماع ممثلي النقابات والجمعيات، وتقرر تعيين لجنة للمتابعة.",
    "وشارك وزراء الطاقة والمالية بحضور رؤساء الشركات.",
])
def test_lists_without_people(text: str) -> None:
    assert _people(text) == []


def test_bodies_in_a_membership_list_are_no_people() -> None:
    assert _people("وضم التحالف حزب الأمة وحركة العدل والمساواة.") == []


def test_list_item_shape() -> None:
    assert list_item_name(["سامر", "الحلبي", "والطاقه"], ["سامر", "الحلبي", "والطاقة"]) == 2
    assert list_item_name(["كلا", "من"], ["كلا", "من"]) == 0
    assert list_item_name(["سعود", "بن", "فهد", "العتيبي"], ["سعود", "بن", "فهد", "العتيبي"]) == 4
    assert has_list_cue(["وضم", "المجلس"]) and not has_list_cue(["وقال", "الرئيس"])


@pytest.mark.parametrize(("text", "names"), [
    # a parenthesis with each person's post between the items of a list
    ("وأوضح المحامي أن الموقوفين هم سامر الحلبي (القيادي في الحزب الوطني)، وعصام الخطيب "
     "(الأمين العام لحزب الأمل)، ووليد النمر (عضو المكتب السياسي).",
     ["سامر الحلبي", "عصام الخطيب", "وليد النمر"]),
    # an origin between commas after each name, the list opened by a release
    ("وأطلقت السلطات سراح سامر الحلبي، من حمص، وعصام الخطيب، من حلب، ووليد النمر، من درعا.",
     ["سامر الحلبي", "عصام الخطيب", "وليد النمر"]),
    # a compound given name and a family name after بن, whatever the words mean elsewhere
    ("وتجري محاكمة سامر بن الشيخ، ووليد النمر، وعبد الحميد الخطيب أمام المحكمة.",
     ["سامر بن الشيخ", "وليد النمر", "عبد الحميد الخطيب"]),
])
def test_lists_with_asides(text: str, names: list[str]) -> None:
    from tests.helpers import extract

    assert [m.text for m in extract(text).mentions if m.type == "PER"] == names


def test_an_aside_is_passed_over() -> None:
    from marsad.ner.people import past_aside

    keys = ["سامر", "،", "من", "حمص", "،", "ووليد"]
    assert past_aside(keys, keys, 1) == 4  # the origin's closing comma is kept
    assert past_aside(["(", "عضو", ")", "،"], ["(", "عضو", ")", "،"], 0) == 3
    # a comma and من that run into the end of the sentence are no aside
    assert past_aside(["،", "من", "حمص", "."], ["،", "من", "حمص", "."], 0) == 0


def test_list_items_named_ali_or_abd_al_malik() -> None:
    """Team-written: علي spelt with ي is a name in a list (على "on" folds to the same key),
    and "عبد المالك" is a compound given name."""
    from tests.helpers import extract

    text = "وأطلقت السلطات سراح سامر عبد المالك، من حمص، وعلي النمر، من حلب."
    assert [m.text for m in extract(text).mentions if m.type == "PER"] == [
        "سامر عبد المالك", "علي النمر"]


def test_a_cardinal_number_is_no_name() -> None:
    # "اعتقال خمسة متهمين": five defendants, no person named
    from tests.helpers import extract
    doc = extract("مصر: اعتقال خمسة متهمين بتهريب أسلحة إلى ليبيا")
    assert [m.text for m in doc.mentions if m.type == "PER"] == []
