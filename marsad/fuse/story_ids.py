"""Story ids that survive growth: a re-fusion keeps the ids of the stories saved before it.

Fusion clusters the whole corpus again each time, so a story's id cannot be a digest of its
members (one more report would change it). Instead:

- a new story takes its id from its *earliest member* (:func:`first_told`: the member of the
  earliest published article, then by doc_id, evidence offset and event id;
  :func:`marsad.ids.story_seed_id`);
- after a re-fusion, each saved story *claims* the new story that holds its earliest member
  still present. A story claimed by one saved story keeps that story's id, however many
  members joined it;
- a new story claimed by several saved stories is a **merge**: the one whose earliest member
  was told first keeps its id, the others are redirected to it (``story_redirects``, so an
  old id still resolves);
- a **split** leaves the id with the part that holds the saved story's earliest member; the
  other part is a new story with an id of its own (recorded as created, ``related`` naming
  the story it split from; no redirect);
- a saved story none of whose members is left is **removed**.

Every run's changes (``created``, ``changed``, ``merged``, ``removed``) are recorded with
their time, for ``marsad changes --since``. Ids are never reused: a new story whose seed id
was ever given out takes a derived one.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..ids import STORY_ID_HEX
from ..ids import _digest as _hex_digest

MemberKey = tuple[str, str, str]  # doc_id, event_id, counterpart ("" for none)
CHANGE_KINDS = ("created", "changed", "merged", "removed")


@dataclass(frozen=True)
class Change:
    story_id: str
    kind: str  # one of CHANGE_KINDS
    related: str | None = None  # merged: the story it went into; created: the one split from


@dataclass
class KeptIds:
    stories: list[dict[str, Any]]  # the new stories with their kept or new ids, in date order
    ids: list[str] = field(default_factory=list)  # the id of each new story, in input order
    redirects: list[tuple[str, str]] = field(default_factory=list)  # (old id, new id)
    changes: list[Change] = field(default_factory=list)


def member_key(m: Mapping[str, Any]) -> MemberKey:
    return (str(m["doc_id"]), str(m["event_id"]), str(m.get("counterpart") or ""))


def told_key(published: str | None, doc_id: str, start: int, event_id: str,
             counterpart: str | None) -> tuple[Any, ...]:
    """The order members are told in, whichever form they come in: earliest published
    first (undated articles last), then doc_id, the evidence offset, event id and
    counterpart. Story ids depend on it: one key for both forms."""
    return (published is None, published or "", doc_id, start, event_id, counterpart or "")


def first_told(m: Mapping[str, Any]) -> tuple[Any, ...]:
    """Sort key of a member (a :meth:`Member.to_dict`): :func:`told_key`."""
    ev = m.get("evidence")
    start = ev.get("start", -1) if isinstance(ev, Mapping) else -1
    return told_key(m.get("published"), str(m["doc_id"]), start, str(m["event_id"]),
                    str(m.get("counterpart") or ""))


def story_order(s: Mapping[str, Any]) -> tuple[Any, ...]:
    """The order :func:`marsad.fuse.stories.build_stories` returns stories in."""
    d = s.get("date")
    return (d is None, (d["start"], d["end"]) if d else (), s["type"], s["id"])


def _digest(s: Mapping[str, Any]) -> str:
    body = {k: v for k, v in s.items() if k != "id"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False)
                          .encode("utf-8")).hexdigest()


def _claims(new: Sequence[Mapping[str, Any]], old: Iterable[Mapping[str, Any]]
            ) -> tuple[dict[int, list[tuple[tuple[Any, ...], str]]], list[str]]:
    """Which saved stories claim which new story (by index), each claim with the rank of the
    claimant's earliest surviving member; and the saved stories with no member left."""
    where = {member_key(m): i for i, s in enumerate(new) for m in s["members"]}
    claims: dict[int, list[tuple[tuple[Any, ...], str]]] = defaultdict(list)
    removed = []
    for s in old:
        left = [m for m in s["members"] if member_key(m) in where]
        if not left:
            removed.append(str(s["id"]))
            continue
        first = min(left, key=first_told)
        claims[where[member_key(first)]].append((first_told(first), str(s["id"])))
    return claims, removed


def _fresh_id(seed: str, used: Container[str], taken: Container[str]) -> str:
    """``seed``, or (when it was ever given out) a derived id no story had."""
    sid, n = seed, 0
    while sid in used or sid in taken:
        n += 1
        sid = "st_" + _hex_digest(f"{seed}#{n}", STORY_ID_HEX)
    return sid


class AskedIds:
    """Ids given out before, as a container asking ``given`` (the store) about one id at a
    time: :func:`keep_ids` and :mod:`marsad.fuse.settle` ask only about the ids they would
    give, where the set of every id ever given grows with the corpus."""

    def __init__(self, given: Callable[[str], bool]) -> None:
        self.given = given

    def __contains__(self, sid: object) -> bool:
        return isinstance(sid, str) and self.given(sid)


def keep_ids(new: Sequence[Mapping[str, Any]], old: Sequence[Mapping[str, Any]],
             taken: Container[str] = frozenset()) -> KeptIds:
    """The stories ``new`` (:meth:`Story.to_dict`, ids seeded by their earliest member) with
    the ids of the saved stories ``old`` kept as the module docstring says. ``taken``: every
    id given out before (redirected and removed ones too), never given again: a set, or what
    asks the store about one id at a time (an incremental fusion: the ids ever given grow
    with the corpus). (A full fusion gives its ids in a scratch database instead:
    :mod:`marsad.fuse.settle`, tested against this.)"""
    claims, removed = _claims(new, old)
    old_by_id = {str(s["id"]): s for s in old}
    used = set(old_by_id)
    ids: dict[int, str] = {}
    out = KeptIds([])
    for i in sorted(claims):
        (_, winner), *losers = sorted(claims[i])
        ids[i] = winner
        for _, loser in losers:
            out.redirects.append((loser, winner))
            out.changes.append(Change(loser, "merged", winner))
    split_from = _split_parents(new, old)
    for i, s in enumerate(new):
        if i in ids:
            continue
        ids[i] = _fresh_id(str(s["id"]), used, taken)
        used.add(ids[i])
        out.changes.append(Change(ids[i], "created", split_from.get(i)))
    out.ids = [ids[i] for i in range(len(new))]
    for i, s in enumerate(new):
        d = dict(s)
        d["id"] = ids[i]
        before = old_by_id.get(ids[i])
        if before is not None and _digest(before) != _digest(d):
            out.changes.append(Change(ids[i], "changed"))
        out.stories.append(d)
    out.changes.extend(Change(sid, "removed") for sid in removed)
    out.stories.sort(key=story_order)
    return out


def _split_parents(new: Sequence[Mapping[str, Any]], old: Sequence[Mapping[str, Any]]
                   ) -> dict[int, str]:
    """For each new story holding members of saved stories: the saved story it shares most
    members with (ties: the smaller id). Used only for stories no saved story claims."""
    owner = {member_key(m): str(s["id"]) for s in old for m in s["members"]}
    out = {}
    for i, s in enumerate(new):
        shared = Counter(owner[k] for m in s["members"] if (k := member_key(m)) in owner)
        if shared:
            out[i] = min(shared, key=lambda sid: (-shared[sid], sid))
    return out
