"""Arabic date expressions: find them in text, resolve them against a reference date, and
read publication datelines.

How it works, and why:

* The vocabulary is data (``marsad/data/ar/dates.yaml``): month names of every region,
  Hijri months, weekdays, qualifiers, parts of periods, stop words. This module holds only
  the grammar that combines those words. Both are loaded once, at import, and compiled into
  a dozen regexes.
* Matching runs on the text itself rather than on a folded copy. Each vocabulary word is
  compiled to a pattern in which every letter is the character class of all spellings that
  :mod:`marsad.text.normalize` folds together (أ/إ/آ/ا, ة/ه, ى/ي/ئ, Persian ک ...), a lone
  hamza is optional, and ``\\d`` also covers Eastern Arabic digits (``int`` reads them).
  Folding every sentence char by char would cost more than the whole search, and most
  sentences hold no date. Only characters that fold to nothing (harakat, tatweel,
  zero-width and direction marks) are cut out first, when a sentence has any, with an index
  map that carries offsets back to the original text.
* Rules are not scanned over the whole text. The text is split into tokens, each token is
  looked up (folded, with its clitics, cached) in a table of cue words: digits, month and
  weekday names, العام / الشهر / الأسبوع, seasons, منذ / قبل, أمس / اليوم / غدا. A sentence
  with none costs that lookup. Each rule is then tried with an anchored ``match`` at the cue
  and at the starts of the few tokens before it that may open the expression.
* Each rule proposes candidates; the longest non-overlapping ones win; then neighbours are
  merged: weekday + date ("الإثنين 15 أبريل"), Hijri + Gregorian ("... هـ الموافق ... م"),
  "أمس الخميس", and ranges ("بين أبريل 2019 ويونيو 2020", "من 2019 إلى 2020").
* Hijri dates use the tabular (arithmetic) Islamic calendar, which may differ from Umm
  al-Qura or a sighting by a day or two; a weekday in the same expression corrects it.

Resolution rules (``ref`` is the reference date, usually the publication date):

* day + month without a year: the date in ref's year, unless that falls more than ~2 months
  after ref, then the previous year; with الماضي the last one strictly before ref, with
  المقبل the next one strictly after ref, with الجاري / الحالي ref's year. Months alone work
  the same way, at month granularity.
* a weekday: the latest such day on or before ref; with الماضي strictly before ref, with
  المقبل / القادم strictly after ref. "أمس الخميس" is ref - 1 when that is a Thursday.
* الأسبوع الماضي: the previous ISO week (Monday - Sunday). Parts of a month are days 1-10,
  11-20, 21-end; of a year January-April, May-August, September-December.
* without ``ref`` a relative expression is still found, with ``first = last = None``.
"""

from __future__ import annotations

import calendar
import logging
import math
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any, cast

import yaml

from marsad.text.normalize import fold_char, match_key

log = logging.getLogger(__name__)

__all__ = [
    "DATA_PATH",
    "PRECISIONS",
    "DateMatch",
    "find_dates",
    "parse_date_expression",
    "parse_dateline",
    "weekday_in",
]

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "ar" / "dates.yaml"

PRECISIONS = ("day", "week", "month", "part", "season", "year", "range")


@dataclass(frozen=True)
class DateMatch:
    """One date expression found in a text.

    ``start`` / ``end`` are half-open offsets into the text that was passed in, so
    ``text[start:end] == self.text``. ``first`` / ``last`` are the first and last day the
    expression covers (both ``None`` when it cannot be resolved, e.g. a weekday without a
    reference date). ``precision`` is one of :data:`PRECISIONS`; ``relative`` says whether
    the expression needed the reference date.
    """

    start: int
    end: int
    text: str
    first: date | None
    last: date | None
    precision: str
    relative: bool


# --------------------------------------------------------------------------------------
# Calendar arithmetic
# --------------------------------------------------------------------------------------

# 1 Muharram 1 AH in the civil (Friday) epoch, as a proleptic Gregorian ordinal.
_ISLAMIC_EPOCH = date(622, 7, 19).toordinal()


def _hijri_ordinal(y: int, m: int, d: int) -> int:
    """Tabular Islamic calendar: 30-year cycle with 11 leap years (type II, Kuwaiti)."""
    return _ISLAMIC_EPOCH - 1 + (y - 1) * 354 + (3 + 11 * y) // 30 + math.ceil(29.5 * (m - 1)) + d


def _hijri_month_length(y: int, m: int) -> int:
    ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
    return _hijri_ordinal(ny, nm, 1) - _hijri_ordinal(y, m, 1)


def _to_hijri(d: date) -> tuple[int, int, int]:
    n = d.toordinal()
    y = (30 * (n - _ISLAMIC_EPOCH) + 10646) // 10631
    while _hijri_ordinal(y + 1, 1, 1) <= n:
        y += 1
    while _hijri_ordinal(y, 1, 1) > n:
        y -= 1
    m = 12
    while _hijri_ordinal(y, m, 1) > n:
        m -= 1
    return y, m, n - _hijri_ordinal(y, m, 1) + 1


def _today(cal: str, ref: date) -> tuple[int, int, int]:
    """ref as (year, month, day) in the calendar ``cal`` ("g" Gregorian, "h" Hijri)."""
    return (ref.year, ref.month, ref.day) if cal == "g" else _to_hijri(ref)


def _day(cal: str, y: int, m: int, d: int) -> date | None:
    """The date (y, m, d) of calendar ``cal``, or None when it does not exist."""
    if cal == "g":
        try:
            return date(y, m, d)
        except ValueError:
            return None
    if not (1 <= m <= 12 and d >= 1):
        return None
    if not 1 <= y <= 9000 or d > _hijri_month_length(y, m):
        return None
    return date.fromordinal(_hijri_ordinal(y, m, d))


def _month_span(cal: str, y: int, m: int) -> tuple[date, date]:
    first = _day(cal, y, m, 1)
    if first is None:  # a Hijri month outside the calendar's range (ref before 622)
        raise ValueError(f"no month {y}-{m} in calendar {cal!r}")
    length = calendar.monthrange(y, m)[1] if cal == "g" else _hijri_month_length(y, m)
    return first, first + timedelta(days=length - 1)


def _year_span(cal: str, y: int) -> tuple[date, date]:
    if cal == "g":
        return date(y, 1, 1), date(y, 12, 31)
    return _month_span(cal, y, 1)[0], _month_span(cal, y, 12)[1]


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _week_span(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _weekday_on_or_before(ref: date, wd: int, *, strict: bool = False) -> date:
    """Latest day with ISO weekday ``wd`` on or before ref (strictly before if ``strict``)."""
    back = (ref.isoweekday() - wd) % 7
    if strict and back == 0:
        back = 7
    return ref - timedelta(days=back)


def _weekday_after(ref: date, wd: int) -> date:
    ahead = (wd - ref.isoweekday()) % 7
    return ref + timedelta(days=ahead or 7)


def _snap_to_weekday(d: date, wd: int, *, within: int = 2) -> date:
    """Move d to the nearest day with weekday wd when that is at most ``within`` days away.

    Used for Hijri dates: the tabular calendar may be a day or two off the announced one,
    and a weekday written beside the date tells which day is meant.
    """
    for delta in sorted(range(-within, within + 1), key=abs):
        cand = d + timedelta(days=delta)
        if cand.isoweekday() == wd:
            return cand
    return d


# Early / mid / late thirds of each kind of period.
def _apply_part(first: date, last: date, part: str, unit: str) -> tuple[date, date]:
    idx = {"early": 0, "mid": 1, "late": 2}[part]
    if unit == "month":
        lo, hi = ((1, 10), (11, 20), (21, 31))[idx]
        return first.replace(day=lo), min(last, first.replace(day=min(hi, last.day)))
    if unit == "year":
        m0 = (1, 5, 9)[idx]
        a = date(first.year, m0, 1)
        return a, date(first.year, m0 + 3, calendar.monthrange(first.year, m0 + 3)[1])
    if unit == "season":
        # Each third is one month of the three-month season.
        y, m = _shift_month(first.year, first.month, idx)
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    if unit == "week":
        lo, hi = ((0, 2), (2, 4), (4, 6))[idx]
        return first + timedelta(days=lo), first + timedelta(days=hi)
    # Hijri months and years: split the day span in thirds.
    span = (last - first).days + 1
    cut1, cut2 = span // 3, 2 * span // 3
    bounds = ((0, cut1 - 1), (cut1, cut2 - 1), (cut2, span - 1))[idx]
    return first + timedelta(days=bounds[0]), first + timedelta(days=bounds[1])


# --------------------------------------------------------------------------------------
# Compiling vocabulary into patterns
# --------------------------------------------------------------------------------------

# Spellings that vary all the time in Arabic news get a character class in the patterns:
# hamza seats on alef, alef maqsura and hamza on ya, ta marbuta, hamza on waw, Persian kaf.
# Each class is written as at most two ranges: Python's regex compiler turns any other
# non-Latin class into a 64K bitmap, which made the grammar take seconds to compile.
# The alef range آ-ا also admits ؤ and ئ (U+0624, U+0626), which no date word confuses.
_COMMON_CLASSES = {"ا": "[آ-اٱ]", "ي": "[ئىي]", "ه": "[ةه]", "و": "[ؤو]", "ك": "[كک]"}


def _scan_chars() -> tuple[dict[str, str], frozenset[str], dict[int, str]]:
    """From normalize.fold_char, so that "the same letter" here means what it means for
    match keys elsewhere:

    * classes: folded letter -> regex class of its common spellings (_COMMON_CLASSES);
    * drops: characters folded away (harakat, tatweel, zero-width and direction marks);
      the lone hamza also folds away but is kept in the text (it is frequent: الثلاثاء) and
      made optional in patterns;
    * rare: every other character with a different key (Urdu/Persian look-alikes, Latin
      capitals), translated one for one in the rare texts that have them.
    """
    classes = dict(_COMMON_CLASSES)
    drops: set[str] = set()
    rare: dict[int, str] = {}
    blocks = ((0x0020, 0x0080), (0x0300, 0x0370), (0x0600, 0x0700), (0x0750, 0x0780),
              (0x08A0, 0x0900), (0x200B, 0x2070), (0xFEFF, 0xFF00))
    for lo, hi in blocks:
        for cp in range(lo, hi):
            ch = chr(cp)
            k = fold_char(ch)
            if k == "":
                if ch != "ء":
                    drops.add(ch)
            elif len(k) == 1 and k != ch and not ch.isdigit():
                cls = classes.get(k)
                if cls is None or re.fullmatch(cls, ch) is None:
                    rare[cp] = k
    return classes, frozenset(drops), rare


_CLASSES, _DROPS, _RARE = _scan_chars()
_DROP_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_DROPS)) + "]+")
_ODD_RE = re.compile(
    "[" + "".join(re.escape(c) for c in sorted(_DROPS | {chr(c) for c in _RARE})) + "]"
)
_TATWEEL = "\u0640"


