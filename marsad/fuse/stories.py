"""Stories: one happening reported by several articles.

Members. Each event of an article is a member; an event of one or more actors with several
counterparts ("حفتر التقى بوتين، وكذا وزير الدفاع بيلوسوف وسكرتير مجلس الأمن شويغو") gives
one member per counterpart (its ``counterpart``), as the annotation guide counts events (one
per counterpart, ``docs/annotation.md``; seed 000's gold): a report listing three meetings
supports each of the three stories instead of matching none of them.

Two members are *compatible* (may be members of one story) when

1. their PLOVER types are equal;
2. their participants (actors ∪ targets, as cross-article keys, see
   :func:`marsad.fuse.keys.entity_key`) are non-empty and the smaller set is contained in
   the larger ("Haftar met Putin" and "Haftar and Putin met with Lavrov" can be one meeting;
   "Haftar met Putin" and "Haftar met Erdogan" cannot);
3. their places agree when both are given: the same kb key or the same normalised place
   name (one missing agrees with anything);
4. their dates agree within their precision: two ranges ``[start, end]`` agree when they
   overlap (a meeting "on Saturday" resolved to 2025-05-10 and one "in May 2025" agree).

Members of *different articles* that disagree on one point only are still one happening
reported inconsistently, and merge with a contradiction (:func:`find_contradictions`), when
everything else pins the happening down (*conflicting*, :func:`conflicting`):

- **date**: equal participants, the same known place, both single days at most
  ``MAX_DAY_SLIP`` (2) days apart: "Thursday" resolved against the wrong week, or the day of
  arrival given for the day of the meeting, are the usual ways two reports of one meeting
  differ by a day or two (seed 001 dates the Putin meeting by the arrival, "مساء الخميس");
- **place**: equal participants, the same single day;
- **participants**: the same single day and the same known place, two common participants at
  least and one extra on each side ("A and B met C" against "A and B met D" that day there).

Two members of the *same* article never merge across a disagreement: an article that gives two
days or two places is telling two happenings apart.

Clustering is complete-linkage: a member joins a story only when it is compatible with every
member, and only when exactly one story qualifies (a member that fits two stories, such as "in
May" against meetings on 10 and 20 May, is left as a story of its own rather than guessed). A
member that fits no story strictly may join the one story it fits with a contradiction. Dated
members are placed first, most precise first, so the vague ones meet formed stories.

Undated members come last, and their articles' dates bound which stories they may join:

- an article with a ``published`` date: a story whose date range meets that calendar year (an
  undated story qualifies when one of its members was published that year);
- an article without one: its *reference year*, the latest year its text writes out (a news
  article's undated "met" is about its present, which is no earlier than the latest year it
  mentions, and rarely more than ``REFERENCE_SLACK_YEARS`` later: news dates its background
  up to the year before; years after the newest publication year of the corpus are read as
  plans, "رؤية 2030", and ignored), admits stories in those years; undated stories of
  articles without ``published`` are joined only at the same reference year (or both none).
  An article with neither admits any year.

Among the admitted stories, again exactly one must fit. This keeps an undated 2023 report of
"Haftar met Putin" (an article whose latest year is 2022) away from the 2025 meeting as long
as the 2023 meeting is also a story: it fits both and is not guessed.

A story's ``date`` is the *intersection* of its dated members' ranges (the most precise day or
range all reports allow; basis ``"intersection"``), or, if members disagree so that the
intersection is empty, their *union* hull (basis ``"union"``, with a date contradiction).

Certainty labels of a story, in order of precedence:

- ``"denied"``: every member reports a denial;
- ``"disputed"``: some member reports a denial, another does not;
- ``"speculative"``: every member is ``uncertain``;
- ``"corroborated"``: ``asserted`` or ``reported`` by two independent sources or more;
- ``"single-source"``: otherwise.

A new story's ``id`` comes from its earliest member (the event of the earliest published
article, :func:`marsad.ids.story_seed_id`), not from all of them, so that a report joining it
does not change it; :mod:`marsad.fuse.story_ids` keeps saved ids across re-fusions.

Independent sources: the outlets of the members, where outlets whose articles are near
duplicates of each other (:func:`marsad.fuse.dedup.near_duplicates`) count as one source,
and articles of unknown outlet (no outlet, site name or URL) count for none.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ..ids import story_seed_id
from .dedup import DEFAULT_THRESHOLD, _UnionFind, near_duplicates
from .keys import UNKNOWN_OUTLET, date_range, entity_key, outlet_of, parse_day, place_keys
from .story_ids import told_key

Day = date  # the type, where a field called "date" shadows the name
DateRange = tuple[Day, Day]
# an index entry for a dated story covers this many months at most; wider ranges go to a
# per-(type, participant) "wide" list that every event checks
_MAX_INDEX_MONTHS = 24
# most days apart two single-day reports of one happening may be (see the module docstring;
# tested on tests/fuse/test_stories.py's slipped-day cases, not on a labelled corpus)
MAX_DAY_SLIP = 2
_YEAR_RE = re.compile(r"(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


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
    counterpart: str | None = None  # the one target of this member, when the event has several
    summary_en: str | None = None  # the record's English line, so non-Arabic readers see it

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "event_id": self.event_id,
            "counterpart": self.counterpart,
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
            "summary_en": self.summary_en,
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


def name_claims(rec: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The display names one record gives keys, in the order it gives them (its entities,
    then the places of its events). A key's display name in a story is the first claim in
    doc_id order (:func:`display_names`): incremental fusion keeps that first claim per key
    with its position, so both ways agree."""
    doc_id = str(rec.get("doc_id"))
    ents = {str(e.get("id")): e for e in rec.get("entities") or []}
    out = [(entity_key(doc_id, e), e.get("name") or entity_key(doc_id, e))
           for e in ents.values()]
    for ev in rec.get("events") or []:
        loc_ent = ents.get(str(ev.get("location"))) if ev.get("location") else None
        location = _location_key(place_keys(loc_ent) if loc_ent else frozenset())
        if location:
            out.append((location, (loc_ent or {}).get("name") or location))
    return out


