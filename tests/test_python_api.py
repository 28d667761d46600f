"""The Python API (issue #16): marsad.extract, extract_many, open_store and the frames."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import marsad
from marsad.doc import Failure
from marsad.errors import ArticleFailed

# Team-written.
MEETING = "موسكو - التقى الرئيس الروسي فلاديمير بوتين، أمس الخميس، المشير خليفة حفتر."
VISIT = "زار وزير الخارجية المصري سامح شكري موسكو يوم الاثنين."


def test_import_marsad_loads_nothing_heavy() -> None:
    code = ("import sys, marsad; heavy = [m for m in ('marsad.pipeline', 'marsad.kb', "
            "'marsad.python_api') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1], check=True)
    assert out.stdout.strip() == "[]"


def test_extract_gives_typed_entities_and_events() -> None:
    art = marsad.extract(MEETING, published="2025-05-16")
    assert isinstance(art, marsad.Article) and art.published == date(2025, 5, 16)
    names = {e.name_en for e in art.entities}
    assert {"Vladimir Putin", "Khalifa Haftar"} <= names
    ev = next(e for e in art.events if e.type == "CONSULT")
    assert [a.name_en for a in ev.actors] == ["Vladimir Putin"]
    assert [t.name_en for t in ev.targets] == ["Khalifa Haftar"]
    assert ev.date == (date(2025, 5, 15), date(2025, 5, 15))  # "أمس الخميس"
    assert art.text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
    for e in art.entities:
        assert all(art.text[m.start:m.end] == m.text for m in e.mentions)


def test_to_dict_is_the_output_contract_record() -> None:
    rec = marsad.extract(VISIT, published=date(2024, 1, 10), doc_id="v1").to_dict()
    assert rec["doc_id"] == "v1" and rec["published"] == "2024-01-10"
    assert {"doc_id", "source", "title", "published", "language", "text", "entities",
            "events"} <= set(rec)
    json.dumps(rec, ensure_ascii=False)  # JSON-ready as it is


def test_extract_reads_html_pages() -> None:
    page = ("<!DOCTYPE html><html><head><title>خبر</title></head><body><article><p>"
            + VISIT + "</p></article></body></html>")
    pytest.importorskip("trafilatura", reason="HTML needs the 'html' extra")
    art = marsad.extract(page, published="2024-01-10")
    assert "سامح شكري" in art.text and "<p>" not in art.text


def test_a_failed_article_raises_with_its_code() -> None:
    with pytest.raises(ArticleFailed) as e:
        marsad.extract("   \n  ")
    assert e.value.code == "E010"
    with pytest.raises(TypeError):
        marsad.extract(b"bytes")  # type: ignore[arg-type]


def test_extract_many_keeps_order_and_yields_failures() -> None:
    items = [VISIT, {"id": "m", "text": MEETING, "published": "2025-05-16"}, 7, "",
             {"id": "no-body"}]
    out = list(marsad.extract_many(items))  # type: ignore[arg-type]
    assert [o.doc_id for o in out] == ["article-1", "m", "article-3", "article-4", "article-5"]
    assert isinstance(out[0], marsad.Article) and isinstance(out[1], marsad.Article)
    assert all(isinstance(o, Failure) and o.code == "E010" for o in out[2:])
    assert out[1].published == date(2025, 5, 16)
    two = list(marsad.extract_many(items, jobs=2))  # type: ignore[arg-type]
    assert [o.to_dict() if isinstance(o, marsad.Article) else o for o in two] == \
        [o.to_dict() if isinstance(o, marsad.Article) else o for o in out]


def test_open_store_and_frames(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas", reason="DataFrames need the 'frames' extra")
    from marsad.cli import main

    corpus = tmp_path / "in.jsonl"
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "a", "text": MEETING, "published": "2025-05-16", "outlet": "one.example"},
        {"id": "b", "text": VISIT, "published": "2024-01-10", "outlet": "two.example"},
    ]) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    with marsad.open_store(str(db)) as st:
        ev, stories = st.events_frame(), st.stories_frame()
    assert isinstance(ev, pd.DataFrame) and len(ev) >= 2
    assert {"doc_id", "type", "actors", "evidence", "story"} <= set(ev.columns)
    assert set(ev["doc_id"]) == {"a", "b"} and len(stories) >= 2


def test_open_store_does_not_create_by_default(tmp_path: Path) -> None:
    from marsad.store import StoreError

    with pytest.raises(StoreError):
        marsad.open_store(str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()


def test_frames_without_pandas_name_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from marsad.frames import FramesExtraMissing, _pandas

    real = builtins.__import__

    def no_pandas(name: str, *a, **kw):  # type: ignore[no-untyped-def]
        if name == "pandas":
            raise ImportError("no pandas")
        return real(name, *a, **kw)
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(FramesExtraMissing, match=r"marsad\[frames\]"):
        _pandas()
