"""SeenIds: where each id was first read, in bounded memory (marsad/ingest/seen.py)."""

from __future__ import annotations

import os

from marsad.ingest import read_paths
from marsad.ingest.seen import SeenIds


def test_ids_past_the_spill_move_to_disk_and_are_still_found() -> None:
    seen = SeenIds(spill=3)
    for n in range(10):
        assert seen.get(f"مقال-{n}") is None
        seen.add(f"مقال-{n}", f"a.jsonl:{n + 1}")
    assert len(seen.mem) < 3 and len(seen) == 10  # nine on disk, one in memory
    assert seen.get("مقال-0") == "a.jsonl:1" and seen.get("مقال-9") == "a.jsonl:10"
    assert seen.get("مقال-10") is None
    folder = seen._dir.name if seen._dir else ""
    seen.close()
    assert folder and not os.path.exists(folder)  # the temporary file dies with the run


def test_a_second_input_with_an_id_read_before_the_spill_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr("marsad.ingest.seen.SPILL", 2)
    lines = [f'{{"id": "d{n}", "text": "نص المقال رقم {n} عن اجتماع الوزراء."}}'
             for n in range(5)]
    lines.append('{"id": "d0", "text": "نص آخر بالرقم نفسه."}')
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([tmp_path / "a.jsonl"]))
    dup = [i for i in items if getattr(i, "stage", None) == "ingest"]
    assert len(items) == 6 and len(dup) == 1
    assert "duplicate id 'd0'" in dup[0].reason and "a.jsonl:1" in dup[0].reason
