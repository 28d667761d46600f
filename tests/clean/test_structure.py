"""Each page-structure rule (marsad/clean/structure.py) on an invented page, and the cases in
which it must keep the line."""

from __future__ import annotations

import pytest

from marsad.clean.published import CAPTURE_HEADER_RE, capture_header
from marsad.clean.structure import STRUCTURE_RULE_IDS, STRUCTURE_RULES
from marsad.clean.text_rules import CONTEXT_RULES, clean_text

P1 = ("أعلنت وزارة الصحة، صباح اليوم، عن افتتاح مستشفى جديد في المدينة بسعة مئتي سرير، "
      "مؤكدة أنه سيخدم أكثر من نصف مليون نسمة في المحافظة.")
P2 = ("وقال الوزير في كلمة خلال الافتتاح إن المستشفى يضم أقساما للطوارئ والجراحة والأطفال، "
      "وإن العمل جار لتجهيز مستشفيين آخرين قبل نهاية العام.")
TITLE = "افتتاح مستشفى جديد بسعة مئتي سرير في المدينة"


def _rules(page: str) -> dict[str, str]:
    """Removed text → the rule that removed it."""
    return {r.text: r.rule for r in clean_text(page).removals}


def test_every_rule_has_an_id_known_to_the_rules_file() -> None:
    assert STRUCTURE_RULE_IDS <= CONTEXT_RULES
    assert len(STRUCTURE_RULES) >= 8


def test_teaser_column_drops_other_headlines_and_keeps_the_title() -> None:
    teasers = ["ارتفاع أسعار الذهب في الأسواق المحلية اليوم",
               "المنتخب الوطني يستعد لمباراة الأسبوع المقبل",
               "الحكومة تناقش مشروع قانون الاستثمار الجديد",
               "انطلاق مهرجان الفيلم العربي بمشاركة واسعة"]
    page = "\n".join([*teasers, TITLE, P1, P2])
    rules = _rules(page)
    assert all(rules.get(t) == "teaser_list" for t in teasers)
    cleaned = clean_text(page)
    assert cleaned.title == TITLE and P1 in cleaned.text and P2 in cleaned.text


def test_a_teaser_column_over_an_untitled_lead_goes_whole() -> None:
    # The last headline shares no word with the lead under it: the page has no title there.
    teasers = ["ارتفاع أسعار الذهب في الأسواق المحلية اليوم",
               "المنتخب الوطني يستعد لمباراة الأسبوع المقبل",
               "الحكومة تناقش مشروع قانون الاستثمار الجديد",
               "انطلاق مهرجان الفيلم العربي بمشاركة واسعة"]
    rules = _rules("\n".join([*teasers, P1, P2]))
    assert all(rules.get(t) == "teaser_list" for t in teasers)


def test_short_paragraphs_without_a_stop_are_no_teaser_column() -> None:
    # A site that writes paragraphs without a final stop: commas make them prose.
    paras = ["أعلنت الوزارة، اليوم، افتتاح المستشفى الجديد",
             "وأضاف الوزير، في كلمته، أن العمل مستمر",
             "وأشار المدير، من جهته، إلى تجهيز الأقسام",
             "وتابع، في ختام كلمته، أن الخطة ستكتمل"]
    page = "\n".join([TITLE, *paras, P1])
    text = clean_text(page).text
    assert all(p in text for p in paras)


def test_tail_links_and_tail_teasers() -> None:
    page = "\n".join([TITLE, P1, P2, "من نحن ملف", "أرشيف الموقع"])
    rules = _rules(page)
    assert rules.get("أرشيف الموقع") == "tail_links"
    tail = ["الحكومة تقر موازنة العام المقبل بالأغلبية",
            "وزير الخارجية يصل إلى عمّان في زيارة رسمية",
            "أمطار غزيرة متوقعة على المناطق الساحلية غدا"]
    rules = _rules("\n".join([TITLE, P1, P2, *tail]))
    assert all(rules.get(t) == "teaser_list" for t in tail)


def test_a_card_of_another_article_after_the_last_paragraph() -> None:
    # A section label over a headline: one card is enough.
    card = ["رياضة", "المنتخب الوطني يستعد لمباراة الأسبوع المقبل"]
    rules = _rules("\n".join([TITLE, P1, P2, *card]))
    assert all(rules.get(c) == "teaser_list" for c in card)
    # A short closing line of the article's own is no card without a headline under it.
    assert "والله الموفق" in clean_text("\n".join([TITLE, P1, P2, "والله الموفق"])).text


def test_a_truncated_last_paragraph_stays() -> None:
    page = "\n".join([TITLE, P1, P2, "وأكد المدير أن الأقسام"])
    assert "وأكد المدير أن الأقسام" in clean_text(page).text


def test_header_labels_go_only_when_the_page_has_a_headline() -> None:
    # ("أخبار محلية" is now a section_label line of its own.)
    rules = _rules("\n".join(["ملفات وقضايا", TITLE, P1]))
    assert rules.get("ملفات وقضايا") == "header_label"
    # A page whose only headline is short keeps it.
    assert "المستشفى الجديد" in clean_text("\n".join(["المستشفى الجديد", P1])).text


