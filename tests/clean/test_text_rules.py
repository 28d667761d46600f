"""Tests of the plain-text furniture cleaner (marsad/clean/text_rules.py + furniture.yaml)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.clean.text_rules import (
    CONTEXT_RULES,
    KINDS,
    RULES_PATH,
    Cleaned,
    RulesError,
    classify_line,
    clean_text,
    compile_rules,
    load_rules,
    validate_rules,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "furniture"
CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
BODY = (
    "وقال وزير الخارجية في مؤتمر صحفي عقده في العاصمة اليوم إن المحادثات مع نظيره تناولت "
    "سبل تعزيز التعاون الثنائي والأوضاع الإقليمية، مؤكداً أهمية مواصلة التنسيق بين البلدين."
)
BODY2 = (
    "وأضاف الوزير أن الجانبين اتفقا على عقد اجتماع للجنة المشتركة قبل نهاية العام الجاري "
    "في إطار متابعة تنفيذ الاتفاقيات الموقعة بين الحكومتين خلال الزيارة الأخيرة."
)


def _read(path: Path) -> str:
    # newline="" keeps CRLF fixtures byte-exact, so offsets are offsets of the real file.
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def _gold(path: Path) -> dict[str, Any]:
    with path.with_suffix(".json").open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _removed_mask(raw: str, cleaned: Cleaned) -> bytearray:
    mask = bytearray(len(raw))
    for r in cleaned.removals:
        mask[r.start : r.end] = b"\x01" * (r.end - r.start)
    return mask


def _drop_covered(raw: str, cleaned: Cleaned, drop: str) -> bool:
    """Some occurrence of ``drop`` in raw is removed entirely (white space aside)."""
    mask = _removed_mask(raw, cleaned)
    start = raw.find(drop)
    while start >= 0:
        if all(mask[i] or raw[i].isspace() for i in range(start, start + len(drop))):
            return True
        start = raw.find(drop, start + 1)
    return False


def _check_invariants(raw: str, cleaned: Cleaned) -> None:
    last_end = -1
    for r in cleaned.removals:
        assert 0 <= r.start < r.end <= len(raw)
        assert raw[r.start : r.end] == r.text
        assert r.start >= last_end, "removals overlap or are unsorted"
        last_end = r.end
    text = cleaned.text
    assert text == text.strip()
    assert "\n\n\n" not in text
    if cleaned.dateline is not None:
        assert cleaned.dateline_raw_start is not None
        start = cleaned.dateline_raw_start
        assert raw[start : start + len(cleaned.dateline)] == cleaned.dateline
        assert cleaned.dateline in text
    else:
        assert cleaned.dateline_raw_start is None
    if cleaned.title is not None:
        assert text.startswith(cleaned.title) or cleaned.title in text


# --------------------------------------------------------------------------------------------
# Team fixtures

FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))


def test_enough_fixtures() -> None:
    assert len(FIXTURE_FILES) >= 18
    for path in FIXTURE_FILES:
        assert re.fullmatch(r"\d\d_[a-z0-9_]+\.txt", path.name), path.name
        gold = _gold(path)
        assert gold["doc_id"] == path.stem
        assert set(gold) >= {"doc_id", "published", "entities", "events", "keep", "drop"}
        assert 2 <= len(gold["keep"]) <= 4
        raw = _read(path)
        for s in gold["keep"] + gold["drop"]:
            assert s in raw, f"{path.name}: gold string is not in the article: {s!r}"


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_keep_and_drop(path: Path) -> None:
    raw, gold = _read(path), _gold(path)
    cleaned = clean_text(raw)
    for keep in gold["keep"]:
        assert keep.replace("\r\n", "\n") in cleaned.text, f"lost body text: {keep!r}"
    for drop in gold["drop"]:
        assert drop not in cleaned.text, f"furniture kept: {drop!r}"
        assert _drop_covered(raw, cleaned, drop), f"furniture not removed as such: {drop!r}"
    _check_invariants(raw, cleaned)


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_dateline_states_the_published_date(path: Path) -> None:
    raw, gold = _read(path), _gold(path)
    cleaned = clean_text(raw)
    published = gold["published"]
    if published is None:
        assert cleaned.dateline is None
        return
    assert cleaned.dateline is not None
    year, _, day = published.split("-")
    assert year in cleaned.dateline
    assert re.search(rf"(?<!\d)0?{int(day)}(?!\d)", cleaned.dateline)


# --------------------------------------------------------------------------------------------
# Seeds (development set shared by the project)

SEED_FILES = sorted((CORPUS / "seeds").glob("*.txt")) if (CORPUS / "seeds").is_dir() else []


def test_seed_scores() -> None:
    """The development set: keep 1.00 and drop 1.00 over all seed strings."""
    if not SEED_FILES:
        pytest.skip("shared/corpus/seeds not present")
    kept = keeps = dropped = drops = 0
    for path in SEED_FILES:
        raw = _read(path)
        with (CORPUS / "seeds-gold" / f"{path.stem}.json").open(encoding="utf-8") as fh:
            gold = json.load(fh)
        cleaned = clean_text(raw)
        _check_invariants(raw, cleaned)
        keeps += len(gold["keep"])
        kept += sum(k in cleaned.text for k in gold["keep"])
        drops += len(gold["drop"])
        dropped += sum(d not in cleaned.text for d in gold["drop"])
    assert kept / keeps == 1.0
    assert dropped / drops == 1.0


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_keep_and_drop(path: Path) -> None:
    raw = _read(path)
    with (CORPUS / "seeds-gold" / f"{path.stem}.json").open(encoding="utf-8") as fh:
        gold = json.load(fh)
    cleaned = clean_text(raw)
    for keep in gold["keep"]:
        assert keep in cleaned.text
    for drop in gold["drop"]:
        assert drop not in cleaned.text
    # Every alias the gold takes from the body survives cleaning (the photo caption of 003
    # carries one: the agency "أ ف ب").
    for entity in gold["entities"]:
        for alias in entity["aliases"]:
            assert alias in cleaned.text, alias
    for event in gold["events"]:
        assert event["evidence"] in cleaned.text


# --------------------------------------------------------------------------------------------
# The rules file


def _rules_data() -> dict[str, Any]:
    with RULES_PATH.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def test_rules_file_validates() -> None:
    data = _rules_data()
    assert validate_rules(data) == []
    ids = [r["id"] for r in data["rules"]]
    assert len(ids) == len(set(ids)), "rule ids must be unique"
    assert all(r["kind"] in KINDS for r in data["rules"])
    assert CONTEXT_RULES <= set(ids)
    for r in data["rules"]:
        assert r["description"].strip(), r["id"]
    ruleset = load_rules()
    for rule in ruleset.rules:
        for pattern in rule.patterns:
            assert isinstance(pattern, re.Pattern)


def test_rule_ids_named_in_the_brief_exist() -> None:
    ids = {r["id"] for r in _rules_data()["rules"]}
    assert {
        "js_notice",
        "cookie_notice",
        "weather_widget",
        "widget_date",
        "clipboard",
        "comment_counter",
        "share_bar",
        "read_also_block",
        "related_list",
        "tag_cloud",
        "credit_line",
        "photo_credit",
        "byline",
        "section_label",
        "latin_garbage",
        "trailing_counter",
    } <= ids


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d["rules"].append(dict(d["rules"][0])), "duplicate id"),
        (lambda d: d["rules"][0].update(kind="magic"), "unknown kind"),
        (lambda d: d["rules"][0].update(patterns=["(unclosed"]), "does not compile"),
        (lambda d: d["rules"][0].update(patterns=["{{nosuchvocab}}"]), "unknown vocab"),
        (lambda d: d["rules"][0].update(description=""), "description missing"),
        (
            lambda d: d["rules"].append({"id": "mystery", "kind": "context", "description": "x"}),
            "no context logic",
        ),
        (
            lambda d: d["rules"].__setitem__(
                slice(None), [r for r in d["rules"] if r["id"] != "widget_date"]
            ),
            "context rules without an entry",
        ),
    ],
)
def test_validation_catches_malformed_rules(mutate: Any, message: str) -> None:
    data = _rules_data()
    mutate(data)
    problems = validate_rules(data)
    assert any(message in p for p in problems), problems
    with pytest.raises(RulesError):
        compile_rules(data)


def _examples() -> list[tuple[str, str, str]]:
    cases = []
    for r in _rules_data()["rules"]:
        for verdict in ("drop", "keep"):
            for text in (r.get("examples") or {}).get(verdict, []):
                cases.append((r["id"], verdict, text))
    return cases


@pytest.mark.parametrize("rule_id, verdict, text", _examples())
def test_rule_examples(rule_id: str, verdict: str, text: str) -> None:
    """Each rule's own examples in furniture.yaml: drops by that rule, keeps by none."""
    got = classify_line(text)
    if verdict == "drop":
        assert got == rule_id
    else:
        assert got is None


