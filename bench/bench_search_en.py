"""Benchmark of English search: `Store.search` / `Store.find_entities` and `/api/search` with
Latin-script queries, median over distinct queries (no answer is served from a cache).

    python bench/bench_search_en.py --db COPY_OF_STORE.db      # a store you may upgrade
    python bench/bench_search_en.py --db corpus.db --queries 200

The store is opened once first (which applies migration 0003 and indexes the stored names
when it is older; that time is printed). The queries are made from the stored English names:
each name's last word, the whole name, and the last word respelt (e->a, a->e, doubled
consonant), so each is distinct and each spelling rule is exercised. Prints CPU and wall
medians (ms) per kind of call and the share of queries that found something.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def respell(word: str) -> str:
    """Another Latin spelling of a word, as newsrooms vary them."""
    if "e" in word:
        return word.replace("e", "a", 1)
    if "a" in word[1:]:
        i = word.index("a", 1)
        return word[:i] + "e" + word[i + 1:]
    return word + word[-1] if word else word


def queries(names: list[str], n: int) -> list[str]:
    out: list[str] = []
    for name in names:
        words = [w for w in name.replace("(", " ").replace(")", " ").split() if w.isalpha()]
        if words:
            out += [words[-1], name, respell(words[-1])]
    return list(dict.fromkeys(out))[:n]


def timed(fn: Callable[[str], object], qs: list[str]) -> tuple[float, float, float]:
    """Median CPU ms, median wall ms, share of queries with a non-empty answer."""
    cpu, wall, found = [], [], 0
    for q in qs:
        c0, w0 = time.process_time(), time.perf_counter()
        got = fn(q)
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
        found += bool(got)
    return statistics.median(cpu), statistics.median(wall), found / max(1, len(qs))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, required=True, help="a store (it may be upgraded)")
    ap.add_argument("--queries", type=int, default=150, help="distinct queries per row")
    args = ap.parse_args()

    from marsad.store import open_store

    t0 = time.perf_counter()
    st = open_store(args.db)
    print(f"open (migrations included): {time.perf_counter() - t0:.2f} s; "
          f"{st.counts()['articles']} articles, "
          f"{st._all('SELECT count(*) FROM name_keys')[0][0]} name keys")  # type: ignore[attr-defined]
    names = [n for (n,) in st._all(  # type: ignore[attr-defined]
        "SELECT DISTINCT name_en FROM entities WHERE name_en IS NOT NULL ORDER BY name_en")]
    qs = queries(names, args.queries)
    print(f"{len(qs)} distinct queries from {len(names)} stored English names")
    print(f"{'call':<34} {'CPU ms':>7} {'wall ms':>8} {'found':>6}")
    rows: list[tuple[str, Callable[[str], object]]] = [
        ("Store.search (articles)", lambda q: st.search(q, limit=20)),
        ("Store.find_entities", lambda q: st.find_entities(q, limit=20)),
    ]
    try:
        from fastapi.testclient import TestClient

        from marsad.api import create_app

        t0 = time.perf_counter()
        app = create_app(str(args.db))
        idx = app.state.holder.get()
        print(f"workbench app and index: {time.perf_counter() - t0:.1f} s; ", end="")
        t0 = time.perf_counter()
        _ = idx.latin
        print(f"its name index: {(time.perf_counter() - t0) * 1000:.0f} ms "
              f"({len(idx.latin)} entities)")
        client = TestClient(app, base_url="http://localhost")
        rows.append(("GET /api/search (in-process)",
                     lambda q: client.get("/api/search", params={"q": q}).json()["articles"]))
        rows.append(("GET /api/timeline?entity=NAME",
                     lambda q: client.get("/api/timeline", params={"entity": q}).status_code
                     == 200))
    except ImportError:
        print("(the web extra is not installed: API rows left out)")
    for label, fn in rows:
        cpu, wall, found = timed(fn, qs)
        print(f"{label:<34} {cpu:7.1f} {wall:8.1f} {found:6.0%}")
    st.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
