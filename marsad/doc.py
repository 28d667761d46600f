"""The data model: one immutable cleaned text per article, every annotation an offset into it.

A :class:`Doc` owns the text. Spans, tokens with their clitic words, mentions, entities,
date values and events are small frozen records holding half-open ``[start, end)`` offsets.
They are attached to a Doc through its ``add_*``/``set_*`` methods, which check on the way in
that the offsets fit and that any text a record states is exactly ``doc.text[start:end]``.
Nothing ever rewrites ``doc.text``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from .errors import SpanError

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "FAC")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# PLOVER's four quad classes as the manual's summary table gives them, except SANCTION, which
# its own section (and rpolecat) files as material conflict. One reading for every view: the
# workbench's colours, the ACLED-like class column and the PLOVER export's quad_code.
PLOVER_QUADS = ("verbal-cooperation", "material-cooperation", "verbal-conflict",
                "material-conflict")
PLOVER_QUAD: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal-cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material-cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal-conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
                    "material-conflict"),
}
CERTAINTIES = ("asserted", "reported", "uncertain", "denied")
WORD_KINDS = ("prefix", "stem", "suffix")


def _check_offsets(start: int, end: int) -> None:
    if not (isinstance(start, int) and isinstance(end, int)):
        raise SpanError(f"offsets must be integers, got {start!r}, {end!r}")
    if start < 0 or end < start:
        raise SpanError(f"bad offsets [{start}, {end})")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range of the doc text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Word:
    """A syntactic word inside a token: a clitic prefix (و، ب، ال…), the stem, or a suffix."""

    start: int
    end: int
    kind: str

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)
        if self.kind not in WORD_KINDS:
            raise SpanError(f"unknown word kind {self.kind!r}")


class _TokenFields(NamedTuple):
    start: int
    end: int
    splits: tuple[int, ...] = ()
    is_punct: bool = False


class Token(_TokenFields):
    """A white-space/punctuation delimited token, and the words its clitics make.

    ``وبوتين`` is one token with two words, ``و`` (prefix) and ``بوتين`` (stem). ``splits``
    holds the offsets where each word after the first begins; the last word is the stem.
    Words are derived on access: most tokens are one word. Tokens are the most numerous
    records (tens of thousands a second), so they are immutable named tuples, checked on
    construction like every other record but about twice as cheap to make as a dataclass.
    """

    __slots__ = ()

    def __new__(cls, start: int, end: int, splits: tuple[int, ...] = (),
                is_punct: bool = False) -> Token:
        if type(start) is not int or type(end) is not int or start < 0 or end < start:
            _check_offsets(start, end)  # raises with the detailed message
        prev = start
        for at in splits:
            if not prev < at < end:
                raise SpanError(f"word splits {splits} do not fall inside token "
                                f"[{start}, {end}) in order")
            prev = at
        return tuple.__new__(cls, (start, end, splits, is_punct))

    @property
    def words(self) -> tuple[Word, ...]:
        bounds = (self.start, *self.splits, self.end)
        last = len(bounds) - 2
        return tuple(Word(bounds[i], bounds[i + 1], "stem" if i == last else "prefix")
                     for i in range(last + 1))

    @property
    def stem(self) -> Word:
        return Word(self.splits[-1] if self.splits else self.start, self.end, "stem")


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text referring to an entity. ``text`` excludes clitic prefixes."""

    start: int
    end: int
    text: str
    type: str
    kb_id: str | None = None
    source: str = "kb"  # kb | pattern | coref: which recogniser found it (for debugging)

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)
        if len(self.text) != self.end - self.start:
            raise SpanError(f"mention text {self.text!r} does not fit [{self.start}, {self.end})")
        if self.type not in ENTITY_TYPES:
            raise SpanError(f"unknown entity type {self.type!r}")


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity of one document with all its mentions."""

    id: str
    type: str
    name: str
    mentions: tuple[Mention, ...]
    kb_id: str | None = None
    name_en: str | None = None
    lat: float | None = None
    lon: float | None = None

    def __post_init__(self) -> None:
        if self.type not in ENTITY_TYPES:
            raise SpanError(f"unknown entity type {self.type!r}")
        if not self.mentions:
            raise SpanError(f"entity {self.id} has no mention")


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date expression in the text and the days it covers (None when unresolved)."""

    start: int
    end: int
    text: str
    first: date | None
    last: date | None
    precision: str = "day"

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)
        if len(self.text) != self.end - self.start:
            raise SpanError(f"date text {self.text!r} does not fit [{self.start}, {self.end})")
        if (self.first is None) != (self.last is None):
            raise SpanError("a date value has both first and last day or neither")
        if self.first is not None and self.last is not None and self.first > self.last:
            raise SpanError(f"date range {self.first}..{self.last} runs backwards")


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event. Participants are entity ids of the same document."""

    id: str
    type: str
    evidence: tuple[Span, ...]
    mode: str | None = None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    location: str | None = None
    date: DateValue | None = None
    attributed_to: tuple[str, ...] = ()
    certainty: str = "asserted"
    trigger: Span | None = None

    def __post_init__(self) -> None:
        if self.type not in PLOVER_TYPES:
            raise SpanError(f"unknown PLOVER type {self.type!r}")
        if self.certainty not in CERTAINTIES:
            raise SpanError(f"unknown certainty {self.certainty!r}")
        if not self.evidence:
            raise SpanError(f"event {self.id} has no evidence")


@dataclass(frozen=True, slots=True)
class Filing:
    """A filing-place dateline opening a paragraph ("موسكو - "، "الرباط (أ ف ب) -"): its whole
    span, the place it names (``place_key`` its knowledge-base key, None when unknown) and the
    agency or outlet credit, if any. A name inside it is no mention of the article."""

    start: int
    end: int
    place: Span
    place_key: str | None = None
    credit: Span | None = None

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)
        whole = Span(self.start, self.end)
        for part in (self.place, self.credit):
            if part is not None and not whole.contains(part):
                raise SpanError(f"dateline part {part} outside [{self.start}, {self.end})")


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the raw input that cleaning removed, and the rule that removed it."""

    start: int
    end: int
    rule: str
    text: str


