"""The SQLite store: one file, WAL journal, one writer, foreign keys on.

The schema is plain SQL in ``migrations/sqlite/NNNN_name.sql``, applied in order, each in its own
transaction and recorded in ``schema_migrations``. Transactions are explicit (the connection
runs in autocommit mode and :meth:`SQLiteStore.batch` issues ``BEGIN IMMEDIATE``, taking the
write lock at once so two writers queue instead of failing half-way); every put is also a
savepoint, so a put that fails leaves the rest of its batch whole.

A file that is not a SQLite database is refused by name and never written to.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .. import __version__
from . import SearchHit, StoreError
from .base import SQLStore, index_words, now, search_terms
from .base import migrations as _migrations

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every SQLite migration, in order."""
    return _migrations("sqlite")


class SQLiteStore(SQLStore):
    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self.name = str(path)
        self._depth = 0
        self._conn: sqlite3.Connection | None = None
        p = self.path
        if p.is_dir():
            raise StoreError("is a folder, not a database file", path=str(p))
        if p.exists():
            _check_header(p)
        else:
            if not create:
                raise StoreError("no database here (run `marsad ingest` first)", path=str(p))
            parent = p.parent if str(p.parent) else Path(".")
            if not parent.is_dir():
                raise StoreError("the folder for the database does not exist", path=str(p))
        try:
            conn = sqlite3.connect(str(p), isolation_level=None)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the database: {e}", path=str(p)) from e
        self._conn = conn
        try:
            conn.execute("PRAGMA busy_timeout = 30000")  # a second writer waits its turn
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("%s: journal mode is %s, not WAL", p, mode)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no commit
            self._migrate()
        except sqlite3.DatabaseError as e:
            self.close()
            raise StoreError(f"not a usable Marsad database ({e}); the file was left as it is",
                             path=str(p)) from e
        except BaseException:
            self.close()
            raise

    # -- schema ----------------------------------------------------------------------------
    def _migrate(self) -> None:
        conn = self._db
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                     "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        done = {v for (v,) in conn.execute("SELECT version FROM schema_migrations")}
        known = migrations()
        newer = done - {v for v, _, _ in known}
        if newer:
            raise StoreError(f"the database has schema version(s) {sorted(newer)} that this "
                             f"Marsad ({__version__}) does not know; upgrade Marsad",
                             path=str(self.path))
        for version, name, sql in known:
            if version in done:
                continue
            log.info("%s: applying migration %s", self.path, name)
            # executescript commits any open transaction first, so the transaction is part
            # of the script; on error it is still open and rolled back here.
            try:
                conn.executescript(
                    "BEGIN IMMEDIATE;\n" + sql + "\n;INSERT INTO schema_migrations VALUES "
                    f"({version}, '{name}', '{now()}');\nCOMMIT;")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def applied_migrations(self) -> list[int]:
        return [v for (v,) in self._db.execute(
            "SELECT version FROM schema_migrations ORDER BY version")]

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("the store is closed", path=str(self.path))
        return self._conn

    # -- transactions ----------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        conn = self._db
        if self._depth:  # nested: part of the enclosing batch
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self._depth = 0
        conn.execute("COMMIT")

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        with self.batch():
            conn = self._db
            conn.execute("SAVEPOINT put")
            try:
                yield
            except BaseException:
                conn.execute("ROLLBACK TO put")
                conn.execute("RELEASE put")
                raise
            conn.execute("RELEASE put")

    # -- the backend's part of the shared queries ------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._db.execute(sql, params)

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self._db.executemany(sql, rows)

    def _index(self, doc_id: str, text: str) -> None:
        self._db.execute("INSERT INTO articles_fts (rowid, key) SELECT rowid, ? FROM articles"
                         " WHERE doc_id = ?", (" ".join(index_words(text)), doc_id))

    def _unindex(self, doc_id: str) -> None:
        self._db.execute("DELETE FROM articles_fts WHERE rowid ="
                         " (SELECT rowid FROM articles WHERE doc_id = ?)", (doc_id,))

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        terms = search_terms(text)
        if not terms or limit <= 0:
            return []
        query = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        rows = self._db.execute(
            "SELECT a.doc_id, -f.rank FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
            " WHERE articles_fts MATCH ? ORDER BY f.rank, a.doc_id LIMIT ?",
            (query, limit)).fetchall()
        return self._hits([(float(score), doc_id) for doc_id, score in rows], terms, limit)

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.close()


def _check_header(p: Path) -> None:
    """Refuse a file that is not SQLite before SQLite touches it (it would not overwrite it,
    but a clear message naming the file beats 'file is not a database')."""
    try:
        with p.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as e:
        raise StoreError(f"cannot read the database: {e.strerror}", path=str(p)) from e
    if head and head != SQLITE_HEADER:
        raise StoreError("not a SQLite database; the file was left as it is", path=str(p))
