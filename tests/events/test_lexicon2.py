"""The trigger lexicon, second round (issue #14): verbal nouns of verb triggers, the fused
لل, the proclitics and the words before a trigger that cancel it, and wrong word senses;
team-written (invented) sentences through the whole pipeline, with negatives for the
ambiguous words."""

from __future__ import annotations

from marsad.events.triggers import default_triggers
from tests.events.test_lexicon import _doc, _events, _hit_ids, _types

TRIGGERS = default_triggers()


def _hits(text: str) -> list[tuple[str, str, str]]:
    doc = _doc(text)
    return [(h.trigger.id, doc.text[h.start : h.end], h.pronoun)
            for h in TRIGGERS.find(doc.text, doc.tokens)]


# ------------------------------------------------------------------ the matcher

def test_fused_lam_article_opens_a_noun_trigger() -> None:
    assert "protest_noun" in _hit_ids("وتعود جذور الأزمة للاحتجاجات التي عمت المدن الكبرى.")


def test_purpose_lam_keeps_an_attack_or_a_release_from_being_an_event() -> None:
    assert "ASSAULT" not in _types("وحشدت القوات الإسرائيلية ألوية للهجوم على مدينة رفح.")
    assert "RETREAT" not in _types("وتسعى الحكومة للانسحاب من منظمة أوبك.")
    assert "RETREAT" not in _types("وتسعى قطر لإطلاق سراح الرهائن المحتجزين في غزة.")


def test_lam_after_a_verb_that_takes_it_is_no_purpose() -> None:
    # "تعرض لهجوم" (underwent an attack)، "تصدى لهجوم" (met an attack): the attack happened
    assert "assault_noun" in _hit_ids("وأكدت الشرطة تعرض دورية لهجوم مسلح جنوب المدينة.")
    assert "assault_noun" in _hit_ids("وتصدت الدفاعات الجوية لهجوم بطائرات مسيرة.")
    assert "assault_noun" not in _hit_ids("وحشد الجيش ألوية للهجوم على المدينة.")


def test_possessive_on_the_first_word_of_a_phrase_with_a_filler() -> None:
    hits = _hits("وأعلنت قوات الدعم السريع سيطرتها الكاملة على مدينة الفاشر.")
    assert ("assault_control", "سيطرتها الكاملة على", "ها") in hits


# ------------------------------------------------------------------ wrong word senses

def test_issued_by_is_no_seizure() -> None:
    assert "COERCE" not in _types("وقال بيان صادر عن الديوان الملكي إن الملك التقى الرئيس المصري.")


def test_publishing_a_video_is_no_deployment() -> None:
    assert "MOBILIZE" not in _types("الجيش السوداني ينشر فيديو لأسلحة مصادرة.")


def test_a_publication_behind_the_subject_or_heading_the_relative_is_no_deployment() -> None:
    # نشر "published": the publication is its object behind a subject with an adjective of
    # the requirement ("العسكري"), or the head of its relative clause (with "القاعدة" near)
    assert "MOBILIZE" not in _types("ونشر المتحدث العسكري للجماعة، بيانا عن العملية.")
    assert "MOBILIZE" not in _types(
        "ويرصد المركز التقارير التي ينشرها أنصار تنظيم القاعدة على المنصات.")
    # troops remain a deployment, whatever a statement says later
    assert "MOBILIZE" in _types("ونشرت روسيا قوات إضافية في المنطقة، بحسب بيان للوزارة.")


def test_sending_troops_or_reinforcements_is_a_deployment() -> None:
    assert "MOBILIZE" in _types("وأرسلت الجزائر رتلا من التعزيزات العسكرية إلى الحدود مع مالي.")
    assert "MOBILIZE" in _types("ويستقدم الجيش التركي قوات إضافية إلى منطقة إدلب.")
    # arms sent to a force, and forces sent to a parade, are no deployment
    assert "MOBILIZE" not in _types("وأرسلت الدولة شحنات من العتاد لقوات المتمردين.")
    assert "MOBILIZE" not in _types("وأرسلت دول عدة قوات رمزية للمشاركة في الاحتفال.")


def test_a_standing_presence_is_no_deployment_but_its_growth_is() -> None:
    # annotation.md, Conventions: standing presence is no event
    assert "MOBILIZE" not in _types("ويبقى الوجود العسكري الفرنسي في تشاد محل جدل.")
    assert "MOBILIZE" in _types("وأعلنت تركيا زيادة الوجود العسكري في شمال سوريا.")


def test_a_plight_warned_of_is_no_threat() -> None:
    assert "THREATEN" not in _types("وحذرت منظمة الصحة العالمية من محنة المرضى في مستشفيات القطاع.")
    assert "THREATEN" not in _types("وحذر الاتحاد الأوروبي من معاناة المدنيين في القطاع.")


