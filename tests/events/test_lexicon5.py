"""Lexicon 5 (issue #14): the verbal events of statements — backing, accusation, threats,
requests, refusals, consultations, agreements — in their common news phrasings. Team-written
(invented) sentences, run through the whole pipeline."""

from __future__ import annotations

from tests.events.test_lexicon import _events, _hit_ids, _types

# ------------------------------------------------------------------ SUPPORT


def test_backing_affirmed_renewed_or_declared_with_the_subject_between() -> None:
    assert "SUPPORT" in _types("جددت روسيا دعمها للسلطات الانتقالية.")
    assert "SUPPORT" in _types("أكدت الجزائر دعمها الكامل للشعب الفلسطيني.")
    evs = _events("أعلنت الإمارات تأييدها للحكومة السودانية.")
    assert any(t == "SUPPORT" and a == ["united_arab_emirates"] for t, a, _ in evs)
    evs = _events("أبدت إيران دعمها لحزب الله.")
    assert ("SUPPORT", ["iran"], ["hezbollah"]) in evs
    evs = _events("أكدت روسيا وقوفها إلى جانب سوريا.")
    assert ("SUPPORT", ["russia"], ["syria"]) in evs


def test_affirming_a_general_aim_is_no_backing() -> None:
    # no possessive: the backing of a cause in general, nobody's own
    assert "support_affirm" not in _hit_ids("أكد البيان أهمية دعم الاستقرار في المنطقة.")
    # the backing as a later conjunct, not the verb's object
    assert "support_affirm" not in _hit_ids(
        "أكد الوزير ضرورة احترام السيادة وبدعمها للمؤسسات.")
    assert "support_affirm" not in _hit_ids("أعلنت مصر أنها ستعيد فتح المعبر غدا.")


def test_standing_by_a_side() -> None:
    evs = _events("وقفت الجزائر إلى جانب تونس في أزمتها.")
    assert ("SUPPORT", ["algeria"], ["tunisia"]) in evs
    assert "support_stand_by" in _hit_ids("تقف روسيا إلى جانب حلفائها في أفريقيا.")


def test_a_halt_or_the_one_behind_a_deed_is_no_standing_by() -> None:
    assert "support_stand_by" not in _hit_ids(
        "دعت مصر إلى وقف إطلاق النار إلى جانب إدخال المساعدات.")
    assert "support_stand_by" not in _hit_ids("تقف جهات خارجية وراء الهجوم على جانب الطريق.")
    assert "support_stand_by" not in _hit_ids(
        "ينص المقترح على وقف القتال إلى جانب تبادل الأسرى.")


# ------------------------------------------------------------------ ACCUSE


def test_characterising_in_hostile_terms_is_disapproval() -> None:
    evs = _events("وصف لافروف تصريحات ماكرون بالعدائية.")
    assert ("ACCUSE", ["sergey_lavrov"], ["emmanuel_macron"]) in evs
    assert "accuse_describe" in _hit_ids("وصفت طهران الغارات بالعمل العدواني الهمجي.")
    # a friendly description is none
    assert "accuse_describe" not in _hit_ids("وصف الرئيس العلاقات مع روسيا بالاستراتيجية.")


def test_criticism_directed_at_someone() -> None:
    evs = _events("وجهت روسيا انتقادات حادة إلى الولايات المتحدة.")
    assert any(t == "ACCUSE" and a == ["russia"] for t, a, _ in evs)
    assert "accuse_direct_criticism" in _hit_ids("وجه الوزير لوما شديدا إلى حكومة بلاده.")
    # heading somewhere or addressing a letter is no criticism
    assert "accuse_direct_criticism" not in _hit_ids("توجه الرئيس المصري إلى باريس.")
    assert "accuse_direct_criticism" not in _hit_ids("وجهت الجزائر رسالة إلى الأمين العام.")


def test_present_of_condemning() -> None:
    assert "accuse_disapprove" in _hit_ids("يندد الاتحاد الأفريقي بالانقلاب العسكري.")
    assert "accuse_disapprove" in _hit_ids("تستنكر الجامعة العربية هذه الاعتداءات.")


# ------------------------------------------------------------------ THREATEN


