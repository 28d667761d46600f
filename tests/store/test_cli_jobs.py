"""Worker processes change nothing but the speed (issue #19): ``--jobs 2`` stores and writes
exactly what ``--jobs 1`` does, failures included, and the input is read lazily."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.cli import DEMO_DIR, main
from marsad.doc import Failure
from marsad.errors import IngestError
from marsad.ingest import RawArticle
from marsad.pipeline import IN_FLIGHT, Pipeline
from marsad.store import open_store


@pytest.fixture()
def demo_corpus(tmp_path: Path) -> Path:
    """The demo corpus with a bad file and a bad JSON line among the good ones."""
    d = tmp_path / "demo"
    shutil.copytree(DEMO_DIR, d, ignore=shutil.ignore_patterns("*.py", "__*"))
    (d / "demo_00_empty.txt").write_bytes(b"")
    with (d / "extra.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    return d


def _stored(db: str) -> tuple[dict, list, list]:
    with open_store(db, create=False) as s:
        return s.counts(), list(s.iter_records()), [(f.doc_id, f.reason) for f in s.failures()]


def test_ingest_with_two_workers_stores_what_one_process_stores(
        demo_corpus: Path, db_url) -> None:  # type: ignore[no-untyped-def]
    one, two = db_url("one"), db_url("two")
    assert main(["ingest", str(demo_corpus), "--db", one, "--batch-size", "3"]) == 0
    assert main(["ingest", str(demo_corpus), "--db", two, "--batch-size", "3", "--jobs", "2"]) == 0
    counts, records, failures = _stored(one)
    assert counts["articles"] >= 8 and counts["events"] > 0
    assert len(failures) == 2  # the empty file and the line that is no JSON
    assert _stored(two) == (counts, records, failures)
    with open_store(two, create=False) as s:  # the search index is the same too
        assert [h.doc_id for h in s.search("موسكو")] != []
        with open_store(one, create=False) as s1:
            assert s.search("موسكو") == s1.search("موسكو")
            assert s.search("Haftar") == s1.search("Haftar")


def test_reprocess_with_two_workers_stores_what_one_process_stores(
        demo_corpus: Path, db_url) -> None:  # type: ignore[no-untyped-def]
    one, two = db_url("one"), db_url("two")
    assert main(["ingest", str(demo_corpus), "--db", one]) == 0
    assert main(["ingest", str(demo_corpus), "--db", two]) == 0
    assert main(["reprocess", "--db", one]) == 0
    assert main(["reprocess", "--db", two, "--jobs", "2", "--batch-size", "2"]) == 0
    assert _stored(one)[:2] == _stored(two)[:2]


def test_extract_with_two_workers_writes_the_same_bytes(demo_corpus: Path,
                                                        tmp_path: Path) -> None:
    out1, out2 = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(demo_corpus), "-o", str(out1)]) == 0
    assert main(["extract", str(demo_corpus), "-o", str(out2), "-j", "2"]) == 0
    assert out1.read_bytes() == out2.read_bytes()
    assert out1.read_bytes().count(b"\n") >= 8


def test_workers_read_the_input_lazily() -> None:
    """An endless input: the first results come while only a few batches were read."""
    read = 0

    def endless() -> Iterator[RawArticle | Failure]:
        nonlocal read
        for i in itertools.count():
            read += 1
            yield Failure(f"f{i}", None, "ingest", "not an article", IngestError.code)

    batch, workers = 4, 2
    got = list(itertools.islice(Pipeline().pipe(endless(), batch_size=batch,
                                                n_process=workers), 10))
    assert [f.doc_id for f in got] == [f"f{i}" for i in range(10)]
    assert read <= (IN_FLIGHT * workers + 3) * batch


def test_put_many_stores_what_put_rows_one_at_a_time_stores(
        db_url) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from marsad.ingest import read_paths
    from marsad.store.rows import article_rows

    pipe = Pipeline()
    raws = [r for r in read_paths([DEMO_DIR]) if isinstance(r, RawArticle)][:4]
    rows = [article_rows(r, pipe.process(r)) for r in raws]
    edited = replace(raws[1], content=raws[1].content + "\nوقال مصدر في موسكو إن المحادثات مستمرة.")
    batch = [rows[0], article_rows(edited, pipe.process(edited)), rows[2], rows[3]]
    many, single = db_url("many"), db_url("single")
    for url in (many, single):
        with open_store(url) as s, s.batch():
            s.put_failure(Failure(rows[2].doc_id, "old/path.txt", "ingest", "stale", "E010"))
            assert s.put_many(rows[:2]) == ["added", "added"]
    with open_store(many) as s, s.batch():
        got = s.put_many(batch)
    with open_store(single) as s, s.batch():
        one = [s.put_rows(r) for r in batch]
    assert got == one == ["unchanged", "replaced", "added", "added"]
    assert _stored(many) == _stored(single)
    assert _stored(many)[2] == []  # the stale failure went with the article stored
    with open_store(many) as s, open_store(single) as s1:
        assert s.search("المحادثات") == s1.search("المحادثات") != []


def test_engine_ray_without_ray_says_what_to_install(
        demo_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray raises ImportError
    db = tmp_path / "r.db"
    assert main(["ingest", str(demo_corpus), "--db", str(db), "--engine", "ray"]) == 2
    err = capsys.readouterr().err
    assert "error [E011]" in err and 'pip install "marsad[ray]"' in err
    assert not db.exists()  # nothing done, no empty store left behind
