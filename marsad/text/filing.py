"""Filing-place datelines: "موسكو - "، "الرباط (أ ف ب) -"، "بيروت/ الأناضول:".

A dateline opening a paragraph says where the article was filed from; the city in it is not
a participant of what follows ("موسكو - التقى بوتين …" is no act of Moscow), and a name
that appears only in a dateline or a credit is no entity of the article (docs/annotation.md,
Conventions). This module finds those spans; NER and events pass over them.

A dateline is recognised only in a closed shape, and only at a paragraph start (the start
of the text, after a line break, the first sentence):

    PLACE [، DATE | في DATE] [(CREDIT)] SEP [(CREDIT) SEP | / CREDIT SEP | CREDIT ⏎]
    OUTLET (PLACE) SEP                      "الأخبار (نيامي) - "
    BYLINE - PLACE -                        "سمير فؤاد - القاهرة - "
    UNKNOWN-TOWN (AGENCY) SEP               "تيساليت (أ ف ب) - "

PLACE is a city or country of the knowledge base, SEP a dash (- – — ـــ), a slash, or a
colon when a date or credit came first ("طهران: …" alone is who speaks, not where from).
When in doubt nothing is marked: a second place after the dash ("روسيا - أوكرانيا: …") is
a pairing in a headline, and a name followed by a verb ("موسكو تعلن …") is a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..doc import Doc, Filing, Span
from .normalize import match_key

if TYPE_CHECKING:
    from ..kb import Candidate, KnowledgeBase

_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"  # Arabic letters, tatweel excluded
_WORD = rf"[{_LETTER}][{_LETTER}\u064b-\u065f\u0670]*"
_WORDS_RE = re.compile(rf"{_WORD}(?: {_WORD}){{0,3}}")
_SEP_RE = re.compile(r"[ \t]*([-–—]+|ـ+|/|:)[ \t]*")
_PAREN_RE = re.compile(r"[ \t]*\(([^()\n]{1,30})\)")
_DATE_LEAD_RE = re.compile(r"[ \t]*(?:[،,][ \t]*|[ \t]في[ \t]+)")
_LEAD_RE = re.compile("[ \t\u200e\u200f\ufeff]*")
_DASHES = frozenset("-–—ـ")
_OPENERS = frozenset("-–—ـ/:(،,")  # what may follow a dateline's first words
_MAX_PLACE_WORDS = 3
_MAX_CREDIT_WORDS = 3  # "بوابة الصومال"، "اسم الموقع": a credit closing the line is short


@dataclass(frozen=True, slots=True)
class Lookups:
    """What the dateline grammar asks of the knowledge base and the word lists."""

    place: Callable[[str], str | None]  # match key -> kb key of a city or country
    named: Callable[[str], bool]  # match key -> some entry has that alias
    agency: Callable[[str], bool]  # credit text -> a known agency, outlet or generic credit
    common: Callable[[str], bool]  # match key -> a frequent word, not a name
    state: Callable[[str], bool]  # kb key -> a country, not a city


@dataclass(frozen=True, slots=True)
class _Line:
    """One paragraph's first line and what the grammar reads it with."""

    text: str
    eol: int
    lk: Lookups
    dates: dict[int, int]  # date start -> date end


# -- finding -----------------------------------------------------------------------------

def find_filings(doc: Doc, lk: Lookups) -> list[Filing]:
    """The filing-place datelines of a document, in text order (dates must be set)."""
    text = doc.text
    dates = {d.start: d.end for d in doc.dates}
    out: list[Filing] = []
    for at in paragraph_starts(doc):
        eol = text.find("\n", at)
        line = _Line(text, len(text) if eol < 0 else eol, lk, dates)
        at = _LEAD_RE.match(text, at).end()  # type: ignore[union-attr]  # always matches
        if not _may_open(line, at):
            continue
        for rule in RULES:
            found = rule(line, at)
            if found is not None:
                out.append(found)
                break
    return out


def _may_open(ln: _Line, at: int) -> bool:
    """Every form opens with one to four words and then punctuation or a date's digits
    ("موسكو -"، "عمّان، 3"، "الرقيب (نيامي)"): most paragraphs are ruled out by one match
    ("موسكو تعلن تعليق …")."""
    m = _WORDS_RE.match(ln.text, at, ln.eol)
    if m is None:
        return False
    nxt = ln.text[m.end() : m.end() + 2].lstrip(" \t")[:1]
    return nxt in _OPENERS or nxt.isdigit()


