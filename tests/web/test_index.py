"""The read model: entities, stories, places, edges and filters from hand-built records."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.doc import PLOVER_QUAD as PLOVER_CLASSES
from marsad.doc import PLOVER_QUADS as CLASS_ORDER
from marsad.doc import PLOVER_TYPES
from marsad.kb import default_kb
from marsad.web.index import CorpusIndex, plover_class

from ..fuse.records import event, record

T1 = "التقى خليفة حفتر فلاديمير بوتين في موسكو."
# another outlet's own report of the same meeting (not a copy: a second independent source)
T1B = ("استقبل فلاديمير بوتين في الكرملين خليفة حفتر يوم الجمعة لبحث الأوضاع في ليبيا "
       "والعلاقات الثنائية بين البلدين وقضايا المنطقة.")
T2 = "قصف خليفة حفتر مواقع في طرابلس."


@pytest.fixture(scope="module")
def idx() -> CorpusIndex:
    recs = [
        record("a1", text=T1, outlet="Alpha", published="2025-05-10",
               kb=("haftar", "putin", "moscow"),
               events=[event("v1", actors=("haftar",), targets=("putin",), location="moscow",
                             date="2025-05-09", evidence=T1)]),
        record("a2", text=T1B, outlet="beta", published="2025-05-11",
               kb=("haftar", "putin", "moscow"),
               events=[event("v1", actors=("putin",), targets=("haftar",), location="moscow",
                             date="2025-05-09", certainty="reported", evidence=T1B)]),
        record("a3", text=T2, outlet="alpha", published="2019-04-05",
               kb=("haftar", "tripoli", "erdogan"),
               events=[event("v1", "ASSAULT", actors=("haftar",), targets=("erdogan",),
                             location="tripoli", date="2019-04-04", evidence=T2)]),
    ]
    return CorpusIndex.build(recs, kb=default_kb())


def test_every_plover_type_has_one_of_four_classes() -> None:
    assert set(PLOVER_CLASSES) == set(PLOVER_TYPES)
    assert set(PLOVER_CLASSES.values()) == set(CLASS_ORDER)
    assert plover_class("ASSAULT") == "material-conflict"
    assert plover_class("CONSULT") == "verbal-cooperation"
    # one reading everywhere: the manual's table (REQUEST verbal conflict, CONCEDE verbal
    # cooperation) and the PLOVER export's quad_code agree with the workbench
    from marsad.export.plover import QUAD
    assert plover_class("REQUEST") == "verbal-conflict"
    assert plover_class("CONCEDE") == "verbal-cooperation"
    assert QUAD["REQUEST"] == "VERBAL CONFLICT" and QUAD["CONCEDE"] == "VERBAL COOPERATION"
    assert QUAD["SANCTION"] == "MATERIAL CONFLICT" and QUAD["AID"] == "MATERIAL COOPERATION"


def test_entities_carry_kb_description_and_coordinates(idx: CorpusIndex) -> None:
    h = idx.entities["kb:khalifa_haftar"]
    assert h["name_en"] == "Khalifa Haftar" and h["description"]
    assert h["articles"] == ["a1", "a2", "a3"] and h["n_stories"] == 2
    m = idx.entities["kb:moscow"]
    assert m["lat"] is not None and m["approximate"] is False  # from the KB: records have none


def test_stories_merge_across_outlets_and_filter(idx: CorpusIndex) -> None:
    consult = idx.filter_stories(type="CONSULT")
    assert len(consult) == 1 and consult[0]["n_independent"] == 2
    assert consult[0]["sources"] == ["alpha", "beta"]  # outlets are lower-cased
    assert [s["type"] for s in idx.filter_stories(entity="kb:khalifa_haftar")] == \
        ["ASSAULT", "CONSULT"]  # date order
    assert idx.filter_stories(since=date(2025, 1, 1))[0]["type"] == "CONSULT"
    assert idx.filter_stories(until=date(2020, 1, 1))[0]["type"] == "ASSAULT"
    assert idx.filter_stories(place="kb:tripoli")[0]["type"] == "ASSAULT"
    assert idx.filter_stories(entity="kb:vladimir_putin", place="kb:tripoli") == []
    assert idx.filter_stories(source="beta")[0]["type"] == "CONSULT"
    assert idx.filter_stories(certainty="corroborated")[0]["type"] == "CONSULT"


def test_events_filter(idx: CorpusIndex) -> None:
    assert {e["doc_id"] for e in idx.filter_events(certainty="reported")} == {"a2"}
    assert all(e["story"] for e in idx.events)


def test_network_edges_are_typed_and_classed(idx: CorpusIndex) -> None:
    g = idx.network()
    edges = {(e["source"], e["target"]): e for e in g["edges"]}
    e = edges[("kb:khalifa_haftar", "kb:vladimir_putin")]
    assert e["types"] == {"CONSULT": 1} and e["class"] == "verbal-cooperation"
    conflict = edges[("kb:khalifa_haftar", "kb:recep_tayyip_erdogan")]
    assert conflict["class"] == "material-conflict"
    only = idx.network(type="ASSAULT")
    assert {n["key"] for n in only["nodes"]} == {"kb:khalifa_haftar", "kb:recep_tayyip_erdogan"}
    ego = idx.network(entity="kb:vladimir_putin")
    assert ego["nodes"][0]["key"] == "kb:vladimir_putin" and len(ego["nodes"]) == 2


def test_places_and_closest(idx: CorpusIndex) -> None:
    keys = [p["key"] for p in idx.places()]
    assert "kb:moscow" in keys and "kb:tripoli" in keys
    assert "kb:khalifa_haftar" not in keys  # a person has no coordinates
    only = idx.places(idx.filter_stories(type="ASSAULT"))
    assert [p["key"] for p in only] == ["kb:tripoli"]
    close = idx.closest("kb:moscow")
    assert close[0]["key"] in ("kb:khalifa_haftar", "kb:vladimir_putin")
    assert close[0]["shared_stories"] == 1  # Moscow is the place of their meeting


def test_search(idx: CorpusIndex) -> None:
    assert idx.search_entities("حفتر")[0]["key"] == "kb:khalifa_haftar"
    assert idx.search_entities("putin")[0]["key"] == "kb:vladimir_putin"
    assert idx.search_stories("putin haftar")[0]["type"] == "CONSULT"
    assert idx.search_entities("") == []


def test_english_search_and_names_in_filters(idx: CorpusIndex) -> None:
    for q in ("Hafter", "HAFTAR's", "khalifa hifter"):
        assert idx.search_entities(q)[0]["key"] == "kb:khalifa_haftar", q
    assert "Khalifa Belqasim Haftar" in idx.entities["kb:khalifa_haftar"]["spellings_en"]
    # two names: the stories in which both take part, the meetings first
    assert {s["type"] for s in idx.search_stories("Poutine Hafter")} == {"CONSULT"}
    assert idx.search_stories("xqzvy") == [] and idx.search_entities("xqzvy") == []
    assert idx.resolve_name("Khalifa Hafter") == ("kb:khalifa_haftar", [])
    # alike by similarity only: offered, never chosen for a filter
    assert idx.resolve_name("Moskva") == (None, ["kb:moscow"])
    assert idx.search_entities("Moskva")[0]["key"] == "kb:moscow"
    assert idx.resolve_name("Nobody Atall") == (None, [])
    assert idx.resolve_name("خليفة حفتر") == ("kb:khalifa_haftar", [])


def test_resolve_bare_and_full_keys(idx: CorpusIndex) -> None:
    assert idx.resolve("khalifa_haftar") == idx.resolve("kb:khalifa_haftar") == \
        "kb:khalifa_haftar"
    assert idx.resolve("nobody") is None


def test_the_server_reads_the_saved_fusion_and_indexes_it_as_a_fresh_one(tmp_path) -> None:
    # issue #18: the server re-fused the whole store at every start; with the store's saved
    # fusion current it indexes that instead, to the same stories
    from marsad.fuse import ensure_fused, stable_stories
    from marsad.store import open_store
    from marsad.web.index import IndexHolder, _stories_of

    from ..api.stores import demo_store

    db = demo_store(tmp_path / "d.db")
    with open_store(db, create=False) as st:
        ensure_fused(st)
        recs = list(st.iter_records())
        saved, _ = _stories_of(st, recs)
        assert saved and all(isinstance(s, dict) for s in saved)  # read, not fused again
        fresh, _ = stable_stories(st, recs)
    a = CorpusIndex.build(recs, stories=saved)
    b = CorpusIndex.build(recs, stories=fresh)
    assert a.stories.keys() == b.stories.keys()
    for sid in a.stories:
        assert a.stories[sid] == b.stories[sid], sid
    assert a.story_of_event == b.story_of_event and a.edges == b.edges
    held = IndexHolder(lambda: open_store(db, create=False)).get()
    assert held.stories.keys() == a.stories.keys()


def test_an_index_is_built_without_the_collector_and_an_old_one_emptied_in_slices() -> None:
    import gc

    from marsad.gcpause import paused
    from marsad.web.index import _release

    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()  # no full collections walking the index being built
    assert gc.isenabled() and gc.get_freeze_count() > 0
    old = CorpusIndex()
    old.stories = {f"s{i}": {"id": i} for i in range(5000)}
    old.outlets = [f"o{i}" for i in range(5000)]
    _release(old)
    assert old.stories == {} and old.outlets == []


def test_event_rows_are_built_once_on_first_use_and_counted_before() -> None:
    from ..fuse.records import event, record

    recs = [record("e1", text=T1, outlet="Alpha", published="2025-05-10",
                   kb=("haftar", "putin", "moscow"),
                   events=[event("v1", actors=("haftar",), targets=("putin",),
                                 location="moscow", evidence=T1)])]
    idx = CorpusIndex.build(recs)
    assert idx._events is None and idx.n_events == 1  # the overview's count needs no rows
    assert idx.overview()["counts"]["events"] == 1 and idx._events is None
    rows = idx.events
    assert len(rows) == 1 and idx.events is rows and idx._events_from is None
    assert idx.filter_events(entity="kb:khalifa_haftar")[0]["event_id"] == "v1"
