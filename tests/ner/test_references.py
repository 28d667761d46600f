"""References to a person named earlier in the article (issue #13, class References).

Every sentence is team-written; the people are invented or general knowledge."""

from __future__ import annotations

import pytest

from marsad.data import load_yaml
from marsad.ingest import RawArticle
from marsad.pipeline import Pipeline


def _people(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str]]:
    doc = pipeline.process(RawArticle("t", text, "text"))
    key = {(m.start, m.end): e.kb_id or e.name for e in doc.entities for m in e.mentions}
    return [(m.text, key[(m.start, m.end)], m.source) for m in doc.mentions if m.type == "PER"]


def test_the_reference_word_lists_are_valid() -> None:
    cues = load_yaml("ar/ner_cues.yaml")
    offices = cues["head_of_state_titles"]
    assert isinstance(offices, dict) and offices
    for word, named in offices.items():
        assert isinstance(word, str) and " " not in word and not word.startswith("ال"), word
        assert isinstance(named, list) and named and all(isinstance(w, str) for w in named)
    for name in ("state_words", "the_country", "former_words"):
        words = cues[name]
        assert isinstance(words, list) and words, name
        assert all(isinstance(w, str) and w.strip() == w and " " not in w for w in words), name
        assert len(set(words)) == len(words), name


def test_a_first_name_alone_is_the_person_named_in_full_before(pipeline: Pipeline) -> None:
    got = _people(pipeline, "قال المحامي هشام الحلبي إن المحكمة أجلت الجلسة. وأضاف هشام أن "
                            "موكله بريء، ونقل عن هشام قوله إن الدفاع سيستأنف.")
    assert got == [("هشام الحلبي", "هشام الحلبي", "pattern"),
                   ("هشام", "هشام الحلبي", "coref"), ("هشام", "هشام الحلبي", "coref")]


@pytest.mark.parametrize("text", [
    # two people of the article share the first name
    "قال المحامي هشام الحلبي إن المحكمة أجلت الجلسة، ورد المدعي العام هشام النجار بأن "
    "الأدلة كافية. وأضاف هشام أن موكله بريء.",
    # a first name that is an everyday word (جمال: beauty)
    "قال المحامي جمال الحلبي إن المحكمة أجلت الجلسة. وأضاف جمال أن موكله بريء.",
    # the first name comes before the full name
    "وأضاف هشام أن موكله بريء. وقال المحامي هشام الحلبي إن المحكمة أجلت الجلسة.",
])
def test_a_first_name_refers_to_nobody_in_doubt(pipeline: Pipeline, text: str) -> None:
    assert not [p for p in _people(pipeline, text) if p[2] == "coref"]


def test_a_preposition_is_no_first_name(pipeline: Pipeline) -> None:
    got = _people(pipeline, "وقال المهندس علي الزين إن العمل جار. وشدد على أن الجسر "
                            "سيفتح قريبا.")
    assert [p for p in got if p[2] == "coref"] == []


def test_a_title_with_its_country_is_the_holder_named_before(pipeline: Pipeline) -> None:
    got = _people(pipeline, "استقبل حمد بن عيسى آل خليفة وزير الخارجية الفرنسي في المنامة. "
                            "وأكد ملك البحرين دعمه للحوار، فيما قال العاهل البحريني إن "
                            "العلاقات متينة.")
    assert ("ملك البحرين", "hamad_bin_isa", "coref") in got
    assert ("العاهل البحريني", "hamad_bin_isa", "coref") in got


def test_a_title_set_off_by_a_comma_before_the_name_is_his_later(pipeline: Pipeline) -> None:
    # the title, a comma, then the name ("وزير الخارجية المصري، بدر عبد العاطي") introduces
    # the holder as the title right before the name does
    got = _people(pipeline, "واستقبل وزير الخارجية المصري، بدر عبد العاطي، سفراء الاتحاد "
                            "الأوروبي في القاهرة. وشدد وزير الخارجية المصري على أهمية التهدئة.")
    assert ("وزير الخارجية المصري", "badr_abdelatty", "coref") in got
    # (a colon sets off no apposition)
    got = _people(pipeline, "وكتب وزير الخارجية المصري: بدر عبد العاطي يصل بروكسل. وشدد وزير "
                            "الخارجية المصري على أهمية التهدئة.")
    assert not any(t == "وزير الخارجية المصري" for t, _, _ in got)


def test_the_head_of_state_of_the_country_of_the_article(pipeline: Pipeline) -> None:
    got = _people(pipeline, "التقى إيمانويل ماكرون نظيره المصري عبد الفتاح السيسي في "
                            "القاهرة. وقال رئيس فرنسا إن البلدين شريكان. وأشاد رئيس البلاد "
                            "بالزيارة، وقالت مصر إن مصر مستعدة للتعاون.")
    assert ("رئيس فرنسا", "emmanuel_macron", "coref") in got
    assert ("رئيس البلاد", "abdel_fattah_el_sisi", "coref") in got


