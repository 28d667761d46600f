"""Stable story ids in the API and the workbench (issue 17): a merged story's old id answers
with the story it went into, ``/api/changes`` lists the history, the workbench shows the
ids the store keeps (even before the next fusion), and every answer names its
``schema_version``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from marsad.api import create_app  # noqa: E402
from marsad.cli import main  # noqa: E402
from marsad.export.jsonl import SCHEMA_VERSION  # noqa: E402
from marsad.store import open_store  # noqa: E402

from ..fuse.test_story_ids import P1, Q1, Q1_REWRITTEN, R1, _jsonl, _story_of  # noqa: E402


def _client(db: Path) -> TestClient:
    return TestClient(create_app(str(db)), base_url="http://localhost")


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A store where r1's story was merged into p1's: (db, old id, surviving id)."""
    tmp = tmp_path_factory.mktemp("merge")
    db = tmp / "m.db"
    assert main(["ingest", str(_jsonl(tmp / "1.jsonl", P1, Q1, R1)), "--db", str(db)]) == 0
    assert main(["fuse", "--db", str(db)]) == 0
    with open_store(db) as st:
        p, r = _story_of(st, "p1")["id"], _story_of(st, "r1")["id"]
    assert main(["ingest", str(_jsonl(tmp / "2.jsonl", Q1_REWRITTEN)), "--db", str(db)]) == 0
    assert main(["fuse", "--db", str(db)]) == 0
    return db, r, p


def test_an_old_story_id_answers_with_the_story_it_went_into(merged) -> None:  # type: ignore[no-untyped-def]
    db, old, new = merged
    c = _client(db)
    r = c.get(f"/api/stories/{old}")
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == new and body["redirected_from"] == old
    assert {m["doc_id"] for m in body["members"]} == {"p1", "r1"}
    assert "redirected_from" not in c.get(f"/api/stories/{new}").json()
    page = c.get(f"/stories/{old}", follow_redirects=False)
    assert page.status_code == 301 and page.headers["location"].endswith(f"/stories/{new}")
    missing = c.get("/api/stories/st_0000000000000000")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E061"


def test_changes_lists_the_history_with_redirect_targets(merged) -> None:  # type: ignore[no-untyped-def]
    db, old, new = merged
    c = _client(db)
    body = c.get("/api/changes", params={"since": "2000-01-01"}).json()
    assert body["since"] == "2000-01-01T00:00:00+00:00" and body["total"] == len(body["items"])
    kinds = {(i["story_id"], i["kind"]) for i in body["items"]}
    assert {(old, "created"), (new, "created"), (old, "merged"), (new, "changed")} <= kinds
    assert next(i for i in body["items"] if i["kind"] == "merged")["redirect_to"] == new
    assert body["schema_version"] == SCHEMA_VERSION
    later = c.get("/api/changes", params={"since": "2999-01-01T10:00+02:00"}).json()
    assert later["items"] == [] and later["since"] == "2999-01-01T08:00:00+00:00"


@pytest.mark.parametrize("query", [{"since": "last week"}, {"since": "2025-02-30"}, {}])
def test_changes_refuses_a_bad_or_missing_time(merged, query: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    r = _client(merged[0]).get("/api/changes", params=query)
    assert r.status_code == 400
    err = r.json()["error"]
    assert err["code"] == "E060" and err["parameter"] == "since"


def test_the_workbench_shows_the_ids_the_next_fusion_keeps(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    assert main(["ingest", str(_jsonl(tmp_path / "1.jsonl", P1, Q1, R1)), "--db", str(db)]) == 0
    assert main(["fuse", "--db", str(db)]) == 0
    with open_store(db) as st:
        p, r = _story_of(st, "p1")["id"], _story_of(st, "r1")["id"]
    # rewritten without fusing again: the workbench fuses in memory, keeping saved ids
    assert main(["ingest", str(_jsonl(tmp_path / "2.jsonl", Q1_REWRITTEN)), "--db", str(db)]) == 0
    c = _client(db)
    shown = {s["id"] for s in c.get("/api/stories").json()["items"]}
    assert p in shown and r not in shown
    assert c.get(f"/api/stories/{r}").json()["id"] == p
    assert main(["fuse", "--db", str(db)]) == 0
    with open_store(db) as st:
        assert {s["id"] for s in st.stories()} == shown


def test_every_answer_and_csv_names_the_schema_version(merged) -> None:  # type: ignore[no-untyped-def]
    c = _client(merged[0])
    for path in ("/api/stories", "/api/events", "/api/entities", "/api/overview",
                 "/api/timeline", "/api/articles/p1"):
        assert c.get(path).json()["schema_version"] == SCHEMA_VERSION, path
    for path in ("/api/stories", "/api/events", "/api/entities", "/api/timeline"):
        rows = list(csv.DictReader(io.StringIO(c.get(path, params={"format": "csv"}).text)))
        assert rows and {r["schema_version"] for r in rows} == {SCHEMA_VERSION}, path
