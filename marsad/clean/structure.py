"""Page-structure rules: furniture recognised by where a line stands, not by what it says.

The line rules of ``furniture.yaml`` know the fixed interface strings of news sites. What no
phrase list can know is the site's own name, its section names and the headlines of its other
articles; these are recognised by their place on the page around the article's body:

- above the article's title, a column of four or more headlines is a list of other
  articles (the title is the last of them);
- after the article's last paragraph, three or more headlines, or two or more one-to-three
  word lines (site sections, comment texts), are the page's tail;
- between the top of the page and the first paragraph, a one-to-three word line is a site
  name, section label or kicker, once the page has a real headline;
- above the first paragraph, one line of twenty-five words or more without a comma or a
  full stop, but with headline marks ("..", ":", "|", a question mark inside), or of forty
  words without any punctuation, is a ticker of headlines flattened into one line;
- names joined by bare commas ("وزارة الصحة,نقص الأدوية,…") are a row of tags;
- on an Arabic page, a line without a single Arabic letter is a logo, an English caption,
  an embedded post or an interface string in another language (dates excepted: they are
  read for the publication date).

Each rule is a plain function over the cleaner, run in the order of :data:`STRUCTURE_RULES`
after the line and block rules, so that the furniture they already found is skipped. Every
rule drops only lines that cannot be a sentence of the article's body, so when a line is
ambiguous it is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from marsad.data import load_yaml
from marsad.text.normalize import ARABIC_LETTER_RE, match_key
from marsad.text.segment import ends_open

if TYPE_CHECKING:  # the cleaner imports this module
    from .text_rules import _Cleaner, _Line

# Above the first paragraph, 25 words without a comma or a stop are no sentence of prose;
# forty without any punctuation mark are headlines run together even without marks between.
TICKER_MIN_WORDS = 25
TICKER_BARE_MIN_WORDS = 40
# A column of headlines above the title: the title and at least three others.
TEASER_RUN_MIN = 4
# Tags joined by runs of spaces: at least this many joints (see ``spaced_tags``).
SPACED_TAGS_MIN_JOINTS = 3
SPACED_PART_MAX_WORDS = 12  # (some of the tags keep a single space between them)
SPACED_PART_MEAN_WORDS = 2
_SPACED_SEP_RE = re.compile(r"\s{2,}")
# A menu in one line that opens with the home page's label (match keys: hamza folded).
_HOME_RE = re.compile(r"(?:الصفحه )?الرييسيه |home ")
HOME_MENU_MIN_WORDS = 3
HOME_MENU_MAX_WORDS = 20
# Bulleted links above the title: at least this many, each of at most this many words.
BULLET_COLUMN_MIN = 3
BULLET_LINK_MAX_WORDS = 10
# Other articles' headlines in a row between two paragraphs of the text.
MID_TEASERS_MIN = 3
# Headlines of other articles below the body, and the short lines (sections, comments).
TAIL_HEADLINES_MIN = 3
TAIL_SHORT_MIN = 2
# Cut leads of other articles after the closing widget: at least this many, under at least
# this many paragraphs of the article (see ``cut_leads``).
CUT_LEADS_MIN = 2
_LETTERS_RE = re.compile(r"[\u0621-\u064a]{1,2}")  # one or two Arabic letters (folded)
# Cards at the page's end whose leads the site cut with an ellipsis ("… في…"): at least this
# many, under at least this many paragraphs of the article that end otherwise.
ELLIPSIS_CARDS_MIN = 3
ELLIPSIS_CARDS_MIN_PARAS = 2
_ELLIPSIS_ENDS = ("…", "...")
CUT_LEAD_MIN_WORDS = 10  # a lead, not a headline: headlines at the tail are tail_lines' job
# A paragraph ending in one of these is whole; without one (or with "…"), a cut lead
SENTENCE_ENDS = (".", "!", "?", "؟", "\"", "»", "”", ")", ":", "؛")
# Widgets that close an article: what follows them to the page's end is other articles
_CLOSING_RULES = frozenset({"follow_prompt", "share_bar", "related_block"})
SHORT_MAX_WORDS = 3
# How many lines after a short line are looked at for the comma that shows a wrapped paragraph.
WRAP_LOOKAHEAD = 2
# The line under a short one that shows a paragraph broken at a fixed width has this many words.
WRAP_NEXT_MIN_WORDS = 8
TEASER_MIN_WORDS = 4
# a kicker, section label or site name over the title; a longer line is another headline
LABEL_OVER_TITLE_MAX_WORDS = 6
TITLE_TO_BODY_LINES = 3
# A repeated line: the title (three words and more) within three lines of its first print;
# a cut copy of the lead is a page description, eight words and more.
REPEAT_MIN_WORDS = 3
REPEAT_WINDOW = 3
CUT_COPY_MIN_WORDS = 8
_NUMBER_RE = re.compile(r"[\d\s.,٬٫+()%-]*\d[\d\s.,٬٫+()%-]*")
# A short Latin line with a date ("By Omar Haddad | Sep 17, 2025") is a byline, read for the
# publication date; a caption is longer.
BYLINE_MAX_WORDS = 12
# An embedded post's text, and a reader's comment, are short next to an article's paragraphs.
POST_MAX_WORDS = 60
COMMENT_MAX_WORDS = 60
# A run of section names is short; its names have letters only.
SECTION_RUN_MAX_WORDS = 12
_SECTION_SEP_RE = re.compile(r"\s*[،,]\s*|\s+[-–—]\s+")
_SECTION_NAME_RE = re.compile(r"[^\W\d_]+(?:\s[^\W\d_]+)?")
# A site menu in one line: four names and more of up to four words, the line up to forty words.
MENU_LINE_MIN_PARTS = 4
MENU_LINE_MAX_WORDS = 40
# (a long menu is joined by spaced dashes; a long line with commas is prose, not split)
_MENU_SEPS = (" - ", " – ", " — ")
_MENU_NAME_RE = re.compile(r"[^\W\d_]+(?:\s[^\W\d_]+){0,3}")
# Each of two section names glued into one word has this many letters at least ("فن" alone
# would split too many words).
GLUED_NAME_MIN = 3
# The browser's title bar: "<headline> - <site>" or "<headline> | <site>", the site's name
# of up to four words after the last separator.
_BAR_SEP_RE = re.compile(r"\s[-–—|]\s(?!.*\s[-–—|]\s)")
# "<site> - <headline>": the site's name before the first separator.
_PREFIX_SEP_RE = re.compile(r"\s[-–—|]\s")
TITLE_BAR_SITE_WORDS = 4
# A title and its lead share a content word (four letters and more, clitics and article off).
CONTENT_WORD_MIN = 4
_CLITIC_RE = re.compile(r"^(?:[وفبلك]?ال|[وف])(?=\S{3})")
# A menu above the article: three short lines or more, two of them known menu entries.
MENU_MIN_LINES = 3
MENU_MIN_KNOWN = 2
MENU_ENTRY_MAX_WORDS = 3
# A run of this many short lines that opens the page is a menu without a known entry: no
# article begins with six lines of one to three words.
MENU_TOP_MIN_LINES = 6
# A sub-menu's link under bullet entries ("• الصفحات الكاملة للعدد PDF") is a little longer.
MENU_SUBENTRY_MAX_WORDS = 7
# A bar of sister sites names the site (two words) this many times at least.
NETWORK_NAME_MIN = 3
_MENU_RULES = frozenset({"nav_run", "account_links", "section_label", "header_label",
                         "breadcrumb", "pipe_menu", "prayer_times", "lone_time", "weather_widget",
                         "clock_widget", "today_widget", "widget_date", "currency_widget",
                         "related_block", "share_bar", "follow_prompt"})
# Tags joined by bare commas: "سياسة,الانتخابات,البرلمان,الحكومة" (three joints and more),
# each tag a name of at most five words, the row at most forty words.
TAG_ROW_MIN_JOINTS = 3
TAG_MAX_WORDS = 5
TAG_ROW_MAX_WORDS = 40
# A tag row without a label: three names' words at least (see ``tag_echo``).
TAG_ECHO_MIN_WORDS = 3
# A follow prompt's lead-in line ("لمتابعة كل المستجدات …") has at most this many words.
FOLLOW_LEAD_MAX_WORDS = 12
_WORD_RE = re.compile(r"[^\W_]+")
_TAG_JOINT_RE = re.compile(r"(?<=[^\W_])[,،](?=[^\W_])")
_TAG_SEP_RE = re.compile(r"\s*[,،]\s*")
_TAG_NAME_RE = re.compile(r"[^\W\d_][^\W_]*(?:\s+[^\W_]+)*")
_COMMENT_HEADERS = frozenset({"comment_counter", "comments_closed"})
_READ_ALSO_RULES = frozenset({"read_also_block", "related_block"})

_LETTER_RE = re.compile(r"[^\W\d_]")
_LETTERS_WORD_RE = re.compile(r"[^\W\d_]+")  # one word of letters only
_CLAUSE_MARK_RE = re.compile(r"[،,؛;]|(?<![.\d])\.(?![.\d!])")
# ".." and ":" join a headline's parts, "|" separates items, "؟" ends a question headline.
# An exclamation run inside the line ("… المحلية .!! الحوثيون …") ends a headline like a question
# mark; "!!" counts once.
_HEADLINE_MARK_RE = re.compile(r"\.\.|:|\||[؟?](?!\s*$)|!+(?!\s*$)")
# Two wrapped lines make a page whose lines may be pieces of paragraphs.
WRAPPED_LINES_MAX = 2
_STOPS = (".", "!", "?", "؟", "\"", "»", "”", ")", "…")
_SENTENCE_PUNCT_RE = re.compile(r"[،,.:;؛!?؟]")


def _kept(cl: _Cleaner) -> list[_Line]:
    # (_Line.kept spelled out: every structure rule lists the page's lines again, and the
    # property's call per line was most of that listing's cost)
    return [ln for ln in cl.lines if ln.rule is None and not ln.blank]


def _head(cl: _Cleaner) -> Iterator[_Line]:
    """The kept lines above the first paragraph of prose, without listing the whole page."""
    for ln in cl.lines:
        if ln.kept:
            if cl.body_like(ln):
                return
            yield ln


def _first_body(cl: _Cleaner, kept: Sequence[_Line]) -> int:
    """Index in ``kept`` of the first paragraph of prose (len(kept) when there is none)."""
    return next((i for i, ln in enumerate(kept) if cl.body_like(ln)), len(kept))


def _headline(cl: _Cleaner, ln: _Line) -> bool:
    """A headline of at least four words, not a date, place or byline line."""
    return (TEASER_MIN_WORDS <= ln.words and cl.headline_like(ln)
            and not cl.place_or_date(ln))


def _teaser(cl: _Cleaner, ln: _Line) -> bool:
    """A headline without a comma or a full stop: sites that end paragraphs without a stop
    still write commas in them, and a list of other articles' headlines hardly ever does."""
    return _headline(cl, ln) and _CLAUSE_MARK_RE.search(ln.kept_text) is None


