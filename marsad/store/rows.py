"""One processed article as the rows the store writes, made where the article was processed.

Issue #19: worker processes used to send whole :class:`~marsad.doc.Doc` objects back, and the
parent spent a fifth of its time unpickling them and the rest turning them into records and
rows, so ``--jobs 2`` was slower than ``--jobs 1``. :func:`article_rows` does all of that
work (the JSON Lines record, the search words, the entity, mention, name-key, event and role
rows, the content hash) next to the pipeline; what crosses the process boundary is plain
strings and tuples, and :meth:`marsad.store.base.SQLStore.put_rows` only writes them.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from .. import __version__
from ..doc import Doc
from ..export.precision import geo_precision, time_precision
from ..ingest import RawArticle
from . import StoreError, content_hash, names


class ArticleRows(NamedTuple):
    """What :meth:`SQLStore.put_rows` writes for one article (``processed_at`` is set when
    it is written)."""

    doc_id: str
    digest: str  # content_hash of the raw input
    # the articles columns, in ARTICLE_COLUMNS order, without processed_at and record_json
    article: tuple[Any, ...]
    record_json: str
    # the search index's words of the cleaned text, space-separated (one string crosses
    # the process boundary faster than a list of hundreds)
    words: str
    entities: list[tuple[Any, ...]]
    mentions: list[tuple[Any, ...]]
    name_keys: list[tuple[str, str]]
    events: list[tuple[Any, ...]]
    roles: list[tuple[str, str, str, str]]


def record_line(rec: dict[str, Any]) -> str:
    """The JSON Lines text of a record (as ``marsad extract`` writes it, without the line
    end); raises ValueError (UnicodeEncodeError) for text that cannot be written as UTF-8."""
    line = json.dumps(rec, ensure_ascii=False)
    line.encode("utf-8")  # refuse lone surrogates here, where the article is named
    return line


def article_rows(raw: RawArticle, doc: Doc) -> ArticleRows:
    """The rows of one processed article (raises StoreError when they are not one article)."""
    from ..export.jsonl import doc_to_record
    from .base import index_words

    if raw.doc_id != doc.doc_id:
        raise StoreError(f"raw article {raw.doc_id!r} and doc {doc.doc_id!r} differ")
    rec = doc_to_record(doc)
    did = doc.doc_id
    article = (did, content_hash(raw), raw.content, raw.kind, raw.path or doc.source.path,
               doc.source.url, doc.source.outlet, rec["published"], doc.title, doc.text,
               raw.url, raw.outlet, raw.published, __version__)
    return ArticleRows(
        did, article[1], article, record_line(rec),
        " ".join(index_words(doc.text)),
        [(did, e.id, e.kb_id, e.type, e.name, e.name_en, e.lat, e.lon) for e in doc.entities],
        [(did, e.id, m.start, m.end, m.text) for e in doc.entities for m in e.mentions],
        names.name_key_rows((e.name_en, e.kb_id) for e in doc.entities),
        *_event_rows(doc, rec))


def _event_rows(doc: Doc, rec: dict[str, Any]
                ) -> tuple[list[tuple[Any, ...]], list[tuple[str, str, str, str]]]:
    did = doc.doc_id
    events: list[tuple[Any, ...]] = []
    roles: list[tuple[str, str, str, str]] = []
    places = {e["id"]: e for e in rec["entities"]}
    for ev, ev_rec in zip(doc.events, rec["events"], strict=True):
        d = ev_rec["date"]
        sp = ev.evidence[0]
        events.append((did, ev.id, ev.type, ev.mode,
                       d["start"] if d else None, d["end"] if d else None,
                       ev.location, ev.certainty, sp.start, sp.end,
                       doc.text[sp.start : sp.end], d["precision"] if d else None,
                       time_precision(d), geo_precision(places.get(ev.location or ""))))
        for role, ids in (("actor", ev.actors), ("target", ev.targets),
                          ("source", ev.attributed_to)):
            roles.extend((did, ev.id, role, i) for i in ids)
    return events, roles
