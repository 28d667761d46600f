"""The API behind the timeline and the map (issue #18): undated stories placed at the day
they were first reported, the date histogram, country-level stories, the place panel under
the page's filters, and the "wrong place?" correction (stored, guarded, applied on
re-fusion)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from marsad.api import create_app  # noqa: E402
from marsad.cli import DEMO_DIR, main  # noqa: E402
from marsad.fuse.corrections import apply_place_corrections  # noqa: E402
from marsad.store import open_store  # noqa: E402

from .stores import build_store, demo_store  # noqa: E402

TARTUS = DEMO_DIR / "demo_05_syria_russian_bases.html"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = demo_store(tmp_path_factory.mktemp("views-api") / "demo.db")
    return TestClient(create_app(str(db)), base_url="http://localhost")


def error_of(r) -> dict:  # type: ignore[no-untyped-def]
    body = r.json()
    assert set(body) == {"error"} and body["error"]["status"] == r.status_code
    return body["error"]


# ------------------------------------------------------------------------------- timeline
def test_undated_stories_sit_at_the_day_they_were_first_reported(client: TestClient) -> None:
    stories = client.get("/api/stories?limit=1000").json()["items"]
    undated = {s["id"]: s for s in stories if not s["start"]}
    assert undated
    t = client.get("/api/timeline").json()
    assert t["dated"] == len(stories) - len(undated)
    assert t["reported"] == sum(1 for s in undated.values() if s["reported"])
    assert t["undated"] == len(undated) - t["reported"]
    items = {i["id"]: i for i in t["items"]}
    for sid, s in undated.items():
        if s["reported"]:
            assert items[sid]["dating"] == "reported"
            assert items[sid]["start"] == items[sid]["end"] == s["reported"]
            # the day first reported is its earliest article's publication date
            days = [client.get(f"/api/articles/{d}").json()["published"][:10]
                    for d in client.get(f"/api/stories/{sid}").json()["doc_ids"]]
            assert s["reported"] == min(days)
    assert all(i["dating"] == "event" for i in t["items"] if i["id"] not in undated)
    keys = [(i["start"], i["end"]) for i in t["items"]]
    assert keys == sorted(keys)


def test_a_date_range_keeps_the_reported_stories_of_its_days(client: TestClient) -> None:
    t = client.get("/api/timeline?since=2025-04&until=2025-04").json()
    assert t["reported"] > 0
    assert all("2025-04-01" <= i["start"] <= "2025-04-30" or i["dating"] == "event"
               for i in t["items"])
    assert all(i["end"] >= "2025-04-01" and i["start"] <= "2025-04-30" for i in t["items"])


def test_the_histogram_counts_every_day_under_the_other_filters(client: TestClient) -> None:
    full = client.get("/api/timeline?type=CONSULT").json()
    ranged = client.get("/api/timeline?type=CONSULT&since=2025-06").json()
    assert ranged["histogram"] == full["histogram"]  # the brush's background: every date
    days = [d for d, _, _ in full["histogram"]]
    assert days == sorted(set(days))
    assert sum(a + b for _, a, b in full["histogram"]) == full["total"]
    assert sum(b for _, _, b in full["histogram"]) == full["reported"]


def test_timeline_csv_has_the_reported_day(client: TestClient) -> None:
    text = client.get("/api/timeline?format=csv").text
    header = text.splitlines()[0].split(",")
    assert "reported" in header


# ------------------------------------------------------------------------------------ map
def test_country_level_stories_are_counted_on_their_country(client: TestClient) -> None:
    d = client.get("/api/places").json()
    by_key = {c["key"]: c for c in d["countries"]}
    libya = by_key["kb:libya"]
    assert libya["iso_numeric"] == "434" and libya["name_en"] == "Libya"
    located = client.get("/api/stories?place=kb:libya&limit=500").json()["items"]
    at_libya = [s for s in located if s["location"] == "kb:libya"]
    assert libya["n_stories"] >= len(at_libya) > 0
    # a region without coordinates counts on its country (Tinzaouaten, in Mali)
    mali = by_key["kb:mali"]
    assert len(mali["keys"]) > 1 and "kb:mali" in mali["keys"]
    panel = client.get("/api/places/kb:mali").json()
    assert panel["total"] == mali["n_stories"]
    assert {s["location"] for s in panel["items"]} <= set(mali["keys"])


def test_the_place_panel_takes_the_page_filters(client: TestClient) -> None:
    every = client.get("/api/places/kb:moscow").json()
    consult = client.get("/api/places/moscow?type=CONSULT").json()
    assert every["place"]["key"] == consult["place"]["key"] == "kb:moscow"
    assert 0 < consult["total"] < every["total"]
    assert all(s["type"] == "CONSULT" for s in consult["items"])
    marker = next(p for p in client.get("/api/places?type=CONSULT").json()["items"]
                  if p["key"] == "kb:moscow")
    assert marker["n_stories"] == consult["total"]  # the marker's count is the panel's list
    assert error_of(client.get("/api/places/kb:nowhere"))["code"] == "E061"
    assert error_of(client.get("/api/places/kb:moscow?colour=red"))["parameter"] == "colour"


# ---------------------------------------------------------------------------- corrections
@pytest.fixture()
def tartus_db(tmp_path: Path) -> Path:
    pytest.importorskip("trafilatura")  # the Tartus article of the demo is HTML
    return build_store(tmp_path / "tartus.db", TARTUS, hostile=False)


def _tartus_story(c: TestClient) -> str:
    items = c.get("/api/places/kb:tartus_port").json()["items"]
    assert len(items) == 1
    return str(items[0]["id"])


def test_a_correction_needs_json_from_this_servers_pages(tartus_db: Path) -> None:
    c = TestClient(create_app(str(tartus_db)), base_url="http://localhost:8000")
    sid = _tartus_story(c)
    body = {"story": sid, "place": "kb:tartus_port"}
    url = "/api/corrections/places"
    refused = [
        c.post(url, content=f"story={sid}&place=kb:tartus_port",
               headers={"content-type": "application/x-www-form-urlencoded"}),
        c.post(url, content=json.dumps(body), headers={"content-type": "text/plain"}),
        c.post(url, json=body, headers={"origin": "http://evil.example"}),
        c.post(url, json=body, headers={"origin": "http://localhost:9999"}),
        c.post(url, json=body, headers={"sec-fetch-site": "cross-site"}),
    ]
    for r in refused:
        assert r.status_code == 403 and error_of(r)["code"] == "E066"
    for bad, parameter in (({"story": sid}, "place"), ({"place": "kb:tartus_port"}, "story"),
                           ({"story": 5, "place": "kb:tartus_port"}, "story")):
        r = c.post(url, json=bad)
        assert r.status_code == 400 and error_of(r)["parameter"] == parameter
    r = c.post(url, content=b"{not json", headers={"content-type": "application/json"})
    assert error_of(r)["parameter"] == "body"
    r = c.post(url, json={"story": sid, "place": "x" * 5000})
    assert error_of(r)["parameter"] == "body"
    r = c.post(url, json={"story": sid, "place": "kb:moscow"})  # not this story's place
    assert r.status_code in (400, 404) and error_of(r)["parameter"] == "place"
    assert error_of(c.post(url, json={"story": "st_nope", "place": "kb:tartus_port"}))[
        "code"] == "E061"
    assert c.get("/api/corrections/places").json()["total"] == 0  # nothing was written
    ok = c.post(url, json=body, headers={"origin": "http://localhost:8000",
                                         "sec-fetch-site": "same-origin"})
    assert ok.status_code == 201, ok.text
    assert ok.json()["added"] == ["demo_05_syria_russian_bases"]
    # the same correction twice is one row (or, once the index was rebuilt with it, the
    # place is gone from the story: nothing to correct)
    again = c.post(url, json=body)
    assert (again.status_code, again.json().get("added")) in ((201, []), (404, None))
    assert c.get("/api/corrections/places").json()["total"] == 1


def test_a_correction_is_applied_when_the_stories_are_fused_again(tartus_db: Path) -> None:
    app = create_app(str(tartus_db), refresh_seconds=0)
    c = TestClient(app, base_url="http://localhost")
    assert main(["fuse", "--db", str(tartus_db)]) == 0
    sid = _tartus_story(c)
    with open_store(str(tartus_db)) as st:
        state = st.corpus_state()
    assert c.post("/api/corrections/places",
                  json={"story": sid, "place": "kb:tartus_port"}).status_code == 201
    with open_store(str(tartus_db)) as st:
        assert st.corpus_state() != state  # the saved fusion is stale now
    c.get("/api/overview")
    app.state.holder.wait(30)
    keys = {p["key"] for p in c.get("/api/places").json()["items"]}
    assert "kb:tartus_port" not in keys and "kb:tartus_naval_base" in keys
    assert c.get("/api/stories/" + sid).status_code in (200, 301, 404)
    # `marsad fuse` saves the corrected fusion; the record itself is kept as extracted
    assert main(["fuse", "--db", str(tartus_db)]) == 0
    with open_store(str(tartus_db)) as st:
        saved = st.stories()
        assert not any(s.get("location") == "kb:tartus_port" or "kb:tartus_port" in
                       s["participants"] for s in saved)
        rec = st.get_record("demo_05_syria_russian_bases")
        assert any(e.get("kb_id") == "tartus_port" for e in rec["entities"])  # type: ignore[index]


def test_a_correction_can_be_undone(tartus_db: Path) -> None:
    c = TestClient(create_app(str(tartus_db)), base_url="http://localhost")
    with open_store(str(tartus_db)) as st:
        state = st.corpus_state()
    url = "/api/corrections/places"
    made = c.post(url, json={"story": _tartus_story(c), "place": "kb:tartus_port"}).json()
    undo = {"place": "kb:tartus_port", "doc_ids": made["added"]}
    r = c.request("DELETE", url, content=json.dumps(undo),
                  headers={"content-type": "text/plain"})
    assert r.status_code == 403 and error_of(r)["code"] == "E066"
    r = c.request("DELETE", url, json={"place": "kb:tartus_port"})
    assert r.status_code == 400 and error_of(r)["parameter"] == "doc_ids"
    r = c.request("DELETE", url, json=undo)
    assert r.status_code == 200 and r.json()["removed"] == ["demo_05_syria_russian_bases"]
    assert c.get(url).json()["total"] == 0
    with open_store(str(tartus_db)) as st:
        assert st.corpus_state() == state  # as before: a saved fusion is current again
    assert c.request("DELETE", url, json=undo).json()["removed"] == []


def test_apply_place_corrections_unlinks_only_the_named_article() -> None:
    ent = {"id": "e1", "name": "طرطوس", "type": "FAC", "kb_id": "tartus_port",
           "name_en": "Port of Tartus"}
    a = {"doc_id": "a", "entities": [ent, {"id": "e2", "name": "موسكو", "kb_id": "moscow"}]}
    b = {"doc_id": "b", "entities": [dict(ent)]}
    out = apply_place_corrections([a, b], [{"doc_id": "a", "place_key": "kb:tartus_port"}])
    assert "kb_id" not in out[0]["entities"][0] and "name_en" not in out[0]["entities"][0]
    assert out[0]["entities"][0]["name"] == "طرطوس"  # the mention stays, unlinked
    assert out[0]["entities"][1]["kb_id"] == "moscow"
    assert out[1] is b and a["entities"][0]["kb_id"] == "tartus_port"  # inputs untouched
    assert apply_place_corrections([a], []) == [a]
