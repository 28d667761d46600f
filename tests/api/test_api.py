"""The JSON API over a store of the demo corpus (and the seeds where present): filters,
exports, the error shape, escaping."""

from __future__ import annotations

import csv
import io

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from marsad.api import create_app  # noqa: E402

from .stores import HOSTILE_ID, build_store, demo_store  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = demo_store(tmp_path_factory.mktemp("api") / "demo.db")
    return TestClient(create_app(str(db)), base_url="http://localhost")


@pytest.fixture(scope="module")
def seeds_client(tmp_path_factory: pytest.TempPathFactory, seeds_dir) -> TestClient:
    db = build_store(tmp_path_factory.mktemp("api-seeds") / "seeds.db", seeds_dir)
    return TestClient(create_app(str(db)), base_url="http://localhost")


def error_of(r) -> dict:
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "parameter"}
    assert body["error"]["status"] == r.status_code
    return body["error"]


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/overview", "/api/entities", "/api/entities/{key}", "/api/stories",
              "/api/stories/{id}", "/api/events", "/api/timeline", "/api/places",
              "/api/network", "/api/articles/{doc_id}", "/api/search"):
        assert p in paths, p
    names = {p["name"] for p in paths["/api/stories"]["get"]["parameters"]}
    assert {"entity", "type", "place", "since", "until", "certainty", "source", "limit",
            "offset", "format"} <= names


def test_overview(client: TestClient) -> None:
    d = client.get("/api/overview").json()
    assert d["counts"]["articles"] == 11  # 8 demo files + 2 in extra.jsonl + the hostile one
    assert d["active_entities"] and d["most_sourced_stories"] and d["newest_articles"]
    n = [s["n_independent"] for s in d["most_sourced_stories"]]
    assert n == sorted(n, reverse=True)


def test_entity_profile_by_bare_or_full_key(client: TestClient) -> None:
    a = client.get("/api/entities/khalifa_haftar").json()
    b = client.get("/api/entities/kb:khalifa_haftar").json()
    assert a == b
    assert a["name_en"] == "Khalifa Haftar" and a["name"] == "خليفة حفتر"
    assert a["description"]  # from the knowledge base
    starts = [s["start"] for s in a["stories"] if s["start"]]
    assert starts == sorted(starts)
    assert a["closest"] and all(c["key"] != a["key"] for c in a["closest"])


def test_place_has_coordinates(client: TestClient) -> None:
    m = client.get("/api/entities/moscow").json()
    assert m["lat"] == pytest.approx(55.75, abs=0.1) and m["lon"] == pytest.approx(37.6, abs=0.1)


@pytest.mark.parametrize("params", [
    {"entity": "khalifa_haftar"}, {"type": "CONSULT"}, {"place": "moscow"},
    {"since": "2025-01-01", "until": "2025-12-31"}, {"certainty": "single-source"},
    {"entity": "kb:khalifa_haftar", "type": "consult", "since": "2025"},
])
def test_story_filters_hold_for_every_item(client: TestClient, params: dict) -> None:
    d = client.get("/api/stories", params={**params, "limit": 1000}).json()
    assert d["total"] == len(d["items"]) > 0
    for s in d["items"]:
        if "entity" in params:
            assert "kb:khalifa_haftar" in s["participants"] + [s["location"]]
        if "type" in params:
            assert s["type"] == "CONSULT"
        if "place" in params:
            assert "kb:moscow" in s["participants"] + [s["location"]]
        if "since" in params:
            assert s["end"] >= "2025-01-01"
        if "until" in params:
            assert s["start"] <= "2025-12-31"
        if "certainty" in params:
            assert s["certainty"] == "single-source"


def test_source_filter_and_paging(client: TestClient) -> None:
    all_ = client.get("/api/stories", params={"limit": 1000}).json()["items"]
    outlet = all_[0]["sources"][0]
    d = client.get("/api/stories", params={"source": outlet, "limit": 1000}).json()
    assert d["items"] and all(outlet in s["sources"] for s in d["items"])
    p1 = client.get("/api/stories", params={"limit": 2, "offset": 0}).json()["items"]
    p2 = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()["items"]
    assert [s["id"] for s in p1 + p2] == [s["id"] for s in all_[:4]]


def test_events_filter_at_article_level(client: TestClient) -> None:
    d = client.get("/api/events", params={"entity": "khalifa_haftar", "certainty": "asserted",
                                          "limit": 1000}).json()
    assert d["items"]
    for e in d["items"]:
        assert e["certainty"] == "asserted"
        assert "kb:khalifa_haftar" in e["actors"] + e["targets"] + [e["location"]]
        assert e["story"]  # every event is a member of a story


