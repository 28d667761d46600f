"""Latin-script names: folding and a spelling-variant key, so that a search in English finds
the entities whose English names are spelt another way.

Arabic names reach English in many spellings: Haftar/Hafter/Hifter, Qaddafi/Gaddafi/Kadhafi,
Mohamed/Muhammad, Youssef/Yusuf, Abdel/Abdul. :func:`word_key` maps a word to a key on which
those spellings meet: letters folded (case, accents, ``'s``), the consonant pairs that
transliterations trade replaced by one letter (q/g/k, kh, sh/ch, dh/d, th/t, ph/f, v/w),
every run of vowels made one ``a``, doubled letters made single and a final ``h`` after a
vowel dropped. It keeps the consonant skeleton, which is what spellings of one Arabic name
share. Words that differ beyond that (a typo, Osman/Othman) meet by similarity of their keys
(:func:`similarity`: rapidfuzz's Indel ratio when the ``search`` extra is installed, the same
ratio in pure Python otherwise), only for keys of four letters or more that start alike.

:class:`NameIndex` matches a query against named things (entities) held in memory;
:func:`match_words` does the matching over any :class:`KeySource`, so the store can answer
from its ``name_keys`` table with the same rules.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from .normalize import is_arabic

MAX_QUERY_CHARS = 200  # a name query longer than this is refused (API) or cut (library)
FUZZY_MIN = 0.8  # least key similarity for a fuzzy word match
FUZZY_MIN_LEN = 4  # shorter keys match only exactly or as a prefix
PREFIX_MIN_LEN = 4  # a query key shorter than this matches only exactly ("Saad" is no
# prefix of "Saddam")
EXACT, PREFIX = 1.0, 0.9  # word scores; a fuzzy match scores 0.9 x its similarity

# letters NFKD does not decompose into a base letter and a mark
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe",
                          "Œ": "oe", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d",
                          "þ": "th", "ı": "i", "ʿ": "", "ʾ": "", "ʻ": "", "ʼ": ""})
# an apostrophe inside a word is an ayn or hamza (Sana'a, Ba'ath) and is dropped; 's after a
# word (and s' after a plural) is a possessive and goes with it
_APOSTROPHES = "'’‘`´"
_POSSESSIVE_RE = re.compile(rf"(?<=[a-z])[{_APOSTROPHES}]s\b|(?<=s)[{_APOSTROPHES}](?!\w)")
_INNER_APOS_RE = re.compile(rf"(?<=[a-z])[{_APOSTROPHES}](?=[a-z])")
_WORD_RE = re.compile(r"[a-z0-9]+")
# the Arabic article in its spellings (al-, el-, and assimilated ad-, ar-, as-, ash- …) and
# English function words: they do not tell names apart
_SKIP = frozenset({"al", "el", "il", "ul", "ad", "ed", "ar", "er", "as", "es", "ash", "at",
                   "az", "an", "ath", "adh", "the", "of", "and", "for", "de", "du", "la", "le"})
# transliteration pairs, longest first; a "c" before e/i/y is an s, any other a k
_UNITS_RE = re.compile(r"sch|sh|ch|kh|gh|ph|dh|th|dj|ck|c(?=[eiy])|.")
_UNITS = {"sch": "c", "sh": "c", "ch": "c", "kh": "x", "gh": "k", "ph": "f", "dh": "d",
          "th": "t", "dj": "j", "ck": "k", "c": "k", "q": "k", "g": "k", "x": "ks",
          "v": "w", "y": "y"}
_VOWELS = frozenset("aeiou")
# first letters that spellings of one name trade (Khmeimim/Hmeimim, Jamal/Gamal, Sharif/
# Sarif): a near key may begin with one of these instead (other letters must agree)
_ALIKE_FIRST = {"x": "hk", "h": "x", "k": "xj", "j": "k", "c": "s", "s": "c"}
_ABD_RE = re.compile(r"^abd(?:[aeiou]+l)?")  # Abdel, Abdul, Abdoul, Abd (al-)


def fold_latin(text: str) -> str:
    """Lower case without accents, possessives or apostrophes; other punctuation a space."""
    t = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = _POSSESSIVE_RE.sub("", t)
    t = _INNER_APOS_RE.sub("", t)
    return " ".join(_WORD_RE.findall(t))


def latin_words(text: str) -> list[str]:
    """The folded words of a name or query that tell names apart (articles and English
    function words left out)."""
    return [w for w in fold_latin(text).split() if w not in _SKIP]


def is_latin_query(text: str) -> bool:
    """Whether ``text`` is to be matched as Latin-script names: Latin letters, no Arabic."""
    return not is_arabic(text) and bool(latin_words(text[:MAX_QUERY_CHARS]))


def word_key(word: str) -> str:
    """The spelling-variant key of one folded word (see the module's docstring); a word with
    a digit is its own key (``106th``)."""
    if not word or any(c.isdigit() for c in word):
        return word
    m = _ABD_RE.match(word)
    if m and m.end() < len(word) and m.group() != "abd":  # glued: Abdulrahman
        return word_key("abdal") + " " + word_key(word[m.end():])
    if m and m.end() == len(word):
        return "abdal"  # Abdel, Abdul and a bare Abd are one word
    out: list[str] = []
    units = _UNITS_RE.findall(word)
    for i, u in enumerate(units):
        c = _UNITS.get(u, u)
        # y is a vowel except at the start of a word (Zayed/Zaid, Sayyid/Said, but Yemen)
        if c in _VOWELS or (c == "y" and i > 0):
            c = "a"
        if c == "h" and i == len(units) - 1 and out and out[-1] == "a":
            continue  # Hamzah/Hamza, Abdallah/Abdalla
        for ch in c:
            if not out or out[-1] != ch:  # doubled letters and vowel runs made single
                out.append(ch)
    return "".join(out)


def name_keys(spelling: str) -> tuple[str, ...]:
    """The keys of the words of one spelling of a name, in order."""
    return tuple(k for w in latin_words(spelling) for k in word_key(w).split())


def query_keys(text: str) -> list[str]:
    """The distinct keys of a query's words, in order (at most ``MAX_QUERY_CHARS`` read)."""
    return list(dict.fromkeys(name_keys(text[:MAX_QUERY_CHARS])))


def _indel_ratio(a: str, b: str) -> float:
    """1 - Indel distance / (len a + len b): twice the longest common subsequence over the
    total length (what rapidfuzz's ``Indel.normalized_similarity`` computes)."""
    if not a and not b:
        return 1.0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return 2 * prev[-1] / (len(a) + len(b))


try:  # the search extra: the same ratio in C
    from rapidfuzz.distance import Indel as _Indel

    def similarity(a: str, b: str) -> float:
        """How alike two keys are, 0..1 (Indel ratio)."""
        return float(_Indel.normalized_similarity(a, b))
except ImportError:  # pragma: no cover - depends on the environment
    similarity = _indel_ratio


def near(a: str, b: str) -> bool:
    """Two keys alike enough to be one name misspelt: similarity at least ``FUZZY_MIN`` and
    at most two letters inserted or deleted (one changed or two swapped): Putn/Putin,
    Moskva/Moscow, Osman/Othman, but not Bengasi/Belqasim."""
    sim = similarity(a, b)
    return sim >= FUZZY_MIN and (len(a) + len(b)) * (1.0 - sim) <= 2.0 + 1e-9


class KeySource(Protocol):
    """Where word keys are looked up: ids of named things by the keys of their names."""

    def with_prefix(self, prefix: str) -> Mapping[str, Iterable[str]]:
        """Every stored key starting with ``prefix`` (itself included) → ids."""

    def near(self, first: str, lo: int, hi: int) -> Iterable[str]:
        """Stored keys starting with ``first`` whose length is in ``[lo, hi]``."""

    def ids(self, keys: Sequence[str]) -> Mapping[str, Iterable[str]]:
        """Stored ``keys`` → ids."""


def word_matches(qkey: str, source: KeySource) -> dict[str, float]:
    """Ids whose names have a word matching the query key ``qkey``, with the best word score:
    1.0 the same key; 0.9 a key it begins (four letters or more), by at most two letters when
    the key itself is a name word too (Houthi → Houthis, but Goita not → Guterres); else,
    when nothing matched so far, 0.9 x the similarity of a key alike enough (:func:`near`)."""
    out: dict[str, float] = {}
    found = source.with_prefix(qkey)
    for key, ids in found.items():
        if key != qkey and (len(qkey) < PREFIX_MIN_LEN
                            or qkey in found and len(key) - len(qkey) > 2):
            continue
        score = EXACT if key == qkey else PREFIX
        for i in ids:
            out[i] = max(out.get(i, 0.0), score)
    if out or len(qkey) < FUZZY_MIN_LEN:
        return out
    close = [k for first in qkey[0] + _ALIKE_FIRST.get(qkey[0], "")
             for k in source.near(first, len(qkey) - 2, len(qkey) + 2) if near(qkey, k)]
    for key, ids in source.ids(close).items():
        score = PREFIX * similarity(qkey, key)
        for i in ids:
            out[i] = max(out.get(i, 0.0), score)
    return out


@dataclass
class QueryMatch:
    """What the words of a query matched: per word, the ids and their word scores."""

    keys: list[str]
    per_word: list[dict[str, float]]

    @property
    def found(self) -> bool:
        """Every word matched something (an empty query matched nothing)."""
        return bool(self.keys) and all(self.per_word)

    def whole(self) -> dict[str, float]:
        """Ids matching every word by one name (the query names one thing), with the mean
        word score."""
        if not self.found:
            return {}
        common = set(self.per_word[0]).intersection(*self.per_word[1:])
        return {i: sum(w[i] for w in self.per_word) / len(self.per_word) for i in common}

    def any(self) -> dict[str, float]:
        """Ids matching at least one word, with their best word score (when every word
        matched something)."""
        out: dict[str, float] = {}
        if self.found:
            for w in self.per_word:
                for i, s in w.items():
                    out[i] = max(out.get(i, 0.0), s)
        return out

    def covers(self, ids: Iterable[str]) -> float:
        """How well a set of ids (an article's or a story's entities) covers the query: the
        sum over words of the best score among ``ids``, 0.0 when a word is not covered."""
        got = set(ids)
        total = 0.0
        for w in self.per_word:
            best = max((s for i, s in w.items() if i in got), default=0.0)
            if best == 0.0:
                return 0.0
            total += best
        return total


def match_words(text: str, source: KeySource) -> QueryMatch:
    keys = query_keys(text)
    return QueryMatch(keys, [word_matches(k, source) for k in keys])


class NameIndex:
    """Named things in memory: ``id → spellings`` (English names, Latin aliases)."""

    def __init__(self, names: Mapping[str, Iterable[str]]) -> None:
        self.spellings: dict[str, set[tuple[str, ...]]] = {}
        by_key: dict[str, set[str]] = defaultdict(set)
        for i, spellings in names.items():
            keyed = {k for s in spellings if s and (k := name_keys(s))}
            if keyed:
                self.spellings[i] = keyed
                for spelt in keyed:
                    for w in spelt:
                        by_key[w].add(i)
        self._ids = dict(by_key)
        self._sorted = sorted(by_key)
        self._by_first: dict[str, list[str]] = defaultdict(list)
        for key in self._sorted:
            self._by_first[key[0]].append(key)

    def __len__(self) -> int:
        return len(self.spellings)

    # KeySource
    def with_prefix(self, prefix: str) -> dict[str, set[str]]:
        out = {}
        for k in self._sorted[bisect_left(self._sorted, prefix):]:
            if not k.startswith(prefix):
                break
            out[k] = self._ids[k]
        return out

    def near(self, first: str, lo: int, hi: int) -> list[str]:
        return [k for k in self._by_first.get(first, ()) if lo <= len(k) <= hi]

    def ids(self, keys: Sequence[str]) -> dict[str, set[str]]:
        return {k: self._ids[k] for k in keys if k in self._ids}

    def match(self, text: str) -> QueryMatch:
        return match_words(text, self)

    def exact(self, text: str) -> set[str]:
        """Ids one of whose spellings is the query itself, word for word (by key)."""
        keys = name_keys(text[:MAX_QUERY_CHARS])
        return {i for i, sp in self.spellings.items() if keys and keys in sp}