def _stops_paragraphs(cl: _Cleaner) -> bool:
    """Most paragraphs end with a stop. On a page that ends them without one, or wraps them
    into lines of fixed width, a line without a stop may be the rest of a paragraph."""
    kept = _kept(cl)
    wrapped = sum(_wrapped(cl, ln) for ln in kept)
    paras = [ln for ln in kept if ln.words > cl.s["headline_max_words"]]
    ends = sum(ln.kept_text.rstrip().endswith(_STOPS) for ln in paras)
    return bool(paras) and ends * 2 >= len(paras) and wrapped < WRAPPED_LINES_MAX


def _wrapped(cl: _Cleaner, ln: _Line) -> bool:
    """"… وفجر السبت،" or "… الجاموس في": a line ending on a comma or on a word no sentence
    ends on was cut by the page's line width."""
    text = ln.kept_text.rstrip()
    if text.endswith(("،", ",")):
        return True
    last = ln.key.rsplit(" ", 1)[-1] if ln.key else ""
    return last in cl.rs.wrap_words


def _short(cl: _Cleaner, ln: _Line) -> bool:
    """A line of one to three words with no sentence punctuation and no date."""
    return (ln.words <= SHORT_MAX_WORDS and _SENTENCE_PUNCT_RE.search(ln.kept_text) is None
            and cl.date_kind(ln) is None)


