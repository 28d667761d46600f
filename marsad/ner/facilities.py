"""Facilities the knowledge base does not know, named by a head noun and a name (issue #13).

"سجن صيدنايا"، "مطار القاهرة الدولي"، "ساحة التحرير"، "قاعدة أبشة العسكرية"، "القاعدة الجوية
201" are FAC mentions. The heads, the adjectives that belong to a name and their English
words are data (``data/ar/facilities.yaml``). A known place inside the name is part of the
facility, not a mention of its own (no nested entities: "ميناء طبرق" is only the port); a
facility the knowledge base holds under another head ("منفذ رفح" for "معبر رفح") is linked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..data import common_words, load_yaml
from ..doc import Token
from ..kb import KBEntry, KnowledgeBase
from ..kb.translit import english_name
from ..text.normalize import is_arabic, match_key
from ..text.scan import positions_in
from ..text.segment import name_proclitics
from .patterns import Found, cue_sets

# How many name words a facility's name may have between its head and its adjectives: the
# longest in the real development set (r001-r060) and the NER set have three ("معبر كرم أبو
# سالم"); one more for a name the sets do not show.
NAME_WORDS = 4
# Clitic letters a head noun may carry: وبمطار، لسجن، فساحة.
_CLITICS = name_proclitics()  # longest first: وب، ول … و، ف، ب، ك، ل
# First words of compound names, after which any word may follow: "أبو غريب"، "باب الهوى"،
# "رأس عيسى"، "بني وليد"، "عين العرب".
_CONNECTORS = frozenset(match_key(w) for w in (
    "أبو", "أم", "بن", "بني", "عبد", "باب", "رأس", "عين", "تل", "بئر", "بير", "جبل", "وادي",
    "دير", "كفر", "خان", "سيدي", "حاسي", "ذي", "ذو"))
# Verbs of sentencing before "بسجن": "قضت المحكمة بسجن X" is a jail term, not a prison.
_SENTENCING = frozenset(match_key(w) for w in (
    "حكم", "حكمت", "الحكم", "قضت", "قضى", "يقضي", "تقضي", "أمر", "أمرت", "طالب", "طالبت",
    "المحكمة", "قرار", "قرارا", "عقوبة"))


@dataclass(frozen=True, slots=True)
class Head:
    en: str
    common: bool
    titled: bool


@dataclass(frozen=True)
class _Data:
    heads: dict[str, Head]
    same_kind: dict[str, tuple[str, ...]]
    land_port: tuple[str, str, str]
    generic: frozenset[str]
    adjectives: dict[str, str]
    titles: dict[str, str]
    numbered: frozenset[str]
    camp_heads: frozenset[str]
    stops: frozenset[str]
    other_heads: frozenset[str]  # heads of places and bodies: they begin another name
    forms: dict[str, tuple[str, int]]  # a head with any clitic -> (head, clitic length)
    dual_forms: dict[str, str]  # the dual of a head, with any clitic -> the head
    numbered_forms: dict[str, tuple[str, int]]


@lru_cache(maxsize=1)
def facility_data() -> _Data:
    """The facility heads and their words from ``data/ar/facilities.yaml``, folded."""
    raw = load_yaml("ar/facilities.yaml")
    heads = {match_key(k): Head(str(v["en"]), bool(v.get("common")), bool(v.get("titled")))
             for k, v in raw["heads"].items()}
    same: dict[str, tuple[str, ...]] = {}
    for group in raw["same_kind"]:
        keys = tuple(match_key(w) for w in group)
        for k in keys:
            same[k] = same.get(k, ()) + tuple(x for x in keys if x != k)
    lp = raw["land_port"]
    return _Data(
        heads=heads, same_kind=same,
        land_port=(match_key(lp["head"]), match_key(lp["adjective"]), match_key(lp["as"])),
        generic=frozenset(match_key(w) for w in raw["generic_complements"]),
        adjectives={match_key(k): str(v) for k, v in raw["adjectives"].items()},
        titles={match_key(k): str(v) for k, v in raw["titles"].items()},
        numbered=frozenset(match_key(w) for w in raw["numbered_heads"]),
        camp_heads=frozenset(match_key(w) for w in raw["camp_heads"]),
        stops=cue_sets()["org_name_stops"] | frozenset(("الي", "حتي", "لدي")),
        other_heads=cue_sets()["place_heads"] | cue_sets()["org_heads"] | frozenset(heads),
        forms={c + h: (h, len(c)) for h in heads for c in ("", *_CLITICS)},
        # مطاري، مطارا، مطارين (and ميناءي) with their clitics; a head ending in ي takes none
        dual_forms={c + h + e: h for h in heads if not h.endswith(("ي", "ا"))
                    for e in _DUAL_ENDINGS for c in ("", *_CLITICS)},
        numbered_forms=_definite_forms(match_key(w) for w in raw["numbered_heads"]))


@lru_cache(maxsize=1)  # one object: the caller's cue index is cached by it
def facility_cues() -> frozenset[str]:
    """Words whose presence in a sentence lets the facility recogniser run there: the heads
    and "القاعدة" (a clitic letter before them is found by the caller)."""
    d = facility_data()
    return frozenset(d.heads) | d.numbered | frozenset(
        h + e for h in d.heads if not h.endswith(("ي", "ا")) for e in _DUAL_ENDINGS)


def _definite_forms(heads: Iterable[str]) -> dict[str, tuple[str, int]]:
    """Definite heads with their clitics: "والقاعدة" → ("القاعدة", 1); "للقاعدة" (ل + القاعدة)
    → ("القاعدة", 1)."""
    out: dict[str, tuple[str, int]] = {}
    for h in heads:
        out.update({c + h: (h, len(c)) for c in ("", "و", "ب", "ف", "وب")})
        out.update({c + h[1:]: (h, len(c) - 1) for c in ("لل", "ولل")})
    return out


def find_facilities(text: str, tokens: Sequence[Token], keys: Sequence[str],
                    kb_types: dict[int, str], kb: KnowledgeBase) -> list[Found]:
    """FAC mentions named by a head noun in one sentence ("وصل إلى مطار القاهرة الدولي"
    → "مطار القاهرة الدولي"). ``kb_types``: token -> type of the knowledge-base mention
    covering it; a known place may sit inside the name, a known facility is left as found."""
    d = facility_data()
    out: list[Found] = []
    n = len(tokens)
    # "مطاري أم جرس وأبشي": a dual head shares itself between two names
    for i in positions_in(keys, d.dual_forms):
        if i not in kb_types and not (out and i <= out[-1].last_token):
            out += _dual(text, tokens, keys, kb_types, kb, i, d)
    # few tokens are heads: find them first
    for i in [i for i, k in enumerate(keys) if k in d.forms or k in d.numbered_forms]:
        if i >= n - 1 or (out and i <= out[-1].last_token):
            continue
        found = None
        if i not in kb_types:
            found = _named(text, tokens, keys, kb_types, kb, i, d)
        if found is None and kb_types.get(i, "ORG") == "ORG":
            # "القاعدة الجوية 201" even where القاعدة alone was read as al-Qaeda
            found = _definite(text, tokens, keys, kb_types, kb, i, d)
        if found is not None:
            out.append(found)
    return out


_DUAL_ENDINGS = ("ي", "ا", "ين")


def _dual(text: str, tokens: Sequence[Token], keys: Sequence[str], kb_types: dict[int, str],
          kb: KnowledgeBase, i: int, d: _Data) -> list[Found]:
    """"مطاري أم جرس وأبشي"، "معبري رفح وكرم أبو سالم": two facilities of one kind, each
    named by its own name after the shared head (each found only when both are)."""
    head_key = d.dual_forms[keys[i]]
    head = d.heads[head_key]
    first = _name_run(text, tokens, keys, kb_types, i + 1, head, d)
    # two known places side by side read as one name: the pair splits at its "و"
    cut = next((n for n, x in enumerate(first) if n and keys[x].startswith("و")), None)
    first = first[:cut] if cut is not None else first
    if not first or first[-1] + 1 >= len(tokens) or not keys[first[-1] + 1].startswith("و"):
        return []
    # the second name is glued to و: read it as the token without its conjunction
    j = first[-1] + 1
    second = _second_of_pair(text, tokens, keys, kb_types, j, head, d)
    if not second:
        return []
    out = []
    for run, skip in ((first, 0), (second, 1)):
        a, b = run[0], run[-1]
        span = [head_key, *(keys[x] for x in run)]
        span[1] = span[1][skip:]
        out.append(Found(tokens[a].start + skip, tokens[b].end, "FAC", a, b, _link(span, kb, d)))
    return out


def _second_of_pair(text: str, tokens: Sequence[Token], keys: Sequence[str],
                    kb_types: dict[int, str], j: int, head: Head, d: _Data) -> list[int]:
    """The name after "و" closing a dual head's pair: a known place or a proper name."""
    bare = list(keys)
    bare[j] = keys[j][1:]
    if kb_types.get(j) in ("GPE", "LOC"):
        run = [j]
        while run[-1] + 1 < len(tokens) and kb_types.get(run[-1] + 1) == kb_types[j]:
            run.append(run[-1] + 1)
        return run
    run = _name_run(text, tokens, bare, kb_types, j, head, d)
    # a complement after the pair is the sentence's ("… ومروي للرحلات الإنسانية")
    cut = next((n for n, x in enumerate(run) if n and keys[x][:1] in ("ل", "ب")), None)
    return run[:cut] if cut is not None else run


