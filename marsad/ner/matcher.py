"""Clitic-aware, longest-first matching of knowledge-base aliases, with context resolution.

For every token the matcher tries the whole token and each proclitic split (وبوتين → بوتين,
بالكرملين → الكرملين, and the fused للرئاسة → الرئاسة, where the mention keeps the whole
token because the bare name is not in the text). From there it extends over following tokens
while the growing key is a prefix of some alias, and keeps the longest alias found.

A key may name several entries (طرابلس: Libya's and Lebanon's Tripoli; الجفرة: the district
and the air base) or be marked ambiguous in the data (مالي is also "financial"). Those are
resolved from the document: an entry already named unambiguously wins, then the cue words
around the mention (قاعدة before a base name; a preposition or a list of countries around a
place name), then a candidate in a country the article names plainly (تاجوراء beside
جيبوتي is Tadjoura, not Libya's Tajura), then curated entries over the generated gazetteer,
then population.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..data import common_words
from ..doc import Token
from ..kb import Candidate, KBEntry, KnowledgeBase
from ..text.normalize import is_nisba, match_key
from ..text.scan import positions_ending
from ..text.segment import name_proclitics, proclitic_splits
from .patterns import cue_sets
from .people import is_names_first

# Tokens that may sit inside a name without breaking it ("يونس- بك يفكوروف").
_JOINERS = frozenset({"-", "ـ", "–"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A matched alias: its span, its key, the candidates it may refer to."""

    start: int
    end: int
    key: str
    candidates: tuple[Candidate, ...]
    first_token: int
    last_token: int




def token_variants(text: str, tok: Token) -> tuple[tuple[str, int], ...]:
    """(key, chars to skip at the token start) for the whole token and its clitic splits."""
    return _variants(text[tok.start : tok.end])


@lru_cache(maxsize=65536)
def _variants(surface: str) -> tuple[tuple[str, int], ...]:
    out = [(match_key(surface), 0)]
    key0 = out[0][0]
    if key0.startswith("لل") and len(key0) > 3:
        out.append(("ال" + key0[2:], 0))  # fused ل + ال: the mention keeps the whole token
    for plen, rest in proclitic_splits(surface):
        out.append((match_key(rest), plen))
    return tuple(out)


def _without_clitic_names(common: frozenset[str], kb: KnowledgeBase) -> frozenset[str]:
    """The common words less a clitic glued to a sure name: a word-frequency list counts
    "ومصر"، "والعراق"، "وسوريا" as words, which would keep "and Egypt" from being Egypt."""
    def clitic_name(word: str) -> bool:
        return any(word.startswith(p) and len(word) - len(p) >= 3 and any(
            not c.ambiguous and _major_place(c.entry) for c in kb.lookup(word[len(p):]))
            for p in name_proclitics())

    return frozenset(w for w in common if not clitic_name(w))


def _extra_starts(keys: Sequence[str], firsts: set[str]) -> list[int]:
    """The tokens that may open one of ``firsts`` by :func:`_may_open` (a superset, in one
    pass in C): its key ends in a first word, or in one less its article (the fused لل)."""
    ends = (*firsts, *(f[2:] for f in firsts if f.startswith("ال")))
    return positions_ending(keys, ends)


def _may_open(key: str, openers: set[str] | frozenset[str]) -> bool:
    """Whether the token, less up to three clitic letters (or with a fused لل read as ال),
    is one of ``openers`` (the first words of the aliases looked for): most tokens of unseen
    text are not, and are passed over without computing their clitic splits."""
    if key in openers or key[1:] in openers or key[2:] in openers or key[3:] in openers:
        return True
    at = key.find("لل", 0, 4)
    return at >= 0 and "ال" + key[at + 2 :] in openers


# Only a country or a city of a million is named often enough to fill a frequency list with
# its clitic forms; a small town's name glued to a clitic is likelier a word (لغات، كبيرا).
_MAJOR_CITY = 1_000_000


def _major_place(entry: KBEntry) -> bool:
    """A state (it has demonyms) or a city of a million."""
    return entry.type == "GPE" and (bool(entry.demonyms_ar)
                                    or (entry.population or 0) >= _MAJOR_CITY)