# --------------------------------------------------------------------------------------------
# Targeted unit tests, one or more per rule


def _rules_of(raw: str) -> dict[str, str]:
    return {r.text: r.rule for r in clean_text(raw).removals}


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Sorry, you need to enable JavaScript to visit this website.", "js_notice"),
        ("You need to enable JavaScript to run this app.", "js_notice"),
        ("يرجى تفعيل جافا سكريبت لعرض الموقع بشكل صحيح", "js_notice"),
        ("يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك", "cookie_notice"),
        ("This website uses cookies to ensure you get the best experience.", "cookie_notice"),
        ("قبول الكل", "consent_button"),
        ("- ℃ 11 تركيا", "weather_widget"),
        ("الدوحة 34°", "weather_widget"),
        ("العصر 3:05 م", "prayer_times"),
        ("تم نسخ عنوان المقال إلى الحافظة", "clipboard"),
        ("تم نسخ الرابط", "clipboard"),
        ("https://example.com/news/12345", "url_line"),
        ("تعليقات الزوار", "comment_counter"),
        ("لا تعليقات", "comment_counter"),
        ("أضف تعليق", "comment_counter"),
        ("0 تعليق", "comment_counter"),
        ("2 تعليقات", "comment_counter"),
        ("البريد الإلكتروني *", "comment_form"),
        ("3400 مشاهدة", "view_counter"),
        ("شارك", "share_bar"),
        ("طباعة", "share_bar"),
        ("مشاركة", "share_bar"),
        ("شارك المقال", "share_bar"),
        ("A+ A-", "font_controls"),
        ("وقت القراءة: 5 دقائق", "reading_time"),
        ("ملخص", "section_label"),
        ("إعلان", "ad_label"),
        ("تابعونا على تويتر وفيسبوك", "follow_prompt"),
        ("© 2024 جميع الحقوق محفوظة", "copyright"),
        ("//انتهى//", "agency_endmark"),
        ("كلمات دلالية: ليبيا، روسيا، حفتر", "tag_cloud"),
        ("Tags: Libya, Russia", "tag_cloud"),
        ("#ليبيا #روسيا", "hashtag_line"),
        ("المصدر: عربي21", "credit_line"),
        ("المصدر : الجزيرة + وكالات", "credit_line"),
        ("بقلم: سامر الخطيب", "byline"),
        ("كتب: محمد عبد الحميد", "byline"),
        ("(أ ف ب)", "agency_credit"),
        ("(Getty)", "agency_credit"),
        ("(رويترز)", "agency_credit"),
        ("صورة أرشيفية", "photo_credit"),
        ("الصورة: رويترز", "photo_credit"),
        ("من نحن", "footer_links"),
        ("الرئيسية > أخبار > سياسة", "breadcrumb"),
        ("سياسة اقتصاد رياضة ثقافة منوعات", "nav_run"),
        ("اقرأ أيضًا: وزير الخارجية يستقبل نظيره الأردني", "read_also_block"),
        ("إقرأ أيضاً:", "read_also_block"),
        ("مقالات ذات صلة", "related_block"),
        ("الأكثر قراءة", "related_block"),
        ("المزيد في سياسة", "related_block"),
        ("موافق | إدارة التفضيلات", "consent_button"),
        ("شارك المقال: 34 مشاركة | التعليقات (3)", "share_bar"),
        ("العظمى 43° / الصغرى 28° | غدا: غبار خفيف", "weather_report"),
        ("الرطوبة: 40% | الرياح: شمالية 12 كم/س", "weather_report"),
        ("مواقيت الصلاة | الرياض: الفجر 4:53 - الظهر 12:07 - العصر 3:32", "prayer_times"),
        ("عاجل | شريط الأخبار: انقطاع الاتصالات في شمال دارفور", "news_ticker"),
        ("التعليقات مغلقة لهذا الخبر", "comments_closed"),
        ("تم إغلاق التعليقات", "comments_closed"),
        ("الأحد 16 رمضان 1446هـ | تسجيل الدخول | النسخة الورقية", "account_links"),
        ("سجل دخولك لإضافة تعليق", "account_links"),
        ("أخبار | سياسة | عرب وعالم", "pipe_menu"),
        ("روسيا | إفريقيا | لافروف | الساحل", "pipe_menu"),
        ("رياضة / كرة القدم / المنتخب الوطني", "pipe_menu"),
    ],
)
def test_line_rule_in_context(line: str, rule: str) -> None:
    raw = f"{BODY}\n\n{line}\n\n{BODY2}"
    cleaned = clean_text(raw)
    assert _rules_of(raw).get(line.strip()) == rule
    assert BODY in cleaned.text and BODY2 in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "كتب الرئيس على منصة إكس أن بلاده لن تتراجع عن قرارها في هذا الملف الشائك.",
        "وأكد المصدر ذاته أن المفاوضات ستستأنف الأسبوع المقبل.",
        "شارك الرئيس في القمة العربية التي عقدت في الرياض.",
        "وأثارت تعليقات الوزير موجة من الانتقادات.",
        "نائب وزير الدفاع يونس بك يفكيروف مستقبلاً خليفة حفتر (أ ف ب)",
        "رويترز: الاجتماع تأجل إلى الأسبوع المقبل بطلب من الوفد المصري",
        "ماذا تريد روسيا؟",
        "ثاني زيارة لتراوري",
        "لندن- حملت زيارة قائد الجيش الليبي المشير خليفة حفتر إلى موسكو عدة دلالات.",
        # one "|" (a title with a kicker), "/" inside words, long segments: not a menu
        "معبر رفح | عبور أول شاحنات المساعدات إلى غزة منذ بدء الحرب",
        "بالصور | افتتاح المتحف المصري الكبير",
        "المغرب/إسبانيا/البرتغال: ملف واحد",
        "15 أبريل/نيسان 2024",
        "روسيا تعزز وجودها | الساحل الإفريقي | قراءة في الأهداف والمخاطر الاستراتيجية للتمدد",
        "الرياض 2 | النصر 1",
        # weather, prayer and comment news written as prose
        "العظمى 43 والصغرى 28 في الرياض اليوم",
        "طقس الغد: أمطار رعدية على مكة المكرمة والعظمى 35° وسط تحذيرات",
        "الرطوبة 90% تخنق سكان البصرة",
        "وأدى المصلون صلاة الفجر في المسجد الحرام وسط إجراءات تنظيمية مشددة.",
        "تم إغلاق التعليقات على المنشور بعد موجة من الإساءات.",
        "وقال الوزير إن النسخة الورقية من الصحيفة ستتوقف عن الصدور نهاية العام.",
        "دخول أول قافلة مساعدات إلى غزة عبر معبر رفح",
    ],
)
def test_body_lines_are_kept(line: str) -> None:
    raw = f"{BODY}\n\n{line}\n\n{BODY2}"
    assert line in clean_text(raw).text


