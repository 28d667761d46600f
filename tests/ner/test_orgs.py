"""Organisations named by a head noun that the knowledge base does not know
(marsad/ner/orgs.py): councils, commissions, fronts, unions, leagues, syndicates and forces,
and where their names end. Every sentence is team-written."""

from __future__ import annotations

import pytest

from marsad.data import load_yaml

from ..helpers import extract, mention_texts


def _orgs(sentence: str) -> set[str]:
    return mention_texts(sentence, "ORG")


@pytest.mark.parametrize("sentence, org", [
    # councils, commissions and authorities: a genitive chain or a "لل" complement
    ("وأصدر المجلس الأعلى للقضاء بيانا مساء الخميس.", "المجلس الأعلى للقضاء"),
    ("وقالت الهيئة العليا المستقلة للانتخابات إن النتائج نهائية.",
     "الهيئة العليا المستقلة للانتخابات"),
    ("ونشر الجهاز المركزي للتعبئة العامة والإحصاء أرقاما جديدة.",
     "الجهاز المركزي للتعبئة العامة والإحصاء"),
    ("واجتمعت هيئة رؤساء أركان الجيوش في العاصمة.", "هيئة رؤساء أركان الجيوش"),
    ("وأعلنت شركة نفط الجنوب زيادة الإنتاج.", "شركة نفط الجنوب"),
    ("وقال جهاز المخابرات العامة إنه أحبط المخطط.", "جهاز المخابرات العامة"),
    ("وصوت مجلس الشعب على القانون بالأغلبية.", "مجلس الشعب"),
    # fronts, coalitions, alliances and unions
    ("ودعت جبهة الخلاص الوطني إلى الإضراب.", "جبهة الخلاص الوطني"),
    ("ورفض ائتلاف القوى الوطنية المبادرة.", "ائتلاف القوى الوطنية"),
    ("وأعلن الاتحاد العام للشغل إضرابا عاما.", "الاتحاد العام للشغل"),
    # leagues and syndicates
    ("وطالبت الرابطة الوطنية لحقوق الإنسان بالإفراج عنهم.",
     "الرابطة الوطنية لحقوق الإنسان"),
    ("وأدانت نقابة الصحفيين اعتقال المراسل.", "نقابة الصحفيين"),
    # forces named by a proper noun
    ("وتقدمت قوات درع الوطن نحو المدينة.", "قوات درع الوطن"),
    ("وسيطرت قوات العمالقة على الطريق الساحلي.", "قوات العمالقة"),
    # definite heads whose adjectives make a name
    ("ورحب المجلس الانتقالي الجنوبي بالقرار.", "المجلس الانتقالي الجنوبي"),
    ("وقالت الهيئة الوطنية للمحامين إن المحاكمة باطلة.", "الهيئة الوطنية للمحامين"),
])
def test_a_body_named_by_its_head(sentence: str, org: str) -> None:
    assert org in _orgs(sentence)


@pytest.mark.parametrize("sentence, org", [
    # a verbal noun that opens the predicate's object
    ("وقرر المجلس الأعلى للقضاء تعيين قضاة جدد.", "المجلس الأعلى للقضاء"),
    ("وقرر المجلس الأعلى للقضاء الإفراج عن الموقوفين.", "المجلس الأعلى للقضاء"),
    # a verb, or a conjunction and a verb
    ("واجتمعت جبهة الخلاص الوطني ويقرر قادتها المقاطعة.", "جبهة الخلاص الوطني"),
    # a clitic preposition and its noun
    ("وطالبت الرابطة الوطنية لحقوق الإنسان بسجن المسؤولين.",
     "الرابطة الوطنية لحقوق الإنسان"),
    ("وقال معهد الدراسات الأمنية بجنوب القارة إن الهجمات تراجعت.",
     "معهد الدراسات الأمنية"),
    # a purpose after a complete name is not part of it
    ("ودعت وزارة الهجرة والمهجرين لإغلاق المخيمات.", "وزارة الهجرة والمهجرين"),
    # a date or a number word
    ("وأعلن الاتحاد العام للشغل الاثنين الإضراب.", "الاتحاد العام للشغل"),
    ("وانتخبت نقابة الصحفيين ثلاثة أعضاء جدد.", "نقابة الصحفيين"),
    # a second head noun begins another body
    ("وشاركت جبهة الخلاص الوطني وهيئة الدفاع عن المعتقلين في الوقفة.",
     "جبهة الخلاص الوطني"),
    # punctuation
    ("وقال ائتلاف القوى الوطنية، في بيان، إنه سيشارك.", "ائتلاف القوى الوطنية"),
])
def test_where_the_name_ends(sentence: str, org: str) -> None:
    orgs = _orgs(sentence)
    assert org in orgs
    assert not any(o != org and o.startswith(org) for o in orgs)