def test_a_wrapped_paragraph_opening_is_no_header_label() -> None:
    # The page wrapped the lead at a fixed width: a line opens with the comma of the sentence
    # cut before it, so the short line over it is the lead's first words.
    wrapped = ["أعلن رئيس", "الوزراء ، خلال زيارته للمدينة اليوم الأحد ، أن العمل في المستشفى",
               "، سيبدأ مطلع الشهر المقبل بعد استكمال التجهيزات اللازمة للأقسام كافة"]
    cleaned = clean_text("\n".join([TITLE, *wrapped, P2]))
    assert "أعلن رئيس" in cleaned.text
    # A label over a paragraph that opens no line with a comma still goes.
    assert _rules("\n".join([TITLE, "تقارير وحوارات", P1])).get("تقارير وحوارات") == "header_label"


def test_follow_lead_in_over_a_follow_prompt() -> None:
    lead_in = "لمتابعة كل المستجدات في المدينة والمحافظة"
    rules = _rules("\n".join([TITLE, P1, P2, lead_in, "تابعوا صفحتنا الرسمية على فيسبوك"]))
    assert rules.get(lead_in) == "follow_lead_in"
    # The same opening in the text, with no prompt under it, stays.
    own = "لمتابعة سير العمل في المستشفى زار الوزير الأقسام"
    assert own in clean_text("\n".join([TITLE, P1, own, P2])).text


def test_flattened_ticker_above_the_article() -> None:
    ticker = ("الذهب يرتفع في الأسواق.. والفضة تستقر عند مستواها عاجل: إغلاق طريق الساحل "
              "بسبب الضباب المنتخب يفوز على ضيفه بهدفين.. ويتأهل إلى الدور الثاني وزير "
              "الزراعة يتفقد المحاصيل في الجنوب")
    rules = _rules("\n".join([ticker, TITLE, P1]))
    assert rules.get(ticker) == "flattened_ticker"
    # The same line below the first paragraph is not taken for a ticker.
    assert ticker in clean_text("\n".join([TITLE, P1, ticker, P2])).text


def test_flattened_ticker_with_question_headlines() -> None:
    # A question mark ends a headline inside the ticker; it is no mark of prose there.
    ticker = ("هل تعود الأمطار إلى المناطق الشمالية هذا الأسبوع؟ الأرصاد تجيب المنتخب يبدأ "
              "معسكره في الخارج استعدادا للتصفيات.. ويستدعي ثلاثة لاعبين جدد أسعار الخضار "
              "ترتفع في الأسواق مع بداية الشتاء")
    assert _rules("\n".join([ticker, TITLE, P1])).get(ticker) == "flattened_ticker"


def test_flattened_ticker_without_any_mark() -> None:
    # Forty words and more without one punctuation mark, above the article: headlines glued.
    ticker = ("الفريق الأول يتعادل مع ضيفه في الجولة الخامسة الحكومة تعلن خطة جديدة لدعم "
              "المزارعين في المحافظات الجنوبية انقطاع الكهرباء عن أحياء واسعة من العاصمة "
              "بسبب عطل فني وزير التعليم يتفقد المدارس الجديدة في الريف افتتاح معرض الكتاب "
              "بمشاركة دور نشر عربية وأجنبية")
    assert ticker.count(" ") + 1 >= 40
    assert _rules("\n".join([TITLE, ticker, P1])).get(ticker) == "flattened_ticker"
    # On a page that writes no punctuation at all, no line is taken for a ticker.
    bare = [ticker, ticker.replace("الفريق الأول", "الفريق الثاني")]
    assert all(b in clean_text("\n".join(bare)).text for b in bare)


def test_a_lead_trailing_off_in_an_ellipsis_is_no_ticker() -> None:
    # An opinion lead that writes ".." for its pauses, under the title and the author's name.
    lead = ("مواجهات الجارين.. حكاية أخرى.. لا تشبه سواها.. فيها الشغف.. وفيها التوتر.. "
            "وتبقى دائما محط الأنظار والترقب حتى حين تقام المباراة في ملعب خال من الجمهور..")
    assert lead.count(" ") + 1 >= 25
    page = "\n".join(["من دفتر الديربي", "سامر الخطيب", lead, P1, P2])
    assert lead in clean_text(page).text


@pytest.mark.parametrize("line", [
    "وزارة الصحة,مستشفى الجامعة الجديد,نقص الأدوية,وزير الصحة,القطاع الصحي",
    "الانتخابات البلدية المقبلة،المجالس المحلية،الأحزاب السياسية المعارضة،وزارة الداخلية",
])
def test_tag_rows(line: str) -> None:
    # Tags of three words and more are no section_run (names of one or two words).
    assert _rules("\n".join([TITLE, P1, line])).get(line) == "tag_row"


@pytest.mark.parametrize("line", [
    "وشارك في الاجتماع ممثلو مصر، والأردن، والعراق، ولبنان",
    "بلغت الصادرات 1,200,000 طن في العام الماضي",
    "وقال,إن الحكومة ستعلن القرار,بعد اجتماعها,الأسبوع المقبل مع النقابات.",
])
def test_a_sentence_with_commas_is_no_tag_row(line: str) -> None:
    assert line in clean_text("\n".join([TITLE, P1, line])).text


