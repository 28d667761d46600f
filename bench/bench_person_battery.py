"""Person names the knowledge base does not know, by the class of how news names them
(helper 10m): team-written sentences with the PER spans they must yield.

    python bench/bench_person_battery.py            # per-class score
    python bench/bench_person_battery.py --misses   # also list every failed line

A line passes when the PER mention texts of its sentence are exactly its expected spans (a
decoy line expects none). Each sentence runs alone through the default pipeline up to
entities. The battery (tests/fixtures/person-battery.tsv) was written from general knowledge
of Arabic news language, not from any evaluation page.
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

BATTERY = REPO / "tests" / "fixtures" / "person-battery.tsv"


def read_battery(path: Path = BATTERY) -> list[tuple[str, str, frozenset[str]]]:
    """(class, sentence, expected PER texts) of every line."""
    return [(cls, sentence, frozenset(s.strip() for s in spans.split("|") if s.strip()))
            for cls, sentence, spans in tsv_rows(path, "class<TAB>sentence<TAB>spans")]


def people_in(pipe: Pipeline, text: str) -> frozenset[str]:
    """The PER mention texts the pipeline finds in one sentence."""
    doc = pipe.process(RawArticle("b", text, "text"))
    return frozenset(m.text for e in doc.entities if e.type == "PER" for m in e.mentions)


def score(rows: list[tuple[str, str, frozenset[str]]]
          ) -> tuple[Counter[str], Counter[str], list[tuple[str, str, frozenset[str],
                                                           frozenset[str]]]]:
    """Passed and total lines per class, and the failed lines with what was found."""
    pipe = Pipeline(("sentences", "tokens", "dates", "filing", "entities"))
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses = []
    for cls, text, want in rows:
        got = people_in(pipe, text)
        total[cls] += 1
        if got == want:
            passed[cls] += 1
        else:
            misses.append((cls, text, want, got))
    return passed, total, misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    passed, total, misses = score(read_battery())
    for cls in total:
        print(f"{cls:12} {passed[cls]:3}/{total[cls]:<3}")
    print(f"{'all':12} {sum(passed.values()):3}/{sum(total.values()):<3}")
    if args.misses:
        for cls, text, want, got in misses:
            print(f"- [{cls}] {text}\n    want {sorted(want)}  got {sorted(got)}")


if __name__ == "__main__":
    main()
