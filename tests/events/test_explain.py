"""`marsad extract --explain`: per event, the trigger, how the participants were chosen and
the rules that fired."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.cli import main


def test_explain_prints_trigger_participants_and_rules(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    art = tmp_path / "a.txt"
    art.write_text("التقى أردوغان بوتين في أنقرة. ووقّع الجانبان اتفاقية للتعاون.\n",
                   encoding="utf-8")
    assert main(["extract", str(art), "-o", str(tmp_path / "o.jsonl"), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "trigger «التقى»" in out and "participants: verb-subject order" in out
    assert "sides_act:" in out  # the rule that made both sides sign, with before -> after
    assert "Recep Tayyip Erdoğan" in out or "Erdogan" in out
