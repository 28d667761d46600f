"""Organisations the knowledge base does not know, named by a head noun without quotes:
councils, commissions and authorities ("المجلس الأعلى للقضاء"), fronts, coalitions and unions
("جبهة الخلاص الوطني"), leagues and syndicates ("نقابة الصحفيين"), forces named by a proper
noun ("قوات العمالقة") and definite heads whose adjectives make a name ("المجلس الانتقالي
الجنوبي").

The name is read as Arabic builds it: a construct chain of indefinite nouns that a definite
noun (or a known place) closes, then only adjectives, "و ال…" coordinates and "لل…"
complements. Anything else ends it: a verb, a clitic preposition and its noun ("بسجن"), a
date or number word, a second head noun, punctuation, and a definite noun after a definite
one, which opens the predicate's object ("المجلس الأعلى للقضاء الإفراج عن …"). Word lists
are data (``data/ar/ner_cues.yaml``).
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Token
from ..kb import KnowledgeBase
from ..text.normalize import is_nisba
from .patterns import Found, _name_units, cue_sets

# How many words an organisation's name may run after its head noun; measured on the NER set
# (tests/fixtures/ner-set): "الوحدة التنفيذية لإدارة مخيمات النازحين" is five.
ORG_NAME_SPAN = 5

_POSSESSIVES = ("ها", "هم", "هما")
# "الدفاع عن" names the cause of rights bodies ("هيئة الدفاع عن الحريات"): عن continues
# the name after it, where elsewhere a preposition ends one
_DEFENCE = frozenset({"الدفاع", "للدفاع", "لدفاع", "والدفاع"})


@dataclass(frozen=True, slots=True)
class _Cues:
    heads: frozenset[str]        # every head that opens a name
    weak: frozenset[str]         # heads that are everyday nouns too
    forces: frozenset[str]       # heads that need a proper noun
    all_heads: frozenset[str]    # any organisation head (a second one begins another body)
    domain: frozenset[str]
    adjectives: frozenset[str]
    stops: frozenset[str]        # prepositions, particles, verbs of saying, dates, numbers
    common: frozenset[str]
    everyday: frozenset[str]     # heads of motion or place: a state's nisba is no evidence
    descriptors: frozenset[str]  # heads left out of the name before a proper noun


@lru_cache(maxsize=1)
def org_cues() -> _Cues:
    lists = cue_sets()
    definite, forces = lists["definite_org_heads"], lists["force_heads"]
    heads = lists["org_name_heads"] | definite | forces
    return _Cues(heads, lists["weak_org_heads"] | definite, forces,
                 heads | lists["org_heads"], lists["org_domain_nouns"],
                 lists["org_name_adjectives"],
                 lists["org_name_stops"] | lists["org_name_breaks"], lists["common"],
                 lists["everyday_org_heads"], lists["descriptor_org_heads"])


@dataclass(slots=True)
class _Chain:
    """What a name read so far holds."""
    end: int                   # one past its last token
    definite: bool             # the last word closes the construct (article, place, "لل")
    genitive: bool = False     # a noun complement, not only adjectives, follows the head
    complement: bool = False   # a "لل…" or a complete "ل…" complement
    adjectives: int = 0
    open_possessive: bool = False  # an indefinite noun ran into a pronoun ("مركز ثقل مصالحها")
    proper_end: bool = False   # a noun with a pronoun ended a named chain ("بنك عودة أرباحه")


def find_headed_orgs(text: str, tokens: Sequence[Token], taken: set[int],
                     keys: Sequence[str], kb_types: dict[int, str],
                     demonyms: Container[str] = frozenset()) -> list[Found]:
    """Organisations named after a head noun without quotes: "جامعة عدن"، "مركز النيلين
    للدراسات الاستراتيجية"، "الهيئة العليا المستقلة للانتخابات"، "قوات درع الوطن".

    ``taken``: tokens already found by patterns; ``kb_types``: token -> type of the
    knowledge-base mention covering it; ``demonyms``: keys of states' nisbas ("جزائري").
    A known place may close the name ("جامعة دمشق"); a known person or body ends it.
    """
    cues = org_cues()
    out: list[Found] = []
    n = len(tokens)
    i = 0
    while i < n:
        k = keys[i]
        head = _head_of(k, cues)
        if head is None or i in taken or i in kb_types or i + 1 >= n or tokens[i + 1].is_punct:
            i += 1
            continue
        nxt = keys[i + 1]
        if nxt[:1] == "ل" and nxt[1:2] != "ل" and i + 1 not in kb_types \
                and nxt[1:] in cues.common:
            i += 1  # "مركز لمنح التأشيرات": an indefinite noun and its purpose, no name
            continue
        if head.startswith("ال") and nxt.startswith("لل") and not head.endswith("ه"):
            # "واصل المركز لليوم الرابع"، "عبر المركز للأشقاء": a definite head takes its
            # adjective before a complement ("المركز الوطني للأرصاد"); right after it a
            # "لل" phrase is the sentence's, not the name's
            i += 1
            continue
        chain = _read_chain(text, tokens, keys, taken, kb_types, i, head, cues)
        if chain.end > i + 1 and _is_body(keys, kb_types, i, chain, head, cues, demonyms):
            out.append(_named(tokens, keys, kb_types, i, chain.end, head, cues))
            i = chain.end
        else:
            i += 1
    return out


def _named(tokens: Sequence[Token], keys: Sequence[str], kb_types: dict[int, str], i: int,
           end: int, head: str, cues: _Cues) -> Found:
    """The mention of a body read from ``i`` to ``end``: head and name, but after a
    descriptor head only the proper name ("شركة أمبري البريطانية للأمن البحري" → "أمبري":
    the spec leaves descriptor words and the description out)."""
    if head in cues.descriptors:
        j = i + 1
        while j < end and j not in kb_types and _proper(keys[j], cues) \
                and not keys[j].startswith("ال"):
            j += 1
        if j > i + 1:
            return Found(tokens[i + 1].start, tokens[j - 1].end, "ORG", i + 1, j - 1)
    start = tokens[i].start + len(keys[i]) - len(head)  # without its clitic
    return Found(start, tokens[end - 1].end, "ORG", i, end - 1)


def _head_of(key: str, cues: _Cues) -> str | None:
    """The head noun of a token without its clitic: "وهيئة" → "هيئه"."""
    if key in cues.heads:
        return key
    if key[:1] in ("و", "ب", "ل", "ف") and key[1:] in cues.heads:
        return key[1:]
    return None


def _read_chain(text: str, tokens: Sequence[Token], keys: Sequence[str], taken: set[int],
                kb_types: dict[int, str], i: int, head: str, cues: _Cues) -> _Chain:
    """How far the name after the head at ``i`` runs: "الرابطة الوطنية لحقوق الإنسان
    بسجن …" stops before "بسجن"."""
    chain = _Chain(i + 1, head.startswith("ال"))
    n = len(tokens)
    j = i + 1
    while j < n and j - i <= ORG_NAME_SPAN and not tokens[j].is_punct and j not in taken:
        kind = _word_kind(text, tokens, keys, kb_types, j, i, chain, cues)
        if kind is None:
            break
        if kind == "possessive":
            chain.open_possessive = not chain.definite
            break
        j += 1
        chain.end = j
    return _trim(keys, kb_types, i, chain, cues)