class AliasMatcher:
    """Finds alias hits in a token sequence. Build once per knowledge base."""

    def __init__(self, kb: KnowledgeBase, *, common_words: frozenset[str] = frozenset()
                 ) -> None:
        self.kb = kb
        self.common = _without_clitic_names(common_words, kb)
        self._vcache: dict[str, tuple[tuple[str, int], ...]] = {}
        self._ucache: dict[str, tuple[tuple[str, int], ...]] = {}
        # keys that open no alias behind any clitic (most words): passed over by key, a set
        # lookup on the tokenizer's shared strings, before any surface is cut from the text
        self._closed: set[str] = set()
        prefixes: set[str] = set()
        for key in kb.index:
            toks = key.split(" ")
            for n in range(1, len(toks)):
                prefixes.add(" ".join(toks[:n]))
        self.prefixes = frozenset(prefixes)

    def hits(self, text: str, tokens: Sequence[Token], extra: dict[str, tuple[Candidate, ...]]
             | None = None, keys: Sequence[str] | None = None, *, only_extra: bool = False
             ) -> list[Hit]:
        """Longest, leftmost, non-overlapping alias hits over ``tokens`` (``only_extra``:
        look up the document's own aliases only, for the second pass)."""
        index = {} if only_extra else self.kb.index
        extra_prefixes: set[str] = set()
        extra_firsts: set[str] = set()
        for extra_key in extra or ():
            parts = extra_key.split(" ")
            extra_firsts.add(parts[0])
            extra_prefixes.update(" ".join(parts[:n]) for n in range(1, len(parts)))
        out: list[Hit] = []
        if keys is None:
            keys = [match_key(text[t.start : t.end]) for t in tokens]
        n_tok = len(tokens)
        ucache, closed = self._ucache, self._closed
        plain = not extra and not only_extra
        # most tokens begin no alias: with the knowledge base alone, the tokens already known
        # to be useless are passed over in one comprehension (unknown ones are looked at)
        starts: Iterable[int] = [
            i for i, (t, k) in enumerate(zip(tokens, keys, strict=True))
            if k not in closed and not t[3] and ucache.get(text[t[0] : t[1]], True)
        ] if plain else _extra_starts(keys, extra_firsts) if only_extra else range(n_tok)
        free = 0  # the first token after the last hit
        for i in starts:
            if i < free:
                continue
            tok = tokens[i]
            if tok.is_punct:
                continue
            best: Hit | None = None
            if only_extra:
                if not _may_open(keys[i], extra_firsts):
                    continue
                variants = tuple(v for v in self._variants(text, tok) if v[0] in extra_firsts)
            elif plain:
                # only the variants that begin some alias can lead anywhere
                surface = text[tok[0] : tok[1]]
                cached = ucache.get(surface)
                if cached is None:
                    if not self._may_open(keys[i]):
                        if len(closed) < 200_000:
                            closed.add(keys[i])
                        continue
                    cached = self._useful(surface, self._variants(text, tok))
                if not cached:
                    continue
                variants = cached
            else:
                variants = self._variants(text, tok)
            for key, skip in variants:
                if len(key) < 2:
                    continue
                cur = key
                j = i
                while True:
                    cands = index.get(cur) or (extra.get(cur) if extra else None)
                    if cands and (best is None or tokens[j].end > best.end or (
                            tokens[j].end == best.end and skip < best.start - tok.start)):
                        best = Hit(tok.start + skip, tokens[j].end, cur, tuple(cands), i, j)
                    if (only_extra or cur not in self.prefixes) and cur not in extra_prefixes:
                        break
                    # extend over the next word token, passing joiners inside a name
                    k = j + 1
                    while k < n_tok and keys[k] in _JOINERS:
                        k += 1
                    if k >= n_tok or tokens[k].is_punct:
                        break
                    cur = cur + " " + keys[k]
                    j = k
            if best is not None:
                if best.last_token > best.first_token and not only_extra:
                    best = self._overreach(best, tokens, keys)
                out.append(best)
                free = best.last_token + 1
        return out

    def _overreach(self, best: Hit, tokens: Sequence[Token], keys: Sequence[str]) -> Hit:
        """A longer alias of the same entry that starts inside the hit and ends past it
        stretches the hit: "الشيخ تميم بن حمد" (a titled alias) followed by "آل ثاني" ends
        where the full name "تميم بن حمد آل ثاني" ends."""
        index, prefixes = self.kb.index, self.prefixes
        mine = {c.entry.key for c in best.candidates}
        end = best.last_token
        for k in range(best.first_token + 1, best.last_token + 1):
            cur, j = keys[k], k
            while cur in prefixes and j + 1 < len(tokens) and not tokens[j + 1].is_punct:
                j += 1
                cur = cur + " " + keys[j]
                if j > end and any(c.entry.key in mine for c in index.get(cur, ())):
                    end = j
        if end == best.last_token:
            return best
        return Hit(best.start, tokens[end].end, best.key, best.candidates, best.first_token, end)

    def _may_open(self, key: str) -> bool:
        return _may_open(key, self.kb.first_tokens)

    def _useful(self, surface: str, variants: tuple[tuple[str, int], ...]
                ) -> tuple[tuple[str, int], ...]:
        """Variants that are an alias or an alias's first words (cached per token)."""
        cached = self._ucache.get(surface)
        if cached is None:
            index, prefixes = self.kb.index, self.prefixes
            cached = tuple(v for v in variants if v[0] in index or v[0] in prefixes)
            if len(self._ucache) < 200_000:
                self._ucache[surface] = cached
        return cached

    def _variants(self, text: str, tok: Token) -> tuple[tuple[str, int], ...]:
        """The token's variants, less those a common word rules out: a token that is itself
        a common word is not split (كبيرا is "big", not ك + بيرا), and a token that is و/ف
        plus a common word is not a name as a whole (ويرى is "and he sees")."""
        surface = text[tok.start : tok.end]
        cached = self._vcache.get(surface)
        if cached is not None:
            return cached
        if "\u064b" in surface or "\u064c" in surface or "\u064d" in surface:
            out: tuple[tuple[str, int], ...] = ()  # tanwin: an indefinite noun (فداً), no name
        else:
            variants = token_variants(text, tok)
            whole = variants[0][0]
            if whole in self.common:
                # a common word is not split into a clitic and a name (كبيرا is not ك +
                # بيرا), but it may be a clitic and another common word that opens a longer
                # name (لوزارة الدفاع الروسية); the fused لل reading is kept too
                out = tuple(v for v in variants if v[1] == 0 or (
                    v[0] in self.common and v[0] in self.prefixes))
            elif whole[:1] in ("و", "ف") and whole[1:] in self.common:
                out = variants[1:]
            else:
                out = variants
        if len(self._vcache) < 200_000:  # bounded: one entry per distinct token
            self._vcache[surface] = out
        return out


