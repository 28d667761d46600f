"""Screenshots of the workbench's timeline and map at 1400 px wide, into docs/screens/.

    python bench/screens_timeline_map.py                 # a store of the bundled demo corpus
    python bench/screens_timeline_map.py --db corpus.db  # or an existing store
    python bench/screens_timeline_map.py --out /tmp/shots

Needs the ``web`` extra, Playwright (``pip install playwright``), Chromium
(``apt-get install chromium``) and the built JavaScript libraries (``npm ci && npm run
build``). The server runs in-process on a free local port; each page is opened, waited for
until its chart says it is drawn (``data-ready``), and saved as PNG (reduced to 256 colours
when Pillow is installed, so the files stay small). Prints each file and its size.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
WIDTH, HEIGHT = 1400, 1000


def _open_moscow(page: Any) -> None:
    page.locator('#map circle.marker[data-key="kb:moscow"]').click()
    page.wait_for_selector("#place-panel ul.place-stories li a")


def _zoom_timeline(page: Any) -> None:
    box = page.locator("#timeline svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.82, box["y"] + 60)
    for _ in range(6):
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(40)
    page.wait_for_timeout(300)


# file name, path, the element that says the page is drawn, what to do before the shot
SHOTS: list[tuple[str, str, str, Callable[[Any], None] | None]] = [
    ("timeline.png", "/timeline", "#timeline[data-ready='1']", None),
    ("timeline-zoomed.png", "/timeline", "#timeline[data-ready='1']", _zoom_timeline),
    ("map.png", "/map", "#map[data-ready='1']", _open_moscow),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def demo_store(folder: Path) -> Path:
    from marsad.cli import DEMO_DIR, main

    db = folder / "demo.db"
    if main(["ingest", str(DEMO_DIR), "--db", str(db)]) != 0:
        raise SystemExit("ingesting the demo corpus failed")
    return db


def shrink(path: Path) -> None:
    """The PNG in 256 colours (a tenth of the size for these flat charts), if Pillow is
    installed."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as im:
        small = im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def take(url: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        for name, path, ready, before in SHOTS:
            page.goto(url + path)
            page.wait_for_selector(ready, timeout=20_000)
            if before is not None:
                before(page)
            page.wait_for_timeout(200)
            page.screenshot(path=str(out / name))
            shrink(out / name)
            print(f"{out / name}: {(out / name).stat().st_size / 1024:.0f} KB")
        browser.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="an existing store (else the demo corpus)")
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "screens")
    args = ap.parse_args()
    import uvicorn

    from marsad.api import create_app

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="marsad-screens-") as tmp:
        db = args.db or demo_store(Path(tmp))
        port = _free_port()
        srv = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port,
                                            log_level="warning"))
        t = threading.Thread(target=srv.run, daemon=True)
        t.start()
        while not srv.started:
            if not t.is_alive():
                raise SystemExit("the workbench server did not start")
            time.sleep(0.05)
        try:
            take(f"http://127.0.0.1:{port}", args.out)
        finally:
            srv.should_exit = True
            t.join(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
