"""Facilities named by a head noun and a name (marsad/ner/facilities.py, issue #13).

Every sentence here is team-written; the names are well-known facilities or invented."""

from __future__ import annotations

import pytest

from marsad.data import load_yaml
from marsad.doc import Entity
from marsad.kb import KnowledgeBase, entry_from_record
from marsad.ner.facilities import facility_cues, facility_data, facility_name_en
from marsad.ner.matcher import AliasMatcher
from marsad.text.normalize import is_arabic, match_key

from ..helpers import entities_with


def _kb() -> KnowledgeBase:
    recs = [
        {"key": "cairo", "type": "GPE", "name_en": "Cairo", "name_ar": "القاهرة"},
        {"key": "rafah", "type": "GPE", "name_en": "Rafah", "name_ar": "رفح"},
        {"key": "tobruk", "type": "GPE", "name_en": "Tobruk", "name_ar": "طبرق"},
        {"key": "gaza", "type": "GPE", "name_en": "Gaza", "name_ar": "غزة"},
        {"key": "rafah_crossing", "type": "FAC", "name_en": "Rafah border crossing",
         "name_ar": "معبر رفح"},
        {"key": "abu_shouk_camp", "type": "LOC", "name_en": "Abu Shouk camp",
         "name_ar": "أبو شوك"},
        {"key": "argeen_crossing", "type": "FAC", "name_en": "Argeen crossing",
         "name_ar": "معبر أرقين"},
        {"key": "egypt_foreign_ministry", "type": "ORG", "name_en": "Ministry of Foreign "
         "Affairs (Egypt)", "name_ar": "وزارة الخارجية المصرية",
         "aliases": ["وزارة الخارجية"]},
    ]
    return KnowledgeBase(entry_from_record(r, "test") for r in recs)


KB = _kb()
MATCHER = AliasMatcher(KB)


def _entities(text: str) -> list[Entity]:
    return entities_with(KB, MATCHER, text)


def _facs(text: str) -> list[tuple[str, str | None, str | None]]:
    """(mention text, knowledge-base key, English name) of every FAC mention."""
    return [(m.text, e.kb_id, e.name_en) for e in _entities(text) if e.type == "FAC"
            for m in e.mentions]


@pytest.mark.parametrize(("sentence", "name", "name_en"), [
    # prisons, palaces, halls
    ("نقل المعتقلون إلى سجن صيدنايا قبل عامين.", "سجن صيدنايا", "Sidnaya Prison"),
    ("استقبل الرئيس ضيفه في قصر قرطاج صباح اليوم.", "قصر قرطاج", "Qartaj Palace"),
    ("عقد المؤتمر في قاعة بلقيس بالفندق.", "قاعة بلقيس", None),
    # squares: a common noun may be a square's name
    ("تجمع المحتجون في ساحة التحرير مساء الجمعة.", "ساحة التحرير", "Al-Tahrir Square"),
    ("احتشد الآلاف في ميدان الشهداء.", "ميدان الشهداء", None),
    # crossings, dams
    ("عبرت الشاحنات معبر السلوم صباحا.", "معبر السلوم", "Al-Salloum Crossing"),
    ("بدأت المرحلة الثانية من ملء سد الروصيرص هذا الشهر.", "سد الروصيرص", None),
    # airports: by city, by a title and a name
    ("هبطت الطائرة في مطار القاهرة الدولي مساء الأحد.", "مطار القاهرة الدولي",
     "Cairo International Airport"),
    ("وصل الوفد إلى مطار الملكة علياء الدولي.", "مطار الملكة علياء الدولي",
     "Queen Alia International Airport"),
    # ports, bases, camps
    ("رست الناقلة في ميناء طبرق فجرا.", "ميناء طبرق", "Tobruk Port"),
    ("أعلنت القاعدة الجوية 201 حالة التأهب.", "القاعدة الجوية 201", "Air Base 201"),
    ("انسحبت القوات من قاعدة أبشة العسكرية.", "قاعدة أبشة العسكرية", None),
    ("تدرب المجندون في معسكر الهدى شمال البلاد.", "معسكر الهدى", None),
    # hospitals, bridges, places of worship, streets, hotels in quotes
    ("نقل الجرحى إلى مستشفى الشفاء في غزة.", "مستشفى الشفاء", "Al-Shifa Hospital"),
    ("أغلقت السلطات جسر الملك حسين أمام المسافرين.", "جسر الملك حسين", None),
    ("صلى المئات في جامع النوري الكبير.", "جامع النوري الكبير", None),
    ("أقيم القداس في كنيسة المهد.", "كنيسة المهد", None),
    ("سار المتظاهرون في شارع الحبيب بورقيبة.", "شارع الحبيب بورقيبة", None),
    ("انفجرت سيارة أمام فندق «النجمة الزرقاء» ليلا.", "النجمة الزرقاء", None),
])
def test_facility_classes(sentence: str, name: str, name_en: str | None) -> None:
    facs = _facs(sentence)
    assert [f[0] for f in facs] == [name]
    if name_en is not None:
        assert facs[0][2] == name_en


