"""Issue #15, the store: concurrent creators, damaged files, files Marsad did not make, and
zero-length files."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.store import StoreDamagedError, StoreError, open_store
from marsad.store.sqlite import ALLOW_EMPTY_ENV

from .test_cli_store import ARTICLES


def _create(url: str, barrier: object, out: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]
    try:
        with open_store(url) as s:
            out.put(("ok", s.counts()["articles"]))  # type: ignore[attr-defined]
    except Exception as e:  # reported to the parent, which fails the test with it
        out.put(("error", str(e)))  # type: ignore[attr-defined]


def _race(url: str, n: int) -> list[tuple[str, object]]:
    ctx = mp.get_context("fork")
    barrier, out = ctx.Barrier(n), ctx.Queue()
    procs = [ctx.Process(target=_create, args=(url, barrier, out)) for _ in range(n)]
    for p in procs:
        p.start()
    results = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    return results


def test_concurrent_creators_all_open_one_store(db_url, backend: str) -> None:  # type: ignore[no-untyped-def]
    # before the fix: 'table articles already exists' or 'database is locked' (E050) for
    # the loser in nearly every try once the creators start together
    for i in range(6 if backend == "sqlite" else 3):
        url = db_url(f"race{i}")
        assert _race(url, 3) == [("ok", 0)] * 3
        with open_store(url, create=False) as s:
            assert s.applied_migrations() == [1, 2, 3]
    if backend == "sqlite":  # the private files each creator built in are gone
        folder = Path(db_url("x")).parent
        assert not list(folder.glob(".*.creating*"))


@pytest.fixture()
def stored(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / f"{name}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "m.db"
    assert main(["ingest", str(d), "--db", str(db)]) == 0
    return db


def _zero_page_of(db: Path, table: str) -> bytes:
    """Overwrite the root page of ``table`` with zeros (as a bad sector or a torn copy
    would); returns the damaged file's bytes."""
    con = sqlite3.connect(db)
    try:
        size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                           (table,)).fetchone()[0]
    finally:
        con.close()
    data = bytearray(db.read_bytes())
    data[(root - 1) * size: root * size] = bytes(size)
    db.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_store_is_refused_by_name_everywhere(stored: Path,
                                                      capsys: pytest.CaptureFixture) -> None:
    damaged = _zero_page_of(stored, "articles")
    with pytest.raises(StoreDamagedError, match=r"m\.db.*damaged") as e:
        open_store(stored)
    assert e.value.code == "E053"
    for argv in (["stories", "--db", str(stored)], ["search", "موسكو", "--db", str(stored)],
                 ["ingest", str(stored.parent / "in"), "--db", str(stored)]):
        assert main(argv) == 2, argv  # ingest exited 0 on this store before
        err = capsys.readouterr().err
        assert "error [E053]" in err and "m.db" in err and "Traceback" not in err
    assert stored.read_bytes() == damaged  # and nothing was written to it


def test_serve_refuses_a_damaged_store(stored: Path) -> None:
    pytest.importorskip("fastapi")
    from marsad.api import create_app

    _zero_page_of(stored, "articles")
    with pytest.raises(StoreDamagedError, match=r"m\.db"):  # served 200s before
        create_app(str(stored))


def test_damage_met_by_a_query_is_named(stored: Path) -> None:
    _zero_page_of(stored, "articles")
    s = open_store(stored, check=False)
    try:
        with pytest.raises(StoreDamagedError, match=r"m\.db.*damaged"):
            list(s.iter_records())
    finally:
        s.close()


@pytest.mark.parametrize("table", ["notes", "articles"])
def test_a_sqlite_file_marsad_did_not_create_is_left_byte_for_byte(tmp_path: Path,
                                                                   table: str) -> None:
    db = tmp_path / "theirs.db"
    con = sqlite3.connect(db)  # rollback journal: switching it to WAL rewrites header bytes
    with con:
        con.execute(f"CREATE TABLE {table} (id INTEGER)")
        con.execute(f"INSERT INTO {table} VALUES (7)")
    con.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match=r"theirs\.db.*did not create"):
        open_store(db)
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists()


def test_a_zero_length_file_is_refused_unless_asked(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    monkeypatch.delenv(ALLOW_EMPTY_ENV, raising=False)
    with pytest.raises(StoreError, match=r"empty\.db.*empty file"):
        open_store(empty)
    assert main(["search", "x", "--db", str(empty)]) == 2
    assert ALLOW_EMPTY_ENV in capsys.readouterr().err
    assert empty.read_bytes() == b""
    with open_store(empty, allow_empty=True) as s:  # asked by the caller
        assert s.applied_migrations() == [1, 2, 3]
    other = tmp_path / "other.db"
    other.write_bytes(b"")
    monkeypatch.setenv(ALLOW_EMPTY_ENV, "1")  # or by the environment
    with open_store(other) as s:
        assert s.counts()["articles"] == 0
    with open_store(other, create=False) as s:  # a store from now on
        assert s.applied_migrations() == [1, 2, 3]
