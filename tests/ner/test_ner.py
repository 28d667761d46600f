"""Alias matching with clitics, context resolution, unknown names, coreference."""

from __future__ import annotations

from marsad.doc import Doc
from marsad.ner import recognise
from marsad.ner.matcher import AliasMatcher
from marsad.text.segment import sentence_spans, tokenize
from tests.helpers import annotate, small_kb

KB = small_kb()
MATCHER = AliasMatcher(KB)


_doc = annotate


def _linked(doc: Doc) -> list[tuple[str | None, str]]:
    return [(m.kb_id, m.text) for m in doc.mentions]


def test_clitics_are_outside_the_mention() -> None:
    doc = _doc("التقى حفتر وبوتين بالكرملين ثم عاد لموسكو.")
    assert _linked(doc) == [("khalifa_haftar", "حفتر"), ("vladimir_putin", "بوتين"),
                            ("kremlin", "الكرملين"), ("moscow", "موسكو")]


def test_fused_lam_alif_keeps_the_whole_token() -> None:
    doc = _doc("وأفاد المكتب الإعلامي للرئاسة الروسية أمس.")
    assert _linked(doc) == [("kremlin", "للرئاسة الروسية")]


def test_longest_match_and_metonym() -> None:
    doc = _doc("استقبل الدب الروسي فلاديمير بوتين ضيفه.")
    assert _linked(doc) == [("russia", "الدب الروسي"), ("vladimir_putin", "فلاديمير بوتين")]


def test_hyphen_inside_a_name() -> None:
    doc = _doc("زيارات متكررة لنائب وزير الدفاع يونس- بك يفكوروف.")
    assert _linked(doc) == [("yunus_bek_yevkurov", "يونس- بك يفكوروف")]


def test_ambiguous_place_needs_context() -> None:
    assert _linked(_doc("قدمت روسيا دعما عسكريا ومالي كبيرا.")) == [("russia", "روسيا")]
    assert ("mali", "مالي") in _linked(_doc("وصلت القوات إلى مالي أمس."))
    assert ("mali", "مالي") in _linked(_doc("تحالف النيجر ومالي يتوسع."))


def test_facility_versus_town_by_cue() -> None:
    assert _linked(_doc("هبطت الطائرة في قاعدة الجفرة.")) == [("al_jufra_air_base", "الجفرة")]
    assert _linked(_doc("سكان مدينة الجفرة ينتظرون.")) == [("jufra", "الجفرة")]
    assert _linked(_doc("سكان الجفرة ينتظرون.")) == []  # a small town needs a cue


def test_family_surname_follows_the_last_full_name() -> None:
    doc = _doc("التقى صدام حفتر الوفد. وقال حفتر إن الزيارة مهمة.")
    assert _linked(doc) == [("saddam_haftar", "صدام حفتر"), ("saddam_haftar", "حفتر")]
    doc = _doc("وقال حفتر إن الزيارة مهمة.")
    assert _linked(doc) == [("khalifa_haftar", "حفتر")]


def test_unknown_person_after_a_title_and_its_surname_later() -> None:
    doc = _doc("قال المحلل جليل حرشاوي، إن الشحنة وصلت. وأضاف حرشاوي أن الأمر جديد.")
    per = [e for e in doc.entities if e.type == "PER"]
    assert len(per) == 1 and per[0].kb_id is None
    assert [m.text for m in per[0].mentions] == ["جليل حرشاوي", "حرشاوي"]


def test_quoted_media_name_after_a_head_noun() -> None:
    doc = _doc("نشر موقع “ميدل نيوز” تقريرا، وذكرت صحيفة The Guardian أن الوفد وصل.")
    orgs = sorted(m.text for m in doc.mentions if m.type == "ORG")
    assert orgs == ["The Guardian", "ميدل نيوز"]


