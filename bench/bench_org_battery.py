"""Organisation battery (tests/fixtures/org-battery.yaml): per class of organisation name,
how many team-written sentences yield their organisations with the right bounds and no
organisation where there is none.

    python bench/bench_org_battery.py            # per-class passes
    python bench/bench_org_battery.py --misses   # also every failed case and what was found

A case passes when every expected name matches an ORG mention as the held-out scorer
matches aliases (folded, one leading clitic and article may go) and no `not` string is a
mention of any type. The battery was written from general knowledge of Arabic news
language, not from any evaluation page.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.eval.heldout import fold_key, key_variants  # noqa: E402
from marsad.ingest import RawArticle  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402

BATTERY = REPO / "tests" / "fixtures" / "org-battery.yaml"


def read_cases(path: Path = BATTERY) -> list[dict[str, Any]]:
    """The battery's cases: cls, s (the sentence), org and not (lists of strings)."""
    import yaml
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"])


def check(case: dict[str, Any], mentions: list[tuple[str, str, bool]]) -> list[str]:
    """What is wrong with the mentions (text, type, linked) found in the case's sentence.
    A linked mention with a descriptor before the name ("قناة X" linked to X's entry) is
    scored by its key, so it counts as found."""
    wrong = []
    orgs = [(key_variants(t), fold_key(t), linked) for t, ty, linked in mentions if ty == "ORG"]
    for name in case.get("org") or ():
        want, tail = key_variants(name), " " + fold_key(name)
        if not any(want & got or (linked and whole.endswith(tail)) for got, whole, linked in orgs):
            wrong.append(f"missed {name}")
    every = [key_variants(t) for t, _, _ in mentions]
    for name in case.get("not") or ():
        if any(key_variants(name) & got for got in every):
            wrong.append(f"false {name}")
    return wrong


def run(cases: list[dict[str, Any]]
        ) -> list[tuple[dict[str, Any], list[str], list[tuple[str, str, bool]]]]:
    pipe = Pipeline(("sentences", "tokens", "dates", "filing", "entities"))
    out = []
    for n, case in enumerate(cases):
        doc = pipe.process(RawArticle(f"b{n}", case["s"], "text"))
        mentions = [(m.text, e.type, bool(e.kb_id) and not e.kb_id.startswith("_"))
                    for e in doc.entities for m in e.mentions]
        out.append((case, check(case, mentions), mentions))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    results = run(read_cases())
    total, passed = Counter[str](), Counter[str]()
    for case, wrong, mentions in results:
        total[case["cls"]] += 1
        passed[case["cls"]] += not wrong
        if wrong and args.misses:
            found = ", ".join(f"{t}/{ty}" for t, ty, _ in mentions)
            print(f"[{case['cls']}] {case['s']}\n    {'; '.join(wrong)} | found: {found}")
    for cls in total:
        print(f"{cls:12s} {passed[cls]:3d}/{total[cls]:<3d}")
    print(f"{'all':12s} {sum(passed.values()):3d}/{sum(total.values()):<3d}")


if __name__ == "__main__":
    main()
