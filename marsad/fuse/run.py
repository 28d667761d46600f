"""Fusion of a whole store in one call: near-duplicates, cross-article entities, stories and
entity profiles, and saving them (:meth:`marsad.store.Store.save_fusion`) so that queries
read indexed rows instead of fusing the corpus again."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .corrections import apply_place_corrections
from .dedup import DEFAULT_THRESHOLD, group_signatures, pack_signature, signature_of
from .entities import Tally, entity_profiles, entity_summary, entity_tallies
from .stories import (
    Story,
    build_stories,
    display_names,
    latest_year,
    members_of,
    reference_years,
    stories_of_members,
)
from .story_ids import Change, keep_ids

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class FusionResult:
    # Story.to_dict(), in date order (incremental: those saved; a full fusion in chunks,
    # marsad.fuse.bounded: read from the store when asked, marsad.fuse.settle)
    stories: Sequence[dict[str, Any]]
    # entity_profiles() (incremental: key and type of those saved again; in chunks: of all)
    entities: list[dict[str, Any]]
    n_articles: int
    n_duplicate_groups: int
    timings: dict[str, float]  # seconds per step: dedup, entities, stories, profiles
    # (incremental: also check, reading what is new, and save)
    # against the stories saved before (marsad.fuse.story_ids): merged ids → surviving ids,
    # and what changed
    redirects: list[tuple[str, str]] = field(default_factory=list)
    # (a full fusion in chunks: read from its scratch database when asked)
    changes: Sequence[Change] = field(default_factory=list)
    mode: str = "full"  # or "incremental" (marsad.fuse.incremental)
    n_added: int = 0  # incremental: articles added to the saved fusion
    n_region: int = 0  # incremental: saved stories re-clustered or rebuilt


@dataclass(frozen=True)
class _Steps:
    """A full fusion's result and what incremental fusion keeps of it."""

    result: FusionResult
    signatures: dict[str, bytes]  # packed (pack_signature): a tenth of a tuple's memory
    groups: list[set[str]]
    tallies: dict[str, Tally]
    stories: list[Story]  # in the order of kept.ids
    ids: list[str]


def fuse_records(records: Sequence[Mapping[str, Any]], *,
                 threshold: float = DEFAULT_THRESHOLD,
                 previous: Sequence[Mapping[str, Any]] = (),
                 taken: Sequence[str] = ()) -> FusionResult:
    """Every fusion step over ``records`` (article records, ``docs/output.md``).
    ``previous``: the stories saved by the last fusion, whose ids are kept
    (:func:`marsad.fuse.story_ids.keep_ids`); ``taken``: every story id given out before."""
    return _full_steps(records, threshold, previous, taken).result


def _full_steps(records: Sequence[Mapping[str, Any]], threshold: float,
                previous: Sequence[Mapping[str, Any]], taken: Sequence[str],
                ref_year: Mapping[str, int | None] | None = None) -> _Steps:
    """The fusion of ``records``; ``ref_year`` (reference_years of them) when the caller
    has it already (it reads every undated article's whole text)."""
    t = [time.perf_counter()]
    sigs = {str(r.get("doc_id")): signature_of(r) for r in records}
    groups = group_signatures(sigs, threshold=threshold)
    packed = {d: pack_signature(s) for d, s in sigs.items() if s}
    del sigs
    t.append(time.perf_counter())
    tallies = entity_tallies(records)
    linked = {k: entity_summary(k, a) for k, a in tallies.items()}
    t.append(time.perf_counter())
    group_of = {d: i for i, g in enumerate(groups) for d in g}
    stories = stories_of_members(members_of(records), group_of=group_of,
                                 names=display_names(records),
                                 ref_year=ref_year if ref_year is not None
                                 else reference_years(records, latest_year(records)))
    kept = keep_ids([s.to_dict() for s in stories], previous, set(taken))
    t.append(time.perf_counter())
    profiles = entity_profiles(linked, kept.stories)
    t.append(time.perf_counter())
    steps = ("dedup", "entities", "stories", "profiles")
    res = FusionResult(kept.stories, profiles, len(records), len(groups),
                       {s: t[i + 1] - t[i] for i, s in enumerate(steps)},
                       kept.redirects, kept.changes)
    return _Steps(res, packed, groups, tallies, stories, kept.ids)