def test_menu_run_takes_the_sites_own_sections() -> None:
    menu = ["• الرئيسية", "• محليات", "• جامعات", "• صحة و جمال", "• وظائف"]
    rules = _rules("\n".join([*menu, TITLE, P1]))
    assert all(m in rules for m in menu)
    assert rules["• جامعات"] == "menu_run"
    # short lines without two known entries among them are no menu
    lines = ["• جامعات", "• وظائف", "• صحة و جمال"]
    assert all(x in clean_text("\n".join([*lines, TITLE, P1])).text for x in lines)
    # a short title right over the lead stays
    page = "\n".join(["• الرئيسية", "• محليات", "مباراة حاسمة", P1])
    assert "مباراة حاسمة" in clean_text(page).text


def test_foreign_line_but_not_a_latin_byline_with_a_date() -> None:
    caption = "Officials attend the opening of the new hospital in the city (Photo: Agency)"
    rules = _rules("\n".join([TITLE, caption, P1]))
    assert rules.get(caption) == "foreign_line"
    byline = "By Sami Haddad | Sep 17, 2025"
    cleaned = clean_text("\n".join([TITLE, byline, P1]))
    assert byline in cleaned.text
    assert cleaned.published is not None and cleaned.published.source == "byline"


@pytest.mark.parametrize("line", ["اقتصاد، أسواق، طاقة", "محليات - الاقتصاد - الأسواق"])
def test_section_runs(line: str) -> None:
    assert _rules("\n".join([line, TITLE, P1])).get(line) == "section_run"


def test_a_list_of_places_in_a_sentence_is_not_a_section_run() -> None:
    line = "وشملت الجولة مصر، والأردن، والعراق، ولبنان."
    assert line in clean_text("\n".join([TITLE, P1, line])).text


def test_embedded_post_and_its_signature() -> None:
    post = "يوم تاريخي لبلادنا بافتتاح هذا الصرح الطبي الكبير"
    sig = "— وزارة الصحة (@HealthMin) 3 مارس 2025"
    rules = _rules("\n".join([TITLE, P1, post, sig, P2]))
    assert rules.get(sig) == "post_signature" and rules.get(post) == "embedded_post"


def test_comment_thread_after_a_comment_header() -> None:
    comments = ["خبر مفرح جدا", "نتمنى مستشفيات أخرى في القرى، فالطريق طويل إلى المدينة"]
    rules = _rules("\n".join([TITLE, P1, P2, "التعليقات (2)", *comments]))
    assert all(rules.get(c) == "comment_thread" for c in comments)


def test_lone_time_line() -> None:
    assert _rules("\n".join([TITLE, "10:45 بتوقيت غرينتش", P1])).get(
        "10:45 بتوقيت غرينتش") == "lone_time"


def test_capture_header_is_removed_and_read() -> None:
    page = " date 2025-03-03 " + TITLE + "\n" + P1
    cleaned = clean_text(page)
    assert cleaned.text.startswith(TITLE)
    assert cleaned.published is not None and cleaned.published.source == "header"
    assert str(cleaned.published.date) == "2025-03-03"
    assert cleaned.removals[0].rule == "capture_header"
    assert capture_header("تاريخ 2025-03-03")[1] == 0  # only the capture's own form
    assert CAPTURE_HEADER_RE.match(" date 2025-13-40 ")
    assert capture_header(" date 2025-13-40 x")[0] is None  # removed, but dates nothing


@pytest.mark.parametrize("line, day, ambiguous", [
    ("خميس, 07/05/2018 - 11:57", "2018-07-05", False),   # only 5 July was a Thursday
    ("الاثنين 07/05/2018", "2018-05-07", False),          # 7 May was a Monday
    ("07/05/2018", "2018-05-07", True),                    # nothing tells: day-first, flagged
    ("19/07/2022", "2022-07-19", False),                   # one reading only
])
def test_ambiguous_numeric_dates(line: str, day: str, ambiguous: bool) -> None:
    found = clean_text("\n".join([TITLE, line, P1])).published
    assert found is not None
    assert (str(found.date), found.ambiguous) == (day, ambiguous)


def test_a_repeated_header_today_beside_a_temperature_is_the_widgets() -> None:
    today = "الأحد, مارس 9, 2025"
    page = "\n".join([today, "18.5 C", today, TITLE, P1, P2])
    cleaned = clean_text(page)
    assert [r.rule for r in cleaned.removals] == ["widget_date", "temperature_widget",
                                                  "widget_date"]
    assert cleaned.published is None
    # with no widget beside it, the date under the headline is the page's own
    dated = clean_text("\n".join([TITLE, today, P1, P2]))
    assert dated.published is not None and dated.published.date.isoformat() == "2025-03-09"