def _word_kind(text: str, tokens: Sequence[Token], keys: Sequence[str],
               kb_types: dict[int, str], j: int, i: int, chain: _Chain, cues: _Cues
               ) -> str | None:
    """Whether the word at ``j`` continues the name (and updates ``chain``), or None when
    it ends it: "وزارة الهجرة والمهجرين لإغلاق" ends before "لإغلاق" (a purpose after a
    complete name), "المجلس الأعلى للقضاء تعيين" before "تعيين"."""
    kj = keys[j]
    if kj == "عن" and keys[j - 1] in _DEFENCE:
        chain.definite = False  # "اللجنة الوطنية للدفاع عن معتقلي الرأي": the cause follows
        return "complement"
    if kj in cues.stops or kj.isdigit() or "\u064b" in text[tokens[j].start : tokens[j].end] \
            or _accusative(text[tokens[j].start : tokens[j].end], kj, cues):
        return None  # an accusative, with its tanween written or not ("اتفاقا"، "بيانا")
    if j in kb_types:
        if kb_types[j] not in ("GPE", "LOC"):
            return None  # a known person or body
        if chain.definite and is_nisba(kj):
            chain.adjectives += 1
            return "adjective"  # "وزارة الطاقة السعودية"
        if chain.definite and not (kb_types.get(j - 1) == kb_types[j] or kj[:1] == "و"):
            return None  # a place after a closed name begins another phrase
        # "شركة نفط البصرة"، "بنك اليمن والكويت"، a place of two words ("دول الساحل")
        chain.definite, chain.genitive = True, True
        return "place"
    if kj in cues.all_heads:
        return None  # a second head begins another body ("… وهيئة الدفاع")
    if kj.startswith("لل") and len(kj) > 3:
        chain.definite, chain.complement, chain.genitive = True, True, True
        return "complement"  # "للانتخابات"
    if kj.startswith(("وال", "ولل")):
        chain.definite = True
        return "coordinate"  # "والإحصاء"
    if kj[:1] == "و" and kj not in cues.domain:
        return None  # a conjunction and a verb or a noun ("ويقرر"، "وهيئة"); "وزراء" is a word
    if kj[:1] in ("ب", "ك", "ف") and kj not in cues.common and (
            (kj[1:3] == "ال" and len(kj) > 4) or kj[1:] in cues.common):
        return None  # a clitic preposition and its noun ("بسجن"، "بالوكالة")
    if kj[:1] == "ل" and len(kj) > 3 and not kj.endswith(_POSSESSIVES):
        if chain.genitive:
            return None  # a purpose after a complete name ("… والمهجرين لإغلاق")
        chain.definite, chain.genitive = False, True
        return "purpose"  # "لحقوق" in "الرابطة الوطنية لحقوق الإنسان"
    if kj.startswith("ال"):
        if chain.definite:
            if is_nisba(kj) or kj in cues.adjectives or _elative(kj):
                chain.adjectives += 1
                return "adjective"
            return None  # a definite noun after a closed name opens the object
        if chain.end > i + 1 and keys[chain.end - 1][:1] == "ل" \
                and keys[chain.end - 1][1:2] != "ل":
            chain.complement = True  # "لحقوق الإنسان": the purpose is complete
        chain.genitive = True  # the definite noun closes the construct ("هيئة الموانئ")
        chain.definite = True
        return "definite"
    # a bare (indefinite) word
    if kj == "غير" and chain.definite and j + 1 < len(keys) and keys[j + 1].startswith("ال"):
        return "negation"  # "جهاز مكافحة الهجرة غير الشرعية": a negated adjective follows
    if chain.definite:
        return None  # the name was closed ("وزارة الدفاع أمس")
    if _has_pronoun(text, tokens[j], kj, cues, j > i + 1):
        if j > i + 1 and _head_of(keys[i], cues) not in cues.weak:
            # "بنك عودة أرباحه": the pronoun's noun is the predicate's object, so the word
            # before it closed the construct as a proper name, even an everyday word
            chain.proper_end = True
            return None
        return "possessive"
    if kj[:1] in ("ي", "ت") and kj not in _name_units() and not _tafil(kj) \
            and not (kj in cues.common and j > i + 1):
        return None  # a present-tense verb ("تحالف … يتوسع"); "رؤساء تجمع دول" is a noun
    return "indefinite"


