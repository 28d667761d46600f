"""The event-date battery (``date_battery.yaml``, issue #14): invented articles with a stated
publication date, each with one event whose date (or lack of one) is known. It measures which
date an event takes, as a class of Arabic date forms, on text no rule was grown on.

``python -m tests.events.test_date_battery`` prints the figure per class and every miss.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).with_name("date_battery.yaml")

# cases the battery must get right (raise it when a change dates more events correctly)
FLOOR = 177


@dataclass(frozen=True)
class Case:
    n: int
    cls: str
    text: str
    published: str | None
    type: str
    trigger: str | None
    want: tuple[date, date] | None


def _day(x: Any) -> date:
    return x if isinstance(x, date) else date.fromisoformat(str(x))


def load_cases() -> list[Case]:
    data = yaml.safe_load(HERE.read_text(encoding="utf-8"))
    pub = data["defaults"]["published"]
    out = []
    for n, c in enumerate(data["cases"], start=1):
        d = c["date"]
        want = None if d is None else (
            (_day(d[0]), _day(d[1])) if isinstance(d, list) else (_day(d), _day(d)))
        out.append(Case(n, c["class"], c["text"], c.get("published", pub), c["type"],
                        c.get("trigger"), want))
    return out


_PIPE: list[Any] = []


def run_case(c: Case) -> tuple[str, str]:
    """("ok" | "wrong" | "no event", what the system gave)."""
    from marsad.ingest import RawArticle
    from marsad.pipeline import Pipeline
    from marsad.text.normalize import match_key

    if not _PIPE:
        _PIPE.append(Pipeline())
    doc = _PIPE[0].process(RawArticle(f"b{c.n}", c.text, "text", published=c.published))
    evs = [e for e in doc.events if e.type == c.type]
    if c.trigger is not None:
        evs = [e for e in evs if e.trigger is not None
               and match_key(c.trigger) in match_key(doc.text[e.trigger.start:e.trigger.end])]
    if not evs:
        return "no event", ", ".join(sorted({e.type for e in doc.events}))
    got = [None if e.date is None or e.date.first is None
           else (e.date.first, e.date.last) for e in evs]
    shown = "; ".join("-" if g is None else f"{g[0]}..{g[1]}" for g in got)
    return ("ok" if all(g == c.want for g in got) else "wrong"), shown


def score() -> tuple[Counter[str], list[tuple[Case, str, str]]]:
    tally: Counter[str] = Counter()
    misses = []
    for c in load_cases():
        verdict, shown = run_case(c)
        tally[verdict] += 1
        tally[f"{c.cls}:{verdict}"] += 1
        if verdict != "ok":
            misses.append((c, verdict, shown))
    return tally, misses


def test_the_battery_is_large_and_covers_every_class() -> None:
    cases = load_cases()
    assert len(cases) >= 80
    assert {c.cls for c in cases} >= {"weekday", "deictic", "day-month", "month",
                                      "of-the-month", "full-date", "position",
                                      "coordinated", "headline", "decoy", "two-dates"}
    assert sum(c.cls == "decoy" for c in cases) >= 20
    assert sum(c.want is None for c in cases) >= 4  # acts no day of the story dates


def test_event_dates_on_the_battery() -> None:
    tally, misses = score()
    report = "\n".join(f"{c.n} {c.cls} {v}: got {s} want {c.want} | {c.text}"
                       for c, v, s in misses)
    assert tally["ok"] >= FLOOR, report


if __name__ == "__main__":
    t, m = score()
    classes = sorted({k.split(":")[0] for k in t if ":" in k})
    for k in classes:
        n = sum(v for key, v in t.items() if key.startswith(k + ":"))
        print(f"{k:<13} {t[k + ':ok']}/{n}")
    print(f"{'all':<13} {t['ok']}/{sum(t[k] for k in ('ok', 'wrong', 'no event'))}"
          f"  (wrong {t['wrong']}, no event {t['no event']})")
    for c, v, s in m:
        print(f"{c.n:>3} {c.cls:<12} {v:<8} got {s} want "
              f"{'-' if c.want is None else f'{c.want[0]}..{c.want[1]}'} | {c.text[:110]}")
