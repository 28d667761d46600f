"""The English line of every event (issue #17): one template per PLOVER type and mode, the
place, the date by its precision, the sources and the certainty, and a subject when nobody
is named. Records are team-written."""

from __future__ import annotations

import pytest

from marsad.doc import PLOVER_TYPES
from marsad.export.summary import (
    date_phrase,
    english_names,
    join,
    summary_en,
    templates,
    with_article,
)

ENTITIES = [
    {"id": "e1", "type": "PER", "name": "خليفة حفتر", "name_en": "Khalifa Haftar"},
    {"id": "e2", "type": "PER", "name": "فلاديمير بوتين", "name_en": "Vladimir Putin"},
    {"id": "e3", "type": "GPE", "name": "موسكو", "name_en": "Moscow"},
    {"id": "e4", "type": "ORG", "name": "الكرملين", "name_en": "Kremlin"},
    {"id": "e5", "type": "GPE", "name": "الولايات المتحدة", "name_en": "United States"},
    {"id": "e6", "type": "ORG", "name": "قوات الدعم السريع", "name_en": "Rapid Support Forces"},
    {"id": "e7", "type": "ORG", "name": "جماعة محلية", "name_en": None},
]
NAMES = english_names(ENTITIES)


def event(etype: str, mode: str | None = None, **kw: object) -> dict:
    return {"type": etype, "mode": mode, "actors": kw.get("actors", ["e1"]),
            "targets": kw.get("targets", ["e2"]), "location": kw.get("location"),
            "date": kw.get("date"), "attributed_to": kw.get("attributed_to", []),
            "certainty": kw.get("certainty", "asserted")}


def day(d: str) -> dict:
    return {"start": d, "end": d, "text": "x", "precision": "day"}


def test_the_headline_example() -> None:
    ev = event("CONSULT", "visit", location="e3", date=day("2025-05-10"),
               attributed_to=["e4"], certainty="reported")
    assert summary_en(ev, NAMES) == ("Khalifa Haftar visited Vladimir Putin in Moscow on 10 "
                                     "May 2025, according to the Kremlin.")


@pytest.mark.parametrize("etype", PLOVER_TYPES)
def test_every_type_has_a_line_with_and_without_a_target(etype: str) -> None:
    with_target = summary_en(event(etype), NAMES)
    alone = summary_en(event(etype, targets=[]), NAMES)
    assert with_target.startswith("Khalifa Haftar ") and "Vladimir Putin" in with_target
    assert alone.startswith("Khalifa Haftar ") and "{T}" not in alone and alone.endswith(".")


def test_the_templates_cover_every_type_and_each_form_is_well_made() -> None:
    types = templates()["types"]
    assert set(types) == set(PLOVER_TYPES)
    for etype, modes in types.items():
        assert "default" in modes, etype
        for mode, forms in modes.items():
            assert len(forms) == 2, (etype, mode)
            assert "{T}" in forms[0] and "{T}" not in forms[1], (etype, mode)


@pytest.mark.parametrize("etype, mode, expected", [
    ("ASSAULT", "drone", "carried out a drone strike on Vladimir Putin"),
    ("COERCE", "arrest", "arrested Vladimir Putin"),
    ("SANCTION", "expel", "expelled Vladimir Putin"),
    ("RETREAT", "resign", "resigned from Vladimir Putin"),
    ("CONSULT", "phone", "spoke by phone with Vladimir Putin"),
    ("AID", "humanitarian", "delivered humanitarian aid to Vladimir Putin"),
    ("THREATEN", "violence", "threatened Vladimir Putin with force"),
    ("ASSAULT", "no-such-mode", "attacked Vladimir Putin"),  # an unknown mode: the default
])
def test_modes_change_the_verb(etype: str, mode: str, expected: str) -> None:
    assert expected in summary_en(event(etype, mode), NAMES)


def test_nobody_named() -> None:
    assert summary_en(event("ASSAULT", "aerial", actors=[], targets=["e6"]), NAMES) == (
        "An unidentified attacker carried out air strikes on the Rapid Support Forces.")
    assert summary_en(event("PROTEST", "demo", actors=[], targets=[], location="e3"),
                      NAMES) == "Protesters held a demonstration in Moscow."
    assert summary_en(event("CONCEDE", actors=[], targets=[]), NAMES).startswith(
        "An unnamed party ")


