"""Furniture removal for plain-text captures of Arabic news pages.

A scraped page arrives as lines: the article (title, standfirst, dateline, paragraphs) mixed
with the page's debris (notices, widgets, share bars, "read also" boxes, tag clouds, credits,
counters). :func:`clean_text` decides line by line what is furniture, with the rules of
``marsad/data/ar/furniture.yaml``, and returns the kept body together with every removal as a
half-open span of the *raw* input and the id of the rule that removed it.

How it works, and why:

1. Each line is reduced once to its match key (``marsad.text.normalize.match_key``: alef and
   hamza forms, ta marbuta, alef maqsura, diacritics and digits folded) and to a ``core`` view
   without edge punctuation and bullets. All line rules are regexes over these views, so a
   pattern written once covers every spelling a site uses ("إقرأ أيضاً:" / "اقرأ ايضا").
2. Line rules (``line``, ``words``, ``block`` labels) are tried in file order; an anchored
   prefilter, which tries only the patterns that can begin with the line's first character,
   skips the body lines, which are most lines.
3. Context rules then look at neighbours: a bare date next to a weather widget is the
   widget's date, a repeated headline, a lone number at the end, navigation runs, and a
   "عاجل | ..." ticker item above the article's own headline (``before_headline`` rules).
4. Blocks: a "read also"/related label takes the list under it. In the page tail (after a
   credit line, tag cloud or comment header that follows enough body text) it takes
   everything to the end, because what follows there is other articles (seed 004 embeds a
   whole related article after "إقرأ أيضاً:").
5. Inline spans of unambiguous furniture inside kept lines are cut last.

The stored text of kept lines is never rewritten (style habit 3): only edge white space is
stripped, and a "- "/"• " bullet in front of the line chosen as dateline.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

import yaml

from marsad.errors import DataFileError
from marsad.text.dates import (
    find_dates,
    parse_dateline,
    time_zone_patterns,
    unglued_clock,
    without_credit,
)
from marsad.text.normalize import ARABIC_LETTER_RE, fold, fold_char, match_key
from marsad.text.segment import ends_open

from .literals import (
    FirstChars,
    Literals,
    first_chars,
    literal_set_re,
    lower_code,
    required_literals,
)
from .published import (
    FIELD_SEP_RE,
    Published,
    capture_header,
    date_line_under,
    find_published,
    masthead_clock,
    weekday_contradicts,
)
from .structure import SENTENCE_ENDS, STRUCTURE_RULE_IDS, STRUCTURE_RULES

RULES_PATH = Path(__file__).resolve().parent.parent / "data" / "ar" / "furniture.yaml"

KINDS = frozenset({"line", "words", "block", "context"})
TARGETS = frozenset({"core", "key"})
ITEM_MODES = frozenset({"list", "short"})
# Context rules are code; the YAML only documents and parameterises them. An id here that the
# file lacks (or the reverse) fails validation, so code and data cannot drift apart.
CONTEXT_RULES = frozenset(
    {
        "widget_date",
        "related_list",
        "duplicate_line",
        "latin_garbage",
        "symbol_line",
        "trailing_counter",
        "capture_header",
    }
) | STRUCTURE_RULE_IDS
_RULE_KEYS = frozenset(
    {
        "id",
        "kind",
        "description",
        "patterns",
        "target",
        "max_words",
        "min_words",
        "min_run",
        "in_header",
        "tail_marker",
        "widget",
        "no_date",
        "items",
        "item_max_words",
        "max_items",
        "vocab",
        "anchors",
        "inline",
        "examples",
        "max_letters",
        "requires",
        "before_headline",
    }
)
_SETTINGS_DEFAULTS: dict[str, int] = {
    "headline_max_words": 20,
    "list_max_headlines": 6,
    "list_max_bullets": 40,
    "tail_min_body_chars": 400,
    "header_max_lines": 10,
}

# Line terminators, CRLF as one break. Written as one class first (a CR then takes its LF),
# not as "\r\n|[…]": a pattern that opens with a class lets the engine skip to the next
# terminator instead of trying both alternatives at every character of the page.
_BREAK_RE = re.compile(r"[\n\r\u2028\u2029\x0b\x0c\x85](?:(?<=\r)\n)?")
# Edge characters stripped from kept lines: white space and the invisible marks scraped text
# is full of (they carry nothing at a line's edge).
_EDGE_CHARS = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + (
    "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069"
)
_LEAD_NONWORD_RE = re.compile(r"[\W_]+")
_HAS_WORD_RE = re.compile(r"[^\W_]")
_ONLY_NONWORD_OR_DIGITS_RE = re.compile(r"[\W\d_]*")
_LATIN_RUN_RE = re.compile(r"[A-Za-z]+")
_ARABIC_RUN_RE = re.compile(ARABIC_LETTER_RE.pattern + "+")
_LATIN_SHORT = r"[a-z]{1,%d}"  # filled with latin_garbage's max_letters
_NUMBER_LINE_RE = re.compile(r"[\d\s.,٬٫+()-]*\d[\d\s.,٬٫+()-]*")
_BULLET_RE = re.compile(r"(?:[•●▪◦■►▸‣○◆◇★·]\s*|[-–—*»]\s+)")
_DATELINE_BULLET_RE = re.compile(r"(?:-|•)\s+")
_PLACE_LINE_RE = re.compile(r"\w+|\w+(?: \w+){0,2}\s*[-–—/]\s*\w+(?: \w+){0,2}")
_PLACE_PREFIX_RE = re.compile(r"[\W_]*[^\W\d_]+(?: [^\W\d_]+)?\s*[-–—:،,|/_][\W_]*")
_PLACEHOLDER_RE = re.compile(r"\{\{(\w+)\}\}")
_BUCKETS = (0, 4, 8, 15, 30, 70)  # word-count lower bounds of the prefilter buckets
# How far below a headline its first paragraph or date line may stand (byline, author's
# title, section label between).
# Lines of an article's meta row: a date standing over them stands over the article.
_ARTICLE_META_RULES = frozenset({"view_counter", "reading_time", "share_bar", "comment_counter",
                                 "font_controls", "bare_number", "date_label_alone",
                                 "lone_time"})
# One short label line between a date and the article (the site's name, a section) is no
# masthead; a run of them is a menu.
_LABEL_RULES = frozenset({"nav_run", "header_label", "section_label"})
_LABEL_MAX_WORDS = 3
_LEADING_COUNT_RE = re.compile(r"\d[\d,.]*\s+")
# A separator left dangling at the end of a line: " -", " |", " •", " ·".
_DANGLING_RE = re.compile(r"\s[-–—|•·]\s*$")
_HEADER_LOOKAHEAD = 4
# A sentence that announces a list under it ("… على النحو التالي:") is longer than a label.
_ANNOUNCE_MIN_WORDS = 6
# A short line with a full date under a headline is its date line, whatever else it carries
# ("الموقع - العدد: 512 - 2021 / 5 / 17 - 23:39").
_DATED_LINE_WORDS = 14
# A published and an updated date on one line, each with its label, weekday and time.
_BARRED_DATE_WORDS = 30
# A post's meta row: its date, then short fields between bars ("بتاريخ 4 مايو, 2016 في 10:20 ص |
# مصنفة في أخبار المدينة | تعليق واحد"): each field this many words at most.
_META_SEGMENT_WORDS = 6
# A meta row has this many fields after its date at least (a timeline row has one).
META_MIN_FIELDS = 2
# "3 تعليقات", "120 مشاهدة", "عدد الزيارات 2038": a count is the one number such a field holds.
_COUNT_FIELD_RE = re.compile(
    r"\s*(?:\d+\s+[^\W\d_]+|[^\W\d_]+(?:\s+[^\W\d_]+)?\s*:?\s*\d+)\s*")
_WORDS_MAX = 40  # words-kind lines (menus, share bars) are short; longer lines are text
# A paragraph not ending in a SENTENCE_ENDS mark, under a list label, is a teaser's cut lead
# (see ``_Cleaner.cut_teaser``), whose stamp line has at most this many words.
_STAMP_MAX_WORDS = 4
# A header's "today" with the place it is set to: at most this many words, the place's
# words letters only.
_DATED_PLACE_MAX_WORDS = 8
_PLACE_WORD_RE = re.compile(r"[^\W\d_]+")
_DIGIT_RE = re.compile(r"\d")  # (a scan in C: lines are tried against many rules)
_URL_IN_KEY_RE = re.compile(r"(?:https?://|www\.)\S+")
# A headline printed twice over the lead (title_printed_twice): at least this many words and
# no comma, full stop or semicolon (a twice-printed photo caption is a short name with a comma)
_TWICE_MIN_WORDS = 5
_CLAUSE_RE = re.compile(r"[،,.;؛]")
_PROSE_MARK_RE = re.compile(r"[،,.;؛!?؟]")  # a paragraph of prose has one of these at least


class RulesError(DataFileError, ValueError):
    """The furniture rules file is malformed; the message lists every problem found."""


@dataclass(frozen=True)
class Removal:
    """One removed line or inline span: ``raw[start:end] == text``."""

    start: int
    end: int
    rule: str
    text: str


@dataclass(frozen=True)
class Cleaned:
    """The cleaned body of one article and what was removed from it."""

    text: str
    removals: tuple[Removal, ...]
    title: str | None
    dateline: str | None
    dateline_raw_start: int | None
    # The page's own publication date, where it was read (see marsad/clean/published.py).
    published: Published | None = None


@dataclass(frozen=True)
class Rule:
    """One compiled rule of furniture.yaml."""

    id: str
    kind: str
    description: str
    patterns: tuple[re.Pattern[str], ...] = ()
    target: str = "core"
    max_words: int | None = None
    min_words: int = 1
    min_run: int | None = None
    in_header: bool = False
    tail_marker: bool = False
    widget: bool = False
    no_date: bool = False
    items: str | None = None
    item_max_words: int = 4
    max_items: int = 40
    vocab_re: re.Pattern[str] | None = None
    anchors_re: re.Pattern[str] | None = None
    inline: tuple[re.Pattern[str], ...] = ()
    max_letters: int = 3
    requires: tuple[str, ...] = ()  # folded literals; the rule is tried only when one is there
    requires_re: re.Pattern[str] | None = None  # the same literals as one alternation
    # The line is only a candidate: dropped when, outside the article body, the next kept line
    # is a headline (a ticker item above the article's own title), see ``_Cleaner.tickers``.
    before_headline: bool = False


@dataclass(frozen=True)
class _DateGrammar:
    date: re.Pattern[str]
    time: re.Pattern[str]
    publish: re.Pattern[str]
    update: re.Pattern[str]
    filler: re.Pattern[str]
    meta_field: re.Pattern[str]  # a word of a meta row's field ("مصنفة في …", "لا تعليقات")
    # a masthead staff title, glued or not ("رئيس التحريرسامي"): the neighbour of a clock
    staff: re.Pattern[str]


@dataclass(frozen=True)
class RuleSet:
    """All rules of a furniture file, compiled, with the prefilters built from them."""

    rules: tuple[Rule, ...]
    settings: Mapping[str, int]
    dates: _DateGrammar
    # One prefilter per view (core, key): it names the first rule whose pattern fits the
    # line. Bucketed by line length: ``prefilters[k]`` holds only the rules that can accept
    # a line of more than ``_BUCKETS[k]`` words, so a body paragraph meets a handful.
    prefilters: tuple[tuple[_Prefilter | None, _Prefilter | None], ...]
    # Each inline pattern with the literals every match of it contains (None: none known),
    # and one search for the literals of those that have some: a line holding none of them
    # (nearly every line) meets none of those patterns, and one that does is searched only
    # with the patterns whose literal it holds (marsad.clean.literals). The patterns with
    # no literal (a run of letters) are searched on every line, apart: one of them no
    # longer sends every line through the test of every gate's literals.
    inline_gates: tuple[tuple[Literals | None, re.Pattern[str]], ...]
    inline_literals: re.Pattern[str] | None
    group_rule: Mapping[str, int]  # prefilter group name → index of its rule in ``rules``
    words_rules: tuple[int, ...]  # indexes of the words-kind rules
    # (index, requires_re) of the gated rules, and one alternation of all their literals: a
    # line without any of them (most lines) skips the gated rules in one search.
    gated_rules: tuple[tuple[int, re.Pattern[str]], ...]
    gated_any: re.Pattern[str] | None
    # the most words a line may have and still be dropped by a gated rule (None: no limit):
    # a longer line, a body paragraph, skips even that one search
    gated_max_words: int | None = None
    # match keys of the words no sentence ends on (vocab wrap_words): a line ending on one
    # was wrapped by the page at a fixed width
    wrap_words: frozenset[str] = frozenset()
    # the inline patterns with no required literal (searched on every kept line)
    inline_ungated: tuple[re.Pattern[str], ...] = ()

    def get(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    @property
    def line_rules(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.kind in ("line", "words", "block"))


# (prefilter group name, compiled pattern, index of its rule), in file order
_Part = tuple[str, re.Pattern[str], int]


class _Prefilter:
    """The pattern rules of one view and line-length bucket, asked which comes first
    (in file order) to match a line from its start.

    One alternation of a hundred patterns under IGNORECASE tries every alternative on every
    line. But a pattern can only match a line that opens with one of the characters it can
    begin with (marsad.clean.literals.first_chars): the patterns whose first characters are
    known are looked up by the line's first character (a handful, usually none) and tried
    one by one; the others stay in one alternation, tried on every line as before.
    """

    def __init__(self, always: re.Pattern[str] | None, group_rule: Mapping[str, int],
                 known: list[tuple[FirstChars, int, re.Pattern[str]]]) -> None:
        self.always = always
        self.group_rule = group_rule
        self.known = known  # (first characters, rule index, pattern), in file order
        self.by_char: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {}
        # the patterns that open with listed characters only, by code point and by lowered
        # code point (positions in ``known``); the others (ranges, \d, \w) are asked
        self.by_code: dict[int, list[int]] = {}
        self.by_lower: dict[int, list[int]] = {}
        self.asked: list[int] = []
        for n, (fc, _idx, _p) in enumerate(known):
            if fc.ranges or fc.categories:
                self.asked.append(n)
                continue
            for code in fc.exact:
                self.by_code.setdefault(code, []).append(n)
            for code in fc.lowered:
                self.by_lower.setdefault(code, []).append(n)

    @classmethod
    def of(cls, parts: list[_Part], openers: Mapping[int, FirstChars | None],
           group_rule: Mapping[str, int]) -> _Prefilter | None:
        if not parts:
            return None
        rest = [f"(?P<{group}>{p.pattern})" for group, p, _ in parts
                if openers[id(p)] is None]
        always = re.compile("|".join(rest), re.IGNORECASE) if rest else None
        known = [(fc, idx, p) for _g, p, idx in parts if (fc := openers[id(p)]) is not None]
        return cls(always, group_rule, known)

    def first_rule(self, view: str, first: int) -> int:
        """The index of the first rule before ``first`` with a pattern matching ``view``
        from its start, else ``first``."""
        if self.always is not None:
            m = self.always.match(view)
            if m is not None and m.lastgroup is not None:
                first = min(first, self.group_rule[m.lastgroup])
        opening = self.by_char.get(view[0])
        if opening is None:
            opening = self._opening(view[0])
        for idx, p in opening:
            if idx >= first:
                break
            if p.match(view) is not None:
                return idx
        return first

    def _opening(self, ch: str) -> tuple[tuple[int, re.Pattern[str]], ...]:
        """The patterns that can begin with ``ch`` (kept per character: a page's lines
        open with a few dozen; bounded against a page of every code point)."""
        if len(self.by_char) >= 4096:
            self.by_char.clear()
        code = ord(ch)
        low = lower_code(code)
        # as FirstChars.accepts: the code point or its lower case listed, or lowered listed
        ns = {*self.by_code.get(code, ()), *self.by_code.get(low, ()),
              *self.by_lower.get(low, ()), *(n for n in self.asked if self.known[n][0].accepts(ch))}
        found = self.by_char[ch] = tuple(self.known[n][1:] for n in sorted(ns))
        return found


# --------------------------------------------------------------------------------------------
# Loading and validation


def _fold_pattern(pattern: str) -> str:
    """Fold the Arabic letters of a regex like the text; ASCII (regex syntax) is left alone."""
    return "".join(ch if ch.isascii() else fold_char(ch) for ch in pattern)


def _alternation(words: Iterable[str]) -> str:
    keys = {match_key(str(w)) for w in words}
    keys.discard("")
    return "(?:" + "|".join(re.escape(k) for k in sorted(keys, key=lambda k: (-len(k), k))) + ")"


def _expand(pattern: str, vocab: Mapping[str, list[str]], problems: list[str], where: str) -> str:
    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in vocab:
            problems.append(f"{where}: unknown vocab {{{{{name}}}}}")
            return "(?!)"
        return _alternation(vocab[name])

    return _PLACEHOLDER_RE.sub(repl, pattern)


def _compile(pattern: str, problems: list[str], where: str) -> re.Pattern[str] | None:
    try:
        return re.compile(_fold_pattern(pattern), re.IGNORECASE)
    except re.error as e:
        problems.append(f"{where}: regex does not compile: {e}")
        return None


def _inline_gates(patterns: Sequence[re.Pattern[str]]
                  ) -> tuple[tuple[tuple[Literals | None, re.Pattern[str]], ...],
                             re.Pattern[str] | None]:
    """The inline patterns with their required literals, and the search for any literal of
    those that have some (``None`` when none has)."""
    gates = tuple((required_literals(p), p) for p in patterns)
    return gates, literal_set_re(lit for lits, _ in gates for lit in lits or ())


def _phrase_re(words: Sequence[str]) -> re.Pattern[str]:
    # Word-bounded so that "فن" does not eat the start of "فندق".
    return re.compile(r"(?<!\w)" + _alternation(words) + r"(?!\w)", re.IGNORECASE)


def _masthead_title(word: str) -> bool:
    key = match_key(word)
    return "التحرير" in key or key == match_key("رئيس مجلس الإدارة")


def _date_grammar(vocab: Mapping[str, list[str]]) -> _DateGrammar:
    months = _alternation(vocab.get("months", []))
    hijri = _alternation(vocab.get("hijri_months", []))
    weekdays = _alternation(vocab.get("weekdays", []))
    day, year = r"(?<!\d)\d{1,2}", r"\d{4}(?!\d)"
    gregorian = (
        rf"{day}\s*[-/.]?\s*{months}(?:\s*(?:[/\\-]|\()\s*{months}\s*\)?)?\s*[,،]?\s*{year}"
        rf"|(?<!\w){months}\s+{day}\s*[,،]?\s*{year}"
        rf"|(?<!\d)\d{{4}}\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*\d{{1,2}}(?!\d)"
        rf"|{day}\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*{year}"
        rf"|{day}\s+{hijri}\s+{year}"
    )
    # The zones come from dates.yaml, shared with the date module's dateline reader.
    # The keys are folded ("مساءً" → "مسا"), so the am/pm words are folded the same way.
    day_part = _fold_pattern(
        r"(?:\s*(?:ص|م|صباحا|مساء|مساءا|ظهرا|عصرا|ليلا|فجرا|am|pm|a\.m\.|p\.m\.)(?!\w))?")
    time = "|".join([
        r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)" + day_part,
        *time_zone_patterns(),
    ])
    # the print issue's number beside the date: "الموقع - العدد: 4120 - 2024 / 6 / 14"
    filler = (rf"(?<!\w)(?:{weekdays}|الساعه|الموافق|في|يوم|م|ه|on|at|le|à|h"
              r"|(?:ال)?عدد\s*:?\s*(?:رقم\s*)?\d{1,6})(?!\w)")
    return _DateGrammar(
        date=re.compile(gregorian, re.IGNORECASE),
        time=re.compile(time, re.IGNORECASE),
        publish=_phrase_re(vocab.get("publish_labels", [])),
        update=_phrase_re(vocab.get("update_labels", [])),
        filler=re.compile(filler, re.IGNORECASE),
        meta_field=_phrase_re(vocab.get("meta_field_words", [])),
        # the editors' titles of a masthead ("رئيس التحرير", "رئيس مجلس الإدارة"); the others
        # ("المدير العام للجمارك يتفقد …") open headlines. No right boundary: captures glue
        # the name to the title ("رئيس التحريرسامي فؤاد").
        staff=re.compile(r"(?<!\w)" + _alternation(
            w for w in vocab.get("staff_titles", []) if _masthead_title(w)), re.IGNORECASE),
    )


def validate_rules(data: Any) -> list[str]:
    """Every problem of a parsed furniture file; ``[]`` when it is sound."""
    problems: list[str] = []
    _build(data, problems)
    return problems


def _build(data: Any, problems: list[str]) -> RuleSet | None:
    if not isinstance(data, Mapping):
        problems.append("the file is not a mapping")
        return None
    vocab_raw = data.get("vocab") or {}
    if not isinstance(vocab_raw, Mapping):
        problems.append("vocab is not a mapping")
        vocab_raw = {}
    vocab: dict[str, list[str]] = {}
    for name, words in vocab_raw.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            problems.append(f"vocab {name}: not a list of non-empty strings")
            continue
        vocab[str(name)] = words
    settings = dict(_SETTINGS_DEFAULTS)
    for name, value in (data.get("settings") or {}).items():
        if name not in _SETTINGS_DEFAULTS:
            problems.append(f"settings: unknown setting {name}")
        elif not isinstance(value, int) or value < 0:
            problems.append(f"settings: {name} is not a non-negative integer")
        else:
            settings[name] = value

    rules: list[Rule] = []
    seen: set[str] = set()
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        problems.append("rules: missing or empty")
        raw_rules = []
    parts: list[tuple[int | None, str, _Part]] = []  # (max_words, view, part)
    group_rule: dict[str, int] = {}
    inline_patterns: list[re.Pattern[str]] = []
    for n, r in enumerate(raw_rules):
        where = f"rule #{n}"
        if not isinstance(r, Mapping):
            problems.append(f"{where}: not a mapping")
            continue
        rid = r.get("id")
        if not isinstance(rid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", rid):
            problems.append(f"{where}: id missing or not snake_case: {rid!r}")
            continue
        where = f"rule {rid}"
        if rid in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(rid)
        unknown = set(r) - _RULE_KEYS
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        kind = r.get("kind")
        if kind not in KINDS:
            problems.append(f"{where}: unknown kind {kind!r}")
            continue
        if not isinstance(r.get("description"), str) or not r["description"].strip():
            problems.append(f"{where}: description missing")
        target = r.get("target", "core")
        if target not in TARGETS:
            problems.append(f"{where}: unknown target {target!r}")
        requires_raw = r.get("requires") or []
        if not isinstance(requires_raw, list) or not all(
            isinstance(x, str) and match_key(x) for x in requires_raw
        ):
            problems.append(f"{where}: requires must be a list of non-empty strings")
            requires_raw = []
        requires = tuple(match_key(x) for x in requires_raw)
        patterns: list[re.Pattern[str]] = []
        for p in r.get("patterns") or []:
            if not isinstance(p, str) or not p:
                problems.append(f"{where}: empty pattern")
                continue
            expanded = _expand(p, vocab, problems, where)
            compiled = _compile(expanded, problems, where)
            if compiled is not None:
                patterns.append(compiled)
                if not requires:  # gated rules are found by their literals instead
                    group = f"r{len(rules)}_{len(patterns)}"
                    group_rule[group] = len(rules)
                    parts.append((r.get("max_words"), target, (group, compiled, len(rules))))
        inline: list[re.Pattern[str]] = []
        for p in r.get("inline") or []:
            compiled = _compile(_expand(str(p), vocab, problems, where), problems, where)
            if compiled is not None:
                inline.append(compiled)
                inline_patterns.append(compiled)
        if kind in ("line", "block") and not patterns:
            problems.append(f"{where}: a {kind} rule needs patterns")
        if kind == "context" and rid not in CONTEXT_RULES:
            problems.append(f"{where}: no context logic in text_rules.py for this id")
        items = r.get("items")
        if kind == "block" and items not in ITEM_MODES:
            problems.append(f"{where}: block items must be one of {sorted(ITEM_MODES)}")
        vocab_re = anchors_re = None
        if kind == "words":
            vname, aname = r.get("vocab"), r.get("anchors")
            if vname not in vocab:
                problems.append(f"{where}: words rule needs a known vocab, got {vname!r}")
            else:
                vocab_re = _phrase_re(vocab[vname])
            if aname is not None:
                if aname not in vocab:
                    problems.append(f"{where}: unknown anchors vocab {aname!r}")
                else:
                    anchors_re = _phrase_re(vocab[aname])
        for num in (
            "max_words",
            "min_words",
            "min_run",
            "item_max_words",
            "max_items",
            "max_letters",
        ):
            if num in r and (not isinstance(r[num], int) or r[num] < 0):
                problems.append(f"{where}: {num} is not a non-negative integer")
        examples = r.get("examples")
        if examples is not None and (
            not isinstance(examples, Mapping) or set(examples) - {"drop", "keep"}
        ):
            problems.append(f"{where}: examples must be a mapping with drop/keep lists")
        rules.append(
            Rule(
                id=rid,
                kind=kind,
                description=str(r.get("description", "")),
                patterns=tuple(patterns),
                target=target if target in TARGETS else "core",
                max_words=r.get("max_words"),
                min_words=int(r.get("min_words", 1)),
                min_run=r.get("min_run"),
                in_header=bool(r.get("in_header", False)),
                tail_marker=bool(r.get("tail_marker", False)),
                widget=bool(r.get("widget", False)),
                no_date=bool(r.get("no_date", False)),
                items=items,
                item_max_words=int(r.get("item_max_words", 4)),
                max_items=int(r.get("max_items", 40)),
                vocab_re=vocab_re,
                anchors_re=anchors_re,
                inline=tuple(inline),
                max_letters=int(r.get("max_letters", 3)),
                requires=requires,
                requires_re=literal_set_re(requires),
                before_headline=bool(r.get("before_headline", False)),
            )
        )
    missing = CONTEXT_RULES - seen
    if missing:
        problems.append(f"context rules without an entry in the file: {sorted(missing)}")

    openers = {id(part[1]): first_chars(part[1]) for _m, _v, part in parts}

    def bucket(low: int) -> tuple[_Prefilter | None, _Prefilter | None]:
        fits = [(v, p) for m, v, p in parts if m is None or m > low]
        return (
            _Prefilter.of([p for v, p in fits if v == "core"], openers, group_rule),
            _Prefilter.of([p for v, p in fits if v == "key"], openers, group_rule),
        )

    inline_gates, inline_literals = _inline_gates(inline_patterns)
    try:
        dates = _date_grammar(vocab)
        prefilters = tuple(bucket(low) for low in _BUCKETS)
    except re.error as e:  # only reachable when a part is broken, already reported
        problems.append(f"combined patterns do not compile: {e}")
        return None
    return RuleSet(
        rules=tuple(rules),
        settings=settings,
        dates=dates,
        prefilters=prefilters,
        inline_gates=inline_gates,
        inline_literals=inline_literals,
        inline_ungated=tuple(p for lits, p in inline_gates if lits is None),
        group_rule=group_rule,
        words_rules=tuple(i for i, r in enumerate(rules) if r.kind == "words"),
        gated_rules=tuple(
            (i, r.requires_re) for i, r in enumerate(rules) if r.requires_re is not None
        ),
        gated_any=literal_set_re(tuple(lit for r in rules for lit in r.requires)),
        gated_max_words=max((r.max_words or 0 for r in rules if r.requires_re is not None),
                            default=None)
        if all(r.kind != "block" and r.max_words is not None
               for r in rules if r.requires_re is not None) else None,
        wrap_words=frozenset(match_key(w) for w in vocab.get("wrap_words", [])),
    )


def compile_rules(data: Any) -> RuleSet:
    """Compile a parsed furniture file; :class:`RulesError` lists every problem."""
    problems: list[str] = []
    ruleset = _build(data, problems)
    if problems or ruleset is None:
        raise RulesError("furniture rules are malformed:\n  " + "\n  ".join(problems))
    return ruleset


@lru_cache(maxsize=8)
def load_rules(path: str | None = None) -> RuleSet:
    """The compiled rules of ``path`` (default: the packaged furniture.yaml), cached."""
    file = Path(path) if path else RULES_PATH
    with file.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return compile_rules(data)


# --------------------------------------------------------------------------------------------
# Per-line views


class _Line:
    """One input line with its views and the decision about it."""

    __slots__ = (
        "start",
        "end",
        "a",
        "b",
        "text",
        "key",
        "core",
        "words",
        "blank",
        "bullet",
        "rule",
        "label_alone",
        "block",
        "tail",
        "widget",
        "nav",
        "pending",
        "kept_text",
        "spans",
        "_date",
    )

    def __init__(self, raw: str, start: int, end: int) -> None:
        self.start = start
        self.end = end
        text = raw[start:end]
        self.text = text
        stripped = text.lstrip(_EDGE_CHARS)
        self.a = start + (len(text) - len(stripped))  # raw offset of the first visible char
        stripped = stripped.rstrip(_EDGE_CHARS)
        self.b = self.a + len(stripped)
        self.key = match_key(text) if stripped else ""
        self.blank = not self.key
        self.core = _core(self.key)
        self.words = self.key.count(" ") + 1 if self.key else 0
        self.bullet = bool(stripped) and _BULLET_RE.match(stripped) is not None
        self.rule: str | None = None
        self.label_alone = False
        self.block: Rule | None = None
        self.tail = False
        self.widget = False
        self.nav: Rule | None = None
        self.pending: Rule | None = None  # a before_headline rule that matched, decided later
        self.kept_text = stripped
        self.spans: list[tuple[int, int, str]] = []
        self._date: tuple[str, str] | None | bool = False  # False = not computed yet

    @property
    def kept(self) -> bool:
        return not self.blank and self.rule is None

    @property
    def stripped(self) -> str:
        return self.kept_text


def _dangling(line: _Line) -> bool:
    """"نتائج مباريات الجولة الأخيرة -": a line ending on a separator with a space before it is
    an item of a ticker or list whose next item was cut off, never an article's title."""
    return _DANGLING_RE.search(line.kept_text) is not None