def _named(text: str, tokens: Sequence[Token], keys: Sequence[str], kb_types: dict[int, str],
           kb: KnowledgeBase, i: int, d: _Data) -> Found | None:
    """A head without the article and the name after it: "سجن صيدنايا"، "بمطار الملكة علياء
    الدولي"، "ساحة الشهداء"."""
    at = d.forms.get(keys[i])
    if at is None:
        return None
    head_key, clitic = at
    head = d.heads[head_key]
    quoted = _quoted(text, tokens, i + 1)
    if quoted is not None:  # فندق «النجمة الزرقاء»: the name is what the quotes hold
        a, b = quoted
        return Found(tokens[a].start, tokens[b].end, "FAC", a, b,
                     _link([head_key, *keys[a : b + 1]], kb, d))
    run = _name_run(text, tokens, keys, kb_types, i + 1, head, d)
    if not run:
        return None
    last = run[-1]
    if head_key == _PRISON and not _is_prison(keys, kb_types, i, clitic):
        return None
    if head_key == _PALACE and last + 1 < len(tokens) \
            and text[tokens[last + 1].start : tokens[last + 1].end] == "على":
        return None  # "قصر الترشح على": restricting, not a palace
    start = tokens[i].start + _surface_skip(text, tokens[i], clitic)
    camp = _known_camp(keys, run, kb) if head_key in d.camp_heads else None
    if camp is not None:  # "معسكر أبو شوك": the known camp itself, a place
        return Found(start, tokens[last].end, camp.type, i, last, camp.key)
    span = [match_key(text[start : tokens[i].end])] + [keys[j] for j in range(i + 1, last + 1)]
    key = _link(span, kb, d)
    if key is None and last + 2 < len(tokens) and keys[last + 1] == "في":
        # "قاعدة موسكو البحرية في طرطوس": the knowledge base may name it with its place
        # or as the facility named by the place after "في" (طرطوس read as the base)
        for m in (2, 3):
            if last + m >= len(tokens):
                break
            longer = _link([*span, *keys[last + 1 : last + m + 1]], kb, d)
            place = [c.entry.key for c in kb.lookup(" ".join(keys[last + 2 : last + m + 1]))
                     if c.entry.type == "FAC"]
            if longer is None and all(kb_types.get(x) == "FAC"
                                      for x in range(last + 2, last + m + 1)) \
                    and kb_types.get(last + m + 1) != "FAC" and len(set(place)) == 1:
                longer = place[0]
            if longer is not None:
                key, last = longer, last + m
                break
    return Found(start, tokens[last].end, "FAC", i, last, key)


