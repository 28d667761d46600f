"""Reading the team's invented test batteries (tab-separated lines; bench/bench_*battery.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def tsv_rows(path: Path, layout: str) -> Iterator[list[str]]:
    """The three tab-separated fields of every line of ``path`` but blank ones and "#"
    comments; a line of another shape stops the run naming the file, the line and
    ``layout`` (what the three fields are, e.g. "TYPE<TAB>form<TAB>sentence")."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise SystemExit(f"{path}:{n}: expected {layout}")
        yield parts