def paragraph_starts(doc: Doc) -> list[int]:
    """The start of the text, every offset after a line break, and the first sentence."""
    text = doc.text
    starts = {0} | {i + 1 for i in _newlines(text)}
    if doc.sentences:
        starts.add(doc.sentences[0].start)
    return sorted(s for s in starts if s < len(text))


def _newlines(text: str) -> Iterator[int]:
    i = text.find("\n")
    while i >= 0:
        yield i
        i = text.find("\n", i + 1)


# -- the rules (tried in this order at each paragraph start) -------------------------------

def place_first(ln: _Line, at: int) -> Filing | None:
    """A known place opens the dateline: "موسكو - التقى …"، "الرباط (أ ف ب) - …"،
    "عمّان، 3 أيار (بترا) – …"، "بيروت/ الأناضول: …"، "القاهرة في 5 مايو/ أيار (رويترز) -"."""
    head = _read_place(ln, at)
    if head is None:
        return None
    pos, key = head
    dated = _read_date(ln, pos)
    pos = dated if dated is not None else pos
    paren = _read_paren(ln, pos)
    credit, pos = paren if paren is not None else (None, pos)
    return _close(ln, at, pos, Span(at, head[0]), key, credit,
                  strong=dated is not None or credit is not None)


def town_then_country(ln: _Line, at: int) -> Filing | None:
    """A town the knowledge base does not know, its country in parentheses: "أدري (تشاد) –
    عبر …" is filed from the town (the country is its address, no mention either). A town's
    name may be a common word (أدري), so none is ruled out; an outlet before a country
    ("الأخبار (مصر) -") is then taken for the town, a harmless slip: both are furniture."""
    words = _WORDS_RE.match(ln.text, at, ln.eol)
    if words is None or len(words.group().split()) > _MAX_PLACE_WORDS:
        return None
    m = _PAREN_RE.match(ln.text, words.end(), ln.eol)
    key = ln.lk.place(match_key(m.group(1).strip())) if m is not None else None
    if m is None or key is None or not ln.lk.state(key):
        return None
    return _close(ln, at, m.end(), Span(at, words.end()), None, None, strong=True)


def outlet_then_place(ln: _Line, at: int) -> Filing | None:
    """An outlet's name, then the place in parentheses: "الأخبار (نيامي) - وصل …"."""
    words = _WORDS_RE.match(ln.text, at, ln.eol)
    if words is None or _read_place(ln, at) is not None:
        return None
    m = _PAREN_RE.match(ln.text, words.end(), ln.eol)
    if m is None:
        return None
    key = ln.lk.place(match_key(m.group(1).strip()))
    if key is None:
        return None
    place = _stripped(ln.text, m.start(1), m.end(1))
    return _close(ln, at, m.end(), place, key, Span(at, words.end()), strong=True)


def byline_then_place(ln: _Line, at: int) -> Filing | None:
    """A reporter's name, a dash, the place, a dash: "سمير فؤاد - القاهرة - أرسلت …"."""
    words = _WORDS_RE.match(ln.text, at, ln.eol)
    if words is None or ln.lk.named(match_key(words.group())):
        return None
    first = _read_sep(ln, words.end())
    if first is None or first[0][0] not in _DASHES:
        return None
    head = _read_place(ln, first[1])
    if head is None:
        return None
    second = _read_sep(ln, head[0])
    if second is None or second[0][0] not in _DASHES:
        return None
    return _body(ln, at, second[1], Span(first[1], head[0]), head[1], None, strong=False)


def unknown_with_agency(ln: _Line, at: int) -> Filing | None:
    """A town the knowledge base does not know, vouched for by an agency credit:
    "تيساليت (أ ف ب) - قال …" (without the credit it could be any sentence's subject)."""
    words = _WORDS_RE.match(ln.text, at, ln.eol)
    if words is None or len(words.group().split()) > _MAX_PLACE_WORDS:
        return None
    if all(ln.lk.common(match_key(w)) for w in words.group().split()):
        return None  # "وأضاف (رويترز) -": a town has a name of its own (كفر X، تل X)
    paren = _read_paren(ln, words.end())
    if paren is None or not ln.lk.agency(ln.text[paren[0].start : paren[0].end]):
        return None
    return _close(ln, at, paren[1], Span(at, words.end()), None, paren[0], strong=True)


