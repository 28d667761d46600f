"""A full fusion in bounded chunks (issue 19) gives what a fusion holding every record gives.

Two stores get the same articles in two shuffled batches; after each batch one is fused in
memory (``fuse_in_memory``, the full fusion before issue 19) and the other in full in chunks
of a few articles (``fuse_store(full=True)``, :mod:`marsad.fuse.bounded`): the same
near-duplicate groups, stories (members, ids, every field), profiles, redirects and changes,
also when the second fusion keeps the ids of the first one's stories. On the bundled demo
corpus and on generated articles (stories with many reports, wire copies, undated ones),
then once more after a place correction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from marsad.cli import DEMO_DIR
from marsad.doc import Doc
from marsad.fuse import bounded, ensure_fused, fuse_store
from marsad.fuse.incremental import PARTIAL, why_full
from marsad.fuse.run import fuse_in_memory
from marsad.ingest import RawArticle, read_paths
from marsad.store import open_store

from .test_incremental import _batches, _changes, _members, _saved, corpus

Pairs = list[tuple[RawArticle, Doc]]


@pytest.fixture(scope="module")
def demo(pipeline: Any) -> Pairs:
    return [(r, pipeline.process(r)) for r in read_paths([DEMO_DIR])
            if isinstance(r, RawArticle)]


@pytest.fixture(scope="module")
def generated(pipeline: Any) -> Pairs:
    raws = [RawArticle(a["id"], a["text"], "text", outlet=a["outlet"],
                       published=a["published"]) for a in corpus(120, seed=23)]
    return [(r, pipeline.process(r)) for r in raws]


def _same_as_in_memory(pairs: Pairs, db_url: Callable[[str], str]) -> list[int]:
    """Fuse two stores batch by batch, in memory and bounded, and compare them; the
    redirects of each fusion (merges of saved stories)."""
    ref, low = open_store(db_url("ref")), open_store(db_url("bounded"))
    merged = []
    try:
        for batch in _batches(pairs, seed=3, n=2):
            for st in (ref, low):
                with st.batch():
                    for raw, doc in batch:
                        st.put(raw, doc)
            a, b = fuse_in_memory(ref), fuse_store(low, full=True)
            assert b.mode == "full" and a.n_articles == b.n_articles
            assert _changes(a) == _changes(b) and sorted(a.redirects) == sorted(b.redirects)
            assert _saved(ref) == _saved(low)
            assert ensure_fused(low) is None  # saved as current
            merged.append(len(b.redirects))
        # a place correction (a user's "wrong place" on a story's member) moves stories
        place, doc_id = next((s["location"], s["members"][0]["doc_id"])
                             for s in ref.iter_stories() if s.get("location"))
        for st in (ref, low):
            st.add_place_correction(doc_id, place)
        a, b = fuse_in_memory(ref), fuse_store(low)
        assert b.mode == "full" and _changes(a) == _changes(b) != []
        assert _saved(ref) == _saved(low)
    finally:
        ref.close()
        low.close()
    return merged


def test_bounded_full_fusion_equals_fusion_in_memory_on_the_demo_corpus(
        demo: Pairs, db_url: Callable[[str], str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounded, "CHUNK", 2)
    _same_as_in_memory(demo, db_url)


def test_bounded_full_fusion_equals_fusion_in_memory_on_generated_articles(
        generated: Pairs, db_url: Callable[[str], str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounded, "CHUNK", 17)
    merged = _same_as_in_memory(generated, db_url)
    assert merged[1] > 0  # the second fusion merged saved stories: ids kept and redirected


def test_an_interrupted_bounded_fusion_is_done_again_in_full(
        generated: Pairs, db_url: Callable[[str], str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    st, ref = open_store(db_url("st")), open_store(db_url("ref"))
    try:
        for s in (st, ref):
            with s.batch():
                for raw, doc in generated:
                    s.put(raw, doc)
        monkeypatch.setattr(bounded, "CHUNK", 40)
        calls = []

        def stop_at_the_second_chunk(*args: Any, **kwargs: Any) -> Any:
            calls.append(1)
            if len(calls) == 2:
                raise KeyboardInterrupt
            return real(*args, **kwargs)

        real = bounded.fuse_incremental
        monkeypatch.setattr(bounded, "fuse_incremental", stop_at_the_second_chunk)
        with pytest.raises(KeyboardInterrupt):
            fuse_store(st)
        monkeypatch.setattr(bounded, "fuse_incremental", real)
        info = st.fusion_info()
        assert info is not None and info["corpus_state"] == PARTIAL
        assert why_full(st, 0.8) == "a full fusion was interrupted"
        res = ensure_fused(st)  # (the CLI's commands do this first)
        assert res is not None and res.mode == "full" and ensure_fused(st) is None
        fuse_in_memory(ref)
        assert _members(_saved(st)) == _members(_saved(ref))
    finally:
        st.close()
        ref.close()


def test_settling_swaps_story_ids_through_temporary_ones(
        demo: Pairs, db_url: Callable[[str], str]) -> None:
    """Two stories exchanging ids (a saved id given to the story whose seed another story
    keeps): every row of each moves with it, the JSON carries the new id."""
    with open_store(db_url("swap")) as st:
        with st.batch():
            for raw, doc in demo:
                st.put(raw, doc)
        fuse_store(st)
        a, b = sorted(s["id"] for s in st.iter_stories())[:2]
        saved = st.stories_by_id([a, b])
        keys, reach = st.story_keys([a, b]), {r[0]: r[1:] for r in st.reach_of([a, b])}
        st.settle_fusion([(a, b), (b, a)], corpus_state="x", seconds=0.0, redirects=[],
                         changes=[])
        assert st.stories_by_id([a, b]) == {a: {**saved[b], "id": a}, b: {**saved[a], "id": b}}
        assert st.story_keys([a, b]) == {a: keys[b], b: keys[a]}
        assert a in st.story_ids_of_docs([saved[b]["members"][0]["doc_id"]])
        assert {r[0]: r[1:] for r in st.reach_of([a, b])} == {a: reach[b], b: reach[a]}
        assert not any(s["id"].startswith("~") for s in st.iter_stories())


def test_stories_are_read_by_id_a_page_at_a_time(
        demo: Pairs, db_url: Callable[[str], str], monkeypatch: pytest.MonkeyPatch) -> None:
    """What the last step reads the stories with: every story once, pages of PAGE."""
    import marsad.store.base as base

    with open_store(db_url("pages")) as st:
        with st.batch():
            for raw, doc in demo:
                st.put(raw, doc)
        fuse_store(st)
        monkeypatch.setattr(base, "PAGE", 3)
        by_id = list(st.iter_stories_by_id())
        assert len(by_id) > 3 * 2
        assert sorted(by_id, key=lambda s: s["id"]) == sorted(st.iter_stories(),
                                                            key=lambda s: s["id"])
