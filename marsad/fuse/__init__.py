"""Corpus-level fusion over extracted article records (``spec/output.md``).

Three stdlib-only steps, each a pure function of a list of record dicts:

- :func:`near_duplicates` groups syndicated / wire copies of one article (MinHash + LSH);
- :func:`link_entities` joins entities across articles (by ``kb_id``, or by normalised name
  and type for unlinked names of two words or more);
- :func:`build_stories` merges events from different articles that report one happening into
  :class:`Story` objects with their sources, independent sources, certainty and contradictions.
"""

from __future__ import annotations

from .dedup import DEFAULT_THRESHOLD, minhash_signature, near_duplicates, shingles
from .entities import link_entities
from .keys import entity_keys, outlet_of
from .stories import Member, Story, build_stories, find_contradictions

__all__ = [
    "DEFAULT_THRESHOLD",
    "Member",
    "Story",
    "build_stories",
    "entity_keys",
    "find_contradictions",
    "link_entities",
    "minhash_signature",
    "near_duplicates",
    "outlet_of",
    "shingles",
]
