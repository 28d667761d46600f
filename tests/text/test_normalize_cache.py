"""match_key caches tokens, not whole lines (issue #19: an ingest's memory grew with every
line of every article until the cache was full)."""

from __future__ import annotations

import pytest

from marsad.text import normalize


def test_long_strings_are_keyed_but_not_cached() -> None:
    line = "قال الرئيس في مؤتمر صحفي إن الاتفاق قريب، وأكد أن المحادثات ستستمر " * 2
    assert len(line) > normalize.CACHED_CHARS
    assert normalize.match_key(line) == normalize.match_key.__wrapped__(line)
    assert normalize.match_key(line).startswith("قال الرييس")
    assert line not in normalize._cached_keys
    assert normalize.match_key("الإمارات") == "الامارات"  # a token is cached
    assert normalize._cached_keys["الإمارات"] == "الامارات"


def test_the_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalize, "CACHED_KEYS", 2)
    monkeypatch.setattr(normalize, "_cached_keys", {})
    for word in ("أ", "ب", "ة", "ى"):
        normalize.match_key(word)
    assert len(normalize._cached_keys) <= 2
    assert normalize.match_key("ى") == "ي"


def test_fold_is_the_characters_keys_with_their_offsets() -> None:
    text = "وَقالَ\u200f الرئيسُ: إنّ ٢٠٢٥ ABC"
    key, index = normalize.fold(text)
    assert key == "".join(normalize.fold_char(ch) for ch in text)
    assert len(index) == len(key) + 1 and index[-1] == len(text)
    assert all(normalize.fold_char(text[i]) == key[n] for n, i in enumerate(index[:-1]))
    assert normalize.fold("abc") == ("abc", [0, 1, 2, 3])  # nothing dropped: offsets kept


def test_match_key_collapses_every_white_space() -> None:
    assert normalize.match_key("\u00a0 قال\t\u2003الرئيس\n") == "قال الرييس"
    long = "قال\u2009 الرئيس\u3000" * 20  # past the cached length: the same white space
    assert normalize.match_key(long) == " ".join(["قال الرييس"] * 20)


def test_the_list_table_folds_every_code_point_as_the_mapping_does() -> None:
    """The translate table is a list by code point (faster than a dict that raises KeyError
    for each letter left alone); it must fold every character exactly as the mapping."""
    mapping = str.maketrans(normalize._MAP)
    every = "".join(chr(c) for c in range(0x2FFFF) if not 0xD800 <= c < 0xE000)
    assert every.translate(normalize._TABLE) == every.translate(mapping)
    assert normalize.match_key.__wrapped__("  إلى ٢٠ مؤتمرًا\u200f ") == "الي 20 موتمرا"