@dataclass(frozen=True, slots=True)
class Source:
    path: str | None = None
    url: str | None = None
    outlet: str | None = None


class Doc:
    """One article: its immutable cleaned text and every annotation over it."""

    __slots__ = (
        "doc_id", "_text", "source", "title", "published", "published_source",
        "published_ambiguous", "language", "raw",
        "removals", "dateline", "filing", "sentences", "tokens", "token_keys", "dates", "mentions",
        "entities", "events", "meta", "_ranges", "_starts",
    )

    def __init__(
        self,
        doc_id: str,
        text: str,
        *,
        source: Source | None = None,
        title: str | None = None,
        published: date | None = None,
        language: str = "ar",
        raw: str | None = None,
        removals: Sequence[Removal] = (),
    ) -> None:
        if not isinstance(text, str):
            raise SpanError("doc text must be a str")
        self.doc_id = doc_id
        self._text = text
        self.source = source or Source()
        self.title = title
        self.published = published
        # Where the date was read ("header", "dateline", "byline", "footer", "html-meta",
        # "input"), and whether its numbers allowed day and month to be swapped.
        self.published_source: str | None = None
        self.published_ambiguous = False
        self.language = language
        self.raw = raw
        self.removals: tuple[Removal, ...] = tuple(removals)
        self.dateline: Span | None = None  # the publication-date line the cleaner chose
        self.filing: tuple[Filing, ...] = ()  # filing-place datelines (text/filing.py)
        self.sentences: tuple[Span, ...] = ()
        self.tokens: tuple[Token, ...] = ()
        # the normalised match key of every token, derived once for all the stages that
        # match words (text/normalize.match_key)
        self.token_keys: tuple[str, ...] = ()
        self.dates: tuple[DateValue, ...] = ()
        self.mentions: tuple[Mention, ...] = ()
        self.entities: tuple[Entity, ...] = ()
        self.events: tuple[Event, ...] = ()
        self.meta: dict[str, Any] = {}
        self._ranges: list[tuple[int, int]] | None = None  # derived from sentences and tokens
        self._starts: list[int] | None = None  # derived from tokens

    @property
    def text(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"Doc({self.doc_id!r}, {len(self._text)} chars)"

    # -- checks ----------------------------------------------------------------------------
    def check_span(self, start: int, end: int, text: str | None = None) -> None:
        _check_offsets(start, end)
        if end > len(self._text):
            raise SpanError(f"span [{start}, {end}) beyond text of {len(self._text)} chars")
        if text is not None and self._text[start:end] != text:
            raise SpanError(
                f"span [{start}, {end}) reads {self._text[start:end]!r}, not {text!r}"
            )

    def span_text(self, span: Span | Mention | DateValue | Word | Token) -> str:
        return self._text[span.start : span.end]

    # -- setters that validate -------------------------------------------------------------
    def set_sentences(self, spans: Iterable[Span]) -> None:
        out = tuple(spans)
        for s in out:
            self.check_span(s.start, s.end)
        self.sentences = out
        self._ranges = None

    def set_tokens(self, tokens: Iterable[Token], keys: Sequence[str] | None = None) -> None:
        """The tokens, and their match keys (computed here unless the tokenizer gave them)."""
        from .text.normalize import match_key

        out = tuple(tokens)
        text = self._text
        # each Token checked its own offsets when made; here only that they fit the text
        n = len(text)
        for t in out:
            if not isinstance(t, Token) or t.end > n:
                raise SpanError(f"token {t!r} does not fit a text of {n} chars")
        if keys is not None and len(keys) != len(out):
            raise SpanError(f"{len(keys)} token keys for {len(out)} tokens")
        self.tokens = out
        self.token_keys = tuple(keys) if keys is not None else tuple(
            match_key(text[t.start : t.end]) for t in out)
        self._ranges = None
        self._starts = None

    def set_dates(self, dates: Iterable[DateValue]) -> None:
        out = tuple(dates)
        for d in out:
            self.check_span(d.start, d.end, d.text)
        self.dates = out

    def set_filing(self, filings: Iterable[Filing]) -> None:
        out = tuple(filings)
        for f in out:
            self.check_span(f.start, f.end)
        self.filing = out

    @property
    def filing_place(self) -> str | None:
        """The knowledge-base key of the place the article was filed from, if known."""
        return self.filing[0].place_key if self.filing else None

    def set_mentions(self, mentions: Iterable[Mention]) -> None:
        out = tuple(sorted(mentions, key=lambda m: (m.start, -m.end)))
        for m in out:
            self.check_span(m.start, m.end, m.text)
        self.mentions = out

    def set_entities(self, entities: Iterable[Entity]) -> None:
        out = tuple(entities)
        ids = set()
        for e in out:
            if e.id in ids:
                raise SpanError(f"duplicate entity id {e.id}")
            ids.add(e.id)
            for m in e.mentions:
                self.check_span(m.start, m.end, m.text)
        self.entities = out

    def set_events(self, events: Iterable[Event]) -> None:
        out = tuple(events)
        ids = {e.id for e in self.entities}
        for ev in out:
            for ref in (*ev.actors, *ev.targets, *ev.attributed_to):
                if ref not in ids:
                    raise SpanError(f"event {ev.id} refers to unknown entity {ref}")
            if ev.location is not None and ev.location not in ids:
                raise SpanError(f"event {ev.id} refers to unknown place {ev.location}")
            for sp in ev.evidence:
                self.check_span(sp.start, sp.end)
            if ev.date is not None:
                self.check_span(ev.date.start, ev.date.end, ev.date.text)
        self.events = out

    # -- lookups ---------------------------------------------------------------------------
    def sentence_of(self, offset: int) -> Span | None:
        """The sentence containing ``offset`` (binary search; sentences are in order)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def token_starts(self) -> list[int]:
        """Where each token starts, in order (computed once; do not modify the list)."""
        if self._starts is None:  # (set_tokens resets it)
            self._starts = [t.start for t in self.tokens]
        return self._starts

    def sentence_token_ranges(self) -> list[tuple[int, int]]:
        """For each sentence, the [first, last) indexes of the tokens it holds."""
        if self._ranges is not None:
            return self._ranges
        out: list[tuple[int, int]] = []
        toks = self.tokens
        starts = self.token_starts()
        ends = [t.end for t in toks]
        i = 0
        for s in self.sentences:
            # the first token ending after the sentence starts, and the first one at or
            # after its end (tokens are in order and do not overlap)
            i = bisect.bisect_right(ends, s.start, i)
            j = bisect.bisect_left(starts, s.end, i)
            out.append((i, j))
            i = j
        self._ranges = out
        return out

    def entity(self, entity_id: str) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None


@dataclass
class Failure:
    """An article the pipeline could not process, with the reason."""

    doc_id: str
    path: str | None
    stage: str
    reason: str
    code: str = "E021"
    extra: dict[str, Any] = field(default_factory=dict)
