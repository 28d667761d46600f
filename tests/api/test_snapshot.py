"""The index saved in the store (issue #18: the first answer in under 2 s on 10,000 articles):
a server reads what the last one built and answers as one that builds it; a damaged, missing
or foreign row means building it, with a warning for a damaged one; a row of an earlier
store state is answered from while the index is rebuilt, and the rebuilt one is saved."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from marsad.api import create_app, snapshot  # noqa: E402
from marsad.kb import default_kb  # noqa: E402
from marsad.store import open_store  # noqa: E402
from marsad.web import index as index_mod  # noqa: E402

from .stores import demo_store  # noqa: E402

# the story and article pages first: a read index answers them before its events are read
PATHS = ("/api/overview", "/api/stories?limit=500", "/api/timeline", "/api/places",
         "/api/network", "/api/entities?limit=100", "/api/events?limit=500",
         "/api/search?q=Haftar")


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(index_mod, "EVENTS_AFTER_SECONDS", 3600.0)  # not before asked
    monkeypatch.setattr(snapshot, "SAVE_AFTER_SECONDS", 0.0)
    return demo_store(tmp_path / "d.db")


def saved_now(db: Path) -> str:
    """Build the index as the server does and save it; its key."""
    with open_store(str(db), create=False) as st:
        key = f"{snapshot.shape_key()}/{snapshot.state_key(st)}"
        idx = snapshot.build(st, default_kb(), None)
    assert snapshot.save(str(db), key, idx)
    return key


def saves_done() -> None:
    for t in threading.enumerate():
        if t.name == "marsad-index-save":
            t.join(60)


def answers(app: Any, paths: list[str]) -> dict[str, Any]:
    client = TestClient(app, base_url="http://localhost")
    out = {}
    for path in paths:
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        body = r.json()
        if path == "/api/overview":  # when and how fast each index was made differ
            body.pop("built_at"), body.pop("build_seconds")
        out[path] = body
    return out


def detail_paths(app: Any) -> list[str]:
    idx = app.state.holder.get()
    sids = [sid for sid in idx.story_order if idx.stories[sid]["n_members"] > 1][:3]
    docs = sorted(idx.articles)[:3]
    ents = sorted(idx.entities, key=lambda k: -idx.entities[k]["n_stories"])[:2]
    return ([f"/api/stories/{s}" for s in sids] + [f"/api/articles/{d}" for d in docs]
            + [f"/api/entities/{e}" for e in ents] + [f"/api/events?entity={ents[0]}"])


def test_a_server_reads_the_index_saved_and_answers_as_one_that_builds_it(db: Path) -> None:
    saved_now(db)
    read = create_app(str(db))
    idx = read.state.holder.get()
    assert idx._details is not None and idx._events is None  # read, not built
    built = create_app(str(db), warm=False)
    paths = detail_paths(built)  # the story and article pages before anything else
    got, want = answers(read, [*paths, *PATHS]), answers(built, [*paths, *PATHS])
    for path in want:
        assert got[path] == want[path], path
    assert idx._details is None and idx._events is not None  # read when first needed
    assert not read.state.holder.rebuilding


def test_the_index_a_server_builds_is_saved_for_the_next_start(db: Path) -> None:
    create_app(str(db))  # nothing saved: built, then saved in the background
    saves_done()
    with open_store(str(db), create=False) as st:
        got = st.index_snapshot()
        assert got is not None
        assert got[0] == f"{snapshot.shape_key()}/{snapshot.state_key(st)}"
        loaded = snapshot.load(st)
    assert loaded is not None and loaded[1]  # of the store as it is


@pytest.mark.parametrize("damage", ["cut", "flipped", "not json", "not an index", "no parts"])
def test_a_damaged_saved_index_is_a_warning_and_the_index_is_built(
        db: Path, damage: str, caplog: pytest.LogCaptureFixture) -> None:
    key = saved_now(db)
    with open_store(str(db), create=False) as st:
        data = st.index_snapshot()[1]  # type: ignore[index]
        if damage == "cut":
            data = data[: len(data) // 2]
        elif damage == "flipped":
            at = len(data) // 3
            data = data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1:]
        else:
            body = {"not json": b"{nope", "not an index": b"[1, 2]",
                    "no parts": b'{"stories": {}}'}[damage]
            data = snapshot.MAGIC + b"".join(
                snapshot.zlib.crc32(x).to_bytes(4, "big") for x in (body, b"{}")) \
                + len(body).to_bytes(8, "big") + body + b"{}"
        st.save_index_snapshot(key, data)
    with caplog.at_level(logging.WARNING, logger="marsad.api.snapshot"):
        app = create_app(str(db))
    assert "saved index is unusable" in caplog.text
    idx = app.state.holder.get()
    assert idx._details is None and idx.stories  # built from the store
    answers(app, ["/api/overview", "/api/stories?limit=5"])


def test_damaged_events_of_a_saved_index_are_rebuilt(db: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    """A second document that passes its checksum but is no valid one (written by another
    tool): the index answers without those events and is built again."""
    key = saved_now(db)
    with open_store(str(db), create=False) as st:
        data = st.index_snapshot()[1]  # type: ignore[index]
        head = len(snapshot.MAGIC)
        n = int.from_bytes(data[head + 8: head + 16], "big")
        body = data[snapshot.HEAD: snapshot.HEAD + n]
        bad = b'{"members": [], "events": {}}'
        st.save_index_snapshot(key, snapshot.MAGIC + data[head: head + 4]
                               + snapshot.zlib.crc32(bad).to_bytes(4, "big")
                               + data[head + 8: snapshot.HEAD] + body + bad)
    app = create_app(str(db))
    holder = app.state.holder
    with caplog.at_level(logging.WARNING, logger="marsad.api.snapshot"):
        assert holder.get().events == []
    assert "events are unusable" in caplog.text
    holder.changed()  # the next request finds it stale and starts a rebuild
    holder.get()
    fresh = holder.wait(60)
    assert fresh.events and fresh._details is None


def test_a_saved_index_of_other_code_is_not_read(db: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    saved_now(db)
    monkeypatch.setattr(snapshot, "shape_key", lambda: "another version")
    app = create_app(str(db))
    assert app.state.holder.get()._details is None  # built


def test_with_a_knowledge_base_of_its_own_a_server_neither_reads_nor_saves(db: Path) -> None:
    saved_now(db)
    with open_store(str(db), create=False) as st:
        before = st.index_snapshot()
    app = create_app(str(db), kb=default_kb())
    assert app.state.holder.get()._details is None
    saves_done()
    with open_store(str(db), create=False) as st:
        assert st.index_snapshot() == before


def test_a_saved_index_of_an_earlier_store_is_answered_from_while_it_is_rebuilt(
        db: Path) -> None:
    old_key = saved_now(db)
    with open_store(str(db), create=False) as st:  # the store changes: a user's correction
        idx = snapshot.build(st, default_kb(), None)
        sid = next(s for s in idx.story_order if idx.stories[s]["location"])
        story = idx.stories[sid]
        doc = story["members"][0]["doc_id"]
        st.add_place_correction(doc, story["location"], sid)
        counts = st.counts()
    app = create_app(str(db))
    holder = app.state.holder
    first = holder._index
    assert first is not None and first._details is not None  # the saved one, at once
    answers(app, ["/api/overview"])  # answered while the rebuild runs
    fresh = holder.wait(120)
    assert fresh is not first and dict(fresh.fingerprint) == counts
    saves_done()
    with open_store(str(db), create=False) as st:
        key = st.index_snapshot()[0]  # type: ignore[index]
        assert key != old_key and key == f"{snapshot.shape_key()}/{snapshot.state_key(st)}"


def test_documents_are_written_and_read_a_slice_at_a_time(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """Each call over a part holds the interpreter lock: a part is written and read
    CHUNK items at a time, and gives the bytes and the values of one call over it."""
    monkeypatch.setattr(snapshot, "CHUNK", 3)
    doc = {"stories": {f"s{i}": {"n": i, "t": "سطر\nثان"} for i in range(10)},
           "order": [f"s{i}" for i in range(7)], "few": {"a": 1}, "none": [], "n": 4}
    assert snapshot._dump_parts(doc) == snapshot._dumps(doc)
    members = {f"s{i}": [{"doc_id": f"d{i}"}] for i in range(7)}
    events = [{"i": i} for i in range(8)]

    class Index:
        def snapshot(self) -> tuple[dict[str, Any], dict[str, Any]]:
            return doc, {"members": members, "events": events}

    data = snapshot.encode(Index())  # type: ignore[arg-type]
    n = int.from_bytes(data[len(snapshot.MAGIC) + 8: snapshot.HEAD], "big")
    details = data[snapshot.HEAD + n:]
    assert details.count(b"\n") == 3 + 3 - 1  # 7 members and 8 events, 3 a line
    assert snapshot._read_details(details) == {"members": members, "events": events}
