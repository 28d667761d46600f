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
    assert ids == ["1", "b/2"]  # a file's id is its path under the folder given


# -- hostile input (issue #15) -------------------------------------------------------------

def _jsonl(tmp_path: Path, name: str, lines: list[str]) -> Path:
    p = tmp_path / name
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


GOOD_LINE = json.dumps({"id": "good", "text": ARTICLE}, ensure_ascii=False)


@pytest.mark.parametrize("line,reason", [
    # a lone surrogate, escaped, in the text or the id: nothing can store or write it
    ('{"id": "s1", "text": "قال \\ud800 الوزير"}', "lone surrogate"),
    ('{"id": "\\udfff", "text": "قال الوزير"}', "lone surrogate"),
    ('{"id": "s3", "text": "قال", "meta": {"\\ud800": 1}}', "lone surrogate"),
    # more than 4,300 digits: Python's int() raises ValueError
    ('{"id": ' + "1" * 5_000 + ', "text": "قال الوزير"}', "digits"),
    # 100,000 nested brackets: the decoder raises RecursionError
    ("[" * 100_000, "nested deeper"),
    ('{"id": "n1", "text": "قال", "x": ' + "[" * 40 + "]" * 40 + "}", "nested deeper"),
    ('{"id": "n2", "text": "قال", "x": NaN}', "NaN is not JSON"),
    ('{"id": true, "text": "قال الوزير"}', "missing 'id'"),
])
def test_hostile_jsonl_lines_fail_alone_with_file_and_line(tmp_path: Path, line: str,
                                                           reason: str) -> None:
    p = _jsonl(tmp_path, "hostile.jsonl", [GOOD_LINE, line, GOOD_LINE.replace("good", "after")])
    res = _read(p)
    assert [type(r).__name__ for r in res] == ["RawArticle", "Failure", "RawArticle"]
    assert f"{p}:2" in res[1].reason and reason in res[1].reason
    assert res[2].doc_id == "after"


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085", "\x1c", "\x0b"])
def test_unicode_line_separators_inside_a_jsonl_string_are_data(tmp_path: Path,
                                                                sep: str) -> None:
    text = f"قال الرئيس{sep}إن الاتفاق قريب."
    raw = json.dumps({"id": "u1", "text": text}, ensure_ascii=False)
    if sep in "\x1c\x0b":
        raw = raw.replace(sep, f"\\u{ord(sep):04x}")  # control characters must be escaped
    p = tmp_path / "sep.jsonl"
    p.write_bytes((raw + "\r\n" + GOOD_LINE + "\n").encode("utf-8"))
    (a, b) = _read(p)
    assert isinstance(a, RawArticle) and a.content == text and a.line == 1
    assert isinstance(b, RawArticle) and b.doc_id == "good" and b.line == 2


