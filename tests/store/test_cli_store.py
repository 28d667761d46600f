"""marsad ingest / reprocess / search, and an ingest killed midway then resumed."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.store import open_store

REPO = Path(__file__).resolve().parents[2]

ARTICLES = {
    "a_putin": "الاثنين 2025/05/12\nالتقى الرئيس الروسي فلاديمير بوتين المشير خليفة حفتر "
               "في موسكو السبت، وفق الكرملين.\nتعليقات الزوار\n",
    "b_lavrov": "الثلاثاء 2025/06/03\nوصل وزير الخارجية الروسي سيرغي لافروف إلى باماكو في "
                "جولة إفريقية، وتسعى موسكو إلى توسيع نفوذها في إفريقيا.\n",
    "c_sudan": "الأربعاء 2025/04/16\nقصفت قوات الدعم السريع مخيم زمزم قرب الفاشر، بحسب الأمم "
               "المتحدة.\n",
    "d_niger": "الخميس 2025/04/10\nوصل مدربون عسكريون روس إلى نيامي لتدريب الجيش في النيجر، "
               "وفق التلفزيون الرسمي.\n",
    "e_syria": "الجمعة 2025/02/14\nبحث وفد روسي في دمشق مستقبل قاعدة حميميم الجوية وميناء "
               "طرطوس.\n",
}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / f"{name}.txt").write_text(text, encoding="utf-8")
    (d / "z_empty.txt").write_bytes(b"")
    return d


def snapshot(db: Path | str) -> tuple[dict, list]:
    with open_store(db, create=False) as s:
        return s.counts(), list(s.iter_records())


def test_ingest_is_idempotent_and_reports(corpus: Path, db_url,  # type: ignore[no-untyped-def]
                                          capsys: pytest.CaptureFixture) -> None:
    db = db_url("m")
    assert main(["ingest", str(corpus), "--db", str(db), "--batch-size", "2"]) == 0
    err = capsys.readouterr().err
    assert "6 articles: 5 added, 0 unchanged, 0 replaced, 1 failed" in err
    assert "z_empty.txt" in err
    first = snapshot(db)
    assert first[0]["articles"] == 5 and first[0]["failures"] == 1
    assert [r["doc_id"] for r in first[1]] == sorted(ARTICLES)
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    assert "6 articles: 0 added, 5 unchanged, 0 replaced, 1 failed" in capsys.readouterr().err
    assert snapshot(db) == first
    (corpus / "c_sudan.txt").write_text(ARTICLES["d_niger"].replace("نيامي", "نيامى"),
                                        encoding="utf-8")
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    assert "0 added, 4 unchanged, 1 replaced, 1 failed" in capsys.readouterr().err


def test_reprocess_and_search(corpus: Path, db_url,  # type: ignore[no-untyped-def]
                              capsys: pytest.CaptureFixture) -> None:
    db = db_url("m")
    main(["ingest", str(corpus), "--db", str(db)])
    before = snapshot(db)
    with open_store(db) as s:  # make the stored annotations stale
        with s.batch():
            s._execute("UPDATE articles SET record_json = '{}', pipeline_version = 'old'")
            s._execute("DELETE FROM events")
    capsys.readouterr()
    assert main(["reprocess", "--db", str(db)]) == 0
    assert "5 articles: 5 reprocessed, 0 failed" in capsys.readouterr().err
    counts, recs = snapshot(db)
    assert counts == before[0]
    assert [{k: v for k, v in r.items()} for r in recs] == before[1]

    assert main(["search", "افريقيا", "--db", str(db), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["match"] == "arabic-text" and found["entities"] == []
    hits = found["articles"]
    assert [h["doc_id"] for h in hits] == ["b_lavrov"]
    assert "إفريقيا" in hits[0]["snippet"]
    assert main(["search", "الامم المتحده", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("c_sudan\t")
    assert main(["search", "كلمةغائبة", "--db", str(db)]) == 1


def test_cli_names_a_bad_database_and_leaves_it(corpus: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not sqlite at all\n", encoding="utf-8")
    assert main(["ingest", str(corpus), "--db", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "notes.db" in err and "not a SQLite database" in err
    assert bad.read_text(encoding="utf-8") == "not sqlite at all\n"
    assert main(["search", "موسكو", "--db", str(tmp_path / "none.db")]) == 2
    assert "none.db" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
    assert main(["search", "موسكو", "--db",
                 "postgresql://u:pw@127.0.0.1:1/db?connect_timeout=2"]) == 2
    err = capsys.readouterr().err
    reason = ("cannot connect to PostgreSQL" if importlib.util.find_spec("psycopg")
              else 'needs psycopg 3: pip install "marsad[postgres]"')
    assert "error [E052]" in err and reason in err
    assert "Traceback" not in err and ":pw@" not in err


KILL_AFTER_PUTS = textwrap.dedent("""
    import os, sys
    from marsad.store.base import SQLStore
    from marsad.cli import main
    calls = 0
    real = SQLStore.put_many
    def put(self, *a, **kw):
        global calls
        calls += 1
        if calls > int(sys.argv[1]):
            os._exit(1)  # killed hard, in the middle of a batch
        return real(self, *a, **kw)
    SQLStore.put_many = put
    main(sys.argv[2:])