def _core(key: str) -> str:
    """The key without leading/trailing punctuation, bullets and symbols."""
    m = _LEAD_NONWORD_RE.match(key)
    s = key[m.end() :] if m else key
    end = len(s)
    while end and not (s[end - 1].isalnum()):
        end -= 1
    return s[:end]


def _split_lines(raw: str, pos: int = 0) -> list[_Line]:
    lines: list[_Line] = []
    for m in _BREAK_RE.finditer(raw, pos):
        lines.append(_Line(raw, pos, m.start()))
        pos = m.end()
    lines.append(_Line(raw, pos, len(raw)))
    return lines


# --------------------------------------------------------------------------------------------
# The cleaner


class _Cleaner:
    def __init__(self, raw: str, rs: RuleSet) -> None:
        self.raw = raw
        self.rs = rs
        self.s = rs.settings
        # A crawler's " date 2025-05-12 " in front of the first line is no part of the page.
        self.header_date, self.header_end = capture_header(raw)
        self.lines = _split_lines(raw, self.header_end)
        self._arabic: bool | None = None
        self.title: _Line | None = None
        self.dateline_line: _Line | None = None

    @property
    def arabic(self) -> bool:
        """An Arabic page: Latin letter runs in it are icon and button leftovers."""
        if self._arabic is None:
            sample = self.raw[:50_000]
            # letters counted as the lengths of their runs (a string per run, not per
            # letter); the Arabic ones only until they match the Latin ones (few on a page)
            latin = sum(map(len, _LATIN_RUN_RE.findall(sample)))
            arabic = 0
            for m in _ARABIC_RUN_RE.finditer(sample):
                if arabic >= latin:
                    break
                arabic += m.end() - m.start()
            self._arabic = arabic >= latin
        return self._arabic

    # -- helpers -------------------------------------------------------------------------

    def date_kind(self, line: _Line) -> tuple[str, str] | None:
        """("date"|"time", "publish"|"update"|"none") when the line is only a date/time."""
        if line._date is not False:
            return line._date  # type: ignore[return-value]
        result: tuple[str, str] | None = None
        key = line.key
        if line.words <= 16 and _DIGIT_RE.search(key):
            g = self.rs.dates
            if "://" in key or "www." in key:
                key = _URL_IN_KEY_RE.sub(" ", key)  # "2021-03-31 13:03 https://…": a permalink
            key = unglued_clock(key)  # "09 فبراير 202501:57": the year glued to the clock
            s, n_dates = g.date.subn(" ", key)  # (one pass: the key as it is when none)
            has_date = n_dates > 0
            s, n_time = g.time.subn(" ", s)
            if has_date or n_time:
                label = "none"
                s, n = g.publish.subn(" ", s)
                if n:
                    label = "publish"
                else:
                    s, n = g.update.subn(" ", s)
                    if n:
                        label = "update"
                s = without_credit(g.filler.sub(" ", s))
                # Only separators may remain, or one place name of one or two words before a
                # separator: "بغداد - 19 كانون الأول 2023", "عمّان - 01/05/2023"; an agency's
                # credit beside the date is no word ("بنغازي _ 15 سبتمبر 2022م (وام)").
                if not _HAS_WORD_RE.search(s) or (
                    has_date and _PLACE_PREFIX_RE.fullmatch(s) is not None
                ):
                    result = ("date" if has_date else "time", label)
            if result is None:
                result = self.parsed_date_kind(line)
        if result is None and line.words <= _BARRED_DATE_WORDS and \
                FIELD_SEP_RE.search(line.kept_text) is not None:
            result = self.barred_date_kind(line)
        line._date = result
        return result

    def barred_date_kind(self, line: _Line) -> tuple[str, str] | None:
        """"نشر في: السبت 9 سبتمبر 2017 - 9:00 م | آخر تحديث: …": every segment between bars
        a date line, the publication's label first; or a post's meta row, its date first and
        then short fields ("بتاريخ 4 مايو, 2016 | مصنفة في أخبار المدينة | لا تعليقات"), the
        fields apart by bars or by runs of spaces."""
        segments = [seg for seg in FIELD_SEP_RE.split(line.kept_text) if seg.strip()]
        if len(segments) < 2 or parse_dateline(segments[0]) is None:
            return None
        if any(parse_dateline(seg) is None for seg in segments[1:]) and \
                not self.meta_fields(segments[1:]):
            return None
        return ("date", self.date_label(line))

    def meta_fields(self, segments: list[str]) -> bool:
        """The fields after a meta row's date: two or more, each a few words with a word of
        the post's metadata (a category, comments, views, the author: "مصنفة في أخبار
        المدينة", "لا تعليقات") or a count ("عدد الزيارات 512"). A timeline's "5 يونيو 2013 |
        تعليق العمل به" pairs a date with one event: no meta row, no page date."""
        meta_word = self.rs.dates.meta_field
        # each field a few words, no sentence; a count, or a meta word and no other number
        return len(segments) >= META_MIN_FIELDS and all(
            len(seg.split()) <= _META_SEGMENT_WORDS and not seg.strip().endswith((".", "؟", "!"))
            and (_COUNT_FIELD_RE.fullmatch(seg) is not None
                 or _DIGIT_RE.search(seg) is None and meta_word.search(match_key(seg)) is not None)
            for seg in segments)

    def parsed_date_kind(self, line: _Line) -> tuple[str, str] | None:
        """The date module's reading, for the forms the line grammar does not spell out
        (ordinal days, ISO date-times, Hijri dates with their era mark beside the Gregorian)."""
        if parse_dateline(line.kept_text) is None:
            return None
        return ("date", self.date_label(line))

    def date_label(self, line: _Line) -> str:
        """"publish" or "update" when the line carries such a label, else "none"."""
        g = self.rs.dates
        return ("publish" if g.publish.search(line.key) else
                "update" if g.update.search(line.key) else "none")

    def has_date(self, line: _Line) -> bool:
        return self.rs.dates.date.search(line.key) is not None

    def body_like(self, line: _Line) -> bool:
        t = line.stripped
        if line.words > self.s["headline_max_words"]:
            return True
        return t.endswith(".") and not t.endswith("..")

    def headline_like(self, line: _Line) -> bool:
        if line.blank or self.body_like(line):
            return False
        return not line.stripped.endswith((":", "،", "؛", ",", ";"))

    def place_or_date(self, line: _Line) -> bool:
        return (
            _PLACE_LINE_RE.fullmatch(line.core) is not None and line.words <= 7
        ) or self.date_kind(line) is not None

    def drop(self, line: _Line, rule: str) -> None:
        if line.rule is None and not line.blank:
            line.rule = rule

    # -- pass 1: line rules ----------------------------------------------------------------

    def match_line(self, line: _Line) -> None:
        """Give the line the first rule (in file order) that drops it on its own."""
        rs = self.rs
        first = len(rs.rules)
        k = bisect_left(_BUCKETS, line.words) - 1
        pre_core, pre_key = rs.prefilters[max(k, 0)]
        for pre, view in ((pre_core, line.core), (pre_key, line.key)):
            if pre is not None and view:
                first = pre.first_rule(view, first)
        key = line.key
        if rs.gated_any is not None and (
                rs.gated_max_words is None or line.words <= rs.gated_max_words) \
                and rs.gated_any.search(key) is not None:
            for idx, literals in rs.gated_rules:
                if idx >= first:
                    break
                if literals.search(key) is not None:
                    first = idx
                    break
        for idx in rs.words_rules:  # few, and gated by their first word
            if idx > first:
                break
            if self.try_words(rs.rules[idx], line):
                return
        # Usually the first candidate applies; when its conditions reject the line (too many
        # words, a date in a byline), the later rules are tried one by one.
        for rule in rs.rules[first:]:
            if rule.kind == "words":
                if self.try_words(rule, line):
                    return
            elif rule.kind != "context" and self.try_patterns(rule, line):
                return

    def try_words(self, rule: Rule, line: _Line) -> bool:
        core = line.core
        if rule.vocab_re is None or line.words > (rule.max_words or _WORDS_MAX):
            return False
        # a count may open the bar: "0 تعليق | أرسل | طباعة", "12 مشاركة فيسبوك تويتر"
        lead = _LEADING_COUNT_RE.match(core)
        if not rule.vocab_re.match(core, lead.end() if lead else 0):
            return False  # (most lines: tried before the costlier date search)
        if _DIGIT_RE.search(core) and self.has_date(line):
            return False  # "سياسة 26-09-2025 | 17:20": a section word beside the date line
        rest, count = rule.vocab_re.subn(" ", core)
        if not _ONLY_NONWORD_OR_DIGITS_RE.fullmatch(rest):
            return False
        if rule.anchors_re is not None and not rule.anchors_re.search(core):
            return False
        if count >= rule.min_words:
            line.rule = rule.id
            return True
        if line.nav is None:
            line.nav = rule  # too short alone: decided by runs and header position
        return False

    def try_patterns(self, rule: Rule, line: _Line) -> bool:
        if rule.kind != "block" and rule.max_words is not None and line.words > rule.max_words:
            return False
        if rule.requires_re is not None and rule.requires_re.search(line.key) is None:
            return False
        target = line.key if rule.target == "key" else line.core
        for p in rule.patterns:
            m = p.match(target)
            if m is None:
                continue
            alone = not _HAS_WORD_RE.search(target, m.end())
            if (
                rule.kind == "block"
                and not alone
                and rule.max_words is not None
                and (line.words > rule.max_words)
            ):
                continue
            if rule.no_date and self.has_date(line):
                continue
            if rule.inline and self.inline_leaves_text(rule, line):
                continue  # a notice glued to a paragraph: cut inline later, keep the line
            if rule.before_headline:
                if line.pending is None:
                    line.pending = rule  # decided by its neighbours; later rules may still drop it
                return False
            line.rule = rule.id
            line.tail = rule.tail_marker
            line.widget = rule.widget
            if rule.kind == "block" and alone:
                line.label_alone = True
                line.block = rule
            return True
        return False

    @staticmethod
    def inline_leaves_text(rule: Rule, line: _Line) -> bool:
        rest, hits = line.key, 0
        for p in rule.inline:
            rest, n = p.subn(" ", rest)
            hits += n
        # A real paragraph keeps far more than 3 words; a notice with a stray word does not.
        return hits > 0 and len(rest.split()) > 3

    # -- pass 2: local context -------------------------------------------------------------

    def local_context(self) -> None:
        max_letters = next((r.max_letters for r in self.rs.rules if r.id == "latin_garbage"), 3)
        latin_re = re.compile(_LATIN_SHORT % max_letters)
        prev: _Line | None = None
        for line in self.lines:
            if line.blank:
                continue
            if line.rule is None:
                if not _HAS_WORD_RE.search(line.key):
                    line.rule = "symbol_line"
                elif line.words == 1 and latin_re.fullmatch(line.core) and self.arabic:
                    line.rule = "latin_garbage"
                elif prev is not None and prev.kept and prev.key == line.key:
                    line.rule = "duplicate_line"
            prev = line

    def widget_dates(self) -> None:
        nonblank = [ln for ln in self.lines if not ln.blank]

        def candidate(ln: _Line) -> bool:
            kind = self.date_kind(ln) if ln.rule is None else None
            return kind is not None and kind[1] == "none" or (
                ln.rule is None and kind is None and self.dated_place(ln))

        for order in (nonblank, nonblank[::-1]):  # forward, then backward: chains both ways
            for prev, cur in zip(order, order[1:], strict=False):
                if prev.widget and candidate(cur):
                    cur.rule = "widget_date"
                    cur.widget = True
        self.widget_date_copies()

    def dated_place(self, ln: _Line) -> bool:
        """"الجمعة 29 مارس 2024 أبوظبي الإمارات": a full date and then the place the header
        is set to (one or two words, nothing else): the "today" of a widget's bar. Only asked
        of a line beside a widget."""
        text = ln.kept_text
        if ln.words > _DATED_PLACE_MAX_WORDS:
            return False
        m = next(iter(find_dates(text)), None)
        if m is None:
            return False
        rest = text[m.end :].split()
        return m.start == 0 and m.precision == "day" and not m.relative and \
            1 <= len(rest) <= 2 and all(_PLACE_WORD_RE.fullmatch(w) for w in rest)

    def widget_date_copies(self) -> None:
        """A header prints its "today" twice (desktop and mobile bars): a later copy of a
        widget's date before the first paragraph is the same widget, not the dateline."""
        keys = {ln.key for ln in self.lines if ln.rule == "widget_date"}
        if not keys:
            return
        for ln in self.lines[: self.first_body_index()]:
            if ln.rule is None and ln.key in keys:
                ln.rule = "widget_date"
                ln.widget = True

    # -- pass 3: navigation ----------------------------------------------------------------

    def header_zone(self) -> list[_Line]:
        zone: list[_Line] = []
        for line in self.lines:
            if line.blank or line.rule is not None:
                continue
            if (self.body_like(line) and line.nav is None) or len(zone) >= self.s[
                "header_max_lines"
            ]:
                break
            zone.append(line)
        return zone

    def navigation(self) -> None:
        for line in self.header_zone():
            if line.nav is not None and line.nav.in_header:
                line.rule = line.nav.id
        # Runs of short navigation lines (a menu printed one item per line). Lines already
        # dropped for another reason do not break a run.
        run: list[_Line] = []

        def flush() -> None:
            first = run[0].nav if run else None
            if first is not None and len(run) >= (first.min_run or len(self.lines) + 1):
                for ln in run:
                    ln.rule = first.id

        for line in self.lines:
            if line.blank or line.rule is not None:
                continue
            if line.nav is not None:
                run.append(line)
                continue
            flush()
            run = []
        flush()

    def tickers(self) -> None:
        """Candidates of ``before_headline`` rules ("عاجل | ...", a breaking-news ticker item).

        The same shape is the article's own title on sites that prefix it with "عاجل |". A
        ticker item sits outside the article body (above its first paragraph or below its last)
        and is followed by another headline: the next ticker item or the article's title. A
        title is followed by its dateline, a standfirst ending in a full stop or the body.
        """
        lines = self.lines
        pending = [i for i, ln in enumerate(lines) if ln.pending is not None and ln.kept]
        if not pending:
            return
        body = [i for i, ln in enumerate(lines) if ln.kept and self.body_like(ln)]
        first_body = body[0] if body else len(lines)
        last_body = body[-1] if body else -1
        for i in pending:
            line = lines[i]
            if first_body < i < last_body:
                continue
            nxt = self.next_nonblank(i)
            rule = line.pending
            if (
                rule is not None
                and nxt is not None
                and self.headline_like(nxt)
                and self.date_kind(nxt) is None
            ):
                line.rule = rule.id

    # -- pass 4: blocks --------------------------------------------------------------------

    def blocks(self) -> None:
        lines = self.lines
        n = len(lines)
        body_chars = 0
        body_seen = False  # a paragraph of the article has been kept: the article has begun
        tail = False
        i = 0
        while i < n:
            line = lines[i]
            if line.blank:
                i += 1
                continue
            if line.rule is None:
                if tail and self.headline_like(line):
                    nxt = self.next_nonblank(i)
                    if nxt is not None and self.date_kind(nxt) is not None:
                        # After the article's end: a headline over a dateline is the next
                        # article of an infinite-scroll page. It runs to the end.
                        for ln in lines[i:]:
                            self.drop(ln, "related_list")
                        return
                body_chars += len(line.stripped)
                # a long line without one punctuation mark is a menu or a ticker the
                # structure rules take later, not the article begun
                body_seen = body_seen or (self.body_like(line)
                                          and _PROSE_MARK_RE.search(line.kept_text) is not None)
                i += 1
                continue
            if line.tail and body_chars >= self.s["tail_min_body_chars"]:
                tail = True
            block = line.block
            if line.label_alone and block is not None:
                if block.items == "list" and tail:
                    for ln in lines[i + 1 :]:
                        self.drop(ln, "related_list")
                    return
                if block.items == "list":
                    i = self.consume_list(i, started=body_seen)
                else:
                    i = self.consume_short(i, block)
                continue
            i += 1

    def consume_short(self, i: int, block: Rule) -> int:
        """Tag lines after a tag label: short, not prose."""
        j, taken = i + 1, 0
        while j < len(self.lines) and taken < block.max_items:
            ln = self.lines[j]
            if ln.blank:
                j += 1
                continue
            if ln.rule is not None:
                if ln.label_alone:
                    break
                j += 1
                continue
            if ln.words > block.item_max_words or not self.headline_like(ln):
                break
            ln.rule = block.id
            taken += 1
            j += 1
        return j

    def article_header_at(self, j: int) -> bool:
        """Line ``j`` opens the article: a date line, or a headline with prose or a date line
        among the next lines (its byline and the author's title may stand between)."""
        if self.date_kind(self.lines[j]) is not None:
            return True
        k = j
        for _ in range(_HEADER_LOOKAHEAD):
            nxt = self.next_nonblank(k)
            if nxt is None:
                return False
            if self.body_like(nxt) or self.date_kind(nxt) is not None or (
                    nxt.words <= _DATED_LINE_WORDS and self.has_date(nxt)):
                return True
            k = self.lines.index(nxt)
        return False

    def list_like(self, ln: _Line) -> bool:
        return ln.blank or ln.rule is not None or ln.bullet or self.headline_like(ln)

    def next_nonblank(self, j: int) -> _Line | None:
        """The next kept, non-blank line after line ``j`` (no list copy: pages can be long)."""
        lines = self.lines
        for k in range(j + 1, len(lines)):
            if not lines[k].blank and lines[k].rule is None:
                return lines[k]
        return None

    def consume_list(self, i: int, *, started: bool) -> int:
        """Drop the list under a label at line ``i``; return the index where it stops.

        ``started``: the article body has begun before the label. Before it (a "most read"
        sidebar captured above the article), a headline followed by a dateline or by prose
        is the article's own title, where the list stops; after it, the same shape is a
        teaser of another article (see below).
        """
        lines, s = self.lines, self.s
        n = len(lines)
        heads = bullets = 0
        seen: list[_Line] = []  # the non-blank lines of the list, furniture among them included
        uncapped: bool | None = None
        j = i + 1
        while j < n:
            ln = lines[j]
            if ln.blank:
                j += 1
                continue
            if ln.rule is not None:
                if ln.label_alone:
                    return j  # the next label handles its own list
                seen.append(ln)
                j += 1
                continue
            if ln.bullet and ln.words <= _WORDS_MAX and bullets < s["list_max_bullets"]:
                bullets += 1
            elif self.headline_like(ln):
                if not started and not _dangling(ln) and self.article_header_at(j) \
                        and not self.title_follows(j):
                    break
                if heads >= s["list_max_headlines"]:
                    # Past the cap, a list that runs to the end of the page is still a list
                    # ("الأكثر قراءة" with ten items); otherwise these are the article's own
                    # subheadings.
                    if uncapped is None:
                        uncapped = all(self.list_like(x) for x in islice(lines, j, None))
                    if not uncapped:
                        break
                heads += 1
            elif not (started and heads and self.cut_teaser(j)):
                break
            ln.rule = "related_list"
            seen.append(ln)
            j += 1
        # A teaser of a whole other article: a headline, then a place-only or date-only line
        # ("الرياض", "دبي - وام", "12 مايو 2024"), then prose. That article runs to the next
        # furniture label or the end of the page.
        if (
            started
            and j < n
            and len(seen) >= 2
            and self.place_or_date(seen[-1])
            and seen[-2].words >= 3
            and self.body_like(lines[j])
        ):
            while j < n and not lines[j].label_alone:
                self.drop(lines[j], "related_list")
                j += 1
        return j

    def title_follows(self, j: int) -> bool:
        """Another headline that opens the article comes right after line ``j``: of two
        headlines over the article, the one next to it is its title, the one above the last
        item of the list over it ("الأكثر رواجا" / item / item / title / dateline)."""
        nxt = self.next_nonblank(j)
        # a line of up to three words (a kicker, a caption, a site name) is no title
        return nxt is not None and nxt.words > _LABEL_MAX_WORDS and self.headline_like(nxt) \
            and not _dangling(nxt) and not self.place_or_date(nxt) \
            and self.article_header_at(self.lines.index(nxt))

    def cut_teaser(self, j: int) -> bool:
        """Under a list label, after the article: the cut lead of a listed headline ("… هاتف
        آيفون سيكون أكثر"), with no closing stop, followed by the end of the page, another
        headline or the item's short stamp ("اليوم, 23:00")."""
        ln = self.lines[j]
        if ln.kept_text.endswith(SENTENCE_ENDS):
            return False
        nxt = self.next_nonblank(j)
        return nxt is None or self.headline_like(nxt) or (
            nxt.words <= _STAMP_MAX_WORDS and _DIGIT_RE.search(nxt.key) is not None)

    def trailing_bullet_list(self) -> None:
        """Three or more headline-like bullet lines ending the page: a related list. A list
        that a sentence of the text announces ("… جاءت على النحو التالي:") is the article's
        own, and a bare date is no headline ("• 12 فبراير 2026" in a list of meeting days)."""
        run: list[_Line] = []
        before: _Line | None = None
        for line in reversed(self.lines):
            if line.blank or line.rule is not None:
                continue
            if line.bullet and self.headline_like(line) and self.date_kind(line) is None:
                run.append(line)
                continue
            before = line
            break
        if len(run) >= 3 and not self.announces_list(before):
            for line in run:
                line.rule = "related_list"

    @staticmethod
    def announces_list(line: _Line | None) -> bool:
        """"… وجاءت مواعيدها على النحو التالي:": a kept sentence ending on a colon, longer
        than a list's label ("مواضيع ذات صلة:"), opens the list under it."""
        return line is not None and line.kept and line.words >= _ANNOUNCE_MIN_WORDS and \
            line.stripped.endswith((":", "："))

    def trailing_counters(self) -> None:
        for line in reversed(self.lines):
            if line.blank or line.rule is not None:
                continue
            if _NUMBER_LINE_RE.fullmatch(line.key):
                line.rule = "trailing_counter"
                continue
            break

    # -- pass 5: inline spans --------------------------------------------------------------

    def inline_may_match(self, key: str) -> bool:
        """Whether some inline pattern occurs in the line's key: searched only with the
        patterns whose required literals the key holds (most lines hold none)."""
        rs = self.rs
        if any(p.search(key) is not None for p in rs.inline_ungated):
            return True
        if rs.inline_literals is None or rs.inline_literals.search(key) is None:
            return False
        # (a gate's literals tested in C, with no generator per gate: this runs for every
        # line holding any literal, and "قبل"/"منذ" are literals)
        return any(p.search(key) is not None for lits, p in rs.inline_gates
                   if lits is not None and any(map(key.__contains__, lits)))

    def inline(self) -> None:
        if not self.rs.inline_gates:
            return
        inline_rules = [r for r in self.rs.rules if r.inline]
        for line in self.lines:
            if not line.kept or not self.inline_may_match(line.key):
                continue
            text = self.raw[line.a : line.b]
            folded, index = fold(text)
            # (a structure rule may have cut a span of the line already)
            spans: list[tuple[int, int, str]] = list(line.spans)
            for rule in inline_rules:
                for p in rule.inline:
                    for m in p.finditer(folded):
                        if m.end() > m.start():
                            a = index[m.start()]
                            b = index[m.end() - 1] + 1
                            spans.append((line.a + a, line.a + b, rule.id))
            if not spans:
                continue
            spans.sort()
            merged: list[tuple[int, int, str]] = []
            for a, b, rid in spans:
                if merged and a < merged[-1][1]:
                    pa, pb, prid = merged[-1]
                    merged[-1] = (pa, max(pb, b), prid)
                else:
                    merged.append((a, b, rid))
            pieces, pos = [], line.a
            for a, b, _ in merged:
                pieces.append(self.raw[pos:a])
                pos = b
            pieces.append(self.raw[pos : line.b])
            rest = "".join(pieces).strip(_EDGE_CHARS)
            if not _HAS_WORD_RE.search(rest):
                line.rule = merged[0][2]  # nothing but furniture: the whole line goes
            else:
                line.spans = merged
                line.kept_text = rest

    # -- run -------------------------------------------------------------------------------

    def run(self) -> Cleaned:
        for line in self.lines:
            if not line.blank:
                self.match_line(line)
        self.local_context()
        self.widget_dates()
        self.navigation()
        self.tickers()
        self.blocks()
        self.trailing_bullet_list()
        self.trailing_counters()
        for rule in STRUCTURE_RULES:
            rule(self)
        self.inline()
        self.title = title_line = self.title_line()
        self.header_widget_dates()
        published = find_published(self)
        dateline_line = self.dateline_line
        if dateline_line is not None and title_line is not None:
            self.header_dates(title_line, dateline_line)
        elif published is not None and published.source == "header" and title_line is not None:
            # The header dated the page, but a date under the title still shows that a bare
            # date above it is the page's clock, not text.
            below = date_line_under(self, title_line)
            if below is not None:
                self.header_dates(title_line, below)
        self.stray_dates(published)
        dateline = dateline_start = None
        if dateline_line is not None:
            text = dateline_line.kept_text
            m = _DATELINE_BULLET_RE.match(text)
            offset = m.end() if m else 0
            dateline = dateline_line.kept_text = text[offset:]
            dateline_start = dateline_line.a + offset
        return Cleaned(
            text=self.assemble(),
            removals=self.removals(),
            title=title_line.kept_text if title_line is not None else None,
            dateline=dateline,
            dateline_raw_start=dateline_start,
            published=published,
        )

    def title_line(self) -> _Line | None:
        """The first kept line when it reads as a headline (first_headline); but a headline
        the page prints twice before the first paragraph (title_printed_twice) under the
        header's furniture is the title, and the short line above that furniture the
        masthead's name or motto."""
        first = self.first_headline()
        twice = self.title_printed_twice()
        if twice is None or first is None or twice.start <= first.start:
            return first
        # the first line is the masthead's only when the header's furniture stands between
        between = (ln for ln in self.lines if first.start < ln.start < twice.start)
        return twice if any(ln.rule is not None for ln in between) else first

    def first_headline(self) -> _Line | None:
        """The first kept line when it reads as a headline (short, no final stop)."""
        for line in self.lines:
            # A date printed above the headline (Egyptian sites) does not hide the headline.
            if not line.kept or self.date_kind(line) is not None:
                continue
            t = line.kept_text
            if not 2 <= line.words <= self.s["headline_max_words"]:
                return None
            if t.endswith(("..", "…")):
                return line  # "كيف تدعم روسيا حفتر؟.. التايمز تكشف"-style ellipsis headlines
            if t.endswith((".", ":", "،", "؛", ",", ";")) or ends_open(line.key):
                return None  # ("قال الناطق باسم": a sentence wrapped into the next line)
            return line
        return None

    def title_printed_twice(self) -> _Line | None:
        """"الأخبار الشاملة والحقيقة الكاملة" / … / "الوزير يفتتح المستشفى" twice over the
        lead: the page's heading and its copy (removed as duplicate_line) are the headline,
        whatever short line the masthead printed first."""
        head = self.lines[: self.first_body_index()]
        copies = {ln.key for ln in head if ln.rule == "duplicate_line"}
        if not copies:
            return None
        for line in head:
            # a photo caption is printed twice too ("رئيس الوزراء، فلان الفلاني"): a name,
            # short and with a comma; a headline has five words or more and no clause mark
            if line.kept and line.key in copies and self.date_kind(line) is None and \
                    _TWICE_MIN_WORDS <= line.words <= self.s["headline_max_words"] and \
                    not _CLAUSE_RE.search(line.kept_text):
                return line
        return None

    def first_body_index(self) -> int:
        """Index in ``lines`` of the first kept paragraph of prose (len(lines) when none)."""
        return next((n for n, ln in enumerate(self.lines) if ln.kept and self.body_like(ln)),
                    len(self.lines))

    def over_article(self, line: _Line) -> bool:
        """The next non-blank line is kept: the date stands over the article (its title or
        first paragraph), not over the masthead, a menu or a logo. The article's own meta
        row (its view counter, reading time, share bar, byline) between the date and the
        text is no masthead either: "السبت 4 أكتوبر 2025" / "20 مشاهدة" / the lead."""
        after = (ln for ln in self.lines if ln.start > line.start and not ln.blank
                 and ln.rule not in _ARTICLE_META_RULES)
        nxt = next(after, None)
        # a site name, a section label or a source line in Latin letters between the date
        # and the title is no masthead
        if nxt is not None and nxt.rule in _LABEL_RULES and nxt.words <= _LABEL_MAX_WORDS:
            # one label alone ("السياسة" over the lead); a menu is a run of them
            nxt = next(after, None)
            return nxt is not None and nxt.kept
        return nxt is not None and (nxt.kept or nxt.rule in ("header_label", "foreign_line"))

    def header_widget_dates(self) -> None:
        """A bare date above the title that stands over furniture is the header's "today",
        and so is one of another weekday than the text's "اليوم الخميس"."""
        for line in self.header_zone():
            if line is self.title:
                return
            kind = self.date_kind(line)
            if kind is not None and kind == ("date", "none") and (
                    not self.over_article(line) or weekday_contradicts(self, line)
                    or masthead_clock(self, line)):
                line.rule = "widget_date"

    def stray_dates(self, published: Published | None) -> None:
        """"2024-05-09@08:14:02 GMT" alone on a line of a page whose labelled date line says
        "تاريخ النشر: 22 ديسمبر 2023": a bare date of another day is the capture's or a
        widget's stamp, not a second date of the article (a date-only line is no sentence)."""
        line = self.dateline_line
        if published is None or line is None or self.date_label(line) != "publish":
            return
        for ln in self.lines:
            if ln is line or not ln.kept or ln.spans or self.date_kind(ln) != ("date", "none"):
                continue
            day = parse_dateline(ln.kept_text)
            if day is not None and day != published.date:
                ln.rule = "widget_date"

    def header_dates(self, title: _Line, dateline: _Line) -> None:
        """With the dateline under the headline, a bare date above it is the page's "today"."""
        if dateline.start < title.start:
            return
        for line in self.lines:
            if line is title:
                return
            kind = self.date_kind(line) if line.kept else None
            if kind is not None and kind[1] == "none":
                line.rule = "widget_date"

    def assemble(self) -> str:
        parts: list[str] = []
        gap = False
        for line in self.lines:
            if line.blank:
                gap = gap or bool(parts)
                continue
            if line.rule is not None:
                continue
            if parts:
                parts.append("\n\n" if gap else "\n")
            parts.append(line.kept_text)
            gap = False
        return "".join(parts)

    def removals(self) -> tuple[Removal, ...]:
        out: list[Removal] = []
        raw = self.raw
        if self.header_end:
            out.append(Removal(0, self.header_end, "capture_header", raw[: self.header_end]))
        for line in self.lines:
            if line.blank:
                continue
            if line.rule is not None:
                out.append(Removal(line.a, line.b, line.rule, raw[line.a : line.b]))
            for a, b, rid in line.spans:
                out.append(Removal(a, b, rid, raw[a:b]))
        out.sort(key=lambda r: (r.start, r.end))
        return tuple(out)


def clean_text(raw: str, *, rules: RuleSet | None = None) -> Cleaned:
    """Remove page furniture from a plain-text page capture.

    ``rules`` defaults to the packaged ``furniture.yaml``; pass a :class:`RuleSet` from
    :func:`compile_rules` to try other rules.
    """
    return _Cleaner(raw, rules or load_rules()).run()


def classify_line(text: str, *, rules: RuleSet | None = None) -> str | None:
    """The id of the line rule that drops ``text`` when it stands alone, else ``None``.

    Only the rules that look at one line (``line``, ``words``, ``block`` labels) are tried;
    used by the tests to check each rule's examples.
    """
    cleaner = _Cleaner(text, rules or load_rules())
    line = _Line(text, 0, len(text))
    if line.blank:
        return None
    cleaner.match_line(line)
    return line.rule