def test_a_cut_teaser_under_a_list_label_goes_with_its_headline() -> None:
    teaser = ["أهم الأخبار", "انطلاق معرض الكتاب الدولي بمشاركة واسعة",
              "متابعة - انطلقت فعاليات معرض الكتاب الدولي بمشاركة مئات دور النشر من",
              "اليوم, 21:40"]
    rules = _rules("\n".join([TITLE, P1, P2, *teaser]))
    assert [rules.get(t) for t in teaser[:3]] == ["related_block", "related_list", "related_list"]
    assert rules.get(teaser[3]) is not None  # the stamp goes too
    # a whole paragraph after the label (it ends with a stop) is not taken as a teaser
    whole = "وكان المعرض قد استقبل العام الماضي أكثر من مليون زائر خلال عشرة أيام."
    kept = clean_text("\n".join([TITLE, P1, "أهم الأخبار", teaser[1], whole])).text
    assert whole in kept


def test_a_most_read_list_over_the_article_stops_at_its_title() -> None:
    items = ["الحكومة تقر موازنة العام المقبل بالأغلبية",
             "وزير الخارجية يصل إلى عمّان في زيارة رسمية"]
    page = "\n".join(["الأكثر قراءة", *items, TITLE, "القاهرة - وكالات", P1, P2])
    cleaned = clean_text(page)
    rules = {r.text: r.rule for r in cleaned.removals}
    assert [rules.get(t) for t in items] == ["related_list", "related_list"]
    assert TITLE in cleaned.text and cleaned.title == TITLE
    # a short caption between the title and the article is no second title
    page = "\n".join(["الأكثر قراءة", items[0], TITLE, "صورة الوزير", "القاهرة - وكالات", P1])
    assert TITLE in clean_text(page).text


def test_cut_leads_of_other_articles_after_a_follow_prompt() -> None:
    leads = ["أعلنت وزارة النقل عن خطة جديدة لتوسيع شبكة الحافلات في العاصمة لتشمل الأحياء",
             "كشف مصدر في الاتحاد المحلي لكرة القدم أن موعد انطلاق الموسم الجديد سيتحدد بعد اجتماع"]
    page = "\n".join([TITLE, P1, P2, "تابعونا على تيليجرام", *leads])
    rules = _rules(page)
    assert [rules.get(t) for t in leads] == ["teaser_list", "teaser_list"]
    # one cut line, or cut lines with no closing widget above them, stay
    assert leads[0] in clean_text("\n".join([TITLE, P1, P2, "تابعونا على تيليجرام",
                                              leads[0]])).text
    assert leads[0] in clean_text("\n".join([TITLE, P1, P2, *leads])).text


def test_a_header_today_with_its_place_beside_a_widget() -> None:
    today = "الخميس 14 مارس 2024 الرباط المغرب"
    page = "\n".join([today, "مواقيت الصلاة", TITLE, "12 مارس 2024 18:05", P1, P2])
    cleaned = clean_text(page)
    assert _rules(page).get(today) == "widget_date"
    assert cleaned.published is not None and cleaned.published.date.isoformat() == "2024-03-12"
    # without a widget beside it the line is not taken for one
    assert _rules("\n".join([today, TITLE, P1, P2])).get(today) != "widget_date"


def test_a_letter_stub_after_furniture_but_not_after_a_running_paragraph() -> None:
    rules = _rules("\n".join([TITLE, P1, P2, "كلمات دلالية: المستشفيات الصحة", "إق"]))
    assert rules.get("إق") == "letter_fragment"
    # the cut word of a paragraph that runs on without a stop stays with it
    page = "\n".join([TITLE, P1, "وقال المدير إن الأقسام ستفتح تباعا على خلفية", "ار"])
    assert clean_text(page).text.rstrip().endswith("ار")


def test_cut_lines_after_an_ad_label_inside_the_article_stay() -> None:
    # an ad label or a photo credit closes nothing: lines after it without a final stop are
    # the article's own (many sites print paragraphs without one)
    last = ["وأضاف المسؤول أن الخطة تشمل تدريب مئات الموظفين في المحافظات خلال الأشهر المقبلة",
            "وأشار إلى أن التمويل سيأتي من موازنة الدولة ومن منح خارجية تم الاتفاق عليها مسبقا"]
    page = "\n".join([TITLE, P1, P2, "إعلان", *last])
    kept = clean_text(page).text
    assert all(t in kept for t in last)


def test_ellipsis_cards_at_the_end_of_the_page() -> None:
    # leads with commas in them: no headlines (tail_lines), the cut of a paragraph
    cards = ["أعلن النادي الأهلي، مساء أمس، عن صفقة جديدة لتدعيم خط الوسط في…",
             "– كشفت وزارة النقل، في بيان، عن خطة لتطوير الطرق الصحراوية خلال…",
             "دافع المدرب، في مؤتمر صحفي، عن قراره باستبعاد اللاعبين الكبار من قائمة…"]
    rules = _rules("\n".join([TITLE, P1, P2, *cards]))
    assert all(rules.get(c) == "ellipsis_cards" for c in cards)
    # Two cut lines are no run of cards: the last one may be the capture's cut.
    assert cards[-1] in clean_text("\n".join([TITLE, P1, P2, *cards[1:]])).text
    # A text that trails its own paragraphs off with an ellipsis keeps them all.
    own = [P1.rstrip(".") + "…", P2.rstrip(".") + "…", *cards]
    text = clean_text("\n".join([TITLE, *own])).text
    assert all(c in text for c in cards)


