"""The last step of a bounded full fusion worked out in a scratch database
(:mod:`marsad.fuse.settle`) gives what :func:`keep_ids` gives holding every story: the same
ids, renaming, redirects and changes, in the same order."""

from __future__ import annotations

import random
from typing import Any

import pytest

from marsad.fuse.settle import Scratch
from marsad.fuse.story_ids import Change, keep_ids, story_order


def _member(i: int, rng: random.Random) -> dict[str, Any]:
    day = rng.choice([None, "2024-03-01", "2024-03-02", "2025-01-09"])
    # (an Arabic doc id and counterparts: text order must be Python's in the scratch database)
    return {"doc_id": rng.choice(["a", "b", "خبر", "B"]) + str(i % 7),
            "event_id": f"e{i}", "counterpart": rng.choice([None, "", "kb:x"]),
            "published": day, "evidence": {"start": rng.randrange(-1, 3)}}


def _stories(members: list[dict[str, Any]], rng: random.Random, prefix: str,
             seeds: list[str]) -> list[dict[str, Any]]:
    """``members`` cut into stories of 1 to 4 members; ids from ``seeds`` or made up."""
    out, i = [], 0
    while i < len(members):
        n = rng.randint(1, 4)
        date = rng.choice([None, {"start": "2024-03-01", "end": "2024-03-02"},
                           {"start": "2024-03-01", "end": "2024-03-01"}])
        sid = seeds.pop() if seeds and rng.random() < 0.5 else f"st_{prefix}{len(out):03d}"
        out.append({"id": sid, "type": rng.choice(["ASSAULT", "PROTEST"]), "date": date,
                    "members": members[i: i + n], "note": rng.randrange(2)})
        i += n
    return out


def _case(seed: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], set[str]]:
    """Saved stories and new ones over overlapping members: merges (one new story holds the
    earliest members of two saved ones), splits, removed and changed stories, new seeds that
    were saved ids or given out before."""
    rng = random.Random(seed)
    pool = [_member(i, rng) for i in range(60)]
    old = _stories(rng.sample(pool, 40), rng, "o", [])
    new_members = rng.sample(pool, 45)
    new = _stories(new_members, rng, "n", [s["id"] for s in rng.sample(old, 3)])
    # a new story with the same members and fields as a saved one: claimed, not changed
    same = dict(old[0])
    new.append({**same, "id": "st_same"})
    new = [s for s in new[:-1] if not {m["event_id"] for m in s["members"]}
           & {m["event_id"] for m in same["members"]}] + [new[-1]]
    taken = {"st_n001", "st_n004", new[2]["id"]}
    return sorted(new, key=story_order), sorted(old, key=lambda s: s["id"]), taken


@pytest.mark.parametrize("seed", range(12))
def test_the_scratch_database_gives_what_keep_ids_gives(seed: int) -> None:
    new, old, taken = _case(seed)
    want = keep_ids(new, old, taken)
    scratch = Scratch()
    scratch.add_saved(old)
    scratch.add_new(reversed(new))  # (the store's order is not the fusion's)
    renamed, redirects = scratch.give_ids(taken)
    assert renamed == [(s["id"], sid) for s, sid in zip(new, want.ids, strict=True)
                       if s["id"] != sid]
    assert redirects == want.redirects
    assert list(scratch.changes()) == want.changes
    assert len(scratch.changes()) == len(want.changes)


def test_cases_hold_every_kind_of_change() -> None:
    kinds = {c.kind for seed in range(12) for c in keep_ids(*_case(seed)).changes}
    assert kinds == {"created", "changed", "merged", "removed"}
    splits = [c for seed in range(12) for c in keep_ids(*_case(seed)).changes
              if c.kind == "created" and c.related]
    assert splits


def test_with_nothing_saved_every_story_is_created_under_its_seed() -> None:
    new, _, _ = _case(0)
    scratch = Scratch()
    scratch.add_new(new)
    renamed, redirects = scratch.give_ids({new[1]["id"]})
    fresh = keep_ids(new, [], {new[1]["id"]})
    assert redirects == [] and renamed == [(new[1]["id"], fresh.ids[1])]
    assert list(scratch.changes()) == [Change(sid, "created") for sid in fresh.ids]


def test_articles_come_in_publication_order_a_chunk_at_a_time() -> None:
    rng = random.Random(4)
    rows = [(rng.choice(["a", "B", "خبر", "_x"]) + str(i), f"h{i}", f"t{i}",
             rng.choice([None, "2023-12-31", "2024-01-02T10:00:00", "2024-01-02", "bad"]))
            for i in range(50)]
    scratch = Scratch()
    assert scratch.add_articles(rows[:5] + [("z", "h", "t", None)]) is not None
    assert scratch.add_articles(rows) == 2024  # (the rows written before are replaced)
    chunks = list(scratch.articles_in_order(7))
    assert [len(c) for c in chunks] == [7] * 7 + [1]
    want = sorted(rows, key=lambda r: (r[3] is None, r[3] or "", r[0]))
    assert [r for c in chunks for r in c] == [(d, h, a) for d, h, a, _ in want]
