"""Fusion over a store, on both backends: `marsad fuse`, stored stories and entity profiles,
a syndicated copy counted once, a conflicting date flagged, re-ingest changing nothing, and
SQLite and PostgreSQL giving the same answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.fuse import fuse_store
from marsad.store import open_store

# Team-written articles in Arabic news style. b1 is a1 re-printed by another outlet (a
# syndicated copy with its own dateline line); c1 dates the same meeting two days earlier
# ("Thursday" for "Saturday"); d1 is the 2023 meeting of the same two men.
BODY = ("التقى المشير خليفة حفتر الرئيس الروسي فلاديمير بوتين في موسكو السبت، وبحث الجانبان "
        "التعاون العسكري والأوضاع في ليبيا ومنطقة الساحل، وفق ما أعلن الكرملين في بيان "
        "مقتضب نشره على موقعه الرسمي دون أن يكشف مزيدا من التفاصيل حول مضمون المحادثات.")
LINES = [
    {"id": "a1", "outlet": "Outlet A", "published": "2025-05-12", "text": BODY},
    {"id": "b1", "outlet": "Outlet B", "published": "2025-05-12",
     "text": "موسكو - وكالات\n" + BODY},
    {"id": "c1", "outlet": "Outlet C", "published": "2025-05-12",
     "text": "التقى المشير خليفة حفتر الرئيس الروسي فلاديمير بوتين في موسكو الخميس، حسب "
             "القيادة العامة التي نشرت صورا للقاء."},
    {"id": "d1", "outlet": "Outlet D", "published": "2023-09-30",
     "text": "التقى المشير خليفة حفتر الرئيس الروسي فلاديمير بوتين في موسكو الخميس."},
]
PUTIN = "kb:vladimir_putin"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES),
                   encoding="utf-8")
    return src


def meetings(stories: list[dict]) -> dict[str, dict]:
    return {s["date"]["start"][:4]: s for s in stories
            if s["type"] == "CONSULT" and PUTIN in s["participants"] and s["date"]}


def test_fuse_stores_stories_copies_count_once_and_dates_conflict(  # type: ignore[no-untyped-def]
        corpus: Path, db_url, capsys: pytest.CaptureFixture) -> None:
    db = db_url("m")
    assert main(["ingest", str(corpus), "--db", db]) == 0
    assert main(["fuse", "--db", db]) == 0
    assert "4 articles: 1 near-duplicate groups" in capsys.readouterr().err
    assert main(["stories", "--db", db, "--entity", "khalifa_haftar", "--json"]) == 0
    out = capsys.readouterr()
    assert "fused" not in out.err  # the saved fusion was current: not redone
    by_year = meetings(json.loads(out.out))
    assert set(by_year) == {"2023", "2025"}
    may = by_year["2025"]
    assert {m["doc_id"] for m in may["members"]} == {"a1", "b1", "c1"}
    # the syndicated copy b1 counts once: A+B are one source, C another
    assert may["independent_sources"] == [["outlet a", "outlet b"], ["outlet c"]]
    assert may["n_independent"] == 2 and may["certainty"] == "corroborated"
    (c,) = may["contradictions"]
    assert c["kind"] == "date"
    sides = {c["a"]["value"][0]: c["a"], c["b"]["value"][0]: c["b"]}
    assert sides["2025-05-10"]["sources"] == ["outlet a", "outlet b"]
    assert sides["2025-05-08"]["sources"] == ["outlet c"]
    assert may["date"] == {"start": "2025-05-08", "end": "2025-05-10", "basis": "union"}
    # the text output names both sides
    assert main(["stories", "--db", db, "--type", "consult", "--since", "2025-01-01"]) == 0
    text = capsys.readouterr().out
    assert "! contradiction on date" in text and "outlet c" in text and "2023" not in text


def test_entity_profile(corpus: Path, db_url, capsys: pytest.CaptureFixture  # type: ignore[no-untyped-def]
                        ) -> None:
    db = db_url("m")
    main(["ingest", str(corpus), "--db", db])
    capsys.readouterr()
    assert main(["entity", "khalifa_haftar", "--db", db, "--json"]) == 0
    prof = json.loads(capsys.readouterr().out)
    assert prof["key"] == "kb:khalifa_haftar" and prof["type"] == "PER"
    assert prof["name_en"] == "Khalifa Haftar"
    assert prof["articles"] == ["a1", "b1", "c1", "d1"] and prof["mention_count"] >= 4
    assert any("حفتر" in t for t, _ in prof["spellings"])
    dates = [s["date"]["start"] for s in prof["stories"] if s["date"]]
    assert dates == sorted(dates) and dates[0].startswith("2023")
    related = {r["key"]: r["shared"] for r in prof["related"]}
    assert related[PUTIN] == 2 and related["kb:moscow"] >= 2
    assert main(["entity", "moscow", "--db", db]) == 0
    text = capsys.readouterr().out
    assert "coordinates: 55.7" in text and "Khalifa Haftar" in text
    assert main(["entity", "nobody_at_all", "--db", db]) == 1
    assert "no entity 'kb:nobody_at_all'" in capsys.readouterr().err


def test_reingest_changes_nothing_and_a_new_article_refreshes_fusion(  # type: ignore[no-untyped-def]
        corpus: Path, db_url, tmp_path: Path) -> None:
    db = db_url("m")
    main(["ingest", str(corpus), "--db", db])
    with open_store(db) as s:
        fuse_store(s)
        state, info = s.corpus_state(), s.fusion_info()
        before = (s.counts(), list(s.iter_records()), s.stories(), s.entities())
    main(["ingest", str(corpus), "--db", db])
    with open_store(db) as s:
        assert s.corpus_state() == state and s.fusion_info() == info
        assert (s.counts(), list(s.iter_records()), s.stories(), s.entities()) == before
    more = tmp_path / "more.txt"
    more.write_text("الاثنين 2025/05/12\nالتقى المشير خليفة حفتر الرئيس الروسي فلاديمير بوتين "
                    "في موسكو السبت.\n", encoding="utf-8")
    main(["ingest", str(more), "--db", db])
    with open_store(db) as s:
        assert s.corpus_state() != state
        from marsad.fuse import ensure_fused

        assert ensure_fused(s) is not None and ensure_fused(s) is None
        may = meetings(s.stories(entity="kb:khalifa_haftar"))["2025"]
        assert "more" in {m["doc_id"] for m in may["members"]}


def test_store_fusion_queries(db_url) -> None:  # type: ignore[no-untyped-def]
    story = {"id": "st_1", "type": "CONSULT", "participants": ["kb:a", "kb:b"],
             "location": "kb:x", "date": {"start": "2025-05-10", "end": "2025-05-10",
                                          "basis": "intersection"},
             "members": [{"doc_id": "d", "event_id": "v1"}], "certainty": "single-source",
             "n_independent": 1, "names": {}}
    old = dict(story, id="st_0", date={"start": "2023-01-01", "end": "2023-12-31",
                                       "basis": "intersection"}, type="AGREE")
    undated = dict(story, id="st_2", date=None, participants=["kb:b"], location=None)
    ents = [{"key": k, "type": "PER", "name": k, "mention_count": n, "articles": ["d"]}
            for k, n in (("kb:a", 3), ("kb:b", 5))]
    with open_store(db_url("q")) as s:
        assert s.fusion_info() is None and s.stories() == []
        s.save_fusion([undated, story, old], ents, corpus_state="1:abc", seconds=0.5)
        assert [x["id"] for x in s.stories()] == ["st_0", "st_1", "st_2"]
        assert [x["id"] for x in s.stories(entity="kb:a")] == ["st_0", "st_1"]
        assert [x["id"] for x in s.stories(entity="kb:x")] == ["st_0", "st_1"]
        assert [x["id"] for x in s.stories(type="AGREE")] == ["st_0"]
        assert [x["id"] for x in s.stories(since="2024-01-01")] == ["st_1"]
        assert [x["id"] for x in s.stories(until="2024-01-01")] == ["st_0"]
        assert [x["id"] for x in s.stories(limit=1)] == ["st_0"]
        assert [e["key"] for e in s.entities()] == ["kb:b", "kb:a"]
        assert s.entity("kb:a") == ents[0] and s.entity("kb:zz") is None
        info = s.fusion_info()
        assert info is not None and info["n_stories"] == 3 and info["corpus_state"] == "1:abc"
        s.save_fusion([story], [], corpus_state="2:def")  # replaced as a whole
        assert [x["id"] for x in s.stories()] == ["st_1"] and s.entities() == []


def test_sqlite_and_postgresql_give_the_same_answers(corpus: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     request: pytest.FixtureRequest) -> None:
    request.getfixturevalue("pg_server_url")  # skips without a PostgreSQL server
    import psycopg

    server = request.getfixturevalue("pg_server_url")
    schema = "t_same_" + tmp_path.name[-8:].replace("-", "_")
    with psycopg.connect(server, autocommit=True) as c:
        c.execute(f'CREATE SCHEMA "{schema}"')
    pg = f"{server}{'&' if '?' in server else '?'}options=-csearch_path%3D{schema}"
    try:
        answers = []
        for db in (str(tmp_path / "m.db"), pg):
            assert main(["ingest", str(corpus), "--db", db]) == 0
            with open_store(db) as s:
                fuse_store(s)
                answers.append((s.counts(), list(s.iter_records()), list(s.raw_articles()),
                                s.search("بوتين موسكو"), s.search("الكرملين"),
                                s.stories(), s.entities(), s.entity("kb:khalifa_haftar")))
        assert answers[0] == answers[1]
    finally:
        with psycopg.connect(server, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')
