"""The date a page states as its own publication date, and where on the page it stands.

Candidates are tried by the named functions of :data:`FINDERS`, strongest first; the first
that answers wins. Each answer says where the date came from (``source``), so a user can see
why an article is dated as it is:

- ``header``: a capture header (" date 2025-05-12 …") that a crawler put before the page;
- ``dateline``: a line that is only a date (with labels, weekday, time, zone, a city) —
  labelled as the publication date anywhere, else under the title, else above it; an
  "updated" line only when nothing else is there;
- ``byline``: a byline that carries the date ("كتب محمد علي الأحد، 3 مارس 2024 10:20 ص",
  "سارة أحمد | 12 أكتوبر 2024");
- ``dateline`` also for a paragraph that opens with a place and a date closed by a dash
  ("الخرطوم، 3 مارس 2024 – ");
- ``footer``: a date-only line after the last paragraph (ranked with the date lines).

Rejected, as every gold set rejects them: the "today is …" date of a page's header widget (a
date over the masthead or menus rather than over the article), dates inside URLs, and dates
inside sentences (the first sentence's "اليوم الثلاثاء 4 آذار" dates the event, not the page).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING

from marsad.text.dates import AGENCY_CREDIT_RE, find_dates, parse_dateline, weekday_in
from marsad.text.normalize import match_key

if TYPE_CHECKING:  # the cleaner imports this module
    from .text_rules import _Cleaner, _Line

# " date 2025-05-12 " in front of a page: the crawler's capture header.
CAPTURE_HEADER_RE = re.compile(
    r"[ \t\u00a0]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?:[ \t\u00a0]+|$)")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|net|org|html?|php)\S*", re.I)
# Words that open a byline; a date after one of them in the same line is the byline's date.
# A source or "by" label opens one too when a colon, a dash or a bar follows it ("المصدر :
# بوابة المدينة 2/3/2021", "بواسطة: سارة أحمد").
_BYLINE_RE = re.compile(
    r"^\W*(?:(?:كتب|كتبت|بقلم|إعداد|اعداد|تحرير|متابعة|by|par)(?=[\s:\-–—|]|[^\W\d_])"
    r"|(?:المصدر|بواسطة)(?=\s*[:\-–—|]))",
    re.IGNORECASE)
# How far into a byline the date may stand (a merged capture runs on into the article).
_BYLINE_DATE_CHARS = 90
# An opening "المكان، 3 مارس 2024 –": the date starts this close to the paragraph's start.
_OPENING_DATE_CHARS = 40
# How many paragraphs from the first may open with such a dateline.
_OPENING_PARAGRAPHS = 2
# A headline echoed with its date: the echoed line has this many words at least, and the
# date starts within this many characters after it.
_ECHO_MIN_WORDS = 3
_ECHO_DATE_CHARS = 60
# A meta line with a publication label: its date starts this close after the label, and the
# line has at most this many words (a byline row, not a paragraph).
_LABEL_DATE_CHARS = 12
_LABELLED_MAX_WORDS = 24
_WEAK_LABELS = frozenset({"بتاريخ"})
# A flattened page's byline stamp: within this many characters of its start, a date then a
# clock ("3 شتنبر 2025 - 9:00"), not after "اليوم".
_FLAT_STAMP_CHARS = 300
_CLOCK_AFTER_RE = re.compile(r"\s*[-–—|،,]?\s*\d{1,2}:\d{2}(?!\d)")
# "اليوم الخميس" / "اليوم، الأحد": the word after "today" in a paragraph (folded key).
_TODAY_NAMED_RE = re.compile(r"(?<![^\W\d_])اليوم\s*[،,(]?\s*([^\W\d_]+)")
_TODAY_BEFORE_RE = re.compile(r"(?:اليوم|today)(?:\W+[^\W\d_]+)?\W*$", re.IGNORECASE)
_DASHES = ("–", "-", "—", "ـ", "(", "|")
_LEADING_WORDS_RE = re.compile(r"(?:[^\W\d_][^\W\d_.]*\.?\s*){1,3}")
_SEGMENT_RE = re.compile(r"\s[|·•]\s")
# The fields of a meta row stand between bars, or apart by a run of spaces or a tab where the
# capture lost the page's columns ("تاريخ الإضافة 3 مايو 2016    عدد الزيارات 120").
FIELD_SEP_RE = re.compile(r"\|| {3,}|\t")
# "اليوم: الاثنين 12 يناير 2026", "Today is Monday": a header widget's clock, never a dateline.
_TODAY_RE = re.compile(r"^\W*(?:اليوم|today)\b", re.IGNORECASE)
# A byline without an opening word: "سارة أحمد | 12 أكتوبر 2024", "المحرر السياسي - 3 مايو".
_BYLINE_SEPARATORS = ("|", " - ", " – ", " — ")
_BYLINE_MAX_WORDS = 12
# A weather widget's reading beside the header's clock: "القاهرة 19°", "15.1 C".
_TEMPERATURE_RE = re.compile(
    r"\d(?:[.,]\d+)?\s*[°º˚]|^\W*-?\d{1,2}(?:[.,]\d+)?\s*[cf]\W*$", re.IGNORECASE)
# How many lines either side of a bare date its masthead neighbours may stand, and how long
# such a neighbour is at most (a staff box or a weather line, not a paragraph).
_MASTHEAD_REACH = 2
_MASTHEAD_MAX_WORDS = 8
# A numeric date whose day and month could be swapped: 05/06/2024.
_NUMERIC_RE = re.compile(r"(?<!\d)(\d{1,2})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{4})(?!\d)")
# "الخرطوم-14-9-2023": a place glued to its date by a dash or a slash.
_GLUED_PLACE_RE = re.compile(r"(?<=[^\W\d_])([-–—/])(?=\d)")


@dataclass(frozen=True)
class Published:
    date: date
    source: str
    ambiguous: bool = False  # day-first reading of a date whose numbers allow both orders


def capture_header(raw: str) -> tuple[date | None, int]:
    """The date and the length of a capture header at the start of ``raw`` (0 when none)."""
    m = CAPTURE_HEADER_RE.match(raw)
    if m is None:
        return None, 0
    try:  # a header with the month only is removed but dates nothing
        return (date.fromisoformat(m.group(1)) if len(m.group(1)) == 10 else None), m.end()
    except ValueError:
        return None, 0


def _without_urls(text: str) -> str:
    return _URL_RE.sub(lambda m: " " * len(m.group()), text)


def _swapped(text: str, day: date) -> date | None:
    """The month-first reading of a day-first numeric date whose numbers allow both."""
    for m in _NUMERIC_RE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a != b and a <= 12 and b <= 12 and (day.day, day.month) == (a, b):
            try:
                return day.replace(month=a, day=b)
            except ValueError:
                return None
    return None


def _answer(text: str, day: date | None, source: str) -> Published | None:
    """Day-first unless the line's weekday fits only the month-first reading ("خميس،
    07/05/2018" is 5 July); with nothing to tell, day-first and flagged ambiguous."""
    if day is None:
        return None
    other = _swapped(text, day)
    if other is None:
        return Published(day, source)
    weekday = weekday_in(text)
    if weekday is not None and weekday != day.isoweekday() and weekday == other.isoweekday():
        return Published(other, source)
    return Published(day, source, ambiguous=weekday is None or weekday != day.isoweekday())


