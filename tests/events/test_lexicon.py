"""The trigger lexicon (issue #14): generated verb and noun forms, and the semantic fields,
each run through the whole pipeline on team-written (invented) sentences."""

from __future__ import annotations

from marsad.doc import Doc
from marsad.events.triggers import default_triggers, verb_forms
from marsad.ingest import RawArticle
from marsad.pipeline import Pipeline
from marsad.text.normalize import match_key

TRIGGERS = default_triggers()
_PIPE: Pipeline | None = None


def _doc(text: str) -> Doc:
    global _PIPE
    if _PIPE is None:
        _PIPE = Pipeline()
    return _PIPE.process(RawArticle("t", text, "text"))


def _events(text: str) -> list[tuple[str, list[str], list[str]]]:
    """(type, actor keys, target keys) of every event the pipeline finds in ``text``."""
    doc = _doc(text)
    key = {e.id: e.kb_id or e.name for e in doc.entities}
    return [(ev.type, [key[i] for i in ev.actors], [key[i] for i in ev.targets])
            for ev in doc.events]


def _types(text: str) -> set[str]:
    return {t for t, _, _ in _events(text)}


def _hit_ids(text: str) -> list[str]:
    doc = _doc(text)
    return [h.trigger.id for h in TRIGGERS.find(doc.text, doc.tokens)]


# ------------------------------------------------------------------ generated forms

def test_verb_forms_cover_person_number_and_object_pronouns() -> None:
    forms = verb_forms(match_key("حذر"))
    for f in ("حذر", "حذرت", "حذرتا", "حذروا", "حذرنا", "حذرتم", "حذرون"):
        assert f in forms and forms[f] == ""
    assert forms["حذره"] == "ه" and forms["حذرها"] == "ها" and forms["حذرهم"] == "هم"
    assert forms["حذروهم"] == "هم" and forms["حذرته"] == "ه" and forms["حذرتهما"] == "هما"
    present = verb_forms(match_key("يستقبل"))
    for f in ("يستقبل", "تستقبل", "نستقبل", "يستقبلان", "يستقبلون"):
        assert present[f] == ""
    assert present["يستقبله"] == "ه" and present["يستقبلونهم"] == "هم"


def test_defective_and_hollow_endings() -> None:
    met = verb_forms(match_key("التقى"))
    assert {"التقت", "التقيا", "التقوا", "التقينا"} <= set(met)
    assert met["التقاه"] == "ه" and met["التقاهم"] == "هم"
    called = verb_forms(match_key("دعا"))
    assert {"دعت", "دعوا"} <= set(called) and called["دعاه"] == "ه"


def test_three_letter_stems_take_no_dual_alef() -> None:
    # فعلا is the accusative verbal noun (شكرا، سلما) and فعلان often a name (سلمان)
    forms = verb_forms(match_key("سلم"))
    assert "سلما" not in forms and "سلمان" not in forms and "سلموا" in forms


def test_every_verb_trigger_has_its_forms_in_the_index() -> None:
    for form in ("حذروا", "اعتقلهم", "زارها", "استقبلهم", "التقوهم", "يعتقلون", "نددوا"):
        assert match_key(form) in TRIGGERS.index, form


def test_regular_plural_and_dual_of_nouns_in_ta_marbuta() -> None:
    for form in ("زيارات", "زيارتين", "تظاهرات", "مظاهرات"):
        assert match_key(form) in TRIGGERS.index, form


def test_object_pronoun_is_read_as_the_object() -> None:
    evs = _events("وكان بوتين قد التقى خليفة حفتر في موسكو، ثم استقبله مجددا في الكرملين.")
    assert any(t == "CONSULT" and "khalifa_haftar" in a + g for t, a, g in evs)
    doc = _doc("وقالت الشرطة إن عناصرها اعتقلوهم فجر الأحد.")
    hits = TRIGGERS.find(doc.text, doc.tokens)
    assert [(h.trigger.type, h.pronoun) for h in hits] == [("COERCE", "هم")]


def test_verb_with_ha_is_not_a_noun_in_ta_marbuta() -> None:
    # folded, حملة (a campaign) is حمله (he carried it): the ة spelling is never the verb
    assert "accuse_blame" not in _hit_ids("أطلقت الوزارة حملة المسؤولية الاجتماعية.")


