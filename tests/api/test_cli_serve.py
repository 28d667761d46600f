"""`marsad serve`: binds to this machine unless told otherwise; refuses a missing store."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.cli import build_parser, main


def test_serve_defaults_to_localhost() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.db) == ("127.0.0.1", 8000, "marsad.db")
    args = build_parser().parse_args(["serve", "--db", "x.db", "--host", "0.0.0.0",
                                      "--port", "9000"])
    assert (args.host, args.port, args.db) == ("0.0.0.0", 9000, "x.db")


def test_serve_refuses_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    pytest.importorskip("uvicorn")
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 2
    err = capsys.readouterr().err
    assert "E050" in err and "none.db" in err
