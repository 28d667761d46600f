"""Users' place corrections reviewed and edited without the browser (``marsad corrections``).

The workbench map's "wrong place?" records, per article, that the entity linked to a place
is not that place (:meth:`marsad.store.Store.add_place_correction`); fusion applies the
corrections (:mod:`marsad.fuse.corrections`). A data team reviews them here: each with the
article's title and the name the article wrote, and whether the saved fusion already applies
them; adds one for an article (``--doc``) or for every article of a story that names the place
(``--story``, as the map does); removes them. Every check happens before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .errors import CorrectionError
from .fuse.keys import entity_key
from .store import Store


def place_key(value: str) -> str:
    """A key as a user types it: ``kb:tartus_port``, or ``tartus_port`` for a knowledge-base
    id, or a fusion key (``name:LOC:…``)."""
    v = value.strip()
    if not v:
        raise CorrectionError("--place: an entity key is required (kb:tartus_port)")
    return v if ":" in v else f"kb:{v}"


def fusion_current(store: Store) -> bool:
    """Whether the saved fusion is of the store as it is now, so applies every correction
    recorded (a correction makes the saved fusion stale until ``marsad fuse``)."""
    info = store.fusion_info()
    return info is not None and info["corpus_state"] == store.corpus_state()


def _linked(rec: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    doc_id = str(rec.get("doc_id"))
    return [e for e in rec.get("entities") or [] if entity_key(doc_id, e) == key]


def review(store: Store, *, place: str | None = None, doc_id: str | None = None
           ) -> list[dict[str, Any]]:
    """The corrections recorded (of one place or article when given), each with the
    article's title and publication date and the name and English name the article's linked
    entity carries (what a reviewer needs to judge it; None for an article since deleted)."""
    out = []
    for c in store.place_corrections():
        if place is not None and c["place_key"] != place or \
                doc_id is not None and c["doc_id"] != doc_id:
            continue
        rec = store.get_record(c["doc_id"]) or {}
        ents = _linked(rec, c["place_key"])
        out.append({**c, "title": rec.get("title"), "published": rec.get("published"),
                    "name": ents[0].get("name") if ents else None,
                    "name_en": ents[0].get("name_en") if ents else None})
    return out


def story_docs(story: dict[str, Any], key: str) -> list[str]:
    """A story's articles that name ``key`` as the place or a participant."""
    return sorted({m["doc_id"] for m in story["members"]
                   if key == m.get("location") or key in (m.get("participants") or ())})


def docs_of_story(store: Store, story_id: str, key: str) -> tuple[str, list[str]]:
    """(the story's id, its articles that name ``key`` as the place or a participant): the
    articles the map's "wrong place?" on that story corrects. A merged id resolves."""
    story, moved = store.story(story_id)
    if story is None:
        raise CorrectionError(f"--story: no story {story_id!r} in the saved fusion"
                              + (f" (merged into {moved}, which is gone too)" if moved else ""))
    docs = story_docs(story, key)
    if not docs:
        raise CorrectionError(f"--place: story {story['id']} does not take place at {key!r} "
                              "(its members name no such place or participant)")
    return str(story["id"]), docs


def check_docs(store: Store, doc_ids: Sequence[str], key: str) -> None:
    """Each article exists and has an entity linked to ``key``; else CorrectionError naming
    the first that does not (nothing recorded)."""
    for d in doc_ids:
        rec = store.get_record(d)
        if rec is None:
            raise CorrectionError(f"--doc: no article {d!r} in the store")
        if not _linked(rec, key):
            keys = sorted({entity_key(d, e) for e in rec.get("entities") or []
                           if str(e.get("kb_id") or "")})
            raise CorrectionError(f"--place: article {d!r} has no entity {key!r}"
                                  + (f" (its linked entities: {', '.join(keys[:12])})"
                                     if keys else ""))


def add(store: Store, doc_ids: Iterable[str], key: str, story_id: str | None = None
        ) -> list[str]:
    """Record the correction for each article; the ids newly recorded (one already there is
    left as it is)."""
    added = []
    with store.batch():  # all or none
        for d in doc_ids:
            if store.add_place_correction(d, key, story_id):
                added.append(d)
    return added


def remove(store: Store, key: str, doc_ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """Undo the corrections of ``key`` in those articles: (removed, not recorded)."""
    removed: list[str] = []
    missing: list[str] = []
    with store.batch():
        for d in doc_ids:
            (removed if store.remove_place_correction(d, key) else missing).append(d)
    return removed, missing