def test_pipe_menu_leaves_a_dateline_with_pipes() -> None:
    raw = f"عنوان الخبر الرئيسي هنا\nالقاهرة | 12 مايو 2024 | 10:30 ص\n\n{BODY}"
    cleaned = clean_text(raw)
    assert cleaned.dateline == "القاهرة | 12 مايو 2024 | 10:30 ص"


def test_byline_with_a_date_is_left_for_the_dateline() -> None:
    raw = f"العنوان الرئيسي للخبر هنا\nكتب: أحمد علي 12 مايو 2024\n\n{BODY}"
    cleaned = clean_text(raw)
    assert "كتب: أحمد علي 12 مايو 2024" in cleaned.text


# -- context rules ---------------------------------------------------------------------------


def test_widget_date_versus_dateline() -> None:
    raw = (
        "- ℃ 11 تركيا\n- 10 يناير 2025\n"
        "كيف تدعم روسيا حفتر بالسلاح؟\n- 16 أبريل 2024, 10:12:02 ص\n" + BODY
    )
    cleaned = clean_text(raw)
    rules = _rules_of(raw)
    assert rules["- 10 يناير 2025"] == "widget_date"
    assert cleaned.dateline == "16 أبريل 2024, 10:12:02 ص"
    assert cleaned.dateline_raw_start == raw.index("16 أبريل 2024, 10:12")
    assert "- 16" not in cleaned.text and "\n16 أبريل 2024, 10:12:02 ص\n" in cleaned.text
    assert cleaned.title == "كيف تدعم روسيا حفتر بالسلاح؟"