def unglued_place(text: str) -> str:
    """"الخرطوم-14-9-2023" → "الخرطوم - 14-9-2023": a dateline whose place is glued to the
    date by a dash is read like one with spaces around the dash."""
    return _GLUED_PLACE_RE.sub(r" \1 ", text)


def _line_date(cl: _Cleaner, ln: _Line) -> date | None:
    """The line's date; of "Updated: May 14, 2024 | Published: May 13, 2024" the segment
    labelled as the publication."""
    text = unglued_place(_without_urls(ln.kept_text))
    segments = [seg for seg in _SEGMENT_RE.split(text) if seg.strip()]
    if len(segments) > 1:
        labelled = [seg for seg in segments if cl.rs.dates.publish.search(match_key(seg))]
        for seg in labelled:
            day = parse_dateline(seg)
            if day is not None:
                return day
    day = parse_dateline(text)
    if day is None and FIELD_SEP_RE.search(text):
        # a meta row: its date is its first field ("3 مايو 2016    عدد الزيارات 120")
        first = next((f for f in FIELD_SEP_RE.split(text) if f.strip()), "")
        day = parse_dateline(first)
    return day


def from_header(cl: _Cleaner) -> Published | None:
    """" date 2024-03-18 الوزير يصل …": the capture header, found before the lines were made."""
    return Published(cl.header_date, "header") if cl.header_date is not None else None


