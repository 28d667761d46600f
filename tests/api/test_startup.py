"""The server's start (issue #18: the first answer in under 2 s on 10,000 articles): the
first index is built in a thread while FastAPI is imported and the app made, and its event
rows a moment later; the answers are those of an index built the plain way."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from marsad.api import create_app  # noqa: E402
from marsad.api.startup import FirstIndex  # noqa: E402
from marsad.store import StoreError  # noqa: E402
from marsad.web import index as index_mod  # noqa: E402

from .stores import demo_store  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_store(tmp_path_factory.mktemp("startup") / "d.db")


def test_the_first_index_answers_as_one_built_on_demand(db: Path,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    monkeypatch.setattr(index_mod, "EVENTS_AFTER_SECONDS", 3600.0)  # not before asked
    started = create_app(str(db))
    idx = started.state.holder.get()
    assert idx._events is None  # the event rows wait: the first answers do not need them
    plain = create_app(str(db), warm=False)
    a = TestClient(started, base_url="http://localhost")
    b = TestClient(plain, base_url="http://localhost")
    for path in ("/api/overview", "/api/stories?limit=500", "/api/timeline", "/api/places",
                 "/api/network", "/api/events?limit=500"):
        ra, rb = a.get(path), b.get(path)
        assert ra.status_code == rb.status_code == 200, path
        got, want = ra.json(), rb.json()
        if path == "/api/overview":  # when and how fast each index was built differ
            for d in (got, want):
                d.pop("built_at"), d.pop("build_seconds")
        assert got == want, path
    # the events call built the rows it needed, once, in the index in hand
    assert idx._events is not None and len(idx.events) == idx.n_events > 0


def test_what_the_first_index_meets_is_raised_by_create_app(tmp_path: Path) -> None:
    first = FirstIndex(str(tmp_path / "none.db"))
    with pytest.raises(StoreError, match="none.db"):
        first.result()
    with pytest.raises(StoreError, match="none.db"):  # before anything listens
        create_app(str(tmp_path / "none.db"))
