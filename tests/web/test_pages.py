"""Pages without the browser: escaping, highlighting segments, and the notice when the
JavaScript libraries are not built."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from marsad.api import create_app  # noqa: E402
from marsad.api.views import segments  # noqa: E402

from ..api.stores import demo_store  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(str(demo_store(tmp_path_factory.mktemp("pages") / "d.db"))),
                      base_url="http://localhost")


def test_segments_cover_the_text_and_mark_overlaps() -> None:
    text = "قال Reuters إن حفتر التقى بوتين 2025."
    spans = [{"start": 0, "end": len(text), "kind": "evidence", "id": "v1"},
             {"start": 15, "end": 19, "kind": "mention", "id": "e1"},
             {"start": 90, "end": 95, "kind": "mention", "id": "bad"}]  # outside: ignored
    segs = segments(text, spans)
    assert "".join(s["text"] for s in segs) == text
    hit = [s for s in segs if any(m["kind"] == "mention" for m in s["marks"])]
    assert [s["text"] for s in hit] == ["حفتر"]
    assert all(any(m["kind"] == "evidence" for m in s["marks"]) for s in segs)


def test_pages_serve_with_a_notice_without_vendor_assets(client: TestClient, tmp_path,
                                                         monkeypatch) -> None:
    import marsad.web as web

    monkeypatch.setattr(web, "VENDOR_DIR", tmp_path / "no-vendor")
    for url in ("/", "/timeline", "/map", "/network"):
        r = client.get(url)
        assert r.status_code == 200
        assert 'id="vendor-notice"' in r.text and "npm ci" in r.text
        assert "/static/vendor/d3.min.js" not in r.text
    # the tables are still there
    assert "<table" in client.get("/map").text and "<table" in client.get("/timeline").text


def test_arabic_is_right_to_left_and_isolated(client: TestClient) -> None:
    html = client.get("/entities/khalifa_haftar").text
    assert '<bdi lang="ar" dir="rtl" class="ar-name">خليفة حفتر</bdi>' in html
    sid = client.get("/api/stories", params={"entity": "khalifa_haftar"}).json()["items"][0]["id"]
    story = client.get(f"/stories/{sid}").text
    assert 'class="ar article-text" lang="ar" dir="rtl"' in story
    assert '<mark class="evidence"' in story
    css = client.get("/static/style.css").text
    assert "unicode-bidi: isolate" in css


def test_article_page_gives_each_event_its_english_line(client: TestClient) -> None:
    rec = client.get("/api/articles/demo_07_belarus_saddam_haftar").json()
    lines = [ev["summary_en"] for ev in rec["events"]]
    assert lines and all(line.endswith(".") for line in lines)
    html = client.get("/articles/demo_07_belarus_saddam_haftar").text
    assert html.count('class="summary-en" lang="en"') == len(lines)
    assert "Haftar" in html.split('class="summary-en"', 1)[1]


def test_story_page_and_api_give_each_report_its_english_line(client: TestClient) -> None:
    sid = client.get("/api/stories", params={"entity": "khalifa_haftar"}).json()["items"][0]["id"]
    members = client.get(f"/api/stories/{sid}").json()["members"]
    lines = [m["summary_en"] for m in members]
    assert lines and all(line and line.endswith(".") for line in lines)
    html = client.get(f"/stories/{sid}").text
    assert html.count('class="summary-en" lang="en"') == len(members)


def test_api_reference_page_needs_no_cdn_and_no_inline_script(client: TestClient) -> None:
    from marsad.web.apidocs import endpoints

    r = client.get("/docs")
    assert r.status_code == 200
    html = r.text
    assert "cdn." not in html and "<script>" not in html  # works offline and under the CSP
    spec = client.get("/openapi.json").json()
    ops = endpoints(spec)
    assert any(op["path"] == "/api/stories" and op["method"] == "GET" for op in ops)
    for op in ops:  # every operation listed, each reachable by its anchor
        assert f'id="{op["id"]}"' in html and f'href="#{op["id"]}"' in html
    stories = next(op for op in ops if op["path"] == "/api/stories")
    assert {"type", "entity"} <= {p["name"] for p in stories["parameters"]}
    assert client.get("/redoc").status_code == 404


def test_a_story_of_files_without_outlets_says_why_none_is_independent(
        client: TestClient) -> None:
    # the demo's .txt articles name no outlet
    items = client.get("/api/stories", params={"limit": 200}).json()["items"]
    s = next(s for s in items if s["sources"] == ["unknown outlet"])
    assert s["n_independent"] == 0
    assert 'id="unknown-outlet-note"' in client.get(f"/stories/{s['id']}").text