_PRISON, _PALACE = match_key("سجن"), match_key("قصر")


def _known_camp(keys: Sequence[str], run: list[int], kb: KnowledgeBase) -> KBEntry | None:
    """The known place (LOC) a camp's whole name is: "معسكر أبو شوك" is the Abu Shouk camp."""
    locs = [c.entry for c in kb.lookup(" ".join(keys[j] for j in run)) if c.entry.type == "LOC"]
    return locs[0] if len(locs) == 1 else None


_OPEN = "\"“”«'‘„"
_CLOSE = "\"”“»'’"
# How many words a quoted facility name may hold (فندق «قصر النيل الكبير» is three).
QUOTED_WORDS = 5


_QUOTES = {o: _CLOSE for o in _OPEN}


def _quoted(text: str, tokens: Sequence[Token], j: int) -> tuple[int, int] | None:
    """(first, last) token of a name in quotes opening at ``j``: فندق ”النجمة الزرقاء”."""
    return enclosed(text, tokens, j, _QUOTES)


def enclosed(text: str, tokens: Sequence[Token], j: int, closers: dict[str, str],
             max_words: int = QUOTED_WORDS) -> tuple[int, int] | None:
    """(first, last) token of a name of at most ``max_words`` words between an opener at
    ``j`` and one of its closers (``closers``: opener -> the characters that may close it)."""
    if j >= len(tokens):
        return None
    close = closers.get(text[tokens[j].start : tokens[j].end])
    if close is None:
        return None
    k = j + 1
    while k < len(tokens) and k - j <= max_words + 1 and not tokens[k].is_punct:
        k += 1
    if k == j + 1 or k >= len(tokens) or k - j > max_words + 1 \
            or text[tokens[k].start : tokens[k].end] not in close:
        return None
    return j + 1, k - 1