def test_fighters_neutralised_or_eliminated_were_attacked() -> None:
    assert "ASSAULT" in _types("وأعلن الجيش المالي تحييد خمسة إرهابيين في منطقة موبتي.")
    assert "ASSAULT" in _types("وأعلن الجيش النيجيري القضاء على عناصر من بوكو حرام قرب بحيرة تشاد.")
    assert "ASSAULT" not in _types("وأعلن الرئيس التونسي قيس سعيد القضاء على الفساد.")


def test_a_deadline_given_is_no_cooperation() -> None:
    assert "COOPERATE" not in _types("ومنح النقابيون الحكومة الأردنية مهلة أسبوع.")


def test_searching_is_no_talks() -> None:
    assert "CONSULT" not in _types("وفتشت البحرية الإيطالية السفينة التركية بحثا عن أسلحة.")


def test_at_any_price_is_no_praise() -> None:
    assert "SUPPORT" not in _types("وقالت الوزيرة إن فرنسا لن تبقى في مالي بأي ثمن.")


def test_sanctions_target_nobody_by_force() -> None:
    assert "ASSAULT" not in _types("وفرضت واشنطن عقوبات تستهدف قياديين في حزب الله.")


def test_stopping_fire_is_a_ceasefire_not_an_arrest() -> None:
    evs = _events("فيما أوقف حزب الله إطلاق الصواريخ نحو المواقع الإسرائيلية.")
    assert ("RETREAT", ["hezbollah"], []) in evs and "COERCE" not in {t for t, _, _ in evs}
    assert "COERCE" in _types("وأوقفت الشرطة التركية الصحفي في إسطنبول.")


def test_an_interview_is_no_phone_call_and_a_development_threatens_nobody() -> None:
    assert "CONSULT" not in _types("وقال الوزير في اتصال مع وكالة فرانس برس إن الوضع هادئ.")
    assert "THREATEN" not in _types("في تطور يهدد العلاقات بين الأمم المتحدة والحوثيين.")


def test_commenting_is_no_suspension() -> None:
    assert "SANCTION" not in _types("وعلق وزير الخارجية المصري سامح شكري على القرار الأمريكي.")


# ------------------------------------------------------------------ verbal nouns

def test_announced_release_is_the_announcers() -> None:
    evs = _events("أعلنت الحكومة المصرية الإفراج عن قادة جماعة الإخوان المسلمين.")
    assert ("RETREAT", ["egypt_government"], ["muslim_brotherhood"]) in evs


def test_suspending_aid_is_a_sanction_and_freezing_a_decision_a_concession() -> None:
    assert "SANCTION" in _types("أعلنت الحكومة الأمريكية تعليق المساعدات العسكرية لمصر.")
    assert "CONCEDE" in _types("قررت الحكومة الأردنية تجميد القرار برفع أسعار الوقود.")
    assert "CONCEDE" in _types("وجمد العاهل الأردني عبد الله الثاني قرارا بزيادة أسعار المحروقات.")


def test_commitment_noun_and_its_negation() -> None:
    assert "AGREE" in _types("وأكد الرئيس اللبناني التزام لبنان بتنفيذ القرار الدولي.")
    assert "AGREE" not in _types("وانتقد الوزير عدم التزام إسرائيل بتنفيذ الاتفاق.")


def test_coordination_with_a_partner_but_not_in_manner_or_as_a_topic() -> None:
    assert "COOPERATE" in _types("وأكد البيان استمرار التنسيق بين الجيش الأمريكي والنيجر.")
    assert "COOPERATE" not in _types(
        "وتحركت موسكو بالتنسيق مع حفتر لإنشاء قاعدة في الجنوب الليبي.")
    assert "COOPERATE" not in _types("ووقعت مصر اتفاقية التعاون مع السودان في الخرطوم.")


def test_delivering_goods_is_aid_but_a_charge_or_a_request_is_not() -> None:
    assert ("AID", ["russia"], ["sudan"]) in _events(
        "وبدأت روسيا تسليم شحنات قمح إلى السودان.")
    assert "AID" not in _types("واتهم بوريل طهران بتزويد موسكو بصواريخ باليستية.")
    assert "AID" not in _types("وطلب السراج إرسال أسلحة إلى طرابلس.")


def test_military_backing_noun_but_not_the_rapid_support_forces() -> None:
    assert "AID" in _types("وتلقى الجيش السوداني دعما عسكريا من إيران.")
    assert "AID" not in _types("وهاجمت قوات الدعم السريع مدينة الفاشر.")


def test_forces_leaving_but_not_a_visitors_departure() -> None:
    assert "RETREAT" in _types("وبدأت القوات الفرنسية مغادرة تشاد.")
    assert "RETREAT" not in _types("وقبل مغادرته القاهرة، التقى الوزير الأردني نظيره المصري.")


def test_marches_are_protests_but_drones_are_not() -> None:
    assert "PROTEST" in _types("وخرجت مسيرات حاشدة في الرباط تنديدا بالحرب.")
    assert "PROTEST" not in _types("وأطلق الحوثيون مسيرات على إسرائيل.")