def test_title_bar_over_the_page() -> None:
    bar = TITLE + " - صحيفة الأفق"
    rules = _rules("\n".join([bar, "الأكثر قراءة", TITLE, P1, P2]))
    assert rules.get(bar) == "title_bar"
    # Without the headline's own line the bar is the only title there is: it stays.
    assert bar in clean_text("\n".join([bar, P1, P2])).text
    # "<site> – <author>" under a masthead line of the site's name is a byline, not a bar.
    byline = "صحيفة الأفق – سامر الخطيب"
    assert byline in clean_text("\n".join(["صحيفة الأفق", TITLE, byline, P1, P2])).text


def test_title_prefix_echo_of_the_headline() -> None:
    echo = "صحيفة الأفق - " + TITLE
    rules = _rules("\n".join([TITLE, "صحيفة الأفق -", echo, "المدينة - صحيفة الأفق", P1, P2]))
    assert rules.get(echo) == "title_prefix"
    cleaned = clean_text("\n".join([TITLE, echo, "المدينة - صحيفة الأفق", P1, P2]))
    assert cleaned.title == TITLE and "صحيفة الأفق -" not in cleaned.text
    # the dateline stays
    assert "المدينة - صحيفة الأفق" in cleaned.text or cleaned.dateline == "المدينة - صحيفة الأفق"
    # Without the headline's own line the echo is the only title there is: it stays.
    assert echo in clean_text("\n".join([echo, P1, P2])).text


def test_glued_breadcrumb_over_the_title() -> None:
    crumbs = "الرئيسيةأخبار محلياتالمدينة الجديدة"
    rules = _rules("\n".join([crumbs, TITLE, P1, P2]))
    assert rules.get(crumbs) == "glued_crumbs"
    # a word that only begins with a section name is no breadcrumb
    kicker = "الأخبارية المحلية"
    assert _rules("\n".join([kicker, TITLE, P1, P2])).get(kicker) != "glued_crumbs"


def test_tag_row_without_a_label_echoes_the_article() -> None:
    tags = "وزارة الصحة مستشفى جديد المدينة"
    rules = _rules("\n".join([TITLE, P1, P2, tags]))
    assert rules.get(tags) == "tag_row"
    # a closing line with a word of its own stays, and so does one with punctuation
    for last in ("والله ولي التوفيق", "وزارة الصحة، المدينة"):
        assert last in clean_text("\n".join([TITLE, P1, P2, last])).text


def test_a_longer_sub_menu_link_in_a_bullet_menu() -> None:
    menu = ["• الرئيسية", "• محليات", "• اقتصاد", "• عدد اليوم",
            "  • الصفحات الكاملة للعدد الورقي PDF"]
    rules = _rules("\n".join([*menu, TITLE, P1, P2]))
    assert rules.get(menu[-1].strip()) == "menu_run"
    cleaned = clean_text("\n".join([*menu, TITLE, P1, P2]))
    assert cleaned.title == TITLE
    # a longer bullet line after short bullets that are no menu stays
    items = ["• أولا", "• ثانيا", "• ثالثا", "• تعزيز التعاون بين البلدين في مجال الطاقة"]
    assert items[-1] in clean_text("\n".join([TITLE, *items, P1, P2])).text


def test_bar_of_sister_sites() -> None:
    bar = "قناة نجم المدينة نجم المدينة سبورت نجم المدينة عقارات Najm english"
    rules = _rules("\n".join([bar, TITLE, P1, P2]))
    assert rules.get(bar) == "menu_run"
    # a headline that names a place twice stays
    head = "مدينة النور تستضيف مهرجان مدينة النور للفنون"
    assert head in clean_text("\n".join([head, P1, P2])).text


def test_other_headlines_in_a_row_between_paragraphs() -> None:
    heads = ["عاجل: الوزارة تعلن مواعيد الامتحانات النهائية",
             "رسمياً: رسوم جديدة على المواقف في وسط المدينة",
             "فيديو.. المنتخب الوطني يصل إلى الدوحة استعدادا للبطولة"]
    rules = _rules("\n".join([TITLE, P1, *heads, P2]))
    assert all(rules.get(h) == "teaser_list" for h in heads)
    # one subheading over its paragraph stays, and so does a list the text announces
    sub = "خطة لتجهيز مستشفيين آخرين"
    assert sub in clean_text("\n".join([TITLE, P1, sub, P2])).text
    intro = "وتضمنت الخطة ثلاث مراحل على النحو التالي:"
    text = clean_text("\n".join([TITLE, P1, intro, *heads, P2])).text
    assert all(h in text for h in heads)
    # headlines without a headline's mark may be the article's subheadings: they stay
    plain = ["الوزارة تعلن مواعيد الامتحانات النهائية", "رسوم جديدة على المواقف في وسط المدينة",
             "المنتخب الوطني يصل إلى الدوحة استعدادا للبطولة"]
    text = clean_text("\n".join([TITLE, P1, *plain, P2])).text
    assert all(h in text for h in plain)


