"""Material acts (session 8): attacks, withdrawals and handovers, releases, readiness and
backing declared, and the forms a requirement takes in the text. Team-written (invented)
sentences, run through the whole pipeline."""

from __future__ import annotations

from marsad.events.triggers import _requirement_forms
from marsad.text.normalize import match_key
from tests.events.test_lexicon import _events, _hit_ids

# ------------------------------------------------------------------ requirements


def test_a_requirement_is_met_in_the_accusative_and_with_a_possessive() -> None:
    forms = _requirement_forms(frozenset({match_key("عتاد"), match_key("بتنفيذ"),
                                          match_key("مساعدة")}))
    assert match_key("عتادا") in forms  # "طائرات تحمل عتادا حربيا"
    assert match_key("بتنفيذه") in forms  # "التزام لبنان بتنفيذه"
    assert match_key("مساعدتها") in forms  # ة takes the possessive on ت
    assert match_key("وعتادهم") in forms  # and behind a clitic


def test_short_words_take_no_accusative_alef() -> None:
    forms = _requirement_forms(frozenset({match_key("مع"), match_key("على")}))
    assert "معا" not in forms and match_key("عليا") not in forms


def test_materiel_in_the_accusative_makes_a_shipment() -> None:
    evs = _events("أرسلت روسيا طائرات تحمل عتادا عسكريا إلى مالي.")
    assert any(t == "AID" and "russia" in a for t, a, _ in evs)


# ------------------------------------------------------------------ ASSAULT


def test_launching_missiles_as_a_verbal_noun_is_an_attack() -> None:
    assert "assault_launch_noun" in _hit_ids("أعلن الحوثيون إطلاق صاروخ على سفينة تجارية.")
    evs = _events("أعلن الحوثيون إطلاق صواريخ على إسرائيل.")
    assert ("ASSAULT", ["houthis"], ["israel"]) in evs


def test_a_halt_to_launches_is_no_attack() -> None:
    assert "assault_launch_noun" not in _hit_ids("أعلن الحزب وقف إطلاق الصواريخ على المدن.")


def test_a_strike_aimed_or_from_the_air_is_an_attack() -> None:
    assert "assault_strike_noun" in _hit_ids("قتل ثلاثة أشخاص في ضربة إسرائيلية على دمشق.")
    assert "assault_strike_noun" in _hit_ids("نفذت الطائرات ضربات جوية على مواقع المسلحين.")


def test_a_blow_in_a_figure_is_no_strike() -> None:
    assert "assault_strike_noun" not in _hit_ids("وكان القرار ضربة قوية لاقتصاد البلاد.")


def test_targeting_claimed_with_its_agents_pronoun_is_an_attack() -> None:
    assert "assault_target_noun" not in _hit_ids("أدانت الحكومة استهداف المستشفى في المدينة.")
    evs = _events("أعلن حزب الله استهدافه موقعا عسكريا لإسرائيل.")
    assert any(t == "ASSAULT" and "hezbollah" in a for t, a, _ in evs)


def test_targeting_as_a_purpose_or_a_charge_is_no_attack() -> None:
    assert "assault_target_noun" not in _hit_ids("حشدت القوات لاستهداف المدينة.")
    assert "assault_target_noun" not in _hit_ids("اتهمت الحكومة المتمردين باستهداف المدنيين.")


# ------------------------------------------------------------------ RETREAT


def test_handing_over_or_evacuating_a_base_is_a_withdrawal() -> None:
    assert "retreat_handover" in _hit_ids("سلمت البعثة الأممية قاعدتها إلى الجيش المالي.")
    assert "retreat_handover" in _hit_ids("أخلت القوات مواقعها في المدينة.")
    assert "retreat_handover_noun" in _hit_ids("أعلنت البعثة تسليم المعسكر للسلطات.")


def test_handing_over_a_suspect_is_no_withdrawal() -> None:
    assert "retreat_handover" not in _hit_ids("سلمت الشرطة المتهم إلى النيابة العامة.")


def test_release_on_bail_and_stepping_down() -> None:
    assert "retreat_release_bail" in _hit_ids("أخلت النيابة سبيل الناشط بكفالة مالية.")
    assert "retreat_release_bail_noun" in _hit_ids("قرر القاضي إخلاء سبيل الصحفي.")
    assert "retreat_step_down" in _hit_ids("تنحى الرئيس عن السلطة بعد الاحتجاجات.")
    assert "retreat_step_down_noun" in _hit_ids("أعلن الرئيس تنحيه عن منصبه.")