def test_header_date_above_the_headline_without_widget() -> None:
    raw = "- 10 يناير 2025\nكيف تدعم روسيا حفتر بالسلاح؟\n- 16 أبريل 2024, 10:12:02 ص\n" + BODY
    cleaned = clean_text(raw)
    assert _rules_of(raw)["- 10 يناير 2025"] == "widget_date"
    assert cleaned.dateline == "16 أبريل 2024, 10:12:02 ص"
    # A date above the headline with no other date is the dateline (Egyptian layout).
    raw2 = "الأحد 10 ديسمبر 2023\nعنوان الخبر الرئيسي هنا\n\n" + BODY
    assert clean_text(raw2).dateline == "الأحد 10 ديسمبر 2023"


def test_weather_report_makes_the_date_next_to_it_a_widget_date() -> None:
    raw = (
        "الطقس الآن | نيامي ☀ 41° مشمس — الرطوبة 9% — الرياح 14 كم/س\nالجمعة 12 أبريل 2024\n"
        f"عنوان الخبر الرئيسي هنا\nنيامي – 11 أبريل 2024\n\n{BODY}"
    )
    rules = _rules_of(raw)
    assert rules["الجمعة 12 أبريل 2024"] == "widget_date"
    assert clean_text(raw).dateline == "نيامي – 11 أبريل 2024"


# -- breaking-news ticker items ("عاجل | ...") ---------------------------------------------


def test_breaking_items_above_the_title_are_dropped() -> None:
    raw = (
        "عاجل | انقطاع الكهرباء في الخرطوم\nعاجل | وصول وفد أممي إلى بورتسودان\n\n"
        f"العنوان الرئيسي للخبر هنا\n12 مايو 2024\n\n{BODY}"
    )
    cleaned = clean_text(raw)
    assert [r.rule for r in cleaned.removals] == ["breaking_item", "breaking_item"]
    assert cleaned.title == "العنوان الرئيسي للخبر هنا"


@pytest.mark.parametrize(
    "after",
    ["القاهرة - 12 مايو 2024\n\n" + BODY, BODY],
    ids=["dateline", "body"],
)
def test_a_breaking_prefixed_title_is_kept(after: str) -> None:
    title = "عاجل | السيسي يستقبل وزير الخارجية الأمريكي"
    cleaned = clean_text(f"{title}\n{after}")
    assert cleaned.removals == ()
    assert cleaned.title == title


def test_a_breaking_line_inside_the_body_is_kept() -> None:
    raw = f"{BODY}\n\nعاجل | وصول وفد أممي\nعنوان فرعي\n{BODY2}"
    assert "عاجل | وصول وفد أممي" in clean_text(raw).text


def test_widget_chain_of_clock_and_date() -> None:
    raw = "مسقط 31°\n10:45 ص\nالأحد 29 أكتوبر 2023\nعنوان الخبر الرئيسي هنا\n" + BODY
    rules = _rules_of(raw)
    assert rules["10:45 ص"] == "widget_date"
    assert rules["الأحد 29 أكتوبر 2023"] == "widget_date"
    assert clean_text(raw).dateline is None


def test_clock_over_the_title_goes_when_a_header_dates_the_page() -> None:
    # The capture header dates the page; the date under the title still shows that the one
    # above the title is the site's clock.
    clock = "الخميس 2025-03-13 09:41 م"
    raw = (f" date 2025-03-13 {clock}\nعنوان الخبر الرئيسي هنا\n"
           f"الخميس، 13-03-2025 04:20 م\n\n{BODY}")
    cleaned = clean_text(raw)
    assert clock not in cleaned.text
    assert _rules_of(raw)[clock] == "widget_date"
    assert cleaned.published is not None and cleaned.published.source == "header"


