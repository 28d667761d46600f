"""Landforms named by a head noun and a name (marsad/ner/landforms.py) and the natural and
historic regions curated in the knowledge base (issue #13, the LOC class).

Every sentence here is team-written; the names are well-known places or invented."""

from __future__ import annotations

from functools import lru_cache

import pytest

from marsad.data import load_yaml
from marsad.doc import Entity
from marsad.kb import KnowledgeBase, default_kb, entry_from_record
from marsad.ner.landforms import landform_cues, landform_data, landform_name_en
from marsad.ner.matcher import AliasMatcher
from marsad.text.normalize import is_arabic, match_key

from ..helpers import entities_with


def _kb() -> KnowledgeBase:
    recs = [
        {"key": "nineveh", "type": "GPE", "name_en": "Nineveh", "name_ar": "نينوى"},
        {"key": "chad", "type": "GPE", "name_en": "Chad", "name_ar": "تشاد"},
        {"key": "crete", "type": "GPE", "name_en": "Crete", "name_ar": "كريت"},
        {"key": "kojo", "type": "GPE", "name_en": "Kojo", "name_ar": "كوجو"},
        {"key": "tel_aviv", "type": "GPE", "name_en": "Tel Aviv", "name_ar": "تل أبيب"},
        {"key": "nuba_mountains", "type": "LOC", "name_en": "Nuba Mountains",
         "name_ar": "جبال النوبة"},
    ]
    return KnowledgeBase(entry_from_record(r, "test") for r in recs)


KB = _kb()
MATCHER = AliasMatcher(KB)


def _entities(text: str, kb: KnowledgeBase = KB, matcher: AliasMatcher = MATCHER
              ) -> list[Entity]:
    return entities_with(kb, matcher, text)


def _typed(text: str, etype: str = "LOC") -> list[str]:
    return [m.text for e in _entities(text) if e.type == etype for m in e.mentions]


@pytest.mark.parametrize(("sentence", "name"), [
    # mountains and hills: the head is part of the name
    ("توجهت الأرتال العسكرية إلى جبل الزاوية جنوبي المدينة.", "جبل الزاوية"),
    ("تمركزت المدفعية على تل النبي أيوب منذ الصيف.", "تل النبي أيوب"),
    ("أقام الجيش نقطة مراقبة على تل (الراقم) قرب الحدود.", "تل (الراقم)"),
    ("سيطرت القوات على منطقة جبل موية بعد معارك.", "جبل موية"),
    ("لجأ الرعاة إلى جبال الحمرين هربا من القصف.", "جبال الحمرين"),
    ("تمتد سلسلة جبال زاغروس على طول الحدود.", "سلسلة جبال زاغروس"),
    # valleys, plains, plateaus, deserts
    ("جرفت السيول الطريق في وادي عربة أمس.", "وادي عربة"),
    ("يعيش آلاف المزارعين في سهل نينوى.", "سهل نينوى"),
    ("تقع القرية على هضبة التبت.", "هضبة التبت"),
    ("عبرت القافلة صحراء تينيري في ثلاثة أيام.", "صحراء تينيري"),
    # seas, lakes, gulfs, straits, rivers
    ("انقلب القارب في بحر مرمرة فجرا.", "بحر مرمرة"),
    ("انخفض منسوب بحيرة تشاد إلى النصف.", "بحيرة تشاد"),
    ("عبرت الناقلة مضيق البوسفور صباح الاثنين.", "مضيق البوسفور"),
    ("أقيم السد على نهر أومو في الجنوب.", "نهر أومو"),
    # islands, peninsulas, oases
    ("رست السفينة قبالة جزيرة كمران.", "جزيرة كمران"),
    ("أجرى الأسطول مناورات قرب شبه جزيرة كامتشاتكا.", "شبه جزيرة كامتشاتكا"),
    ("وصلت المساعدات إلى واحة جغبوب.", "واحة جغبوب"),
])
def test_a_landform_is_named_with_its_head(sentence: str, name: str) -> None:
    assert name in _typed(sentence)


