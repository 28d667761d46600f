"""Linked views without the browser (issue #18): one filter bar on every view, every view
takes every filter, links keep the query string; the network's filters; entity and article
pages; one visit shown as one row on the seeds and the demo corpus."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from marsad.api import create_app  # noqa: E402
from marsad.cli import DEMO_DIR  # noqa: E402

from ..api.stores import build_store, demo_store  # noqa: E402

VIEWS = ("/timeline", "/map", "/network", "/stories")
FILTERS = {"entity": "Khalifa Haftar", "type": "CONSULT", "certainty": "single-source",
           "since": "2025", "until": "2025-12"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(str(demo_store(tmp_path_factory.mktemp("lp") / "d.db"))),
                      base_url="http://localhost")


def _hrefs(html: str, cls: str) -> list[str]:
    return [unescape(h) for h in re.findall(rf'<a href="([^"]*)" class="{cls}"', html)] + [
        unescape(h) for h in re.findall(rf'<a class="{cls}" href="([^"]*)"', html)]


@pytest.mark.parametrize("view", VIEWS)
def test_every_linked_view_has_the_one_filter_bar_and_takes_every_filter(
        client: TestClient, view: str) -> None:
    r = client.get(view, params=FILTERS)
    assert r.status_code == 200, r.text[:500]
    html = r.text
    assert html.count('id="filter-bar"') == 1
    for name in ("entity", "type", "certainty", "source", "since", "until"):
        assert f'name="{name}"' in html, name
    assert 'value="Khalifa Haftar"' in html  # the name, read back to its key by the server
    assert '/static/js/filterbar.js' in html and "<script>" not in html  # CSP: no inline
    carried = _hrefs(html, "carry")
    assert {urlsplit(h).path for h in carried} == set(VIEWS)
    for h in carried:  # the header's and the bar's links keep the filters
        q = parse_qs(urlsplit(h).query)
        assert q == {"entity": ["kb:khalifa_haftar"], "type": ["CONSULT"],
                     "certainty": ["single-source"], "since": ["2025-01-01"],
                     "until": ["2025-12-31"]}, h


def test_views_without_filters_link_plainly(client: TestClient) -> None:
    html = client.get("/timeline").text
    assert {h for h in _hrefs(html, "carry")} == set(VIEWS)


def test_network_takes_dates_and_refuses_a_bad_size(client: TestClient) -> None:
    whole = client.get("/api/network").json()
    dated = client.get("/api/network", params={"since": "2025-06-01"}).json()
    assert 0 < len(dated["nodes"]) < len(whole["nodes"]) or dated["n_entities"] < \
        whole["n_entities"]
    assert len(whole["nodes"]) <= 30
    r = client.get("/network", params={"limit": "7"})
    assert r.status_code == 400 and "limit" in r.text
    html = client.get("/network", params={"limit": "15", "since": "2025"}).text
    assert 'data-api="/api/network?since=2025-01-01&amp;limit=15"' in html
    legend = re.findall(r'class="edge-class" data-class="([a-z-]+)"', html)
    assert legend == ["verbal-cooperation", "material-cooperation", "verbal-conflict",
                      "material-conflict"]
    assert client.get("/api/places", params={"certainty": "single-source"}).status_code == 200


def test_entity_page_latest_articles_are_newest_first(client: TestClient) -> None:
    html = client.get("/entities/khalifa_haftar").text
    part = html.split('id="latest-articles"', 1)[1].split("</ul>", 1)[0]
    dates = re.findall(r'<span class="when">([^<]+)</span>', part)
    dated = [d for d in dates if d != "undated"]
    assert len(dated) >= 3 and dated == sorted(dated, reverse=True)
    assert dates[len(dated):] == ["undated"] * (len(dates) - len(dated))
    assert 'id="minimap"' in html and 'id="strip"' in html
    assert 'data-api="/api/timeline?entity=kb%3Akhalifa_haftar"' in html


def test_article_events_point_at_their_marked_sentences(client: TestClient) -> None:
    doc = "demo_07_belarus_saddam_haftar"
    events = client.get(f"/api/articles/{doc}").json()["events"]
    html = client.get(f"/articles/{doc}").text
    marked = {i for ids in re.findall(r'data-events="([^"]+)"', html) for i in ids.split()}
    for ev in events:
        assert f'id="event-{ev["id"]}"' in html
        if ev.get("evidence", {}).get("start") is not None:
            assert ev["id"] in marked, ev["id"]
    assert "/static/js/article.js" in html


@pytest.fixture(scope="module")
def seeds_demo(tmp_path_factory: pytest.TempPathFactory, seeds_dir) -> TestClient:
    db = build_store(tmp_path_factory.mktemp("sd") / "sd.db", seeds_dir, DEMO_DIR)
    return TestClient(create_app(str(db)), base_url="http://localhost")


def test_haftars_may_2025_visit_is_one_row(seeds_demo: TestClient) -> None:
    """The issue's "one visit as 5 rows on 3 dates": Haftar in Moscow, 8-10 May 2025, is
    one story per counterpart and day (as events are counted); lists show one row."""
    stories = seeds_demo.get("/api/stories", params={
        "entity": "khalifa_haftar", "since": "2025-05-08", "until": "2025-05-10",
        "type": "CONSULT"}).json()["items"]
    assert len(stories) >= 3 and len({s["start"] for s in stories}) >= 2
    hids = {s["happening"] for s in stories}
    assert len(hids) == 1 and None not in hids
    html = seeds_demo.get("/entities/khalifa_haftar").text
    rows = re.findall(r'<tr class="story happening[^"]*" data-happening="([^"]+)"', html)
    assert rows.count(next(iter(hids))) == 1
    putin = next(s for s in stories if "kb:vladimir_putin" in s["targets"])
    assert putin["actor_names"] == ["Khalifa Haftar"]
    page = seeds_demo.get(f"/stories/{putin['id']}").text
    who = re.search(r'<span id="story-who">([^<]+)</span>', page)
    assert who and unescape(who.group(1)).startswith("Khalifa Haftar → Vladimir Putin")
    box = page.split('id="happening"', 1)[1].split("</section>", 1)[0]
    for s in stories:
        assert s["id"] in box or s["id"] == putin["id"]


def test_an_event_of_several_counterparts_links_each_of_its_stories(
        client: TestClient) -> None:
    """One sentence naming several counterparts is a member of one story per counterpart:
    the article links every one of them, not the last one only."""
    found = []
    for doc in ("demo_08_houthi_us_strikes", "demo_03_lavrov_africa_tour",
                "demo_02_niger_russian_instructors"):
        events = client.get(f"/api/articles/{doc}").json()["events"]
        found += [(doc, ev) for ev in events if len(ev["stories"]) > 1]
    assert found
    doc, ev = found[0]
    assert ev["story"] in {o["id"] for o in ev["stories"]}
    assert len({o["who"] for o in ev["stories"]}) == len(ev["stories"])  # told apart
    html = client.get(f"/articles/{doc}").text
    item = html.split(f'id="event-{ev["id"]}"', 1)[1].split("</li>", 1)[0]
    for o in ev["stories"]:
        assert f'href="/stories/{o["id"]}"' in item


def test_story_csv_says_who_acted_on_whom(client: TestClient) -> None:
    import csv
    import io

    r = client.get("/api/stories", params={"entity": "sergey_lavrov", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and {"actors", "actor_names", "targets", "target_names", "happening"} <= set(
        rows[0])
    assert any(row["actor_names"].startswith("Sergey Lavrov") and row["target_names"]
               for row in rows)


def test_a_place_filter_is_carried_to_every_view(client: TestClient) -> None:
    html = client.get("/stories", params={"place": "moscow", "type": "CONSULT"}).text
    assert 'name="place" value="kb:moscow"' in html  # kept by the bar, hidden
    for h in _hrefs(html, "carry"):
        assert parse_qs(urlsplit(h).query)["place"] == ["kb:moscow"]
        assert client.get(h).status_code == 200, h  # every view takes it
        api = re.search(r'data-api="([^"]+)"', client.get(h).text)
        if api:
            assert client.get(unescape(api.group(1))).status_code == 200, api.group(1)
