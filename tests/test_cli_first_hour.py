"""The CLI fails loudly and alike (issue #16): filters checked as the API checks them,
inclusive month and year bounds, readable outputs never left empty, no database created for
nothing, a busy port in one line."""

from __future__ import annotations

import json
import os
import socket
import stat
from pathlib import Path

import pytest

from marsad.cli import main

# Team-written.
ARTICLES = [
    {"id": "a", "published": "2025-05-20", "outlet": "one.example",
     "text": "زار وزير الخارجية المصري سامح شكري موسكو يوم 18 مايو 2025 والتقى نظيره الروسي."},
    {"id": "b", "published": "2025-06-03", "outlet": "two.example",
     "text": "التقى الرئيس الروسي فلاديمير بوتين المشير خليفة حفتر في موسكو يوم 2 يونيو 2025."},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("first-hour")
    src = d / "in.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES),
                   encoding="utf-8")
    assert main(["ingest", str(src), "--db", str(d / "c.db")]) == 0
    return d / "c.db"


@pytest.mark.parametrize("args, message", [
    (["--type", "FOO"], "not a PLOVER type: 'FOO' (one of AGREE"),
    (["--since", "2025-13-01"], "since: not a date"),
    (["--until", "2024-13"], "until: not a date"),
    (["--until", "2024-00"], "until: not a date"),
    (["--since", "2025", "--until", "2024-05"], "until: 2024-05-31 is before since"),
    (["--entity", "nobody_at_all"], "no entity with key 'nobody_at_all'"),
])
def test_bad_story_filters_fail_with_the_api_message(store: Path, args: list[str], message: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "--db", str(store), *args]) == 2
    err = capsys.readouterr().err
    assert "error [E060]" in err and message in err and "Traceback" not in err


def test_month_and_year_bounds_are_inclusive(store: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    def count(*args: str) -> int:
        assert main(["stories", "--db", str(store), "--json", *args]) == 0
        return len(json.loads(capsys.readouterr().out))
    everything = count()
    assert everything >= 2
    assert count("--until", "2025-05") == count("--since", "2025-05", "--until", "2025-05") >= 1
    assert count("--since", "2025", "--until", "2025") == everything
    assert count("--type", "consult") >= 1  # any case


def test_outputs_are_readable_and_never_left_empty(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path / "missing"), "-o", str(out)]) == 1
    assert not out.exists() and "not written" in capsys.readouterr().err
    src = tmp_path / "a.txt"
    src.write_text(ARTICLES[0]["text"], encoding="utf-8")
    old = os.umask(0o022)
    try:
        assert main(["extract", str(src), "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644 and out.read_text(encoding="utf-8")


def test_ingest_of_nothing_creates_no_database(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "new.db"
    assert main(["ingest", str(tmp_path / "missing"), "--db", str(db)]) == 1
    assert not db.exists() and "not created" in capsys.readouterr().err


def test_serve_on_a_busy_port_is_one_line(store: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("uvicorn", reason="marsad serve needs the 'web' extra")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert main(["serve", "--db", str(store), "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"port {port} on 127.0.0.1 is in use" in err and "open http" not in err


def test_html_without_its_extra_is_skipped_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if not installed
    (tmp_path / "page.html").write_text("<html><body><p>" + ARTICLES[1]["text"]
                                        + "</p></body></html>", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLES[0]["text"], encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "page.html: skipped: HTML input needs the 'html' extra" in err
    assert "Traceback" not in err and "1 extracted, 1 failed" in err
    assert [json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a"]


def test_help_says_what_marsad_is_with_examples_and_the_types(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Arabic news in" in out and "examples:" in out and "marsad demo --path" in out
    with pytest.raises(SystemExit):
        main(["stories", "--help"])
    assert "CONSULT" in capsys.readouterr().out.replace("\n", " ")


def test_demo_path_prints_the_bundled_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--path"]) == 0
    folder = Path(capsys.readouterr().out.strip())
    assert folder.is_dir() and any(folder.glob("*.txt"))


def test_stories_name_an_article_without_outlet_once(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "lone.txt"
    src.write_text(ARTICLES[1]["text"], encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(src), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["stories", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "    lone: «" in out and "lone (lone)" not in out


def test_progress_is_a_tqdm_bar_and_silent_off_a_terminal() -> None:
    import io

    from marsad.cli import Progress

    quiet = io.StringIO()
    p = Progress(3, quiet, enabled=False)
    for name in "abc":
        p.step(name)
    p.close()
    assert quiet.getvalue() == ""
    shown = io.StringIO()
    p = Progress(2, shown, enabled=True)
    p.step("first")
    p.step("second")
    p.close()
    assert "2/2" in shown.getvalue()


def test_stories_say_who_acted_on_whom(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "meet.txt"
    src.write_text("استقبل الرئيس الروسي فلاديمير بوتين في موسكو يوم 9 مايو 2025 المشير خليفة "
                   "حفتر.", encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(src), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["stories", "--db", str(db)]) == 0
    assert "Khalifa Haftar → Vladimir Putin @ Moscow" in capsys.readouterr().out
