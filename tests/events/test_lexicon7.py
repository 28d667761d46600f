"""Lexicon 7 (session 9): fields whose sentences made no event or the wrong participants —
responsibility and violations charged, captives handed over, a state's gates shut, orders
given, places retaken and fighting between two forces. Team-written (invented) sentences,
run through the whole pipeline."""

from __future__ import annotations

from tests.events.test_lexicon import _events, _hit_ids

# ------------------------------------------------------------------ ACCUSE (responsibility)


def test_responsibility_charged_in_a_reported_clause() -> None:
    evs = _events("وأكد الجيش الإسرائيلي أن حزب الله مسؤول عن إطلاق الصواريخ.")
    assert ("ACCUSE", ["israel_defense_forces"], ["hezbollah"]) in evs
    # after a participle of saying, the main clause's subject charges
    evs = _events("وهددت إسرائيل بضربة مؤلمة، مؤكدة أن سوريا ولبنان مسؤولان عن أي هجوم.")
    assert any(t == "ACCUSE" and a == ["israel"] and set(g) == {"syria", "lebanon"}
               for t, a, g in evs)


def test_responsibility_denied_or_a_title_is_no_charge() -> None:
    assert "accuse_responsible_participle" not in _hit_ids(
        "ونفت إيران أن تكون مسؤولة عن الهجوم.")
    assert "accuse_responsible_participle" not in _hit_ids(
        "وقال الوزير إن الحكومة غير مسؤولة عن الأزمة.")
    assert "accuse_responsible_participle" not in _hit_ids(
        "وقال المسؤول عن الملف في الخارجية الإيرانية إن المحادثات مستمرة.")


# ------------------------------------------------------------------ RETREAT (captives)


def test_handing_over_captives_is_a_release() -> None:
    evs = _events("وسلمت قوات الدعم السريع الأسرى إلى الجيش السوداني.")
    assert ("RETREAT", ["rapid_support_forces"], ["sudanese_armed_forces"]) in evs
    assert "retreat_handover_captives_noun" in _hit_ids(
        "وأعلنت حركة حماس تسليم جثث أربعة رهائن إلى الصليب الأحمر.")


def test_receiving_captives_or_handing_over_arms_is_no_release() -> None:
    assert "retreat_handover_captives" not in _hit_ids(
        "وتسلم الجيش السوداني الأسرى من قوات الدعم السريع.")
    assert "retreat_handover_captives" not in _hit_ids("وسلم المقاتلون أسلحتهم إلى الجيش.")


# ------------------------------------------------------------------ COERCE (gates shut)


def test_shutting_ports_airports_and_crossings_is_a_restriction() -> None:
    evs = _events("وأغلقت الحكومة السودانية الموانئ والمطارات.")
    assert ("COERCE", ["sudan_government"], []) in evs
    assert "coerce_close_noun" in _hit_ids("وأعلنت الحكومة السودانية إغلاق مطار الخرطوم.")


def test_roads_shut_are_no_state_restriction() -> None:
    # protesters shut roads (a protest): no coercion by closure
    assert "coerce_close" not in _hit_ids("وأغلق المتظاهرون الطرق في مدينة الخرطوم.")


# ------------------------------------------------------------------ orders given


def test_an_order_lends_its_giver_to_the_act_ordered() -> None:
    evs = _events("وأصدر الرئيس عبد الفتاح البرهان أوامر بالإفراج عن المعتقلين.")
    assert ("RETREAT", ["abdel_fattah_al_burhan"], []) in evs


# ------------------------------------------------------------------ ACCUSE (violations)


def test_a_violation_told_by_the_speaker_is_charged() -> None:
    evs = _events("وقال الجيش الإسرائيلي إن حزب الله انتهك اتفاق وقف إطلاق النار.")
    assert ("ACCUSE", ["israel_defense_forces"], ["hezbollah"]) in evs
    assert "accuse_violation_noun" in _hit_ids(
        "ردا على خروقات الجيش المتكررة لاتفاق الهدنة، أعلنت الحركة تعليق المفاوضات.")