# A gazetteer town smaller than this needs a cue word (في، إلى، مدينة) before it is taken:
# small towns' Arabic names collide with words and with names of people (فدا، in وفدا "a
# delegation"). Towns whose name is also a common word are flagged ambiguous in the data
# whatever their size. Tuned on the demo corpus (tests/fixtures/demo-gold): 1,000,000 lost
# Washington, Latakia and Port Sudan; 100,000 keeps them and admits no false town.
WEAK_PLACE_POPULATION = 100_000


def is_weak(c: Candidate) -> bool:
    """An alias that needs support from the context before it is taken."""
    return c.ambiguous or (c.entry.population is not None
                           and c.entry.population < WEAK_PLACE_POPULATION)


def sure_keys(hits: Iterable[Hit]) -> set[str]:
    """Entries named somewhere by an alias that needs no support; a state's bare name that
    its capital shares ("جيبوتي"، "الجزائر") names the state plainly too."""
    out: set[str] = set()
    for h in hits:
        if len(h.candidates) == 1:
            if not is_weak(h.candidates[0]):
                out.add(h.candidates[0].entry.key)
            continue
        state = _state_over_capital(h.candidates)
        if state is not None and not is_weak(state):
            out.add(state.entry.key)
    return out


def resolve(hits: list[Hit], text: str, tokens: Sequence[Token], *,
            sure: set[str] | None = None
            ) -> tuple[list[tuple[Hit, Candidate]], list[tuple[Hit, Candidate]]]:
    """Choose one candidate per hit: (accepted, deferred).

    ``sure``: entries named plainly somewhere in the document (from ``hits`` when not
    given). Deferred hits lack support here; the caller accepts them when the same entry is
    accepted elsewhere in the document.
    """
    if not hits:
        return [], []
    cues = cue_sets()
    if sure is None:
        sure = sure_keys(hits)
    # list slots matter only to weak candidates (most sentences have none)
    slots = _place_list_slots(hits, text, tokens) if any(
        is_weak(c) for h in hits for c in h.candidates) else set()
    accepted: list[tuple[Hit, Candidate]] = []
    deferred: list[tuple[Hit, Candidate]] = []
    in_hits = {t for h in hits for t in range(h.first_token, h.last_token + 1)}
    for h in hits:
        cand, supported = _choose(h, sure, cues, text, tokens, slots, in_hits)
        if supported is not None:
            (accepted if supported else deferred).append((h, cand))
    return accepted, deferred


