"""Filing-place datelines (text/filing.py): found at paragraph starts, kept out of NER and
events, written to the JSON Lines record as ``filed_from``. Every example is invented."""

from __future__ import annotations

import pytest

from marsad.doc import Doc, Filing, Span
from marsad.errors import SpanError
from marsad.export.jsonl import doc_to_record
from marsad.ingest import RawArticle
from marsad.pipeline import Pipeline
from marsad.text.filing import agency_keys


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    p = Pipeline()
    p.warm_up()
    return p


def _doc(pipe: Pipeline, text: str) -> Doc:
    return pipe.process(RawArticle("t", text, "text"))


def _filings(doc: Doc) -> list[tuple[str, str, str | None, str | None]]:
    """(dateline, place, place key, credit) of each dateline found."""
    t = doc.text
    return [(t[f.start : f.end], t[f.place.start : f.place.end], f.place_key,
             None if f.credit is None else t[f.credit.start : f.credit.end])
            for f in doc.filing]


def _kb_ids(doc: Doc, ids: tuple[str, ...]) -> list[str | None]:
    return [e.kb_id for i in ids if (e := doc.entity(i)) is not None]


@pytest.mark.parametrize(("text", "expected"), [
    ("موسكو - وقّع الطرفان اتفاقا للتعاون في مجال الطاقة.",
     ("موسكو -", "موسكو", "moscow", None)),
    ("القاهرة – (رويترز) - أعلنت الحكومة المصرية خطة جديدة للنقل.",
     ("القاهرة – (رويترز) -", "القاهرة", "cairo", "رويترز")),
    ("بيروت/ الأناضول:\nشهدت العاصمة اللبنانية مظاهرة حاشدة.",
     ("بيروت/ الأناضول:", "بيروت", "beirut", "الأناضول")),
    ("لندن-\nارتفعت أسعار النفط في التعاملات الصباحية.",
     ("لندن-", "لندن", "london", None)),
    ("الرباط (أ ف ب) - افتتح مهرجان للسينما الأفريقية مساء أمس.",
     ("الرباط (أ ف ب) -", "الرباط", "rabat", "أ ف ب")),
    ("عمّان، 3 أيار (بترا) – انطلقت أعمال مؤتمر للمياه في البحر الميت.",
     ("عمّان، 3 أيار (بترا) –", "عمّان", "amman", "بترا")),
    ("بغداد- اسم الموقع\nارتفعت درجات الحرارة في أنحاء البلاد.",
     ("بغداد- اسم الموقع", "بغداد", "baghdad", "اسم الموقع")),
    ("القاهرة في 5 مايو/ أيار (رويترز) - ارتفع معدل التضخم في الشهر الماضي.",
     ("القاهرة في 5 مايو/ أيار (رويترز) -", "القاهرة", "cairo", "رويترز")),
    ("الفاشر، 12 يونيو 2025 ــ وصلت قافلة إغاثة إلى المدينة.",
     ("الفاشر، 12 يونيو 2025 ــ", "الفاشر", "el_fasher", None)),
    ("مقديشو في 8 مارس/ بوابة القرن / افتتحت السلطات سوقا جديدة.",
     ("مقديشو في 8 مارس/ بوابة القرن /", "مقديشو", "mogadishu", "بوابة القرن")),
    ("الرقيب (نيامي) - وصلت شحنة من الأدوية إلى المستشفى.",
     ("الرقيب (نيامي) -", "نيامي", "niamey", "الرقيب")),
    ("سمير فؤاد - القاهرة - افتتح معرض للكتاب أمس.",
     ("سمير فؤاد - القاهرة -", "القاهرة", "cairo", None)),
    ("كفر بريصا (أ ف ب) - جرفت السيول عددا من المنازل.",
     ("كفر بريصا (أ ف ب) -", "كفر بريصا", None, "أ ف ب")),
    ("تل الورد (سوريا) – عاد مئات النازحين إلى قراهم.",
     ("تل الورد (سوريا) –", "تل الورد", None, None)),
    ("عنوان الخبر\nدمشق - تراجعت أسعار الخضار هذا الأسبوع.",
     ("دمشق -", "دمشق", "damascus", None)),
])
def test_dateline_forms(pipe: Pipeline, text: str, expected: tuple) -> None:
    doc = _doc(pipe, text)
    assert _filings(doc) == [expected]
    f = doc.filing[0]
    # no name inside the dateline is a mention: the place, the credit, the byline
    assert not [m for m in doc.mentions if m.start < f.end and f.start < m.end]


