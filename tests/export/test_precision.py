"""Time and geo precision codes (marsad.export.precision), in the record and the store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.export.precision import (
    PRECISION_NAMES,
    geo_precision,
    key_precision,
    place_point,
    time_precision,
)
from marsad.kb import default_kb


@pytest.mark.parametrize(("start", "end", "code"), [
    ("2025-05-10", "2025-05-10", 1),    # a day
    ("2025-05-05", "2025-05-11", 2),    # a week
    ("2025-05-21", "2025-05-31", 2),    # late May
    ("2025-05-01", "2025-05-16", 2),    # the first half of May
    ("2025-05-01", "2025-05-31", 3),    # May
    ("2025-03-01", "2025-05-31", 3),    # a season
    ("2025-01-01", "2025-12-31", 3),    # a year
])
def test_time_precision_follows_the_days_covered(start: str, end: str, code: int) -> None:
    assert time_precision({"start": start, "end": end, "precision": "range"}) == code


def test_undated_or_unreadable_dates_have_no_time_code() -> None:
    assert time_precision(None) is None
    assert time_precision({"start": None, "end": None}) is None
    assert time_precision({"start": "2025-13-01", "end": "2025-13-02"}) is None


def _kb_place(key: str) -> dict:
    e = default_kb().get(key)
    assert e is not None, key
    return {"type": e.type, "kb_id": key, "lat": e.lat, "lon": e.lon}


@pytest.mark.parametrize(("key", "code"), [
    ("libya", 3),              # a country
    ("darfur", 3),             # a region
    ("north_darfur", 3),       # a state
    ("tripoli", 2),            # a gazetteer city
    ("zamzam_camp", 1),        # a camp, curated beside the regions
    ("tinzaouaten", 2),        # a town, curated beside the regions
])
def test_geo_precision_of_knowledge_base_places(key: str, code: int) -> None:
    assert geo_precision(_kb_place(key)) == code


def test_a_facility_is_exact_unless_known_only_by_its_town() -> None:
    kb = default_kb()
    own = next(e for e in kb.entries.values() if e.type == "FAC" and e.lat is not None)
    assert place_point(_kb_place(own.key)) == (own.lat, own.lon, 1)
    near = kb.get("al_jufra_air_base")
    assert near is not None and near.lat is None
    town = kb.get(near.extra["near"])
    assert town is not None
    assert place_point(_kb_place("al_jufra_air_base")) == (town.lat, town.lon, 2)


def test_unknown_places_are_judged_by_type() -> None:
    assert geo_precision({"type": "FAC", "kb_id": None}) == 1
    assert geo_precision({"type": "GPE", "kb_id": None}) == 2
    assert geo_precision({"type": "LOC", "kb_id": None}) == 3
    assert geo_precision({"type": "PER", "kb_id": None}) is None
    assert geo_precision(None) is None


def test_cross_article_keys() -> None:
    assert key_precision("kb:tripoli", {"kb:tripoli": "GPE"}) == 2
    assert key_precision("name:FAC:x y", {"name:FAC:x y": "FAC"}) == 1
    assert key_precision(None, {}) is None


def test_curated_precision_marks_are_valid_and_used() -> None:
    kb = default_kb()
    marked = [e for e in kb.entries.values() if "precision" in e.extra]
    assert marked, "places.yaml marks its districts, camps and towns"
    for e in marked:
        assert e.extra["precision"] in PRECISION_NAMES, e.key
        assert geo_precision({"type": e.type, "kb_id": e.key}, kb) == \
            PRECISION_NAMES[e.extra["precision"]], e.key


def test_the_store_holds_both_codes(tmp_path: Path) -> None:
    import json

    from marsad.cli import main

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({
        "id": "a1", "published": "2025-05-12", "outlet": "Outlet A",
        "text": "التقى المشير خليفة حفتر الرئيس الروسي فلاديمير بوتين في موسكو السبت."},
        ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "m.db"
    assert main(["ingest", str(src), "--db", str(db)]) == 0
    assert main(["fuse", "--db", str(db)]) == 0
    con = sqlite3.connect(db)
    try:
        ev = con.execute("SELECT date_precision, time_precision, geo_precision FROM events"
                         " WHERE type = 'CONSULT'").fetchone()
        st = con.execute("SELECT time_precision, geo_precision FROM stories"
                         " WHERE type = 'CONSULT'").fetchone()
    finally:
        con.close()
    assert ev == ("day", 1, 2)  # Saturday 10 May, in Moscow (a city)
    assert st == (1, 2)


def test_the_migration_fills_time_codes_of_stored_rows(tmp_path: Path) -> None:
    from marsad.store import open_store
    from marsad.store.sqlite import _statements, migrations

    db = tmp_path / "old.db"
    with open_store(db):
        pass
    con = sqlite3.connect(db)
    try:  # a store as 0002 left it: the new columns gone, one event stored
        con.execute("PRAGMA foreign_keys = OFF")
        for col in ("date_precision", "time_precision", "geo_precision"):
            con.execute(f"ALTER TABLE events DROP COLUMN {col}")
        for col in ("time_precision", "geo_precision"):
            con.execute(f"ALTER TABLE stories DROP COLUMN {col}")
        rows = [("d", "e1", "2025-05-01", "2025-05-31"), ("d", "e2", "2025-05-03", "2025-05-09"),
                ("d", "e3", "2025-05-03", "2025-05-03"), ("d", "e4", None, None)]
        con.executemany("INSERT INTO events (doc_id, event_id, type, date_start, date_end,"
                        " certainty, evidence_start, evidence_end, evidence_text)"
                        " VALUES (?, ?, 'AID', ?, ?, 'asserted', 0, 1, 'x')", rows)
        sql = next(s for v, _, s in migrations() if v == 3)
        for stmt in _statements(sql):
            con.execute(stmt)
        got = dict(con.execute("SELECT event_id, time_precision FROM events").fetchall())
    finally:
        con.close()
    assert got == {"e1": 3, "e2": 2, "e3": 1, "e4": None}
    # the SQL rule and the Python one agree
    assert [time_precision({"start": r[2], "end": r[3]}) for r in rows] == [3, 2, 1, None]
