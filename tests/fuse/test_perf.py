"""10,000 synthetic records: near_duplicates + build_stories must stay in seconds."""

from __future__ import annotations

import random
import time
from typing import Any

from marsad.fuse import build_stories, near_duplicates

from .records import ent, event, record

PEOPLE = [f"person_{i}" for i in range(40)]
PLACES = [f"place_{i}" for i in range(15)]
TYPES = ["CONSULT", "AGREE", "ACCUSE", "ASSAULT"]
VERBS = ["التقى", "استقبل", "اتهم", "بحث مع", "وقع اتفاقا مع", "هاجم", "انتقد", "زار"]
WORDS = ("الأمن الاقتصاد الحدود النفط الانتخابات المصالحة الهدنة الموانئ الكهرباء المياه "
         "الجنوب الشمال الساحل الجيش الحكومة البرلمان المجلس الوفد اللجنة الملف القضية "
         "التعاون الاستثمار المساعدات اللاجئين الحوار الأزمة الدستور الميزانية الرواتب").split()
OUTLETS = [f"outlet{i}.example" for i in range(60)]


def synthetic(n: int, seed: int = 7) -> tuple[list[dict[str, Any]], int]:
    rng = random.Random(seed)
    recs: list[dict[str, Any]] = []
    copies = 0
    for i in range(n):
        if recs and rng.random() < 0.1:  # a wire copy of an earlier article
            src = rng.choice(recs[-200:])
            recs.append({**src, "doc_id": f"d{i}",
                         "text": "(وكالات) - " + src["text"],
                         "source": {"path": None, "url": f"https://{rng.choice(OUTLETS)}/{i}",
                                    "outlet": None}})
            copies += 1
            continue
        a, b = rng.sample(PEOPLE, 2)
        place = rng.choice(PLACES)
        y, m, d = rng.choice([2023, 2024, 2025]), rng.randint(1, 12), rng.randint(1, 28)
        sentences = [
            f"{rng.choice(VERBS)} {a} {b} في {place} يوم {d} من الشهر {m} عام {y}",
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 25))),
            f"وقال مصدر إن {a} أكد أهمية {rng.choice(WORDS)} و{rng.choice(WORDS)}",
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 25))),
        ]
        roll = rng.random()
        when: Any = f"{y}-{m:02d}-{d:02d}"
        if roll < 0.2:
            when = None
        elif roll < 0.3:
            when = (f"{y}-{m:02d}-01", f"{y}-{m:02d}-28")
        ev = event(rng.choice(TYPES), actors=(a,), targets=(b,), location=place, date=when,
                   certainty=rng.choice(["asserted", "asserted", "reported", "denied"]))
        ev["id"] = "v1"
        text = ". ".join(sentences)
        ents = [ent(a, a, kb_id=a, text=text), ent(b, b, kb_id=b, text=text),
                ent(place, place, kb_id=place, type_="GPE", text=text)]
        recs.append(record(f"d{i}", text=text, outlet=rng.choice(OUTLETS),
                           published=f"{y}-{m:02d}-{d:02d}", entities=ents, events=[ev]))
    return recs, copies


def test_ten_thousand_records_in_seconds() -> None:
    recs, copies = synthetic(10_000)
    t0 = time.perf_counter()
    groups = near_duplicates(recs)
    t1 = time.perf_counter()
    stories = build_stories(recs, duplicates=groups)
    t2 = time.perf_counter()
    print(f"\n10,000 records: near_duplicates {t1 - t0:.2f} s, build_stories {t2 - t1:.2f} s, "
          f"{len(groups)} duplicate groups ({copies} copies), {len(stories)} stories")
    assert t2 - t0 < 60
    # every wire copy is found (a copy differs from its source by two words of ~60)
    assert sum(len(g) for g in groups) - len(groups) >= copies
    # every event lands in exactly one story
    assert sum(len(s.members) for s in stories) == sum(len(r["events"]) for r in recs)
    # a copy's event is merged with its source's (unless ambiguous), and counts once
    corroborated_by_copies_only = [
        s for s in stories if len(s.sources) >= 2 and s.n_independent == 1]
    assert corroborated_by_copies_only
    assert all(s.certainty != "corroborated" for s in corroborated_by_copies_only)
