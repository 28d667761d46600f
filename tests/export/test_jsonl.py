"""The output contract (docs/output.md), checked over the whole bundled demo corpus."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from marsad.cli import DEMO_DIR, main
from marsad.doc import CERTAINTIES, ENTITY_TYPES, PLOVER_TYPES

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG = re.compile(r"^[a-z0-9_]+$")


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    out = tmp_path_factory.mktemp("demo") / "out.jsonl"
    assert main(["extract", str(DEMO_DIR), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all("\\u06" not in line for line in lines)  # ensure_ascii is off
    return [json.loads(line) for line in lines]


def test_one_record_per_article_in_input_order(records: list[dict]) -> None:
    # an HTML article is skipped (named) when the 'html' extra is not installed
    kinds = (".txt", ".html") if importlib.util.find_spec("trafilatura") else (".txt",)
    files = sorted(p for p in Path(DEMO_DIR).iterdir() if p.suffix in kinds)
    ids = [r["doc_id"] for r in records]
    assert ids[: len(files)] == [p.stem for p in files]
    extra = [json.loads(x)["id"] for x in (DEMO_DIR / "extra.jsonl").read_text(
        encoding="utf-8").splitlines() if x.strip()]
    assert ids[len(files):] == extra


def test_record_fields_and_types(records: list[dict]) -> None:
    for r in records:
        assert set(r) >= {"doc_id", "source", "title", "published", "language", "text",
                          "entities", "events"}
        assert set(r["source"]) >= {"path", "url", "outlet"}
        assert r["published"] is None or ISO.match(r["published"])
        assert r["language"] == "ar" and isinstance(r["text"], str) and r["text"]


def test_entities_read_back_from_the_text(records: list[dict]) -> None:
    for r in records:
        text = r["text"]
        for e in r["entities"]:
            assert e["type"] in ENTITY_TYPES
            assert e["kb_id"] is None or SLUG.match(e["kb_id"])
            assert e["name"] and e["mentions"]
            for m in e["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"]
                assert m["text"] == m["text"].strip() and m["text"]


def test_every_event_has_evidence_in_the_text(records: list[dict]) -> None:
    n = 0
    for r in records:
        text, ids = r["text"], {e["id"] for e in r["entities"]}
        for ev in r["events"]:
            n += 1
            assert ev["type"] in PLOVER_TYPES and ev["certainty"] in CERTAINTIES
            assert set(ev["actors"]) | set(ev["targets"]) | set(ev["attributed_to"]) <= ids
            assert ev["location"] is None or ev["location"] in ids
            e = ev["evidence"]
            assert e["text"] and text[e["start"] : e["end"]] == e["text"]
            for more in ev.get("evidence_more", []):
                assert text[more["start"] : more["end"]] == more["text"]
            if ev["date"] is not None:
                assert ISO.match(ev["date"]["start"]) and ISO.match(ev["date"]["end"])
                assert ev["date"]["start"] <= ev["date"]["end"]
                # a date read from the text has its words; a lead's has the publication's
                assert ev["date"]["text"] or ev["date"]["basis"] == "published"
    assert n > 50  # the demo corpus is about events: a silent event layer is a failure
