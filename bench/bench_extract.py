"""Benchmark of the extract step: articles/s, sentences/s, per-stage cost, peak memory.

    python bench/bench_extract.py                 # every distinct article at hand, one pass
    python bench/bench_extract.py --corpus DIR [--corpus DIR …] [--repeat N --runs N]
    python bench/bench_extract.py --generated 1000   # add distinct generated articles

By default one pass over distinct articles only: the real captures, seeds and event-set
articles of ../shared when present, the bundled demo corpus and the team's fixtures (event,
NER and furniture sets); without ../shared, 300 distinct generated articles as well (the
first line says which corpus was read). A corpus repeated warms every cache on its second
copy and flatters the figure, so ``--repeat`` and ``--runs`` (default 1) are for comparing
code on one corpus only. Figures, per stage too, are CPU time of this process (what one
core spent), with the median cost of one article. Peak memory is the process's maximum
resident set size (resources included).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.doc import Failure  # noqa: E402
from marsad.errors import IngestError  # noqa: E402
from marsad.ingest import RawArticle, read_paths  # noqa: E402
from marsad.pipeline import Pipeline, make_doc  # noqa: E402


def generated(n: int, seed: int = 11) -> list[RawArticle]:
    """``n`` distinct templated articles (bench/corpus_gen.py: names, numbers, places and
    sentences vary), for a clone without the team's shared corpus."""
    from bench.corpus_gen import articles as gen

    return [RawArticle(a["id"], a["text"], "text", published=a.get("published"),
                       outlet=a.get("outlet")) for a in gen(n, seed=seed)]


def default_corpora() -> list[Path]:
    shared = REPO.parent / "shared" / "corpus"
    fixtures = REPO / "tests" / "fixtures"
    found = [shared / "real" / "docs", shared / "seeds", REPO / "marsad" / "data" / "demo",
             fixtures / "event-set" / "articles", fixtures / "ner-set", fixtures / "furniture"]
    return [p for p in found if p.is_dir()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, action="append", default=None)
    ap.add_argument("--repeat", type=int, default=1, help="copies of the corpus per run")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--generated", type=int, default=None,
                    help="also this many distinct generated articles (default: 300 when the "
                         "shared corpus is absent, else 0)")
    args = ap.parse_args()
    corpora = args.corpus or default_corpora()
    n_gen = args.generated if args.generated is not None else (
        0 if args.corpus or (REPO.parent / "shared" / "corpus").is_dir() else 300)
    corpus = " + ".join(str(c) for c in corpora) + (
        f" + {n_gen} generated articles (bench/corpus_gen.py)" if n_gen else "")

    t0 = time.perf_counter()
    pipe = Pipeline()
    pipe.warm_up()
    load_s = time.perf_counter() - t0

    articles = [a for a in read_paths(corpora) if isinstance(a, RawArticle)] + generated(n_gen)
    if not articles:
        print(f"no articles in {corpus}", file=sys.stderr)
        return 1
    work = articles * args.repeat
    chars = sum(len(a.content) for a in work)

    host_before = _host_loop_ms()
    run_secs: list[float] = []
    run_cpu: list[float] = []  # process CPU time: what one core spent, whatever else runs
    stage: dict[str, list[float]] = {"clean": []} | {c.name: [] for c in pipe.components}
    per_article: list[float] = []  # CPU ms of each article, first run
    n_sent = 0
    for _ in range(args.runs):
        per_stage = dict.fromkeys(stage, 0.0)
        n_sent = 0
        t_run = time.perf_counter()
        c_run = time.process_time()
        for art in work:
            c_art = time.process_time()
            t = time.process_time()
            try:
                doc = make_doc(art)
            except IngestError:
                # a page with no article text left after its furniture is refused, as
                # `extract` refuses it: its cleaning time counts, it adds no sentence
                per_stage["clean"] += time.process_time() - t
                continue
            per_stage["clean"] += time.process_time() - t
            for comp in pipe.components:
                t = time.process_time()
                comp.fn(doc, pipe.resources)
                per_stage[comp.name] += time.process_time() - t
            n_sent += len(doc.sentences)
            if len(run_secs) == 0:
                per_article.append(1e3 * (time.process_time() - c_art))
        run_secs.append(time.perf_counter() - t_run)
        run_cpu.append(time.process_time() - c_run)
        for k, v in per_stage.items():
            stage[k].append(v)
    # sanity: the same corpus through the public batch API, failures counted
    failures = sum(isinstance(r, Failure) for r in pipe.pipe(articles))

    med = statistics.median(run_secs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {corpus} ({len(articles)} articles x {args.repeat} = {len(work)}; "
          f"{chars / len(work):.0f} chars/article; {n_sent} sentences/run; "
          f"{failures} failures)")
    print(f"resources load: {load_s:.2f} s (knowledge base, matchers, triggers)")
    print(f"runs: {args.runs}; median run {med:.3f} s "
          f"(min {min(run_secs):.3f}, max {max(run_secs):.3f})")
    cpu = statistics.median(run_cpu)
    print(f"articles/s: {len(work) / med:,.1f} wall-clock, {len(work) / cpu:,.1f} per CPU-second")
    print(f"CPU per article: median {statistics.median(per_article):.2f} ms, "
          f"90th percentile {sorted(per_article)[int(0.9 * (len(per_article) - 1))]:.2f} ms")
    print(f"sentences/s: {n_sent / med:,.0f} wall-clock ({1e3 * med / n_sent:.3f} ms/sentence); "
          f"{n_sent / cpu:,.0f} per CPU-second of one core")
    print("per stage (CPU ms per sentence, median run; share of the run's CPU time):")
    for k, v in stage.items():
        m = statistics.median(v)
        print(f"  {k:<10} {1e3 * m / n_sent:8.4f} ms  ({100 * m / cpu:5.1f}%)")
    text_layer = sum(statistics.median(stage[k]) for k in ("clean", "sentences", "tokens",
                                                            "dates") if k in stage)
    print(f"text layer (clean+sentences+tokens+dates): {1e3 * text_layer / n_sent:.4f} "
          "CPU ms/sentence")
    print(f"peak memory (max RSS): {peak_mb:,.0f} MiB")
    # The same pure-Python loop timed before and after the runs: how fast this host's core
    # was while measuring (a shared virtual machine's speed drifts from run to run), so
    # figures from different runs or machines can be put side by side.
    print(f"host reference loop (sum of 10M ints): {host_before:.0f} ms before, "
          f"{_host_loop_ms():.0f} ms after (lower is a faster core)")
    return 0


def _host_loop_ms() -> float:
    times = []
    for _ in range(5):
        t = time.perf_counter()
        sum(range(10_000_000))
        times.append(time.perf_counter() - t)
    return 1e3 * statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