def flattened_ticker(cl: _Cleaner) -> None:
    """"في إنجاز جديد.. الفريق يفوز باللقب الوزير يصل إلى الرياض.. ويلتقي نظيره …" (25 words
    and more, no comma, no stop) above the article's first paragraph: headlines run together
    into one line. A question mark ends a headline there ("هل تعود الأمطار؟ الوزير يصل …"),
    and forty words without one punctuation mark are no prose either, when the article
    follows: on a page that writes no commas or stops at all, such a line is its text. A line
    that trails off in an ellipsis ("المواجهة.. حكاية أخرى.. وأحيانا بلا جمهور..") is a
    lead that writes ".." for its pauses, and stays."""
    kept = _kept(cl)
    start = next((i for i, ln in enumerate(kept)
                  if _CLAUSE_MARK_RE.search(ln.kept_text) and cl.body_like(ln)), None)
    for ln in kept[:start]:
        # A line trailing off in an ellipsis ("… بدون جماهير في المدرجات..") is prose that
        # writes ".." for its pauses; a ticker's last item is a whole headline.
        if ln.words < TICKER_MIN_WORDS or ln.kept_text.rstrip().endswith(("..", "…")):
            continue
        marked = len(_HEADLINE_MARK_RE.findall(ln.kept_text)) >= 2
        bare = start is not None and ln.words >= TICKER_BARE_MIN_WORDS and \
            _SENTENCE_PUNCT_RE.search(ln.kept_text) is None
        if marked or bare:
            ln.rule = "flattened_ticker"


def _has_day(text: str) -> bool:
    from marsad.text.dates import find_dates

    return any(m.precision == "day" and not m.relative for m in find_dates(text))


def foreign_line(cl: _Cleaner) -> None:
    """"Protesters gather in the square (AFP)", "Alsumaria TV", "Quitter la version mobile":
    on an Arabic page a line with letters but no Arabic one is not the article's text."""
    if not cl.arabic:
        return
    for ln in _kept(cl):
        text = ln.kept_text
        if ARABIC_LETTER_RE.search(text) or not _LETTER_RE.search(text):
            continue
        if cl.date_kind(ln) is None and not (ln.words <= BYLINE_MAX_WORDS
                                              and _has_day(ln.kept_text)):
            ln.rule = "foreign_line"


def teaser_column(cl: _Cleaner) -> None:
    """"الوزير يستقبل وفداً برلمانياً" / "ارتفاع أسعار الذهب في الأسواق المحلية" / … then the
    title: a page that opens with four or more headlines opens with other articles' headlines;
    the last one, over the byline, dateline or first paragraph, is the article's title."""
    kept = _kept(cl)
    end = _first_body(cl, kept)
    run = 0
    while run < end and _teaser(cl, kept[run]):
        run += 1
    # The article must follow the title closely: its byline or dateline, then prose.
    if run >= TEASER_RUN_MIN and end - run <= TITLE_TO_BODY_LINES and _stops_paragraphs(cl):
        # A title shares a word with its lead; a last teaser over an untitled lead does not.
        last = run if end < len(kept) and not _shares_word(kept[run - 1], kept[end]) \
            and end == run else run - 1
        for ln in kept[:last]:
            ln.rule = "teaser_list"


def spaced_tags(cl: _Cleaner) -> None:
    """"انتخابات البرلمان  اللجنة العليا  مجلس النواب  الهيئة الوطنية" above the first paragraph:
    names joined by runs of two spaces or more (three joints and more, no sentence
    punctuation) are a row of tags whose separators the capture lost; the same names printed
    one per line under it (each a run of the row's words) are its links, and go with it."""
    row = ""
    for ln in cl.lines:
        if not ln.kept:
            continue
        if cl.body_like(ln) and _SENTENCE_PUNCT_RE.search(ln.kept_text):
            return  # the first paragraph of prose (the tag row itself is long, but bare)
        parts = [p for p in _SPACED_SEP_RE.split(ln.kept_text.strip()) if p]
        sizes = [len(p.split()) for p in parts]
        # (tags are names of a few words; a title typed with loose spaces splits into words)
        if len(parts) > SPACED_TAGS_MIN_JOINTS and max(sizes) <= SPACED_PART_MAX_WORDS and \
                sum(sizes) >= SPACED_PART_MEAN_WORDS * len(sizes) and \
                _SENTENCE_PUNCT_RE.search(ln.kept_text) is None:
            ln.rule = "tag_row"
            row += " " + " ".join(ln.key.split()) + " "
        elif row and ln.words <= TAG_MAX_WORDS + 1 and f" {' '.join(ln.key.split())} " in row:
            ln.rule = "tag_row"


def home_menu(cl: _Cleaner) -> None:
    """"الصفحة الرئيسية باحث الأخبار باحث الصور أرشيف" above the first paragraph: a line that
    opens with the home page's label and has no sentence punctuation is the site's menu run
    into one line (without the separators that breadcrumb wants)."""
    for ln in _head(cl):
        if _HOME_RE.match(ln.key) and HOME_MENU_MIN_WORDS <= ln.words <= HOME_MENU_MAX_WORDS \
                and _SENTENCE_PUNCT_RE.search(ln.kept_text) is None and cl.date_kind(ln) is None:
            ln.rule = "home_menu"


def bullet_column(cl: _Cleaner) -> None:
    """"• خطة السلام في البلقان" / "• انتخابات الرئاسة" / "• كأس القارات" then the title and
    the lead: above the title, three bulleted lines or more are the site's lists of stories
    or sections (three of them of four words and more: headlines; a run of one-to-three word
    entries is a menu, menu_run's). A summary's bullets stand under the title, and stay."""
    kept = _kept(cl)
    end = _first_body(cl, kept)
    i = 0
    while i < end:
        j = i
        while j < end and _bullet_link(kept[j]):
            j += 1
        long = sum(len(x.core.split()) >= TEASER_MIN_WORDS for x in kept[i:j])
        if long >= BULLET_COLUMN_MIN and j < end and not kept[j].bullet and \
                _headline(cl, kept[j]):
            for ln in kept[i:j]:
                ln.rule = "bullet_column"
        i = j + 1


