"""When events happened: the dating rules of ``marsad/events/dating.py`` on invented text."""

from __future__ import annotations

from datetime import date

from marsad.doc import DateValue, Event, Span
from marsad.events.dating import headline_on_the_lead_day
from tests.events.test_events import _full


def test_fronted_date_scopes_over_the_sentence() -> None:
    # the second accusation names no date: the date opening the sentence is its
    text = ("وفي السادس من مارس الماضي، رفعت الحكومة السودانية دعوى ضد الإمارات، "
            "واتهمتها قوات الدعم السريع بدعم الجيش.")
    evs = _full(text, "2025-04-10")
    assert {e["date"] for e in evs if e["type"] == "ACCUSE"} == {date(2025, 3, 6)}, evs


def test_a_date_not_set_off_by_a_comma_opens_no_scope() -> None:
    from marsad.events.dating import fronted_date
    from marsad.events.lexicon import Lexicon
    from marsad.events.triggers import default_triggers
    from marsad.events.view import DocView, KnowledgeMaps
    from tests.helpers import annotate

    lex = Lexicon.of(default_triggers())
    for text, expect in (("وفي السبت، رفضت الحكومة القرار.", True),
                         ("وفي السبت رفضت الحكومة القرار.", False),
                         ("وقالت الحكومة في السبت، إنها رفضت القرار.", False)):
        doc = annotate(text)
        at = text.index("السبت")
        doc.set_dates([DateValue(at, at + 5, "السبت", date(2025, 5, 10), date(2025, 5, 10))])
        v = DocView(doc, KnowledgeMaps({}, {}, frozenset(), {}, {}))
        t = v.token_at(text.index("رفض"))
        got = fronted_date(v, lex, 0, list(doc.dates), t)
        assert (got is not None) is expect, text


def test_an_act_with_a_day_no_publication_date_resolves_stays_undated() -> None:
    # no publication date: "الثلاثاء" is the arrival's own day, unknown; "اليوم نفسه"
    # dates the statement, not the arrival
    text = ("التقى الرئيس الروسي فلاديمير بوتين خليفة حفتر في موسكو يوم 28 سبتمبر 2023. "
            "ووصل حفتر إلى روسيا الثلاثاء، وفق بيان للكرملين في اليوم نفسه.")
    visits = [e for e in _full(text) if e["mode"] == "visit"]
    assert visits and all(e["date"] is None for e in visits), visits


def test_a_headline_event_takes_the_lead_day() -> None:
    head, lead, later = Span(0, 30), Span(31, 90), Span(91, 150)
    day = DateValue(40, 45, "السبت", date(2024, 5, 4), date(2024, 5, 4))
    old = DateValue(100, 108, "عام 2020", date(2020, 1, 1), date(2020, 12, 31), "year")
    h = Event("", "REQUEST", (head,), actors=("e1",), trigger=Span(10, 14))
    dated = Event("", "SANCTION", (lead,), actors=("e1",), date=day, trigger=Span(35, 39))
    other = Event("", "ASSAULT", (later,), actors=("e2",), date=old, trigger=Span(95, 99))
    out = headline_on_the_lead_day([h, dated, other], head)
    assert out[0].date is not None and out[0].date.first == date(2024, 5, 4)
    # a lead with no date gives the headline none (a later sentence's date is no lead's)
    undated = Event("", "SANCTION", (lead,), actors=("e1",), trigger=Span(35, 39))
    assert headline_on_the_lead_day([h, undated, other], head)[0].date is None
    # no headline: nothing changes
    assert headline_on_the_lead_day([h, dated], None)[0].date is None


def test_a_headline_the_body_does_not_retell_is_dated_through_the_pipeline() -> None:
    text = ("الجامعة العربية تعلق عضوية سوريا وتدعو الدول العربية إلى سحب سفرائها\n\n"
            "قررت جامعة الدول العربية، يوم 12 نوفمبر 2011، فرض عقوبات اقتصادية على الحكومة "
            "السورية.")
    evs = _full(text)
    assert evs and all(e["date"] == date(2011, 11, 12) for e in evs), evs


