"""Fusion of a whole store in one call: near-duplicates, cross-article entities, stories and
entity profiles, and saving them (:meth:`marsad.store.Store.save_fusion`) so that queries
read indexed rows instead of fusing the corpus again."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .corrections import apply_place_corrections
from .dedup import DEFAULT_THRESHOLD, near_duplicates
from .entities import entity_profiles, link_entities
from .stories import Story, build_stories
from .story_ids import Change, keep_ids

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class FusionResult:
    stories: list[dict[str, Any]]  # Story.to_dict(), in date order
    entities: list[dict[str, Any]]  # entity_profiles()
    n_articles: int
    n_duplicate_groups: int
    timings: dict[str, float]  # seconds per step: dedup, entities, stories, profiles
    # against the stories saved before (marsad.fuse.story_ids): merged ids → surviving ids,
    # and what changed
    redirects: list[tuple[str, str]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)


def fuse_records(records: Sequence[Mapping[str, Any]], *,
                 threshold: float = DEFAULT_THRESHOLD,
                 previous: Sequence[Mapping[str, Any]] = (),
                 taken: Sequence[str] = ()) -> FusionResult:
    """Every fusion step over ``records`` (article records, ``docs/output.md``).
    ``previous``: the stories saved by the last fusion, whose ids are kept
    (:func:`marsad.fuse.story_ids.keep_ids`); ``taken``: every story id given out before."""
    t = [time.perf_counter()]
    groups = near_duplicates(records, threshold=threshold)
    t.append(time.perf_counter())
    linked = link_entities(records)
    t.append(time.perf_counter())
    kept = keep_ids([s.to_dict() for s in build_stories(records, duplicates=groups)],
                    previous, taken)
    t.append(time.perf_counter())
    profiles = entity_profiles(linked, kept.stories)
    t.append(time.perf_counter())
    steps = ("dedup", "entities", "stories", "profiles")
    return FusionResult(kept.stories, profiles, len(records), len(groups),
                        {s: t[i + 1] - t[i] for i, s in enumerate(steps)},
                        kept.redirects, kept.changes)


def fuse_store(store: Store, *, threshold: float = DEFAULT_THRESHOLD) -> FusionResult:
    """Fuse every article of ``store`` and save the results in it (replacing older ones),
    keeping the ids of the stories saved before and recording redirects and changes."""
    t0 = time.perf_counter()
    state = store.corpus_state()
    records = apply_place_corrections(list(store.iter_records()), store.place_corrections())
    result = fuse_records(records, threshold=threshold, previous=store.stories(),
                          taken=store.known_story_ids())
    store.save_fusion(result.stories, result.entities, corpus_state=state,
                      seconds=time.perf_counter() - t0, redirects=result.redirects,
                      changes=result.changes)
    return result


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
    kept = keep_ids([s.to_dict() for s in stories], store.stories(), store.known_story_ids())
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