def fuse_store(store: Store, *, threshold: float = DEFAULT_THRESHOLD,
               full: bool = False) -> FusionResult:
    """Fuse the articles of ``store`` and save the results in it, keeping the ids of the
    stories saved before and recording redirects and changes. Incremental
    (:mod:`marsad.fuse.incremental`: only what the articles added since touch) when the
    saved fusion can be extended, else (or with ``full``) over every article, a chunk at a
    time (:mod:`marsad.fuse.bounded`: its memory does not grow with the corpus)."""
    from ..store.base import SQLStore
    from .bounded import fuse_bounded
    from .incremental import fuse_incremental

    if not full:
        res = fuse_incremental(store, threshold=threshold)
        if res is not None:
            return res
    if isinstance(store, SQLStore):
        return fuse_bounded(store, threshold)
    return fuse_in_memory(store, threshold)


def fuse_in_memory(store: Store, threshold: float = DEFAULT_THRESHOLD) -> FusionResult:
    """A full fusion holding every record (:func:`fuse_store` before issue #19): for a store
    without the incremental-fusion tables, and what tests compare the bounded one with."""
    from ..store.base import SQLStore
    from .incremental import corrections_digest, first_claims, full_index, reach_rows, state_row

    t0 = time.perf_counter()
    state = store.corpus_state()
    # read before the records: an article replaced in between is then seen as changed
    states = store.article_states() if isinstance(store, SQLStore) else []
    corrections = store.place_corrections()
    # in doc_id order whatever the database's collation: ties and first names depend on it
    records = sorted(apply_place_corrections(list(store.iter_records()), corrections),
                     key=lambda r: str(r.get("doc_id")))
    latest = latest_year(records)
    ref_year = reference_years(records, latest)
    steps = _full_steps(records, threshold, store.stories(), store.known_story_ids(),
                        ref_year)
    index = None
    if isinstance(store, SQLStore):
        reach = [r for sid, s in zip(steps.ids, steps.stories, strict=True)
                 for r in reach_rows(sid, s, ref_year)]
        index = full_index(states, steps.signatures, steps.groups, steps.tallies,
                           first_claims(records), reach,
                           state_row(threshold, latest, corrections_digest(corrections)))
    res = steps.result
    store.save_fusion(res.stories, res.entities, corpus_state=state,
                      seconds=time.perf_counter() - t0, redirects=res.redirects,
                      changes=res.changes, index=index)
    return res


def stable_stories(store: Store, records: Sequence[Mapping[str, Any]]
                   ) -> tuple[list[Story], dict[str, str]]:
    """The stories of ``records`` with the ids a fusion of ``store`` would give them now
    (the saved stories' ids kept, :func:`marsad.fuse.story_ids.keep_ids`), without writing;
    and every redirect (old id → id), saved ones and those this fusion would add. For
    readers that fuse in memory (the workbench) so that they show the store's ids."""
    stories = build_stories(records)
    redirects = store.story_redirects()
    if store.fusion_info() is None:
        return stories, redirects
    kept = keep_ids([s.to_dict() for s in stories], store.stories(),
                    set(store.known_story_ids()))
    # (one fusion's losers are never its winners: no chains to follow within it)
    new_of = dict(kept.redirects)
    redirects = {o: new_of.get(n, n) for o, n in redirects.items()} | new_of
    return [replace(s, id=kept.ids[i]) for i, s in enumerate(stories)], redirects


def ensure_fused(store: Store) -> FusionResult | None:
    """Fuse the store when its saved fusion is missing or stale (articles added, replaced or
    reprocessed since); returns the new result, or None when the saved one is current."""
    info = store.fusion_info()
    if info is not None and info["corpus_state"] == store.corpus_state():
        return None
    return fuse_store(store)