def test_state_by_demonym() -> None:
    doc = _doc("لم تعد الدولة الروسية تعمل في الخفاء.")
    assert _linked(doc) == [("russia", "الدولة الروسية")]


def test_entities_group_mentions_with_english_names() -> None:
    doc = _doc("التقى بوتين حفتر. وقال فلاديمير بوتين إن روسيا تدعم موسكو.")
    by_key = {e.kb_id: e for e in doc.entities}
    assert [m.text for m in by_key["vladimir_putin"].mentions] == ["بوتين", "فلاديمير بوتين"]
    assert by_key["vladimir_putin"].name_en == "Vladimir Putin"
    assert by_key["moscow"].lat == 55.75
    assert [e.id for e in doc.entities] == ["e1", "e2", "e3", "e4"]


def test_common_words_rule_out_false_names() -> None:
    from marsad.kb import KnowledgeBase, entry_from_record
    from marsad.text.normalize import match_key

    kb = KnowledgeBase(entry_from_record(r, "test") for r in [
        {"key": "beira", "type": "GPE", "name_en": "Beira", "name_ar": "بيرا",
         "population": 530000},
        {"key": "frederic_wehrey", "type": "PER", "name_en": "Frederic Wehrey",
         "name_ar": "فريدريك ويري", "aliases": ["ويري"]},
        {"key": "european_union", "type": "ORG", "name_en": "European Union",
         "name_ar": "الاتحاد الأوروبي"},
    ])
    common = frozenset(match_key(w) for w in ["كبيرا", "يرى", "للاتحاد"])
    matcher = AliasMatcher(kb, common_words=common)

    def hits(text: str) -> list[tuple[str, str]]:
        toks = tokenize(text)
        return [(h.candidates[0].entry.key, text[h.start : h.end])
                for h in matcher.hits(text, toks)]

    assert hits("منحها موطئ قدم كبيرا في المنطقة") == []  # not ك + Beira
    assert hits("ويرى المحلل أن الوضع خطير") == []  # "and he sees", not Wehrey
    # the full name still matches; the bare surname is given up (it folds to "and he sees")
    assert hits("وقال فريدريك ويري إن الوضع خطير") == [("frederic_wehrey", "فريدريك ويري")]
    assert hits("التابعة للاتحاد الأوروبي") == [("european_union", "للاتحاد الأوروبي")]


def test_people_by_given_name_without_a_title() -> None:
    doc = _doc("وقال محمد الورفلي إن المدينة هادئة، بينما نفى آخرون ذلك.")
    per = [m for m in doc.mentions if m.type == "PER"]
    assert [(m.text, m.kb_id) for m in per] == [("محمد الورفلي", None)]
    ent = next(e for e in doc.entities if e.type == "PER")
    assert ent.name_en and ent.name_en.startswith("Mohamed")
    # a given name followed by an ordinary word is not a person
    assert [m for m in _doc("وقال محمد إن المدينة هادئة.").mentions if m.type == "PER"] == []


def test_generic_names_resolve_to_the_country_in_context() -> None:
    doc = _doc("وصل المدربون إلى النيجر، حيث ألغى المجلس العسكري الاتفاق.")
    assert ("niger_junta", "المجلس العسكري") in _linked(doc)
    doc = _doc("قال رئيس المجلس العسكري في مالي إن الاتفاق قائم.")
    assert ("mali_junta", "المجلس العسكري") in _linked(doc)
    doc = _doc("ألغى المجلس العسكري الاتفاق.")  # no country in sight: left unlinked
    assert [k for k, _ in _linked(doc)] == []


def test_a_generic_name_refers_back_to_the_body_named_in_full() -> None:
    # the army named in full earlier wins over the country named last ("واشنطن")
    from marsad.ingest import RawArticle
    from marsad.pipeline import Pipeline

    doc = Pipeline().process(RawArticle(
        "t", "قصف الجيش السوداني مواقع في الخرطوم. ورحبت الولايات المتحدة بالهدنة، "
        "فيما اتهمت قوات الدعم السريع الجيش بخرق الهدنة.", "text"))
    armies = [(m.text, m.kb_id) for m in doc.mentions if m.kb_id == "sudanese_armed_forces"]
    assert armies == [("الجيش السوداني", "sudanese_armed_forces"),
                      ("الجيش", "sudanese_armed_forces")]


