"""The timeline and the map in headless Chromium (issue #18), on a store of the bundled demo
corpus so they run in any clone; they skip where Chromium, Playwright or the built JavaScript
libraries are absent (the fixtures of conftest.py; this module has its own server)."""

from __future__ import annotations

import importlib.util
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from ..api.stores import build_store, demo_store  # noqa: E402
from .conftest import serving  # noqa: E402

pytestmark = pytest.mark.browser
# the Tartus article of the demo corpus is HTML: read only with the `html` extra
needs_html = pytest.mark.skipif(importlib.util.find_spec("trafilatura") is None,
                                reason="the demo's HTML article needs the html extra")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(demo_store(tmp_path_factory.mktemp("views") / "demo.db")) as url:
        yield url


# ------------------------------------------------------------------------------- timeline
def test_undated_stories_are_on_the_timeline_as_reported(page, server) -> None:  # type: ignore[no-untyped-def]
    api = page.request.get(f"{server}/api/timeline").json()
    assert api["reported"] > 0 and api["undated"] == 0  # every demo article has a date
    undated = [s for s in page.request.get(f"{server}/api/stories?limit=500").json()["items"]
               if not s["start"]]
    assert len(undated) == api["reported"]
    page.goto(f"{server}/timeline")
    page.wait_for_selector('#timeline[data-ready="1"]')
    bars = page.locator("#timeline rect.item")
    assert bars.count() == api["shown"] == api["dated"] + api["reported"]
    for s in undated[:5]:  # each undated story is a bar at the day it was first reported
        bar = page.locator(f'#timeline rect.item[data-id="{s["id"]}"]')
        assert bar.get_attribute("data-dating") == "reported"
        assert bar.get_attribute("data-start") == s["reported"]
        assert "reported" in (bar.get_attribute("class") or "")
    assert page.locator("#timeline text.bar-label:not([display])").count() > 20  # labelled
    assert "reported" in page.locator("#tl-note").inner_text()
    assert page.errors == []


def test_the_year_shows_at_every_zoom(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/timeline?entity=kb:vladimir_putin&type=CONSULT")
    page.wait_for_selector('#timeline[data-ready="1"]')

    def years_shown() -> str:
        return " ".join(page.locator("#timeline .axis text, #timeline .axis-major text")
                        .all_text_contents())

    assert re.search(r"20\d\d", years_shown())
    b = page.locator('#timeline rect.item[data-start="2025-06-22"]').first.bounding_box()
    page.mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2)
    for _ in range(30):  # in to days
        page.mouse.wheel(0, -400)
        page.wait_for_timeout(20)
    page.wait_for_timeout(300)
    ticks = page.locator("#timeline .axis .tick text").all_text_contents()
    assert not any(re.search(r"20\d\d", t) for t in ticks), ticks  # the ticks are days now
    assert "June 2025" in years_shown()  # and the row under them names month and year
    assert page.errors == []


