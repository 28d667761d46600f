"""English search end to end on the bundled demo corpus: `marsad search`, `/api/search`, the
search page and the entity filter of the timeline and map given an English name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from marsad.cli import main

from .stores import demo_store

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

# the demo articles that name Khalifa Haftar (he is also named in demo_07, beside his son)
HAFTAR_DOCS = {"demo_05_syria_russian_bases", "demo_06_turkey_tripoli_training"}
SPELLINGS = ["Haftar", "hafter", "HAFTAR's", "Khalifa Hifter"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = demo_store(tmp_path_factory.mktemp("search-en") / "demo.db")
    assert main(["fuse", "--db", str(db)]) == 0
    return db


@pytest.mark.parametrize("q", SPELLINGS)
def test_cli_search_finds_haftar_by_any_spelling(db: Path, q: str,
                                                 capsys: pytest.CaptureFixture) -> None:
    capsys.readouterr()
    assert main(["search", q, "--db", str(db), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["match"] == "english-names"
    assert "kb:khalifa_haftar" in [e["key"] for e in got["entities"]]
    assert HAFTAR_DOCS <= {a["doc_id"] for a in got["articles"]}
    assert got["stories"] and all("Khalifa Haftar" in s["participant_names"]
                                  or "Saddam Haftar" in s["participant_names"]
                                  for s in got["stories"])


def test_cli_search_text_lists_entities_and_stories(db: Path,
                                                    capsys: pytest.CaptureFixture) -> None:
    capsys.readouterr()
    assert main(["search", "Vagner", "--db", str(db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "entity\tkb:wagner_group\tWagner Group\t3 article(s)" in out
    assert any(line.startswith("story\t") for line in out)


def test_cli_search_nonsense_and_bad_queries(db: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["search", "xqzvy flurb", "--db", str(db)]) == 1
    assert "0 article(s), 0 entities, 0 stories" in capsys.readouterr().err
    assert main(["search", "  ", "--db", str(db)]) == 2
    assert main(["search", "Haftar " * 40, "--db", str(db)]) == 2
    assert "at most 200 characters" in capsys.readouterr().err


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    pytest.importorskip("fastapi")  # the web extra; the CLI tests above run without it
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    return TestClient(create_app(str(db)), base_url="http://localhost")


@pytest.mark.parametrize("q", SPELLINGS)
def test_api_search_finds_haftar_by_any_spelling(client: TestClient, q: str) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200
    d = r.json()
    assert d["match"] == "english-names"
    assert d["entities"][0]["key"] == "kb:khalifa_haftar"  # more stories than his son
    assert HAFTAR_DOCS <= {a["doc_id"] for a in d["articles"]}
    assert all("حفتر" in a["snippet"] for a in d["articles"])  # cut around his mention
    assert d["stories"] and all(
        {"kb:khalifa_haftar", "kb:saddam_haftar"} & set(s["participants"])
        for s in d["stories"])


def test_api_search_wagner_putin_and_nonsense(client: TestClient) -> None:
    for q in ("Wagner", "Vagner"):
        d = client.get("/api/search", params={"q": q}).json()
        assert [e["key"] for e in d["entities"]] == ["kb:wagner_group"] and d["articles"]
    d = client.get("/api/search", params={"q": "Putin"}).json()
    assert d["entities"][0]["key"] == "kb:vladimir_putin" and d["stories"]
    d = client.get("/api/search", params={"q": "xqzvy flurb"}).json()
    assert d["entities"] == d["articles"] == d["stories"] == []


@pytest.mark.parametrize("q,message", [("   ", "empty query"),
                                       ("x" * 201, "at most 200 characters")])
def test_api_search_refuses_empty_and_oversized_queries(client: TestClient, q: str,
                                                        message: str) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 400
    e = r.json()["error"]
    assert e["code"] == "E060" and e["parameter"] == "q" and message in e["message"]


def test_search_page_takes_english(client: TestClient) -> None:
    r = client.get("/search", params={"q": "Hafter"})
    assert r.status_code == 200
    assert "Khalifa Haftar" in r.text
    for doc in HAFTAR_DOCS:
        assert f"/articles/{doc}" in r.text
    assert client.get("/search", params={"q": "x" * 201}).status_code == 400


@pytest.mark.parametrize("value", ["Khalifa Haftar", "khalifa hafter", "Putin", "Vagner"])
def test_entity_filter_takes_an_english_name(client: TestClient, value: str) -> None:
    for api in ("/api/timeline", "/api/places", "/api/stories"):
        r = client.get(api, params={"entity": value})
        assert r.status_code == 200, (api, r.text)
        assert r.json().get("filters", {"entity": "kb:"})["entity"].startswith("kb:")
    assert client.get("/timeline", params={"entity": value}).status_code == 200
    assert client.get("/map", params={"entity": value}).status_code == 200


def test_an_ambiguous_name_lists_the_entities_it_may_mean(client: TestClient) -> None:
    r = client.get("/api/timeline", params={"entity": "Haftar"})
    assert r.status_code == 400
    e = r.json()["error"]
    assert e["parameter"] == "entity" and "names 2 entities" in e["message"]
    assert [c["key"] for c in e["candidates"]] == ["kb:khalifa_haftar", "kb:saddam_haftar"]
    page = client.get("/timeline", params={"entity": "Haftar", "type": "CONSULT"})
    assert page.status_code == 400
    assert 'href="/timeline?entity=kb%3Akhalifa_haftar&amp;type=CONSULT"' in page.text or \
        'href="/timeline?type=CONSULT&amp;entity=kb%3Akhalifa_haftar"' in page.text


def test_an_unknown_name_says_so(client: TestClient) -> None:
    r = client.get("/api/timeline", params={"entity": "Nobody Atall"})
    assert r.status_code == 400
    e = r.json()["error"]
    assert e["parameter"] == "entity" and "no entity with key or name" in e["message"]
    assert "candidates" not in e


def test_the_entity_page_shows_the_latin_spellings(client: TestClient) -> None:
    assert "Khalifa Belqasim Haftar" in client.get("/api/entities/khalifa_haftar").json()[
        "spellings_en"]
    page = client.get("/entities/khalifa_haftar").text
    assert "Also spelt:" in page and "Khalifa Belqasim Haftar" in page


def test_a_name_alike_only_by_spelling_is_offered_not_chosen(client: TestClient) -> None:
    # "Tartous" is a spelling of Tartus (the same key), "Tertl" only alike to Tertel
    assert client.get("/api/places", params={"entity": "Ivan Tertel"}).status_code == 200
    r = client.get("/api/timeline", params={"entity": "Tertl"})
    assert r.status_code == 400
    e = r.json()["error"]
    assert "did you mean Ivan Tertel" in e["message"]
    assert [c["key"] for c in e["candidates"]] == ["kb:ivan_tertel"]
