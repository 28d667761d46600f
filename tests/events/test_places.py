"""Where events happen: the place rules (marsad/events/places.py) on team-written
sentences, checked by the place each event takes."""

from __future__ import annotations

from datetime import date

import tests.helpers as helpers
from marsad.events import extract_events
from tests.helpers import extract


def _events(text: str) -> tuple[dict[str, str], list]:
    doc = extract(text)
    res = helpers._PIPE.resources  # type: ignore[union-attr]
    evs = extract_events(doc, res.triggers, **res.event_maps)
    return {e.id: e.kb_id or e.name for e in doc.entities}, evs


def placed(text: str) -> list[tuple[str, str | None]]:
    """The events of ``text`` as (type, the kb key of their place)."""
    key, evs = _events(text)
    return [(ev.type, key.get(ev.location) if ev.location else None) for ev in evs]


def dated(text: str) -> list[tuple[str, str | None, date | None]]:
    """The events of ``text`` as (type, place key, first day)."""
    key, evs = _events(text)
    return [(ev.type, key.get(ev.location) if ev.location else None,
             ev.date.first if ev.date else None) for ev in evs]


def test_a_city_named_after_its_state_is_the_place() -> None:
    assert ("CONSULT", "riyadh") in placed(
        "والتقى الرئيس المصري عبد الفتاح السيسي الرئيس التركي رجب طيب أردوغان بالعاصمة "
        "السعودية الرياض.")
    assert ("RETREAT", "homs") in placed(
        "وتواصل القوات الروسية انسحابها من مناطق عدة في سوريا، وتحديدا في حمص.")


def test_a_state_alone_stays_the_place() -> None:
    assert ("CONSULT", "saudi_arabia") in placed(
        "والتقى الرئيس المصري عبد الفتاح السيسي الرئيس التركي رجب طيب أردوغان في السعودية.")


def test_acts_told_after_one_with_a_place_happen_there() -> None:
    assert placed("اقتحمت القوات الإسرائيلية مدينة جنين صباح اليوم، وفتشت عددا من البيوت في "
                  "أجواء مشحونة، واعتقلت الشاب محمد أحمد.")[-1] == (
        "COERCE", "جنين")
    assert placed("اقتحمت القوات الإسرائيلية مدينة جنين. واعتقلت الشرطة الفلسطينية الشاب "
                  "محمد أحمد.")[-1] == ("COERCE", None)


def test_a_place_past_a_long_apposition_is_still_the_place() -> None:
    met = ("والتقى الوزير الروسي سيرغي لافروف، وهو من أقدم الدبلوماسيين في بلاده خلال "
           "العقود الماضية، بالرئيس المصري عبد الفتاح السيسي ")
    assert placed(met + "في مدينة الإسكندرية على البحر المتوسط.") == [("CONSULT", "alexandria")]
    assert placed(met + "لبحث الأوضاع في مدينة الإسكندرية.") == [("CONSULT", None)]


def test_a_protest_in_a_square_happens_in_the_square_and_wasat_is_a_place_word() -> None:
    assert placed("وتظاهر مئات الطلاب، مساء الخميس، في ساحة النصر وسط عمّان، مطالبين "
                  "بإصلاح التعليم.") == [("PROTEST", "ساحة النصر")]
    # "وسط" is one place word (not و + سط): the city after it is where, not a party
    assert placed("وتظاهر مئات الطلاب، مساء الخميس، وسط عمّان، مطالبين بإصلاح "
                  "التعليم.") == [("PROTEST", "amman")]


VISIT = ("وصل الرئيس التركي رجب طيب أردوغان إلى القاهرة يوم 5 مارس 2024 حيث التقى الرئيس "
         "المصري عبد الفتاح السيسي. ")


def test_acts_of_the_pair_and_during_the_meeting_take_its_place_and_date() -> None:
    day = date(2024, 3, 5)
    # what the two sides do together right after they met
    assert dated(VISIT + "ودعا الرئيسان إسرائيل إلى وقف إطلاق النار.")[-1] == (
        "REQUEST", "cairo", day)
    # an act told as during the visit
    assert dated(VISIT + "ووقعت خلال الزيارة اتفاقية للتعاون العسكري بين مصر "
                 "وتركيا.")[-1] == ("AGREE", "cairo", day)
    # one side alone, told later, is not dated by the meeting
    assert dated(VISIT + "ودعا الرئيس المصري إسرائيل إلى وقف إطلاق النار.")[-1][2] is None


def test_strikes_over_several_places_of_a_state_happen_in_the_state() -> None:
    assert placed("وشنت الطائرات الروسية غارات عنيفة على مدينة حلب وريف إدلب ومدينة حماة في "
                  "سوريا.") == [("ASSAULT", "syria")]
    assert placed("وشنت الطائرات الروسية غارات عنيفة على مدينة حلب في سوريا.") == [
        ("ASSAULT", "aleppo")]


def test_a_visit_landing_in_the_capital_of_the_state_it_goes_to_is_placed_there() -> None:
    assert placed("وحطّ الرئيس التركي رجب طيب أردوغان في بغداد في أول زيارة له إلى "
                  "العراق.")[0] == ("CONSULT", "baghdad")


def test_a_meeting_during_a_visit_takes_the_visits_place_and_date() -> None:
    visit = "وزار وزير الخارجية الروسي سيرغي لافروف القاهرة يوم 3 مايو 2024. "
    assert dated(visit + "وأجرى لافروف محادثات مع وزير الخارجية المصري سامح شكري.")[-1] == (
        "CONSULT", "cairo", date(2024, 5, 3))
    # a date of its own stays
    assert dated(visit + "وأجرى لافروف يوم 4 مايو 2024 محادثات مع وزير الخارجية المصري سامح "
                 "شكري.")[-1] == ("CONSULT", "cairo", date(2024, 5, 4))


