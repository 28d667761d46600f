"""marsad.clean.literals: the literals a regex cannot match without, and literal-set searches.

The cleaner passes over a line when it holds none of an inline pattern's required literals,
so a set must be *necessary*: every match contains one of its members."""

from __future__ import annotations

import re

import pytest
import yaml

from marsad.clean.literals import first_chars, literal_set_re, required_literals
from marsad.clean.text_rules import _BUCKETS, RULES_PATH, _core, load_rules
from marsad.text.normalize import match_key


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"\s*//\s*انتهي\s*//", 0, {"انتهي"}),
    (r"(?<=\S)\s+(?:photos?|videos?)\s+\d+\s*$", re.I, {"photo", "deo"}),  # i: ı too
    (r"(?:منذ|قبل) \d{1,3} ساعه", 0, {" ساعه"}),  # the longest-shortest set wins
    (r"(?:ال)?رابط", 0, {"رابط"}),  # an optional part gives nothing
    (r"(?:اقرا|طالع)?\s*\d+", 0, None),  # nothing required at all
    (r"x+يوم", 0, {"يوم"}),
    (r"(?:قصف)+", 0, {"قصف"}),  # a repeat that must occur once
    (r"\bSKY\b", re.I, {"y"}),  # not s or k: the engine also equates ſ and the Kelvin sign
    (r"(?i:news)|خبر", 0, None),  # a group that changes flags is not read
])
def test_required_literals(pattern: str, flags: int, expected: set[str] | None) -> None:
    got = required_literals(re.compile(pattern, flags))
    assert (set(got) if got is not None else None) == expected


# invented lines with and without furniture, folded as the cleaner folds them
_LINES = [
    "قصفت الطائرات مواقع في الشمال // انتهى // 12:30 ت م",
    "وقال الوزير إن المحادثات ستستمر. اقرأ أيضا: الحكومة تعلن خطة جديدة للطرق وقال المتحدث",
    "صورة الاجتماع photos 12",
    "الجيش يعلن السيطرة على البلدة | منذ 3 ساعات",
    "تم نسخ الرابط",
    "زيارة الوزير &quot;الرسمية&quot; إلى القاهرة",
    "(Photo by Ahmad Salem) ",
    "1. الرئيسية 2. أخبار",
    "http://example.com/a/1 وثيقة",
    "اجتماع عادي لمجلس الإدارة دون أي إشارة",
]


def test_inline_literals_are_necessary() -> None:
    """For every inline pattern of furniture.yaml: a line it matches holds one of its
    literals, and the one search for all literals finds something there."""
    rs = load_rules()
    assert rs.inline_gates
    for line in _LINES:
        key = match_key(line)
        for lits, pattern in rs.inline_gates:
            if pattern.search(key) is not None:
                assert lits is None or any(lit in key for lit in lits), (pattern.pattern, line)
                assert lits is None or rs.inline_literals is not None and \
                    rs.inline_literals.search(key), (pattern.pattern, line)
                assert (lits is None) == (pattern in rs.inline_ungated)


def test_literal_set_re_matches_the_flat_alternation() -> None:
    words = ["مدير عام", "مدير", "مجلس الإدارة", "cookie", "cookies", "©", "e-paper", "a|b"]
    trie = literal_set_re(words)
    flat = re.compile("|".join(re.escape(w) for w in words))
    assert trie is not None
    for text in [*_LINES, "cookie policy", "مدي", "e-pape", "x a|b y", "© 2024", ""]:
        assert (trie.search(text) is None) == (flat.search(text) is None), text
    for w in words:  # each literal alone, and inside other text
        assert trie.fullmatch(w) and trie.search(f"قبل {w} بعد")
    assert literal_set_re([]) is None


@pytest.mark.parametrize("pattern, flags, opens, not_opens", [
    (r"اقرا ايضا", re.I, "ا", "و"),
    (r"(?:\d+\s*)?(?:تعليق|comments?)$", re.I, "1٣تcC", "وx"),  # optional first part
    (r"(?<=\S)\s*summary", re.I, "sSſ \t", "x"),  # a lookbehind is zero width; ſ is an s
    (r"[0-9]+ ساعه", 0, "05", "٥س"),  # a range is exact
    (r"\w+:", re.I, "aب_3", " :"),
])
def test_first_chars(pattern: str, flags: int, opens: str, not_opens: str) -> None:
    fc = first_chars(re.compile(pattern, flags))
    assert fc is not None
    assert all(fc.accepts(ch) for ch in opens)
    assert not any(fc.accepts(ch) for ch in not_opens)


@pytest.mark.parametrize("pattern", [r"[^ا]+", r".{0,20}الفجر", r"(?:منذ)?", r"(?i:x)y"])
def test_first_chars_unknown(pattern: str) -> None:
    """A negated class, any character, a pattern matching the empty string, a group that
    changes flags: no set (the pattern is tried on every line)."""
    assert first_chars(re.compile(pattern)) is None


def _example_keys() -> list[str]:
    data = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    texts = [*_LINES, *(t for r in data["rules"] for v in ("drop", "keep")
                        for t in (r.get("examples") or {}).get(v, []))]
    keys = [match_key(t) for t in texts]
    return [k for k in keys if k] + [_core(k) for k in keys if _core(k)]


def test_prefilter_names_the_first_matching_rule() -> None:
    """The prefilter of every bucket and view gives what trying each of its rules' patterns
    in file order gives, on every example line of furniture.yaml and its core (each line
    asked of the buckets that take its length, as match_line asks)."""
    rs = load_rules()
    keys = _example_keys()
    for k, bucket in enumerate(rs.prefilters):
        low = _BUCKETS[k]
        high = _BUCKETS[k + 1] if k + 1 < len(_BUCKETS) else 10**6
        fitting = [key for key in keys if low < key.count(" ") + 1 <= high or k == 0]
        for pre in bucket:
            if pre is None:
                continue
            patterns = sorted(
                [(idx, p) for _fc, idx, p in pre.known]
                + [(pre.group_rule[g], rs.rules[pre.group_rule[g]].patterns[int(n) - 1])
                   for g in (pre.always.groupindex if pre.always else {})
                   for n in [g.rsplit("_", 1)[1]]],
                key=lambda x: x[0])
            for key in fitting:
                naive = next((idx for idx, p in patterns if p.match(key)), len(rs.rules))
                assert pre.first_rule(key, len(rs.rules)) == naive, key


def test_line_breaks_crlf_is_one_break() -> None:
    """_BREAK_RE (one class, a CR taking its LF) breaks where "\\r\\n|[…]" breaks, on every
    string of up to four characters from the terminators and a letter."""
    import itertools

    from marsad.clean.text_rules import _BREAK_RE

    plain = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")
    alphabet = "\r\nب\u2028\x0b\x85"
    for n in range(1, 5):
        for chars in itertools.product(alphabet, repeat=n):
            s = "".join(chars)
            assert [m.span() for m in _BREAK_RE.finditer(s)] == \
                [m.span() for m in plain.finditer(s)], repr(s)
