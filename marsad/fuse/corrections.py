"""Users' corrections applied to the records before fusion.

A "wrong place?" on the workbench map (:meth:`marsad.store.Store.add_place_correction`) says
that in one article the entity linked to a place (``kb:tartus_port``) is not that place: a
common noun read as a town, a namesake. Fusion then reads that article with the link undone:
the entity keeps its name and mentions but loses its knowledge-base id, English name and
coordinates, so it joins stories by its name only and no story of the article shows at the
place. The stored records are never changed: removing the correction restores them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .keys import entity_key

# what a link to the knowledge base brought into an entity, dropped with the link
LINKED_FIELDS = ("kb_id", "name_en", "lat", "lon", "wikidata", "geonames_id", "country")


def apply_place_corrections(records: Sequence[Mapping[str, Any]],
                            corrections: Iterable[Mapping[str, Any]]
                            ) -> list[Mapping[str, Any]]:
    """``records`` with every corrected (article, place) link undone; records without a
    correction are passed through as they are (the same objects)."""
    wrong: dict[str, set[str]] = defaultdict(set)
    for c in corrections:
        wrong[str(c["doc_id"])].add(str(c["place_key"]))
    if not wrong:
        return list(records)
    return [_unlinked(r, wrong[str(r.get("doc_id"))]) if str(r.get("doc_id")) in wrong
            else r for r in records]


def _unlinked(rec: Mapping[str, Any], keys: set[str]) -> Mapping[str, Any]:
    doc_id = str(rec.get("doc_id"))
    ents = []
    for e in rec.get("entities") or []:
        if entity_key(doc_id, e) in keys:
            e = {k: v for k, v in e.items() if k not in LINKED_FIELDS}
            e["corrected"] = "not the place it was linked to (user correction)"
        ents.append(e)
    return {**rec, "entities": ents}