def test_a_known_place_inside_is_no_mention_of_its_own() -> None:
    ents = _entities("هبطت الطائرة في مطار القاهرة الدولي ثم أقلعت إلى طبرق.")
    assert [(e.type, e.kb_id, e.name) for e in ents] == [
        ("FAC", None, "مطار القاهرة الدولي"), ("GPE", "tobruk", "طبرق")]


def test_a_known_facility_under_another_head_is_linked() -> None:
    assert _facs("أعيد فتح منفذ رفح أمام المسافرين.") == [
        ("منفذ رفح", "rafah_crossing", "Rafah border crossing")]
    # a "land port" is the crossing
    assert _facs("وصلت الحافلات إلى ميناء أرقين البري.") == [
        ("ميناء أرقين البري", "argeen_crossing", "Argeen crossing")]
    # found by the knowledge base itself: left as it was
    assert _facs("عبرت الشاحنات معبر رفح.") == [
        ("معبر رفح", "rafah_crossing", "Rafah border crossing")]


def test_a_camp_named_by_a_known_camp_is_that_place() -> None:
    ents = _entities("نزحت الأسر إلى معسكر أبو شوك بمدينة الفاشر.")
    assert [(e.type, e.kb_id, [m.text for m in e.mentions]) for e in ents][:1] == [
        ("LOC", "abu_shouk_camp", ["معسكر أبو شوك"])]


@pytest.mark.parametrize(("sentence", "name"), [
    # before a verb, a conjunction with a verb, a preposition, punctuation
    ("سجن صيدنايا يضم آلاف المعتقلين.", "سجن صيدنايا"),
    ("عبرت القافلة معبر السلوم وسنعمل على فتحه.", "معبر السلوم"),
    ("وصلت الطائرة إلى مطار القاهرة في الصباح.", "مطار القاهرة"),
    ("زار الوفد قصر قرطاج، ثم غادر.", "قصر قرطاج"),
    # descriptive adjectives are left out, those of the name kept
    ("أغلق معبر السلوم الحدودي أمس.", "معبر السلوم"),
    ("رست السفينة في ميناء طبرق الليبي.", "ميناء طبرق"),
    # before another place's name
    ("تدرب المجندون في معسكر الهدى بولاية الخرطوم.", "معسكر الهدى"),
    # the head keeps its clitic outside the name
    ("ونقلوا إلى مستشفى الأمل وبسجن صيدنايا آخرون.", "مستشفى الأمل"),
])
def test_name_boundaries(sentence: str, name: str) -> None:
    assert [f[0] for f in _facs(sentence)][:1] == [name]