def test_date_alone_without_widget_is_the_dateline() -> None:
    raw = f"عنوان الخبر الرئيسي هنا\nالاثنين 2025/05/12\n\n{BODY}"
    cleaned = clean_text(raw)
    assert cleaned.dateline == "الاثنين 2025/05/12"
    assert "الاثنين 2025/05/12" in cleaned.text


@pytest.mark.parametrize(
    "dateline",
    [
        "12 جوان 2024",
        "الأحد 10 شتنبر 2023 - 12:45",
        "نُشر في 09 آب 2023",
        "15 أبريل/نيسان 2024",
        "17 سبتمبر (أيلول) 2023",
        "2024-05-12 10:30",
        "12/05/2024",
        "بغداد - 19 كانون الأول 2023",
        "نُشر: 16:28-9 يناير 2025 م ـ 10 رَجب 1446 هـ",
        "Published on May 12, 2024",
        "١٢ مايو ٢٠٢٤",
    ],
)
def test_dateline_forms(dateline: str) -> None:
    raw = f"عنوان الخبر الرئيسي هنا\n{dateline}\n\n{BODY}"
    assert clean_text(raw).dateline == dateline


def test_published_label_beats_updated_label() -> None:
    raw = (
        "عنوان الخبر الرئيسي هنا\nآخر تحديث: 14 حزيران 2023 - 16:20\n"
        f"نُشر في 13 حزيران 2023\n\n{BODY}"
    )
    assert clean_text(raw).dateline == "نُشر في 13 حزيران 2023"


def test_duplicate_headline() -> None:
    raw = f"عنوان مكرر للخبر\nعنوان مكرر للخبر\n{BODY}"
    cleaned = clean_text(raw)
    assert cleaned.text.count("عنوان مكرر للخبر") == 1
    assert [r.rule for r in cleaned.removals] == ["duplicate_line"]
    assert cleaned.removals[0].start == raw.index("\n") + 1


def test_latin_garbage_only_in_arabic_articles() -> None:
    assert _rules_of(f"{BODY}\n\npp\n\n{BODY2}")["pp"] == "latin_garbage"
    english = (
        "The minister said talks covered bilateral cooperation and regional issues.\n"
        "pp\nHe added that a joint committee would meet before the end of the year."
    )
    assert "pp" in clean_text(english).text.split("\n")


def test_symbol_lines() -> None:
    for junk in ("|", "»", "...", "***", "- -"):
        assert _rules_of(f"{BODY}\n{junk}\n{BODY2}")[junk] == "symbol_line"


def test_trailing_counter_only_at_the_end() -> None:
    raw = f"{BODY}\n\n1\n\n{BODY2}\n\n1\n"
    cleaned = clean_text(raw)
    assert [r.rule for r in cleaned.removals] == ["trailing_counter"]
    assert cleaned.removals[0].start == raw.rindex("1")


def test_section_label_keeps_the_summary() -> None:
    raw = f"عنوان الخبر\n\nملخص\n\nتبذل روسيا منذ سنوات جهوداً دبلوماسية في أفريقيا.\n\n{BODY}"
    cleaned = clean_text(raw)
    assert "ملخص" not in cleaned.text.split("\n")
    assert "تبذل روسيا منذ سنوات جهوداً دبلوماسية في أفريقيا." in cleaned.text


def test_navigation_runs_and_kicker() -> None:
    raw = f"الرئيسية\nأخبار\nسياسة\nاقتصاد\nعربي ودولي\nعنوان الخبر الرئيسي هنا\n\n{BODY}"
    cleaned = clean_text(raw)
    assert cleaned.title == "عنوان الخبر الرئيسي هنا"
    assert cleaned.text.startswith("عنوان الخبر الرئيسي هنا")


def test_a_lone_section_word_inside_the_body_is_kept() -> None:
    raw = f"عنوان الخبر الرئيسي هنا\n\n{BODY}\n\nاقتصاد\n\n{BODY2}"
    assert "\nاقتصاد\n" in clean_text(raw).text


# -- read-also and related blocks ------------------------------------------------------------


def test_read_also_mid_article_stops_at_prose() -> None:
    raw = (
        f"{BODY}\n\nاقرأ أيضا:\nرئيس الوزراء يدلي بصوته في القاهرة\n"
        f"طوابير أمام اللجان في الصعيد\n{BODY2}"
    )
    cleaned = clean_text(raw)
    assert BODY2 in cleaned.text
    assert "طوابير أمام اللجان" not in cleaned.text
    assert _rules_of(raw)["طوابير أمام اللجان في الصعيد"] == "related_list"


def test_ticker_items_with_a_dangling_dash_above_the_title() -> None:
    # Ticker items end with the separator of the next item; the title does not.
    items = ["تأجيل مباريات الجولة الأخيرة من الدوري -", "افتتاح معرض الكتاب في دورته الجديدة -"]
    title = "الحكومة تقر خطة جديدة لدعم صغار المزارعين"
    raw = "\n".join(["أخبار عاجلة", *items, "", title, "", BODY])
    rules = _rules_of(raw)
    assert all(rules.get(i) == "related_list" for i in items)
    cleaned = clean_text(raw)
    assert title in cleaned.text and BODY in cleaned.text


