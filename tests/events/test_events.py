"""PLOVER events from clauses: type, roles, place, date, source, certainty, merging."""

from __future__ import annotations

from datetime import date

from marsad.doc import DateValue, Doc
from marsad.events import extract_events
from marsad.events.triggers import default_triggers
from tests.helpers import annotate

TRIGGERS = default_triggers()


def _events(text: str, dates: list[tuple[str, date]] | None = None) -> tuple[Doc, list[dict]]:
    doc = annotate(text)
    vals = []
    for expr, day in dates or []:
        at = text.index(expr)
        vals.append(DateValue(at, at + len(expr), expr, day, day))
    doc.set_dates(vals)
    evs = extract_events(doc, TRIGGERS)
    doc.set_events(evs)
    key = {e.id: e.kb_id for e in doc.entities}
    out = []
    for ev in evs:
        out.append({
            "type": ev.type, "mode": ev.mode,
            "actors": [key[i] for i in ev.actors], "targets": [key[i] for i in ev.targets],
            "location": key.get(ev.location) if ev.location else None,
            "date": ev.date.first if ev.date else None,
            "sources": [key[i] for i in ev.attributed_to], "certainty": ev.certainty,
            "evidence": [doc.text[s.start : s.end] for s in ev.evidence],
        })
    return doc, out


def test_meeting_verb_subject_object_place_date() -> None:
    text = "والتقى حفتر مع بوتين في العاصمة موسكو السبت."
    _, evs = _events(text, [("السبت", date(2025, 5, 10))])
    assert evs == [{"type": "CONSULT", "mode": None, "actors": ["khalifa_haftar"],
                    "targets": ["vladimir_putin"], "location": "moscow",
                    "date": date(2025, 5, 10), "sources": [], "certainty": "asserted",
                    "evidence": [text]}]


def test_subject_before_the_verb() -> None:
    _, evs = _events("وكان حفتر التقى بوتين في موسكو.")
    assert [(e["actors"], e["targets"]) for e in evs] == [(["khalifa_haftar"],
                                                           ["vladimir_putin"])]


def test_host_of_a_reception_is_the_target() -> None:
    _, evs = _events("استقبل بوتين في موسكو المشير خليفة حفتر.")
    assert evs[0]["type"] == "CONSULT" and evs[0]["mode"] == "visit"
    assert evs[0]["actors"] == ["khalifa_haftar"] and evs[0]["targets"] == ["vladimir_putin"]
    assert evs[0]["location"] == "moscow"


def test_visit_to_a_country() -> None:
    _, evs = _events("وكان حفتر وصل روسيا الخميس بناء على دعوة رسمية.")
    assert evs[0]["type"] == "CONSULT" and evs[0]["actors"] == ["khalifa_haftar"]
    assert evs[0]["targets"] == ["russia"]


def test_attribution_and_certainty() -> None:
    _, evs = _events("وفق الكرملين، التقى بوتين حفتر في موسكو.")
    assert evs[0]["sources"] == ["kremlin"] and evs[0]["certainty"] == "reported"
    _, evs = _events("ترجح مصادر أن يكون بوتين قد التقى حفتر.")
    assert evs[0]["certainty"] == "uncertain"
    _, evs = _events("نفى الكرملين أن يكون بوتين التقى حفتر.")
    # (the denial itself is a REJECT of the Kremlin's, asserted; the meeting is denied)
    assert [e["certainty"] for e in evs if e["type"] == "CONSULT"] == ["denied"]


def test_negated_verb_is_not_an_event() -> None:
    _, evs = _events("لم يلتق بوتين حفتر خلال الزيارة.")
    assert [e for e in evs if e["type"] == "CONSULT" and e["targets"] == ["khalifa_haftar"]] == []


def test_requirement_words_disambiguate_triggers() -> None:
    _, evs = _events("نشرت روسيا قوات في النيجر.")
    assert [(e["type"], e["actors"], e["location"]) for e in evs] == [
        ("MOBILIZE", ["russia"], "niger")]
    _, evs = _events("نشرت روسيا صورا من اللقاء.")
    assert all(e["type"] != "MOBILIZE" for e in evs)


def test_same_meeting_twice_is_one_event_with_two_evidences() -> None:
    text = "التقى حفتر بوتين في موسكو. وبحث حفتر مع بوتين التعاون."
    _, evs = _events(text)
    consult = [e for e in evs if e["type"] == "CONSULT"]
    assert len(consult) == 1 and len(consult[0]["evidence"]) == 2


def test_every_event_has_evidence_inside_the_text() -> None:
    doc, evs = _events("استقبل الدب الروسي المشير خليفة حفتر، وبحث معه التعاون.")
    for ev in doc.events:
        for sp in ev.evidence:
            assert 0 <= sp.start < sp.end <= len(doc.text)


def test_coordinated_subjects_host_together() -> None:
    _, evs = _events("استقبل بوتين ووزير الدفاع يونس بك يفكيروف في موسكو المشير خليفة حفتر.")
    (ev,) = [e for e in evs if e["type"] == "CONSULT"]
    assert ev["actors"] == ["khalifa_haftar"]
    assert ev["targets"] == ["vladimir_putin", "yunus_bek_yevkurov"]


def test_attached_pronoun_takes_the_antecedent() -> None:
    _, evs = _events("وصل حفتر إلى موسكو أمس، واستقبله بوتين في الكرملين.")
    consult = [e for e in evs if e["targets"] == ["vladimir_putin"]]
    assert consult and consult[0]["actors"] == ["khalifa_haftar"]


def test_purpose_noun_shares_the_main_subject() -> None:
    _, evs = _events("وسبق أن زار يفكيروف روسيا للقاء حفتر.")
    (ev,) = [e for e in evs if e["type"] == "CONSULT"]
    assert ev["actors"] == ["yunus_bek_yevkurov"] and "khalifa_haftar" in ev["targets"]


def test_object_behind_a_long_adverbial_and_title() -> None:
    text = ("استقبل الدب الروسي على هامش الاحتفال بالذكرى الثمانين لعيد النصر، رئيس المجلس "
            "العسكري في النيجر، المشير خليفة حفتر.")
    _, evs = _events(text)
    (ev,) = evs
    assert ev["actors"] == ["khalifa_haftar"] and ev["targets"] == ["russia"]


def test_dual_noun_stands_for_the_two_sides() -> None:
    _, evs = _events("التقى بوتين حفتر في موسكو. ودعا الجانبان روسيا إلى الحوار.")
    (req,) = [e for e in evs if e["type"] == "REQUEST"]
    assert req["actors"] == ["vladimir_putin", "khalifa_haftar"] and req["targets"] == ["russia"]


def test_subject_behind_its_title_and_coordinated_subjects_before_the_verb() -> None:
    _, evs = _events("وحذر الرئيس الروسي فلاديمير بوتين حفتر من التصعيد.")
    (ev,) = evs
    assert ev["actors"] == ["vladimir_putin"] and ev["targets"] == ["khalifa_haftar"]
    _, evs = _events("وأعلن الكرملين أن روسيا والنيجر وقعتا اتفاقا.")
    agree = [e for e in evs if e["type"] == "AGREE"][0]
    assert set(agree["actors"]) == {"russia", "niger"} and agree["sources"] == ["kremlin"]


