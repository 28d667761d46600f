"""``geojson``: a FeatureCollection (RFC 7946) of events or stories, for QGIS and Leaflet.

One Point feature per event (or story) whose place has coordinates, ``[longitude,
latitude]`` in WGS 84 as the RFC orders them; properties are flat (lists joined with "; ")
so that a GIS table shows them as columns. Items without coordinates are not features: the
top-level ``skipped`` member counts them (a foreign member, which the RFC allows). Written
feature by feature, never held whole in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .acled import SEP, english
from .files import AtomicFile


def event_feature(r: Mapping[str, Any]) -> dict[str, Any] | None:
    loc = r["location"] or {}
    if loc.get("lat") is None or loc.get("lon") is None:
        return None
    props = {
        "doc_id": r["doc_id"], "event_id": r["event_id"], "type": r["type"],
        "mode": r["mode"], "class": r["class"], "date_start": r["date_start"],
        "date_end": r["date_end"], "time_precision": r["time_precision"],
        "actors": SEP.join(english(p) for p in r["actors"]),
        "actor_keys": SEP.join(p["key"] for p in r["actors"]),
        "targets": SEP.join(english(p) for p in r["targets"]),
        "target_keys": SEP.join(p["key"] for p in r["targets"]),
        "location": english(loc), "location_key": loc.get("key"),
        "country": loc.get("country"), "geo_precision": r["geo_precision"],
        "certainty": r["certainty"], "n_independent_sources": r["n_independent"],
        "sources": SEP.join(r["sources"]), "summary_en": r["summary_en"],
        "evidence_ar": r["evidence"], "url": r["url"], "story_ids": SEP.join(r["stories"]),
    }
    return _feature(f"{r['doc_id']}#{r['event_id']}", loc["lon"], loc["lat"], props)


def story_feature(s: Mapping[str, Any]) -> dict[str, Any] | None:
    if s["lat"] is None or s["lon"] is None:
        return None
    props = {
        "story_id": s["id"], "type": s["type"], "class": s["class"],
        "date_start": s["date_start"], "date_end": s["date_end"],
        "time_precision": s["time_precision"],
        "participants": SEP.join(s["participant_names"]),
        "participant_keys": SEP.join(s["participants"]), "location": s["location_name"],
        "location_key": s["location"], "geo_precision": s["geo_precision"],
        "certainty": s["certainty"], "n_independent_sources": s["n_independent"],
        "sources": SEP.join(s["sources"]), "n_members": s["n_members"],
    }
    return _feature(str(s["id"]), s["lon"], s["lat"], props)


def _feature(fid: str, lon: float, lat: float, props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "id": fid,
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
            "properties": props}


def write_geojson(items: Iterable[Mapping[str, Any]], path: str | Path, *,
                  stories: bool = False, meta: Mapping[str, Any] | None = None
                  ) -> dict[str, int]:
    """Write ``items`` (event rows, or story rows when ``stories``) as features."""
    make = story_feature if stories else event_feature
    n = skipped = 0
    with AtomicFile(path) as out:
        out.fh.write('{"type": "FeatureCollection", "features": [\n')
        for item in items:
            feat = make(item)
            if feat is None:
                skipped += 1
                continue
            out.fh.write((",\n" if n else "") + json.dumps(feat, ensure_ascii=False))
            n += 1
        tail = {"skipped": skipped, **({"marsad": dict(meta)} if meta else {})}
        out.fh.write("\n], " + json.dumps(tail, ensure_ascii=False)[1:] + "\n")
    return {"features": n, "skipped": skipped}
