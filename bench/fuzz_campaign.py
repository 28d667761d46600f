"""A long fuzz campaign through the readers, the pipeline and the JSON Lines writer.

    python bench/fuzz_campaign.py                       # 2,000 inputs, seed 1
    python bench/fuzz_campaign.py -n 100000 --seed 7 --save /tmp/crashes

Inputs come from tests/fuzz/hostile.py: random bytes and unicode, mutated demo articles,
hostile HTML and hostile JSON Lines. Each is written to a file, read with
``marsad.ingest.read_paths`` and every article it yields goes through
``Pipeline.process_safe`` (under the per-article time budget) and into a JSON Lines record,
as ``marsad extract`` does. A crash is an exception that escapes any of these: it would
have stopped a run. Prints inputs/s, outcomes, crashes by class (exception type and the
line of Marsad it came from) and the slowest inputs with their time.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.doc import Failure  # noqa: E402
from marsad.export.jsonl import doc_to_record  # noqa: E402
from marsad.ingest import read_paths  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402
from tests.fuzz.hostile import (  # noqa: E402
    GENERATORS,
    REGRESSIONS,
    demo_articles,
    huge_article,
)

# How often each generator is drawn: mutated real articles exercise the pipeline most.
WEIGHTS = {"random bytes": 2, "random unicode": 2, "mutated article": 4, "hostile html": 2,
           "hostile jsonl": 2}


@dataclass
class Outcome:
    label: str  # generator and index
    suffix: str
    size: int
    seconds: float
    result: str  # "ok", "failed E010", "crash …"


def crash_class(stage: str, e: BaseException) -> str:
    """The exception type and the innermost line of Marsad it came from."""
    frames = traceback.extract_tb(e.__traceback__)
    ours = [f for f in frames if "/marsad/" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return f"{stage}: {type(e).__name__} at {where}"


def run_one(path: Path, pipeline: Pipeline, counts: Counter[str]) -> str:
    """Read, process and serialise one input file; the outcome, or "crash <class>"."""
    try:
        items = list(read_paths([str(path)]))
    except Exception as e:
        return "crash " + crash_class("reader", e)
    outcome = "ok"
    for item in items:
        try:
            res = pipeline.process_safe(item)
        except BaseException as e:  # noqa: BLE001 (a timeout escaping is a crash too)
            if isinstance(e, KeyboardInterrupt):
                raise
            return "crash " + crash_class("pipeline", e)
        if isinstance(res, Failure):
            counts[f"failed {res.code} ({res.stage})"] += 1
            outcome = f"failed {res.code}"
            continue
        try:
            json.dumps(doc_to_record(res), ensure_ascii=False).encode("utf-8")
        except Exception as e:
            return "crash " + crash_class("output", e)
        counts["articles extracted"] += 1
    return outcome


def campaign(n: int, seed: int, budget: float, save: Path | None, huge: int = 0
             ) -> list[Outcome]:
    rnd = random.Random(seed)
    articles = demo_articles()
    names = sorted(WEIGHTS)
    weights = [WEIGHTS[k] for k in names]
    pipeline = Pipeline(article_seconds=budget)
    pipeline.warm_up()
    counts: Counter[str] = Counter()
    outcomes: list[Outcome] = []
    inputs = [(f"regression: {k}", v) for k, v in sorted(REGRESSIONS.items())]
    inputs += [(f"huge article #{k}", huge_article(rnd, articles)) for k in range(huge)]
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n + len(inputs)):
            if i < len(inputs):
                label, (suffix, data) = inputs[i]
            else:
                gen = rnd.choices(names, weights)[0]
                args = (rnd, articles) if gen == "mutated article" else (rnd,)
                label, (suffix, data) = f"{gen} #{i}", GENERATORS[gen](*args)
            path = Path(tmp) / f"input{suffix}"
            path.write_bytes(data)
            # CPU time, as the budget counts it: a busy machine does not make an input slow
            t0 = time.process_time()
            result = run_one(path, pipeline, counts)
            outcomes.append(Outcome(label, suffix, len(data), time.process_time() - t0, result))
            if result.startswith("crash") and save is not None:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"crash-{i}{suffix}").write_bytes(data)
    campaign.counts = counts  # type: ignore[attr-defined]
    return outcomes


def report(outcomes: list[Outcome], seconds: float, budget: float, top: int) -> None:
    crashes = Counter(o.result[6:] for o in outcomes if o.result.startswith("crash"))
    results = Counter(o.result if not o.result.startswith("crash") else "crash"
                      for o in outcomes)
    print(f"{len(outcomes):,} inputs in {seconds:.1f} s: {len(outcomes) / seconds:.1f} inputs/s")
    print("outcomes: " + ", ".join(f"{k} {v:,}" for k, v in sorted(results.items())))
    counts: Counter[str] = getattr(campaign, "counts", Counter())
    print("articles: " + ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items())))
    print(f"crashes: {sum(crashes.values()):,}" + ("" if crashes else " (none)"))
    for cls, k in crashes.most_common():
        first = next(o for o in outcomes if o.result == "crash " + cls)
        print(f"  {k:6,}  {cls}   e.g. {first.label} ({first.size:,} bytes)")
    slack = 0.5  # the timer fires between bytecodes: one long C call may overrun a little
    unreported = [o for o in outcomes if o.seconds > budget + slack and "E022" not in o.result]
    print(f"inputs over the budget of {budget:g} s of CPU not reported as such: "
          f"{len(unreported)}")
    print(f"slowest {top} inputs (CPU seconds):")
    for o in sorted(outcomes, key=lambda o: -o.seconds)[:top]:
        print(f"  {o.seconds:7.3f} s  {o.label:<40} {o.suffix:<6} {o.size:>10,} bytes  "
              f"{o.result}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=2000, help="generated inputs (default 2,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--article-seconds", type=float, default=5.0,
                    help="the per-article time budget (default 5)")
    ap.add_argument("--top", type=int, default=10, help="slowest inputs shown (default 10)")
    ap.add_argument("--save", type=Path, default=None, help="keep crashing inputs here")
    ap.add_argument("--huge", type=int, default=0,
                    help="also this many articles of 20 MB (the reader's size limit)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    outcomes = campaign(args.n, args.seed, args.article_seconds, args.save, args.huge)
    report(outcomes, time.perf_counter() - t0, args.article_seconds, args.top)
    return 1 if any(o.result.startswith("crash") for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
