"""A bounded load test of `marsad serve`, on the loopback only (issue #15).

    python bench/load_test.py --n 2000 --rate 50 --seconds 30     # builds the store first
    python bench/load_test.py --db corpus.db --rate 50 --seconds 30 --idle 1000

Starts ``marsad serve`` on 127.0.0.1 (a separate process, so the load generator does not
share its interpreter), then:

1. **Rate**: sends ``--rate`` requests per second for ``--seconds`` seconds on a fixed
   schedule (open loop: a late answer does not delay the next request, and latency is
   counted from the scheduled send time, so a stalled server shows in the tail), mixing the
   workbench's API calls. Prints requests, errors, p50, p99 and the slowest.
2. **Idle connections**: opens ``--idle`` connections that send nothing, then sends normal
   requests; every one must answer 200. Then checks that the server closes the idle ones
   (its request timeout).

Without ``--db`` it writes ``--n`` templated articles (``bench/corpus_gen.py``) and ingests
them into a temporary store (``--keep PATH`` keeps it). Never targets another host.
"""

from __future__ import annotations

import argparse
import http.client
import os
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

HOST = "127.0.0.1"  # loopback only, by design
TARGET_P99_MS = 500.0


def start_server(db: Path, port: int, request_timeout: float) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("MARSAD_TOKEN", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli", "serve", "--db", str(db), "--host", HOST,
         "--port", str(port), "--request-timeout", str(request_timeout)],
        env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {proc.stderr.read().decode()[-2000:]}")
        try:
            if get(port, "/api/overview")[0] == 200:
                return proc
        except OSError:
            time.sleep(0.02)  # (0.2 s steps added up to 0.2 s to bench_serve's start figure)
    proc.kill()
    raise SystemExit("the server did not start in 300 s")


def get(port: int, path: str, conn: http.client.HTTPConnection | None = None
        ) -> tuple[int, bytes]:
    c = conn or http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        c.request("GET", path)
        r = c.getresponse()
        return r.status, r.read()
    finally:
        if conn is None:
            c.close()


