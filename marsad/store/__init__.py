"""The corpus store: every article, its raw input and its annotations, behind a narrow interface.

:class:`Store` is what the rest of Marsad sees; :func:`open_store` picks the backend from a
path or URL: SQLite (:mod:`marsad.store.sqlite`, the embedded default: one file, WAL, one
writer) or PostgreSQL (:mod:`marsad.store.postgres`, for teams; psycopg 3 behind the
``postgres`` extra). Both run one schema, written as plain SQL in numbered migrations per
dialect (``migrations/sqlite/NNNN_*.sql`` and ``migrations/postgresql/NNNN_*.sql``, the same
numbers and the same tables), and share every query but connection, transactions and search
(:mod:`marsad.store.base`); the same test suite runs against both.

Writes are idempotent so that an ingest killed at any point and started again ends with
nothing lost and nothing doubled: :meth:`Store.put` of an article whose raw input is already
stored with the same :func:`content_hash` changes nothing, and a batch
(:meth:`Store.batch`) commits all of its puts or none.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ..doc import Doc, Failure
from ..errors import MarsadError
from ..ingest import RawArticle

if TYPE_CHECKING:
    from .rows import ArticleRows

PutResult = Literal["added", "unchanged", "replaced"]


class StoreError(MarsadError):
    """The store cannot be opened or written: not a database, a folder, a newer schema."""

    code = "E050"


class BackendNotImplementedError(StoreError):
    """The store URL names a backend Marsad does not implement yet."""

    code = "E051"


class StoreConnectionError(StoreError):
    """The database server cannot be reached or refuses the connection (PostgreSQL), or the
    driver it needs is not installed."""

    code = "E052"


class StoreDamagedError(StoreError):
    """The store file is damaged (``PRAGMA quick_check`` or a query met a corrupt page)."""

    code = "E053"


class SearchHit(NamedTuple):
    doc_id: str
    snippet: str


def content_hash(raw: RawArticle) -> str:
    """What makes two inputs the same article: the raw text and what the source says about it
    (kind, url, outlet, published). The file path is left out: moving a file changes nothing."""
    payload = json.dumps([raw.kind, raw.content, raw.url, raw.outlet, raw.published],
                         ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Store(ABC):
    """A corpus of processed articles. One writer at a time; use as a context manager."""

    def events_frame(self) -> Any:
        """Every event of every article as a pandas DataFrame (extra ``frames``)."""
        from ..frames import events_frame

        return events_frame(self)

    def stories_frame(self) -> Any:
        """The stories merged across articles as a pandas DataFrame (extra ``frames``)."""
        from ..frames import stories_frame

        return stories_frame(self)

    @abstractmethod
    def put(self, raw: RawArticle, doc: Doc, *, force: bool = False) -> PutResult:
        """Store one processed article and all its annotations.

        Returns ``"unchanged"`` when the same raw input is already stored (nothing is
        written), ``"replaced"`` when the doc_id was stored with a different input (the
        article and all its annotations are replaced at once), else ``"added"``. ``force``
        replaces even an unchanged input (reprocessing with a newer pipeline)."""

    @abstractmethod
    def put_rows(self, rows: ArticleRows, *, force: bool = False) -> PutResult:
        """:meth:`put` of an article already turned into rows (:mod:`marsad.store.rows`, by
        a worker process)."""

    def put_many(self, batch: Sequence[ArticleRows], *, force: bool = False
                 ) -> list[PutResult]:
        """:meth:`put_rows` of each of ``batch``, all or none (a backend may write the
        batch in fewer statements)."""
        return [self.put_rows(r, force=force) for r in batch]

    @abstractmethod
    def put_failure(self, failure: Failure) -> None:
        """Record an article that could not be read or processed (once per doc_id and path)."""

    @abstractmethod
    def stored_hash(self, doc_id: str) -> str | None:
        """The content hash stored for ``doc_id``, or None: lets a resumed run skip work."""

    def stored_hashes(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """doc_id -> stored content hash of those of ``doc_ids`` that are stored."""
        out = {d: self.stored_hash(d) for d in doc_ids}
        return {d: h for d, h in out.items() if h is not None}

    @abstractmethod
    def get_record(self, doc_id: str) -> dict[str, Any] | None:
        """The JSON Lines record of one article (``docs/output.md``), or None."""

    @abstractmethod
    def iter_records(self) -> Iterator[dict[str, Any]]:
        """Every record, in doc_id order."""

    @abstractmethod
    def raw_articles(self) -> Iterator[RawArticle]:
        """The stored raw inputs, in doc_id order, as they were read (for reprocessing)."""

    @abstractmethod
    def failures(self) -> list[Failure]:
        """The recorded failures, in doc_id order."""

    @abstractmethod
    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles whose cleaned text holds every word of ``text``, compared by match key
        (alef, ya, ta marbuta and diacritics folded), best first, with a snippet.

        A query in Latin letters (no Arabic) finds the articles of the entities it names by
        their English names and spellings ("Hafter", "HAFTAR's" → Khalifa Haftar; see
        :mod:`marsad.store.names`), the snippet around the entity's first mention, then the
        articles that quote the words in Latin letters."""

    def find_entities(self, text: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """The stored entities a Latin-script query names (``name_en``, ``kb_id``, ``key``
        of the saved fusion or None, ``n_articles``, ``score``), best first; [] for an
        Arabic query."""
        return []

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per table: articles, entities, mentions, events, event_roles, failures,
        place_corrections."""

    @abstractmethod
    def corpus_state(self) -> str:
        """A digest of what is stored (every doc_id with its content hash and processing
        time): equal digests mean the same articles with the same annotations, so a stored
        fusion computed from that state is still current."""

    @abstractmethod
    def index_snapshot(self) -> tuple[str, bytes] | None:
        """(key, data) of the workbench index saved by :meth:`save_index_snapshot`, or None."""

    @abstractmethod
    def save_index_snapshot(self, key: str, data: bytes) -> None:
        """Keep ``data`` (the workbench's index, :mod:`marsad.api.snapshot`) under ``key``,
        in place of the one kept before."""

    @abstractmethod
    def save_fusion(self, stories: Sequence[Mapping[str, Any]],
                    entities: Sequence[Mapping[str, Any]], *, corpus_state: str,
                    seconds: float = 0.0, redirects: Sequence[tuple[str, str]] = (),
                    changes: Sequence[Any] = (), index: Any = None) -> None:
        """Replace the stored fusion results, at once, with ``stories`` (dicts of
        :meth:`marsad.fuse.stories.Story.to_dict`) and ``entities`` (profiles of
        :func:`marsad.fuse.entities.entity_profiles`), computed from ``corpus_state``; add
        ``redirects`` (old id, new id) of merged stories and ``changes``
        (:class:`marsad.fuse.story_ids.Change`) to the story history, which is kept.
        ``index``: what incremental fusion needs (:class:`marsad.store.fusion_index.
        FusionIndex`), replacing what was saved."""

    @abstractmethod
    def add_place_correction(self, doc_id: str, place_key: str,
                             story_id: str | None = None) -> bool:
        """Record that in article ``doc_id`` the entity linked to ``place_key``
        (``kb:tartus_port``) is not that place (the workbench map's "wrong place?"); True
        when new, False when already recorded. Fusion applies it
        (:func:`marsad.fuse.corrections.apply_place_corrections`); :meth:`corpus_state`
        changes, so the saved fusion becomes stale. StoreError when no such article."""

    @abstractmethod
    def remove_place_correction(self, doc_id: str, place_key: str) -> bool:
        """Undo a place correction; True when there was one."""

    @abstractmethod
    def place_corrections(self) -> list[dict[str, Any]]:
        """Every place correction: ``{"doc_id", "place_key", "story_id", "created_at"}``,
        by doc_id and place."""

    @abstractmethod
    def known_story_ids(self) -> list[str]:
        """Every story id ever given out in this store (alive, merged or removed), sorted:
        none of them is given to a new story again."""

    @abstractmethod
    def story(self, story_id: str) -> tuple[dict[str, Any] | None, str | None]:
        """One stored story by id, following a redirect when the id was merged into
        another story: ``(story, None)``, ``(story, new_id)`` when redirected, ``(None,
        new_id)`` when the story it went into is gone too, ``(None, None)`` when unknown."""

    @abstractmethod
    def story_redirect(self, story_id: str) -> str | None:
        """The id a merged story's id now resolves to, or None."""

    @abstractmethod
    def story_redirects(self) -> dict[str, str]:
        """Every redirect: merged story id → the id it resolves to."""

    @abstractmethod
    def story_changes(self, since: str) -> list[dict[str, Any]]:
        """Stories created, changed, merged or removed by fusions at or after ``since`` (UTC,
        ISO 8601 with seconds and ``+00:00``, as stored): ``{"at", "story_id", "kind",
        "related"}`` in time order (``related``: the story a merged one went into, or the
        one a created one split from)."""

    @abstractmethod
    def fusion_info(self) -> dict[str, Any] | None:
        """When and from what the stored fusion was computed (``corpus_state``, ``fused_at``,
        ``version``, ``n_articles``, ``seconds``, ``n_stories``, ``n_entities``), or None when
        fusion never ran on this store."""

    @abstractmethod
    def stories(self, *, entity: str | None = None, type: str | None = None,
                since: str | None = None, until: str | None = None,
                limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Stored stories (dicts as saved), dated ones first in date order, then undated, each
        group by type and id. ``entity``: only stories with this entity key (``kb:…``) as a
        participant or place; ``type``: one PLOVER type; ``since``/``until``: ISO dates the
        story's date range must reach (undated stories are left out when either is given);
        ``offset``: stories to skip (with ``limit``)."""

    @abstractmethod
    def iter_stories(self, *, entity: str | None = None, type: str | None = None,
                     since: str | None = None, until: str | None = None
                     ) -> Iterator[dict[str, Any]]:
        """:meth:`stories` with the same filters and order, read a page at a time (for
        exports of the whole store)."""

    @abstractmethod
    def story_links(self, doc_ids: Sequence[str]
                    ) -> dict[tuple[str, str], list[tuple[str, int]]]:
        """The stored stories of the events of ``doc_ids``: (doc_id, event_id) →
        [(story_id, n_independent)], by story id."""

    @abstractmethod
    def story_sources(self, story_ids: Sequence[str]) -> dict[str, list[str]]:
        """The outlets that reported each of ``story_ids`` (the story's ``sources``)."""

    @abstractmethod
    def iter_entities(self) -> Iterator[dict[str, Any]]:
        """Every stored entity profile, by key, read a page at a time."""

    @abstractmethod
    def entity(self, key: str) -> dict[str, Any] | None:
        """The stored profile of one cross-article entity key, or None."""

    @abstractmethod
    def entities(self, *, type: str | None = None, limit: int | None = None
                 ) -> list[dict[str, Any]]:
        """Stored entity profiles, most mentioned first (ties by key); ``type``: one type."""

    @abstractmethod
    def batch(self) -> AbstractContextManager[None]:
        """A transaction around many writes: committed once on exit, rolled back (and only
        this batch) on an exception."""

    @abstractmethod
    def close(self) -> None:
        """Release the database (idempotent)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open_store(url_or_path: str | Path, *, create: bool = True, check: bool = True,
               allow_empty: bool | None = None) -> Store:
    """Open the store at a path or URL: ``FILE``, ``sqlite:///FILE`` (SQLite) or
    ``postgresql://…`` / ``postgres://…`` (PostgreSQL, a libpq URL; the database must exist).
    With ``create=False`` a missing SQLite file, or a PostgreSQL database without the Marsad
    schema, is an error instead of a new empty store. ``check`` runs SQLite's ``PRAGMA
    quick_check`` first (a damaged file is refused by name); a server reopening a store it
    has checked already leaves it off. A zero-length SQLite file is refused unless
    ``allow_empty`` (default: the environment variable ``MARSAD_STORE_ALLOW_EMPTY=1``)."""
    target = str(url_or_path)
    scheme = target.split("://", 1)[0].lower() if "://" in target else ""
    if scheme in ("postgresql", "postgres"):
        from .postgres import PostgresStore

        return PostgresStore(target, create=create)
    if scheme == "sqlite":
        target = target[len("sqlite:///"):] if target.startswith("sqlite:///") else ""
        if not target:
            raise StoreError(f"bad SQLite URL {str(url_or_path)!r}; write sqlite:///PATH")
    elif scheme:
        raise BackendNotImplementedError(f"unknown store backend {scheme!r}; use a SQLite "
                                         "file path, sqlite:///PATH or postgresql://…")
    from .sqlite import SQLiteStore

    return SQLiteStore(target, create=create, check=check, allow_empty=allow_empty)


__all__ = ["BackendNotImplementedError", "PutResult", "SearchHit", "Store",
           "StoreConnectionError", "StoreDamagedError", "StoreError", "content_hash", "open_store"]
