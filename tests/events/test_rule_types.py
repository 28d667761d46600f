"""The for_types marks on role rules and gates (marsad.events.clause): each mark names
exactly the trigger types its rule's first line lets through, so passing the rule over for
other types changes nothing."""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable

from marsad.doc import PLOVER_TYPES
from marsad.events.clause import by_trigger_type, for_types
from marsad.events.gates import GATES, GATES_BY_TYPE
from marsad.events.roles import ROLE_RULES, ROLE_RULES_BY_TYPE


def _body(fn: Callable[..., object]) -> list[ast.stmt]:
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


def _guarded_types(fn: Callable[..., object]) -> frozenset[str]:
    """The types the rule's first test lets through: its first statement past plain reads
    is ``if … or <clause>.trigger.type != "T" (not in S) or …: return None/False``, whose
    earlier terms only read attributes."""
    body = _body(fn)
    while body and _plain_reads(body[0]):
        body = body[1:]
    first = body[0]
    assert isinstance(first, ast.If) and not first.orelse, fn.__name__
    (ret,) = first.body
    assert isinstance(ret, ast.Return), fn.__name__
    assert ret.value is None or (isinstance(ret.value, ast.Constant)
                                 and ret.value.value in (None, False)), fn.__name__
    terms = first.test.values if isinstance(first.test, ast.BoolOp) and isinstance(
        first.test.op, ast.Or) else [first.test]
    for term in terms:
        if isinstance(term, ast.Compare) and ast.unparse(term.left).endswith("trigger.type"):
            (op,), (right,) = term.ops, term.comparators
            assert isinstance(op, (ast.NotEq, ast.NotIn)), fn.__name__
            value = eval(compile(ast.Expression(right), "<guard>", "eval"),  # noqa: S307
                         fn.__globals__)
            return frozenset((value,) if isinstance(op, ast.NotEq) else value)
        # (a term before the type test may only read: no call that could act)
        assert not any(isinstance(n, ast.Call) for n in ast.walk(term)), fn.__name__
    raise AssertionError(f"{fn.__name__}: no trigger type test in its first line")


def _marked(table: tuple[Callable[..., object], ...]) -> list[Callable[..., object]]:
    return [rule for rule in table if hasattr(rule, "trigger_types")]


def test_every_mark_is_the_rules_own_first_test() -> None:
    marked = _marked(ROLE_RULES) + _marked(GATES)
    assert len(marked) >= 50  # (most one-type rules carry it)
    for rule in marked:
        assert rule.trigger_types == _guarded_types(rule), rule.__name__  # type: ignore[attr-defined]
        assert rule.trigger_types <= set(PLOVER_TYPES), rule.__name__  # type: ignore[attr-defined]


def test_tables_by_type_keep_the_order_and_drop_only_other_types_rules() -> None:
    for table, by_type in ((ROLE_RULES, ROLE_RULES_BY_TYPE), (GATES, GATES_BY_TYPE)):
        for t in PLOVER_TYPES:
            kept = by_type[t]
            assert list(kept) == [r for r in table if r in kept]  # in the table's order
            dropped = [r for r in table if r not in kept]
            assert all(t not in r.trigger_types for r in dropped)  # type: ignore[attr-defined]
    assert "meeting_to_come" not in {g.__name__ for g in GATES_BY_TYPE["ASSAULT"]}
    assert "meeting_to_come" in {g.__name__ for g in GATES_BY_TYPE["CONSULT"]}


def test_for_types_marks_and_by_trigger_type_splits() -> None:
    @for_types("CONSULT")
    def only_meetings(x: object) -> bool:
        return False

    def any_type(x: object) -> bool:
        return False

    split = by_trigger_type((any_type, only_meetings))
    assert split["CONSULT"] == (any_type, only_meetings)
    assert split["ASSAULT"] == (any_type,)
    assert only_meetings.trigger_types == frozenset({"CONSULT"})  # type: ignore[attr-defined]