def test_a_violation_denied_asked_for_or_used_as_a_name_is_no_charge() -> None:
    assert "accuse_violation" not in _hit_ids("ونفت إسرائيل أنها انتهكت اتفاق وقف إطلاق النار.")
    assert "accuse_violation_noun" not in _hit_ids("وطالب المجلس الجيش بعدم انتهاك الهدنة.")
    # what an act told is called, also in quotes
    assert "accuse_violation_noun" not in _hit_ids(
        'ودانت الوزارة الضربات ووصفتها بأنها "انتهاك صارخ لسيادة اليمن".')
    # what a call is for
    assert "accuse_violation_noun" not in _hit_ids(
        "وقالت الوزارة إن الحركة دعت لانتهاك سيادة البلاد.")
    # violations in general (rights) name no truce or border
    assert "accuse_violation_noun" not in _hit_ids(
        "ونشرت المنظمة تقريرا عن انتهاكات حقوق الإنسان في البلاد.")


# ------------------------------------------------------------------ ASSAULT (retaking, fighting)


def test_retaking_or_liberating_a_place_is_taking_it_by_force() -> None:
    evs = _events("واستعاد الجيش السوداني مدينة ود مدني من قوات الدعم السريع.")
    assert any(t == "ASSAULT" and a == ["sudanese_armed_forces"] for t, a, _ in evs)
    evs = _events("وأعلنت قوات الدعم السريع استعادة السيطرة الكاملة على مدينة بارا.")
    assert any(t == "ASSAULT" and a == ["rapid_support_forces"] for t, a, _ in evs)
    assert "assault_retake_noun" in _hit_ids(
        "وأعلن الجيش السوداني تحرير منطقة جبل موية من قوات الدعم السريع.")


def test_retaking_in_other_senses_is_no_attack() -> None:
    assert "assault_retake" not in _hit_ids("وحرر الضابط محضرا بالواقعة في مدينة الفاشر.")
    assert "assault_retake" not in _hit_ids("واستعاد الحزب ثقة الناخبين في المدينة.")
    assert "assault_retake_noun" not in _hit_ids("وطالبت الحركة بتحرير الأسرى من السجون.")


def test_fighting_between_two_forces_is_a_clash_not_when_asked_to_stop() -> None:
    evs = _events("واندلع القتال بين الجيش السوداني وقوات الدعم السريع في مدينة الفاشر.")
    assert any(t == "ASSAULT" and set(a) == {"sudanese_armed_forces", "rapid_support_forces"}
               for t, a, _ in evs)
    assert "assault_fighting_between" not in _hit_ids(
        "ودعا المجلس إلى وقف القتال بين الجيش السوداني وقوات الدعم السريع.")
    assert "assault_fighting_between" not in _hit_ids("وتعهد الجيش بمواصلة القتال حتى النصر.")


# ------------------------------------------------------------------ MOBILIZE (operations)


def test_launching_a_military_operation_is_a_mobilisation() -> None:
    evs = _events("وأطلق الجيش السوداني عملية عسكرية واسعة في ولاية الجزيرة.")
    assert ("MOBILIZE", ["sudanese_armed_forces"], []) in evs
    assert "mobilize_launch_operation_noun" in _hit_ids(
        "وأعلن الجيش الإسرائيلي إطلاق عملية عسكرية في مخيم جنين.")


def test_an_operation_asked_to_stop_or_missiles_launched_are_no_launch() -> None:
    assert "mobilize_launch_operation_noun" not in _hit_ids(
        "ودعا المجلس إلى وقف إطلاق عملية عسكرية في الجزيرة.")
    assert "mobilize_launch_operation" not in _hit_ids(
        "وأطلقت القوات الإسرائيلية صواريخ على مواقع في لبنان.")
    assert "mobilize_launch_operation" not in _hit_ids("وبدأت الحكومة عملية السلام مع المعارضة.")


# ------------------------------------------------------------------ AGREE (documents signed)


def test_documents_signed_in_the_dual_or_plural() -> None:
    evs = _events("ووقع العراق مع شركة شيفرون الأمريكية اتفاقيتين لتطوير حقول نفطية.")
    assert any(t == "AGREE" and set(a) == {"iraq", "chevron"} for t, a, _ in evs)
    assert "agree_signing" in _hit_ids("ووقعت مصر والأردن مذكرتي تفاهم في القاهرة.")
    # "وقع" in the sense "happened" with no document signed
    assert "agree_signing" not in _hit_ids("ووقع انفجار في مدينة الخرطوم أمس.")