def _bullet_link(ln: _Line) -> bool:
    """A bulleted line of up to ten words that ends on no stop: a link's text."""
    return ln.bullet and ln.words <= BULLET_LINK_MAX_WORDS and \
        not ln.kept_text.rstrip().endswith(_STOPS)


def mid_teasers(cl: _Cleaner) -> None:
    """"عاجل: الوزارة تعلن مواعيد الامتحانات" / "رسمياً: رسوم جديدة على المواقف" / "فيديو..
    المنتخب يصل إلى الدوحة" between two paragraphs: three or more headlines in a row inside
    the text, each with a headline's mark (a kicker's colon, "..", "|", a question mark), are
    other articles' headlines. A subheading stands alone over its paragraph; plain headline
    lines in a row may be the article's own subheadings, and a list that the text announces
    ("… ما يلي:") or bullets is the article's own: those stay."""
    kept = _kept(cl)
    body = [i for i, ln in enumerate(kept) if cl.body_like(ln)]
    runs = [kept[a + 1 : b] for a, b in zip(body, body[1:], strict=False)
            if b - a > MID_TEASERS_MIN and not kept[a].stripped.endswith(":")]
    runs = [run for run in runs if all(
        not ln.bullet and _HEADLINE_MARK_RE.search(ln.kept_text) and _teaser(cl, ln)
        for ln in run)]
    if runs and _stops_paragraphs(cl):  # (the page-wide check only when a run is there)
        for run in runs:
            for ln in run:
                ln.rule = "teaser_list"


def _content_words(ln: _Line) -> set[str]:
    """Words of four letters and more, without the article or a clitic before it."""
    # (words without the marks glued to them: "النيجر،" is "النيجر")
    return {_CLITIC_RE.sub("", w) for w in _WORD_RE.findall(ln.key) if len(w) >= CONTENT_WORD_MIN}


def _shares_word(title: _Line, lead: _Line) -> bool:
    """"ارتفاع أسعار الذهب …" over "ارتفعت أسعار الذهب …": a title and its lead share a word."""
    return bool(_content_words(title) & _content_words(lead))


def tail_lines(cl: _Cleaner) -> None:
    """After the last paragraph: "الحكومة تقر موازنة العام المقبل" ×3 (other articles'
    headlines) or a section label over a headline (a card of another article), or "من نحن"
    / "اتصل بنا" (links, sections, readers' one-word comments)."""
    kept = _kept(cl)
    body = [i for i, ln in enumerate(kept) if cl.body_like(ln)]
    if not body:
        return
    tail = kept[body[-1] + 1 :]
    if not tail:
        return
    if all(_short(cl, ln) for ln in tail) and (
            len(tail) >= TAIL_SHORT_MIN or _label_over_footer(cl, tail[0])):
        rule = "tail_links"
    elif (len(tail) >= TAIL_HEADLINES_MIN or _teaser_cards(cl, tail)
          or _after_read_also(cl, tail[0])) and \
            _stops_paragraphs(cl) and all(_teaser(cl, ln) or _short(cl, ln) for ln in tail):
        rule = "teaser_list"
    else:
        return
    for ln in tail:
        ln.rule = rule


def _after_read_also(cl: _Cleaner, first: _Line) -> bool:
    """"اقرأ أيضاً: عنوان" / "عنوان آخر" to the page's end: headlines under a "read also"
    line that carried its first item are its further items."""
    n = next(i for i, ln in enumerate(cl.lines) if ln is first)
    before = next((ln for ln in reversed(cl.lines[:n]) if not ln.blank), None)
    return before is not None and before.rule in _READ_ALSO_RULES


def follow_lead_in(cl: _Cleaner) -> None:
    """"لمتابعة كل المستجدات في المدينة" / "تابعوا قناتنا على تيليجرام": the first half of a
    follow prompt that the page broke over two lines. A line opening on "لمتابعة" (or "للاطلاع
    على"), short and without a closing stop, right over a follow prompt is the prompt's lead-in.
    The same words opening a sentence of the text ("لمتابعة المشروع، زار الوزير …") have no
    prompt under them, or a comma or a stop of their own."""
    lines = [ln for ln in cl.lines if not ln.blank]
    for ln, nxt in zip(lines, lines[1:], strict=False):
        if ln.rule is None and nxt.rule == "follow_prompt" and \
                ln.words <= FOLLOW_LEAD_MAX_WORDS and ln.key.startswith(_follow_leads()) and \
                _SENTENCE_PUNCT_RE.search(ln.kept_text) is None:
            ln.rule = "follow_lead_in"


def tag_echo(cl: _Cleaner) -> None:
    """"المنتخب الوطني الاتحاد الآسيوي كأس العالم" as the page's last line, under the last
    paragraph: a line without one punctuation mark whose every word is a word of the title
    or the text above is the row of names the site tags the article with, printed without
    its label. A closing sentence has punctuation or words of its own."""
    ln = next((x for x in reversed(cl.lines) if x.kept), None)
    if ln is None or not TAG_ECHO_MIN_WORDS <= ln.words <= TAG_ROW_MAX_WORDS or ln.bullet or \
            _SENTENCE_PUNCT_RE.search(ln.kept_text) or cl.body_like(ln) or \
            cl.date_kind(ln) is not None:
        return
    kept = _kept(cl)
    if len(kept) < 2 or not cl.body_like(kept[-2]):
        return  # the tag row is the one kept line under the last paragraph
    # words compared without the article or a clitic: the tag "المستشفى الجديد" echoes "مستشفى
    # جديد" of the title
    above = {_CLITIC_RE.sub("", w) for x in kept[:-1] for w in _WORD_RE.findall(x.key)}
    if all(_CLITIC_RE.sub("", w) in above for w in _WORD_RE.findall(ln.key)):
        ln.rule = "tag_row"


