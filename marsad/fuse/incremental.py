"""Incremental fusion: articles added to a fused store update the saved fusion without
fusing the corpus again, and give what a full fusion would (issue #19).

A full fusion (:func:`marsad.fuse.run.fuse_store` with ``full=True``: increments of a chunk
of articles each from an empty fusion, :mod:`marsad.fuse.bounded`) saves what an increment
needs (migration 0007, :mod:`marsad.store.fusion_index`): each article's MinHash
signature, LSH buckets and near-duplicate group; each entity key's :class:`Tally`; each key's
display name with where it was first given; each story's *reach* (per participant key, the
months its members may meet a new event in, :func:`marsad.fuse.stories.member_reach`).

Adding articles then touches only what they reach:

- **near-duplicates**: a new article is compared with the articles sharing one of its 32 LSH
  buckets; groups are connected components of confirmed pairs, so joining the new article to
  the groups it matches gives the full fusion's groups;
- **stories**: clustering is greedy and order-dependent, so a new event may change any story
  it could have met, and through it any story *those* could have met. The *region* is that
  closure over the stored reaches (two reaches of one type and key meet when both are undated
  or their months overlap); re-clustering the region's members with the new ones gives the
  full fusion's stories, because no member outside the region could ever consult a story of
  it. Stories outside the region are rebuilt without re-clustering when their display names
  or near-duplicate groups changed;
- **entity profiles**: the keys of the new articles (their tallies add up) and the keys of
  the stories that changed; a key whose name or type changed also refreshes the profiles
  that list it as related;
- **story ids** are kept as a full re-fusion keeps them (:func:`keep_ids` on the region).

A full fusion runs instead when the saved one cannot be extended: none saved, saved by
another version or threshold, articles replaced, reprocessed or deleted, place corrections
changed, or a newer publication year (it moves every undated article's reference year).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from .. import __version__
from .corrections import apply_place_corrections
from .dedup import (
    _UnionFind,
    band_buckets,
    estimated_jaccard,
    pack_signature,
    shares_band,
    signature_of,
    unpack_signature,
)
from .entities import Tally, entity_summary, entity_tallies
from .run import FusionResult
from .stories import (
    MAX_DAY_SLIP,
    Member,
    Story,
    latest_year,
    make_story,
    member_reach,
    members_of,
    name_claims,
    reaches_meet,
    reference_years,
    stories_of_members,
)
from .story_ids import AskedIds, KeptIds, keep_ids, member_key, story_order

if TYPE_CHECKING:
    from ..store.base import EntityRow, SQLStore
    from ..store.fusion_index import FusionIndex, ReachRow

STATE = "fusion"  # the fusion_keys key of the saved fusion's settings
# the corpus state a bounded full fusion (marsad.fuse.bounded) saves until its last step:
# never a real one
PARTIAL = "partial"
INDEX_FORMAT = 4  # of the rows this module saves: another one is fused again in full
# (4: tallies without their lists of articles, migration 0009)


# ------------------------------------------------------------------ what a fusion saves


def corrections_digest(corrections: Iterable[Mapping[str, Any]]) -> str:
    pairs = sorted((str(c["doc_id"]), str(c["place_key"])) for c in corrections)
    return hashlib.sha256(json.dumps(pairs).encode()).hexdigest()[:32]


def state_row(threshold: float, latest: int | None, corrections: str) -> tuple[str, str, str]:
    value = {"version": __version__, "format": INDEX_FORMAT, "threshold": threshold,
             "latest_year": latest, "corrections": corrections}
    return ("state", STATE, json.dumps(value))


def name_rows(claims: Mapping[str, tuple[str, str, int]]) -> list[tuple[str, str, str]]:
    """fusion_keys rows of display names: key → [name, doc_id, index of the claim]."""
    return [("name", k, json.dumps(list(v), ensure_ascii=False)) for k, v in claims.items()]


def first_claims(records: Iterable[Mapping[str, Any]]) -> dict[str, tuple[str, str, int]]:
    """Key → (display name, doc_id, index) of its first claim in ``records`` (doc_id order)."""
    out: dict[str, tuple[str, str, int]] = {}
    for rec in records:
        doc_id = str(rec.get("doc_id"))
        for i, (k, name) in enumerate(name_claims(rec)):
            old = out.get(k)
            if old is None or (doc_id, i) < (old[1], old[2]):
                out[k] = (name, doc_id, i)
    return out


WIDE, UNDATED = -1, -2  # the month of a dated reach of more than 24 months, of an undated one
MAX_MONTHS = 24


def reach_months(lo: int, hi: int) -> list[int]:
    """The month numbers (year * 12 + month - 1) of a reach in day numbers; ``[WIDE]`` when
    more than ``MAX_MONTHS``."""
    a, b = date.fromordinal(max(lo, 1)), date.fromordinal(min(hi, date.max.toordinal()))
    first, last = a.year * 12 + a.month - 1, b.year * 12 + b.month - 1
    return list(range(first, last + 1)) if last - first < MAX_MONTHS else [WIDE]


def reach_rows(story_id: str, story: Story, ref_year: Mapping[str, int | None]
               ) -> list[ReachRow]:
    """The story_reach rows of a story: per member, participant key and month of its reach
    (:func:`marsad.fuse.stories.member_reach`)."""
    out: list[ReachRow] = []
    for m in story.members:
        undated, (lo, hi) = member_reach(m, ref_year)
        parts, places = "\t".join(sorted(m.participants)), "\t".join(sorted(m.place_keys))
        months = [UNDATED] if undated else reach_months(lo, hi)
        out += [(story_id, story.type, k, mo, int(undated), lo, hi, parts, places)
                for k in sorted(m.participants) for mo in months]
    return out


def full_index(states: Sequence[tuple[str, str, str]], sigs: Mapping[str, bytes],
               groups: Sequence[set[str]], tallies: Mapping[str, Tally],
               claims: Mapping[str, tuple[str, str, int]], reach: list[ReachRow],
               state: tuple[str, str, str]) -> FusionIndex:
    """Every row of the incremental-fusion tables for a full fusion (``sigs``: packed
    signatures; the buckets are made from them as they are written, not held)."""
    from ..store.fusion_index import FusionIndex

    group_of = {d: min(g) for g in groups for d in g}
    ix = FusionIndex(reach=reach)
    ix.articles = [(doc_id, digest, at, group_of.get(doc_id), sigs.get(doc_id))
                   for doc_id, digest, at in states]
    ix.buckets = ((b, d) for d, blob in sigs.items()
                  for b in set(band_buckets(unpack_signature(blob))))
    ix.keys = [("tally", k, json.dumps(t.to_json(), ensure_ascii=False))
               for k, t in tallies.items()]
    ix.keys += name_rows(claims) + [state]
    return ix


# ------------------------------------------------------------------ when it cannot be done


def why_full(store: Any, threshold: float, *, partial: bool = False) -> str | None:
    """Why the saved fusion of ``store`` cannot be extended (None: it can). ``partial``: the
    caller is the bounded full fusion adding its chunks (:mod:`marsad.fuse.bounded`); any
    other caller finds a partial fusion interrupted, to be done again in full."""
    from ..store.base import SQLStore

    if not isinstance(store, SQLStore):
        return "this store keeps no incremental-fusion tables"
    info = store.fusion_info()
    if info is None:
        return "no saved fusion"
    if (info["corpus_state"] == PARTIAL) != partial:
        return "a full fusion was interrupted"
    saved = store.fusion_keys("state", [STATE]).get(STATE)
    if (saved is None or info["version"] != __version__ or saved["version"] != __version__
            or saved.get("format") != INDEX_FORMAT):
        return "the saved fusion was made by another version of Marsad"
    if saved["threshold"] != threshold:
        return "another near-duplicate threshold"
    if saved["corrections"] != corrections_digest(store.place_corrections()):
        return "place corrections changed"
    if store.fused_articles_changed():
        return "articles were replaced, reprocessed or deleted"
    return None


# ------------------------------------------------------------------ near-duplicates


@dataclass
class Regrouping:
    group_of: dict[str, str]  # doc_id → group, for every doc whose group is known now
    regroup: list[tuple[str | None, str]]  # (group, doc_id) of fused articles that moved
    merged: set[str]  # fused articles whose group joined another fused article's group
    new_sigs: dict[str, tuple[int, ...]]


def regroup(store: SQLStore, records: Sequence[Mapping[str, Any]],
            threshold: float) -> Regrouping:
    """The near-duplicate groups with ``records`` (new articles) added."""
    sigs = {str(r.get("doc_id")): signature_of(r) for r in records}
    sigs = {d: s for d, s in sigs.items() if s}
    buckets = {d: band_buckets(s) for d, s in sigs.items()}
    in_store = store.bucket_docs({b for bs in buckets.values() for b in bs})
    local: dict[int, list[str]] = defaultdict(list)
    for d in sorted(buckets):
        for b in set(buckets[d]):
            local[b].append(d)
    # candidate → the band it came through (checked on the signatures: a digest may collide)
    cands: dict[str, dict[str, int]] = {}
    for d, bs in buckets.items():
        cands[d] = {}
        for band, b in enumerate(bs):
            for o in (*in_store.get(b, ()), *local[b]):
                if o != d:
                    cands[d].setdefault(o, band)
    old = store.fused_signatures({o for cs in cands.values() for o in cs} - sigs.keys())
    # kept packed and unpacked at each comparison: as tuples of ints the candidates'
    # signatures were 4.6 KB each and most of an increment's memory (issue #19)
    old_sig = {d: s for d, (s, _) in old.items() if s is not None}
    node = {d: (g or d) for d, (_, g) in old.items()}  # a fused article joins as its group
    uf = _UnionFind()
    for d, cs in cands.items():
        for o, band in cs.items():
            so = sigs.get(o) or (unpack_signature(old_sig[o]) if o in old_sig else None)
            if (so and shares_band(sigs[d], so, band)
                    and estimated_jaccard(sigs[d], so) >= threshold):
                uf.union(d, node.get(o, o))
    return _apply_unions(store, uf, sigs)


def _apply_unions(store: SQLStore, uf: _UnionFind, sigs: dict[str, tuple[int, ...]]
                  ) -> Regrouping:
    comps: dict[str, set[str]] = defaultdict(set)
    for x in {*uf.parent, *uf.parent.values()}:  # (a root is a value only)
        comps[uf.find(x)].add(x)
    old_nodes = {x for c in comps.values() for x in c} - sigs.keys()
    members = store.group_docs(old_nodes)  # a node is a group, or a fused article alone
    out = Regrouping({}, [], set(), sigs)
    for comp in comps.values():
        olds = comp - sigs.keys()
        docs = (comp & sigs.keys()) | {d for o in olds for d in (members.get(o) or [o])}
        group = min(docs)
        for d in docs:
            out.group_of[d] = group
        for o in olds:
            moved = members.get(o) or [o]
            if o not in members or o != group:  # an article alone had no group
                out.regroup += [(group, d) for d in moved]
            if len(olds) > 1:  # two saved groups joined: their stories count sources anew
                out.merged.update(moved)
    return out


# ------------------------------------------------------------------ stories


# type, participants, undated, lo, hi (the reach), place keys
Probe = tuple[str, frozenset[str], bool, int, int, frozenset[str]]


def related(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two members' participants allow them into one story: one set holds the other
    (compatible), or they share two keys (conflicting on participants)."""
    return a <= b or b <= a or len(a & b) >= 2


