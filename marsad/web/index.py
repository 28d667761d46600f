"""The workbench's read model: everything the pages show, built once in memory from a store.

:class:`CorpusIndex` is built from the stored records (:meth:`Store.iter_records`), the stories
:func:`marsad.fuse.build_stories` merges from them, and the knowledge base (descriptions and
coordinates). Every API call then answers from memory: a corpus of 10,000 articles is a few
hundred megabytes at most and a rebuild takes seconds, while answering a filter from SQL on
every click would mean re-running fusion, which is corpus-level.

The index reads records and stories only through :meth:`CorpusIndex.build`, so a store that
persists its stories can feed them here instead of fusing again (pass ``stories=``).

:class:`IndexHolder` keeps one index per store and rebuilds it when the store's row counts
change (checked at most every ``refresh_seconds``), so ``marsad serve`` over a store that is
being ingested into shows the new articles without a restart.
"""

from __future__ import annotations

import heapq
import logging
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..doc import PLOVER_QUADS
from ..export.precision import geo_precision, key_precision, time_precision
from ..export.rows import class_counts, plover_class
from ..fuse import Story, build_stories, stable_stories
from ..fuse.corrections import apply_place_corrections
from ..fuse.keys import entity_key, outlet_of, parse_day
from ..fuse.stories import story_roles
from ..gcpause import paused
from ..kb import KnowledgeBase, latin_spellings
from ..store import Store
from ..text.latin import PREFIX, NameIndex, is_latin_query
from ..text.normalize import match_key
from .happenings import describe, group_happenings

log = logging.getLogger(__name__)

STORY_CERTAINTIES = ("corroborated", "single-source", "speculative", "disputed", "denied")
EVENT_CERTAINTIES = ("asserted", "reported", "uncertain", "denied")


def _edge(a: str, b: str, by_type: Mapping[str, int]) -> dict[str, Any]:
    """An edge of the network: its stories per type and per class, coloured by the class
    most of them have."""
    by_class = class_counts(by_type)
    return {"source": a, "target": b, "stories": sum(by_type.values()), "types": dict(by_type),
            "classes": dict(by_class),
            "class": min(by_class, key=lambda k: (-by_class[k], PLOVER_QUADS.index(k)))}


ISO_NUMERIC_FILE = Path(__file__).resolve().parents[1] / "data" / "kb" / "iso_numeric.tsv"


@lru_cache(maxsize=1)
def iso_numeric() -> dict[str, str]:
    """ISO 3166-1 alpha-2 → numeric code ("LY" → "434"): the map's countries (world-atlas)
    carry the numeric code, the knowledge base the alpha-2 one (tools/build_iso_numeric.py)."""
    out = {}
    for line in ISO_NUMERIC_FILE.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and not line.startswith("#") and parts[1].isdigit():
            out[parts[0]] = parts[1]
    return out


def _iso_of(entry: Any, kb: KnowledgeBase | None) -> tuple[str, bool] | None:
    """(ISO numeric code, is the country itself) of a knowledge-base entry that is a
    country, or of the country of one that has a country (a region: "eastern Libya");
    None otherwise."""
    if entry is None:
        return None
    iso2 = (entry.extra or {}).get("iso2")
    if iso2:
        code = iso_numeric().get(str(iso2))
        return (code, True) if code else None
    parent = kb.get(entry.country) if kb is not None and entry.country else None
    iso2 = (parent.extra or {}).get("iso2") if parent is not None else None
    code = iso_numeric().get(str(iso2)) if iso2 else None
    return (code, False) if code else None


def reported_on(members: Iterable[Mapping[str, Any]]) -> str | None:
    """The day a story was first reported: the earliest publication date of its members'
    articles (YYYY-MM-DD), or None. An undated story is placed there on the timeline: the
    event happened on or before it."""
    days = [d for m in members if (d := parse_day(m.get("published"))) is not None]
    return min(days).isoformat() if days else None


def _search_key(parts: Iterable[str]) -> str:
    """``match_key`` of the parts joined by spaces, from the key of each part: names recur
    across thousands of stories and short keys are cached, while the joined string of each
    story is new, so its key was computed afresh for every story."""
    return " ".join(k for p in parts if p and (k := match_key(p)))


