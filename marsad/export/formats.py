"""``marsad export``: the formats, and one entry point that streams a store into any of them.

Each format's writer lives in its own module (:mod:`.acled`, :mod:`.plover`,
:mod:`.geojson`, :mod:`.graph`, :mod:`.parquet`); the rows come from :mod:`.rows`. A format
whose library is an optional extra raises :class:`marsad.errors.ExtraMissing` (E011) before
anything is read or written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from .rows import ExportFilters, Resolver, entity_rows, event_rows, story_rows

if TYPE_CHECKING:
    from ..store import Store

# name → what it writes (the CLI's help)
FORMATS: Mapping[str, str] = {
    "acled-csv": "one row per event, ACLED-like columns (CSV; --bom for Excel)",
    "plover-jsonl": "one POLECAT/PLOVER-shaped JSON record per event",
    "geojson": "a FeatureCollection of events (or --features stories) for QGIS/Leaflet",
    "gexf": "the entity network for Gephi, with its timeline (extra \"graph\")",
    "graphml": "the entity network as GraphML (extra \"graph\")",
    "parquet": "a folder of events, stories and entities tables (extra \"parquet\")",
}


def check_extra(fmt: str) -> None:
    """Fail now, before any work, when the format's library is missing."""
    if fmt in ("gexf", "graphml"):
        from .graph import networkx

        networkx()
    elif fmt == "parquet":
        from .parquet import pyarrow

        pyarrow()


def export(store: Store, fmt: str, path: str | Path, filters: ExportFilters | None = None,
           *, bom: bool = False, features: str = "events") -> dict[str, int]:
    """Write the store's events (stories, entities) passing ``filters`` to ``path`` in
    ``fmt``; returns what was written (``{"events": n}``, ``{"nodes": …, "edges": …}`` …)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    check_extra(fmt)
    f = filters or ExportFilters()
    res = Resolver()
    if fmt == "acled-csv":
        from .acled import write_acled_csv

        return write_acled_csv(event_rows(store, f, res), path, bom=bom)
    if fmt == "plover-jsonl":
        from .plover import write_plover_jsonl

        return write_plover_jsonl(event_rows(store, f, res), path, res.iso2)
    if fmt == "geojson":
        from .geojson import write_geojson

        stories = features == "stories"
        items = story_rows(store, f, res) if stories else event_rows(store, f, res)
        meta = {"features": features, "filters": {k: v for k, v in vars(f).items() if v},
                "version": __version__}
        return write_geojson(items, path, stories=stories, meta=meta)
    if fmt in ("gexf", "graphml"):
        from .graph import write_graph

        return write_graph(story_rows(store, f, res), entity_rows(store, res), path, fmt=fmt)
    from .parquet import write_parquet

    seen: set[str] = set()
    return write_parquet(_keys_of(event_rows(store, f, res), seen, "_keys"),
                         _keys_of(story_rows(store, f, res), seen, "participants"),
                         _only(entity_rows(store, res), seen if _filtered(f) else None), path)


def _filtered(f: ExportFilters) -> bool:
    return f != ExportFilters()


def _keys_of(rows: Iterable[dict[str, Any]], seen: set[str], field: str
             ) -> Iterator[dict[str, Any]]:
    """``rows`` as they are, noting the entity keys they name in ``seen``."""
    for r in rows:
        seen.update(r[field])
        if r.get("location"):
            loc = r["location"]
            seen.add(loc["key"] if isinstance(loc, Mapping) else loc)
        yield r


def _only(rows: Iterable[dict[str, Any]], keys: set[str] | None) -> Iterator[dict[str, Any]]:
    """The entity rows whose key is in ``keys`` (all of them when None)."""
    return (r for r in rows if keys is None or r["key"] in keys)