def test_a_speech_act_going_on_with_a_dated_statement_takes_its_date() -> None:
    text = ("أكد الكرملين أن العلاقات مع الصين قوية. وقال وزير الخارجية الروسي سيرغي لافروف، "
            "أمس السبت، إن بلاده ترفض العقوبات الغربية. وأضاف أن الحوار ممكن. كما طالب لافروف "
            "الولايات المتحدة برفع العقوبات عن روسيا.")
    evs = _full(text, "2024-05-05")
    assert [e["date"] for e in evs if e["type"] == "REQUEST"] == [date(2024, 5, 4)], evs
    # another speaker's demand was not made in that statement
    text = ("أكد الكرملين أن العلاقات مع الصين قوية. وقال وزير الخارجية الروسي سيرغي لافروف، "
            "أمس السبت، إن بلاده ترفض العقوبات الغربية. وطالبت الصين الولايات المتحدة برفع "
            "العقوبات عن روسيا.")
    evs = _full(text, "2024-05-05")
    assert [e["date"] for e in evs if e["type"] == "REQUEST"] == [None], evs


def test_a_date_closing_a_cited_statement_is_the_statements() -> None:
    from marsad.events.dating import statement_at
    from marsad.events.lexicon import Lexicon
    from marsad.events.triggers import default_triggers
    from marsad.events.view import DocView, KnowledgeMaps
    from tests.helpers import annotate

    lex = Lexicon.of(default_triggers())
    for text, expect in (("ووصل الوفد إلى العاصمة، وفق بيان للوزارة، في اليوم نفسه.", True),
                         ("ووصل الوفد إلى العاصمة، بحسب منشور للسفارة، الأحد.", True),
                         ("وبحسب بيان للجيش، قصفت الطائرات المواقع الأحد.", False),
                         ("ووصل الوفد إلى العاصمة، في اليوم نفسه.", False)):
        doc = annotate(text)
        v = DocView(doc, KnowledgeMaps({}, {}, frozenset(), {}, {}))
        at = text.index("اليوم") if "اليوم" in text else text.index("الأحد")
        assert statement_at(v, lex, v.token_at(at)) is expect, text


def test_a_verbal_noun_after_its_verb_takes_the_date_between_them() -> None:
    # (the clause of the noun reaches back to its verb: no rule of its own is needed)
    text = ("قصفت إسرائيل مواقع في لبنان يوم 10 فبراير. وتعرضت مدينة حلب، الأربعاء، لسلسلة "
            "غارات استهدفت مواقع للجيش السوري.")
    evs = _full(text, "2024-02-22")
    hit = [e for e in evs if e["location"] == "aleppo"]
    assert [e["date"] for e in hit] == [date(2024, 2, 21)], evs


def test_a_day_after_the_report_dates_no_event() -> None:
    from marsad.events.component import read_sentence  # noqa: F401 (the filter lives there)

    text = ("التقى الرئيس التركي رجب طيب أردوغان الرئيس المصري عبد الفتاح السيسي في القاهرة "
            "يوم 14 فبراير. واتفق الرئيسان على تعزيز التعاون في أبريل المقبل.")
    evs = _full(text, "2024-02-15")
    assert all(e["date"] is None or e["date"] <= date(2024, 2, 15) for e in evs), evs


