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


def test_a_slipped_day_across_articles_is_one_story_with_a_date_contradiction() -> None:
    """Two outlets give the same meeting (same people, same city) on 8 and 10 May: one story,
    the date flagged with both sides and their sources."""
    recs = [
        rec("a", event(**MEET, location="moscow", date="2025-05-10", evidence="السبت"),
            outlet="RT Arabic"),
        rec("b", event(**MEET, location="moscow", date="2025-05-08", evidence="الخميس"),
            outlet="Al Wasat"),
    ]
    (s,) = build_stories(recs)
    assert s.date == (date(2025, 5, 8), date(2025, 5, 10), "union")
    (c,) = s.contradictions
    assert c["kind"] == "date"
    sides = {tuple(c["a"]["value"]): c["a"], tuple(c["b"]["value"]): c["b"]}
    assert sides[("2025-05-10", "2025-05-10")]["sources"] == ["rt arabic"]
    assert sides[("2025-05-08", "2025-05-08")] == {
        "value": ["2025-05-08", "2025-05-08"], "members": [["b", "v1"]],
        "sources": ["al wasat"], "evidence": ["الخميس"]}


def test_days_that_cannot_be_one_happening_stay_apart() -> None:
    def two(a: dict, b: dict) -> int:
        return len(build_stories([rec("a", a), rec("b", b)]))

    # three days apart; no place; another place; vague ranges that do not overlap
    assert two(event(**MEET, location="moscow", date="2025-05-10"),
               event(**MEET, location="moscow", date="2025-05-13")) == 2
    assert two(event(**MEET, date="2025-05-10"), event(**MEET, date="2025-05-11")) == 2
    assert two(event(**MEET, location="moscow", date="2025-05-10"),
               event(**MEET, location="benghazi", date="2025-05-11")) == 2
    # one article giving two days tells two meetings apart
    same = rec("a", event("v1", **MEET, location="moscow", date="2025-05-10"),
               event("v2", **MEET, location="moscow", date="2025-05-11"))
    assert len(build_stories([same])) == 2
    # complete linkage: every pair of a story is at most two days apart
    recs = [rec("a", event(**MEET, location="moscow", date="2025-05-10")),
            rec("b", event(**MEET, location="moscow", date="2025-05-12")),
            rec("c", event(**MEET, location="moscow", date="2025-05-14"))]
    assert sorted(len(s.members) for s in build_stories(recs)) == [1, 2]


def test_one_extra_participant_each_side_is_a_participants_contradiction() -> None:
    both = {"actors": ("haftar", "putin")}
    recs = [rec("a", event(**both, targets=("lavrov",), location="moscow", date="2025-05-10")),
            rec("b", event(**both, targets=("erdogan",), location="moscow", date="2025-05-10"))]
    (s,) = build_stories(recs)
    (c,) = s.contradictions
    assert c["kind"] == "participants"
    # on another day, or with one common participant only, they are two meetings
    recs[1]["events"][0]["date"] = {"start": "2025-05-11", "end": "2025-05-11", "text": ""}
    assert len(build_stories(recs)) == 2
    recs = [rec("a", event(**MEET, location="moscow", date="2025-05-10")),
            rec("b", event(actors=("haftar",), targets=("lavrov",), location="moscow",
                           date="2025-05-10"))]
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
    both = {"actors": ("haftar", "putin")}
    recs = [
        rec("a", event(**MEET, date="2025-05-10")),
        rec("b", event(**both, targets=("lavrov",), date="2025-05-10")),
        rec("c", event(actors=("haftar",), targets=("erdogan",), date="2025-05-10")),
    ]
    stories = build_stories(recs)
    assert sorted(len(s.members) for s in stories) == [1, 2]
    big = next(s for s in stories if len(s.members) == 2)
    assert big.participants == ("kb:khalifa_haftar", "kb:sergey_lavrov", "kb:vladimir_putin")


