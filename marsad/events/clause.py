"""A trigger's clause (where it reaches, who speaks before it, what its pronoun refers to),
the roles found for it, and the context a role rule reads."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

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

# what a mark may name of a trigger: its type, part of speech ("verb"/"noun"), mode, roles
# and whether it is mutual (together, the trigger's kind: a lexicon has a few dozen kinds)
TRIGGER_FIELDS = ("type", "pos", "mode", "roles", "mutual")


def only_for(**fields: str | bool | Iterable[str]) -> Callable[[RuleT], RuleT]:
    """Marks a role rule or gate that does nothing for a trigger whose ``field`` is none of
    the values given: its first test returns None (a gate: False) for it, as its first
    line says (``@only_for(type="CONSULT", pos="noun")`` on a rule whose first line is
    ``if c.trigger.type != "CONSULT" or c.is_verb: return None``). A :class:`RuleTable`
    then calls it only for the triggers it reads: most role rules and gates serve one
    type, one part of speech or one mode. tests/events/test_rule_types.py checks each mark
    against its rule's first line."""
    assert set(fields) <= set(TRIGGER_FIELDS), fields
    marks = {f: frozenset((v,) if isinstance(v, (str, bool)) else v) for f, v in fields.items()}

    def mark(rule: RuleT) -> RuleT:
        rule.trigger_marks = marks  # type: ignore[attr-defined]
        return rule
    return mark


def reads(rule: Callable[..., object], trigger: Trigger) -> bool:
    """Whether ``rule`` may do anything for ``trigger`` (an unmarked rule reads all)."""
    marks: dict[str, frozenset[object]] = getattr(rule, "trigger_marks", {})
    return all(getattr(trigger, f) in values for f, values in marks.items())


class RuleTable(Generic[RuleT]):
    """An ordered table of rules, and per kind of trigger (:data:`TRIGGER_FIELDS`) the rules
    it is read by, in the table's order, without those marked for other triggers: picked
    once per process, the first time a trigger of the kind is read."""

    def __init__(self, rules: tuple[RuleT, ...]) -> None:
        self.rules = rules
        # per trigger field: the rules that mark it, and per value the rules of those that
        # read it (picking the rules of a kind is then a few set operations, not a test of
        # every mark of every rule: a one-pass run meets about a hundred kinds)
        self._marks: list[tuple[str, frozenset[int], dict[object, frozenset[int]]]] = []
        for f in TRIGGER_FIELDS:
            marking = {i: marks[f] for i, rule in enumerate(rules)
                       if f in (marks := getattr(rule, "trigger_marks", {}))}
            if marking:
                values = {v for vs in marking.values() for v in vs}
                self._marks.append((f, frozenset(marking), {
                    v: frozenset(i for i, vs in marking.items() if v in vs) for v in values}))
        self._of: dict[tuple[object, ...], tuple[RuleT, ...]] = {}  # kind -> rules

    def for_trigger(self, trigger: Trigger) -> tuple[RuleT, ...]:
        kind = (trigger.type, trigger.pos, trigger.mode, trigger.roles, trigger.mutual)
        rules = self._of.get(kind)
        if rules is None:
            rules = self._of[kind] = self._pick(trigger)
        return rules

    def _pick(self, trigger: Trigger) -> tuple[RuleT, ...]:
        skipped: set[int] = set()
        for f, marking, reading in self._marks:
            skipped |= marking - reading.get(getattr(trigger, f), frozenset())
        return tuple(rule for i, rule in enumerate(self.rules) if i not in skipped)