def test_a_verb_joined_to_a_dated_clause_takes_its_date() -> None:
    from marsad.events.dating import coordinated_verb_date
    from marsad.events.lexicon import Lexicon
    from marsad.events.triggers import default_triggers
    from marsad.events.view import DocView, KnowledgeMaps
    from tests.helpers import annotate

    lex = Lexicon.of(default_triggers())
    for text, verb, expect in (
            ("تعرضت المدينة، الأربعاء، لسلسلة غارات، واستهدفت مواقع للجيش.", "واستهدفت", True),
            ("تعرضت المدينة، الأربعاء، لسلسلة غارات، وكانت القوات قد استهدفت مواقع للجيش.",
             "استهدفت", False),
            ("قال الوزير، الأربعاء، إن الطائرات قصفت المدينة، واستهدفت مواقع للجيش.",
             "واستهدفت", False)):
        doc = annotate(text)
        at = text.index("الأربعاء")
        doc.set_dates([DateValue(at, at + 8, "الأربعاء", date(2024, 2, 21), date(2024, 2, 21))])
        v = DocView(doc, KnowledgeMaps({}, {}, frozenset(), {}, {}))
        got = coordinated_verb_date(v, lex, 0, list(doc.dates), v.token_at(text.index(verb)))
        assert (got is not None) is expect, text


def test_the_same_year_is_the_year_of_the_last_dated_event() -> None:
    text = ("وزار قائد قوات الدعم السريع محمد حمدان دقلو موسكو في فبراير 2022. وفي العام "
            "نفسه، اتهمت الولايات المتحدة مجموعة فاغنر بتهريب الذهب من السودان.")
    evs = _full(text, "2024-04-30")
    accuse = [e for e in evs if e["type"] == "ACCUSE"]
    assert accuse and [e["date"] for e in accuse] == [date(2022, 1, 1)], evs
    # with no dated event before, the phrase dates nothing
    evs = _full("وفي العام نفسه، اتهمت الولايات المتحدة مجموعة فاغنر بتهريب الذهب من "
                "السودان.", None)
    assert [e["date"] for e in evs if e["type"] == "ACCUSE"] == [None], evs


def test_a_speech_act_in_the_speakers_next_quote_takes_the_statements_date() -> None:
    text = ("قصفت روسيا مواقع في أوكرانيا يوم 2 فبراير. وأعلن الجيش الإسرائيلي، السبت، شن غارات "
            "على مواقع لحزب الله في جنوب لبنان. وقال الجيش الإسرائيلي عبر تلغرام: «ردا على "
            "انتهاكات حزب الله المتكررة لاتفاق وقف إطلاق النار، نضرب مواقعه في الجنوب».")
    evs = _full(text, "2026-03-02")
    accuse = [e for e in evs if e["type"] == "ACCUSE"]
    assert accuse and {e["date"] for e in accuse} == {date(2026, 2, 28)}, evs


def test_a_reception_after_a_dated_visit_is_on_its_day() -> None:
    text = ("زار الرئيس التركي رجب طيب أردوغان القاهرة يوم 14 فبراير. واستقبله الرئيس المصري "
            "عبد الفتاح السيسي لدى وصوله.")
    evs = _full(text, "2024-02-20")
    received = [e for e in evs if e["actors"] == ["recep_tayyip_erdogan"]
                and "abdel_fattah_el_sisi" in e["targets"]]
    assert received and all(e["date"] == date(2024, 2, 14) for e in received), evs
    # the reception of someone else is not on the visit's day
    text = ("زار الرئيس التركي رجب طيب أردوغان القاهرة يوم 14 فبراير. واستقبل الرئيس المصري "
            "عبد الفتاح السيسي وزير الخارجية الروسي سيرغي لافروف.")
    evs = _full(text, "2024-02-20")
    other = [e for e in evs if "sergey_lavrov" in e["actors"]]
    assert other and all(e["date"] is None for e in other), evs


