"""Cross-article entities.

Linked entities are joined by ``kb_id``. Unlinked ones are joined by normalised name and type,
but only when the name has two words or more: two different people reported as "محمد" are
not one person, while "عبد الحميد الدبيبة" in two articles almost certainly is. A one-word
unlinked entity stays an entity of its own article (key ``doc:<doc_id>#<id>``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from .keys import entity_key


def link_entities(records: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Cross-article key (see :func:`marsad.fuse.keys.entity_key`) → a summary::

        {"key", "kb_id", "type", "name", "name_en", "names" (distinct names, sorted),
         "mention_count", "articles" (sorted doc_ids), "local_ids" ([doc_id, id] pairs)}

    ``name``, ``name_en`` and ``type`` are the most frequent values (ties: the first seen)."""
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
                }
            a["names"][ent.get("name")] += 1
            if ent.get("name_en"):
                a["names_en"][ent["name_en"]] += 1
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
            "mention_count": a["mentions"],
            "articles": sorted(a["articles"]),
            "local_ids": a["local_ids"],
        }
    return out