RULES: tuple[Callable[[_Line, int], Filing | None], ...] = (
    place_first, town_then_country, outlet_then_place, byline_then_place,
    unknown_with_agency)


# -- after the head: separator, credit, and what follows -------------------------------------

def _close(ln: _Line, start: int, pos: int, place: Span, key: str | None,
           credit: Span | None, *, strong: bool) -> Filing | None:
    """Read the separator and any credit after it: "القاهرة – (رويترز) - "، "بيروت/ الأناضول:"."""
    sep = _read_sep(ln, pos)
    if sep is None:
        return None
    mark, pos = sep
    if mark == ":" and not strong:
        return None  # "طهران: إسرائيل تهدد …" — the capital speaks; nothing says where from
    if mark == "/":
        slash = _slash_credit(ln, pos)
        if slash is None:
            return None
        return _filing(ln, start, slash[1], place, key, slash[0])
    if credit is None:
        paren = _read_paren(ln, pos)
        again = _read_sep(ln, paren[1]) if paren is not None else None
        if paren is not None and again is not None and again[0] != "/":
            return _body(ln, start, again[1], place, key, paren[0], strong=True)
    return _body(ln, start, pos, place, key, credit, strong=strong)


def _body(ln: _Line, start: int, pos: int, place: Span, key: str | None,
          credit: Span | None, *, strong: bool) -> Filing | None:
    """What follows the separator decides: a second place right after a bare dash makes a
    pairing, not a dateline ("روسيا - أوكرانيا: جولة جديدة"); a short unknown name closing
    the line is a credit ("بغداد- وكالات"); anything else is the body of the paragraph.
    After a date or credit the dateline is sure ("القاهرة (رويترز) - مصر ترحب …")."""
    if not strong and _read_place(ln, pos) is not None:
        return None
    if credit is None and _short_line(ln, pos) is not None:
        short = _credit_line(ln, pos)
        if short is None:
            return None  # "موسكو - بوتين": a headline naming someone, not a credit
        return _filing(ln, start, short.end, place, key, short)
    return _filing(ln, start, pos, place, key, credit)


def _short_line(ln: _Line, pos: int) -> Span | None:
    """The rest of the line when it is one to three bare words with a paragraph after it
    ("دبي- وكالات"): a credit or a headline, not the start of the body."""
    rest = _stripped(ln.text, pos, ln.eol)
    if rest.start == rest.end or ln.eol >= len(ln.text):
        return None
    if _WORDS_RE.fullmatch(ln.text, rest.start, rest.end) is None:
        return None
    return rest if len(ln.text[rest.start : rest.end].split()) <= _MAX_CREDIT_WORDS else None


def _credit_line(ln: _Line, pos: int) -> Span | None:
    """A short line after the dash that is a credit: a known agency or generic credit, or
    words naming nobody the knowledge base knows ("بغداد- اسم الموقع"); not "موسكو - بوتين"."""
    rest = _short_line(ln, pos)
    if rest is None:
        return None
    said = ln.text[rest.start : rest.end]
    if ln.lk.agency(said) or not any(ln.lk.named(match_key(w)) for w in said.split()):
        return rest
    return None


def _slash_credit(ln: _Line, pos: int) -> tuple[Span, int] | None:
    """A credit after a slash, closed by a separator or the line's end:
    "بيروت/ الأناضول: …"، "مقديشو في 20 مارس/ بوابة الصومال / كشفت …"."""
    m = _WORDS_RE.match(ln.text, pos, ln.eol)
    if m is None or _read_place(ln, pos) is not None:
        return None  # "بيروت/ دمشق": two places
    sep = _read_sep(ln, m.end())
    if sep is not None:
        return Span(m.start(), m.end()), sep[1]
    if _stripped(ln.text, m.end(), ln.eol).start == ln.eol:
        return Span(m.start(), m.end()), ln.eol
    return None


def _filing(ln: _Line, start: int, end: int, place: Span, key: str | None,
            credit: Span | None) -> Filing:
    end = _stripped(ln.text, start, end).end
    return Filing(start, end, place, key, credit)


# -- readers: each reads one part at ``pos`` and says where it ends --------------------------