def _label_over_footer(cl: _Cleaner, ln: _Line) -> bool:
    """"السودان الجديد" between the last paragraph and the page's footer (a share bar, a
    "back to top" button): one short line with furniture under it is a section or site link.
    A closing formula of the text opens on "و" ("والله الموفق") and stays, as does a short
    last line with nothing under it."""
    if ln.key.startswith("و"):
        return False
    below = cl.lines[cl.lines.index(ln) + 1 :]
    return any(not x.blank and x.rule is not None for x in below)


def cut_leads(cl: _Cleaner) -> None:
    """After the article's closing widget (a follow prompt, a share bar): two or more long
    lines to the end of the page, each cut off without a closing stop ("… وجّه ضربة سياسية
    مزدوجة للشرعية و"), are the cut leads of other articles' cards. One cut line alone, or
    with no widget above it, is the article's own last paragraph cut by the capture: it
    stays."""
    lines = [ln for ln in cl.lines if not ln.blank]
    run: list[_Line] = []
    for ln in reversed(lines):
        if ln.rule is not None:
            if ln.rule not in _CLOSING_RULES:
                return  # an ad label or a photo credit inside the article closes nothing
            break
        if ln.words < CUT_LEAD_MIN_WORDS or ln.kept_text.endswith(SENTENCE_ENDS):
            return
        run.append(ln)
    cut = len(lines) - len(run)
    if len(run) < CUT_LEADS_MIN or cut == 0:
        return
    body_before = sum(ln.kept and cl.body_like(ln) for ln in lines[: cut - 1])
    if body_before >= CUT_LEADS_MIN:
        for ln in run:
            ln.rule = "teaser_list"


def ellipsis_cards(cl: _Cleaner) -> None:
    """"أعلن النادي عن صفقة جديدة في…" / "كشفت الوزارة عن خطة لتطوير الطرق…" / "دافع المدرب
    عن قراره في…": three or more lines ending the page, each cut off with an ellipsis, under
    an article whose own paragraphs end otherwise, are the cut leads of other articles'
    cards, with a label over them or none. An article that ends its own paragraphs with an
    ellipsis keeps them: its paragraphs above end the same way."""
    run: list[_Line] = []
    end = len(cl.lines)
    for end in range(len(cl.lines) - 1, -1, -1):
        ln = cl.lines[end]
        if ln.blank or not ln.kept:
            continue  # a card's dropped stamp or label does not break the run
        if not ln.kept_text.rstrip().endswith(_ELLIPSIS_ENDS):
            break
        run.append(ln)
    if len(run) < ELLIPSIS_CARDS_MIN:
        return
    paras = [ln for ln in cl.lines[: end + 1] if ln.kept and cl.body_like(ln)]
    cut = sum(ln.kept_text.rstrip().endswith(_ELLIPSIS_ENDS) for ln in paras)
    if len(paras) - cut >= ELLIPSIS_CARDS_MIN_PARAS and cut * 2 < len(paras):
        for ln in run:
            ln.rule = "ellipsis_cards"


def _teaser_cards(cl: _Cleaner, tail: Sequence[_Line]) -> bool:
    """"الجزائر" / "أزمة جديدة في قطاع النقل البحري": a section label over a headline, once or
    more, is a card of another article, whatever the number of cards."""
    return len(tail) % 2 == 0 and all(
        _short(cl, tail[k]) and _teaser(cl, tail[k + 1]) for k in range(0, len(tail), 2))


def menu_run(cl: _Cleaner) -> None:
    """"• الرئيسية" / "• محليات" / "• جامعات" / "• وظائف": above the article, a run of short
    lines among which two or more are known menu entries is a menu, its unknown entries
    (a site's own section names) included. The line right over the first paragraph may be
    a short title and stays."""
    first = next((n for n, ln in enumerate(cl.lines) if ln.kept and cl.body_like(ln)), None)
    if first is None:
        return
    run: list[_Line] = []
    top = True  # no kept line above the run: it opens the page
    for ln in cl.lines[: first]:
        if ln.blank:
            continue
        if _menu_entry(cl, ln) or _menu_subentry(cl, ln, run):
            run.append(ln)
            continue
        _close_menu(run, top)
        top = top and not any(x.kept for x in (*run, ln))
        run = []
    # (the run's last line may be the title over the first paragraph: it stays, but counts)
    _close_menu(run[:-1] if run and run[-1].kept else run, top, len(run))


def network_bar(cl: _Cleaner) -> None:
    """"قناة نجم المدينة نجم المدينة سبورت نجم المدينة عقارات": above the first paragraph, a
    line without punctuation in which one name of two words comes back three times or more
    is the bar of a site's sister sites. A headline or a sentence does not name one thing
    three times in a row."""
    for ln in _head(cl):
        if ln.words > MENU_LINE_MAX_WORDS or _SENTENCE_PUNCT_RE.search(ln.kept_text):
            continue
        words = ln.key.split()
        # a name said three times repeats both its words twice: most lines repeat none
        if len(words) - len(set(words)) < 2 * (NETWORK_NAME_MIN - 1):
            continue
        pairs = Counter(zip(words, words[1:], strict=False))
        if max(pairs.values()) >= NETWORK_NAME_MIN:
            ln.rule = "menu_run"


def _menu_subentry(cl: _Cleaner, ln: _Line, run: Sequence[_Line]) -> bool:
    """"• الصفحات الكاملة للعدد PDF" under "• محليات" / "• جامعات" / "• عدد اليوم": a bullet
    item of a few more words, without punctuation or a date, in a run of bullet entries, is
    one of the menu's entries (a sub-menu's link). Prose and a headline carry no bullet."""
    return ln.bullet and ln.rule is None and len(run) >= MENU_MIN_LINES and \
        all(x.bullet for x in run[-MENU_MIN_LINES:]) and \
        len(ln.core.split()) <= MENU_SUBENTRY_MAX_WORDS and cl.date_kind(ln) is None and \
        _SENTENCE_PUNCT_RE.search(ln.kept_text) is None


def _menu_entry(cl: _Cleaner, ln: _Line) -> bool:
    """A short line without sentence punctuation or a date, kept or dropped as a menu's."""
    if ln.rule is not None:
        return ln.rule in _MENU_RULES
    # words of the entry itself: a bullet in front is no word
    return len(ln.core.split()) <= MENU_ENTRY_MAX_WORDS and cl.date_kind(ln) is None and \
        _SENTENCE_PUNCT_RE.search(ln.kept_text) is None