class CorpusIndex:
    """Entities, stories, places, the entity graph and article summaries of one corpus."""

    def __init__(self) -> None:
        self.articles: dict[str, dict[str, Any]] = {}
        self.entities: dict[str, dict[str, Any]] = {}
        self.stories: dict[str, dict[str, Any]] = {}
        self.story_order: list[str] = []  # dated stories by date, then the undated
        self.story_of_event: dict[tuple[str, str], str] = {}
        # an event naming several counterparts is a member of one story per counterpart
        self.stories_of_event: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.redirects: dict[str, str] = {}  # a merged story's id → its story's id
        # one row per (article, event), with its story; built on first use or by the holder
        # in the background after the index (see :meth:`ensure_events`)
        self._events: list[dict[str, Any]] | None = None
        self._events_of: dict[str, list[int]] = defaultdict(list)  # entity key → event rows
        self._events_from: tuple[Sequence[Mapping[str, Any]], KnowledgeBase | None] | None = None
        # a saved index's members and event rows, read when first needed (from_snapshot)
        self._details: Callable[[], Mapping[str, Any]] | None = None
        self._events_lock = threading.Lock()
        self.n_events = 0
        self.stories_of: dict[str, list[str]] = defaultdict(list)  # entity key → story ids
        # (a, b) with a < b → PLOVER type → number of stories the two share
        self.edges: dict[tuple[str, str], Counter[str]] = {}
        self.neighbours: dict[str, set[str]] = defaultdict(set)
        self.outlets: list[str] = []
        # display groups of stories (one visit): first story id → story ids, date order
        self.happenings: dict[str, list[str]] = {}
        self.built_at = 0.0
        self.build_seconds = 0.0
        self.fingerprint: Mapping[str, int] = {}
        # rendered API answers of this index (see :meth:`answer`); they die with it, so a
        # rebuild after new articles never serves a stale answer
        self._answers: dict[Any, bytes] = {}
        self._answers_lock = threading.Lock()

    ANSWERS_KEPT = 512  # distinct queries remembered per index; the oldest go first

    def answer(self, key: Any, render: Callable[[], bytes]) -> bytes:
        """The rendered answer for ``key``, rendered once per index. The index never
        changes after it is built, so the same query gives the same bytes: analysts reload
        the same timeline, map and lists, and a 10,000-article timeline is a megabyte of
        JSON that costs more to encode than to select."""
        hit = self._answers.get(key)
        if hit is not None:
            return hit
        body = render()
        with self._answers_lock:
            if len(self._answers) >= self.ANSWERS_KEPT:
                self._answers.pop(next(iter(self._answers)))
            self._answers[key] = body
        return body

    # ------------------------------------------------------------------------- building
    @classmethod
    def build(cls, records: Iterable[Mapping[str, Any]], *, kb: KnowledgeBase | None = None,
              stories: Sequence[Story | Mapping[str, Any]] | None = None,
              fingerprint: Mapping[str, int] | None = None,
              redirects: Mapping[str, str] | None = None) -> CorpusIndex:
        """Index ``records`` (``docs/output.md``); ``stories`` when already fused (``Story``
        objects, or their dicts as a store saved them), else :func:`build_stories` runs
        here; ``kb`` supplies descriptions and coordinates; ``redirects``: merged story ids
        → the ids they resolve to."""
        t0 = time.perf_counter()
        self = cls()
        self.redirects = dict(redirects or {})
        self.fingerprint = dict(fingerprint or {})
        recs = list(records)
        outlets: set[str] = set()
        acc: dict[str, dict[str, Any]] = {}
        for rec in recs:
            self._add_article(rec, acc, outlets)
        self.outlets = sorted(outlets)
        for key, a in acc.items():
            self.entities[key] = self._entity(key, a, kb)
        for s in build_stories(recs) if stories is None else stories:
            self._add_story(s)
        self._rank_stories()
        self._group_happenings()
        # the event rows wait: the first answers (overview, stories, timeline, map) do not
        # need them, and building them is a fifth of the index's time
        self._events_from = (recs, kb)
        self.n_events = sum(len(rec.get("events") or []) for rec in recs)
        self.built_at = time.time()
        self.build_seconds = time.perf_counter() - t0
        log.info("indexed %d articles, %d entities, %d stories in %.2f s", len(self.articles),
                 len(self.entities), len(self.stories), self.build_seconds)
        return self

    # what a saved index holds (marsad.api.snapshot) and the type of each part; the rest is
    # derived from them. The stories' members and the event rows are a second document,
    # read after the first answers (:meth:`ensure_events`): half the bytes, none of which
    # the overview, lists, timeline or map need.
    SNAPSHOT_PARTS = {"articles": dict, "entities": dict, "stories": dict, "story_order": list,
                      "redirects": dict, "outlets": list, "happenings": dict, "n_events": int,
                      "fingerprint": dict}

    def snapshot(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """This index in plain JSON types as two documents, the index without its stories'
        members and the members and event rows (built now if they were not):
        :meth:`from_snapshot` makes the same index from them without the store, the
        knowledge base or fusion. The story links, the graph and the event lists per entity
        are left out: they are derived again in a fraction of the build."""
        events = self.ensure_events()
        index = {k: getattr(self, k) for k in self.SNAPSHOT_PARTS}
        index["stories"] = {sid: {**s, "members": None} for sid, s in self.stories.items()}
        details = {"members": {sid: s["members"] for sid, s in self.stories.items()},
                   "events": events}
        return index, details

    @classmethod
    def from_snapshot(cls, index: Mapping[str, Any],
                      details: Callable[[], Mapping[str, Any]]) -> CorpusIndex:
        """The index :meth:`snapshot` saved, from its first document; ``details`` reads the
        second when first needed (:meth:`ensure_events`). ``ValueError`` when ``index``
        lacks a part or holds one of the wrong type (the caller builds the index instead)."""
        t0 = time.perf_counter()
        self = cls()
        for name, kind in cls.SNAPSHOT_PARTS.items():
            if not isinstance(index.get(name), kind):
                raise ValueError(f"a saved index without a valid {name!r}")
            setattr(self, name, index[name])
        for sid, s in self.stories.items():  # in the order they were added: the same links
            self._link_story(sid, s["type"], s["participants"], s["location"], count=False)
        self._sort_entity_stories()
        self._details = details
        self.built_at = time.time()
        self.build_seconds = time.perf_counter() - t0
        log.info("read a saved index of %d articles, %d stories in %.2f s",
                 len(self.articles), len(self.stories), self.build_seconds)
        return self

    def _add_details(self, details: Mapping[str, Any]) -> None:
        """The stories' members and the event rows of a saved index (:meth:`snapshot`)."""
        members, events = details["members"], details["events"]
        if not isinstance(members, dict) or not isinstance(events, list):
            raise ValueError("saved details without members or events")
        for sid, s in self.stories.items():
            s["members"] = members.get(sid) or []
            for m in s["members"]:
                self.story_of_event[(m["doc_id"], m["event_id"])] = sid
                self.stories_of_event[(m["doc_id"], m["event_id"])].append(sid)
        for i, row in enumerate(events):
            for k in {*row["actors"], *row["targets"], row["location"]} - {None}:
                self._events_of[k].append(i)
        self._events = events

    def _add_article(self, rec: Mapping[str, Any], acc: dict[str, dict[str, Any]],
                     outlets: set[str]) -> None:
        doc_id = str(rec.get("doc_id"))
        outlet = outlet_of(rec)
        outlets.add(outlet)
        src = rec.get("source") or {}
        keys: list[str] = []
        for ent in rec.get("entities") or []:
            key = entity_key(doc_id, ent)
            keys.append(key)
            a = acc.get(key)
            if a is None:
                a = acc[key] = {"kb_id": ent.get("kb_id"), "names": Counter(),
                                "names_en": Counter(), "types": Counter(), "mentions": 0,
                                "articles": [], "lat": None, "lon": None}
            a["names"][ent.get("name") or ""] += 1
            if ent.get("name_en"):
                a["names_en"][ent["name_en"]] += 1
            a["types"][ent.get("type")] += 1
            a["mentions"] += len(ent.get("mentions") or [])
            if not a["articles"] or a["articles"][-1] != doc_id:
                a["articles"].append(doc_id)
            if a["lat"] is None and ent.get("lat") is not None and ent.get("lon") is not None:
                a["lat"], a["lon"] = float(ent["lat"]), float(ent["lon"])
        self.articles[doc_id] = {
            "doc_id": doc_id, "title": rec.get("title"), "published": rec.get("published"),
            "outlet": outlet, "url": src.get("url"),
            "n_entities": len(keys), "n_events": len(rec.get("events") or []),
            "entities": sorted(set(keys)),
        }

    def _entity(self, key: str, a: Mapping[str, Any], kb: KnowledgeBase | None
                ) -> dict[str, Any]:
        entry = kb.get(a["kb_id"]) if kb is not None and a["kb_id"] else None
        lat, lon, approx = a["lat"], a["lon"], False
        if lat is None and entry is not None:
            lat, lon = entry.lat, entry.lon
            if lat is None:
                # a base or port without its own coordinates is drawn at the city the
                # knowledge base names as nearest ("near"), and marked approximate
                near = entry.extra.get("near") if entry.extra else None
                other = kb.get(str(near)) if near and kb is not None else None
                if other is not None and other.lat is not None:
                    lat, lon, approx = other.lat, other.lon, True
        name = a["names"].most_common(1)[0][0]
        name_en = entry.name_en if entry is not None else (
            a["names_en"].most_common(1)[0][0] if a["names_en"] else None)
        # every Latin spelling English search should find it by (marsad.text.latin)
        spellings_en = list(dict.fromkeys([*([name_en] if name_en else []), *a["names_en"],
                                           *(latin_spellings(entry) if entry else [])]))
        etype = a["types"].most_common(1)[0][0]
        names = sorted(n for n in a["names"] if n)
        iso = _iso_of(entry, kb) if lat is None else None
        return {
            "key": key, "kb_id": a["kb_id"], "type": etype,
            "name": entry.name_ar if entry is not None and entry.name_ar else name,
            "name_en": name_en, "names": names, "spellings_en": spellings_en,
            "description": entry.description if entry is not None else None,
            "wikidata": entry.wikidata if entry is not None else None,
            "country": entry.country if entry is not None else None,
            "lat": lat, "lon": lon, "approximate": approx,
            # a country of the knowledge base: its ISO numeric code, as the base map has it
            "iso_numeric": iso[0] if iso and iso[1] else None,
            # the country a place without coordinates lies in (itself for a country)
            "country_iso": iso[0] if iso else None,
            "mention_count": a["mentions"], "articles": a["articles"],
            "n_articles": len(a["articles"]), "n_stories": 0,
            "_search": match_key(" ".join([*names, name_en or "", key])),
        }

    def label(self, key: str | None) -> str:
        """The English name of an entity key, else its Arabic name, else the key."""
        if not key:
            return ""
        e = self.entities.get(key)
        if e is None:
            return key.split(":", 1)[-1]
        return str(e["name_en"] or e["name"] or key)

    def _add_story(self, s: Story | Mapping[str, Any]) -> None:
        d = s.to_dict() if isinstance(s, Story) else dict(s)
        names = d.pop("names", None) or {}
        sid, stype, location = d["id"], d["type"], d.get("location")
        participants, members = d["participants"], d["members"]
        self._name_story_only_entities(names)
        d["class"] = plover_class(stype)
        d["start"] = d["date"]["start"] if d["date"] else None
        d["end"] = d["date"]["end"] if d["date"] else None
        d["time_precision"] = time_precision(d["date"])
        d["geo_precision"] = self._geo_precision(location)
        d["participant_names"] = [self.label(k) for k in participants]
        d["actors"], d["targets"] = story_roles(members)
        d["actor_names"] = [self.label(k) for k in d["actors"]]
        d["target_names"] = [self.label(k) for k in d["targets"]]
        d["happening"] = None  # set by _group_happenings
        d["location_name"] = self.label(location) if location else None
        d["title"] = (f"{stype}: {', '.join(d['participant_names'])}"
                      + (f" @ {d['location_name']}" if location else ""))
        d["doc_ids"] = sorted({m["doc_id"] for m in members})
        d["n_members"] = len(members)
        d["published"] = max((m["published"] for m in members if m["published"]), default=None)
        d["reported"] = reported_on(members)
        d["_search"] = _search_key([stype, *d["participant_names"], d["location_name"] or "",
                                    *(names.get(k, "") for k in participants)])
        self.stories[sid] = d
        for m in members:
            self.story_of_event[(m["doc_id"], m["event_id"])] = sid
            self.stories_of_event[(m["doc_id"], m["event_id"])].append(sid)
        self._link_story(sid, stype, participants, location)

    def _geo_precision(self, location: str | None) -> int | None:
        """The geo precision code of a story's place, worked out once per place (thousands
        of stories share a few hundred places)."""
        cache: dict[str | None, int | None] = self.__dict__.setdefault("_geo", {})
        if location not in cache:
            cache[location] = key_precision(
                location, {location: self.entities[location]["type"]}
                if location in self.entities else {})
        return cache[location]

    def _name_story_only_entities(self, names: Mapping[str, str]) -> None:
        """Participants seen only in stories keep a name."""
        for key, name in names.items():
            if key not in self.entities:
                self.entities[key] = {
                    "key": key, "kb_id": None, "type": "?", "name": name, "name_en": None,
                    "names": [name], "spellings_en": [], "description": None,
                    "wikidata": None, "country": None, "iso_numeric": None,
                    "country_iso": None,
                    "lat": None, "lon": None, "approximate": False, "mention_count": 0,
                    "articles": [], "n_articles": 0, "n_stories": 0,
                    "_search": match_key(name)}

    def _link_story(self, sid: str, stype: str, participants: Sequence[str],
                    location: str | None, *, count: bool = True) -> None:
        """The story in the entity lists and the graph (``count``: and in its entities'
        ``n_stories``, which a saved index already holds)."""
        involved = set(participants) | ({location} if location else set())
        for k in involved:
            self.stories_of[k].append(sid)
            if count and k in self.entities:
                self.entities[k]["n_stories"] += 1
        ps = sorted(participants)
        edges = self.edges
        for i, a in enumerate(ps):
            for b in ps[i + 1:]:
                c = edges.get((a, b))
                if c is None:  # (setdefault made a Counter per pair and story)
                    c = edges[(a, b)] = Counter()
                c[stype] += 1
                self.neighbours[a].add(b)
                self.neighbours[b].add(a)

    def story_rank(self, sid: str) -> int:
        """The place of a story in date order (undated last)."""
        ranks: dict[str, int] | None = self.__dict__.get("_story_ranks")
        if ranks is None:
            ranks = self.__dict__["_story_ranks"] = {x: i for i, x in
                                                     enumerate(self.story_order)}
        return ranks.get(sid, len(ranks))

    def _rank_stories(self) -> None:
        def order(sid: str) -> tuple[Any, ...]:
            s = self.stories[sid]
            return (s["start"] is None, s["start"] or "", s["end"] or "", s["type"], sid)

        self.story_order = sorted(self.stories, key=order)
        self._sort_entity_stories()

    def _sort_entity_stories(self) -> None:
        rank = {sid: i for i, sid in enumerate(self.story_order)}
        for ids in self.stories_of.values():
            ids.sort(key=rank.__getitem__)

    def _group_happenings(self) -> None:
        """Stories of one visit or meeting day, grouped for display (:mod:`.happenings`)."""
        persons = frozenset(k for k, e in self.entities.items() if e["type"] == "PER")
        self.happenings = group_happenings(self.stories, self.story_order,
                                           persons.__contains__)
        for hid, ids in self.happenings.items():
            for sid in ids:
                self.stories[sid]["happening"] = hid

    def happening(self, hid: str | None) -> dict[str, Any] | None:
        """A happening of several stories as one row: :func:`.happenings.describe` and its
        stories' summaries (date order)."""
        ids = self.happenings.get(hid or "")
        if not ids:
            return None
        stories = [self.stories[sid] for sid in ids]
        return {**describe(stories), "stories": [self.story_summary(s) for s in stories]}

    @property
    def events(self) -> list[dict[str, Any]]:
        return self.ensure_events()

    @property
    def events_of(self) -> dict[str, list[int]]:
        self.ensure_events()
        return self._events_of

    def ensure_events(self) -> list[dict[str, Any]]:
        """The event rows, built once (by whichever thread asks first; the others wait);
        of a saved index, with its stories' members and the links of events to stories:
        a caller reading those calls this first."""
        if self._events is not None:
            return self._events
        with self._events_lock:
            if self._events is None:
                with paused():
                    if self._details is not None:  # a saved index's second document
                        self._add_details(self._details())
                        self._details = None
                    else:
                        recs, kb = self._events_from or ((), None)
                        self._add_events(recs, kb)
                self._events_from = None  # the records are no longer needed
            assert self._events is not None
            return self._events

    def _add_events(self, recs: Sequence[Mapping[str, Any]], kb: KnowledgeBase | None) -> None:
        events: list[dict[str, Any]] = []
        for rec in recs:
            doc_id = str(rec.get("doc_id"))
            keys = {str(e.get("id")): entity_key(doc_id, e) for e in rec.get("entities") or []}
            ents = {str(e.get("id")): e for e in rec.get("entities") or []}
            outlet = self.articles[doc_id]["outlet"]
            for ev in rec.get("events") or []:
                d = ev.get("date") or {}
                row = {
                    "doc_id": doc_id, "event_id": ev.get("id"), "type": ev.get("type"),
                    "class": plover_class(str(ev.get("type"))), "mode": ev.get("mode"),
                    "actors": [keys[a] for a in ev.get("actors") or [] if a in keys],
                    "targets": [keys[a] for a in ev.get("targets") or [] if a in keys],
                    "location": keys.get(str(ev.get("location"))) if ev.get("location")
                    else None,
                    "start": d.get("start"), "end": d.get("end"), "date_text": d.get("text"),
                    "date_precision": d.get("precision"), "time_precision": time_precision(d),
                    "geo_precision": geo_precision(ents.get(str(ev.get("location"))), kb),
                    "certainty": ev.get("certainty"),
                    "attributed_to": [keys[a] for a in ev.get("attributed_to") or []
                                      if a in keys],
                    "outlet": outlet, "published": rec.get("published"),
                    "evidence": (ev.get("evidence") or {}).get("text"),
                    "story": self.story_of_event.get((doc_id, str(ev.get("id")))),
                }
                i = len(events)
                events.append(row)
                for k in {*row["actors"], *row["targets"], row["location"]} - {None}:
                    self._events_of[k].append(i)
        self._events = events

    # ------------------------------------------------------------------------- queries
    def resolve(self, key: str) -> str | None:
        """An entity key as given in a URL: the full key, or a bare knowledge-base id."""
        if key in self.entities:
            return key
        if f"kb:{key}" in self.entities:
            return f"kb:{key}"
        return None

    def filter_stories(self, *, entity: str | None = None, type: str | None = None,
                       place: str | None = None, since: date | None = None,
                       until: date | None = None, certainty: str | None = None,
                       source: str | None = None, dated: bool = False,
                       reported: bool = False) -> list[dict[str, Any]]:
        """Stories in date order (undated last). ``entity``: a participant or the place;
        ``place``: the place or a participant that is a place; dates: the story's range meets
        ``[since, until]`` (undated stories are left out when either is given, unless
        ``reported``: then an undated story counts at the day it was first reported, as the
        timeline and the map draw it); ``source``: an outlet among the members'."""
        ids: Iterable[str]
        if entity is not None:
            ids = self.stories_of.get(entity, [])
        elif place is not None:
            ids = self.stories_of.get(place, [])
        else:
            ids = self.story_order
        lo = since.isoformat() if since else None
        hi = until.isoformat() if until else None
        out = []
        for sid in ids:
            s = self.stories[sid]
            if type is not None and s["type"] != type:
                continue
            if place is not None and entity is not None and sid not in self._story_set(place):
                continue
            if certainty is not None and s["certainty"] != certainty:
                continue
            if source is not None and source not in s["sources"]:
                continue
            if lo or hi or dated:
                start, end = s["start"], s["end"]
                if start is None and reported:
                    start = end = s["reported"]
                if start is None:
                    continue
                if lo and end < lo or hi and start > hi:
                    continue
            out.append(s)
        return out

    def _story_set(self, key: str) -> frozenset[str]:
        cache = self.__dict__.setdefault("_sets", {})
        if key not in cache:
            cache[key] = frozenset(self.stories_of.get(key, ()))
        return cache[key]  # type: ignore[no-any-return]

    def filter_events(self, *, entity: str | None = None, type: str | None = None,
                      place: str | None = None, since: date | None = None,
                      until: date | None = None, certainty: str | None = None,
                      source: str | None = None) -> list[dict[str, Any]]:
        """Events of single articles (members of stories), same filters at event level;
        ``certainty`` is the article's (asserted, reported, uncertain, denied)."""
        rows: Iterable[dict[str, Any]]
        if entity is not None:
            rows = (self.events[i] for i in self.events_of.get(entity, []))
        elif place is not None:
            rows = (self.events[i] for i in self.events_of.get(place, []))
        else:
            rows = self.events
        lo = since.isoformat() if since else None
        hi = until.isoformat() if until else None
        out = []
        for r in rows:
            if type is not None and r["type"] != type:
                continue
            if place is not None and place != r["location"] and \
                    place not in r["actors"] and place not in r["targets"]:
                continue
            if certainty is not None and r["certainty"] != certainty:
                continue
            if source is not None and r["outlet"] != source:
                continue
            if lo or hi:
                if not r["start"] or lo and r["end"] < lo or hi and r["start"] > hi:
                    continue
            out.append(r)
        return out

    def closest(self, key: str, n: int = 10) -> list[dict[str, Any]]:
        """Entities sharing the most stories with ``key``, then the most articles."""
        shared: Counter[str] = Counter()
        for sid in self.stories_of.get(key, ()):  # as participant or as the place
            s = self.stories[sid]
            shared.update(k for k in {*s["participants"], s["location"]} if k and k != key)
        co: Counter[str] = Counter()
        ent = self.entities.get(key)
        for doc_id in (ent["articles"] if ent else [])[:2000]:  # bounded for huge entities
            co.update(k for k in self.articles[doc_id]["entities"] if k != key)
        ranked = sorted(set(shared) | set(co),
                        key=lambda k: (-shared[k], -co[k], self.label(k)))[:n]
        return [{**self.entity_summary(k), "shared_stories": shared[k],
                 "shared_articles": co[k]} for k in ranked]

    def entity_summary(self, key: str) -> dict[str, Any]:
        e = self.entities[key]
        return {k: e[k] for k in ("key", "kb_id", "type", "name", "name_en", "lat", "lon",
                                  "n_articles", "n_stories")}

    def story_summary(self, s: Mapping[str, Any]) -> dict[str, Any]:
        return {k: s[k] for k in ("id", "type", "class", "title", "start", "end",
                                  "time_precision", "participants", "participant_names",
                                  "actors", "actor_names", "targets", "target_names",
                                  "location", "location_name", "geo_precision", "certainty",
                                  "n_independent", "sources", "n_members", "published",
                                  "happening", "reported")}

    def places(self, stories: Iterable[Mapping[str, Any]] | None = None
               ) -> list[dict[str, Any]]:
        """Entities with coordinates and their story counts; all mentioned places when
        ``stories`` is None, else only the places of those stories."""
        counts: Counter[str] = Counter()
        if stories is None:
            keys: Iterable[str] = (k for k, e in self.entities.items() if e["lat"] is not None)
            for k, ids in self.stories_of.items():
                counts[k] = len(ids)
        else:
            for s in stories:
                for k in {*s["participants"], s["location"]} - {None}:
                    counts[k] += 1
            keys = [k for k in counts if self.entities.get(k, {}).get("lat") is not None]
        out = []
        for k in keys:
            e = self.entities[k]
            out.append({**self.entity_summary(k), "approximate": e["approximate"],
                        "n_stories": counts[k]})
        out.sort(key=lambda p: (-p["n_stories"], -p["n_articles"], p["key"]))
        return out

    def place_stories(self, key: str, filters: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The stories the map shows at ``key`` under ``filters`` (filter_stories keywords):
        at a place with coordinates, those it is the place or a participant of (its
        marker's count); at a country or region without coordinates, those located there
        or, for a country, in one of its regions without coordinates (its shading)."""
        kw = {**filters, "place": None, "reported": True}
        e = self.entities[key]
        if e["lat"] is not None:
            return self.filter_stories(**{**kw, "place": key})
        iso = e.get("country_iso")
        at = {key} | ({k for k, x in self.entities.items() if x["lat"] is None
                       and x.get("country_iso") == iso} if e.get("iso_numeric") else set())
        return [s for s in self.filter_stories(**kw) if s["location"] in at]

    def countries(self, stories: Iterable[Mapping[str, Any]] | None = None
                  ) -> list[dict[str, Any]]:
        """Countries and the stories placed no finer than them (at the country, or at a
        region of it without coordinates: "eastern Libya"), of ``stories`` or of all: the
        map shades them. ``keys``: the places those stories name."""
        by: dict[str, dict[str, Any]] = {}
        chosen = stories if stories is not None else (self.stories[x] for x in self.story_order)
        for s in chosen:
            loc = s["location"]
            e = self.entities.get(loc) if loc else None
            if e is None or e["lat"] is not None or not e.get("country_iso"):
                continue
            c = by.setdefault(e["country_iso"], {
                "iso_numeric": e["country_iso"], "key": None, "name": None, "name_en": None,
                "keys": [], "n_stories": 0})
            c["n_stories"] += 1
            if loc not in c["keys"]:
                c["keys"].append(loc)
            if e.get("iso_numeric"):
                c.update(key=loc, name=e["name"], name_en=e["name_en"])
        return sorted(by.values(), key=lambda c: (-c["n_stories"], c["iso_numeric"]))

    NETWORK_NODES = 30  # the default view: the entities linked to the most others

    def network(self, *, entity: str | None = None, type: str | None = None,
                stories: Iterable[Mapping[str, Any]] | None = None,
                limit: int = NETWORK_NODES) -> dict[str, Any]:
        """The ``limit`` entities linked to the most other entities (their degree: a
        readable view of the corpus, not every entity at once), or ``entity`` and the
        neighbours it shares the most stories with, and the stories they share, per PLOVER
        type. ``stories``: only these stories count (the page's date, certainty or source
        filters); ``type``: only stories of that type."""
        counts = self._edge_counts(stories, type)  # (once: ``stories`` may be an iterator)
        adj = self._adjacency(counts, (type or "") if stories is None else None)
        if entity is not None:
            near = adj.get(entity, {})
            chosen = [entity, *sorted(near, key=lambda o: (-near[o], o))[: max(0, limit - 1)]]
        else:
            chosen = sorted(adj, key=lambda k: (-len(adj[k]), -sum(adj[k].values()),
                                                k))[:limit]
        keep = set(chosen)
        edges = [_edge(a, b, counts[(a, b)]) for a in chosen for b in adj.get(a, ())
                 if b in keep and a < b]
        nodes = [{**self.entity_summary(k), "label": self.label(k),
                  "degree": len(adj.get(k, ())), "shared": sum(adj.get(k, {}).values())}
                 for k in chosen]
        return {"nodes": nodes, "edges": edges, "n_entities": len(adj)}

    def _edge_counts(self, stories: Iterable[Mapping[str, Any]] | None, type: str | None
                     ) -> Mapping[tuple[str, str], Counter[str]]:
        """(a, b) with a < b → PLOVER type → stories the two share, of ``stories`` (all when
        None) and of ``type`` (any when None)."""
        if stories is None:
            if not type:
                return self.edges
            return {p: Counter({type: c[type]}) for p, c in self.edges.items() if c.get(type)}
        out: dict[tuple[str, str], Counter[str]] = {}
        for s in stories:
            if type and s["type"] != type:
                continue
            ps = sorted(set(s["participants"]))
            for i, a in enumerate(ps):
                for b in ps[i + 1:]:
                    out.setdefault((a, b), Counter())[s["type"]] += 1
        return out

    def _adjacency(self, counts: Mapping[tuple[str, str], Counter[str]],
                   cache_type: str | None) -> dict[str, dict[str, int]]:
        """Entity → neighbour → stories shared, from ``_edge_counts``; kept per type when
        they are of every story (``cache_type``: the type, "" for any, None: not kept)."""
        cache: dict[Any, dict[str, dict[str, int]]] = self.__dict__.setdefault("_adj", {})
        if cache_type is not None and cache_type in cache:
            return cache[cache_type]
        adj: dict[str, dict[str, int]] = defaultdict(dict)
        for (a, b), c in counts.items():
            n = sum(c.values())
            adj[a][b] = adj[b][a] = n
        if cache_type is not None:
            cache[cache_type] = adj
        return adj

    @property
    def latin(self) -> NameIndex:
        """The entities by their Latin spellings, built on first use (one index per corpus
        index; building it twice in two threads at once is harmless)."""
        got = self.__dict__.get("_latin")
        if got is None:
            got = self.__dict__["_latin"] = NameIndex(
                {k: e.get("spellings_en") or [] for k, e in self.entities.items()})
        return got  # type: ignore[no-any-return]

    def _latin_entities(self, q: str) -> list[str]:
        """Entity keys a Latin query names, best first: those one of whose spellings is
        the query, then by word score, stories, articles, key. The names matching every
        word; when none does, those matching one word each ("Putin Haftar")."""
        m = self.latin.match(q)
        chosen = m.whole() or m.any()
        exact = self.latin.exact(q)
        return sorted(chosen, key=lambda k: (k not in exact, -chosen[k],
                                             -self.entities[k]["n_stories"],
                                             -self.entities[k]["n_articles"], k))

    def resolve_name(self, value: str) -> tuple[str | None, list[str]]:
        """An entity named in a filter by its English name or spelling ("Haftar",
        "Khalifa Hafter") or its Arabic name: ``(key, [])`` when one entity is meant,
        ``(None, candidates)`` when several are (best first), ``(None, [])`` when none."""
        if is_latin_query(value):
            exact = self.latin.exact(value)
            if len(exact) == 1:
                return next(iter(exact)), []
            ranked = self._latin_entities(value)
            m = self.latin.match(value).whole()
            best = max(m.values(), default=0.0)
            # a name only alike by similarity (a typo, or another name) is offered, never
            # chosen: a filter must not silently show someone else
            top = [k for k in ranked if m.get(k) == best] if best >= PREFIX else []
        else:
            key = match_key(value)
            top = [k for k, e in self.entities.items()
                   if key and key in {match_key(n) for n in e["names"]}]
            ranked = [e["key"] for e in self.search_entities(value, limit=50)]
        if len(top) == 1:
            return top[0], []
        return None, (top or ranked)[:10]  # several, or near ones to choose from

    def search_entities(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        if is_latin_query(q):
            keys = self._latin_entities(q)
            if keys:
                return [self.entity_summary(k) for k in keys[:limit]]
        words = match_key(q).split()
        if not words:
            return []
        hits = [e for e in self.entities.values() if all(w in e["_search"] for w in words)]
        hits.sort(key=lambda e: (-e["n_stories"], -e["n_articles"], e["key"]))
        return [self.entity_summary(e["key"]) for e in hits[:limit]]

    def search_stories(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        if is_latin_query(q):
            m = self.latin.match(q)
            if m.found:  # stories whose participants and place cover every word
                ids = {sid for k in m.any() for sid in self.stories_of.get(k, ())}
                cover = {sid: m.covers([*self.stories[sid]["participants"],
                                        self.stories[sid]["location"]]) for sid in ids}
                ranked = sorted((sid for sid in ids if cover[sid]), key=lambda sid: (
                    -cover[sid], -self.stories[sid]["n_independent"],
                    self.story_rank(sid)))
                if ranked:
                    return [self.story_summary(self.stories[sid]) for sid in ranked[:limit]]
        words = match_key(q).split()
        if not words:
            return []
        hits = [s for sid in self.story_order
                if all(w in (s := self.stories[sid])["_search"] for w in words)]
        hits.sort(key=lambda s: -s["n_independent"])  # stable: date order among equals
        return [self.story_summary(s) for s in hits[:limit]]

    def overview(self, n: int = 10) -> dict[str, Any]:
        """The overview page's data; computed once per index (it sorts the whole corpus)."""
        cache: dict[int, dict[str, Any]] = self.__dict__.setdefault("_overview_cache", {})
        if n not in cache:
            cache[n] = self._overview(n)
        return cache[n]

    def _overview(self, n: int) -> dict[str, Any]:
        # the n first of each ranking (heapq's: the same as sorting all and cutting)
        newest = heapq.nlargest(n, self.articles.values(),
                                key=lambda a: (a["published"] or "", a["doc_id"]))
        dated = [sid for sid in self.story_order if self.stories[sid]["start"]]
        recent = [self.story_summary(self.stories[sid]) for sid in reversed(dated[-n:])]
        active = heapq.nsmallest(n, (e for e in self.entities.values() if e["n_stories"]),
                                 key=lambda e: (-e["n_stories"], -e["n_articles"], e["key"]))
        top = heapq.nsmallest(n, self.stories.values(),
                              key=lambda s: (-s["n_independent"], -s["n_members"],
                                             s["start"] is None, s["id"]))
        return {
            "counts": {"articles": len(self.articles), "entities": len(self.entities),
                       "stories": len(self.stories), "events": self.n_events,
                       "outlets": len(self.outlets)},
            "newest_articles": newest,
            "newest_stories": recent,
            "active_entities": [self.entity_summary(e["key"]) for e in active],
            "most_sourced_stories": [self.story_summary(s) for s in top],
            "built_at": self.built_at, "build_seconds": round(self.build_seconds, 3),
        }


class IndexHolder:
    """One :class:`CorpusIndex` per store, rebuilt when the store's counts change.

    The first index is built before the first answer; later rebuilds (articles ingested
    while the server runs) happen in a background thread while requests are answered from
    the index in hand, so no request waits for a rebuild (issue #18: one request after a
    store change waited 10.7 s). ``opener`` opens the store (a new connection per call:
    SQLite connections belong to the thread that made them, and a web server answers from
    a pool of threads)."""

    def __init__(self, opener: Callable[[], Store], *, kb: KnowledgeBase | None = None,
                 refresh_seconds: float = 5.0,
                 builder: Callable[[Store], CorpusIndex] | None = None) -> None:
        self._opener = opener
        self._kb = kb
        # how an index is made from an open store (default: index_of with ``kb``); the
        # server's also saves what it built (marsad.api.snapshot)
        self._builder = builder
        self._refresh = refresh_seconds
        self._index: CorpusIndex | None = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self._rebuild: threading.Thread | None = None

    @contextmanager
    def store(self) -> Iterator[Store]:
        st = self._opener()
        try:
            yield st
        finally:
            st.close()

    @property
    def rebuilding(self) -> bool:
        t = self._rebuild
        return t is not None and t.is_alive()

    def get(self) -> CorpusIndex:
        idx = self._index
        if idx is not None and time.monotonic() - self._checked < self._refresh:
            return idx
        with self._lock:
            if self._index is None:  # nothing to answer from yet: build now
                self._index = self._build()
                _events_later(self._index)
            elif time.monotonic() - self._checked >= self._refresh and not self.rebuilding:
                with self.store() as st:
                    stale = dict(self._index.fingerprint) != st.counts()
                if stale:
                    self._rebuild = threading.Thread(target=self._rebuild_now, daemon=True,
                                                     name="marsad-index-rebuild")
                    self._rebuild.start()
            self._checked = time.monotonic()
            return self._index

    def start_with(self, idx: CorpusIndex) -> None:
        """Answer from ``idx``, the store's index built by the caller (the server builds its
        first one while it starts: :mod:`marsad.api.startup`)."""
        with self._lock:
            self._index = idx
            _events_later(idx)
            self._checked = time.monotonic()

    def changed(self) -> None:
        """This server wrote to the store (a correction): compare the store's counts at the
        next request instead of up to ``refresh_seconds`` later."""
        self._checked = 0.0

    def wait(self, timeout: float | None = None) -> CorpusIndex:
        """The index once a rebuild under way has finished (for tests and tools)."""
        t = self._rebuild
        if t is not None:
            t.join(timeout)
        return self.get()

    def _build(self) -> CorpusIndex:
        with self.store() as st:
            return self._builder(st) if self._builder else index_of(st, self._kb)

    def _rebuild_now(self) -> None:
        try:
            fresh = self._build()
            fresh.ensure_events()
        except Exception:  # a store being written may fail a read: keep the old index
            log.exception("rebuilding the index failed; answering from the previous one")
            return
        old, self._index = self._index, fresh  # one swap: requests see the old or the new
        self._checked = time.monotonic()
        # requests that took the old index before the swap finish with it first
        later = threading.Timer(RELEASE_AFTER_SECONDS, _release, (old,))
        later.daemon = True
        later.start()


# How long after the first index its event rows are built (seconds)
EVENTS_AFTER_SECONDS = 1.5


def _events_later(idx: CorpusIndex) -> None:
    """Build the event rows of a first index in the background a moment later: the first
    answers neither wait for them nor share the interpreter with their building while the
    server starts (a request that needs them first builds them itself)."""
    later = threading.Timer(EVENTS_AFTER_SECONDS, idx.ensure_events)
    later.daemon = True
    later.name = "marsad-index-events"
    later.start()


# How long an index replaced by a rebuild stays whole for the requests still reading it
RELEASE_AFTER_SECONDS = 10.0


def _release(idx: CorpusIndex | None) -> None:
    """Empty an index that is no longer served, a slice at a time: dropped at once, its
    millions of objects were freed in one go holding the interpreter lock (0.37 s at
    10,000 articles, a pause for every request); between slices other threads run."""
    if idx is None:
        return
    for value in list(vars(idx).values()):
        if isinstance(value, dict):
            while value:
                for _ in range(min(2000, len(value))):
                    value.popitem()
                time.sleep(0)
        elif isinstance(value, list):
            while value:
                del value[-2000:]
                time.sleep(0)


def index_of(st: Store, kb: KnowledgeBase | None) -> CorpusIndex:
    """The read model of a store as the workbench serves it: its records with the map's
    "wrong place?" corrections applied as fusion applies them, and the stories of its saved
    fusion (or fused now, keeping the store's ids)."""
    with paused():
        counts = st.counts()
        recs = apply_place_corrections(list(st.iter_records()), st.place_corrections())
        stories, redirects = _stories_of(st, recs)
        return CorpusIndex.build(recs, kb=kb, fingerprint=counts, stories=stories,
                                 redirects=redirects)


def _stories_of(st: Store, recs: Sequence[Mapping[str, Any]]
                ) -> tuple[Sequence[Story | Mapping[str, Any]], dict[str, str]]:
    """The stories to index and the redirects of merged ids: the fusion the store saved
    (``marsad fuse``) when it is of the articles stored now — re-fusing 10,000 articles took
    10 s at every start of the server — else a fusion in memory that keeps the store's
    story ids (:func:`marsad.fuse.stable_stories`)."""
    info = st.fusion_info()
    if info is not None and info["corpus_state"] == st.corpus_state():
        return st.stories(), st.story_redirects()
    if info is not None and _fused_incrementally(st):
        return st.stories(), st.story_redirects()
    return stable_stories(st, recs)


def _fused_incrementally(st: Store) -> bool:
    """Add the articles ingested since the saved fusion to it (issue #19: seconds for what a
    fusion in memory of the whole store took minutes for); False when it cannot be extended
    or the store cannot be written now (an ingest holding it): the caller fuses in memory."""
    from ..fuse import DEFAULT_THRESHOLD
    from ..fuse.incremental import fuse_incremental

    try:
        return fuse_incremental(st, threshold=DEFAULT_THRESHOLD) is not None
    except Exception:
        log.exception("incremental fusion failed; fusing in memory instead")
        return False
