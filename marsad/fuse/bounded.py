"""A full fusion in a bounded working set (issue #19): the incremental path applied to the
corpus a chunk at a time, so that its memory does not grow with the corpus.

A full fusion held every record (about 16 KB an article in memory, 4.7 GB at 101,000
articles). Incremental fusion (:mod:`marsad.fuse.incremental`) gives what a full fusion
gives whatever order articles come in (tested on shuffled batches), holding only what the
new articles touch. So a full fusion:

1. writes the saved stories' *sketches* (id, member keys and told order, a digest of the
   rest: what :func:`marsad.fuse.story_ids.keep_ids` weighs) to a scratch database on disk
   (:mod:`marsad.fuse.settle`) and reads the newest publication year of the store;
2. saves an empty fusion with that year (an undated article's reference year depends on it:
   fixed first, no chunk moves it) and a :data:`~marsad.fuse.incremental.PARTIAL` state;
3. adds the articles :data:`CHUNK` at a time in publication order (a chunk's events then
   mostly meet the stories of the chunk before, so its region stays small), the stories
   saved with their seed ids (from their earliest member) and no history;
4. gives the stories their ids as a fusion of the whole corpus at once would: what
   ``keep_ids`` gives over the new stories (in the order a fusion returns them) and the
   saved ones, with every id ever given out, worked out in the scratch database (the new
   stories' sketches written there too, the changes as they are made); then renames the
   stories whose id is not their seed (most keep it: a saved story's id is the seed it had
   when it was made), saves the redirects and changes (streamed from the scratch database)
   and the corpus state, in one transaction. The result reads its stories from the store
   and its changes from the scratch database when asked.

The articles are put in publication order in the scratch database too. What still grows with
the corpus: the renaming and the redirects (few), and the checks the incremental path runs
over every article at each chunk (CPU, not memory).

An interrupted run leaves the partial state: the next fusion is full again (the stories
saved before the interrupted one are gone then, so their ids are not kept; the ids ever
given out are still never given again). A store without the incremental-fusion tables
(none of Marsad's) is fused in memory (:func:`marsad.fuse.run.fuse_in_memory`).
"""

from __future__ import annotations

import time
from collections import defaultdict
from typing import TYPE_CHECKING

from .dedup import DEFAULT_THRESHOLD
from .incremental import (
    PARTIAL,
    corrections_digest,
    fuse_incremental,
    state_row,
)
from .run import FusionResult
from .settle import Scratch, StoredStories, settle

if TYPE_CHECKING:
    from ..store.base import SQLStore

# articles added at a time (docs/scaling.md): at 30,000 generated articles chunks of 1,000
# and 5,000 cost the same CPU within the host's noise, and memory grows with the chunk
CHUNK = 2000
RESTARTS = 3  # times a chunk that cannot be added (an article replaced meanwhile) restarts


def fuse_bounded(store: SQLStore, threshold: float = DEFAULT_THRESHOLD) -> FusionResult:
    """Fuse every article of ``store`` a chunk at a time and save it (module docstring):
    the same stories, ids, history, groups and profiles as a fusion in memory."""
    t0 = time.perf_counter()
    state = store.corpus_state()
    info = store.fusion_info()
    scratch = Scratch()
    # (the stories of an interrupted one are partial, their ids seeds never given out)
    if info is not None and info["corpus_state"] != PARTIAL:
        scratch.add_saved(store.iter_stories_by_id())
    timings: dict[str, float] = defaultdict(float)
    for _ in range(RESTARTS):
        if _add_in_chunks(store, scratch, threshold, timings):
            break
    else:
        raise RuntimeError(f"{getattr(store, 'name', 'the store')}: articles kept changing"
                           " during the fusion; run it again")
    t1 = time.perf_counter()
    redirects, changes = settle(store, scratch, corpus_state=state,
                                seconds=time.perf_counter() - t0)
    timings["ids"] = time.perf_counter() - t1
    types = store.fused_entity_types()
    return FusionResult(StoredStories(store), [{"key": k, "type": t} for k, t in types.items()],
                        store.n_fused_articles(), store.n_duplicate_groups(), dict(timings),
                        redirects, changes)


def _add_in_chunks(store: SQLStore, scratch: Scratch, threshold: float,
                   timings: dict[str, float]) -> bool:
    """Clear the saved fusion and add every article to it in chunks; False when a chunk
    could not be added (an article replaced or reprocessed meanwhile: start again)."""
    from ..store.fusion_index import FusionIndex

    latest = scratch.add_articles(store.iter_article_rows())
    corrections = corrections_digest(store.place_corrections())
    ix = FusionIndex(keys=[state_row(threshold, latest, corrections)])
    store.save_fusion([], [], corpus_state=PARTIAL, index=ix)
    for chunk in scratch.articles_in_order(CHUNK):
        res = fuse_incremental(store, threshold=threshold, chunk=chunk)
        if res is None:
            return False
        for step, seconds in res.timings.items():
            timings[step] += seconds
    return True
