"""A full fusion in a bounded working set (issue #19): the incremental path applied to the
corpus a chunk at a time, so that its memory does not grow with the corpus.

A full fusion held every record (about 16 KB an article in memory, 4.7 GB at 101,000
articles). Incremental fusion (:mod:`marsad.fuse.incremental`) gives what a full fusion
gives whatever order articles come in (tested on shuffled batches), holding only what the
new articles touch. So a full fusion:

1. reads the saved stories' *sketches* (id, type, date, member keys and told order, a digest
   of the rest: what :func:`marsad.fuse.story_ids.keep_ids` weighs) and the newest
   publication year of the store;
2. saves an empty fusion with that year (an undated article's reference year depends on it:
   fixed first, no chunk moves it) and a :data:`~marsad.fuse.incremental.PARTIAL` state;
3. adds the articles :data:`CHUNK` at a time in publication order (a chunk's events then
   mostly meet the stories of the chunk before, so its region stays small), the stories
   saved with their seed ids (from their earliest member) and no history;
4. gives the stories their ids as a fusion of the whole corpus at once would: ``keep_ids``
   over the sketches of the new stories (in the order a fusion returns them) and of the
   saved ones, with every id ever given out; then renames the stories whose id is not their
   seed (most keep it: a saved story's id is the seed it had when it was made), saves the
   redirects and changes and the corpus state, in one transaction.

What still grows with the corpus: the sketches (a few hundred bytes a story member, twice:
the saved stories and the new ones) and the list of article ids in publication order.

An interrupted run leaves the partial state: the next fusion is full again (the stories
saved before the interrupted one are gone then, so their ids are not kept; the ids ever
given out are still never given again). A store without the incremental-fusion tables
(none of Marsad's) is fused in memory (:func:`marsad.fuse.run.fuse_in_memory`).
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .dedup import DEFAULT_THRESHOLD
from .incremental import (
    PARTIAL,
    corrections_digest,
    fuse_incremental,
    state_row,
)
from .run import FusionResult
from .stories import parse_day
from .story_ids import KeptIds, MemberKey, _digest, first_told, keep_ids, story_order

if TYPE_CHECKING:
    from ..store.base import SQLStore

# articles added at a time (docs/scaling.md): at 30,000 generated articles chunks of 1,000
# and 5,000 cost the same CPU within the host's noise, and memory grows with the chunk
CHUNK = 2000
RESTARTS = 3  # times a chunk that cannot be added (an article replaced meanwhile) restarts


def sketch(story: Mapping[str, Any]) -> dict[str, Any]:
    """What :func:`keep_ids` reads of a saved story: id, type, date, each member's told
    order (:func:`first_told`, which holds its key; repeated strings interned) and a digest
    of everything (``body``), so that two sketches differ where the stories do: 0.9 KB a
    story of the generated corpus, against 1.5 KB with the members and date as dicts."""
    members = [tuple(sys.intern(v) if isinstance(v, str) else v for v in first_told(m))
               for m in story["members"]]
    d = story.get("date")  # (what story_order reads of it)
    return {"id": str(story["id"]), "type": sys.intern(str(story["type"])),
            "date": d and {"start": sys.intern(d["start"]), "end": sys.intern(d["end"])},
            "members": members, "body": bytes.fromhex(_digest(story))}


def _key(told: tuple[Any, ...]) -> MemberKey:
    """:func:`marsad.fuse.story_ids.member_key` of a member's told order (``told_key``)."""
    return (told[2], told[4], told[5])


def _told(told: tuple[Any, ...]) -> tuple[Any, ...]:
    return told


class _GivenBefore:
    """The ids given out before this fusion, asked of the store one at a time: a redirect or
    a change has them (the saved stories' ids are the sketches', which keep_ids adds)."""

    def __init__(self, store: SQLStore) -> None:
        self.store = store

    def __contains__(self, sid: object) -> bool:
        return isinstance(sid, str) and self.store.story_id_in_history(sid)


def fuse_bounded(store: SQLStore, threshold: float = DEFAULT_THRESHOLD) -> FusionResult:
    """Fuse every article of ``store`` a chunk at a time and save it (module docstring):
    the same stories, ids, history, groups and profiles as a fusion in memory."""
    t0 = time.perf_counter()
    state = store.corpus_state()
    info = store.fusion_info()
    # (the stories of an interrupted one are partial, their ids seeds never given out)
    before = ([] if info is None or info["corpus_state"] == PARTIAL
              else [sketch(s) for s in store.iter_stories()])
    timings: dict[str, float] = defaultdict(float)
    for _ in range(RESTARTS):
        if _add_in_chunks(store, threshold, timings):
            break
    else:
        raise RuntimeError(f"{getattr(store, 'name', 'the store')}: articles kept changing"
                           " during the fusion; run it again")
    t1 = time.perf_counter()
    kept, renamed = _final_ids(store, before)
    store.settle_fusion(renamed, corpus_state=state, seconds=time.perf_counter() - t0,
                        redirects=kept.redirects, changes=kept.changes)
    timings["ids"] = time.perf_counter() - t1
    types = store.fused_entity_types()
    return FusionResult(kept.stories, [{"key": k, "type": t} for k, t in types.items()],
                        store.n_fused_articles(), store.n_duplicate_groups(), dict(timings),
                        kept.redirects, kept.changes)


def _add_in_chunks(store: SQLStore, threshold: float, timings: dict[str, float]) -> bool:
    """Clear the saved fusion and add every article to it in chunks; False when a chunk
    could not be added (an article replaced or reprocessed meanwhile: start again)."""
    from ..store.fusion_index import FusionIndex

    rows = store.articles_in_order()
    order = [(d, h, at) for d, h, at, _ in rows]
    latest = max((day.year for *_, p in rows if (day := parse_day(p))), default=None)
    del rows
    corrections = corrections_digest(store.place_corrections())
    ix = FusionIndex(keys=[state_row(threshold, latest, corrections)])
    store.save_fusion([], [], corpus_state=PARTIAL, index=ix)
    for i in range(0, len(order), CHUNK):
        res = fuse_incremental(store, threshold=threshold, chunk=order[i: i + CHUNK])
        if res is None:
            return False
        for step, seconds in res.timings.items():
            timings[step] += seconds
    return True


def _final_ids(store: SQLStore, before: Iterable[Mapping[str, Any]]
               ) -> tuple[KeptIds, list[tuple[str, str]]]:
    """The ids a fusion in memory gives the stories now saved under their seed ids, and
    the renaming (seed → id) of those whose id is another."""
    now = [sketch(s) for s in store.iter_stories()]
    # the order a fusion makes them in (the store's is the same but for its collation)
    now.sort(key=story_order)
    kept = keep_ids(now, list(before), _GivenBefore(store), digest=_body, view=(_key, _told))
    return kept, [(s["id"], sid) for s, sid in zip(now, kept.ids, strict=True)
                  if s["id"] != sid]


def _body(s: Mapping[str, Any]) -> str:
    return bytes(s["body"]).hex()
