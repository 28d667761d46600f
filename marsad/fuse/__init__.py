"""Corpus-level fusion over extracted article records (``docs/output.md``).

Three stdlib-only steps, each a pure function of a list of record dicts:

- :func:`near_duplicates` groups syndicated / wire copies of one article (MinHash + LSH);
- :func:`link_entities` joins entities across articles (by ``kb_id``, or by normalised name
  and type for unlinked names of two words or more);
- :func:`build_stories` merges events from different articles that report one happening into
  :class:`Story` objects with their sources, independent sources, certainty and contradictions;
- :func:`entity_profiles` adds to each entity its stories and the entities it shares them with.

:func:`fuse_store` runs them all over a store and saves the results in it, keeping the ids
of the stories it saved before (:mod:`marsad.fuse.story_ids`).
"""

from __future__ import annotations

from .dedup import DEFAULT_THRESHOLD, minhash_signature, near_duplicates, shingles
from .entities import entity_profiles, link_entities
from .keys import entity_keys, outlet_of
from .run import FusionResult, ensure_fused, fuse_records, fuse_store, stable_stories
from .stories import Member, Story, build_stories, find_contradictions
from .story_ids import Change, KeptIds, keep_ids

__all__ = [
    "DEFAULT_THRESHOLD",
    "Change",
    "FusionResult",
    "KeptIds",
    "Member",
    "Story",
    "build_stories",
    "ensure_fused",
    "entity_keys",
    "entity_profiles",
    "find_contradictions",
    "fuse_records",
    "fuse_store",
    "keep_ids",
    "link_entities",
    "minhash_signature",
    "near_duplicates",
    "outlet_of",
    "shingles",
    "stable_stories",
]