def _read_place(ln: _Line, pos: int) -> tuple[int, str] | None:
    """The longest run of one to three words naming a known city or country."""
    m = _WORDS_RE.match(ln.text, pos, ln.eol)
    if m is None:
        return None
    words = m.group().split(" ")[:_MAX_PLACE_WORDS]
    for n in range(len(words), 0, -1):
        key = ln.lk.place(match_key(" ".join(words[:n])))
        if key is not None:
            return pos + len(" ".join(words[:n])), key
    return None


def _read_date(ln: _Line, pos: int) -> int | None:
    """A date after a comma or في: "عمّان، 3 أيار"، "القاهرة في 5 مايو/ أيار" (its end)."""
    m = _DATE_LEAD_RE.match(ln.text, pos, ln.eol)
    if m is None:
        return None
    end = ln.dates.get(m.end())
    return end if end is not None and end <= ln.eol else None


def _read_paren(ln: _Line, pos: int) -> tuple[Span, int] | None:
    """A parenthesised credit "(أ ف ب)": the words inside, and where the bracket closes."""
    m = _PAREN_RE.match(ln.text, pos, ln.eol)
    if m is None:
        return None
    inside = _stripped(ln.text, m.start(1), m.end(1))
    return (inside, m.end()) if len(inside) else None


def _read_sep(ln: _Line, pos: int) -> tuple[str, int] | None:
    m = _SEP_RE.match(ln.text, pos, ln.eol)
    return (m.group(1), m.end()) if m is not None else None


def _stripped(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


# -- for the stages after this one -------------------------------------------------------

def past_filing(doc: Doc) -> list[tuple[int, int]]:
    """Each sentence's [first, last) token indexes with a dateline's tokens left out: the
    stages that read sentences start after "موسكو - " as if it were not there."""
    ranges = doc.sentence_token_ranges()
    if not doc.filing:
        return ranges
    starts = doc.token_starts()
    out = []
    for a, b in ranges:
        for f in doc.filing:
            if a < b and f.start <= starts[a] < f.end:
                while a < b and starts[a] < f.end:
                    a += 1
        out.append((a, b))
    return out


def in_filing(doc: Doc) -> Callable[[int, int], bool]:
    """A test whether [start, end) overlaps a dateline of the document."""
    spans = [(f.start, f.end) for f in doc.filing]
    return lambda start, end: any(s < end and start < e for s, e in spans)


# -- the lookups from the knowledge base and the agency list -------------------------------

def kb_lookups(kb: KnowledgeBase, common: frozenset[str]) -> Lookups:
    """The grammar's questions answered by a knowledge base and the common-word list."""
    agencies = agency_keys()

    def agency(said: str) -> bool:
        key = match_key(said)
        return _compact(key) in agencies or any(
            c.entry.extra.get("kind") == "media" for c in kb.lookup(key))

    return Lookups(place=lambda key: dateline_place(kb.lookup(key)),
                   named=lambda key: bool(kb.lookup(key)), agency=agency,
                   common=common.__contains__, state=lambda key: _is_state(kb, key))


def _is_state(kb: KnowledgeBase, key: str) -> bool:
    entry = kb.get(key)
    return entry is not None and not entry.country


def dateline_place(cands: Sequence[Candidate]) -> str | None:
    """Which entry a dateline's place name is: a city before a country of the same name
    (a dateline "الجزائر -" is filed from Algiers), then a plain alias before an ambiguous
    one, then the larger town."""
    gpes = [c for c in cands if c.entry.type == "GPE"]
    if not gpes:
        return None
    best = min(gpes, key=lambda c: (not c.entry.country, c.ambiguous,
                                    -(c.entry.population or 0)))
    return best.entry.key


@lru_cache(maxsize=1)
def agency_keys() -> frozenset[str]:
    """The agencies and generic credits of ``data/ar/agencies.yaml``, as compact keys."""
    from ..data import load_yaml
    from ..errors import DataFileError

    data = load_yaml("ar/agencies.yaml")
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping of lists", path="ar/agencies.yaml")
    out: set[str] = set()
    for name, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise DataFileError(f"{name}: expected a list of names", path="ar/agencies.yaml")
        out.update(_compact(match_key(w)) for w in words)
    return frozenset(out)


def _compact(key: str) -> str:
    """A credit's key without spaces or punctuation: "أ ف ب"، "أ.ف.ب" → "افب"."""
    return "".join(ch for ch in key if ch.isalpha())