def test_a_coordinated_act_with_its_own_later_date_takes_it() -> None:
    # the date between the visit and the meeting is the visit's; the meeting names its own
    text = ("زار الرئيس الروسي فلاديمير بوتين كوريا الشمالية في 19 يونيو الماضي والتقى الزعيم "
            "كيم جونغ أون في بيونغ يانغ في 20 يونيو الماضي.")
    evs = [e for e in _full(text, "2025-05-14") if e["type"] == "CONSULT"]
    assert sorted(e["date"] for e in evs) == [date(2024, 6, 19), date(2024, 6, 20)], evs
    # with no date of its own, the coordinated act still shares the one before it
    text = ("وصل وزير الخارجية التركي هاكان فيدان إلى القاهرة الاثنين، والتقى الرئيس المصري "
            "عبد الفتاح السيسي.")
    evs = [e for e in _full(text, "2025-05-14") if e["type"] == "CONSULT"]
    assert evs and all(e["date"] == date(2025, 5, 12) for e in evs), evs


def test_a_headline_takes_the_day_its_first_sentence_names() -> None:
    head = Span(0, 30)
    h = Event("", "REQUEST", (head,), actors=("e1",), trigger=Span(10, 14))
    day = DateValue(40, 43, "أمس", date(2025, 5, 13), date(2025, 5, 13))
    month = DateValue(50, 62, "أبريل الماضي", date(2025, 4, 1), date(2025, 4, 30), "month")
    # the body tells no event: the day the sentence after the headline names
    assert headline_on_the_lead_day([h], head, [day])[0].date.first == date(2025, 5, 13)
    # a month is no day of the news
    assert headline_on_the_lead_day([h], head, [month])[0].date is None
    text = ("الجامعة العربية تدعو إلى وقف إطلاق النار في السودان\n\nعقد مجلس جامعة الدول "
            "العربية، أمس الثلاثاء، اجتماعا طارئا في القاهرة بحث فيه الحرب في السودان.")
    evs = [e for e in _full(text, "2025-05-14") if e["type"] == "REQUEST"]
    assert evs and all(e["date"] == date(2025, 5, 13) for e in evs), evs


def test_a_birth_year_dates_the_person_not_the_act() -> None:
    for text in ("قصفت إسرائيل مواقع في جنوب لبنان الاثنين. واعتقلت الشرطة التركية الصحفي "
                 "المعارض، المولود عام 1980، في إسطنبول.",
                 "قصفت إسرائيل مواقع في جنوب لبنان الاثنين. واعتقلت الشرطة الإيرانية ناشطة "
                 "من مواليد 1995 في طهران."):
        evs = [e for e in _full(text, "2025-05-14") if e["type"] == "COERCE"]
        assert evs and all(e["date"] is None for e in evs), (text, evs)


def test_the_news_day_goes_on_after_the_lead() -> None:
    lead = "تعرضت مدينة حلب، اليوم الأربعاء، لسلسلة غارات إسرائيلية. "
    # an undated act told after the lead happened on its day
    evs = _full(lead + "وقصفت الطائرات الإسرائيلية مواقع للجيش السوري قرب دمشق.", "2025-05-14")
    assert [e["date"] for e in evs if e["location"] != "aleppo"] == [date(2025, 5, 14)], evs
    # not one told as background, nor past a sentence that names another day
    for rest in ("وكانت إسرائيل قد قصفت مواقع للجيش السوري قرب دمشق.",
                 "وفي مارس الماضي، اعتقلت الشرطة التركية عشرات المحتجين في إسطنبول. "
                 "وقصفت الطائرات الإسرائيلية مواقع للجيش السوري قرب دمشق."):
        evs = _full(lead + rest, "2025-05-14")
        later = [e for e in evs if e["location"] != "aleppo" and e["type"] == "ASSAULT"]
        assert later and all(e["date"] is None for e in later), (rest, evs)
    # no publication date: no news day
    evs = _full(lead + "وقصفت الطائرات الإسرائيلية مواقع للجيش السوري قرب دمشق.")
    assert all(e["date"] is None for e in evs), evs


