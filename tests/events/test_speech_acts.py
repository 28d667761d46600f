"""Speech acts (issue #14, session 8): demands, accusations, condemnations, refusals and
warnings told as the participle of the main clause, regret, a sharp attack in words, and
demands written as "على X + verbal noun". Team-written (invented) sentences, run through
the whole pipeline."""

from __future__ import annotations

from tests.events.test_lexicon import _events, _hit_ids

# ------------------------------------------------------------------ participles


def test_a_demand_participle_names_the_one_asked() -> None:
    evs = _events("وأعلن رئيس الوزراء الإثيوبي آبي أحمد استمرار العمليات، مطالبا مصر بالكف "
                  "عن التدخل.")
    assert ("REQUEST", ["abiy_ahmed"], ["egypt"]) in evs
    assert "request_participle" in _hit_ids(
        "وأكد الرئيس الروسي فلاديمير بوتين دعم بلاده لسوريا، داعيا الولايات المتحدة إلى "
        "سحب قواتها.")


def test_a_protests_demand_is_its_target_not_a_request() -> None:
    # what the crowd demands belongs to the protest (the event set's convention)
    evs = _events("وتظاهر آلاف الليبيين في طرابلس، مطالبين برحيل حكومة الوحدة الوطنية.")
    assert not any(t == "REQUEST" for t, _, _ in evs), evs
    assert any(t == "PROTEST" for t, _, _ in evs), evs
    # also when the protesters are named, and with a verb for the demand
    evs = _events("وتظاهر أنصار حزب الأمة في الخرطوم، مطالبين بالإفراج عن المعتقلين.")
    assert [t for t, _, _ in evs] == ["PROTEST"], evs
    evs = _events("وتظاهر الآلاف في طرابلس يطالبون برحيل حكومة الوحدة الوطنية.")
    assert [t for t, _, _ in evs] == ["PROTEST"], evs


def test_an_accusing_participle_after_the_main_clause() -> None:
    evs = _events("وانسحب الرئيس الفلسطيني محمود عباس من الاجتماع، متهما إسرائيل بعرقلة "
                  "المفاوضات.")
    assert ("ACCUSE", ["mahmoud_abbas"], ["israel"]) in evs
    evs = _events("وقال الرئيس الجزائري عبد المجيد تبون إن بلاده لن تقبل التدخل، منددا "
                  "بموقف فرنسا.")
    assert ("ACCUSE", ["abdelmadjid_tebboune"], ["france"]) in evs


def test_the_passive_participle_is_the_one_accused() -> None:
    assert not _events("وكان وزير الخارجية الأمريكي أنتوني بلينكن متهما بالتقصير.")


def test_refusing_and_denying_participles() -> None:
    evs = _events("واستقبل الرئيس الجزائري عبد المجيد تبون وزير الخارجية الفرنسي، رافضا "
                  "موقف المغرب.")
    assert any(t == "REJECT" and a == ["abdelmadjid_tebboune"] for t, a, _ in evs), evs
    assert "reject_participle" in _hit_ids("وقال الوزير إن بلاده ملتزمة بالحياد، نافيا "
                                           "وجود قوات أجنبية.")


def test_a_warning_participle_threatens_unless_it_foresees_a_danger() -> None:
    assert "threaten_warn_participle" in _hit_ids(
        "وتوعد الرئيس الحركة بالرد، محذرا من أن بلاده ستحملها المسؤولية.")
    for text in ("ودعا المفوض الأطراف إلى الحوار، محذرا من عواقب كارثية على المدنيين.",
                 "ودعا الأمين العام إلى ضبط النفس، محذرا من أن التصعيد قد يفاقم التوتر."):
        assert "threaten_warn_participle" not in _hit_ids(text), text


# ------------------------------------------------------------------ disapproval


def test_regret_at_anothers_act_is_disapproval() -> None:
    evs = _events("وعبرت الكويت عن أسفها لقرار الحكومة العراقية.")
    assert ("ACCUSE", ["kuwait"], ["iraqi_government"]) in evs
    assert "accuse_regret" in _hit_ids("وتأسف الرئيس لتصريحات الوزير.")
    # an apology stays a concession
    assert not {"accuse_express_concern", "accuse_express_regret"} & set(
        _hit_ids("وأبدى الوزير أسفه للخطأ."))


def test_a_sharp_attack_is_in_words() -> None:
    evs = _events("تتواصل الحرب بين إسرائيل وحماس. وشن الرئيس التركي رجب طيب أردوغان "
                  "هجوما حادا على إسرائيل في خطابه.")
    assert ("ACCUSE", ["recep_tayyip_erdogan"], ["israel"]) in evs
    assert not any(t == "ASSAULT" for t, _, _ in evs), evs
    # a violent attack by forces is an attack
    evs = _events("وشنت القوات الروسية هجوما عنيفا على مواقع الجيش الأوكراني.")
    assert any(t == "ASSAULT" for t, _, _ in evs), evs