def test_shared_surname_after_another_given_name_is_not_linked() -> None:
    from marsad.kb import KnowledgeBase, entry_from_record

    kb = KnowledgeBase(entry_from_record(r, "test") for r in [
        {"key": "ibrahim_traore", "type": "PER", "name_en": "Ibrahim Traoré",
         "name_ar": "إبراهيم تراوري", "aliases": [{"text": "تراوري", "ambiguous": True}]},
    ])
    matcher = AliasMatcher(kb)
    text = "استقبل إبراهيم تراوري الوفد. والتقى لافروف جان ماري تراوري. وأكد تراوري الدعم."
    doc = Doc("t", text)
    doc.set_sentences(sentence_spans(text))
    doc.set_tokens(tokenize(text, kb.words.__contains__))
    linked = [(m.text, m.kb_id) for m in recognise(doc, kb, matcher) if m.kb_id]
    # the second تراوري (after جان ماري) is left out; the bare third goes to the person
    # named in full
    assert linked == [("إبراهيم تراوري", "ibrahim_traore"), ("تراوري", "ibrahim_traore")]
    assert [m.start for m in recognise(doc, kb, matcher) if m.kb_id][1] == text.rindex("تراوري")


def test_an_ambiguous_body_name_with_another_nisba_is_another_body() -> None:
    from marsad.kb import KnowledgeBase, entry_from_record

    kb = KnowledgeBase(entry_from_record(r, "test") for r in [
        {"key": "idf", "type": "ORG", "name_en": "Israel Defense Forces",
         "name_ar": "الجيش الإسرائيلي",
         "aliases": ["الاحتلال الإسرائيلي", {"text": "الاحتلال", "ambiguous": True}]},
    ])
    matcher = AliasMatcher(kb)
    text = ("قصفت مدفعية الاحتلال الإسرائيلي أطراف القرية. وانسحب الاحتلال منها. "
            "وذكّر الكاتب بأن الاحتلال البريطاني للمدينة انتهى قبل قرن.")
    doc = Doc("t", text)
    doc.set_sentences(sentence_spans(text))
    doc.set_tokens(tokenize(text, kb.words.__contains__))
    linked = [(m.text, m.kb_id) for m in recognise(doc, kb, matcher) if m.kb_id]
    # the bare name is the army once the article names it plainly; with another nisba it
    # is another occupation
    assert linked == [("الاحتلال الإسرائيلي", "idf"), ("الاحتلال", "idf")]


def test_a_clitic_on_a_common_word_that_opens_a_name() -> None:
    from marsad.ingest import RawArticle
    from marsad.pipeline import Pipeline

    text = "الفيلق التابع لوزارة الدفاع الروسية وصل. ومنحها موطئ قدم كبيرا."
    doc = Pipeline().process(RawArticle("x", text, "text"))
    linked = [(m.text, m.kb_id) for m in doc.mentions]
    assert ("وزارة الدفاع الروسية", "russian_ministry_of_defence") in linked
    assert all(k != "beira" for _, k in linked)


def test_a_kingdom_resolves_to_the_country_of_the_bodies_named_before() -> None:
    from marsad.ingest import RawArticle
    from marsad.pipeline import Pipeline

    doc = Pipeline().process(RawArticle(
        "t", "وقالت وكالة الأنباء السعودية إن ولي العهد أكد وقوف المملكة إلى جانب سوريا.",
        "text"))
    assert ("المملكة", "saudi_arabia") in [(m.text, m.kb_id) for m in doc.mentions]


