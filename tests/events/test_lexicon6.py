"""Lexicon 6 (session 6): events whose sentence made none — the end of one's own alliance,
joint exercises named in the singular, and an involvement charged. Team-written (invented)
sentences, run through the whole pipeline."""

from __future__ import annotations

from tests.events.test_lexicon import _events, _hit_ids

# ------------------------------------------------------------------ SANCTION (alliance)


def test_undoing_ones_own_alliance_or_partnership() -> None:
    evs = _events("فكت النيجر تحالفها العسكري مع فرنسا العام الماضي.")
    assert ("SANCTION", ["niger"], ["france"]) in evs
    assert "sanction_end_alliance" in _hit_ids("أنهت تشاد شراكتها الدفاعية مع فرنسا.")
    assert "sanction_end_alliance_noun" in _hit_ids(
        "أعلن المجلس العسكري إنهاء تعاونه الأمني مع باريس.")


def test_an_alliance_as_subject_or_a_siege_broken_is_no_discontinuation() -> None:
    # the coalition is the subject; no possessive alliance follows
    assert "sanction_end_alliance" not in _hit_ids("أنهى التحالف الدولي مهمته في العراق.")
    assert "sanction_end_alliance" not in _hit_ids("فكت القوات الحصار عن المدينة.")
    # asked for, not done
    assert "sanction_end_alliance_noun" not in _hit_ids(
        "طالب المتظاهرون بضرورة إنهاء شراكتها مع الشركة الأجنبية.")


# ------------------------------------------------------------------ COOPERATE (exercises)


def test_a_joint_exercise_in_the_singular_with_an_adjective_between() -> None:
    evs = _events("يشارك الجيش الأردني في تمرين جوي مشترك مع القوات الأمريكية.")
    assert any(t == "COOPERATE" and "jordan_armed_forces" in a for t, a, _ in evs)
    assert "cooperate_joint_single" in _hit_ids(
        "أجرت البحرية المصرية تدريبا بحريا مشتركا مع نظيرتها اليونانية.")


def test_training_alone_or_the_exercise_told_before_is_no_joint_exercise() -> None:
    assert "cooperate_joint_single" not in _hit_ids("يتلقى الجنود تدريبا مكثفا على السلاح.")
    # definite: the exercise already told
    assert "cooperate_joint_single" not in _hit_ids(
        "وصف القائد المناورة المشتركة بالناجحة.")


# ------------------------------------------------------------------ ACCUSE (involvement)


def test_an_involvement_charged_names_its_target() -> None:
    evs = _events("أكد الجيش السوداني أن الأدلة تثبت تورط الإمارات في تمويل المتمردين.")
    assert any(t == "ACCUSE" and "united_arab_emirates" in g for t, _, g in evs)
    evs = _events("قالت واشنطن إن إيران متورطة في الهجمات على السفن.")
    assert any(t == "ACCUSE" and g == ["iran"] for t, _, g in evs)


def test_a_denied_involvement_or_a_charges_content_is_no_new_accusation() -> None:
    assert "accuse_involvement" not in _hit_ids("نفت روسيا أي تورط لها في الهجوم.")
    assert "accuse_involvement" not in _hit_ids("نفى الجيش تورطه في مقتل المتظاهرين.")
    assert "accuse_involvement_participle" not in _hit_ids(
        "نفت موسكو أن تكون متورطة في الانقلاب.")
    # the charge itself is the event (اتهم)
    assert "accuse_involvement" not in _hit_ids("اتهمت الحكومة إيران بالتورط في دعم المتمردين.")


# ------------------------------------------------------------------ REQUEST (put forward)


def test_demands_or_calls_put_forward() -> None:
    evs = _events("قال الوزير إن حكومته ستدرس مطالب قدمتها مصر والأردن لإسرائيل.")
    assert any(t == "REQUEST" and a == ["egypt", "jordan"] and g == ["israel"]
               for t, a, g in evs)
    evs = _events("وجاءت المسيرة تلبية لنداء أطلقه مقتدى الصدر لإسقاط الحكومة.")
    assert any(t == "REQUEST" and a == ["muqtada_al_sadr"] for t, a, _ in evs)
    assert "request_put_forward" in _hit_ids("قدمت المعارضة قائمة مطالب إلى الرئيس.")