@pytest.mark.parametrize("sentence, absent", [
    ("وتوقفت حركة السير على الطريق لساعات.", "حركة السير"),
    ("وتحولت المدينة إلى مركز ثقل مصالحها في المنطقة.", "مركز ثقل"),
    ("ودعا الخطيب إلى اتحاد الكلمة في وجه الأزمة.", "اتحاد الكلمة"),
    ("وانتشرت قوات الأمن في الشوارع.", "قوات الأمن"),
    ("وشكلت الحكومة لجنة معنية بالملف.", "لجنة معنية"),
    ("وقالت الحكومة إن المجلس العسكري سيعلن قراره.", "المجلس العسكري"),
    ("وتراجعت حركة المركبات لأول مرة منذ شهور.", "حركة المركبات"),
])
def test_no_body(sentence: str, absent: str) -> None:
    assert not any(o.startswith(absent) for o in _orgs(sentence))


def test_a_known_body_stays_the_knowledge_base_s() -> None:
    doc = extract("وعقد مجلس الأمن جلسة طارئة بشأن الأزمة.")
    ents = [e for e in doc.entities if e.type == "ORG"]
    assert len(ents) == 1 and ents[0].kb_id is not None
    assert [m.text for m in ents[0].mentions] == ["مجلس الأمن"]


def test_the_word_lists_are_valid() -> None:
    cues = load_yaml("ar/ner_cues.yaml")
    for name in ("definite_org_heads", "force_heads", "org_domain_nouns",
                 "org_name_adjectives", "org_name_breaks"):
        words = cues[name]
        assert isinstance(words, list) and words, name
        assert all(isinstance(w, str) and w.strip() == w and " " not in w for w in words), name
        assert len(set(words)) == len(words), name
    # a definite head is written with its article; the others without it
    assert all(w.startswith("ال") for w in cues["definite_org_heads"])
    assert not any(w.startswith("ال") for w in cues["force_heads"])


@pytest.mark.parametrize("sentence", [
    "وأرسلت الدولة قوات رمزية للمشاركة في المناورات.",
    "وانتشرت قوات أجنبية نظامية قرب الحدود.",
    "وشكلت الوزارة لجنة عليا للتحقيق في الحادث.",
])
def test_an_indefinite_body_of_the_story_is_no_name(sentence: str) -> None:
    assert _orgs(sentence) == set()


@pytest.mark.parametrize(("sentence", "mention"), [
    ("وقالت مصادر محلية إن الجماعة الحوثية أفرجت عن ثلاثة صيادين.", "الجماعة الحوثية"),
    ("وتبنت المليشيات الحوثية الهجوم على الناقلة.", "المليشيات الحوثية"),
])
def test_a_group_noun_with_a_movement_s_nisba_is_the_movement(sentence: str,
                                                              mention: str) -> None:
    doc = extract(sentence)
    assert [(e.kb_id, [m.text for m in e.mentions]) for e in doc.entities
            if e.type == "ORG"] == [("houthis", [mention])]


def test_a_group_noun_with_a_state_s_nisba_is_no_movement() -> None:
    # a nationality-qualified body (annotation.md): an unlinked ORG, neither a movement
    # nor the state
    doc = extract("وانتشرت الميليشيات الإيرانية قرب الحدود.")
    assert [(e.kb_id, e.name) for e in doc.entities] == [(None, "الميليشيات الإيرانية")]


def test_the_group_heads_are_definite() -> None:
    heads = load_yaml("ar/ner_cues.yaml")["group_nisba_heads"]
    assert heads and all(isinstance(w, str) and w.startswith("ال") for w in heads)


def test_defence_bodies_and_a_definite_head_before_a_complement() -> None:
    """Team-written: "الدفاع عن" carries the cause into a rights body's name; a definite
    head followed at once by a "لل" phrase ("واصل المركز لليوم الثالث") names no body,
    while one with its adjective first does."""
    from tests.helpers import extract

    def orgs(text: str) -> list[str]:
        return [m.text for m in extract(text).mentions if m.type == "ORG"]

    assert orgs("وقالت اللجنة الوطنية للدفاع عن معتقلي الرأي إن السلطات أفرجت عنهم.") == [
        "اللجنة الوطنية للدفاع عن معتقلي الرأي"]
    assert orgs("وواصل المركز لليوم الثالث توزيع السلال على الأسر.") == []
    assert orgs("وقال المركز الوطني للأرصاد إن الأمطار ستستمر.") == ["المركز الوطني للأرصاد"]


