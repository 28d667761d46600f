"""Cross-article entities.

Linked entities are joined by ``kb_id``. Unlinked ones are joined by normalised name and type,
but only when the name has two words or more: two different people reported as "محمد" are
not one person, while "عبد الحميد الدبيبة" in two articles almost certainly is. A one-word
unlinked entity stays an entity of its own article (key ``doc:<doc_id>#<id>``).

:func:`entity_profiles` adds what the fused stories say about each entity: its stories in
date order and the entities it shares stories with.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .keys import entity_key


def link_entities(records: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Cross-article key (see :func:`marsad.fuse.keys.entity_key`) → a summary::

        {"key", "kb_id", "type", "name", "name_en", "names" (distinct names, sorted),
         "names_en", "spellings" (mention texts, most frequent first, with counts),
         "lat", "lon", "mention_count", "articles" (sorted doc_ids),
         "local_ids" ([doc_id, id] pairs)}

    ``name``, ``name_en``, ``type`` and the coordinates are the most frequent values (ties:
    the first seen)."""
    acc: dict[str, dict[str, Any]] = {}
    for rec in records:
        doc_id = str(rec.get("doc_id"))
        for ent in rec.get("entities") or []:
            key = entity_key(doc_id, ent)
            a = acc.get(key)
            if a is None:
                a = acc[key] = {
                    "kb_id": ent.get("kb_id"), "names": Counter(), "names_en": Counter(),
                    "types": Counter(), "mentions": 0, "articles": set(), "local_ids": [],
                    "spellings": Counter(), "coords": Counter(),
                }
            a["names"][ent.get("name")] += 1
            for m in ent.get("mentions") or []:  # the spellings the articles use
                if m.get("text"):
                    a["spellings"][m["text"]] += 1
            if ent.get("name_en"):
                a["names_en"][ent["name_en"]] += 1
            if ent.get("lat") is not None and ent.get("lon") is not None:
                a["coords"][(ent["lat"], ent["lon"])] += 1
            a["types"][ent.get("type")] += 1
            a["mentions"] += len(ent.get("mentions") or [])
            a["articles"].add(doc_id)
            a["local_ids"].append([doc_id, ent.get("id")])

    out: dict[str, dict[str, Any]] = {}
    for key, a in acc.items():
        out[key] = {
            "key": key,
            "kb_id": a["kb_id"],
            "type": a["types"].most_common(1)[0][0],
            "name": a["names"].most_common(1)[0][0],
            "name_en": a["names_en"].most_common(1)[0][0] if a["names_en"] else None,
            "names": sorted(n for n in a["names"] if n),
            "names_en": sorted(a["names_en"]),
            "spellings": [[t, n] for t, n in sorted(a["spellings"].items(),
                                                    key=lambda kv: (-kv[1], kv[0]))],
            "lat": a["coords"].most_common(1)[0][0][0] if a["coords"] else None,
            "lon": a["coords"].most_common(1)[0][0][1] if a["coords"] else None,
            "mention_count": a["mentions"],
            "articles": sorted(a["articles"]),
            "local_ids": a["local_ids"],
        }
    return out


def entity_profiles(entities: Mapping[str, Mapping[str, Any]],
                    stories: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Each entity of :func:`link_entities` with ``stories`` (the ids of the stories
    (:meth:`marsad.fuse.stories.Story.to_dict` dicts, already in date order) it takes part
    in or is the place of, in that order) and ``related`` (the entities it shares stories
    with: ``[{"key", "name", "name_en", "type", "shared"}]``, most shared first, ties by
    key). Entities with no story get empty lists. Sorted by key."""
    story_ids: dict[str, list[str]] = defaultdict(list)
    shared: dict[str, Counter[str]] = defaultdict(Counter)
    for st in stories:
        keys = list(dict.fromkeys([*st["participants"],
                                   *([st["location"]] if st.get("location") else [])]))
        for k in keys:
            story_ids[k].append(st["id"])
            for other in keys:
                if other != k:
                    shared[k][other] += 1
    out = []
    for key in sorted(entities):
        e = dict(entities[key])
        e["stories"] = story_ids.get(key, [])
        related = []
        for other, n in sorted(shared.get(key, Counter()).items(), key=lambda kv: (-kv[1], kv[0])):
            o = entities.get(other, {})
            related.append({"key": other, "name": o.get("name"), "name_en": o.get("name_en"),
                            "type": o.get("type"), "shared": n})
        e["related"] = related
        out.append(e)
    return out
