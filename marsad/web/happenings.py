"""Happenings: the stories of one visit or one meeting day, shown together (display only).

Fusion keeps one story per counterpart and per day, as the annotation guide counts events
(``marsad/fuse/stories.py``): "Haftar arrived in Moscow on Thursday, met Shoigu on Friday,
Putin and Belousov on Saturday" is four CONSULT stories on three dates, and one sentence
naming three counterparts is a member of three stories. Each is right for counting and
export, but a list that shows them as separate rows makes one visit look like five
happenings. This module groups such stories for the pages and leaves the stories, their
ids and their counts alone:

1. stories sharing a member event (one sentence split per counterpart) are one happening;
2. dated stories at the same known place whose actors share a person, each at most
   ``MAX_DAYS`` long, chain into one happening when one starts at most ``MAX_GAP_DAYS``
   after the previous ended and the chain spans at most ``MAX_SPAN_DAYS`` (a visit);
3. an undated story at the same place, reported by an article of the happening, whose
   participants include one of its persons, joins it ("received by Yevkurov", "Belousov
   praised Haftar" in the article on the visit) when exactly one happening fits.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

MAX_DAYS = 3
MAX_GAP_DAYS = 2
MAX_SPAN_DAYS = 7


class _Groups:
    """Union-find over story ids; the root of a group is its smallest story rank."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.parent = {sid: sid for sid in ids}
        self.rank = {sid: i for i, sid in enumerate(ids)}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb), key=self.rank.__getitem__)
            self.parent[hi] = lo


def _day(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _by_shared_event(stories: Mapping[str, Mapping[str, Any]], g: _Groups) -> None:
    first: dict[tuple[str, str], str] = {}
    for sid, s in stories.items():
        for m in s["members"]:
            ev = (m["doc_id"], m["event_id"])
            if ev in first:
                g.union(first[ev], sid)
            else:
                first[ev] = sid


def _visits(stories: Mapping[str, Mapping[str, Any]], order: Sequence[str], g: _Groups,
            is_person: Callable[[str], bool]) -> None:
    """Rule 2: dated short stories at one place, chained by a person among their actors."""
    lanes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sid in order:  # date order, so each lane is sorted by start
        s = stories[sid]
        lo, hi = _day(s["start"]), _day(s["end"])
        if lo is None or hi is None or not s["location"] or (hi - lo).days >= MAX_DAYS:
            continue
        for k in {a for m in s["members"] for a in m.get("actors") or []}:
            if is_person(k):
                lanes[(k, s["location"])].append(sid)
    for ids in lanes.values():
        chain_start = chain_end = None
        prev = None
        for sid in ids:
            lo, hi = _day(stories[sid]["start"]), _day(stories[sid]["end"])
            assert lo is not None and hi is not None
            if (prev is not None and chain_start is not None and chain_end is not None
                    and (lo - chain_end).days <= MAX_GAP_DAYS
                    and (hi - chain_start).days <= MAX_SPAN_DAYS):
                g.union(prev, sid)
                chain_end = max(chain_end, hi)
            else:
                chain_start, chain_end = lo, hi
            prev = sid


def _reported_alongside(stories: Mapping[str, Mapping[str, Any]], g: _Groups,
                        is_person: Callable[[str], bool]) -> None:
    """Rule 3: an undated story joins the one dated happening of its place and articles
    that shares a person with it."""
    dated = defaultdict(set)  # (doc_id, place, person) -> happening roots
    for sid, s in stories.items():
        if s["start"] and s["location"]:
            for k in s["participants"]:
                if is_person(k):
                    for d in s["doc_ids"]:
                        dated[(d, s["location"], k)].add(sid)
    for sid, s in stories.items():
        if s["start"] or not s["location"]:
            continue
        roots = {g.find(x) for d in s["doc_ids"] for k in s["participants"]
                 for x in dated.get((d, s["location"], k), ())}
        multi = {r for r in roots if r != g.find(sid)}
        if len(multi) == 1:
            g.union(next(iter(multi)), sid)


def group_happenings(stories: Mapping[str, Mapping[str, Any]], order: Sequence[str],
                     is_person: Callable[[str], bool]) -> dict[str, list[str]]:
    """The happenings of more than one story: the id of its first story (in ``order``,
    date order) → its story ids in that order."""
    g = _Groups(order)
    _by_shared_event(stories, g)
    _visits(stories, order, g, is_person)
    _reported_alongside(stories, g, is_person)
    groups: dict[str, list[str]] = defaultdict(list)
    for sid in order:
        groups[g.find(sid)].append(sid)
    return {ids[0]: ids for ids in groups.values() if len(ids) > 1}


def _names(stories: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for s in stories:
        out.update(zip(s["actors"], s["actor_names"], strict=False))
        out.update(zip(s["targets"], s["target_names"], strict=False))
        if s["location"]:
            out[s["location"]] = s["location_name"] or s["location"]
    return out


def describe(stories: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A happening as one row: its lead actor, the others acted on, the place, the dates
    of its dated stories, its types, and the best sourcing among its stories (from the
    stories' own names, so a page can describe any list of story summaries)."""
    names = _names(stories)
    actors: Counter[str] = Counter()
    for s in stories:
        actors.update(s["actors"])
    lead = min(actors, key=lambda k: (-actors[k], k)) if actors else None
    targets = {k for s in stories for k in s["targets"]}
    # beside the lead: who acts with it and is never acted on (Tertel with Haftar), then
    # everyone acted on or met (a minister met, who also praised the visitor, is met)
    co = [k for k in dict.fromkeys(k for s in stories for k in s["actors"])
          if k != lead and k not in targets]
    others = list(dict.fromkeys(k for s in stories for k in [*s["actors"], *s["targets"]]
                                if k != lead and k not in co))
    starts = [s["start"] for s in stories if s["start"]]
    ends = [s["end"] for s in stories if s["end"]]
    places = Counter(s["location"] for s in stories if s["location"])
    place = min(places, key=lambda k: (-places[k], k)) if places else None
    types = Counter(s["type"] for s in stories)
    best = max(stories, key=lambda s: s["n_independent"])
    return {
        "id": stories[0]["happening"], "first": stories[0]["id"],
        "class": stories[0]["class"],
        "lead": lead, "lead_name": names.get(lead) if lead else None,
        "co_actors": co, "co_actor_names": [names.get(k, k) for k in co],
        "others": others, "other_names": [names.get(k, k) for k in others],
        "location": place, "location_name": names.get(place) if place else None,
        "start": min(starts) if starts else None, "end": max(ends) if ends else None,
        # the day its stories were first reported, when the index gives it (the timeline
        # places undated stories there)
        "reported": min((s["reported"] for s in stories if s.get("reported")), default=None),
        "types": dict(types.most_common()),
        "certainty": best["certainty"], "n_independent": best["n_independent"],
        "n_stories": len(stories),
    }


def happening_rows(stories: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows of a story list: a story alone, or, at the place of its first story, a
    happening of which the list holds two stories or more (``{"happening": describe(…),
    "stories": [...]}``). Every story of the list is in exactly one row."""
    parts: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for s in stories:
        if s.get("happening"):
            parts[s["happening"]].append(s)
    rows: list[dict[str, Any]] = []
    done: set[str] = set()
    for s in stories:
        hid = s.get("happening")
        if not hid or len(parts[hid]) < 2:
            rows.append({"story": s})
        elif hid not in done:
            done.add(hid)
            rows.append({"happening": describe(parts[hid]), "stories": parts[hid]})
    return rows
