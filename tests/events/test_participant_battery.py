"""The invented participant battery (tests/events/participant_battery.py) holds its floor:
the count of cases whose event has exactly the expected actors and targets may rise, never
fall, and a class once solved stays solved."""

from __future__ import annotations

from tests.events.participant_battery import CASES, CHECK_CASES, judge, run, score

# exact / relaxed totals measured when the battery was last improved
FLOOR_EXACT = 102
FLOOR_RELAXED = 112
# the held-out second set (written after the rules, never tuned to): main gave 10 / 18
CHECK_EXACT = 27
CHECK_RELAXED = 29
# classes every case of which is right
SOLVED: tuple[str, ...] = ("postposed", "company", "passive_agent", "passive_patient")


def test_the_battery_is_large_and_invented_per_class() -> None:
    assert len(CASES) >= 100
    assert len({c.cls for c in CASES}) >= 12


def test_judge_counts_two_participants_as_the_held_out_match() -> None:
    case = CASES[0]
    exact, relaxed = judge(case, [(case.type, case.actors, case.targets)])
    assert exact and relaxed
    exact, relaxed = judge(case, [(case.type, case.targets, case.actors)])
    assert not exact and relaxed
    assert judge(case, [("AID", case.actors, case.targets)]) == (False, False)


def test_the_battery_holds_its_floor() -> None:
    results = run()
    table = score(results)
    exact = sum(e for _, e, _ in table.values())
    relaxed = sum(r for _, _, r in table.values())
    assert exact >= FLOOR_EXACT and relaxed >= FLOOR_RELAXED, table
    for cls in SOLVED:
        n, e, _ = table[cls]
        assert e == n, [(c.text, ev) for c, ok, _, ev in results if c.cls == cls and not ok]


def test_the_held_out_set_holds_its_floor() -> None:
    table = score(run(CHECK_CASES))
    exact = sum(e for _, e, _ in table.values())
    relaxed = sum(r for _, _, r in table.values())
    assert exact >= CHECK_EXACT and relaxed >= CHECK_RELAXED, table