# ------------------------------------------------------------------ owed acts


def test_an_act_owed_by_someone_is_the_speakers_demand() -> None:
    evs = _events("وأكد وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني أن على إسرائيل "
                  "الانسحاب من غزة.")
    assert ("REQUEST", ["mohammed_bin_abdulrahman_al_thani"], ["israel"]) in evs
    # a form that is also a verb is the verbal noun after "على X"
    evs = _events("وقال المتحدث باسم الخارجية الإيرانية ناصر كنعاني إن على الولايات المتحدة "
                  "رفع العقوبات.")
    assert ("REQUEST", ["nasser_kanaani"], ["united_states"]) in evs
    assert not any(t == "CONCEDE" for t, _, _ in evs), evs


# ------------------------------------------------------------------ whom a reaction blames


def test_a_condemnation_blames_the_doer_of_the_act_it_names() -> None:
    evs = _events("ونددت منظمة العفو الدولية باعتقال السلطات المصرية للناشط علاء عبد الفتاح.")
    assert ("ACCUSE", ["amnesty_international"], ["egypt_government"]) in evs
    evs = _events("وأدانت مصر قصف الجيش الإسرائيلي لمدينة غزة.")
    assert ("ACCUSE", ["egypt"], ["israel_defense_forces"]) in evs
    # a second clause after a comma is no object of the condemnation
    evs = _events("وندد الرئيس الفرنسي إيمانويل ماكرون بالهجوم، وأعلنت روسيا إرسال قوات.")
    assert not any(t == "ACCUSE" and g for t, _, g in evs), evs


def test_criticism_from_someone_names_the_critic() -> None:
    evs = _events("وتلقت إسرائيل انتقادات من الأمم المتحدة.")
    assert ("ACCUSE", ["united_nations"], ["israel"]) in evs
    # (behind the critic's title)
    evs = _events("وواجهت الحكومة المصرية انتقادات من الرئيس الأمريكي دونالد ترامب.")
    assert any(t == "ACCUSE" and a == ["donald_trump"] for t, a, _ in evs), evs


# ------------------------------------------------------------------ charges, relations, crowds


def test_ones_own_charge_renewed() -> None:
    evs = _events("وكرر الرئيس السوداني عبد الفتاح البرهان اتهاماته للإمارات بتسليح المتمردين.")
    assert any(t == "ACCUSE" and a == ["abdel_fattah_al_burhan"]
               and "united_arab_emirates" in g for t, a, g in evs), evs
    # right before the charge, the possessive is the one accused ("ب*" in unless)
    assert "accuse_own_charge_noun" not in _hit_ids("ونفت الإمارات اتهامها بدعم المتمردين.")
    assert "accuse_own_charge_noun" in _hit_ids("وجددت الخرطوم اتهامها لأبوظبي بدعم المتمردين.")


def test_reconsidering_relations_threatens_them() -> None:
    evs = _events("وأعلنت الحكومة الجزائرية مراجعة علاقاتها مع فرنسا.")
    assert any(t == "THREATEN" and "france" in g for t, _, g in evs), evs
    # asked for, not decided
    assert not any(t == "THREATEN" for t, _, _ in _events(
        "وطالب النواب الجزائريون بمراجعة العلاقات مع فرنسا."))


def test_a_crowd_going_out_protests() -> None:
    assert "protest_crowd_out" in _hit_ids("وخرج مئات المحتجين في الخرطوم للمطالبة بالحكم المدني.")
    assert "protest_crowd_out" in _hit_ids("وخرجت حشود غفيرة إلى شوارع العاصمة للتنديد بالعدوان.")
    assert "protest_crowd_out" not in _hit_ids("وخرج الرئيس من المستشفى بعد أيام.")


def test_what_a_demand_asks_for_is_its_object() -> None:
    # the aid asked for is no aid given; the one asked, after it, is the target
    evs = _events("وطلبت الحكومة السودانية مساعدات إنسانية من الأمم المتحدة.")
    assert not any(t == "AID" for t, _, _ in evs), evs
    assert any(t == "REQUEST" and "united_nations" in g for t, _, g in evs), evs
    # a noun right after دعا is its subject, not what it asks for
    evs = _events("دعا اتفاق الرياض بين الحكومة اليمنية والمجلس الانتقالي الجنوبي إلى تشكيل "
                  "حكومة جديدة.")
    assert any(t == "AGREE" for t, _, _ in evs), evs


