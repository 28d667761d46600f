"""``parquet``: three tables in a folder — ``events.parquet``, ``stories.parquet`` and
``entities.parquet`` — for pandas, DuckDB or Arrow (extra ``parquet``: pyarrow).

Columns are typed (dates as ``date32``, codes as small integers, multi-valued fields as
lists of strings); rows are written a row group at a time, so the store is never held in
memory. The tables join on ``events.story_ids`` ∋ ``stories.id`` and on the entity keys
(``events.actor_keys``, ``stories.participants`` … ∋ ``entities.key``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from ..extras import require
from .acled import english
from .files import AtomicFolder

ROW_GROUP = 5000


def pyarrow() -> Any:
    # (the writer lives in the submodule, which importing pyarrow does not load)
    require("pyarrow.parquet", "parquet", "the parquet format")
    return require("pyarrow", "parquet", "the parquet format")


def _day(v: str | None) -> date | None:
    return date.fromisoformat(v[:10]) if v else None


def _schemas(pa: Any) -> dict[str, Any]:
    s, i8, i32, f64, d, ls = (pa.string(), pa.int8(), pa.int32(), pa.float64(), pa.date32(),
                              pa.list_(pa.string()))
    return {
        "events": pa.schema([
            ("doc_id", s), ("event_id", s), ("type", s), ("mode", s), ("class", s),
            ("date_start", d), ("date_end", d), ("date_text", s), ("date_precision", s),
            ("time_precision", i8), ("actor_keys", ls), ("actor_names_en", ls),
            ("actor_countries", ls), ("target_keys", ls), ("target_names_en", ls),
            ("target_countries", ls), ("location_key", s), ("location_kb", s),
            ("location_name_en", s), ("country", s), ("lat", f64), ("lon", f64),
            ("geo_precision", i8), ("certainty", s), ("cited_sources", ls), ("sources", ls),
            ("n_independent_sources", i32), ("story_ids", ls), ("summary_en", s),
            ("evidence_ar", s), ("url", s), ("outlet", s), ("published", d), ("title", s),
            ("schema_version", s)]),
        "stories": pa.schema([
            ("id", s), ("type", s), ("class", s), ("date_start", d), ("date_end", d),
            ("time_precision", i8), ("participants", ls), ("participant_names", ls),
            ("location", s), ("location_name", s), ("lat", f64), ("lon", f64),
            ("geo_precision", i8), ("certainty", s), ("n_independent", i32),
            ("sources", ls), ("n_members", i32), ("members", ls)]),
        "entities": pa.schema([
            ("key", s), ("kb_id", s), ("type", s), ("name", s), ("name_en", s),
            ("country_key", s), ("country", s), ("lat", f64), ("lon", f64),
            ("geo_precision", i8), ("mention_count", i32), ("n_articles", i32),
            ("n_stories", i32)]),
    }


def event_record(r: Mapping[str, Any]) -> dict[str, Any]:
    loc = r["location"] or {}
    return {
        **{k: r[k] for k in ("doc_id", "event_id", "type", "mode", "class", "date_text",
                             "date_precision", "time_precision", "geo_precision",
                             "certainty", "sources", "summary_en", "url", "outlet", "title",
                             "schema_version")},
        "date_start": _day(r["date_start"]), "date_end": _day(r["date_end"]),
        "published": _day(r["published"]),
        "actor_keys": [p["key"] for p in r["actors"]],
        "actor_names_en": [english(p) for p in r["actors"]],
        "actor_countries": [p.get("country") or "" for p in r["actors"]],
        "target_keys": [p["key"] for p in r["targets"]],
        "target_names_en": [english(p) for p in r["targets"]],
        "target_countries": [p.get("country") or "" for p in r["targets"]],
        "location_key": loc.get("key"), "location_kb": loc.get("kb_id"),
        "location_name_en": english(loc) if loc else None, "country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"),
        "cited_sources": [english(p) for p in r["attributed_to"]],
        "n_independent_sources": r["n_independent"], "story_ids": r["stories"],
        "evidence_ar": r["evidence"],
    }


def story_record(s: Mapping[str, Any]) -> dict[str, Any]:
    return {**s, "date_start": _day(s["date_start"]), "date_end": _day(s["date_end"])}


def _write(pa: Any, path: Path, schema: Any, rows: Iterable[Mapping[str, Any]],
           shape: Callable[[Mapping[str, Any]], Mapping[str, Any]]) -> int:
    import pyarrow.parquet as pq

    n = 0
    it = iter(rows)
    with pq.ParquetWriter(str(path), schema) as w:
        while chunk := [shape(r) for r in islice(it, ROW_GROUP)]:
            w.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
        if not n:  # an empty table still has its columns
            w.write_table(schema.empty_table())
    return n


def write_parquet(events: Iterable[Mapping[str, Any]], stories: Iterable[Mapping[str, Any]],
                  entities: Iterable[Mapping[str, Any]], path: str | Path) -> dict[str, int]:
    pa = pyarrow()
    schemas = _schemas(pa)
    with AtomicFolder(path) as out:
        return {
            "events": _write(pa, out.tmp / "events.parquet", schemas["events"], events,
                             event_record),
            "stories": _write(pa, out.tmp / "stories.parquet", schemas["stories"], stories,
                              story_record),
            "entities": _write(pa, out.tmp / "entities.parquet", schemas["entities"],
                               entities, dict),
        }
