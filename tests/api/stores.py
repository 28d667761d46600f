"""Stores the API and browser tests run on: the bundled demo corpus or the shared seeds, plus
one hostile article whose text and outlet carry HTML that must show as text, never run."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

from marsad.cli import DEMO_DIR, main

HOSTILE_ID = "999_hostile"
# every payload sets window.__marsad_xss if it runs
HOSTILE = {
    "id": HOSTILE_ID,
    "published": "2025-05-10",
    "outlet": "<script>window.__marsad_xss = 3</script>",
    "text": ("التقى المشير خليفة حفتر الرئيس الروسي فلاديمير بوتين في موسكو يوم 9 مايو 2025 "
             "<script>window.__marsad_xss = 1</script> لبحث التعاون العسكري.\n"
             "وقال مصدر إن الزيارة <img src=x onerror=\"window.__marsad_xss = 2\"> تناولت "
             "ميناء طبرق."),
}


def build_store(db: Path, *inputs: Path, hostile: bool = True) -> Path:
    """Ingest ``inputs`` (and the hostile article) into a new SQLite store at ``db``."""
    paths = [str(p) for p in inputs]
    if hostile:
        h = db.parent / "hostile.jsonl"
        h.write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", encoding="utf-8")
        paths.append(str(h))
    assert main(["ingest", *paths, "--db", str(db)]) == 0
    return db


_built: dict[str, Path] = {}


def demo_store(db: Path) -> Path:
    """The demo store at ``db``: built once per test session, then copied (SQLite's backup
    API) so a module that writes to its store never changes another module's."""
    if "demo" not in _built:
        _built["demo"] = build_store(Path(tempfile.mkdtemp(prefix="marsad-demo-")) / "d.db",
                                     DEMO_DIR)
    with sqlite3.connect(_built["demo"]) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    return db