def test_a_condemnation_of_a_nisba_act_blames_that_country_not_its_victims() -> None:
    evs = _events("أدانت روسيا، الضربات الأمريكية على العراق. وقالت الولايات المتحدة إنها سترد.")
    assert ("ACCUSE", ["russia"], ["united_states"]) in evs


def test_a_condemnation_names_the_attack_told_before() -> None:
    evs = _events("شنت إسرائيل غارات على غزة. وأدان الأمين العام للأمم المتحدة أنطونيو غوتيريش "
                  "هذه الجريمة.")
    assert any(t == "ACCUSE" and "israel" in g for t, _, g in evs), evs


def test_an_act_owed_in_any_form_is_one_demand() -> None:
    # the act owed is a verb after "أن", or a verbal noun no trigger lists
    evs = _events("وأكد الرئيس الفرنسي إيمانويل ماكرون أن على روسيا أن تسحب قواتها من أوكرانيا.")
    assert evs == [("REQUEST", ["emmanuel_macron"], ["russia"])], evs
    evs = _events('وقال زعيم الحوثيين عبد الملك الحوثي إن "على السعودية التخلي عن طموحاتها".')
    assert ("REQUEST", ["abdul_malik_al_houthi"], ["saudi_arabia"]) in evs
    evs = _events("وقال الرئيس الأمريكي جو بايدن إنه يجب على إسرائيل السماح بدخول المساعدات.")
    assert ("REQUEST", ["joe_biden"], ["israel"]) in evs


def test_on_a_place_or_with_nobody_to_ask_is_no_demand() -> None:
    evs = _events("وقال الوزير إن على الحدود مع سوريا تجري اشتباكات عنيفة.")
    assert not any(t == "REQUEST" for t, _, _ in evs), evs
    assert not _events("يجب على إسرائيل الانسحاب من غزة.")


# ------------------------------------------------------------------ threats, denials, protests


def test_reserving_the_right_to_respond_threatens() -> None:
    evs = _events("وقال الرئيس الإيراني إبراهيم رئيسي إن بلاده تحتفظ بحقها في الرد على إسرائيل.")
    assert any(t == "THREATEN" and a == ["ebrahim_raisi"] for t, a, _ in evs), evs
    assert "threaten_reserve_right_noun" in _hit_ids(
        "وأكدت الخارجية احتفاظ الجزائر بحقها في اتخاذ الإجراءات اللازمة.")
    # a standing power is no threat
    assert not _hit_ids("وتحتفظ الولايات المتحدة بحق النقض في مجلس الأمن.")


def test_readiness_to_strike_threatens() -> None:
    evs = _events('وقال المتحدث باسم الجيش الإسرائيلي إن "إسرائيل مستعدة لضربة مؤلمة".')
    assert ("THREATEN", ["israel"], []) in evs
    # readiness for talks is no threat (the conventions read it as AGREE)
    assert not any(t == "THREATEN" for t, _, _ in
                   _events("وقال الوزير إن بلاده مستعدة للحوار مع الجميع."))


def test_reports_called_false_are_denied() -> None:
    evs = _events("وقالت وزارة الخارجية الروسية إن تقارير الهجوم في سوريا ملفقة وزائفة.")
    assert [e for e in evs if e[0] == "REJECT"] == [
        ("REJECT", ["russian_foreign_ministry"], [])], evs
    # a charge's description is no denial
    assert "reject_false_report" not in _hit_ids("واعتقل الناشط بتهم ملفقة.")


def test_protesting_in_person_is_a_demonstration() -> None:
    assert "protest_in_person" in _hit_ids("واحتج أهالي المعتقلين أمام مقر المحكمة في تونس.")
    evs = _events("واحتجت فرنسا لدى الجزائر على القرار.")
    assert ("ACCUSE", ["france"], ["algeria"]) in evs


def test_a_participle_after_a_number_counts_people() -> None:
    evs = _events("وأمرت محكمة النقض المصرية بإعادة محاكمة 39 متهما في القضية.")
    assert not any(t == "ACCUSE" for t, _, _ in evs), evs


# ------------------------------------------------------------------ more verbs and nouns


