"""The browser tests' fixtures: the workbench served on a store of the bundled demo corpus,
headless Chromium, and a fresh page per test that records uncaught JavaScript errors. They skip
(with the reason) where Chromium, Playwright, FastAPI or the built JavaScript libraries are
absent; `.ci/run` installs all of them. A module may define its own ``server``."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ..live_server import running

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# without these Chromium waits on network lookups and component updates (no internet here)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@contextmanager
def serving(db: Path, **kw: object) -> Iterator[str]:
    """``marsad serve`` of ``db`` in a thread, answering at the URL yielded."""
    pytest.importorskip("fastapi")
    from marsad.web import vendor_status

    if not vendor_status()["ok"]:
        pytest.skip("the workbench's JavaScript libraries are not built (npm ci && npm run build)")
    from marsad.api import create_app

    with running(create_app(str(db), **kw)) as port:  # type: ignore[arg-type]
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from ..api.stores import demo_store

    with serving(demo_store(tmp_path_factory.mktemp("browser") / "demo.db")) as url:
        yield url


@pytest.fixture(scope="module")
def browser_context() -> Iterator[object]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium chromium-driver)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 900})
        ctx.set_default_timeout(20_000)
        yield ctx
        ctx.close()


@pytest.fixture()
def page(browser_context, server):  # type: ignore[no-untyped-def]
    pg = browser_context.new_page()
    pg.errors = []  # uncaught JavaScript errors of the page
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    pg.close()