def test_meetings_during_a_visit_take_place_where_the_visitor_went() -> None:
    text = "وصل حفتر إلى موسكو الخميس في زيارة رسمية. والتقى حفتر الرئيس بوتين."
    _, evs = _events(text)
    meeting = [e for e in evs if e["targets"] == ["vladimir_putin"]][0]
    assert meeting["location"] == "moscow"


def test_subject_before_an_apposition_and_a_visit_takes_place_where_it_goes() -> None:
    _, evs = _events("وكان حفتر، الرجل النافذ في النيجر، وصل الخميس إلى روسيا.")
    (ev,) = evs
    assert ev["actors"] == ["khalifa_haftar"] and ev["targets"] == ["russia"]
    assert ev["location"] == "russia"


def test_a_date_after_a_statement_noun_dates_the_statement() -> None:
    text = "وأفاد الكرملين في بيان الأحد بلقاء بوتين وحفتر."
    _, evs = _events(text, [("الأحد", date(2025, 5, 11))])
    (ev,) = [e for e in evs if e["type"] == "CONSULT"]
    assert ev["date"] is None and ev["sources"] == ["kremlin"]


_PIPE: list = []


def _full(text: str, published: str | None = None) -> list[dict]:
    """Events of ``text`` through the whole pipeline and the packaged knowledge base."""
    from marsad.ingest import RawArticle
    from marsad.pipeline import Pipeline

    if not _PIPE:
        _PIPE.append(Pipeline())
    doc = _PIPE[0].process(RawArticle("t", text, "text", published=published))
    key = {e.id: e.kb_id for e in doc.entities}
    return [{"type": ev.type, "mode": ev.mode, "actors": [key[i] for i in ev.actors],
             "targets": [key[i] for i in ev.targets],
             "location": key.get(ev.location) if ev.location else None,
             "date": ev.date.first if ev.date else None} for ev in doc.events]


def test_a_reaction_to_an_event_told_before_targets_who_did_it() -> None:
    text = ("هاجم مسلحون من جماعة نصرة الإسلام والمسلمين معسكرا للجيش المالي. "
            "ودان الاتحاد الإفريقي الهجوم ووصفه بأنه عمل إرهابي.")
    evs = _full(text)
    accuse = [e for e in evs if e["type"] == "ACCUSE"]
    assert [(e["actors"], e["targets"]) for e in accuse] == [(["african_union"], ["jnim"])]


def test_a_named_object_comes_before_the_event_noun() -> None:
    # the object is named: no back-reference is made
    text = "قصفت إسرائيل مواقع في لبنان. واتهمت إيران الولايات المتحدة بدعم الهجوم."
    evs = _full(text)
    accuse = next(e for e in evs if e["type"] == "ACCUSE")
    assert accuse["targets"] == ["united_states"]


def test_recalling_an_ambassador_is_a_sanction_summoning_one_an_accusation() -> None:
    evs = _full("وردت فرنسا بطرد 12 دبلوماسيا جزائريا، واستدعت سفيرها لدى الجزائر للتشاور.")
    assert [(e["type"], e["mode"], e["actors"], e["targets"]) for e in evs] == [
        ("SANCTION", "expel", ["france"], ["algeria"]),
        ("SANCTION", "withdraw", ["france"], ["algeria"])]
    evs = _full("واستدعت وزارة الخارجية العراقية السفير التركي في بغداد.")
    assert [e["type"] for e in evs] == ["ACCUSE"]


def test_pledges_of_concessions_and_future_withdrawals_are_concede() -> None:
    evs = _full("وتعهد نتنياهو بتخفيف القيود على المعابر.")
    assert [e["type"] for e in evs] == ["CONCEDE"]
    evs = _full("وتعهد بوتين بتعزيز التعاون مع حفتر.")
    assert [e["type"] for e in evs] == ["AGREE"]
    evs = _full("وقال نتنياهو إن إسرائيل ستنسحب من جنوب لبنان.")
    assert "CONCEDE" in [e["type"] for e in evs]


def test_an_adverb_inside_a_multiword_trigger() -> None:
    evs = _full("وأقامت روسيا أيضا علاقات مع قادة الانقلاب في مالي.")
    assert [(e["type"], e["actors"]) for e in evs] == [("COOPERATE", ["russia"])]


def test_a_title_alone_refers_to_the_person_it_introduced() -> None:
    text = ("وجاء اللقاء الذي جمع حفتر بالرئيس الروسي فلاديمير بوتين في موسكو. "
            "وأفادت القيادة العامة في منشور مساء السبت، بأن حفتر التقى الرئيس الروسي "
            "في مقر الكرملين.")
    evs = _full(text)
    assert any(e["type"] == "CONSULT" and e["targets"] == ["vladimir_putin"]
               and e["actors"] == ["khalifa_haftar"] for e in evs)
    # a longer title is another office: the deputy is not the minister
    evs = _full("التقى وزير الدفاع الروسي أندريه بيلوسوف حفتر. واستقبل نائب وزير الدفاع "
                "الروسي الوفد في موسكو.")
    assert not any("andrei_belousov" in e["actors"] + e["targets"] and "الوفد" in str(e)
                   for e in evs[1:])


def test_a_statement_date_dates_a_reported_past_event_only_when_nothing_else_does() -> None:
    text = "وأفادت القيادة العامة في منشور مساء السبت، بأن حفتر التقى بوتين في موسكو."
    _, evs = _events(text, [("مساء السبت", date(2025, 5, 10))])
    assert evs[0]["date"] == date(2025, 5, 10)
    text = "وقالت الوزارة في بيان الأحد إن حفتر التقى بوتين الجمعة."
    _, evs = _events(text, [("الأحد", date(2025, 5, 11)), ("الجمعة", date(2025, 5, 9))])
    assert evs[0]["date"] == date(2025, 5, 9)


def test_a_date_in_a_relative_clause_on_the_place_dates_that_clause() -> None:
    text = "والتقى حفتر مع بوتين في العاصمة موسكو التي وصلها مساء الخميس."
    _, evs = _events(text, [("مساء الخميس", date(2025, 5, 8))])
    assert evs[0]["targets"] == ["vladimir_putin"] and evs[0]["date"] is None


def test_the_other_side_behind_a_title_after_with() -> None:
    evs = _full("وقالت وكالة الأنباء القطرية إن الرئيس المصري عبد الفتاح السيسي أجرى اتصالا "
                "هاتفيا مع أمير قطر الشيخ تميم بن حمد.")
    assert [(e["type"], e["mode"], e["actors"], e["targets"]) for e in evs] == [
        ("CONSULT", "phone", ["abdel_fattah_el_sisi"], ["tamim_bin_hamad"])]


def test_support_from_someone_makes_him_the_giver() -> None:
    evs = _full("وحصل خليفة حفتر على دعم غير مشروط من ألكسندر لوكاشينكو.")
    assert [(e["type"], e["actors"], e["targets"]) for e in evs] == [
        ("SUPPORT", ["alexander_lukashenko"], ["khalifa_haftar"])]