def test_read_also_caps_headline_items() -> None:
    items = "\n".join(f"عنوان خبر مرتبط رقم {i}" for i in range(8))
    raw = f"{BODY}\n\nاقرأ أيضا\n{items}\nعنوان فرعي من المقال\n{BODY2}"
    cleaned = clean_text(raw)
    assert "عنوان خبر مرتبط رقم 5" not in cleaned.text
    assert "عنوان خبر مرتبط رقم 6" in cleaned.text  # past the cap: taken as article text
    assert BODY2 in cleaned.text


def test_related_list_running_to_the_end_is_not_capped() -> None:
    items = "\n".join(f"عنوان خبر مرتبط رقم {i}" for i in range(10))
    raw = f"{BODY}\n\nالأكثر قراءة\n{items}\n"
    assert clean_text(raw).text == BODY


def test_read_also_in_the_tail_runs_to_the_end() -> None:
    raw = (
        f"{BODY}\n\n{BODY2}\n\n{BODY}\n\nالمصدر: وكالات\n\nإقرأ أيضاً:\n\n"
        f"عنوان مقال آخر\n\nالرياض\n\nفقرة من مقال آخر تماماً لا علاقة لها بالخبر.\n\n"
        f"وفقرة ثانية منه أيضاً لا علاقة لها بالخبر الأصلي."
    )
    cleaned = clean_text(raw)
    assert cleaned.text == f"{BODY}\n\n{BODY2}\n\n{BODY}"


def test_next_article_of_an_infinite_scroll_capture() -> None:
    raw = (
        f"{BODY}\n\n{BODY2}\n\n{BODY}\n\nكلمات دلالية: مصر، فرنسا\n\n"
        f"عنوان المقال التالي في الصفحة\n12 مايو 2024\n\n{BODY2}"
    )
    assert clean_text(raw).text == f"{BODY}\n\n{BODY2}\n\n{BODY}"


def test_tail_marker_needs_body_before_it() -> None:
    """A credit printed under the title does not make the rest of the page a tail."""
    raw = f"المصدر: وكالات\n\nاقرأ أيضا\n\nعنوان خبر مرتبط\n\n{BODY}\n\n{BODY2}"
    cleaned = clean_text(raw)
    assert BODY in cleaned.text and BODY2 in cleaned.text


def test_embedded_related_article_outside_the_tail() -> None:
    raw = (
        f"{BODY}\n\nاقرأ أيضا\n\nقطر تستعد لاستضافة نهائيات كأس آسيا\n\nالدوحة - قنا\n\n"
        f"{BODY2}\n\nمقالات ذات صلة\nعنوان خبر مرتبط"
    )
    assert clean_text(raw).text == BODY


def test_trailing_bullets_without_label() -> None:
    raw = f"{BODY}\n\n  • عنوان أول\n  • عنوان ثان هنا\n  • عنوان ثالث هنا\n"
    assert clean_text(raw).text == BODY
    raw2 = f"{BODY}\n\n  • عنوان أول\n  • عنوان ثان هنا\n\n{BODY2}"
    assert "• عنوان أول" in clean_text(raw2).text  # a list inside the body stays


def test_tag_label_alone_takes_the_tag_lines() -> None:
    raw = f"{BODY}\n\nالوسوم\nمصر\nالانتخابات الرئاسية\n"
    cleaned = clean_text(raw)
    assert cleaned.text == BODY
    assert {r.rule for r in cleaned.removals} == {"tag_cloud"}


# -- inline ----------------------------------------------------------------------------------


def test_inline_notice_inside_a_kept_line() -> None:
    raw = f"Sorry, you need to enable JavaScript to visit this website. {BODY}"
    cleaned = clean_text(raw)
    assert cleaned.text == BODY
    assert [(r.rule, r.text) for r in cleaned.removals] == [
        ("js_notice", "Sorry, you need to enable JavaScript to visit this website.")
    ]


def test_audio_player_label_glued_before_the_text() -> None:
    cleaned = clean_text(f"استمع المقال {BODY}")
    assert cleaned.text == BODY
    assert [r.rule for r in cleaned.removals] == ["reading_time"]
    # a sentence whose subject listens to something keeps its first words
    line = "استمع المجلس إلى تقرير اللجنة المالية قبل التصويت على الموازنة العامة للدولة."
    assert clean_text(line).text == line


def test_aggregator_formulas_glued_before_the_story() -> None:
    for lead in ("هذا الخبر يأتيكم برعاية موقع المدينة الإخباري ويتمنى لكم قراءة هذا الخبر",
                 "انت الان تتابع خبر افتتاح الجسر الجديد والان مع التفاصيل"):
        cleaned = clean_text(f"{lead} {BODY}")
        assert cleaned.text == BODY
        assert [r.rule for r in cleaned.removals] == ["aggregator_boilerplate"]