def test_firing_or_giving_is_no_demand() -> None:
    assert "request_put_forward" not in _hit_ids("أطلقت روسيا صواريخ على كييف.")
    assert "request_put_forward" not in _hit_ids("قدمت قطر مساعدات إلى لبنان.")
    assert "request_put_forward" not in _hit_ids("تقدم الجيش نحو المدينة رغم النداءات.")


# ------------------------------------------------------------------ announcement nouns


def test_an_announcement_noun_lends_its_subjects_to_the_act_it_announces() -> None:
    evs = _events("جاء ذلك بعد إعلان السودان وتشاد عن اتفاق لوقف إطلاق النار.")
    assert any(t == "AGREE" and set(a) == {"sudan", "chad"} for t, a, _ in evs)
    evs = _events("أشاد السفير بإعلان البحرين وقطر عن اتفاق لاستئناف العلاقات.")
    assert any(t == "AGREE" and set(a) == {"bahrain", "qatar"}
               for t, a, _ in evs)


def test_an_announcement_lends_nothing_to_a_far_noun_of_another_clause() -> None:
    # the attacks, far after the announcement, are not the group's
    evs = _events("وتأتي المحادثات بعد أيام من إعلان حركة حماس قبول المقترح المصري، بينما "
                  "يشهد شمال القطاع تصعيدا في هجمات المستوطنين على القرى.")
    assert not any(t == "ASSAULT" and "hamas" in a for t, a, _ in evs)


# ------------------------------------------------------------------ COERCE (restrictions)


def test_restrictions_on_movement_or_entry() -> None:
    evs = _events("تفرض إسرائيل قيودا مشددة على دخول الشاحنات إلى القطاع.")
    assert ("COERCE", ["israel"], []) in evs
    assert "coerce_restrict_movement" in _hit_ids(
        "وتفرض السلطات قيودا تحول دون تنقل السكان بين القرى.")


def test_restrictions_lifted_or_on_trade_are_no_coercion() -> None:
    assert "coerce_restrict_movement" not in _hit_ids(
        "رفعت السلطات المصرية القيود على حركة الشاحنات.")
    assert "coerce_restrict_movement" not in _hit_ids(
        "فرضت واشنطن قيودا على صادرات الرقائق إلى الصين.")


# ------------------------------------------------------------------ THREATEN (readiness)


def test_readiness_to_use_force_or_tools_is_a_threat() -> None:
    evs = _events("أكدت وزارة الخزانة الأمريكية استعدادها لاستخدام كل الأدوات لمنع وصول "
                  "الحوثيين إلى الأموال.")
    assert ("THREATEN", ["us_treasury"], ["houthis"]) in evs
    assert not any(t == "AGREE" for t, _, _ in evs)


def test_readiness_to_send_or_help_stays_an_agreement() -> None:
    assert "threaten_ready_to_use" not in _hit_ids("أبدت تركيا استعدادها لإرسال قوات إلى ليبيا.")
    assert "AGREE" in {t for t, _, _ in _events("أبدت تركيا استعدادها لإرسال قوات إلى ليبيا.")}


# ------------------------------------------------------------------ requirements of two words


def test_a_requirement_of_several_words_is_met_word_by_word() -> None:
    # "بإعادة النظر" (two words) marks a threat to relations, not one of violence
    assert "threaten_relations" in _hit_ids("هددت الجزائر بإعادة النظر في علاقاتها مع إسبانيا.")
    assert "coerce_detain_order" in _hit_ids("أصدرت المحكمة مذكرة توقيف بحق الوزير السابق.")
    # its words apart are not the phrase
    assert "threaten_relations" not in _hit_ids("هددت الجماعة بإعادة الهجمات والنظر في خياراتها.")


def test_near_misses_of_the_new_fields() -> None:
    # a danger warned of is no accusation
    assert "accuse_involvement" not in _hit_ids("حذر النائب من تورط بلاده في الحرب الأهلية.")
    # money and trade restricted are no coercion of movement
    assert "coerce_restrict_movement" not in _hit_ids(
        "فرض البنك المركزي قيودا على حركة الأموال إلى الخارج.")
    # readiness to use peaceful means is no threat
    assert "threaten_ready_to_use" not in _hit_ids(
        "أكدت الحكومة استعدادها لاستخدام الوسائل الدبلوماسية لحل الأزمة.")
