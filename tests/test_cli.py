"""The command line: extract writes the contract, eval scores it, demo shows the demo corpus."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from marsad.cli import main

ARTICLE = (
    "الاثنين 2025/05/12\n"
    "التقى الرئيس الروسي فلاديمير بوتين المشير خليفة حفتر في موسكو السبت، وفق الكرملين.\n"
    "تعليقات الزوار\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_extract_writes_one_line_per_article_in_input_order(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    _write(corpus, "b.txt", ARTICLE)
    _write(corpus, "a.txt", ARTICLE)
    (corpus / "broken.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(corpus), "--output", str(out)]) == 0
    err = capsys.readouterr().err
    assert "3 articles, 2 extracted, 1 failed" in err and "broken.txt" in err
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in recs] == ["a", "b"]
    rec = recs[0]
    assert rec["published"] == "2025-05-12"
    assert "تعليقات الزوار" not in rec["text"]
    for e in rec["entities"]:
        for m in e["mentions"]:
            assert rec["text"][m["start"] : m["end"]] == m["text"]
    keys = {e["kb_id"] for e in rec["entities"]}
    assert {"vladimir_putin", "khalifa_haftar", "moscow", "kremlin"} <= keys
    (ev,) = [v for v in rec["events"] if v["type"] == "CONSULT"]
    ids = {e["id"]: e["kb_id"] for e in rec["entities"]}
    assert ids[ev["actors"][0]] == "vladimir_putin" and ids[ev["targets"][0]] == "khalifa_haftar"
    assert ev["date"]["start"] == "2025-05-10" and ev["certainty"] == "reported"
    assert [ids[s] for s in ev["attributed_to"]] == ["kremlin"]
    assert rec["text"][ev["evidence"]["start"] : ev["evidence"]["end"]] == ev["evidence"]["text"]


def test_failed_run_keeps_the_previous_output(tmp_path: Path) -> None:
    out = _write(tmp_path, "out.jsonl", '{"doc_id": "old"}\n')
    missing_dir = tmp_path / "no" / "such" / "out.jsonl"
    assert main(["extract", str(_write(tmp_path, "a.txt", ARTICLE)), "-o", str(missing_dir)]) == 2
    assert out.read_text(encoding="utf-8") == '{"doc_id": "old"}\n'
    assert main(["extract", str(tmp_path / "nothing.txt"), "-o", str(out)]) == 1
    assert list(tmp_path.glob(".out.jsonl.*")) == []  # no temporary file left behind


def test_eval_prints_scores_and_json(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    art = _write(tmp_path, "d1.txt", ARTICLE)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(art), "-o", str(out)]) == 0
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = {
        "doc_id": "d1", "published": "2025-05-12",
        "entities": [
            {"key": "vladimir_putin", "name_en": "Vladimir Putin", "type": "PER",
             "aliases": ["فلاديمير بوتين"]},
            {"key": "khalifa_haftar", "name_en": "Khalifa Haftar", "type": "PER",
             "aliases": ["المشير خليفة حفتر"]},
        ],
        "events": [{"type": "CONSULT", "mode": "visit", "actors": ["khalifa_haftar"],
                    "targets": ["vladimir_putin"], "location": None, "date": "2025-05-10",
                    "attributed_to": [], "evidence": "التقى الرئيس الروسي فلاديمير بوتين"}],
        "keep": ["التقى الرئيس الروسي"], "drop": ["تعليقات الزوار"],
    }
    (gold_dir / "d1.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["eval", str(out), str(gold_dir), "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["overall"]["entities"]["recall"] == 1.0
    assert rep["overall"]["events_relaxed"]["recall"] == 1.0
    assert main(["eval", str(out), str(gold_dir), "--per-doc"]) == 0
    text = capsys.readouterr().out
    assert "entities" in text and "d1" in text
    (gold_dir / "d1.json").write_text('{"doc_id": "d1", "published": 5}', encoding="utf-8")
    assert main(["eval", str(out), str(gold_dir)]) == 2
    assert "d1.json" in capsys.readouterr().err


def test_demo_runs_on_the_bundled_corpus(capsys: pytest.CaptureFixture,
                                         tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Entities by type" in out and "Events in date order" in out
    assert "CONSULT" in out
    # it ends by telling how to open the workbench on the store it wrote
    assert out.rstrip().splitlines()[-1].startswith("then browse http://127.0.0.1:8000/")
    assert f"marsad serve --db {db}" in out
    from marsad.store import open_store

    with open_store(db, create=False) as st:
        # the HTML article needs the 'html' extra; without it, it is skipped by name
        assert st.counts()["articles"] == (10 if importlib.util.find_spec("trafilatura") else 9)
    assert main(["demo", "--db", str(db)]) == 0  # a second run updates the same store


def test_hostile_html_is_read_as_text_only(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    body = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines())
    page = (
        "<html><head><title>خبر</title><script>alert('x')</script></head><body>"
        "<nav><a href='/'>الرئيسية</a> | <a href='/a'>سياسة</a></nav>"
        f"<article>{body}<p onclick=\"steal()\">&lt;script&gt;document.cookie&lt;/script&gt;</p>"
        f"<img src=x onerror=alert(1) alt='{'أ' * 100000}'></article>"
        + "<div>" * 2000 + "</div>" * 2000
        + "<script>document.write('<p>حقن</p>')</script></body></html>"
    )
    art = _write(tmp_path, "hostile.html", page)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(art), "-o", str(out)]) == 0
    (rec,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert "alert(" not in rec["text"] and "document.write" not in rec["text"]
    assert "steal()" not in rec["text"] and "حقن" not in rec["text"]
    assert "فلاديمير بوتين" in rec["text"]


def test_extract_with_worker_processes(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(5):
        _write(corpus, f"a{i}.txt", ARTICLE)
    out1, out2 = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(corpus), "-o", str(out1)]) == 0
    assert main(["extract", str(corpus), "-o", str(out2), "--jobs", "2"]) == 0
    strip = [json.loads(x) for x in out1.read_text(encoding="utf-8").splitlines()]
    strip2 = [json.loads(x) for x in out2.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in strip] == [f"a{i}" for i in range(5)]
    assert [r["doc_id"] for r in strip] == [r["doc_id"] for r in strip2]
    assert [r["entities"] for r in strip] == [r["entities"] for r in strip2]


# -- hostile input (issue #15) ---------------------------------------------------------------

def test_extract_keeps_every_good_line_of_a_hostile_jsonl(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    good = [json.dumps({"id": f"g{i}", "text": ARTICLE}, ensure_ascii=False) for i in range(3)]
    hostile = ['{"id": "s", "text": "قال \\ud800 الوزير"}',  # once: no output at all
               '{"id": ' + "9" * 5_000 + ', "text": "x"}', "[" * 100_000]
    src = _write(tmp_path, "batch.jsonl", "\n".join(
        [good[0], hostile[0], good[1], hostile[1], hostile[2], good[2]]) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "6 articles, 3 extracted, 3 failed" in err
    assert f"{src}:2" in err and f"{src}:4" in err and f"{src}:5" in err
    assert [json.loads(line)["doc_id"] for line in out.read_text("utf-8").splitlines()] == \
        ["g0", "g1", "g2"]


def test_extract_lists_skipped_paths_in_its_summary(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    _write(corpus, "a.txt", ARTICLE)
    (corpus / "gone.txt").symlink_to(corpus / "nowhere.txt")
    assert main(["extract", str(corpus), "-o", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert f"skipped: {corpus / 'gone.txt'}: broken symbolic link" in err
    assert "1 articles, 1 extracted, 0 failed, 1 path(s) skipped" in err


def test_extract_article_seconds_option(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    src = _write(tmp_path, "a.txt", ARTICLE)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--article-seconds", "30"]) == 0
    with pytest.raises(SystemExit):
        main(["extract", str(src), "-o", str(out), "--article-seconds", "-1"])
    assert "must be 0" in capsys.readouterr().err


def test_a_record_that_cannot_be_written_fails_alone(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture) -> None:
    import marsad.export.jsonl as export

    real = export.doc_to_record

    def to_record(doc):  # type: ignore[no-untyped-def]
        rec = real(doc)
        if doc.doc_id == "b":
            rec["text"] += "\ud800"  # what a lone surrogate did before the reader refused it
        return rec

    monkeypatch.setattr(export, "doc_to_record", to_record)
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        _write(corpus, f"{name}.txt", ARTICLE)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(corpus), "-o", str(out)]) == 0
    assert "record not written" in capsys.readouterr().err
    assert [json.loads(line)["doc_id"] for line in out.read_text("utf-8").splitlines()] == \
        ["a", "c"]
