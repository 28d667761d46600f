"""data/ar/events.yaml: the closed word lists and reaches of the events layer stay valid."""

from __future__ import annotations

import pytest

from marsad.data import load_yaml
from marsad.errors import DataFileError
from marsad.events.lexicon import _load_words, words


def test_events_yaml_loads_folded_lists_and_positive_reaches() -> None:
    w = words()
    assert "في" in w.loc_preps and "الي" in w.to_preps  # folded: إلى -> الي
    assert all(isinstance(v, int) and v > 0 for v in w.reach.values())
    assert {"left_reach", "right_reach", "light_reach"} <= set(w.reach)


def test_every_list_is_named_in_the_code() -> None:
    # a list nobody reads is dead data; a list read but absent fails at once
    from pathlib import Path

    import marsad.events as pkg

    code = "\n".join(p.read_text(encoding="utf-8")
                     for p in Path(pkg.__file__).parent.glob("*.py"))
    data = load_yaml("ar/events.yaml")
    for name in (*data["words"], *data["reaches"]):
        assert name in code, f"events.yaml: {name} is read by no module"


@pytest.mark.parametrize("bad", [
    {"words": {"x": "not a list"}, "reaches": {}},
    {"words": {"x": ["a"]}, "reaches": {"r": 0}},
    {"words": {}},
    [],
])
def test_a_broken_file_names_the_file(bad: object) -> None:
    with pytest.raises(DataFileError, match="events.yaml"):
        _load_words(bad)


def test_role_word_lists_are_folded_like_the_text() -> None:
    # lists once written in the code unfolded ("جراء"، "القائم"، "أثناء") matched no key:
    # read from events.yaml they fold as the text's keys do
    from marsad.events import participants, places, roles
    from marsad.text.normalize import match_key

    assert match_key("جراء") in roles._DEATH_CAUSES <= roles._AFTER_A_DEATH
    assert match_key("القائم") in roles._ENVOYS
    assert match_key("أثناء") in places._DURING
    assert match_key("بواسطة") in participants._AGENT_WORDS
    assert match_key("برئاسة") in roles._HEADED and "البعثه" in roles._DELEGATIONS
    # generated forms: each particle with each subject pronoun, each fate with each
    # possessive (the dual too: "لقيا مصرعهما")
    assert roles._PRONOUN_SUBJECTS["فانها"] == "ها" and roles._PRONOUN_SUBJECTS["لكنه"] == "ه"
    assert {"مصرعه", "حتفهم", "مصرعهما"} <= roles._DEATH_FATES


def test_trigger_word_lists_load_and_a_missing_one_names_the_file() -> None:
    from marsad.events.triggers import word_list

    assert "قبيل" in word_list("time_frames") and "التي" in word_list("relatives")
    with pytest.raises(DataFileError, match="triggers.yaml"):
        word_list("no_such_list")


def test_number_words_are_one_set_for_names_and_counts() -> None:
    # NER (a number never stands in a name) and events (a count of people acted on) read
    # the same cardinals; events add the counts without a number
    from marsad.data import number_words
    from marsad.events.triggers import cue_lists
    from marsad.ner.patterns import cue_sets

    assert {"ثلاثه", "عشرين"} <= number_words()
    assert cue_sets()["numbers"] == number_words()
    assert cue_lists()["numbers"] == number_words() | {"عشرات", "ميات", "الاف", "عدد",
                                                       "العشرات", "الميات"}  # (folded)


def test_verb_stems_and_particle_lists_of_the_rules() -> None:
    w = words()
    # the three-letter openings of وافق/يوافق/توافق and هاجم/يهاجم/تهاجم
    assert {"واف", "يوا", "توا"} == w.approval_stems and {"هاج", "يها", "تها"} == w.attack_stems
    # folded like the text: "وإلى" → والي, "وعلى" → وعلي, "لدى" → لدي
    assert {"والي", "وعلي"} <= w.waw_prepositions and "لدي" in w.with_words
