"""Stories: one happening reported by several articles.

Two events are *compatible* (may be members of one story) when

1. their PLOVER types are equal;
2. their participants (actors ∪ targets, as cross-article keys, see
   :func:`marsad.fuse.keys.entity_key`) are non-empty and the smaller set is contained in
   the larger ("Haftar met Putin" and "Haftar met Putin and Lavrov" can be one meeting;
   "Haftar met Putin" and "Haftar met Erdogan" cannot);
3. their places agree when both are given: the same kb key or the same normalised place
   name (one missing agrees with anything). One exception: when the participant sets are
   equal and both dates are the same single day, a place disagreement does not split the
   story: the two reports are one happening with a conflicting place, which is flagged as a
   contradiction instead of hiding it in two single-source stories;
4. their dates agree within their precision: two ranges ``[start, end]`` agree when they
   overlap (a meeting "on Saturday" resolved to 2025-05-10 and one "in May 2025" agree;
   two single days one day apart do not: they may be two days of talks, so they stay two
   stories).

Clustering is complete-linkage: an event joins a story only when it is compatible with every
member, and only when exactly one story qualifies (an event that fits two stories, such as
"in May" against meetings on 10 and 20 May, is left as a story of its own rather than guessed).
Dated events are placed first, most precise first, so the vague ones meet formed stories.

Undated events come last. One joins a story only when exactly one compatible story exists
whose date range meets the calendar year of the event's article's ``published`` date (an
undated story meets it when one of its members was published that year); when the event's
article has no ``published`` date, any year qualifies.

A story's ``date`` is the *intersection* of its dated members' ranges (the most precise day or
range all reports allow; basis ``"intersection"``), or, if members disagree so that the
intersection is empty, their *union* hull (basis ``"union"``, with a date contradiction).

Certainty labels of a story, in order of precedence:

- ``"denied"``: every member reports a denial;
- ``"disputed"``: some member reports a denial, another does not;
- ``"speculative"``: every member is ``uncertain``;
- ``"corroborated"``: ``asserted`` or ``reported`` by two independent sources or more;
- ``"single-source"``: otherwise.

Independent sources: the outlets of the members, where outlets whose articles are near
duplicates of each other (:func:`marsad.fuse.dedup.near_duplicates`) count as one source.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .dedup import DEFAULT_THRESHOLD, _UnionFind, near_duplicates
from .keys import date_range, entity_key, outlet_of, parse_day, place_keys

Day = date  # the type, where a field called "date" shadows the name
DateRange = tuple[Day, Day]
# an index entry for a dated story covers this many months at most; wider ranges go to a
# per-(type, participant) "wide" list that every event checks
_MAX_INDEX_MONTHS = 24


@dataclass(frozen=True)
class Member:
    """One event of one article, as a member of a story."""

    doc_id: str
    event_id: str
    outlet: str
    type: str
    participants: frozenset[str]
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    location: str | None  # display key of the place: kb key, else name key
    place_keys: frozenset[str]
    date: DateRange | None
    date_text: str | None
    published: Day | None
    attributed_to: tuple[str, ...]
    certainty: str
    evidence: tuple[int, int, str] | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "event_id": self.event_id,
            "outlet": self.outlet,
            "participants": sorted(self.participants),
            "actors": list(self.actors),
            "targets": list(self.targets),
            "location": self.location,
            "date": None if self.date is None else {
                "start": self.date[0].isoformat(), "end": self.date[1].isoformat(),
                "text": self.date_text},
            "published": self.published.isoformat() if self.published else None,
            "attributed_to": list(self.attributed_to),
            "certainty": self.certainty,
            "evidence": None if self.evidence is None else {
                "start": self.evidence[0], "end": self.evidence[1], "text": self.evidence[2]},
        }


@dataclass(frozen=True)
class Story:
    id: str
    type: str
    participants: tuple[str, ...]
    location: str | None
    date: tuple[Day, Day, str] | None  # (start, end, basis)
    members: tuple[Member, ...]
    sources: tuple[str, ...]
    independent_sources: tuple[tuple[str, ...], ...]
    certainty: str
    contradictions: tuple[Mapping[str, Any], ...]
    names: tuple[tuple[str, str], ...]  # key → display name, for participants and place

    @property
    def n_independent(self) -> int:
        return len(self.independent_sources)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "participants": list(self.participants),
            "location": self.location,
            "date": None if self.date is None else {
                "start": self.date[0].isoformat(), "end": self.date[1].isoformat(),
                "basis": self.date[2]},
            "members": [m.to_dict() for m in self.members],
            "sources": list(self.sources),
            "independent_sources": [list(s) for s in self.independent_sources],
            "n_independent": self.n_independent,
            "certainty": self.certainty,
            "contradictions": [dict(c) for c in self.contradictions],
            "names": dict(self.names),
        }


# ---------------------------------------------------------------------------- members


def _members_of(rec: Mapping[str, Any], names: dict[str, str]) -> list[Member]:
    doc_id = str(rec.get("doc_id"))
    outlet = outlet_of(rec)
    published = parse_day(rec.get("published"))
    ents = {str(e.get("id")): e for e in rec.get("entities") or []}
    keys = {eid: entity_key(doc_id, e) for eid, e in ents.items()}
    for eid, k in keys.items():
        names.setdefault(k, ents[eid].get("name") or k)
    out = []
    for ev in rec.get("events") or []:
        actors = tuple(keys[a] for a in ev.get("actors") or [] if a in keys)
        targets = tuple(keys[t] for t in ev.get("targets") or [] if t in keys)
        loc_ent = ents.get(str(ev.get("location"))) if ev.get("location") else None
        pkeys = place_keys(loc_ent) if loc_ent else frozenset()
        location = None
        if pkeys:
            kb = sorted(k for k in pkeys if k.startswith("kb:"))
            location = kb[0] if kb else sorted(pkeys)[0]
            names.setdefault(location, (loc_ent or {}).get("name") or location)
        d = ev.get("date")
        ev_span = ev.get("evidence")
        evidence: tuple[int, int, str] | None = None
        if isinstance(ev_span, Mapping) and {"start", "end", "text"} <= ev_span.keys():
            evidence = (ev_span["start"], ev_span["end"], ev_span["text"])
        out.append(Member(
            doc_id=doc_id, event_id=str(ev.get("id")), outlet=outlet,
            type=str(ev.get("type")), participants=frozenset(actors + targets),
            actors=actors, targets=targets, location=location, place_keys=pkeys,
            date=date_range(d), date_text=d.get("text") if isinstance(d, Mapping) else None,
            published=published,
            attributed_to=tuple(keys[a] for a in ev.get("attributed_to") or [] if a in keys),
            certainty=str(ev.get("certainty") or "asserted"), evidence=evidence,
        ))
    return out


def _overlap(a: DateRange, b: DateRange) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _single_day(d: DateRange | None) -> bool:
    return d is not None and d[0] == d[1]


def compatible(a: Member, b: Member) -> bool:
    """Rules 1-4 of the module docstring (an undated member agrees on date with anything)."""
    if a.type != b.type or not a.participants or not b.participants:
        return False
    pa, pb = a.participants, b.participants
    if not (pa <= pb if len(pa) <= len(pb) else pb <= pa):
        return False
    if a.date is not None and b.date is not None and not _overlap(a.date, b.date):
        return False
    if a.place_keys and b.place_keys and not (a.place_keys & b.place_keys):
        return a.participants == b.participants and _single_day(a.date) and a.date == b.date
    return True


# ---------------------------------------------------------------------- contradictions


def _side(value: Any, ms: Iterable[Member]) -> dict[str, Any]:
    ms = sorted(ms, key=lambda m: (m.doc_id, m.event_id))
    return {"value": value, "members": [[m.doc_id, m.event_id] for m in ms],
            "sources": sorted({m.outlet for m in ms})}


def find_contradictions(members: Sequence[Member]) -> list[dict[str, Any]]:
    """Pairs of member groups that disagree, each as ``{"kind", "a", "b"}`` with the value,
    the members and the outlets of each side. Kinds: ``date`` (non-overlapping ranges),
    ``place`` (no common place key), ``participants`` (neither set contains the other)."""
    found: dict[tuple[str, Any, Any], tuple[set[Member], set[Member]]] = {}

    def add(kind: str, va: Any, vb: Any, ma: Member, mb: Member) -> None:
        if (kind, vb, va) in found:
            va, vb, ma, mb = vb, va, mb, ma
        sa, sb = found.setdefault((kind, va, vb), (set(), set()))
        sa.add(ma)
        sb.add(mb)

    ms = sorted(members, key=lambda m: (m.doc_id, m.event_id))
    for i, a in enumerate(ms):
        for b in ms[i + 1 :]:
            if a.date is not None and b.date is not None and not _overlap(a.date, b.date):
                add("date", tuple(x.isoformat() for x in a.date),
                    tuple(x.isoformat() for x in b.date), a, b)
            if a.place_keys and b.place_keys and not (a.place_keys & b.place_keys):
                add("place", a.location, b.location, a, b)
            if (a.participants and b.participants and not a.participants <= b.participants
                    and not b.participants <= a.participants):
                add("participants", tuple(sorted(a.participants)),
                    tuple(sorted(b.participants)), a, b)
    out = []
    for (kind, va, vb), (sa, sb) in sorted(found.items(), key=lambda kv: repr(kv[0])):
        out.append({"kind": kind,
                    "a": _side(list(va) if isinstance(va, tuple) else va, sa),
                    "b": _side(list(vb) if isinstance(vb, tuple) else vb, sb)})
    return out


# ----------------------------------------------------------------------------- stories


def _independent(members: Sequence[Member],
                 group_of: Mapping[str, int]) -> tuple[tuple[str, ...], ...]:
    uf = _UnionFind()
    first_in_group: dict[int, str] = {}
    for m in members:
        uf.find(m.outlet)
        g = group_of.get(m.doc_id)
        if g is None:
            continue
        if g in first_in_group:
            uf.union(first_in_group[g], m.outlet)
        else:
            first_in_group[g] = m.outlet
    comps: dict[str, set[str]] = defaultdict(set)
    for m in members:
        comps[uf.find(m.outlet)].add(m.outlet)
    return tuple(sorted(tuple(sorted(c)) for c in comps.values()))


def _certainty(members: Sequence[Member], group_of: Mapping[str, int]) -> str:
    certs = [m.certainty for m in members]
    if all(c == "denied" for c in certs):
        return "denied"
    if "denied" in certs:
        return "disputed"
    if all(c == "uncertain" for c in certs):
        return "speculative"
    backing = [m for m in members if m.certainty in ("asserted", "reported")]
    return "corroborated" if len(_independent(backing, group_of)) >= 2 else "single-source"


def _story_date(members: Sequence[Member]) -> tuple[date, date, str] | None:
    ds = [m.date for m in members if m.date is not None]
    if not ds:
        return None
    lo, hi = max(d[0] for d in ds), min(d[1] for d in ds)
    if lo <= hi:
        return (lo, hi, "intersection")
    return (min(d[0] for d in ds), max(d[1] for d in ds), "union")


def _make_story(members: list[Member], group_of: Mapping[str, int],
                names: Mapping[str, str]) -> Story:
    members = sorted(members, key=lambda m: (m.doc_id, m.event_id))
    pairs = "\n".join(f"{m.doc_id}\t{m.event_id}" for m in members)
    sid = "st_" + hashlib.blake2b(pairs.encode("utf-8"), digest_size=8).hexdigest()
    participants = tuple(sorted(set().union(*(m.participants for m in members))))
    # the place most independent sources give (ties: the smallest key)
    loc_votes: Counter[str] = Counter()
    for loc in {m.location for m in members if m.location}:
        loc_votes[loc] = len(_independent([m for m in members if m.location == loc], group_of))
    location = min(loc_votes, key=lambda k: (-loc_votes[k], k)) if loc_votes else None
    shown = participants + ((location,) if location else ())
    return Story(
        id=sid, type=members[0].type, participants=participants, location=location,
        date=_story_date(members), members=tuple(members),
        sources=tuple(sorted({m.outlet for m in members})),
        independent_sources=_independent(members, group_of),
        certainty=_certainty(members, group_of),
        contradictions=tuple(find_contradictions(members)),
        names=tuple((k, names.get(k, k)) for k in shown),
    )


def _months(d: DateRange) -> list[tuple[int, int]] | None:
    n = (d[1].year - d[0].year) * 12 + d[1].month - d[0].month + 1
    if n > _MAX_INDEX_MONTHS:
        return None
    y, m = d[0].year, d[0].month
    out = []
    for _ in range(n):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _years_of(cluster: list[Member]) -> set[int] | None:
    """Years a story covers: those of its date (see :func:`_story_date`), else its members'
    publication years; None when nothing is known (agrees with any year)."""
    d = _story_date(cluster)
    if d is not None:
        return set(range(d[0].year, d[1].year + 1))
    ys = {m.published.year for m in cluster if m.published is not None}
    return ys or None


def build_stories(
    records: Sequence[Mapping[str, Any]],
    *,
    duplicates: Iterable[set[str]] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[Story]:
    """Merge the events of ``records`` into stories (see the module docstring).

    ``duplicates``: near-duplicate groups already computed (else :func:`near_duplicates`
    runs with ``threshold``). Every event ends in exactly one story; stories are returned
    sorted by date (undated last), then type and id."""
    if duplicates is None:
        duplicates = near_duplicates(records, threshold=threshold)
    group_of = {d: i for i, g in enumerate(duplicates) for d in g}
    names: dict[str, str] = {}
    all_members = [m for rec in records for m in _members_of(rec, names)]

    clusters: list[list[Member]] = []
    by_month: dict[tuple[str, str, tuple[int, int]], list[int]] = defaultdict(list)
    wide: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    # for undated events: dated stories by year of their first member's range (a superset of
    # the years of the story's date, which only narrows), and the undated stories
    by_year: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    undated_by_key: dict[tuple[str, str], list[int]] = defaultdict(list)

    def new_cluster(m: Member) -> None:
        cid = len(clusters)
        clusters.append([m])
        for k in m.participants:
            by_key[(m.type, k)].append(cid)
            if m.date is None:
                undated_by_key[(m.type, k)].append(cid)
                continue
            months = _months(m.date)
            if months is None:
                wide[(m.type, k)].append(cid)
            else:
                for ym in months:
                    by_month[(m.type, k, ym)].append(cid)
                for y in {ym[0] for ym in months}:
                    by_year[(m.type, k, y)].append(cid)

    def fits(cid: int, m: Member) -> bool:
        return all(compatible(m, o) for o in clusters[cid])

    dated = [m for m in all_members if m.date is not None and m.participants]
    undated = [m for m in all_members if m.date is None and m.participants]
    lone = [m for m in all_members if not m.participants]

    # most precise first, so that vague reports meet formed stories
    dated.sort(key=lambda m: (m.date[1] - m.date[0], m.date[0], m.doc_id, m.event_id)
               if m.date else ())  # (always dated; the guard is for the type checker)
    for m in dated:
        assert m.date is not None
        months = _months(m.date)
        cands: set[int] = set()
        for k in m.participants:
            if months is None:  # a wide range: every story of these participants
                cands.update(by_key[(m.type, k)])
            else:
                for ym in months:
                    cands.update(by_month.get((m.type, k, ym), ()))
                cands.update(wide.get((m.type, k), ()))
        ok = [c for c in cands if fits(c, m)]
        if len(ok) == 1:
            clusters[ok[0]].append(m)
        else:
            new_cluster(m)

    undated.sort(key=lambda m: (m.published or date.min, m.doc_id, m.event_id))
    years_cache: dict[int, set[int] | None] = {}
    for m in undated:
        cands = set()
        for k in m.participants:
            if m.published is None:
                cands.update(by_key.get((m.type, k), ()))
            else:
                cands.update(by_year.get((m.type, k, m.published.year), ()))
                cands.update(wide.get((m.type, k), ()))
                cands.update(undated_by_key.get((m.type, k), ()))
        ok = []
        for c in cands:
            if m.published is not None:
                if c not in years_cache:
                    years_cache[c] = _years_of(clusters[c])
                years = years_cache[c]
                if years is not None and m.published.year not in years:
                    continue
            if fits(c, m):
                ok.append(c)
        if len(ok) == 1:
            clusters[ok[0]].append(m)
            years_cache.pop(ok[0], None)
        else:
            new_cluster(m)

    stories = [_make_story(c, group_of, names) for c in clusters]
    stories += [_make_story([m], group_of, names) for m in lone]
    stories.sort(key=lambda s: (s.date is None, s.date[:2] if s.date else (), s.type, s.id))
    return stories