def _pipeline_mentions(text: str) -> list[tuple[str, str | None, str]]:
    from marsad.ingest import RawArticle
    from marsad.pipeline import Pipeline

    doc = Pipeline().process(RawArticle("t", text, "text"))
    return [(m.text, m.kb_id, m.type) for m in doc.mentions]


def test_the_government_resolves_by_country_unless_the_country_has_rivals() -> None:
    # «الحكومة» alone is a bare common noun (annotation.md): no entity from the country's
    # context alone (it was Iraq's government here; on unseen pages that added more
    # spurious bodies than it found), only by reference to a government named before
    found = _pipeline_mentions("وفي العراق، قطعت الحكومة خدمة الإنترنت.")
    assert all(m[0] != "الحكومة" for m in found)
    found = _pipeline_mentions("وقالت الحكومة العراقية إنها ستعيد الخدمة. وقطعت الحكومة "
                               "خدمة الإنترنت أمس.")
    assert ("الحكومة", "iraqi_government", "ORG") in found
    # Libya has rival governments: only one the article named before is meant
    found = _pipeline_mentions("وفي ليبيا، قطعت الحكومة خدمة الإنترنت.")
    assert all(m[0] != "الحكومة" for m in found)
    found = _pipeline_mentions("أعلنت حكومة الوحدة الوطنية الهدنة في ليبيا. "
                               "ودفعت الحكومة بتعزيزات إلى طرابلس.")
    assert ("الحكومة", "government_of_national_unity", "ORG") in found


def test_a_head_noun_before_a_purpose_lam_is_no_organisation_name() -> None:
    found = _pipeline_mentions("تظاهر المئات أمام مركز لمنح التأشيرات التركية في بغداد.")
    assert all(not m[0].startswith("مركز") for m in found)
    found = _pipeline_mentions("قال مركز كارنيغي للشرق الأوسط إن الاتفاق هش.")
    assert any(m[0].startswith("مركز كارنيغي") for m in found)


def test_a_name_ends_before_a_joined_verb_with_its_object() -> None:
    found = _pipeline_mentions("واستدعت الخارجية السفير التركي علي رضا غوناي وسلّمته مذكرة.")
    people = [m for m in found if m[2] == "PER"]
    assert people and people[0][0] == "علي رضا غوناي"


def test_an_army_in_construct_with_its_country_is_the_army() -> None:
    found = _pipeline_mentions("ونفّذ الجيش المالي وجيش بوركينا فاسو عمليات مشتركة.")
    assert ("جيش بوركينا فاسو", "burkina_faso_armed_forces", "ORG") in found
    assert all(m[1] != "burkina_faso" for m in found)


def test_a_definite_head_noun_refers_to_the_organisation_named_with_it() -> None:
    found = _pipeline_mentions('وكان حفتر قد لجأ إلى مجموعة "فاغنر" في 2019، ثم توجّه قسم من '
                               "عديد المجموعة إلى مالي.")
    assert ("المجموعة", "wagner_group", "ORG") in found
    # a head described further is a body of its own, not a reference
    found = _pipeline_mentions('وقالت حركة حماس إن الحركة الإسلامية الأخرى لم تشارك.')
    assert all(m[0] != "الحركة" for m in found)


def test_a_definite_head_refers_to_a_body_named_with_its_head_definite() -> None:
    # "المجلس الأعلى لـ…" is named with its head, made definite: "المجلس" refers to it, and
    # keeps doing so past a council named in the same sentence as what it acted on
    found = _pipeline_mentions(
        "اختتم المجلس الأعلى لمجلس التعاون لدول الخليج العربية دورته في الرياض. ورحب المجلس "
        "بقرار مجلس الأمن الأخير. كما أشاد المجلس بجهود الوساطة.")
    refs = [m for m in found if m[0] == "المجلس"]
    assert len(refs) == 2 and all(m[1] == "gcc_supreme_council" for m in refs), found
    # a council named in a sentence of its own takes the name over
    found = _pipeline_mentions(
        "اجتمع مجلس الأمن الدولي أمس. ثم أعلن المجلس الأعلى للدفاع في لبنان حالة الطوارئ. "
        "وقال المجلس إن الوضع خطير.")
    assert [m[1] for m in found if m[0] == "المجلس"] != ["un_security_council"], found