# ------------------------------------------------------------------ AGREE and SUPPORT


def test_readiness_as_an_adjective_is_agreement() -> None:
    assert "agree_ready_adjective" in _hit_ids("قال الوزير إن الحكومة مستعدة للحوار مع المعارضة.")
    assert "agree_ready_adjective" in _hit_ids("نحن على استعداد للتفاوض دون شروط.")


def test_readiness_for_war_or_without_a_talk_is_no_agreement() -> None:
    assert "agree_ready_adjective" not in _hit_ids("قال القائد إن الجيش مستعد للحرب.")
    assert "agree_ready_adjective" not in _hit_ids("أكد أن القوات مستعدة تماما.")


def test_backing_declared_by_a_participle_is_support() -> None:
    evs = _events("اختتم مجلس الأمن الدولي اجتماعه، معلنا دعمه الكامل للحكومة الليبية.")
    assert any(t == "SUPPORT" for t, _, _ in evs)
    assert "support_declared_participle" in _hit_ids(
        "وصل الوزير إلى عمان، مؤكدا تضامنه مع الأردن.")


def test_standing_by_the_speakers_own_country_is_affirmed_support() -> None:
    assert "support_affirm" in _hit_ids("وشدد الوزير على وقوف بلاده مع المملكة.")


def test_attacks_with_a_possessive_are_attacks() -> None:
    evs = _events("وجدد الجيش الإسرائيلي هجماته على مواقع تابعة لحزب الله.")
    assert ("ASSAULT", ["israel_defense_forces"], ["hezbollah"]) in evs


def test_shelling_with_an_object_pronoun_stays_a_verb() -> None:
    hits = _hit_ids("وقصفها الجيش السوري بالمدفعية.")
    assert "assault_verb" in hits and "assault_noun" not in hits


def test_an_attack_that_caused_harm_is_news_not_background() -> None:
    evs = _events("وأصيب مواطن بجروح جراء غارة إسرائيلية على بلدة في جنوب لبنان.")
    assert any(t == "ASSAULT" for t, _, _ in evs)


def test_an_attack_met_with_la_keeps_the_maker_named_after_it() -> None:
    evs = _events("أعلن الجيش السوداني تصديه لهجوم واسع شنته قوات الدعم السريع على مدينة "
                  "كوستي.")
    assert ("ASSAULT", ["rapid_support_forces"], ["sudanese_armed_forces"]) in evs


def test_who_announces_harm_from_a_strike_made_by_another_did_not_strike() -> None:
    evs = _events("أعلنت وزارة الصحة اللبنانية إصابة شخصين جراء غارة شنها الطيران الإسرائيلي "
                  "على بلدة جنوبية.")
    assert [a for t, a, _ in evs if t == "ASSAULT"] == [["israeli_air_force"]]


# ------------------------------------------------------------------ COERCE


def test_storming_as_a_noun_and_besieging_are_coercion() -> None:
    assert "coerce_storm_noun" in _hit_ids("وانتهت العملية باقتحام قوات الاحتلال لمخيم جنين.")
    assert "coerce_besiege" in _hit_ids("وحاصرت القوات أطراف المخيم.")


def test_storming_as_a_purpose_is_no_raid() -> None:
    assert "coerce_storm_noun" not in _hit_ids("حشدت القوات آلياتها لاقتحام المدينة.")


# ------------------------------------------------------------------ dates


def test_a_statement_going_on_after_the_lead_was_made_that_day() -> None:
    from datetime import date

    from tests.events.test_events import _full

    text = ("قال وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني إن الدوحة ترفض المطالب. "
            "وأضاف أن قطر مستعدة للحوار مع السعودية.")
    evs = _full(text, "2017-07-01")
    assert [e["date"] for e in evs if e["type"] == "AGREE"] == [date(2017, 7, 1)]
    # a sentence that does not go on with the statement tells another time
    evs = _full("قال الوزير إن الدوحة ترفض المطالب. وكانت قطر مستعدة للحوار مع السعودية.",
                "2017-07-01")
    assert [e["date"] for e in evs if e["type"] == "AGREE"] == [None]