def test_headlines_under_a_read_also_line_that_carried_its_first_item() -> None:
    first = "اقرأ أيضاً: افتتاح جسر جديد في العاصمة"
    more = "بالأرقام : كيف تغيرت أسعار الشقق في عام"
    rules = _rules("\n".join([TITLE, P1, P2, first, more]))
    assert rules.get(more) == "teaser_list"
    # without the read-also line the last headline-like line stays (a closing line)
    assert more in clean_text("\n".join([TITLE, P1, P2, more])).text


def test_a_menu_of_long_section_names_in_one_line() -> None:
    menu = ("أخبار المدن - شبكة أخبار الشباب - أخبار الثقافة والمسرح - شبكة أخبار المزارعين - "
            "أخبار الملاعب - أخبار المال")
    assert _rules("\n".join([menu, TITLE, P1])).get(menu) == "section_run"
    # A lineup of names joined by dashes, none of them a section word, stays.
    lineup = ("سامر الخطيب - رامي عبد الله - خالد يوسف - ماهر سليم - "
              "يوسف عادل منصور - عمر فؤاد")
    assert lineup in clean_text("\n".join([TITLE, P1, lineup, P2])).text


def test_a_publication_label_without_its_date() -> None:
    # "نشرت" / "في" of a theme whose date is an icon: both go; the title and lead stay.
    page = "\n".join([TITLE, "نشرت", "في", P1, P2])
    rules = _rules(page)
    assert rules.get("نشرت") == "date_label_alone" and rules.get("في") == "letter_fragment"
    assert TITLE in clean_text(page).text


def test_an_ad_label_glued_to_a_paragraph() -> None:
    lead = "بدأت فرق البلدية صباح الخميس رصف الطرق الزراعية في القرى الشمالية."
    cleaned = clean_text("\n".join([TITLE, lead + "إضافة إعلان", P1]))
    assert lead in cleaned.text and "إعلان" not in cleaned.text


def test_one_short_line_over_the_footer() -> None:
    # A section link between the last paragraph and the footer's furniture goes.
    page = "\n".join([TITLE, P1, P2, "الأفق الجديد", "زر الذهاب إلى الأعلى"])
    assert _rules(page).get("الأفق الجديد") == "tail_links"
    # A closing formula stays, and so does a short last line with nothing under it.
    assert "والله الموفق" in clean_text(
        "\n".join([TITLE, P1, P2, "والله الموفق", "زر الذهاب إلى الأعلى"])).text
    assert "الأفق الجديد" in clean_text("\n".join([TITLE, P1, P2, "الأفق الجديد"])).text


@pytest.mark.parametrize("clock", ["7:51 مساءً", "09:15 صباحاً", "11:20 ظهراً", "4:05 م"])
def test_lone_time_with_an_arabic_day_part(clock: str) -> None:
    # The day part is spelt with hamza and tanwin ("مساءً"); keys are folded, so is the grammar.
    assert _rules("\n".join([TITLE, clock, P1])).get(clock) == "lone_time"


def test_a_date_over_its_own_time_line_still_dates_the_article() -> None:
    # "الثلاثاء 4 مارس 2025" / "10:42 مساءً" / title: the time line is the article's meta row.
    page = "\n".join(["الثلاثاء 4 مارس 2025", "10:42 مساءً", TITLE, P1, P2])
    cleaned = clean_text(page)
    assert cleaned.published is not None and str(cleaned.published.date) == "2025-03-04"
    assert cleaned.title == TITLE and P1 in cleaned.text


def test_flattened_ticker_with_exclamation_headlines() -> None:
    # ".!!" and "!" end headlines run together: an exclamation cluster is no full stop.
    ticker = ("المنتخب يودع البطولة بعد خسارة قاسية .!! الأمطار تغرق شوارع العاصمة وتعطل "
              "حركة السير في الأحياء الشرقية ! وزير التعليم يعلن موعد بداية العام الدراسي "
              "الجديد في المدارس الحكومية والخاصة ارتفاع أسعار الخضار في الأسواق الشعبية")
    assert _rules("\n".join([ticker, TITLE, P1])).get(ticker) == "flattened_ticker"


def test_an_exclamation_inside_a_lead_with_commas_is_kept() -> None:
    lead = ("يا لها من مفاجأة! هكذا علق أحد السكان، صباح اليوم، على افتتاح المستشفى الجديد "
            "في المدينة بعد انتظار دام سنوات طويلة، مؤكدا أن الخدمة ستخفف معاناة المرضى.")
    assert lead in clean_text("\n".join([TITLE, lead, P2])).text


def test_a_first_line_that_ends_open_is_neither_a_label_nor_the_title() -> None:
    # a page wrapped at a fixed width: "قال الناطق باسم" goes on into the next line
    text = ("قال الناطق باسم\nالمجلس العسكري في السودان، الفريق كباشي، إنه تمت\n"
            "إحالة الفريق أول عوض بن عوف إلى التقاعد.\nوأضاف الناطق أن المجلس سيعلن "
            "تشكيل الحكومة قريبا.")
    cleaned = clean_text(text)
    assert cleaned.text.startswith("قال الناطق باسم")
    assert cleaned.title is None


