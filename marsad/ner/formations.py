"""Military formations named by their number or ordinal: "اللواء 35 مشاة"، "الفرقة الـ18"،
"الكتيبة الثالثة مدرع". "اللواء" is also a rank ("اللواء X" is a person) and "الفرقة" an
everyday word: only a number or an ordinal right after the head makes a unit, and its arm
("مشاة"، "مدرع") may close the name. Word lists are data (``data/ar/ner_cues.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..data import common_words
from ..doc import Token
from ..text.normalize import is_nisba
from ..text.scan import positions_in
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
    """The heads with every clitic they may carry ("واللواء"، "بالفرقة"، "وكتائب")."""
    lists = cue_sets()
    heads = _cues().heads | lists["unit_name_heads"] | lists["faction_heads"]
    return frozenset(c + h for h in heads for c in _CLITICS)


def find_formations(text: str, tokens: Sequence[Token], keys: Sequence[str],
                    kb_types: dict[int, str], kb: object = None) -> list[Found]:
    """ORG mentions of numbered units: "وانسحب اللواء 35 مشاة من مواقعه" → "اللواء 35
    مشاة"; "وقال اللواء خالد" is a rank and no unit, "الفرقة الأولى" without an arm a
    sports division. ``kb_types``: token -> type of a name
    already found there."""
    cues = _cues()
    out: list[Found] = []
    n = len(keys)
    # only a head behind a clitic opens a unit: the tokens that are one, found in C (the
    # sentence's other tokens are never looked at one by one)
    for i in positions_in(keys, formation_cues()):
        k = keys[i]
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


def find_named_units(text: str, tokens: Sequence[Token], keys: Sequence[str],
                     kb_types: dict[int, str], kb: object = None) -> list[Found]:
    """ORG mentions of armed groups named by an indefinite unit word in construct with a
    definite name: "وتبنت كتائب الفرسان الهجوم" → "كتائب الفرسان"; "عصائب أهل النصر" (one
    indefinite noun may come between); "لواء رعديون" → "رعديون" (the unit word a
    descriptor before a plural nisba). "جيش البلاد" describes, "لواء متقاعد" is a rank,
    "سرايا الحكومة" barracks: no group. A name already known (``kb_types``) is left alone."""
    lists = cue_sets()
    heads, descriptors = lists["unit_name_heads"], lists["unit_name_descriptors"]
    factions = lists["faction_heads"]
    units = heads | factions
    out: list[Found] = []
    for i in positions_in(keys, formation_cues()):  # (a unit word behind a clitic: as above)
        k = keys[i]
        clitic = next((len(c) for c in _CLITICS if k.startswith(c) and k[len(c):] in units),
                      -1)
        if clitic < 0 or i in kb_types or _article_lost(k, clitic) \
                or (i > 0 and keys[i - 1] in lists["rank_words"]):
            continue
        if _plural_nisba_name(keys, i + 1, kb_types):  # the unit word is a descriptor
            out += _plural_nisba_names(tokens, keys, i + 1, kb_types)
            continue
        if k[clitic:] in factions:
            continue
        j = _unit_name_end(keys, i + 1, kb_types)
        if j < 0 or keys[j] in descriptors:
            continue
        while j + 1 < len(keys) and j + 1 not in kb_types and is_nisba(keys[j + 1]):
            j += 1  # an adjective of the name: "لواء الحرس الجمهوري"
        out.append(Found(tokens[i].start + clitic, tokens[j].end, "ORG", i, j))
    return out


def _plural_nisba_names(tokens: Sequence[Token], keys: Sequence[str], j: int,
                        kb_types: dict[int, str]) -> list[Found]:
    """The name at ``j`` and one joined to it by و: "فصيلي رعديون وشمسيون" → both."""
    out = [Found(tokens[j].start, tokens[j].end, "ORG", j, j)]
    nxt = j + 1
    if nxt < len(keys) and keys[nxt].startswith("و") and nxt not in kb_types \
            and _plural_nisba_name([k[1:] for k in keys[nxt:nxt + 1]], 0, {}):
        out.append(Found(tokens[nxt].start + 1, tokens[nxt].end, "ORG", nxt, nxt))
    return out


def _plural_nisba_name(keys: Sequence[str], j: int, kb_types: dict[int, str]) -> bool:
    """A group named by a plural nisba without the article after its unit word: "لواء
    الرعديون" no, "لواء رعديون" yes ("the Raadiyoun brigade"): the annotation leaves the
    descriptor out ("قناة X" → X), so the name alone is the mention. Everyday plurals
    ("مدنيين"، "عسكريين") are common words and stay out."""
    if j >= len(keys) or j in kb_types:
        return False
    key = keys[j]
    return (not key.startswith("ال") and key.endswith(("يون", "يين")) and len(key) >= 6
            and key.isalpha() and key not in common_words())


def _article_lost(key: str, clitic: int) -> bool:
    """"للواء" is also ل + "اللواء" with the article's alif dropped ("دعمها للواء الليبي
    المتقاعد": the rank): a ل before a head that opens with ل leaves it undecided."""
    return clitic > 0 and key[clitic - 1] == "ل" and key[clitic] == "ل"


def _unit_name_end(keys: Sequence[str], j: int, kb_types: dict[int, str]) -> int:
    """The definite noun closing a unit's name from ``j`` ("الفرسان"، "أهل النصر" → النصر),
    or -1: an indefinite adjective or a known name after the unit word makes no group's name."""
    for at in (j, j + 1):
        if at >= len(keys) or at in kb_types or not keys[at].isalpha():
            return -1
        if keys[at].startswith("ال") and len(keys[at]) > 3:
            return at
        if at == j + 1 or keys[at] in cue_sets()["org_name_stops"]:
            return -1
    return -1
