"""Memory across and within sentences: what the article has told so far (events, the last
sources, the last actor, the two sides last named together) and what the sentence being
read has found (its mentions, sources, dates, and the events it made)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..doc import DateValue, Event, Span
from .sources import Cited
from .triggers import TriggerHit
from .view import Placed


@dataclass
class Discourse:
    """The article so far."""

    events: list[Event] = field(default_factory=list)
    told_types: set[str] = field(default_factory=set)  # the types of the events told
    background: list[bool] = field(default_factory=list)  # per event: told as a cause
    apart: set[tuple[int, int]] = field(default_factory=set)  # triggers told as concurrent
    purposes: set[tuple[int, int]] = field(default_factory=set)  # purpose nouns ("للقاء")
    last_sources: tuple[str, ...] = ()
    last_actor: str | None = None  # for pronouns that refer back across sentences
    last_pair: tuple[str, ...] = ()  # the two sides last named together, for "الجانبان"


@dataclass
class Sentence:
    """One sentence being read: tokens ``[a, b)`` of the document."""

    span: Span
    a: int
    b: int
    hits: list[TriggerHit]
    ms: list[Placed]  # participants' mentions (titles' organisations left out)
    cited: list[Cited]
    source_ms: set[int]  # first tokens of the mentions cited as sources
    dates: list[DateValue]
    statement_dates: list[DateValue]  # dates of a statement ("في بيان الأحد")
    story_at: list[tuple[int, int]]  # story-relative phrases ("في اليوم نفسه")
    hedges: tuple[list[tuple[int, int]], list[tuple[int, int]]]  # denials, doubts
    prev_actors: tuple[str, ...] = ()
    # the actors of the sentence's last act told by a verb ("أدانت روسيا الضربات الأمريكية،
    # وطلبت …": a verb joined on goes on with Russia, not with the strikes named between)
    verb_actors: tuple[str, ...] = ()
    consumed: set[int] = field(default_factory=set)  # tokens of nouns that only refer back
    made: set[int] = field(default_factory=set)  # first tokens of triggers that made events
    events: list[Event] = field(default_factory=list)
    # the sentence's words, bare and without one leading و/ف/ب/ل: a gate whose cue words
    # are none of these has nothing to look for (most sentences)
    words: frozenset[str] = frozenset()
    # the last tokens of the mentions: rules asking "does a name end here?" of a few tokens
    # before a mention look them up instead of scanning every mention (made with the
    # sentence: a gate asks it of nearly every trigger, and a cached property's first
    # reading, under its lock, cost more than making it)
    ms_lasts: frozenset[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.ms_lasts = frozenset(q.last for q in self.ms)
