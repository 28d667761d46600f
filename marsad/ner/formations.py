"""Military formations named by their number or ordinal: "اللواء 35 مشاة"، "الفرقة الـ18"،
"الكتيبة الثالثة مدرع". "اللواء" is also a rank ("اللواء X" is a person) and "الفرقة" an
everyday word: only a number or an ordinal right after the head makes a unit, and its arm
("مشاة"، "مدرع") may close the name. Word lists are data (``data/ar/ner_cues.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Token
from ..text.segment import name_proclitics
from .patterns import Found, cue_sets

_CLITICS = ("", *name_proclitics())


@dataclass(frozen=True, slots=True)
class _Cues:
    heads: frozenset[str]
    ordinal_heads: frozenset[str]  # heads an ordinal alone names a unit after
    ordinals: frozenset[str]
    arms: frozenset[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    lists = cue_sets()
    return _Cues(lists["formation_heads"], lists["formation_ordinal_heads"],
                 lists["formation_ordinals"], lists["formation_arms"])


@lru_cache(maxsize=1)
def formation_cues() -> frozenset[str]:
    """The heads with every clitic they may carry ("واللواء"، "بالفرقة")."""
    return frozenset(c + h for h in _cues().heads for c in _CLITICS)


def find_formations(text: str, tokens: Sequence[Token], keys: Sequence[str],
                    kb_types: dict[int, str], kb: object = None) -> list[Found]:
    """ORG mentions of numbered units: "وانسحب اللواء 35 مشاة من مواقعه" → "اللواء 35
    مشاة"; "وقال اللواء خالد" is a rank and no unit, "الفرقة الأولى" without an arm a
    sports division. ``kb_types``: token -> type of a name
    already found there."""
    cues = _cues()
    out: list[Found] = []
    n = len(keys)
    for i, k in enumerate(keys):
        clitic = _clitic(k, cues)
        if clitic < 0 or i in kb_types or i + 1 >= n:
            continue
        j = _number_end(keys, i + 1, cues)
        if j == i + 1 or any(x in kb_types for x in range(i + 1, j)):
            continue
        armed = j < n and keys[j] in cues.arms
        if keys[i + 1] in cues.ordinals and not armed and k[clitic:] not in cues.ordinal_heads:
            continue  # "الفرقة الأولى في البطولة": a sports division
        j += armed
        out.append(Found(tokens[i].start + clitic, tokens[j - 1].end, "ORG", i, j - 1))
    return out


def _clitic(key: str, cues: _Cues) -> int:
    """The length of the clitic before a formation head, or -1 when ``key`` is none."""
    for c in _CLITICS:
        if key.startswith(c) and key[len(c):] in cues.heads:
            return len(c)
    return -1


def _number_end(keys: Sequence[str], j: int, cues: _Cues) -> int:
    """Past the unit's number: "35"، "الـ 18" (the article written apart), "الثالثة"."""
    if keys[j] in cues.ordinals:
        return j + 1
    if keys[j] == "ال" and j + 1 < len(keys) and keys[j + 1].isdigit():
        return j + 2
    if keys[j].isdigit() or (keys[j].startswith("ال") and keys[j][2:].isdigit()):
        return j + 1
    return j
