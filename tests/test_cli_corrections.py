"""``marsad corrections``: the map's "wrong place?" corrections reviewed, added and removed
from the command line, applied by fusion (issue #18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.store import open_store

from .api.stores import demo_store

PLACE = "kb:tripoli"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = demo_store(tmp_path_factory.mktemp("corrections") / "d.db")
    assert main(["fuse", "--db", str(db)]) == 0
    return db


@pytest.fixture()
def db(demo_db: Path, tmp_path: Path) -> Path:
    """A fused copy of the demo store for each test (the tests write corrections)."""
    out = tmp_path / "d.db"
    out.write_bytes(demo_db.read_bytes())  # (the last connection closed checkpoints the WAL)
    return out


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict, str]:
    rc = main(["corrections", *argv, "--json"])
    cap = capsys.readouterr()
    return rc, json.loads(cap.out) if cap.out.strip() else {}, cap.err


def _docs_at(db: Path, key: str) -> set[str]:
    with open_store(db, create=False) as st:
        return {m["doc_id"] for s in st.stories(entity=key) for m in s["members"]
                if m.get("location") == key or key in m.get("participants", ())}


def _story_at(db: Path, key: str) -> str:
    with open_store(db, create=False) as st:
        return next(s["id"] for s in st.stories(entity=key) if s["location"] == key)


def test_add_by_story_list_and_remove_with_fusion(db: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    before = _docs_at(db, PLACE)
    sid = _story_at(db, PLACE)
    rc, out, err = _run(capsys, "add", "--db", str(db), "--place", "tripoli", "--story", sid)
    assert rc == 0 and out["place"] == PLACE and out["story"] == sid
    docs = out["doc_ids"]
    assert docs and out["added"] == docs and not out["fusion_current"]
    assert "marsad fuse" in err  # the reviewer is told the saved stories lag
    # the list: each correction with what a reviewer needs to judge it
    rc, listed, _ = _run(capsys, "list", "--db", str(db))
    assert rc == 0 and listed["total"] == len(docs)
    item = listed["items"][0]
    assert item["place_key"] == PLACE and item["story_id"] == sid
    assert item["name_en"] == "Tripoli" and item["name"] and item["title"]
    # the same again is no new row
    rc, again, _ = _run(capsys, "add", "--db", str(db), "--place", PLACE, "--doc", docs[0])
    assert rc == 0 and again["added"] == []
    # applied on re-fusion: those articles no longer put a story at Tripoli
    assert main(["fuse", "--db", str(db)]) == 0
    capsys.readouterr()
    assert not set(docs) & _docs_at(db, PLACE)
    rc, listed, _ = _run(capsys, "list", "--db", str(db), "--place", "tripoli")
    assert listed["fusion_current"] and listed["total"] == len(docs)
    # removed (and fused at once): the articles are back at the place
    rc, out, _ = _run(capsys, "remove", "--db", str(db), "--place", PLACE, "--all", "--fuse")
    assert rc == 0 and sorted(out["removed"]) == sorted(docs) and out["fusion_current"]
    assert _docs_at(db, PLACE) == before
    rc, out, _ = _run(capsys, "remove", "--db", str(db), "--place", PLACE, "--doc", docs[0])
    assert rc == 1 and out["not_found"] == [docs[0]]  # nothing was there to remove


def test_bad_input_is_named_and_nothing_is_recorded(db: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    doc = sorted(_docs_at(db, PLACE))[0]
    cases = [
        (["add", "--place", PLACE, "--doc", "no_such_article"], "no article 'no_such_article'"),
        (["add", "--place", "kb:moscow_nowhere", "--doc", doc], f"article {doc!r} has no entity"),
        (["add", "--place", PLACE, "--story", "st_0000000000000000"], "no story"),
        (["add", "--place", "kb:moscow_nowhere", "--story", _story_at(db, PLACE)],
         "does not take place at"),
        (["add", "--place", PLACE], "give --doc"),
        (["remove", "--place", PLACE], "give --doc"),
    ]
    for argv, message in cases:
        assert main(["corrections", *argv, "--db", str(db)]) == 2, argv
        err = capsys.readouterr().err
        assert "error [E080]" in err and message in err and "Traceback" not in err, argv
    with open_store(db, create=False) as st:
        assert st.place_corrections() == []
    # a correction made on the map (story id recorded) is listed the same way
    with open_store(db, create=False) as st:
        st.add_place_correction(doc, PLACE, "st_from_the_map")
    assert main(["corrections", "list", "--db", str(db), "--doc", doc]) == 0
    out = capsys.readouterr().out
    assert doc in out and PLACE in out and "Tripoli" in out and "st_from_the_map" in out