def test_generated_forms_that_are_other_words_are_not_triggers() -> None:
    # بايدن is not ب + أيدن; طالبان is the movement; تحقق "was achieved"
    assert _hit_ids("وقال الرئيس الأميركي جو بايدن إن الموقف واضح.") == []
    assert "request" not in _hit_ids("سيطرت حركة طالبان على المدينة.")
    assert "accuse_investigate" not in _hit_ids("وقد تحقق الهدف المنشود.")


def test_arrival_with_a_pronoun_describes_a_place() -> None:
    # "موسكو التي وصلها الخميس" is the city, not a second arrival
    assert "consult_arrive" not in _hit_ids("وصل حفتر إلى موسكو التي وصلها الخميس.")[1:]


# ------------------------------------------------------------------ diplomatic missions

def test_reopening_an_embassy_is_diplomatic_cooperation() -> None:
    assert "COOPERATE" in _types("أعادت روسيا فتح سفارتها في واغادوغو بعد إغلاق دام ثلاثين عاما.")
    assert "COOPERATE" in _types("وافتتحت المملكة المغربية قنصلية عامة في مدينة العيون.")


def test_appointing_an_ambassador_and_resuming_relations() -> None:
    assert "COOPERATE" in _types("وعينت فرنسا سفيرا جديدا لدى الجزائر بعد شغور المنصب.")
    evs = _events("وأعلن البلدان استئناف العلاقات الدبلوماسية بين مصر وإيران.")
    assert any(t == "COOPERATE" and {"egypt", "iran"} <= set(a + g) for t, a, g in evs)


def test_breaking_relations_and_recalling_envoys_are_sanctions() -> None:
    evs = _events("قطعت الجزائر علاقاتها الدبلوماسية مع المغرب يوم الثلاثاء.")
    assert ("SANCTION", ["algeria"], ["morocco"]) in evs
    assert "SANCTION" in _types("وأعلنت النيجر سحب سفيرها من الجزائر.")
    assert "SANCTION" in _types("وعلقت الجامعة العربية عضوية سوريا في اجتماعها الطارئ.")


def test_leaving_an_organisation_is_not_a_retreat_of_forces() -> None:
    assert "SANCTION" in _types("وأعلنت النيجر انسحابها من المجموعة الاقتصادية لدول غرب أفريقيا.")
    types = _types("وتضمن الاتفاق انسحاب القوات الإسرائيلية من القرى الحدودية.")
    assert "SANCTION" not in types


def test_opening_and_cutting_in_other_senses_are_not_diplomacy() -> None:
    assert _types("وفتحت الشرطة الطريق أمام حركة السير صباح الأحد.") == set()
    assert "SANCTION" not in _types("وقطعت الحكومة الكهرباء عن عدة أحياء في المدينة.")


# ------------------------------------------------------------------ denials, hosting

def test_a_denial_is_a_rejection_and_the_denied_event_is_marked() -> None:
    doc = _doc("ونفت وزارة الخارجية الإيرانية أن تكون طهران قد سلمت روسيا صواريخ باليستية.")
    types = {ev.type: ev.certainty for ev in doc.events}
    assert "REJECT" in types
    assert all(c == "denied" for t, c in types.items() if t != "REJECT")
    assert "REJECT" in _types("ونفى الكرملين صحة التقارير عن اجتماع سري في جنيف.")


def test_exile_is_not_a_denial() -> None:
    assert "reject_deny_noun" not in _hit_ids("وقضى الزعيم المعارض سنوات في النفي خارج البلاد.")


def test_the_host_is_the_target_of_a_meeting_it_hosts() -> None:
    evs = _events("استضاف الرئيس عبد الفتاح السيسي العاهل الأردني الملك عبد الله الثاني.")
    assert any(t == "CONSULT" and a == ["abdullah_ii"] and g == ["abdel_fattah_el_sisi"]
               for t, a, g in evs), evs


def test_a_summit_a_city_hosted_is_no_second_meeting() -> None:
    hits = _hit_ids("وشارك الرئيس في القمة التي استضافتها الرياض العام الماضي.")
    assert "consult_host" not in hits


