"""Courts named by "محكمة" and their kind or place: "محكمة جنايات القاهرة"، "محكمة النقض"،
"المحكمة الدستورية العليا". The general organisation-head rule reads on past the name into
the sentence ("محكمة النقض الطعن المقدم"); a court's name is a closed vocabulary of kinds
and adjectives (``data/ar/courts.yaml``) and a place, and it ends there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_yaml
from ..doc import Token
from ..text.normalize import match_key
from ..text.segment import name_proclitics
from .patterns import Found

_HEAD, _DEF_HEAD = match_key("محكمة"), match_key("المحكمة")
_CLITICS = ("", *name_proclitics())
MAX_KIND_WORDS = 3


@dataclass(frozen=True)
class _Data:
    kinds: frozenset[str]  # folded, words joined by one space
    adjectives: frozenset[str]
    naming: frozenset[str]


@lru_cache(maxsize=1)
def court_data() -> _Data:
    raw = load_yaml("ar/courts.yaml")
    return _Data(frozenset(match_key(k) for k in raw["kinds"]),
                 frozenset(match_key(a) for a in raw["adjectives"]),
                 frozenset(match_key(a) for a in raw["naming_adjectives"]))


@lru_cache(maxsize=1)
def court_cues() -> frozenset[str]:
    """The head with every clitic it may carry (ل + المحكمة is للمحكمة)."""
    forms = {c + h for h in (_HEAD, _DEF_HEAD) for c in _CLITICS}
    return frozenset(forms | {"لل" + _DEF_HEAD[2:], "ولل" + _DEF_HEAD[2:]})


def _head_at(key: str) -> tuple[bool, int] | None:
    """(definite, clitic length) of a court head token, or None."""
    for c in _CLITICS:
        if key == c + _HEAD:
            return False, len(c)
        if key == c + _DEF_HEAD:
            return True, len(c)
    if key.endswith(_DEF_HEAD[2:]) and key in court_cues():
        return True, len(key) - len(_DEF_HEAD) + 1  # للمحكمة: ل + المحكمة
    return None


def find_courts(text: str, tokens: Sequence[Token], keys: Sequence[str],
                kb_types: dict[int, str], kb: object = None) -> list[Found]:
    """ORG mentions of courts in one sentence: "أمام محكمة جنايات القاهرة" → "محكمة
    جنايات القاهرة"; a known place inside the name is part of it. ``kb_types``: token ->
    type of a name already found there (the knowledge base's, a facility's …)."""
    d = court_data()
    out: list[Found] = []
    for i, k in enumerate(keys):
        at = _head_at(k)
        if at is None or i in kb_types or (out and i <= out[-1].last_token):
            continue
        definite, clitic = at
        j = _kind_end(keys, i + 1, d) if not definite else i + 1
        named = j > i + 1
        j, adjectives = _adjectives_end(keys, j, d)
        if definite:
            named = adjectives >= 2 or any(keys[x] in d.naming for x in range(i + 1, j))
        name_end = j
        j = _place_end(kb_types, j, len(keys)) if named else j
        # the court's own words are free; a known place after them is its seat
        if named and all(x not in kb_types for x in range(i, name_end)):
            out.append(Found(tokens[i].start + clitic, tokens[j - 1].end, "ORG", i, j - 1))
    return out


def _kind_end(keys: Sequence[str], j: int, d: _Data) -> int:
    """After "محكمة": the longest kind ("أمن الدولة العليا") ends here."""
    for n in range(MAX_KIND_WORDS, 0, -1):
        if j + n <= len(keys) and " ".join(keys[j : j + n]) in d.kinds:
            return j + n
    return j


def _adjectives_end(keys: Sequence[str], j: int, d: _Data) -> tuple[int, int]:
    n = 0
    while j < len(keys) and keys[j] in d.adjectives:
        j, n = j + 1, n + 1
    return j, n


def _place_end(kb_types: dict[int, str], j: int, n: int) -> int:
    """A known place right after the court's name is its seat: "محكمة جنايات القاهرة"."""
    while j < n and kb_types.get(j) == "GPE":
        j += 1
    return j