@pytest.mark.parametrize("text", [
    "موسكو تعلن تعليق المحادثات مع كييف.",  # a name and a verb: a sentence
    "طهران: إسرائيل تهدد أمن المنطقة\nقال مسؤول إيراني إن الرد سيكون حازما.",  # who speaks
    "روسيا - أوكرانيا: جولة جديدة من المحادثات\nاستؤنفت المحادثات أمس.",  # a pairing
    "دمشق، التي استضافت المؤتمر، شهدت إجراءات أمنية مشددة.",  # a comma, no date
    "بيروت/ دمشق: خط جديد للحافلات\nافتتح خط للحافلات بين العاصمتين.",  # two places
    "موسكو - بوتين\nتحدث الرئيس عن الاقتصاد.",  # a known name after the dash: a headline
    "قال مسؤول إن موسكو - وفق تقديره - لن ترد.",  # a dash inside a sentence
])
def test_not_a_dateline(pipe: Pipeline, text: str) -> None:
    assert _doc(pipe, text).filing == ()


def test_not_a_dateline_keeps_its_mentions(pipe: Pipeline) -> None:
    doc = _doc(pipe, "موسكو تعلن تعليق المحادثات مع كييف.")
    assert [(m.start, m.kb_id) for m in doc.mentions][0] == (0, "moscow")
    doc = _doc(pipe, "روسيا - أوكرانيا: جولة جديدة من المحادثات\nاستؤنفت المحادثات أمس.")
    assert {m.kb_id for m in doc.mentions if m.start < 20} == {"russia", "ukraine"}


def test_dateline_city_is_no_actor_and_no_mention(pipe: Pipeline) -> None:
    doc = _doc(pipe, "موسكو - التقى الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين "
                     "بينغ في الكرملين أمس.")
    assert doc.filing_place == "moscow"
    assert "moscow" not in {e.kb_id for e in doc.entities}
    (ev,) = [e for e in doc.events if e.type == "CONSULT"]
    assert _kb_ids(doc, ev.actors) == ["vladimir_putin"]
    assert "moscow" not in _kb_ids(doc, (*ev.actors, *ev.targets))


def test_dateline_city_named_again_in_the_body_stays_an_entity(pipe: Pipeline) -> None:
    text = "موسكو - التقى بوتين نظيره الصيني شي جين بينغ في موسكو أمس."
    doc = _doc(pipe, text)
    (moscow,) = [e for e in doc.entities if e.kb_id == "moscow"]
    assert [m.start for m in moscow.mentions] == [text.rindex("موسكو")]
    (ev,) = [e for e in doc.events if e.type == "CONSULT"]
    assert _kb_ids(doc, ev.actors) == ["vladimir_putin"]


def test_dateline_city_is_no_event_place(pipe: Pipeline) -> None:
    doc = _doc(pipe, "بيروت - قصفت طائرات إسرائيلية بلدة حدودية فجر اليوم.")
    assert doc.filing_place == "beirut"
    assert "beirut" not in {e.kb_id for e in doc.entities}
    assert all(ev.location is None or doc.entity(ev.location).kb_id != "beirut"
               for ev in doc.events)


def test_filed_from_in_the_record(pipe: Pipeline) -> None:
    rec = doc_to_record(_doc(pipe, "القاهرة – (رويترز) - أعلنت الحكومة خطة جديدة."))
    assert rec["filed_from"] == {
        "kb_id": "cairo", "name": "القاهرة", "name_en": "Cairo",
        "start": 0, "end": 7, "text": "القاهرة",
        "dateline": {"start": 0, "end": 20, "text": "القاهرة – (رويترز) -"},
        "credit": "رويترز",
    }
    assert doc_to_record(_doc(pipe, "موسكو تعلن تعليق المحادثات."))["filed_from"] is None


def test_unknown_place_is_named_by_its_text(pipe: Pipeline) -> None:
    rec = doc_to_record(_doc(pipe, "كفر بريصا (أ ف ب) - جرفت السيول عددا من المنازل."))
    assert rec["filed_from"]["kb_id"] is None
    assert rec["filed_from"]["name"] == "كفر بريصا" and rec["filed_from"]["name_en"] is None


def test_filing_parts_lie_inside_the_dateline() -> None:
    Filing(0, 7, Span(0, 5), "moscow", Span(6, 7))
    with pytest.raises(SpanError):
        Filing(0, 7, Span(0, 9))
    with pytest.raises(SpanError):
        Filing(3, 7, Span(3, 5), None, Span(0, 2))


def test_agency_list_is_valid() -> None:
    keys = agency_keys()
    assert {"رويترز", "افب", "الاناضول", "سانا", "واس", "بترا", "وكالات"} <= keys
    assert all(k and k.isalpha() for k in keys)
    assert "افب" in keys  # "أ ف ب" and "أ.ف.ب" fold to one key