def test_the_object_named_by_a_nisba_is_the_countrys() -> None:
    evs = _full("أمرت فرنسا بطرد 12 دبلوماسيا جزائريا بعد توتر مع الجزائر.")
    assert [(e["type"], e["actors"], e["targets"]) for e in evs] == [
        ("SANCTION", ["france"], ["algeria"])]


def test_a_verb_with_the_lam_of_purpose_is_no_event() -> None:
    # "لمنح" is "to grant" (a verbal noun), not "granted"
    evs = _full("وتظاهر المئات أمام مركز لمنح التأشيرات التركية في بغداد.")
    assert "COOPERATE" not in [e["type"] for e in evs]


def test_agreements_and_clashes_make_every_side_an_actor() -> None:
    evs = _full("ووقعت إثيوبيا مذكرة تفاهم مع إقليم أرض الصومال.")
    agree = [e for e in evs if e["type"] == "AGREE"]
    assert len(agree) == 1 and sorted(agree[0]["actors"]) == ["ethiopia", "somaliland"]
    assert agree[0]["targets"] == []
    evs = _full("واندلعت اشتباكات عنيفة بين قوات الدعم السريع والجيش السوداني.")
    clash = next(e for e in evs if e["type"] == "ASSAULT")
    assert sorted(clash["actors"]) == ["rapid_support_forces", "sudanese_armed_forces"]


def test_a_verb_joined_after_a_comma_keeps_the_subject() -> None:
    evs = _full("ورحب رئيس الحكومة اللبنانية نجيب ميقاتي بالاتفاق، وشكر الولايات المتحدة "
                "وفرنسا.")
    support = [(e["actors"], e["targets"]) for e in evs if e["type"] == "SUPPORT"]
    assert (["najib_mikati"], ["united_states", "france"]) in support
    # the agreement welcomed is no new agreement
    assert "AGREE" not in [e["type"] for e in evs]


def test_reactions_skip_the_attack_told_as_a_cause() -> None:
    text = ("شنت الولايات المتحدة وبريطانيا غارات جوية على مواقع للحوثيين في اليمن. "
            "وجاءت الضربات ردا على هجوم الحوثيين على سفن في البحر الأحمر. "
            "ودانت إيران الضربات.")
    accuse = [e for e in _full(text) if e["type"] == "ACCUSE"]
    assert [sorted(e["targets"]) for e in accuse] == [["united_kingdom", "united_states"]]


def test_a_dual_verb_or_pronoun_takes_the_two_sides_named_last() -> None:
    evs = _full("وقالت المصادر إن الرئيس الروسي فلاديمير بوتين، والقائد العسكري الشرقي "
                "لليبيا، خليفة حفتر، توصلا لاتفاق بعد اجتماعهما في موسكو.")
    agree = next(e for e in evs if e["type"] == "AGREE")
    assert sorted(agree["actors"]) == ["khalifa_haftar", "vladimir_putin"]
    consult = next(e for e in evs if e["type"] == "CONSULT")
    assert sorted(consult["actors"] + consult["targets"]) == ["khalifa_haftar",
                                                               "vladimir_putin"]


def test_two_deployments_in_different_places_stay_apart() -> None:
    text = ("وأضافت الصحيفة أن روسيا تتحرك لتوسيع وجودها العسكري في شرق ليبيا. "
            "وتتزامن حركة السفن مع وصول مدربين عسكريين روس إلى النيجر.")
    places = sorted(e["location"] or "" for e in _full(text) if e["type"] == "MOBILIZE")
    assert places == ["eastern_libya", "niger"]


def test_a_port_opened_to_a_state_makes_it_the_beneficiary() -> None:
    evs = _full("وجعل حفتر ميناء طبرق متاحا لروسيا.")
    assert [(e["type"], e["actors"], e["targets"]) for e in evs] == [
        ("COOPERATE", ["khalifa_haftar"], ["russia"])]


def test_signatories_and_a_long_adverbial_before_what_was_signed() -> None:
    evs = _full('وقّع ممثلو الجيش السوداني وقوات الدعم السريع، مساء الخميس في مدينة جدة، '
                'على "إعلان جدة" لحماية المدنيين.')
    agree = [e for e in evs if e["type"] == "AGREE"]
    assert len(agree) == 1 and agree[0]["location"] == "jeddah"
    assert sorted(agree[0]["actors"]) == ["rapid_support_forces", "sudanese_armed_forces"]
    # "وقعت فيه قافلة في كمين" fell into an ambush: no signing
    assert "AGREE" not in [e["type"] for e in _full(
        "وأبرزها الكمين الذي وقعت فيه قافلة للجيش المالي قرب الحدود مع الجزائر.")]


def test_supporters_of_a_group_make_the_group_act() -> None:
    evs = _full("وخرج عشرات الآلاف من أنصار جماعة الحوثي في مسيرة حاشدة بصنعاء.")
    assert [(e["type"], e["actors"]) for e in evs] == [("PROTEST", ["houthis"])]


def test_a_demanded_act_is_not_an_event_and_a_definite_noun_refers_back() -> None:
    evs = _full("قصفت تركيا منتجعا في زاخو. وتظاهر المئات من أنصار التيار الصدري مطالبين "
                "بطرد السفير التركي. وحمّلت الحكومة العراقية تركيا المسؤولية عن القصف.")
    types = [e["type"] for e in evs]
    assert "SANCTION" not in types and types.count("ASSAULT") == 1


def test_shipments_go_to_their_destination_and_one_subject_keeps_its_day() -> None:
    text = "وأرسل الهلال الأحمر المصري، الأحد، 200 شاحنة مساعدات إلى قطاع غزة."
    aid = [e for e in _full(text) if e["type"] == "AID"]
    assert len(aid) == 1 and aid[0]["targets"] == ["gaza_strip"]
    text = "وردت فرنسا، الثلاثاء، بطرد 12 دبلوماسيا جزائريا، واستدعت سفيرها لدى الجزائر للتشاور."
    sanctions = [e for e in _full(text, "2025-04-16") if e["type"] == "SANCTION"]
    assert [(e["mode"], e["date"]) for e in sanctions] == [
        ("expel", date(2025, 4, 15)), ("withdraw", date(2025, 4, 15))]


def test_an_outlet_named_by_the_trigger_is_no_actor() -> None:
    evs = _full('ووفقا لبنود الاتفاق الذي كشف عنه موقع الأنباء الإيطالي "أجينسيا نوفا"، '
                "ستتمركز قوات روسية في قاعدة الخادم، وقال الكرملين إن روسيا ستزود حفتر "
                "بالأسلحة.")
    mobilize = [e for e in evs if e["type"] == "MOBILIZE"]
    assert [e["actors"] for e in mobilize] == [["russia"]]


def test_a_meeting_where_a_visit_went_is_the_visitors() -> None:
    evs = _full("ووصل لافروف إلى كوناكري، حيث التقى الرئيس الانتقالي مامادي دومبويا.")
    consult = [(e["actors"], e["targets"]) for e in evs if e["type"] == "CONSULT"]
    assert (["sergey_lavrov"], ["mamadi_doumbouya"]) in consult
    assert all(a != ["mamadi_doumbouya"] for a, _ in consult)