def _prev_keys(tokens: Sequence[Token], text: str, i: int, n: int) -> list[str]:
    out: list[str] = []
    k = i - 1
    while k >= 0 and len(out) < n:
        if not tokens[k].is_punct:
            out.append(match_key(text[tokens[k].start : tokens[k].end]))
        k -= 1
    return out


def _state_over_capital(cands: Sequence[Candidate]) -> Candidate | None:
    """"الجزائر"، "الكويت"، "تونس" name a state and its capital alike: the bare name is the
    state, as the conventions read it, even where the article also names the city plainly
    ("الجزائر العاصمة" is the city's own alias)."""
    states = [c for c in cands if c.entry.demonyms_ar]
    if len(states) != 1:
        return None
    state = states[0].entry
    others = [c for c in cands if c is not states[0]]
    if others and all(c.entry.type == "GPE" and c.entry.country == state.key for c in others):
        return states[0]
    return None


def _capital_named_as_such(h: Hit, state: Candidate, cands: Sequence[Candidate], text: str,
                           tokens: Sequence[Token]) -> Candidate | None:
    """"في العاصمة تونس"، "العاصمة الكويتية الكويت"، "تونس العاصمة": next to the word for
    capital (before it with its nisba, or right after it) the name shared by a state and its
    capital is the city."""
    prev = _prev_keys(tokens, text, h.first_token, 2)
    at = 1 if len(prev) > 1 and is_nisba(prev[0]) else 0
    after = h.last_token + 1
    if not (prev and prev[at].lstrip("وب") in ("العاصمه", "للعاصمه")) and not (
            after < len(tokens)
            and match_key(text[tokens[after].start : tokens[after].end]) == "العاصمه"):
        return None
    return next((c for c in cands if c is not state and c.entry.type == "GPE"
                 and c.entry.country == state.entry.key), None)


