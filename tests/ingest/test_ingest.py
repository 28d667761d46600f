"""Every input format, and every kind of bad input, with a reason naming the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.doc import Failure
from marsad.ingest import RawArticle, read_paths

ARTICLE = "التقى الرئيس الروسي فلاديمير بوتين المشير خليفة حفتر في موسكو.\n"


def _read(*paths: Path) -> list[RawArticle | Failure]:
    return list(read_paths([str(p) for p in paths]))


def test_utf8_text(tmp_path: Path) -> None:
    p = tmp_path / "a1.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    (art,) = _read(p)
    assert isinstance(art, RawArticle)
    assert art.doc_id == "a1" and art.kind == "text" and art.content == ARTICLE


@pytest.mark.parametrize("encoding,bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                          ("utf-16-be", b"\xfe\xff")])
def test_byte_order_marks(tmp_path: Path, encoding: str, bom: bytes) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(bom + ARTICLE.encode(encoding))
    (art,) = _read(p)
    assert isinstance(art, RawArticle) and art.content == ARTICLE


def test_windows_1256(tmp_path: Path) -> None:
    p = tmp_path / "legacy.txt"
    p.write_bytes(ARTICLE.encode("cp1256"))
    (art,) = _read(p)
    assert isinstance(art, RawArticle) and art.content == ARTICLE


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    ("latin.txt", "Ça va très bien, merci.".encode("latin-1") + b"\xff\xfe\xfa", "not UTF-8"),
    ("bad16.txt", b"\xff\xfe" + b"\x00\xd8", "invalid utf-16"),
])
def test_bad_files_fail_with_the_file_named(tmp_path: Path, name: str, data: bytes,
                                            reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    (res,) = _read(p)
    assert isinstance(res, Failure)
    assert str(p) in res.reason and reason in res.reason


def test_huge_file_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    p.write_text(ARTICLE * 10, encoding="utf-8")
    (res,) = list(read_paths([str(p)], max_bytes=100))
    assert isinstance(res, Failure) and "too large" in res.reason and str(p) in res.reason


def test_missing_path_and_unknown_suffix(tmp_path: Path) -> None:
    other = tmp_path / "notes.docx"
    other.write_bytes(b"PK\x03\x04")
    res = _read(tmp_path / "nope.txt", other)
    assert all(isinstance(r, Failure) for r in res)
    assert "no such file" in res[0].reason and "unsupported file type" in res[1].reason


def test_html_file(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    (art,) = _read(p)
    assert isinstance(art, RawArticle) and art.kind == "html"


def test_jsonl_lines_and_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": ARTICLE, "url": "https://news.example.org/1",
                    "published": "2025-05-12", "outlet": "Example"}, ensure_ascii=False),
        json.dumps({"id": "x2", "html": f"<p>{ARTICLE}</p>"}, ensure_ascii=False),
        "{not json",
        json.dumps({"text": ARTICLE}, ensure_ascii=False),
        json.dumps({"id": "x5", "text": ""}),
        json.dumps(["a list"]),
        json.dumps({"id": "x7", "text": ARTICLE, "url": 5}),
        "",
    ]
    p.write_text("\n".join(lines), encoding="utf-8")
    res = _read(p)
    assert [type(r).__name__ for r in res] == ["RawArticle", "RawArticle"] + ["Failure"] * 5
    a1, a2 = res[0], res[1]
    assert isinstance(a1, RawArticle) and a1.url == "https://news.example.org/1"
    assert a1.published == "2025-05-12" and a1.outlet == "Example"
    assert isinstance(a2, RawArticle) and a2.kind == "html"
    reasons = [r.reason for r in res[2:] if isinstance(r, Failure)]
    assert f"{p}:3" in reasons[0] and "invalid JSON" in reasons[0]
    assert "missing 'id'" in reasons[1]
    assert "empty" in reasons[2]
    assert "JSON object" in reasons[3]
    assert "'url' must be a string" in reasons[4]


def test_folders_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "ignore.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    ids = [r.doc_id for r in _read(tmp_path)]
    assert ids == ["1", "2"]