def meets(p: Probe, q: Probe) -> bool:
    """Whether clustering may weigh one member against the other: one type (the caller's),
    related participants, and for two dated members ranges that overlap (compatible, or
    conflicting on place or participants the same day) or single days within the slip with
    the same participants and a common place (conflicting on the date,
    :func:`marsad.fuse.stories.conflicting`); an undated member's year window overlapping
    the other's reach; any two undated members."""
    if not related(p[1], q[1]):
        return False
    if p[2] or q[2]:
        return (p[2] and q[2]) or reaches_meet(p[3:5], q[3:5])
    if not reaches_meet(p[3:5], q[3:5]):
        return False
    slip = MAX_DAY_SLIP
    if reaches_meet((p[3] + slip, p[4] - slip), (q[3] + slip, q[4] - slip)):
        return True  # the ranges themselves overlap
    single = p[4] - p[3] == 2 * slip and q[4] - q[3] == 2 * slip
    return single and p[1] == q[1] and bool(p[5] & q[5])


def _probe(t: str, parts: str, undated: int, lo: int, hi: int, places: str) -> Probe:
    return (t, frozenset(parts.split("\t")), bool(undated), lo, hi,
            frozenset(places.split("\t")) if places else frozenset())


class _Reaches:
    """The stored reaches of (type, key, month), each read once."""

    def __init__(self, store: SQLStore) -> None:
        self.store = store
        self.rows: dict[tuple[str, str, int], list[tuple[str, Probe]]] = defaultdict(list)
        self.whole: dict[tuple[str, str], list[tuple[str, Probe]]] = {}

    def of(self, t: str, k: str, months: list[int] | None) -> list[tuple[str, Probe]]:
        """The reaches of type ``t`` and key ``k`` in ``months`` and the wide and undated
        ones (``months`` None: all)."""
        if (t, k) in self.whole:
            return self.whole[(t, k)]
        if months is None:
            out = self.whole[(t, k)] = self._read(t, k, None)
            return out
        wanted = [*months, WIDE, UNDATED]
        missing = [m for m in wanted if (t, k, m) not in self.rows]
        for m in missing:
            self.rows[(t, k, m)] = []
        for sid, mo, probe in self._read_months(t, k, missing):
            self.rows[(t, k, mo)].append((sid, probe))
        return [r for m in wanted for r in self.rows[(t, k, m)]]

    def _read(self, t: str, k: str, months: list[int] | None) -> list[tuple[str, Probe]]:
        return [(sid, probe) for sid, _, probe in self._read_months(t, k, months)]

    def _read_months(self, t: str, k: str, months: list[int] | None
                     ) -> list[tuple[str, int, Probe]]:
        if months is not None and not months:
            return []
        return [(sid, mo, _probe(t, parts, u, lo, hi, places))
                for sid, mo, u, lo, hi, parts, places in self.store.reach_rows(t, k, months)]


