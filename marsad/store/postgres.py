"""The PostgreSQL store, for a team sharing one corpus: ``--db postgresql://user@host/db``.

psycopg 3 (``pip install "marsad[postgres]"``) is imported only when a PostgreSQL URL is
opened. The database must exist; the schema is created in it by the plain-SQL migrations of
``migrations/postgresql/`` (the same numbers and tables as SQLite's), each in its own
transaction under an advisory lock, so two processes opening a new database at once do not
both migrate it. A database that holds an ``articles`` table but no Marsad migration record is
someone else's: it is refused and left alone.

Transactions mirror the SQLite store: the connection is in autocommit mode, :meth:`batch`
opens one transaction (nested calls join it) and every put is a savepoint inside it. A batch
takes a transaction-level advisory lock first, so writers queue one after the other, as
SQLite's ``BEGIN IMMEDIATE`` makes them, instead of failing on each other's rows.

Search holds the folded words of each article in a ``TEXT[]`` with a GIN index and ranks the
hits with the BM25 formula of SQLite's FTS5 (:func:`marsad.store.base.bm25`), so both
backends find and order the same articles for the same query.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from .. import __version__
from . import SearchHit, StoreConnectionError, StoreError
from . import names as store_names
from .base import SQLStore, bm25, migrations, now, search_terms

log = logging.getLogger(__name__)

# any constant shared by every Marsad process: the key of the advisory lock writers take
_LOCK_KEY = 0x4D415253  # "MARS"
_CONNECT_TIMEOUT = 10  # seconds, unless the URL says otherwise
_PLACEHOLDER_RE = re.compile(r"\?")


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "postgresql://…"
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class PostgresStore(SQLStore):
    def __init__(self, url: str, *, create: bool = True) -> None:
        self.url = url
        self.name = redact(url)
        self._conn: Any = None
        try:
            import psycopg
        except ImportError as e:
            raise StoreConnectionError(
                "the PostgreSQL backend needs psycopg 3: pip install \"marsad[postgres]\"",
                path=self.name) from e
        self._psycopg = psycopg
        kwargs: dict[str, Any] = {"autocommit": True}
        if "connect_timeout" not in url:
            kwargs["connect_timeout"] = _CONNECT_TIMEOUT
        try:
            self._conn = psycopg.connect(url, **kwargs)
        except psycopg.Error as e:
            # the driver's message names host and reason; the URL's password is never shown
            reason = " ".join(str(e).split()) or type(e).__name__
            raise StoreConnectionError(f"cannot connect to PostgreSQL: {reason}",
                                       path=self.name) from e
        try:
            self._migrate(create=create)
        except psycopg.Error as e:
            self.close()
            raise StoreError(f"cannot prepare the database: {' '.join(str(e).split())}",
                             path=self.name) from e
        except BaseException:
            self.close()
            raise

    # -- schema ----------------------------------------------------------------------------
    def _migrate(self, *, create: bool) -> None:
        conn = self._db
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            tables = {r[0] for r in conn.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema()")}
            if "schema_migrations" not in tables:
                if "articles" in tables:
                    raise StoreError("the database holds an 'articles' table that Marsad did "
                                     "not create; it was left as it is", path=self.name)
                if not create:
                    raise StoreError("no Marsad store in this database (run `marsad ingest` "
                                     "first)", path=self.name)
                conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY,"
                             " name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            done = {v for (v,) in conn.execute("SELECT version FROM schema_migrations")}
            known = migrations("postgresql")
            newer = done - {v for v, _, _ in known}
            if newer:
                raise StoreError(f"the database has schema version(s) {sorted(newer)} that "
                                 f"this Marsad ({__version__}) does not know; upgrade Marsad",
                                 path=self.name)
            for version, name, sql in known:
                if version in done:
                    continue
                log.info("%s: applying migration %s", self.name, name)
                with conn.transaction():  # a savepoint: a failed migration leaves no trace
                    conn.execute(sql.encode("utf-8"))  # bytes: run as a script, no params
                    if version == store_names.NAME_KEYS_VERSION:  # index the names stored before
                        rows = store_names.name_key_rows(
                            conn.execute(store_names.DISTINCT_NAMES_SQL).fetchall())
                        if rows:
                            with conn.cursor() as cur:
                                cur.executemany(self._sql(store_names.INSERT_SQL), rows)
                    conn.execute("INSERT INTO schema_migrations VALUES (%s, %s, %s)",
                                 (version, name, now()))

    def applied_migrations(self) -> list[int]:
        return [v for (v,) in self._db.execute(
            "SELECT version FROM schema_migrations ORDER BY version")]

    @property
    def _db(self) -> Any:
        if self._conn is None:
            raise StoreError("the store is closed", path=self.name)
        return self._conn

    # -- transactions ----------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        conn = self._db
        # psycopg nests transaction() blocks as savepoints; the outermost one takes the lock
        outer = conn.info.transaction_status == self._psycopg.pq.TransactionStatus.IDLE
        with conn.transaction():
            if outer:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            yield

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        with self.batch(), self._db.transaction():
            yield

    # -- the backend's part of the shared queries ------------------------------------------
    def _sql(self, sql: str) -> str:
        return _PLACEHOLDER_RE.sub("%s", sql)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._db.execute(self._sql(sql), tuple(params))

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        if rows:
            with self._db.cursor() as cur:
                cur.executemany(self._sql(sql), rows)

    def _bulk_insert(self, table: str, columns: Sequence[str],
                     rows: Iterable[Sequence[Any]]) -> None:
        # COPY: one stream per table and batch instead of a statement per row (issue #19)
        if not rows:
            return
        cols = ", ".join(f'"{c}"' for c in columns)
        with self._db.cursor() as cur, cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _index_many(self, rows: Sequence[tuple[str, str]]) -> None:
        self._bulk_insert("article_words", ("doc_id", "words"),
                          [(doc_id, words.split()) for doc_id, words in rows])

    def _unindex(self, doc_id: str) -> None:
        pass  # article_words rows go with their article (ON DELETE CASCADE)

    def _fulltext(self, text: str, limit: int) -> list[SearchHit]:
        terms = search_terms(text)
        if not terms or limit <= 0:
            return []
        n_docs, avg_len = self._one(
            "SELECT count(*), coalesce(avg(cardinality(words)), 0) FROM article_words") or (0, 0)
        n_hits = [int(self._all("SELECT count(*) FROM article_words WHERE words @> ?",
                                ([t],))[0][0]) for t in terms]
        if not all(n_hits):
            return []
        tf_cols = ", ".join("(SELECT count(*) FROM unnest(words) u WHERE u = ?)" for _ in terms)
        rows = self._all(f"SELECT doc_id, cardinality(words), {tf_cols} FROM article_words"
                         " WHERE words @> ?", (*terms, terms))

        ranked = [(bm25([int(x) for x in r[2:]], int(r[1]), n_hits, int(n_docs),
                        float(avg_len)), str(r[0])) for r in rows]
        return self._hits(ranked, terms, limit)

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            try:
                conn.close()  # an open transaction is rolled back by the server
            except self._psycopg.Error:
                log.warning("%s: error while closing", self.name, exc_info=True)