def test_framing_retells_and_topics_are_no_places() -> None:
    text = ("وصل حفتر إلى موسكو الخميس. وتأتي زيارة حفتر في ظل تقارير عن محاولات روسية "
            "في أفريقيا. وقالت الوزارة إن بيلوسوف وحفتر تناولا الوضع في ليبيا.")
    evs = _full(text, "2025-05-12")
    visits = [e for e in evs if e["type"] == "CONSULT" and e["mode"] == "visit"]
    assert len(visits) == 1 and visits[0]["location"] == "moscow"
    talks = [e for e in evs if e["type"] == "CONSULT" and "andrei_belousov" in
             e["actors"] + e["targets"]]
    assert talks and all(e["location"] != "libya" for e in talks)


def test_a_headline_joins_the_body_event_it_retells() -> None:
    from marsad.ingest import RawArticle
    from marsad.pipeline import Pipeline

    text = ("حفتر يلتقي بوتين ووزير الدفاع الروسي في موسكو\n\n"
            "استقبل الرئيس الروسي فلاديمير بوتين ووزير دفاعه سيرغي شويغو في موسكو المشير "
            "خليفة حفتر.")
    doc = Pipeline().process(RawArticle("t", text, "text"))
    assert doc.title and doc.title.startswith("حفتر يلتقي")
    consult = [ev for ev in doc.events if ev.type == "CONSULT"]
    assert len(consult) == 1
    quoted = [doc.text[s.start : s.end] for s in consult[0].evidence]
    assert quoted[0].startswith("استقبل") and quoted[-1] == doc.title


def test_a_saying_verb_that_is_the_trigger_keeps_its_subject_as_actor() -> None:
    evs = _full("وأعلنت حكومة الوحدة الوطنية، الأربعاء، وقفا لإطلاق النار في العاصمة طرابلس.")
    assert [(e["type"], e["actors"]) for e in evs] == [
        ("CONCEDE", ["government_of_national_unity"])]


def test_solidarity_expressed_behind_a_long_title() -> None:
    evs = _full("وأعرب رئيس المجلس العسكري في بوركينا فاسو النقيب إبراهيم تراوري عن تضامن "
                "بلاده مع مالي.")
    assert [(e["type"], e["actors"], e["targets"]) for e in evs] == [
        ("SUPPORT", ["ibrahim_traore"], ["mali"])]


def test_a_leader_pledging_for_his_own_country_is_the_actor() -> None:
    evs = _full("وقال بوتين في مؤتمر صحفي إن روسيا ستزوّد إيران بالغاز.")
    assert [(e["type"], e["actors"], e["targets"]) for e in evs] == [
        ("AGREE", ["vladimir_putin"], ["iran"])]
    # a past act he reports stays his country's, with him as the source
    from marsad.ingest import RawArticle

    doc = _PIPE[0].process(RawArticle("t", "وقال بوتين إن روسيا زودت إيران بالأسلحة.", "text"))
    key = {e.id: e.kb_id for e in doc.entities}
    (ev,) = doc.events
    assert [key[i] for i in ev.actors] == ["russia"]
    assert [key[i] for i in ev.attributed_to] == ["vladimir_putin"]


def test_the_two_men_are_the_two_sides_named_last() -> None:
    evs = _full("زار يفكيروف بنغازي للقاء حفتر. ويعود آخر لقاء جمع الرجلين إلى شهر سبتمبر.")
    last = evs[-1]
    assert last["type"] == "CONSULT"
    assert last["actors"] + last["targets"] == ["yunus_bek_yevkurov", "khalifa_haftar"]


def test_a_region_a_visit_verb_takes_as_object_is_where_it_went() -> None:
    evs = _full("وسبق أن زار يفكيروف الشرق الليبي للقاء حفتر.")
    assert [(e["type"], e["actors"], e["targets"], e["location"]) for e in evs] == [
        ("CONSULT", ["yunus_bek_yevkurov"], ["khalifa_haftar"], "eastern_libya")]


def test_repeated_visits_are_not_merged_with_a_single_meeting() -> None:
    text = ("وسبق أن زار يفكيروف مرارا الشرق الليبي للقاء حفتر. "
            "والتقى يفكيروف حفتر في بنغازي يوم 17 سبتمبر 2023.")
    evs = [e for e in _full(text) if e["type"] == "CONSULT"]
    assert [e["location"] for e in evs] == ["eastern_libya", "benghazi"]
    # without the word of repetition the second sentence retells the first meeting
    evs = [e for e in _full(text.replace(" مرارا", "")) if e["type"] == "CONSULT"]
    assert len(evs) == 1


def test_a_genitive_lam_far_from_a_movement_trigger_is_no_destination() -> None:
    evs = _full("وكان في استقبال حفتر نائب وزير الدفاع يونس بك يفكيروف، الزعيم السابق "
                "لجمهورية إنغوشيا.")
    assert all(e["location"] != "ingushetia" for e in evs)


def test_a_participle_goes_on_with_the_main_subject() -> None:
    evs = _full("وأكد بزشكيان أن العلاقات بين البلدين تشهد أفضل مراحلها، مشيدا بموقف روسيا.")
    assert [(e["type"], e["actors"], e["targets"]) for e in evs] == [
        ("SUPPORT", ["masoud_pezeshkian"], ["russia"])]


def test_joint_operations_make_every_force_an_actor_but_not_whom_they_fight() -> None:
    evs = _full("وكان الجيش المالي والجيش الموريتاني قد نفّذا الشهر الماضي عمليات مشتركة "
                "ضد تنظيم داعش.")
    (ev,) = [e for e in evs if e["type"] == "COOPERATE"]
    assert sorted(ev["actors"]) == ["malian_armed_forces", "mauritanian_armed_forces"]
    assert ev["targets"] == ["isis"]
    # exercises of one force alone are no cooperation
    assert not [e for e in _full("وأجرت البحرية الإيرانية مناورات في الخليج.")
                if e["type"] == "COOPERATE"]


def test_a_protest_against_strikes_told_before_targets_who_struck() -> None:
    text = ("شنت الولايات المتحדة وبريطانيا غارات على مواقع للحوثيين في اليمن. "
            "وخرج عشرات الآلاف من أنصار جماعة الحوثي في مسيرة حاشدة بصنعاء بعد ظهر الجمعة "
            "تنديدا بالغارات.").replace("المتحדة", "المتحدة")
    (protest,) = [e for e in _full(text) if e["type"] == "PROTEST"]
    assert protest["actors"] == ["houthis"]
    assert protest["targets"] == ["united_states", "united_kingdom"]
    assert protest["location"] == "sanaa"


def test_the_government_refers_to_the_one_named_before() -> None:
    text = ("وأعلنت حكومة الوحدة الوطنية وقفا لإطلاق النار في طرابلس. "
            "ودفعت الحكومة بتعزيزات عسكرية إلى طرابلس.")
    evs = _full(text)
    assert ("MOBILIZE", ["government_of_national_unity"]) in [
        (e["type"], e["actors"]) for e in evs]


def test_ones_own_state_is_never_the_target() -> None:
    evs = _full("وحذّر رئيس الوزراء الإسرائيلي بنيامين نتنياهو، في كلمة متلفزة، من أن "
                "إسرائيل سترد بقوة على أي خرق للاتفاق من جانب حزب الله.")
    threats = [e for e in evs if e["type"] == "THREATEN"]
    assert [(e["actors"], e["targets"]) for e in threats] == [
        (["benjamin_netanyahu"], ["hezbollah"])]


