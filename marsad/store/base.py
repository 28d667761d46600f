"""What the SQLite and PostgreSQL stores share: every query but connecting, transactions and
the search index.

The SQL here is written once, with ``?`` placeholders (a backend whose driver wants ``%s``
rewrites them in :meth:`SQLStore._sql`), and sticks to what both dialects run alike: plain
types, ``ON CONFLICT … DO UPDATE``, no ``RETURNING``, no dialect functions. Migrations are
plain-SQL files per dialect with the same numbers (``migrations/<dialect>/NNNN_name.sql``);
:func:`migrations` reads them and refuses a package that ships a number twice or lacks a file.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from importlib import resources
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..doc import Doc, Failure
from ..export.precision import key_precision, time_precision
from ..ingest import RawArticle
from ..text.latin import is_latin_query
from ..text.normalize import fold, match_key
from . import PutResult, SearchHit, Store, StoreError, names
from .fusion_index import FusionIndex, FusionIndexMixin

if TYPE_CHECKING:
    from .rows import ArticleRows

try:  # optional: a faster parser for the records and stories read back (see _loads)
    import orjson as _orjson
except ImportError:  # pragma: no cover - the core install has no orjson
    _orjson = None  # type: ignore[assignment]

MIGRATION_RE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
DIALECTS = ("sqlite", "postgresql")
SNIPPET_CHARS = 60  # characters of context either side of the first hit
WORD_RE = re.compile(r"\w+")
PAGE = 500  # rows per page of a long read, so no read cursor stays open across writes
ARTICLE_COLUMNS = ("doc_id", "content_hash", "raw", "kind", "path", "url", "outlet",
                   "published", "title", "text", "raw_url", "raw_outlet", "raw_published",
                   "pipeline_version", "processed_at", "record_json")
EVENT_COLUMNS = ("doc_id", "event_id", "type", "mode", "date_start", "date_end", "location",
                 "certainty", "evidence_start", "evidence_end", "evidence_text",
                 "date_precision", "time_precision", "geo_precision")
# the tables counted by Store.counts (and only those: fusion tables are derived data)
COUNTED = ("articles", "entities", "mentions", "events", "event_roles", "failures",
           "place_corrections")


def migrations(dialect: str = "sqlite") -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every migration shipped for ``dialect``, in order."""
    if dialect not in DIALECTS:
        raise StoreError(f"unknown SQL dialect {dialect!r}")
    out = []
    folder = resources.files(__package__).joinpath("migrations").joinpath(dialect)
    for f in folder.iterdir():
        m = MIGRATION_RE.match(f.name)
        if m:
            out.append((int(m.group(1)), f.name, f.read_text(encoding="utf-8")))
    out.sort()
    if not out:  # an install that left the .sql files out (pyproject package-data)
        raise StoreError(f"no schema migrations found in marsad/store/migrations/{dialect}")
    versions = [v for v, _, _ in out]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two migrations share a number: {[n for _, n, _ in out]}")
    return out


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def search_terms(text: str) -> list[str]:
    """The words of a query, folded like the stored index (distinct, in query order)."""
    return list(dict.fromkeys(WORD_RE.findall(match_key(text))))


def index_words(text: str) -> list[str]:
    """The words of an article's cleaned text as the search index holds them."""
    return WORD_RE.findall(match_key.__wrapped__(text))


def bm25(tfs: Sequence[int], doc_len: int, n_hits: Sequence[int], n_docs: int,
         avg_len: float, *, k1: float = 1.2, b: float = 0.75) -> float:
    """Okapi BM25 exactly as SQLite's FTS5 ``bm25()`` computes it (positive: higher is better),
    so both backends rank search hits alike. ``tfs[i]``: occurrences of term ``i`` in the
    article; ``n_hits[i]``: articles holding term ``i``."""
    score = 0.0
    for tf, n in zip(tfs, n_hits, strict=True):
        idf = math.log((n_docs - n + 0.5) / (n + 0.5))
        if idf <= 0.0:
            idf = 1e-6  # FTS5 clamps the idf of very common terms
        score += idf * (tf * (k1 + 1)) / (tf + k1 * (1 - b + b * doc_len / (avg_len or 1.0)))
    return score


