"""marsad.clean.literals: the literals a regex cannot match without, and literal-set searches.

The cleaner passes over a line when it holds none of an inline pattern's required literals,
so a set must be *necessary*: every match contains one of its members."""

from __future__ import annotations

import re

import pytest

from marsad.clean.literals import literal_set_re, required_literals
from marsad.clean.text_rules import load_rules
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
                assert rs.inline_literals is None or rs.inline_literals.search(key)


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
