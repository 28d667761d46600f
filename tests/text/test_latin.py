"""Latin-script names: folding, the spelling-variant key and matching (marsad.text.latin).

The spellings are the ones English and French newsrooms print for these public figures."""

from __future__ import annotations

import pytest

from marsad.text import latin
from marsad.text.latin import (
    NameIndex,
    fold_latin,
    is_latin_query,
    latin_words,
    name_keys,
    similarity,
    word_key,
)


@pytest.mark.parametrize("text,folded", [
    ("HAFTAR's", "haftar"),
    ("Haftar’s forces", "haftar forces"),
    ("Erdoğan", "erdogan"),
    ("Sana'a", "sanaa"),
    ("al-Sisi, Egypt's president", "al sisi egypt president"),
    ("Ḥimṣ", "hims"),
    ("Straße", "strasse"),
])
def test_fold_latin(text: str, folded: str) -> None:
    assert fold_latin(text) == folded


def test_articles_and_function_words_are_left_out() -> None:
    assert latin_words("Bashar al-Assad") == ["bashar", "assad"]
    assert latin_words("Ahmad ash-Shara of the HTS") == ["ahmad", "shara", "hts"]


@pytest.mark.parametrize("group", [
    ["Haftar", "Hafter", "Hifter", "HAFTAR's", "haftar"],
    ["Qaddafi", "Gaddafi", "Kadhafi", "Gadhafi", "Kaddafi"],
    ["Wagner", "Vagner"],
    ["Mohamed", "Muhammad", "Mohammed", "Mohamad"],
    ["Youssef", "Yusuf", "Yousef"],
    ["Abdel", "Abdul", "Abd"],
    ["Sharif", "Cherif", "Chérif"],
    ["Zayed", "Zaid", "Zeid"],
    ["Hamzah", "Hamza"],
    ["Hezbollah", "Hizballah", "Hizbullah"],
    ["Sergey", "Sergei"],
])
def test_spellings_of_one_name_share_a_key(group: list[str]) -> None:
    assert len({name_keys(w) for w in group}) == 1, {w: name_keys(w) for w in group}