def test_a_raid_told_after_a_camp_named_since_the_last_act_happened_there() -> None:
    from tests.events.test_participants import events_of
    _, evs, key = events_of("واعتقل الجيش الإسرائيلي شابين في نابلس، وامتدت المداهمات إلى "
                            "الخليل المحتلة، وتحديدا مخيم الفوار للاجئين الفلسطينيين جنوب "
                            "المدينة، واعتقل الفتى أحمد سالم.")
    arrest = [ev for ev in evs if [key.get(t) for t in ev.targets] == ["أحمد سالم"]]
    assert [key.get(ev.location) for ev in arrest] == ["مخيم الفوار"]


def test_the_town_raided_wins_over_the_scene_set_before_the_verb() -> None:
    from tests.events.test_participants import events_of
    _, evs, key = events_of("وفي محافظة الخليل، داهمت القوات الإسرائيلية بلدة بيت حمدان "
                            "واعتقلت شابين.")
    assert {key.get(ev.location) for ev in evs} == {"بيت حمدان"}
    # a meeting keeps the scene set before it when the place after it is farther
    _, evs, key = events_of("وفي القاهرة، التقى الرئيس المصري عبد الفتاح السيسي الرئيس "
                            "التركي رجب طيب أردوغان لبحث الأوضاع في مدينة حلب.")
    assert {key.get(ev.location) for ev in evs} == {"cairo"}


def test_places_listed_past_the_same_act_named_again_spread_over_the_state() -> None:
    from tests.events.test_participants import events_of
    # "غارة" named again does not end the list of places the strikes hit
    _, evs, key = events_of("وشنت إسرائيل غارات على مدينة صور وبلغت عشرين غارة، كما على صيدا "
                            "والنبطية في لبنان.")
    assert [key.get(ev.location) for ev in evs] == ["lebanon"]
    # another act after the clause does end it
    _, evs, key = events_of("وشنت إسرائيل غارات على مدينة صور، وأعلن الجيش اعتقال شابين في "
                            "صيدا والنبطية في لبنان.")
    assert key.get(evs[0].location) == "tyre"


def test_forces_withdraw_where_they_leave_a_base_before_its_state() -> None:
    from tests.events.test_participants import events_of
    _, evs, key = events_of("وأكملت القوات الأمريكية انسحابها من قاعدة أغاديز الجوية في النيجر.")
    assert [key.get(ev.location or "") for ev in evs if ev.type == "RETREAT"] == [
        "agadez_air_base"]


def test_a_meeting_after_arriving_in_a_city_of_the_state_visited_is_in_that_city() -> None:
    from tests.events.test_participants import events_of
    _, evs, key = events_of("وصل وزير الخارجية الروسي سيرغي لافروف إلى الخرطوم في زيارة إلى "
                            "السودان تستغرق يومين، والتقى رئيس مجلس السيادة عبد الفتاح البرهان.")
    met = [ev for ev in evs if [key[t] for t in ev.targets] == ["abdel_fattah_al_burhan"]]
    assert [key[ev.location or ""] for ev in met] == ["khartoum"]


def test_a_place_in_what_is_asked_is_not_where_it_was_asked() -> None:
    from tests.events.test_participants import events_of
    _, evs, key = events_of("التقى الرئيس المصري عبد الفتاح السيسي الرئيس التركي رجب طيب "
                            "أردوغان في القاهرة. ودعا الرئيسان إسرائيل إلى وقف فوري لإطلاق "
                            "النار في قطاع غزة.")
    assert [key.get(ev.location or "") for ev in evs if ev.type == "REQUEST"] == ["cairo"]


def test_a_place_named_by_nearness_is_where_never_a_party() -> None:
    # "قرب X"، "بالقرب من X"، "على مقربة من مدينة X": the place, never the attacker
    for text in ("قتل ثلاثة جنود في كمين نصبه مسلحون قرب دير الزور.",
                 "قتل ثلاثة جنود في كمين نصبه مسلحون بالقرب من دير الزور.",
                 "قتل ثلاثة جنود في كمين نصبه مسلحون على مقربة من مدينة دير الزور."):
        key, evs = _events(text)
        assert [(ev.type, key.get(ev.location)) for ev in evs] == [("ASSAULT", "deir_ez_zor")]
        assert all(key.get(a) != "deir_ez_zor" for ev in evs for a in (*ev.actors, *ev.targets))


def test_a_date_before_a_span_of_time_does_not_date_the_act_it_leads_to() -> None:
    # "أُعيد انتخابه في مايو 2024، بعد أشهر من زيارته …": the visit is months before May
    got = dated("وأعيد انتخاب الرئيس التشادي محمد إدريس ديبي في مايو 2024، بعد أشهر من "
                "زيارته إلى موسكو ولقائه الرئيس فلاديمير بوتين في يناير 2024.")
    assert ("CONSULT", "moscow", date(2024, 1, 1)) in got, got


def test_where_a_party_is_gives_way_to_where_the_act_happened() -> None:
    # "الحوثيون في اليمن" tells where the party is; the attack was at sea
    assert placed("أعلن الحوثيون في اليمن الإثنين إطلاق صاروخ على ناقلة نفط في البحر "
                  "الأحمر.") == [("ASSAULT", "red_sea")]
    # with no place after the act, the party's place still says where
    assert placed("وأعلن الحوثيون في اليمن الإثنين إطلاق صاروخ على ناقلة نفط.") == [
        ("ASSAULT", "yemen")]
