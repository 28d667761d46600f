"""``plover-jsonl``: one JSON object per event, shaped like the records POLECAT publishes
with the PLOVER 2.0 ontology (the manual's event record: ``id``, ``date``, ``actor``,
``event``, ``recipient``, ``event_loc``, ``mode``, ``context``, ``quad_code``, ``text_info``,
``cite_info`` …). ``docs/export.md`` maps each field to Marsad's record.

Marsad's two conventions are mapped back: AID and COOPERATE carry a sector in ``mode``, where
PLOVER has no modes for them, so the sector becomes a ``context`` code and ``mode`` is left
empty; a mode PLOVER does not define for the type is kept only under ``marsad``. Everything
PLOVER has no field for (precision codes, certainty, story ids, the English line) is under
``marsad``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .. import __version__
from ..doc import PLOVER_QUAD
from .files import AtomicFile

# The modes PLOVER 2.0 defines per type (/work/shared/research/plover.md, from the manual)
PLOVER_MODES: Mapping[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory",
                           "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct",
                          "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "censor", "curfew", "martial-law", "arrest",
                         "deport", "withhold", "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "sexual", "targeted", "destroy",
                          "primitive", "firearms", "explosives", "suicide-attack", "aerial",
                          "drone", "heavy-weapons", "crowd-control", "unconventional"}),
}
# Marsad's sector modes (docs/annotation.md) as PLOVER context codes; "humanitarian" has no
# code of its own and is closest to "human_security"
SECTOR_CONTEXT: Mapping[str, str] = {
    "military": "military", "economic": "economic", "diplomatic": "diplomatic",
    "intelligence": "intelligence", "humanitarian": "human_security",
}
# COERCE's misinformation and cyber modes add their context (the manual's rule)
MODE_CONTEXT: Mapping[str, str] = {"misinformation": "misinformation", "cyber": "cyber"}
# The quad of each type in the manual's spelling (marsad.doc.PLOVER_QUAD says which reading)
QUAD: Mapping[str, str] = {t: q.replace("-", " ").upper() for t, q in PLOVER_QUAD.items()}


def mode_and_context(etype: str, mode: str | None) -> tuple[str | None, list[str]]:
    if not mode:
        return None, []
    if mode in PLOVER_MODES.get(etype, ()):
        return mode, [MODE_CONTEXT[mode]] if mode in MODE_CONTEXT else []
    if mode in SECTOR_CONTEXT:
        return None, [SECTOR_CONTEXT[mode]]
    return None, []


def _entity(ent: Mapping[str, Any], iso2: Any) -> dict[str, Any]:
    return {
        "code": iso2(ent.get("country_key")),  # ISO 3166-1 alpha-2 (POLECAT: alpha-3)
        "sector": None,
        "entity_text": ent.get("name"),
        "identifier_id": ent.get("wikidata"),
        "identifier_text": ent.get("name_en"),
        "marsad_key": ent.get("key"), "kb_id": ent.get("kb_id"), "type": ent.get("type"),
        "country": ent.get("country"),
    }


def _location(loc: Mapping[str, Any] | None, iso2: Any) -> dict[str, Any] | None:
    if not loc:
        return None
    return {
        "extracted_place": loc.get("name"), "resolved_place": loc.get("name_en"),
        "geonameid": None, "lat": loc.get("lat"), "lon": loc.get("lon"),
        "country": loc.get("country"), "country_code": iso2(loc.get("country_key")),
        # POLECAT's "resolution" (5 sub-city … 1 country) is left out: its middle steps do
        # not map onto Marsad's three codes one to one
        "geo_precision": loc.get("geo_precision"), "marsad_key": loc.get("key"),
        "kb_id": loc.get("kb_id"), "type": loc.get("type"),
    }


def plover_record(r: Mapping[str, Any], iso2: Any) -> dict[str, Any]:
    """The PLOVER-shaped record of one event row (:func:`marsad.export.rows.event_rows`);
    ``iso2`` maps a country key to its ISO code."""
    etype = str(r["type"])
    mode, context = mode_and_context(etype, r["mode"])
    enddate = r["date_end"] if r["date_end"] != r["date_start"] else None
    return {
        "id": f"{r['doc_id']}#{r['event_id']}", "date": r["date_start"], "enddate": enddate,
        "event": etype, "mode": mode, "context": context, "quad_code": QUAD[etype],
        "actor": [_entity(p, iso2) for p in r["actors"]],
        "recipient": [_entity(p, iso2) for p in r["targets"]],
        "event_loc": _location(r["location"], iso2),
        "event_text": r["evidence"],
        "text_info": {"start": r["evidence_start"], "end": r["evidence_end"]},
        "link": r["url"],
        "cite_info": {"url": r["url"], "title": r["title"], "language": "ar",
                      "publication": r["outlet"], "coder": "marsad",
                      "codebook": "plover-2.0-marsad", "version": __version__},
        "marsad": {
            "doc_id": r["doc_id"], "event_id": r["event_id"], "mode": r["mode"],
            "date_text": r["date_text"], "date_precision": r["date_precision"],
            "time_precision": r["time_precision"], "geo_precision": r["geo_precision"],
            "certainty": r["certainty"], "summary_en": r["summary_en"],
            "cited_sources": [p.get("name_en") or p.get("name") for p in r["attributed_to"]],
            "story_ids": r["stories"], "sources": r["sources"],
            "n_independent_sources": r["n_independent"], "published": r["published"],
            "schema_version": r["schema_version"],
        },
    }


def write_plover_jsonl(rows: Iterable[Mapping[str, Any]], path: str | Path,
                       iso2: Any) -> dict[str, int]:
    n = 0
    with AtomicFile(path) as out:
        for r in rows:
            out.fh.write(json.dumps(plover_record(r, iso2), ensure_ascii=False))
            out.fh.write("\n")
            n += 1
    return {"events": n}
