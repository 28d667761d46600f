"""The document as the event rules see it: tokens with their match keys, mentions placed on
the token grid, and what the knowledge base says of the entities (a capital's state, a
person's country, which are media). Built once per document; no rule converts offsets by
hand.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from ..doc import Doc, Mention, Token
from ..text.normalize import match_key
from ..text.segment import OPENING_QUOTES


@dataclass(frozen=True)
class Placed:
    """A mention placed on the document's token grid."""

    mention: Mention
    entity_id: str
    first: int  # token index (absolute)
    last: int


@dataclass(frozen=True)
class KnowledgeMaps:
    """What the knowledge base lends the events layer, by kb key. ``capitals`` maps a
    capital to its state (a capital acting as a state, "موسكو نقلت", takes the state's
    part); ``demonyms`` a nisba (روسي، أمريكية) to its country; ``reporters`` are media and
    think tanks (never actors); ``nationals`` a person to the country the person serves;
    ``located_in`` a city, site or region to the country it lies in; ``armies`` an army to
    the state it serves."""

    capitals: dict[str, str]
    demonyms: dict[str, str]
    reporters: frozenset[str]
    nationals: dict[str, str]
    located_in: dict[str, str] = field(default_factory=dict)
    armies: dict[str, str] = field(default_factory=dict)




class DocView:
    """One document's tokens, keys and placed mentions, with the entity maps rules need."""

    def __init__(self, doc: Doc, kb: KnowledgeMaps) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens: Sequence[Token] = doc.tokens
        self.keys = list(doc.token_keys) if len(doc.token_keys) == len(self.tokens) else [
            match_key(self.text[t.start : t.end]) for t in self.tokens]
        self.tok_starts = doc.token_starts()
        self.word_index = _word_positions(self.tokens)
        self.kb = kb
        self.etype = {e.id: e.type for e in doc.entities}
        self.placed = self._place(doc)
        self.placed_firsts = [pm.first for pm in self.placed]
        self.placed_first_set = frozenset(self.placed_firsts)
        self.name_ends = {pm.last for pm in self.placed}  # where a relative clause may hang
        self.date_starts = [d.start for d in doc.dates]
        self.by_kb = {e.kb_id: e.id for e in doc.entities if e.kb_id}
        self.reporting = {e.id for e in doc.entities if e.kb_id in kb.reporters}
        # a capital the document names -> its state (a capital may stand for its state)
        self.state_of: dict[str, str] = {}
        # any place the document names -> the state it lies in (only says where, never who)
        self.lies_in: dict[str, str] = {}
        for e in doc.entities:
            country = kb.capitals.get(e.kb_id or "")
            if country and country in self.by_kb:
                self.state_of[e.id] = self.by_kb[country]
            country = country or kb.located_in.get(e.kb_id or "")
            if country and country in self.by_kb and self.by_kb[country] != e.id:
                self.lies_in[e.id] = self.by_kb[country]
        # a state's army, when the document names exactly one army of it (a nisba'd unit,
        # "الغارة الإسرائيلية", is that army's when the state itself goes unnamed)
        served = [(kb.armies[e.kb_id], e.id) for e in doc.entities if e.kb_id in kb.armies]
        self.army_of = {c: i for c, i in served if [d for d, _ in served].count(c) == 1}
        # the cities the document names that the knowledge base places in a state (named
        # in the document or not)
        self.cities = {e.id for e in doc.entities if e.type == "GPE"
                       and (e.kb_id in kb.capitals or e.kb_id in kb.located_in)}
        # the capitals the document names ("في العاصمة" alone is one of them)
        self.capitals_named = [e.id for e in doc.entities if e.kb_id in kb.capitals]
        # the states the document names (a country, not a city or region)
        states = self.state_keys = values_of(kb.capitals)
        self.states = {e.id for e in doc.entities if e.kb_id in states}
        # the peoples' lands the document names (a state, a strip or territory with a nisba)
        lands = {e.kb_id for e in doc.entities if e.type == "GPE"} & values_of(kb.demonyms)
        self.nations = {e.id for e in doc.entities if e.kb_id in lands}
        # a person's country, where the document names both (for pledges made for it)
        self.nation_of = {e.id: self.by_kb[kb.nationals[e.kb_id]] for e in doc.entities
                          if e.kb_id in kb.nationals and kb.nationals[e.kb_id] in self.by_kb}
        # (token key, accusative) -> the country of its nisba: rules ask it of the same
        # tokens again and again (nisba.py)
        self.nisba_memo: dict[tuple[str, bool], str | None] = {}
        self._fused: dict[tuple[int, int, str], str] = {}  # fused_prefix by mention

    def _place(self, doc: Doc) -> list[Placed]:
        ent_of = {(m.start, m.end): e.id for e in doc.entities for m in e.mentions}
        placed = []
        for m in doc.mentions:  # sorted by start
            eid = ent_of.get((m.start, m.end))
            if eid is None:
                continue
            first = bisect.bisect_right(self.tok_starts, m.start) - 1
            last = bisect.bisect_left(self.tok_starts, m.end) - 1
            placed.append(Placed(m, eid, max(first, 0), max(last, 0)))
        return placed

    def placed_in(self, a: int, b: int) -> list[Placed]:
        """The mentions whose first token is in ``[a, b)``."""
        lo = bisect.bisect_left(self.placed_firsts, a)
        return self.placed[lo : bisect.bisect_left(self.placed_firsts, b)]

    def prev_key(self, i: int) -> str:
        """The word before token ``i``, past an opening quote: a name in quotes ("قالت إن
        «الحوثيين» أطلقوا"، "عناصر "حركة الشباب"") stands where its quote does."""
        j = self._prev_index(i)
        return self.keys[j] if j >= 0 else ""

    def prev_key2(self, i: int) -> str:
        """The word before the word before token ``i`` (both past an opening quote): "من"
        and then "مسلحون" in "مسلحون من «جماعة X»"."""
        j = self._prev_index(i)
        return self.prev_key(j) if j > 0 else ""

    def _prev_index(self, i: int) -> int:
        j = i - 1
        if j > 0 and self.keys[j] in OPENING_QUOTES:
            j -= 1
        return j

    def token_at(self, offset: int) -> int:
        """The index of the token a character offset falls in."""
        return bisect.bisect_right(self.tok_starts, offset) - 1

    def last_token_before(self, end: int) -> int:
        """The index of the last token that starts before ``end``."""
        return bisect.bisect_left(self.tok_starts, end) - 1

    def word_offset(self, i: int, delta: int) -> int:
        """The token index ``delta`` word tokens away from token ``i`` (clamped)."""
        wi = self.word_index
        target = wi[i] + delta
        if delta >= 0:
            j = bisect.bisect_right(wi, target) - 1
            return min(max(j, i), len(wi) - 1)
        j = bisect.bisect_left(wi, max(target, 0))
        return max(min(j, i), 0)

    def fused_prefix(self, pm: Placed) -> str:
        """The clitic fused to a name, conjunctions left out: بموسكو → ب, لروسيا → ل; also
        when the mention holds it ("للحكومة اللبنانية": ل + the article, found as one word)."""
        # (asked of the same mentions by many rules, for every trigger of their sentence)
        memo_key = (pm.first, pm.mention.start, pm.mention.text)
        pre = self._fused.get(memo_key)
        if pre is None:
            pre = self._fused[memo_key] = self._fused_prefix(pm)
        return pre

    def _fused_prefix(self, pm: Placed) -> str:
        at = self.tok_starts[pm.first]
        pre = match_key(self.text[at : pm.mention.start]).lstrip("وف") \
            if at < pm.mention.start else ""
        if not pre and match_key(pm.mention.text).lstrip("وف").startswith("لل"):
            return "ل"
        return pre