def _accusative(surface: str, key: str, cues: _Cues) -> bool:
    """An everyday noun with the accusative alif ("اتفاقا"، "بيانا"): the object after a
    name. A pronoun ("مصالحها") or a plural in اء ("رؤساء", folded to "روسا") is none."""
    return surface.endswith("ا") and not surface.endswith("ها") and len(key) > 3 \
        and key[:-1] in cues.common


def _elative(key: str) -> bool:
    """A definite adjective of the form أفعل (colours and elatives): "الأحمر" in "جمعية
    الهلال الأحمر"، "الأخضر" in "الحزب الأخضر"; a weak middle letter (الأمير، الأجور) or a
    final ي (الأسرى) is no such form."""
    return len(key) == 6 and key.startswith("الا") and key[4] not in "اوي" \
        and key[5] not in "يه"


def _has_pronoun(text: str, token: Token, key: str, cues: _Cues, late: bool) -> bool:
    """An attached possessive pronoun: "أرباحها"، "أرباحه" (a final ه as written, which the
    folded key shares with ة). Right after the head (``late`` False) a final ه is the noun's
    own ("شركة مياه الشرب"، "اتجاه") unless an everyday noun stands before it."""
    return key.endswith(_POSSESSIVES) or (
        len(key) > 3 and text[token.start : token.end].endswith("ه")
        and (late or key[:-1] in cues.common))