def test_a_single_word_beside_the_date_line_is_the_section() -> None:
    # title / section / date: the meta row's section name goes, the date line stays
    page = "\n".join([TITLE, "انتخابات", "7 كانون الثاني, 2025", P1, P2])
    rules = _rules(page)
    assert rules.get("انتخابات") == "header_label"
    cleaned = clean_text(page)
    assert cleaned.title == TITLE and P1 in cleaned.text and cleaned.published is not None
    # a single word under the title with no date beside it may be the filing city: kept
    assert "المدينة" in clean_text("\n".join([TITLE, "المدينة", P1, P2])).text


GLUED = ("الوزارة تعلن موعد الامتحانات النهائية\"المنتخب يفوز بالكأس بعد مباراة صعبة! "
         "ارتفاع أسعار الذهب في الأسواق؟")


def test_glued_teasers_under_read_also_are_cut_from_the_paragraph() -> None:
    rest = "وقال الوزير، في ختام كلمته، إن المستشفى سيستقبل المرضى مطلع الشهر المقبل."
    page = "\n".join([TITLE, P1, "اقرأ أيضاً:", GLUED + rest, P2])
    cleaned = clean_text(page)
    assert rest in cleaned.text and "موعد الامتحانات" not in cleaned.text
    assert any(r.rule == "glued_teasers" for r in cleaned.removals)
    # headlines alone in the line: the whole line goes
    alone = (GLUED + "الحكومة تقر الموازنة الجديدة للعام المقبل بعد نقاش طويل!"
             "انطلاق مهرجان الفيلم العربي")
    assert _rules("\n".join([TITLE, P1, "اقرأ أيضاً:", alone, P2])).get(alone) == "glued_teasers"


def test_glued_quotes_without_a_read_also_label_stay() -> None:
    line = GLUED + "وقال الوزير، في ختام كلمته، إن المستشفى سيستقبل المرضى قريباً."
    assert line in clean_text("\n".join([TITLE, P1, line, P2])).text


def test_a_meta_row_glued_after_the_lead_is_cut() -> None:
    lead = P1[:-1] + " وأكد أن العمل"
    cleaned = clean_text("\n".join([TITLE, lead + "siteeye7قبل 3 أيام4 دقائق قراءة", P2]))
    assert lead in cleaned.text and "دقائق قراءة" not in cleaned.text


def test_a_filing_city_or_dateline_beside_the_date_stays() -> None:
    date = "تاريخ النشر: 3 نيسان 2024"
    assert "المدينة-وكالة" in clean_text("\n".join([TITLE, date, "المدينة-وكالة", P1, P2])).text
    assert "المدينة" in clean_text("\n".join([TITLE, date, "المدينة", P1, P2])).text


def test_a_run_of_short_lines_opening_the_page_is_a_menu() -> None:
    menu = ["بوابة الطلاب", "دليل المدينة", "زوار المعرض", "ركن القراء", "صفحة الأطفال",
            "مجلة الأسرة"]
    long_title = ("رئيس البلدية يفتتح الجسر الجديد ويعد بإنجاز الطريق الدائري قبل نهاية العام "
                  "في حفل حضره السكان والمسؤولون من المحافظات المجاورة صباح أمس الأول")
    rules = _rules("\n".join([*menu, long_title, P1, P2]))
    assert all(rules.get(m) == "menu_run" for m in menu[:-1])
    # five short lines are no menu without a known entry, nor a run under a paragraph
    assert not _rules("\n".join([*menu[:5], long_title, P1, P2]))
    text = clean_text("\n".join([TITLE, P1, *menu, P2])).text
    assert all(m in text for m in menu)


def test_a_wrapped_lead_is_no_label() -> None:
    # a page that breaks its paragraphs at a fixed width: the short first line is the lead's
    lines = ["أعلن وزير الصحة", "الدكتور فلان الفلاني عن خطة جديدة لتطوير المستشفيات الحكومية في",
             "المحافظات خلال العامين المقبلين."]
    text = clean_text("\n".join([TITLE, *lines, P2])).text
    assert all(x in text for x in lines)


def test_a_title_shares_a_word_with_its_lead_across_a_comma() -> None:
    teasers = ["ارتفاع أسعار الذهب في الأسواق المحلية اليوم",
               "المنتخب الوطني يستعد لمباراة الأسبوع المقبل",
               "الحكومة تناقش مشروع قانون الاستثمار الجديد"]
    title = "الجيش ينسحب من القاعدة الأخيرة في الصحراء"
    lead = ("أعلن المتحدث العسكري، مساء أمس، انسحاب الوحدات من القاعدة، بعد أشهر من "
            "المفاوضات مع السلطات المحلية في الصحراء، وفق بيان رسمي.")
    cleaned = clean_text("\n".join([*teasers, title, lead, P2]))
    assert cleaned.title == title


def test_a_tag_row_echoes_the_text_with_or_without_the_article() -> None:
    tags = "وزارة الصحة المستشفى الجديد المدينة"
    assert _rules("\n".join([TITLE, P1, P2, tags])).get(tags) == "tag_row"
    # a closing line with a word of its own stays
    closing = "وزارة الصحة تتسلم المستشفى الجديد"
    assert closing in clean_text("\n".join([TITLE, P1, P2, closing])).text


