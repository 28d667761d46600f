"""What each page shows, as plain data: the API returns it as JSON and the pages render it.

Functions here take the index (and, for article text, the store) and return JSON-ready dicts;
they know nothing of HTTP, so the API routes and the HTML pages cannot drift apart."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath
from typing import Any

from ..export.acled import cell
from ..export.jsonl import SCHEMA_VERSION
from ..export.precision import geo_precision, time_precision
from ..store import Store
from ..text.latin import is_latin_query
from ..web.index import CorpusIndex
from .errors import NotFound
from .params import Filters


def page(items: Sequence[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"total": len(items), "offset": offset, "limit": limit,
            "items": list(items[offset: offset + limit])}


def entity_profile(idx: CorpusIndex, key: str, *, n_stories: int = 500) -> dict[str, Any]:
    k = idx.resolve(key)
    if k is None:
        raise NotFound(f"no entity with key {key!r}", parameter="key")
    e = idx.entities[k]
    stories = [idx.story_summary(idx.stories[sid]) for sid in idx.stories_of.get(k, [])]
    by_type: dict[str, int] = {}
    for s in stories:
        by_type[s["type"]] = by_type.get(s["type"], 0) + 1
    return {
        **{f: e[f] for f in ("key", "kb_id", "type", "name", "name_en", "names",
                             "spellings_en", "description",
                             "wikidata", "country", "lat", "lon", "approximate",
                             "mention_count", "n_articles", "n_stories")},
        "stories_by_type": by_type,
        "stories": stories[:n_stories],
        "closest": idx.closest(k),
        "articles": latest_articles(idx, e["articles"], 50),
    }


def latest_articles(idx: CorpusIndex, doc_ids: Iterable[str], n: int) -> list[dict[str, Any]]:
    """The ``n`` latest of these articles by publication date (the newest first; ties by
    id), then the undated ones: the order the store gave them is the order of ingest."""
    arts = [idx.articles[d] for d in doc_ids if d in idx.articles]
    dated = sorted((a for a in arts if a["published"]),
                   key=lambda a: (a["published"], a["doc_id"]), reverse=True)
    undated = sorted((a for a in arts if not a["published"]), key=lambda a: a["doc_id"])
    return [*dated, *undated][:n]


def chosen_stories(idx: CorpusIndex, f: Filters, drop: tuple[str, ...] = ()
                   ) -> list[dict[str, Any]] | None:
    """The stories the filters keep, undated ones at the day they were reported (as the
    timeline and the map draw them); None when no filter is set (all of them)."""
    kw = {k: v for k, v in f.kwargs().items() if k not in drop}
    if all(v is None for v in kw.values()):
        return None
    return idx.filter_stories(**kw, reported=True)


def network(idx: CorpusIndex, f: Filters, limit: int) -> dict[str, Any]:
    """The network of the filters: around ``f.entity`` when given; the stories that count
    are those the other filters keep (all stories when there are none)."""
    stories = chosen_stories(idx, f, drop=("entity", "type"))
    return idx.network(entity=f.entity, type=f.type, stories=stories, limit=limit)


def segments(text: str, spans: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """``text`` cut at every span boundary into pieces ``{"text", "marks": [...]}`` where
    ``marks`` lists the spans covering the piece (their ``kind``/``id``/``key``), so a page
    can highlight overlapping spans (an evidence sentence holding entity mentions) while
    escaping every piece. Spans outside the text are ignored."""
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        marks = [{k: v for k, v in s.items() if k not in ("start", "end")}
                 for s in spans if s["start"] <= a and b <= s["end"]]
        out.append({"start": a, "end": b, "text": text[a:b], "marks": marks})
    return out


def resolve_story(idx: CorpusIndex, sid: str) -> str:
    """The id of the story ``sid`` names now: itself, or the story it was merged into
    (``story_redirects``); NotFound when neither is a story."""
    if sid in idx.stories:
        return sid
    moved = idx.redirects.get(sid)
    if moved is None:
        raise NotFound(f"no story with id {sid!r}", parameter="id")
    if moved not in idx.stories:
        raise NotFound(f"story {sid!r} was merged into {moved!r}, which is gone now",
                       parameter="id")
    return moved


def story_changes(store: Store, since: str) -> dict[str, Any]:
    """The story history since ``since`` (a stored UTC time): each change with, for a merged
    story, the id it resolves to now (``redirect_to``: a later merge may have moved it)."""
    items = store.story_changes(since)
    redirects = store.story_redirects() if any(c["kind"] == "merged" for c in items) else {}
    for c in items:
        if c["kind"] == "merged":
            c["redirect_to"] = redirects.get(c["story_id"], c["related"])
    return {"since": since, "total": len(items), "items": items}


def story_detail(idx: CorpusIndex, store: Store, sid: str) -> dict[str, Any]:
    """One story; an id merged into another story answers with that story, with
    ``redirected_from`` naming the id asked for."""
    found = resolve_story(idx, sid)
    idx.ensure_events()  # a saved index reads its stories' members then (marsad.api.snapshot)
    s = idx.stories[found]
    articles: dict[str, dict[str, Any]] = {}
    for doc_id in s["doc_ids"]:
        rec = store.get_record(doc_id) or {}
        text = rec.get("text") or ""
        spans = [{"start": m["evidence"]["start"], "end": m["evidence"]["end"],
                  "kind": "evidence", "id": m["event_id"]}
                 for m in s["members"] if m["doc_id"] == doc_id and m["evidence"]]
        articles[doc_id] = {**idx.articles.get(doc_id, {"doc_id": doc_id}),
                            "text": text, "segments": segments(text, spans)}
    groups = [{"outlets": g, "n": len(g)} for g in s["independent_sources"]]
    contradictions = []
    for c in s["contradictions"]:
        sides = []
        for side in (c["a"], c["b"]):
            v = side["value"]
            if c["kind"] in ("place",):
                shown = idx.label(v)
            elif c["kind"] == "participants":
                shown = ", ".join(idx.label(k) for k in v)
            else:
                shown = v[0] if v[0] == v[1] else f"{v[0]} .. {v[1]}"
            sides.append({**side, "shown": shown})
        contradictions.append({"kind": c["kind"], "a": sides[0], "b": sides[1]})
    members = []
    for m in s["members"]:
        members.append({**m, "participant_names": [idx.label(k) for k in m["participants"]],
                        "location_name": idx.label(m["location"]) if m["location"] else None,
                        "source_names": [idx.label(k) for k in m["attributed_to"]]})
    return {**{k: v for k, v in s.items() if not k.startswith("_")},
            **({"redirected_from": sid} if found != sid else {}),
            "members": members, "articles": articles, "source_groups": groups,
            "contradictions": contradictions,
            "participant_entities": [idx.entity_summary(k) for k in s["participants"]
                                     if k in idx.entities]}


def article_detail(idx: CorpusIndex, store: Store, doc_id: str) -> dict[str, Any]:
    rec = store.get_record(doc_id)
    if rec is None:
        raise NotFound(f"no article with id {doc_id!r}", parameter="doc_id")
    idx.ensure_events()  # the links of events to stories (a saved index reads them then)
    text = rec.get("text") or ""
    from ..fuse.keys import entity_key

    keys = {str(e.get("id")): entity_key(doc_id, e) for e in rec.get("entities") or []}
    spans: list[dict[str, Any]] = []
    for e in rec.get("entities") or []:
        for m in e.get("mentions") or []:
            spans.append({"start": m["start"], "end": m["end"], "kind": "mention",
                          "id": e.get("id"), "key": keys[str(e.get("id"))],
                          "type": e.get("type")})
    for ev in rec.get("events") or []:
        sp = ev.get("evidence") or {}
        if "start" in sp:
            spans.append({"start": sp["start"], "end": sp["end"], "kind": "evidence",
                          "id": ev.get("id"),
                          "story": idx.story_of_event.get((doc_id, str(ev.get("id"))))})
    events = []
    ents = {str(e.get("id")): e for e in rec.get("entities") or []}
    for ev in rec.get("events") or []:
        sids = idx.stories_of_event.get((doc_id, str(ev.get("id"))), [])
        events.append({**ev, "story": idx.story_of_event.get((doc_id, str(ev.get("id")))),
                       "stories": [{"id": sid, "who": _who(idx.stories[sid])} for sid in sids],
                       "time_precision": time_precision(ev.get("date")),
                       "geo_precision": geo_precision(ents.get(str(ev.get("location")))),
                       "actor_keys": [keys.get(a) for a in ev.get("actors") or []],
                       "target_keys": [keys.get(a) for a in ev.get("targets") or []],
                       "location_key": keys.get(str(ev.get("location")))})
    entities = [{**e, "key": keys[str(e.get("id"))]} for e in rec.get("entities") or []]
    return {**{k: v for k, v in rec.items() if k not in ("entities", "events", "source")},
            "source": public_source(rec.get("source")),
            "outlet": idx.articles.get(doc_id, {}).get("outlet"),
            "entities": entities, "events": events, "segments": segments(text, spans)}


def _who(s: Mapping[str, Any]) -> str:
    """A story as "actor → target" in English names (its participants when no roles)."""
    actors, targets = s["actor_names"], s["target_names"]
    if actors and targets:
        return f"{', '.join(actors)} → {', '.join(targets)}"
    return ", ".join(actors or targets or s["participant_names"])


def public_source(source: Any) -> dict[str, Any]:
    """An article's ``source`` without the server's folders: the records keep the path the
    file was read from (absolute when ingest was given an absolute path), which tells a
    client the server's user name and layout. Only the file name is shown."""
    src = dict(source) if isinstance(source, Mapping) else {}
    if src.get("path"):
        src["path"] = PurePath(str(src["path"]).replace("\\", "/")).name or None
    return src