def _trim(keys: Sequence[str], kb_types: dict[int, str], i: int, chain: _Chain,
          cues: _Cues) -> _Chain:
    """Drop a construct noun or a purpose left open at the end: "شركة نفط" is no name."""
    while chain.end > i + 1 and not chain.open_possessive and not chain.proper_end:
        last = chain.end - 1
        kl = keys[last]
        if last in kb_types or kl.startswith(("ال", "لل", "وال", "ولل")) or is_nisba(kl):
            break
        if kl in cues.common or kl[:1] == "ل":  # a construct noun or a purpose left open
            chain.end = last
            continue
        break
    return chain


def _is_body(keys: Sequence[str], kb_types: dict[int, str], i: int, chain: _Chain,
             head: str, cues: _Cues, demonyms: Container[str] = frozenset()) -> bool:
    """Whether head + name is a body: an everyday head needs evidence (a proper name, a
    complement, an institutional noun, two adjectives after a definite head); "حركة السير"
    and "اتحاد الكلمة" have none."""
    after = [keys[x] for x in range(i + 1, chain.end)]
    if not after or chain.open_possessive:
        return False
    if not head.startswith("ال") and "ال" + after[0] in cues.adjectives:
        return False  # an indefinite body of the story ("لجنة عليا للتحقيق")
    if len(after) == 1 and (is_nisba(after[0]) or after[0] in cues.adjectives) \
            and (head.startswith("ال") or head in cues.weak):
        return False  # "المجلس العسكري"، "البنك المركزي"; "وزارة الداخلية" is a construct
    own = [keys[x] for x in range(i + 1, chain.end) if x not in kb_types]
    if head in cues.forces:  # named by the word right after: "قوات العمالقة"
        return i + 1 not in kb_types and _proper(keys[i + 1], cues)
    if head not in cues.weak:
        return True
    # a definite word that no list knows is a name only with an adjective of its own
    # ("جبهة الخلاص الوطني"); alone it is as likely an everyday plural ("حركة المركبات")
    proper = any(_proper(a, cues) and (not a.startswith("ال") or chain.adjectives > 0)
                 for a in own)
    return proper or chain.complement or chain.adjectives >= 2 \
        or any(a in cues.domain for a in own) or _purpose_noun(after) \
        or (chain.genitive and _state_nisba(after[-1], head, cues, demonyms))


