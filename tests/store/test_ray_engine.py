"""``marsad ingest --engine ray`` stores what ``--jobs 1`` stores, and a re-run after a failure
stores nothing twice (issue #19). A local Ray on 2 CPUs; skipped without the ``ray`` extra."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.store import open_store

from .test_cli_jobs import _stored, demo_corpus  # noqa: F401 (a fixture)

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_engine_stores_what_one_process_stores(
        demo_corpus: Path, db_url, capsys: pytest.CaptureFixture) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    one, on_ray = db_url("one"), db_url("ray")
    assert main(["ingest", str(demo_corpus), "--db", one, "--batch-size", "3"]) == 0
    assert main(["ingest", str(demo_corpus), "--db", on_ray, "--batch-size", "3",
                 "--engine", "ray", "--jobs", "2"]) == 0
    assert _stored(on_ray) == _stored(one)
    assert len(_stored(one)[2]) == 2  # the bad file and the bad line, named, not stored
    capsys.readouterr()
    assert main(["ingest", str(demo_corpus), "--db", on_ray, "--engine", "ray"]) == 0
    assert " 0 added, " in capsys.readouterr().err
    assert _stored(on_ray) == _stored(one)


def test_ray_engine_rerun_after_a_failure_stores_nothing_twice(
        demo_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from marsad.store.base import SQLStore

    one, on_ray = str(tmp_path / "one.db"), str(tmp_path / "ray.db")
    assert main(["ingest", str(demo_corpus), "--db", one, "--batch-size", "2"]) == 0
    real, calls = SQLStore.put_many, []

    def flaky(self, *a, **kw):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the driver stopped in the middle of the run
        return real(self, *a, **kw)

    monkeypatch.setattr(SQLStore, "put_many", flaky)
    args = ["ingest", str(demo_corpus), "--db", on_ray, "--batch-size", "2", "--engine", "ray"]
    assert main(args) == 130
    monkeypatch.setattr(SQLStore, "put_many", real)
    with open_store(on_ray, create=False) as s:
        assert 0 < s.counts()["articles"] < _stored(one)[0]["articles"]
    assert main(args) == 0
    assert _stored(on_ray) == _stored(one)
