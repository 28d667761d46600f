"""The API's remembered answers (CorpusIndex.answer): the same query gives the same bytes
from one rendering, an error is never remembered, a listing page summarises only its own
items, and a new index starts with no answers."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from marsad.api import create_app  # noqa: E402
from marsad.web.index import CorpusIndex  # noqa: E402

from .stores import demo_store  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = demo_store(tmp_path_factory.mktemp("answers") / "demo.db")
    return TestClient(create_app(str(db)), base_url="http://localhost")


def test_answer_renders_once_per_key() -> None:
    idx = CorpusIndex()
    calls: list[int] = []

    def render() -> bytes:
        calls.append(1)
        return b"{}"
    assert idx.answer(("/api/x", ()), render) == b"{}"
    assert idx.answer(("/api/x", ()), render) == b"{}"
    assert idx.answer(("/api/x", (("type", "AID"),)), render) == b"{}"
    assert len(calls) == 2


def test_answer_forgets_the_oldest_beyond_its_bound() -> None:
    idx = CorpusIndex()
    for i in range(idx.ANSWERS_KEPT + 5):
        idx.answer(i, lambda i=i: str(i).encode())
    assert len(idx._answers) == idx.ANSWERS_KEPT
    assert 0 not in idx._answers and idx.ANSWERS_KEPT + 4 in idx._answers


def test_a_failed_render_is_not_remembered() -> None:
    idx = CorpusIndex()

    def broken() -> bytes:
        raise ValueError("bad filter")
    with pytest.raises(ValueError):
        idx.answer("k", broken)
    assert idx.answer("k", lambda: b"ok") == b"ok"


@pytest.mark.parametrize("path", ["/api/timeline", "/api/places", "/api/network",
                                  "/api/overview", "/api/stories?limit=3",
                                  "/api/entities/khalifa_haftar", "/api/search?q=" + "حفتر"])
def test_repeated_queries_give_the_same_json(client: TestClient, path: str) -> None:
    a, b = client.get(path), client.get(path)
    assert a.status_code == b.status_code == 200
    assert a.headers["content-type"] == "application/json"
    assert a.content == b.content and a.json()


def test_bad_filters_answer_400_every_time(client: TestClient) -> None:
    for _ in range(2):
        r = client.get("/api/timeline?type=FOO")
        assert r.status_code == 400 and r.json()["error"]["parameter"] == "type"


def test_listing_pages_summarise_their_items(client: TestClient) -> None:
    whole = client.get("/api/stories?limit=1000").json()
    page = client.get("/api/stories?limit=2&offset=1").json()
    assert page["total"] == whole["total"] and (page["offset"], page["limit"]) == (1, 2)
    assert page["items"] == whole["items"][1:3]
    assert set(page["items"][0]) == set(whole["items"][0]) >= {"id", "participant_names"}


def test_json_download_keeps_its_header(client: TestClient) -> None:
    r = client.get("/api/timeline?format=json")
    assert r.headers["content-disposition"] == 'attachment; filename="timeline.json"'
    assert client.get("/api/timeline").headers.get("content-disposition") is None


@pytest.mark.parametrize("query", ["until=2024-13", "until=2024-00", "since=2025-13-01",
                                   "since=2025-02-30"])
def test_impossible_months_and_days_are_refused(client: TestClient, query: str) -> None:
    r = client.get(f"/api/stories?{query}")
    assert r.status_code == 400 and "not a date" in r.json()["error"]["message"]


def test_month_bounds_are_inclusive_in_the_api_as_in_the_cli(client: TestClient) -> None:
    whole = client.get("/api/stories?limit=1000").json()["items"]
    months = sorted({s["start"][:7] for s in whole if s["start"]})
    m = months[len(months) // 2]
    got = client.get(f"/api/stories?since={m}&until={m}&limit=1000").json()["items"]
    assert got and all(s["start"] <= f"{m}-31" and s["end"] >= f"{m}-01" for s in got)
    assert any(s["start"][:7] == m for s in got)
