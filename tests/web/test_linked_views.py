"""Linked views, the network, the entity and article pages in headless Chromium on the demo
corpus (issue #18), and their screenshots at 1400 px.

Screenshots go to a temporary folder, or to ``$MARSAD_SCREENS`` when set (``bench/screens.py``
sets it to ``docs/screens`` to refresh the pictures of the repository)."""

from __future__ import annotations

import os
import re
import struct
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

NETWORK_NODES = 30  # the network page's default number of entities


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_filters_are_carried_from_timeline_to_map_by_url(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/timeline?entity=Khalifa%20Haftar&type=CONSULT&since=2025")
    bar = page.locator("#filter-bar")
    assert bar.locator("input[name=entity]").input_value() == "Khalifa Haftar"
    # an edit in the bar is carried before it is applied
    bar.locator("input[name=until]").fill("2025-06")
    page.locator("header nav a", has_text="Map").click()
    page.wait_for_url(re.compile(r"/map\?"))
    assert _query(page.url) == {"entity": ["Khalifa Haftar"], "type": ["CONSULT"],
                                "since": ["2025-01-01"], "until": ["2025-06"]}
    # the map applies them: its bar shows them and its data call asks for them
    bar = page.locator("#filter-bar")
    assert bar.locator("select[name=type]").input_value() == "CONSULT"
    assert bar.locator("input[name=until]").input_value() == "2025-06-30"
    api = _query(page.locator("#map").get_attribute("data-api"))
    assert api == {"entity": ["kb:khalifa_haftar"], "type": ["CONSULT"],
                   "since": ["2025-01-01"], "until": ["2025-06-30"]}
    places = page.request.get(server + page.locator("#map").get_attribute("data-api")).json()
    keys = {p["key"] for p in places["items"]}
    assert "kb:moscow" in keys and "kb:niamey" not in keys
    # and on to the network, the same way, with a select applied at once
    page.locator("#filter-bar select[name=certainty]").select_option("single-source")
    page.wait_for_url(re.compile(r"certainty=single-source"))
    assert "entity" in _query(page.url) and "limit" not in _query(page.url)
    page.locator("#filter-bar .views a", has_text="Network").click()
    page.wait_for_url(re.compile(r"/network\?"))
    page.wait_for_selector('#network[data-ready="1"]')
    assert _query(page.url)["certainty"] == ["single-source"]
    assert page.errors == []


def _boxes_overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def test_network_default_shows_few_labelled_nodes_with_a_legend(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/network")
    page.wait_for_selector('#network[data-ready="1"]')
    nodes = page.locator("#network g.node")
    assert 2 < nodes.count() <= NETWORK_NODES
    labels = page.locator("#network g.node text.label")
    assert labels.count() == nodes.count()
    assert all(t.strip() for t in labels.all_text_contents())
    shown = [t for t in labels.all() if t.is_visible()]
    assert len(shown) >= min(12, nodes.count())
    sizes = {t.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") for t in shown}
    assert min(sizes) >= 12  # readable, not the 7 px of the whole-graph drawing
    # the glyphs' boxes (Playwright's boxes include the white halo drawn around labels)
    boxes = page.evaluate("""() => [...document.querySelectorAll('#network text.label')]
      .filter(t => getComputedStyle(t).display !== 'none').map(t => {
        const r = t.getBoundingClientRect();
        return [t.textContent, {x: r.left, y: r.top, width: r.width, height: r.height}]; })""")
    assert len(boxes) == len(shown)
    overlapping = [(a, b) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1:]
                   if _boxes_overlap(ba, bb)]
    assert overlapping == []
    # every edge colour on the drawing is explained by the legend
    legend = set(page.locator("#net-legend li.edge-class").evaluate_all(
        "els => els.map(e => e.dataset.class)"))
    assert len(legend) == 4 and page.locator("#net-legend").is_visible()
    drawn = set(page.locator("#network line.edge").evaluate_all(
        "els => els.map(e => [...e.classList].find(c => c.startsWith('c-')).slice(2))"))
    assert drawn and drawn <= legend
    # the search box focuses an entity: it and its neighbours stay, the rest dims
    page.locator("#net-search-input").fill("Putin")
    page.locator("#net-search-input").press("Enter")
    focused = page.locator("#network g.node.focused")
    focused.wait_for()
    assert focused.get_attribute("data-key") == "kb:vladimir_putin"
    assert page.locator("#network g.node.dim").count() > 0
    assert "Vladimir Putin" in page.locator("#net-search-note").inner_text()
    assert page.errors == []


def test_network_filters_by_date(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/network?since=2025-06-01")
    page.wait_for_selector('#network[data-ready="1"]')
    drawn = set(page.locator("#network g.node").evaluate_all(
        "els => els.map(e => e.dataset.key)"))
    api = page.request.get(f"{server}/api/network?since=2025-06-01").json()
    assert drawn == {n["key"] for n in api["nodes"]}
    whole = page.request.get(f"{server}/api/network").json()
    assert api["n_entities"] < whole["n_entities"]
    assert page.errors == []


def test_clicking_an_article_event_highlights_its_sentence(page, server) -> None:  # type: ignore[no-untyped-def]
    doc = "demo_07_belarus_saddam_haftar"
    events = [e for e in page.request.get(f"{server}/api/articles/{doc}").json()["events"]
              if (e.get("evidence") or {}).get("start") is not None]
    assert len(events) >= 2
    page.set_viewport_size({"width": 1400, "height": 700})
    page.goto(f"{server}/articles/{doc}")
    page.wait_for_selector('#article-text[data-ready="1"]')
    assert page.locator("mark.evidence.active").count() == 0
    for ev in (events[-1], events[0]):
        page.locator(f'li.event[data-event="{ev["id"]}"] .summary-en').click()
        active = page.locator("mark.evidence.active")
        active.first.wait_for()
        text = "".join(active.all_inner_texts())
        assert ev["evidence"]["text"].strip() in text or text in ev["evidence"]["text"]
        page.wait_for_timeout(600)  # the smooth scroll
        box = active.first.bounding_box()
        assert box is not None and 0 <= box["y"] <= 700 - box["height"] / 2
        assert page.locator(f'li.event.active[data-event="{ev["id"]}"]').count() == 1
        assert page.url.endswith(f"#ev-{ev['id']}")
    # and the other way: a sentence in the text highlights its events
    page.locator(f'mark.evidence[data-events~="{events[-1]["id"]}"]').first.click(
        position={"x": 2, "y": 2})
    assert page.locator(f'li.event.active[data-event="{events[-1]["id"]}"]').count() == 1
    assert page.errors == []


def test_entity_page_has_a_map_and_a_timeline_strip(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/entities/khalifa_haftar")
    page.wait_for_selector('#minimap[data-ready="1"]')
    page.wait_for_selector('#strip[data-ready="1"]')
    places = page.request.get(f"{server}/api/places?entity=kb:khalifa_haftar").json()["items"]
    assert page.locator("#minimap circle.marker").count() == len(places) >= 2
    dated = page.request.get(f"{server}/api/timeline?entity=kb:khalifa_haftar").json()
    n_dated = sum(1 for i in dated["items"] if i["start"] or i.get("reported"))
    assert page.locator("#strip rect.item").count() == n_dated > 0
    assert re.search(r"\d{4}", page.locator("#strip .axis .tick text").first.text_content() or "")
    assert page.errors == []


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = struct.unpack(">II", head[16:24])
    return int(w), int(h)


def _open_moscow(page) -> None:  # type: ignore[no-untyped-def]
    page.locator('#map circle.marker[data-key="kb:moscow"]').click()
    page.wait_for_selector("#place-panel ul.place-stories li a")


def _zoom_timeline(page) -> None:  # type: ignore[no-untyped-def]
    box = page.locator("#timeline svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.82, box["y"] + 60)
    for _ in range(6):
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(40)


SCREENS = {  # docs/screens/<page>.png: the page, what says it is drawn, what to do first
    "timeline": ("/timeline", '#timeline[data-ready="1"]', None),
    "timeline-zoomed": ("/timeline", '#timeline[data-ready="1"]', _zoom_timeline),
    "map": ("/map", '#map[data-ready="1"]', _open_moscow),
    "network": ("/network", '#network[data-ready="1"]', None),
    "entity": ("/entities/khalifa_haftar", '#strip[data-ready="1"]', None),
    "article": ("/articles/demo_07_belarus_saddam_haftar#ev-{event}",
                '#article-text[data-ready="1"]', None),
    "story": ("/stories/{story}", "#happening", None),
}


def test_screenshots_at_1400_px(page, server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = Path(os.environ.get("MARSAD_SCREENS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    art = page.request.get(f"{server}/api/articles/demo_07_belarus_saddam_haftar").json()
    # a story of one happening: Lavrov's meetings in Ouagadougou on 4 June 2024
    story = page.request.get(f"{server}/api/stories?entity=sergey_lavrov&type=CONSULT"
                             "&since=2024-06-04&until=2024-06-04").json()["items"][0]["id"]
    page.set_viewport_size({"width": 1400, "height": 1000})
    for name, (url, ready, before) in SCREENS.items():
        page.goto(server + url.format(event=art["events"][1]["id"], story=story))
        page.wait_for_selector(ready)
        if before is not None:
            before(page)
        page.wait_for_timeout(300)
        path = out / f"{name}.png"
        page.screenshot(path=str(path), full_page=name == "network")
        w, _ = _png_size(path)
        assert w == 1400 and path.stat().st_size < 600_000, name
    assert page.errors == []
