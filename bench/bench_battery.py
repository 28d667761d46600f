"""Recall and false fires of the event battery (issue #14 §2): team-written sentences, one
per line, each with the PLOVER type it must yield ("!TYPE": must not yield).

    python bench/bench_battery.py                    # per-type recall and false fires
    python bench/bench_battery.py --misses           # also list every failed line
    python bench/bench_battery.py --type COERCE      # one type's lines only
    python bench/bench_battery.py --battery FILE     # another battery file, same format

Each sentence runs alone through the whole default pipeline; a positive line counts as
found when any event of its type is extracted, a negative line as a false fire when one is.
The battery (tests/fixtures/event-battery/battery.tsv) was written from general knowledge of
Arabic news language, not from any evaluation page, so it measures breadth that tuning on
the development pages does not give.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.eval.battery import tsv_rows  # noqa: E402
from marsad.ingest import RawArticle  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402

BATTERY = REPO / "tests" / "fixtures" / "event-battery" / "battery.tsv"


def read_battery(path: Path = BATTERY) -> list[tuple[str, str, str]]:
    """(expected type, form tag, sentence) of every line; "!TYPE" for a negative line."""
    return [(t, form, sentence)
            for t, form, sentence in tsv_rows(path, "TYPE<TAB>form<TAB>sentence")]


def run(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str, set[str]]]:
    """Every row with the set of event types the pipeline extracts from its sentence."""
    pipe = Pipeline()
    out = []
    for i, (want, form, text) in enumerate(rows):
        doc = pipe.process(RawArticle(f"b{i}", text, "text"))
        out.append((want, form, text, {ev.type for ev in doc.events}))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--misses", action="store_true", help="list every failed line")
    ap.add_argument("--type", help="only lines of this PLOVER type")
    ap.add_argument("--battery", type=Path, default=BATTERY, help="battery file (TSV)")
    args = ap.parse_args()
    rows = read_battery(args.battery)
    if args.type:
        rows = [r for r in rows if r[0].lstrip("!") == args.type]
    results = run(rows)
    pos, hit, neg, fired = Counter(), Counter(), Counter(), Counter()
    failed = []
    for want, form, text, got in results:
        t = want.lstrip("!")
        if want.startswith("!"):
            neg[t] += 1
            if t in got:
                fired[t] += 1
                failed.append(f"FALSE {t:9} {form:11} {text}")
        else:
            pos[t] += 1
            if t in got:
                hit[t] += 1
            else:
                failed.append(f"MISS  {t:9} {form:11} {text}   [got: {','.join(sorted(got))}]")
    print(f"{'type':9} {'recall':>12} {'false fires':>12}")
    for t in sorted(set(pos) | set(neg)):
        print(f"{t:9} {hit[t]:>4}/{pos[t]:<4} {hit[t] / max(pos[t], 1):.2f}"
              f" {fired[t]:>5}/{neg[t]:<4}")
    tp, tn = sum(pos.values()), sum(neg.values())
    print(f"{'all':9} {sum(hit.values()):>4}/{tp:<4} {sum(hit.values()) / max(tp, 1):.2f}"
          f" {sum(fired.values()):>5}/{tn:<4}")
    if args.misses:
        print("\n".join(failed))


if __name__ == "__main__":
    main()
