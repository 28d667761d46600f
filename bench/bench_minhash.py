"""Marsad's MinHash (SHAKE-256 lanes, :mod:`marsad.fuse.dedup`) against ``datasketch``'s, on
the shingles of distinct generated articles (issue #19: adopt datasketch only if faster).

    python bench/bench_minhash.py [--n 3000] [--repeat 3]

Both compute 128-value signatures of the same word 5-shingle sets (shingling is timed
apart: it is the same for both). Prints the median CPU time per article of each; datasketch
is timed one ``MinHash`` per article (``update_batch``) and in bulk (``MinHash.bulk``).
``pip install datasketch`` first (it is not a Marsad dependency).
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

from bench.corpus_gen import articles  # noqa: E402
from marsad.fuse.dedup import NUM_HASHES, minhash_signature, shingles  # noqa: E402


def cpu_ms_per_article(fn: Callable[[], object], n: int, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return 1000 * statistics.median(times) / n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = list(dict.fromkeys(a["text"] for a in articles(args.n, seed=11)))  # distinct
    n = len(texts)
    sets: list[set[str]] = []
    print(f"{n} distinct articles, {NUM_HASHES} hashes; median CPU ms per article")
    shingling = cpu_ms_per_article(lambda: sets.extend(shingles(t) for t in texts), n, 1)
    print(f"  shingling (both)      {shingling:.3f}")
    ours = cpu_ms_per_article(lambda: [minhash_signature(s) for s in sets], n, args.repeat)
    print(f"  marsad (SHAKE-256)    {ours:.3f}")
    try:
        from datasketch import MinHash
    except ImportError:
        print("  datasketch            not installed (pip install datasketch)")
        return 0
    encoded = [[s.encode("utf-8") for s in sh] for sh in sets]

    def one_each() -> None:
        for sh in encoded:
            m = MinHash(num_perm=NUM_HASHES)
            m.update_batch(sh)

    print(f"  datasketch MinHash    {cpu_ms_per_article(one_each, n, args.repeat):.3f}")
    bulk = cpu_ms_per_article(lambda: MinHash.bulk(encoded, num_perm=NUM_HASHES), n,
                              args.repeat)
    print(f"  datasketch bulk       {bulk:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