def snippet(body: str, terms: Iterable[str]) -> str:
    """The cleaned text around the first word whose key is a query term, the word in
    brackets. Found on the folded key and mapped back, so offsets are into the real text."""
    key, index = fold(body)
    wanted = set(terms)
    hit: tuple[int, int] | None = None
    for m in WORD_RE.finditer(key):
        if m.group() in wanted:
            hit = (index[m.start()], index[m.end() - 1] + 1)
            break
    return span_snippet(body, hit)


def span_snippet(body: str, hit: tuple[int, int] | None) -> str:
    """The cleaned text around ``body[a:b]``, that span in brackets (the start of the text
    when there is no span)."""
    if hit is None:
        cut = body[: 2 * SNIPPET_CHARS].replace("\n", " ")
        return cut + ("…" if len(body) > 2 * SNIPPET_CHARS else "")
    a, b = hit
    lo, hi = max(0, a - SNIPPET_CHARS), min(len(body), b + SNIPPET_CHARS)
    out = (("…" if lo else "") + body[lo:a] + "[" + body[a:b] + "]" + body[b:hi]
           + ("…" if hi < len(body) else ""))
    return out.replace("\n", " ")



def _loads(text: str | bytes) -> Any:
    """JSON from the store: orjson when installed (the ``web`` extra: the server reads every
    record at start, and the standard parser took 2.5 s of the 4 s a 10,000-article store
    needed), else the standard library, which also takes what orjson refuses (NaN)."""
    if _orjson is not None:
        try:
            return _orjson.loads(text)
        except _orjson.JSONDecodeError:
            pass
    return json.loads(text)


# fused_entities' row of a profile: key, kb_id, type, name, name_en, mention count, number of
# articles, the profile's JSON
EntityRow = tuple[str, Any, str, str, Any, int, int, str]


# a profile's lists kept as rows, not in its JSON (migration 0009): "articles" and
# "local_ids" in entity_articles, "stories" in story_entities; assembled when read
LISTS = ("articles", "local_ids", "stories")


def entity_row(e: Mapping[str, Any]) -> EntityRow:
    """The stored row of an entity profile (:func:`marsad.fuse.entities.entity_profiles`).
    Its lists are not in the JSON (:data:`LISTS`): a full fusion's profile has them all
    (:func:`entity_article_rows` makes their rows), an incremental fusion's has
    ``n_articles`` instead (its rows are appended). A profile with some of the lists only
    (written by hand) is kept whole and read back as it is."""
    n = e.get("n_articles")
    if n is None and not all(f in e for f in LISTS):
        body = dict(e)
    else:
        body = {f: v for f, v in e.items() if f not in LISTS and f != "n_articles"}
    return (e["key"], e.get("kb_id"), e["type"], e["name"], e.get("name_en"),
            int(e["mention_count"]), int(n if n is not None else len(e["articles"])),
            json.dumps(body, ensure_ascii=False))


# entity_articles' row: entity_key, doc_id, seq (the entity's place among the key's in the
# article), local_id (the entity's id as JSON)
EntityArticleRow = tuple[str, str, int, str]


def entity_article_rows(key: str, local_ids: Iterable[Sequence[Any]]
                        ) -> list[EntityArticleRow]:
    """The entity_articles rows of a key's ``[doc_id, id]`` pairs (doc_id order)."""
    seq: dict[str, int] = {}
    out = []
    for doc_id, local in local_ids:
        n = seq[doc_id] = seq.get(doc_id, -1) + 1
        out.append((key, str(doc_id), n, json.dumps(local, ensure_ascii=False)))
    return out


def story_order(sid: str, type_: str, start: str | None, end: str | None) -> tuple[Any, ...]:
    """:func:`marsad.fuse.story_ids.story_order` of a saved story's row (the order a
    profile lists its stories in; sorted here, not by the database, whose collation may
    differ)."""
    return (start is None, (start, end) if start is not None else (), type_, sid)