def _purpose_noun(after: Sequence[str]) -> bool:
    """A body named by its task: a verbal noun of the forms مُفاعَلة or تَفعيل in construct
    with a definite noun ("هيئة مكافحة الفساد"، "هيئة تشجيع الاستثمار"، "لجنة متابعة
    الأسرى"); "حركة السير"، "مركز ثقل" have an everyday noun there."""
    if len(after) < 2 or not after[1].startswith("ال"):
        return False
    w = after[0]
    return (len(w) == 6 and w[0] == "م" and w[2] == "ا" and w[-1] == "ه") or _tafil(w)


def _tafil(key: str) -> bool:
    """A verbal noun of the form تفعيل ("تشجيع"، "تطوير"), which a present-tense verb
    ("تتوسع"، "تقرر") never spells."""
    return len(key) == 5 and key[0] == "ت" and key[3] == "ي"


def _state_nisba(key: str, head: str, cues: _Cues, demonyms: Container[str]) -> bool:
    """A state's nisba closing a genitive chain makes that state's body: "اتحاد الكرة
    الجزائري"، "هيئة البث الإسرائيلية". After a head of motion or place ("حركة السفن
    الروسية"، "مركز المدينة السورية") it describes the genitive, not a body."""
    return head not in cues.everyday and is_state_nisba(key, demonyms)


def is_state_nisba(key: str, demonyms: Container[str]) -> bool:
    """"السورية"، "الروسي": a state's nisba (``demonyms`` holds them bare, masculine)."""
    return is_nisba(key) and (key[2:] in demonyms or key[2:-1] in demonyms)


def _proper(key: str, cues: _Cues) -> bool:
    """A word that is no everyday word: a proper name in the name ("جبهة الخلاص"، "مركز
    عمران"). Nisbas and feminine participles are adjectives ("لجنة معنية"، "قوات رمزية")."""
    stem = key[2:] if key.startswith("ال") else key
    return (key not in cues.common and stem not in cues.common and not is_nisba(key)
            and not (key == stem and (key.endswith("يه") or key[:1] == "م" and key.endswith("ه")))
            and not key.startswith(("لل", "وال", "ولل"))
            and len(stem) >= 3)


def find_group_nisbas(text: str, tokens: Sequence[Token], taken: set[int],
                      keys: Sequence[str], kb: KnowledgeBase) -> list[Found]:
    """"الجماعة الحوثية"، "الميليشيات الحوثية": a group noun with the nisba of a movement
    the knowledge base names by its plural ("الحوثيون"، "جماعة الحوثي") is that movement."""
    heads = cue_sets()["group_nisba_heads"]
    out: list[Found] = []
    for i in range(len(tokens) - 1):
        k = keys[i]
        lead = 0 if k in heads or (k[:2] == "لل" and "ال" + k[2:] in heads) \
            else 1 if k[:1] in ("و", "ف", "ب", "ل") and k[1:] in heads else -1
        nk = keys[i + 1]
        if lead < 0 or i in taken or i + 1 in taken or not nk.startswith("ال") \
                or not nk.endswith("يه") or len(nk) < 6:
            continue
        stem = nk[2:-1]  # "الحوثيه" → "حوثي"
        found = {c.entry.key for alias in (f"ال{stem}ين", f"ال{stem}ون", f"جماعه ال{stem}")
                 for c in kb.lookup(alias) if c.entry.type == "ORG"}
        if len(found) == 1:
            out.append(Found(tokens[i].start + lead, tokens[i + 1].end, "ORG", i, i + 1,
                             found.pop()))
        elif not found and _MILITIA in k and nk[2:] in kb.demonyms:
            # "الميليشيات الإيرانية": militias named by the state behind them are a body of
            # their own, not the state (no entry: found unlinked)
            out.append(Found(tokens[i].start + lead, tokens[i + 1].end, "ORG", i, i + 1))
    return out


_MILITIA = "ليشي"  # ميليشيا، مليشيات: the militia nouns among the group heads
