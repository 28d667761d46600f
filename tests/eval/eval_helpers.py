"""Builders shared by the evaluation tests: gold dicts, system dicts, files on disk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_gold(directory: Path, docs: list[dict[str, Any]]) -> Path:
    """Write gold dicts as ``<doc_id>.json`` files; returns the directory."""
    directory.mkdir(parents=True, exist_ok=True)
    for d in docs:
        (directory / f"{d['doc_id']}.json").write_text(
            json.dumps(d, ensure_ascii=False, indent=1), encoding="utf-8")
    return directory


def write_system(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs),
                    encoding="utf-8")
    return path


def _span(text: str, s: str) -> dict[str, Any]:
    start = text.find(s)
    assert start >= 0, f"{s!r} not in text"
    return {"start": start, "end": start + len(s), "text": s}


def system_from_gold(gold: dict[str, Any], article: str) -> dict[str, Any]:
    """A system document that says exactly what the gold says, located in ``article``.

    The text is the article with every drop string removed (what a perfect cleaner would
    leave), entities carry ``kb_id = key`` and one mention per alias occurrence, events
    carry located evidence and ``start/end`` dates.
    """
    text = article
    for s in gold["drop"]:
        text = text.replace(s, "")
    ids = {e["key"]: f"e{i + 1}" for i, e in enumerate(gold["entities"])}
    entities = []
    for e in gold["entities"]:
        mentions = []
        for a in e["aliases"]:
            start = text.find(a)
            assert start >= 0, f"alias {a!r} not in text"
            while start >= 0:
                mentions.append({"start": start, "end": start + len(a), "text": a})
                start = text.find(a, start + 1)
        entities.append({"id": ids[e["key"]], "kb_id": e["key"], "type": e["type"],
                         "name": e["aliases"][0], "name_en": e["name_en"],
                         "mentions": mentions})
    events = []
    for j, v in enumerate(gold["events"]):
        d = v["date"]
        if d is None:
            date = None
        elif isinstance(d, str):
            date = {"start": d, "end": d, "text": ""}
        else:
            date = {"start": d["from"], "end": d["to"], "text": ""}
        events.append({
            "id": f"v{j + 1}", "type": v["type"], "mode": v["mode"],
            "actors": [ids[k] for k in v["actors"]],
            "targets": [ids[k] for k in v["targets"]],
            "location": ids[v["location"]] if v["location"] else None,
            "date": date,
            "attributed_to": [ids[k] for k in v["attributed_to"]],
            "certainty": "asserted",
            "evidence": _span(text, v["evidence"]),
        })
    return {
        "doc_id": gold["doc_id"],
        "source": {"path": f"{gold['doc_id']}.txt", "url": None, "outlet": None},
        "title": None,
        "published": gold["published"],
        "language": "ar",
        "text": text,
        "entities": entities,
        "events": events,
    }


# A small hand-built article and its gold, used by most scorer tests. Every alias,
# evidence, keep and drop string is an exact substring of ARTICLE.
ARTICLE = (
    "الاثنين 12 مايو 2025\n"
    "التقى المشير خليفة حفتر الرئيس الروسي فلاديمير بوتين في موسكو يوم السبت. "
    "وقال الكرملين إن بوتين أكد دعم روسيا لليبيا. "
    "ووصلت قوات روسية إلى ليبيا خلال مايو 2025.\n"
    "اقرأ أيضا: أخبار أخرى"
)


def base_gold(doc_id: str = "doc1") -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "published": "2025-05-12",
        "entities": [
            {"key": "khalifa_haftar", "name_en": "Khalifa Haftar", "type": "PER",
             "aliases": ["المشير خليفة حفتر", "خليفة حفتر"]},
            {"key": "vladimir_putin", "name_en": "Vladimir Putin", "type": "PER",
             "aliases": ["فلاديمير بوتين", "بوتين"]},
            {"key": "moscow", "name_en": "Moscow", "type": "GPE", "aliases": ["موسكو"]},
            {"key": "kremlin", "name_en": "Kremlin", "type": "ORG", "aliases": ["الكرملين"]},
            {"key": "russia", "name_en": "Russia", "type": "GPE", "aliases": ["روسيا"]},
            {"key": "libya", "name_en": "Libya", "type": "GPE", "aliases": ["ليبيا"]},
        ],
        "events": [
            {"type": "CONSULT", "mode": "visit", "actors": ["khalifa_haftar"],
             "targets": ["vladimir_putin"], "location": "moscow", "date": "2025-05-10",
             "attributed_to": [],
             "evidence": "التقى المشير خليفة حفتر الرئيس الروسي فلاديمير بوتين في موسكو"},
            {"type": "SUPPORT", "mode": None, "actors": ["vladimir_putin"],
             "targets": ["libya"], "location": None, "date": None,
             "attributed_to": ["kremlin"], "evidence": "بوتين أكد دعم روسيا لليبيا"},
            {"type": "MOBILIZE", "mode": "troops", "actors": ["russia"], "targets": [],
             "location": "libya", "date": {"from": "2025-05-01", "to": "2025-05-31"},
             "attributed_to": [], "evidence": "ووصلت قوات روسية إلى ليبيا خلال مايو 2025"},
        ],
        "keep": ["التقى المشير خليفة حفتر", "ووصلت قوات روسية"],
        "drop": ["اقرأ أيضا: أخبار أخرى"],
    }