def _is_prison(keys: Sequence[str], kb_types: dict[int, str], i: int, clitic: int) -> bool:
    """سجن is also "jailing": "قضت المحكمة بسجن X" is a sentence, "سجن محمد" a person's."""
    from .patterns import _name_starters

    if clitic and keys[i].startswith("ب") and i > 0 and keys[i - 1] in _SENTENCING:
        return False
    first = keys[i + 1]
    return i + 1 in kb_types or first not in _name_starters()


def _name_run(text: str, tokens: Sequence[Token], keys: Sequence[str],
              kb_types: dict[int, str], j: int, head: Head, d: _Data) -> list[int]:
    """Token indexes of the name after a head at j-1, adjectives included ([] if none)."""
    common = common_words()
    n = len(tokens)
    run: list[int] = []
    proper = False  # the run holds a name, not only a title or adjectives
    words = 0
    adjective = False
    after_connector = False
    named_by_common = False
    while j < n and not tokens[j].is_punct:
        k = keys[j]
        kind = kb_types.get(j)
        if kind is not None:
            if kind == "FAC" and not run:
                return []  # the knowledge base knows this facility: left as it was found
            ok_per = kind == "PER" and head.titled and run and keys[run[-1]] in d.titles
            if adjective or named_by_common or not (kind in ("GPE", "LOC") or ok_per):
                break
            if run and k[:1] in ("ب", "ل", "ك", "و", "ف"):
                break  # "معسكر أبو شوك بولاية شمال دارفور": a clitic begins the next phrase
            while j < n and kb_types.get(j) == kind:  # the whole known name
                run.append(j)
                j += 1
            proper, words, after_connector = True, words + 1, False
            continue
        if k in d.adjectives and (proper or run) and not after_connector:
            run.append(j)
            adjective = True
            j += 1
            continue
        if adjective or named_by_common or words >= NAME_WORDS or k in d.stops \
                or (run and (k in d.other_heads or k[1:] in d.other_heads)):
            break  # "معسكر الهدى بولاية …": another place's or body's name begins
        if after_connector:  # "باب الهوى": the second word of a compound may be any word
            if not is_arabic(k) or _conjunction(k, common):
                break
            run.append(j)
            proper, words, after_connector = True, words + 1, False
            j += 1
            continue
        if k in _CONNECTORS:
            run.append(j)
            after_connector, words = True, words + 1
            j += 1
            continue
        if head.titled and not run and k in d.titles:
            run.append(j)  # "مطار الملكة علياء": any word may follow a title
            after_connector = True
            j += 1
            continue
        if _proper(text, tokens[j], k, first=not run, common=common):
            run.append(j)
            proper, words = True, words + 1
            j += 1
            continue
        if head.titled and not run and k.startswith("ال") and k in common \
                and k not in cue_sets()["person_titles"] and j + 1 < n \
                and kb_types.get(j + 1) is None and not tokens[j + 1].is_punct \
                and _proper(text, tokens[j + 1], keys[j + 1], first=False, common=common):
            run.append(j)  # "شارع الحبيب بورقيبة": a given name with the article
            after_connector = True
            j += 1
            continue
        if head.common and not run and k.startswith("ال") and k in common \
                and k not in d.generic and k not in d.adjectives and k not in d.titles:
            run.append(j)  # "ساحة التحرير"، "مستشفى الشفاء": a common noun as the name
            proper, named_by_common, words = True, True, 1
            j += 1
            continue
        break
    while run and (keys[run[-1]] in _CONNECTORS or keys[run[-1]] in d.titles) \
            and kb_types.get(run[-1]) is None:
        run.pop()  # a name does not end on أبو or a title
    return run if proper and run and any(keys[x] not in d.adjectives for x in run) else []


