"""One English line per event, for readers who do not read Arabic (issue #17).

Built from the record alone — the type and mode, the participants' English names, the
place, the date and its precision, the cited sources and the certainty — with the templates
of ``data/en/summaries.yaml``; never translated from the Arabic, so it says no more than
the record does:

    Khalifa Haftar visited Vladimir Putin in Moscow on 10 May 2025, according to Kremlin.
    An unidentified attacker carried out a drone strike on Port Sudan in early May 2025.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from ..data import load_yaml

Names = Mapping[str, str]  # entity id → the English name shown (Arabic when none is known)


@lru_cache(maxsize=1)
def templates() -> dict[str, Any]:
    data = load_yaml("en/summaries.yaml")
    assert isinstance(data, dict)
    return data


def english_names(entities: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Entity id → its English name as running text shows it ("the United States"), or its
    Arabic name when no English one is known."""
    return {e["id"]: with_article(e["name_en"], e["type"]) if e.get("name_en") else e["name"]
            for e in entities}


def with_article(name: str, etype: str) -> str:
    """"the" before a name that takes it (see ``the_first_words`` / ``the_last_words``)."""
    words = re.sub(r"\s*\([^)]*\)$", "", name).split()  # "Houthis (Ansar Allah)"
    if etype == "PER" or not words or words[0] == "the":
        return name
    first, last = words[0], words[-1].rstrip(".,")
    if first in _words("the_first_words") or last in _words("the_last_words"):
        return "the " + name
    return name


@lru_cache(maxsize=4)
def _words(name: str) -> frozenset[str]:
    return frozenset(templates().get(name) or ())


def join(names: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    names = list(dict.fromkeys(n for n in names if n))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def date_phrase(value: Mapping[str, Any] | None) -> str:
    """"on 10 May 2025", "in early May 2025", "in May 2025", "in 2025", "between 3 and 9
    May 2025"; empty without a date."""
    if not value or not value.get("start") or not value.get("end"):
        return ""
    a, b = date.fromisoformat(value["start"]), date.fromisoformat(value["end"])
    last_day = calendar.monthrange(b.year, b.month)[1]
    if a == b:
        return f"on {a.day} {a:%B %Y}"
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return f"in {a.year}"
    if a.year == b.year and a.month == b.month:
        if a.day == 1 and b.day == last_day:
            return f"in {a:%B %Y}"
        if value.get("precision") == "part":
            part = "early" if b.day <= 10 else "late" if a.day >= 20 else "mid-"
            return f"in {part}{'' if part.endswith('-') else ' '}{a:%B %Y}"
        return f"between {a.day} and {b.day} {a:%B %Y}"
    if a.day == 1 and b.day == last_day:  # whole months: "between January and April 2025"
        return (f"between {a:%B} and {b:%B %Y}" if a.year == b.year
                else f"between {a:%B %Y} and {b:%B %Y}")
    if a.year == b.year:
        return f"between {a.day} {a:%B} and {b.day} {b:%B %Y}"
    return f"between {a.day} {a:%B %Y} and {b.day} {b:%B %Y}"


def verb_phrase(etype: str, mode: str | None, targets: str) -> str:
    forms = templates()["types"].get(etype, {})
    with_target, alone = forms.get(mode or "default") or forms.get("default") or (
        "acted towards {T}", "acted")
    return with_target.replace("{T}", targets) if targets else alone


def summary_en(event: Mapping[str, Any], names: Names) -> str:
    """The English line of one event record (``docs/output.md``), ``names`` from
    :func:`english_names` of the same record."""
    etype = event["type"]
    actors = join([names.get(i, "") for i in event.get("actors", ())])
    nobody = templates()["nobody"]
    subject = actors or nobody.get(etype, nobody["default"])
    target_names = [names.get(i, "") for i in event.get("targets", ())]
    targets = join(target_names)
    words = [subject]
    certainty = event.get("certainty")
    sources = join([names.get(i, "") for i in event.get("attributed_to", ())])
    if certainty == "uncertain":
        words.append("possibly")
    elif certainty == "reported" and not sources:
        words.append("reportedly")
    words.append(verb_phrase(etype, event.get("mode"), targets))
    place = names.get(event.get("location") or "", "")
    if place and place not in target_names:
        words.append(f"in {place}")
    when = date_phrase(event.get("date"))
    if when:
        words.append(when)
    line = " ".join(words)
    if certainty == "denied":
        line += ", a report " + (f"{sources} denied" if sources else "that was denied")
    elif sources:
        line += f", according to {sources}"
    return line[0].upper() + line[1:] + "."  # "The United States …"
