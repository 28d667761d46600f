"""``aliases_en``: further Latin spellings of an entry's English name, for English search.

Checked: a list of trimmed Latin-script strings, none repeating the entry's name or its other
spellings (by search key), and no spelling shared by two entries (a search for it would be
ambiguous by construction)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from marsad.errors import DataFileError
from marsad.kb import default_kb, entry_from_record, latin_spellings
from marsad.text.latin import name_keys
from marsad.text.normalize import is_arabic


def _with_aliases_en() -> list:
    return [e for e in default_kb().entries.values() if e.aliases_en]


def test_some_entries_carry_latin_spellings() -> None:
    keys = {e.key for e in _with_aliases_en()}
    assert {"khalifa_haftar", "libyan_national_army", "wagner_group"} <= keys


def test_aliases_en_are_trimmed_latin_and_new() -> None:
    errors = []
    for e in _with_aliases_en():
        seen = {name_keys(e.name_en)}
        for a in e.aliases_en:
            if a != a.strip() or "  " in a or is_arabic(a) or not name_keys(a):
                errors.append(f"{e.key}: bad spelling {a!r}")
            elif name_keys(a) in seen:
                errors.append(f"{e.key}: {a!r} repeats another spelling by search key")
            seen.add(name_keys(a))
    assert not errors, "\n".join(errors)


def test_no_two_entries_share_a_latin_alias() -> None:
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for e in _with_aliases_en():
        for a in e.aliases_en:
            owners[name_keys(a)].add(e.key)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert not shared, shared


def test_latin_spellings_join_name_aliases_en_and_latin_aliases() -> None:
    kb = default_kb()
    assert latin_spellings(kb.get("khalifa_haftar"))[:2] == ["Khalifa Haftar",
                                                           "Khalifa Belqasim Haftar"]
    # "Wagner" is a Latin alias quoted in Arabic text: it is an English spelling as well
    assert "Wagner" in latin_spellings(kb.get("wagner_group"))


@pytest.mark.parametrize("bad", [["حفتر"], "Hafter", [""], [3]])
def test_bad_aliases_en_are_refused_naming_the_entry(bad: object) -> None:
    rec = {"key": "x_person", "type": "PER", "name_en": "X", "name_ar": "اكس",
           "aliases_en": bad}
    with pytest.raises(DataFileError, match="x_person"):
        entry_from_record(rec, "people.yaml")
