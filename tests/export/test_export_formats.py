"""`marsad export`: every format written for the demo store and read back by its standard
reader (csv/pandas, GeoJSON's shape, networkx, pyarrow), the filters of `marsad stories`, and
the errors: unknown format, missing extra, unwritable output, a failure mid-write."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest

from marsad.cli import DEMO_DIR, EXPORT_FORMATS, main
from marsad.doc import PLOVER_TYPES
from marsad.export.acled import COLUMNS
from marsad.export.formats import FORMATS
from marsad.kb import default_kb

ARABIC = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("export") / "demo.db"
    assert main(["ingest", str(DEMO_DIR), "--db", str(db)]) == 0
    assert main(["fuse", "--db", str(db)]) == 0
    return db


def _count(db: Path, sql: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


def export(db: Path, fmt: str, out: Path, *args: str) -> Path:
    assert main(["export", "--db", str(db), "--format", fmt, "-o", str(out), *args]) == 0
    return out


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_the_cli_names_every_format() -> None:
    assert tuple(FORMATS) == EXPORT_FORMATS


# ----------------------------------------------------------------------------- acled-csv

def test_acled_csv_one_row_per_event_with_bom(demo_db: Path, tmp_path: Path) -> None:
    out = export(demo_db, "acled-csv", tmp_path / "e.csv", "--bom")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(out)
    assert list(rows[0]) == list(COLUMNS)
    assert len(rows) == _count(demo_db, "SELECT count(*) FROM events")
    for r in rows:
        assert r["plover_type"] in PLOVER_TYPES
        assert r["time_precision"] in ("1", "2", "3", "")
        assert r["geo_precision"] in ("1", "2", "3", "")
        assert (r["time_precision"] == "") == (r["event_date"] == "")
        assert r["summary_en"] and not ARABIC.search(r["summary_en"])
        assert ARABIC.search(r["evidence_ar"])
        # the demo's text files name no outlet: an unknown outlet is no independent source
        known = r["sources"] not in ("", "unknown outlet")
        assert (int(r["n_independent_sources"]) >= 1) == known and r["story_ids"]
    moscow = [r for r in rows if r["location_kb"] == "moscow"]
    entry = default_kb().get("moscow")
    assert moscow and entry is not None
    assert float(moscow[0]["latitude"]) == pytest.approx(entry.lat)
    assert float(moscow[0]["longitude"]) == pytest.approx(entry.lon)
    assert moscow[0]["country"] == "Russia" and moscow[0]["geo_precision"] == "2"
    haftar = [r for r in rows if r["actor1_kb"] == "khalifa_haftar"]
    assert haftar and all(r["actor1"] == "Khalifa Haftar" and r["actor1_country"] == "Libya"
                          for r in haftar)


def test_acled_csv_reads_in_pandas_without_bom(demo_db: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = export(demo_db, "acled-csv", tmp_path / "e.csv")
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(out, encoding="utf-8", keep_default_na=False)
    assert list(df.columns) == list(COLUMNS)
    assert len(df) == _count(demo_db, "SELECT count(*) FROM events")


def test_filters_are_those_of_stories(demo_db: Path, tmp_path: Path) -> None:
    rows = read_csv(export(demo_db, "acled-csv", tmp_path / "t.csv", "--type", "consult"))
    assert rows and {r["plover_type"] for r in rows} == {"CONSULT"}
    rows = read_csv(export(demo_db, "acled-csv", tmp_path / "h.csv",
                           "--entity", "khalifa_haftar"))
    assert rows
    for r in rows:
        kbs = " ".join(r[c] for c in ("actor1_kb", "assoc_actor_1_kb", "actor2_kb",
                                      "assoc_actor_2_kb", "location_kb"))
        assert "khalifa_haftar" in kbs
    rows = read_csv(export(demo_db, "acled-csv", tmp_path / "d.csv", "--since", "2025-03",
                           "--until", "2025-03"))
    assert rows and all(r["date_end"] >= "2025-03-01" and r["event_date"] <= "2025-03-31"
                        for r in rows)
    rows = read_csv(export(demo_db, "acled-csv", tmp_path / "m.csv", "--min-sources", "2"))
    assert all(int(r["n_independent_sources"]) >= 2 for r in rows)


# ---------------------------------------------------------------------------- plover-jsonl

def test_plover_jsonl_records(demo_db: Path, tmp_path: Path) -> None:
    from marsad.export.plover import PLOVER_MODES, QUAD

    out = export(demo_db, "plover-jsonl", tmp_path / "p.jsonl")
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == _count(demo_db, "SELECT count(*) FROM events")
    assert len({r["id"] for r in recs}) == len(recs)
    for r in recs:
        assert {"id", "date", "actor", "event", "recipient", "event_loc", "mode", "context",
                "quad_code", "cite_info", "marsad"} <= set(r)
        assert r["event"] in PLOVER_TYPES and r["quad_code"] == QUAD[r["event"]]
        assert r["mode"] is None or r["mode"] in PLOVER_MODES[r["event"]]
        assert r["marsad"]["time_precision"] in (1, 2, 3, None)
        for ent in r["actor"] + r["recipient"]:
            assert ent["entity_text"] and ent["marsad_key"]
    # a sector in Marsad's mode (MOBILIZE/AID/COOPERATE "military") is a PLOVER context
    sector = [r for r in recs if r["marsad"]["mode"] == "military"]
    assert sector and all(r["mode"] is None and r["context"] == ["military"] for r in sector)


# --------------------------------------------------------------------------------- geojson

def check_feature_collection(doc: dict) -> None:
    """The shape RFC 7946 gives a FeatureCollection of Points."""
    assert doc["type"] == "FeatureCollection" and isinstance(doc["features"], list)
    assert "crs" not in doc  # RFC 7946 removed it: coordinates are WGS 84
    for f in doc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        assert isinstance(f["id"], str)
        g = f["geometry"]
        assert g["type"] == "Point" and len(g["coordinates"]) == 2
        lon, lat = g["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        for v in f["properties"].values():  # flat, so GIS tables show columns
            assert v is None or isinstance(v, str | int | float)


def test_geojson_events_and_stories(demo_db: Path, tmp_path: Path) -> None:
    doc = json.loads(export(demo_db, "geojson", tmp_path / "e.geojson").read_text("utf-8"))
    check_feature_collection(doc)
    assert doc["features"] and doc["skipped"] > 0  # countries have no point
    assert len(doc["features"]) + doc["skipped"] == _count(demo_db,
                                                           "SELECT count(*) FROM events")
    kb = default_kb()
    for f in doc["features"]:  # [longitude, latitude], in that order
        key = f["properties"]["location_key"]
        entry = kb.get(key[3:]) if key.startswith("kb:") else None
        if entry is not None and entry.lat is not None:
            assert f["geometry"]["coordinates"] == [entry.lon, entry.lat]
    assert doc["marsad"]["features"] == "events"
    doc = json.loads(export(demo_db, "geojson", tmp_path / "s.geojson", "--features",
                            "stories", "--min-sources", "1").read_text("utf-8"))
    assert doc["marsad"]["filters"] == {"min_sources": 1}
    check_feature_collection(doc)
    assert doc["features"]
    # (stories told only by files of unknown outlet have no independent source)
    assert len(doc["features"]) + doc["skipped"] == _count(
        demo_db, "SELECT count(*) FROM stories WHERE n_independent >= 1")
    assert all(f["id"].startswith("st_") for f in doc["features"])


# ----------------------------------------------------------------------------- the network

@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_graph_formats_load_in_networkx(demo_db: Path, tmp_path: Path, fmt: str) -> None:
    nx = pytest.importorskip("networkx")
    from marsad.doc import PLOVER_QUADS as CLASSES

    out = export(demo_db, fmt, tmp_path / f"n.{fmt}")
    g = nx.read_gexf(out) if fmt == "gexf" else nx.read_graphml(out)
    assert g.number_of_nodes() > 10 and g.number_of_edges() > 10
    haftar = g.nodes["kb:khalifa_haftar"]
    assert haftar["label"] == "Khalifa Haftar" and haftar["type"] == "PER"
    assert haftar["first_seen"] <= haftar["last_seen"]
    if fmt == "gexf":  # the dynamic graph's spells, for Gephi's timeline
        assert haftar["start"] == haftar["first_seen"]
    for _, _, d in g.edges(data=True):
        assert d["weight"] >= 1 and d["class"] in CLASSES
        assert d["cooperation"] + d["conflict"] == d["weight"]


# ------------------------------------------------------------------------------- parquet

def test_parquet_tables_read_in_pyarrow(demo_db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = export(demo_db, "parquet", tmp_path / "tables")
    assert sorted(p.name for p in out.iterdir()) == ["entities.parquet", "events.parquet",
                                                     "stories.parquet"]
    events = pq.read_table(out / "events.parquet")
    stories = pq.read_table(out / "stories.parquet")
    entities = pq.read_table(out / "entities.parquet")
    assert events.num_rows == _count(demo_db, "SELECT count(*) FROM events")
    assert stories.num_rows == _count(demo_db, "SELECT count(*) FROM stories")
    assert entities.num_rows == _count(demo_db, "SELECT count(*) FROM fused_entities")
    assert str(events.schema.field("date_start").type) == "date32[day]"
    assert str(events.schema.field("time_precision").type) == "int8"
    story_ids = set(stories.column("id").to_pylist())
    for ids in events.column("story_ids").to_pylist():
        assert ids and set(ids) <= story_ids
    keys = set(entities.column("key").to_pylist())
    assert "kb:khalifa_haftar" in keys
    again = export(demo_db, "parquet", out, "--type", "CONSULT")  # replaces the folder
    assert set(pq.read_table(again / "events.parquet").column("type").to_pylist()) == \
        {"CONSULT"}


# -------------------------------------------------------------------------------- errors

def test_unknown_format_is_refused(demo_db: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as e:
        main(["export", "--db", str(demo_db), "--format", "shapefile", "-o",
              str(tmp_path / "x")])
    assert e.value.code == 2 and "invalid choice: 'shapefile'" in capsys.readouterr().err


@pytest.mark.parametrize(("fmt", "module", "extra"), [("gexf", "networkx", "graph"),
                                                      ("parquet", "pyarrow", "parquet")])
def test_a_missing_extra_is_named(demo_db: Path, tmp_path: Path, fmt: str, module: str,
                                  extra: str, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setitem(__import__("sys").modules, module, None)  # import fails
    assert main(["export", "--db", str(demo_db), "--format", fmt, "-o",
                 str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert "[E011]" in err and f'marsad[{extra}]' in err
    assert not list(tmp_path.iterdir())


def test_an_unwritable_output_is_an_error(demo_db: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture) -> None:
    assert main(["export", "--db", str(demo_db), "--format", "acled-csv", "-o",
                 str(tmp_path / "missing" / "e.csv")]) == 2
    assert "[E040]" in capsys.readouterr().err
    assert main(["export", "--db", str(demo_db), "--format", "geojson", "-o",
                 str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    f = tmp_path / "file"
    f.write_text("keep", encoding="utf-8")
    assert main(["export", "--db", str(demo_db), "--format", "parquet", "-o", str(f)]) == 2
    assert f.read_text(encoding="utf-8") == "keep"


def test_a_failure_midway_leaves_the_previous_file(demo_db: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.export.acled as acled

    out = tmp_path / "e.csv"
    out.write_text("previous", encoding="utf-8")
    real, calls = acled.acled_row, []

    def failing(r):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) > 5:
            raise RuntimeError("disk on fire")
        return real(r)

    monkeypatch.setattr(acled, "acled_row", failing)
    with pytest.raises(RuntimeError):
        main(["export", "--db", str(demo_db), "--format", "acled-csv", "-o", str(out)])
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["e.csv"]  # no temporary file left


def test_options_of_another_format_are_refused(demo_db: Path, tmp_path: Path) -> None:
    assert main(["export", "--db", str(demo_db), "--format", "geojson", "--bom", "-o",
                 str(tmp_path / "x")]) == 2
    assert main(["export", "--db", str(demo_db), "--format", "acled-csv", "--features",
                 "stories", "-o", str(tmp_path / "x")]) == 2
    assert not list(tmp_path.iterdir())


def test_bad_filters_are_named_and_nothing_is_written(demo_db: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture) -> None:
    assert main(["export", "--db", str(demo_db), "--format", "acled-csv", "--type", "CONSLT",
                 "-o", str(tmp_path / "x.csv")]) == 2
    assert "CONSLT" in capsys.readouterr().err
    assert main(["export", "--db", str(demo_db), "--format", "acled-csv", "--entity",
                 "nobody_at_all", "-o", str(tmp_path / "x.csv")]) == 2
    assert "nobody_at_all" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
