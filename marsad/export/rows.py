"""The rows every export format writes, streamed from a store (``marsad export``, issue #17).

:func:`event_rows` reads the stored records a page at a time and yields one flat, English
view per event (its participants with their knowledge-base keys and countries, its place with
coordinates and precision codes, its stories and their independent sources); nothing holds
the whole store in memory. :func:`story_rows` and :func:`entity_rows` do the same for the
stored fusion. The filters are those of ``marsad stories`` (:class:`ExportFilters`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..doc import PLOVER_QUAD
from ..fuse.keys import entity_key, outlet_of
from .precision import place_point, time_precision
from .summary import english_names, summary_en

if TYPE_CHECKING:
    from ..kb import KnowledgeBase
    from ..store import Store

BATCH = 500  # records per read: their story links are fetched in one query


@dataclass(frozen=True)
class ExportFilters:
    """What ``marsad stories`` filters on, checked and parsed (``cli._story_filters``)."""

    entity: str | None = None  # a cross-article key: a participant or the place
    type: str | None = None
    since: str | None = None  # ISO dates: the date range must reach [since, until]
    until: str | None = None
    min_sources: int = 0  # stories of at least this many independent sources

    def store_kwargs(self) -> dict[str, Any]:
        return {"entity": self.entity, "type": self.type, "since": self.since,
                "until": self.until}

    def dates_meet(self, start: str | None, end: str | None) -> bool:
        if not (self.since or self.until):
            return True
        if not start or not end:
            return False  # undated items are left out when a bound is given
        return not (self.since and end < self.since or self.until and start > self.until)


def plover_class(event_type: str) -> str:
    """The PLOVER quad class of a type (marsad.doc.PLOVER_QUAD); an unknown type reads as
    verbal cooperation, the mildest, rather than failing a whole export."""
    return PLOVER_QUAD.get(event_type, "verbal-cooperation")


def class_counts(by_type: Mapping[str, int]) -> Counter[str]:
    """Counts per type summed per quad class (network edges colour by the largest)."""
    by_class: Counter[str] = Counter()
    for t, n in by_type.items():
        by_class[plover_class(t)] += n
    return by_class


class Resolver:
    """English names, countries and points of entities, from the knowledge base (cached)."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        if kb is None:
            from ..kb import default_kb

            kb = default_kb()
        self.kb = kb
        self.country = lru_cache(maxsize=None)(self._country)

    def _country(self, kb_id: str | None) -> tuple[str | None, str | None]:
        """(country key, English name) of a knowledge-base entry; a country is its own."""
        entry = self.kb.get(kb_id) if kb_id else None
        if entry is None:
            return None, None
        if "iso2" in entry.extra:
            return entry.key, entry.name_en
        land = self.kb.get(entry.country) if entry.country else None
        return (entry.country, land.name_en if land is not None else None)

    def iso2(self, country_key: str | None) -> str | None:
        entry = self.kb.get(country_key) if country_key else None
        code = entry.extra.get("iso2") if entry is not None else None
        return str(code) if code else None

    def entity(self, doc_id: str, ent: Mapping[str, Any]) -> dict[str, Any]:
        key, name = entity_key(doc_id, ent), ent.get("name")
        country_key, country = self.country(ent.get("kb_id"))
        entry = self.kb.get(str(ent["kb_id"])) if ent.get("kb_id") else None
        return {"key": key, "kb_id": ent.get("kb_id"), "type": ent.get("type"), "name": name,
                "name_en": ent.get("name_en"), "country_key": country_key,
                "country": country, "wikidata": entry.wikidata if entry is not None else None}

    def place(self, doc_id: str, ent: Mapping[str, Any] | None) -> dict[str, Any] | None:
        if ent is None:
            return None
        lat, lon, precision = place_point(ent, self.kb)
        return {**self.entity(doc_id, ent), "lat": lat, "lon": lon,
                "geo_precision": precision}