def _close_menu(run: Sequence[_Line], top: bool = False, size: int = 0) -> None:
    """Two known entries make a run of short lines a menu; so does its length alone when the
    run opens the page ("الصفحات" / "الكاملة" / "تيوب" / … : a menu the capture broke into
    its words, no entry of which any list knows)."""
    known = sum(ln.rule is not None for ln in run)
    if len(run) >= MENU_MIN_LINES and known >= MENU_MIN_KNOWN or \
            top and max(size, len(run)) >= MENU_TOP_MIN_LINES:
        for ln in run:
            if ln.rule is None:
                ln.rule = "menu_run"


def header_labels(cl: _Cleaner) -> None:
    """"أخبار العالم" / "مصر" / the site's name above the title, "تقارير وحوارات" under it:
    before the first paragraph, one to three words without punctuation are labels once the
    page has a headline of its own. Under the title a single word may be the filing city or
    the author, and a "بغداد - الموقع" line is a dateline: those stay."""
    kept = _kept(cl)
    head = kept[: _first_body(cl, kept)]
    title = next((i for i, ln in enumerate(head) if _headline(cl, ln)), None)
    if title is None:
        return
    for i, ln in enumerate(head):
        if not _short(cl, ln) or ln.bullet or ends_open(ln.key) or _wraps_on(kept, i):
            continue  # ("قال الناطق باسم" ends open: a sentence wrapped, no label)
        if i < title or (ln.words >= 2 and not cl.place_or_date(ln)) or \
                (ln.words == 1 and _beside_date(cl, ln)):
            ln.rule = "header_label"


def label_over_title(cl: _Cleaner) -> None:
    """"في الأكشاك هذا الأسبوع" / "افتتاح مستشفى جديد في المدينة" / "أعلنت وزارة الصحة عن
    افتتاح مستشفى جديد …": of two headline-shaped lines over the lead, the first is the
    article's title only if it speaks of the article. A kicker, a section label, a site name
    or motto printed over the title shares no content word with the lead nor with the
    headline under it, while that headline shares one with the lead: the first line is the
    page's label and the second the title. A longer first line ("المنتخب يستعد لمواجهة
    حاسمة في التصفيات" over "ارتفاع أسعار الذهب …" and a lead on gold) is another article's
    headline over this one's. A title whose standfirst alone echoes the lead shares a word
    with that standfirst: it stays."""
    kept = _kept(cl)
    first_body = _first_body(cl, kept)
    head = [ln for ln in kept[:first_body] if cl.date_kind(ln) is None]
    if first_body == len(kept) or len(head) < 2:
        return
    label, title, lead = head[0], head[1], kept[first_body]
    if label.words < 2 or label.bullet or ends_open(label.key) or not cl.headline_like(label) or \
            cl.place_or_date(label) or not _headline(cl, title):
        return
    if _shares_word(title, lead) and not _shares_word(label, lead) and \
            not _shares_word(label, title):
        label.rule = "header_label" if label.words <= LABEL_OVER_TITLE_MAX_WORDS else "teaser_list"


def _beside_date(cl: _Cleaner, ln: _Line) -> bool:
    """"الخبر" / "لبنان" / "7 كانون الثاني, 2025": a single word printed next to the date line
    is the article's section in its meta row (section, date), as sites print them side by
    side. A filing city stands over the lead ("7 كانون الثاني" / "بيروت" / the lead), and
    "طهران-سانا" is a dateline: those stay."""
    if _LETTERS_WORD_RE.fullmatch(ln.kept_text) is None:
        return False
    lines = cl.lines
    i = lines.index(ln)
    before = next((x for x in reversed(lines[max(0, i - 3) : i]) if not x.blank), None)
    after = next((x for x in lines[i + 1 : i + 4] if not x.blank), None)
    if after is not None and after.kept and cl.body_like(after):
        return False
    return any(x is not None and cl.date_kind(x) is not None for x in (before, after))


def _wraps_on(kept: Sequence[_Line], i: int) -> bool:
    """"أعلن رئيس" / "الوزراء ، خلال زيارته للمدينة ، أن العمل" / "، سيبدأ الشهر المقبل": a
    paragraph that the page wrapped at a fixed width. No line opens with a comma unless the
    sentence before it was cut; so when one of the next two lines does, the short line that
    runs into them (no blank line between) is the paragraph's first words, not a label."""
    prev = kept[i]
    for x in kept[i + 1 : i + 1 + WRAP_LOOKAHEAD]:
        if x.start - prev.end > 1:
            return False  # a blank line (or a dropped one) between: another block
        if x.kept_text.lstrip().startswith(("،", ",")):
            return True
        if x is kept[i + 1] and _cut_at_width(x):
            return True
        prev = x
    return False


def _cut_at_width(ln: _Line) -> bool:
    """"كشف معالي الدكتور" / "فلان الفلاني وزير الصحة عن قيام الوزارة بوضع خطة في" / …: the
    line under the short one runs on ("في" ends no sentence) and is long: the page broke its
    paragraphs at a fixed width, and the short line is the paragraph's first words."""
    text = ln.kept_text.rstrip()
    if ln.words < WRAP_NEXT_MIN_WORDS or text.endswith(_STOPS):
        return False
    return ends_open(ln.key)


def repeated_lines(cl: _Cleaner) -> None:
    """The title printed again two lines below itself (a date or a label between), and a cut
    copy of the lead over the lead (the page's description): the copy goes, the line stays."""
    kept = _kept(cl)
    for i, ln in enumerate(kept):
        if ln.words < REPEAT_MIN_WORDS:
            continue
        # Only a headline is printed twice by the layout; a paragraph told twice is the text's.
        window = kept[max(0, i - REPEAT_WINDOW) : i]
        if cl.headline_like(ln) and any(p.key == ln.key for p in window if p.kept):
            ln.rule = "duplicate_line"
            continue
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        cut = ln.key.rstrip(" .…")
        if nxt is not None and ln.words >= CUT_COPY_MIN_WORDS and len(nxt.key) > len(cut) \
                and nxt.key.startswith(cut):
            ln.rule = "duplicate_line"