def _choose(h: Hit, sure: set[str], cues: dict[str, frozenset[str]], text: str,
            tokens: Sequence[Token], place_list_slots: set[int],
            in_hits: set[int] | frozenset[int] = frozenset()
            ) -> tuple[Candidate, bool | None]:
    """The best candidate of a hit, and whether the context supports it (None: the
    context rules it out, whatever the rest of the document says)."""
    cands = list(h.candidates)
    if len(cands) == 1 and cands[0].entry.type == "PER" and cands[0].ambiguous \
            and h.first_token == h.last_token and _after_other_name(h, text, tokens):
        # "جان ماري تراوري" is not Ibrahim Traoré: a shared surname after another
        # person's given names belongs to that person (rejected, not merely deferred)
        return cands[0], None
    if len(cands) == 1 and cands[0].entry.type == "PER" and h.first_token == h.last_token \
            and _not_the_person(h, cands[0], text, tokens):
        return cands[0], None
    if cands and all(_not_this_town(h, c, text, tokens) for c in cands):
        return cands[0], None  # "السيول" (torrents) is not Seoul, "هالة" (a halo) not Halle
    if len(cands) == 1 and cands[0].entry.type == "PER" \
            and _inside_longer_name(h, cands[0].entry, text, tokens, in_hits):
        return cands[0], None
    if len(cands) == 1 and cands[0].ambiguous and cands[0].entry.type == "ORG" \
            and _other_nisba_follows(h, text, tokens):
        return cands[0], None  # "الاحتلال الفرنسي" is not the army "الاحتلال" names alone
    if len(cands) == 1 and cands[0].ambiguous \
            and _agreeing_nisba(h, cands[0], text, tokens, cues):
        return cands[0], None
    state = _state_over_capital(cands)
    if state is not None:
        city = _capital_named_as_such(h, state, cands, text, tokens)
        return (city or state), True
    in_doc = [c for c in cands if c.entry.key in sure]
    if len(in_doc) == 1:
        return in_doc[0], True
    if len(cands) == 1 and (not is_weak(cands[0]) or cands[0].entry.type in ("PER", "ORG")):
        return cands[0], True  # the common case, settled before reading the context
    prev = _prev_keys(tokens, text, h.first_token, 3)
    # A preposition fused to the name (بمالي، لمالي) marks a place; a bare و does not
    # (دعم عسكري ومالي is "military and financial support").
    prefix = match_key(text[tokens[h.first_token].start : h.start]).lstrip("وف")
    if len(cands) > 1:
        facs = [c for c in cands if c.entry.type == "FAC"]
        if facs and any(p in cues["facility_heads"] for p in prev):
            return facs[0], True
        non_fac = [c for c in cands if c.entry.type != "FAC"] or cands
        non_fac = _in_named_country(non_fac, sure)
        # curated entries (no population figure) before gazetteer cities, then population
        non_fac.sort(key=lambda c: (c.ambiguous, c.entry.population is not None,
                                    -(c.entry.population or 0)))
        cands = non_fac
    best = cands[0]
    if not is_weak(best) or best.entry.type in ("PER", "ORG"):
        return best, True
    if prefix in ("ب", "ل") or (prev and (prev[0] in cues["place_prepositions"]
                                         or prev[0] in cues["place_heads"])):
        return best, True
    if best.entry.type == "FAC" and any(p in cues["facility_heads"] for p in prev):
        return best, True
    if h.first_token not in place_list_slots:
        return best, False
    # a country name that is also a word (مالي) is settled by the list; a small town
    # (فدا in "وفدا" "a delegation") also needs the list item to end there
    return best, best.ambiguous or _ends_list_item(h, text, tokens)


def _in_named_country(cands: list[Candidate], sure: set[str]) -> list[Candidate]:
    """The candidates located in a country the article names plainly, when some are and
    some are not: "تاجوراء" beside "جيبوتي" is Tadjoura, not the Libyan Tajura that owns
    the name, and "طرابلس" beside "لبنان" is Lebanon's Tripoli. Otherwise all of them."""
    home = [c for c in cands if c.entry.country is not None and c.entry.country in sure]
    return home if home and len(home) < len(cands) else cands


def _ends_list_item(h: Hit, text: str, tokens: Sequence[Token]) -> bool:
    """A list item ends at punctuation, at the sentence end or where the next و-item
    begins ("مالي والنيجر،"); "في نيامي وفدا يقوده" (a delegation led by) is no list."""
    k = h.last_token + 1
    if k >= len(tokens) or tokens[k].is_punct:
        return True
    return text[tokens[k].start] == "و"


# A given name must be carried by this many people in the name index to count as the
# start of another person's name before a shared surname (rarer units are often verbs or
# particles: التقى folds to the surname التقي, أن to the given name Ann).
OTHER_GIVEN_NAME_MIN_COUNT = 20