@pytest.mark.parametrize("a,b", [("Chad", "Saad"), ("Putin", "Patel"), ("Haftar", "Hafiz"),
                                 ("Khaled", "Khalifa"), ("Saddam", "Sadiq")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_keys(a) != name_keys(b)


def test_glued_and_split_abd_names_meet() -> None:
    assert name_keys("Abdulfattah") == name_keys("Abd al-Fattah") == name_keys("Abdel Fattah")


def test_words_with_digits_are_their_own_key() -> None:
    assert word_key("106th") == "106th"
    assert name_keys("106th Brigade")[0] == "106th"


def test_is_latin_query() -> None:
    assert is_latin_query("Haftar") and is_latin_query("  hafter's ")
    assert not is_latin_query("حفتر") and not is_latin_query("Haftar حفتر")
    assert not is_latin_query("") and not is_latin_query("--- !!")
    assert not is_latin_query("al")  # only an article: nothing that tells names apart


def test_similarity_is_the_indel_ratio() -> None:
    assert similarity("patn", "patan") == pytest.approx(8 / 9)
    assert latin._indel_ratio("patn", "patan") == pytest.approx(8 / 9)
    assert similarity("abc", "xyz") == 0.0 and similarity("abc", "abc") == 1.0


def test_rapidfuzz_and_pure_python_agree() -> None:
    rf = pytest.importorskip("rapidfuzz.distance")
    pairs = [("haftar", "hafar"), ("kadafa", "kazafa"), ("atman", "asman"), ("a", ""),
             ("mahamad", "mhmd"), ("waknar", "waknarkrap")]
    for a, b in pairs:
        assert latin._indel_ratio(a, b) == pytest.approx(rf.Indel.normalized_similarity(a, b))


NAMES = NameIndex({
    "kb:khalifa_haftar": ["Khalifa Haftar", "Khalifa Belqasim Haftar"],
    "kb:saddam_haftar": ["Saddam Haftar"],
    "kb:vladimir_putin": ["Vladimir Putin"],
    "kb:wagner_group": ["Wagner Group", "PMC Wagner", "Wagner"],
    "kb:muammar_gaddafi": ["Muammar Gaddafi"],
    "kb:chad": ["Chad"],
    "kb:mali": ["Mali"],
    "kb:mali_junta": ["Mali junta"],
})


def test_a_surname_matches_every_bearer_a_full_name_one() -> None:
    assert set(NAMES.match("Hafter").whole()) == {"kb:khalifa_haftar", "kb:saddam_haftar"}
    assert set(NAMES.match("khalifa HAFTAR's").whole()) == {"kb:khalifa_haftar"}
    assert set(NAMES.match("Vagner").whole()) == {"kb:wagner_group"}
    assert set(NAMES.match("Kadhafi").whole()) == {"kb:muammar_gaddafi"}


def test_a_prefix_or_a_near_spelling_matches_with_a_lower_score() -> None:
    assert NAMES.match("Haft").whole() == {"kb:khalifa_haftar": latin.PREFIX,
                                           "kb:saddam_haftar": latin.PREFIX}
    near = NAMES.match("Putn").whole()  # a typo: no key begins "patn"
    assert set(near) == {"kb:vladimir_putin"} and 0.7 < near["kb:vladimir_putin"] < 0.9


def test_a_longer_name_is_no_match_for_a_name_found_whole() -> None:
    names = NameIndex({"kb:assimi_goita": ["Assimi Goïta"],
                       "kb:antonio_guterres": ["António Guterres"],
                       "kb:houthis": ["Houthis (Ansar Allah)"],
                       "kb:abdul_malik_al_houthi": ["Abdul-Malik al-Houthi"]})
    assert set(names.match("Goita").whole()) == {"kb:assimi_goita"}  # not Guterres
    # a plural (two letters at most) still meets its singular
    assert set(names.match("Houthi").whole()) == {"kb:houthis", "kb:abdul_malik_al_houthi"}


@pytest.mark.parametrize("a,b,alike", [("Putn", "Putin", True), ("Moskva", "Moscow", True),
                                       ("Osman", "Othman", True), ("Bengasi", "Benghazi", True),
                                       ("Bengasi", "Bamako", False),
                                       ("Bengasi", "Belqasim", False)])
def test_near_keys(a: str, b: str, alike: bool) -> None:
    assert latin.near(name_keys(a)[0], name_keys(b)[0]) is alike


def test_a_near_spelling_may_trade_its_first_letter() -> None:
    names = NameIndex({"kb:hmeimim_air_base": ["Hmeimim Air Base"],
                       "kb:gamal_abdel_nasser": ["Gamal Abdel Nasser"]})
    assert set(names.match("Khmeimim").whole()) == {"kb:hmeimim_air_base"}
    assert set(names.match("Jamal Abdel Nasser").whole()) == {"kb:gamal_abdel_nasser"}
    assert names.match("Xmeimim").whole() == {}  # x is ks: not a spelling of kh


def test_several_names_in_one_query() -> None:
    m = NAMES.match("Putin Haftar")
    assert m.whole() == {}  # no one name holds both words
    assert set(m.any()) == {"kb:vladimir_putin", "kb:khalifa_haftar", "kb:saddam_haftar"}
    assert m.covers(["kb:vladimir_putin", "kb:saddam_haftar"]) == 2.0
    assert m.covers(["kb:vladimir_putin"]) == 0.0


def test_nonsense_and_short_words_find_nothing() -> None:
    for q in ("xqzvy flurb", "qwerty", "zz", "Saad", "Haftar flurb", ""):
        m = NAMES.match(q)
        assert not m.found and m.whole() == {} and m.any() == {}, q


def test_exact_spelling() -> None:
    assert NAMES.exact("Mali") == {"kb:mali"}
    assert NAMES.exact("PMC Vagner") == {"kb:wagner_group"}
    assert NAMES.exact("Haftar") == set()