def bare_number(cl: _Cleaner) -> None:
    """"22" alone between the title and the lead: a counter whose label was an icon. (Among
    the paragraphs a lone number may number them; at the end trailing_counter takes it.)"""
    kept = _kept(cl)
    for ln in kept[: _first_body(cl, kept)]:
        if ln.words <= 2 and _NUMBER_RE.fullmatch(ln.key) and cl.date_kind(ln) is None:
            ln.rule = "bare_number"


def letter_fragment(cl: _Cleaner) -> None:
    """"إق" alone after a tag line: the stub of cut furniture. After a kept line that runs on
    without a stop ("… على خلفية" / "ار") it ends that paragraph's cut word, and stays."""
    prev: _Line | None = None
    for ln in cl.lines:
        if ln.blank:
            continue
        if ln.kept and _LETTERS_RE.fullmatch(ln.core) and not (
                prev is not None and prev.kept and not prev.kept_text.endswith(SENTENCE_ENDS)):
            ln.rule = "letter_fragment"
        prev = ln


def section_run(cl: _Cleaner) -> None:
    """"اقتصاد، أسواق، طاقة" or "محليات - الاقتصاد - الأسواق": three or more names of one or
    two words joined by commas or dashes, and nothing else, are sections or tags. A longer
    menu ("أخبار المدن - شبكة أخبار الشباب - أخبار الثقافة والمسرح - أخبار الملاعب") has names
    of up to four words, two or more of them opening on a section word."""
    nav = _nav_vocab(cl)
    for ln in _kept(cl):
        if ln.words > MENU_LINE_MAX_WORDS or ln.words > SECTION_RUN_MAX_WORDS and \
                sum(map(ln.kept_text.count, _MENU_SEPS)) < MENU_LINE_MIN_PARTS - 1:
            continue  # (a long line without the joints of a menu is prose: no split)
        parts = [p.strip() for p in _SECTION_SEP_RE.split(ln.kept_text.strip(" .…"))]
        if len(parts) < 3 or not all(_SECTION_NAME_RE.fullmatch(p) or
                                     _MENU_NAME_RE.fullmatch(p) for p in parts):
            continue
        short = all(_SECTION_NAME_RE.fullmatch(p) for p in parts)
        if (short and ln.words <= SECTION_RUN_MAX_WORDS or nav is not None and
                len(parts) >= MENU_LINE_MIN_PARTS and
                sum(nav.match(match_key(p)) is not None for p in parts) >= MENU_MIN_KNOWN) \
                and cl.date_kind(ln) is None:
            ln.rule = "section_run"


def glued_crumbs(cl: _Cleaner) -> None:
    """"آخر الأخباراخبار عالميةتصفيات كأس العالم": above the first paragraph, a line whose
    words include two section names written together without a space ("الأخباراخبار") is a
    breadcrumb whose links the capture glued. Prose never joins two section words; a word
    that merely begins with one ("الأخبارية") has no second section word after it."""
    names = _nav_names()
    for ln in _head(cl):
        if ln.words > MENU_LINE_MAX_WORDS or _SENTENCE_PUNCT_RE.search(ln.kept_text):
            continue
        if any(_two_names(names, word) for word in ln.key.split() if word not in names):
            ln.rule = "glued_crumbs"


def _two_names(names: frozenset[str], word: str) -> bool:
    """"الاخباراخبار" → "الاخبار" + "اخبار": the word is two section names glued."""
    return len(word) >= 2 * GLUED_NAME_MIN and any(
        word[:i] in names and word[i:] in names
        for i in range(GLUED_NAME_MIN, len(word) - GLUED_NAME_MIN + 1))


@lru_cache(maxsize=1)
def _follow_leads() -> tuple[str, ...]:
    """The opening words of a follow prompt's lead-in (furniture.yaml follow_leads), folded
    like line keys."""
    vocab = load_yaml("ar/furniture.yaml").get("vocab") or {}
    return tuple(match_key(w) for w in vocab.get("follow_leads") or ())


@lru_cache(maxsize=1)
def _nav_names() -> frozenset[str]:
    """The one-word section names of furniture.yaml's nav_words, folded like line keys."""
    vocab = load_yaml("ar/furniture.yaml").get("vocab") or {}
    return frozenset(k for k in (match_key(w) for w in vocab.get("nav_words") or ())
                     if k and " " not in k)


def _nav_vocab(cl: _Cleaner) -> re.Pattern[str] | None:
    """The section words of the navigation rule (furniture.yaml nav_run's vocabulary)."""
    try:
        return cl.rs.get("nav_run").vocab_re
    except KeyError:
        return None


def title_bar(cl: _Cleaner) -> None:
    """"افتتاح مستشفى جديد في المدينة - صحيفة الأفق" over the page, and the same title alone
    further down: the browser's title bar (the headline and the site's name) printed by the
    capture. Only a line whose part before its last separator is another line of the page's
    head goes; the headline itself stays."""
    _site_echo(cl, _BAR_SEP_RE, site_first=False, rule="title_bar")


def title_prefix(cl: _Cleaner) -> None:
    """"صحيفة الأفق - افتتاح مستشفى جديد في المدينة" over the first paragraph, when the
    headline is also a line of its own: the site's name printed before the headline (the
    mirror of :func:`title_bar`). The echo goes, the headline stays; "بغداد - الموقع" (a
    dateline) and "صحيفة الأفق – سامر الخطيب" (a byline) have no headline after the dash."""
    _site_echo(cl, _PREFIX_SEP_RE, site_first=True, rule="title_prefix")


def _site_echo(cl: _Cleaner, sep: re.Pattern[str], site_first: bool, rule: str) -> None:
    """Marks a head line that is another head line plus a short site name beside it (a
    headline of four words and more: "<site> – <author>" is a byline, not an echo)."""
    first = cl.first_body_index()
    # the headline's own line may have gone already (taken into a list over the article)
    keys = {ln.key for ln in cl.lines[:first] if not ln.blank}
    for ln in cl.lines[:first]:
        if not ln.kept:
            continue
        m = sep.search(ln.kept_text)
        if m is None or ln.words > cl.s["headline_max_words"] + TITLE_BAR_SITE_WORDS:
            continue
        left, right = ln.kept_text[: m.start()], ln.kept_text[m.end() :]
        site, title = (left, right) if site_first else (right, left)
        if 0 < len(site.split()) <= TITLE_BAR_SITE_WORDS and \
                len(title.split()) >= TEASER_MIN_WORDS and match_key(title) in keys - {ln.key}:
            ln.rule = rule


