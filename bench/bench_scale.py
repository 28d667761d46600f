"""How ingest and fusion scale with the corpus (issue #19): CPU and wall time, peak memory and
store size at 10,000 and 30,000 generated distinct articles (100,000 with ``--big``), ingest
with ``--jobs 1`` and ``--jobs 2`` side by side, and incremental fusion of 1% more articles
against a full re-fusion of the same store.

    python bench/bench_scale.py                    # 10k and 30k, --jobs 1 and 2, fusion
    python bench/bench_scale.py --sizes 2000 10000 --jobs 1 2 --format folder
    python bench/bench_scale.py --big              # adds 100k (tens of minutes on 2 cores)
    python bench/bench_scale.py --sizes 10000 --ray   # and --engine ray beside --jobs
    python bench/bench_scale.py --jobs 1 --sizes 10000 30000 100000   # fusion figures only

Incremental fusion (rows ``fuse+1%`` and ``full+1%``): the fused store of ``n`` articles is
copied twice, the next ``n/100`` generated articles (distinct; one in ten a wire copy of a
recent article, so some join saved near-duplicate groups) are ingested into both, then one
copy runs ``marsad fuse`` (incremental: the saved fusion is extended) and the other
``marsad fuse --full``; the last line gives the ratio of their CPU and wall times.

The articles come from ``bench/corpus_gen.py`` (seeded templated Arabic news: knowledge-base
names, several events each, one in ten a wire copy under another outlet), written once per
size as JSON Lines (or a folder of .txt files with ``--format folder``) under ``--workdir``.
Every run is ``marsad ingest`` (or ``marsad fuse``) in a fresh process, so the figures are
that process's own: wall time, CPU of the process and of its worker processes, the peak
resident memory of the process and of its largest worker (``getrusage``), and the store's
size on disk. ``--in-memory`` adds a row ``memory``: a copy of the store fused in full
holding every record (``marsad.fuse.run.fuse_in_memory``, the full fusion before it ran in
bounded chunks) beside the row ``fuse`` (the store's first fusion: in chunks). The load
average of the host is printed with every row: the machine may be shared, and CPU time is
the fairer figure then.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.corpus_gen import articles, write_jsonl  # noqa: E402

# Runs one marsad command and prints what getrusage says of it and of its workers; the
# command "fuse-in-memory DB" is the full fusion holding every record (before issue #19).
DRIVER = """
import json, resource, sys, time
from marsad.cli import main
from marsad.fuse.run import fuse_in_memory
from marsad.store import open_store
def in_memory(db):
    with open_store(db, create=False) as st:
        fuse_in_memory(st)
    return 0
t0, c0 = time.perf_counter(), time.process_time()
rc = in_memory(sys.argv[2]) if sys.argv[1] == "fuse-in-memory" else main(sys.argv[1:])
wall = time.perf_counter() - t0
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": rc, "wall": wall, "cpu": me.ru_utime + me.ru_stime,
                  "cpu_workers": kids.ru_utime + kids.ru_stime,
                  "rss_mb": me.ru_maxrss / 1024, "rss_worker_mb": kids.ru_maxrss / 1024}))
