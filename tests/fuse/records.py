"""A tiny builder of article records in the ``docs/output.md`` shape, for fusion tests."""

from __future__ import annotations

from typing import Any

# kb entities used across the tests: id → (kb_id, type, Arabic name)
KB = {
    "haftar": ("khalifa_haftar", "PER", "خليفة حفتر"),
    "putin": ("vladimir_putin", "PER", "فلاديمير بوتين"),
    "lavrov": ("sergey_lavrov", "PER", "سيرغي لافروف"),
    "erdogan": ("recep_tayyip_erdogan", "PER", "رجب طيب أردوغان"),
    "moscow": ("moscow", "GPE", "موسكو"),
    "benghazi": ("benghazi", "GPE", "بنغازي"),
    "tripoli": ("tripoli", "GPE", "طرابلس"),
}


def ent(local_id: str, name: str, *, kb_id: str | None = None, type_: str = "PER",
        text: str = "") -> dict[str, Any]:
    start = text.find(name) if text else -1
    mentions = [{"start": start, "end": start + len(name), "text": name}] if start >= 0 else []
    return {"id": local_id, "kb_id": kb_id, "type": type_, "name": name, "name_en": None,
            "mentions": mentions}


def record(
    doc_id: str,
    *,
    text: str = "",
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    kb: tuple[str, ...] = (),
    events: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """``kb`` names entries of :data:`KB` to add as linked entities (local id = the name)."""
    ents = list(entities or [])
    for k in kb:
        kb_id, typ, name = KB[k]
        ents.append(ent(k, name, kb_id=kb_id, type_=typ, text=text))
    return {
        "doc_id": doc_id,
        "source": {"path": f"{doc_id}.txt", "url": url, "outlet": outlet},
        "title": None,
        "published": published,
        "language": "ar",
        "text": text,
        "entities": ents,
        "events": events or [],
    }


def event(
    event_id: str = "v1",
    type_: str = "CONSULT",
    *,
    actors: tuple[str, ...] = (),
    targets: tuple[str, ...] = (),
    location: str | None = None,
    date: str | tuple[str, str] | None = None,
    certainty: str = "asserted",
    attributed_to: tuple[str, ...] = (),
    evidence: str = "",
) -> dict[str, Any]:
    if isinstance(date, str):
        date = (date, date)
    return {
        "id": event_id, "type": type_, "mode": None,
        "actors": list(actors), "targets": list(targets), "location": location,
        "date": None if date is None else {"start": date[0], "end": date[1], "text": ""},
        "attributed_to": list(attributed_to), "certainty": certainty,
        "evidence": {"start": 0, "end": len(evidence), "text": evidence},
    }
