"""One happening as one row: who acted on whom, stories of one visit grouped for display,
and the network's default view (issue #18), on hand-built records."""

from __future__ import annotations

import pytest

from marsad.kb import default_kb
from marsad.web.happenings import happening_rows
from marsad.web.index import CorpusIndex

from ..fuse.records import KB, event, record

KB.setdefault("shoigu", ("sergei_shoigu", "PER", "سيرغي شويغو"))
KB.setdefault("belousov", ("andrei_belousov", "PER", "أندريه بيلوسوف"))
VISIT = "التقى خليفة حفتر فلاديمير بوتين وسيرغي شويغو وأندريه بيلوسوف في موسكو."
ALL = ("haftar", "putin", "shoigu", "belousov", "moscow", "lavrov", "tripoli", "erdogan")


def _visit_records() -> list[dict]:
    """Haftar in Moscow: Shoigu on the 9th, Putin and Belousov on the 10th (one sentence
    naming both), an undated statement of Belousov in the same article; and, apart, Lavrov
    in Moscow a month later and Haftar in Tripoli."""
    return [
        record("d1", text=VISIT, outlet="Alpha", published="2025-05-12", kb=ALL, events=[
            event("v1", actors=("haftar",), targets=("shoigu",), location="moscow",
                  date="2025-05-09", evidence=VISIT),
            event("v2", actors=("haftar",), targets=("putin", "belousov"),
                  location="moscow", date="2025-05-10", evidence=VISIT),
            event("v3", "SUPPORT", actors=("belousov",), targets=("haftar",),
                  location="moscow", evidence=VISIT),
        ]),
        record("d2", text=VISIT, outlet="Beta", published="2025-06-20", kb=ALL, events=[
            event("v1", actors=("lavrov",), targets=("erdogan",), location="moscow",
                  date="2025-06-20", evidence=VISIT),
            event("v2", "ASSAULT", actors=("haftar",), targets=("tripoli",),
                  location="tripoli", date="2025-05-11", evidence=VISIT),
        ]),
    ]


@pytest.fixture(scope="module")
def idx() -> CorpusIndex:
    return CorpusIndex.build(_visit_records(), kb=default_kb())


def _story(idx: CorpusIndex, type_: str, *keys: str) -> dict:
    (s,) = [s for s in idx.stories.values()
            if s["type"] == type_ and set(keys) <= set(s["participants"])]
    return s


def test_stories_say_who_acted_on_whom(idx: CorpusIndex) -> None:
    s = _story(idx, "SUPPORT", "kb:andrei_belousov")
    assert s["actors"] == ["kb:andrei_belousov"] and s["targets"] == ["kb:khalifa_haftar"]
    assert s["actor_names"] == ["Andrei Belousov"] and s["target_names"] == ["Khalifa Haftar"]
    summary = idx.story_summary(s)
    assert summary["actor_names"] == ["Andrei Belousov"] and summary["happening"]


def test_one_visit_is_one_happening_of_its_stories(idx: CorpusIndex) -> None:
    # fusion keeps a story per counterpart: four stories of the visit, each counted
    visit = [_story(idx, "CONSULT", "kb:sergei_shoigu"),
             _story(idx, "CONSULT", "kb:vladimir_putin"),
             _story(idx, "CONSULT", "kb:andrei_belousov"),
             _story(idx, "SUPPORT", "kb:andrei_belousov")]
    assert len({s["id"] for s in visit}) == 4
    hid = visit[0]["happening"]
    assert hid and all(s["happening"] == hid for s in visit)
    h = idx.happening(hid)
    assert h is not None
    assert h["lead_name"] == "Khalifa Haftar" and h["location_name"] == "Moscow"
    assert (h["start"], h["end"]) == ("2025-05-09", "2025-05-10")
    assert set(h["other_names"]) == {"Sergei Shoigu", "Vladimir Putin", "Andrei Belousov"}
    assert h["types"] == {"CONSULT": 3, "SUPPORT": 1} and h["n_stories"] == 4
    # another person at the same place a month later, and Haftar elsewhere, stay apart
    assert _story(idx, "CONSULT", "kb:sergey_lavrov")["happening"] is None
    assert _story(idx, "ASSAULT", "kb:tripoli")["happening"] is None


def test_a_list_shows_a_happening_as_one_row(idx: CorpusIndex) -> None:
    stories = idx.filter_stories(entity="kb:khalifa_haftar")
    rows = happening_rows(stories)
    assert sum(len(r["stories"]) if "happening" in r else 1 for r in rows) == len(stories)
    (grouped,) = [r for r in rows if "happening" in r]
    assert len(grouped["stories"]) == 4
    assert len(rows) == len(stories) - 3
    # a list holding one story of a happening shows it as a plain row
    one = [_story(idx, "CONSULT", "kb:sergei_shoigu")]
    assert happening_rows(one) == [{"story": one[0]}]


def test_network_default_is_the_best_linked_entities(idx: CorpusIndex) -> None:
    g = idx.network(limit=3)
    assert len(g["nodes"]) == 3 and g["n_entities"] > 3
    degrees = [n["degree"] for n in g["nodes"]]
    assert degrees == sorted(degrees, reverse=True)
    assert g["nodes"][0]["key"] == "kb:khalifa_haftar"  # linked to the most others
    keys = {n["key"] for n in g["nodes"]}
    assert all({e["source"], e["target"]} <= keys for e in g["edges"])


def test_network_counts_only_the_filtered_stories(idx: CorpusIndex) -> None:
    june = idx.filter_stories(since=__import__("datetime").date(2025, 6, 1))
    g = idx.network(stories=june)
    assert {n["key"] for n in g["nodes"]} == {"kb:sergey_lavrov", "kb:recep_tayyip_erdogan"}
    assert [e["stories"] for e in g["edges"]] == [1]
    ego = idx.network(entity="kb:khalifa_haftar", stories=june)
    assert [n["key"] for n in ego["nodes"]] == ["kb:khalifa_haftar"] and not ego["edges"]


def test_who_acts_with_the_lead_stays_on_its_side() -> None:
    from marsad.web.happenings import describe

    def s(sid: str, actors: list[str], targets: list[str]) -> dict:
        return {"id": sid, "happening": "h", "class": "verbal-cooperation", "type": "CONSULT",
                "actors": actors, "targets": targets, "actor_names": [a.upper() for a in actors],
                "target_names": [t.upper() for t in targets], "location": "m",
                "location_name": "M", "start": "2025-02-17", "end": "2025-02-17",
                "certainty": "single-source", "n_independent": 1}

    # Haftar with Tertel meets Belarus; Haftar meets Lukashenko, who also praises him
    h = describe([s("a", ["haftar", "tertel"], ["belarus"]), s("b", ["haftar"], ["luka"]),
                  s("c", ["luka"], ["haftar"])])
    assert h["lead"] == "haftar" and h["co_actors"] == ["tertel"]
    assert h["others"] == ["belarus", "luka"]
