"""Precision codes of an event's date and place, as conflict datasets publish them (issue #17).

**Time precision** (ACLED's convention): ``1`` the day is known, ``2`` the week or a part of
a month (a range of at most :data:`PART_OF_MONTH_DAYS` days: "early May", "3-9 May", "last
week"), ``3`` a month or anything vaguer (a season, a year, a longer range). Read from the
days the date covers, so the code and the ``start``/``end`` of the record never disagree and
the same rule runs in SQL (``migrations/*/0003_precision.sql`` fills stored rows with it).

**Geo precision** of the place an event happened at, from the entity's type and the
knowledge base: ``1`` an exact place (a facility — base, port, airport, crossing — or a
district or camp of a city), ``2`` a town or city, or a site known only by the town it is
near (the point is the town's), ``3`` a region, a province or a country. Stricter than
ACLED, whose ``1`` is a town: a city's point is its centre, not where the event was.
Places the knowledge base does not hold are judged by type: an unknown facility is a site
(1), an unknown GPE is most often a town or village (every country is in the base) (2), an
unknown LOC a region (3). No location, or a location that is not a place type: ``None``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from ..kb import KBEntry, KnowledgeBase

DAY, PART_OF_MONTH, MONTH_OR_VAGUER = 1, 2, 3
EXACT, TOWN, REGION = 1, 2, 3
# a week, or a third or half of a month ("early/mid/late May" run 10 or 11 days, "the
# first half of May" 15): longer spans are a month or vaguer
PART_OF_MONTH_DAYS = 16

# The ``precision`` field of a curated place (marsad/data/kb/places.yaml) that is not a region
# though filed beside them: districts and camps are exact places, towns and islands towns
PRECISION_NAMES: Mapping[str, int] = {"exact": EXACT, "town": TOWN, "region": REGION}
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def time_precision(value: Mapping[str, Any] | None) -> int | None:
    """The code of a record's ``date`` (``{"start", "end", …}``); None when undated."""
    if not value or not value.get("start") or not value.get("end"):
        return None
    try:
        days = (date.fromisoformat(str(value["end"])[:10])
                - date.fromisoformat(str(value["start"])[:10])).days + 1
    except ValueError:
        return None
    if days <= 1:
        return DAY
    return PART_OF_MONTH if days <= PART_OF_MONTH_DAYS else MONTH_OR_VAGUER


class Point(NamedTuple):
    """Where a place is drawn and how precisely: ``lat``/``lon`` None when unknown."""

    lat: float | None
    lon: float | None
    precision: int | None


def place_point(entity: Mapping[str, Any] | None, kb: KnowledgeBase | None = None) -> Point:
    """The point and geo precision of a record's entity (``type``, ``kb_id``, ``lat``/``lon``)."""
    if not entity or entity.get("type") not in PLACE_TYPES:
        return Point(None, None, None)
    entry = _kb(kb).get(str(entity["kb_id"])) if entity.get("kb_id") else None
    lat, lon = entity.get("lat"), entity.get("lon")
    if entry is None:
        precision = {"FAC": EXACT, "GPE": TOWN}.get(str(entity["type"]), REGION)
        return Point(lat, lon, precision)
    if lat is None and entry.lat is not None:
        lat, lon = entry.lat, entry.lon
    if lat is None and entry.type == "FAC":
        near = _kb(kb).get(str(entry.extra.get("near"))) if entry.extra.get("near") else None
        if near is not None and near.lat is not None:  # drawn at the town it is near
            return Point(near.lat, near.lon, TOWN)
    return Point(lat, lon, entry_precision(entry))


def geo_precision(entity: Mapping[str, Any] | None,
                  kb: KnowledgeBase | None = None) -> int | None:
    return place_point(entity, kb).precision


def entry_precision(entry: KBEntry) -> int:
    """The geo precision of a knowledge-base place by what it is (not where it is drawn)."""
    marked = PRECISION_NAMES.get(str(entry.extra.get("precision")))
    if marked is not None:
        return marked
    if entry.type == "FAC":
        return EXACT
    if entry.type == "GPE" and "iso2" not in entry.extra and (
            entry.geonames_id is not None or entry.population is not None):
        return TOWN  # a city of the GeoNames gazetteer (countries carry an ISO code)
    return REGION


def _kb(kb: KnowledgeBase | None) -> KnowledgeBase:
    if kb is not None:
        return kb
    from ..kb import default_kb

    return default_kb()


def key_precision(key: str | None, types: Mapping[str, str],
                  kb: KnowledgeBase | None = None) -> int | None:
    """The geo precision of a cross-article place key (``kb:tripoli``, ``name:…``; see
    :func:`marsad.fuse.keys.entity_key`) whose entity type ``types`` gives."""
    if not key:
        return None
    kb_id = key[3:] if key.startswith("kb:") else None
    return geo_precision({"type": types.get(key), "kb_id": kb_id}, kb)