def region(store: SQLStore, seeds: Iterable[Member], ref_year: Mapping[str, int | None]
           ) -> set[str]:
    """The saved stories the new members ``seeds`` may change: every story with a member
    that :func:`meets` one of them, and transitively every story with a member that meets a
    member of those (module docstring)."""
    probes: set[Probe] = set()
    for m in seeds:
        undated, (lo, hi) = member_reach(m, ref_year)
        probes.add((m.type, m.participants, undated, lo, hi, m.place_keys))
    reaches = _Reaches(store)
    found: set[str] = set()
    while probes:
        fresh: list[str] = []
        for p in probes:
            months = None if p[2] else reach_months(p[3], p[4])
            for k in p[1]:
                for sid, q in reaches.of(p[0], k, months):
                    if sid not in found and meets(p, q):
                        found.add(sid)
                        fresh.append(sid)
        probes = {_probe(t, parts, u, lo, hi, places)
                  for _, t, _, _, u, lo, hi, parts, places in store.reach_of(fresh)}
    return found


@dataclass
class StoryUpdate:
    old: dict[str, dict[str, Any]]  # saved stories replaced (region and rebuilt)
    new: list[Story]  # what replaces them (ids as seeded; kept ids come from keep_ids)
    ref_year: dict[str, int | None]  # of their unpublished articles


