"""The workbench's index saved in the store, so a server starts by reading one row.

Building the read model (:mod:`marsad.web.index`) at start meant reading and parsing every
record and saved story and indexing them: 1.1 s of the 1.7–2.1 s of CPU before the first
answer on a 10,000-article store (issue #18 asks for that answer in under 2 s). After it
builds an index the server saves it (:func:`save_later`, in the background) as one JSON
document in the store's ``index_snapshot`` row; the next start reads that row, checks it and
derives the rest (:meth:`CorpusIndex.from_snapshot`) in a quarter of the time.

The row's key says what the index was built from, in two parts:

* its *shape*: the snapshot format, the code of the ``marsad`` package and the bundled
  knowledge base. A row of another shape is never used (another version's index may lack
  a field the pages read): the index is built as before.
* the *store state*: the row counts, :meth:`~marsad.store.Store.corpus_state` (every
  article's content hash and processing time, the place corrections) and the saved fusion
  (its corpus state, time and size). A row of another state (articles ingested or fused
  since) is served only while a rebuild runs in the background, the way a server running
  during an ingest answers from the index in hand until the new one is built: it is never
  taken for current, and the rebuilt index replaces it and is saved in its place.

JSON, not pickle: a store may be shared (PostgreSQL) and whoever can write a row must not be
able to run code in the server. A damaged row (its CRC-32 differs, or it does not parse, or
a part is missing) is a warning and the index is built as before, never a failure.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import zlib
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..gcpause import paused
from ..store import Store, open_store

if TYPE_CHECKING:  # pragma: no cover
    from ..kb import KnowledgeBase
    from ..web.index import CorpusIndex

try:  # in the web extra; the standard library otherwise (slower, same bytes read back)
    import orjson as _orjson
except ImportError:  # pragma: no cover
    _orjson = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

FORMAT = 1  # raise when the document's layout changes
MAGIC = b"MARSAD-INDEX\n"
PACKAGE = Path(__file__).resolve().parents[1]
SAVE_AFTER_SECONDS = 2.0  # a first index is saved after the first answers, not before


@lru_cache(maxsize=1)
def shape_key() -> str:
    """The format, a digest of the ``marsad`` package's code (a development checkout changes
    code without a version; about 1.4 MB, a few milliseconds) and the bundled knowledge
    base's digest (descriptions, coordinates and names in the index come from it)."""
    from ..kb import _sources_digest

    h = hashlib.sha256(f"{FORMAT}:{__version__}".encode())
    for f in sorted(PACKAGE.rglob("*.py")):
        data = f.read_bytes()
        h.update(f"{f.relative_to(PACKAGE)}:{len(data)}:".encode())
        h.update(hashlib.sha256(data).digest())
    return f"{FORMAT}.{h.hexdigest()[:16]}.{_sources_digest()}"


def state_key(st: Store) -> str:
    """What the store holds now, as far as the index is concerned (see the module's
    docstring): equal keys, equal indexes."""
    counts = ",".join(f"{k}={v}" for k, v in sorted(st.counts().items()))
    info = st.fusion_info()
    fusion = "-" if info is None else (f"{info['corpus_state']}@{info['fused_at']}"
                                       f"#{info['n_stories']}.{info['n_entities']}")
    return f"{counts};{st.corpus_state()};{fusion}"


def encode(idx: CorpusIndex) -> bytes:
    """The index as saved: the magic line, the CRC-32 of each document and the length of
    the first, then its two documents (:meth:`CorpusIndex.snapshot`): the index as one JSON
    object, and its members and event rows as lines of JSON objects (``{"members": …}``,
    ``{"events": […]}``) of :data:`CHUNK` items each."""
    doc, more = idx.snapshot()
    index = _dump_parts(doc)
    members = list(more["members"].items())
    events = more["events"]
    details = b"\n".join(
        [_dumps({"members": dict(members[i: i + CHUNK])}) for i in range(0, len(members), CHUNK)]
        + [_dumps({"events": events[i: i + CHUNK]}) for i in range(0, len(events), CHUNK)])
    return (MAGIC + zlib.crc32(index).to_bytes(4, "big") + zlib.crc32(details).to_bytes(4, "big")
            + len(index).to_bytes(8, "big") + index + details)


# Items of a part written or read in one call. The interpreter lock is held through each
# call: over a whole document that was 70 ms at 10,000 articles (writing) and 0.2-0.3 s
# (reading the details after the first answers), a pause of every request meanwhile.
CHUNK = 1000


def _dumps(doc: Any) -> bytes:
    if _orjson is not None:
        return _orjson.dumps(doc)
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def _dump_parts(doc: Mapping[str, Any]) -> bytes:
    """``_dumps(doc)``, the same bytes, made :data:`CHUNK` items of a part at a time."""
    out = []
    for k, v in doc.items():
        if isinstance(v, dict) and len(v) > CHUNK:
            items = list(v.items())
            body = b"{" + b",".join(_dumps(dict(items[i: i + CHUNK]))[1:-1]
                                    for i in range(0, len(items), CHUNK)) + b"}"
        elif isinstance(v, list) and len(v) > CHUNK:
            body = b"[" + b",".join(_dumps(v[i: i + CHUNK])[1:-1]
                                    for i in range(0, len(v), CHUNK)) + b"]"
        else:
            body = _dumps(v)
        out.append(_dumps(k) + b":" + body)
    return b"{" + b",".join(out) + b"}"