""")


def test_ingest_killed_midway_then_resumed_equals_one_run(corpus: Path, tmp_path: Path,
                                                         db_url) -> None:  # type: ignore[no-untyped-def]
    whole, resumed = db_url("whole"), db_url("resumed")
    args = [str(corpus), "--batch-size", "2"]
    assert main(["ingest", *args, "--db", str(whole)]) == 0
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # killed in the second batch's write (a batch is written with one put_many)
    proc = subprocess.run([sys.executable, "-c", KILL_AFTER_PUTS, "1", "ingest", *args,
                           "--db", str(resumed)], env=env, capture_output=True, cwd=tmp_path)
    assert proc.returncode == 1
    with open_store(resumed, create=False) as s:
        partial = s.counts()["articles"]
    assert 0 < partial < len(ARTICLES)  # the first batch committed, the one killed did not
    assert main(["ingest", *args, "--db", str(resumed)]) == 0
    assert snapshot(resumed) == snapshot(whole)


def test_ingest_interrupted_by_an_exception_then_resumed(corpus: Path, db_url,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.store.base import SQLStore as SQLiteStore  # the put both backends share

    whole, resumed = db_url("whole"), db_url("resumed")
    assert main(["ingest", str(corpus), "--db", str(whole), "--batch-size", "3"]) == 0
    real, calls = SQLiteStore.put_many, []

    def flaky(self, *a, **kw):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:  # in the second batch
            raise KeyboardInterrupt
        return real(self, *a, **kw)

    monkeypatch.setattr(SQLiteStore, "put_many", flaky)
    assert main(["ingest", str(corpus), "--db", str(resumed), "--batch-size", "3"]) == 130
    monkeypatch.setattr(SQLiteStore, "put_many", real)
    assert snapshot(resumed)[0]["articles"] == 3
    assert main(["ingest", str(corpus), "--db", str(resumed), "--batch-size", "3"]) == 0
    assert snapshot(resumed) == snapshot(whole)


def test_ingest_goes_past_hostile_files(corpus: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture) -> None:
    """<math><a><a> once stopped ingest at that file (8 of 20 stored, every rerun the same),
    and a lone surrogate in a JSONL line stopped it before anything was stored (issue #15)."""
    pytest.importorskip("trafilatura")
    (corpus / "b_math.html").write_text("<math><a><a>", encoding="utf-8")
    (corpus / "lines.jsonl").write_text(
        '{"id": "s1", "text": "قال \\ud800 الوزير"}\n'
        + json.dumps({"id": "j1", "text": ARTICLES["c_sudan"]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "b_math.html: HTML extraction failed: AssertionError" in err
    assert "lines.jsonl:1: invalid JSON: lone surrogate" in err
    counts, records = snapshot(db)
    assert sorted(r["doc_id"] for r in records) == sorted(list(ARTICLES) + ["j1"])