def test_a_list_the_text_announces_is_the_articles_own() -> None:
    intro = "وحددت اللجنة مواعيد الجولات المقبلة من المفاوضات على النحو التالي:"
    items = ["• 3 مارس 2026", "• 17 أبريل 2026", "• 9 يونيو 2026"]
    cleaned = clean_text("\n".join([BODY, intro, *items]))
    assert all(i in cleaned.text for i in items)
    # the same bullets of headlines under a short label are a related list
    heads = ["• الحكومة تقر خطة لدعم المزارعين", "• افتتاح جسر جديد في العاصمة",
             "• ارتفاع أسعار الذهب في السوق المحلية"]
    cleaned = clean_text("\n".join([BODY, *heads]))
    assert not any(h in cleaned.text for h in heads)


def test_read_more_link_closing_a_cut_teaser() -> None:
    teaser = "أعلنت البلدية خطة لتوسيع الحدائق العامة في الأحياء الشرقية خلال…"
    cleaned = clean_text(f"{BODY}\n{teaser} اقرأ المزيد")
    assert cleaned.text.rstrip().endswith("خلال…")
    assert [r.rule for r in cleaned.removals] == ["read_also_block"]
    # without the cut mark the words may be the sentence's own
    line = "ودعا الوزير الطلاب إلى أن يقرأوا أكثر وأن يطالعوا المزيد"
    assert line in clean_text(f"{BODY}\n{line}").text


def test_ad_placeholder_glued_to_a_paragraph() -> None:
    raw = f"{BODY}[ads3]"
    cleaned = clean_text(raw)
    assert cleaned.text == BODY
    assert [(r.rule, r.text) for r in cleaned.removals] == [("widget_code", "[ads3]")]
    # a bracket in prose stays
    prose = "وقال الوزير [في إشارة إلى الاتفاق] إن المفاوضات مستمرة."
    assert clean_text(prose).text == prose


# --------------------------------------------------------------------------------------------
# Edge cases


def test_empty_and_blank() -> None:
    for raw in ("", "\n", "  \n\t\n", "\u200f\n\ufeff"):
        cleaned = clean_text(raw)
        assert cleaned == Cleaned("", (), None, None, None)


def test_only_furniture() -> None:
    raw = "Sorry, you need to enable JavaScript to visit this website.\n\nشارك\nطباعة\n0 تعليق\n1"
    cleaned = clean_text(raw)
    assert cleaned.text == ""
    assert cleaned.title is None and cleaned.dateline is None
    assert len(cleaned.removals) == 5
    _check_invariants(raw, cleaned)


@pytest.mark.parametrize("nl", ["\r\n", "\r", "\n"])
def test_line_endings(nl: str) -> None:
    raw = nl.join(["عنوان الخبر الرئيسي", "12 مايو 2024", "", BODY, "تعليقات الزوار", BODY2, ""])
    cleaned = clean_text(raw)
    assert cleaned.text == f"عنوان الخبر الرئيسي\n12 مايو 2024\n\n{BODY}\n{BODY2}"
    assert "\r" not in cleaned.text
    assert cleaned.dateline == "12 مايو 2024"
    _check_invariants(raw, cleaned)


def test_kept_lines_are_not_rewritten() -> None:
    line = "  قال   الوزير  إنّ المحادثاتِ كانت «إيجابية» جداً.  "
    cleaned = clean_text(f"{line}\n")
    assert cleaned.text == line.strip()


def test_paragraphs() -> None:
    raw = f"\n\n{BODY}\n\n\n\n{BODY2}\n{BODY}\n\n"
    assert clean_text(raw).text == f"{BODY}\n\n{BODY2}\n{BODY}"


def test_large_input_scales_linearly() -> None:
    """Cleaning four times the text costs about four times as much, not sixteen: a
    quadratic rule would show here. CPU time of one process, as a ratio, so a loaded
    machine does not decide it (the cost per KB itself is the benchmark's:
    bench/bench_extract.py prints the cleaning stage per sentence)."""
    unit = "\n\n".join(_read(p) for p in FIXTURE_FILES)
    small = unit * (1_250_000 // len(unit.encode()) + 1)
    load_rules()  # compile once outside the timing

    def cpu(raw: str) -> float:
        start = time.process_time()
        cleaned = clean_text(raw)
        assert cleaned.text
        return time.process_time() - start
    cpu(unit)
    ratio = cpu(small * 4) / max(cpu(small), 1e-3)
    assert ratio < 8, f"4x the text took {ratio:.1f}x the time"


def test_one_huge_line_is_fast() -> None:
    raw = ("كلمة " * 1_000_000) + "\n" + BODY
    start = time.perf_counter()
    cleaned = clean_text(raw)
    assert time.perf_counter() - start < 5
    assert cleaned.text.endswith(BODY)


# --------------------------------------------------------------------------------------------
# Properties

_POOL = [
    BODY,
    BODY2,
    "",
    "   ",
    "شارك",
    "طباعة",
    "- ℃ 11 تركيا",
    "- 10 يناير 2025",
    "16 أبريل 2024, 10:12:02 ص",
    "اقرأ أيضا",
    "إقرأ أيضاً:",
    "مقالات مشابهة",
    "  • عنوان خبر مرتبط",
    "كلمات دلالية: سياسة اقتصاد",
    "المصدر: عربي21",
    "تعليقات الزوار",
    "1",
    "pp",
    "(أ ف ب)",
    "ملخص",
    "الرئيسية",
    "سياسة",
    "عنوان قصير",
    "|",
    "Sorry, you need to enable JavaScript to visit this website.",
    "\u200fنص\u200f",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.sampled_from(_POOL), st.text(max_size=40)),
        max_size=25,
    ),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_offsets_and_shape_invariants(lines: list[str], nl: str) -> None:
    raw = nl.join(lines)
    cleaned = clean_text(raw)
    _check_invariants(raw, cleaned)
    # Every kept line is a verbatim piece of the raw text.
    for piece in cleaned.text.split("\n"):
        if piece and piece != cleaned.dateline:
            assert piece in raw