def _loads(body: bytes | memoryview) -> Any:
    try:
        return _orjson.loads(body) if _orjson is not None else json.loads(bytes(body))
    except ValueError as e:  # orjson.JSONDecodeError is a ValueError
        raise ValueError(f"it does not parse ({e})") from e


def _read_details(data: bytes) -> dict[str, Any]:
    """The members and event rows of the second document, a line at a time."""
    members: dict[str, Any] = {}
    events: list[Any] = []
    for line in data.split(b"\n"):
        if not line:
            continue
        got = _loads(line)
        part_m = got.get("members", {}) if isinstance(got, dict) else None
        part_e = got.get("events", []) if isinstance(got, dict) else None
        if not isinstance(part_m, dict) or not isinstance(part_e, list):
            raise ValueError("a line holds no members or events")
        members.update(part_m)
        events.extend(part_e)
    return {"members": members, "events": events}


HEAD = len(MAGIC) + 16


def decode(data: bytes) -> CorpusIndex:
    """The index ``data`` holds; ``ValueError`` when it is not a whole, valid one (both
    documents are checked now; the second is parsed when first needed)."""
    from ..web.index import CorpusIndex

    if not data.startswith(MAGIC) or len(data) < HEAD:
        raise ValueError("not a saved index")
    head = data[len(MAGIC): HEAD]
    n = int.from_bytes(head[8:16], "big")
    view = memoryview(data)
    index, details = view[HEAD: HEAD + n], view[HEAD + n:]
    if (zlib.crc32(index).to_bytes(4, "big") != head[:4]
            or zlib.crc32(details).to_bytes(4, "big") != head[4:8]):
        raise ValueError("its checksum differs (a damaged or cut row)")
    doc = _loads(index)
    if not isinstance(doc, dict):
        raise ValueError("not a saved index")
    idx: CorpusIndex | None = None

    def read_details() -> Any:
        try:
            return _read_details(bytes(details))
        except ValueError as e:  # the index serves without them until it is rebuilt
            log.warning("the saved index's events are unusable (%s); rebuilding it", e)
            if idx is not None:
                idx.fingerprint = {}
            return {"members": {}, "events": []}

    try:
        idx = CorpusIndex.from_snapshot(doc, read_details)
    except (KeyError, TypeError, AttributeError) as e:  # parts of the wrong shape inside
        raise ValueError(f"a part is malformed ({type(e).__name__}: {e})") from e
    return idx


def load(st: Store) -> tuple[CorpusIndex, bool] | None:
    """The saved index and whether it is of the store as it is now; None when there is
    none of this code and knowledge base, or it is damaged (a warning): build it then. An
    index of an earlier state has an empty fingerprint, so the holder rebuilds it."""
    try:
        got = st.index_snapshot()
    except Exception as e:  # a store that cannot be read now: its index is built as before
        log.warning("the saved index cannot be read (%s); building it", e)
        return None
    if got is None:
        log.info("no saved index in the store; building it")
        return None
    key, data = got
    shape, _, state = key.partition("/")
    if shape != shape_key():
        log.info("the saved index is of other code or another knowledge base; building it")
        return None
    try:
        with paused():  # millions of long-lived objects (see marsad.gcpause)
            idx = decode(data)
    except ValueError as e:
        log.warning("the saved index is unusable: %s; building it again", e)
        return None
    fresh = state == state_key(st)
    if not fresh:
        log.info("the saved index is of an earlier state of the store: answering from it "
                 "while the index is built again")
        idx.fingerprint = {}
    return idx, fresh


def build(st: Store, kb: KnowledgeBase | None, db: str | None) -> CorpusIndex:
    """The index of the store as :func:`marsad.web.index.index_of` builds it, saved to
    ``db`` in the background when the store did not change while it was built (its key
    would not say what it holds)."""
    from ..web.index import index_of

    before = state_key(st)
    idx = index_of(st, kb)
    if db is not None and state_key(st) == before:
        save_later(db, f"{shape_key()}/{before}", idx)
    return idx


def builder(db: str, kb: KnowledgeBase | None) -> Callable[[Store], CorpusIndex]:
    """How the server's holder builds an index: with ``kb``, or with the bundled knowledge
    base (loaded when first needed) and then saved."""
    if kb is not None:  # a knowledge base of the caller's: its index is not saved
        from ..web.index import index_of

        return lambda st: index_of(st, kb)

    def make(st: Store) -> CorpusIndex:
        from ..kb import default_kb

        return build(st, default_kb(), db)

    return make


def save_later(db: str, key: str, idx: CorpusIndex, delay: float | None = None) -> None:
    """Save ``idx`` under ``key`` in the store at ``db``, in a thread of its own after
    ``delay`` seconds (default :data:`SAVE_AFTER_SECONDS`). A failure is a warning: the
    next start builds the index."""
    t = threading.Timer(SAVE_AFTER_SECONDS if delay is None else delay, save, (db, key, idx))
    t.daemon = True
    t.name = "marsad-index-save"
    t.start()


def save(db: str, key: str, idx: CorpusIndex) -> bool:
    try:
        data = encode(idx)
        st = open_store(db, create=False, check=False)
        try:
            st.save_index_snapshot(key, data)
        finally:
            st.close()
    except Exception as e:
        log.warning("the index could not be saved in the store (%s); the next start builds "
                    "it", e)
        return False
    log.info("saved the index (%.1f MB) in the store", len(data) / 1e6)
    return True