def display_names(records: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Key → the first name ``records`` (in doc_id order) give it."""
    names: dict[str, str] = {}
    for rec in records:
        for k, name in name_claims(rec):
            names.setdefault(k, name)
    return names


def _location_key(pkeys: frozenset[str]) -> str | None:
    """The display key of a place: its kb key, else its smallest name key."""
    if not pkeys:
        return None
    kb = sorted(k for k in pkeys if k.startswith("kb:"))
    return kb[0] if kb else sorted(pkeys)[0]


def _members_of(rec: Mapping[str, Any]) -> list[Member]:
    doc_id = str(rec.get("doc_id"))
    outlet = outlet_of(rec)
    published = parse_day(rec.get("published"))
    ents = {str(e.get("id")): e for e in rec.get("entities") or []}
    keys = {eid: entity_key(doc_id, e) for eid, e in ents.items()}
    out: list[Member] = []
    for ev in rec.get("events") or []:
        actors = tuple(keys[a] for a in ev.get("actors") or [] if a in keys)
        targets = tuple(keys[t] for t in ev.get("targets") or [] if t in keys)
        loc_ent = ents.get(str(ev.get("location"))) if ev.get("location") else None
        pkeys = place_keys(loc_ent) if loc_ent else frozenset()
        location = _location_key(pkeys)
        d = ev.get("date")
        ev_span = ev.get("evidence")
        evidence: tuple[int, int, str] | None = None
        if isinstance(ev_span, Mapping) and {"start", "end", "text"} <= ev_span.keys():
            evidence = (ev_span["start"], ev_span["end"], ev_span["text"])
        base = Member(
            doc_id=doc_id, event_id=str(ev.get("id")), outlet=outlet,
            type=str(ev.get("type")), participants=frozenset(actors + targets),
            actors=actors, targets=targets, location=location, place_keys=pkeys,
            date=date_range(d), date_text=d.get("text") if isinstance(d, Mapping) else None,
            published=published,
            attributed_to=tuple(keys[a] for a in ev.get("attributed_to") or [] if a in keys),
            certainty=str(ev.get("certainty") or "asserted"), evidence=evidence,
            summary_en=ev.get("summary_en") if isinstance(ev.get("summary_en"), str) else None,
        )
        counterparts = [t for t in dict.fromkeys(targets) if t not in actors]
        if actors and len(counterparts) >= 2:  # one member per counterpart (module docstring)
            out.extend(replace(base, participants=frozenset(actors + (t,)), targets=(t,),
                               counterpart=t) for t in counterparts)
        else:
            out.append(base)
    return out


# How many years after its reference year an undated article may have been written: an
# article that writes out no year later than 2022 tells a 2022 or 2023 meeting, not a 2025 one
REFERENCE_SLACK_YEARS = 1


def reference_year(rec: Mapping[str, Any], *, latest: int | None = None) -> int | None:
    """The latest year the text of an article writes out (Western or Arabic-Indic digits),
    ignoring years after ``latest`` (plans and targets, not the present); None when none."""
    text = str(rec.get("text") or "").translate(_ARABIC_DIGITS)
    years = [int(y) for y in _YEAR_RE.findall(text)]
    if latest is not None:
        years = [y for y in years if y <= latest]
    return max(years) if years else None


def _member_order(m: Member) -> tuple[str, str, str]:
    return (m.doc_id, m.event_id, m.counterpart or "")


def _first_told(m: Member) -> tuple[Any, ...]:
    """:func:`marsad.fuse.story_ids.told_key` of a Member."""
    return told_key(m.published.isoformat() if m.published else None, m.doc_id,
                    m.evidence[0] if m.evidence else -1, m.event_id, m.counterpart)


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
    return not (a.place_keys and b.place_keys and not (a.place_keys & b.place_keys))


def conflicting(a: Member, b: Member) -> bool:
    """Members of different articles that disagree on exactly one of date, place or
    participants while the rest pins one happening down (see the module docstring)."""
    if a.doc_id == b.doc_id or a.type != b.type or not a.participants or not b.participants:
        return False
    if not (_single_day(a.date) and _single_day(b.date)):
        return False
    assert a.date is not None and b.date is not None
    same_place = bool(a.place_keys & b.place_keys)
    places_differ = bool(a.place_keys and b.place_keys and not same_place)
    if a.participants == b.participants:
        if a.date == b.date:
            return places_differ
        return same_place and abs((a.date[0] - b.date[0]).days) <= MAX_DAY_SLIP
    common = a.participants & b.participants
    return (a.date == b.date and same_place and len(common) >= 2
            and len(a.participants - common) == 1 and len(b.participants - common) == 1)


# ---------------------------------------------------------------------- contradictions


def _side(value: Any, ms: Iterable[Member]) -> dict[str, Any]:
    ms = sorted(ms, key=_member_order)
    return {"value": value, "members": [[m.doc_id, m.event_id] for m in ms],
            "sources": sorted({m.outlet for m in ms}),
            "evidence": [m.evidence[2] if m.evidence else None for m in ms]}


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

    ms = sorted(members, key=_member_order)
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
                 group_of: Mapping[str, Hashable]) -> tuple[tuple[str, ...], ...]:
    """The groups of outlets that count as one source each (outlets that carry copies of
    one article join). Members of unknown outlet count for none: two files with no outlet
    may well come from one desk."""
    members = [m for m in members if m.outlet != UNKNOWN_OUTLET]
    uf = _UnionFind()
    first_in_group: dict[Hashable, str] = {}
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


def _certainty(members: Sequence[Member], group_of: Mapping[str, Hashable]) -> str:
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


def _make_story(members: list[Member], group_of: Mapping[str, Hashable],
                names: Mapping[str, str]) -> Story:
    members = sorted(members, key=_member_order)
    # the id of a new story comes from its earliest member, so it does not change when
    # members join (a re-fusion of a store keeps saved ids: marsad.fuse.story_ids)
    first = min(members, key=_first_told)
    sid = story_seed_id(first.doc_id, first.event_id, first.counterpart)
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


def make_story(members: Sequence[Member], group_of: Mapping[str, Hashable],
               names: Mapping[str, str]) -> Story:
    """The story of ``members`` as clustered already (incremental fusion rebuilds a story
    whose names or near-duplicate groups changed without clustering it again)."""
    return _make_story(list(members), group_of, names)


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
    members = [m for rec in records for m in _members_of(rec)]
    ref_year = reference_years(records, latest_year(records))
    return stories_of_members(members, group_of=group_of, names=display_names(records),
                              ref_year=ref_year)


def latest_year(records: Iterable[Mapping[str, Any]]) -> int | None:
    """The newest publication year of ``records`` (bounds the reference years)."""
    return max((d.year for rec in records if (d := parse_day(rec.get("published")))),
               default=None)


def reference_years(records: Iterable[Mapping[str, Any]], latest: int | None
                    ) -> dict[str, int | None]:
    """The reference year of each article without a publication date (module docstring)."""
    return {str(rec.get("doc_id")): reference_year(rec, latest=latest)
            for rec in records if parse_day(rec.get("published")) is None}


def members_of(records: Iterable[Mapping[str, Any]]) -> list[Member]:
    """Every member of ``records``, in record order."""
    return [m for rec in records for m in _members_of(rec)]


def stories_of_members(members: Sequence[Member], *, group_of: Mapping[str, Hashable],
                       names: Mapping[str, str], ref_year: Mapping[str, int | None]
                       ) -> list[Story]:
    """The stories of ``members`` (clustered as the module docstring says), sorted by date
    (undated last), then type and id. ``group_of``: doc_id → its near-duplicate group;
    ``names``: key → display name; ``ref_year``: reference years of unpublished articles.
    Incremental fusion calls it with the members of the affected stories only."""
    clusters, lone = _clusters(members, ref_year)
    stories = [_make_story(c, group_of, names) for c in clusters]
    stories += [_make_story([m], group_of, names) for m in lone]
    stories.sort(key=lambda s: (s.date is None, s.date[:2] if s.date else (), s.type, s.id))
    return stories


def _clusters(all_members: Sequence[Member], ref_year: Mapping[str, int | None]
              ) -> tuple[list[list[Member]], list[Member]]:
    """The clusters of members with participants, and the members without any."""
    clusters: list[list[Member]] = []
    by_month: dict[tuple[str, str, tuple[int, int]], list[int]] = defaultdict(list)
    wide: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    # for undated members of published articles: dated stories by year of their first
    # member's range (a superset of the years of the story's date, which only narrows)
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

    def place(m: Member, cands: Iterable[int]) -> None:
        """Join the one story ``m`` fits strictly; else the one it fits with a
        contradiction; else start a story."""
        cands = sorted(set(cands))
        strict = [c for c in cands if all(compatible(m, o) for o in clusters[c])]
        if len(strict) == 1:
            clusters[strict[0]].append(m)
            return
        if not strict and m.date is not None:
            loose = [c for c in cands if all(compatible(m, o) or conflicting(m, o)
                                             for o in clusters[c])]
            if len(loose) == 1:
                clusters[loose[0]].append(m)
                return
        new_cluster(m)

    dated = [m for m in all_members if m.date is not None and m.participants]
    undated = [m for m in all_members if m.date is None and m.participants]
    lone = [m for m in all_members if not m.participants]

    # most precise first, so that vague reports meet formed stories
    dated.sort(key=lambda m: (m.date[1] - m.date[0], m.date[0], *_member_order(m))
               if m.date else ())  # (always dated; the guard is for the type checker)
    slip = timedelta(days=MAX_DAY_SLIP)
    for m in dated:
        assert m.date is not None
        # a single day also looks at stories a slipped day away (conflicting dates)
        months = _months((m.date[0] - slip, m.date[1] + slip) if _single_day(m.date)
                         else m.date)
        cands: set[int] = set()
        for k in m.participants:
            if months is None:  # a wide range: every story of these participants
                cands.update(by_key[(m.type, k)])
            else:
                for ym in months:
                    cands.update(by_month.get((m.type, k, ym), ()))
                cands.update(wide.get((m.type, k), ()))
        place(m, cands)

    # undated: published articles first (their year is known), then by reference year
    def window(m: Member) -> tuple[int | None, int | None]:
        """The years an undated member may belong to: (first, last), None = open."""
        if m.published is not None:
            return (m.published.year, m.published.year)
        y = ref_year.get(m.doc_id)
        return (y, y + REFERENCE_SLACK_YEARS) if y is not None else (None, None)

    def admits(c: int, m: Member, lo: int | None, hi: int | None) -> bool:
        cluster = clusters[c]
        d = _story_date(cluster)
        if d is not None:
            years = range(d[0].year, d[1].year + 1)
        else:
            pubs = {o.published.year for o in cluster if o.published is not None}
            if not pubs:  # an undated story of unpublished articles: the same evidence only
                return all(o.published is None and window(o) == (lo, hi) for o in cluster)
            years = range(min(pubs), max(pubs) + 1)
        return (lo is None or years[-1] >= lo) and (hi is None or years[0] <= hi)

    undated.sort(key=lambda m: (m.published is None, m.published or date.min,
                                ref_year.get(m.doc_id) or 0, *_member_order(m)))
    for m in undated:
        lo, hi = window(m)
        cands = set()
        for k in m.participants:
            if lo is not None and lo == hi:
                cands.update(by_year.get((m.type, k, lo), ()))
                cands.update(wide.get((m.type, k), ()))
                cands.update(undated_by_key.get((m.type, k), ()))
            else:
                cands.update(by_key.get((m.type, k), ()))
        place(m, [c for c in cands if admits(c, m, lo, hi)])

    return clusters, lone


# the open end of a reach (an int both backends store in a 32-bit INTEGER column)
REACH_ALL = (-(2**31), 2**31 - 1)


def _year_days(first: int, last: int) -> tuple[int, int]:
    return date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal()


def member_reach(m: Member, ref_year: Mapping[str, int | None]
                 ) -> tuple[bool, tuple[int, int]]:
    """Where clustering may bring ``m`` together with a story: ``(undated, (lo, hi))`` in
    day numbers (:meth:`date.toordinal`). A dated member can join, or decide against, only a
    story whose every member it is compatible or conflicting with, so only one some member
    of which is dated within ``MAX_DAY_SLIP`` days of its range: its reach is the range
    widened by that slip on each side. An undated member can join only a story its
    article's year window admits (the module docstring): its reach is that window (every
    day when its article has no year). Two members of one type and key can meet only when
    their reaches overlap; incremental fusion re-clusters what a new member reaches,
    transitively, so that the result is the full fusion's (:mod:`marsad.fuse.incremental`)."""
    if m.date is None:
        if m.published is not None:
            return True, _year_days(m.published.year, m.published.year)
        y = ref_year.get(m.doc_id)
        if y is None:
            return True, REACH_ALL
        return True, _year_days(y, y + REFERENCE_SLACK_YEARS)
    slip = MAX_DAY_SLIP
    return False, (m.date[0].toordinal() - slip, m.date[1].toordinal() + slip)


def reaches_meet(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two reaches of one type and key may meet (:func:`member_reach`)."""
    return a[0] <= b[1] and b[0] <= a[1]


def story_roles(members: Sequence[Mapping[str, Any]]) -> tuple[list[str], list[str]]:
    """Who acted on whom in a story: each participant counted as actor or target by how
    its members' events name it ("A met B" and "B met A" in two reports: the role most
    reports give; a tie makes it an actor). Order: as the members first name them."""
    as_actor: Counter[str] = Counter()
    as_target: Counter[str] = Counter()
    seen: dict[str, None] = {}
    for m in members:
        for k in m.get("actors") or ():
            as_actor[k] += 1
            seen.setdefault(k)
        for k in m.get("targets") or ():
            as_target[k] += 1
            seen.setdefault(k)
    actors = [k for k in seen if as_actor[k] >= as_target[k]]
    return actors, [k for k in seen if as_actor[k] < as_target[k]]