def rebuild_stories(store: SQLStore, new_records: Sequence[Mapping[str, Any]],
                    regrouped: Regrouping, renamed: set[str],
                    names: Mapping[str, str], latest: int | None) -> StoryUpdate:
    """The stories of the region re-clustered with the new members, and the stories whose
    names or near-duplicate groups changed rebuilt as they are."""
    new_members = members_of(new_records)
    area = region(store, (m for m in new_members if m.participants),
                  reference_years(new_records, latest))
    touched = store.story_ids_of_docs(regrouped.merged)
    touched |= {s for rows in store.stories_of_keys(renamed).values() for s, *_ in rows}
    touched -= area
    old = store.stories_by_id(area | touched)
    docs = {m["doc_id"] for s in old.values() for m in s["members"]}
    recs = apply_place_corrections(store.records_of(docs), store.place_corrections())
    by_key = {member_key(m.to_dict()): m for m in members_of(recs)}
    ref_year = reference_years([*recs, *new_records], latest)
    group_of = _groups_of(store, docs, regrouped)
    names = _names_of(store, old, new_members, names)
    region_members = [by_key[member_key(m)] for sid in area for m in old[sid]["members"]]
    out = stories_of_members([*region_members, *new_members], group_of=group_of,
                             names=names, ref_year=ref_year)
    out += [make_story([by_key[member_key(m)] for m in old[sid]["members"]], group_of, names)
            for sid in sorted(touched)]
    return StoryUpdate(old, out, ref_year)