def _date_lines(cl: _Cleaner) -> list[tuple[int, _Line, str]]:
    """(position, line, label) of the kept lines that are only a date. The bullets of a list
    that a sentence announces ("… على النحو التالي:" / "• 12 فبراير 2026" / "• 2 أبريل
    2026") are the text's dates, not the page's."""
    out = []
    in_list = False
    for n, ln in enumerate(cl.lines):
        if ln.blank:
            continue
        in_list = cl.announces_list(ln) or in_list and ln.bullet
        # a line whose inline furniture was only its permalink is still a date line
        if not ln.kept or ln.spans and any(rid != "url_line" for _, _, rid in ln.spans) or \
                _TODAY_RE.match(ln.kept_text) or in_list and ln.bullet:
            continue
        kind = cl.date_kind(ln)
        if kind is not None and kind[0] == "date":
            out.append((n, ln, kind[1]))
    return out


def text_today(cl: _Cleaner) -> int | None:
    """ISO weekday that the article's first paragraphs call today ("… اليوم الخميس …")."""
    body = islice((ln for ln in cl.lines[cl.first_body_index() :]
                   if ln.kept and cl.body_like(ln)), _OPENING_PARAGRAPHS)
    for ln in body:
        for m in _TODAY_NAMED_RE.finditer(ln.key):
            day = weekday_in(m.group(1))
            if day is not None:
                return day
    return None


def weekday_contradicts(cl: _Cleaner, line: _Line) -> bool:
    """"الأحد 22 سبتمبر 2024" over a headline whose text says "اليوم الخميس": the date is
    another day than the one the article was written on — the page's clock, captured later,
    not the article's date."""
    today = text_today(cl)
    if today is None:
        return False
    day = _line_date(cl, line)
    return day is not None and day.isoweekday() != today


def masthead_clock(cl: _Cleaner, line: _Line) -> bool:
    """"الطريق" / "الثلاثاء 6 مايو 2025 08:10 ص" / "رئيس التحرير سامي فؤاد", or "15.1 C" /
    "بيروت" / "Saturday, December 20, 2025": a bare date whose near neighbours are the
    masthead's staff box or a weather reading is the header's clock, printed with the page,
    not the article's date — whatever stands under it."""
    if cl.date_label(line) != "none":
        return False  # "تاريخ النشر: …" beside a weather line is still the page's date
    rows = [ln for ln in cl.lines[: cl.first_body_index()] if not ln.blank]
    at = next((i for i, ln in enumerate(rows) if ln is line), None)
    if at is None:
        return False
    before = reversed(rows[max(0, at - _MASTHEAD_REACH) : at])
    after = rows[at + 1 : at + 1 + _MASTHEAD_REACH]
    return _masthead_near(cl, before) or _masthead_near(cl, after)


def _masthead_near(cl: _Cleaner, lines: Iterable[_Line]) -> bool:
    """A staff or weather line among ``lines`` (outward from a date), before the title: a
    masthead beyond the headline is the page's, not this date's neighbour."""
    for ln in lines:
        if ln.words > _MASTHEAD_MAX_WORDS or cl.body_like(ln):
            continue
        staff = cl.rs.dates.staff.search(ln.key)
        if staff is not None and ln.key[staff.end() : staff.end() + 1].isalpha():
            return True  # "رئيس التحريرسامي فؤاد": a title glued to its name, only in mastheads
        if ln is cl.title:
            return False  # "رئيس التحرير يكتب: …" as the headline is the article's
        if staff is not None or _TEMPERATURE_RE.search(ln.text) is not None:
            return True
    return False


def date_line_under(cl: _Cleaner, title: _Line) -> _Line | None:
    """The first date-only line under the title, before the article's first paragraph."""
    first = cl.first_body_index()
    for n, ln, _ in _date_lines(cl):
        if ln.start > title.start and n < first:
            return ln
    return None


def from_date_line(cl: _Cleaner) -> Published | None:
    """"نُشر في 12 أكتوبر 2024" anywhere, else "الاثنين 2025/05/12" under the title, else
    above it when the article follows, else alone further down (after a standfirst, or at
    the page's foot); an "آخر تحديث" line only when nothing else is there."""
    title = cl.title
    header = {id(ln) for ln in cl.header_zone()}
    best: tuple[int, int, _Line] | None = None
    for n, ln, label in _date_lines(cl):
        if label == "none" and masthead_clock(cl, ln):
            continue  # the header's clock between the masthead's staff or weather lines
        if label == "publish":
            rank = 0
        elif label == "update":
            if site_update_clock(cl, ln, header):
                continue
            rank = 4
        elif id(ln) in header:
            below = _below(title, ln)
            if not below and (not cl.over_article(ln) or weekday_contradicts(cl, ln)):
                continue  # a header widget's "today"
            rank = 1 if below else 2
        else:
            rank = 3
        if best is None or (rank, n) < best[:2]:
            best = (rank, n, ln)
    if best is None:
        return None
    cl.dateline_line = line = best[2]
    source = "footer" if _after_body(cl, line) else "dateline"
    return _answer(line.kept_text, _line_date(cl, line), source)


