"""Landforms and natural regions the knowledge base does not know, named by a head noun and
a name (issue #13): "جبل الزاوية"، "تل النبي أيوب"، "وادي عربة"، "بحيرة ناصر" are LOC mentions,
head included, as the knowledge base writes its own ("نهر النيل"، "خليج عدن").

The heads, the words that open compound names and the adjectives that belong to a name are
data (``data/ar/landforms.yaml``). The machinery is that of the facilities (facilities.py):
a head with its clitics, a name run that stops at a verb, a preposition, a conjunction and a
verb, or punctuation; a known place inside the name is part of the landform ("سهل نينوى",
no nested entities), except after an island's or an oasis's head, where the known place is
the place itself ("جزيرة كريت" is Crete).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..data import common_words, load_yaml
from ..doc import Token
from ..kb import KnowledgeBase
from ..kb.translit import english_name
from ..text.normalize import is_arabic, match_key
from ..text.scan import positions_in
from .facilities import (
    _CLITICS,
    _CLOSE,
    _OPEN,
    _conjunction,
    _known_place,
    _proper,
    enclosed,
)
from .patterns import Found, cue_sets

# How many name words a landform's name may have after its head: "تل النبي أيوب" and "وادي
# أبو جمال" have two; one more for a name the sets do not show.
NAME_WORDS = 3
# How many words a quoted or bracketed name may hold: "تل (الراقم)"، جزيرة «أم الرصاص».
QUOTED_WORDS = 3
_BRACKETS = {"(": ")", **{o: _CLOSE for o in _OPEN}}


@dataclass(frozen=True, slots=True)
class LandHead:
    en: str  # English name pattern: "{} Desert", "Lake {}"
    common: bool  # a definite common noun may be the name ("جبل الزاوية")


@dataclass(frozen=True)
class _Data:
    heads: dict[str, LandHead]  # folded head (one or two words) -> its data
    forms: dict[str, tuple[str, int]]  # last head word with any clitic -> (word, clitic length)
    openers: dict[str, str]  # first word of a two-word head -> the last: شبه -> جزيره
    same_as_place: frozenset[str]
    town_heads: frozenset[str]
    settlements: frozenset[str]
    generic: frozenset[str]
    connectors: frozenset[str]
    adjectives: dict[str, str]
    stops: frozenset[str]
    other_heads: frozenset[str]  # heads of places, bodies and landforms: another name begins


@lru_cache(maxsize=1)
def landform_data() -> _Data:
    """The landform heads and their words from ``data/ar/landforms.yaml``, folded."""
    raw = load_yaml("ar/landforms.yaml")
    heads = {match_key(k): LandHead(str(v["en"]), bool(v.get("common")))
             for k, v in raw["heads"].items()}
    last_words = {h.split(" ")[-1] for h in heads}
    openers = {h.split(" ")[0]: h.split(" ")[-1] for h in heads if " " in h}
    return _Data(
        heads=heads,
        forms={c + w: (w, len(c)) for w in last_words for c in ("", *_CLITICS)},
        openers=openers,
        same_as_place=frozenset(match_key(w) for w in raw["same_as_place"]),
        town_heads=frozenset(match_key(w) for w in raw["town_heads"]),
        settlements=frozenset(match_key(w) for w in raw["settlement_nouns"]),
        generic=frozenset(match_key(w) for w in raw["generic_complements"]),
        connectors=frozenset(match_key(w) for w in raw["connectors"]),
        adjectives={match_key(k): str(v) for k, v in raw["adjectives"].items()},
        stops=cue_sets()["org_name_stops"] | frozenset(("الي", "حتي", "لدي")),
        other_heads=cue_sets()["place_heads"] | cue_sets()["org_heads"] | frozenset(last_words))


@lru_cache(maxsize=1)  # one object: the caller's cue index is cached by it
def landform_cues() -> frozenset[str]:
    """Words whose presence in a sentence lets the landform recogniser run there: the last
    word of each head (a clitic letter before it is found by the caller)."""
    return frozenset(h.split(" ")[-1] for h in landform_data().heads)


def find_landforms(text: str, tokens: Sequence[Token], keys: Sequence[str],
                   kb_types: dict[int, str], kb: KnowledgeBase) -> list[Found]:
    """LOC mentions named by a landform's head in one sentence ("توجهت الأرتال إلى جبل
    الزاوية جنوبي المدينة" → "جبل الزاوية"). ``kb_types``: token -> type of the
    knowledge-base mention covering it; a head the knowledge base already covers ("تل أبيب",
    "جبال النوبة") is left as found."""
    d = landform_data()
    out: list[Found] = []
    n = len(tokens)
    for i in positions_in(keys, d.forms):
        if i >= n - 1 or i in kb_types or (out and i <= out[-1].last_token):
            continue
        found = _landform(text, tokens, keys, kb_types, kb, i, d)
        if found is not None:
            out.append(found)
    return out


def _landform(text: str, tokens: Sequence[Token], keys: Sequence[str],
              kb_types: dict[int, str], kb: KnowledgeBase, i: int, d: _Data) -> Found | None:
    """The landform whose head ends at token ``i``: "بوادي عربة" → "وادي عربة"; "شبه جزيرة
    الحمراء" (a two-word head) → the whole."""
    word, clitic = d.forms[keys[i]]
    first, head_key = i, word
    if i > 0 and clitic == 0 and i - 1 not in kb_types and not tokens[i - 1].is_punct:
        k = keys[i - 1]
        for c in ("", *_CLITICS):  # "وشبه جزيرة": the opener carries the clitic
            if k.startswith(c) and d.openers.get(k[len(c):]) == word:
                first, head_key, clitic = i - 1, f"{k[len(c):]} {word}", len(c)
                break
    if head_key not in d.heads:
        return None
    head = d.heads[head_key]
    start = tokens[first].start + (clitic if clitic <= tokens[first].end - tokens[first].start
                                   else 0)
    quoted = _bracketed(text, tokens, i + 1)
    if quoted is not None:  # تل (الراقم)، جزيرة «أم الرصاص»: what the brackets hold
        a, b = quoted
        if any(x in kb_types and kb_types[x] not in ("GPE", "LOC") for x in range(a, b + 1)):
            return None
        return Found(start, tokens[b + 1].end, "LOC", first, b + 1,
                     _link([head_key, *keys[a : b + 1]], kb))
    run = _name_run(text, tokens, keys, kb_types, i + 1, head, d)
    if not run:
        return None
    if head_key in d.same_as_place and all(x in kb_types for x in run):
        return None  # "جزيرة كريت": the island is the known place itself
    last = run[-1]
    key = _link([head_key, *(keys[x] for x in run)], kb)
    etype = "GPE" if key is None and head_key in d.town_heads \
        and _among_towns(keys, kb_types, first, clitic, d) else "LOC"
    return Found(start, tokens[last].end, etype, first, last, key)


