"""Literal strings that a regex cannot match without, and fast searches for literal sets.

The cleaner asks of every line whether any of a dozen inline furniture patterns occurs in it
(almost never). One alternation of them all is slow in Python's regex engine: patterns that
open with a lookbehind, white space or a Latin word under IGNORECASE give it no first
character to skip to, so it tries every alternative at every position. Most patterns hold a
literal that every match contains ("انتهي" in "// انتهى //", "photo" or "deo" in
"photos 12" / "videos 3"): a line without any of those literals is passed over by fast
substring tests, and only the patterns whose literal is present are searched.

:func:`required_literals` reads a compiled pattern's syntax tree (``re._parser``, the
parser the ``re`` module itself uses) and returns such a set, or ``None`` when it finds
none. The answer only has to be *necessary*: a set whose members may occur without a match
just makes the test pass more often. It is exact on the lower-cased match keys the cleaner
searches: under IGNORECASE a cased letter is taken only when its lower case is the only
form a key can hold (ASCII letters other than i, s and k, which the regex engine also
equates with ı, ſ and the Kelvin sign); other cased letters end a literal.

:func:`literal_set_re` compiles a set of plain literals into one alternation factored by
leading characters (a trie), which matches the same strings as the flat alternation but
tries one branch per distinct character at each position instead of one per literal.
"""

from __future__ import annotations

import _sre
import re
import re._constants as _op  # type: ignore[import-not-found]  # the parser's opcodes
import re._parser as _parser  # type: ignore[import-not-found]
from collections.abc import Iterable, Sequence
from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]  # ſ for s, ı for i …
from typing import Any

Literals = frozenset[str]


def required_literals(pattern: re.Pattern[str]) -> Literals | None:
    """Strings one of which every match of ``pattern`` contains, or ``None`` when no such
    set was found (the pattern must then always be tried). Of the sets the pattern offers,
    the one whose shortest member is longest (the rarest to pass by chance)."""
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    tree = _parser.parse(pattern.pattern, pattern.flags)
    return _required(tree.data, ignorecase)


def _literal_char(code: int, ignorecase: bool) -> str | None:
    """The one character a key holds where the pattern has ``code``, or ``None`` when a key
    may hold several (a cased letter other than a plain ASCII one under IGNORECASE)."""
    ch = chr(code)
    if not ignorecase or ch.lower() == ch.upper():
        return ch  # matched as itself
    low = ch.lower()
    if "a" <= low <= "z" and low not in "isk":
        return low
    return None


def _better(a: Literals | None, b: Literals | None) -> Literals | None:
    if not b:
        return a
    if not a:
        return b
    return b if min(map(len, b)) > min(map(len, a)) else a


def _required(items: Sequence[tuple[Any, Any]], ignorecase: bool) -> Literals | None:
    """The best literal set of a sequence of parsed nodes: a run of literal characters, or
    the set of a group, an alternation (every branch must give one) or a repeat that must
    occur at least once. Anything else (classes, lookarounds, optional parts) ends a run."""
    best: Literals | None = None
    run: list[str] = []
    for op, av in items:
        if op is _op.LITERAL:
            ch = _literal_char(av, ignorecase)
            if ch is not None:
                run.append(ch)
                continue
        if run:
            best = _better(best, frozenset(("".join(run),)))
            run = []
        best = _better(best, _node_literals(op, av, ignorecase))
    if run:
        best = _better(best, frozenset(("".join(run),)))
    return best


def _node_literals(op: Any, av: Any, ignorecase: bool) -> Literals | None:
    if op is _op.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        # a group that changes flags (?i:…) / (?-i:…) is left alone: rare, and unread
        return None if add_flags or del_flags else _required(sub.data, ignorecase)
    if op is _op.BRANCH:
        sets = [_required(branch.data, ignorecase) for branch in av[1]]
        return frozenset().union(*sets) if all(sets) else None  # type: ignore[arg-type]
    if op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT):
        least, _most, sub = av
        return _required(sub.data, ignorecase) if least >= 1 else None
    if op is _op.ATOMIC_GROUP:
        return _required(av.data, ignorecase)
    return None


def literal_set_re(literals: Iterable[str]) -> re.Pattern[str] | None:
    """One regex matching exactly the given plain literals (``None`` for none), as a trie:
    the same strings as ``a|b|c…``, found in one pass with one branch per distinct
    character at each position."""
    words = sorted(set(literals))
    words = [w for w in words if w]
    if not words:
        return None
    return re.compile(_trie(words))


def _trie(words: list[str]) -> str:
    if "" in words:
        rest = [w for w in words if w]
        return f"(?:{_trie(rest)})?" if rest else ""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    parts = [re.escape(ch) + _trie(tails) for ch, tails in groups.items()]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


# --------------------------------------------------------------------------------------------
# The characters a match can open with