def test_the_histogram_brush_sets_the_date_range(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/timeline")
    page.wait_for_selector('#tl-hist[data-ready="1"]')
    box = page.locator("#tl-hist svg").bounding_box()
    y = box["y"] + 40
    page.mouse.move(box["x"] + box["width"] * 0.70, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.85, y, steps=5)
    page.mouse.up()
    page.wait_for_url(re.compile(r"since=\d{4}-\d\d-\d\d&until=\d{4}-\d\d-\d\d"))
    page.wait_for_selector('#timeline[data-ready="1"]')
    since = re.search(r"since=([\d-]+)", page.url).group(1)  # type: ignore[union-attr]
    until = re.search(r"until=([\d-]+)", page.url).group(1)  # type: ignore[union-attr]
    assert page.locator("main form input[name=since]").first.input_value() == since
    starts = page.locator("#timeline rect.item").evaluate_all(
        "els => els.map(e => [e.dataset.start, e.dataset.end])")
    assert starts and all(s <= until and e >= since for s, e in starts)
    # the brush stays where it was drawn, and the histogram still shows every date
    assert page.locator("#tl-hist .brush .selection").get_attribute("width")
    assert page.errors == []


def _span(view: tuple[str, str]) -> int:
    """Days from the first to the last day of a view."""
    from datetime import date

    return (date.fromisoformat(view[1]) - date.fromisoformat(view[0])).days


def test_the_histogram_shows_the_zoom_window_both_ways(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/timeline")
    page.wait_for_selector('#timeline[data-ready="1"]')
    page.wait_for_selector('#tl-hist[data-ready="1"]')
    window = page.locator("#tl-hist g.zoom-window")
    chart = page.locator("#timeline")

    def view() -> tuple[str, str]:
        return chart.get_attribute("data-view-start"), chart.get_attribute("data-view-end")

    def shown() -> tuple[str, str]:
        return window.get_attribute("data-from"), window.get_attribute("data-to")

    def sel() -> dict:
        return page.locator("#tl-hist g.zoom-window .selection").bounding_box()

    assert window.get_attribute("display") == "none"  # the whole chart: no window
    whole = view()
    # the chart zoomed in: the histogram shows the window of the dates it shows
    b = chart.locator("svg").bounding_box()
    page.mouse.move(b["x"] + b["width"] * 0.6, b["y"] + 40)
    for _ in range(6):
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(40)
    page.wait_for_timeout(300)
    assert window.get_attribute("display") is None
    zoomed = view()
    assert whole[0] < zoomed[0] < zoomed[1] < whole[1]
    assert shown() == zoomed
    hist = page.locator("#tl-hist svg").bounding_box()
    w0 = sel()
    assert 4 <= w0["width"] < hist["width"] * 0.6
    # panning the chart moves the window with it
    page.mouse.move(b["x"] + b["width"] * 0.5, b["y"] + 40)
    page.mouse.down()
    page.mouse.move(b["x"] + b["width"] * 0.3, b["y"] + 40, steps=5)
    page.mouse.up()
    page.wait_for_timeout(200)
    panned = view()
    assert panned[0] > zoomed[0] and shown() == panned
    assert sel()["x"] > w0["x"]
    # dragging the window on the histogram pans the chart: later dates to the right
    w1 = sel()
    y = w1["y"] + w1["height"] / 2
    page.mouse.move(w1["x"] + w1["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(w1["x"] + w1["width"] / 2 - hist["width"] * 0.15, y, steps=6)
    page.mouse.up()
    page.wait_for_timeout(200)
    dragged = view()
    assert dragged[0] < panned[0] and shown() == dragged
    assert "since=" not in page.url  # the window is not the date-range brush
    assert abs(_span(dragged) - _span(panned)) <= 2  # moved, not resized
    # dragging its right edge wider zooms the chart out
    w2 = sel()
    page.mouse.move(w2["x"] + w2["width"] - 1, y)
    page.mouse.down()
    page.mouse.move(w2["x"] + w2["width"] + hist["width"] * 0.2, y, steps=6)
    page.mouse.up()
    page.wait_for_timeout(200)
    wider = view()
    assert _span(wider) > _span(dragged) * 1.5 and shown() == wider
    assert sel()["width"] > w2["width"]
    # the reset button zooms the chart out and the window goes
    page.click("#tl-reset")
    page.wait_for_timeout(900)
    assert view() == whole and window.get_attribute("display") == "none"
    assert page.errors == []


# ------------------------------------------------------------------------------------ map
def _label_box(page, key: str) -> dict:  # type: ignore[no-untyped-def]
    label = page.locator(f'#map text.place-label[data-key="{key}"]')
    assert label.get_attribute("display") is None, key
    return label.bounding_box()


def test_map_labels_keep_their_size_when_zooming(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/map")
    page.wait_for_selector('#map[data-ready="1"]')
    before = _label_box(page, "kb:moscow")
    size = page.locator('#map text.place-label[data-key="kb:moscow"]').evaluate(
        "e => getComputedStyle(e).fontSize")
    m = page.locator('#map circle.marker[data-key="kb:moscow"]').bounding_box()
    page.mouse.move(m["x"] + m["width"] / 2, m["y"] + m["height"] / 2)
    for _ in range(8):
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(40)
    page.wait_for_timeout(300)
    after = _label_box(page, "kb:moscow")
    assert size == "11px"
    assert abs(after["height"] - before["height"]) < 0.5
    assert abs(after["width"] - before["width"]) < 0.5
    # the map did zoom: the countries are drawn larger
    scale = page.locator("#map g.world").get_attribute("transform") or ""
    assert float(re.search(r"scale\(([\d.]+)", scale).group(1)) > 2  # type: ignore[union-attr]
    assert page.errors == []


@needs_html
def test_two_places_at_one_spot_are_both_reachable(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/map")
    page.wait_for_selector('#map[data-ready="1"]')
    names = {"kb:tartus_port": "Port of Tartus", "kb:tartus_naval_base": "Tartus naval base"}
    for key, name in names.items():
        marker = page.locator(f'#map circle.marker[data-key="{key}"]')
        b = marker.bounding_box()
        cx, cy = b["x"] + b["width"] / 2, b["y"] + b["height"] / 2
        # nothing covers its centre: a click there reaches it
        on_top = page.evaluate(f"document.elementFromPoint({cx}, {cy}).dataset.key")
        assert on_top == key
        page.mouse.click(cx, cy)
        page.locator("#panel-title", has_text=name).wait_for()
        page.wait_for_selector("#place-panel h3")
    assert page.locator("#map .spokes line").count() >= 2  # fanned out from their spot
    assert page.errors == []


def test_the_place_panel_applies_the_page_filters(page, server) -> None:  # type: ignore[no-untyped-def]
    every = page.request.get(f"{server}/api/places/kb:moscow").json()["total"]
    consult = page.request.get(f"{server}/api/places/kb:moscow?type=CONSULT").json()
    assert 0 < consult["total"] < every
    page.goto(f"{server}/map?type=CONSULT")
    page.wait_for_selector('#map[data-ready="1"]')
    page.locator('#map circle.marker[data-key="kb:moscow"]').click()
    page.wait_for_selector("#place-panel ul.place-stories li a")
    titles = page.locator("#place-panel ul.place-stories li > a").all_inner_texts()
    assert len(titles) == consult["total"]
    assert all(t.startswith("CONSULT") for t in titles)
    assert "type=CONSULT" in page.locator("#place-panel .panel-filters").inner_text()
    assert page.errors == []


def test_country_level_stories_shade_their_country(page, server) -> None:  # type: ignore[no-untyped-def]
    countries = page.request.get(f"{server}/api/places").json()["countries"]
    libya = next(c for c in countries if c["key"] == "kb:libya")
    page.goto(f"{server}/map")
    page.wait_for_selector('#map[data-ready="1"]')
    shaded = page.locator("#map path.country.shaded")
    assert shaded.count() == len({c["iso_numeric"] for c in countries})
    country = page.locator('#map path.country.shaded[data-iso="434"]')
    fill = country.evaluate("e => getComputedStyle(e).fill")
    plain = page.locator("#map path.country:not(.shaded)").first.evaluate(
        "e => getComputedStyle(e).fill")
    assert fill != plain
    country.dispatch_event("click")
    page.wait_for_selector("#place-panel ul.place-stories li a")
    assert page.locator("#panel-title").inner_text() == "Libya"
    assert page.locator("#place-panel ul.place-stories li > a").count() == libya["n_stories"]
    assert page.locator("#shade-scale .swatch").count() >= 1  # the legend's scale
    assert page.errors == []


def test_csp_header_and_no_inline_script_on_timeline_and_map(page, server) -> None:  # type: ignore[no-untyped-def]
    for url in ("/timeline", "/map"):
        resp = page.goto(server + url)
        csp = resp.headers.get("content-security-policy", "")
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp, url
        assert "unsafe-inline" not in csp
        assert resp.headers.get("x-content-type-options") == "nosniff"
        inline = page.locator("script:not([src])").count()
        assert inline == 0, url


@needs_html
def test_wrong_place_is_recorded_and_the_story_leaves_the_place(  # type: ignore[no-untyped-def]
        page, tmp_path: Path) -> None:
    from marsad.cli import DEMO_DIR

    db = build_store(tmp_path / "own.db", DEMO_DIR / "demo_05_syria_russian_bases.html",
                     hostile=False)
    with serving(db, refresh_seconds=0.2) as url:
        page.goto(f"{url}/map")
        page.wait_for_selector('#map[data-ready="1"]')
        page.locator('#map circle.marker[data-key="kb:tartus_port"]').click()
        page.wait_for_selector("#place-panel button.wrong-place")
        page.once("dialog", lambda d: d.accept())
        page.locator("#place-panel button.wrong-place").first.click()
        page.wait_for_selector("#place-panel .recorded")
        assert page.locator("#place-panel .recorded button.undo-correction").count() == 1
        fixes = page.request.get(f"{url}/api/corrections/places").json()["items"]
        assert [(f["doc_id"], f["place_key"]) for f in fixes] == [
            ("demo_05_syria_russian_bases", "kb:tartus_port")]
        deadline = time.monotonic() + 20
        while True:  # the workbench re-fuses in the background
            page.goto(f"{url}/map")
            page.wait_for_selector('#map[data-ready="1"]')
            if page.locator('#map circle.marker[data-key="kb:tartus_port"]').count() == 0:
                break
            assert time.monotonic() < deadline, "the corrected place is still on the map"
            page.wait_for_timeout(300)
        assert page.locator('#map circle.marker[data-key="kb:tartus_naval_base"]').count() == 1
    assert page.errors == []


@needs_html
def test_a_wrong_place_can_be_undone_from_the_panel(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from marsad.cli import DEMO_DIR

    db = build_store(tmp_path / "undo.db", DEMO_DIR / "demo_05_syria_russian_bases.html",
                     hostile=False)
    with serving(db) as url:
        page.goto(f"{url}/map")
        page.wait_for_selector('#map[data-ready="1"]')
        page.locator('#map circle.marker[data-key="kb:tartus_port"]').click()
        page.wait_for_selector("#place-panel button.wrong-place")
        page.once("dialog", lambda d: d.accept())
        page.locator("#place-panel button.wrong-place").first.click()
        page.locator("#place-panel button.undo-correction").click()
        # (a locator, not a string predicate: the page's CSP forbids evaluating strings)
        page.locator("#place-panel .recorded", has_text="undone").wait_for()
        assert page.request.get(f"{url}/api/corrections/places").json()["total"] == 0
    assert page.errors == []
