"""A trigger's clause (where it reaches, who speaks before it, what its pronoun refers to),
the roles found for it, and the context a role rule reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from ..doc import PLOVER_TYPES
from .discourse import Discourse, Sentence
from .lexicon import Lexicon
from .triggers import Trigger, TriggerHit
from .view import DocView, Placed


@dataclass(frozen=True)
class Clause:
    hit: TriggerHit
    t_first: int  # the trigger's first and last tokens (absolute)
    t_last: int
    left: int  # where the clause begins: after the last trigger that made an event
    right: int  # where it ends: the next trigger
    lo: int  # the tokens the trigger reaches for participants: [lo, hi)
    hi: int
    antecedent: str | None = None  # what an attached pronoun (or a dropped subject) is
    speaker: Placed | None = None  # who speaks before the trigger ("قال X إن …")
    source_ms: frozenset[int] = frozenset()  # first tokens of source mentions to pass over
    concurrent: bool = False  # told as concurrent with another happening ("تزامنا مع")
    # the hit's trigger and whether it is a verb: read by nearly every rule, so stored
    # once rather than derived on each reading
    trigger: Trigger = field(init=False, repr=False, compare=False)
    is_verb: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "trigger", self.hit.trigger)
        object.__setattr__(self, "is_verb", self.hit.trigger.pos == "verb")


# the weakest reading of a verbal noun's participants, which rules may override
AFTER_NOUN = "first participant after the noun"
# a relative clause on a noun that names no one ("الهجوم الذي استهدف …"): the act's doer is
# that unnamed noun, so no rule lends it another subject
UNNAMED_ANTECEDENT = "unnamed antecedent of the relative pronoun"
# a body's own meeting ("اجتماع لمجلس الأمن"): one side is enough
BODY_MEETING = "a body's own meeting"


@dataclass(frozen=True)
class Roles:
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    location: str | None = None
    # how the subject was chosen ("first participant after the noun" is the weakest
    # reading; a rule may override it); rules that change the roles leave it empty
    basis: str = field(default="", compare=False)
    # the (type, mode) the event takes instead of its trigger's, when a rule re-reads
    # the act ("ضرورة انسحاب القوات" is a demand for the withdrawal)
    retyped: tuple[str, str | None] | None = None


@dataclass
class Context:
    """What a rule may read: the document, the lexicon, the article so far, the sentence,
    the clause; ``trace`` collects (step, detail) pairs when explaining."""

    doc: DocView
    lex: Lexicon
    disc: Discourse
    sent: Sentence
    clause: Clause
    trace: list[tuple[str, str]] | None = field(default=None)

    def note(self, step: str, detail: str = "") -> None:
        if self.trace is not None:
            self.trace.append((step, detail))


RuleT = TypeVar("RuleT", bound=Callable[..., object])
TriggerKind = tuple[str, str]  # (PLOVER type, "verb" or "noun")


def for_types(*types: str) -> Callable[[RuleT], RuleT]:
    """Marks a role rule or gate that does nothing for a trigger of any other type: its
    first test returns None (a gate: False) for them, as its first line says. With
    :func:`for_pos`, the tables are split by the trigger's type and part of speech once
    (:func:`by_trigger`), so a rule is not called for the triggers it cannot read: most
    role rules and gates serve one type, or verbs or nouns only.
    tests/events/test_rule_types.py checks each mark against the rule's first line."""
    def mark(rule: RuleT) -> RuleT:
        rule.trigger_types = frozenset(types)  # type: ignore[attr-defined]
        return rule
    return mark


def for_pos(pos: str) -> Callable[[RuleT], RuleT]:
    """Marks a role rule or gate that does nothing for a trigger of the other part of
    speech ("verb" or "noun"): its first test returns at once for it (see
    :func:`for_types`)."""
    def mark(rule: RuleT) -> RuleT:
        rule.trigger_pos = pos  # type: ignore[attr-defined]
        return rule
    return mark


def by_trigger(table: tuple[RuleT, ...]) -> dict[TriggerKind, tuple[RuleT, ...]]:
    """The rules of ``table`` that read a trigger of each type and part of speech, in the
    table's order (an unmarked rule reads every trigger)."""
    return {(t, pos): tuple(rule for rule in table if reads(rule, t, pos))
            for t in PLOVER_TYPES for pos in ("verb", "noun")}


def reads(rule: Callable[..., object], trigger_type: str, pos: str) -> bool:
    """Whether ``rule`` may do anything for a trigger of that type and part of speech."""
    return trigger_type in getattr(rule, "trigger_types", (trigger_type,)) \
        and getattr(rule, "trigger_pos", pos) == pos
