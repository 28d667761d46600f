"""The trigger lexicon, third round (issue #14): characterisations, coups, attacks as
nouns, troop movements and bases, contact, authorisation and ratification; team-written
(invented) sentences through the whole pipeline, with negatives for the ambiguous words."""

from __future__ import annotations

from tests.events.test_lexicon import _events, _hit_ids, _types

# ------------------------------------------------------------------ characterisations

def test_calling_a_decision_a_coup_or_a_breach_is_disapproval() -> None:
    evs = _events("واعتبر سعد الحريري القرار انقلابا على الدستور.")
    assert ("ACCUSE", ["saad_hariri"], []) in evs
    assert "accuse_characterise" in _hit_ids("واعتبرتها حركة النهضة خرقا جسيما للدستور.")
    assert "accuse_characterise" in _hit_ids(
        'إذ عدتها حركة "النهضة" (53 نائباً من أصل 217) "انقلاباً".')


def test_declaring_a_decision_void_is_a_rejection() -> None:
    assert "REJECT" in _types("ووصفتها حركة النهضة بالباطلة.")


def test_considered_without_an_accusation_and_after_is_no_characterisation() -> None:
    # "is counted among", a promise, "after", and a definite noun phrase of the sentence
    assert "ACCUSE" not in _types("وتعد مصر من أكبر الدول العربية.")
    assert "ACCUSE" not in _types("وعدت الحكومة التونسية بإجراء انتخابات مبكرة.")
    assert "accuse_characterise" not in _hit_ids("وقال الوزير بعد انتهاك الهدنة إن الوضع هادئ.")
    assert "accuse_characterise" not in _hit_ids("واعتبر الوزير أن مكافحة الإرهاب أولوية.")


# ------------------------------------------------------------------ coups

def test_ousting_a_ruler_is_coercion() -> None:
    evs = _events("وأعلن وزير الدفاع السوداني عوض بن عوف الإطاحة بالرئيس عمر البشير.")
    assert ("COERCE", ["awad_ibn_auf"], ["omar_al_bashir"]) in evs
    evs = _events("وأطاح الجيش السوداني بالرئيس عمر البشير.")
    assert ("COERCE", ["sudanese_armed_forces"], ["omar_al_bashir"]) in evs
    assert "coerce_coup" in _hit_ids("ونفذ الجيش النيجري انقلابا عسكريا.")


def test_a_call_to_oust_and_a_revolution_are_no_coup() -> None:
    assert "COERCE" not in _types("ودعا النواب الملك للإطاحة برئيس الوزراء.")
    assert "COERCE" not in _types("بعدما أطاحت ثورة شعبية نظام معمر القذافي.")
    assert "coerce_coup" not in _hit_ids("وقاد الرئيس المالي وفدا إلى موسكو.")


# ------------------------------------------------------------------ attacks as nouns

def test_an_aggression_on_someone_and_a_bombing_are_assaults() -> None:
    evs = _events("ونفذ الجيش الإسرائيلي عدوانا جويا على ريف دمشق.")
    assert ("ASSAULT", ["israel_defense_forces"], ["rif_dimashq"]) in evs
    assert "assault_aggression_noun" in _hit_ids(
        "وأدانت مصر الاعتداء الإسرائيلي على المسجد الأقصى.")
    assert "assault_explosives_noun" in _hit_ids(
        "وقتل ثلاثة جنود في تفجير عبوة ناسفة استهدف دورية للجيش المالي.")


def test_stopping_or_a_hypothetical_aggression_is_no_assault() -> None:
    assert "ASSAULT" not in _types("ودعا الحوثيون إلى وقف العدوان على غزة.")
    assert "assault_aggression_noun" not in _hit_ids(
        "وقال الرئيس إن أي اعتداء على مالي هو اعتداء على بوركينا فاسو.")
    assert "assault_gunfire_noun" not in _hit_ids(
        "دخل وقف إطلاق النار بين لبنان وإسرائيل حيز التنفيذ.")
    assert "assault_gunfire_noun" not in _hit_ids("واتهم الجيش الحوثيين بخرق إطلاق النار.")


# ------------------------------------------------------------------ columns and bases

def test_columns_entering_and_new_military_points_are_deployments() -> None:
    evs = _events("دخل رتلان عسكريان للجيش التركي، فجر الثلاثاء، إلى منطقة خفض التصعيد في إدلب.")
    assert ("MOBILIZE", ["turkish_armed_forces"], []) in evs
    evs = _events("وقال المرصد إن الجيش التركي أنشأ عدة نقاط عسكرية جديدة في المنطقة.")
    assert ("MOBILIZE", ["turkish_armed_forces"], []) in evs


def test_a_truce_entering_into_force_and_a_base_of_support_are_no_deployment() -> None:
    assert "MOBILIZE" not in _types("دخل وقف إطلاق النار بين لبنان وإسرائيل حيز التنفيذ.")
    assert "mobilize_base" not in _hit_ids("وأقام الرئيس الفرنسي مأدبة عشاء في قصر الإليزيه.")
    assert "mobilize_enter" not in _hit_ids("ودخلت الأزمة بين البلدين شهرها الثالث.")


# ------------------------------------------------------------------ contact

def test_getting_in_touch_is_a_consultation() -> None:
    assert "consult_contact" in _hit_ids("وقال شقير إنه تواصل مع رئيس الحكومة سعد الحريري.")
    assert "consult_contact" in _hit_ids("وبحثا هاتفيا التطورات في المنطقة.")


def test_going_on_and_addressing_the_public_are_no_contact() -> None:
    assert "consult_contact" not in _hit_ids("وتواصلت الاشتباكات مع قوات الدعم السريع في الفاشر.")
    assert "consult_contact" not in _hit_ids("وقال الوزير إنه يتواصل مع وسائل الإعلام يوميا.")


# ------------------------------------------------------------------ authorisation

def test_authorising_an_army_is_a_request_of_it() -> None:
    evs = _events("خول مجلس النواب الليبي القوات المسلحة المصرية بالتدخل لحماية الأمن القومي.")
    assert ("REQUEST", ["house_of_representatives_libya"], ["egyptian_armed_forces"]) in evs


def test_chaos_is_no_authorisation() -> None:
    assert "request_authorise" not in _hit_ids("وتعيش البلاد حالة من الفوضى منذ سنوات.")