def test_ratifying_is_support() -> None:
    assert "support_ratify" in _hit_ids("صادق البرلمان التركي، اليوم الخميس، على الاتفاقية.")
    assert "support_ratify" not in _hit_ids("وقال صادق خان إن المدينة ترحب بالزوار.")


def test_a_date_after_a_participle_of_issuing_dates_that_noun() -> None:
    from tests.events.test_events import _full

    evs = _full("ورحب مجلس التعاون الخليجي بقرار مجلس الأمن الدولي الصادر في 31 أكتوبر 2025.")
    assert [e["date"] for e in evs if e["type"] == "SUPPORT"] == [None]


def test_a_date_after_the_events_own_participle_dates_the_event() -> None:
    from marsad.events.dating import _dates_another_noun
    from marsad.events.lexicon import Lexicon
    from marsad.events.triggers import default_triggers

    lex = Lexicon.of(default_triggers())
    keys = [match_key(w) for w in "الاتفاقية المبرمة في 27 نوفمبر".split()]
    # the trigger is the agreement itself (token 0): the date is the event's
    assert not _dates_another_noun(keys, lex, 0, 3)
    # the trigger stood earlier, the dated noun is another
    keys = [match_key(w) for w in "رحب الوزير بالاتفاقية المبرمة في 27 نوفمبر".split()]
    assert _dates_another_noun(keys, lex, 0, 5)


def test_a_phrase_ending_in_its_objects_preposition_takes_the_object_pronoun() -> None:
    assert "coerce_arrest_noun" in _hit_ids("وتم القبض عليهم على الحدود.")
    assert "retreat_release_noun" in _hit_ids("وأعلنت الشرطة الإفراج عنهم مساء الأحد.")


def test_a_ban_on_entry_as_a_verbal_noun_is_coercion() -> None:
    assert "coerce_block_noun" in _hit_ids("وأعلنت السلطات قرار المنع من دخول البلاد.")


# ------------------------------------------------------------------ AID, courts, arrests


def test_handing_out_relief_is_humanitarian_aid() -> None:
    assert "aid_distribute" in _hit_ids("ووزع الهلال الأحمر 300 سلة غذائية على الأسر النازحة.")
    assert "aid_distribute_noun" in _hit_ids("وقامت المنظمة بتوزيع مساعدات إيوائية على المتضررين.")
    evs = _events("وزعت الإمارات مساعدات غذائية في السودان.")
    assert any(t == "AID" and "united_arab_emirates" in a for t, a, _ in evs)


def test_handing_out_leaflets_or_relief_asked_for_again_is_no_aid() -> None:
    assert "aid_distribute" not in _hit_ids("وزع الحزب منشورات على المارة.")
    assert "aid_distribute_noun" not in _hit_ids(
        "وانتهت المهلة المحددة لإعادة إدخال المساعدات إلى القطاع.")


def test_a_sentence_reaches_past_the_list_of_the_convicted() -> None:
    assert "sanction_sentence" in _hit_ids(
        "وعاقبت محكمة الجنايات المرشد العام والقياديين في الجماعة أحمد سالم ومحمود خالد "
        "وحسن علي بالسجن المؤبد.")


def test_an_arrest_done_through_qiyam_takes_its_subject() -> None:
    evs = _events("وأعلنت الشرطة قيام السلطات الإيرانية بإلقاء القبض على عشرة أشخاص.")
    assert any(t == "COERCE" and "iranian_authorities" in a for t, a, _ in evs) or any(
        t == "COERCE" for t, _, _ in evs)
    assert "coerce_arrest_noun" in _hit_ids("وتم إلقاء القبض على المتهمين.")


def test_a_group_named_in_quotes_after_its_members_acts() -> None:
    evs = _events('واقتحمت مجموعة من عناصر "حركة الشباب" مقر البلدية في مقديشو.')
    assert any(a == ["al_shabaab"] for _, a, _ in evs)


def test_a_person_an_institution_is_named_after_takes_no_part() -> None:
    evs = _events("ووزع مركز الملك سلمان للإغاثة 300 سلة غذائية في اليمن.")
    assert not any("salman_bin_abdulaziz" in a for _, a, _ in evs)