def test_events_and_stories_carry_precision_codes(client: TestClient) -> None:
    events = client.get("/api/events", params={"limit": 1000}).json()["items"]
    stories = client.get("/api/stories", params={"limit": 1000}).json()["items"]
    for item in events + stories:
        assert item["time_precision"] in (1, 2, 3, None)
        assert item["geo_precision"] in (1, 2, 3, None)
        assert (item["time_precision"] is None) == (item["start"] is None)
        if item["location"] is None:  # no place, no place code
            assert item["geo_precision"] is None
    assert {1, 2} <= {e["geo_precision"] for e in events}  # demo: cities and bases
    assert 1 in {e["time_precision"] for e in events}
    header = client.get("/api/events", params={"format": "csv"}).text.split("\r\n")[0]
    assert "time_precision" in header and "geo_precision" in header
    doc = events[0]["doc_id"]
    art = client.get(f"/api/articles/{doc}").json()
    assert all("time_precision" in e and "geo_precision" in e for e in art["events"])


def test_csv_export_matches_json(client: TestClient) -> None:
    params = {"entity": "khalifa_haftar", "limit": 1000}
    j = client.get("/api/stories", params=params).json()
    r = client.get("/api/stories", params={**params, "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == [s["id"] for s in j["items"]]
    assert all("kb:khalifa_haftar" in row["participants"] + row["location"] for row in rows)
    for path in ("/api/events", "/api/entities", "/api/places", "/api/network",
                 "/api/timeline"):
        r = client.get(path, params={"format": "csv"})
        assert r.status_code == 200 and r.text.count("\r\n") >= 2, path
    r = client.get("/api/stories", params={**params, "format": "json"})
    assert "attachment" in r.headers["content-disposition"] and r.json() == j


def test_csv_cells_never_start_a_formula() -> None:
    from marsad.api.views import to_csv

    text = to_csv([{"a": "=HYPERLINK(\"x\")", "b": -1.5}], ("a", "b"))
    assert "'=HYPERLINK" in text and ",-1.5" in text


@pytest.mark.parametrize("url, parameter", [
    ("/api/stories?since=2024-13", "since"),
    ("/api/stories?until=yesterday", "until"),
    ("/api/stories?since=2025&until=2024", "until"),
    ("/api/stories?type=CONSLT", "type"),
    ("/api/stories?certainty=sure", "certainty"),
    ("/api/stories?entity=nobody_at_all", "entity"),
    ("/api/stories?place=atlantis", "place"),
    ("/api/stories?source=nowhere.example", "source"),
    ("/api/stories?limit=0", "limit"),
    ("/api/stories?limit=ten", "limit"),
    ("/api/stories?offset=-1", "offset"),
    ("/api/stories?format=xml", "format"),
    ("/api/stories?entitty=khalifa_haftar", "entitty"),
    ("/api/events?certainty=corroborated", "certainty"),  # a story certainty, not an event's
    ("/api/entities?type=PERSON", "type"),
    ("/api/network?limit=100000", "limit"),
    ("/api/search", "q"),
])
def test_bad_parameters_are_400s_naming_the_parameter(client: TestClient, url: str,
                                                       parameter: str) -> None:
    r = client.get(url)
    assert r.status_code == 400
    e = error_of(r)
    assert e["parameter"] == parameter and e["code"] == "E060"
    assert parameter in e["message"]


@pytest.mark.parametrize("url", ["/api/entities/nobody", "/api/stories/st_0000",
                                 "/api/articles/nothing", "/api/no-such-endpoint"])
def test_not_found_has_the_same_shape(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 404
    assert error_of(r)["code"] == "E061"


def test_story_detail_has_evidence_inside_article_text(client: TestClient) -> None:
    sid = client.get("/api/stories", params={"entity": "khalifa_haftar"}).json()["items"][0]["id"]
    s = client.get(f"/api/stories/{sid}").json()
    assert s["members"] and s["n_independent"] == len(s["source_groups"])
    for m in s["members"]:
        art = s["articles"][m["doc_id"]]
        ev = m["evidence"]
        assert art["text"][ev["start"]:ev["end"]] == ev["text"]
        marked = "".join(p["text"] for p in art["segments"]
                         if any(k["kind"] == "evidence" for k in p["marks"]))
        assert ev["text"] in marked
        assert "".join(p["text"] for p in art["segments"]) == art["text"]


def test_article_with_annotations(client: TestClient) -> None:
    a = client.get(f"/api/articles/{HOSTILE_ID}").json()
    assert "<script>" in a["text"]  # stored and returned as it was written: it is text
    assert {e["key"] for e in a["entities"]} >= {"kb:khalifa_haftar", "kb:moscow"}
    assert a["events"] and a["events"][0]["story"]


def test_search_across_articles_entities_stories(client: TestClient) -> None:
    d = client.get("/api/search", params={"q": "حفتر"}).json()
    assert d["articles"] and d["entities"] and d["stories"]
    assert d["entities"][0]["key"] == "kb:khalifa_haftar"
    en = client.get("/api/search", params={"q": "haftar"}).json()
    assert any(e["key"] == "kb:khalifa_haftar" for e in en["entities"])


def test_network_and_timeline(client: TestClient) -> None:
    g = client.get("/api/network", params={"entity": "khalifa_haftar"}).json()
    keys = {n["key"] for n in g["nodes"]}
    assert g["nodes"][0]["key"] == "kb:khalifa_haftar" and g["edges"]
    for e in g["edges"]:
        assert {e["source"], e["target"]} <= keys
        assert e["class"] in ("verbal-cooperation", "material-cooperation", "verbal-conflict",
                              "material-conflict")
    t = client.get("/api/timeline", params={"entity": "khalifa_haftar"}).json()
    assert t["items"] and all(i["start"] for i in t["items"])
    assert t["total"] + t["undated"] == client.get(
        "/api/stories", params={"entity": "khalifa_haftar"}).json()["total"]


def test_pages_escape_article_text_and_outlets(client: TestClient) -> None:
    for url in (f"/articles/{HOSTILE_ID}", "/", "/stories", "/timeline", "/search?q=حفتر",
                "/entities/khalifa_haftar"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "<script>window.__marsad_xss" not in r.text, url
        assert "<img src=x" not in r.text, url
    page = client.get(f"/articles/{HOSTILE_ID}").text
    assert "&lt;script&gt;window.__marsad_xss = 1&lt;/script&gt;" in page


def test_pages_answer_and_bad_page_parameters_are_400(client: TestClient) -> None:
    for url in ("/", "/timeline", "/map", "/network", "/entities", "/entities/moscow",
                "/stories", "/search", "/search?q=موسكو", "/docs"):
        assert client.get(url).status_code == 200, url
    r = client.get("/timeline?type=NOPE")
    assert r.status_code == 400 and "type" in r.text and "text/html" in r.headers["content-type"]
    assert client.get("/entities/nobody").status_code == 404


def test_index_rebuilds_when_the_store_grows(tmp_path) -> None:
    from marsad.cli import main

    db = demo_store(tmp_path / "grow.db")
    app = create_app(str(db), refresh_seconds=0)
    c = TestClient(app, base_url="http://localhost")
    n0 = c.get("/api/overview").json()["counts"]["articles"]
    extra = tmp_path / "more.jsonl"
    extra.write_text('{"id": "zz_new", "text": "التقى خليفة حفتر فلاديمير بوتين في موسكو."}\n',
                     encoding="utf-8")
    assert main(["ingest", str(extra), "--db", str(db)]) == 0
    # the request that notices the change is answered at once from the index in hand
    # while the new one is built in the background (issue #18: never block for a rebuild)
    assert c.get("/api/overview").json()["counts"]["articles"] in (n0, n0 + 1)
    app.state.holder.wait(timeout=60)
    assert c.get("/api/overview").json()["counts"]["articles"] == n0 + 1


def test_seeds_stories_and_places(seeds_client: TestClient) -> None:
    places = {p["key"] for p in seeds_client.get("/api/places").json()["items"]}
    assert {"kb:moscow", "kb:tobruk", "kb:benghazi"} <= places
    t = seeds_client.get("/api/timeline", params={"entity": "khalifa_haftar",
                                                  "type": "CONSULT"}).json()
    years = {i["start"][:4] for i in t["items"]}
    assert {"2023", "2025"} <= years


def test_missing_store_is_refused(tmp_path) -> None:
    from marsad.store import StoreError

    with pytest.raises(StoreError):
        create_app(str(tmp_path / "none.db"))


def test_an_article_whose_id_is_a_nested_path_opens(tmp_path) -> None:
    # ids are paths under the folder given (issue #15): "2024/r001" must be routable
    corpus = tmp_path / "corpus" / "2024"
    corpus.mkdir(parents=True)
    (corpus / "r001.txt").write_text("التقى أردوغان بوتين في أنقرة.\n", encoding="utf-8")
    db = build_store(tmp_path / "nested.db", tmp_path / "corpus", hostile=False)
    c = TestClient(create_app(str(db)), base_url="http://localhost")
    r = c.get("/api/articles/2024/r001")
    assert r.status_code == 200 and r.json()["doc_id"] == "2024/r001"
    assert c.get("/articles/2024/r001").status_code == 200