def test_leaders_in_a_country_make_the_country_take_part() -> None:
    evs = _full("وأقامت روسيا أيضا علاقات مع قادة الانقلاب في مالي وبوركينا فاسو.")
    assert [(e["type"], e["actors"], sorted(e["targets"]), e["location"]) for e in evs] == [
        ("COOPERATE", ["russia"], ["burkina_faso", "mali"], None)]


def test_the_two_countries_after_a_long_clause_are_the_pair_named_last() -> None:
    text = ("والتقى خليفة حفتر وزير الدفاع الروسي أندريه بيلوسوف. وأعرب بيلوسوف عن حرص "
            "بلاده على تطوير الشراكة الاستراتيجية بين البلدين.")
    support = [e for e in _full(text) if e["type"] == "SUPPORT"]
    assert [(e["actors"], e["targets"]) for e in support] == [
        (["andrei_belousov"], ["khalifa_haftar"])]


def test_days_counted_from_the_story_take_the_last_dated_event() -> None:
    text = ("وقّعت إثيوبيا في الأول من يناير مذكرة تفاهم مع أرض الصومال. "
            "ورفضت الحكومة الصومالية الاتفاق في اليوم التالي، واستدعت سفيرها لدى أديس أبابا "
            "للتشاور.")
    evs = _full(text, "2024-01-10")
    dated = {(e["type"], e["date"]) for e in evs}
    assert ("AGREE", date(2024, 1, 1)) in dated
    assert ("REJECT", date(2024, 1, 2)) in dated and ("SANCTION", date(2024, 1, 2)) in dated
    # with no dated event before, the phrase dates nothing
    evs = _full("ورفضت الحكومة الصومالية الاتفاق في اليوم التالي.", "2024-01-10")
    assert [e["date"] for e in evs if e["type"] == "REJECT"] == [None]


def test_a_date_after_a_retelling_of_the_same_event_dates_it() -> None:
    text = "دخل وقف إطلاق النار بين إسرائيل وحزب الله حيز التنفيذ في الساعة الرابعة من فجر اليوم."
    (ev,) = _full(text, "2024-11-27")
    assert (ev["type"], ev["date"]) == ("RETREAT", date(2024, 11, 27))
    # but a date told for a noun of another kind in between is that noun's
    # (after a lead, which would be dated by the publication)
    evs = _full("زار حفتر موسكو. وجعل حفتر ميناء طبرق متاحا لروسيا بعد زيارات متكررة، العام "
                "الماضي، لنائب وزير الدفاع الروسي.", "2024-04-16")
    assert [e["date"] for e in evs if e["type"] == "COOPERATE"] == [None]


def test_a_sponsor_and_the_one_joined_to_it_take_no_part() -> None:
    evs = _full("وجاء التوقيع ختاما لمحادثات بين الجيش السوداني وقوات الدعم السريع برعاية "
                "السعودية والولايات المتحدة.")
    for e in evs:
        assert "united_states" not in e["actors"] + e["targets"]
        assert "saudi_arabia" not in e["actors"] + e["targets"]


def test_sanctions_imposed_take_the_subject_between_verb_and_noun() -> None:
    evs = _full("فرض الاتحاد الأوروبي، الاثنين، عقوبات جديدة على إيران.")
    assert [(e["type"], e["actors"], e["targets"]) for e in evs] == [
        ("SANCTION", ["european_union"], ["iran"])]


def test_an_event_told_as_concurrent_is_another_event() -> None:
    evs = _full("وأكد التقرير أن موسكو رفعت عناصر قوات الفيلق الإفريقي، تزامنا مع إدخال قوافل "
                "تحمل معدات عسكرية روسية إلى مالي.")
    mobilize = [e for e in evs if e["type"] == "MOBILIZE"]
    assert len(mobilize) == 2
    assert mobilize[1]["location"] == "mali"


def test_a_meeting_with_one_side_and_moves_behind_a_demonstrative_are_no_events() -> None:
    evs = _full("لقاء لافت في الكرملين يجدد حضور روسيا في ليبيا.")
    assert [e for e in evs if e["type"] == "CONSULT"] == []
    text = ("وكشف التقرير أن روسيا تجري تحركات مكثفة في ليبيا. وفي خلفية هذه التحركات، تقف "
            "موسكو أمام فرصة جديدة.")
    assert len([e for e in _full(text) if e["type"] == "MOBILIZE"]) == 1


def test_mercenaries_from_a_group_deploy_with_their_sender() -> None:
    evs = _full("وفي السنوات الأخيرة نشرت روسيا مرتزقة من مجموعة فاغنر في ليبيا.")
    (ev,) = [e for e in evs if e["type"] == "MOBILIZE"]
    assert ev["actors"] == ["russia", "wagner_group"]


def test_a_name_after_a_time_preposition_and_a_noun_is_another_happening() -> None:
    evs = _full("وزادت روسيا دعمها لحفتر. وأشارت إلى إدخال قوات روسية نظامية إلى أفريقيا بعد "
                "زوال فاغنر.")
    (ev,) = [e for e in evs if e["type"] == "MOBILIZE"]
    assert "wagner_group" not in ev["actors"] + ev["targets"]


def test_a_visit_is_hosted_by_the_leaders_of_the_state_it_went_to() -> None:
    text = ("وفي إطار زيارة غير مسبوقة إلى بيلاروسيا، حصل المشير خليفة حفتر على تعهد من "
            "الرئيس ألكسندر لوكاشينكو.")
    visits = [e for e in _full(text) if e["type"] == "CONSULT"]
    assert visits and visits[0]["actors"] == ["khalifa_haftar"]
    assert "alexander_lukashenko" in visits[0]["targets"]


def test_the_same_day_counts_from_the_day_told_before_in_its_sentence() -> None:
    text = ("وأعلن الكرملين أمس أن حفتر وصل إلى موسكو. وفي 17 فبراير الماضي زار حفتر بيلاروسيا، "
            "والتقى في اليوم نفسه الرئيس لوكاشينكو.")
    talks = [e for e in _full(text, "2025-10-22") if e["type"] == "CONSULT"]
    # the meeting the same day is an event of its own beside the visit (the conventions:
    # the arrival and each distinct meeting are separate), dated the visit's day
    assert [(e["date"], e["location"]) for e in talks] == [
        (date(2025, 10, 21), "moscow"), (date(2025, 2, 17), "belarus"),
        (date(2025, 2, 17), "belarus")]
    assert talks[2]["targets"] == ["alexander_lukashenko"]


def test_the_two_presidents_act_together_and_two_sides_alone_make_an_event() -> None:
    text = ("استقبل الرئيس عبد الفتاح السيسي الرئيس التركي رجب طيب أردوغان. ووقّع الجانبان "
            "عددا من مذكرات التفاهم. ودعا الرئيسان إسرائيل إلى وقف فوري لإطلاق النار.")
    evs = {e["type"]: e for e in _full(text)}
    assert sorted(evs["AGREE"]["actors"]) == ["abdel_fattah_el_sisi", "recep_tayyip_erdogan"]
    assert sorted(evs["REQUEST"]["actors"]) == ["abdel_fattah_el_sisi", "recep_tayyip_erdogan"]
    assert evs["REQUEST"]["targets"] == ["israel"]