def tag_row(cl: _Cleaner) -> None:
    """"وزارة الصحة,مستشفى الجامعة الجديد,نقص الأدوية,القطاع الصحي": four or more names
    joined by commas with no space on either side, as a site prints its tags. Prose puts a
    space after its commas, and a list in a sentence joins its last item with "و" and ends
    with a stop."""
    for ln in _kept(cl):
        text = ln.kept_text.strip()
        if ln.words > TAG_ROW_MAX_WORDS or text.endswith(_STOPS) or \
                len(_TAG_JOINT_RE.findall(text)) < TAG_ROW_MIN_JOINTS:
            continue
        parts = _TAG_SEP_RE.split(text)
        if all(_TAG_NAME_RE.fullmatch(p) and len(p.split()) <= TAG_MAX_WORDS for p in parts):
            ln.rule = "tag_row"


def embedded_post(cl: _Cleaner) -> None:
    """"ما حدث اليوم يوم تاريخي للبلاد" over "— Name (@handle) 3 مارس 2024": the text of an
    embedded post stands right above its signature line."""
    prev: _Line | None = None
    for ln in cl.lines:
        if ln.blank:
            continue
        # Only a signature standing alone leaves the post's text on the line above.
        if ln.rule == "post_signature" and ln.kept_text.lstrip()[:1] in "—–-" \
                and prev is not None and prev.kept and prev.words <= POST_MAX_WORDS:
            prev.rule = "embedded_post"
        prev = ln


def comment_thread(cl: _Cleaner) -> None:
    """"التعليقات" then "رائع" / "الله يحفظ البلد": after the last paragraph, what follows a
    comment-section header is readers' comments, down to the end of the page."""
    kept_body = [n for n, ln in enumerate(cl.lines) if ln.kept and cl.body_like(ln)]
    if not kept_body:
        return
    lines = cl.lines[kept_body[-1] + 1 :]
    start = next((i for i, ln in enumerate(lines) if ln.rule in _COMMENT_HEADERS), None)
    if start is None:
        return
    rest = [ln for ln in lines[start + 1 :] if ln.kept]
    if all(ln.words <= COMMENT_MAX_WORDS for ln in rest):
        for ln in rest:
            ln.rule = "comment_thread"


def lone_time(cl: _Cleaner) -> None:
    """"10:45 بتوقيت غرينتش" alone on a line: a clock, not a date of the article."""
    for ln in _kept(cl):
        kind = cl.date_kind(ln)
        if kind is not None and kind[0] == "time":
            ln.rule = "lone_time"



# Headlines run together by a "read also" widget: a headline's last letter or its "!"/"؟"
# directly on the next headline's first letter or opening quote ("…الجمركية"تحديث …",
# "…ما؟تحذير …", "…الثمن!نجم …"). Prose puts a space there.
_GLUE_RE = re.compile(r'(?:[!?؟]|[\u0621-\u064a])(?=["“«])|[!?؟](?=[\u0621-\u064a])')
GLUED_TEASERS_MIN = 2  # glue points in the line: two joins are three headlines
GLUED_REST_MIN_WORDS = 8  # the paragraph that the last headline runs into


def glued_teasers(cl: _Cleaner) -> None:
    """"إقرأ أيضاً:" / "الوزارة تعلن موعد الامتحانات"المنتخب يفوز بالكأس"! ارتفاع الأسعار؟وقال
    الوزير، في ختام كلمته، إن …": under a "read also" label, other articles' headlines glued
    into one line, often onto the paragraph that follows them. The headlines go; the
    paragraph after the last join stays when it is prose (a clause mark, eight words)."""
    prev: _Line | None = None
    for ln in cl.lines:
        if ln.blank:
            continue
        if ln.kept and prev is not None and prev.rule in _READ_ALSO_RULES:
            _cut_glued(ln)
        prev = ln


def _cut_glued(ln: _Line) -> None:
    text = ln.kept_text
    joins = [m.end() for m in _GLUE_RE.finditer(text)]
    if len(joins) < GLUED_TEASERS_MIN:
        return
    rest = text[joins[-1] :]
    if len(rest.split()) < GLUED_REST_MIN_WORDS:
        ln.rule = "glued_teasers"  # the last headline ends the line: no paragraph in it
    elif _CLAUSE_MARK_RE.search(rest):
        ln.spans = [(ln.a, ln.a + joins[-1], "glued_teasers")]
        ln.kept_text = rest.strip()
    # (a long rest without a clause mark: no sure paragraph, no sure headline; kept whole)


StructureRule = Callable[["_Cleaner"], None]

# Order: lines that are furniture whatever surrounds them first, so that the rules reading a
# line's neighbours see the page without them.
STRUCTURE_RULES: tuple[StructureRule, ...] = (
    flattened_ticker,
    foreign_line,
    lone_time,
    bare_number,
    letter_fragment,
    follow_lead_in,
    section_run,
    glued_crumbs,
    network_bar,
    tag_row,
    repeated_lines,
    title_bar,
    title_prefix,
    embedded_post,
    comment_thread,
    teaser_column,
    spaced_tags,
    home_menu,
    bullet_column,
    mid_teasers,
    tail_lines,
    glued_teasers,
    tag_echo,
    cut_leads,
    ellipsis_cards,
    header_labels,
    label_over_title,
    menu_run,
)
STRUCTURE_RULE_IDS = frozenset({"flattened_ticker", "foreign_line", "teaser_list",
                                "tail_links", "header_label", "embedded_post",
                                "comment_thread", "lone_time", "section_run",
                                "bare_number", "duplicate_line", "tag_row", "menu_run",
                                "letter_fragment", "ellipsis_cards", "title_bar",
                                "title_prefix", "glued_crumbs", "follow_lead_in",
                                "glued_teasers", "bullet_column", "home_menu"})
