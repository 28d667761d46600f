"""`marsad stories` over a store: the same meeting from two outlets is one story."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.cli import main

LINES = [
    {"id": "a1", "outlet": "Outlet A", "published": "2025-05-12",
     "text": "التقى المشير خليفة حفتر الرئيس الروسي فلاديمير بوتين في موسكو السبت."},
    {"id": "b1", "outlet": "Outlet B", "published": "2025-05-11",
     "text": "وبحث حفتر مع بوتين في الكرملين بموسكو يوم السبت 10 مايو 2025 التعاون العسكري."},
    {"id": "c1", "outlet": "Outlet C", "published": "2023-09-30",
     "text": "التقى المشير خليفة حفتر الرئيس الروسي فلاديمير بوتين في موسكو الخميس."},
]


def test_stories_merge_outlets_and_keep_years_apart(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture) -> None:
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES),
                   encoding="utf-8")
    db = tmp_path / "m.db"
    assert main(["ingest", str(src), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["stories", "--db", str(db), "--entity", "khalifa_haftar", "--json"]) == 0
    stories = json.loads(capsys.readouterr().out)
    meetings = [s for s in stories if s["type"] == "CONSULT"
                and "kb:vladimir_putin" in s["participants"]]
    by_year = {s["date"]["start"][:4]: s for s in meetings if s["date"]}
    assert set(by_year) == {"2023", "2025"}
    may = by_year["2025"]
    assert may["date"]["start"] == "2025-05-10" and may["n_independent"] == 2
    assert {m["doc_id"] for m in may["members"]} == {"a1", "b1"}
    assert main(["stories", "--db", str(db), "--since", "2025-01-01"]) == 0
    out = capsys.readouterr().out
    assert "Khalifa Haftar" in out and "2023" not in out.split("\n")[0]