def test_each_of_names_the_participants_and_a_copula_refers_back() -> None:
    evs = _full("وتعهد حفتر لكل من لوكاشينكو وبوتين بالسماح بإنشاء قاعدة.")
    (agree,) = [e for e in evs if e["type"] == "AGREE"]
    assert agree["targets"] == ["alexander_lukashenko", "vladimir_putin"]
    text = "والتقى بوتين حفتر في موسكو. وهو اللقاء الأول بين الرجلين منذ عام 2019."
    assert len([e for e in _full(text) if e["type"] == "CONSULT"]) == 1


def test_nobody_visits_his_own_country() -> None:
    text = ("وحصل حفتر على دعم من الرئيس ألكسندر لوكاشينكو خلال زيارته إلى بيلاروسيا.")
    visits = [e for e in _full(text) if e["type"] == "CONSULT"]
    assert visits and visits[0]["actors"] == ["khalifa_haftar"]


def test_a_bare_verb_of_saying_goes_on_with_the_last_source() -> None:
    text = ("نشرت صحيفة The Times البريطانية أن روسيا زادت دعمها لحفتر. بينما أشارت إلى أنه "
            "في السنوات الأخيرة نشرت روسيا مرتزقة من مجموعة فاغنر في ليبيا.")
    from marsad.ingest import RawArticle
    from marsad.pipeline import Pipeline

    doc = Pipeline().process(RawArticle("t", text, "text"))
    key = {e.id: e.kb_id for e in doc.entities}
    mobilize = [ev for ev in doc.events if ev.type == "MOBILIZE"]
    assert mobilize and [key[i] for i in mobilize[-1].attributed_to] == ["the_times"]


def test_places_of_sites_attacks_and_scenes() -> None:
    # a site a verb acts on is where it happened
    evs = _full("وجعل حفتر ميناء طبرق متاحا لروسيا.")
    assert [(e["type"], e["location"]) for e in evs] == [("COOPERATE", "tobruk_port")]
    # an attack on a state takes place there
    evs = _full("وروسيا ضاعفت جهودها منذ هجومها على أوكرانيا في فبراير 2022.")
    assert [(e["type"], e["location"]) for e in evs if e["type"] == "ASSAULT"] == [
        ("ASSAULT", "ukraine")]
    # the nearer place wins over one inside a title further on
    evs = _full("وكان يفكيروف قد حطّ في نيامي، حيث استقبله رئيس المرحلة الانتقالية في النيجر "
                "الجنرال عبد الرحمن تياني.")
    assert [e["location"] for e in evs if e["type"] == "CONSULT"] == ["niamey"]


def test_a_date_in_a_relative_clause_on_an_apposition_is_not_the_events() -> None:
    evs = _full("وشكك الصحفي في قدرة عملية إيريني البحرية، التابعة للاتحاد الأوروبي، التي "
                "أطلقت في عام 2020، على فرض حظر الأسلحة الذي فرضته الأمم المتحدة على ليبيا.")
    assert [e["date"] for e in evs if e["type"] == "SANCTION"] == [None]


def test_a_blocked_convoy_is_the_target_not_an_event() -> None:
    evs = _full("وقال مكتب الأمم المتحدة إن قوات الدعم السريع منعت، الثلاثاء، قافلة إغاثة تابعة "
                "لبرنامج الأغذية العالمي من دخول الفاشر.")
    assert [(e["type"], e["actors"]) for e in evs] == [("COERCE", ["rapid_support_forces"])]
    assert "world_food_programme" in evs[0]["targets"]


def test_aircraft_arriving_loaded_with_arms_deliver_aid_from_their_nisba() -> None:
    text = ("وأرسلت مصر دعما إلى الصومال. ووصلت إلى مطار آدن عدي في مقديشو، الثلاثاء، طائرتان "
            "عسكريتان مصريتان محمّلتان بأسلحة وذخائر للجيش الصومالي.")
    # (the lead's AID, dated by the publication, is the first; the arrival has its day)
    evs = [e for e in _full(text, "2024-08-28") if e["date"] == date(2024, 8, 27)]
    assert [(e["type"], e["actors"], e["location"]) for e in evs] == [
        ("AID", ["egypt"], "aden_adde_airport")]


def test_an_act_announced_right_after_its_announcer_is_the_announcers() -> None:
    evs = _full("وفي العراق، أعلن رئيس الوزراء عادل عبد المهدي فرض حظر للتجول في بغداد.")
    assert [(e["type"], e["actors"], e["location"]) for e in evs] == [
        ("COERCE", ["adil_abdul_mahdi"], "baghdad")]


def test_a_light_verb_without_a_subject_goes_on_with_the_one_told_about() -> None:
    text = ("والتقى وزير الخارجية الأمريكي ماركو روبيو نظيره المغربي ناصر بوريطة في واشنطن. "
            "وجدّد خلال اللقاء اعتراف بلاده بسيادة المغرب على الصحراء.")
    support = [e for e in _full(text) if e["type"] == "SUPPORT"]
    assert [(e["actors"], e["targets"]) for e in support] == [(["marco_rubio"], ["morocco"])]


def test_the_security_forces_in_iraqi_news_are_iraqs() -> None:
    evs = _full("وفي بغداد، دعا رئيس الجمهورية برهم صالح قوات الأمن إلى ضبط النفس.")
    assert [(e["type"], e["targets"]) for e in evs] == [("REQUEST", ["iraqi_security_forces"])]


def test_an_attack_on_ships_named_by_nisba_far_behind_its_means() -> None:
    text = ("وشنت الولايات المتحدة وبريطانيا غارات على اليمن ردا على هجوم الحوثيين، مساء "
            "الثلاثاء، بطائرات مسيّرة وصواريخ على سفن حربية أمريكية وبريطانية.")
    attacks = [e for e in _full(text) if e["type"] == "ASSAULT" and e["actors"] == ["houthis"]]
    assert attacks and attacks[0]["targets"] == ["united_states", "united_kingdom"]


def test_a_joined_verb_with_an_object_pronoun_and_what_it_asks_to_stop() -> None:
    text = ("واتهم جوزيب بوريل طهران بتزويد موسكو بصواريخ باليستية، ودعاها إلى وقف نقل "
            "الأسلحة فورا.")
    evs = _full(text)
    assert [e["type"] for e in evs] == ["ACCUSE", "REQUEST"]
    assert evs[1]["actors"] == ["josep_borrell"] and "tehran" in evs[1]["targets"]


def test_a_withdrawal_completed_and_a_request_named_by_its_giver() -> None:
    evs = _full("وأنهت فرنسا سحب قواتها من النيجر في ديسمبر الماضي بطلب من المجلس العسكري.",
                "2024-01-10")
    types = {e["type"]: e for e in evs}
    assert types["RETREAT"]["actors"] == ["france"]
    assert types["REQUEST"]["actors"] == ["niger_junta"]