def test_an_event_with_several_counterparts_supports_each_meeting() -> None:
    """"Haftar met Putin, and Lavrov too" (undated, in an article of the same year) joins the
    Putin story and the Lavrov story, one member per counterpart."""
    recs = [
        rec("a", event("v1", **MEET, location="moscow", date="2025-05-10"),
            event("v2", actors=("haftar",), targets=("lavrov",), location="moscow",
                  date="2025-05-09"), published="2025-05-11"),
        rec("b", event(actors=("haftar",), targets=("putin", "lavrov"), location="moscow"),
            published="2025-05-12"),
    ]
    stories = build_stories(recs)
    assert len(stories) == 2
    for s in stories:
        assert {m.doc_id for m in s.members} == {"a", "b"}
        (b,) = [m for m in s.members if m.doc_id == "b"]
        assert b.counterpart in s.participants and b.event_id == "v1"
    assert {m.counterpart for s in stories for m in s.members if m.doc_id == "b"} == {
        "kb:vladimir_putin", "kb:sergey_lavrov"}


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


def test_articles_without_a_date_are_placed_by_the_latest_year_they_mention() -> None:
    def undated(doc_id: str, text: str) -> dict:
        r = rec(doc_id, event(**MEET, location="moscow"))
        r["text"] = text
        return r

    may_2025 = rec("a", event(**MEET, location="moscow", date="2025-05-10"),
                   published="2025-05-12")
    sept_2023 = rec("b", event(**MEET, location="moscow", date="2023-09-28"),
                    published="2023-09-29")
    new = undated("n", "التقى حفتر بوتين في موسكو. وكانت روسيا عززت وجودها منذ مطلع ٢٠٢٥.")
    old = undated("o", "التقى حفتر بوتين في موسكو، في أول لقاء منذ عام 2019.")
    plan = undated("p", "التقى حفتر بوتين في موسكو ضمن رؤية 2030 وبعد أحداث 2024.")
    stories = build_stories([may_2025, sept_2023, new, old, plan])
    by_doc = {m.doc_id: s for s in stories for m in s.members}
    # written in 2025 or later: only the 2025 meeting is admitted
    assert by_doc["n"] is by_doc["a"]
    # "since 2019": both meetings are admitted, so it is not guessed
    assert by_doc["o"] is not by_doc["a"] and by_doc["o"] is not by_doc["b"]
    # 2030 is after every publication year: a plan; 2024 admits only the 2025 meeting
    assert by_doc["p"] is by_doc["a"]
    # two undated articles whose latest years differ are not joined to each other
    assert len(build_stories([new, old])) == 2


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
    ms = []
    for doc, (d, targets) in {"a": ("2025-05-10", ("putin",)), "b": ("2025-05-12", ("lavrov",)),
                              "c": ("2025-05-10", ("putin",))}.items():
        ms += _members_of(rec(doc, event(actors=("haftar",), targets=targets, date=d)))
    kinds = {c["kind"]: c for c in find_contradictions(ms)}
    assert set(kinds) == {"date", "participants"}
    sides = sorted([kinds["date"]["a"], kinds["date"]["b"]], key=lambda s: s["value"])
    assert sides[0] == {"value": ["2025-05-10", "2025-05-10"],
                        "members": [["a", "v1"], ["c", "v1"]],
                        "sources": ["outlet-a", "outlet-c"], "evidence": ["", ""]}
    assert sides[1]["sources"] == ["outlet-b"]


def test_events_without_participants_are_stories_of_their_own() -> None:
    recs = [rec("a", event(date="2025-05-10")), rec("b", event(date="2025-05-10"))]
    assert len(build_stories(recs)) == 2


def test_outlet_fallbacks() -> None:
    assert outlet_of(record("x", outlet="Al Wasat")) == "al wasat"
    assert outlet_of(record("x", url="https://www.alwasat.ly/a/b")) == "alwasat.ly"
    assert outlet_of(record("x")) == "unknown outlet"
    assert outlet_of(record("x", url="not a url")) == "unknown outlet"