def test_militias_named_by_a_states_nisba() -> None:
    """Team-written: "الميليشيات الإيرانية" is a body of its own (unlinked), not Iran; the
    fused "للمليشيات" and the other spelling group with it; a movement's nisba still links."""
    from tests.helpers import extract

    doc = extract("وقصفت طائرة مقرات للمليشيات الإيرانية في المدينة. "
                  "وانسحبت الميليشيات الإيرانية من البلدة. وقالت الجماعة الحوثية إن.")
    orgs = [e for e in doc.entities if e.type == "ORG"]
    assert [(e.kb_id, len(e.mentions)) for e in orgs] == [(None, 2), ("houthis", 1)]
    assert [m.text for m in orgs[0].mentions] == ["للمليشيات الإيرانية", "الميليشيات الإيرانية"]
    assert not [e for e in doc.entities if e.kb_id == "iran"]


@pytest.mark.parametrize("sentence, org", [
    # a body named by its task: a verbal noun of form مفاعلة or تفعيل and its object
    ("وتلقت هيئة مكافحة الفساد شكاوى عديدة.", "هيئة مكافحة الفساد"),
    ("وأصدرت هيئة تشجيع الاستثمار قرارا جديدا.", "هيئة تشجيع الاستثمار"),
    # a state's nisba closing the genitive chain
    ("وأعلن اتحاد الكرة الجزائري إقالة المدرب.", "اتحاد الكرة الجزائري"),
    # an adjective of the form أفعل
    ("وأطلقت جمعية الهلال الأحمر حملة تبرع.", "جمعية الهلال الأحمر"),
    # a negated adjective
    ("وأوقف جهاز مكافحة الهجرة غير الشرعية مئة مهاجر.", "جهاز مكافحة الهجرة غير الشرعية"),
    # a name that ends where a noun with a pronoun opens the object
    ("وأعلن بنك عودة أرباحه السنوية.", "بنك عودة"),
])
def test_named_by_task_nationality_and_adjective_form(sentence: str, org: str) -> None:
    orgs = _orgs(sentence)
    assert org in orgs
    assert not any(o != org and o.startswith(org) for o in orgs)


@pytest.mark.parametrize("sentence, absent", [
    ("وراقبت البحرية حركة السفن الروسية في المضيق.", "حركة السفن"),
    ("وتجمع الناس في مركز المدينة السورية.", "مركز المدينة"),
    ("ونقلت الشركة مركز ثقل مصالحها إلى الخارج.", "مركز ثقل"),
    ("وقالت منظمة غير حكومية إن الوضع خطير.", "منظمة غير"),
])
def test_motion_and_place_heads_take_no_state_nisba(sentence: str, absent: str) -> None:
    assert not any(o.startswith(absent) for o in _orgs(sentence))


def test_the_word_forms() -> None:
    from marsad.ner.orgs import _elative, _purpose_noun
    from marsad.text.normalize import match_key

    assert _elative(match_key("الأحمر")) and _elative(match_key("الأخضر"))
    assert not _elative(match_key("الأمير")) and not _elative(match_key("الأسرى"))
    assert _purpose_noun([match_key("مكافحة"), match_key("الفساد")])
    assert _purpose_noun([match_key("تشجيع"), match_key("الاستثمار")])
    assert not _purpose_noun([match_key("مكافحة")])
    assert not _purpose_noun([match_key("السير")])


def test_a_ministry_named_by_its_domain_alone() -> None:
    # a construct with a nisba-form noun after an indefinite head is a name
    assert "وزارة الداخلية" in _orgs("ونشرت وزارة الداخلية صور المطلوبين.")
    # ... that joins the one linked ministry of that domain in the article
    doc = extract("ونشرت وزارة الداخلية العراقية صور المطلوبين. وقالت وزارة الداخلية "
                  "إن البحث مستمر.")
    ministries = [e for e in doc.entities if e.type == "ORG"]
    assert len(ministries) == 1
    assert {m.text for m in ministries[0].mentions} == {"وزارة الداخلية العراقية",
                                                        "وزارة الداخلية"}
    # a definite head with one adjective stays no name
    assert not _orgs("وقالت الحكومة إن المجلس العسكري سيعلن قراره.")


