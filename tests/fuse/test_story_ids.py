"""Stable ids (issue 17): event ids from content, story ids kept across re-fusion.

Re-ingesting the same corpus (into the same store or a new one), reprocessing it, or adding a
syndicated copy keeps every event and story id; a story that gains members keeps its id;
only a merge of two saved stories redirects one of them, and the old id still resolves.
The articles are the bundled demo corpus and team-written ones."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from marsad.cli import DEMO_DIR, main
from marsad.fuse import fuse_records, keep_ids
from marsad.ids import assign_event_ids, content_id
from marsad.ingest import RawArticle, read_paths
from marsad.pipeline import Pipeline
from marsad.store import Store, open_store

from .records import event, record

# Team-written: one meeting told on two days by p1 and q1 and as "in May" by r1, which fits
# both and so stays a story of its own; q1 rewritten about another meeting lets r1 join p1.
MEETING = ("التقى المشير خليفة حفتر الرئيس الروسي فلاديمير بوتين في موسكو يوم {day} مايو "
           "2025، وبحث الجانبان {topic}.")
P1 = {"id": "p1", "outlet": "Outlet P", "published": "2025-05-11",
      "text": MEETING.format(day=10, topic="التعاون العسكري")}
Q1 = {"id": "q1", "outlet": "Outlet Q", "published": "2025-05-21",
      "text": MEETING.format(day=20, topic="ملف الطاقة")}
R1 = {"id": "r1", "outlet": "Outlet R", "published": "2025-06-02",
      "text": "ذكرت مصادر مطلعة أن المشير خليفة حفتر التقى الرئيس الروسي فلاديمير بوتين في "
              "موسكو في مايو 2025."}
Q1_REWRITTEN = {**Q1, "text": "التقى المشير خليفة حفتر الرئيس التركي رجب طيب أردوغان في "
                              "أنقرة يوم 20 مايو 2025، وتناول اللقاء ملف الطاقة."}
# an earlier report of p1's meeting, joining its story
EARLY = {"id": "e0", "outlet": "Outlet E", "published": "2025-05-10",
         "text": "استقبل الرئيس الروسي فلاديمير بوتين في موسكو المشير خليفة حفتر يوم 10 مايو "
                 "2025، حسب بيان للكرملين."}
CREDIT = "\n\n(نقلا عن وكالة أنباء إقليمية)"


def _jsonl(path: Path, *lines: dict[str, Any]) -> Path:
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                    encoding="utf-8")
    return path


def _ids(store: Store) -> tuple[set[str], set[tuple[str, str]]]:
    """The story ids and the (doc_id, event_id) pairs of a fused store."""
    events = {(r["doc_id"], ev["id"]) for r in store.iter_records() for ev in r["events"]}
    return {s["id"] for s in store.stories()}, events


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str], set[tuple[str, str]]]:
    db = tmp_path_factory.mktemp("ids") / "demo.db"
    assert main(["ingest", str(DEMO_DIR), "--db", str(db)]) == 0
    assert main(["fuse", "--db", str(db)]) == 0
    with open_store(db) as st:
        stories, events = _ids(st)
    assert stories and events
    return db, stories, events


# ------------------------------------------------------------------------- event ids


def test_event_ids_are_short_content_hashes() -> None:
    raw = next(r for r in read_paths([DEMO_DIR]) if isinstance(r, RawArticle))
    doc = Pipeline().process(raw)
    ids = [ev.id for ev in doc.events]
    assert ids and all(re.fullmatch(r"v[0-9a-f]{12}", i) for i in ids)
    assert len(set(ids)) == len(ids)
    # the same article under another id gets other ids (the content id holds the doc_id)
    other = Pipeline().process(RawArticle("other", raw.content, raw.kind))
    assert not set(ids) & {ev.id for ev in other.events}


def test_event_ids_do_not_depend_on_other_events() -> None:
    raw = next(r for r in read_paths([DEMO_DIR]) if isinstance(r, RawArticle))
    doc = Pipeline().process(raw)
    assert len(doc.events) >= 3
    cid = content_id(doc.doc_id, doc.text)
    alone = [assign_event_ids([ev], cid)[0].id for ev in doc.events]
    reversed_ = [ev.id for ev in reversed(assign_event_ids(list(reversed(doc.events)), cid))]
    # an event alone in its sentence and type keeps its id when the others go or move
    unique = [i for i, ev in enumerate(doc.events)
              if sum((e.evidence[0], e.type) == (ev.evidence[0], ev.type)
                     for e in doc.events) == 1]
    assert unique and all(alone[i] == doc.events[i].id for i in unique)
    assert reversed_ == [ev.id for ev in doc.events]


def test_events_of_one_sentence_and_type_are_told_apart_by_their_trigger() -> None:
    from marsad.doc import Event, Span

    sent = (Span(0, 40),)
    a = Event("", "CONSULT", sent, trigger=Span(3, 8))
    b = Event("", "CONSULT", sent, trigger=Span(20, 25))
    twin = Event("", "CONSULT", sent, trigger=Span(20, 25))  # the same in every key
    ab = assign_event_ids([a, b], "cid")
    ba = assign_event_ids([b, a], "cid")
    assert ab[0].id != ab[1].id and (ab[0].id, ab[1].id) == (ba[1].id, ba[0].id)
    three = assign_event_ids([a, b, twin], "cid")
    assert len({e.id for e in three}) == 3


# ------------------------------------------------------------------------- the store


def test_reingest_into_a_new_store_gives_the_same_ids(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, stories, events = demo
    db = tmp_path / "again.db"
    assert main(["ingest", str(DEMO_DIR), "--db", str(db)]) == 0
    assert main(["fuse", "--db", str(db)]) == 0
    with open_store(db) as st:
        assert _ids(st) == (stories, events)


def test_reingest_and_reprocess_keep_every_id(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, stories, events = demo
    assert main(["ingest", str(DEMO_DIR), "--db", str(db)]) == 0
    assert main(["reprocess", "--db", str(db)]) == 0
    assert main(["fuse", "--db", str(db)]) == 0
    with open_store(db) as st:
        assert _ids(st) == (stories, events)
        assert not st.story_redirects()


def test_a_syndicated_copy_keeps_every_id(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, stories, events = demo
    copy_db = tmp_path / "copy.db"
    copy_db.write_bytes(db.read_bytes())
    src = DEMO_DIR / "demo_02_niger_russian_instructors.txt"
    wire = _jsonl(tmp_path / "wire.jsonl", {
        "id": "wire_copy", "outlet": "wire.example", "url": "https://wire.example/1",
        "text": src.read_text(encoding="utf-8") + CREDIT})
    assert main(["ingest", str(wire), "--db", str(copy_db)]) == 0
    assert main(["fuse", "--db", str(copy_db)]) == 0
    with open_store(copy_db) as st:
        now_stories, now_events = _ids(st)
        assert stories <= now_stories and events <= now_events
        assert not st.story_redirects()
        joined = [s for s in st.stories() if s["id"] in stories
                  and any(m["doc_id"] == "wire_copy" for m in s["members"])]
        assert joined  # the copy's events joined saved stories, whose ids stayed


def _story_of(store: Store, doc_id: str) -> dict[str, Any]:
    return next(s for s in store.stories() if any(m["doc_id"] == doc_id for m in s["members"]))


def test_a_story_that_gains_an_earlier_member_keeps_its_id(  # type: ignore[no-untyped-def]
        tmp_path: Path, db_url) -> None:
    db = db_url("g")
    assert main(["ingest", str(_jsonl(tmp_path / "a.jsonl", P1)), "--db", db]) == 0
    assert main(["fuse", "--db", db]) == 0
    with open_store(db) as st:
        sid = _story_of(st, "p1")["id"]
    # e0 reports the same meeting and was published first: a new story would take its id
    # from e0's event, a saved one keeps its own
    assert main(["ingest", str(_jsonl(tmp_path / "b.jsonl", EARLY)), "--db", db]) == 0
    assert main(["fuse", "--db", db]) == 0
    with open_store(db) as st:
        s = _story_of(st, "p1")
        assert s["id"] == sid and {m["doc_id"] for m in s["members"]} == {"e0", "p1"}
        assert not st.story_redirects()
        kinds = {(c["story_id"], c["kind"]) for c in st.story_changes("2000-01-01")}
        assert (sid, "changed") in kinds


def test_only_a_merge_of_two_saved_stories_redirects_and_the_old_id_resolves(  # type: ignore[no-untyped-def]
        tmp_path: Path, db_url, capsys: pytest.CaptureFixture[str]) -> None:
    db = db_url("m")
    assert main(["ingest", str(_jsonl(tmp_path / "1.jsonl", P1, Q1, R1)), "--db", db]) == 0
    assert main(["fuse", "--db", db]) == 0
    with open_store(db) as st:
        p, q, r = (_story_of(st, d)["id"] for d in ("p1", "q1", "r1"))
    assert len({p, q, r}) == 3  # "in May" fits both days: a story of its own
    assert main(["ingest", str(_jsonl(tmp_path / "2.jsonl", Q1_REWRITTEN)), "--db", db]) == 0
    assert main(["fuse", "--db", db]) == 0
    with open_store(db) as st:
        merged = _story_of(st, "r1")
        assert merged["id"] == p and {m["doc_id"] for m in merged["members"]} == {"p1", "r1"}
        assert st.story_redirects() == {r: p}  # the only redirect
        assert st.story(r) == (merged, p)
        assert st.story(q) == (None, None)  # removed: its only event is gone
        assert q in st.known_story_ids()
        kinds = {(c["story_id"], c["kind"], c["related"])
                 for c in st.story_changes("2000-01-01T00:00:00+00:00")}
        assert {(r, "merged", p), (q, "removed", None), (p, "changed", None)} <= kinds
    capsys.readouterr()
    assert main(["story", r, "--db", db]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["id"] == p and f"{r} was merged into {p}" in out.err
    assert main(["changes", "--db", db, "--since", "2000-01-01", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["items"]
    assert {"story_id": r, "kind": "merged", "redirect_to": p} .items() <= next(
        c for c in listed if c["kind"] == "merged").items()
    assert main(["changes", "--db", db, "--since", "2999-01-01T00:00Z"]) == 0
    assert "0 change(s)" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["yesterday", "2025-13-01", "2025-05-10T25:00", ""])
def test_changes_refuses_a_bad_time_by_name(tmp_path: Path, bad: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.db")
    assert main(["ingest", str(_jsonl(tmp_path / "1.jsonl", P1)), "--db", db]) == 0
    capsys.readouterr()
    assert main(["changes", "--db", db, "--since", bad]) == 2
    assert "error [E060]: since: " in capsys.readouterr().err


# ------------------------------------------------------------------------ keep_ids


def _fused(*recs: dict[str, Any], previous: list[dict[str, Any]] | None = None,
           taken: tuple[str, ...] = ()) -> Any:
    return fuse_records(list(recs), previous=previous or [], taken=taken)


def _meeting(doc_id: str, day: str, published: str, *, with_: str = "putin") -> dict[str, Any]:
    return record(doc_id, published=published, kb=("haftar", with_, "moscow"),
                  events=[event("v000000000001", actors=("haftar",), targets=(with_,),
                                location="moscow", date=day)])


def test_a_split_keeps_the_id_on_the_part_with_the_earliest_member() -> None:
    a = _meeting("a", "2025-05-10", "2025-05-10")
    b = _meeting("b", "2025-05-10", "2025-05-11")
    first = _fused(a, b)
    (story,) = first.stories
    # b now tells a meeting with someone else on that day: the story splits
    b2 = _meeting("b", "2025-05-10", "2025-05-11", with_="erdogan")
    b2["events"][0]["id"] = "v000000000002"
    again = _fused(a, b2, previous=first.stories, taken=(story["id"],))
    ids = {s["members"][0]["doc_id"]: s["id"] for s in again.stories}
    assert ids["a"] == story["id"] and ids["b"] != story["id"]
    assert not again.redirects
    assert {(c.kind, c.story_id) for c in again.changes} == {
        ("changed", story["id"]), ("created", ids["b"])}


def test_an_id_once_given_is_never_given_again() -> None:
    a = _meeting("a", "2025-05-10", "2025-05-10")
    (story,) = _fused(a).stories
    # the story was removed, then its article came back: the seed id is taken
    back = keep_ids(_fused(a).stories, [], taken=[story["id"]])
    assert back.stories[0]["id"] != story["id"]
    assert back.stories[0]["id"].startswith("st_") and len(back.stories[0]["id"]) == 19
