"""marsad.text.scan: the positions it finds are those a plain comprehension finds."""

from marsad.text.scan import positions_ending, positions_in, positions_where

KEYS = ["قال", "الرئيس", "ووزير", "الخارجيه", "،", "ان", "الوزير", "وصل", ""]


def test_positions_where_takes_the_true_flags_in_order() -> None:
    assert positions_where([0, 1, "", "x", None, True]) == [1, 3, 5]
    assert positions_where(iter(())) == []


def test_positions_in_matches_a_comprehension() -> None:
    words = frozenset({"الرئيس", "الوزير", "وصل"})
    assert positions_in(KEYS, words) == [i for i, k in enumerate(KEYS) if k in words]
    assert positions_in(KEYS, {"الرئيس": 1}) == [1]  # any container: a dict's keys too


def test_positions_ending_matches_a_comprehension() -> None:
    ends = ("زير", "يس")
    assert positions_ending(KEYS, ends) == [i for i, k in enumerate(KEYS) if k.endswith(ends)]
    assert positions_ending(KEYS, ends) == [1, 2, 6]
    assert positions_ending(KEYS, ()) == []  # no ending: no token