# How many words before a "تل"/"وادي" name a settlement noun may stand to make it a town:
# "قرى مثل كوجو وتل قصب" (three).
TOWN_CONTEXT = 4


def _among_towns(keys: Sequence[str], kb_types: dict[int, str], i: int, clitic: int,
                 d: _Data) -> bool:
    """The name at ``i`` is a town: a settlement noun shortly before ("قرى مثل كوجو وتل
    قصب") or a town right before it in a list ("كوجو وتل قصب")."""
    if clitic and keys[i][:1] == "و" and kb_types.get(i - 1) == "GPE":
        return True
    for k in keys[max(0, i - TOWN_CONTEXT) : i]:
        if k in d.settlements or (k[:1] in ("و", "ب", "ل", "ف") and k[1:] in d.settlements):
            return True
    return False


def _bracketed(text: str, tokens: Sequence[Token], j: int) -> tuple[int, int] | None:
    """(first, last) token of a name in brackets or quotes opening at ``j``: تل (الراقم)."""
    span = enclosed(text, tokens, j, _BRACKETS, QUOTED_WORDS)
    if span is None or not all(is_arabic(text[tokens[x].start : tokens[x].end])
                               for x in range(span[0], span[1] + 1)):
        return None
    return span


def _name_run(text: str, tokens: Sequence[Token], keys: Sequence[str],
              kb_types: dict[int, str], j: int, head: LandHead, d: _Data) -> list[int]:
    """Token indexes of the name after a head at j-1, adjectives included ([] if none):
    "جبل الشيخ" → [الشيخ]; "جبل من الديون" → []."""
    common = common_words()
    n = len(tokens)
    run: list[int] = []
    words = 0
    closed = False  # a known place or a common noun was the name: only adjectives follow
    after_connector = False
    while j < n and not tokens[j].is_punct:
        k = keys[j]
        kind = kb_types.get(j)
        if kind is not None:
            if kind not in ("GPE", "LOC") or closed or (run and not after_connector) \
                    or (run and k[:1] in ("ب", "ل", "ك", "و", "ف")):
                break  # a person, a body, a facility; or a clitic begins the next phrase
            while j < n and kb_types.get(j) == kind:  # the whole known name: "سهل نينوى"
                run.append(j)
                j += 1
            words, closed, after_connector = words + 1, True, False
            continue
        if run and k in d.adjectives and not after_connector:
            run.append(j)  # "جبل الشيخ الشرقي": after an adjective only adjectives follow
            closed = True
            j += 1
            continue
        if closed or words >= NAME_WORDS or k in d.stops or k in d.generic \
                or (run and (k in d.other_heads or k[1:] in d.other_heads)):
            break
        if run and not after_connector and keys[run[-1]].startswith("ال") \
                and not k.startswith("ال"):
            break  # "جبال الحمرين هربا": after a definite word only definite ones follow
        if after_connector:  # "تل النبي أيوب": the word after a connector may be any name
            if not is_arabic(k) or _conjunction(k, common) or k in d.generic \
                    or k in d.adjectives or not _proper(text, tokens[j], k, first=False,
                                                        common=frozenset()):
                break
            run.append(j)
            words, after_connector = words + 1, False
            j += 1
            continue
        if k in d.connectors:
            run.append(j)
            after_connector, words = True, words + 1
            j += 1
            continue
        if _proper(text, tokens[j], k, first=not run, common=common):
            run.append(j)
            words += 1
            j += 1
            continue
        if head.common and not run and k.startswith("ال") and k in common \
                and k not in d.generic and k not in d.adjectives:
            run.append(j)  # "جبل الزاوية"، "وادي النصارى": a common noun as the name
            words, closed = 1, True
            j += 1
            continue
        break
    while run and keys[run[-1]] in d.connectors and kb_types.get(run[-1]) is None \
            and not (len(run) == 1 and head.common and keys[run[-1]].startswith("ال")):
        run.pop()  # a name does not end on أبو; "جبل الشيخ" (Hermon) is a name of its own
    if run and all(keys[x] in d.adjectives for x in run):
        return []
    return run