@pytest.mark.parametrize(("sentence", "name"), [
    ("انتشرت القوات في وادي النصارى ثم انسحبت.", "وادي النصارى"),  # stops before ثم
    ("صعد المتسلقون جبل الشيخ وعادوا مساء.", "جبل الشيخ"),  # a title alone is the name
    ("وصلوا إلى وادي فيران، ثم غادروا.", "وادي فيران"),  # punctuation
    ("زار المسؤول سهل نينوى الشمالي يوم الأحد.", "سهل نينوى الشمالي"),  # adjective
])
def test_a_name_stops_before_verbs_prepositions_and_punctuation(sentence: str,
                                                                name: str) -> None:
    assert _typed(sentence) == [name]


@pytest.mark.parametrize("sentence", [
    "تراكم على البلاد جبل من الديون.",  # a preposition: no name
    "ستعلن النتائج في بحر الأسبوع المقبل.",  # "within the week"
    "أصبح الحصول على التأشيرة سهل المنال.",  # "easy to reach"
    "ارتفع تل الركام بعد القصف.",  # a heap of rubble
    "اصطدمت السفينة بجبل الجليد.",  # an iceberg, no head without the article here either
    "وقف على تل وقال إن المعركة انتهت.",  # a bare head, then a conjunction and a verb
    "نزح السكان إلى وادي يستقبل فيه المتطوعون الأسر.",  # a present-tense verb
])
def test_common_nouns_and_verbs_after_a_head_make_no_name(sentence: str) -> None:
    assert _typed(sentence) == []


def test_a_known_place_inside_is_part_of_the_landform() -> None:
    ents = _entities("يعيش آلاف المزارعين في سهل نينوى.")
    assert [(e.type, e.name) for e in ents] == [("LOC", "سهل نينوى")]


def test_after_an_island_head_the_known_place_is_the_place_itself() -> None:
    ents = _entities("وصل المهاجرون إلى جزيرة كريت فجرا.")
    assert [(e.kb_id, e.type) for e in ents] == [("crete", "GPE")]


def test_a_known_name_holding_a_head_is_left_as_found() -> None:
    assert [e.kb_id for e in _entities("هبطت الطائرة في تل أبيب.")] == ["tel_aviv"]
    assert [e.kb_id for e in _entities("اشتدت المعارك في جبال النوبة.")] == ["nuba_mountains"]


def test_a_hill_among_villages_is_a_town() -> None:
    text = "ما زالت قرى مثل كوجو وتل قصب تفتقر إلى المياه."
    assert "تل قصب" in _typed(text, "GPE")
    assert _typed(text) == []


def test_english_names_come_from_the_head_table() -> None:
    assert landform_name_en("بحيرة تشاد", KB) == "Lake Chad"
    assert landform_name_en("سهل نينوى", KB) == "Nineveh Plain"
    assert landform_name_en("شبه جزيرة كامتشاتكا", KB).endswith(" Peninsula")
    assert landform_name_en("جبال الحمرين", KB).endswith(" Mountains")
    assert landform_name_en("نينوى", KB) is None  # no head


def test_the_data_file_is_valid() -> None:
    raw = load_yaml("ar/landforms.yaml")
    assert set(raw) == {"heads", "same_as_place", "town_heads", "settlement_nouns",
                        "generic_complements", "connectors", "adjectives"}
    heads = {match_key(h) for h in raw["heads"]}
    for head, spec in raw["heads"].items():
        assert all(is_arabic(w) for w in head.split()) and len(head.split()) <= 2, head
        assert set(spec) <= {"en", "common"}, head
        assert isinstance(spec["en"], str) and spec["en"].count("{}") == 1, head
    for table in ("same_as_place", "town_heads"):
        assert all(match_key(w) in heads for w in raw[table]), table
    for word in raw["generic_complements"]:
        assert word.startswith("ال"), word
    for table in ("generic_complements", "connectors", "settlement_nouns"):
        words = [match_key(w) for w in raw[table]]
        assert len(words) == len(set(words)), table
    for word, en in raw["adjectives"].items():
        assert word.startswith("ال") and isinstance(en, str) and en[:1].isupper(), word
    # camps are settlements or facilities, capes and basins are known by name: no heads
    assert not heads & {match_key(w) for w in ("مخيم", "رأس", "حوض", "قمة", "ساحل")}
    data = landform_data()
    assert set(data.heads) == heads
    assert landform_cues() == {h.split(" ")[-1] for h in heads}
    assert data.forms[match_key("وبجبل")] == (match_key("جبل"), 2)


