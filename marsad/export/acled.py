"""``acled-csv``: one row per event with ACLED-like columns (``docs/export.md``).

Columns keep ACLED's names where the meaning is the same (``event_date``, ``year``,
``time_precision``, ``actor1``, ``assoc_actor_1``, ``country``, ``location``, ``latitude``,
``longitude``, ``geo_precision``, ``source``); what ACLED does not have is named plainly
(``plover_type``, ``summary_en``, ``evidence_ar``). RFC 4180 CSV (CRLF line ends), UTF-8,
optionally with a byte-order mark so that Excel reads the Arabic as Arabic.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .files import AtomicFile

COLUMNS = (
    "event_id", "doc_id", "event_date", "date_end", "year", "time_precision",
    "date_precision", "date_text", "plover_type", "plover_mode", "plover_class",
    "actor1", "actor1_kb", "actor1_country", "assoc_actor_1", "assoc_actor_1_kb",
    "actor2", "actor2_kb", "actor2_country", "assoc_actor_2", "assoc_actor_2_kb",
    "location", "location_kb", "country", "latitude", "longitude", "geo_precision",
    "source", "sources", "n_independent_sources", "cited_sources", "certainty",
    "summary_en", "evidence_ar", "url", "published", "story_ids", "schema_version",
)
SEP = "; "  # between the items of a multi-valued cell


def english(ent: Mapping[str, Any]) -> str:
    """The English name of an exported entity, else its Arabic name (all there is)."""
    return str(ent.get("name_en") or ent.get("name") or ent.get("key") or "")


def _kb(ent: Mapping[str, Any]) -> str:
    return str(ent.get("kb_id") or ent.get("key") or "")


def _parties(people: Sequence[Mapping[str, Any]], n: int) -> dict[str, str]:
    """actorN (the first), its key and country; the others as assoc_actor_N."""
    first, rest = (people[0] if people else None), people[1:]
    return {
        f"actor{n}": english(first) if first else "",
        f"actor{n}_kb": _kb(first) if first else "",
        f"actor{n}_country": str(first.get("country") or "") if first else "",
        f"assoc_actor_{n}": SEP.join(english(p) for p in rest),
        f"assoc_actor_{n}_kb": SEP.join(_kb(p) for p in rest),
    }


def acled_row(r: Mapping[str, Any]) -> dict[str, Any]:
    loc = r["location"] or {}
    start = r["date_start"]
    return {
        "event_id": r["event_id"], "doc_id": r["doc_id"], "event_date": start,
        "date_end": r["date_end"], "year": int(start[:4]) if start else None,
        "time_precision": r["time_precision"], "date_precision": r["date_precision"],
        "date_text": r["date_text"], "plover_type": r["type"], "plover_mode": r["mode"],
        "plover_class": r["class"], **_parties(r["actors"], 1), **_parties(r["targets"], 2),
        "location": english(loc) if loc else "", "location_kb": _kb(loc) if loc else "",
        "country": loc.get("country"), "latitude": loc.get("lat"),
        "longitude": loc.get("lon"), "geo_precision": r["geo_precision"],
        "source": r["outlet"], "sources": SEP.join(r["sources"]),
        "n_independent_sources": r["n_independent"],
        "cited_sources": SEP.join(english(p) for p in r["attributed_to"]),
        "certainty": r["certainty"], "summary_en": r["summary_en"],
        "evidence_ar": r["evidence"], "url": r["url"], "published": r["published"],
        "story_ids": SEP.join(r["stories"]), "schema_version": r["schema_version"],
    }


def cell(v: Any) -> str:
    """A CSV cell (the ACLED-like export and the API's CSV): lists and mappings joined with
    "; "; text a spreadsheet would run as a formula (=HYPERLINK(…)) is quoted as text;
    numbers are left as they are (-8.39 is a longitude)."""
    if v is None:
        return ""
    if isinstance(v, bool | int | float):
        return str(v)
    if isinstance(v, list | tuple):
        v = "; ".join(cell(x) for x in v)
    elif isinstance(v, dict):
        v = "; ".join(f"{k}={cell(x)}" for k, x in v.items())
    s = str(v)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def write_acled_csv(rows: Iterable[Mapping[str, Any]], path: str | Path, *,
                    bom: bool = False) -> dict[str, int]:
    n = 0
    # newline="": the csv module writes its own CRLF line ends
    with AtomicFile(path, encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
        w = csv.writer(out.fh, lineterminator="\r\n")
        w.writerow(COLUMNS)
        for r in rows:
            row = acled_row(r)
            w.writerow([cell(row[c]) for c in COLUMNS])
            n += 1
    return {"events": n}