# map (by identity) -> (its size, the set of its values): the knowledge base's maps are
# built once per process, and turning the demonyms' thousands of values into a set for every
# document cost more than the rest of the view's setup
_VALUES: dict[int, tuple[dict[str, str], int, frozenset[str]]] = {}


def values_of(mapping: dict[str, str]) -> frozenset[str]:
    """The values of ``mapping`` as a set, kept while the same map (of the same size)
    is asked again."""
    entry = _VALUES.get(id(mapping))
    if entry is None or entry[0] is not mapping or entry[1] != len(mapping):
        if len(_VALUES) >= 16:
            _VALUES.clear()
        entry = _VALUES[id(mapping)] = (mapping, len(mapping), frozenset(mapping.values()))
    return entry[2]


def _word_positions(tokens: Sequence[Token]) -> list[int]:
    """For each token, how many word (non-punctuation) tokens precede it."""
    if not tokens:
        return []
    # (in C: each token's is_punct field, negated, summed)
    return list(itertools.accumulate(map(operator.not_, map(_IS_PUNCT, tokens[:-1])),
                                     initial=0))


_IS_PUNCT = operator.itemgetter(3)  # Token.is_punct: tokens are named tuples


def unprefix(key: str, letters: str) -> str:
    """``key`` without one leading conjunction or preposition letter (one only: str.lstrip
    would turn ووزير "and the minister" into زير)."""
    return key[1:] if len(key) > 2 and key[0] in letters else key


CLAUSE_MARKS = frozenset(("،", ",", ".", ":", "؛"))


def word_back(keys: Sequence[str], start: int, stop: int, words: AbstractSet[str],
              letters: str) -> bool:
    """A word of ``words`` (bare or behind one of the clitic ``letters``) among the tokens
    from ``start`` back to ``stop``, before any clause mark: "وتسعى السلطات … إلى"، "أن
    الوزيرين ناقشا"."""
    for k in range(start, stop - 1, -1):
        if keys[k] in CLAUSE_MARKS:
            return False
        if keys[k] in words or unprefix(keys[k], letters) in words:
            return True
    return False


def uniq(ids: Iterable[str]) -> list[str]:
    """The ids in order, each once."""
    out: list[str] = []
    for i in ids:
        if i not in out:
            out.append(i)
    return out