# ------------------------------------------------------------------ coercion

def test_boarding_or_searching_a_vessel_is_coercion() -> None:
    assert "COERCE" in _types("واعترضت البحرية اليونانية سفينة شحن تركية قبالة جزيرة كريت.")
    # (the frigate's nisba names the actor when the article names its state; "ليبيا" is
    # no accusative nisba)
    assert "COERCE" in _types("وفتشت فرقاطة ألمانية ناقلة نفط متجهة إلى ليبيا. وتشارك "
                              "ألمانيا في العملية.")
    assert "coerce_intercept_noun" in _hit_ids("ونددت أنقرة بتفتيش السفينة التركية.")


def test_objecting_and_intercepting_missiles_are_not_boarding() -> None:
    hits = _hit_ids("واعترضت الدفاعات الجوية صاروخين أطلقا من اليمن.")
    assert "coerce_intercept" not in hits
    assert "coerce_intercept" not in _hit_ids("واعترض النائب على مشروع القانون في البرلمان.")


def test_a_raid_on_homes_is_a_search_and_storming_a_town_an_attack() -> None:
    assert "coerce_raid" in _hit_ids("واقتحمت القوات الإسرائيلية منازل في مخيم جنين فجر اليوم.")
    assert "coerce_raid" not in _hit_ids("واقتحم مسلحون مدينة كبيرة في شمال البلاد.")


def test_closing_offices_and_banning_meetings_are_restrictions() -> None:
    assert "COERCE" in _types("وأغلقت السلطات المصرية مقرات حزب معارض في القاهرة.")
    assert "COERCE" in _types("وحظرت وزارة الداخلية التونسية اجتماعات حركة النهضة.")
    assert "COERCE" in _types("وفرض الجيش السوداني حظر تجوال ليلي في الخرطوم.")


def test_closing_in_other_senses_is_no_coercion() -> None:
    assert "coerce_close" not in _hit_ids("وأغلقت البورصة على ارتفاع طفيف يوم الخميس.")
    assert "coerce_close" not in _hit_ids("وحل المنتخب المغربي في المركز الأول.")


# ------------------------------------------------------------------ violence

def test_hijacking_and_kidnapping_are_abductions() -> None:
    assert "ASSAULT" in _types("واختطف مسلحون من حركة الشباب طائرة ركاب صومالية.")
    assert "assault_abduct_noun" in _hit_ids("وأدانت الحكومة اختطاف سفينة الشحن في خليج عدن.")


def test_a_named_killer_is_an_assault_a_casualty_count_is_not() -> None:
    assert "ASSAULT" in _types("وقتلت قوات الدعم السريع عددا من المدنيين في الفاشر.")
    assert "assault_kill" not in _hit_ids("وقتل 12 شخصا في انفجار سيارة مفخخة.")
    assert "assault_kill" not in _hit_ids("وقتل ما لا يقل عن عشرين مدنيا في القصف.")
    assert "assault_kill" not in _hit_ids("وقتل في الهجوم ثلاثة جنود.")


def test_destroying_property_and_shooting_down_a_drone() -> None:
    assert "ASSAULT" in _types("ودمرت القوات الإسرائيلية منشأة زراعية في نابلس.")
    assert "ASSAULT" in _types("وأسقطت الجزائر طائرة مسيرة تابعة للجيش المالي.")
    assert "assault_destroy" not in _hit_ids("وزار الوزير مدينة تدمر الأثرية.")


def test_fire_takes_any_projectile() -> None:
    assert "assault_fire" in _hit_ids("وأطلق الحوثيون صاروخين باتجاه سفينة تجارية.")


def test_capacity_and_description_are_not_killings() -> None:
    # صفته "his capacity", وصفته "she described it"
    assert _hit_ids("وتحدث الوزير بصفته رئيسا للوفد.") == []


# ------------------------------------------------------------------ courts