def test_a_despaced_headline_glued_after_a_paragraph_is_cut() -> None:
    glued = "الوزيريفتتحالمستشفىالجديدفيالمدينةالشماليةصباحاليوم"
    cleaned = clean_text("\n".join([TITLE, P1 + " " + glued, P2]))
    assert P1 in cleaned.text and glued not in cleaned.text
    # a typo that ran a name's words together is text: it stays
    typo = "وكشفت الولاياتالمتحدةالأمريكية، أمس، عن تفاصيل اللقاء الذي جرى في العاصمة."
    assert typo in clean_text("\n".join([TITLE, P1, typo, P2])).text


def test_bullets_above_the_title_are_lists_of_stories() -> None:
    # (a three-word item among them: no column of headlines for teaser_column)
    links = ["• خطة السلام في البلقان", "• الذكاء الاصطناعي",
             "• انتخابات الرئاسة المقبلة في الجنوب",
             "• كأس القارات للشباب والناشئين"]
    rules = _rules("\n".join([*links, TITLE, P1, P2]))
    assert all(rules.get(x) == "bullet_column" for x in links)
    assert clean_text("\n".join([*links, TITLE, P1, P2])).title == TITLE
    # short entries are a menu's, not this rule's
    menu = ["• جامعات", "• وظائف", "• صحة و جمال"]
    assert all(x in clean_text("\n".join([*menu, TITLE, P1])).text for x in menu)


def test_a_back_to_home_link_glued_before_the_title_is_cut() -> None:
    cleaned = clean_text("\n".join(["رجوع للرئيسية" + TITLE, P1, P2]))
    assert cleaned.title == TITLE


def test_a_menu_run_into_one_line_after_the_home_label() -> None:
    menu = "الصفحة الرئيسية أخبار المدينة دليل الخدمات أرشيف الصور"
    assert _rules("\n".join([menu, TITLE, P1, P2])).get(menu) == "home_menu"
    # under the first paragraph, or with punctuation, it is text
    line = "الرئيسية في المدينة قاعة كبرى، وقد افتتحت أمس."
    assert line in clean_text("\n".join([line, TITLE, P1, P2])).text


def test_tags_joined_by_runs_of_spaces_and_their_links_one_per_line() -> None:
    row = "مستشفى المدينة  وزارة الصحة  أسرّة العناية المركزة  افتتاح المستشفيات"
    links = ["وزارة الصحة", "أسرّة العناية المركزة"]
    rules = _rules("\n".join([TITLE, row, *links, P1, P2]))
    assert rules.get(row) == "tag_row" and all(rules.get(x) == "tag_row" for x in links)
    # a line of prose with double spaces keeps its punctuation, and stays
    prose = "وقال الوزير  إن العمل  سيبدأ  قريباً، وإن الأقسام جاهزة."
    assert prose in clean_text("\n".join([TITLE, prose, P1, P2])).text


def test_a_link_to_the_english_story_glued_before_the_lead_is_cut() -> None:
    cleaned = clean_text("\n".join([TITLE, "Read this story in English" + P1, P2]))
    assert P1 in cleaned.text and "English" not in cleaned.text


def test_a_title_typed_with_loose_spaces_is_no_tag_row() -> None:
    title = "الوزير  يفتتح  المستشفى  الجديد  في  المدينة"
    assert clean_text("\n".join([title, P1, P2])).title == title


def test_label_over_title_drops_a_kicker_that_shares_nothing_with_the_lead() -> None:
    # A section label of four words over the headline: no word of it in the lead nor in the
    # headline, while the headline shares "مستشفى" with the lead.
    label = "في الواجهة هذا الأسبوع"
    page = "\n".join([label, TITLE, P1, P2])
    assert _rules(page).get(label) == "header_label"
    assert clean_text(page).title == TITLE


def test_label_over_title_keeps_a_title_that_echoes_its_standfirst_or_lead() -> None:
    # A short title over its standfirst: it shares "مستشفى" with the lead and stays the title.
    short = "افتتاح مستشفى المدينة اليوم"
    cleaned = clean_text("\n".join([short, TITLE, P1]))
    assert cleaned.title == short and short in cleaned.text
    # A figurative title sharing no word with the lead but one with its standfirst stays.
    figurative = "صرخة الأطباء تصل أخيرا"
    stand = "الأطباء يرحبون بافتتاح مستشفى جديد في المدينة"
    assert figurative in clean_text("\n".join([figurative, stand, P1])).text
    # A title over a short kicker-like line (a two-word label under it) is no label.
    long_title = "الحكومة تعلن خطة وطنية شاملة لمكافحة الفقر والبطالة"
    assert long_title in clean_text("\n".join([long_title, "خطة وطنية", P1])).text


def test_label_over_title_drops_another_articles_headline_over_the_title() -> None:
    other = "المنتخب الوطني يستعد لمواجهة حاسمة في التصفيات الآسيوية المؤهلة"
    page = "\n".join([other, TITLE, P1, P2])
    assert _rules(page).get(other) == "teaser_list"
    assert clean_text(page).title == TITLE