def test_calling_upon_and_giving_a_deadline_ask() -> None:
    assert "request_call_upon" in _hit_ids("وأهابت وزارة الداخلية بالمواطنين الالتزام.")
    evs = _events("بدأت بعثة الأمم المتحدة في مالي الانسحاب. وأمهلها مجلس الأمن الدولي حتى "
                  "نهاية العام لاستكمال انسحابها.")
    assert any(t == "REQUEST" and a == ["un_security_council"] for t, a, _ in evs), evs
    assert "request_deadline_noun" in _hit_ids("ومنح المحتجون الحكومة مهلة يومين.")
    assert "request_deadline_noun" not in _hit_ids("وبعد انتهاء المهلة عاد المحتجون.")
    assert "request_deadline_noun" not in _hit_ids("وقال إن الغرض من المهلة هو الضغط.")


def test_a_call_as_a_noun_but_not_an_invitation() -> None:
    evs = _events("ولقيت دعوة المرجعية الدينية علي السيستاني إلى تغيير القيادة ترحيبا واسعا.")
    assert ("REQUEST", ["ali_al_sistani"], []) in evs
    for text in ("وتلقى الرئيس المصري عبد الفتاح السيسي دعوة لزيارة روسيا.",
                 "ووصل الرئيس التركي إلى موسكو تلبية لدعوة من الرئيس الروسي.",
                 "ودخل المحتجون في اعتصام استجابة للدعوة التي وجهت إليهم."):
        assert "request_call_noun" not in _hit_ids(text), text


def test_a_refused_call_is_the_refusals_object() -> None:
    evs = _events("ورفض قائده عبد الفتاح البرهان دعوة الولايات المتحدة للمشاركة في المحادثات.")
    assert ("REJECT", ["abdel_fattah_al_burhan"], ["united_states"]) in evs
    assert not any(t == "REQUEST" for t, _, _ in evs), evs


def test_more_verbs_of_blame_and_refutation() -> None:
    evs = _events("واستهجنت وزارة الخارجية الأردنية تصريحات وزير الأمن القومي الإسرائيلي "
                  "إيتمار بن غفير.")
    assert any(t == "ACCUSE" and g == ["itamar_ben_gvir"] for t, _, g in evs), evs
    evs = _events("وألقى الرئيس الأمريكي دونالد ترامب باللوم على الصين.")
    assert ("ACCUSE", ["donald_trump"], ["china"]) in evs
    assert "reject_refute" in _hit_ids("ودحضت وزارة الدفاع الروسية الاتهامات الأمريكية.")


def test_criticism_or_a_threat_directed_at_someone() -> None:
    evs = _events("ووجهت روسيا انتقادات حادة إلى الولايات المتحدة.")
    assert evs == [("ACCUSE", ["russia"], ["united_states"])], evs
    evs = _events("ووجهت إيران تهديدات مباشرة إلى الولايات المتحدة.")
    assert evs == [("THREATEN", ["iran"], ["united_states"])], evs
    assert not _events("ووجه الرئيس الأمريكي جو بايدن الشكر إلى قطر.")


def test_a_protests_demand_in_a_finite_verb_is_the_protests() -> None:
    evs = _events("وتظاهر آلاف الليبيين في ميدان الشهداء بطرابلس يطالبون حكومة الوحدة الوطنية "
                  "بالرحيل.")
    assert [t for t, _, _ in evs] == ["PROTEST"], evs
    assert evs[0][2] == ["government_of_national_unity"], evs
    # a demand with its own subject stays a request
    evs = _events("وتظاهر الآلاف في بيروت، وطالب الرئيس اللبناني ميشال عون الحكومة بالاستقالة.")
    assert any(t == "REQUEST" and a == ["michel_aoun"] for t, a, _ in evs), evs


def test_dire_consequences_make_a_warning_a_threat() -> None:
    assert "threaten_warn_dire_participle" in _hit_ids(
        "وأكد المتحدث دعم بلاده للحوار، محذرا من أن حل الأزمة بالقوة سيكون له عواقب وخيمة.")
    evs = _events("وحذر الرئيس الإيراني إبراهيم رئيسي من أن إسرائيل ستدفع الثمن غاليا.")
    assert ("THREATEN", ["ebrahim_raisi"], ["israel"]) in evs
    assert not _events("وحذرت الأمم المتحدة من كارثة إنسانية وشيكة.")


def test_accusations_exchanged_are_each_sides() -> None:
    # "تبادل الطرفان الاتهامات": both accuse, alike
    evs = _events("وتبادلت الحكومة السودانية وقوات الدعم السريع الاتهامات بخرق الهدنة.")
    assert [(t, sorted(a)) for t, a, _ in evs] == [
        ("ACCUSE", ["rapid_support_forces", "sudan_government"])], evs
    evs = _events("ويأتي ذلك وسط تبادل الاتهامات بين روسيا وأوكرانيا.")
    assert [(t, sorted(a)) for t, a, _ in evs] == [("ACCUSE", ["russia", "ukraine"])], evs
