"""The per-article JSON Lines contract (``docs/output.md``).

Fields of the contract are never renamed or dropped; Marsad adds a few (``evidence_more``,
``trigger``, ``furniture``, ``filed_from``, coordinates, ``pipeline``) that consumers may
ignore.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, TextIO

from .. import __version__
from ..doc import Doc, Event, Filing, Span
from .files import AtomicFile
from .summary import english_names, summary_en


def _event_date(ev: Event) -> dict[str, Any] | None:
    """The event's date; ``basis`` says where it comes from: ``text`` (the phrase at
    ``offsets``) or ``published`` (a lead event dated by the article's publication date,
    with no text of its own: ``text`` and ``offsets`` null)."""
    d = ev.date
    if d is None or d.first is None or d.last is None:
        return None
    told = bool(d.text)
    return {"start": d.first.isoformat(), "end": d.last.isoformat(),
            "text": d.text if told else None, "precision": d.precision,
            "offsets": [d.start, d.end] if told else None,
            "basis": "text" if told else "published"}


def _span(doc: Doc, sp: Span) -> dict[str, Any]:
    return {"start": sp.start, "end": sp.end, "text": doc.text[sp.start : sp.end]}


def _event(doc: Doc, ev: Event) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": ev.id,
        "type": ev.type,
        "mode": ev.mode,
        "actors": list(ev.actors),
        "targets": list(ev.targets),
        "location": ev.location,
        "date": _event_date(ev),
        "attributed_to": list(ev.attributed_to),
        "certainty": ev.certainty,
        "evidence": _span(doc, ev.evidence[0]),
    }
    if len(ev.evidence) > 1:
        rec["evidence_more"] = [_span(doc, sp) for sp in ev.evidence[1:]]
    if ev.trigger is not None:
        rec["trigger"] = _span(doc, ev.trigger)
    return rec


def _filed_from(doc: Doc) -> dict[str, Any] | None:
    """Where the article was filed from, read from its first dateline ("موسكو - "): the
    place (with its knowledge-base key and names when known), the whole dateline and the
    agency credit. None when no paragraph opens with a dateline."""
    if not doc.filing:
        return None
    f: Filing = doc.filing[0]
    entry = _kb().get(f.place_key) if f.place_key else None
    return {
        "kb_id": f.place_key,
        "name": entry.name_ar if entry is not None else doc.text[f.place.start : f.place.end],
        "name_en": entry.name_en if entry is not None else None,
        **_span(doc, f.place),
        "dateline": _span(doc, Span(f.start, f.end)),
        "credit": None if f.credit is None else doc.text[f.credit.start : f.credit.end],
    }


# The version of the record's shape (marsad/data/schema/record.schema.json): raised when a
# field changes meaning; adding a field keeps it.
SCHEMA_VERSION = "1"


def doc_to_record(doc: Doc) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc.doc_id,
        "source": {"path": doc.source.path, "url": doc.source.url, "outlet": doc.source.outlet},
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "published_source": doc.published_source if doc.published else None,
        "published_ambiguous": doc.published_ambiguous,
        "language": doc.language,
        "text": doc.text,
        "entities": [
            {
                "id": e.id, "kb_id": e.kb_id, "type": e.type, "name": e.name,
                "name_en": e.name_en,
                # where the English name comes from: the knowledge base, or transliteration
                # of a name it does not know (readable, not authoritative)
                "name_en_source": None if e.name_en is None else
                ("kb" if e.kb_id else "transliteration"),
                "mentions": [{"start": m.start, "end": m.end, "text": m.text}
                             for m in e.mentions],
                **({"lat": e.lat, "lon": e.lon} if e.lat is not None else {}),
            }
            for e in doc.entities
        ],
        "events": [_event(doc, ev) for ev in doc.events],
        "filed_from": _filed_from(doc),
        "furniture": [{"start": r.start, "end": r.end, "rule": r.rule, "text": r.text}
                      for r in doc.removals],
        "pipeline": {"name": "marsad", "version": __version__},
    }
    names = english_names(rec["entities"])
    for ev in rec["events"]:  # an English line per event, from the record itself
        ev["summary_en"] = summary_en(ev, names)
    return rec


def _kb() -> Any:
    from ..kb import default_kb  # the names of the place (loaded once per process)

    return default_kb()


def dump_record(rec: dict[str, Any], fh: IO[str] | TextIO) -> None:
    fh.write(json.dumps(rec, ensure_ascii=False))
    fh.write("\n")


class AtomicJsonlWriter(AtomicFile):
    """Writes lines to a temporary file beside the target and renames it into place on
    success, so a failed or interrupted run never leaves a half-written output file (and
    never clobbers the previous one)."""

    def write(self, rec: dict[str, Any]) -> None:
        dump_record(rec, self.fh)

    def write_line(self, line: str) -> None:
        """Write one record already serialized (``marsad.store.rows.record_line``)."""
        self.fh.write(line)
        self.fh.write("\n")


def write_jsonl(docs: Iterable[Doc], path: str | Path) -> int:
    n = 0
    with AtomicJsonlWriter(path) as w:
        for d in docs:
            w.write(doc_to_record(d))
            n += 1
    return n
