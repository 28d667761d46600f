"""Incremental fusion (issue 19) gives what a full fusion gives.

A shuffled corpus is stored in random batches twice: one store fused incrementally after
each batch, the other fully after each batch (the same history, so the same kept story ids
and changes). Both must hold the same near-duplicate groups, stories (members, ids, every
field), entity profiles and story history; a full re-fusion of the incremental store changes
nothing; and a store fused once from scratch has the same stories by members. The articles
are generated from sentences the pipeline reads (a few people, cities and days, so that
stories gather reports, wire copies, undated and unpublished reports meet)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import pytest

from marsad.doc import Doc
from marsad.fuse import fuse_store, near_duplicates
from marsad.fuse.incremental import why_full
from marsad.fuse.keys import entity_key
from marsad.ingest import RawArticle
from marsad.store import Store, open_store

PEOPLE = ["المشير خليفة حفتر", "الرئيس الروسي فلاديمير بوتين", "الرئيس التركي رجب طيب أردوغان",
          "وزير الخارجية الروسي سيرغي لافروف"]
CITIES = ["موسكو", "أنقرة", "بنغازي", "طرابلس"]
TOPICS = ["التعاون العسكري", "ملف الطاقة", "الأوضاع في ليبيا", "أمن الحدود"]


def _sentence(rng: random.Random) -> str:
    a, b = rng.sample(PEOPLE, 2)
    month, year = rng.choice([("مايو", 2025), ("مايو", 2025), ("يونيو", 2025), ("مايو", 2024)])
    when = rng.choice([f" يوم {rng.randint(8, 14)} {month} {year}",
                       f" يوم {rng.choice([1, 2, 30, 31])} {month} {year}",
                       f" في {month} {year}", ""])
    return f"التقى {a} {b} في {rng.choice(CITIES)}{when}، وبحث الجانبان {rng.choice(TOPICS)}."


def corpus(n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` articles: one to three meetings each, one in six a wire copy of an earlier one,
    one in eight without a publication date."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for i in range(n):
        if out and rng.random() < 1 / 6:
            src = rng.choice(out)
            out.append({**src, "id": f"w{i:03d}", "outlet": f"outlet{rng.randrange(9)}",
                        "text": "وكالات - " + src["text"]})
            continue
        published = None if rng.random() < 1 / 8 else f"2025-05-{rng.randint(10, 20)}"
        text = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
        out.append({"id": f"a{i:03d}", "outlet": f"outlet{rng.randrange(9)}",
                    "published": published, "text": text})
    return out


@pytest.fixture(scope="module")
def processed(pipeline: Any) -> list[tuple[RawArticle, Doc]]:
    raws = [RawArticle(a["id"], a["text"], "text", outlet=a["outlet"],
                       published=a["published"]) for a in corpus(160, seed=19)]
    return [(r, pipeline.process(r)) for r in raws]


def _batches(items: list[Any], seed: int, n: int) -> list[list[Any]]:
    items = items[:]
    random.Random(seed).shuffle(items)
    cuts = sorted(random.Random(seed + 1).sample(range(1, len(items)), n - 1))
    return [items[i:j] for i, j in zip([0, *cuts], [*cuts, len(items)], strict=True)]


def _saved(store: Store) -> dict[str, Any]:
    return {"groups": store.duplicate_groups(),  # type: ignore[attr-defined]
            "stories": list(store.iter_stories()),
            "entities": list(store.iter_entities()),
            "redirects": store.story_redirects(),
            "history": {(c["story_id"], c["kind"], c["related"] or "")
                        for c in store.story_changes("")}}


def _changes(res: Any) -> list[tuple[str, str, str]]:
    return sorted((c.story_id, c.kind, c.related or "") for c in res.changes)


def _members(saved: dict[str, Any]) -> list[list[tuple[str, str]]]:
    return sorted(sorted((m["doc_id"], m["event_id"]) for m in s["members"])
                  for s in saved["stories"])


def test_incremental_fusion_equals_full_fusion_on_a_shuffled_corpus(
        processed: list[tuple[RawArticle, Doc]], db_url: Callable[[str], str]) -> None:
    inc, full, once = (open_store(db_url(n)) for n in ("inc", "full", "once"))
    modes = []
    try:
        for batch in _batches(processed, seed=5, n=5):
            for st in (inc, full):
                with st.batch():
                    for raw, doc in batch:
                        st.put(raw, doc)
            res = fuse_store(inc)
            modes.append((res.mode, res.n_added, res.n_region))
            assert _changes(res) == _changes(fuse_store(full, full=True))
            assert _saved(inc) == _saved(full), f"after batch {len(modes)}: {modes[-1]}"
        # the first fusion is full (nothing saved); the later ones extend it
        assert modes[0][0] == "full"
        assert [m for m, _, _ in modes[1:]] == ["incremental"] * 4
        n_stories = len(list(inc.iter_stories()))
        assert any(0 < region < n_stories for _, _, region in modes[1:]), modes
        records = sorted(inc.iter_records(), key=lambda r: r["doc_id"])
        assert _saved(inc)["groups"] == near_duplicates(records) != []

        before = _saved(inc)
        again = fuse_store(inc, full=True)  # a full re-fusion of the incremental store
        assert again.changes == [] and _saved(inc) == before

        with once.batch():
            for raw, doc in processed:
                once.put(raw, doc)
        fuse_store(once)
        assert _members(_saved(once)) == _members(before)
        assert _saved(once)["groups"] == before["groups"]
    finally:
        for st in (inc, full, once):
            st.close()


def test_replaced_articles_and_new_corrections_fall_back_to_a_full_fusion(
        processed: list[tuple[RawArticle, Doc]], db_url: Callable[[str], str],
        pipeline: Any) -> None:
    with open_store(db_url("fb")) as st:
        for raw, doc in processed[:40]:
            st.put(raw, doc)
        assert why_full(st, 0.8) == "no saved fusion"
        assert fuse_store(st).mode == "full"
        assert why_full(st, 0.8) is None
        assert why_full(st, 0.6) == "another near-duplicate threshold"
        raw = processed[0][0]
        edited = RawArticle(raw.doc_id, raw.content + " " + _sentence(random.Random(1)), "text")
        assert st.put(edited, pipeline.process(edited)) == "replaced"
        assert why_full(st, 0.8) == "articles were replaced, reprocessed or deleted"
        assert fuse_store(st).mode == "full"
        place = next(s["location"] for s in st.stories() if s.get("location"))
        doc_id = next(s["members"][0]["doc_id"] for s in st.stories()
                      if s.get("location") == place)
        st.add_place_correction(doc_id, place)
        assert why_full(st, 0.8) == "place corrections changed"
        assert fuse_store(st).mode == "full"
        for raw, doc in processed[40:60]:
            st.put(raw, doc)
        res = fuse_store(st)
        assert (res.mode, res.n_added) == ("incremental", 20)


def test_the_servers_rebuild_adds_new_articles_to_the_saved_fusion(
        processed: list[tuple[RawArticle, Doc]], tmp_path: Any) -> None:
    from marsad.web.index import index_of

    with open_store(tmp_path / "srv.db") as st:
        for raw, doc in processed[:50]:
            st.put(raw, doc)
        fuse_store(st)
        for raw, doc in processed[50:60]:
            st.put(raw, doc)
        before = st.fusion_info()
        index_of(st, None)  # what the server's background rebuild runs after an ingest
        info = st.fusion_info()
        assert before is not None and info is not None
        assert info["corpus_state"] == st.corpus_state() != before["corpus_state"]
        assert st.n_fused_articles() == 60  # type: ignore[attr-defined]
        assert why_full(st, 0.8) is None  # still extendable: it was not fused in full


# -- stories outside the region rebuilt: a display name given earlier, two groups joined ---

def _put_record(st: Store, rec: dict[str, Any]) -> None:
    """Store a hand-built record as an article (fusion reads only the record)."""
    import hashlib
    import json

    from marsad import __version__
    from marsad.store.rows import ArticleRows

    line = json.dumps(rec, ensure_ascii=False)
    digest = hashlib.sha256(line.encode()).hexdigest()
    src = rec["source"]
    article = (rec["doc_id"], digest, rec["text"], "text", src["path"], src["url"],
               src["outlet"], rec["published"], None, rec["text"], None, src["outlet"],
               rec["published"], __version__)
    st.put_rows(ArticleRows(rec["doc_id"], digest, article, line, "", [], [], [], [], []))


def _fused_both_ways(db_url: Callable[[str], str], first: list[dict[str, Any]],
                     then: list[dict[str, Any]]) -> tuple[dict[str, Any], Any]:
    """The saved fusion after ``first`` and ``then``, incremental and full (equal), and the
    incremental result."""
    inc, full = open_store(db_url("i")), open_store(db_url("f"))
    try:
        for batch in (first, then):
            for st in (inc, full):
                for rec in batch:
                    _put_record(st, rec)
            res = fuse_store(inc)
            fuse_store(full, full=True)
            assert _saved(inc) == _saved(full)
        assert res.mode == "incremental"
        return _saved(inc), res
    finally:
        inc.close()
        full.close()


def test_an_earlier_article_renaming_a_key_rebuilds_its_stories(
        db_url: Callable[[str], str]) -> None:
    from .records import ent, event, record

    def dbeibah(doc_id: str, spelling: str, day: str, kind: str) -> dict[str, Any]:
        return record(doc_id, outlet=f"o-{doc_id}", published=day, kb=("putin",),
                      entities=[ent("d", spelling)],
                      events=[event(type_=kind, actors=("d",), targets=("putin",), date=day)])

    saved, res = _fused_both_ways(
        db_url, [dbeibah("b1", "عبد الحميد الدبيبه", "2025-05-10", "CONSULT")],
        # a1 sorts first: its spelling becomes the key's display name, in b1's story too,
        # though a1's own event (another type, another year) is far from b1's story
        [dbeibah("a1", "عبد الحميد الدبيبة", "2023-01-01", "AGREE")])
    key = "name:PER:عبد الحميد الدبيبه"
    assert {s["names"][key] for s in saved["stories"]} == {"عبد الحميد الدبيبة"}
    assert res.n_region == 1  # b1's story, rebuilt without clustering


def test_an_article_joining_two_saved_groups_rebuilds_their_stories(
        db_url: Callable[[str], str]) -> None:
    from .records import event, record

    rng = random.Random(3)
    words = [f"كلمة{rng.randrange(10**6)}" for _ in range(400)]
    whole = " ".join(words)
    head, tail = " ".join(words[:340]), " ".join(words[60:])  # Jaccard ~0.7 apart, ~0.85 each

    def copy(doc_id: str, text: str, events: bool) -> dict[str, Any]:
        return record(doc_id, text=text, outlet=f"o-{doc_id}", published="2025-05-10",
                      kb=("haftar", "putin"),
                      events=[event(actors=("haftar",), targets=("putin",),
                                    date="2025-05-10")] if events else [])

    saved, res = _fused_both_ways(db_url, [copy("x1", head, True), copy("y1", tail, True)],
                                  [copy("z1", whole, False)])
    assert {"x1", "y1", "z1"} in saved["groups"]
    (story,) = [s for s in saved["stories"] if s["members"]]
    assert story["n_independent"] == 1  # two outlets, one wire text: one source now
    assert res.n_region == 1


# -- a key's lists are rows, not JSON an increment reads and writes again (migration 0009) --

def test_saved_tallies_and_profiles_keep_counts_and_their_lists_are_rows(
        processed: list[tuple[RawArticle, Doc]], db_url: Callable[[str], str]) -> None:
    with open_store(db_url("rows")) as st:
        for raw, doc in processed[:40]:
            st.put(raw, doc)
        fuse_store(st)
        for raw, doc in processed[40:60]:
            st.put(raw, doc)
        assert fuse_store(st).mode == "incremental"
        s: Any = st
        tallies = s._all("SELECT key, value_json FROM fusion_keys WHERE kind = 'tally'")
        stored = s._all("SELECT entity_key, n_articles, entity_json FROM fused_entities")
        assert tallies and stored
        for _, j in tallies:  # counts only: the articles of a key are not in its tally
            assert not {"articles", "local_ids"} & json.loads(j).keys()
        for key, n, j in stored:  # nor in its saved profile, which is assembled when read
            assert not {"articles", "local_ids", "stories"} & json.loads(j).keys()
            prof = st.entity(key)
            assert prof is not None and len(prof["articles"]) == n
            assert prof["articles"] == sorted({d for d, _ in prof["local_ids"]})
        # what the records say: every entity of every article, in doc_id and record order
        want: dict[str, list[list[Any]]] = {}
        for rec in sorted(st.iter_records(), key=lambda r: r["doc_id"]):
            for e in rec.get("entities") or []:
                want.setdefault(entity_key(rec["doc_id"], e), []).append(
                    [rec["doc_id"], e.get("id")])
        got = {e["key"]: e["local_ids"] for e in st.iter_entities()}
        assert got == want
        # a profile's stories: those it takes part in or is the place of, in story order
        for e in st.entities(limit=5):
            assert e["stories"] == [x["id"] for x in st.stories(entity=e["key"])]