def test_the_said_acts_own_date_wins_over_the_sayings() -> None:
    text = "أعلنت الشرطة التركية، اليوم، أنها اعتقلت أمس ثلاثة مشتبهين في إسطنبول."
    assert [e["date"] for e in _full(text, "2025-05-14") if e["type"] == "COERCE"] == [
        date(2025, 5, 13)]
    # with no date of its own in the said clause, the saying's day is still taken
    text = "أعلنت الشرطة التركية، اليوم، أنها اعتقلت ثلاثة مشتبهين في إسطنبول."
    assert [e["date"] for e in _full(text, "2025-05-14") if e["type"] == "COERCE"] == [
        date(2025, 5, 14)]


def test_a_date_after_a_statements_verb_of_issuing_is_the_statements() -> None:
    from marsad.events.dating import statement_at
    from marsad.events.lexicon import Lexicon
    from marsad.events.triggers import default_triggers
    from marsad.events.view import DocView, KnowledgeMaps
    from tests.helpers import annotate

    lex = Lexicon.of(default_triggers())
    for text, expect in (("وأدانت الوزارة الهجوم، في بيان صدر مساء الأحد.", True),
                         ("وأدانت الوزارة الهجوم في بيان أصدرته يوم الأحد.", True),
                         ("وأدانت الوزارة الهجوم الذي وقع مساء الأحد.", False)):
        doc = annotate(text)
        v = DocView(doc, KnowledgeMaps({}, {}, frozenset(), {}, {}))
        at = text.index("مساء") if "مساء الأحد" in text else text.index("يوم")
        assert statement_at(v, lex, v.token_at(at)) is expect, text
    # through the pipeline: the condemnation made in that statement takes its day
    text = ("اتهمت الحكومة السودانية الإمارات بتزويد قوات الدعم السريع بطائرات مسيرة استخدمت "
            "في الهجوم على بورتسودان، في بيان صدر مساء الأحد.")
    assert [e["date"] for e in _full(text, "2025-05-14") if e["type"] == "ACCUSE"] == [
        date(2025, 5, 11)]


def test_an_occasions_date_is_the_acts() -> None:
    text = ("وقعت مصر وتركيا، على هامش زيارة أردوغان للقاهرة الأحد، اتفاقيات في مجالات "
            "الطاقة والتجارة.")
    assert [e["date"] for e in _full(text, "2025-05-14") if e["type"] == "AGREE"] == [
        date(2025, 5, 11)]


def test_a_date_after_the_document_an_act_is_about_is_the_acts() -> None:
    text = "انسحبت الولايات المتحدة من الاتفاق النووي مع إيران عام 2018."
    evs = [e for e in _full(text, "2025-05-14") if e["type"] == "RETREAT"]
    assert [e["date"] for e in evs] == [date(2018, 1, 1)], evs
    # the document's own date, told with a participle, is not the act's
    text = ("قصفت إسرائيل مواقع في جنوب لبنان الاثنين. واتهمت إيران الولايات المتحدة بخرق "
            "الاتفاق النووي الموقع عام 2015.")
    evs = [e for e in _full(text, "2025-05-14") if e["type"] == "ACCUSE"]
    assert evs and all(e["date"] is None for e in evs), evs


def test_a_speech_act_quoted_next_by_a_dated_statement_takes_its_date() -> None:
    text = ("دعا وزير الخارجية الروسي سيرغي لافروف الجيش السوداني وقوات الدعم السريع إلى وقف "
            "القتال. وقال لافروف في مؤتمر صحفي، أمس الثلاثاء، إن بلاده مستعدة للوساطة.")
    assert [e["date"] for e in _full(text, "2025-05-14") if e["type"] == "REQUEST"] == [
        date(2025, 5, 13)]
    # another speaker's statement does not date it (the lead keeps the publication day)
    text = ("اتهم الرئيس التركي رجب طيب أردوغان إسرائيل بارتكاب جرائم حرب في غزة. وقالت "
            "إيران، مساء الاثنين، إن على العالم التحرك.")
    assert [e["date"] for e in _full(text, "2025-05-14") if e["type"] == "ACCUSE"] == [
        date(2025, 5, 14)]
