"""Where each article id was first read in a run, in bounded memory.

A run reports a second input with an id already read (it would replace the first in the
store). The ids of a corpus of millions do not fit in a dict for free (about 200 bytes an
id), so past ``spill`` ids the mapping moves to a temporary SQLite file that is deleted when
the run ends; a lookup there is one primary-key query.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

SPILL = 50_000  # ids kept in memory before they move to disk (about 10 MB)


class SeenIds:
    """``get(id)``: where the id was first read, or None; ``add(id, where)`` records it."""

    def __init__(self, spill: int | None = None) -> None:
        self.spill = spill or SPILL
        self.mem: dict[str, str] = {}
        self._dir: tempfile.TemporaryDirectory[str] | None = None
        self._db: sqlite3.Connection | None = None

    def get(self, doc_id: str) -> str | None:
        where = self.mem.get(doc_id)
        if where is None and self._db is not None:
            row = self._db.execute("SELECT place FROM seen WHERE id = ?", (doc_id,)).fetchone()
            where = row[0] if row else None
        return where

    def add(self, doc_id: str, where: str) -> None:
        self.mem[doc_id] = where
        if len(self.mem) >= self.spill:
            self._flush()

    def __len__(self) -> int:
        on_disk = self._db.execute("SELECT count(*) FROM seen").fetchone()[0] if self._db else 0
        return len(self.mem) + on_disk

    def _flush(self) -> None:
        if self._db is None:
            self._dir = tempfile.TemporaryDirectory(prefix="marsad-ids-")
            # no journal, no sync: the file dies with the run, nothing to recover
            self._db = sqlite3.connect(Path(self._dir.name) / "seen.db")
            self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                                   "CREATE TABLE seen (id TEXT PRIMARY KEY, place TEXT) "
                                   "WITHOUT ROWID;")
        with self._db:
            self._db.executemany("INSERT INTO seen VALUES (?, ?)", self.mem.items())
        self.mem.clear()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None