def site_update_clock(cl: _Cleaner, line: _Line, header: set[int] | None = None) -> bool:
    """"(الأحد 22 فبراير 2026 | 03:00:14) آخر تحديث" above the title over the site's links and
    menus: an "updated" stamp that does not stand over the article is the site's own clock,
    not the article's update."""
    if header is None:
        header = {id(ln) for ln in cl.header_zone()}
    return id(line) in header and cl.date_label(line) == "update" and \
        not _below(cl.title, line) and not cl.over_article(line)


def _below(title: _Line | None, line: _Line) -> bool:
    return title is not None and line.start > title.start


def _after_body(cl: _Cleaner, line: _Line) -> bool:
    return not any(ln.kept and cl.body_like(ln) for ln in cl.lines if ln.start > line.start)


def from_byline(cl: _Cleaner) -> Published | None:
    """"كتب محمد علي الأحد، 3 مارس 2024 10:20 ص" or "سارة أحمد | 12 أكتوبر 2024" before the
    first paragraph (or as the first words of a page captured as one line); a source credit
    that carries the item's date ("المصدر : بوابة المدينة 2/3/2021") too, furniture though
    it is."""
    for ln in cl.lines[: cl.first_body_index() + 1]:
        if ln.blank or ln.rule not in (None, "byline", "credit_line"):
            continue
        text = _without_urls(ln.kept_text)
        starts = _BYLINE_RE.match(text) is not None
        if ln.rule == "credit_line" and not starts:
            continue
        if cl.date_kind(ln) is not None and (
                site_update_clock(cl, ln) or masthead_clock(cl, ln)):
            continue  # a clock the date lines rejected is no byline either
        if _TODAY_RE.match(text) or not starts and not (
                ln.words <= _BYLINE_MAX_WORDS and any(s in text for s in _BYLINE_SEPARATORS)):
            continue
        head = text[:_BYLINE_DATE_CHARS] if starts else text
        for m in find_dates(head):
            if m.precision == "day" and m.first is not None and not m.relative:
                return _answer(head, m.first, "byline")
    return None


def from_labelled_stamp(cl: _Cleaner) -> Published | None:
    """"• الموقع بواسطة: سارة أحمد تاريخ النشر: الأربعاء، 20 مايو 2015" before the first
    paragraph: a full date right after a publication label ("تاريخ النشر:", "نشر في") in a
    meta line that carries more than the date (the author, the source) is the page's date,
    as the label says. "بتاريخ" alone labels dates in headlines and prose, so it is not
    taken here."""
    for ln in cl.lines[: cl.first_body_index()]:
        if not ln.kept or ln.blank or ln.words > _LABELLED_MAX_WORDS:
            continue
        key = ln.key
        for label in cl.rs.dates.publish.finditer(key):
            if label.group() in _WEAK_LABELS:
                continue
            head = key[label.end() : label.end() + _ECHO_DATE_CHARS]
            for m in find_dates(head):
                if m.start <= _LABEL_DATE_CHARS and m.precision == "day" and \
                        m.first is not None and not m.relative:
                    return _answer(head, m.first, "byline")
    return None


def from_title_echo(cl: _Cleaner) -> Published | None:
    """"<headline> - <site>, الاثنين 31 مارس 2025 10:40 م" or "<headline> -- Sep 09, 2025": an
    aggregator prints the headline again with the page's date after it. The line must start
    with the whole text of an earlier line (the headline, kept or not) of a few words."""
    first = cl.first_body_index()
    earlier: list[str] = []
    for ln in cl.lines[: first + 1]:
        if ln.blank:
            continue
        text = ln.text.strip()
        for head in earlier:
            if text.startswith(head) and len(text) > len(head):
                found = _echo_date(_without_urls(text[len(head) :]))
                if found is not None:
                    return found
        if len(text.split()) >= _ECHO_MIN_WORDS:
            earlier.append(text)
    return None


def from_aggregator_stamp(cl: _Cleaner) -> Published | None:
    """"نقدم لكم زوارنا … في المقال التالي: الوزير يفتتح المستشفى - موقع الخبر اليوم الجمعة 20
    ديسمبر 2024 12:22 مساءً": the lead-in an aggregator prints over a copied story names it
    with its date and clock. The lead-in is furniture, but its stamp (a full date with a clock
    right after it) dates the page; prose names an event's day without a clock."""
    for ln in cl.lines[: cl.first_body_index() + 1]:
        if ln.rule != "aggregator_boilerplate":
            continue
        text = _without_urls(ln.text)
        for m in find_dates(text):
            if m.precision == "day" and m.first is not None and not m.relative \
                    and _CLOCK_AFTER_RE.match(text, m.end):
                return _answer(m.text, m.first, "dateline")
    return None


