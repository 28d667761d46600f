"""Varied templated Arabic news articles for benchmarks: real knowledge-base names (people,
organisations, cities and bases with coordinates), several event types per article, dates
spread over 2019-2025, 40 outlets, and one article in ten a wire copy of an earlier one (so
stories have independent and syndicated sources).

    python bench/corpus_gen.py OUT.jsonl --n 10000 [--seed 7]

Writes JSON Lines in the input format of ``marsad ingest`` (``id``, ``text``, ``published``,
``outlet``, ``url``). Used by ``bench/bench_api.py``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"]
OUTLETS = [f"outlet{i:02d}.example" for i in range(40)]
TOPICS = ["التعاون العسكري", "الأوضاع الأمنية", "ملف الطاقة", "الانتخابات المقبلة",
          "إعادة الإعمار", "أمن الحدود", "الهجرة غير النظامية", "تبادل الأسرى",
          "إمدادات القمح", "الاستثمارات المشتركة"]
# (PLOVER type the sentence should yield, template); {a} {b} people, {o} an organisation,
# {c} a city, {f} a base, {d} a date, {t} a topic
TEMPLATES = [
    ("CONSULT", "والتقى {a} مع {b} في {c} يوم {d}، وبحث الجانبان {t}."),
    ("CONSULT", "واستقبل {a} في {c} {b} يوم {d} لبحث {t}."),
    ("AGREE", "ووقع {a} و{b} في {c} يوم {d} اتفاقا بشأن {t}."),
    ("ACCUSE", "واتهم {a} {b} يوم {d} بعرقلة {t}."),
    ("ASSAULT", "وقصفت {o} يوم {d} مواقع قرب {f} في محيط {c}."),
    ("AID", "وأرسلت {o} يوم {d} شحنة أسلحة إلى {c} عبر {f}."),
]
FILLER = ["وقال مراقبون إن اللقاء يأتي في ظرف إقليمي معقد.",
          "ولم تصدر أي تفاصيل إضافية عن مضمون المباحثات.",
          "ويأتي ذلك بعد أسابيع من التوتر في المنطقة.",
          "وأكدت مصادر مطلعة أن الاتصالات ستستمر خلال الأيام المقبلة.",
          "وتشهد البلاد انقساما سياسيا منذ سنوات."]


def _names() -> dict[str, list[str]]:
    from marsad.kb import default_kb

    kb = default_kb()
    out: dict[str, list[str]] = {"PER": [], "ORG": [], "CITY": [], "BASE": []}
    for e in kb.entries.values():
        if not e.name_ar:
            continue
        if e.type == "PER" and len(out["PER"]) < 120:
            out["PER"].append(e.name_ar)
        elif e.type == "ORG" and len(out["ORG"]) < 40:
            out["ORG"].append(e.name_ar)
        elif e.type == "FAC" and e.name_ar.startswith("قاعدة") and len(out["BASE"]) < 30:
            out["BASE"].append(e.name_ar)
    # cities of the region with coordinates, most populous first
    cities = sorted((e for e in kb.entries.values() if e.type == "GPE" and e.lat is not None
                     and e.country in ("libya", "russia", "egypt", "turkey", "syria", "sudan",
                                       "mali", "niger", "chad", "tunisia", "algeria")),
                    key=lambda e: -(e.population or 0))
    out["CITY"] = [e.name_ar for e in cities[:60]]
    return out


def articles(n: int, *, seed: int = 7) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    names = _names()
    made: list[dict[str, Any]] = []
    start = date(2019, 1, 1)
    for i in range(n):
        outlet = rng.choice(OUTLETS)
        if made and rng.random() < 0.1:  # a wire copy of a recent article by another outlet
            src = rng.choice(made[-300:])
            art = {**src, "id": f"bench_{i:05d}", "outlet": outlet,
                   "url": f"https://{outlet}/news/{i}",
                   "text": src["text"] + "\n(وكالات)"}
            made.append(art)
            yield art
            continue
        day = start + timedelta(days=rng.randrange(0, 7 * 365))
        published = day + timedelta(days=rng.randrange(0, 3))
        d = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        a, b = rng.sample(names["PER"], 2)
        slots = {"a": a, "b": b, "o": rng.choice(names["ORG"]), "c": rng.choice(names["CITY"]),
                 "f": rng.choice(names["BASE"]), "d": d, "t": rng.choice(TOPICS)}
        picked = rng.sample(TEMPLATES, rng.randint(1, 3))
        title = picked[0][1].format(**slots).lstrip("و").split("،")[0].rstrip(".")
        body = [t.format(**slots) for _, t in picked]
        body += rng.sample(FILLER, rng.randint(1, 3))
        rng.shuffle(body)
        art = {"id": f"bench_{i:05d}", "outlet": outlet, "url": f"https://{outlet}/news/{i}",
               "published": published.isoformat(), "text": title + "\n" + "\n".join(body)}
        made.append(art)
        yield art


def write_jsonl(arts: Iterable[dict], path: Path) -> int:
    """Articles as JSON Lines (Arabic kept as text, not escapes); how many were written."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for art in arts:
            fh.write(json.dumps(art, ensure_ascii=False) + "\n")
            n += 1
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    write_jsonl(articles(args.n, seed=args.seed), args.out)
    print(f"{args.n} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
