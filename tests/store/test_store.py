"""The corpus store: migrations, idempotent puts, batches, Arabic-aware search, bad files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.ingest import RawArticle
from marsad.store import (
    BackendNotImplementedError,
    StoreConnectionError,
    StoreError,
    content_hash,
    open_store,
)
from marsad.store.base import migrations as dialect_migrations
from marsad.store.sqlite import SQLiteStore, migrations

# every migration this Marsad ships, in order (the applied list of a new store)
SHIPPED = [v for v, _, _ in migrations()]

# Team-written articles in Arabic news style.
PUTIN_HAFTAR = (
    "الاثنين 2025/05/12\n"
    "التقى الرئيس الروسي فلاديمير بوتين المشير خليفة حفتر في موسكو السبت، وفق الكرملين.\n"
)
LAVROV_AFRICA = (
    "الثلاثاء 2025/06/03\n"
    "وصل وزير الخارجية الروسي سيرغي لافروف إلى باماكو في جولة إفريقية، "
    "وتسعى موسكو إلى توسيع نفوذها في إفريقيا عبر قاعدة عسكرية جديدة.\n"
)
SUDAN = (
    "الأربعاء 2025/04/16\n"
    "قصفت قوات الدعم السريع مخيم زمزم قرب الفاشر، بحسب الأمم المتحدة.\n"
)


def raw(doc_id: str, text: str) -> RawArticle:
    return RawArticle(doc_id, text, "text", path=f"{doc_id}.txt")


@pytest.fixture()
def store(db_url):  # type: ignore[no-untyped-def]
    s = open_store(db_url("m"))
    yield s
    s.close()


def put(store, pipeline, doc_id: str, text: str, **kw) -> str:  # type: ignore[no-untyped-def]
    r = raw(doc_id, text)
    return store.put(r, pipeline.process(r), **kw)


def test_migrations_apply_once_and_are_recorded(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with open_store(db) as s:
        assert isinstance(s, SQLiteStore)
        assert s.applied_migrations() == SHIPPED == sorted(SHIPPED)
        assert {1, 2, 3, 4, 5} <= set(SHIPPED)
    with open_store(f"sqlite:///{db}") as s:  # opening again applies nothing twice
        assert s.applied_migrations() == SHIPPED
    con = sqlite3.connect(db)
    try:
        n = con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        assert n == len(SHIPPED)
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    finally:
        con.close()
    assert {"articles", "entities", "mentions", "events", "event_roles", "failures",
            "articles_fts", "stories", "story_entities", "fused_entities", "story_redirects",
            "story_changes"} <= tables


def test_both_dialects_ship_the_same_migrations() -> None:
    # one schema: the same numbers and names, and the same tables created by each
    lite, pg = dialect_migrations("sqlite"), dialect_migrations("postgresql")
    assert [(v, n) for v, n, _ in lite] == [(v, n) for v, n, _ in pg]
    import re

    def tables(sql: str) -> list[str]:
        return re.findall(r"CREATE TABLE (\w+)", sql)

    for (_, _, a), (_, _, b) in zip(lite, pg, strict=True):
        assert tables(a) == [t for t in tables(b) if t != "article_words"]


def test_migrations_on_postgresql(db_url, backend: str) -> None:  # type: ignore[no-untyped-def]
    if backend != "postgresql":
        pytest.skip("PostgreSQL only")
    url = db_url("mig")
    with pytest.raises(StoreError, match="no Marsad store"):
        open_store(url, create=False)
    with open_store(url) as s:
        assert s.applied_migrations() == SHIPPED
    with open_store(url, create=False) as s:  # opening again applies nothing twice
        assert s.applied_migrations() == SHIPPED
        assert s.counts()["articles"] == 0


def test_put_added_unchanged_replaced(store, pipeline) -> None:  # type: ignore[no-untyped-def]
    assert put(store, pipeline, "a", PUTIN_HAFTAR) == "added"
    assert put(store, pipeline, "a", PUTIN_HAFTAR) == "unchanged"
    assert store.counts()["articles"] == 1
    assert put(store, pipeline, "a", SUDAN) == "replaced"
    assert put(store, pipeline, "a", SUDAN, force=True) == "replaced"
    assert store.counts()["articles"] == 1
    rec = store.get_record("a")
    assert rec is not None and "زمزم" in rec["text"]
    assert store.get_record("nope") is None
    assert store.stored_hash("a") == content_hash(raw("a", SUDAN))


def test_replacing_removes_the_old_annotations(store, pipeline) -> None:  # type: ignore[no-untyped-def]
    put(store, pipeline, "a", PUTIN_HAFTAR)
    before = store.counts()
    assert before["entities"] and before["mentions"] and before["events"]
    assert before["event_roles"]
    put(store, pipeline, "a", SUDAN)
    names = {n for (n,) in store._all("SELECT name FROM entities WHERE doc_id = 'a'")}
    assert not any("بوتين" in n for n in names)
    assert store._all("SELECT count(*) FROM mentions WHERE text LIKE ?",
                      ("%بوتين%",))[0][0] == 0
    doc = pipeline.process(raw("a", SUDAN))
    after = store.counts()
    assert after["entities"] == len(doc.entities)
    assert after["mentions"] == sum(len(e.mentions) for e in doc.entities)
    assert after["events"] == len(doc.events)
    assert store.search("بوتين") == []
    assert [h.doc_id for h in store.search("زمزم")] == ["a"]


def test_a_failed_batch_rolls_back_only_itself(store, pipeline) -> None:  # type: ignore[no-untyped-def]
    with store.batch():
        put(store, pipeline, "a", PUTIN_HAFTAR)
        put(store, pipeline, "b", SUDAN)
    kept = store.counts()
    with pytest.raises(RuntimeError):
        with store.batch():
            put(store, pipeline, "c", LAVROV_AFRICA)
            put(store, pipeline, "a", LAVROV_AFRICA)  # a replacement, also undone
            raise RuntimeError("boom")
    assert store.counts() == kept
    assert store.get_record("c") is None
    assert "بوتين" in store.get_record("a")["text"]
    assert [r["doc_id"] for r in store.iter_records()] == ["a", "b"]
    assert store.search("لافروف") == []


def test_search_folds_alef_and_ta_marbuta(store, pipeline) -> None:  # type: ignore[no-untyped-def]
    put(store, pipeline, "lavrov", LAVROV_AFRICA)
    put(store, pipeline, "sudan", SUDAN)
    # the text has إفريقيا and قاعدة; the query writes افريقيا and قاعده
    hits = store.search("افريقيا قاعده")
    assert [h.doc_id for h in hits] == ["lavrov"]
    assert "[إفريقيا]" in hits[0].snippet
    assert [h.doc_id for h in store.search("الفاشِر")] == ["sudan"]  # harakat ignored
    assert store.search("  ") == [] and store.search("كلمةغائبة") == []


def test_raw_articles_round_trip_and_failures_are_not_doubled(store, pipeline  # type: ignore[no-untyped-def]
                                                              ) -> None:
    from marsad.doc import Failure

    r = RawArticle("x", PUTIN_HAFTAR, "text", path="x.txt", url="https://example.org/x",
                   outlet="مثال", published="2025-05-12")
    store.put(r, pipeline.process(r))
    assert list(store.raw_articles()) == [r]
    f = Failure("bad", "bad.txt", "ingest", "bad.txt: empty file", "E010")
    store.put_failure(f)
    store.put_failure(f)
    assert store.counts()["failures"] == 1
    assert store.failures()[0].reason == "bad.txt: empty file"


def test_bad_database_paths_are_named_and_left_untouched(tmp_path: Path) -> None:
    garbage = tmp_path / "notes.db"
    garbage.write_bytes(b"these are my notes, not a database\n" * 10)
    with pytest.raises(StoreError, match="notes.db"):
        open_store(garbage)
    assert garbage.read_bytes() == b"these are my notes, not a database\n" * 10
    # a SQLite header over garbage pages: SQLite itself refuses it
    broken = tmp_path / "broken.db"
    payload = b"SQLite format 3\x00" + b"\xff" * 4000
    broken.write_bytes(payload)
    with pytest.raises(StoreError, match="broken.db"):
        open_store(broken)
    assert broken.read_bytes() == payload
    folder = tmp_path / "folder.db"
    folder.mkdir()
    with pytest.raises(StoreError, match="folder.db.*folder"):
        open_store(folder)
    with pytest.raises(StoreError, match="missing.db"):
        open_store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(BackendNotImplementedError, match="mysql"):
        open_store("mysql://user@localhost/marsad")


def test_unreachable_or_broken_postgresql_urls_are_clear_errors() -> None:
    pytest.importorskip("psycopg")
    # nothing listens on port 1; the password never appears in the message
    with pytest.raises(StoreConnectionError, match="cannot connect to PostgreSQL") as e:
        open_store("postgresql://marsad:s3cret@127.0.0.1:1/marsad?connect_timeout=2")
    assert e.value.code == "E052" and "s3cret" not in str(e.value)
    with pytest.raises(StoreConnectionError, match="cannot connect"):
        open_store("postgresql://marsad@127.0.0.1:notaport/marsad")
    with pytest.raises(StoreConnectionError, match="cannot connect"):
        open_store("postgresql:///marsad?host=/nonexistent/socket/dir")


def test_a_foreign_postgresql_database_is_refused_and_left(db_url, backend: str  # type: ignore[no-untyped-def]
                                                          ) -> None:
    if backend != "postgresql":
        pytest.skip("PostgreSQL only")
    import psycopg

    url = db_url("foreign")
    with psycopg.connect(url, autocommit=True) as c:
        c.execute("CREATE TABLE articles (id int)")
        c.execute("INSERT INTO articles VALUES (7)")
    with pytest.raises(StoreError, match="did not create"):
        open_store(url)
    with psycopg.connect(url, autocommit=True) as c:
        assert c.execute("SELECT id FROM articles").fetchall() == [(7,)]


def test_a_database_from_a_newer_marsad_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    open_store(db).close()
    con = sqlite3.connect(db)
    with con:
        con.execute("INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'x')")
    con.close()
    with pytest.raises(StoreError, match=r"m\.db.*9999"):
        open_store(db)
