"""Query parameters shared by the list endpoints and the pages, checked against the corpus.

A parameter that is malformed or names nothing in the corpus is an error naming it (an analyst
who typed ``type=CONSLT`` should be told, not shown an empty timeline)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from ..doc import PLOVER_TYPES
from ..fuse.keys import _parse_bound
from ..text.latin import MAX_QUERY_CHARS
from ..web.index import CorpusIndex
from .errors import AmbiguousName, BadParameter

FILTERS = ("entity", "type", "place", "since", "until", "certainty", "source")


@dataclass(frozen=True)
class Filters:
    entity: str | None = None
    type: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None
    certainty: str | None = None
    source: str | None = None

    def kwargs(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in FILTERS}

    def query(self) -> dict[str, str]:
        """The filters as URL parameters (for export links and page state)."""
        out = {}
        for k in FILTERS:
            v = getattr(self, k)
            if v is not None:
                out[k] = v.isoformat() if isinstance(v, date) else str(v)
        return out


def check_known(params: Iterable[str], allowed: Iterable[str]) -> None:
    """Refuse a parameter the endpoint does not take (a misspelt filter would be ignored)."""
    ok = set(allowed)
    for p in params:
        if p not in ok:
            raise BadParameter(f"unknown parameter; this endpoint takes {', '.join(sorted(ok))}",
                               parameter=p)


def parse_date(value: str | None, name: str, *, end: bool) -> date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (a month or year is its first day for
    ``since`` and its last for ``until``)."""
    if value is None or value == "":
        return None
    d = _parse_bound(value.strip(), end=end)
    if d is None:
        raise BadParameter(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}",
                           parameter=name)
    return d


def parse_timestamp(value: str | None, name: str = "since") -> str:
    """An ISO date (``2025-05-10``: its midnight, UTC) or date-time (``2025-05-10T14:30``,
    ``…Z`` or ``…+02:00``; without an offset it is UTC) as the store writes times: UTC, ISO
    8601 to the second (``2025-05-10T14:30:00+00:00``)."""
    text = (value or "").strip()
    if not text:
        raise BadParameter("a time is required (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+HH:MM])",
                           parameter=name)
    try:
        if len(text) == 10:
            when = datetime.combine(date.fromisoformat(text), datetime.min.time())
        else:
            when = datetime.fromisoformat(text)
    except ValueError:
        raise BadParameter("not an ISO date or date-time (YYYY-MM-DD or "
                           f"YYYY-MM-DDTHH:MM[:SS][+HH:MM]): {value!r}", parameter=name) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="seconds")


def parse_type(value: str | None) -> str | None:
    """A PLOVER type in any case, or None; anything else is an error listing the types."""
    if value is None or value == "":
        return None
    typ = value.strip().upper()
    if typ not in PLOVER_TYPES:
        raise BadParameter(f"not a PLOVER type: {value!r} (one of {', '.join(PLOVER_TYPES)})",
                           parameter="type")
    return typ


def date_bounds(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """``since`` and ``until`` parsed (a month or year counts whole: ``until=2025-05``
    includes 31 May), and refused when ``until`` is before ``since``."""
    lo = parse_date(since, "since", end=False)
    hi = parse_date(until, "until", end=True)
    if lo and hi and lo > hi:
        raise BadParameter(f"{hi.isoformat()} is before since ({lo.isoformat()})",
                           parameter="until")
    return lo, hi


def entity_key(idx: CorpusIndex, value: str | None, name: str) -> str | None:
    """An entity given by key (``kb:khalifa_haftar``, ``khalifa_haftar``) or by name, in
    English or a Latin spelling ("Khalifa Hafter") or in Arabic: its key. A name that fits
    several entities is an error listing them; one that fits none says so."""
    if value is None or value.strip() == "":
        return None
    key = idx.resolve(value)
    if key is not None:
        return key
    if len(value) > MAX_QUERY_CHARS:
        raise BadParameter(f"at most {MAX_QUERY_CHARS} characters (got {len(value)})",
                           parameter=name)
    key, candidates = idx.resolve_name(value)
    if key is not None:
        return key
    if candidates:
        shown = [{"key": k, "name_en": idx.entities[k]["name_en"],
                  "name": idx.entities[k]["name"]} for k in candidates]
        listed = "; ".join(f"{c['name_en'] or c['name']} ({c['key']})" for c in shown)
        msg = (f"{value!r} names {len(shown)} entities: {listed}; give one of these keys or "
               "a fuller name" if len(shown) > 1 else
               f"no entity named {value!r} in this corpus; did you mean {listed}?")
        raise AmbiguousName(msg, parameter=name, candidates=shown)
    raise BadParameter(f"no entity with key or name {value!r} in this corpus",
                       parameter=name)


def parse_filters(idx: CorpusIndex, q: Mapping[str, str | None], *,
                  certainties: Iterable[str]) -> Filters:
    typ = parse_type(q.get("type"))
    cert = q.get("certainty") or None
    allowed = tuple(certainties)
    if cert is not None and cert not in allowed:
        raise BadParameter(f"{cert!r} is not one of {', '.join(allowed)}", parameter="certainty")
    source = q.get("source") or None
    if source is not None:
        source = source.strip().lower()
        if source not in idx.outlets:
            raise BadParameter(f"no source (outlet) {q.get('source')!r} in this corpus",
                               parameter="source")
    since, until = date_bounds(q.get("since"), q.get("until"))
    return Filters(entity=entity_key(idx, q.get("entity"), "entity"), type=typ,
                   place=entity_key(idx, q.get("place"), "place"), since=since, until=until,
                   certainty=cert, source=source)
