"""A meeting retold later by a definite meeting noun ("وأكد الوزير في اللقاء …") is the
meeting told before, whatever sides are read around the noun (issue #14 item 5). All
sentences are invented."""

from __future__ import annotations

from marsad.doc import Event, Span
from marsad.events.merge import merge, names_own_side

from .test_events import _full


def _meeting(eid: str, sent: Span, trig: Span, actors: tuple[str, ...],
             targets: tuple[str, ...], mode: str | None = None) -> Event:
    return Event(eid, "CONSULT", (sent,), mode=mode, actors=actors, targets=targets,
                 trigger=trig)


ETYPE = {"p1": "PER", "p2": "PER", "s1": "GPE", "s2": "GPE"}


def test_a_meeting_noun_told_later_joins_the_meeting_with_its_sides() -> None:
    # "التقى الوزير نظيره …" … "وأكد الوزير في اللقاء أن بلاده …": the noun's sides are the
    # speaker's state and another state, read wrongly around the noun
    first = _meeting("a", Span(0, 40), Span(0, 5), ("p1",), ("p2",))
    later = _meeting("b", Span(41, 90), Span(55, 61), ("s1",), ("s2",))
    out = merge([first, later], ETYPE, retold={(55, 61)})
    assert len(out) == 1 and out[0].actors == ("p1",) and out[0].targets == ("p2",)
    assert out[0].evidence == (Span(0, 40), Span(41, 90))
    # not marked as a retelling noun: two meetings
    assert len(merge([first, later], ETYPE)) == 2


def test_a_retold_meeting_noun_keeps_dates_and_visits_apart() -> None:
    from datetime import date

    from marsad.doc import DateValue

    day = DateValue(0, 3, "xyz", date(2024, 1, 2), date(2024, 1, 2))
    other = DateValue(50, 53, "xyz", date(2024, 3, 9), date(2024, 3, 9))
    first = Event("a", "CONSULT", (Span(0, 40),), actors=("p1",), targets=("p2",),
                  trigger=Span(0, 5), date=day)
    later = Event("b", "CONSULT", (Span(41, 90),), actors=("s1",), targets=("s2",),
                  trigger=Span(55, 61), date=other)
    # a meeting noun dated otherwise names another meeting
    assert len(merge([first, later], ETYPE, retold={(55, 61)})) == 2
    # "الزيارة" told after a meeting during it: the visit is an event of its own
    visit = _meeting("c", Span(41, 90), Span(55, 61), ("p1",), (), mode="visit")
    undated = _meeting("a", Span(0, 40), Span(0, 5), ("p1",), ("p2",))
    assert len(merge([undated, visit], ETYPE, retold={(55, 61)})) == 2


def test_a_noun_that_names_its_own_side_is_no_retelling() -> None:
    # "اللقاء بين الطرفين"، "الاجتماع مع نظيره"، "زيارته لقطر"، "الزيارة إلى موسكو"
    assert names_own_side("بين", frozenset({"الي"}))
    assert names_own_side("مع", frozenset({"الي"}))
    assert names_own_side("لقطر", frozenset({"الي"}))
    assert names_own_side("الي", frozenset({"الي"}))
    # "اللقاء الثنائي"، "الاجتماع أن": no side named
    assert not names_own_side("الثنائي", frozenset({"الي"}))
    assert not names_own_side("ان", frozenset({"الي"}))


def test_the_meeting_said_in_is_the_meeting_told_before() -> None:
    text = ("التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان يوم "
            "الأحد. وأكد الوزير المصري في اللقاء أن مصر تقف مع الأردن.")
    evs = [e for e in _full(text) if e["type"] == "CONSULT"]
    assert [(e["actors"], e["targets"]) for e in evs] == [(["sameh_shoukry"], ["ayman_safadi"])]
