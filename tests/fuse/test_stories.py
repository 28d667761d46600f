from __future__ import annotations

import json
from datetime import date

from marsad.fuse import build_stories, find_contradictions, link_entities, outlet_of
from marsad.fuse.stories import _members_of

from .records import ent, event, record

MEET = {"actors": ("haftar",), "targets": ("putin",)}
KB = ("haftar", "putin", "lavrov", "erdogan", "moscow", "benghazi")


def rec(doc_id: str, *events: dict, outlet: str | None = None, published: str | None = None,
        **kw: object) -> dict:
    """A record with all KB entities and the given events; text unique per doc (no
    near-duplicates unless a test says so)."""
    return record(doc_id, text=f"نص المقال رقم {doc_id}: التقى خليفة حفتر في موسكو",
                  outlet=outlet or f"outlet-{doc_id}", published=published, kb=KB,
                  events=list(events), **kw)  # type: ignore[arg-type]


def test_same_meeting_day_and_range_is_one_story() -> None:
    recs = [
        rec("a", event(**MEET, location="moscow", date="2025-05-10"), published="2025-05-11"),
        rec("b", event(**MEET, date=("2025-05-08", "2025-05-14")), published="2025-05-12"),
    ]
    (s,) = build_stories(recs)
    assert s.type == "CONSULT"
    assert s.participants == ("kb:khalifa_haftar", "kb:vladimir_putin")
    assert s.location == "kb:moscow"
    assert s.date == (date(2025, 5, 10), date(2025, 5, 10), "intersection")
    assert s.n_independent == 2
    assert s.certainty == "corroborated"
    assert s.contradictions == ()
    assert [(m.doc_id, m.event_id) for m in s.members] == [("a", "v1"), ("b", "v1")]
    d = json.loads(json.dumps(s.to_dict(), ensure_ascii=False))
    assert d["date"] == {"start": "2025-05-10", "end": "2025-05-10", "basis": "intersection"}
    assert d["names"]["kb:khalifa_haftar"] == "خليفة حفتر"
    assert d["members"][0]["evidence"] == {"start": 0, "end": 0, "text": ""}


def test_story_id_is_stable_under_input_order() -> None:
    recs = [rec("a", event(**MEET, date="2025-05-10")), rec("b", event(**MEET, date="2025-05-10"))]
    assert build_stories(recs)[0].id == build_stories(recs[::-1])[0].id


def test_meetings_years_apart_are_two_stories() -> None:
    recs = [rec("a", event(**MEET, date="2023-09-28")), rec("b", event(**MEET, date="2025-05-10"))]
    stories = build_stories(recs)
    assert len(stories) == 2
    assert [s.date[0].year for s in stories if s.date] == [2023, 2025]
    assert all(s.certainty == "single-source" for s in stories)


def test_single_days_one_day_apart_stay_separate() -> None:
    """Decision: 10 and 11 May may be two days of talks; without overlapping ranges we do not
    merge (and so do not report a date contradiction)."""
    recs = [
        rec("a", event(**MEET, location="moscow", date="2025-05-10")),
        rec("b", event(**MEET, location="moscow", date="2025-05-11")),
    ]
    assert len(build_stories(recs)) == 2


def test_place_conflict_on_same_day_is_one_story_with_a_contradiction() -> None:
    recs = [
        rec("a", event(**MEET, location="moscow", date="2025-05-10"), outlet="RT Arabic"),
        rec("b", event(**MEET, location="moscow", date="2025-05-10"), outlet="Sputnik"),
        rec("c", event(**MEET, location="benghazi", date="2025-05-10"), outlet="Al Marsad"),
    ]
    (s,) = build_stories(recs)
    assert s.location == "kb:moscow"  # two independent sources against one
    (c,) = s.contradictions
    assert c["kind"] == "place"
    sides = {c["a"]["value"]: c["a"], c["b"]["value"]: c["b"]}
    assert sides["kb:moscow"]["sources"] == ["rt arabic", "sputnik"]
    assert sides["kb:benghazi"]["sources"] == ["al marsad"]
    assert sides["kb:benghazi"]["members"] == [["c", "v1"]]


def test_place_conflict_with_different_dates_does_not_merge() -> None:
    recs = [
        rec("a", event(**MEET, location="moscow", date=("2025-05-01", "2025-05-31"))),
        rec("b", event(**MEET, location="benghazi", date="2025-05-10")),
    ]
    assert len(build_stories(recs)) == 2


def test_participants_subset_merges_and_disjoint_does_not() -> None:
    recs = [
        rec("a", event(**MEET, date="2025-05-10")),
        rec("b", event(actors=("haftar",), targets=("putin", "lavrov"), date="2025-05-10")),
        rec("c", event(actors=("haftar",), targets=("erdogan",), date="2025-05-10")),
    ]
    stories = build_stories(recs)
    assert sorted(len(s.members) for s in stories) == [1, 2]
    big = next(s for s in stories if len(s.members) == 2)
    assert big.participants == ("kb:khalifa_haftar", "kb:sergey_lavrov", "kb:vladimir_putin")


