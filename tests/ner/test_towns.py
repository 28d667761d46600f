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


def test_list_heads_are_place_heads() -> None:
    from marsad.ner.patterns import cue_sets

    cues = load_yaml("ar/ner_cues.yaml")
    assert set(cues["place_plural_heads"]) <= set(cues["place_list_heads"])
    # the code makes the list heads place heads (a weak town after them is supported)
    assert cue_sets()["place_list_heads"] <= cue_sets()["place_heads"]


@pytest.mark.parametrize(("text", "names"), [
    # a dual head names two places, the second after a fused و
    ("وتعرضت قريتا مرجانة وكفر سنبل لقصف مدفعي.", ["مرجانة", "كفر سنبل"]),
    ("وسقطت قذائف على أطراف بلدتي عين حسان وكفرلوزة.", ["عين حسان", "كفرلوزة"]),
    # a plural head names a list joined by و and commas, up to a preposition
    ("وشملت الغارات مناطق زيتون، والبقيعة وحرشان في الجنوب.",
     ["زيتون", "البقيعة", "حرشان"]),
])
def test_a_plural_or_dual_head_names_a_list(text: str, names: list[str]) -> None:
    assert _places(text) == names


@pytest.mark.parametrize("text", [
    # the plural's own adjectives are no places
    "ووصل المقاتلون إلى مناطق حساسة قرب القصر.",
    "وتعاني قرى نائية من نقص المياه.",
    "وقصفت الطائرات مدنا عديدة وبلدات حدودية.",
])
def test_adjectives_after_a_plural_head_are_no_places(text: str) -> None:
    assert _places(text) == []


def test_a_known_name_opening_with_waw_keeps_it_in_a_list() -> None:
    from tests.helpers import extract

    # وهران is a city's own name, not و + هران; والبلدة is و + a word
    doc = extract("وتعرضت قريتا مرجانة ووهران لقصف مدفعي، فيما شملت الغارات مناطق زيتون، "
                  "ووادي سلمان.")
    names = [m.text for m in doc.mentions if m.type == "GPE"]
    assert "وهران" in names and "وادي سلمان" in names, names


def test_everyday_words_are_no_foreign_towns() -> None:
    """Team-written: a word with the article a town's name lacks ("السيول" torrents, not
    Seoul) and a word in ة folding onto a transliterated foreign name ("هالة" a halo, not
    Halle; "هوية" identity, not Hue; "إبادة" not Abadeh) name no town; the towns' own
    spellings and Arab towns in ة still do."""
    from tests.helpers import extract

    def places(text: str) -> list[str | None]:
        return [m.kb_id for m in extract(text).mentions if m.type == "GPE"]

    assert places("جرفت السيول الطريق، وظهرت هالة حول القمر.") == []
    assert places("ولم تكشف الشرطة عن هوية القتلى، ونددت بالإبادة.") == []
    assert places("وزار الوزير سيول ثم هاله.") == ["seoul", "halle_saale"]
    assert places("ووصل الوفد إلى مكة المكرمة.") == ["makkah"]


def test_quarters_after_hara_and_plural_heads() -> None:
    """Team-written: "حارة X" names a quarter (LOC) as "حي X" does, and the plural heads
    "أحياء"/"حارات" take a list; an adjective after the plural is no name; أبو opens a
    village's name; ف fused to a word is no town's clitic ("فرانس" is not ف + رانس)."""
    from tests.helpers import extract

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.type) for m in extract(text).mentions]

    assert names("وتوغلت القوات في حارة الدمج فجرا.") == [("الدمج", "LOC")]
    assert names("وقصف الطيران أحياء الشجاعية والتفاح.") == [
        ("الشجاعية", "LOC"), ("التفاح", "LOC")]
    assert names("وشهدت أحياء سكنية عدة قصفا عنيفا.") == []
    assert names("واقتحمت القوات بلدة أبو ديس.") == [("أبو ديس", "GPE")]
    assert "reims" not in [m.kb_id for m in extract("وقالت فرانس 2 إن الوفد وصل.").mentions]


def test_a_state_named_in_a_comparison() -> None:
    """Team-written: "على غرار مالي" (like Mali) names the state; "مالي" as "financial"
    after a noun does not."""
    from tests.helpers import extract

    assert [m.kb_id for m in extract("وانسحبت النيجر، على غرار مالي، من الاتفاق.").mentions
            ] == ["niger", "mali"]
    assert [m.kb_id for m in extract("وتعاني الشركة من عجز مالي كبير.").mentions] == []


def test_a_clause_or_an_office_after_a_place_head_is_no_place() -> None:
    """Team-written: a present verb after a place head opens a relative clause, a definite
    verbal noun names an office's field; a real name after the head is still a place."""
    from tests.helpers import extract

    def places(text: str) -> list[str]:
        return [m.text for m in extract(text).mentions if m.type in ("GPE", "LOC")]

    assert places("أطلقوا صاروخا من منطقة يسيطرون عليها قرب الساحل.") == []
    assert places("وانسحب المسلحون من منطقة تسيطر عليها الحكومة.") == []
    assert places("وأعلنت مديرية التوجيه المعنوي وصول الفرقاطة.") == []
    assert places("وسيطرت القوات على مديرية صرواح.") == ["صرواح"]


def test_a_states_nisba_after_a_feminine_noun_is_an_adjective() -> None:
    """Team-written: "تركية"/"سورية" spell both the state and its feminine nisba; after an
    indefinite place noun ("محافظة تركية") it is the adjective, even where the article names
    the state elsewhere; after other nouns ("قوات تركية") it names the state as a party;
    after a preposition or a definite subject it is the state."""
    from tests.helpers import extract

    def states(text: str) -> list[tuple[str, str | None]]:
        return [(m.text, m.kb_id) for m in extract(text).mentions if m.type == "GPE"]

    assert states("وقالت تركيا إن الاحتجاجات عمت 12 محافظة تركية.") == [
        ("تركيا", "turkey")]
    assert states("وقصفت الطائرات ناحية سورية قرب الحدود.") == []
    # a nisba after another noun names the state as a participant for the events
    assert states("وحذرت تركيا من أن قوات تركية ستنتشر.") == [
        ("تركيا", "turkey"), ("تركية", "turkey")]
    assert ("سورية", "syria") in states("وعاد الوفد إلى سورية بعد أن زارت الوزيرة سورية.")


def test_an_adjective_after_a_place_head_is_no_name() -> None:
    # "حي سكني"، "سوق شعبي": what kind of quarter or market, not its name
    def named(text: str) -> list[str]:
        return [m.text for m in annotate(text).mentions if m.type in ("GPE", "LOC")]
    assert "سكني" not in named("وسقطت قذائف هاون على حي سكني في بغداد.")
    assert "الشجاعية" in named("واستهدفت الغارة حي الشجاعية شرق مدينة غزة.")
