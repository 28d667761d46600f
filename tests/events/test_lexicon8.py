"""Lexicon 8 (session 10): whole fields the event battery found missing — condemnation with
its agent's possessive, threats launched, ultimatums of any measure, petitions, demands
declared, reports belied, backing of a position, consultations, climb-downs, admissions,
apologies, crowds dispersed, releases and acceptances with a pronoun; negations behind و،
the future سـ. Team-written (invented) sentences, run through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

from tests.events.test_lexicon import _events, _hit_ids, _types

# ------------------------------------------------------------------ ACCUSE


def test_condemnation_noun_with_its_agents_possessive() -> None:
    evs = _events("وجددت روسيا انتقادها لتوسع حلف شمال الأطلسي شرقا.")
    assert ("ACCUSE", ["russia"], ["nato"]) in evs
    assert "accuse_condemn_own_noun" in _hit_ids("وأعلنت الحكومة الأردنية تنديدها بالاعتداء.")


def test_the_verb_with_its_object_pronoun_stays_a_verb() -> None:
    # folded, إدانته is also أدانته "condemned him": no possessive noun is generated for it
    assert "accuse_condemn_own_noun" not in _hit_ids("وأدانته المحكمة بتهمة الفساد.")


# ------------------------------------------------------------------ THREATEN


def test_threats_launched_and_ultimatums_of_any_measure() -> None:
    assert ("THREATEN", ["iran"], ["israel"]) in _events(
        "وأطلقت إيران تهديدات مباشرة ضد إسرائيل.")
    assert "THREATEN" in _types("وأنذرت السلطات التركية الشركات الأجنبية بإغلاق مكاتبها.")


def test_launching_a_missile_is_no_threat() -> None:
    assert "threaten_launched" not in _hit_ids("وأطلقت إيران صاروخا باليستيا نحو إسرائيل.")


# ------------------------------------------------------------------ REQUEST, REJECT


def test_petition_and_demand_declared() -> None:
    assert "REQUEST" in _types("والتمست الحكومة الليبية من مجلس الأمن رفع التجميد عن أموالها.")
    assert ("REQUEST", ["iran"], []) in _events("وأعلنت إيران مطالبتها برفع العقوبات الأمريكية.")


def test_giving_the_lie_to_a_report() -> None:
    assert ("REJECT", ["sudan_government"], []) in _events(
        "وكذّبت الحكومة السودانية الأنباء عن وقوع انقلاب عسكري.")
    assert "reject_belie" not in _hit_ids("وقال الوزير إن المعارضة كذبت على الشعب.")


# ------------------------------------------------------------------ SUPPORT, CONSULT


def test_backing_a_position_or_an_effort() -> None:
    assert ("SUPPORT", ["european_union"], []) in _events(
        "ويدعم الاتحاد الأوروبي جهود الوساطة الأفريقية.")
    # an aim or a topic is none (the past دعم is written as its verbal noun)
    assert "SUPPORT" not in _types("وتهدف الزيارة إلى دعم جهود الحكومة العراقية.")
    assert "SUPPORT" not in _types("وأكد الوزير أهمية دعم جهود الحكومة العراقية.")
    # material backing of a force is no endorsement
    assert "support_back_position" not in _hit_ids("ودعمت روسيا الجيش السوداني بالأسلحة.")


def test_consulting_with_a_counterpart() -> None:
    evs = _events("وتشاور الرئيس الفرنسي إيمانويل ماكرون مع المستشار الألماني أولاف شولتس.")
    assert any(t == "CONSULT" and set(a + g) == {"emmanuel_macron", "olaf_scholz"}
               for t, a, g in evs), evs


# ------------------------------------------------------------------ CONCEDE


def test_climbing_down_admitting_and_apologising() -> None:
    assert "CONCEDE" in _types("وتراجع الرئيس الأمريكي دونالد ترامب عن تهديده بفرض رسوم جمركية.")
    assert "CONCEDE" in _types("وتخلت تركيا عن اعتراضها على انضمام السويد إلى الحلف.")
    assert ("CONCEDE", ["israel"], []) in _events("وأقرت إسرائيل بمسؤوليتها عن مقتل عمال الإغاثة.")
    assert "CONCEDE" in _types("وقدمت الحكومة اليابانية اعتذارا رسميا إلى كوريا الجنوبية.")
    assert "CONCEDE" in _types("وأعلنت الحكومة الفرنسية تراجعها عن إصلاح نظام التقاعد.")


def test_recognition_and_retreat_are_no_concession() -> None:
    # recognising a state is backing; forces falling back from a place retreat
    assert "concede_admit" not in _hit_ids("واعترفت إسبانيا بدولة فلسطين.")
    assert "concede_back_down" not in _hit_ids("وتراجعت القوات الأوكرانية عن مواقعها.")
    assert "CONCEDE" not in _types("ورفض الرئيس الفرنسي الاعتذار عن تصريحاته.")


# ------------------------------------------------------------------ COERCE, RETREAT, AGREE


def test_dispersing_a_crowd() -> None:
    # with gas or batons: PLOVER ASSAULT (crowd-control), as the verb فرّق already was
    assert ("ASSAULT", ["french_national_police"], []) in _events(
        "وقامت الشرطة الفرنسية بتفريق المتظاهرين بالقوة.")
    # a sit-in broken up: COERCE
    assert "COERCE" in _types("وفضت الشرطة المصرية اعتصام أنصار الرئيس المعزول في القاهرة.")
    # the crowd dispersing by itself, and the purpose of another act, are none
    assert "COERCE" not in _types("وتفرق المتظاهرون في ساعة متأخرة من الليل.")
    assert "COERCE" not in _types("وأطلقت قوات الأمن العراقية الغاز لتفريق المحتجين.")


def test_release_and_acceptance_with_a_pronoun() -> None:
    assert ("RETREAT", ["hamas"], []) in _events("وأطلقت حركة حماس سراحهم بعد وساطة قطرية.")
    evs = _events("وعرضت مصر خطة لإعادة إعمار غزة، ووافقت عليها جامعة الدول العربية.")
    assert any(t == "AGREE" and "arab_league" in a for t, a, _ in evs), evs


# ------------------------------------------------------------------ wave 2


def test_rejections_in_procedure() -> None:
    assert ("REJECT", ["united_states"], ["un_general_assembly"]) in _events(
        "وصوتت الولايات المتحدة ضد قرار الجمعية العامة للأمم المتحدة.")
    assert "REJECT" in _types("وتحفظت السعودية على البيان الختامي للقمة.")
    assert "reject_boycott" in _hit_ids("وقاطعت حركة النهضة الانتخابات التشريعية في تونس.")
    # declining to comment, or holding back funds, rejects nothing
    assert "REJECT" not in _types("ورفض المتحدث باسم البيت الأبيض التعليق على التقارير.")
    assert "reject_reserve" not in _hit_ids("وتحفظت السلطات المصرية على أموال رجل الأعمال.")


def test_endorsement_in_procedure_and_praise() -> None:
    assert ("SUPPORT", ["france"], []) in _events(
        "وصوتت فرنسا لصالح قرار الاعتراف بالدولة الفلسطينية.")
    assert "SUPPORT" in _types("ونوهت الحكومة الليبية بالدور الجزائري في حل الأزمة.")
    assert "support_commend" not in _hit_ids("ونوه الوزير إلى أن الأزمة مستمرة.")


def test_detention_without_arrest_verbs() -> None:
    assert "COERCE" in _types(
        "وفرضت السلطات الباكستانية الإقامة الجبرية على رئيس الوزراء السابق عمران خان.")
    assert "coerce_commit" in _hit_ids(
        "وأودعت النيابة العامة المصرية الناشط السجن على ذمة التحقيق.")


def test_crossings_opened_are_access() -> None:
    assert "RETREAT" in _types("وأعادت مصر فتح معبر رفح أمام المسافرين.")
    # asked for, not done
    assert "RETREAT" not in _types('وأكد الوزير "ضرورة فتح ممرات إنسانية آمنة".')


def test_guests_views_and_concessions() -> None:
    assert "consult_guest" in _hit_ids("وحل الرئيس الفرنسي إيمانويل ماكرون ضيفا على المغرب.")
    assert "consult_guest" not in _hit_ids("وحل البرلمان نفسه بعد الأزمة.")
    assert "CONCEDE" in _types("وقدمت الحكومة الكولومبية تنازلات كبيرة للمتمردين.")
    assert "CONCEDE" in _types("وعلقت الحكومة الإسرائيلية خطة الإصلاح القضائي.")


def test_assaulting_and_sniping() -> None:
    assert "ASSAULT" in _types("واقتحمت القوات الإسرائيلية المسجد الأقصى واعتدت على المصلين.")
    assert ("ASSAULT", ["israel_defense_forces"], []) in _events(
        "وقنصت القوات الإسرائيلية شابا فلسطينيا قرب الحدود.")


def test_court_and_administrative_acts() -> None:
    assert "ACCUSE" in _types(
        "ولاحقت النيابة العامة الفرنسية الرئيس الأسبق نيكولا ساركوزي قضائيا.")
    assert "accuse_prosecute" not in _hit_ids("ولاحقت الطائرات المسيرة القوارب في البحر.")
    assert "COERCE" in _types("وزجت السلطات المصرية بالناشط علاء عبد الفتاح في السجن.")
    assert "COERCE" in _types("ومنعت السلطات الجزائرية عقد مؤتمر للمعارضة في العاصمة.")


# ------------------------------------------------------------------ not done


def test_negation_behind_wa_and_the_future_sin() -> None:
    assert "AGREE" not in _types("ولم توافق إسرائيل على المقترح حتى الآن.")
    assert "RETREAT" not in _types("ولن تنسحب القوات الأمريكية من العراق قبل نهاية العام.")
    assert "SUPPORT" not in _types("وسيعلن الاتحاد الأوروبي دعمه للخطة خلال القمة المقبلة.")
    # what may happen is not done; a past after قد is
    assert "COERCE" not in _types("وقد تعتقل السلطات الإيرانية مزيدا من الصحفيين.")
    assert "AGREE" in _types("وقد توصلت إسرائيل وحركة حماس إلى اتفاق.")
    # a verbal noun whose light verb is future or modal is not done either
    assert "SANCTION" not in _types(
        "وقال المتحدث إن الولايات المتحدة ستفرض عقوبات جديدة على إيران.")
    assert "ASSAULT" not in _types("وقد تشن إسرائيل هجوما على المنشآت النووية الإيرانية.")
    assert "ASSAULT" in _types("وقد شنت إسرائيل هجوما على المنشآت النووية الإيرانية.")
    # a pledge listed in its future form is still coded (CONCEDE)
    assert "CONCEDE" in _types("وقال الرئيس إن القوات الفرنسية ستنسحب من تشاد.")


# ------------------------------------------------------------------ the battery


def test_battery_recall_and_false_fires_hold() -> None:
    from bench.bench_battery import read_battery, run

    rows = read_battery(Path(__file__).resolve().parents[1] / "fixtures" / "event-battery"
                        / "battery.tsv")
    results = run(rows)
    pos = [(w, got) for w, _, _, got in results if not w.startswith("!")]
    neg = [(w[1:], got) for w, _, _, got in results if w.startswith("!")]
    found = sum(w in got for w, got in pos)
    fired = sum(w in got for w, got in neg)
    # session 10: 379 of 411 found, 2 of 71 false fires (main before: see CHANGELOG);
    # told forms (passives, killings, calls received, split receipts): 393 of 425, 2 of 75
    assert found >= 386, found
    assert fired <= 3, fired
