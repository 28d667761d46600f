"""Where events happen: the place rules (marsad/events/places.py) on team-written
sentences, checked by the place each event takes."""

from __future__ import annotations

import tests.helpers as helpers
from marsad.events import extract_events
from tests.helpers import extract


def placed(text: str) -> list[tuple[str, str | None]]:
    """The events of ``text`` as (type, the kb key of their place)."""
    doc = extract(text)
    res = helpers._PIPE.resources  # type: ignore[union-attr]
    evs = extract_events(doc, res.triggers, capitals=res.capitals, demonyms=res.demonyms,
                         reporters=res.reporters, nationals=res.nationals)
    key = {e.id: e.kb_id or e.name for e in doc.entities}
    return [(ev.type, key.get(ev.location) if ev.location else None) for ev in evs]


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
    assert placed("اقتحمت القوات الإسرائيلية مدينة جنين صباح اليوم، وداهمت عدة منازل وسط "
                  "حالة من التوتر الشديد بين السكان، واعتقلت الشاب محمد أحمد.")[-1] == (
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