def test_air_defence_systems_delivered_are_military_aid() -> None:
    evs = _events("وسلمت روسيا النيجر أنظمة دفاع جوي حديثة.")
    assert any(t == "AID" and "russia" in a for t, a, _ in evs)


def test_a_storming_told_as_the_time_of_another_act_is_background() -> None:
    assert "coerce_storm_noun" not in _hit_ids("وأصيب ثلاثة شبان لدى اقتحام القوات المدينة.")
    assert "coerce_storm_noun" not in _hit_ids("واعتقل الشاب بعد عملية اقتحام منزله.")


def test_a_launch_charged_is_no_attack_of_its_own() -> None:
    assert "assault_launch_noun" not in _hit_ids("وتتهم الحكومة الجماعة بإطلاق صاروخ على المطار.")


def test_a_group_whose_leaders_are_hit_is_a_target() -> None:
    evs = _events('وفرضت وزارة الخزانة الأمريكية عقوبات على قياديين في "حزب الله".')
    assert any(t == "SANCTION" and "hezbollah" in g for t, _, g in evs)
    # a venue after في is still no participant
    evs = _events("والتقى الرئيس الروسي فلاديمير بوتين الرئيس التركي رجب طيب أردوغان في الكرملين.")
    assert not any("kremlin" in a + g for _, a, g in evs)


def test_a_town_raided_behind_the_subject_and_a_time_is_where_it_happened() -> None:
    from tests.events.test_events import _full

    evs = _full("اقتحمت قوات الاحتلال الإسرائيلي مساء اليوم الثلاثاء، مدينة نابلس في شمال الضفة "
                "الغربية.")
    assert [e["location"] for e in evs if e["type"] in ("ASSAULT", "COERCE")] == ["nablus"]


def test_an_announcer_tells_the_withdrawal_its_genitive_makes() -> None:
    evs = _events("أعلنت وزارة الدفاع العراقية انسحاب القوات الأمريكية من قاعدة عين الأسد.")
    assert any(t == "RETREAT" and a == ["us_armed_forces"] for t, a, _ in evs)


def test_aid_granted_is_aid() -> None:
    evs = _events("وأعلنت ألمانيا أنها منحت السودان مساعدات بقيمة عشرة ملايين يورو.")
    assert any(t == "AID" and "germany" in a for t, a, _ in evs), evs


def test_seizing_a_place_with_the_particle_after_the_subject() -> None:
    # the issue's own form: "استولت الميليشيا، فجر اليوم، على المطار"
    evs = _events("واستولت قوات الدعم السريع، فجر اليوم، على مدينة الجنينة.")
    assert any(t == "ASSAULT" and "rapid_support_forces" in a for t, a, _ in evs), evs
    # power seized is a coup told as background
    evs = _events("وطالب العقداء الذين استولوا على السلطة في باماكو برحيل البعثة.")
    assert all(t != "ASSAULT" for t, _, _ in evs), evs


def test_a_clash_as_a_verb_and_shells_falling_are_attacks() -> None:
    evs = _events("واشتبكت قوات الجيش السوداني مع قوات الدعم السريع في مدينة الفاشر.")
    assert any(t == "ASSAULT" and {"sudanese_armed_forces", "rapid_support_forces"} <= set(a)
               for t, a, _ in evs), evs
    assert [t for t, _, _ in _events("وسقطت قذائف هاون على حي سكني في بغداد.")] == ["ASSAULT"]
    # a plane falling is no attack
    assert not _events("وسقطت طائرة مدنية قرب مطار بغداد.")


def test_forces_pulled_out_with_the_state_between() -> None:
    # "سحبت الإمارات قواتها من اليمن": the state withdraws (it sends, its forces follow it)
    evs = _events("وسحبت الإمارات قواتها من اليمن بعد سنوات من المشاركة في التحالف.")
    assert ("RETREAT", ["united_arab_emirates"], ["yemen"]) in evs, evs
    # an envoy pulled out is a recall (SANCTION)
    assert [t for t, _, _ in _events("وسحبت الجزائر سفيرها من باريس.")] == ["SANCTION"]


def test_a_loaded_ship_arriving_names_its_sender_after_its_cargo() -> None:
    evs = _events("ووصلت إلى ميناء بورتسودان سفينة محملة بالمساعدات الغذائية من السعودية.")
    assert any(t == "AID" and a == ["saudi_arabia"] for t, a, _ in evs), evs