def _groups_of(store: SQLStore, docs: Iterable[str], regrouped: Regrouping
               ) -> dict[str, str]:
    saved = store.fused_signatures(set(docs) - regrouped.group_of.keys())
    out = {d: g for d, (_, g) in saved.items() if g is not None}
    return out | regrouped.group_of


def _names_of(store: SQLStore, old: Mapping[str, Mapping[str, Any]],
              new_members: Sequence[Member], updated: Mapping[str, str]) -> dict[str, str]:
    """Display names of every key the stories to build show."""
    keys = {k for s in old.values() for m in s["members"] for k in m["participants"]}
    keys |= {m["location"] for s in old.values() for m in s["members"] if m.get("location")}
    keys |= {k for m in new_members for k in (*m.participants, m.location) if k}
    saved = store.fusion_keys("name", keys - updated.keys())
    return {k: v[0] for k, v in saved.items()} | dict(updated)


# ------------------------------------------------------------------ entity profiles


PROFILES_AT_ONCE = 16  # saved profiles read and written again at a time


def profiles(store: SQLStore, summaries: Mapping[str, dict[str, Any]],
             kept: KeptIds, dropped: Mapping[str, Mapping[str, Any]]) -> list[EntityRow]:
    """The profiles to save again, as the store's rows (:func:`marsad.store.base.entity_row`):
    of the keys of the new articles and of the stories replaced (``dropped``) or made, and of
    the keys related to one whose name or type changed. Each is its saved profile with the
    counts of its related keys moved by the dropped and new stories (:func:`_profile`). A
    profile's lists of articles and stories are rows of the store (migration 0009: the
    stories' story_entities rows, the new articles' rows appended by the save), so an
    increment holds none of them (issue #19); the profiles are still read and turned into
    rows :data:`PROFILES_AT_ONCE` keys at a time."""
    from ..store.base import entity_row

    story_keys = {k for s in (*kept.stories, *dropped.values()) for k in _keys(s)}
    saved_names = store.entity_names(summaries)
    renamed = [k for k, e in summaries.items()
               if saved_names.get(k) != (e["name"], e.get("name_en"), e["type"])]
    around = {s for sids in store.stories_of_keys(renamed).values() for s, *_ in sids}
    keys = sorted(set(summaries) | story_keys | {k for ks in store.story_keys(around).values()
                                                 for k in ks})
    delta: dict[str, Counter[str]] = defaultdict(Counter)
    for sign, stories in ((-1, dropped.values()), (1, kept.stories)):
        for st in stories:
            ks = _keys(st)
            for k in ks:
                delta[k].update({o: sign for o in ks if o != k})
    # the names shown for related keys: a new profile's, else the saved one's
    shown = {k: (e["name"], e.get("name_en"), e["type"]) for k, e in summaries.items()}
    rows: list[EntityRow] = []
    for i in range(0, len(keys), PROFILES_AT_ONCE):
        saved = store.profiles_of(keys[i: i + PROFILES_AT_ONCE])
        base = {k: {f: v for f, v in p.items() if f != "related"} for k, p in saved.items()}
        base |= {k: summaries[k] for k in keys[i: i + PROFILES_AT_ONCE] if k in summaries}
        related = {k: Counter({r["key"]: r["shared"]
                               for r in saved.get(k, {}).get("related", [])}) for k in base}
        for k in base:
            related[k].update(delta[k])
        shown |= store.entity_names({o for c in related.values() for o in c} - shown.keys())
        rows += [entity_row(_profile(base[k], related[k], shown)) for k in sorted(base)]
    return rows