def _not_the_person(h: Hit, c: Candidate, text: str, tokens: Sequence[Token]) -> bool:
    """A one-word surname that here is no person: after آل it names the family ("ميليشيا
    آل دقلو"); a surname that is also an adjective of origin, flagged ambiguous in the
    knowledge base (السوداني، الحوثي), qualifies the noun before it ("نظيره السوداني"،
    "الجيش السوداني"، "الوزير السوداني")."""
    k = h.first_token - 1
    if k < 0 or tokens[k].is_punct or text[tokens[h.first_token].start : h.start]:
        return False  # at the start, after punctuation, or behind a clitic (والسوداني)
    prev = match_key(text[tokens[k].start : tokens[k].end])
    if prev == "ال":
        return True  # آل folds to ال; the article never stands alone
    if not (c.ambiguous and is_nisba(h.key)):
        return False
    if prev[:1] in ("ب", "ل", "و", "ف", "ك") and prev[1:3] == "ال":
        prev = prev[1:]  # "بالرئيس السوداني": the preposition's noun is definite
    elif prev.startswith("لل"):
        prev = "ال" + prev[2:]
    elif prev[:1] in ("ب", "ل", "و", "ف") and prev[1:] in _GROUP_NOUNS:
        prev = prev[1:]
    if prev in _GROUP_NOUNS:
        return True  # "مليشيات الحوثي": the movement named after the family, not the man
    # a definite noun, or a noun with a pronoun (نظيره، وزيرها), before an adjective
    return prev.startswith("ال") or prev.endswith(("ه", "ها", "هم"))


# Nouns of armed groups and movements in construct before a family name ("مليشيات الحوثي"،
# "جماعة الحوثي"، "أنصار الصدر"): the genitive names the movement, not its leader
_GROUP_NOUNS = frozenset(match_key(w) for w in (
    "مليشيات", "ميليشيات", "مليشيا", "ميليشيا", "جماعة", "أنصار", "عناصر", "مقاتلي", "مقاتلو",
    "قوات", "حركة", "تيار", "أتباع", "جيش"))


def _other_nisba_follows(h: Hit, text: str, tokens: Sequence[Token]) -> bool:
    """A definite nisba right after the hit qualifies it as another body: a bare ambiguous
    alias ("الاحتلال" for Israel's army) followed by "الفرنسي" is France's occupation (the
    alias with its own nisba, "الاحتلال الإسرائيلي", is a longer alias and matched first)."""
    k = h.last_token + 1
    if k >= len(tokens) or tokens[k].is_punct or text[h.end : tokens[k].start].strip():
        return False
    nxt = match_key(text[tokens[k].start : tokens[k].end])
    return nxt.startswith("ال") and is_nisba(nxt)


def _after_other_name(h: Hit, text: str, tokens: Sequence[Token]) -> bool:
    """The token before the hit is a given name ("جان ماري تراوري")."""

    k = h.first_token - 1
    if k < 0 or tokens[k].is_punct or text[tokens[k].end : h.start].strip():
        return False  # a clitic fused to the hit ("وتراوري") starts a new phrase
    return _is_given_unit(match_key(text[tokens[k].start : tokens[k].end]))


def _agreeing_nisba(h: Hit, c: Candidate, text: str, tokens: Sequence[Token],
                    cues: dict[str, frozenset[str]]) -> bool:
    """A state's name that is also its feminine nisba (تركية، سورية) right after a feminine
    place noun agrees with it as an adjective: "55 محافظة تركية"، "مدينة سورية" name no
    state (a verb before it, "زارت سورية", ends otherwise; "في سورية"، "حكومة سورية" are
    left to the place cues)."""
    nisbas = {match_key(d) for d in c.entry.demonyms_ar}
    k = h.first_token - 1
    if h.key not in nisbas or k < 0 or tokens[k].is_punct \
            or text[tokens[h.first_token].start : h.start]:
        return False
    prev = text[tokens[k].start : tokens[k].end]
    key = match_key(prev)
    if key in cues["place_prepositions"] or key[1:] in cues["place_prepositions"] \
            or key.startswith("ال"):
        return False  # "زارت الوزيرة سورية": a definite noun takes no indefinite adjective
    # only after a place noun: "قوات تركية"، "رسالة تركية" name Turkey as a participant for
    # the events (a nisba names the party, issue #14), "محافظة تركية" names no state
    return key in cues["place_heads"] and (prev.endswith("ة") or key.endswith("ات"))