def test_bare_forces_refer_to_the_forces_named_before() -> None:
    # "القوات" alone after "القوات الإسرائيلية" / "قوات الاحتلال"
    found = _pipeline_mentions("اقتحمت القوات الإسرائيلية مدينة جنين. وفي طولكرم، اقتحمت القوات "
                               "ضاحية اكتابا.")
    assert ("القوات", "israel_defense_forces", "ORG") in found, found
    found = _pipeline_mentions("اقتحمت القوات الأمنية مدينة جنين.")
    assert all(m[0] != "القوات" for m in found), found


def test_a_known_name_inside_a_longer_unknown_name_is_another_person() -> None:
    """Team-written: a KB surname after another given name, a KB name ending on a given name
    followed by a family name, and a one-word given-name alias before a father's name are
    other people; the person's own name, a title after him and a second person are not."""
    from tests.helpers import extract

    def people(text: str) -> list[tuple[str, str | None]]:
        return [(m.text, m.kb_id) for m in extract(text).mentions if m.type == "PER"]

    assert people("وقال المحامي إن الموقوفين هم رضا بلحاج وسفيان سليماني.") == [
        ("رضا بلحاج", None), ("سفيان سليماني", None)]
    assert people("وشيع أهالي البلدة الشاب محمد مصطفى أيوب أمس.") == [
        ("محمد مصطفى أيوب", None)]
    assert people("وقال مفوض الإغاثة، عباس يوسف آدم، إن القافلة وصلت.") == [
        ("عباس يوسف آدم", None)]
    assert people("وقال سامر بن مبارك إن الحزب مستعد.") == [("سامر بن مبارك", None)]
    # his own name spelt another way, a title after him, a second person right after him
    assert people("وقال عبدالفتاح السيسي إن مصر مستعدة.") == [
        ("عبدالفتاح السيسي", "abdel_fattah_el_sisi")]
    assert people("وقال محمد بن سلمان ولي العهد إن المملكة مستعدة.")[0] == (
        "محمد بن سلمان", "mohammed_bin_salman")
    assert people("وجرى لقاء بين بوتين وحفتر في موسكو.")[0] == ("بوتين", "vladimir_putin")
    assert ("محمد بن زايد", "mohamed_bin_zayed") in people(
        "واستقبل السيسي محمد بن زايد في القاهرة.")


def test_a_government_named_by_its_capital() -> None:
    """Team-written: "حكومة أنقرة" is Turkey's government, as "حكومة تركيا" is; a city that
    is no capital stays a place."""
    from tests.helpers import extract

    def linked(text: str) -> list[tuple[str, str | None]]:
        return [(m.text, m.kb_id) for m in extract(text).mentions]

    turkey = linked("ورفضت حكومة تركيا الاتهامات.")[0][1]
    assert turkey is not None
    assert linked("ورفضت حكومة أنقرة الاتهامات.") == [("حكومة أنقرة", turkey)]
    assert linked("وزار وفد حكومة إسطنبول أمس.") == [("إسطنبول", "istanbul")]