def _keys(s: Mapping[str, Any]) -> list[str]:
    """A story's participants and place, once each (what a profile counts it under)."""
    return list(dict.fromkeys([*s["participants"], *([s["location"]] if s.get("location")
                                                      else [])]))


def _profile(base: Mapping[str, Any], shared: Counter[str],
             shown: Mapping[str, tuple[Any, Any, Any]]) -> dict[str, Any]:
    """One :func:`marsad.fuse.entities.entity_profiles` entry without its lists, from the
    saved one (``base``: its fields, or a new summary's, with ``n_articles``)."""
    none = (None, None, None)
    e = dict(base)
    e["related"] = [{"key": o, "name": shown.get(o, none)[0], "name_en": shown.get(o, none)[1],
                     "type": shown.get(o, none)[2], "shared": n}
                    for o, n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])) if n > 0]
    return e


# ------------------------------------------------------------------ the whole increment


def fuse_incremental(store: Any, *, threshold: float,
                     chunk: Sequence[tuple[str, str, str]] | None = None
                     ) -> FusionResult | None:
    """Add the articles stored since the saved fusion to it and save the result; None when
    the saved fusion cannot be extended (:func:`why_full`) and a full fusion must run.
    ``chunk``: (doc_id, content hash, processed_at) of the next articles of a bounded full
    fusion (:mod:`marsad.fuse.bounded`), added instead of every unfused one, their stories
    saved with their seed ids and no history (its last step gives the ids)."""
    from ..store.base import entity_article_rows

    t = [time.perf_counter()]
    if why_full(store, threshold, partial=chunk is not None) is not None:
        return None
    state = PARTIAL if chunk is not None else store.corpus_state()
    added = list(chunk) if chunk is not None else store.unfused_articles()
    saved = store.fusion_keys("state", [STATE])[STATE]
    corrections = store.place_corrections()
    records = apply_place_corrections(store.records_of(d for d, _, _ in added), corrections)
    latest = latest_year(records)
    if latest is not None and (saved["latest_year"] is None or latest > saved["latest_year"]):
        return None  # every undated article's reference year may move: fuse it all
    t.append(time.perf_counter())
    regrouped = regroup(store, records, threshold)
    t.append(time.perf_counter())
    tallies = _merged_tallies(store, records)
    claims, renamed = _updated_claims(store, records)
    t.append(time.perf_counter())
    upd = rebuild_stories(store, records, regrouped, renamed,
                          {k: v[0] for k, v in claims.items()}, saved["latest_year"])
    kept = (provisional_ids(upd.new) if chunk is not None else
            keep_ids([s.to_dict() for s in upd.new], list(upd.old.values()),
                     AskedIds(store.story_id_given)))
    t.append(time.perf_counter())
    # (a merged tally lists the new articles only: their rows are added to the saved ones)
    rows = profiles(store, {k: {**entity_summary(k, a), "n_articles": a.n_articles}
                            for k, a in tallies.items()}, kept, upd.old)
    articles = [r for k, a in tallies.items() for r in entity_article_rows(k, a.local_ids)]
    t.append(time.perf_counter())
    # (the chunk's records, 16 KB an article, are not held through the save: issue #19)
    del records
    index = _increment_index(added, regrouped, tallies, claims, kept, upd,
                             state_row(threshold, saved["latest_year"],
                                       corrections_digest(corrections)))
    del tallies
    store.save_fusion_increment(kept.stories, rows, dropped=sorted(upd.old),
                                corpus_state=state, seconds=time.perf_counter() - t[0],
                                types={r[0]: r[2] for r in rows},
                                redirects=kept.redirects, changes=kept.changes, index=index,
                                articles=articles)
    t.append(time.perf_counter())
    # check: what is new and whether it can be added; save: writing it
    steps = ("check", "dedup", "entities", "stories", "profiles", "save")
    # (the profiles saved again by their keys and types: their rows hold them as JSON)
    profs = [{"key": r[0], "type": r[2]} for r in rows]
    return FusionResult(kept.stories, profs, store.n_fused_articles(),
                        store.n_duplicate_groups(),
                        {s: t[i + 1] - t[i] for i, s in enumerate(steps)},
                        kept.redirects, kept.changes, mode="incremental", n_added=len(added),
                        n_region=len(upd.old))