class FirstChars:
    """The characters a pattern's match can begin with, as the regex engine compares them:
    exact code points and ranges, lowered code points (a cased letter under IGNORECASE
    matches every character whose lower case is its own or one of the engine's extra
    cases: s and ſ, i and ı …) and the digit, space and word categories."""

    __slots__ = ("exact", "lowered", "ranges", "categories")

    def __init__(self) -> None:
        self.exact: set[int] = set()
        self.lowered: set[int] = set()
        self.ranges: list[tuple[int, int]] = []
        self.categories: set[str] = set()

    def add(self, other: FirstChars) -> None:
        self.exact |= other.exact
        self.lowered |= other.lowered
        self.ranges += other.ranges
        self.categories |= other.categories

    def accepts(self, ch: str) -> bool:
        code = ord(ch)
        low = _tolower(code)
        if code in self.exact or low in self.exact or low in self.lowered:
            return True
        if any(a <= code <= b or a <= low <= b for a, b in self.ranges):
            return True
        low_ch = chr(low)
        return any(_CATEGORY_TESTS[c](ch) or _CATEGORY_TESTS[c](low_ch) for c in self.categories)


_tolower = lower_code = _sre.unicode_tolower  # the engine's lower case of a code point
_iscased = _sre.unicode_iscased
# the categories of a str pattern, as the engine tests them (Py_UNICODE_ISDECIMAL …)
_CATEGORY_TESTS = {
    "digit": str.isdecimal,
    "space": str.isspace,
    "word": lambda ch: ch.isalnum() or ch == "_",
}
_CATEGORY_NAMES = {_op.CATEGORY_DIGIT: "digit", _op.CATEGORY_UNI_DIGIT: "digit",
                   _op.CATEGORY_SPACE: "space", _op.CATEGORY_UNI_SPACE: "space",
                   _op.CATEGORY_WORD: "word", _op.CATEGORY_UNI_WORD: "word"}


def first_chars(pattern: re.Pattern[str]) -> FirstChars | None:
    """What a match of ``pattern`` (from its start, as ``match`` tries it) can begin with,
    or ``None`` when that is any character or not read here (a negated class, ``.``, a
    pattern that may match the empty string)."""
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    tree = _parser.parse(pattern.pattern, pattern.flags)
    first, empty = _first_of_sequence(tree.data, ignorecase)
    return None if first is None or empty else first


def _first_of_sequence(items: Sequence[tuple[Any, Any]], ignorecase: bool
                       ) -> tuple[FirstChars | None, bool]:
    """(first characters, whether the sequence can match the empty string)."""
    acc = FirstChars()
    for op, av in items:
        first, empty = _first_of_node(op, av, ignorecase)
        if first is None:
            return None, False
        acc.add(first)
        if not empty:
            return acc, False
    return acc, True


def _first_of_node(op: Any, av: Any, ignorecase: bool) -> tuple[FirstChars | None, bool]:
    if op is _op.LITERAL:
        out = FirstChars()
        _add_literal(out, av, ignorecase)
        return out, False
    if op is _op.IN:
        return _first_of_class(av, ignorecase), False
    if op in (_op.AT, _op.ASSERT, _op.ASSERT_NOT):
        return FirstChars(), True  # zero width: what follows opens the match
    if op is _op.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return (None, False) if add_flags or del_flags else _first_of_sequence(sub.data,
                                                                               ignorecase)
    if op is _op.BRANCH:
        acc, any_empty = FirstChars(), False
        for branch in av[1]:
            first, empty = _first_of_sequence(branch.data, ignorecase)
            if first is None:
                return None, False
            acc.add(first)
            any_empty = any_empty or empty
        return acc, any_empty
    if op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT):
        least, _most, sub = av
        first, empty = _first_of_sequence(sub.data, ignorecase)
        return first, least == 0 or empty
    if op is _op.ATOMIC_GROUP:
        return _first_of_sequence(av.data, ignorecase)
    return None, False  # any character, a backreference, a conditional …


def _add_literal(out: FirstChars, code: int, ignorecase: bool) -> None:
    if not ignorecase or not _iscased(code):
        out.exact.add(code)
    else:
        low = _tolower(code)
        out.lowered.add(low)
        out.lowered.update(_EXTRA_CASES.get(low, ()))


def _first_of_class(items: Sequence[tuple[Any, Any]], ignorecase: bool) -> FirstChars | None:
    out = FirstChars()
    for op, av in items:
        if op is _op.LITERAL:
            _add_literal(out, av, ignorecase)
        elif op is _op.RANGE:
            a, b = av
            if ignorecase and any(_iscased(c) for c in range(a, min(b, a + 512) + 1)) \
                    or (ignorecase and b - a > 512):
                return None  # a cased range under IGNORECASE: not read
            out.ranges.append((a, b))
        elif op is _op.CATEGORY and av in _CATEGORY_NAMES:
            out.categories.add(_CATEGORY_NAMES[av])
        else:
            return None  # a negated class, the negated categories
    return out