def _semi(word: str) -> str:
    """Fold a vocabulary word letter by letter, keeping lone hamzas and single spaces."""
    out: list[str] = []
    for ch in str(word).strip():
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        elif ch == "ء":
            out.append(ch)
        else:
            out.append(fold_char(ch))
    return "".join(out).strip()


def _char_re(k: str) -> str:
    if k == " ":
        return r"\s+"
    if k == "ء":
        return "ء?"
    return _CLASSES.get(k, re.escape(k))


def _trie_re(keys: Iterable[str]) -> str:
    """One regex for a set of folded words, factored as a trie so that the engine does not
    try every word at every position. Longer words are tried first."""
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [_char_re(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    out = emit(trie)
    return "(?:" + out + ")" if out else "(?!)"


_SPACES = (" ", "\n", "\t", "\u00a0")
_FOLD_CACHE: dict[str, str] = {}
_WORD_CACHE: dict[str, str] = {}  # raw word with its punctuation -> folded core


def _fold_token(core: str) -> str:
    folded = _FOLD_CACHE.get(core)
    if folded is None:
        if len(_FOLD_CACHE) > 200_000:  # bound the cache on endless streams
            _FOLD_CACHE.clear()
        folded = _FOLD_CACHE[core] = match_key(core)
    return folded


class _Vocab:
    """A set of words compiled to a pattern, with the value of each word for lookup."""

    __slots__ = ("pattern", "table")

    def __init__(self, entries: Iterable[tuple[Any, Any]], *, article_merge: bool = False):
        table: dict[str, Any] = {}
        keys: set[str] = set()
        for word, value in entries:
            s = _semi(word)
            if not s:
                continue
            variants = [s]
            # ل + الخميس is written للخميس: the alef of the article drops after the clitic.
            if article_merge and s.startswith("ال"):
                variants.append("ل" + s[1:])
            for v in variants:
                keys.add(v)
                table.setdefault(match_key(v), value)
        self.pattern = _trie_re(keys)
        self.table = table

    def get(self, text: str | None) -> Any:
        if text is None:
            return None
        value = self.table.get(_fold_token(text))
        if value is None and _ALEF_LOOKALIKES.search(text):
            # The alef class of the patterns admits ؤ and ئ, which fold to و and ي: a word
            # matched through it (جمادى ؤخر) is looked up with them read as alef.
            value = self.table.get(_fold_token(text.translate(_AS_ALEF)))
        return value


_Handler = Callable[[str, "re.Match[str]", date | None], "_Cand | None"]


def _guarded(handler: _Handler) -> _Handler:
    """``handler`` with the phrases it cannot resolve dropped instead of raised.

    The grammar matches what looks like a date; resolving it does calendar arithmetic
    that fails at the calendar's edges (a Hijri month before 622 or a year past 9999 from a
    hostile publication date) or on a word no table resolves. Such a phrase is no date: one
    malformed phrase must not fail the whole article (issue #15).
    """

    def run(key: str, m: re.Match[str], ref: date | None) -> _Cand | None:
        try:
            return handler(key, m, ref)
        except (ValueError, OverflowError, TypeError, KeyError) as e:
            log.debug("date phrase %r dropped: %s: %s", m.group(0)[:80], type(e).__name__, e)
            return None

    return run


_ALEF_LOOKALIKES = re.compile("[ؤئ]")
_AS_ALEF = str.maketrans("ؤئ", "اا")


def _words(items: Iterable[Any], value: Any = True) -> list[tuple[Any, Any]]:
    return [(w, value) for w in items]


def _by_number(mapping: Mapping[Any, Iterable[str]]) -> list[tuple[str, int]]:
    return [(w, int(n)) for n, words in mapping.items() for w in words]


def _tpl(template: str, parts: Mapping[str, str]) -> re.Pattern[str]:
    """Compile a VERBOSE template in which <NAME> stands for parts[NAME]."""
    src = re.sub(r"<([A-Z][A-Z0-9_]*)>", lambda m: parts[m.group(1)], template)
    return re.compile(src, re.VERBOSE)


# --------------------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Cand:
    """A candidate match, in offsets of the search key (see _keyed)."""

    start: int
    end: int
    first: date | None
    last: date | None
    precision: str
    relative: bool
    kind: str  # date | month | year | weekday | deictic | offset | period | season | range
    cal: str = "g"
    month: int | None = None  # month named, for re-resolving a range end without a year
    day: int | None = None
    day2: int | None = None
    year: int | None = None  # explicit year
    part: str | None = None
    weekday: int | None = None
    days: int | None = None  # deictic offset from ref
    dual: bool = False  # عامي 2019 / يومي الخميس: opens a "و" range by itself
    weak: bool = False  # kept only if merged into a range (2020 in "من 2019 إلى 2020")


# Grammar fragments (no vocabulary inside). \w is Unicode, so it covers Arabic letters.
_B = r"(?<!\w)"
_CL = r"(?:[وف]?[بل]?)"  # conjunction + preposition clitics before a word without article
_CLA = r"(?:[وف]?ب?)"  # before a word with article (ل + ال is in the vocabulary as لل)
_NCL = r"(?:[وف]?[بل]?(?:ال)?)"  # before a number: لـ9، والـ15
_NEND = r"(?!\d|[.,:٫/]\d)"  # a number ends here (not 12.5, 12,000, 10:30, 1/2)

# A second name of the same month: أبريل/نيسان، سبتمبر (أيلول), and with a space only in
# agency copy: 29 ديسمبر كانون الأول 2024.
_ALT = r"""(?:\s*(?:[/\\|–-]|(?P<ao>[(\[]))?\s*(?P<m2><MONTH>)(?!\w)(?P<ac>\s*[)\]])?)?"""
_EPI = r"""(?:\s+(?P<ep><EPITHET>)(?!\w))?"""
_TAIL = r"""
(?:
    \s*(?:[,،]|(?(sl)[/-]))?\s*(?:<OF>\s+)?(?:(?P<yn><YN>)\s+)?<NCL>(?P<y>\d{4})(?!\d|[.,:٫/]\d)
        (?:\s*(?P<ys><SUF>)(?!\w))?
  | \s+(?:<OF>\s+)?(?P<yp><PYEAR>)\s+(?P<yq><QUAL>|<BLAST>)(?!\w)
  | \s+(?:<OF>\s+)?<THIS>\s+(?P<yt><PYEAR>)(?!\w)
  | \s+(?P<q><QUAL>)(?!\w)
)?"""

_RULES_SRC: dict[str, str] = {
    # 2025/05/12, 2025-05-12, 12/05/2025, 12-5-2025, 12.05.2025
    "numeric": r"""
<B><NCL>(?<![\d.,:٫/-])
(?:
    (?P<y>\d{4})\s?(?P<s1>[-/.])\s?(?P<m>\d{1,2})\s?(?P=s1)\s?(?P<d>\d{1,2})
  | (?P<d2>\d{1,2})\s?(?P<s2>[-/.])\s?(?P<m2>\d{1,2})\s?(?P=s2)\s?(?P<y2>\d{4}|\d{2})
)(?!\d|[-/.]\d)""",
    # 8 أبريل 2024، 15 أبريل/نيسان، 17 سبتمبر (أيلول) الجاري، الأول من مايو، 10-15 مايو،
    # 15 من الشهر الجاري، الثاني من الشهر، 13 الجاري; and without a day: مارس 2025، في
    # مارس، أواخر شهر مارس الفارط
    "dm": r"""
<B>
(?:
    (?:(?P<rc><ROPEN>)\s+)?
    (?:
        <NCL>(?<![\d.,:٫/])(?P<d1>\d{1,2})<NEND>(?:<ORDSUF>)?
        (?:\s*(?P<dj>[-–/]|<RJOIN>)\s*<NCL>(?P<d2>\d{1,2})<NEND>)?
        \s*(?:<OF>\s+|(?P<sl>[/-])(?=\s*<MONTH>(?!\w)\s*(?P=sl)\s*\d{4}(?!\d)))?
      | (?P<o1><ORD>)\s+<OF>\s+
      | (?P<f1><FIRST>)\s+
    )
  | <CL>(?:(?P<pre><PREP>)\s+<CL>)?(?:(?P<part><PART>)\s+)?
)
(?:
    (?:(?P<mn><MNOUN>)\s+)?(?P<m1><MONTH>)(?!\w)""" + _ALT + _EPI + _TAIL + r"""
  | (?P<pm><PMONTH>)(?:\s+(?P<pq><QUAL>))?(?!\w)(?!\s+<EPITHET>(?!\w))
  | (?P<pt><THIS>)\s+(?P<pm2><PMONTH>)(?!\w)
  | (?P<pc><CURM>)(?!\w)
)""",
    # May 12, 2025 / مايو 12، 2025
    "mdy": r"""
<B><CL>(?P<m1><MONTH>)(?!\w)\s+(?P<d1>\d{1,2})(?!\d)(?:<ORDSUF>)?\s*[,،]?\s*(?P<y>\d{4})(?!\d)""",
    # عام 2020، سنة 2011، مطلع 2025، النصف الأول من 2024، ثورة 2011، 1446 هـ
    "year": r"""
<B><CL>(?:(?P<pre><PREP>)\s+<CL>)?
(?:(?P<part><PART>)\s+(?:<OF>\s+)?|(?P<frac><FRAC>)\s+<OF>\s+)?
(?:(?P<yn><YN>)\s+)?
<NCL>(?<![\d.,:٫])(?P<y>\d{4})(?!\d|[.,:٫/]\d|\s*[%٪])
(?:\s*(?P<ys><SUF>)(?!\w))?""",
    # العام الماضي، هذا الشهر، الأسبوع المقبل، منتصف العام الماضي، نهاية العام
    "period": r"""
<B><CL>(?:(?P<part><PART>)\s+(?:<OF>\s+)?|(?P<frac><FRAC>)\s+<OF>\s+)?
(?:
    <CLA>(?P<pn><PNOUN>)(?:\s+(?P<q><QUAL>|<BLAST>))?(?!\w)
  | (?P<this><THIS>)\s+(?P<pn2><PNOUN>)(?!\w)
)""",
    # صيف 2023، خريف العام الماضي، الشتاء المقبل، هذا الصيف، شتاء 2023-2024
    "season": r"""
<B><CL>
(?:
    (?:(?P<part><PART>)\s+(?:<OF>\s+)?)?(?:(?P<sn><SNOUN>)\s+)?<CLA>(?P<s><SEASON>)(?!\w)
    (?:
        \s+(?P<q><QUAL>)(?!\w)
      | \s*[,،]?\s*(?:<OF>\s+)?(?:<YN>\s+)?(?P<y>\d{4})(?!\d)(?:\s*[-/–]\s*(?P<y2>\d{4})(?!\d))?
      | \s+(?:<OF>\s+)?(?P<yp><PYEAR>)\s+(?P<yq><QUAL>|<BLAST>)(?!\w)
      | \s+(?:<OF>\s+)?<THIS>\s+(?P<yt><PYEAR>)(?!\w)
    )?
  | (?P<this><THIS>)\s+(?P<s2><SEASON>)(?!\w)
)""",
    # منذ ثلاثة أيام، قبل يومين، منذ أسبوع، قبل نحو 10 سنوات، بعد ساعات
    "offset": r"""
<B><CL>(?P<dir><ODIR>)\s+(?:<APPROX>\s+)?
(?:
    (?P<n>\d{1,3}|<NUMW>)\s+(?P<u><UCOUNT>)
  | (?P<u1><UONE>)(?:\s+<ONE>)?
  | (?P<u2><UTWO>)
  | (?P<ub><UBARE>)
)(?!\w)(?!\s*\d)""",
    # أمس، أول من أمس، اليوم، غدا، بعد غد، الليلة الماضية، مساء أمس، صباح الغد
    "deictic": r"""
<B><CLA>(?:(?P<per><PERIOD>|<DNOUN>)\s+)?(?P<w><DEIC>)(?!\w)
| <B><CLA>(?P<per2><PERIOD>|<DNOUN>)\s+(?P<w2><DEICP>)(?!\w)""",
    # الخميس، يوم الخميس الماضي، مساء الخميس، ليل الخميس الجمعة، يومي الخميس والجمعة
    "weekday": r"""
<B><CLA>(?:(?P<per><PERIOD>)\s+)?(?:(?P<dn><DNOUN>)\s+)?
(?P<wd><WD>)(?!\w)
(?:\s*(?:[-/–]|<RJOIN>)?\s*(?P<wd2><WD>)(?!\w))?
(?:\s+(?P<q><QUAL>)(?!\w))?""",
}

# Where each rule is tried. Rules are not scanned over the whole text (a regex scan costs
# tens of microseconds per sentence); they are tried with .match() at the start of a token
# that holds a cue word (an "anchor") and at the starts of up to N tokens before it, for the
# words that may open the expression (في أواخر شهر مارس، النصف الأول من عام 2024).
# Anchor kinds: n a numeric date token (12/05/2025), y a four-digit number, m a month name
# (or digits glued to letters: 15أبريل), w weekday, p period noun (العام، الشهر ...),
# q الشهر (for "15 من الشهر الجاري"), s season, o منذ/قبل/بعد, x أمس/اليوم/غدا ...
_RULE_ANCHORS: dict[str, dict[str, int]] = {
    "numeric": {"n": 0, "y": 4},
    "dm": {"m": 4, "q": 3},
    "mdy": {"m": 0},
    "year": {"y": 4},
    "period": {"p": 3},
    "season": {"s": 2},
    "offset": {"o": 0},
    "deictic": {"x": 2},
    "weekday": {"w": 2},
}

# Punctuation stripped from both ends of a token before looking it up.
_PUNCT = "()[]{}«»\"'،,.:;؛!?؟…-–—/\\|*"
# Tokens of multi-word cue phrases that are too common to be anchors themselves.
_NOT_ANCHORS = {"من", "اول", "بعد", "ليله", "يوم", "ال", "و"}
# Clitics that may stand before a cue word (ل + ال is written لل).
_CLITICS = ("", "و", "ف", "ب", "ل", "وب", "فب", "ول", "فل", "ك", "وك")


def _words_before(key: str, pos: int, n: int) -> list[tuple[str, str]]:
    """Up to n words before pos, nearest first, as (raw word, folded word without edge
    punctuation). A clitic glued to pos (the و of و2020) counts as a word."""
    lo = pos - 64 if pos > 64 else 0
    parts = key[lo:pos].split()
    if lo and parts and not key[lo - 1].isspace() and not key[lo].isspace():
        del parts[0]  # the window cut the first word
    cache = _WORD_CACHE
    out: list[tuple[str, str]] = []
    for raw in parts[: -n - 1 : -1]:
        folded = cache.get(raw)
        if folded is None:
            if len(cache) > 200_000:
                cache.clear()
            core = raw.strip(_PUNCT)
            folded = cache[raw] = _fold_token(core) if core else raw
        out.append((raw, folded))
    return out


def _start_of_words(key: str, pos: int, words: list[tuple[str, str]], k: int) -> int:
    """Offset where the k nearest of ``words`` (from _words_before(key, pos, ...)) start."""
    for raw, _ in words[:k]:
        pos = key.rfind(raw, 0, pos)
    return pos


class _PhraseSet:
    """Folded phrases of one to a few words, checked against the words right before a
    position. Cheaper than a regex search backwards from every candidate."""

    __slots__ = ("phrases", "size")

    def __init__(self, words: Iterable[str]):
        self.phrases = {match_key(w) for w in words if match_key(w)}
        self.size = max((p.count(" ") + 1 for p in self.phrases), default=0)

    def count(self, words: list[tuple[str, str]]) -> int:
        """How many of the nearest ``words`` form a phrase of the set (0: none)."""
        if not self.phrases or not words:
            return 0
        # Longest phrase first: "ما بين" before "بين".
        for k in range(min(self.size, len(words)), 1, -1):
            if " ".join(w for _, w in reversed(words[:k])) in self.phrases:
                return k
        w1 = words[0][1]
        # One clitic on the nearest word: والقرار، وبين
        if w1 in self.phrases or (w1[:1] in "وفبل" and w1[1:] in self.phrases):
            return 1
        return 0

    def before(self, key: str, pos: int) -> int:
        """Start offset of a phrase of the set that ends right before pos, or -1."""
        words = _words_before(key, pos, self.size)
        k = self.count(words)
        return _start_of_words(key, pos, words, k) if k else -1


class _Lexicon:
    """The compiled grammar: vocabulary from YAML plus the rule regexes and handlers."""

    def __init__(self, data: Mapping[str, Any]):
        self.data = data
        months = data["months"]
        weak_prep = {match_key(w) for w in months.get("needs_preposition", [])}
        weak_ctx = {match_key(w) for w in months.get("needs_context", [])}

        def month_entries() -> list[tuple[str, tuple[str, int, str]]]:
            out = []
            for cal, key in (("g", "gregorian"), ("h", "hijri")):
                for n, names in months[key].items():
                    for w in names:
                        k = match_key(w)
                        level = ("context" if k in weak_ctx
                                 else "prep" if k in weak_prep else "strong")
                        out.append((w, (cal, int(n), level)))
            return out

        self.month = _Vocab(month_entries())
        self.epithet = _Vocab(_words(months.get("epithets", [])))
        wd = data["weekdays"]
        self.weekday = _Vocab(_by_number(wd["names"]), article_merge=True)

        q = data["qualifiers"]
        self.qual = _Vocab(
            _words(q["past"], "past") + _words(q["next"], "next") + _words(q["current"], "current"),
            article_merge=True,
        )
        self.this = _Vocab(_words(q["this"], "current"))
        # "في 13 الجاري": after a day, the month it qualifies goes unsaid
        self.curm = _Vocab(_words(q["of_this_month"], "current"))
        self.blast = _Vocab(_words(q["before_last"], "before_last"))

        p = data["parts"]
        self.part = _Vocab(
            _words(p["early"], "early") + _words(p["mid"], "mid") + _words(p["late"], "late")
        )
        self.frac = _Vocab(
            [(w, tuple(f["months"])) for f in data["year_fractions"] for w in f["words"]],
            article_merge=True,
        )
        s = data["seasons"]
        seasons = ("winter", "spring", "summer", "autumn")
        self.season = _Vocab(
            [(w, name) for name in seasons for w in s[name]["words"]], article_merge=True
        )
        self.season_months = {name: tuple(s[name]["months"]) for name in seasons}
        self.snoun = _Vocab(_words(s["noun"]))
        self.period = _Vocab(_words(data["day_periods"]))

        n = data["nouns"]
        self.yn = _Vocab(_words(n["year"], "one") + _words(n["year_dual"], "dual"))
        self.mnoun = _Vocab(_words(n["month"], "one") + _words(n.get("month_dual", []), "dual"))
        self.dnoun = _Vocab(_words(n["day"], "one") + _words(n["day_dual"], "dual"))
        self.pnoun = _Vocab(
            [(w, unit) for unit, words in n["period"].items() for w in words], article_merge=True
        )
        self.pyear = _Vocab(_words(n["period"]["year"]), article_merge=True)
        self.pmonth = _Vocab(_words(n["period"]["month"]), article_merge=True)

        w = data["words"]
        self.of = _Vocab(_words(w["of"]))
        self.ropen = _Vocab(_words(w["range_open"]))
        self.rjoin = _Vocab(_words(w["range_join"]))
        self.equiv = _Vocab(_words(w["equivalent"]))
        self.suf = _Vocab(_words(w["hijri_suffix"], "h") + _words(w["gregorian_suffix"], "g"))
        self.prep = _Vocab(_words(w["prepositions"]))

        do = data["day_ordinals"]
        ords: list[tuple[str, int]] = _by_number(do["units"])
        teen = do["teen"]
        conj = do["and"]
        for unit, cwords in do["compound_units"].items():
            for cw in cwords:
                ords += [(f"{cw} {t}", 10 + int(unit)) for t in teen]
                for tens, twords in do["tens"].items():
                    if int(tens) + int(unit) <= 31:
                        ords += [(f"{cw} {conj}{tw}", int(tens) + int(unit)) for tw in twords]
        ords += _by_number(do["tens"])
        self.ordinal = _Vocab(ords)
        self.first_day = _Vocab(_words(do["first_day"], 1))

        dx = data["deictic"]
        self.deictic = _Vocab(
            [(w, int(e["days"])) for e in dx["entries"] for w in e["words"]], article_merge=True
        )
        self.deictic_p = _Vocab(
            [(w, int(e["days"])) for e in dx["needs_prefix"] for w in e["words"]]
        )

        off = data["offsets"]
        self.odir = _Vocab(_words(off["past"], -1) + _words(off["future"], 1))
        self.approx = _Vocab(_words(off["approx"]))
        units = off["units"]
        self.ucount = _Vocab([(w, u) for u, f in units.items() for w in f.get("counted", [])])
        self.uone = _Vocab([(w, u) for u, f in units.items() for w in f.get("one", [])])
        self.utwo = _Vocab([(w, u) for u, f in units.items() for w in f.get("two", [])])
        self.ubare = _Vocab([(w, u) for u, f in units.items() for w in f.get("bare", [])])
        self.unit_years = {u: int(f["years"]) for u, f in units.items() if "years" in f}
        self.one = _Vocab(_words(off["one"]))
        self.numw = _Vocab(_by_number(data["number_words"]))

        yrs = data["years"]
        self.bare_range = tuple(yrs["bare_range"])
        self.cued_range = tuple(yrs["cued_range"])
        self.noun_range = tuple(yrs["noun_range"])
        self.hijri_range = tuple(yrs["hijri_range"])
        self.accusative_ok = {match_key(x) for x in yrs["accusative_ok"]}

        # Context checks: "before" = the words right before a candidate, "after" = right after.
        self.not_year_before = _PhraseSet(yrs["not_after"])
        self.counted_after = self._after_re(yrs["counted_nouns"])
        self.name_before = _PhraseSet(data["date_names_not_after"])
        self.wd_before = _PhraseSet(wd.get("not_after", []))
        self.wd_after = self._after_re(wd.get("not_before", []))
        self.deic_before = _PhraseSet(dx.get("not_after", []))
        self.deic_after = self._after_re(dx.get("not_before", []))
        self.off_after = self._after_re(off.get("not_before", []))
        self.pn_before = _PhraseSet(n.get("period_not_after", []))
        self.season_after = self._after_re(s.get("not_before", []))
        # A number right before: "1500 و2000", "300 إلى نحو 2000" -> an amount, not a year.
        self.num_joiners = {
            match_key(x) for x in ("و", "أو", "إلى", "الى", "حتى", "-", "–", "—", "/")
        }
        self.approx_set = _PhraseSet(off["approx"])

        parts = {
            "B": _B, "CL": _CL, "CLA": _CLA, "NCL": _NCL, "NEND": _NEND,
            # English ordinal day suffixes of bilingual datelines: "3rd, March 2024"
            "ORDSUF": r"(?:st|nd|rd|th)(?!\w)[,،]?(?:\s+of(?!\w))?",
            "MONTH": self.month.pattern, "EPITHET": self.epithet.pattern,
            "WD": self.weekday.pattern, "QUAL": self.qual.pattern, "THIS": self.this.pattern,
            "CURM": self.curm.pattern,
            "BLAST": self.blast.pattern, "PART": self.part.pattern, "FRAC": self.frac.pattern,
            "SEASON": self.season.pattern, "SNOUN": self.snoun.pattern,
            "PERIOD": self.period.pattern, "YN": self.yn.pattern, "MNOUN": self.mnoun.pattern,
            "DNOUN": self.dnoun.pattern, "PNOUN": self.pnoun.pattern,
            "PYEAR": self.pyear.pattern, "PMONTH": self.pmonth.pattern, "OF": self.of.pattern,
            "ROPEN": self.ropen.pattern, "RJOIN": self.rjoin.pattern, "SUF": self.suf.pattern,
            "PREP": self.prep.pattern, "ORD": self.ordinal.pattern,
            "FIRST": self.first_day.pattern, "DEIC": self.deictic.pattern,
            "DEICP": self.deictic_p.pattern, "ODIR": self.odir.pattern,
            "APPROX": self.approx.pattern, "UCOUNT": self.ucount.pattern,
            "UONE": self.uone.pattern, "UTWO": self.utwo.pattern, "UBARE": self.ubare.pattern,
            "ONE": self.one.pattern, "NUMW": self.numw.pattern,
        }
        handlers: dict[str, Callable[[str, re.Match[str], date | None], _Cand | None]] = {
            "numeric": self._h_numeric, "dm": self._h_dm, "mdy": self._h_mdy,
            "year": self._h_year, "period": self._h_period, "season": self._h_season,
            "offset": self._h_offset, "deictic": self._h_deictic, "weekday": self._h_weekday,
        }
        compiled = {name: _tpl(src, parts) for name, src in _RULES_SRC.items()}
        # anchor kind -> [(rule name, regex, handler, how many tokens back to try)]
        self.by_anchor: dict[str, list[tuple[str, re.Pattern[str], Any, int]]] = {}
        for name, kinds in _RULE_ANCHORS.items():
            for kind, back in kinds.items():
                self.by_anchor.setdefault(kind, []).append(
                    (name, compiled[name], _guarded(handlers[name]), back)
                )
        # Folded token (with any clitic) -> anchor kinds.
        self.anchors: dict[str, str] = {}
        for kind, vocabs in (("m", [self.month]), ("w", [self.weekday]), ("p", [self.pnoun]),
                             ("q", [self.pmonth, self.curm]),
                             ("s", [self.season]), ("o", [self.odir]),
                             ("x", [self.deictic, self.deictic_p])):
            for vocab in vocabs:
                for phrase in vocab.table:
                    toks = phrase.split()
                    # A month or weekday phrase is anchored on its first word (كانون الثاني,
                    # ذو الحجة); the others on each word that is not a common function word.
                    picks = (toks[:1] if kind in "mw"
                             else [t for t in toks if t not in _NOT_ANCHORS])
                    for tok in picks:
                        self._add_anchor(tok, kind)

        # Gaps between two candidates that merge into one expression.
        self.gap_equiv = re.compile(
            r"\s*[,،\-–(/]?\s*(?:" + self.equiv.pattern + r"\s*)?", re.VERBOSE
        )
        self.gap_weekday = re.compile(
            r"\s*[,،\-–]?\s*(?:" + self.equiv.pattern + r"\s*)?", re.VERBOSE
        )
        self.gap_range = re.compile(
            r"\s*(?:(?P<j>" + self.rjoin.pattern + r")|(?P<dash>[-–—])|(?P<slash>/))\s*"
        )
        self.range_opener = _PhraseSet(w["range_open"])
        # A month name followed by the other end of a range: "من مارس إلى مايو 2024".
        self.range_next = re.compile(
            r"\s*(?:(?:" + self.rjoin.pattern + r")|[-–])\s*(?:\d|" + self.month.pattern + r")"
        )
        # parse_date_expression / parse_dateline: words allowed around a date (prepositions,
        # and clitics left over when the match starts at a digit: لـ9 مايو، الـ15 من مايو).
        self.fillers = set(self.prep.table) | {"و", "ف", "ل", "ب", "ال", "لل", "بال", "وال"}
        dl = data["dateline"]
        self.dateline_fillers = re.compile(
            r"(?<!\w)(?:" + _Vocab(_words(dl["fillers"])).pattern + r")(?!\w)"
        )
        self.zone_patterns: tuple[str, ...] = tuple(dl["zone_patterns"])
        self.dateline_times = re.compile(
            "|".join([*dl["time_patterns"], *self.zone_patterns]), re.IGNORECASE)
        self.dateline_max_words = int(dl["max_other_words"])

    def _add_anchor(self, tok: str, kind: str) -> None:
        bases = [tok]
        if tok.startswith("ال"):
            bases.append("ل" + tok[1:])  # ل + الخميس = للخميس
        for base in bases:
            for cl in _CLITICS:
                if base.startswith("لل") and cl.endswith("ل"):
                    continue
                key = cl + base
                if kind not in self.anchors.get(key, ""):
                    self.anchors[key] = self.anchors.get(key, "") + kind

    # ---- context checks ---------------------------------------------------------------

    @staticmethod
    def _after_re(words: Iterable[str]) -> re.Pattern[str]:
        return re.compile(r"[ \t\u00a0]*" + _Vocab(_words(words)).pattern + r"(?!\w)")

    @staticmethod
    def _is_before(ps: _PhraseSet, key: str, pos: int) -> bool:
        return ps.before(key, pos) >= 0

    def _after_amount(self, words: list[tuple[str, str]]) -> bool:
        """True when a number follows another number and a joiner: "1500 و2000"،
        "300 إلى نحو 2000", "10-2020". ``words``: _words_before the number."""
        k = self.approx_set.count(words)
        if k < len(words) and words[k][1] in self.num_joiners:
            k += 1
            return k < len(words) and words[k][1][-1:].isdigit()
        return False

    @staticmethod
    def _is_after(rx: re.Pattern[str], key: str, pos: int) -> bool:
        return rx.match(key, pos) is not None

    # ---- shared resolution ------------------------------------------------------------

    def _tail(self, m: re.Match[str], g: dict[str, str | None], cal: str
              ) -> tuple[int | None, int | None, str | None, int]:
        """The year part after a month: (explicit year, year offset from ref, qualifier, end).

        An explicit year outside the calendar's plausible range is ignored (the match then
        ends at the month).
        """
        year_text = g.get("y")
        if year_text:
            y = int(year_text)
            suf = self.suf.get(g.get("ys"))
            ycal = "h" if suf == "h" else cal
            lo, hi = self.hijri_range if ycal == "h" else self.cued_range
            if ycal == cal and lo <= y <= hi:
                return y, None, None, m.end("ys") if g.get("ys") else m.end("y")
            return None, None, None, -1
        if g.get("yq"):
            kind = self.qual.get(g["yq"]) or self.blast.get(g["yq"])
            off = {"past": -1, "next": 1, "current": 0, "before_last": -2}[kind]
            return None, off, None, m.end("yq")
        if g.get("yt"):
            return None, 0, None, m.end("yt")
        if g.get("q"):
            return None, None, self.qual.get(g["q"]), m.end("q")
        return None, None, None, -1

    @staticmethod
    def _pick_year(cal: str, mon: int, day: int | None, ref: date, yoff: int | None,
                   qual: str | None) -> int:
        """The year of a month (and day) written without one; see the module docstring."""
        cy, cm, cd = _today(cal, ref)
        if yoff is not None:
            return cy + yoff
        here = (mon, day or 0)
        now = (cm, cd if day else 0)
        if qual == "current":
            return cy
        if qual == "past":
            return cy if here < now else cy - 1
        if qual == "next":
            return cy if here > now else cy + 1
        start = _day(cal, cy, mon, day or 1)
        # More than about two months ahead of ref: the writer means last year's.
        if start is None or start > ref + timedelta(days=62):
            return cy - 1
        return cy

    def _resolve_day(self, cal: str, mon: int, day: int, year: int | None, ref: date | None,
                     yoff: int | None, qual: str | None) -> date | None:
        if year is None:
            if ref is None:
                return None
            year = self._pick_year(cal, mon, day, ref, yoff, qual)
            d = _day(cal, year, mon, day)
            for back in range(1, 8):  # 29 February: the closest earlier year that has it
                if d is not None:
                    break
                d = _day(cal, year - back, mon, day)
            return d
        return _day(cal, year, mon, day)

    def _resolve_month(self, cal: str, mon: int, year: int | None, ref: date | None,
                       yoff: int | None, qual: str | None) -> tuple[date, date] | None:
        if year is None:
            if ref is None:
                return None
            year = self._pick_year(cal, mon, None, ref, yoff, qual)
        return _month_span(cal, year, mon)

    def _month_ok(self, level: str, *, context: bool, prep: bool) -> bool:
        return level == "strong" or context or (level == "prep" and prep)

    # ---- rule handlers ----------------------------------------------------------------

    def _h_numeric(self, key: str, m: re.Match[str], ref: date | None) -> _Cand | None:
        g = m.groupdict()
        if g["y"]:
            y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
            start = m.start("y")
        else:
            d, mo, ys = int(g["d2"]), int(g["m2"]), g["y2"]
            start = m.start("d2")
            if len(ys) == 2:
                if g["s2"] == "-":  # 3-4-22 is more often a score or a code than a date
                    return None
                y = 2000 + int(ys) if int(ys) < 70 else 1900 + int(ys)
            else:
                y = int(ys)
            if mo > 12 >= d:  # 05/13/2025: a US-style month first
                d, mo = mo, d
        if not self.cued_range[0] <= y <= self.cued_range[1]:
            return None
        dt = _day("g", y, mo, d)
        if dt is None:
            return None
        return _Cand(start, m.end(), dt, dt, "day", False, "date", month=mo, day=d, year=y)

    def _alt_end(self, m: re.Match[str], cal: str, mon: int) -> int:
        """End of a second name of the month (أبريل/نيسان، سبتمبر (أيلول)), -1 if none.
        A second name of another month (أبريل/يونيو) is not taken."""
        if not m.group("m2"):
            return -1
        info = self.month.get(m.group("m2"))
        if info is None or info[0] != cal or info[1] != mon:
            return -2
        return m.end("ac") if m.group("ac") else m.end("m2")

    def _h_dm(self, key: str, m: re.Match[str], ref: date | None) -> _Cand | None:
        g = m.groupdict()
        if g["d1"] or g["o1"] or g["f1"]:
            return self._h_dmy(key, m, g, ref)
        if g["m1"]:
            return self._h_month(key, m, g, ref)
        return None  # الشهر الماضي without a day: the period rule's

    def _h_dmy(self, key: str, m: re.Match[str], g: dict[str, str | None],
               ref: date | None) -> _Cand | None:
        d2: int | None = None
        if g["d1"]:
            d1 = int(g["d1"])
            start = m.start("d1")
            if g["d2"]:
                d2 = int(g["d2"])
                if d2 <= d1:
                    return None
                if g["rc"]:
                    start = m.start("rc")
        elif g["o1"]:
            d1 = self.ordinal.get(g["o1"])
            start = m.start("o1")
        else:
            d1 = 1
            start = m.start("f1")
        if not d1 or not 1 <= d1 <= 31 or (d2 is not None and d2 > 31):
            return None

        if g["m1"]:
            month = self.month.get(g["m1"])
            if month is None:
                return None  # matched through a look-alike letter no lookup resolves
            cal, mon, _level = month
            alt_end = self._alt_end(m, cal, mon)
            if alt_end == -2:
                return None  # أبريل/يونيو: two different months, not two names of one
            year, yoff, qual, tend = self._tail(m, g, cal)
            end = max(m.end("m1"), alt_end, m.end("ep"), tend)
            if year is None and yoff is None and self._is_before(self.name_before, key, start):
                return None  # شارع 26 يوليو، هجمات 11 سبتمبر
            first = self._resolve_day(cal, mon, d1, year, ref, yoff, qual)
            explicit = year is not None
        else:
            # 15 من الشهر الجاري; "الثاني من الشهر" and "13 الجاري" name the current month
            qual = self.qual.get(g["pq"]) if g["pq"] else "current"
            end = m.end("pq") if g["pq"] else max(m.end("pm"), m.end("pm2"), m.end("pc"))
            cal, mon, year, explicit = "g", 0, None, False
            first = None
            if ref is not None and qual is not None:
                yy, mm = _shift_month(ref.year, ref.month, {"past": -1, "next": 1}.get(qual, 0))
                first = _day("g", yy, mm, d1)
                mon = mm
        if first is None and (explicit or ref is not None):
            return None  # a day that does not exist (31 نيسان)
        last = first
        precision = "day"
        if d2 is not None:
            precision = "range"
            last = None
            if first is not None:
                if cal == "g":
                    last = _day("g", first.year, first.month, d2)
                else:
                    hy, hm, _ = _to_hijri(first)
                    last = _day("h", hy, hm, d2)
                if last is None:
                    return None
        return _Cand(start, end, first, last, precision, not explicit, "date", cal=cal,
                     month=mon or None, day=d1, day2=d2, year=year)

    def _h_mdy(self, key: str, m: re.Match[str], ref: date | None) -> _Cand | None:
        month = self.month.get(m.group("m1"))
        if month is None:
            return None
        cal, mon, _level = month
        y, d = int(m.group("y")), int(m.group("d1"))
        lo, hi = self.hijri_range if cal == "h" else self.cued_range
        if not lo <= y <= hi:
            return None
        dt = _day(cal, y, mon, d)
        if dt is None:
            return None
        return _Cand(m.start("m1"), m.end(), dt, dt, "day", False, "date", cal=cal, month=mon,
                     day=d, year=y)

    def _h_month(self, key: str, m: re.Match[str], g: dict[str, str | None],
                 ref: date | None) -> _Cand | None:
        month = self.month.get(g["m1"])
        if month is None:
            return None
        cal, mon, level = month
        alt_end = self._alt_end(m, cal, mon)
        if alt_end == -2:
            return None
        year, yoff, qual, tend = self._tail(m, g, cal)
        context = bool(tend >= 0 or g["part"] or g["mn"] or alt_end >= 0 or g["ep"]
                       or self.range_next.match(key, m.end("m1")))
        if not self._month_ok(level, context=context, prep=bool(g["pre"])):
            return None
        end = max(m.end("m1"), alt_end, m.end("ep"), tend)
        start = m.start("part") if g["part"] else m.start("mn") if g["mn"] else m.start("m1")
        before = _words_before(key, start, self.name_before.size or 1)
        if before and before[0][1].isdigit() and not (g["part"] or g["mn"] or g["pre"]):
            return None  # the month of a day-month the dm rule turned down (هجمات 11 سبتمبر)
        if year is None and yoff is None and self.name_before.count(before):
            return None  # حرب أكتوبر، ثورة يناير
        span = self._resolve_month(cal, mon, year, ref, yoff, qual)
        part = self.part.get(g["part"]) if g["part"] else None
        first = last = None
        if span is not None:
            first, last = span
            if part:
                first, last = _apply_part(first, last, part, "month" if cal == "g" else "hijri")
        return _Cand(start, end, first, last, "part" if part else "month", year is None,
                     "month", cal=cal, month=mon, year=year, part=part,
                     dual=bool(g["mn"]) and self.mnoun.get(g["mn"]) == "dual")

    def _h_year(self, key: str, m: re.Match[str], ref: date | None) -> _Cand | None:
        g = m.groupdict()
        y = int(g["y"])
        suf = self.suf.get(g["ys"]) if g["ys"] else None
        yn = self.yn.get(g["yn"]) if g["yn"] else None
        cal = "h" if suf == "h" else "g"
        if cal == "h":
            rng = self.hijri_range
        elif yn:
            rng = self.noun_range
        elif g["part"] or g["frac"] or g["pre"] or suf:
            rng = self.cued_range
        else:
            rng = self.bare_range
        if not rng[0] <= y <= rng[1]:
            return None
        ystart, yend = m.start("y"), m.end("ys") if g["ys"] else m.end("y")
        weak = False
        if not yn and not suf:
            # Amounts and identifiers: "نحو 2000"، "القرار 2020"، "2000 جندي"، "2013 قتيلا".
            before = _words_before(key, ystart, 5)
            if self.not_year_before.count(before):
                return None
            if self._is_after(self.counted_after, key, yend):
                return None
            nxt = _NEXT_WORD.match(key, yend)
            if nxt:
                word = match_key(nxt.group(1))
                if len(word) >= 3 and word.endswith("ا") and word not in self.accusative_ok:
                    return None
            weak = self._after_amount(before)
        start = (m.start("part") if g["part"] else m.start("frac") if g["frac"]
                 else m.start("yn") if g["yn"] else ystart)
        first, last = _year_span(cal, y)
        precision = "year"
        part = None
        if g["part"]:
            part = self.part.get(g["part"])
            first, last = _apply_part(first, last, part, "year" if cal == "g" else "hijri")
            precision = "part"
        elif g["frac"]:
            if cal != "g":
                return None
            a, b = self.frac.get(g["frac"])
            first = date(y, a, 1)
            last = date(y, b, calendar.monthrange(y, b)[1])
            precision = "part"
        return _Cand(start, yend, first, last, precision, False, "year", cal=cal, year=y,
                     part=part, dual=yn == "dual", weak=weak)

    def _h_period(self, key: str, m: re.Match[str], ref: date | None) -> _Cand | None:
        g = m.groupdict()
        pn = g["pn"] or g["pn2"]
        unit = self.pnoun.get(pn)
        if g["this"]:
            off = 0
        elif g["q"]:
            kind = self.qual.get(g["q"]) or self.blast.get(g["q"])
            off = {"past": -1, "next": 1, "current": 0, "before_last": -2}[kind]
        elif g["part"] or g["frac"]:
            off = 0  # نهاية العام: the current one
        else:
            return None
        pn_start = m.start("pn") if g["pn"] else m.start("this")
        if unit == "year" and self._is_before(self.pn_before, key, m.start("pn") if g["pn"]
                                              else pn_start):
            return None  # الأمين العام السابق
        if g["frac"] and unit != "year":
            return None
        start = m.start("part") if g["part"] else m.start("frac") if g["frac"] else pn_start
        end = m.end()
        part = self.part.get(g["part"]) if g["part"] else None
        first = last = None
        if ref is not None:
            if unit == "year":
                first, last = _year_span("g", ref.year + off)
            elif unit == "month":
                yy, mm = _shift_month(ref.year, ref.month, off)
                first, last = _month_span("g", yy, mm)
            else:
                first, last = _week_span(ref + timedelta(days=7 * off))
            if part:
                first, last = _apply_part(first, last, part, unit)
            elif g["frac"]:
                a, b = self.frac.get(g["frac"])
                first = date(first.year, a, 1)
                last = date(first.year, b, calendar.monthrange(first.year, b)[1])
        precision = "part" if (part or g["frac"]) else unit
        return _Cand(start, end, first, last, precision, True, "period", part=part)

    def _season_span(self, name: str, y: int) -> tuple[date, date]:
        """Season ``name`` of year y; winter y runs from December y-1 to February y."""
        a, b = self.season_months[name]
        ya = y - 1 if a > b else y
        return date(ya, a, 1), date(y, b, calendar.monthrange(y, b)[1])

    def _h_season(self, key: str, m: re.Match[str], ref: date | None) -> _Cand | None:
        g = m.groupdict()
        name = self.season.get(g["s"] or g["s2"])
        sword_end = m.end("s") if g["s"] else m.end("s2")
        if self._is_after(self.season_after, key, sword_end):
            return None  # الربيع العربي
        year: int | None = None
        yoff: int | None = None
        qual: str | None = None
        if g["this"]:
            qual = "current"
        elif g["y"]:
            year = int(g["y"])
            if g["y2"]:
                y2 = int(g["y2"])
                if name != "winter" or y2 != year + 1:
                    return None
                year = y2  # شتاء 2023-2024 is winter 2024 (December 2023 - February 2024)
            if not self.cued_range[0] <= year <= self.cued_range[1]:
                return None
        elif g["yq"]:
            kind = self.qual.get(g["yq"]) or self.blast.get(g["yq"])
            yoff = {"past": -1, "next": 1, "current": 0, "before_last": -2}[kind]
        elif g["yt"]:
            yoff = 0
        elif g["q"]:
            qual = self.qual.get(g["q"])
        else:
            return None  # a bare season word is not a date: "في فصل الصيف" is any summer
        start = m.start("part") if g["part"] else m.start("sn") if g["sn"] else (
            m.start("s") if g["s"] else m.start("this"))
        first = last = None
        if year is not None:
            first, last = self._season_span(name, year)
        elif ref is not None:
            if yoff is not None:
                first, last = self._season_span(name, ref.year + yoff)
            else:
                spans = [self._season_span(name, y) for y in range(ref.year - 2, ref.year + 3)]
                if qual == "past":
                    first, last = max((s for s in spans if s[1] < ref), key=lambda s: s[0])
                elif qual == "next":
                    first, last = min((s for s in spans if s[0] > ref), key=lambda s: s[0])
                else:
                    inside = [s for s in spans if s[0] <= ref <= s[1]]
                    if inside:
                        first, last = inside[0]
                    else:
                        y = ref.year + 1 if name == "winter" and ref.month == 12 else ref.year
                        first, last = self._season_span(name, y)
        part = self.part.get(g["part"]) if g["part"] else None
        if part and first is not None and last is not None:
            first, last = _apply_part(first, last, part, "season")
        return _Cand(start, m.end(), first, last, "part" if part else "season", year is None,
                     "season", year=year, part=part)

    def _h_offset(self, key: str, m: re.Match[str], ref: date | None) -> _Cand | None:
        g = m.groupdict()
        sign = self.odir.get(g["dir"])
        n: int | None
        if g["u"]:
            unit = self.ucount.get(g["u"])
            num = g["n"] or ""
            n = int(num) if num.isdigit() else self.numw.get(num)
        elif g["u1"]:
            unit, n = self.uone.get(g["u1"]), 1
        elif g["u2"]:
            unit, n = self.utwo.get(g["u2"]), 2
        else:
            unit, n = self.ubare.get(g["ub"]), 0
        if not unit or n is None:
            return None
        if unit in self.unit_years:  # a decade or a century: counted in years
            unit, n = "year", n * self.unit_years[unit]
        if sign > 0 or match_key(g["dir"]) == "قبل":
            # "قبل يومين من الانتخابات": counted from another event, not from the report.
            if self._is_after(self.off_after, key, m.end()):
                return None
        if g["u1"]:
            # A singular unit may head a construct: "قبل شهر رمضان" (before the month of
            # Ramadan), "منذ يوم الجمعة" (since Friday), "قبل عام الانتخابات".
            nxt = _NEXT_WORD.match(key, m.end())
            if nxt:
                word = _fold_token(nxt.group(1))
                if word.startswith("ال") or "m" in self.anchors.get(word, ""):
                    return None
        first = last = None
        precision = {"hour": "day", "day": "day", "week": "week", "month": "month",
                     "year": "year"}[unit]
        if ref is not None:
            k = sign * n
            if unit == "hour":
                first = last = ref + timedelta(days=sign * (n // 24))
            elif unit == "day":
                first = last = ref + timedelta(days=k)
            elif unit == "week":
                first, last = _week_span(ref + timedelta(days=7 * k))
            elif unit == "month":
                first, last = _month_span("g", *_shift_month(ref.year, ref.month, k))
            else:
                first, last = _year_span("g", ref.year + k)
        return _Cand(m.start("dir"), m.end(), first, last, precision, True, "offset")

    def _h_deictic(self, key: str, m: re.Match[str], ref: date | None) -> _Cand | None:
        g = m.groupdict()
        if g["w"]:
            days = self.deictic.get(g["w"])
            per = g["per"]
            start = m.start("per") if per else m.start("w")
        else:
            days = self.deictic_p.get(g["w2"])
            start = m.start("per2")
            per = g["per2"]
        if days is None:
            return None
        if self._is_after(self.deic_after, key, m.end()):
            return None  # اليوم التالي، اليوم العالمي
        if not per and self._is_before(self.deic_before, key, start):
            return None  # في اليوم "per day", ذلك اليوم
        first = last = None if ref is None else ref + timedelta(days=days)
        return _Cand(start, m.end(), first, last, "day", True, "deictic", days=days)

    def _h_weekday(self, key: str, m: re.Match[str], ref: date | None) -> _Cand | None:
        g = m.groupdict()
        wd = self.weekday.get(g["wd"])
        start = m.start("per") if g["per"] else m.start("dn") if g["dn"] else m.start("wd")
        if self._is_before(self.wd_before, key, start):
            return None  # كلا الاثنين
        if self._is_after(self.wd_after, key, m.end("wd")):
            return None  # الاثنين معا، الأحد عشر
        qual = self.qual.get(g["q"]) if g["q"] else None
        wd2 = self.weekday.get(g["wd2"]) if g["wd2"] else None
        first = last = None
        if ref is not None:
            if qual == "past":
                first = _weekday_on_or_before(ref, wd, strict=True)
            elif qual == "next":
                first = _weekday_after(ref, wd)
            else:
                first = _weekday_on_or_before(ref, wd)
            last = first
            if wd2 is not None:
                last = first + timedelta(days=(wd2 - wd) % 7)
        dual = bool(g["dn"]) and self.dnoun.get(g["dn"]) == "dual"
        if wd2 is not None:
            opener = self.range_opener.before(key, start)
            if opener >= 0:
                start = opener  # من الخميس إلى السبت: the range opens at من
        return _Cand(start, m.end(), first, last, "range" if wd2 else "day", True, "weekday",
                     weekday=None if wd2 else wd, dual=dual)

    # ---- whole pipeline ---------------------------------------------------------------

    def _token_info(self, tok: str) -> tuple[str, int, tuple[int, ...]]:
        """(anchor kinds, offset of the word inside tok, offsets of inner years) of a token."""
        core = tok.strip(_PUNCT)
        if not core:
            return "", 0, ()
        lead = tok.find(core)
        folded = _fold_token(core)
        kinds = self.anchors.get(folded, "")
        if not kinds and _INNER_PUNCT_RE.search(folded):
            # مارس/آذار، (أيلول)الماضي: look at each piece
            for piece in _INNER_PUNCT_RE.split(folded):
                kinds += self.anchors.get(piece, "")
        inner: tuple[int, ...] = ()
        if _DIGIT_RE.search(core):
            if _NUMERIC_TOKEN_RE.search(core):
                kinds += "n"
            years = [m.start() for m in _YEAR_RUN_RE.finditer(tok)]
            if years:
                kinds += "y"
                # 2019-2020 is one token: its second year is tried where it starts.
                inner = tuple(y for y in years if y > lead and tok[y - 1] in "-–/")
            if "m" not in kinds and _GLUED_RE.search(core):
                kinds += "m"  # 15أبريل، أبريل2025
        return kinds, lead, inner

    def token_kinds(self, toks: list[str]) -> list[str] | None:
        """Anchor kinds of each token ("" for none), or None when no token is an anchor.

        This is the whole cost for most sentences: a dict lookup per token (raw token ->
        kinds, cached, since news vocabulary repeats), in C through map().
        """
        cache = _TOKEN_CACHE
        kinds: list[str | None] = list(map(cache.get, toks))
        if None in kinds:
            if len(cache) > 200_000:
                cache.clear()
                _TOKEN_DETAIL.clear()
            for idx, k in enumerate(kinds):
                if k is None:
                    info = self._token_info(toks[idx])
                    cache[toks[idx]] = info[0]
                    if info[0]:
                        _TOKEN_DETAIL[toks[idx]] = info
                    kinds[idx] = info[0]
        return cast("list[str]", kinds) if any(kinds) else None

    def candidates(self, key: str, toks: list[str], kinds: list[str],
                   ref: date | None) -> list[_Cand]:
        # Where each token starts. When words are separated by single spaces (the usual
        # case) the starts are running sums of lengths, computed in C.
        if " ".join(toks) == key:
            starts = [0, *accumulate(map(_PLUS_ONE, map(len, toks[:-1])))]
        else:
            starts = []
            pos = 0
            for tok in toks:
                i = key.find(tok, pos)
                pos = i + len(tok)
                starts.append(i)
        detail = _TOKEN_DETAIL

        def word_start(k: int) -> int:
            info = detail.get(toks[k])
            return starts[k] + (info[1] if info else len(toks[k]) - len(toks[k].lstrip(_PUNCT)))

        out: list[_Cand] = []
        tried: set[tuple[str, int]] = set()
        for j, ks in enumerate(kinds):
            if not ks:
                continue
            anchor_at = word_start(j)
            if ("y" in ks or "n" in ks) and len(ks) == 1 and any(
                c.start <= anchor_at < c.end for c in out
            ):
                continue  # a year already inside a found date: السابع من أكتوبر 2023
            for kind in set(ks):
                for name, rx, handler, back in self.by_anchor.get(kind, ()):
                    # Earliest start first: the first match that reaches the anchor is the
                    # longest this rule can make around it.
                    positions = [word_start(k) for k in range(max(0, j - back), j + 1)]
                    if kind == "y":
                        # 2019-2020 is one token: its second year is tried where it starts.
                        info = detail.get(toks[j])
                        for off in info[2] if info is not None else ():
                            at = starts[j] + off
                            if (name, at) not in tried:
                                tried.add((name, at))
                                m = rx.match(key, at)
                                cand = handler(key, m, ref) if m is not None else None
                                if cand is not None:
                                    out.append(cand)
                    for at in positions:
                        if (name, at) in tried:
                            continue
                        tried.add((name, at))
                        if name == "numeric" and not key[at].isdigit():
                            continue
                        m = rx.match(key, at)
                        if m is None:
                            continue
                        cand = handler(key, m, ref)
                        if cand is not None:
                            out.append(cand)
                            if cand.end > anchor_at and at <= anchor_at:
                                break
        return out

    def merge(self, key: str, cands: list[_Cand], ref: date | None) -> list[_Cand]:
        cands = self._merge_pairs(key, cands, self._join_weekday_date)
        cands = self._merge_pairs(key, cands, self._join_equivalent)
        cands = self._merge_pairs(key, cands, self._join_deictic_weekday)
        cands = self._merge_pairs(key, cands, lambda k, a, b: self._join_range(k, a, b, ref))
        return [c for c in cands if not c.weak]

    @staticmethod
    def _merge_pairs(key: str, cands: list[_Cand],
                     join: Callable[[str, _Cand, _Cand], _Cand | None]) -> list[_Cand]:
        out: list[_Cand] = []
        for c in cands:
            if out:
                merged = join(key, out[-1], c)
                if merged is not None:
                    out[-1] = merged
                    continue
            out.append(c)
        return out

    def _join_weekday_date(self, key: str, a: _Cand, b: _Cand) -> _Cand | None:
        """الإثنين 15 أبريل 2024 / الاثنين 2025/05/12: the date decides, the weekday can
        correct a Hijri date that the tabular calendar puts a day off."""
        if a.kind != "weekday" or a.weekday is None or b.kind != "date" or b.precision != "day":
            return None
        if not self.gap_weekday.fullmatch(key, a.end, b.start):
            return None
        first = b.first
        if first is not None and b.cal == "h":
            first = _snap_to_weekday(first, a.weekday)
        return replace(b, start=a.start, first=first, last=first)

    def _join_equivalent(self, key: str, a: _Cand, b: _Cand) -> _Cand | None:
        """15 شوال 1446 هـ الموافق 13 أبريل 2025 م: one expression, the Gregorian side wins."""
        if {a.cal, b.cal} != {"g", "h"} or a.kind != b.kind or a.precision != b.precision:
            return None
        if not self.gap_equiv.fullmatch(key, a.end, b.start):
            return None
        greg = a if a.cal == "g" else b
        end = b.end
        if key[end:end + 1] == ")" and "(" in key[a.end:b.start]:
            end += 1
        return replace(greg, start=a.start, end=end)

    def _join_deictic_weekday(self, key: str, a: _Cand, b: _Cand) -> _Cand | None:
        """أمس الخميس / اليوم الاثنين / غدا الجمعة: trust the day word when the weekday
        agrees, otherwise the weekday (the writer's "yesterday" may be the wire's)."""
        if a.kind != "deictic" or b.kind != "weekday" or b.weekday is None:
            return None
        if not _GAP_COMMA.fullmatch(key, a.end, b.start):
            return None
        first = a.first
        if first is not None and first.isoweekday() != b.weekday:
            ref = first - timedelta(days=a.days or 0)
            if (a.days or 0) < 0:
                first = _weekday_on_or_before(ref, b.weekday, strict=True)
            elif (a.days or 0) > 0:
                first = _weekday_after(ref, b.weekday)
            else:
                first = _weekday_on_or_before(ref, b.weekday)
        return replace(a, end=b.end, first=first, last=first, kind="date")

    def _join_range(self, key: str, a: _Cand, b: _Cand, ref: date | None) -> _Cand | None:
        """بين أبريل 2019 ويونيو 2020، من 2019 إلى 2020، 2019-2020، من الخميس إلى السبت."""
        if a.kind in ("offset", "range") or b.kind in ("offset", "range"):
            return None
        gm = self.gap_range.fullmatch(key, a.end, b.start)
        if gm is None:
            return None
        opener = self.range_opener.before(key, a.start)
        joiner = match_key(gm.group("j")) if gm.group("j") else None
        if joiner == "و" and opener < 0 and not a.dual and not (a.kind == b.kind == "year"):
            # "في مايو ويونيو" lists two dates; "بين ... و..." and "2020 و2021" are spans.
            return None
        if gm.group("slash") and not (a.kind == b.kind == "year"):
            return None
        if gm.group("dash") and a.kind != b.kind:
            return None
        a, b = self._align_years(a, b, ref)
        if a.first is not None and b.last is not None and a.first > b.last:
            if a.kind == b.kind == "weekday":
                b = replace(b, first=b.first + timedelta(days=7) if b.first else None,
                            last=b.last + timedelta(days=7))
            else:
                return None
        start = opener if opener >= 0 else a.start
        return _Cand(start, b.end, a.first, b.last, "range", a.relative or b.relative, "range")

    def _align_years(self, a: _Cand, b: _Cand, ref: date | None) -> tuple[_Cand, _Cand]:
        """In "بين أبريل ويونيو 2020" the year written once serves both ends."""
        def redo(c: _Cand, year: int) -> _Cand:
            if c.month is None:
                return c
            if c.kind == "date" and c.day is not None:
                d = _day(c.cal, year, c.month, c.day)
                if d is None:
                    return c
                last = _day(c.cal, year, c.month, c.day2) if c.day2 else d
                return replace(c, first=d, last=last or d)
            if c.kind == "month":
                first, last = _month_span(c.cal, year, c.month)
                if c.part:
                    first, last = _apply_part(first, last, c.part,
                                              "month" if c.cal == "g" else "hijri")
                return replace(c, first=first, last=last)
            return c

        if a.cal != b.cal:
            return a, b
        if a.year is None and b.year is not None and a.month and b.month:
            a = redo(a, b.year if a.month <= b.month else b.year - 1)
        elif b.year is None and a.year is not None and a.month and b.month:
            b = redo(b, a.year if b.month >= a.month else a.year + 1)
        elif a.year is None and b.kind == "year" and b.year and a.month:
            a = redo(a, b.year)
        return a, b



_NEXT_WORD = re.compile(r"[ \t\u00a0]*(\w+)")
_PLUS_ONE = (1).__add__
_GAP_COMMA = re.compile(r"\s*[,،]?\s*")
# raw token -> anchor kinds; and for anchor tokens (kinds, offset of the word, inner years)
_TOKEN_CACHE: dict[str, str] = {}
_TOKEN_DETAIL: dict[str, tuple[str, int, tuple[int, ...]]] = {}
_DIGIT_RE = re.compile(r"\d")
_NUMERIC_TOKEN_RE = re.compile(r"\d[-/.]\d{1,2}[-/.]\d")
_YEAR_RUN_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")
_INNER_PUNCT_RE = re.compile(r"[/()\[\]\-–—،,.]+")
_GLUED_RE = re.compile(r"\d[^\W\d_]{2}|[^\W\d_]{3}\d")
_WORD_RE = re.compile(r"\w+")
_LETTER_WORD_RE = re.compile(r"\w*[^\W\d_]\w*")
# A label glued to the date after its colon ("تاريخ النشر:15 يوليو 2025", "Published:May 3"),
# or a colon spaced from its label but glued to the date ("تاريخ نشر المقال :03/02/2024"): a
# letter or a space, a colon, then a digit or a letter; never inside a clock ("10:30").
_LABEL_COLON_RE = re.compile(r"(?:(?<=[^\W\d_])|(?<=\s)):(?=\w)")
# A news agency's credit beside a dateline's date, in brackets or between slashes: "(وام)",
# "/العُمانية/", "/ أ ش أ /" — one to three words that are no sentence.
_CREDIT_WORD = r"[^\W\d_](?:[^\W\d_]|[\u0610-\u061a\u064b-\u065f\u0670])*"  # diacritics too
AGENCY_CREDIT_RE = re.compile(rf"[(/]\s*{_CREDIT_WORD}(?:\s+{_CREDIT_WORD}){{0,2}}\s*[)/]")


# "09 فبراير 202501:57": a capture that lost the space between the year and the clock.
_GLUED_CLOCK_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\d{1,2}:\d\d(?!\d))")


def unglued_clock(text: str) -> str:
    """"09 فبراير 202501:57" → "09 فبراير 2025 01:57": a year glued to the clock after it
    is read as the year and the clock."""
    return _GLUED_CLOCK_RE.sub(r"\1 ", text) if ":" in text else text


# "10 22:48 2024 أكتوبر": a right-to-left capture of "10 أكتوبر 2024 22:48" that scrambled
# the order of its runs (day, clock, year, month name).
_BIDI_CLOCK_RE = re.compile(r"(?<!\d)(\d{1,2})\s+(\d{1,2}:\d\d)\s+((?:19|20)\d\d)\s+([^\W\d_]+)")


def unscrambled_clock(text: str) -> str:
    """"10 22:48 2024 أكتوبر" → "10 أكتوبر 2024 22:48": a date whose clock a right-to-left
    capture moved between the day and the year is read in its written order (the month
    word must still be a month for a date to be found)."""
    return _BIDI_CLOCK_RE.sub(r"\1 \4 \3 \2", text) if ":" in text else text


def without_credit(text: str) -> str:
    """"بنغازي 15 سبتمبر 2022م (وام)" → "بنغازي 15 سبتمبر 2022م  ": a dateline's agency
    credit takes no part in telling a dateline from a sentence."""
    return AGENCY_CREDIT_RE.sub(" ", text) if "(" in text or "/" in text else text


def _load() -> _Lexicon:
    # The C loader when PyYAML has it: the pure-Python one takes most of the import time.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with DATA_PATH.open(encoding="utf-8") as fh:
        return _Lexicon(yaml.load(fh, Loader=loader))  # noqa: S506 - a safe loader


_LEX = _load()
# Weekday names without their article (a dateline may write "خميس، 07/05/2018"), and the
# English ones of bilingual sites.
_WEEKDAYS = {(k[2:] if k.startswith("ال") else k): v for k, v in _LEX.weekday.table.items()
             if not k.startswith("ل") or k.startswith("ال")} | {
    d: n for n, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday",
                                "saturday", "sunday"), start=1)}


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def time_zone_patterns() -> tuple[str, ...]:
    """The time-zone forms of date lines ("GMT+3", "+2GMT", "بتوقيت القدس"), as regex
    sources over folded text: dates.yaml's ``dateline.zone_patterns``, their one source."""
    return _LEX.zone_patterns


def _keyed(text: str) -> tuple[str, list[int] | None]:
    """The search key of ``text``: the text without the marks that fold to nothing, and with
    rare letter forms replaced one for one by their folded letter.

    Returns the key and ``index`` (key offset -> text offset, plus a final ``len(text)``),
    or ``None`` for the index when no character was removed and offsets are the same.
    """
    if _ODD_RE.search(text) is None:
        return text, None
    text_t = text.translate(_RARE)
    if _DROP_RE.search(text_t) is None:
        return text_t, None
    pieces: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _DROP_RE.finditer(text_t):
        pieces.append(text_t[pos:m.start()])
        index.extend(range(pos, m.start()))
        pos = m.end()
    pieces.append(text_t[pos:])
    index.extend(range(pos, len(text_t)))
    index.append(len(text_t))
    return "".join(pieces), index


def _to_text_span(text: str, index: list[int] | None, a: int, b: int) -> tuple[int, int]:
    if index is not None:
        a, b = index[a], index[b - 1] + 1
    # Carry the marks that end a word (the tanween of غداً, the tatweel of هـ) into the match.
    n = len(text)
    while b < n and (text[b] == _TATWEEL or unicodedata.category(text[b]) == "Mn"):
        b += 1
    return a, b


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest first; a candidate overlapping an already chosen one is dropped."""
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def find_dates(text: str, *, ref: date | None = None) -> list[DateMatch]:
    """All date expressions in ``text``, non-overlapping, longest first, in text order.

    ``ref`` is the date the text was written (usually the publication date); expressions
    that need it (أمس، الخميس الماضي، 9 مايو) come back unresolved without it.
    """
    if not text:
        return []
    if isinstance(ref, datetime):
        ref = ref.date()  # a datetime does not compare with the dates computed here
    # Anchors are looked up on folded tokens, so the raw text can be checked first; the key
    # (text without harakat / tatweel) is only built when there is something to match.
    toks = text.split()
    kinds = _LEX.token_kinds(toks)
    if kinds is None:
        return []
    key, index = _keyed(text)
    if key is not text:
        toks = key.split()
        kinds = _LEX.token_kinds(toks)
        if kinds is None:
            return []
    cands = _LEX.candidates(key, toks, kinds, ref)
    if not cands:
        return []
    chosen = _LEX.merge(key, _select(cands), ref)
    out = []
    for c in chosen:
        s, e = _to_text_span(text, index, c.start, c.end)
        first, last = c.first, c.last
        # Both days or neither, in order (a range with one unresolvable end is unresolved).
        if first is None or last is None or first > last:
            first = last = None
        out.append(DateMatch(s, e, text[s:e], first, last, c.precision, c.relative))
    return out


def _only_fillers(text: str) -> bool:
    key, _ = _keyed(text)
    for tok in _WORD_RE.findall(key):
        k = match_key(tok)
        if k in _LEX.fillers or (k[:1] in ("و", "ف") and k[1:] in _LEX.fillers):
            continue
        return False
    return True


def parse_date_expression(expr: str, *, ref: date | None = None) -> DateMatch | None:
    """``expr`` read as one date expression, or ``None``.

    The expression may carry a leading preposition (في 8 أبريل، منذ عام 2019, خلال الأسبوع
    الماضي); anything else outside the longest match makes it not a date expression.
    """
    matches = find_dates(expr, ref=ref)
    if not matches:
        return None
    best = max(matches, key=lambda m: (m.end - m.start, -m.start))
    if not _only_fillers(expr[:best.start] + " " + expr[best.end:]):
        return None
    return best


def weekday_in(text: str) -> int | None:
    """ISO number (1 = Monday) of the first weekday named in ``text``: "خميس، 07/05/2018" → 4.
    A dateline's weekday tells which of two readings of an ambiguous numeric date it is."""
    for word in _WORD_RE.findall(_keyed(text)[0]):
        word = _fold_token(word)
        day = _WEEKDAYS.get(word[2:] if word.startswith("ال") else word)
        if day is not None:
            return day
    return None


def parse_dateline(line: str, *, fallback: bool = False) -> date | None:
    """The publication date in a dateline such as "الاثنين 2025/05/12" or
    "نُشر في 12/05/2025 - 14:30", or ``None`` when the line is not (mostly) a date.

    A dateline must resolve to one day without a reference date. Apart from the date, the
    line may hold times, time zones, filler words (نشر في، آخر تحديث، بتوقيت ...) and at
    most ``dateline.max_other_words`` other words (a city). With ``fallback=True`` a line
    this parser cannot read is handed to dateparser, if it is installed.
    """
    if not line or not line.strip():
        return None
    line = _LABEL_COLON_RE.sub(": ", line)  # "تاريخ النشر:15 يوليو" → "تاريخ النشر: 15 يوليو"
    line = unscrambled_clock(unglued_clock(line))
    matches = find_dates(line)
    found = next((m for m in matches if m.precision == "day" and m.first is not None
                  and not m.relative), None)
    if found is None:
        return _dateparser_fallback(line) if fallback else None
    rest = list(line)
    for m in matches:
        rest[m.start:m.end] = [" "] * (m.end - m.start)
    key, _ = _keyed(without_credit("".join(rest)))
    key = _LEX.dateline_times.sub(" ", key)
    key = _LEX.dateline_fillers.sub(" ", key)
    # Numbers left over (an issue number, the digits of a Hijri date written with slashes) are
    # no words: only words say that the line is a sentence rather than a dateline.
    if len(_LETTER_WORD_RE.findall(key)) > _LEX.dateline_max_words:
        return None
    return found.first


def _dateparser_fallback(line: str) -> date | None:
    """Optional: dateparser for dateline formats this module does not know. Imported lazily
    so that the package works without it; it is never the main parser."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import dateparser  # type: ignore[import-untyped]

            parsed = dateparser.parse(
                line,
                languages=["ar", "en"],
                settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
            )
    except ImportError:
        return None
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date() if parsed is not None else None