class SQLStore(FusionIndexMixin, Store):
    """The queries of both backends. A backend provides the connection (``_execute``,
    ``_executemany``), transactions (``batch``, ``_savepoint``), the search index
    (``_index``, ``_unindex``, ``search``) and ``close``."""

    name: str  # the path or the URL without its password, for messages

    # -- the backend's part ----------------------------------------------------------------
    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (``?`` placeholders); returns a cursor."""

    @abstractmethod
    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for every row."""

    @abstractmethod
    def _savepoint(self) -> AbstractContextManager[None]:
        """A savepoint inside a batch (a batch of its own when none is open)."""

    @abstractmethod
    def _index_many(self, rows: Sequence[tuple[str, str]]) -> None:
        """Add the stored articles ``(doc_id, words)`` to the search index (``words``: an
        article's :func:`index_words`, space-separated)."""

    @abstractmethod
    def _unindex(self, doc_id: str) -> None:
        """Remove ``doc_id`` from the search index (before its article row is deleted)."""

    @abstractmethod
    def _fulltext(self, text: str, limit: int) -> list[SearchHit]:
        """Articles whose cleaned text holds every word of ``text`` (by match key), best
        first (BM25), with snippets."""

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        if limit <= 0:
            return []
        if not is_latin_query(text):
            return self._fulltext(text, limit)
        # a Latin query: the articles of the entities it names (marsad.store.names), then
        # any article quoting the words in Latin letters
        hits = self._name_hits(text, limit)
        seen = {h.doc_id for h in hits}
        hits += [h for h in self._fulltext(text, limit) if h.doc_id not in seen]
        return hits[:limit]

    def _name_hits(self, text: str, limit: int) -> list[SearchHit]:
        out = []
        for doc_id, ents in names.ranked_articles(self, names.match(self, text), limit):
            row = self._one("SELECT text FROM articles WHERE doc_id = ?", (doc_id,))
            if row is not None:
                span = names.first_mention(self, doc_id, ents)
                out.append(SearchHit(doc_id, span_snippet(row[0], span)))
        return out

    def find_entities(self, text: str, *, limit: int = 20) -> list[dict[str, Any]]:
        if not is_latin_query(text):
            return []
        return names.found_entities(self, text, limit)

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self._execute(sql, params).fetchall()]

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self._execute(sql, params).fetchone()
        return None if row is None else tuple(row)

    # -- writing ---------------------------------------------------------------------------
    def put(self, raw: RawArticle, doc: Doc, *, force: bool = False) -> PutResult:
        from .rows import article_rows

        return self.put_rows(article_rows(raw, doc), force=force)

    def put_rows(self, rows: ArticleRows, *, force: bool = False) -> PutResult:
        """:meth:`put` of an article already turned into rows (by a worker process)."""
        return self.put_many([rows], force=force)[0]

    def put_many(self, batch: Sequence[ArticleRows], *, force: bool = False
                 ) -> list[PutResult]:
        """:meth:`put_rows` of each of ``batch``, all or none, one statement per table for
        the whole batch (issue #19: one per article and table was most of the writing)."""
        if len({r.doc_id for r in batch}) < len(batch):  # an id twice: one at a time
            with self._savepoint():
                return [self.put_rows(r, force=force) for r in batch]
        with self._savepoint():
            stored = self.stored_hashes([r.doc_id for r in batch])
            out: list[PutResult] = []
            fresh: list[ArticleRows] = []
            for r in batch:
                old = stored.get(r.doc_id)
                if old == r.digest and not force:
                    out.append("unchanged")
                    continue
                if old is not None:
                    self._unindex(r.doc_id)
                    # the annotation tables follow by ON DELETE CASCADE
                    self._execute("DELETE FROM articles WHERE doc_id = ?", (r.doc_id,))
                out.append("added" if old is None else "replaced")
                fresh.append(r)
            self._insert_many(fresh)
        return out

    def stored_hashes(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """doc_id -> stored content hash of those of ``doc_ids`` that are stored (one query
        per few hundred ids: a resumed run checks a batch at once)."""
        out: dict[str, str] = {}
        ids = list(dict.fromkeys(doc_ids))
        for i in range(0, len(ids), names.IN_CHUNK):
            chunk = ids[i : i + names.IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            out.update((str(d), str(h)) for d, h in self._all(
                f"SELECT doc_id, content_hash FROM articles WHERE doc_id IN ({marks})", chunk))
        return out

    def _insert_many(self, batch: Sequence[ArticleRows]) -> None:
        if not batch:
            return
        at = now()
        self._bulk_insert("articles", ARTICLE_COLUMNS,
                          [(*r.article, at, r.record_json) for r in batch])
        self._index_many([(r.doc_id, r.words) for r in batch])
        self._bulk_insert("entities", ("doc_id", "entity_id", "kb_id", "type", "name",
                                       "name_en", "lat", "lon"),
                          [e for r in batch for e in r.entities])
        self._bulk_insert("mentions", ("doc_id", "entity_id", "start", "end", "text"),
                          [m for r in batch for m in r.mentions])
        self._executemany(names.INSERT_SQL, sorted({k for r in batch for k in r.name_keys}))
        self._bulk_insert("events", EVENT_COLUMNS, [e for r in batch for e in r.events])
        self._bulk_insert("event_roles", ("doc_id", "event_id", "role", "entity_id"),
                          [x for r in batch for x in r.roles])
        # the articles are stored now: earlier failures of the same inputs are stale
        self._executemany("DELETE FROM failures WHERE doc_id = ?", [(r.doc_id,) for r in batch])

    def _bulk_insert(self, table: str, columns: Sequence[str],
                     rows: Iterable[Sequence[Any]]) -> None:
        """Insert ``rows`` into a table (a backend may use a faster path than INSERT: COPY
        on PostgreSQL)."""
        cols = ", ".join(f'"{c}"' for c in columns)
        marks = ",".join("?" * len(columns))
        self._executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)

    def put_failure(self, failure: Failure) -> None:
        with self._savepoint():
            self._execute(
                "INSERT INTO failures (doc_id, path, stage, reason, code, at)"
                " VALUES (?,?,?,?,?,?) ON CONFLICT (doc_id, path) DO UPDATE SET"
                " stage = excluded.stage, reason = excluded.reason, code = excluded.code,"
                " at = excluded.at",
                (failure.doc_id, failure.path or "", failure.stage, failure.reason,
                 failure.code, now()))

    # -- reading ---------------------------------------------------------------------------
    def stored_hash(self, doc_id: str) -> str | None:
        row = self._one("SELECT content_hash FROM articles WHERE doc_id = ?", (doc_id,))
        return None if row is None else str(row[0])

    def get_record(self, doc_id: str) -> dict[str, Any] | None:
        row = self._one("SELECT record_json FROM articles WHERE doc_id = ?", (doc_id,))
        return None if row is None else dict(_loads(row[0]))

    def iter_records(self) -> Iterator[dict[str, Any]]:
        # fetched in pages so a long iteration holds no read cursor open across writes
        rows = self._all("SELECT doc_id, record_json FROM articles ORDER BY doc_id LIMIT ?",
                         (PAGE,))
        while rows:
            for _, rec in rows:
                yield _loads(rec)
            rows = self._all("SELECT doc_id, record_json FROM articles WHERE doc_id > ?"
                             " ORDER BY doc_id LIMIT ?", (rows[-1][0], PAGE))

    def raw_articles(self) -> Iterator[RawArticle]:
        ids = [d for (d,) in self._all("SELECT doc_id FROM articles ORDER BY doc_id")]
        for doc_id in ids:
            row = self._one(
                "SELECT raw, kind, path, raw_url, raw_outlet, raw_published FROM articles"
                " WHERE doc_id = ?", (doc_id,))
            if row is not None:  # deleted meanwhile
                yield RawArticle(doc_id, row[0], row[1], path=row[2], url=row[3],
                                 outlet=row[4], published=row[5])

    def failures(self) -> list[Failure]:
        return [Failure(d, p or None, s, r, c) for d, p, s, r, c in self._all(
            "SELECT doc_id, path, stage, reason, code FROM failures ORDER BY doc_id, path")]

    def counts(self) -> dict[str, int]:
        return {t: int(self._all(f"SELECT count(*) FROM {t}")[0][0]) for t in COUNTED}

    def _hits(self, ranked: Sequence[tuple[float, str]], terms: Sequence[str],
              limit: int) -> list[SearchHit]:
        """The best ``limit`` of (score, doc_id) (higher first, ties by doc_id), with
        snippets."""
        best = sorted(ranked, key=lambda t: (-t[0], t[1]))[:limit]
        out = []
        for _, doc_id in best:
            row = self._one("SELECT text FROM articles WHERE doc_id = ?", (doc_id,))
            if row is not None:
                out.append(SearchHit(doc_id, snippet(row[0], terms)))
        return out

    # -- fusion results --------------------------------------------------------------------
    def corpus_state(self) -> str:
        h = hashlib.sha256()
        n = 0
        # hashed row by row from the cursor: held as a list, the rows were 3 MB at 10,000
        # articles and 10 times that at 100,000, in every fusion and server start (issue #19)
        for doc_id, digest, at in self._execute("SELECT doc_id, content_hash, processed_at"
                                                " FROM articles ORDER BY doc_id"):
            h.update(f"{doc_id}\t{digest}\t{at}\n".encode())
            n += 1
        # a user's place correction changes what fusion makes of the articles; without any,
        # the digest is what it was before corrections existed (no needless re-fusion)
        for c in self.place_corrections():
            h.update(f"wrong-place\t{c['doc_id']}\t{c['place_key']}\n".encode())
        return f"{n}:{h.hexdigest()[:32]}"

    # -- the workbench's saved index ---------------------------------------------------------
    def index_snapshot(self) -> tuple[str, bytes] | None:
        row = self._one("SELECT key, data FROM index_snapshot WHERE id = 1")
        return None if row is None else (str(row[0]), bytes(row[1]))

    def save_index_snapshot(self, key: str, data: bytes) -> None:
        with self.batch():
            self._execute("DELETE FROM index_snapshot")
            self._execute("INSERT INTO index_snapshot (id, key, saved_at, data)"
                          " VALUES (1,?,?,?)", (key, now(), data))

    # -- user corrections ------------------------------------------------------------------
    def add_place_correction(self, doc_id: str, place_key: str,
                             story_id: str | None = None) -> bool:
        row = self._one("SELECT 1 FROM articles WHERE doc_id = ?", (doc_id,))
        if row is None:
            raise StoreError(f"no article {doc_id!r} to correct")
        if self._one("SELECT 1 FROM place_corrections WHERE doc_id = ? AND place_key = ?",
                     (doc_id, place_key)) is not None:
            return False
        with self.batch():
            self._execute("INSERT INTO place_corrections (doc_id, place_key, story_id,"
                          " created_at) VALUES (?,?,?,?) ON CONFLICT (doc_id, place_key)"
                          " DO NOTHING", (doc_id, place_key, story_id, now()))
        return True

    def remove_place_correction(self, doc_id: str, place_key: str) -> bool:
        if self._one("SELECT 1 FROM place_corrections WHERE doc_id = ? AND place_key = ?",
                     (doc_id, place_key)) is None:
            return False
        with self.batch():
            self._execute("DELETE FROM place_corrections WHERE doc_id = ? AND place_key = ?",
                          (doc_id, place_key))
        return True

    def place_corrections(self) -> list[dict[str, Any]]:
        return [{"doc_id": d, "place_key": k, "story_id": s, "created_at": c}
                for d, k, s, c in self._all("SELECT doc_id, place_key, story_id, created_at"
                                            " FROM place_corrections ORDER BY doc_id,"
                                            " place_key")]

    def save_fusion(self, stories: Sequence[Mapping[str, Any]],
                    entities: Sequence[Mapping[str, Any]], *, corpus_state: str,
                    seconds: float = 0.0, redirects: Sequence[tuple[str, str]] = (),
                    changes: Sequence[Any] = (), index: FusionIndex | None = None) -> None:
        """(``index``: the incremental-fusion tables' rows, which replace theirs.)"""
        with self.batch():
            for table in ("story_members", "story_entities", "stories", "fused_entities",
                          "entity_articles", "fusion_runs"):
                self._execute(f"DELETE FROM {table}")
            self._clear_fusion_index()
            types = {e["key"]: e["type"] for e in entities}
            self._insert_stories(stories, types)
            self._insert_entities(entities)
            self._finish_fusion(corpus_state, seconds, redirects, changes, index)

    def save_fusion_increment(self, stories: Sequence[Mapping[str, Any]],
                              entities: Sequence[EntityRow], *,
                              dropped: Sequence[str], corpus_state: str,
                              types: Mapping[str, str], seconds: float = 0.0,
                              redirects: Sequence[tuple[str, str]] = (),
                              changes: Sequence[Any] = (), index: FusionIndex,
                              articles: Iterable[EntityArticleRow] = ()) -> None:
        """Replace the saved stories ``dropped`` by ``stories`` and the saved profiles of
        ``entities`` by them, at once (an incremental fusion, marsad.fuse.incremental).
        ``types``: entity key → type, for the places of ``stories``; ``entities``: the
        profiles' rows (:func:`entity_row`); ``articles``: the entity_articles rows of the
        new articles (added to the saved ones)."""
        with self.batch():
            self._drop_stories(dropped)
            self._drop_entities(e[0] for e in entities)
            self._insert_stories(stories, types)
            self._insert_entity_rows(entities)
            self._bulk_insert("entity_articles", ("entity_key", "doc_id", "seq", "local_id"),
                              articles)
            self._execute("DELETE FROM fusion_runs")
            self._finish_fusion(corpus_state, seconds, redirects, changes, index)

    def _insert_stories(self, stories: Sequence[Mapping[str, Any]],
                        types: Mapping[str, str]) -> None:
        story_rows: list[tuple[Any, ...]] = []
        story_ents: set[tuple[str, str, str]] = set()
        members: set[tuple[str, str, str]] = set()
        for s in stories:
            d = s.get("date") or {}
            story_rows.append((s["id"], s["type"], d.get("start"), d.get("end"),
                               s.get("location"), s["certainty"], len(s["members"]),
                               int(s["n_independent"]), json.dumps(s, ensure_ascii=False),
                               time_precision(d), key_precision(s.get("location"), types)))
            story_ents.update((s["id"], p, "participant") for p in s["participants"])
            if s.get("location"):
                story_ents.add((s["id"], s["location"], "place"))
            members.update((s["id"], m["doc_id"], m["event_id"]) for m in s["members"])
        self._executemany("INSERT INTO stories (story_id, type, date_start, date_end,"
                          " location, certainty, n_members, n_independent, story_json,"
                          " time_precision, geo_precision) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                          story_rows)
        self._executemany("INSERT INTO story_entities (story_id, entity_key, role)"
                          " VALUES (?,?,?)", sorted(story_ents))
        self._executemany("INSERT INTO story_members (story_id, doc_id, event_id)"
                          " VALUES (?,?,?)", sorted(members))

    def _insert_entities(self, entities: Sequence[Mapping[str, Any]]) -> None:
        self._insert_entity_rows([entity_row(e) for e in entities])
        self._bulk_insert("entity_articles", ("entity_key", "doc_id", "seq", "local_id"),
                          (r for e in entities if all(f in e for f in LISTS)
                           for r in entity_article_rows(e["key"], e["local_ids"])))

    def _insert_entity_rows(self, rows: Sequence[EntityRow]) -> None:
        self._executemany("INSERT INTO fused_entities (entity_key, kb_id, type, name,"
                          " name_en, mention_count, n_articles, entity_json)"
                          " VALUES (?,?,?,?,?,?,?,?)", rows)

    def _finish_fusion(self, corpus_state: str, seconds: float,
                       redirects: Sequence[tuple[str, str]], changes: Iterable[Any],
                       index: FusionIndex | None) -> None:
        n_articles = int(corpus_state.split(":", 1)[0]) if ":" in corpus_state else 0
        at = now()
        self._execute("INSERT INTO fusion_runs (id, corpus_state, fused_at, version,"
                      " n_articles, seconds) VALUES (1,?,?,?,?,?)",
                      (corpus_state, at, __version__, n_articles, float(seconds)))
        self._save_story_history(redirects, changes, at)
        if index is not None:
            self._write_fusion_index(index)

    def _save_story_history(self, redirects: Sequence[tuple[str, str]],
                            changes: Iterable[Any], at: str) -> None:
        """Redirects of merged ids (chains flattened: what pointed at a merged id now
        points where it went) and the changes of this fusion (marsad.fuse.story_ids)."""
        for old, new in redirects:
            self._execute("UPDATE story_redirects SET new_id = ? WHERE new_id = ?", (new, old))
            self._execute("INSERT INTO story_redirects (old_id, new_id, reason, at)"
                          " VALUES (?,?,'merge',?) ON CONFLICT (old_id) DO UPDATE SET"
                          " new_id = excluded.new_id, reason = excluded.reason,"
                          " at = excluded.at", (old, new, at))
        self._executemany("INSERT INTO story_changes (at, story_id, kind, related)"
                          " VALUES (?,?,?,?) ON CONFLICT (at, story_id, kind) DO NOTHING",
                          # (a generator: a full fusion's changes are streamed, issue #19)
                          ((at, c.story_id, c.kind, c.related) for c in changes))

    def known_story_ids(self) -> list[str]:
        rows = self._all("SELECT story_id FROM story_changes UNION SELECT old_id FROM"
                         " story_redirects UNION SELECT story_id FROM stories")
        return sorted(str(r[0]) for r in rows)

    def story(self, story_id: str) -> tuple[dict[str, Any] | None, str | None]:
        row = self._one("SELECT story_json FROM stories WHERE story_id = ?", (story_id,))
        if row is not None:
            return dict(_loads(row[0])), None
        moved = self.story_redirect(story_id)
        if moved is None:
            return None, None
        row = self._one("SELECT story_json FROM stories WHERE story_id = ?", (moved,))
        return (None if row is None else dict(_loads(row[0]))), moved

    def story_redirect(self, story_id: str) -> str | None:
        row = self._one("SELECT new_id FROM story_redirects WHERE old_id = ?", (story_id,))
        return None if row is None else str(row[0])

    def story_redirects(self) -> dict[str, str]:
        return {str(o): str(n) for o, n in self._all(
            "SELECT old_id, new_id FROM story_redirects ORDER BY old_id")}

    def story_changes(self, since: str) -> list[dict[str, Any]]:
        rows = self._all("SELECT at, story_id, kind, related FROM story_changes"
                         " WHERE at >= ? ORDER BY at, story_id, kind", (since,))
        return [{"at": at, "story_id": sid, "kind": kind, "related": related}
                for at, sid, kind, related in rows]

    def fusion_info(self) -> dict[str, Any] | None:
        row = self._one("SELECT corpus_state, fused_at, version, n_articles, seconds"
                        " FROM fusion_runs WHERE id = 1")
        if row is None:
            return None
        n_st = self._all("SELECT count(*) FROM stories")[0][0]
        n_en = self._all("SELECT count(*) FROM fused_entities")[0][0]
        return {"corpus_state": row[0], "fused_at": row[1], "version": row[2],
                "n_articles": int(row[3]), "seconds": float(row[4]),
                "n_stories": int(n_st), "n_entities": int(n_en)}

    def stories(self, *, entity: str | None = None, type: str | None = None,
                since: str | None = None, until: str | None = None,
                limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        sql, params = self._story_query("s.story_json", entity=entity, type=type,
                                        since=since, until=until)
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params.extend((int(limit), int(offset)))
        return [_loads(j) for (j,) in self._all(sql, params)]

    def _story_query(self, columns: str, *, entity: str | None = None,
                     type: str | None = None, since: str | None = None,
                     until: str | None = None) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if entity:
            where.append("s.story_id IN (SELECT story_id FROM story_entities"
                         " WHERE entity_key = ?)")
            params.append(entity)
        if type:
            where.append("s.type = ?")
            params.append(type)
        if since:
            where.append("s.date_end >= ?")
            params.append(since)
        if until:
            where.append("s.date_start <= ?")
            params.append(until)
        sql = (f"SELECT {columns} FROM stories s"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY (CASE WHEN s.date_start IS NULL THEN 1 ELSE 0 END),"
                 " s.date_start, s.date_end, s.type, s.story_id")
        return sql, params

    def iter_stories(self, **filters: Any) -> Iterator[dict[str, Any]]:
        # the ids in order first (small), then the stories a page at a time: sorting the
        # stories' JSON once per page would cost a sort of the whole table per page
        sql, params = self._story_query("s.story_id", **filters)
        ids = [sid for (sid,) in self._all(sql, params)]
        for i in range(0, len(ids), PAGE):
            part = ids[i: i + PAGE]
            marks = ",".join("?" * len(part))
            found = dict(self._all("SELECT story_id, story_json FROM stories"
                                   f" WHERE story_id IN ({marks})", part))
            yield from (_loads(found[sid]) for sid in part if sid in found)

    def story_links(self, doc_ids: Sequence[str]
                    ) -> dict[tuple[str, str], list[tuple[str, int]]]:
        out: dict[tuple[str, str], list[tuple[str, int]]] = {}
        for i in range(0, len(doc_ids), PAGE):
            part = list(doc_ids[i: i + PAGE])
            marks = ",".join("?" * len(part))
            for doc_id, event_id, sid, n in self._all(
                    "SELECT m.doc_id, m.event_id, s.story_id, s.n_independent"
                    " FROM story_members m JOIN stories s ON s.story_id = m.story_id"
                    f" WHERE m.doc_id IN ({marks}) ORDER BY m.story_id", part):
                out.setdefault((doc_id, event_id), []).append((sid, int(n)))
        return out

    def story_sources(self, story_ids: Sequence[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for i in range(0, len(story_ids), PAGE):
            part = list(story_ids[i: i + PAGE])
            marks = ",".join("?" * len(part))
            for sid, j in self._all("SELECT story_id, story_json FROM stories"
                                    f" WHERE story_id IN ({marks})", part):
                out[sid] = list(_loads(j).get("sources") or [])
        return out

    def iter_entities(self) -> Iterator[dict[str, Any]]:
        rows = self._all("SELECT entity_key, entity_json FROM fused_entities"
                         " ORDER BY entity_key LIMIT ?", (PAGE,))
        while rows:
            yield from self._with_lists([_loads(j) for _, j in rows])
            rows = self._all("SELECT entity_key, entity_json FROM fused_entities"
                             " WHERE entity_key > ? ORDER BY entity_key LIMIT ?",
                             (rows[-1][0], PAGE))

    def entity(self, key: str) -> dict[str, Any] | None:
        row = self._one("SELECT entity_json FROM fused_entities WHERE entity_key = ?", (key,))
        return None if row is None else self._with_lists([dict(_loads(row[0]))])[0]

    def entities(self, *, type: str | None = None, limit: int | None = None
                 ) -> list[dict[str, Any]]:
        sql = "SELECT entity_json FROM fused_entities"
        params: list[Any] = []
        if type:
            sql += " WHERE type = ?"
            params.append(type)
        sql += " ORDER BY mention_count DESC, entity_key"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        out: list[dict[str, Any]] = []
        rows = self._all(sql, params)
        for i in range(0, len(rows), PAGE):
            out += self._with_lists([_loads(j) for (j,) in rows[i: i + PAGE]])
        return out

    def _with_lists(self, profiles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Saved profiles with their lists (:data:`LISTS`) put back from their rows, in the
        order of their fields a fusion made (a profile saved with its lists, before
        migration 0009 or by hand, is as it was saved)."""
        keys = [p["key"] for p in profiles if "articles" not in p]
        if not keys:
            return profiles
        local: dict[str, list[tuple[str, int, Any]]] = {k: [] for k in keys}
        for k, d, n, j in self._rows_in("SELECT entity_key, doc_id, seq, local_id FROM"
                                        " entity_articles WHERE entity_key IN ({})", keys):
            local[str(k)].append((str(d), int(n), _loads(j)))
        stories = self.stories_of_keys(keys)
        out = []
        for p in profiles:
            if "articles" in p:
                out.append(p)
                continue
            rows = sorted(local[p["key"]], key=lambda r: r[:2])
            e = {f: v for f, v in p.items() if f != "related"}
            e["articles"] = sorted({d for d, _, _ in rows})
            e["local_ids"] = [[d, j] for d, _, j in rows]
            e["stories"] = [s[0] for s in sorted(stories.get(p["key"], ()),
                                                 key=lambda s: story_order(*s))]
            e["related"] = p.get("related", [])
            out.append(e)
        return out
