"""Fusion of a whole store in one call: near-duplicates, cross-article entities, stories and
entity profiles, and saving them (:meth:`marsad.store.Store.save_fusion`) so that queries
read indexed rows instead of fusing the corpus again."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .dedup import DEFAULT_THRESHOLD, near_duplicates
from .entities import entity_profiles, link_entities
from .stories import build_stories

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class FusionResult:
    stories: list[dict[str, Any]]  # Story.to_dict(), in date order
    entities: list[dict[str, Any]]  # entity_profiles()
    n_articles: int
    n_duplicate_groups: int
    timings: dict[str, float]  # seconds per step: dedup, entities, stories, profiles


def fuse_records(records: Sequence[Mapping[str, Any]], *,
                 threshold: float = DEFAULT_THRESHOLD) -> FusionResult:
    """Every fusion step over ``records`` (article records, ``docs/output.md``)."""
    t = [time.perf_counter()]
    groups = near_duplicates(records, threshold=threshold)
    t.append(time.perf_counter())
    linked = link_entities(records)
    t.append(time.perf_counter())
    stories = [s.to_dict() for s in build_stories(records, duplicates=groups)]
    t.append(time.perf_counter())
    profiles = entity_profiles(linked, stories)
    t.append(time.perf_counter())
    steps = ("dedup", "entities", "stories", "profiles")
    return FusionResult(stories, profiles, len(records), len(groups),
                        {s: t[i + 1] - t[i] for i, s in enumerate(steps)})


def fuse_store(store: Store, *, threshold: float = DEFAULT_THRESHOLD) -> FusionResult:
    """Fuse every article of ``store`` and save the results in it (replacing older ones)."""
    t0 = time.perf_counter()
    state = store.corpus_state()
    records = list(store.iter_records())
    result = fuse_records(records, threshold=threshold)
    store.save_fusion(result.stories, result.entities, corpus_state=state,
                      seconds=time.perf_counter() - t0)
    return result


def ensure_fused(store: Store) -> FusionResult | None:
    """Fuse the store when its saved fusion is missing or stale (articles added, replaced or
    reprocessed since); returns the new result, or None when the saved one is current."""
    info = store.fusion_info()
    if info is not None and info["corpus_state"] == store.corpus_state():
        return None
    return fuse_store(store)
