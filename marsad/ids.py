"""Identifiers that other tools can keep: an article's content id and its events' ids.

An event id is derived from what the event *is*, not from where it falls in the list: the
article's content id (its ``doc_id`` and cleaned text), the span of its first evidence
sentence and its PLOVER type. Running the same pipeline version over the same article again
gives the same ids, whatever other events are found or lost around it; a newer pipeline that
cleans the text or reads the evidence differently may give new ones (``docs/output.md``).

Story ids are kept by :mod:`marsad.fuse.story_ids`, which starts from
:func:`story_seed_id`.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from .doc import Event

EVENT_ID_HEX = 12  # hex characters after the "v": 48 bits, unique enough inside one article
STORY_ID_HEX = 16


def _digest(text: str, n_hex: int) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=n_hex // 2).hexdigest()


def content_id(doc_id: str, text: str) -> str:
    """The article's content id: its ``doc_id`` and cleaned text (the text every offset of
    an event points into), so two copies of one text under two ids get different event ids."""
    return hashlib.sha256(f"{doc_id}\x00{text}".encode()).hexdigest()[:32]


def _event_keys(ev: Event) -> tuple[str, ...]:
    """What tells events apart, coarse to fine: the first evidence sentence and type; then
    the trigger's offsets (two acts of one type told in one sentence); then the
    participants and mode (one trigger read as two acts)."""
    sp = ev.evidence[0]
    trigger = "-" if ev.trigger is None else f"{ev.trigger.start}:{ev.trigger.end}"
    return (f"{sp.start}:{sp.end}\t{ev.type}", f"@{trigger}",
            f"|{','.join(sorted(ev.actors))}>{','.join(sorted(ev.targets))}|{ev.mode or ''}")


def assign_event_ids(events: Sequence[Event], cid: str) -> list[Event]:
    """``events`` (in their order) with ids ``v`` + 12 hex characters from the content id
    ``cid`` and each event's keys (:func:`_event_keys`). The finer keys are used only for
    events whose coarser keys collide, so an event alone in its sentence keeps its id when
    the trigger moves; events that still collide get a counter in the order of their keys,
    which does not depend on the order of the list."""
    keys = [_event_keys(ev) for ev in events]
    labels = _distinct(list(range(len(events))), lambda i, depth: keys[i][depth], depth=0,
                       n_depths=len(keys[0]) if keys else 0)
    return [replace(ev, id="v" + _digest(f"{cid}\t{labels[i]}", EVENT_ID_HEX))
            for i, ev in enumerate(events)]


def _distinct(items: list[int], key: Callable[[int, int], str], *, depth: int,
              n_depths: int, prefix: str = "") -> dict[int, str]:
    """A label per item, built from ``key(item, 0)``, ``key(item, 1)`` … only as deep as it
    takes to tell the items apart."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i in items:
        groups[prefix + key(i, depth)].append(i)
    out: dict[int, str] = {}
    for label, group in groups.items():
        if len(group) == 1:
            out[group[0]] = label
        elif depth + 1 < n_depths:
            out.update(_distinct(group, key, depth=depth + 1, n_depths=n_depths,
                                 prefix=label))
        else:  # the same in every key: number them in key order (equal keys, any order)
            out.update({i: f"{label}#{n}" for n, i in enumerate(group)})
    return out


def story_seed_id(doc_id: str, event_id: str, counterpart: str | None) -> str:
    """The id a new story takes from its earliest member event (``st_`` + 16 hex)."""
    return "st_" + _digest(f"{doc_id}\t{event_id}\t{counterpart or ''}", STORY_ID_HEX)