def test_certainty_and_sources() -> None:
    assert "Khalifa Haftar reportedly met" in summary_en(event("CONSULT",
                                                               certainty="reported"), NAMES)
    assert "Khalifa Haftar possibly met" in summary_en(event("CONSULT",
                                                             certainty="uncertain"), NAMES)
    denied = summary_en(event("CONSULT", certainty="denied", attributed_to=["e4"]), NAMES)
    assert denied.endswith(", a report the Kremlin denied.")
    assert summary_en(event("CONSULT", certainty="denied"), NAMES).endswith(
        ", a report that was denied.")


def test_the_place_is_not_said_twice() -> None:
    line = summary_en(event("CONSULT", "visit", targets=["e3"], location="e3"), NAMES)
    assert line == "Khalifa Haftar visited Moscow."


@pytest.mark.parametrize("start, end, precision, expected", [
    ("2025-05-10", "2025-05-10", "day", "on 10 May 2025"),
    ("2025-05-01", "2025-05-31", "month", "in May 2025"),
    ("2025-01-01", "2025-12-31", "year", "in 2025"),
    ("2025-03-21", "2025-03-31", "part", "in late March 2025"),
    ("2025-03-01", "2025-03-10", "part", "in early March 2025"),
    ("2025-03-11", "2025-03-20", "part", "in mid-March 2025"),
    ("2025-05-03", "2025-05-09", "range", "between 3 and 9 May 2025"),
    ("2025-01-01", "2025-04-30", "range", "between January and April 2025"),
    ("2024-12-28", "2025-01-03", "range", "between 28 December 2024 and 3 January 2025"),
])
def test_dates_by_precision(start: str, end: str, precision: str, expected: str) -> None:
    assert date_phrase({"start": start, "end": end, "precision": precision}) == expected
    assert date_phrase(None) == ""


def test_names_in_running_text() -> None:
    assert NAMES["e5"] == "the United States" and NAMES["e6"] == "the Rapid Support Forces"
    assert NAMES["e1"] == "Khalifa Haftar" and NAMES["e3"] == "Moscow"
    assert NAMES["e7"] == "جماعة محلية"  # no English name known: the Arabic one
    assert with_article("Houthis (Ansar Allah)", "ORG") == "the Houthis (Ansar Allah)"
    assert with_article("Hamas", "ORG") == "Hamas"
    for bare in ("Port Sudan", "Saudi Arabia", "Gaza", "Western Sahara", "Egypt"):
        assert with_article(bare, "GPE") == bare
    for name in ("West Bank", "Gaza Strip", "Red Sea", "Suez Canal", "Sahel"):
        assert with_article(name, "LOC") == "the " + name
    assert join(["A", "B", "C"]) == "A, B and C" and join(["A", "A"]) == "A"
    assert summary_en(event("SUPPORT", actors=["e5"], targets=["e6"]), NAMES).startswith(
        "The United States expressed support for the Rapid Support Forces")


def _lines_of(paths: list, pipeline) -> list[str]:  # type: ignore[no-untyped-def]
    from marsad.export.jsonl import doc_to_record
    from marsad.ingest import read_paths

    out = []
    for raw in read_paths([str(p) for p in paths]):
        if raw.kind == "html":
            pytest.importorskip("trafilatura")
        rec = doc_to_record(pipeline.process(raw))
        out.extend(ev["summary_en"] for ev in rec["events"])
    return out


def test_every_event_of_the_demo_and_the_seeds_has_an_english_line(  # type: ignore[no-untyped-def]
        pipeline, seeds_dir) -> None:
    import re

    from marsad.cli import DEMO_DIR

    arabic = re.compile("[\u0600-\u06ff]")
    for lines in (_lines_of([DEMO_DIR], pipeline), _lines_of([seeds_dir], pipeline)):
        assert len(lines) > 40
        assert all(line and line.endswith(".") and not arabic.search(line) for line in lines)
