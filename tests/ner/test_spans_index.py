"""The span indexes that keep recognition linear on long documents (issue #15: a
book-length input made it quadratic) answer exactly as the scans they replace."""

from __future__ import annotations

import random

from marsad.doc import Mention
from marsad.ner import _ByStart, _Cover


def _spans(rnd: random.Random, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        s = rnd.randrange(0, 300)
        out.append((s, s + rnd.randrange(1, 25)))
    return out


def test_cover_holds_and_meets_as_a_scan() -> None:
    rnd = random.Random(5)
    for _ in range(200):
        spans = _spans(rnd, rnd.randrange(0, 12))
        cover = _Cover(spans)
        for s, e in _spans(rnd, 20):
            assert cover.holds(s, e) == any(a <= s and e <= b for a, b in spans)
            assert cover.meets(s, e) == any(a < e and s < b for a, b in spans)


def _mention(s: int, e: int, key: str | None) -> Mention:
    return Mention(s, e, "x" * (e - s), "GPE", key, "kb")


def test_by_start_windows_and_last_mention_as_a_scan() -> None:
    rnd = random.Random(9)
    for _ in range(200):
        ms = [_mention(s, e, rnd.choice(["kb:a", "kb:b", "kb:c", None]))
              for s, e in _spans(rnd, rnd.randrange(0, 15))]
        near = _ByStart(ms)
        lo, hi = sorted((rnd.randrange(0, 320), rnd.randrange(0, 320)))
        assert sorted(near.between(lo, hi), key=lambda m: (m.start, m.end)) == sorted(
            (m for m in ms if lo <= m.start < hi), key=lambda m: (m.start, m.end))
        keys, before = {"kb:a", "kb:b"}, rnd.randrange(0, 320)
        found = near.last_of(keys, before)
        named = [m for m in ms if m.kb_id in keys and m.end <= before]
        if not named:
            assert found is None
        else:
            assert found is not None and found.start == max(m.start for m in named)