def _not_this_town(h: Hit, c: Candidate, text: str, tokens: Sequence[Token]) -> bool:
    """A gazetteer town (an entry with a population) is not named by a word that carries
    the article its name lacks ("السيول" is "the torrents", not سيول Seoul), nor, outside
    the Arabic-speaking states, by a word ending in ة where every spelling of its name ends
    otherwise (its name is a transliteration; "هالة" folds onto هاله, Halle): "جرفت السيول
    الطريق"، "ظهرت هالة حول القمر" name no town."""
    e = c.entry
    if e.type != "GPE" or e.population is None:
        return False
    # (the cheap tests of the text first: most hits carry no clitic and end otherwise)
    prefix = text[tokens[h.first_token].start : h.start]
    prefix = match_key(prefix) if prefix else ""
    article = prefix.endswith("ال") or prefix == "ف"
    if not article and not text[h.start : h.end].endswith("ة"):
        return False
    if any(a.key.startswith("ال") for a in e.aliases) or match_key(e.name_ar).startswith("ال"):
        return False
    if article:
        return True  # ف fuses to verbs and particles, not to a town: "فرانس" is no ف + رانس
    if e.country in cue_sets()["arabic_speaking_states"]:
        return False
    return not any(a.text.endswith("ة") for a in e.aliases) and not e.name_ar.endswith("ة")


def _inside_longer_name(h: Hit, entry: KBEntry, text: str, tokens: Sequence[Token],
                        in_hits: set[int] | frozenset[int]) -> bool:
    """The alias is part of another person's longer name: an unknown given name before a
    known surname ("سامر مبارك" is not Hosni Mubarak), a further family name after a known
    full name ("محمد مصطفى أيوب" is not Mohammad Mustafa), or a father's name after a
    known one-word alias that is also a given name ("عباس يوسف آدم" is not Mahmoud Abbas).
    A word of the person's own aliases ("حسني مبارك" spelt another way) is no other name."""
    own = _alias_words(entry)
    one = h.first_token == h.last_token
    if one and _other_given_at(h.first_token - 1, h, text, tokens, own, in_hits, before=True):
        return True
    # after the alias only when its last word is a given name: "محمد مصطفى" may open a
    # longer name, "شمس الدين كباشي" ends on a family name (a father's name after it is
    # his own fuller name); "أردوغان محمد" is a surname, then another person
    if not _is_given_unit(h.key.split(" ")[-1]):
        return False
    return _other_given_at(h.last_token + 1, h, text, tokens, own, in_hits, before=False)


# by entry (key, name and number of aliases: a test's small KB may reuse a key)
_ALIAS_WORDS: dict[tuple[str, str, int], frozenset[str]] = {}


def _alias_words(entry: KBEntry) -> frozenset[str]:
    """The words of the person's Arabic names, with compounds also written joined
    ("عبد الفتاح" → عبدالفتاح), and the words of the English names in lower case."""
    key = (entry.key, entry.name_ar, len(entry.aliases))
    cached = _ALIAS_WORDS.get(key)
    if cached is None:
        cached = _ALIAS_WORDS[key] = _words_of(entry)
    return cached


def _words_of(entry: KBEntry) -> frozenset[str]:
    words: set[str] = set()
    for name in (*(a.key for a in entry.aliases), match_key(entry.name_ar)):
        parts = name.split(" ")
        words.update(parts)
        words.update(a + b for a, b in zip(parts, parts[1:], strict=False))
    for name in (entry.name_en, *entry.aliases_en):
        words.update(w.lower() for w in name.replace("-", " ").split())
    return frozenset(words)


def _is_given_unit(key: str) -> bool:
    from ..kb.translit import name_index

    unit = name_index().get(key)
    return unit is not None and unit[0] == "given" and unit[2] >= OTHER_GIVEN_NAME_MIN_COUNT