def _batches(records: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    while batch := list(islice(records, BATCH)):
        yield batch


def event_rows(store: Store, filters: ExportFilters | None = None,
               resolver: Resolver | None = None) -> Iterator[dict[str, Any]]:
    """One row per event of the stored articles that passes ``filters``, in doc_id order.
    ``_keys`` (the cross-article keys of its participants and place) is for filtering."""
    res = resolver or Resolver()
    filters = filters or ExportFilters()
    sources: dict[str, list[str]] = {}  # story id → its outlets, read once per story
    for batch in _batches(store.iter_records()):
        links = store.story_links([str(r["doc_id"]) for r in batch])
        wanted = sorted({sid for ls in links.values() for sid, _ in ls} - sources.keys())
        sources.update(store.story_sources(wanted))
        for rec in batch:
            for row in _record_rows(rec, res, links, sources):
                if _keep(row, filters):
                    yield row


def _keep(row: Mapping[str, Any], f: ExportFilters) -> bool:
    if f.type and row["type"] != f.type:
        return False
    if f.entity and f.entity not in row["_keys"]:
        return False
    if f.min_sources and row["n_independent"] < f.min_sources:
        return False
    return f.dates_meet(row["date_start"], row["date_end"])


def _record_rows(rec: Mapping[str, Any], res: Resolver,
                 links: Mapping[tuple[str, str], Sequence[tuple[str, int]]],
                 sources: Mapping[str, list[str]]) -> Iterator[dict[str, Any]]:
    doc_id = str(rec.get("doc_id"))
    ents = {str(e.get("id")): e for e in rec.get("entities") or []}
    people = {i: res.entity(doc_id, e) for i, e in ents.items()}
    names: dict[str, str] | None = None
    src = rec.get("source") or {}
    article = {"doc_id": doc_id, "url": src.get("url"), "outlet": outlet_of(rec),
               "title": rec.get("title"), "published": rec.get("published"),
               "schema_version": rec.get("schema_version")}
    for ev in rec.get("events") or []:
        line = ev.get("summary_en")
        if not line:  # a record stored before the English line existed
            names = names if names is not None else english_names(rec.get("entities") or [])
            line = summary_en(ev, names)
        yield _event_row(ev, article, ents, people, res, links, sources, line)


def _event_row(ev: Mapping[str, Any], article: Mapping[str, Any],
               ents: Mapping[str, Mapping[str, Any]], people: Mapping[str, dict[str, Any]],
               res: Resolver, links: Mapping[tuple[str, str], Sequence[tuple[str, int]]],
               sources: Mapping[str, list[str]], line: str) -> dict[str, Any]:
    doc_id, event_id = str(article["doc_id"]), str(ev.get("id"))
    d = ev.get("date") or {}
    loc = res.place(doc_id, ents.get(str(ev.get("location")))) if ev.get("location") else None
    actors = [people[i] for i in ev.get("actors") or [] if i in people]
    targets = [people[i] for i in ev.get("targets") or [] if i in people]
    stories = list(links.get((doc_id, event_id), ()))
    outlets = sorted({o for sid, _ in stories for o in sources.get(sid, ())})
    evidence = ev.get("evidence") or {}
    return {
        **article, "event_id": event_id, "type": ev.get("type"), "mode": ev.get("mode"),
        "class": plover_class(str(ev.get("type"))),
        "date_start": d.get("start"), "date_end": d.get("end"), "date_text": d.get("text"),
        "date_precision": d.get("precision"), "time_precision": time_precision(d),
        "actors": actors, "targets": targets, "location": loc,
        "geo_precision": loc["geo_precision"] if loc else None,
        "attributed_to": [people[i] for i in ev.get("attributed_to") or [] if i in people],
        "certainty": ev.get("certainty"), "summary_en": line,
        "evidence": evidence.get("text"), "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"),
        "stories": [sid for sid, _ in stories],
        "n_independent": max((n for _, n in stories), default=1),
        "sources": outlets or [article["outlet"]],
        "_keys": {p["key"] for p in actors + targets} | ({loc["key"]} if loc else set()),
    }


def story_rows(store: Store, filters: ExportFilters | None = None,
               resolver: Resolver | None = None) -> Iterator[dict[str, Any]]:
    """The stored stories passing ``filters``, in date order, each with its English names,
    its place's point and its precision codes."""
    res = resolver or Resolver()
    filters = filters or ExportFilters()
    for s in store.iter_stories(**filters.store_kwargs()):
        if s["n_independent"] < filters.min_sources:
            continue
        yield story_row(s, res)


def story_row(s: Mapping[str, Any], res: Resolver) -> dict[str, Any]:
    names = s.get("names") or {}
    loc = s.get("location")
    kb_id = loc[3:] if loc and loc.startswith("kb:") else None
    entry = res.kb.get(kb_id) if kb_id else None
    # a place outside the knowledge base is keyed by its name alone (fuse.keys.place_keys):
    # its type, and so its precision and point, are not known at story level
    etype = entry.type if entry is not None else None
    lat, lon, precision = place_point({"type": etype, "kb_id": kb_id}, res.kb) if etype \
        else (None, None, None)
    d = s.get("date") or {}
    return {
        "id": s["id"], "type": s["type"], "class": plover_class(s["type"]),
        "date_start": d.get("start"), "date_end": d.get("end"),
        "time_precision": time_precision(d),
        "participants": list(s["participants"]),
        "participant_names": [_name_en(k, names, res) for k in s["participants"]],
        "location": loc, "location_name": _name_en(loc, names, res) if loc else None,
        "lat": lat, "lon": lon,
        "geo_precision": precision,
        "certainty": s["certainty"], "n_independent": s["n_independent"],
        "sources": list(s["sources"]), "n_members": len(s["members"]),
        "members": [f"{m['doc_id']}#{m['event_id']}" for m in s["members"]],
    }


def _name_en(key: str, names: Mapping[str, str], res: Resolver) -> str:
    """The English name of a cross-article key (knowledge base), else the story's name."""
    if key.startswith("kb:"):
        entry = res.kb.get(key[3:])
        if entry is not None and entry.name_en:
            return entry.name_en
    return str(names.get(key) or key.split(":", 1)[-1])


def entity_rows(store: Store, resolver: Resolver | None = None) -> Iterator[dict[str, Any]]:
    """Every stored entity profile, by key, with its country and point."""
    res = resolver or Resolver()
    for e in store.iter_entities():
        country_key, country = res.country(e.get("kb_id"))
        lat, lon, precision = place_point(e, res.kb)
        yield {"key": e["key"], "kb_id": e.get("kb_id"), "type": e["type"],
               "name": e["name"], "name_en": e.get("name_en"), "country_key": country_key,
               "country": country, "lat": lat, "lon": lon, "geo_precision": precision,
               "mention_count": e.get("mention_count"),
               "n_articles": len(e.get("articles") or ()),
               "n_stories": len(e.get("stories") or ())}