def test_a_described_government_with_its_states_nisba() -> None:
    """Team-written: "حكومة" + a description + a state's nisba is that state's government,
    the army's alias inside it gives way; inside a title it only qualifies the person."""
    from tests.helpers import extract

    def orgs(text: str) -> list[tuple[str, str | None]]:
        return [(m.text, m.kb_id) for m in extract(text).mentions if m.type == "ORG"]

    lebanon = orgs("وقالت الحكومة اللبنانية إن.")[0][1]
    assert orgs("وستعقد حكومة تصريف الأعمال اللبنانية اجتماعا غدا.") == [
        ("حكومة تصريف الأعمال اللبنانية", lebanon)]
    israel = orgs("وقالت الحكومة الإسرائيلية إن.")[0][1]
    assert orgs("وصادقت حكومة الاحتلال الإسرائيلي على الخطة.") == [
        ("حكومة الاحتلال الإسرائيلي", israel)]
    assert ("حكومة تصريف الأعمال اللبنانية", lebanon) not in orgs(
        "ورحب رئيس حكومة تصريف الأعمال اللبنانية سامر الحلبي بالاتفاق.")


def test_a_titled_alias_stretches_to_the_full_name_after_it() -> None:
    """Team-written: the titled alias "الشيخ تميم بن حمد" matched first is stretched over
    "آل ثاني" when the entry's full name ends there (and the honorific is then left out of
    the mention: people.without_honorific)."""
    from tests.helpers import extract

    doc = extract("وأكد الشيخ تميم بن حمد آل ثاني أن الوساطة مستمرة.")
    assert [(m.text, m.kb_id) for m in doc.mentions if m.type == "PER"] == [
        ("تميم بن حمد آل ثاني", "tamim_bin_hamad")]


def test_a_family_nisba_after_a_prepositional_title_or_a_group_noun_is_no_person() -> None:
    """Team-written: "بالرئيس السوداني" is Sudan's president, "بمليشيات الحوثي" the
    movement; the leader named in full and then by surname is still the person."""
    from tests.helpers import extract

    def people(text: str) -> list[tuple[str, str | None]]:
        return [(m.text, m.kb_id) for m in extract(text).mentions if m.type == "PER"]

    assert ("السوداني", "mohammed_shia_al_sudani") not in people(
        "وأعلن الجيش الإطاحة بالرئيس السوداني أمس.")
    assert people("واتهمت الوزارة البنك بالارتباط بمليشيات الحوثي.") == []
    assert people("وقال عبد الملك الحوثي إن الهدنة انتهت. وأضاف الحوثي أن.") == [
        ("عبد الملك الحوثي", "abdul_malik_al_houthi"), ("الحوثي", "abdul_malik_al_houthi")]


def test_bare_body_nouns_name_a_body_only_by_reference() -> None:
    """Team-written: "الجيش" alone in an article about a country is a bare common noun (no
    entity); after "الجيش السوداني" it refers back to that army; a qualified generic name
    ("الحكومة الفيدرالية") still takes the country's body from context."""
    from tests.helpers import extract

    def orgs(text: str) -> list[str]:
        return [m.text for m in extract(text).mentions if m.type == "ORG"]

    assert orgs("وفي السودان، قال الجيش إنه صد الهجوم.") == []
    assert orgs("وقال الجيش السوداني إنه صد الهجوم. وأضاف الجيش أن.") == [
        "الجيش السوداني", "الجيش"]
    assert orgs("وفي الصومال، فتحت الحكومة الفيدرالية تحقيقا.") != []


def test_a_patterned_name_that_the_article_links_elsewhere_is_that_body() -> None:
    """Team-written: "مجلس الوزراء" read once as Egypt's cabinet (generic name in context)
    and elsewhere as a headed name is one entity, each span once."""
    from tests.helpers import extract

    doc = extract("وفي مصر، قرر مجلس الوزراء زيادة الأجور. وأوضح مجلس الوزراء المصري أن "
                  "القرار نهائي. وقال مجلس الوزراء إن الزيادة تبدأ غدا.")
    cabinets = [e for e in doc.entities if e.type == "ORG"]
    assert len(cabinets) == 1 and cabinets[0].kb_id is not None
    spans = [(m.start, m.end) for m in cabinets[0].mentions]
    assert len(spans) == len(set(spans)) == 3
