"""Common acts told in forms the rules missed (session 10, issue #14): passives with a
named patient (تم/جرى + verbal noun behind a description, "أُطلق سراح X"), killings and
assassinations in the passive with or without an agent phrase, a call received with the
receiver between the verb and the noun, a receiving verb split from على by its subject,
and the group named by a partitive. Team-written (invented) sentences, run through the
events layer; the negatives are the senses and tallies that must stay out."""

from __future__ import annotations

from tests.events.test_lexicon import _hit_ids
from tests.events.test_rules import traced

# ------------------------------------------------------------------ passives, named patient


def test_a_passive_verbal_noun_reaches_its_patient_behind_a_description() -> None:
    _, events = traced("وتم اعتقال القيادي في حركة حماس إسماعيل هنية في غزة.")
    assert ("COERCE", (), ("ismail_haniyeh",)) in events, events
    # a number or a demonstrative is no person's description: the name far on is no patient
    _, events = traced("وتم إطلاق سراح هؤلاء المعتقلين بمناسبة عيد ميلاد الملك محمد السادس.")
    assert all("mohammed_vi" not in t for _, _, t in events), events


def test_a_release_acts_on_the_genitive_of_sarah() -> None:
    _, events = traced("وأطلق سراح زعيم حركة النهضة راشد الغنوشي مساء الخميس.")
    assert ("RETREAT", (), ("rached_ghannouchi",)) in events, events
    # with its subject between, the subject releases
    _, events = traced("وأطلقت السلطات الروسية سراح المعارض أليكسي نافالني.")
    assert any(t == "RETREAT" and g == ("alexei_navalny",) and a for t, a, g in events), events


# ------------------------------------------------------------------ killings


def test_a_passive_killing_with_a_named_hand_is_an_attack() -> None:
    _, events = traced("وقتل ثلاثة جنود من الجيش المالي على يد مسلحين من تنظيم داعش.")
    assert ("ASSAULT", ("isis",), ("malian_armed_forces",)) in events, events
    _, events = traced("واغتيل القيادي في حركة حماس على يد الجيش الإسرائيلي في بيروت.")
    assert any(t == "ASSAULT" and a == ("israel_defense_forces",) for t, a, _ in events), events


def test_a_passive_assassination_acts_on_who_follows() -> None:
    _, events = traced("واغتيل الرئيس الصومالي حسن شيخ محمود على يد مسلحين في مقديشو.")
    assert ("ASSAULT", (), ("hassan_sheikh_mohamud",)) in events, events
    # the partitive names the group acted on
    _, events = traced("وقتل جنديان من الجيش الصومالي على يد مجهولين في مقديشو.")
    assert ("ASSAULT", (), ("somali_national_army",)) in events, events


def test_a_rough_tally_with_a_hand_stays_a_tally() -> None:
    assert "assault_kill_by_hand" not in _hit_ids(
        "وقتل أكثر من ألف شخص على يد الجيش منذ بدء الحرب.")
    assert "assault_kill_by_hand" not in _hit_ids("وقتل ثلاثة جنود في هجوم على القاعدة.")


# ------------------------------------------------------------------ calls and receipts


def test_a_call_received_without_hatifiyan() -> None:
    _, events = traced("وتلقى وزير الخارجية المصري بدر عبد العاطي اتصالا من نظيره الأردني "
                       "أيمن الصفدي.")
    assert ("CONSULT", ("ayman_safadi",), ("badr_abdelatty",)) in events, events
    _, events = traced("وتلقت رئيسة الوزراء الإيطالية جورجيا ميلوني مساء الأحد اتصالا من "
                       "الرئيس الأمريكي جو بايدن.")
    assert ("CONSULT", ("joe_biden",), ("giorgia_meloni",)) in events, events
    # "اتصال" alone is contact or telecoms, no call
    assert "consult_phone_from" not in _hit_ids("وانقطع الاتصال بالإنترنت في العاصمة.")


def test_a_receiving_verb_split_from_its_particle_by_the_subject() -> None:
    _, events = traced("وحصل الجيش الأوكراني على دبابات من ألمانيا.")
    assert ("AID", ("germany",), ("ukrainian_armed_forces",)) in events, events
    # documents or approval obtained are no delivery
    assert "aid_receive_split" not in _hit_ids(
        "وحصلت الصحيفة على وثائق تكشف صفقة أسلحة مع روسيا.")


# ------------------------------------------------------------------ deaths told with the attack


def test_who_died_in_the_attack_is_its_target() -> None:
    _, events = traced("وأكد الجيش اللبناني مقتل قائده العماد جوزيف عون في قصف على بيروت.")
    assert ("ASSAULT", (), ("joseph_aoun", "beirut")) in events, events
    # "لقي X مصرعه في غارة": the one who met his death is the strike's target
    _, events = traced("ولقي القيادي في حركة حماس صالح العاروري مصرعه في غارة على بيروت.")
    assert any(t == "ASSAULT" and "saleh_al_arouri" in g and not a
               for t, a, g in events), events
    # "قتل X" with a circumstance and no object is the passive: X is killed, not a killer
    _, events = traced("وقتل الرئيس التشادي إدريس ديبي خلال معارك مع المتمردين.")
    assert ("ASSAULT", (), ("idriss_deby",)) in events, events
    _, events = traced("وقتل الرئيس الروسي فلاديمير بوتين المعارض أليكسي نافالني.")
    assert ("ASSAULT", ("vladimir_putin",), ("alexei_navalny",)) in events, events


# ------------------------------------------------------------------ partitives


def test_a_count_of_members_names_their_group() -> None:
    # acted on: a count right after a verb of arrest or abduction is its passive subject
    _, events = traced("واختطف ثلاثة من موظفي الأمم المتحدة في اليمن.")
    assert ("ASSAULT", (), ("united_nations",)) in events, events
    # acting: "عدد من مقاتلي X" before the object is the subject (the construct plural)
    _, events = traced("وأطلق عدد من مقاتلي حزب الله صواريخ على مواقع للجيش الإسرائيلي.")
    assert ("ASSAULT", ("hezbollah",), ("israel_defense_forces",)) in events, events
