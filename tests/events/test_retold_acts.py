"""An act other than a meeting retold later by its definite noun ("قصفت الطائرات مخزنا
للذخيرة" … "وأسفرت الغارة عن مقتل ثلاثة") is the act told before, when the noun's sentence
names no side the first telling lacks and no other date or place (issue #14). All
sentences are invented."""

from __future__ import annotations

from datetime import date

from marsad.doc import DateValue, Event, Span
from marsad.events.merge import merge

from .test_events import _full

ETYPE = {"g1": "ORG", "t1": "GPE", "t2": "GPE", "c1": "GPE", "c2": "GPE"}


def _act(eid: str, sent: Span, trig: Span, actors: tuple[str, ...],
         targets: tuple[str, ...], **kw: object) -> Event:
    return Event(eid, "ASSAULT", (sent,), actors=actors, targets=targets, trigger=trig,
                 **kw)  # type: ignore[arg-type]


def test_an_act_noun_naming_no_new_side_joins_the_act_told_before() -> None:
    # "أغارت طائرات الجماعة على البلدة" … "وأسفرت الغارة عن مقتل ثلاثة": no sides read
    first = _act("a", Span(0, 40), Span(0, 5), ("g1",), ("t1",))
    later = _act("b", Span(41, 90), Span(47, 53), (), ())
    out = merge([first, later], ETYPE, retold={(47, 53)})
    assert len(out) == 1 and out[0].actors == ("g1",) and out[0].targets == ("t1",)
    assert out[0].evidence == (Span(0, 40), Span(41, 90))
    # the target alone read again ("الغارة على البلدة"): the same act
    again = _act("b", Span(41, 90), Span(47, 53), (), ("t1",))
    assert len(merge([first, again], ETYPE, retold={(47, 53)})) == 1


def test_an_act_noun_with_a_new_side_date_or_place_stays_apart() -> None:
    first = _act("a", Span(0, 40), Span(0, 5), ("g1",), ("t1",))
    # "الهجوم على المطار" after a raid on a town: another target, another act
    other = _act("b", Span(41, 90), Span(47, 53), (), ("t2",))
    assert len(merge([first, other], ETYPE, retold={(47, 53)})) == 2
    # a noun dated otherwise ("الغارة التي وقعت في مارس") names another act
    day = DateValue(0, 3, "xyz", date(2024, 1, 2), date(2024, 1, 2))
    march = DateValue(50, 53, "xyz", date(2024, 3, 9), date(2024, 3, 9))
    dated = _act("a", Span(0, 40), Span(0, 5), ("g1",), ("t1",), date=day)
    later = _act("b", Span(41, 90), Span(47, 53), (), (), date=march)
    assert len(merge([dated, later], ETYPE, retold={(47, 53)})) == 2
    # told in two places of two states
    here = _act("a", Span(0, 40), Span(0, 5), ("g1",), ("t1",), location="c1")
    there = _act("b", Span(41, 90), Span(47, 53), (), (), location="c2")
    assert len(merge([here, there], ETYPE, retold={(47, 53)})) == 2
    # not marked as a retelling noun: two acts (two strikes are two events)
    assert len(merge([first, _act("b", Span(41, 90), Span(47, 53), (), ())], ETYPE)) == 2


def test_the_raid_told_later_is_the_raid_told_before() -> None:
    # (end to end: the noun's event is one with the raid, whichever step joins them)
    text = ("قصفت طائرات حربية إسرائيلية بلدة الخيام في جنوب لبنان يوم الأحد. "
            "وأسفرت الغارة عن مقتل ثلاثة أشخاص وإصابة آخرين.")
    evs = [e for e in _full(text) if e["type"] == "ASSAULT"]
    assert len(evs) == 1, evs