_TANWEEN = re.compile("[\u064b-\u064d]")


def _proper(text: str, tok: Token, key: str, *, first: bool, common: frozenset[str]) -> bool:
    """A word that may be part of a facility's own name: no common word, no verb."""
    if len(key) < 2 or not is_arabic(key) or key in common:
        return False
    surface = text[tok.start : tok.end]
    if _TANWEEN.search(surface):
        return False  # "معبراً آمناً": an indefinite accusative is no name
    if key[:1] in ("و", "ف") and (key[1:] in common or key[1:3] == "ال"
                                 or (not first and _conjunction(key, common))):
        return False  # "وسنعمل"، "والعاصمة": the name ended at the conjunction
    if key[:1] in ("ب", "ل", "ك") and (key[1:] in common or key[1:3] == "ال"
                                     or key[:2] == "لل"):
        return False  # "معسكر الهدى بمدينة …"، "قاعدة للطائرات": a preposition begins
        # the next phrase (لل is ل + the article)
    if first and len(key) >= 5 and key.endswith("يه") and not key.startswith("ال"):
        return False  # "محطة نووية"، "قاعدة عسكرية": an indefinite nisba says what kind
    if not first and key[:1] in ("ي", "ت", "س") and _verbish(key):
        return False  # "سجن صيدنايا يضم": a present-tense verb after the name
    return not key.endswith(("ها", "هم", "هما", "كم"))  # a possessive ends the phrase


def _conjunction(key: str, common: frozenset[str]) -> bool:
    """A word behind و or ف begins the next phrase ("وسنعمل"، "وبسجن"), unless the whole
    word is a name ("وليد"، "وهران")."""
    from .patterns import _name_units

    return key[:1] in ("و", "ف") and (key[1:] in common or key not in _name_units())


def _verbish(key: str) -> bool:
    from .patterns import _name_units

    return key not in _name_units()