def test_a_sentence_is_a_conviction() -> None:
    assert "SANCTION" in _types("وحكمت محكمة مصرية بالسجن المؤبد على القيادي في جماعة الإخوان.")
    assert "sanction_convict" in _hit_ids("وأدانت المحكمة العليا المتهم بتهمة التجسس.")
    assert "sanction_convict" not in _hit_ids("وأدانت مصر الهجوم على الكنيسة.")


def test_summons_before_a_judge_is_an_investigation() -> None:
    assert "accuse_summon_judge" in _hit_ids("واستدعت النيابة العامة رئيس البلدية للتحقيق.")
    assert "accuse_undergo_questioning" in _hit_ids("وسيخضع رئيس البلدية للاستجواب اليوم.")
    # an ambassador summoned is a diplomatic protest, not an investigation
    assert "accuse_summon_judge" not in _hit_ids("واستدعت الخارجية السفير الفرنسي.")


def test_an_order_of_detention_is_an_arrest() -> None:
    assert "coerce_detain_order" in _hit_ids("وأمرت النيابة بحبس الصحفي أربعة أيام.")
    assert "coerce_detain_order" not in _hit_ids("وأمر الرئيس بتشكيل لجنة للتحقيق.")


def test_retirement_is_no_charge() -> None:
    assert "accuse_charge_noun" not in _hit_ids("وتقررت إحالة اللواء إلى التقاعد.")


# ------------------------------------------------------------------ verbal reactions

def test_expressed_concern_or_displeasure_is_disapproval() -> None:
    assert "ACCUSE" in _types("وأعربت مصر عن قلقها البالغ إزاء التصعيد في ليبيا.")
    assert "ACCUSE" in _types("وأبدت الجزائر استياءها من تصريحات الرئيس الفرنسي.")
    # appreciation with the same verb is support
    assert "SUPPORT" in _types("وأعرب بوتين عن تقديره لدور حفتر.")


def test_condemnation_and_criticism_nouns() -> None:
    assert "accuse_condemn_noun" in _hit_ids("وتوالت الإدانات بعد تنديد الجامعة العربية بالهجوم.")
    assert "accuse_condemn_noun" in _hit_ids("وسلمت أنقرة السفير مذكرة احتجاج رسمية.")


def test_an_offer_of_help_or_mediation_and_a_show() -> None:
    assert "agree_offer" in _hit_ids("وعرضت الجزائر الوساطة بين الأطراف الليبية.")
    assert "agree_offer" not in _hit_ids("وعرضت القناة فيلما وثائقيا عن الحرب.")
    assert "agree_offer" not in _hit_ids("وتعرضت قافلة المساعدات لهجوم قرب الحدود.")


def test_verbal_nouns_of_deportation_and_rejection() -> None:
    assert "coerce_deport_noun" in _hit_ids("وبدأت السلطات ترحيل مئات المهاجرين.")
    assert "reject_noun" in _hit_ids("وأعلن البرلمان رفضه للاتفاق.")


def test_behind_a_word_of_time_a_verb_with_a_pronoun_is_the_noun() -> None:
    # "قبيل توجّهه": his heading (a time frame), not "he headed to him"
    assert "consult_head_to" not in _hit_ids(
        "وكان الوزير جدد قبيل توجهه إلى القدس دعم بلاده لإسرائيل.")
    assert "consult_head_to" in _hit_ids("وتوجه الوزير إلى القدس.")
    # a phrase listed with the verbs ("اتصال هاتفي") still opens after a word of time
    assert "consult_phone_noun" in _hit_ids("وبحث الوزير خلال اتصال هاتفي مع نظيره الأوضاع.")


def test_a_required_noun_in_ta_marbuta_also_counts_in_the_dual_and_plural() -> None:
    from marsad.events.triggers import _with_numbers
    from marsad.text.normalize import match_key

    got = _with_numbers([match_key("اتفاقية"), match_key("مذكرة تفاهم"), match_key("عقد")])
    assert {match_key(w) for w in ("اتفاقيتين", "اتفاقيتي", "اتفاقيات")} <= got
    # phrases and nouns not in ة are kept as they are
    assert match_key("مذكرة تفاهم") in got and match_key("عقدين") not in got
    assert "sanction_close_embassy" in _hit_ids("وأغلقت الحكومة الكندية سفارتين في المنطقة.")