def search_all(idx: CorpusIndex, store: Store, q: str, limit: int) -> dict[str, Any]:
    hits = store.search(q, limit=limit)
    return {
        "q": q,
        # how the query was read: Latin letters are matched as English names and spellings
        "match": "english-names" if is_latin_query(q) else "arabic-text",
        "articles": [{**idx.articles.get(h.doc_id, {"doc_id": h.doc_id}),
                      "snippet": h.snippet} for h in hits],
        "entities": idx.search_entities(q, limit),
        "stories": idx.search_stories(q, limit),
    }


def timeline_item(s: Mapping[str, Any]) -> dict[str, Any]:
    """A story as the timeline draws it: at its dates (``dating: "event"``), or, undated,
    at the day its articles first reported it (``dating: "reported"``)."""
    dated = bool(s["start"])
    return {"id": s["id"], "type": s["type"], "class": s["class"],
            "start": s["start"] if dated else s["reported"],
            "end": s["end"] if dated else s["reported"],
            "dating": "event" if dated else "reported", "title": s["title"],
            "certainty": s["certainty"], "n_independent": s["n_independent"]}


def histogram(stories: Iterable[Mapping[str, Any]]) -> list[list[Any]]:
    """``[[day, dated, reported], …]`` by day, in order: how many stories start that day,
    and how many undated ones were first reported that day (the timeline's brush)."""
    days: dict[str, list[int]] = {}
    for s in stories:
        day = s["start"] or s["reported"]
        if day:
            days.setdefault(day, [0, 0])[0 if s["start"] else 1] += 1
    return [[d, *days[d]] for d in sorted(days)]


# ---------------------------------------------------------------------------------- CSV

STORY_COLUMNS = ("id", "type", "class", "start", "end", "time_precision", "title",
                 "participants", "participant_names", "location", "location_name",
                 "geo_precision", "certainty", "n_independent", "sources", "n_members",
                 "published", "actors", "actor_names", "targets", "target_names", "happening")
EVENT_COLUMNS = ("doc_id", "event_id", "type", "class", "mode", "actors", "targets", "location",
                 "start", "end", "date_text", "date_precision", "time_precision",
                 "geo_precision", "certainty", "attributed_to", "outlet", "published", "story",
                 "evidence")
ENTITY_COLUMNS = ("key", "kb_id", "type", "name", "name_en", "lat", "lon", "n_articles",
                  "n_stories")
EDGE_COLUMNS = ("source", "target", "stories", "class", "types")


def to_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """``rows`` as CSV with ``columns`` and, last, the ``schema_version`` of the records
    they come from (on every row: a CSV has no other place for it)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow((*columns, "schema_version"))
    for r in rows:
        w.writerow([*(cell(r.get(c)) for c in columns), SCHEMA_VERSION])
    return buf.getvalue()
