"""match_key caches tokens, not whole lines (issue #19: an ingest's memory grew with every
line of every article until the cache was full)."""

from __future__ import annotations

from marsad.text import normalize


def test_long_strings_are_keyed_but_not_cached() -> None:
    line = "قال الرئيس في مؤتمر صحفي إن الاتفاق قريب، وأكد أن المحادثات ستستمر " * 2
    assert len(line) > normalize.CACHED_CHARS
    before = normalize._cached_match_key.cache_info().currsize
    assert normalize.match_key(line) == normalize.match_key.__wrapped__(line)
    assert normalize.match_key(line).startswith("قال الرييس")
    assert normalize._cached_match_key.cache_info().currsize == before
    normalize.match_key("الإمارات")  # a token is cached: asking again is a hit
    hits = normalize._cached_match_key.cache_info().hits
    assert normalize.match_key("الإمارات") == "الامارات"
    assert normalize._cached_match_key.cache_info().hits == hits + 1
