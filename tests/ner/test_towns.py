"""Villages and towns named after a place head (issue #13, class Towns).

Every sentence is team-written; the village names are invented."""

from __future__ import annotations

import pytest

from marsad.data import load_yaml
from tests.helpers import annotate


def _places(text: str) -> list[str]:
    return [m.text for m in annotate(text).mentions if m.type == "GPE"]


def test_the_town_word_lists_are_valid() -> None:
    cues = load_yaml("ar/ner_cues.yaml")
    for name in ("town_openers", "name_compass"):
        words = cues[name]
        assert isinstance(words, list) and words, name
        assert all(isinstance(w, str) and " " not in w for w in words), name
        assert len(set(words)) == len(words), name


@pytest.mark.parametrize(("text", "name"), [
    # an everyday word that opens village names takes the next word with it
    ("وداهمت القوات بلدة كفر سلوان فجر اليوم.", "كفر سلوان"),
    ("واقتحم المستوطنون قرية بيت حمدان وأحرقوا سيارتين.", "بيت حمدان"),
    ("وأصيب شاب برصاص الجنود في بلدة دير قانون.", "دير قانون"),
    # a suburb is a place head too
    ("واعتقلت القوات ثلاثة شبان من ضاحية المراغة.", "المراغة"),
    # a feminine compass adjective ends the village's name
    ("ودهمت القوات منازل في بلدة عرانة القبلية.", "عرانة القبلية"),
    ("وأغلق الجيش مداخل قرية سلواد الشرقية.", "سلواد الشرقية"),
])
def test_village_names_after_a_head(text: str, name: str) -> None:
    assert name in _places(text)


def test_an_opener_alone_before_a_preposition_is_no_village() -> None:
    assert _places("ودخلت القوات بلدة بيت في الليل.") == []