def _other_given_at(k: int, h: Hit, text: str, tokens: Sequence[Token], own: frozenset[str],
                    in_hits: set[int] | frozenset[int], *, before: bool) -> bool:
    """The token at k, right next to the hit with no clitic or punctuation between, is a
    name of the index (a given name before; any name after), no word of the person's and
    no part of another alias ("التقى السيسي محمد بن زايد" names two people)."""
    from ..kb.translit import name_index

    if k < 0 or k >= len(tokens) or tokens[k].is_punct or k in in_hits:
        return False
    if before and text[tokens[h.first_token].start : h.start]:
        return False  # "ومبارك": a clitic opens a new phrase
    gap = text[tokens[k].end : h.start] if before else text[h.end : tokens[k].start]
    if gap.strip():
        return False
    surface = text[tokens[k].start : tokens[k].end]
    key = match_key(surface)
    if surface.endswith("ى") or key in _PARTICLES:
        return False  # "حفتر على طرابلس": على folds to the name علي
    index = name_index()
    if before and key[:1] == "و" and key not in index and text[tokens[k].start] == "و":
        key = key[1:]  # "وسفيان سليماني": the next item of a list of names
    if key in own or key[:1] == "و" or is_nisba(key) or _is_title(key):
        return False
    if before and key in _PATRONYMIC:
        return True  # "سامر بن مبارك": a family name in another person's name
    unit = index.get(key)
    if unit is None or unit[2] < OTHER_GIVEN_NAME_MIN_COUNT or unit[1].lower() in own:
        return False  # "حسنى مبارك": his own given name, spelt another way
    # a given name that is also an everyday word counts only when it is frequent as a
    # name ("رضا"، "يوسف"), never a title-like word ("ولي العهد"، "أبو مازن")
    if key in common_words() and not is_names_first(key) and (
            not before or unit[2] < _COMMON_GIVEN_MIN_COUNT):
        return False
    return unit[0] == "given" if before else True


# How many bearers in the name index make an everyday word a given name before a surname
_COMMON_GIVEN_MIN_COUNT = 100


def _is_title(key: str) -> bool:
    from .patterns import cue_sets

    return key in cue_sets()["person_titles"]


_PATRONYMIC = frozenset({"بن", "ابن", "بنت", "ولد"})
# Particles that fold to a name of the index (أن → Ann, إلى → the key of the name إلي)
# or that are also given names ("بين بوتين وحفتر": بين is Ben; "المعروف باسم X": Bassem)
_PARTICLES = frozenset({"في", "من", "الي", "عن", "مع", "ان", "بان", "انه", "الذي", "التي",
                        "كما", "ثم", "او", "بعد", "قبل", "منذ", "حتي", "لدي", "متي", "بين",
                        "باسم", "عند", "امام", "ضد", "نحو", "حول", "دون", "غير", "سوي",
                        "كل", "بعض", "لكن", "بل", "اما", "اذا", "لو"})


def _place_list_slots(hits: list[Hit], text: str, tokens: Sequence[Token]) -> set[int]:
    """First-token indexes coordinated with a plain place name ("بوركينا فاسو ومالي والنيجر").

    A hit is in a list of places when a neighbouring hit is an unambiguous GPE/LOC and the
    two are joined by و on the second or by a comma.
    """
    places = [h for h in hits if len(h.candidates) == 1 and not is_weak(h.candidates[0])
              and h.candidates[0].entry.type in ("GPE", "LOC")]
    slots: set[int] = set()
    for p in places:
        # the token after the place: "ومالي" (و-prefixed) or a comma then a name
        for k in (p.last_token + 1, p.last_token + 2):
            if k < len(tokens):
                t = text[tokens[k].start : tokens[k].end]
                if t.startswith("و") or k == p.last_token + 2:
                    slots.add(k)
                if t not in ("،", ","):
                    break
        # the token before: "مالي والنيجر" — the place itself carries the و
        if text[p.start - 1 : p.start] == "و" or text[tokens[p.first_token].start] == "و":
            slots.add(p.first_token - 1)
            if p.first_token >= 2:
                slots.add(p.first_token - 2)
    return slots