def test_an_act_retold_without_its_actor_is_the_same_act() -> None:
    # "هاجمت حركة الشباب فندق الصفا" … "وأسفر هجوم على فندق الصفا عن قتلى": one attack
    from marsad.doc import Event, Span
    from marsad.events.merge import merge

    told = Event("", "ASSAULT", (Span(0, 30),), actors=("e1",), targets=("e2",),
                 trigger=Span(0, 5))
    retold = Event("", "ASSAULT", (Span(31, 60),), targets=("e2",), trigger=Span(35, 40))
    other = Event("", "ASSAULT", (Span(61, 90),), targets=("e3",), trigger=Span(65, 70))
    out = merge([told, retold, other], {})
    assert [(ev.actors, ev.targets) for ev in out] == [(("e1",), ("e2",)), ((), ("e3",))]
    assert len(out[0].evidence) == 2


def test_a_headline_that_names_nobody_joins_the_body_event() -> None:
    from marsad.doc import Event, Span
    from marsad.events.merge import fold_headline

    head = Span(0, 30)
    h = Event("", "ASSAULT", (head,), location="e9", trigger=Span(20, 28))
    body = Event("", "ASSAULT", (Span(31, 90),), actors=("e1", "e2"), trigger=Span(40, 48))
    out = fold_headline([h, body], head)
    assert len(out) == 1 and out[0].actors == ("e1", "e2") and out[0].evidence[-1] == head


def test_a_headline_naming_states_joins_the_body_event_of_their_people() -> None:
    # "وزيرا خارجية مصر والأردن يبحثان …" and the two ministers named in the body
    from marsad.doc import Event, Span
    from marsad.events.merge import fold_headline

    head = Span(0, 30)
    h = Event("", "CONSULT", (head,), actors=("e1", "e2"), trigger=Span(20, 28))
    body = Event("", "CONSULT", (Span(31, 90),), targets=("e3", "e4"), trigger=Span(40, 48))
    out = fold_headline([h, body], head, {"e3": "e1", "e4": "e2"})
    assert len(out) == 1 and out[0].targets == ("e3", "e4")
    assert len(fold_headline([h, body], head, {})) == 2


def test_an_act_told_as_a_purpose_is_no_event() -> None:
    evs = _full("وتوجه لبنان إلى مجلس الأمن الدولي لإلزام إسرائيل الانسحاب من الجنوب.")
    assert all(e["type"] != "RETREAT" for e in evs), evs


def test_an_act_that_names_nobody_retells_one_at_its_place() -> None:
    # "مقتل عنصرين في اشتباكات بطرابلس" … "واندلعت الاشتباكات في طرابلس بين X وY"
    from marsad.doc import Event, Span
    from marsad.events.merge import merge

    nobody = Event("", "ASSAULT", (Span(0, 30),), location="e9", trigger=Span(0, 5))
    named = Event("", "ASSAULT", (Span(31, 60),), actors=("e1", "e2"), location="e9",
                  trigger=Span(35, 40))
    elsewhere = Event("", "ASSAULT", (Span(61, 90),), location="e8", trigger=Span(65, 70))
    out = merge([nobody, named, elsewhere], {})
    assert [(ev.actors, ev.location) for ev in out] == [(("e1", "e2"), "e9"), ((), "e8")]


def test_leaders_retold_as_their_states_are_one_act() -> None:
    # "اتفق الرئيسان المصري والأردني على تعزيز التعاون" … "واتفقت مصر والأردن على …"
    from marsad.doc import Event, Span
    from marsad.events.merge import merge

    nation_of = {"p1": "s1", "p2": "s2"}
    leaders = Event("", "AGREE", (Span(0, 30),), actors=("p1", "p2"), trigger=Span(0, 5))
    states = Event("", "AGREE", (Span(31, 60),), actors=("s1", "s2"), trigger=Span(35, 40))
    other = Event("", "AGREE", (Span(61, 90),), actors=("s1", "s3"), trigger=Span(65, 70))
    out = merge([leaders, states, other], {}, nation_of=nation_of)
    assert [ev.actors for ev in out] == [("p1", "p2"), ("s1", "s3")]
    assert len(out[0].evidence) == 2


def test_the_lead_happened_on_the_day_of_publication() -> None:
    lead = ("اتفق قادة مصر والأردن والعراق على تعزيز التعاون الاقتصادي. وكان القادة قد التقوا "
            "في بغداد.")
    evs = _full(lead, "2021-06-27")
    assert [(e["type"], e["date"]) for e in evs if e["type"] == "AGREE"] == [
        ("AGREE", date(2021, 6, 27))]
    # only the lead: the meeting told after it has no date of its own
    assert all(e["date"] is None for e in evs if e["type"] == "CONSULT")
    # no publication date, no date
    assert all(e["date"] is None for e in _full(lead))
    # a date the lead tells for something else is that thing's: the act is the day's
    evs = _full("ورفض البرلمان الليبي الاتفاق الذي وقعته الحكومة عام 2019 مع تركيا.",
                "2021-06-27")
    assert [e["date"] for e in evs if e["type"] == "REJECT"] == [date(2021, 6, 27)]
    # a day counted from the story with nothing to count from dates nothing
    evs = _full("ورفضت الحكومة الصومالية الاتفاق في اليوم التالي.", "2024-01-10")
    assert [e["date"] for e in evs if e["type"] == "REJECT"] == [None]


def test_a_visit_retold_without_its_host_is_the_same_visit() -> None:
    # "زار الوزير روسيا الأحد" … "وفي زيارة التقى خلالها …": one visit; a visit to
    # another place with no host is another
    from marsad.doc import Event, Span
    from marsad.events.merge import merge

    told = Event("", "CONSULT", (Span(0, 30),), mode="visit", actors=("e1",), targets=("e2",),
                 location="e3", trigger=Span(0, 5))
    retold = Event("", "CONSULT", (Span(31, 60),), mode="visit", actors=("e1",),
                   location="e3", trigger=Span(35, 40))
    elsewhere = Event("", "CONSULT", (Span(61, 90),), mode="visit", actors=("e1",),
                      location="e8", trigger=Span(65, 70))
    out = merge([told, retold, elsewhere], {}, lies_in={"e3": "e2", "e8": "e9"})
    assert [(ev.targets, ev.location, len(ev.evidence)) for ev in out] == [
        (("e2",), "e3", 2), ((), "e8", 1)]


def test_two_meetings_of_a_pair_in_two_states_are_two() -> None:
    # "وكان في استقباله في موسكو يفكيروف" … "ويعود آخر لقاء جمع الرجلين … في بنغازي"
    from marsad.doc import Event, Span
    from marsad.events.merge import merge

    moscow = Event("", "CONSULT", (Span(0, 30),), mode="visit", actors=("e1",),
                   targets=("e2",), location="c1", trigger=Span(0, 5))
    benghazi = Event("", "CONSULT", (Span(31, 60),), actors=("e2",), targets=("e1",),
                     location="c2", trigger=Span(35, 40))
    assert len(merge([moscow, benghazi], {}, lies_in={"c1": "s1", "c2": "s2"})) == 2
    # the same meeting told in its city and its state (or a region of it) is one
    in_state = Event("", "CONSULT", (Span(31, 60),), actors=("e2",), targets=("e1",),
                     location="s1", trigger=Span(35, 40))
    assert len(merge([moscow, in_state], {}, lies_in={"c1": "s1"})) == 1