@pytest.mark.parametrize("text", [
    # the holder is not named in the article
    "وصل وزير الخارجية الفرنسي إلى المنامة. وأكد ملك البحرين دعمه للحوار.",
    # the title comes before the holder is named
    "وأكد ملك البحرين دعمه للحوار. واستقبل حمد بن عيسى آل خليفة الوفد في المنامة.",
    # a former holder is another person
    "استقبل حمد بن عيسى آل خليفة الوفد. وحضر اللقاء رئيس فرنسا السابق.",
])
def test_a_title_refers_to_nobody_not_named_before(pipeline: Pipeline, text: str) -> None:
    assert not [p for p in _people(pipeline, text) if p[2] == "coref"]


@pytest.mark.parametrize("text", [
    # the holder named in full before
    "استقبل الملك عبدالله الثاني الوفد في عمّان. وقال الملك عبدالله إن الزيارة مثمرة.",
    # his country named in the article (here by its capital)
    "وصل الوفد إلى عمّان مساء الأحد، واستقبله الملك عبدالله في قصر الحسينية.",
    # the nisba of a title just before
    "أكد العاهل الأردني الملك عبدالله دعم بلاده للحوار.",
])
def test_a_royal_title_and_given_name_is_the_royal_of_the_country(
        pipeline: Pipeline, text: str) -> None:
    assert ("الملك عبدالله", "abdullah_ii", "coref") in _people(pipeline, text)


def test_a_royal_named_before_is_taken_over_the_reigning_one(pipeline: Pipeline) -> None:
    got = _people(pipeline, "وقال الملك عبدالله بن عبدالعزيز إن السعودية تدعم الحوار. "
                            "والتقى الملك عبدالله الوفد في الرياض.")
    assert ("الملك عبدالله", "abdullah_bin_abdulaziz", "coref") in got


@pytest.mark.parametrize("text", [
    # no country of his named, nobody named before
    "زار الملك عبدالله باريس في رحلة خاصة.",
    # a reign name of its own, and a son's name
    "وقال وزير الخارجية الأردني في عمّان إن الملك عبدالله الخامس سيحضر.",
    "وقال وزير الخارجية الأردني في عمّان إن الأمير عبدالله بن خالد سيحضر.",
])
def test_a_royal_given_name_refers_to_nobody_in_doubt(pipeline: Pipeline, text: str) -> None:
    assert not [p for p in _people(pipeline, text) if p[2] == "coref"]


def test_a_former_holder_of_a_title_is_not_the_one_introduced(pipeline: Pipeline) -> None:
    got = _people(pipeline, "قال رئيس الوزراء العراقي مصطفى الكاظمي إن القمة ناجحة. وحضرها "
                            "رئيس الوزراء العراقي السابق عادل عبدالمهدي.")
    assert not [p for p in got if p[0] == "رئيس الوزراء العراقي"]


def test_a_leader_s_title_with_his_body_is_the_leader_named_in_the_article(
        pipeline: Pipeline) -> None:
    got = _people(pipeline, "وأكد رئيس مجلس السيادة أن الحرب ستنتهي قريبا. وكان عبد الفتاح "
                            "البرهان قد زار بورتسودان.")
    assert ("رئيس مجلس السيادة", "abdel_fattah_al_burhan", "coref") in got


@pytest.mark.parametrize("text", [
    # the leader is not named in the article
    "وأكد رئيس مجلس السيادة أن الحرب ستنتهي قريبا.",
    # the title is the named person's ("(…)" and a rank between)
    "واستقبل رئيس مجلس السيادة (السوداني) الفريق عبد الفتاح البرهان الوفد.",
    # a former holder
    "وقال رئيس مجلس السيادة السابق إن الحرب ستطول. وكان عبد الفتاح البرهان في بورتسودان.",
])
def test_a_leader_s_title_refers_to_nobody_in_doubt(pipeline: Pipeline, text: str) -> None:
    assert not [p for p in _people(pipeline, text) if p[2] == "coref"]


def test_a_royal_title_alone_is_the_royal_named_before(pipeline: Pipeline) -> None:
    got = _people(pipeline, "جمّد العاهل الأردني عبد الله الثاني قرارا برفع الأسعار. ودعا "
                            "النواب الملك إلى إقالة الحكومة.")
    assert ("الملك", "abdullah_ii", "coref") in got


@pytest.mark.parametrize("text", [
    # the royal is named after the title
    "ودعا النواب الملك إلى إقالة الحكومة. وجمّد العاهل الأردني عبد الله الثاني القرار.",
    # a given name follows: another king's name in a facility's
    "جمّد العاهل الأردني عبد الله الثاني القرار. وزار الوفد مستشفى الملك فهد.",
])
def test_a_royal_title_alone_refers_to_nobody_in_doubt(pipeline: Pipeline, text: str) -> None:
    assert not [p for p in _people(pipeline, text) if p[2] == "coref" and p[0] == "الملك"]
