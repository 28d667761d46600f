"""The workbench server on a large store (issue #18): start time, page calls, growth.

    python bench/bench_serve.py --db corpus.db            # a copy of it is used
    python bench/bench_serve.py --n 10000 --keep big.db   # builds the store first

On a copy of the store (the original is never written), with ``marsad serve`` in its own
process on 127.0.0.1:

1. **Start**: wall time from launching the server to its first answer (``/api/overview``)
   and the server's CPU time by then: once after the fusion (the server builds its index and
   saves it in the store, :mod:`marsad.api.snapshot`), then ``--starts`` times reading the
   saved index (median and range); the last of these servers answers the steps below.
2. **Pages**: each page's API call asked with distinct parameters; median and slowest
   wall time per call (target: median under 300 ms).
3. **Growth**: 100 new distinct articles are ingested (``marsad ingest``, another process)
   while a client asks ``/api/overview`` every 50 ms; prints the slowest answer during the
   ingest and until the server shows the new articles (target: no request over 300 ms).

Figures are wall times: they are what a user waits. Run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.load_test import free_port, get, start_server  # noqa: E402

TARGET_MS = 300.0


def page_calls(port: int) -> dict[str, list[str]]:
    """Distinct API calls per page, with parameters drawn from the store's own answers."""
    ents = json.loads(get(port, "/api/entities?limit=20")[1])["items"]
    keys = [e["key"].removeprefix("kb:") for e in ents][:10]
    types = ["CONSULT", "ASSAULT", "AGREE", "AID", "MOBILIZE", "SUPPORT", "ACCUSE", "COERCE"]
    return {
        "overview": ["/api/overview"] * 5,
        "stories": [f"/api/stories?limit=50&offset={50 * i}" for i in range(10)],
        "timeline": [f"/api/timeline?type={t}" for t in types] + ["/api/timeline"],
        "map": [f"/api/places?type={t}" for t in types] + ["/api/places"],
        "network": [f"/api/network?entity={k}" for k in keys[:5]] + ["/api/network"],
        "entity": [f"/api/entities/{k}" for k in keys],
        "search": [f"/api/search?q={q}" for q in ("Haftar", "Putin", "Moscow", "Wagner",
                                                  "Tripoli", "Sudan")],
    }


def time_pages(port: int) -> dict[str, tuple[float, float, int]]:
    out = {}
    for page, paths in page_calls(port).items():
        ms, bad = [], 0
        for p in paths:
            t = time.perf_counter()
            status, _ = get(port, p)
            ms.append((time.perf_counter() - t) * 1000)
            bad += status != 200
        out[page] = (statistics.median(ms), max(ms), bad)
    return out


def grow(port: int, db: Path, n: int) -> tuple[float, float, int, int]:
    """Ingest ``n`` new articles while polling; (slowest ms, seconds until shown, polls,
    errors)."""
    from bench.corpus_gen import articles

    before = json.loads(get(port, "/api/overview")[1])["counts"]["articles"]
    src = Path(tempfile.mkdtemp(prefix="marsad-grow-")) / "more.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for a in articles(n, seed=991):  # a seed of its own: new texts, new content ids
            a["id"] = "grow_" + a["id"]
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    worst, polls, errors, shown_at = 0.0, 0, 0, None
    stop = threading.Event()

    def ingest() -> None:
        subprocess.run([sys.executable, "-m", "marsad.cli", "ingest", str(src), "--db",
                        str(db)], check=False, capture_output=True,
                       env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
        stop.set()

    t0 = time.perf_counter()
    threading.Thread(target=ingest, daemon=True).start()
    while time.perf_counter() - t0 < 600:
        t = time.perf_counter()
        status, body = get(port, "/api/overview")
        worst = max(worst, (time.perf_counter() - t) * 1000)
        polls += 1
        errors += status != 200
        if status == 200 and json.loads(body)["counts"]["articles"] >= before + n:
            shown_at = time.perf_counter() - t0
            break
        time.sleep(0.05)
    return worst, shown_at or float("nan"), polls, errors


def cpu_seconds(pid: int) -> float:
    """The CPU time a process has used (NaN where /proc is not there): on a busy machine
    the wall time of the start says more about the neighbours than about Marsad."""
    import os

    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start(db: Path) -> tuple[subprocess.Popen[bytes], int, float, float]:
    """A server on ``db``: (process, port, seconds to its first answer, its CPU by then)."""
    port = free_port()
    t = time.perf_counter()
    server = start_server(db, port, 10.0)
    return server, port, time.perf_counter() - t, cpu_seconds(server.pid)


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait(timeout=30)


def saved_at(db: Path) -> str | None:
    """When the server last saved its index in the store (None: never)."""
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        try:
            row = conn.execute("SELECT saved_at FROM index_snapshot").fetchone()
        except sqlite3.OperationalError:  # a store of a Marsad without the table
            return None
    return None if row is None else str(row[0])


def wait_saved(db: Path, before: str | None, timeout: float = 120.0) -> bool:
    """Wait until the server has saved an index other than the one saved ``before``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if saved_at(db) not in (None, before):
            return True
        time.sleep(0.2)
    return False


def spread(xs: list[float]) -> str:
    return f"median {statistics.median(xs):.2f} s ({min(xs):.2f}–{max(xs):.2f})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="an existing store (a copy is used)")
    ap.add_argument("--n", type=int, default=10000, help="articles of a built store")
    ap.add_argument("--keep", type=Path, help="where to keep a built store")
    ap.add_argument("--grow", type=int, default=100, help="articles added while serving")
    ap.add_argument("--starts", type=int, default=5,
                    help="starts timed from the saved index (at least 1)")
    args = ap.parse_args()
    args.starts = max(1, args.starts)
    work = Path(tempfile.mkdtemp(prefix="marsad-serve-"))
    if args.db is None:
        from bench.bench_api import build_store

        src = args.keep or work / "built.db"
        if not src.exists():
            build_store(args.n, src)
    else:
        src = args.db
    db = work / "serve.db"
    shutil.copyfile(src, db)
    subprocess.run([sys.executable, "-m", "marsad.cli", "fuse", "--db", str(db)], check=True,
                   capture_output=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    before = saved_at(db)  # a copied store may hold an index saved before its fusion
    server, port, wall, cpu = start(db)
    try:
        print(f"start after the fusion (the index built, then saved): first answer "
              f"{wall:.2f} s after launch, {cpu:.2f} s CPU of the server by then, on {src}")
        if not wait_saved(db, before):
            print("  the server saved no index in 120 s: the starts below build it too")
        walls, cpus = [], []
        for _ in range(args.starts):
            stop(server)
            server, port, wall, cpu = start(db)
            walls.append(wall)
            cpus.append(cpu)
        print(f"start from the saved index, {args.starts} runs: first answer {spread(walls)} "
              f"(target < 2 s), CPU {spread(cpus)}")
        for page, (med, worst, bad) in time_pages(port).items():
            print(f"  {page:<9} median {med:7.1f} ms  slowest {worst:7.1f} ms  errors {bad}"
                  f"{'' if med < TARGET_MS else '  (over the 300 ms target)'}")
        worst, shown, polls, errors = grow(port, db, args.grow)
        print(f"growth: {args.grow} articles ingested while serving: slowest of {polls} "
              f"answers {worst:.0f} ms (target < {TARGET_MS:.0f} ms), {errors} errors, new "
              f"articles shown after {shown:.1f} s")
    finally:
        stop(server)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