"""


def corpus(workdir: Path, n: int, fmt: str, seed: int) -> Path:
    """The generated corpus of ``n`` articles (written once, then reused)."""
    path = workdir / (f"articles_{n}_{seed}.jsonl" if fmt == "jsonl" else f"articles_{n}_{seed}")
    if path.exists():
        return path
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "jsonl":
        write_jsonl(articles(n, seed=seed), tmp)
    else:
        tmp.mkdir()
        for i, art in enumerate(articles(n, seed=seed)):
            sub = tmp / f"{i // 1000:03d}"
            sub.mkdir(exist_ok=True)
            (sub / f"{art['id']}.txt").write_text(f"{art['published']}\n{art['text']}\n",
                                                  encoding="utf-8")
    tmp.rename(path)
    return path


def extra_corpus(workdir: Path, n: int, seed: int) -> Path:
    """The ``n // 100`` articles the generator gives after the first ``n`` (JSON Lines)."""
    path = workdir / f"extra_{n}_{seed}.jsonl"
    if not path.exists():
        more = articles(n + max(1, n // 100), seed=seed)
        write_jsonl(itertools.islice(more, n, None), path)
    return path


def copy_store(db: Path, to: Path) -> Path:
    for old in to.parent.glob(to.name + "*"):
        old.unlink()
    for f in db.parent.glob(db.name + "*"):  # the database and its WAL, if any
        shutil.copy(f, to.parent / (to.name + f.name[len(db.name):]))
    return to


def increment(workdir: Path, n: int, fused: Path, seed: int) -> None:
    """Rows ``fuse+1%`` (incremental) and ``full+1%`` (``fuse --full``) on copies of the fused
    store ``fused`` with 1% more articles ingested, and the ratio of their costs."""
    extra = extra_corpus(workdir, n, seed)
    inc = copy_store(fused, workdir / f"store_{n}_inc.db")
    run(["ingest", str(extra), "--db", str(inc), "--jobs", "1"])
    full = copy_store(inc, workdir / f"store_{n}_full.db")
    rows = {}
    for step, db, flags in (("fuse+1%", inc, []), ("full+1%", full, ["--full"])):
        r = rows[step] = run(["fuse", *flags, "--db", str(db)])
        print(ROW.format(step=step, n=n, jobs=1, store=store_mb(db),
                         per=1000 * (r["cpu"] + r["cpu_workers"]) / n, **r), flush=True)
    a, b = rows["fuse+1%"], rows["full+1%"]
    print(f"  incremental +1% / full: CPU {a['cpu'] / b['cpu']:.1%}, wall "
          f"{a['wall'] / b['wall']:.1%} ({a['summary'][:160]})", flush=True)


def run(args: list[str]) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", DRIVER, *args], env=env,
                          capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"marsad {' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    out: dict[str, Any] = json.loads(lines[-1])
    out["load"] = os.getloadavg()[0]
    out["summary"] = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    return out


def store_mb(db: Path) -> float:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6


ROW = ("{step:<7} {n:>7} {jobs:>4} {wall:>8.1f} {cpu:>8.1f} {cpu_workers:>8.1f} {per:>7.2f} "
       "{rss_mb:>7.0f} {rss_worker_mb:>8.0f} {store:>8.1f} {load:>5.1f}")
HEAD = (f"{'step':<7} {'n':>7} {'jobs':>4} {'wall s':>8} {'cpu s':>8} {'wrk cpu':>8} "
        f"{'ms/art':>7} {'rss MB':>7} {'wrk MB':>8} {'store MB':>8} {'load':>5}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000])
    ap.add_argument("--big", action="store_true", help="also 100,000 articles")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--format", choices=("jsonl", "folder"), default="jsonl")
    ap.add_argument("--no-fuse", action="store_true", help="ingest only")
    ap.add_argument("--no-increment", action="store_true",
                    help="no incremental fusion of 1%% more articles")
    ap.add_argument("--ray", action="store_true",
                    help="also ingest with --engine ray (a local Ray with the most --jobs "
                         "actors; its actors' CPU is not counted: wall time only)")
    ap.add_argument("--in-memory", action="store_true",
                    help="also fuse a copy of each store in full holding every record (the "
                         "full fusion before issue #19), beside the bounded one (row memory)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", type=Path, default=None,
                    help="where corpora and stores go (default: a temporary folder)")
    args = ap.parse_args()
    sizes = args.sizes + ([100_000] if args.big else [])
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="marsad-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"cpus {os.cpu_count()}, workdir {workdir}; wall and CPU in seconds, ms/art = "
          "(cpu + wrk cpu) per article, rss = peak of the process, wrk = of its largest worker")
    print(HEAD)
    for n in sizes:
        src = corpus(workdir, n, args.format, args.seed)
        for jobs in args.jobs:
            db = workdir / f"store_{n}_j{jobs}.db"
            for old in db.parent.glob(db.name + "*"):
                old.unlink()
            r = run(["ingest", str(src), "--db", str(db), "--jobs", str(jobs),
                     "--batch-size", str(args.batch_size)])
            print(ROW.format(step="ingest", n=n, jobs=jobs, store=store_mb(db),
                             per=1000 * (r["cpu"] + r["cpu_workers"]) / n, **r), flush=True)
        if args.ray:
            jobs = max(args.jobs)
            db = workdir / f"store_{n}_ray.db"
            for old in db.parent.glob(db.name + "*"):
                old.unlink()
            r = run(["ingest", str(src), "--db", str(db), "--engine", "ray", "--jobs",
                     str(jobs), "--batch-size", str(args.batch_size)])
            print(ROW.format(step="ray", n=n, jobs=jobs, store=store_mb(db),
                             per=1000 * (r["cpu"] + r["cpu_workers"]) / n, **r), flush=True)
        if not args.no_fuse:
            db = workdir / f"store_{n}_j{args.jobs[0]}.db"
            if args.in_memory:
                mem = copy_store(db, workdir / f"store_{n}_memory.db")
                r = run(["fuse-in-memory", str(mem)])
                print(ROW.format(step="memory", n=n, jobs=1, store=store_mb(mem),
                                 per=1000 * (r["cpu"] + r["cpu_workers"]) / n, **r), flush=True)
            r = run(["fuse", "--db", str(db)])
            print(ROW.format(step="fuse", n=n, jobs=1, store=store_mb(db),
                             per=1000 * (r["cpu"] + r["cpu_workers"]) / n, **r), flush=True)
            if not args.no_increment:
                increment(workdir, n, db, args.seed)
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
