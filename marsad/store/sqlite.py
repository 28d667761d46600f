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
import os
import secrets
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .. import __version__
from . import SearchHit, StoreDamagedError, StoreError
from . import names as store_names
from .base import SQLStore, now, search_terms
from .base import migrations as _migrations

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
# lets a zero-length file become a new store (otherwise refused: often a mistake)
ALLOW_EMPTY_ENV = "MARSAD_STORE_ALLOW_EMPTY"


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every SQLite migration, in order."""
    return _migrations("sqlite")


class SQLiteStore(SQLStore):
    def __init__(self, path: str | Path, *, create: bool = True, check: bool = True,
                 allow_empty: bool | None = None) -> None:
        self.path = Path(path)
        self.name = str(path)
        self._depth = 0
        self._conn: sqlite3.Connection | None = None
        p = self.path
        state = _file_state(p)
        if state == "empty" and not _empty_allowed(allow_empty):
            raise StoreError("an empty file (0 bytes), not a Marsad store; it was left as it "
                             f"is (set {ALLOW_EMPTY_ENV}=1 to make a new store in it)",
                             path=str(p))
        if state in ("missing", "empty"):
            if not create:
                raise StoreError("no database here (run `marsad ingest` first)", path=str(p))
            _create(p, replace_empty=state == "empty")
        try:
            conn = sqlite3.connect(str(p), isolation_level=None)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the database: {e}", path=str(p)) from e
        self._conn = conn
        try:
            _check_owner(conn, p)  # reads only: a file Marsad did not make is never written
            if check:
                _quick_check(conn, p)
            _configure(conn, p)
            _migrate(conn, p)
        except sqlite3.DatabaseError as e:
            self.close()
            raise StoreError(f"not a usable Marsad database ({e}); the file was left as it is",
                             path=str(p)) from e
        except BaseException:
            self.close()
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
        with self._damage_named():
            return self._db.execute(sql, params)

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        if rows:
            with self._damage_named():
                self._db.executemany(sql, rows)

    @contextmanager
    def _damage_named(self) -> Iterator[None]:
        """A damaged page met by a query (quick_check does not read every row) becomes an
        error naming the file, not a driver traceback."""
        try:
            yield
        except sqlite3.DatabaseError as e:
            if is_damage(e):
                raise StoreDamagedError(f"the database is damaged ({e}); restore it from a "
                                        "backup or ingest into a new store",
                                        path=str(self.path)) from e
            raise

    def _index_many(self, rows: Sequence[tuple[str, str]]) -> None:
        self._db.executemany("INSERT INTO articles_fts (rowid, key) SELECT rowid, ? FROM"
                             " articles WHERE doc_id = ?",
                             [(words, doc_id) for doc_id, words in rows])

    def _unindex(self, doc_id: str) -> None:
        self._db.execute("DELETE FROM articles_fts WHERE rowid ="
                         " (SELECT rowid FROM articles WHERE doc_id = ?)", (doc_id,))

    def _fulltext(self, text: str, limit: int) -> list[SearchHit]:
        terms = search_terms(text)
        if not terms or limit <= 0:
            return []
        query = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        rows = self._execute(
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


def _file_state(p: Path) -> str:
    """``missing``, ``empty`` (0 bytes) or ``sqlite``; anything else is refused by name."""
    if p.is_dir():
        raise StoreError("is a folder, not a database file", path=str(p))
    try:
        with p.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        parent = p.parent if str(p.parent) else Path(".")
        if not parent.is_dir():
            raise StoreError("the folder for the database does not exist", path=str(p)) from None
        return "missing"
    except OSError as e:
        raise StoreError(f"cannot read the database: {e.strerror}", path=str(p)) from e
    if not head:
        return "empty"
    if head != SQLITE_HEADER:
        raise StoreError("not a SQLite database; the file was left as it is", path=str(p))
    return "sqlite"


def _empty_allowed(allow_empty: bool | None) -> bool:
    """A zero-length file is often a mistake (a truncated copy, a typo'd ``touch``): it becomes
    a store only when the caller or the environment says so."""
    if allow_empty is not None:
        return allow_empty
    return os.environ.get(ALLOW_EMPTY_ENV, "").strip().lower() in ("1", "yes", "true")


def _create(p: Path, *, replace_empty: bool) -> None:
    """Make a new store at ``p`` atomically: the schema is built in a private file beside it,
    which is then linked into place. Two processes creating the same store race only for the
    link; the loser finds a complete store there and opens it. A crash leaves no half-made
    store at ``p`` (at most a ``.p.*.creating`` file beside it)."""
    tmp = p.with_name(f".{p.name}.{os.getpid()}.{secrets.token_hex(4)}.creating")
    try:
        # O_EXCL: never a file someone else made; mode 0o666 leaves the umask in charge, as a
        # store SQLite created itself would be
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        conn = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            _migrate(conn, p)
        finally:
            conn.close()  # the last connection checkpoints the WAL into the file
        _publish(tmp, p, replace_empty=replace_empty)
    except OSError as e:
        raise StoreError(f"cannot create the database: {e.strerror or e}", path=str(p)) from e
    except sqlite3.Error as e:
        raise StoreError(f"cannot create the database: {e}", path=str(p)) from e
    finally:
        for extra in ("", "-wal", "-shm", "-journal"):
            Path(f"{tmp}{extra}").unlink(missing_ok=True)


def _publish(tmp: Path, p: Path, *, replace_empty: bool) -> None:
    """Put the finished store ``tmp`` at ``p``, never over a file that is not empty."""
    if replace_empty:
        if p.stat().st_size == 0:  # still the empty file the user let us take
            os.replace(tmp, p)
        return
    try:
        os.link(tmp, p)  # fails if p exists: the other creator won, and its store is whole
    except FileExistsError:
        log.info("%s: created meanwhile by another process", p)
    except OSError:  # a file system without hard links
        if not p.exists():
            os.rename(tmp, p)


def _check_owner(conn: sqlite3.Connection, p: Path) -> None:
    """Refuse a SQLite database Marsad did not create (no ``schema_migrations`` table) before
    anything is written to it: even switching its journal mode rewrites header bytes."""
    names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "schema_migrations" not in names:
        raise StoreError("a SQLite database Marsad did not create (no schema_migrations "
                         "table); it was left as it is", path=str(p))


def _quick_check(conn: sqlite3.Connection, p: Path) -> None:
    """``PRAGMA quick_check``: a damaged page is found now, by name, not mid-run."""
    try:
        rows = [r for (r,) in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as e:
        rows = [str(e)]
    if rows != ["ok"]:
        raise StoreDamagedError(f"the database is damaged ({'; '.join(map(str, rows))}); "
                                "restore it from a backup or ingest into a new store",
                                path=str(p))


def _configure(conn: sqlite3.Connection, p: Path) -> None:
    conn.execute("PRAGMA busy_timeout = 30000")  # a second writer waits its turn
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if str(mode).lower() != "wal":  # a store made by an earlier Marsad before WAL
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("%s: journal mode is %s, not WAL", p, mode)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no commit


def _migrate(conn: sqlite3.Connection, p: Path) -> None:
    """Apply the missing migrations, each in its own write transaction that first re-reads
    what is applied: two processes upgrading one store at once apply each migration once."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                 "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    known = migrations()
    newer = _applied(conn) - {v for v, _, _ in known}
    if newer:
        raise StoreError(f"the database has schema version(s) {sorted(newer)} that this "
                         f"Marsad ({__version__}) does not know; upgrade Marsad", path=str(p))
    for version, name, sql in known:
        if version in _applied(conn):
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if version not in _applied(conn):  # another process may have applied it meanwhile
                log.info("%s: applying migration %s", p, name)
                for stmt in _statements(sql):
                    conn.execute(stmt)
                if version == store_names.NAME_KEYS_VERSION:  # index the names stored before
                    conn.executemany(store_names.INSERT_SQL, store_names.name_key_rows(
                        conn.execute(store_names.DISTINCT_NAMES_SQL).fetchall()))
                conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                             (version, name, now()))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def _applied(conn: sqlite3.Connection) -> set[int]:
    return {v for (v,) in conn.execute("SELECT version FROM schema_migrations")}


def _statements(sql: str) -> list[str]:
    """A migration script as single statements (``executescript`` would commit the open
    transaction first); trigger bodies stay whole, as :func:`sqlite3.complete_statement`
    knows them."""
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip().strip(";").strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip() and not all(ln.strip().startswith("--") or not ln.strip()
                               for ln in buf.splitlines()):
        raise StoreError(f"an unfinished statement at the end of a migration: {buf[:80]!r}")
    return out


def is_damage(e: sqlite3.Error) -> bool:
    """Whether a driver error means a damaged file (corrupt page, not a database)."""
    return getattr(e, "sqlite_errorcode", None) in (sqlite3.SQLITE_CORRUPT,
                                                    sqlite3.SQLITE_NOTADB)