def provisional_ids(new: Sequence[Story]) -> KeptIds:
    """``new`` with their seed ids (stories never share an earliest member, so never a
    seed) and no history: which saved stories' ids a full fusion keeps depends on every
    story, known only when its last chunk is added (:mod:`marsad.fuse.bounded`)."""
    return KeptIds(sorted((s.to_dict() for s in new), key=story_order), [s.id for s in new])


def _merged_tallies(store: SQLStore, records: Sequence[Mapping[str, Any]]
                    ) -> dict[str, Tally]:
    """The tallies of the keys of ``records``, with their saved counts added."""
    new = entity_tallies(records)
    out = {}
    for k, j in store.fusion_keys("tally", new).items():
        out[k] = Tally.from_json(j)
        out[k].merge(new[k])
    return new | out


def _updated_claims(store: SQLStore, records: Sequence[Mapping[str, Any]]
                    ) -> tuple[dict[str, tuple[str, str, int]], set[str]]:
    """The display-name claims of ``records`` that come before the saved ones, and the keys
    whose display name they change."""
    new = first_claims(records)
    saved = store.fusion_keys("name", new)
    out, renamed = {}, set()
    for k, (name, doc_id, i) in new.items():
        old = saved.get(k)
        if old is None or (doc_id, i) < (old[1], old[2]):
            out[k] = (name, doc_id, i)
            if old is not None and old[0] != name:
                renamed.add(k)
    return out, renamed


def _increment_index(added: Sequence[tuple[str, str, str]], regrouped: Regrouping,
                     tallies: Mapping[str, Tally], claims: Mapping[str, tuple[str, str, int]],
                     kept: KeptIds, upd: StoryUpdate,
                     state: tuple[str, str, str]) -> FusionIndex:
    from ..store.fusion_index import FusionIndex

    ix = FusionIndex(regroup=regrouped.regroup)
    buckets: list[tuple[int, str]] = []
    for doc_id, digest, at in added:
        sig = regrouped.new_sigs.get(doc_id)
        ix.articles.append((doc_id, digest, at, regrouped.group_of.get(doc_id),
                            pack_signature(sig) if sig else None))
        if sig:
            buckets += [(b, doc_id) for b in set(band_buckets(sig))]
    ix.buckets = buckets
    for i, s in enumerate(upd.new):
        ix.reach += reach_rows(kept.ids[i], s, upd.ref_year)
    ix.keys = [("tally", k, json.dumps(a.to_json(), ensure_ascii=False))
               for k, a in tallies.items()]
    ix.keys += name_rows(claims) + [state]
    return ix
