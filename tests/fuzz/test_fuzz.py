"""Bounded fuzzing (issue #15): the readers, the text steps and the whole pipeline take any
input without raising, within a few seconds per target on CI. Every crash class found so
far is a permanent example (``hostile.REGRESSIONS`` and the ``@example`` cases).

For a long campaign with figures (inputs/s, crashes by class, slowest inputs) run
``python bench/fuzz_campaign.py``.
"""

from __future__ import annotations

import random
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from marsad.doc import Doc, Failure
from marsad.ingest import RawArticle, read_paths
from marsad.text.segment import MAX_SENTENCE_CHARS, sentence_spans

from .hostile import GENERATORS, REGRESSIONS, arabicish, demo_articles

# Bounded for CI: a few seconds per target. No example database: CI keeps no state.
BOUNDED = settings(max_examples=60, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _read_bytes(suffix: str, data: bytes) -> list[RawArticle | Failure]:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"input{suffix}"
        p.write_bytes(data)
        out = list(read_paths([d]))
    for item in out:
        assert isinstance(item, RawArticle | Failure)
        if isinstance(item, RawArticle):
            item.content.encode("utf-8")  # storable and writable: no lone surrogate
            item.doc_id.encode("utf-8")
        else:
            assert "input" in item.reason  # the failure names the file
    return out


# -- readers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(REGRESSIONS))
def test_regression_inputs_are_read_or_refused(name: str) -> None:
    suffix, data = REGRESSIONS[name]
    _read_bytes(suffix, data)


@BOUNDED
@given(st.sampled_from(sorted(GENERATORS)), st.randoms(use_true_random=False))
def test_generated_inputs_are_read_or_refused(gen: str, rnd: random.Random) -> None:
    args = (rnd, _DEMO) if gen == "mutated article" else (rnd,)
    _read_bytes(*GENERATORS[gen](*args))


_JSON_PIECES = st.sampled_from(['{', '}', '[', ']', '"', ':', ',', '"id"', '"text"', '"html"',
                                '\\ud800', '\\u2028', '\u2028', '1' * 5000, 'NaN', 'true',
                                '"قال الرئيس"', ' ', '\r', '\n', '\\', 'null', '-0', '1e999'])


@BOUNDED
@given(st.lists(st.one_of(_JSON_PIECES, st.text(max_size=20)), max_size=40))
@example(['{"id": "a", "text": "', '\\ud800', '"}'])
@example(['{"id": ', '1' * 5000, ', "text": "x"}'])
@example(['['] * 100_000)
@example(['{"id": "a", "text": "x', '\u2028', 'y"}'])
def test_jsonl_reader(pieces: list[str]) -> None:
    line = "".join(pieces)
    res = _read_bytes(".jsonl", line.encode("utf-8", "surrogatepass"))
    assert len(res) <= line.count("\n") + 1


@BOUNDED
@given(st.lists(st.one_of(st.sampled_from(["<math>", "<a>", "<svg>", "</a>", "<p>", "</p>",
                                           "<table>", "<td>", "<script>", "<!--", "-->",
                                           "<![CDATA[", "]]>", "<html>", "<body>", "&amp;",
                                           "&#0;", "&#xD800;", "\x00"]),
                          st.text(max_size=30)), max_size=60))
@example(["<math>", "<a>", "<a>"])
def test_html_reader_and_extractor(pieces: list[str]) -> None:
    pytest.importorskip("trafilatura")
    from marsad.clean.html import clean_html

    page = "".join(pieces)
    _read_bytes(".html", page.encode("utf-8", "surrogatepass"))
    art = clean_html(page)
    assert isinstance(art.cleaned.text, str)


# -- text steps ------------------------------------------------------------------------------

_ARABIC_TEXT = st.builds(arabicish, st.randoms(use_true_random=False), st.integers(0, 120))
_ANY_TEXT = st.one_of(_ARABIC_TEXT, st.text(max_size=300))


@BOUNDED
@given(_ANY_TEXT, st.one_of(st.none(), st.dates(date(1, 1, 1), date(9999, 12, 31))))
@example("J. " * 2000, None)
@example("جمادى ؤخر", None)
@example("ذو الحجة", date(623, 1, 1))
def test_cleaner_splitter_and_date_finder(text: str, ref: date | None) -> None:
    from marsad.clean.text_rules import clean_text
    from marsad.text.dates import find_dates

    cleaned = clean_text(text)
    spans = sentence_spans(cleaned.text)
    last = 0
    for s in spans:
        assert last <= s.start < s.end <= len(cleaned.text)
        assert s.end - s.start <= MAX_SENTENCE_CHARS
        last = s.end
        for m in find_dates(cleaned.text[s.start:s.end], ref=ref):
            assert 0 <= m.start < m.end <= s.end - s.start
            assert m.first is None or m.last is None or m.first <= m.last


# -- the whole pipeline ----------------------------------------------------------------------

_PIPELINE = None
_DEMO = demo_articles()


def _pipeline():  # type: ignore[no-untyped-def]
    global _PIPELINE
    if _PIPELINE is None:
        from marsad.pipeline import Pipeline

        _PIPELINE = Pipeline(article_seconds=10)
        _PIPELINE.warm_up()
    return _PIPELINE


@settings(BOUNDED, max_examples=30)
@given(_ARABIC_TEXT, st.sampled_from([None, "2025-05-12", "0623-01-01", "9999-12-31", "x"]))
@example("جمادى ؤخر 1445 " * 3, "0623-01-01")
def test_the_pipeline_never_raises_on_short_arabic_text(text: str, published: str | None) -> None:
    res = _pipeline().process_safe(RawArticle("fuzz", text, "text", published=published))
    assert isinstance(res, Doc | Failure)
    if isinstance(res, Doc):
        for m in res.mentions:
            assert res.text[m.start:m.end] == m.text
