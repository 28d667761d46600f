"""Sentences and tokens (with clitic words) as offsets into the cleaned text.

Sentence ends: Arabic and Latin full stop, question and exclamation marks, the ellipsis and
the Arabic semicolon, plus every line break (scraped news keeps one paragraph a line). A
closing quotation mark or bracket that follows the end mark stays with the sentence.
Abbreviations that must not end a sentence live in ``data/ar/segment.yaml``.

Tokens: runs of Arabic letters (with their diacritics and tatweel), Latin letters, numbers
(with their inner . , / : -), and single punctuation marks. Each token is split into words:
proclitics (و ف ب ك ل س, the article ال and the fused لل) and the stem. Splitting is
decided by a lexicon: a prefix is split off only when what remains is a known word or name,
or when the article after a proclitic makes the split unambiguous (وال، بال، لل). A name that
merely begins with one of these letters (واغادوغو، باماكو، لافروف، ليبيا، لندن) is known whole
and is never split.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..data import load_yaml
from ..doc import Span, Token, Word
from .normalize import match_key

_TOKEN_RE = re.compile(
    r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF\u0640\u064B-\u065F\u0670]+"  # Arabic
    r"|[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,:/\-][0-9\u0660-\u0669\u06F0-\u06F9]+)*"  # numbers
    r"|[A-Za-z\u00C0-\u024F]+(?:['’\-][A-Za-z\u00C0-\u024F]+)*"  # Latin words
    r"|\S"  # any other single non-space character
)
_END_RE = re.compile(r"(?:[.!?؟…؛]+|\.\.\.)[\"'”»)\]›’]*")
_QUOTE_CLOSERS = "\"'”»)]›’"


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    data = load_yaml("ar/segment.yaml")
    return frozenset(match_key(a) for a in data["abbreviations"])


def sentence_spans(text: str) -> list[Span]:
    """Sentence spans of ``text``: stripped of edge white space, never empty."""
    out: list[Span] = []
    abbrevs = _abbreviations()
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        start = line_start
        for m in _END_RE.finditer(line):
            end = line_start + m.end()
            mark_pos = line_start + m.start()
            # A full stop between digits (3.5) or after a known abbreviation (د. ، م.) is not
            # an end; nor is one not followed by white space or the end of the line.
            after = text[end] if end < line_end else " "
            if not after.isspace():
                continue
            if text[mark_pos] == ".":
                prev_word = re.search(r"(\S+)$", text[start:mark_pos])
                if prev_word and match_key(prev_word.group(1)) in abbrevs:
                    continue
                if prev_word and len(prev_word.group(1)) == 1 and prev_word.group(1).isalpha():
                    continue  # initials: "J. Smith", "أ. محمد"
            _append(out, text, start, end)
            start = end
        _append(out, text, start, line_end)
        line_start = line_end + 1
    return out


def _append(out: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


# -- clitics -----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _clitic_data() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = load_yaml("ar/segment.yaml")
    return tuple(data["proclitics"]), tuple(data["article_proclitics"])


@lru_cache(maxsize=65536)
def proclitic_splits(token: str) -> tuple[tuple[int, str], ...]:
    """Candidate (prefix_length, remainder) splits of ``token``, longest prefix first.

    Prefix lengths count source characters, so diacritics on a prefix letter (وَ) are
    included in the prefix. The fused ``لل`` (ل + ال with its alef dropped) cannot be split
    into a prefix and a substring of the text; callers that match names treat it apart.
    """
    prefixes, _ = _clitic_data()
    if not token or token[0] not in _PREFIX_LETTERS:
        return ()
    letters = _letters_with_marks(token)
    bare = "".join(ch for ch, _ in letters)
    out = []
    for p in prefixes:  # ordered longest first in the data file
        if len(letters) - len(p) < 2 or not bare.startswith(p):
            continue
        plen = sum(len(ch) + len(marks) for ch, marks in letters[: len(p)])
        out.append((plen, token[plen:]))
    return tuple(out)


_PREFIX_LETTERS = frozenset("وفبكلسا")


def _letters_with_marks(token: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for ch in token:
        if out and ("\u064B" <= ch <= "\u065F" or ch in "\u0670\u0640"):
            out[-1] = (out[-1][0], out[-1][1] + ch)
        else:
            out.append((ch, ""))
    return out


def split_words(token: str, start: int, is_known: Callable[[str], bool]) -> tuple[Word, ...]:
    """Split one token into clitic and stem words (offsets absolute)."""
    end = start + len(token)
    if not token or not ("\u0621" <= token[0] <= "\u06FF") or is_known(match_key(token)):
        return (Word(start, end, "stem"),)
    _, article_prefixes = _clitic_data()
    splits = list(proclitic_splits(token))
    # A known remainder decides first (بالكرملين → ب + الكرملين, not بال + كرملين); only
    # then does a prefix ending in the article split an unknown stem (والجيش → وال + جيش).
    for plen, rest in splits:
        if is_known(match_key(rest)):
            return (Word(start, start + plen, "prefix"), Word(start + plen, end, "stem"))
    for plen, rest in splits:
        if match_key(token[:plen]) in article_prefixes and len(match_key(rest)) >= 3:
            return (Word(start, start + plen, "prefix"), Word(start + plen, end, "stem"))
    return (Word(start, end, "stem"),)


def tokenize(text: str, is_known: Callable[[str], bool] | None = None) -> list[Token]:
    """All tokens of ``text`` with their clitic words."""
    known = is_known or (lambda _k: False)
    out: list[Token] = []
    # the split of a token depends only on its text: decide each distinct token once
    lengths: dict[str, int] = {}
    for m in _TOKEN_RE.finditer(text):
        tok, start, end = m.group(), m.start(), m.end()
        is_word = tok[0].isalnum() or "\u0621" <= tok[0] <= "\u06FF"
        if not is_word:
            out.append(Token(start, end, (), True))
            continue
        plen = lengths.get(tok)
        if plen is None:
            words = split_words(tok, 0, known)
            plen = words[0].end if len(words) > 1 else 0
            lengths[tok] = plen
        out.append(Token(start, end, (start + plen,) if plen else ()))
    return out