# --- the curated regions (marsad/data/kb/places.yaml)

@lru_cache(maxsize=1)
def _default() -> tuple[KnowledgeBase, AliasMatcher]:
    kb = default_kb()
    return kb, AliasMatcher(kb)


def _linked(text: str) -> set[tuple[str | None, str]]:
    kb, matcher = _default()
    return {(e.kb_id, e.type) for e in _entities(text, kb, matcher)}


@pytest.mark.parametrize(("sentence", "key", "etype"), [
    ("استهدفت الغارات بلدات في البقاع أمس.", "beqaa", "LOC"),
    ("تعرضت الضاحية الجنوبية لبيروت لقصف عنيف.", "dahieh", "LOC"),
    ("قال مسؤول لبناني إن الهدوء عاد إلى لبنان وإن الضاحية لم تتعرض لغارات.", "dahieh", "LOC"),
    ("أكد مسؤول في لبنان أن الجيش سينتشر في الجنوب خلال أيام.",
     "south_lebanon", "LOC"),
    ("انسحب المقاتلون إلى ما وراء نهر الليطاني.", "litani_river", "LOC"),
    ("سجلت خروقات على طول الخط الأزرق.", "blue_line", "LOC"),
    ("حاصرت القوات مدن الغوطة الشرقية سنوات.", "eastern_ghouta", "LOC"),
    ("اندلعت اشتباكات في القلمون الغربي.", "qalamoun", "LOC"),
    ("امتدت الاحتجاجات إلى سهل حوران.", "hauran", "LOC"),
    ("تقدمت الفصائل في شمال غربي سوريا.", "northwest_syria", "LOC"),
    ("عاد المسيحيون إلى سهل نينوى.", "nineveh_plains", "LOC"),
    ("ارتفعت ملوحة مياه شط العرب هذا الصيف.", "shatt_al_arab", "LOC"),
    ("قصفت المسيرات مواقع في جبال قنديل.", "qandil_mountains", "LOC"),
    ("تقدمت الجرافات في غور الأردن.", "jordan_valley", "LOC"),
    ("انخفض مستوى البحر الميت مترا.", "dead_sea", "LOC"),
    ("سقط صاروخ في صحراء النقب.", "negev", "LOC"),
    ("وقعت الاتفاقية لتطوير رأس الحكمة.", "ras_el_hekma", "LOC"),
    ("تحولت السفن إلى طريق رأس الرجاء الصالح.", "cape_of_good_hope", "LOC"),
    ("فتح معبر جديد في شمال سيناء.", "north_sinai", "GPE"),
    ("شهدت منطقة الريف احتجاجات واسعة.", "rif", "LOC"),
    ("قال مسؤول في الحسيمة بالمغرب إن الريف يحتاج إلى مشاريع.", "rif", "LOC"),
    ("نظمت مسيرة في منطقة القبائل شرق العاصمة.", "kabylie", "LOC"),
    ("ضربت العاصفة قرى في جبال الأطلس.", "atlas_mountains", "LOC"),
    ("عبرت القافلة صحراء الربع الخالي.", "empty_quarter", "LOC"),
    ("تصاعد التوتر في جنوب اليمن بعد الاتفاق.", "southern_yemen", "LOC"),
    ("غرق قارب قبالة لامبيدوزا.", "lampedusa", "GPE"),
    ("أعلن قادة دول الساحل انسحابهم.", "sahel", "LOC"),
    ("أقيم سد جديد على دلتا النيل.", "nile_delta", "LOC"),
    ("تدفقت المياه إلى بحيرة ناصر.", "lake_nasser", "LOC"),
    ("عبرت الفرقاطة بحر إيجه.", "aegean_sea", "LOC"),
])
def test_curated_regions_are_found(sentence: str, key: str, etype: str) -> None:
    assert (key, etype) in _linked(sentence)


@pytest.mark.parametrize("sentence", [
    "انتقلت الأسر من الريف إلى المدن بحثا عن عمل.",  # no Moroccan context: countryside
    "فرت الأرتال الليبية باتجاه الجنوب ليلا بعد انسحابها من ليبيا.",  # a direction
])
def test_context_words_are_no_regions(sentence: str) -> None:
    keys = {k for k, _ in _linked(sentence)}
    assert not keys & {"rif", "southern_libya", "south_lebanon"}