def test_an_unexpected_reader_error_is_a_failure_of_that_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.ingest as ingest

    def boom(data: bytes, *, path: str) -> str:
        if path.endswith("bad.txt"):
            raise RuntimeError("reader bug")
        return data.decode("utf-8")

    monkeypatch.setattr(ingest, "decode_bytes", boom)
    (tmp_path / "bad.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    bad, ok = _read(tmp_path)
    assert isinstance(bad, Failure) and "reader bug" in bad.reason and "bad.txt" in bad.reason
    assert isinstance(ok, RawArticle)


# -- decoding --------------------------------------------------------------------------------

def test_utf8_with_one_bad_byte_is_utf8_with_a_replacement(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = ARTICLE.encode("utf-8")
    p = tmp_path / "one_bad.txt"
    # byte 20 is inside the letter ي of الرئيس: its lead byte, the stray byte and its
    # continuation byte are each replaced; read as Windows-1256 it was all garbage
    p.write_bytes(data[:20] + b"\xff" + data[20:])
    with caplog.at_level("WARNING"):
        (art,) = _read(p)
    assert isinstance(art, RawArticle)
    assert art.content == ARTICLE[:10] + "\ufffd" * 3 + ARTICLE[11:]
    assert "3 byte(s)" in caplog.text and str(p) in caplog.text


def test_utf8_cut_mid_character_keeps_everything_before_the_cut(tmp_path: Path) -> None:
    p = tmp_path / "cut.txt"
    p.write_bytes(ARTICLE.encode("utf-8")[:-3])  # ".\n" and half of the last letter gone
    (art,) = _read(p)
    assert isinstance(art, RawArticle) and art.content == ARTICLE[:-3] + "\ufffd"


def test_windows_1256_with_some_utf8_looking_bytes_is_still_windows_1256(tmp_path: Path) -> None:
    p = tmp_path / "legacy.txt"
    p.write_bytes(ARTICLE.encode("cp1256") * 20)
    (art,) = _read(p)
    assert isinstance(art, RawArticle) and art.content == ARTICLE * 20


@pytest.mark.parametrize("data", [
    "Ça va très bien, merci. Señor, à bientôt!".encode("latin-1"),  # Latin, not Arabic
    b"plain ascii with one stray byte \xff",  # nothing shows it is UTF-8
    ("abc \u0430\u0431\u0432 " * 10).encode("cp1251"),  # Cyrillic code page
])
def test_neither_utf8_nor_arabic_is_refused_as_undecodable(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "odd.txt"
    p.write_bytes(data)
    (res,) = _read(p)
    assert isinstance(res, Failure)
    assert "could not decode" in res.reason and str(p) in res.reason


def test_bom_with_nothing_after_it_is_empty(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf  \n")
    (res,) = _read(p)
    assert isinstance(res, Failure) and "empty file" in res.reason


# -- ids, duplicates, skipped paths -----------------------------------------------------------

def test_ids_are_paths_under_the_folder_given_and_flat_ids_do_not_change(tmp_path: Path) -> None:
    (tmp_path / "r001.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "2024" / "05").mkdir(parents=True)
    (tmp_path / "2024" / "05" / "r001.txt").write_text(ARTICLE, encoding="utf-8")
    assert [r.doc_id for r in _read(tmp_path)] == ["2024/05/r001", "r001"]
    # a file named directly keeps its name as its id
    assert [r.doc_id for r in _read(tmp_path / "2024" / "05" / "r001.txt")] == ["r001"]


def test_duplicate_ids_are_reported_not_merged(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (b / "x.txt").write_text(ARTICLE, encoding="utf-8")  # same id under another root
    (a / "x.html").write_text(f"<p>{ARTICLE}</p>", encoding="utf-8")  # same id, other suffix
    lines = [GOOD_LINE.replace("good", "x"), GOOD_LINE.replace("good", "x")]
    jl = _jsonl(tmp_path, "batch.jsonl", lines)
    res = list(read_paths([str(a), str(b), str(jl)]))
    assert [type(r).__name__ for r in res] == ["RawArticle"] + ["Failure"] * 4
    assert all("duplicate id 'x'" in r.reason for r in res[1:])
    assert f"{jl}:2" in res[4].reason and "first read from" in res[4].reason


def test_skipped_paths_are_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from marsad.ingest import Skipped

    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "self").symlink_to(tmp_path / "self")  # a link that loops
    (tmp_path / "up").symlink_to(tmp_path)  # a link back up the tree
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block for ever
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):  # chmod 000 does not stop root, so pretend
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    skipped: list[Skipped] = []
    res = list(read_paths([str(tmp_path)], skipped=skipped))
    assert [r.doc_id for r in res] == ["ok"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons["broken.txt"].startswith("broken symbolic link")
    assert reasons["self"].startswith("symbolic link loop")
    assert reasons["up"] == "symbolic link to a folder already read"
    assert reasons["locked"].startswith("cannot read folder")
    assert reasons["pipe.txt"].startswith("not a regular file")


# -- JSON Lines read a line at a time (issue #19) --------------------------------------------

def test_jsonl_is_read_a_line_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = _jsonl(tmp_path, "big.jsonl", [GOOD_LINE.replace("good", f"g{i}") for i in range(3)])

    def whole(self: Path) -> bytes:
        raise AssertionError("a JSON Lines file is never read whole")

    monkeypatch.setattr(Path, "read_bytes", whole)
    items = read_paths([str(p)])
    first = next(items)
    assert isinstance(first, RawArticle) and first.doc_id == "g0" and first.line == 1
    assert [i.doc_id for i in items] == ["g1", "g2"]


def test_a_jsonl_line_over_the_limit_fails_alone(tmp_path: Path) -> None:
    long = json.dumps({"id": "long", "text": "قال " * 400}, ensure_ascii=False)
    p = _jsonl(tmp_path, "long.jsonl", [GOOD_LINE, long, GOOD_LINE.replace("good", "after")])
    res = list(read_paths([str(p)], max_bytes=1000))
    assert [type(r).__name__ for r in res] == ["RawArticle", "Failure", "RawArticle"]
    assert f"{p}:2" in res[1].reason and "too large" in res[1].reason
    assert res[2].doc_id == "after" and res[2].line == 3


def test_jsonl_in_utf16_and_with_a_utf8_bom(tmp_path: Path) -> None:
    def two(a: str, b: str) -> str:
        return GOOD_LINE.replace("good", a) + "\r\n" + GOOD_LINE.replace("good", b) + "\n"

    (tmp_path / "u16.jsonl").write_bytes(two("a1", "a2").encode("utf-16"))
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + two("b1", "b2").encode())
    res = _read(tmp_path / "u16.jsonl", tmp_path / "bom.jsonl")
    assert [(r.doc_id, r.line) for r in res] == [("a1", 1), ("a2", 2), ("b1", 1), ("b2", 2)]
    assert all(isinstance(r, RawArticle) and r.content == ARTICLE for r in res)


def test_a_jsonl_file_of_blank_lines_is_empty(tmp_path: Path) -> None:
    (tmp_path / "blank.jsonl").write_bytes(b"\n  \n\r\n")
    (res,) = _read(tmp_path / "blank.jsonl")
    assert isinstance(res, Failure) and "empty file" in res.reason