def _echo_date(after: str) -> Published | None:
    """The first full, absolute date close after an echoed headline."""
    for m in find_dates(after[:_ECHO_DATE_CHARS]):
        if m.precision == "day" and m.first is not None and not m.relative:
            return _answer(m.text, m.first, "dateline")
    return None


def from_opening(cl: _Cleaner) -> Published | None:
    """"الخرطوم، 3 مارس 2024 – أعلن الجيش …": a place and a full date closed by a dash or an
    agency credit at the start of the first paragraph — or of the second, when what read as
    the first is a long headline or a standfirst ("نشر بتاريخ:" / "طرابلس 04 مارس 2025 (وال) -")."""
    body = islice((ln for ln in cl.lines[cl.first_body_index() :]
                   if ln.kept and cl.body_like(ln)), _OPENING_PARAGRAPHS)
    for n, ln in enumerate(body):
        head = unglued_place(ln.kept_text[:80])
        for m in find_dates(head):
            if m.start <= _OPENING_DATE_CHARS and m.precision == "day" and m.first is not None \
                    and not m.relative and not _after_today(head, m.start) \
                    and _closes_dateline(head[m.end :]) \
                    and (n == 0 or _place_opens(head[: m.start])):
                return _answer(m.text, m.first, "dateline")
    return None


_TOLD_DATE_OPENERS = frozenset({"في", "منذ", "بعد", "قبل", "خلال", "يوم", "حتى"})


def _place_opens(before: str) -> bool:
    """A later paragraph's dateline opens with its place; prose opens with a conjunction or
    a preposition ("وفي 12 فبراير 2023 - أي قبل عامين - …" is a date told, not a dateline)."""
    first = before.split()[:1]
    return bool(first) and first[0].removeprefix("و") not in _TOLD_DATE_OPENERS


def from_flat_stamp(cl: _Cleaner) -> Published | None:
    """A page captured as one line ("… الصحيفة - خولة أحمد الأربعاء 3 شتنبر 2025 - 9:00 بعد
    عامين …"): near its start, a full date with a clock right after it is the byline's stamp
    — prose names an event's day without a clock, and "اليوم الثلاثاء 4 آذار" is no stamp."""
    first = next((ln for ln in cl.lines if not ln.blank), None)
    if first is None or not first.kept or not cl.body_like(first):
        return None
    head = first.kept_text[:_FLAT_STAMP_CHARS]
    if _CLOCK_AFTER_RE.search(head) is None:
        return None  # no clock anywhere, so none after a date (most first paragraphs)
    for m in find_dates(head):
        if m.precision == "day" and m.first is not None and not m.relative \
                and _CLOCK_AFTER_RE.match(head, m.end) and not _after_today(head, m.start):
            return _answer(m.text, m.first, "byline")
    return None


def _after_today(text: str, start: int) -> bool:
    """"اليوم الأربعاء 4 يونيو …": the date is the event's day named in a sentence."""
    return _TODAY_BEFORE_RE.search(text[max(0, start - 24) : start]) is not None


def _closes_dateline(after: str) -> bool:
    """A dash, a bracket or a bar, an agency's credit between slashes ("… 7 يناير 2026
    /العُمانية/ افتتحت …"), or a news agency's name without one ("… 3 مايو 2024 وات أعلنت
    …"), closes a dateline after its date."""
    from marsad.text.filing import agency_keys

    after = after.lstrip()
    if after[:1] in _DASHES or AGENCY_CREDIT_RE.match(after):
        return True
    words = _LEADING_WORDS_RE.match(after)
    if words is None:
        return False
    parts = match_key(words.group()).split()
    keys = agency_keys()
    return any("".join(ch for ch in " ".join(parts[:n]) if ch.isalpha()) in keys
               for n in range(1, min(3, len(parts)) + 1))


Finder = Callable[["_Cleaner"], "Published | None"]

FINDERS: tuple[Finder, ...] = (
    from_header,
    from_date_line,
    from_byline,
    from_labelled_stamp,
    from_title_echo,
    from_aggregator_stamp,
    from_opening,
    from_flat_stamp,
)


def find_published(cl: _Cleaner) -> Published | None:
    """The first answer of :data:`FINDERS`, in order."""
    for finder in FINDERS:
        found = finder(cl)
        if found is not None:
            return found
    return None
