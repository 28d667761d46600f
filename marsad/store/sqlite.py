"""The SQLite store: one file, WAL journal, one writer, foreign keys on.

The schema is plain SQL in ``migrations/NNNN_name.sql``, applied in order, each in its own
transaction and recorded in ``schema_migrations``. Transactions are explicit (the connection
runs in autocommit mode and :meth:`SQLiteStore.batch` issues ``BEGIN IMMEDIATE``, taking the
write lock at once so two writers queue instead of failing half-way); every put is also a
savepoint, so a put that fails leaves the rest of its batch whole.

A file that is not a SQLite database is refused by name and never written to.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from .. import __version__
from ..doc import Doc, Failure
from ..ingest import RawArticle
from ..text.normalize import fold, match_key
from . import PutResult, SearchHit, Store, StoreError, content_hash

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATION_RE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
SNIPPET_CHARS = 60  # characters of context either side of the first hit
_WORD_RE = re.compile(r"\w+")


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every migration shipped with the package, in order."""
    out = []
    for f in resources.files(__package__).joinpath("migrations").iterdir():
        m = MIGRATION_RE.match(f.name)
        if m:
            out.append((int(m.group(1)), f.name, f.read_text(encoding="utf-8")))
    out.sort()
    if not out:  # an install that left the .sql files out (pyproject package-data)
        raise StoreError("no schema migrations found in marsad/store/migrations")
    versions = [v for v, _, _ in out]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two migrations share a number: {[n for _, n, _ in out]}")
    return out


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore(Store):
    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
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
                    f"({version}, '{name}', '{_now()}');\nCOMMIT;")
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

    # -- writing ---------------------------------------------------------------------------
    def put(self, raw: RawArticle, doc: Doc, *, force: bool = False) -> PutResult:
        from ..export.jsonl import doc_to_record

        if raw.doc_id != doc.doc_id:
            raise StoreError(f"raw article {raw.doc_id!r} and doc {doc.doc_id!r} differ")
        digest = content_hash(raw)
        rec = doc_to_record(doc)
        with self._savepoint():
            conn = self._db
            row = conn.execute("SELECT rowid, content_hash FROM articles WHERE doc_id = ?",
                               (doc.doc_id,)).fetchone()
            if row is not None and row[1] == digest and not force:
                return "unchanged"
            if row is not None:
                conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (row[0],))
                conn.execute("DELETE FROM articles WHERE doc_id = ?", (doc.doc_id,))
            self._insert(raw, doc, rec, digest)
            # the article is stored now: an earlier failure of the same input is stale
            conn.execute("DELETE FROM failures WHERE doc_id = ?", (doc.doc_id,))
        return "added" if row is None else "replaced"

    def _insert(self, raw: RawArticle, doc: Doc, rec: dict[str, Any], digest: str) -> None:
        conn = self._db
        cur = conn.execute(
            "INSERT INTO articles (doc_id, content_hash, raw, kind, path, url, outlet, published,"
            " title, text, raw_url, raw_outlet, raw_published, pipeline_version, processed_at,"
            " record_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.doc_id, digest, raw.content, raw.kind, raw.path or doc.source.path,
             doc.source.url, doc.source.outlet, rec["published"], doc.title, doc.text,
             raw.url, raw.outlet, raw.published, __version__, _now(),
             json.dumps(rec, ensure_ascii=False)))
        conn.execute("INSERT INTO articles_fts (rowid, key) VALUES (?, ?)",
                      (cur.lastrowid, match_key(doc.text)))
        did = doc.doc_id
        conn.executemany(
            "INSERT INTO entities (doc_id, entity_id, kb_id, type, name, name_en, lat, lon)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [(did, e.id, e.kb_id, e.type, e.name, e.name_en, e.lat, e.lon)
             for e in doc.entities])
        conn.executemany(
            'INSERT INTO mentions (doc_id, entity_id, start, "end", text) VALUES (?,?,?,?,?)',
            [(did, e.id, m.start, m.end, m.text) for e in doc.entities for m in e.mentions])
        events: list[tuple[Any, ...]] = []
        roles: list[tuple[str, str, str, str]] = []
        for ev in doc.events:
            d = ev.date
            ok = d is not None and d.first is not None and d.last is not None
            sp = ev.evidence[0]
            events.append((did, ev.id, ev.type, ev.mode,
                           d.first.isoformat() if ok and d and d.first else None,
                           d.last.isoformat() if ok and d and d.last else None,
                           ev.location, ev.certainty, sp.start, sp.end,
                           doc.text[sp.start : sp.end]))
            for role, ids in (("actor", ev.actors), ("target", ev.targets),
                              ("source", ev.attributed_to)):
                roles.extend((did, ev.id, role, i) for i in ids)
        conn.executemany(
            "INSERT INTO events (doc_id, event_id, type, mode, date_start, date_end, location,"
            " certainty, evidence_start, evidence_end, evidence_text)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)", events)
        conn.executemany(
            "INSERT INTO event_roles (doc_id, event_id, role, entity_id) VALUES (?,?,?,?)",
            roles)

    def put_failure(self, failure: Failure) -> None:
        with self._savepoint():
            self._db.execute(
                "INSERT INTO failures (doc_id, path, stage, reason, code, at)"
                " VALUES (?,?,?,?,?,?) ON CONFLICT (doc_id, path) DO UPDATE SET"
                " stage = excluded.stage, reason = excluded.reason, code = excluded.code,"
                " at = excluded.at",
                (failure.doc_id, failure.path or "", failure.stage, failure.reason,
                 failure.code, _now()))

    # -- reading ---------------------------------------------------------------------------
    def stored_hash(self, doc_id: str) -> str | None:
        row = self._db.execute("SELECT content_hash FROM articles WHERE doc_id = ?",
                               (doc_id,)).fetchone()
        return None if row is None else str(row[0])

    def get_record(self, doc_id: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT record_json FROM articles WHERE doc_id = ?",
                               (doc_id,)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def iter_records(self) -> Iterator[dict[str, Any]]:
        # fetched in pages so a long iteration holds no read cursor open across writes
        last = ""
        first = True
        while True:
            rows = self._db.execute(
                "SELECT doc_id, record_json FROM articles WHERE doc_id > ? OR ? "
                "ORDER BY doc_id LIMIT 500", (last, first)).fetchall()
            if not rows:
                return
            first = False
            for doc_id, rec in rows:
                last = doc_id
                yield json.loads(rec)

    def raw_articles(self) -> Iterator[RawArticle]:
        ids = [d for (d,) in self._db.execute("SELECT doc_id FROM articles ORDER BY doc_id")]
        for doc_id in ids:
            row = self._db.execute(
                "SELECT raw, kind, path, raw_url, raw_outlet, raw_published FROM articles"
                " WHERE doc_id = ?", (doc_id,)).fetchone()
            if row is not None:  # deleted meanwhile
                yield RawArticle(doc_id, row[0], row[1], path=row[2], url=row[3],
                                 outlet=row[4], published=row[5])

    def failures(self) -> list[Failure]:
        return [Failure(d, p or None, s, r, c) for d, p, s, r, c in self._db.execute(
            "SELECT doc_id, path, stage, reason, code FROM failures ORDER BY doc_id, path")]

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        terms = _WORD_RE.findall(match_key(text))
        if not terms or limit <= 0:
            return []
        query = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        rows = self._db.execute(
            "SELECT a.doc_id, a.text FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
            " WHERE articles_fts MATCH ? ORDER BY f.rank, a.doc_id LIMIT ?",
            (query, limit)).fetchall()
        return [SearchHit(doc_id, _snippet(body, terms)) for doc_id, body in rows]

    def counts(self) -> dict[str, int]:
        conn = self._db
        return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                for t in ("articles", "entities", "mentions", "events", "event_roles",
                          "failures")}

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


def _snippet(body: str, terms: list[str]) -> str:
    """The cleaned text around the first word whose key is a query term, the word in
    brackets. Found on the folded key and mapped back, so offsets are into the real text."""
    key, index = fold(body)
    wanted = set(terms)
    hit: tuple[int, int] | None = None
    for m in _WORD_RE.finditer(key):
        if m.group() in wanted:
            hit = (index[m.start()], index[m.end() - 1] + 1)
            break
    if hit is None:
        cut = body[: 2 * SNIPPET_CHARS].replace("\n", " ")
        return cut + ("…" if len(body) > 2 * SNIPPET_CHARS else "")
    a, b = hit
    lo, hi = max(0, a - SNIPPET_CHARS), min(len(body), b + SNIPPET_CHARS)
    out = (("…" if lo else "") + body[lo:a] + "[" + body[a:b] + "]" + body[b:hi]
           + ("…" if hi < len(body) else ""))
    return out.replace("\n", " ")