def test_a_coercive_warning_is_a_threat() -> None:
    evs = _events("حذرت روسيا الولايات المتحدة من أنها سترد بقوة على أي اعتداء.")
    assert ("THREATEN", ["russia"], ["united_states"]) in evs
    evs = _events("حذرت إيران إسرائيل من أي هجوم على أراضيها.")
    assert ("THREATEN", ["iran"], ["israel"]) in evs
    assert "threaten_warn" in _hit_ids("حذرت إسرائيل حزب الله من أنها لن تتهاون مع أي هجوم.")
    assert "threaten_warn" in _hit_ids(
        "حذر وزير الخارجية الروسي سيرغي لافروف، خلال مؤتمر صحفي في موسكو أمس، الغرب من "
        "تسليح كييف.")


def test_a_danger_foreseen_is_no_threat() -> None:
    assert "THREATEN" not in _types("حذرت الأمم المتحدة من كارثة إنسانية في السودان.")
    assert "THREATEN" not in _types("حذرت منظمة الصحة العالمية من انتشار الوباء في غزة.")
    assert "THREATEN" not in _types("حذر خبراء من تدهور الأوضاع الاقتصادية في مصر.")
    assert "THREATEN" not in _types("ينذر التصعيد بحرب إقليمية في المنطقة.")


def test_an_ultimatum_with_its_act_is_a_threat_a_portent_is_none() -> None:
    assert "threaten_ultimatum" in _hit_ids("أنذرت تركيا المسلحين بعملية عسكرية واسعة.")
    assert "threaten_ultimatum" in _hit_ids("أنذر الجيش المتمردين ومنحهم مهلة ثلاثة أيام.")
    assert "THREATEN" not in _types("أنذر المسؤول المواطنين بقدوم عاصفة.")


# ------------------------------------------------------------------ REQUEST


def test_a_call_renewed_or_stressed_with_the_subject_between() -> None:
    assert "request_renew" in _hit_ids("جددت الجزائر دعوتها إلى إصلاح المنظمة الدولية.")
    evs = _events("أكدت مصر مطالبتها إسرائيل بالانسحاب من المعبر.")
    assert ("REQUEST", ["egypt"], ["israel"]) in evs
    # an invitation received, or a bare affirmation, is no call made
    assert "request_renew" not in _hit_ids("أكد الرئيس أن الحوار هو السبيل الوحيد.")
    assert "request_renew" not in _hit_ids("أكد الوزير أهمية الدعوة إلى الحوار.")


def test_urging_and_appealing_in_the_present() -> None:
    assert "request" in _hit_ids("حض وزير الخارجية الصيني إسرائيل على ضبط النفس.")
    evs = _events("تحث الولايات المتحدة إسرائيل على السماح بدخول المساعدات.")
    assert ("REQUEST", ["united_states"], ["israel"]) in evs
    assert "request" in _hit_ids("يناشد الأمين العام الأطراف وقف القتال.")


# ------------------------------------------------------------------ AGREE


def test_an_agreement_reached_with_the_parties_between() -> None:
    evs = _events("توصلت مصر وإثيوبيا إلى اتفاق بشأن تقاسم المياه.")
    assert any(t == "AGREE" and set(a) == {"egypt", "ethiopia"} for t, a, _ in evs)
    assert "agree_reach" in _hit_ids("توصلت روسيا وتركيا إلى تفاهمات حول الشمال السوري.")


def test_an_agreement_failed_hoped_for_or_a_finding_is_none() -> None:
    assert "agree_reach" not in _hit_ids("لم تتوصل مصر وإثيوبيا إلى اتفاق بشأن السد.")
    assert "agree_reach" not in _hit_ids("تأمل الأمم المتحدة أن يتوصل الطرفان إلى اتفاق.")
    assert "agree_reach" not in _hit_ids("توصلت التحقيقات إلى أن الهجوم نفذته جماعة مسلحة.")


def test_acceptance_declared() -> None:
    evs = _events("أعلنت الجزائر موافقتها على الخطة الأممية.")
    assert ("AGREE", ["algeria"], []) in evs
    assert "agree_accept_declared" in _hit_ids("أعلنت حماس قبولها مقترح الهدنة.")
    assert "agree_accept_declared" not in _hit_ids("أعلنت الحكومة أن الموافقة على المشروع تأخرت.")