def test_a_bare_ministry_joins_only_a_body_of_its_domain() -> None:
    from marsad.doc import Mention
    from marsad.ner import _bare_ministries

    class _KB:
        demonyms = {"سوري": None, "روسي": None}

    def m(text: str, kb_id: str, source: str = "kb") -> Mention:
        return Mention(0, len(text), text, "ORG", kb_id, source)

    bare = m("وزارة الخارجية", "_وزاره_الخارجيه", "pattern")
    # a headless linked name that opens with the domain
    out = _bare_ministries([m("الخارجية الروسية", "russian_mfa"), bare], _KB())  # type: ignore[arg-type]
    assert out[1].kb_id == "russian_mfa"
    # another head ("مجلس الشعب" is no "حزب الشعب") or two bodies: no join
    party = m("حزب الشعب", "_حزب_الشعب", "pattern")
    assert _bare_ministries([m("مجلس الشعب", "egypt_parliament"), party],
                            _KB())[1].kb_id == "_حزب_الشعب"  # type: ignore[arg-type]
    two = [m("الخارجية الروسية", "russian_mfa"), m("الخارجية السورية", "syrian_mfa"), bare]
    assert _bare_ministries(two, _KB())[2].kb_id == "_وزاره_الخارجيه"  # type: ignore[arg-type]
    # a state's nisba is no domain
    gov = m("الحكومة السورية", "_الحكومه_السوريه", "pattern")
    assert _bare_ministries([m("الإخبارية السورية", "syrian_tv"), gov],
                            _KB())[1].kb_id == "_الحكومه_السوريه"  # type: ignore[arg-type]


@pytest.mark.parametrize("sentence, org", [
    # a ministry named by its domain and the state's nisba, the ministry left unsaid
    ("وقالت الدفاع الروسية إنها أسقطت طائرات مسيرة.", "الدفاع الروسية"),
    ("وقالت الصحة الفلسطينية إن الحصيلة ارتفعت.", "الصحة الفلسطينية"),
    # civil defence and the war aviation of a state
    ("وقال الدفاع المدني اللبناني إن الحريق أخمد.", "الدفاع المدني اللبناني"),
    ("وقصف الطيران الحربي الإسرائيلي منزلا.", "الطيران الحربي الإسرائيلي"),
])
def test_a_state_s_body_named_by_its_domain(sentence: str, org: str) -> None:
    assert org in _orgs(sentence)


@pytest.mark.parametrize("sentence, org", [
    # a descriptor head before a proper name is left out, with the description after it
    ("وقالت شركة دريكسل البريطانية للأمن البحري إن ناقلة تعرضت لهجوم.", "دريكسل"),
    # an accusative with its tanween unwritten ends the name
    ("ووقعت شركة هيلكسون اتفاقا مع وزارة النقل.", "هيلكسون"),
])
def test_a_company_is_named_by_its_proper_name(sentence: str, org: str) -> None:
    orgs = _orgs(sentence)
    assert org in orgs
    assert not any(o.startswith("شركة") for o in orgs)


def test_a_common_noun_after_the_descriptor_keeps_it() -> None:
    assert "شركة نفط الجنوب" in _orgs("وأعلنت شركة نفط الجنوب زيادة الإنتاج.")
    # a pronoun or a plural in اء is no accusative
    assert "هيئة رؤساء الأركان" in _orgs("واجتمعت هيئة رؤساء الأركان في العاصمة.")


@pytest.mark.parametrize("sentence, org", [
    # "وزراء" is a word, not a conjunction and a noun; a people's plural nisba closes the name
    ("واختتم مجلس وزراء الصحة العرب اجتماعه في القاهرة.", "مجلس وزراء الصحة العرب"),
    ("وقال اتحاد الصحفيين الأفارقة إن المراسل اعتقل.", "اتحاد الصحفيين الأفارقة"),
])
def test_a_council_of_ministers_and_a_peoples_plural_nisba(sentence: str, org: str) -> None:
    assert org in _orgs(sentence)


def test_a_final_ha_right_after_the_head_is_the_noun_s_own() -> None:
    # "مياه" ends in a ه of its own: no pronoun, the name runs on
    assert "مؤسسة مياه الشرب" in _orgs("وقالت مؤسسة مياه الشرب إن الضخ توقف.")
