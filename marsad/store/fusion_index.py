"""What incremental fusion (:mod:`marsad.fuse.incremental`) reads and writes in a store: the
articles a saved fusion holds with their near-duplicate groups and MinHash signatures, the
LSH buckets, where each story may meet a new event (``story_reach``) and small per-key state
(``fusion_keys``: entity tallies, display names, the fusion's settings). Migration 0007.

Every read takes the keys it needs (doc_ids, buckets, story ids, entity keys) and asks for
them a chunk at a time, so that what a fusion of new articles holds in memory is what those
articles touch, not the corpus."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .names import IN_CHUNK

TEMPORARY = "~"  # the prefix of a story id while stories swap ids (settle_fusion)
# story_id, type, entity_key, month, undated, lo, hi, participants, places (migration 0007)
ReachRow = tuple[str, str, str, int, int, int, int, str, str]


@dataclass
class FusionIndex:
    """Rows of the incremental-fusion tables written with a fusion (all of them by a full
    fusion, which replaces the tables; the new ones by an incremental fusion)."""

    # doc_id, content_hash, processed_at, dup_group, signature (bytes or None)
    articles: list[tuple[str, str, str, str | None, bytes | None]] = field(default_factory=list)
    regroup: list[tuple[str | None, str]] = field(default_factory=list)  # (group, doc_id)
    # (bucket, doc_id); an iterator is written as it goes (a full fusion's are 32 an article)
    buckets: Iterable[tuple[int, str]] = field(default_factory=list)
    reach: list[ReachRow] = field(default_factory=list)
    keys: list[tuple[str, str, str]] = field(default_factory=list)  # kind, key, value_json


def _chunks(items: Iterable[Any]) -> Iterator[list[Any]]:
    ids = list(dict.fromkeys(items))
    for i in range(0, len(ids), IN_CHUNK):
        yield ids[i: i + IN_CHUNK]


def _marks(part: Sequence[Any]) -> str:
    return ",".join("?" * len(part))


class FusionIndexMixin:
    """The incremental-fusion queries of :class:`marsad.store.base.SQLStore`."""

    if TYPE_CHECKING:  # what SQLStore provides
        def _all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...
        def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None: ...
        def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...
        def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...
        def _bulk_insert(self, table: str, columns: Sequence[str],
                         rows: Iterable[Sequence[Any]]) -> None: ...
        def batch(self) -> AbstractContextManager[None]: ...
        def _finish_fusion(self, corpus_state: str, seconds: float,
                           redirects: Sequence[tuple[str, str]], changes: Iterable[Any],
                           index: FusionIndex | None) -> None: ...

    def _rows_in(self, sql: str, keys: Iterable[Any], *before: Any
                 ) -> Iterator[tuple[Any, ...]]:
        """The rows of ``sql``, whose ``IN ({})`` takes ``keys``, chunk by chunk (a query
        holds a bounded number of parameters); ``before``: parameters ahead of the list."""
        for part in _chunks(keys):
            yield from self._all(sql.format(_marks(part)), (*before, *part))

    # -- the state of the saved fusion -----------------------------------------------------
    def fusion_keys(self, kind: str, keys: Iterable[str]) -> dict[str, Any]:
        """key → the stored JSON value of ``kind`` for those of ``keys`` that have one."""
        from .base import _loads

        out: dict[str, Any] = {}
        out.update((k, _loads(v)) for k, v in self._rows_in(
            "SELECT key, value_json FROM fusion_keys WHERE kind = ? AND key IN ({})", keys,
            kind))
        return out

    def story_id_given(self, story_id: str) -> bool:
        """Whether ``story_id`` was ever given out (a story, a redirect or a change has it):
        index lookups, where :meth:`known_story_ids` reads every id ever given."""
        return (self._one("SELECT 1 FROM stories WHERE story_id = ?", (story_id,)) is not None
                or self.story_id_in_history(story_id))

    def unfused_articles(self) -> list[tuple[str, str, str]]:
        """(doc_id, content_hash, processed_at) of the stored articles no fusion holds."""
        return [(str(d), str(h), str(a)) for d, h, a in self._all(
            "SELECT a.doc_id, a.content_hash, a.processed_at FROM articles a LEFT JOIN"
            " fused_articles f ON f.doc_id = a.doc_id WHERE f.doc_id IS NULL")]

    def fused_articles_changed(self) -> int:
        """How many articles the saved fusion holds that are gone or were replaced or
        reprocessed since (incremental fusion only adds articles)."""
        row = self._one("SELECT count(*) FROM fused_articles f LEFT JOIN articles a"
                        " ON a.doc_id = f.doc_id WHERE a.doc_id IS NULL"
                        " OR a.content_hash <> f.content_hash OR a.processed_at <> f.processed_at")
        return int(row[0]) if row else 0

    def n_fused_articles(self) -> int:
        row = self._one("SELECT count(*) FROM fused_articles")
        return int(row[0]) if row else 0

    # -- near-duplicates -------------------------------------------------------------------
    def bucket_docs(self, buckets: Iterable[int]) -> dict[int, list[str]]:
        """LSH bucket → the fused articles in it."""
        out: dict[int, list[str]] = defaultdict(list)
        for b, d in self._rows_in("SELECT bucket, doc_id FROM lsh_buckets WHERE bucket IN ({})",
                                  buckets):
            out[int(b)].append(str(d))
        return out

    def fused_signatures(self, doc_ids: Iterable[str]
                         ) -> dict[str, tuple[bytes | None, str | None]]:
        """doc_id → (stored signature, near-duplicate group) of fused articles."""
        out: dict[str, tuple[bytes | None, str | None]] = {}
        for d, sig, g in self._rows_in("SELECT doc_id, signature, dup_group FROM"
                                       " fused_articles WHERE doc_id IN ({})", doc_ids):
            out[str(d)] = (None if sig is None else bytes(sig), g)
        return out

    def group_docs(self, groups: Iterable[str]) -> dict[str, list[str]]:
        """Near-duplicate group → its fused articles."""
        out: dict[str, list[str]] = defaultdict(list)
        for g, d in self._rows_in("SELECT dup_group, doc_id FROM fused_articles WHERE"
                                  " dup_group IN ({})", groups):
            out[str(g)].append(str(d))
        return out

    def n_duplicate_groups(self) -> int:
        row = self._one("SELECT count(DISTINCT dup_group) FROM fused_articles")
        return int(row[0]) if row else 0

    def duplicate_groups(self) -> list[set[str]]:
        """The saved near-duplicate groups, sorted by their smallest doc_id."""
        groups: dict[str, set[str]] = defaultdict(set)
        for g, d in self._all("SELECT dup_group, doc_id FROM fused_articles"
                              " WHERE dup_group IS NOT NULL"):
            groups[str(g)].add(str(d))
        return sorted(groups.values(), key=min)

    # -- stories ---------------------------------------------------------------------------
    def reach_rows(self, type_: str, key: str, months: Sequence[int] | None
                   ) -> list[tuple[str, int, int, int, int, str, str]]:
        """(story_id, month, undated, lo, hi, participants, places) of the members of one
        type reaching a key in ``months`` (None: in any month)."""
        sql = ("SELECT story_id, month, undated, lo, hi, participants, places FROM story_reach"
               " WHERE type = ? AND entity_key = ?")
        out: list[tuple[str, int, int, int, int, str, str]] = []
        parts: list[list[int] | None] = list(_chunks(months)) if months is not None else [None]
        for part in parts:
            where = sql if part is None else sql + f" AND month IN ({_marks(part)})"
            out += [(str(s), int(mo), int(u), int(lo), int(hi), str(p), str(pl))
                    for s, mo, u, lo, hi, p, pl in self._all(where, (type_, key, *(part or ())))]
        return out

    def reach_of(self, story_ids: Iterable[str]) -> list[ReachRow]:
        return [(str(s), str(t), str(k), int(mo), int(u), int(lo), int(hi), str(p), str(pl))
                for s, t, k, mo, u, lo, hi, p, pl in self._rows_in(
                    "SELECT story_id, type, entity_key, month, undated, lo, hi, participants,"
                    " places FROM story_reach WHERE story_id IN ({})", story_ids)]

    def stories_by_id(self, story_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        from .base import _loads

        out: dict[str, dict[str, Any]] = {}
        out.update((str(s), _loads(j)) for s, j in self._rows_in(
            "SELECT story_id, story_json FROM stories WHERE story_id IN ({})", story_ids))
        return out

    def story_ids_of_docs(self, doc_ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        out.update(str(s) for (s,) in self._rows_in(
            "SELECT DISTINCT story_id FROM story_members WHERE doc_id IN ({})", doc_ids))
        return out

    def stories_of_keys(self, keys: Iterable[str]
                        ) -> dict[str, list[tuple[str, str, str | None, str | None]]]:
        """Entity key → (story_id, type, date_start, date_end) of its stories (as a
        participant or the place)."""
        out: dict[str, list[tuple[str, str, str | None, str | None]]] = defaultdict(list)
        for k, s, t, ds, de in self._rows_in(
                "SELECT DISTINCT e.entity_key, s.story_id, s.type, s.date_start, s.date_end"
                " FROM story_entities e JOIN stories s ON s.story_id = e.story_id"
                " WHERE e.entity_key IN ({})", keys):
            out[str(k)].append((str(s), str(t), ds, de))
        return out

    def story_keys(self, story_ids: Iterable[str]) -> dict[str, set[str]]:
        """Story id → its participants and place."""
        out: dict[str, set[str]] = defaultdict(set)
        for part in _chunks(story_ids):
            for s, k in self._all("SELECT story_id, entity_key FROM story_entities WHERE"
                                  f" story_id IN ({_marks(part)})", part):
                out[str(s)].add(str(k))
        return out

    def records_of(self, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
        """The records of ``doc_ids`` (those stored), in doc_id order."""
        from .base import _loads

        out: list[dict[str, Any]] = []
        for part in _chunks(doc_ids):
            out += [_loads(j) for (j,) in self._all(
                f"SELECT record_json FROM articles WHERE doc_id IN ({_marks(part)})", part)]
        out.sort(key=lambda r: str(r.get("doc_id")))
        return out

    def profiles_of(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The saved entity profiles of ``keys`` as saved, without their lists (migration
        0009: they are rows) and with ``n_articles``, the number of their articles."""
        from .base import _loads

        out: dict[str, dict[str, Any]] = {}
        for part in _chunks(keys):
            out.update((str(k), {**_loads(j), "n_articles": int(n)}) for k, j, n in self._all(
                "SELECT entity_key, entity_json, n_articles FROM fused_entities WHERE"
                f" entity_key IN ({_marks(part)})", part))
        return out

    def entity_names(self, keys: Iterable[str]) -> dict[str, tuple[Any, Any, Any]]:
        """Entity key → (name, name_en, type) of its saved profile."""
        out: dict[str, tuple[Any, Any, Any]] = {}
        for part in _chunks(keys):
            out.update((str(k), (n, ne, t)) for k, n, ne, t in self._all(
                "SELECT entity_key, name, name_en, type FROM fused_entities WHERE entity_key"
                f" IN ({_marks(part)})", part))
        return out

    def article_states(self) -> list[tuple[str, str, str]]:
        """(doc_id, content_hash, processed_at) of every stored article."""
        return [(str(d), str(h), str(a)) for d, h, a in self._all(
            "SELECT doc_id, content_hash, processed_at FROM articles")]

    # -- a full fusion in bounded chunks (marsad.fuse.bounded) ---------------------------
    def iter_article_rows(self) -> Iterator[tuple[str, str, str, str | None]]:
        """(doc_id, content_hash, processed_at, published) of every stored article, from the
        cursor a row at a time (a full fusion puts them in publication order in its scratch
        database, :mod:`marsad.fuse.settle`: as a sorted list they were 40 MB at 100,000)."""
        for d, h, a, p in self._execute("SELECT doc_id, content_hash, processed_at, published"
                                        " FROM articles"):
            yield str(d), str(h), str(a), None if p is None else str(p)

    def iter_stories_by_id(self) -> Iterator[dict[str, Any]]:
        """Every saved story, a page at a time in the database's order of their ids (each
        page starts after the last id of the one before): what a full fusion writes to its
        scratch database, where their order does not matter and a list of every id would
        grow with the corpus (:meth:`iter_stories` reads one first, for its date order)."""
        from .base import PAGE, _loads

        sql = "SELECT story_id, story_json FROM stories{} ORDER BY story_id LIMIT ?"
        rows = self._all(sql.format(""), (PAGE,))
        while rows:
            yield from (_loads(j) for _, j in rows)
            rows = self._all(sql.format(" WHERE story_id > ?"), (rows[-1][0], PAGE))

    def story_id_in_history(self, story_id: str) -> bool:
        """Whether a redirect or a recorded change has ``story_id`` (given out before)."""
        return self._one("SELECT 1 FROM story_redirects WHERE old_id = ? UNION ALL SELECT 1"
                         " FROM story_changes WHERE story_id = ?",
                         (story_id, story_id)) is not None

    def fused_entity_types(self) -> dict[str, str]:
        """Entity key → type of every saved profile."""
        return {str(k): str(t) for k, t in self._all("SELECT entity_key, type FROM"
                                                      " fused_entities")}

    def settle_fusion(self, renamed: Sequence[tuple[str, str]], *, corpus_state: str,
                      seconds: float, redirects: Sequence[tuple[str, str]],
                      changes: Iterable[Any]) -> None:
        """The last step of a bounded full fusion, in one transaction: each saved story
        ``old`` of ``renamed`` takes the id ``new``, then the fusion's history and run are
        saved. A new id another renamed story has now is reached through a temporary one
        (:data:`TEMPORARY` and the id: no story id starts so), after that story moved."""
        olds = {o for o, _ in renamed}
        later = [(TEMPORARY + n, n) for _, n in renamed if n in olds]
        with self.batch():
            self._rename_stories([(o, TEMPORARY + n if n in olds else n) for o, n in renamed])
            self._rename_stories(later)
            self._execute("DELETE FROM fusion_runs")
            self._finish_fusion(corpus_state, seconds, redirects, changes, None)

    def _rename_stories(self, renamed: Sequence[tuple[str, str]]) -> None:
        """A story row is copied under its new id (its JSON with it), its members, entities
        and reaches moved to it and the old row deleted, so that the foreign keys hold after
        every statement, on both backends."""
        from .base import _loads

        for part in _chunks(renamed):
            old = [o for o, _ in part]
            found = dict(self._all("SELECT story_id, story_json FROM stories WHERE"
                                   f" story_id IN ({_marks(old)})", old))
            self._executemany(
                "INSERT INTO stories (story_id, type, date_start, date_end, location,"
                " certainty, n_members, n_independent, story_json, time_precision,"
                " geo_precision) SELECT ?, type, date_start, date_end, location, certainty,"
                " n_members, n_independent, ?, time_precision, geo_precision FROM stories"
                " WHERE story_id = ?",
                [(n, json.dumps({**_loads(found[o]), "id": n.removeprefix(TEMPORARY)},
                                ensure_ascii=False), o) for o, n in part])
            for table in ("story_members", "story_entities", "story_reach"):
                self._executemany(f"UPDATE {table} SET story_id = ? WHERE story_id = ?",
                                  [(n, o) for o, n in part])
            self._executemany("DELETE FROM stories WHERE story_id = ?", [(o,) for o in old])

    # -- writing ---------------------------------------------------------------------------
    def _clear_fusion_index(self) -> None:
        for table in ("fused_articles", "lsh_buckets", "story_reach", "fusion_keys"):
            self._execute(f"DELETE FROM {table}")

    def _drop_stories(self, story_ids: Iterable[str]) -> None:
        for part in _chunks(story_ids):
            for table in ("story_members", "story_entities", "story_reach", "stories"):
                self._execute(f"DELETE FROM {table} WHERE story_id IN ({_marks(part)})", part)

    def _drop_entities(self, keys: Iterable[str]) -> None:
        for part in _chunks(keys):
            self._execute(f"DELETE FROM fused_entities WHERE entity_key IN ({_marks(part)})",
                          part)

    def _write_fusion_index(self, ix: FusionIndex) -> None:
        self._bulk_insert("fused_articles", ("doc_id", "content_hash", "processed_at",
                                             "dup_group", "signature"), ix.articles)
        self._executemany("UPDATE fused_articles SET dup_group = ? WHERE doc_id = ?",
                          ix.regroup)
        self._bulk_insert("lsh_buckets", ("bucket", "doc_id"), ix.buckets)
        self._bulk_insert("story_reach", ("story_id", "type", "entity_key", "month", "undated",
                                          "lo", "hi", "participants", "places"), ix.reach)
        by_kind: dict[str, list[str]] = defaultdict(list)
        for kind, key, _ in ix.keys:
            by_kind[kind].append(key)
        for kind, keys in by_kind.items():  # (none after a full fusion cleared the table)
            for part in _chunks(keys):
                self._execute(f"DELETE FROM fusion_keys WHERE kind = ? AND key IN"
                              f" ({_marks(part)})", (kind, *part))
        self._bulk_insert("fusion_keys", ("kind", "key", "value_json"), ix.keys)