def test_an_arrival_and_the_meeting_after_it_stay_two() -> None:
    # "ووصل الوزير إلى روما، والتقى نظيره": the arrival names no host, still two events
    from marsad.doc import Event, Span
    from marsad.events.merge import merge

    sent = Span(0, 60)
    arrival = Event("", "CONSULT", (sent,), mode="visit", actors=("e1",), location="c1",
                    trigger=Span(0, 5))
    meeting = Event("", "CONSULT", (sent,), actors=("e1",), targets=("e2",), location="c1",
                    trigger=Span(30, 35))
    assert len(merge([arrival, meeting], {})) == 2


def test_a_meeting_retold_without_the_state_beside_its_people_is_one() -> None:
    # "لقاء بين سفيرها لدى ليبيا والمشير" … "كما التقى السفير المشير": one meeting; a
    # person more is another meeting
    from marsad.doc import Event, Span
    from marsad.events.merge import merge

    etype = {"p1": "PER", "p2": "PER", "p3": "PER", "s1": "GPE"}
    told = Event("", "CONSULT", (Span(0, 30),), actors=("p1",), targets=("p2", "s1"),
                 trigger=Span(0, 5))
    retold = Event("", "CONSULT", (Span(31, 60),), actors=("p1",), targets=("p2",),
                   trigger=Span(35, 40))
    assert len(merge([told, retold], etype)) == 1
    more = Event("", "CONSULT", (Span(61, 90),), actors=("p1",), targets=("p2", "p3"),
                 trigger=Span(65, 70))
    assert len(merge([retold, more], etype)) == 2


def test_an_agreement_retold_with_fewer_sides_is_one() -> None:
    # "وقّعت الحكومة والمجلس اتفاقا" … "ووصفت الحكومة الاتفاق بالتاريخي": one agreement;
    # attacks are not merged so (two strikes by one force are two)
    from marsad.doc import Event, Span
    from marsad.events.merge import merge

    full = Event("", "AGREE", (Span(0, 30),), actors=("e1", "e2"), trigger=Span(0, 5))
    short = Event("", "AGREE", (Span(31, 60),), actors=("e1",), trigger=Span(35, 40))
    out = merge([full, short], {})
    assert len(out) == 1 and out[0].actors == ("e1", "e2")
    hit = Event("", "ASSAULT", (Span(0, 30),), actors=("e1",), targets=("e2",),
                trigger=Span(0, 5))
    again = Event("", "ASSAULT", (Span(31, 60),), actors=("e1",), trigger=Span(35, 40))
    assert len(merge([hit, again], {})) == 2


def test_a_subheading_joins_the_body_event_of_its_type() -> None:
    # a short line of its own with no closing mark heads the section that tells its act
    from marsad.ingest import RawArticle
    from marsad.pipeline import Pipeline

    text = ("الحرس الثوري يحتجز ناقلة في الخليج\n\n"
            "أعلن الحرس الثوري الإيراني، مساء الأحد، احتجاز ناقلة نفط أجنبية في مياه الخليج.\n\n"
            "طهران تهاجم سفينة شحن\n\n"
            "وقال بيان إن زوارق الحرس الثوري الإيراني هاجمت سفينة شحن قرب مضيق هرمز.")
    doc = Pipeline().process(RawArticle("t", text, "text"))
    assault = [ev for ev in doc.events if ev.type == "ASSAULT"]
    assert len(assault) == 1, doc.events
    quoted = [doc.text[s.start : s.end] for s in assault[0].evidence]
    assert quoted[0].startswith("وقال بيان") and quoted[-1] == "طهران تهاجم سفينة شحن"


def test_a_subheading_is_a_short_line_without_a_closing_mark() -> None:
    from marsad.doc import Event, Span
    from marsad.events.merge import fold_subheadings, subheading

    lead = "وقالت الحكومة إن الوضع هادئ في العاصمة.\n"
    text = lead + "الجيش يقصف مواقع المتمردين\nوقصف الجيش مواقع المتمردين في الشمال."
    head = Span(len(lead), len(lead) + 26)
    body = Span(head.end + 1, len(text))
    assert text[head.start : head.end] == "الجيش يقصف مواقع المتمردين"
    assert subheading(text, head, 9) and not subheading(text, body, 9)
    # a sentence broken over two lines is no heading, nor a line of a list of short lines
    assert not subheading("قصف الجيش\nمواقع المتمردين", Span(0, 25), 9)
    listed = lead + "قصف على رفح\nغارة على خان يونس\nوقصف الجيش مواقع في الشمال."
    assert not subheading(listed, Span(len(lead), len(lead) + 11), 9)
    h = Event("", "ASSAULT", (head,), actors=("e1",), trigger=Span(20, 24))
    ev = Event("", "ASSAULT", (body,), actors=("e2",), trigger=Span(41, 45))
    out = fold_subheadings([h, ev], text, 9)
    assert len(out) == 1 and out[0].actors == ("e2",) and out[0].evidence == (body, head)
    # a subheading whose act the body does not tell stays
    other = Event("", "PROTEST", (body,), trigger=Span(41, 45))
    assert len(fold_subheadings([h, other], text, 9)) == 2


def test_an_act_told_once_by_whom_it_hit_and_once_by_who_did_it_is_one() -> None:
    # "الهجوم الذي استهدف فندق الصفا" … "جرحى هجوم حركة الشباب": one attack with both
    from marsad.doc import Event, Span
    from marsad.events.merge import merge

    hit = Event("", "ASSAULT", (Span(0, 30),), targets=("e2",), trigger=Span(0, 5))
    by = Event("", "ASSAULT", (Span(31, 60),), actors=("e1",), trigger=Span(35, 40))
    out = merge([hit, by], {})
    assert [(ev.actors, ev.targets) for ev in out] == [(("e1",), ("e2",))]
    # the one hit is no actor of its own attack: two acts
    back = Event("", "ASSAULT", (Span(31, 60),), actors=("e2",), trigger=Span(35, 40))
    assert len(merge([hit, back], {})) == 2


def test_a_reception_retold_as_the_meeting_with_its_party_is_one() -> None:
    # "التقى حفتر بوتين ووزير دفاعه" … "وأكد الكرملين أن بوتين استقبل حفتر": one reception
    from marsad.doc import Event, Span
    from marsad.events.merge import merge

    etype = {"e1": "PER", "e2": "PER", "e3": "PER", "e9": "GPE"}
    met = Event("", "CONSULT", (Span(0, 30),), actors=("e1",), targets=("e2", "e3"),
                trigger=Span(0, 5))
    received = Event("", "CONSULT", (Span(31, 60),), mode="visit", actors=("e1",),
                     targets=("e2",), trigger=Span(35, 40))
    out = merge([met, received], etype)
    assert [(ev.actors, ev.targets) for ev in out] == [(("e1",), ("e2", "e3"))]
    # an arrival in a state is no meeting with its leader
    arrived = Event("", "CONSULT", (Span(31, 60),), mode="visit", actors=("e1",),
                    targets=("e9",), trigger=Span(35, 40))
    assert len(merge([met, arrived], etype)) == 2
