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

import re
import re._constants as _sre  # type: ignore[import-not-found]  # the parser's opcodes
import re._parser as _parser  # type: ignore[import-not-found]
from collections.abc import Iterable, Sequence
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
        if op is _sre.LITERAL:
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
    if op is _sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        # a group that changes flags (?i:…) / (?-i:…) is left alone: rare, and unread
        return None if add_flags or del_flags else _required(sub.data, ignorecase)
    if op is _sre.BRANCH:
        sets = [_required(branch.data, ignorecase) for branch in av[1]]
        return frozenset().union(*sets) if all(sets) else None  # type: ignore[arg-type]
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        least, _most, sub = av
        return _required(sub.data, ignorecase) if least >= 1 else None
    if op is _sre.ATOMIC_GROUP:
        return _required(av.data, ignorecase)
    return None


def contains_any(text: str, literals: Iterable[str]) -> bool:
    return any(lit in text for lit in literals)


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