def _definite(text: str, tokens: Sequence[Token], keys: Sequence[str],
              kb_types: dict[int, str], kb: KnowledgeBase, i: int, d: _Data) -> Found | None:
    """"القاعدة الجوية 201": a definite head, an adjective and a number."""
    at = d.numbered_forms.get(keys[i])
    if at is None or i + 2 >= len(tokens) or i + 1 in kb_types:
        return None
    head_key, clitic = at
    if keys[i + 1] not in d.adjectives or not keys[i + 2].isdigit():
        return None
    last = i + 2
    start = tokens[i].start + _surface_skip(text, tokens[i], clitic)
    span = [match_key(text[start : tokens[i].end])] + [keys[j] for j in range(i + 1, last + 1)]
    return Found(start, tokens[last].end, "FAC", i, last, _link(span, kb, d))


def _surface_skip(text: str, tok: Token, clitic: int) -> int:
    """Characters of the token before the head behind ``clitic`` folded letters (clitic
    letters carry no diacritics in practice, so the counts agree)."""
    return clitic if clitic <= tok.end - tok.start else 0


def _link(span: list[str], kb: KnowledgeBase, d: _Data) -> str | None:
    """The knowledge-base facility a found name is, under its own head or one of the same
    kind, with or without its adjectives: "منفذ رفح" → rafah_crossing ("معبر رفح")."""
    head, rest = span[0], span[1:]
    bare = list(rest)
    while bare and bare[-1] in d.adjectives:
        bare.pop()
    heads = [head, *d.same_kind.get(head, ())]
    lp_head, lp_adj, lp_as = d.land_port
    if head == lp_head and lp_adj in rest:
        heads.append(lp_as)  # "ميناء أرقين البري" is the Argeen crossing
    for words in (rest, bare):
        if not words:
            continue
        for h in heads:
            facs = [c.entry for c in kb.lookup(" ".join([h, *words]))
                    if c.entry.type == "FAC"]
            if len({e.key for e in facs}) == 1:
                return facs[0].key
    return None


def facility_name_en(name: str, kb: KnowledgeBase) -> str | None:
    """A readable English name of a facility found by its head: "سجن صيدنايا" → "Sidnaya
    Prison", "مطار القاهرة الدولي" → "Cairo International Airport" (a known place by its
    knowledge-base name, other words transliterated). None when ``name`` has no known head."""
    d = facility_data()
    words = name.split()
    keys = [match_key(w) for w in words]
    if not keys:
        return None
    head_key = keys[0]
    if head_key in d.heads:
        head_en = d.heads[head_key].en
    elif head_key in d.numbered:
        plain = head_key[2:]
        head_en = d.heads[plain].en if plain in d.heads else ""
    else:
        return None
    body = list(range(1, len(words)))
    number = ""
    if body and keys[body[-1]].isdigit():
        number = keys[body.pop()]
    adjs: list[str] = []
    while body and keys[body[-1]] in d.adjectives:
        adjs.insert(0, d.adjectives[keys[body.pop()]])
    parts: list[str] = []
    j = 0
    while j < len(body):
        b = body[j:]
        if keys[b[0]] in d.titles:
            parts.append(d.titles[keys[b[0]]])
            j += 1
            continue
        entry = _known_place(keys, b, kb)
        if entry is not None:
            e, used = entry
            parts.append(e.name_en)
            j += used
            continue
        rest = []
        while j < len(body) and keys[body[j]] not in d.titles \
                and _known_place(keys, body[j:], kb) is None:
            rest.append(words[body[j]])
            j += 1
        latin = english_name(" ".join(rest))
        if latin:
            parts.append(latin[0].upper() + latin[1:])
    out = " ".join(p for p in [*parts, *adjs, head_en, number] if p)
    return out or None


def _known_place(keys: list[str], idx: list[int], kb: KnowledgeBase
                 ) -> tuple[KBEntry, int] | None:
    """The longest known place (GPE/LOC entry) opening the words at ``idx``."""
    for m in range(min(len(idx), 4), 0, -1):
        cands = [c.entry for c in kb.lookup(" ".join(keys[x] for x in idx[:m]))
                 if c.entry.type in ("GPE", "LOC")]
        if cands:
            best = min(cands, key=lambda e: (e.population is not None, -(e.population or 0)))
            return best, m
    return None
