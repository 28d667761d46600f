"""The only_for marks on role rules and gates (marsad.events.clause): each mark says
exactly what its rule's first line lets through, so passing the rule over for other
triggers changes nothing."""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable
from dataclasses import replace

from marsad.doc import PLOVER_TYPES
from marsad.events.clause import RuleTable, only_for, reads
from marsad.events.gates import GATE_TABLE, GATES
from marsad.events.roles import ROLE_RULES, ROLE_TABLE
from marsad.events.triggers import default_triggers

Rule = Callable[..., object]


def _body(fn: Rule) -> list[ast.stmt]:
    tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    func = tree.body[0]
    assert isinstance(func, ast.FunctionDef)
    return [s for s in func.body
            if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]


def _plain_reads(stmt: ast.stmt) -> bool:
    """An assignment of names or attributes only ("c, v = x.clause, x.doc"): no call."""
    if not isinstance(stmt, ast.Assign):
        return False
    values = stmt.value.elts if isinstance(stmt.value, ast.Tuple) else [stmt.value]
    return all(isinstance(v, (ast.Attribute, ast.Name)) for v in values)


def _only_reads(term: ast.expr) -> bool:
    """No call in the term but len(): evaluating it cannot act."""
    return all(not isinstance(n, ast.Call) or (isinstance(n.func, ast.Name)
                                               and n.func.id == "len")
               for n in ast.walk(term))


def _first_test(fn: Rule) -> list[ast.expr]:
    """The terms of the rule's first test, ``if a or b or …: return None/False``, past
    plain reads."""
    body = _body(fn)
    while body and _plain_reads(body[0]):
        body = body[1:]
    first = body[0]
    assert isinstance(first, ast.If) and not first.orelse, fn.__name__
    (ret,) = first.body
    assert isinstance(ret, ast.Return), fn.__name__
    assert ret.value is None or (isinstance(ret.value, ast.Constant)
                                 and ret.value.value in (None, False)), fn.__name__
    test = first.test
    return list(test.values) if isinstance(test, ast.BoolOp) and isinstance(
        test.op, ast.Or) else [test]


_FIELD_TESTS = {f"{who}.trigger.{f}": f for who in ("c", "x.clause")
                for f in ("type", "mode", "roles")}


def _what_the_test_lets_through(fn: Rule) -> dict[str, frozenset[object]]:
    """Per trigger field, the values the rule's first test lets through (a field it does
    not test is left out), read from its terms up to the last that tests one; the terms
    before that may only read."""
    marks: dict[str, frozenset[object]] = {}
    terms = _first_test(fn)
    last = 0
    for k, term in enumerate(terms):
        text = ast.unparse(term)
        if text in ("c.is_verb", "not c.is_verb"):
            marks["pos"], last = frozenset(("noun" if text == "c.is_verb" else "verb",)), k
        elif text == "not c.trigger.mutual":
            marks["mutual"], last = frozenset((True,)), k
        elif isinstance(term, ast.Compare) and ast.unparse(term.left) in _FIELD_TESTS \
                and isinstance(term.ops[0], (ast.NotEq, ast.NotIn)):
            field = _FIELD_TESTS[ast.unparse(term.left)]
            (right,) = term.comparators
            value = eval(compile(ast.Expression(right), "<guard>", "eval"),  # noqa: S307
                         fn.__globals__)
            if field in marks:
                continue  # (the first test of a field is the mark)
            marks[field] = frozenset((value,) if isinstance(term.ops[0], ast.NotEq) else value)
            last = k
        if not _only_reads(term):
            break  # (a later test may not stand for a mark: this term may act)
    assert all(_only_reads(t) for t in terms[:last]), fn.__name__
    return marks


def _marked(table: tuple[Rule, ...]) -> list[Rule]:
    return [rule for rule in table if hasattr(rule, "trigger_marks")]


def test_every_mark_is_the_rules_own_first_test() -> None:
    marked = _marked(ROLE_RULES) + _marked(GATES)
    assert len(marked) >= 90  # (most rules for one type, part of speech or mode carry one)
    for rule in marked:
        marks = rule.trigger_marks  # type: ignore[attr-defined]
        lets_through = _what_the_test_lets_through(rule)
        assert set(marks) <= set(lets_through), rule.__name__
        assert all(marks[f] == lets_through[f] for f in marks), rule.__name__
        assert marks.get("type", frozenset()) <= set(PLOVER_TYPES), rule.__name__


def test_tables_keep_the_order_and_drop_only_rules_for_other_triggers() -> None:
    triggers = {id(t): t for ts in default_triggers().index.values() for t in ts}.values()
    for table, rule_table in ((ROLE_RULES, ROLE_TABLE), (GATES, GATE_TABLE)):
        for trig in triggers:
            assert rule_table.for_trigger(trig) == tuple(r for r in table if reads(r, trig))
    meeting = next(t for t in triggers if t.type == "CONSULT" and t.pos == "noun"
                   and t.mode == "visit")
    names = {g.__name__ for g in GATE_TABLE.for_trigger(meeting)}
    assert {"meeting_talked_of", "companion_of_a_visit"} <= names and "negated" not in names


def test_marks_and_the_table() -> None:
    @only_for(type="CONSULT")
    def only_meetings(x: object) -> bool:
        return False

    @only_for(pos="verb")
    def only_verbs(x: object) -> bool:
        return False

    @only_for(type=("ASSAULT", "COERCE"), pos="noun", mode="strike")
    def only_strike_nouns(x: object) -> bool:
        return False

    def any_trigger(x: object) -> bool:
        return False

    table = RuleTable((any_trigger, only_meetings, only_verbs, only_strike_nouns))
    assert only_strike_nouns.trigger_marks == {  # type: ignore[attr-defined]
        "type": frozenset({"ASSAULT", "COERCE"}), "pos": frozenset({"noun"}),
        "mode": frozenset({"strike"})}
    trigger = default_triggers().index[next(iter(default_triggers().index))][0]
    for t, pos, mode, want in (
            ("CONSULT", "verb", None, (any_trigger, only_meetings, only_verbs)),
            ("CONSULT", "noun", "strike", (any_trigger, only_meetings)),
            ("ASSAULT", "noun", "strike", (any_trigger, only_strike_nouns)),
            ("ASSAULT", "noun", None, (any_trigger,)),
            ("PROTEST", "verb", None, (any_trigger, only_verbs))):
        trig = replace(trigger, type=t, pos=pos, mode=mode)
        assert table.for_trigger(trig) == want
        assert tuple(r for r in table.rules if reads(r, trig)) == want