def _link(span: list[str], kb: KnowledgeBase) -> str | None:
    """The knowledge-base place a found name is, if the base holds it under this spelling:
    "جبل طارق" written with a bracket, "جزيرة سقطرى"."""
    locs = [c.entry for c in kb.lookup(" ".join(span)) if c.entry.type in ("LOC", "GPE")]
    return locs[0].key if len({e.key for e in locs}) == 1 else None


def landform_name_en(name: str, kb: KnowledgeBase) -> str | None:
    """A readable English name of a landform found by its head: "جبل الزاوية" → "Jabal
    al-Zawiya", "بحيرة تشاد" → "Lake Chad" (a known place by its knowledge-base name, other
    words transliterated). None when ``name`` has no known head."""
    d = landform_data()
    words = [w.strip("()«»\"“”'‘’") for w in name.split()]
    words = [w for w in words if w]
    keys = [match_key(w) for w in words]
    if not keys:
        return None
    width = 2 if len(keys) > 1 and f"{keys[0]} {keys[1]}" in d.heads else 1
    head_key = " ".join(keys[:width])
    if head_key not in d.heads:
        return None
    body = list(range(width, len(words)))
    adjs: list[str] = []
    while body and keys[body[-1]] in d.adjectives:
        adjs.insert(0, d.adjectives[keys[body.pop()]])
    known = _known_place(keys, body, kb) if body else None
    if known is not None and known[1] == len(body):
        core = known[0].name_en
    else:
        latin = english_name(" ".join(words[x] for x in body))
        core = latin[:1].upper() + latin[1:] if latin else ""
    if not core:
        return None
    return d.heads[head_key].en.format(" ".join([*adjs, core]))