@pytest.mark.parametrize("line", [
    # twenty attribute pairs and a cut end: the widget_code pattern backtracked
    # exponentially (found by bench/fuzz_campaign.py: a 21 KB article stalled for ever)
    '<meta property="article:published_time" ' + 'content="2025-02-13t09:40" ' * 40
    + 'content="2025-0',
    "x " + "a-" * 2_000 + " = x",  # a hyphenated word split every way (cubic)
])
def test_code_residue_patterns_do_not_backtrack(line: str) -> None:
    t0 = time.perf_counter()
    clean_text("قال الوزير إن الاتفاق قريب.\n" + line + "\n")
    assert time.perf_counter() - t0 < 1.0


def test_agency_end_mark_glued_to_the_last_paragraph() -> None:
    for mark in ("//انتهى//21:19ت م 0266", " // انتهى //", " //انتهى// 0915 ت م"):
        cleaned = clean_text(f"{BODY} {mark}")
        assert cleaned.text.rstrip() == BODY
        assert [r.rule for r in cleaned.removals] == ["agency_endmark"]
    # "انتهى" in prose stays
    prose = "وقال إن الاجتماع انتهى دون اتفاق على موعد الجولة المقبلة."
    assert clean_text(prose).text == prose


def test_read_also_headline_inside_a_paragraph() -> None:
    first = "وأعلنت البلدية افتتاح الحديقة العامة الجديدة في الحي الشمالي."
    rest = "وقال رئيس البلدية إن الحديقة تضم ملاعب للأطفال."
    inserted = "اقرأ أيضا ارتفاع أسعار الخضار في الأسواق الشعبية"
    cleaned = clean_text(f"{first} {inserted} {rest}")
    assert cleaned.text == f"{first} {rest}"
    assert [r.rule for r in cleaned.removals] == ["read_also_block"]
    # without the article resuming after it, the words stay (no end to cut at)
    line = f"{first} {inserted} في نهاية الأسبوع."
    assert clean_text(line).text == line


def test_a_bare_date_of_another_day_beside_a_labelled_date_is_a_stamp() -> None:
    body = ("افتتح وزير الصحة، صباح اليوم، مركزا صحيا جديدا في حي الزيتون يضم عيادات "
            "للأطفال والنساء وقسما للطوارئ.")
    page = "\n".join(["2024-05-09 08:14 GMT", "افتتاح مركز صحي جديد في حي الزيتون",
                      "تاريخ النشر: 22 ديسمبر 2023", body])
    cleaned = clean_text(page)
    assert cleaned.published is not None and str(cleaned.published.date) == "2023-12-22"
    assert "2024-05-09" not in cleaned.text and body in cleaned.text
    # The same day printed bare under the labelled line is no other stamp: it stays.
    same = "\n".join(["افتتاح مركز صحي جديد في حي الزيتون", "تاريخ النشر: 22 ديسمبر 2023",
                      "22/12/2023", body])
    assert "22/12/2023" in clean_text(same).text


def test_an_items_age_after_its_date_goes_inline() -> None:
    body = "أكد مسؤول محلي، يوم الأحد، أن أعمال صيانة الشبكة ستنتهي قبل نهاية الشهر الجاري."
    title = "صيانة شبكة الكهرباء في الأحياء الجنوبية"
    cleaned = clean_text("\n".join([title, "2020-03-14 | منذ 4 سنوات", body]))
    assert "منذ 3 سنة" not in cleaned.text and body in cleaned.text
    # "منذ" in a sentence, with no separator before it, stays.
    told = "وقال إن الشبكة متعطلة | منذ 3 سنوات بسبب نقص قطع الغيار."
    assert told in clean_text("\n".join([body, told])).text


def test_a_title_printed_twice_under_the_header_beats_a_masthead_motto() -> None:
    # The motto is the first short line; the header's label and clock stand between it and
    # the headline, which the page prints twice over the lead.
    title = "البلدية تناقش خطة تطوير الطرق في الأحياء الشرقية"
    raw = "\n".join(["صوت المدينة الحر الصادق", "عاجل", "10:42 مساءً", title, title, BODY])
    cleaned = clean_text(raw)
    assert cleaned.title == title
    assert _rules_of(raw)["10:42 مساءً"] == "lone_time"


def test_a_caption_printed_twice_does_not_take_the_title() -> None:
    # No furniture between the headline and a caption printed twice: the headline stays.
    title = "الوزير يكرم العمال المجدين في حفل سنوي بالعاصمة"
    caption = "الوزير خلال تسليم الجوائز للفائزين أمس"
    raw = "\n".join([title, "الجوائز شملت عشرين عاملا من القطاع الخاص", caption, caption, BODY])
    assert clean_text(raw).title == title