def test_vague_event_fitting_two_stories_is_not_guessed() -> None:
    recs = [
        rec("a", event(**MEET, date="2025-05-10")),
        rec("b", event(**MEET, date="2025-05-20")),
        rec("c", event(**MEET, date=("2025-05-01", "2025-05-31"))),
    ]
    assert sorted(len(s.members) for s in build_stories(recs)) == [1, 1, 1]
    # with one meeting in May the vague report joins it
    (s,) = build_stories([recs[0], recs[2]])
    assert s.date == (date(2025, 5, 10), date(2025, 5, 10), "intersection")


def test_undated_event_joins_the_one_story_of_its_year() -> None:
    dated = rec("a", event(**MEET, date="2025-05-10"), published="2025-05-10")
    undated = rec("u", event(**MEET), published="2025-06-01")
    (s,) = build_stories([dated, undated])
    assert {m.doc_id for m in s.members} == {"a", "u"}
    assert s.date == (date(2025, 5, 10), date(2025, 5, 10), "intersection")
    # a different year: no
    old = rec("o", event(**MEET), published="2024-01-15")
    assert len(build_stories([dated, old])) == 2
    # two candidate stories that year: ambiguous, left alone
    other = rec("b", event(**MEET, date="2025-09-01"))
    stories = build_stories([dated, other, undated])
    assert len(stories) == 3


def test_undated_events_without_published_join_each_other() -> None:
    recs = [rec("a", event(**MEET)), rec("b", event(**MEET))]
    (s,) = build_stories(recs)
    assert s.date is None
    assert s.n_independent == 2


def test_certainty_labels() -> None:
    def label(*certs: str) -> str:
        recs = [rec(str(i), event(**MEET, date="2025-05-10", certainty=c))
                for i, c in enumerate(certs)]
        (s,) = build_stories(recs)
        return s.certainty

    assert label("asserted", "reported") == "corroborated"
    assert label("reported") == "single-source"
    assert label("asserted", "denied") == "disputed"
    assert label("denied", "denied") == "denied"
    assert label("uncertain", "uncertain") == "speculative"
    assert label("uncertain", "asserted") == "single-source"


def test_one_word_unlinked_names_are_not_merged() -> None:
    def mk(doc_id: str) -> dict:
        ents = [ent("p1", "محمد"), ent("p2", "علي المبروك"), ent("g", "الزاوية", type_="GPE")]
        ev = event(actors=("p1",), targets=("haftar",), date="2025-05-10")
        return rec(doc_id, ev, entities=ents)

    recs = [mk("a"), mk("b")]
    linked = link_entities(recs)
    assert "doc:a#p1" in linked and "doc:b#p1" in linked
    assert linked["name:PER:علي المبروك"]["articles"] == ["a", "b"]
    assert linked["kb:khalifa_haftar"]["articles"] == ["a", "b"]
    assert linked["kb:khalifa_haftar"]["mention_count"] == 2
    assert "name:GPE:الزاوية" not in linked  # one word: local even for places
    # "محمد met Haftar" in two articles: two stories
    assert len(build_stories(recs)) == 2


def test_two_word_unlinked_names_merge_events() -> None:
    def mk(doc_id: str, spelling: str) -> dict:
        ev = event(actors=("p",), targets=("haftar",), date="2025-05-10")
        return rec(doc_id, ev, entities=[ent("p", spelling)])

    (s,) = build_stories([mk("a", "عبد الحميد الدبيبة"), mk("b", "عبد الحميد الدبيبه")])
    assert "name:PER:عبد الحميد الدبيبه" in s.participants


def test_find_contradictions_on_dates_and_participants() -> None:
    names: dict[str, str] = {}
    ms = []
    for doc, (d, targets) in {"a": ("2025-05-10", ("putin",)), "b": ("2025-05-12", ("lavrov",)),
                              "c": ("2025-05-10", ("putin",))}.items():
        ms += _members_of(rec(doc, event(actors=("haftar",), targets=targets, date=d)), names)
    kinds = {c["kind"]: c for c in find_contradictions(ms)}
    assert set(kinds) == {"date", "participants"}
    sides = sorted([kinds["date"]["a"], kinds["date"]["b"]], key=lambda s: s["value"])
    assert sides[0] == {"value": ["2025-05-10", "2025-05-10"],
                        "members": [["a", "v1"], ["c", "v1"]],
                        "sources": ["outlet-a", "outlet-c"]}
    assert sides[1]["sources"] == ["outlet-b"]


def test_events_without_participants_are_stories_of_their_own() -> None:
    recs = [rec("a", event(date="2025-05-10")), rec("b", event(date="2025-05-10"))]
    assert len(build_stories(recs)) == 2


def test_outlet_fallbacks() -> None:
    assert outlet_of(record("x", outlet="Al Wasat")) == "al wasat"
    assert outlet_of(record("x", url="https://www.alwasat.ly/a/b")) == "alwasat.ly"
    assert outlet_of(record("x")) == "x"
    assert outlet_of(record("x", url="not a url")) == "x"
