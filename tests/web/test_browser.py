"""The workbench in headless Chromium on a store of the bundled demo corpus plus a hostile
article, so the tests run in any clone (the server, browser and page fixtures are in
conftest.py and skip where Chromium, Playwright or the built JavaScript libraries are absent)."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")

from ..api.stores import HOSTILE_ID  # noqa: E402

pytestmark = pytest.mark.browser


def test_map_shows_moscow_minsk_and_tripoli(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/map")
    page.wait_for_selector('#map[data-ready="1"]')
    assert page.locator("svg path.country").count() > 100  # the shipped base map is drawn
    for key in ("kb:moscow", "kb:minsk", "kb:tripoli"):
        marker = page.locator(f'circle.marker[data-key="{key}"]')
        assert marker.count() == 1, key
        assert marker.is_visible(), key
    # clicking a marker lists its stories
    page.locator('circle.marker[data-key="kb:minsk"]').click()
    page.wait_for_selector("#place-panel ul.place-stories li a")
    assert page.locator("#panel-title").inner_text() == "Minsk"
    assert "HAFTAR" in page.locator("#place-panel ul.place-stories").inner_text().upper()
    assert page.errors == []


def test_timeline_shows_2024_and_2025_meetings_apart(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/timeline?entity=kb:sergey_lavrov&type=CONSULT")
    page.wait_for_selector('#timeline[data-ready="1"]')

    def boxes(year: str) -> list[dict]:
        loc = page.locator(f'#timeline rect.item[data-start^="{year}"]')
        return [loc.nth(i).bounding_box() for i in range(loc.count())]

    y24, y25 = boxes("2024"), boxes("2025")
    assert y24 and y25
    right_2024 = max(b["x"] + b["width"] for b in y24)
    left_2025 = min(b["x"] for b in y25)
    assert left_2025 - right_2024 > 120  # nine months apart on the axis, 2024 first
    assert page.errors == []


def test_timeline_zooms_to_days(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/timeline?entity=kb:vladimir_putin&type=CONSULT")
    page.wait_for_selector('#timeline[data-ready="1"]')
    first = '#timeline rect.item[data-start="2025-06-22"]'
    b = page.locator(first).first.bounding_box()
    page.mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2)
    for _ in range(30):
        page.mouse.wheel(0, -400)
        page.wait_for_timeout(20)
    page.wait_for_timeout(300)
    ticks = page.locator("#timeline .axis .tick text").evaluate_all(
        "els => els.map(e => e.textContent)")
    assert any(re.fullmatch(r"(\w{3} \d{1,2}|\w{3} 0?\d{1,2}|\d{1,2})", t) for t in ticks), ticks
    # one day apart is now tens of pixels apart
    x22 = page.locator(first).first.bounding_box()["x"]
    x23 = page.locator('#timeline rect.item[data-start="2025-06-23"]').first.bounding_box()["x"]
    assert x23 - x22 > 20
    assert page.errors == []


def test_clicking_haftar_in_the_network_opens_his_page(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/network")
    page.wait_for_selector('#network[data-ready="1"]')
    assert page.locator("#network line.edge").count() > 0
    page.locator('g.node[data-key="kb:khalifa_haftar"] circle').click()
    page.wait_for_url(re.compile(r"/entities/khalifa_haftar$"))
    assert page.locator("h1").inner_text().startswith("Khalifa Haftar")
    assert "خليفة حفتر" in page.locator("h1").inner_text()
    assert page.locator(".description").inner_text()  # from the knowledge base
    assert page.errors == []


def test_story_page_highlights_its_evidence_sentence(page, server) -> None:  # type: ignore[no-untyped-def]
    api = page.request.get(f"{server}/api/stories?entity=khalifa_haftar&type=CONSULT"
                           "&since=2025&until=2025").json()
    sid = api["items"][0]["id"]
    story = page.request.get(f"{server}/api/stories/{sid}").json()
    page.goto(f"{server}/stories/{sid}")
    first = story["members"][0]
    section = page.locator(f'section.member[id="m-{first["doc_id"]}-{first["event_id"]}"]')
    text = section.locator(".article-text")
    assert text.get_attribute("dir") == "rtl"
    assert text.evaluate("el => getComputedStyle(el).direction") == "rtl"
    mark = text.locator("mark.evidence")
    assert mark.count() >= 1 and mark.first.is_visible()
    assert first["evidence"]["text"] in "".join(mark.all_inner_texts())
    # the mark sits inside the whole article, which holds more than the evidence
    assert len(text.inner_text()) > len(first["evidence"]["text"]) + 100
    assert page.locator("#n-independent").inner_text() == str(story["n_independent"])
    assert page.errors == []


def test_a_hostile_articles_script_does_not_run(page, server) -> None:  # type: ignore[no-untyped-def]
    sid = page.request.get(f"{server}/api/articles/{HOSTILE_ID}").json()["events"][0]["story"]
    for url in (f"/articles/{HOSTILE_ID}", f"/stories/{sid}", "/", "/stories",
                "/search?q=window", "/map", "/timeline", "/network"):
        page.goto(server + url)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__marsad_xss") == "undefined", url
        assert page.locator("img[src=x]").count() == 0, url
    page.goto(f"{server}/articles/{HOSTILE_ID}")
    shown = page.locator("#article-text").inner_text()
    assert "<script>window.__marsad_xss = 1</script>" in shown
    assert page.errors == []


def test_english_search_from_the_header_box(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    box = page.locator("header form.search input[name=q]")
    box.fill("Hafter")  # a common Latin spelling, not the knowledge base's
    box.press("Enter")
    page.wait_for_load_state("load")
    main = page.locator("main").inner_text()
    assert "Khalifa Haftar" in main
    assert page.locator("a[href='/articles/demo_05_syria_russian_bases']").count() == 1
    # the entity filter of the timeline takes the name too
    page.goto(server + "/timeline?entity=Khalifa%20Haftar")
    assert "Khalifa Haftar" in page.locator("h1").inner_text()
    assert page.errors == []