def request_mix(port: int, n: int) -> list[str]:
    """``n`` calls behind the pages, with real keys from the store, mostly distinct: each
    kind of call cycles over many entities, stories, articles, words, offsets and filters,
    so the figure is not that of one warm answer served again (the server remembers each
    rendered answer per index; a benchmark of repeats would measure that memory only)."""
    import json

    ents = json.loads(get(port, "/api/entities?limit=300")[1])["items"]
    stories = json.loads(get(port, "/api/stories?limit=2000")[1])["items"]
    events = json.loads(get(port, "/api/events?limit=2000")[1])["items"]
    keys = [e["key"] for e in ents] or ["none"]
    words = [e["name"] for e in ents if e.get("name")] or ["موسكو"]
    sids = [s["id"] for s in stories] or ["none"]
    docs = sorted({e["doc_id"] for e in events}) or ["none"]
    types = sorted({s["type"] for s in stories}) or ["CONSULT"]
    kinds = [
        lambda i: "/api/overview",
        lambda i: "/api/timeline" + ("" if i % 3 == 0 else
                                     f"?type={types[i % len(types)]}"),
        lambda i: "/api/places" + ("" if i % 2 else f"?entity={keys[i % len(keys)]}"),
        lambda i: f"/api/entities/{keys[i % len(keys)]}",
        lambda i: f"/api/stories/{sids[(i * 7) % len(sids)]}",
        lambda i: "/api/articles/" + quote(docs[(i * 11) % len(docs)]),
        lambda i: f"/api/stories?limit=50&offset={50 * (i % 40)}",
        lambda i: "/api/network" + ("" if i % 2 else f"?entity={keys[i % len(keys)]}"),
        lambda i: "/api/search?q=" + quote(words[i % len(words)]),
        lambda i: "/stories" + ("" if i % 2 else f"?type={types[i % len(types)]}"),
    ]
    return [kinds[i % len(kinds)](i // len(kinds)) for i in range(n)]


def run_rate(port: int, paths: list[str], rate: float, seconds: float,
             workers: int) -> tuple[list[float], list[str]]:
    """Open-loop load: request i is due at t0 + i/rate; latency counts from that moment."""
    total = int(rate * seconds)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    next_i = iter(range(total))
    t0 = time.perf_counter() + 0.2

    def worker() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        while True:
            with lock:
                i = next(next_i, None)
            if i is None:
                break
            due = t0 + i / rate
            time.sleep(max(0.0, due - time.perf_counter()))
            try:
                status, _ = get(port, paths[i % len(paths)], conn)
                if status != 200:
                    raise OSError(f"HTTP {status}")
            except (OSError, http.client.HTTPException) as e:
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
                with lock:
                    errors.append(f"{paths[i % len(paths)]}: {e}")
                continue
            with lock:
                latencies.append(time.perf_counter() - due)
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors


def idle_check(port: int, n_idle: int, n_requests: int, request_timeout: float) -> dict:
    """``n_idle`` silent connections, then ``n_requests`` normal ones."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < n_idle + 64:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, n_idle + 256), hard))
    idle = []
    for _ in range(n_idle):
        idle.append(socket.create_connection((HOST, port), timeout=10))
    statuses = []
    for _ in range(n_requests):
        try:
            statuses.append(get(port, "/api/overview")[0])
        except (OSError, http.client.HTTPException) as e:
            statuses.append(str(e))
    time.sleep(request_timeout + 2)
    closed = 0
    for s in idle:
        s.settimeout(0.5)
        try:
            closed += s.recv(1) == b""
        except TimeoutError:
            pass
        except OSError:
            closed += 1
        s.close()
    return {"idle": n_idle, "ok": statuses.count(200), "requests": n_requests,
            "failed": [s for s in statuses if s != 200][:5], "closed_by_server": closed}


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] * 1000 if xs else 0.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="an existing store (else one is built)")
    ap.add_argument("--n", type=int, default=2000, help="articles of the built store")
    ap.add_argument("--keep", type=Path, help="where to keep the built store")
    ap.add_argument("--rate", type=float, default=50.0, help="requests per second")
    ap.add_argument("--seconds", type=float, default=30.0, help="duration of the rate test")
    ap.add_argument("--workers", type=int, default=16, help="client threads")
    ap.add_argument("--idle", type=int, default=1000, help="idle connections to open")
    ap.add_argument("--request-timeout", type=float, default=10.0,
                    help="the server's --request-timeout")
    args = ap.parse_args()

    db = args.db
    if db is None:
        from bench.bench_api import build_store

        db = args.keep or Path(tempfile.mkdtemp(prefix="marsad-load-")) / "load.db"
        if not db.exists():
            build_store(args.n, db)
    port = free_port()
    server = start_server(db, port, args.request_timeout)
    try:
        paths = request_mix(port, int(args.rate * args.seconds))
        print(f"mix: {len(paths)} requests, {len(set(paths))} distinct paths")
        lat, errors = run_rate(port, paths, args.rate, args.seconds, args.workers)
        p99 = pct(lat, 99)
        print(f"rate: {args.rate:g} rps for {args.seconds:g} s on {db}: {len(lat) + len(errors)} "
              f"requests, {len(errors)} errors, p50 {pct(lat, 50):.1f} ms, p99 {p99:.1f} ms, "
              f"max {pct(lat, 100):.1f} ms (target p99 < {TARGET_P99_MS:.0f} ms)")
        for e in errors[:5]:
            print(f"  error: {e}")
        idle = idle_check(port, args.idle, 20, args.request_timeout)
        print(f"idle: {idle['idle']} silent connections open, {idle['ok']}/{idle['requests']} "
              f"normal requests answered 200, {idle['closed_by_server']} idle connections "
              f"closed by the server after its {args.request_timeout:g} s request timeout")
        for f in idle["failed"]:
            print(f"  failed: {f}")
        ok = not errors and p99 < TARGET_P99_MS and idle["ok"] == idle["requests"]
        return 0 if ok else 1
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
