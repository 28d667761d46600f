"""Normalised match keys for Arabic text.

The stored article text is never rewritten (style habit 3). These pure functions compute
*keys* used for matching: two spellings that a reader takes for the same word get the same
key (أفريقيا / إفريقيا, خليفة / خليفه, ى / ي, Persian ک / Arabic ك, ٢٠٢٥ / 2025).

``fold`` returns the key together with an index map so that a match found in the key of a
whole sentence can be carried back to offsets in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import wraps

# Characters dropped from keys: harakat, shadda, sukun, superscript alef, Quranic marks,
# tatweel, and the zero-width / directional marks that scraped text is full of.
_DROP = set(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]
    + ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
)

# One character to one character. Hamza seats fold to their bare letter, the alef forms to
# plain alef, ta marbuta to ha, alef maqsura to ya, and the Persian/Urdu look-alikes to the
# Arabic letters Arabic newsrooms use for them.
_MAP: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ے": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ہ": "ه", "ھ": "ه",
    "ک": "ك", "ڪ": "ك", "گ": "غ", "ڤ": "ف", "ڥ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز",
    "ٹ": "ت", "ڈ": "د", "ڑ": "ر", "ں": "ن",
    "ء": "",  # a lone hamza carries no letter of its own in a key
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _MAP[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _MAP[_d] = str(_i)
for _c in _DROP:
    _MAP[_c] = ""

# The table is a list indexed by code point with every BMP character in it (one left alone
# is its own code): str.translate looks a character up with a dict by raising and clearing a
# KeyError for each one it leaves alone (most letters of an Arabic text), and by list index
# it keys text about twice as fast. A code point past the list raises IndexError, which
# translate takes as "unchanged" too.
_TABLE: list[int | str] = list(range(0x10000))
for _code, _out in str.maketrans(_MAP).items():
    _TABLE[_code] = _out

ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")


def fold_char(ch: str) -> str:
    """The key of one character: '' (dropped), one character, or the character lowercased."""
    out = ch.translate(_TABLE)
    if out == ch and ch.isascii():
        return ch.lower()
    if out == ch and unicodedata.category(ch) == "Mn":
        return ""  # any other combining mark (Latin accents after NFD, stray marks)
    return out


def _match_key(text: str) -> str:
    # split() and the regex's \s take the same white space (str.isspace): runs become one
    # space and the edges go, several times faster than a regex substitution
    return " ".join(text.translate(_TABLE).lower().split())


# Strings longer than this (whole lines and sentences, which hardly recur) are not cached:
# the cleaner keys every line of every article, and caching those grew a long ingest's
# memory by about 1 KB per line until the cache was full, at a few hundred MB (issue #19).
CACHED_CHARS = 64
CACHED_KEYS = 1 << 18  # the cache is emptied when it holds this many keys
# short string -> its key: a plain dict (a lookup in C, about a third cheaper per call
# than an LRU cache's bookkeeping; match_key is asked tens of thousands of times an article)
_cached_keys: dict[str, str] = {}


@wraps(_match_key, assigned=())  # match_key.__wrapped__: the uncached function
def match_key(text: str) -> str:
    """The normalised key of a string: folded letters, single spaces, no edge spaces.

    Cached for short strings: the same tokens recur across every stage and article, and
    profiling the extract benchmark showed key computation as its largest single cost."""
    key = _cached_keys.get(text)
    if key is None:
        key = _match_key(text)
        if len(text) <= CACHED_CHARS:
            if len(_cached_keys) >= CACHED_KEYS:
                _cached_keys.clear()
            _cached_keys[text] = key
    return key



def fold(text: str) -> tuple[str, list[int]]:
    """Key of ``text`` char by char, with ``index[i]`` = offset in ``text`` of key char ``i``.

    Unlike :func:`match_key` white space is not collapsed, so every key character maps to
    exactly one source character. ``index`` has one extra entry, ``len(text)``, so a key span
    ``[a, b)`` maps back to ``[index[a], index[b - 1] + 1)``.
    """
    # Every character folds to at most one: the folded text comes from one translate (in
    # C), and when no character was dropped key offsets are text offsets.
    key = text.translate(_FOLD_TABLE)
    if len(key) == len(text):
        return key, list(range(len(text) + 1))
    index = [i for i, ch in enumerate(text) if _FOLD_TABLE[ord(ch)]]
    index.append(len(text))
    return key, index


class _FoldTable(dict[int, str]):
    """fold_char as a translate table, filled for each character on first sight (fold
    is asked for every line the cleaner looks into, character by character)."""

    def __missing__(self, code: int) -> str:
        if len(self) >= 1 << 16:  # bounded: a hostile page may hold every code point
            self.clear()
        out = self[code] = fold_char(chr(code))
        return out


_FOLD_TABLE = _FoldTable()


def strip_diacritics(text: str) -> str:
    """Remove harakat and tatweel only (for display keys, not matching)."""
    return "".join(c for c in text if c not in _DROP)


def is_nisba(key: str) -> bool:
    """A match key that is an adjective of origin with the article: الروسي، البيلاروسيه."""
    return key.startswith("ال") and key.endswith(("ي", "يه")) and len(key) > 4


def is_arabic(text: str) -> bool:
    """True when the string contains at least one Arabic letter."""
    return ARABIC_LETTER_RE.search(text) is not None
