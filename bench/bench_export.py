"""`marsad export` on a 10,000-article store: wall and CPU seconds per format (issue #17).

    python bench/bench_export.py --db /tmp/m/load/l10k.db      # a copy of it is exported
    python bench/bench_export.py --n 10000                      # builds the store first

The store holds DISTINCT generated articles (``bench/corpus_gen.py``: real knowledge-base
names, dates over 2019-2025, 40 outlets, one wire copy in ten), as ``bench/bench_api.py``
builds it. A store given with ``--db`` is copied to a temporary folder first and never
modified (opening a store applies new migrations, and an unfused store is fused). Each
format is exported once over the whole store, unfiltered, and once per ``--repeat``; the
median is printed with the CPU time of this process. Target: every format under 30 s.
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

TARGET_S = 30.0
RUNS = (("acled-csv", {"bom": True}), ("plover-jsonl", {}), ("geojson", {}),
        ("geojson", {"features": "stories"}), ("gexf", {}), ("graphml", {}),
        ("parquet", {}))


def size(path: Path) -> int:
    if path.is_dir():
        return sum(f.stat().st_size for f in path.iterdir())
    return path.stat().st_size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="an existing store (copied, never modified)")
    ap.add_argument("--n", type=int, default=10000, help="articles of the built store")
    ap.add_argument("--repeat", type=int, default=1, help="runs per format (median shown)")
    args = ap.parse_args()

    from marsad.export.formats import export
    from marsad.fuse import ensure_fused
    from marsad.kb import default_kb
    from marsad.store import open_store

    work = Path(tempfile.mkdtemp(prefix="marsad-export-bench-"))
    db = work / "store.db"
    if args.db:
        for suffix in ("", "-wal"):
            if Path(f"{args.db}{suffix}").exists():
                shutil.copy2(f"{args.db}{suffix}", f"{db}{suffix}")
    else:
        from bench.bench_api import build_store

        build_store(args.n, db)
    default_kb()  # loaded once, as a long export would; not part of any format's time
    ok = True
    try:
        with open_store(db, create=False) as store:
            t0 = time.perf_counter()
            fused = ensure_fused(store)
            counts = store.counts()
            print(f"store: {counts['articles']} articles, {counts['events']} events"
                  + (f" (fused in {time.perf_counter() - t0:.1f} s)" if fused else ""))
            print(f"{'format':<22}{'wall s':>9}{'CPU s':>9}{'MB':>8}  written")
            for fmt, opts in RUNS:
                label = fmt + (f" ({opts['features']})" if "features" in opts else "")
                walls, cpus = [], []
                for i in range(args.repeat):
                    out = work / f"out-{i}.{fmt}"
                    w0, c0 = time.perf_counter(), time.process_time()
                    written = export(store, fmt, out, **opts)
                    walls.append(time.perf_counter() - w0)
                    cpus.append(time.process_time() - c0)
                wall, cpu = statistics.median(walls), statistics.median(cpus)
                ok = ok and wall < TARGET_S
                what = ", ".join(f"{n} {k}" for k, n in written.items())
                print(f"{label:<22}{wall:>9.2f}{cpu:>9.2f}{size(out) / 1e6:>8.1f}  {what}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak RSS of the process (all formats, the knowledge base included): {peak:.0f} MB")
    print(f"target: every format under {TARGET_S:.0f} s: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
