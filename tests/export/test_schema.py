"""The record's JSON Schema, shipped in the package (issue #16): valid as a schema, and every
record Marsad writes for the demo corpus and the team's fixtures follows it."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from marsad.cli import DEMO_DIR, main
from marsad.export.jsonl import SCHEMA_VERSION

jsonschema = pytest.importorskip("jsonschema", reason="the schema test needs jsonschema "
                                 "(the 'test' extra)")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _schema() -> dict:
    text = resources.files("marsad").joinpath("data/schema/record.schema.json").read_text(
        encoding="utf-8")
    return dict(json.loads(text))


def test_the_schema_is_a_valid_schema_of_this_version() -> None:
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION


@pytest.mark.parametrize("folder", [DEMO_DIR, FIXTURES / "event-set" / "articles"],
                         ids=["demo", "event-set"])
def test_every_record_follows_the_schema(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out)]) == 0
    validator = jsonschema.Draft202012Validator(_schema())
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert records
    for rec in records:
        errors = sorted(validator.iter_errors(rec), key=lambda e: list(e.path))
        assert not errors, f"{rec['doc_id']}: {errors[0].message} at {list(errors[0].path)}"
        ids = {e["id"] for e in rec["entities"]}
        for ev in rec["events"]:  # references the schema cannot express
            assert set(ev["actors"]) | set(ev["targets"]) | set(ev["attributed_to"]) <= ids
            assert ev["location"] is None or ev["location"] in ids


def test_a_broken_record_is_caught() -> None:
    validator = jsonschema.Draft202012Validator(_schema())
    bad = {"schema_version": "1", "doc_id": "x", "source": {"path": None, "url": None,
           "outlet": None}, "title": None, "published": "12/05/2025", "language": "ar",
           "text": "", "entities": [], "events": [{"id": "v1", "type": "VISIT"}]}
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "12/05/2025" in messages and "'VISIT' is not one of" in messages