@pytest.mark.parametrize("sentence", [
    "يعاني الطفل من قصر النظر منذ سنوات.",
    "سقط عشرات القتلى في ساحة المعركة.",
    "تسعى الحكومة إلى سد الفراغ الدستوري.",
    "طالبت الأمم المتحدة بفتح معبر آمن للمدنيين.",
    "يبقى المعبر مغلقا حتى إشعار آخر.",
    "عقد الاجتماع في مقر وزارة الخارجية.",
    "قضت المحكمة بسجن الصحفي ثلاث سنوات.",
    "رفض البرلمان قصر الترشح على الرجال.",
    "وصل منفذ الهجوم إلى المدينة.",
    "استقبل القصر الملكي الوفد.",
    "أعلنت القاعدة الجوية حالة التأهب.",
])
def test_not_facilities(sentence: str) -> None:
    assert _facs(sentence) == []


def test_seat_of_a_body_is_the_body() -> None:
    """"مقر" + a body names the body's seat by the body: the body is the entity."""
    ents = _entities("عقد الاجتماع في مقر وزارة الخارجية المصرية.")
    assert [(e.type, e.kb_id) for e in ents] == [("ORG", "egypt_foreign_ministry")]


def test_english_names_from_the_head_table() -> None:
    assert facility_name_en("مطار القاهرة الدولي", KB) == "Cairo International Airport"
    assert facility_name_en("القاعدة الجوية 201", KB) == "Air Base 201"
    # a title by its English word, a name by the name index
    assert facility_name_en("جسر الملك حسين", KB) == "King Hussein Bridge"
    assert facility_name_en("شارع الحبيب بورقيبة", KB) == "Habib Bourguiba Street"
    assert facility_name_en("جامع النوري الكبير", KB) == "Nouri Great Mosque"
    assert facility_name_en("رفح", KB) is None  # no head


def test_the_data_file_is_valid() -> None:
    raw = load_yaml("ar/facilities.yaml")
    assert set(raw) == {"heads", "same_kind", "land_port", "generic_complements",
                        "adjectives", "titles", "numbered_heads", "camp_heads"}
    heads = {match_key(h) for h in raw["heads"]}
    for head, spec in raw["heads"].items():
        assert is_arabic(head) and " " not in head, head
        assert set(spec) <= {"en", "common", "titled"}, head
        assert isinstance(spec["en"], str) and spec["en"][:1].isupper(), head
    for group in raw["same_kind"]:
        assert len(group) >= 2 and all(match_key(h) in heads for h in group), group
    assert match_key(raw["land_port"]["head"]) in heads
    assert match_key(raw["land_port"]["as"]) in heads
    assert match_key(raw["land_port"]["adjective"]) in {match_key(a) for a in raw["adjectives"]}
    for table in ("adjectives", "titles"):
        for word, en in raw[table].items():
            assert word.startswith("ال") and isinstance(en, str) and en[:1].isupper(), word
    for word in raw["generic_complements"]:
        assert word.startswith("ال"), word
    assert not {match_key(w) for w in raw["adjectives"]} & {match_key(w) for w in raw["titles"]}
    for word in raw["numbered_heads"]:
        assert word.startswith("ال") and match_key(word[2:]) in heads, word
    assert all(match_key(w) in heads for w in raw["camp_heads"])
    # the universities are bodies and the seats of bodies name the body: neither is a head
    assert not heads & {match_key(w) for w in ("جامعة", "مقر", "مخيم")}
    # the compiled form holds every head and its clitic forms
    data = facility_data()
    assert set(data.heads) == heads
    assert facility_cues() >= heads
    assert data.forms[match_key("وبمطار")] == (match_key("مطار"), 2)


def test_a_kind_of_facility_is_no_name() -> None:
    # an indefinite nisba after the head says what kind ("a nuclear station"), and a
    # preposition fused with the article ("للطائرات") begins another phrase
    assert _facs("وقّع البلدان مذكرة لبناء محطة نووية في البلاد.") == []
    assert _facs("وأنشأت القوات قاعدة للطائرات المسيرة قرب الحدود.") == []
    # a definite name with its nisba, or an indefinite proper name, still is one
    assert [f[0] for f in _facs("وزار الرئيس محطة الضبعة النووية.")] == [
        "محطة الضبعة النووية"]
    assert [f[0] for f in _facs("وهبطت الطائرة في مطار معيتيقة الدولي.")] == [
        "مطار معيتيقة الدولي"]
