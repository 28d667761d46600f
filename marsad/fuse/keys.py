"""Keys shared by the fusion steps: the outlet of a record, the cross-article key of an
entity, the key of a place, and date ranges read from the contract's ISO strings."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from ..text.normalize import match_key

Record = Mapping[str, Any]

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


# What a record with no outlet, site name or URL is from. A file name is no outlet: counting
# each file as its own outlet made "15 outlets" of 15 files from one desk (issue #18).
UNKNOWN_OUTLET = "unknown outlet"


def outlet_of(rec: Record) -> str:
    """``source.outlet`` (from the input, or the HTML page's site name); else the host of
    ``source.url`` (without ``www.``); else :data:`UNKNOWN_OUTLET`.

    Lower-cased so that "Reuters" and "reuters" are one outlet."""
    src = rec.get("source") or {}
    outlet = src.get("outlet")
    if isinstance(outlet, str) and outlet.strip():
        return outlet.strip().lower()
    url = src.get("url")
    if isinstance(url, str) and url.strip():
        try:
            host = urlsplit(url.strip()).hostname
        except ValueError:
            host = None
        if host:
            return host.removeprefix("www.")
    return UNKNOWN_OUTLET


def name_key(name: str) -> str:
    return match_key(name or "")


def entity_key(doc_id: str, ent: Mapping[str, Any]) -> str:
    """The cross-article key of one entity.

    ``kb:<kb_id>`` for a linked entity; ``name:<TYPE>:<normalised name>`` for an unlinked one
    whose name has two words or more; otherwise ``doc:<doc_id>#<id>``, a key local to its
    article: one-word unlinked names ("محمد") are too ambiguous to join across articles."""
    kb_id = ent.get("kb_id")
    if kb_id:
        return f"kb:{kb_id}"
    key = name_key(ent.get("name") or "")
    if len(key.split()) >= 2:
        return f"name:{ent.get('type')}:{key}"
    return f"doc:{doc_id}#{ent.get('id')}"


def entity_keys(rec: Record) -> dict[str, str]:
    """Local entity id → cross-article key, for one record."""
    doc_id = str(rec.get("doc_id"))
    return {str(e.get("id")): entity_key(doc_id, e) for e in rec.get("entities") or []}


def place_keys(ent: Mapping[str, Any]) -> frozenset[str]:
    """Keys under which two places are compared: the kb key and, for a place-typed entity,
    its normalised name (one-word place names are the rule, "طرابلس", and the participants and
    date already agree when places are compared, so the one-word caution of persons does not
    apply). An empty set means "unknown place" and agrees with anything."""
    out: set[str] = set()
    if ent.get("kb_id"):
        out.add(f"kb:{ent['kb_id']}")
    key = name_key(ent.get("name") or "")
    if key and (ent.get("type") in PLACE_TYPES or len(key.split()) >= 2):
        out.add(f"name:{key}")
    return frozenset(out)


def parse_day(value: object) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _parse_bound(value: object, *, end: bool) -> date | None:
    """An ISO day; a bare "YYYY-MM" or "YYYY" is read as its first or last day."""
    d = parse_day(value)
    if d is not None or not isinstance(value, str):
        return d
    parts = value.strip().split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            y = int(parts[0])
            return date(y, 12, 31) if end else date(y, 1, 1)
        if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) in (1, 2):
            y, m = int(parts[0]), int(parts[1])
            first = date(y, m, 1)  # refuses month 0 and 13
            if not end:
                return first
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
    except ValueError:
        return None
    return None


def date_range(value: object) -> tuple[date, date] | None:
    """``(first, last)`` of an event's ``date`` object, or None when it has none."""
    if not isinstance(value, Mapping):
        return None
    start = _parse_bound(value.get("start"), end=False)
    end = _parse_bound(value.get("end"), end=True)
    if start is None and end is None:
        return None
    start = start or end
    end = end or start
    assert start is not None and end is not None
    return (start, end) if start <= end else (end, start)
