"""Benchmark of the workbench API: the call behind each page, median over N runs.

    python bench/bench_api.py                     # builds a 10,000-article store first
    python bench/bench_api.py --db corpus.db      # or times an existing store
    python bench/bench_api.py --n 2000 --runs 30

Without ``--db`` it writes ``--n`` templated articles (``bench/corpus_gen.py``) and ingests
them into a store in a temporary folder (``marsad ingest --jobs 2``), once; ``--keep PATH``
keeps that store for later runs. The app is driven in-process through FastAPI's TestClient,
so the figures are the server's work (routing, filtering, JSON) without network latency.
Prints the index build time, then a table: page, API call, median and p90 ms, answer size.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

BUDGET_MS = 300.0  # the bound on each page's API call (median)


def build_store(n: int, db: Path) -> None:
    from bench.corpus_gen import articles, write_jsonl
    from marsad.cli import main

    src = db.parent / "bench_articles.jsonl"
    write_jsonl(articles(n), src)
    t0 = time.perf_counter()
    if main(["ingest", str(src), "--db", str(db), "--jobs", "2", "--batch-size", "200"]) != 0:
        raise SystemExit("ingest failed")
    print(f"store: {n} articles ingested in {time.perf_counter() - t0:.1f} s -> {db}",
          file=sys.stderr)


def pick(client) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Real keys for the detail pages: the most active entity, its best story, an article."""
    ov = client.get("/api/overview").json()
    ent = ov["active_entities"][0]["key"]
    place = client.get("/api/places").json()["items"][0]["key"]
    story = ov["most_sourced_stories"][0]["id"]
    doc = ov["newest_articles"][0]["doc_id"]
    etype = client.get(f"/api/entities/{ent}").json()["stories"][0]["type"]
    return {"entity": ent, "place": place, "story": story, "doc": doc, "type": etype}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="an existing store (else one is built)")
    ap.add_argument("--n", type=int, default=10_000, help="articles of the built store")
    ap.add_argument("--keep", type=Path, help="where to keep the built store")
    ap.add_argument("--runs", type=int, default=20, help="timed calls per row")
    args = ap.parse_args()

    from fastapi.testclient import TestClient

    from marsad.api import create_app

    tmp = None
    db = args.db
    if db is None:
        tmp = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
        db = tmp / "bench.db"
        build_store(args.n, db)
    try:
        t0 = time.perf_counter()
        app = create_app(str(db))
        build_s = time.perf_counter() - t0
        idx = app.state.holder.get()
        client = TestClient(app, base_url="http://localhost")
        k = pick(client)
        q = client.get(f"/api/entities/{k['entity']}").json()["name"].split()[-1]
        rows = [
            ("Overview", "/api/overview"),
            ("Timeline (all)", "/api/timeline"),
            ("Timeline (entity+type)", f"/api/timeline?entity={k['entity']}&type={k['type']}"),
            ("Map", "/api/places"),
            ("Map (filtered)", "/api/places?type=CONSULT&since=2024"),
            ("Map: click a marker", f"/api/places/{k['place']}?type={k['type']}"),
            ("Network", "/api/network"),
            ("Network (ego)", f"/api/network?entity={k['entity']}"),
            ("Entity page", f"/api/entities/{k['entity']}"),
            ("Story page", f"/api/stories/{k['story']}"),
            ("Article page", f"/api/articles/{k['doc']}"),
            ("Stories list", f"/api/stories?entity={k['entity']}&since=2023&limit=100"),
            ("Search", f"/api/search?q={q}"),
        ]
        # downloads, not pages: timed and shown, but outside the per-page budget
        exports = [
            ("Export: stories CSV", f"/api/stories?entity={k['entity']}&format=csv&limit=20000"),
            ("Export: events CSV", f"/api/events?type={k['type']}&format=csv&limit=20000"),
        ]
        print(f"store {db}: {len(idx.articles)} articles, {len(idx.entities)} entities, "
              f"{len(idx.stories)} stories, {len(idx.events)} events; "
              f"index built in {build_s:.1f} s (fusion included)")
        print(f"{'page':<24} {'API call':<58} {'median ms':>9} {'p90 ms':>7} {'KB':>7}")
        worst = 0.0
        for name, url in rows + exports:
            r = client.get(url)
            assert r.status_code == 200, (url, r.text[:200])
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - t) * 1000)
            med = statistics.median(times)
            p90 = sorted(times)[int(0.9 * (len(times) - 1))]
            if (name, url) in rows:
                worst = max(worst, med)
            shown = url if len(url) <= 58 else url[:55] + "..."
            print(f"{name:<24} {shown:<58} {med:9.1f} {p90:7.1f} {len(r.content) / 1024:7.1f}")
        verdict = "within" if worst < BUDGET_MS else "OVER"
        print(f"slowest page call: median {worst:.1f} ms, {verdict} the {BUDGET_MS:.0f} ms "
              "budget (exports excluded)")
        return 0 if worst < BUDGET_MS else 1
    finally:
        if tmp is not None:
            if args.keep:
                shutil.move(str(db), str(args.keep))
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
