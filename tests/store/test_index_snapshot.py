"""The workbench's saved index in the store (migration 0008, marsad.api.snapshot), on both
backends: one row, replaced whole, bytes read back as written, and an index saved from a
store read back equal to the one built."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.ingest import RawArticle
from marsad.store import open_store

# Team-written articles in Arabic news style.
VISIT = ("الاثنين 2025/05/12\n"
         "التقى الرئيس الروسي فلاديمير بوتين المشير خليفة حفتر في موسكو السبت، وفق الكرملين.\n")
CALL = ("الثلاثاء 2025/05/13\n"
        "بحث المشير خليفة حفتر مع الرئيس الروسي فلاديمير بوتين في موسكو التعاون العسكري.\n")


@pytest.fixture()
def store(db_url):  # type: ignore[no-untyped-def]
    s = open_store(db_url("snap"))
    yield s
    s.close()


def test_one_row_replaced_whole_and_read_back_as_written(store) -> None:  # type: ignore[no-untyped-def]
    assert store.index_snapshot() is None
    data = bytes(range(256)) * 4096  # every byte value, 1 MB
    store.save_index_snapshot("k1", data)
    assert store.index_snapshot() == ("k1", data)
    store.save_index_snapshot("k2", b"\x00second")
    assert store.index_snapshot() == ("k2", b"\x00second")
    # derived data: never counted as stored articles or annotations
    assert "index_snapshot" not in store.counts()


def test_an_index_saved_in_the_store_is_read_back_equal(store, pipeline) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("fastapi")
    from marsad.api import snapshot
    from marsad.kb import default_kb

    for doc_id, text in (("a1", VISIT), ("a2", CALL)):
        raw = RawArticle(doc_id, text, "text", path=f"{doc_id}.txt")
        store.put(raw, pipeline.process(raw))
    built = snapshot.build(store, default_kb(), None)
    key = f"{snapshot.shape_key()}/{snapshot.state_key(store)}"
    store.save_index_snapshot(key, snapshot.encode(built))
    got = snapshot.load(store)
    assert got is not None and got[1]  # of the store as it is now
    read = got[0]
    read.ensure_events()
    assert read.stories and read.stories == built.stories
    for part in ("articles", "entities", "story_order", "happenings", "events",
                 "story_of_event", "stories_of", "edges"):
        assert _plain(getattr(read, part)) == _plain(getattr(built, part)), part
    raw = RawArticle("a3", CALL.replace("الثلاثاء", "الأربعاء"), "text", path="a3.txt")
    store.put(raw, pipeline.process(raw))
    again = snapshot.load(store)
    assert again is not None and not again[1]  # an earlier state: served only to rebuild
    assert again[0].fingerprint == {}


def _plain(x: Any) -> Any:
    return {k: v for k, v in x.items()} if isinstance(x, dict) else x
