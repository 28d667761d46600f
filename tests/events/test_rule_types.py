"""The for_types / for_pos marks on role rules and gates (marsad.events.clause): each mark
says exactly what its rule's first line lets through, so passing the rule over for other
triggers changes nothing."""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable

from marsad.doc import PLOVER_TYPES
from marsad.events.clause import by_trigger, for_pos, for_types, reads
from marsad.events.gates import GATES, GATES_BY_TRIGGER
from marsad.events.roles import ROLE_RULES, ROLE_RULES_BY_TRIGGER

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


def _what_the_test_lets_through(fn: Rule) -> tuple[frozenset[str] | None, str | None]:
    """(the trigger types, the part of speech) the first test lets through (None: any),
    read from its terms up to the last that names either; the terms before that may
    only read."""
    types: frozenset[str] | None = None
    pos: str | None = None
    terms = _first_test(fn)
    last = 0
    for k, term in enumerate(terms):
        text = ast.unparse(term)
        if text in ("c.is_verb", "not c.is_verb"):
            pos, last = ("noun" if text == "c.is_verb" else "verb"), k
        elif isinstance(term, ast.Compare) and ast.unparse(term.left).endswith("trigger.type") \
                and isinstance(term.ops[0], (ast.NotEq, ast.NotIn)):
            op, (right,) = term.ops[0], term.comparators
            assert types is None, fn.__name__  # (one type test)
            value = eval(compile(ast.Expression(right), "<guard>", "eval"),  # noqa: S307
                         fn.__globals__)
            types, last = frozenset((value,) if isinstance(op, ast.NotEq) else value), k
    assert all(_only_reads(t) for t in terms[:last]), fn.__name__
    return types, pos


def test_every_mark_is_the_rules_own_first_test() -> None:
    marked = [rule for rule in (*ROLE_RULES, *GATES)
              if hasattr(rule, "trigger_types") or hasattr(rule, "trigger_pos")]
    assert len(marked) >= 90  # (most rules for one type or one part of speech carry one)
    for rule in marked:
        types, pos = _what_the_test_lets_through(rule)
        assert getattr(rule, "trigger_types", None) == types, rule.__name__
        assert getattr(rule, "trigger_pos", None) == pos, rule.__name__
        assert types is None or types <= set(PLOVER_TYPES), rule.__name__


def test_tables_by_trigger_keep_the_order_and_drop_only_rules_for_others() -> None:
    for table, by_kind in ((ROLE_RULES, ROLE_RULES_BY_TRIGGER), (GATES, GATES_BY_TRIGGER)):
        for (t, pos), kept in by_kind.items():
            assert list(kept) == [r for r in table if r in kept]  # in the table's order
            assert all(not reads(r, t, pos) for r in table if r not in kept)
    consult_noun = {g.__name__ for g in GATES_BY_TRIGGER[("CONSULT", "noun")]}
    assert "meeting_talked_of" in consult_noun and "negated" not in consult_noun
    assert "meeting_talked_of" not in {g.__name__ for g in GATES_BY_TRIGGER[("ASSAULT", "noun")]}


def test_marks_and_the_split() -> None:
    @for_types("CONSULT")
    def only_meetings(x: object) -> bool:
        return False

    @for_pos("verb")
    def only_verbs(x: object) -> bool:
        return False

    @for_types("ASSAULT")
    @for_pos("noun")
    def only_attack_nouns(x: object) -> bool:
        return False

    def any_trigger(x: object) -> bool:
        return False

    split = by_trigger((any_trigger, only_meetings, only_verbs, only_attack_nouns))
    assert split[("CONSULT", "verb")] == (any_trigger, only_meetings, only_verbs)
    assert split[("CONSULT", "noun")] == (any_trigger, only_meetings)
    assert split[("ASSAULT", "noun")] == (any_trigger, only_attack_nouns)
    assert split[("PROTEST", "verb")] == (any_trigger, only_verbs)
