"""The data model's invariants: offsets fit, stated text is text[start:end], ids resolve."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.doc import DateValue, Doc, Entity, Event, Mention, Span, Token
from marsad.errors import SpanError

texts = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآ ،.؟0123456789ab", max_size=80)


@given(texts, st.integers(-5, 90), st.integers(-5, 90))
def test_span_offsets_checked_on_construction(text: str, start: int, end: int) -> None:
    doc = Doc("d", text)
    if 0 <= start <= end <= len(text):
        doc.check_span(start, end, text[start:end])
        assert doc.span_text(Span(start, end)) == text[start:end]
    else:
        with pytest.raises(SpanError):
            Span(start, end)
            doc.check_span(start, end)


@given(texts, st.data())
def test_mentions_must_read_back_their_text(text: str, data: st.DataObject) -> None:
    doc = Doc("d", text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    good = Mention(start, end, text[start:end], "PER")
    doc.set_mentions([good])
    assert doc.mentions[0].text == doc.text[start:end]
    wrong = text[start:end] + "x"
    with pytest.raises(SpanError):
        Mention(start, end, wrong, "PER")  # length no longer fits the offsets
    if end > start:
        swapped = "".join(reversed(text[start:end]))
        if swapped != text[start:end]:
            with pytest.raises(SpanError):
                doc.set_mentions([Mention(start, end, swapped, "PER")])


@given(st.lists(st.integers(1, 5), min_size=1, max_size=4))
def test_token_words_tile_the_token(lengths: list[int]) -> None:
    bounds = [0]
    for n in lengths:
        bounds.append(bounds[-1] + n)
    tok = Token(0, bounds[-1], tuple(bounds[1:-1]))
    words = tok.words
    assert [(w.start, w.end) for w in words] == list(zip(bounds, bounds[1:], strict=False))
    assert [w.kind for w in words] == ["prefix"] * (len(lengths) - 1) + ["stem"]
    assert tok.stem == words[-1]
    with pytest.raises(SpanError):
        Token(0, bounds[-1], (bounds[-1],))  # a split at the very end leaves an empty word
    if len(lengths) > 2:
        with pytest.raises(SpanError):
            Token(0, bounds[-1], tuple(reversed(bounds[1:-1])))


def test_text_is_immutable() -> None:
    doc = Doc("d", "نص")
    with pytest.raises(AttributeError):
        doc.text = "آخر"  # type: ignore[misc]


def test_events_must_refer_to_entities_of_the_doc() -> None:
    text = "التقى بوتين حفتر في موسكو"
    doc = Doc("d", text)
    m1 = Mention(6, 11, "بوتين", "PER", "vladimir_putin")
    m2 = Mention(12, 16, "حفتر", "PER", "khalifa_haftar")
    doc.set_entities([Entity("e1", "PER", "بوتين", (m1,)), Entity("e2", "PER", "حفتر", (m2,))])
    ok = Event("v1", "CONSULT", (Span(0, len(text)),), actors=("e1",), targets=("e2",))
    doc.set_events([ok])
    with pytest.raises(SpanError):
        doc.set_events([Event("v2", "CONSULT", (Span(0, 5),), actors=("e9",))])
    with pytest.raises(SpanError):
        Event("v3", "MEET", (Span(0, 5),))
    with pytest.raises(SpanError):
        Event("v4", "CONSULT", ())
    with pytest.raises(SpanError):
        Event("v5", "CONSULT", (Span(0, 5),), certainty="maybe")


def test_date_values_are_ordered_and_complete() -> None:
    assert DateValue(0, 3, "أمس", date(2025, 5, 11), date(2025, 5, 11)).precision == "day"
    with pytest.raises(SpanError):
        DateValue(0, 3, "أمس", date(2025, 5, 12), date(2025, 5, 11))
    with pytest.raises(SpanError):
        DateValue(0, 3, "أمس", date(2025, 5, 12), None)
    with pytest.raises(SpanError):
        DateValue(0, 2, "أمس", None, None)
    assert DateValue(0, 3, "أمس", None, None).first is None


def test_sentence_lookup() -> None:
    doc = Doc("d", "جملة أولى. جملة ثانية.")
    doc.set_sentences([Span(0, 10), Span(11, 22)])
    assert doc.sentence_of(3) == Span(0, 10)
    assert doc.sentence_of(15) == Span(11, 22)
    assert doc.sentence_of(10) is None


def test_token_keys_given_or_computed_and_sentence_token_ranges() -> None:
    from marsad.text.normalize import match_key
    from marsad.text.segment import sentence_spans, tokenize_keyed

    text = "التقى حفتر بوتين. وأعلن الكرملين!\n\nثم، لا شيء"
    doc = Doc("d", text)
    doc.set_sentences(sentence_spans(text))
    tokens, keys = tokenize_keyed(text)
    doc.set_tokens(tokens)
    assert list(doc.token_keys) == [match_key(text[t.start : t.end]) for t in tokens]
    doc.set_tokens(tokens, keys)
    assert list(doc.token_keys) == keys
    with pytest.raises(SpanError):
        doc.set_tokens(tokens, keys[:-1])
    ranges = doc.sentence_token_ranges()
    assert len(ranges) == len(doc.sentences) == 3
    for s, (a, b) in zip(doc.sentences, ranges, strict=True):
        assert all(s.start <= t.start and t.end <= s.end for t in tokens[a:b])
    assert [b - a for a, b in ranges] == [4, 3, 4]
    assert ranges[-1][1] == len(tokens)
