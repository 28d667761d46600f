"""Benchmark of the corpus store: ingest N generated articles into a fresh SQLite store, then
fuse it (near-duplicates, entities, stories, profiles) and save the fusion.

    python bench/bench_ingest.py                      # 10,000 articles, 2 worker processes
    python bench/bench_ingest.py -n 2000 --jobs 1 --keep /tmp/bench.db

Articles are generated from templates the team wrote in Arabic news style (below): a
dateline, a lead sentence built from one of several event templates per PLOVER type (a
meeting, a visit, talks, an agreement, aid, a deployment, a strike, an accusation), with
actors drawn from the knowledge base's people and their titles, places from its cities,
days of the week and of the month, an attribution, one or two background sentences, and page
furniture ("اقرأ أيضا", share buttons, copyright lines). A share of them are syndicated copies
of an earlier article under another outlet and dateline, and some report the same meeting as
another outlet in other words, so fusion has real work. The generator is seeded
(``--seed``), so every run ingests the same corpus.

Prints articles/s of the ingest, the peak resident memory of this process and of its worker
processes, the store's size, and the time of each fusion step.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.cli import main as marsad  # noqa: E402
from marsad.fuse import fuse_store  # noqa: E402
from marsad.store import open_store  # noqa: E402

KB = REPO / "marsad" / "data" / "kb"

WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"]
OUTLETS = ["وكالة الأنباء الليبية", "بوابة الوسط", "العربي الجديد", "سبوتنيك عربي",
           "روسيا اليوم", "الجزيرة نت", "الشرق الأوسط", "عربي 21", "فرانس 24", "اندبندنت عربية",
           "القدس العربي", "سكاي نيوز عربية", "الأناضول", "المرصد الليبي", "ليبيا أوبزرفر"]
# {a} and {b}: "title name" of two people; {p}: a city; {when}: a day expression
LEADS = {
    "CONSULT": [
        "التقى {a} {b} في {p} {when}، وبحث الجانبان سبل تعزيز التعاون الثنائي.",
        "استقبل {a} {when} في {p} {b}، في زيارة رسمية تستمر يومين.",
        "بحث {a} مع {b} {when} في {p} آخر التطورات الإقليمية والملفات ذات الاهتمام المشترك.",
        "أجرى {a} محادثات مع {b} في {p} {when} تناولت الأوضاع الأمنية في المنطقة.",
        "وصل {a} إلى {p} {when} في زيارة يلتقي خلالها {b}.",
    ],
    "AGREE": [
        "وقّع {a} و{b} {when} في {p} اتفاقا للتعاون في مجال الطاقة.",
        "اتفق {a} و{b} خلال لقائهما في {p} {when} على تشكيل لجنة مشتركة.",
    ],
    "AID": [
        "أرسل {a} {when} شحنة من المساعدات الإنسانية إلى {p} بالتنسيق مع {b}.",
        "قدّم {a} دعما عسكريا إلى {b} تضمن معدات وصلت إلى {p} {when}.",
    ],
    "MOBILIZE": [
        "نشر {a} {when} قوات إضافية في {p}، بحسب ما أعلنه {b}.",
        "دفع {a} بتعزيزات عسكرية إلى محيط {p} {when}، وفق مصادر مقربة من {b}.",
    ],
    "ASSAULT": [
        "قصفت طائرات مسيرة {when} مواقع قرب {p}، واتهم {a} قوات موالية لـ{b} بالوقوف وراء الهجوم.",
        "شنت قوات تابعة لـ{a} {when} هجوما على مواقع في {p} يسيطر عليها أنصار {b}.",
    ],
    "ACCUSE": [
        "اتهم {a} {when} {b} بعرقلة المسار السياسي، خلال مؤتمر صحفي عقده في {p}.",
        "حمّل {a} في تصريحات من {p} {when} {b} مسؤولية تدهور الأوضاع.",
    ],
}
ATTRIBUTIONS = ["وفق ما أعلنه المكتب الإعلامي", "بحسب بيان رسمي", "حسب وكالة الأنباء الرسمية",
                "وفق مصادر مطلعة", "بحسب ما نقلته وسائل إعلام محلية"]
BACKGROUND = [
    "ويأتي ذلك في ظل توتر متصاعد تشهده المنطقة منذ أشهر.",
    "وتسعى عدة أطراف إقليمية ودولية إلى توسيع نفوذها في منطقة الساحل وشمال أفريقيا.",
    "وكانت الأمم المتحدة قد دعت في وقت سابق إلى ضبط النفس واستئناف الحوار.",
    "ولم يصدر أي تعليق رسمي من الطرف الآخر حتى ساعة نشر هذا الخبر.",
    "ويرى مراقبون أن هذه الخطوة تعكس تحولا في موازين القوى على الأرض.",
    "وأشار البيان إلى أن الجانبين اتفقا على مواصلة التنسيق خلال الفترة المقبلة.",
    "وتعاني البلاد من انقسام سياسي ومؤسساتي منذ سنوات.",
]
FURNITURE = [
    "اقرأ أيضا: تطورات جديدة في الملف الليبي",
    "شارك هذا المقال عبر فيسبوك وتويتر",
    "جميع الحقوق محفوظة © 2025",
    "تابعونا على تلغرام",
    "الكلمات المفتاحية: سياسة، أمن، اقتصاد",
    "التعليقات (0)",
]


def _kb() -> tuple[list[tuple[str, str]], list[str]]:
    people = []
    for p in yaml.safe_load((KB / "people.yaml").read_text(encoding="utf-8")):
        roles = [r for r in p.get("roles") or [] if r.get("title_ar")]
        title = roles[0]["title_ar"] if roles else ""
        people.append((title, p["name_ar"]))
    places = [p["name_ar"] for p in yaml.safe_load((KB / "places.yaml").read_text(
        encoding="utf-8")) if p.get("type") == "GPE"]
    return people, places


def generate(n: int, *, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` JSON Lines articles (id, outlet, published, text), deterministic for a seed."""
    rng = random.Random(seed)
    people, places = _kb()
    out: list[dict[str, Any]] = []
    start = date(2023, 1, 1)
    for i in range(n):
        if out and rng.random() < 0.08:  # a syndicated copy of a recent article
            # same story text under another outlet, with its own page furniture
            src = out[rng.randrange(max(0, len(out) - 50), len(out))]
            body = [ln for ln in src["text"].split("\n") if ln not in FURNITURE]
            body += rng.sample(FURNITURE, rng.randint(1, 3))
            out.append({"id": f"g{i:05d}", "outlet": rng.choice(OUTLETS),
                        "published": src["published"], "text": "\n".join(body)})
            continue
        pub = start + timedelta(days=rng.randrange(0, 3 * 365))
        ev_day = pub - timedelta(days=rng.randrange(0, 6))
        (ta, a), (tb, b) = rng.sample(people, 2)
        typ = rng.choice(list(LEADS))
        roll = rng.random()
        if roll < 0.45:
            when = "يوم " + WEEKDAYS[ev_day.weekday()]
        elif roll < 0.8:
            when = f"في {ev_day.day} {MONTHS[ev_day.month - 1]} {ev_day.year}"
        else:
            when = "أمس" if ev_day < pub else "اليوم"
        lead = rng.choice(LEADS[typ]).format(a=f"{ta} {a}".strip(), b=f"{tb} {b}".strip(),
                                              p=rng.choice(places), when=when)
        lines = [f"{rng.choice(places)} - {WEEKDAYS[pub.weekday()]} {pub.isoformat()}",
                 lead.rstrip(".") + "، " + rng.choice(ATTRIBUTIONS) + "."]
        lines += rng.sample(BACKGROUND, rng.randint(1, 3))
        lines += rng.sample(FURNITURE, rng.randint(1, 3))
        out.append({"id": f"g{i:05d}", "outlet": rng.choice(OUTLETS),
                    "published": pub.isoformat(), "text": "\n".join(lines)})
    return out


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=10_000, help="articles (default 10,000)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, default=None, help="write the store here and keep it")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        arts = generate(args.n, seed=args.seed)
        src.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in arts) + "\n",
                       encoding="utf-8")
        db = args.keep or Path(tmp) / "bench.db"
        if db.exists():
            db.unlink()
        t0 = time.perf_counter()
        rc = marsad(["ingest", str(src), "--db", str(db), "--jobs", str(args.jobs),
                     "--batch-size", str(args.batch_size)])
        t_ingest = time.perf_counter() - t0
        if rc != 0:
            print(f"ingest failed (exit {rc})", file=sys.stderr)
            return rc
        rss_ingest = _peak_mb(resource.RUSAGE_SELF)
        with open_store(db, create=False) as store:
            counts = store.counts()
            t1 = time.perf_counter()
            res = fuse_store(store)
            t_fuse = time.perf_counter() - t1
        size_mb = db.stat().st_size / 1e6
        print(f"ingest: {args.n} articles in {t_ingest:.1f} s = {args.n / t_ingest:.1f} "
              f"articles/s (--jobs {args.jobs}); {counts['entities']} entities, "
              f"{counts['events']} events, {counts['failures']} failures; "
              f"store {size_mb:.1f} MB")
        print(f"peak RSS: {rss_ingest:.0f} MB this process, "
              f"{_peak_mb(resource.RUSAGE_CHILDREN):.0f} MB largest worker")
        steps = ", ".join(f"{k} {v:.2f} s" for k, v in res.timings.items())
        print(f"fusion: {t_fuse:.1f} s in all, read + save included ({steps}); "
              f"{res.n_duplicate_groups} near-duplicate groups, {len(res.stories)} stories "
              f"({sum(1 for s in res.stories if len(s['members']) > 1)} with 2+ members, "
              f"{sum(1 for s in res.stories if s['contradictions'])} with contradictions), "
              f"{len(res.entities)} entities")
        print(f"peak RSS after fusion: {_peak_mb(resource.RUSAGE_SELF):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
