"""Sentences and tokens (with clitic words) as offsets into the cleaned text.

Sentence ends: Arabic and Latin full stop, question and exclamation marks, the ellipsis and
the Arabic semicolon, plus every line break (scraped news keeps one paragraph a line). A
closing quotation mark or bracket that follows the end mark stays with the sentence.
Abbreviations that must not end a sentence live in ``data/ar/segment.yaml``.

Tokens: runs of Arabic letters (with their diacritics and tatweel), Latin letters, numbers
(with their inner . , / : -), and single punctuation marks. Each token is split into at most
two words: the clitic prefix (و ف ب ك ل, possibly ending in the article ال or the fused لل)
and the stem. Splitting is decided by the lexicon (knowledge-base names and common words)
and the data of ``data/ar/segment.yaml``: a prefix is split off when what remains is a known
word, or, for unknown tokens, on cues that generalise to unknown names (the article after a
proclitic, a hamza alef after it, a doubled proclitic letter, a long stem opening with a
consonant that no name begins with after و، ب، ل). A name that merely begins with one of
these letters (واغادوغو، باماكو، لافروف، ليبيا، لندن) stays whole; so does a word listed as
never split (لجنة، بيان). The article alone is not split off (الكرملين), nor is future س
(سيزور; وسيزور → و + سيزور). ``tests/text/clitic_cases.tsv`` is the benchmark.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..data import common_words, load_yaml
from ..doc import Span, Token, Word
from .normalize import match_key, strip_diacritics

_TOKEN_RE = re.compile(
    r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF\u0640\u064B-\u065F\u0670]+"  # Arabic
    r"|[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,:/\-][0-9\u0660-\u0669\u06F0-\u06F9]+)*"  # numbers
    r"|[A-Za-z\u00C0-\u024F]+(?:['’\-][A-Za-z\u00C0-\u024F]+)*"  # Latin words
    r"|\S"  # any other single non-space character
)
_SPACED_TOKEN_RE = re.compile(r"(\s*)(" + _TOKEN_RE.pattern + ")")
# Quotation marks, opening and closing (one definition for every stage: the events layer
# passes over them too); a sentence's stop may stand before closing ones and brackets
OPENING_QUOTES = frozenset('"«“\'‘„')
CLOSING_QUOTES = frozenset('"\'”»’›')
QUOTES = OPENING_QUOTES | CLOSING_QUOTES
_END_RE = re.compile(r"(?:[.!?؟…؛]+|\.\.\.)[" + re.escape("".join(sorted(CLOSING_QUOTES)))
                     + r")\]]*")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    data = load_yaml("ar/segment.yaml")
    return frozenset(match_key(a) for a in data["abbreviations"])


# The longest word that may be an abbreviation or an initial: longer words before a full
# stop are never either, so the look back from a full stop is bounded (linear time).
_MAX_ABBREVIATION = 16
# A sentence longer than this is cut at its last white space before the limit: no real
# sentence comes near it (the longest in the demo and gold sets are under 1,000 characters),
# and every per-sentence loop downstream (dates, names, events) stays bounded (issue #15).
MAX_SENTENCE_CHARS = 2_000


def sentence_spans(text: str) -> list[Span]:
    """Sentence spans of ``text``: stripped of edge white space, never empty, none longer
    than :data:`MAX_SENTENCE_CHARS`. Linear in the length of the text."""
    out: list[Span] = []
    abbrevs = _abbreviations()
    line_start = 0
    carried: int | None = None  # where a sentence wrapped over the line break began
    for line in text.split("\n"):
        line_end = line_start + len(line)
        start = line_start if carried is None else carried
        carried = None
        for m in _END_RE.finditer(line):
            end = line_start + m.end()
            mark_pos = line_start + m.start()
            # A full stop between digits (3.5) or after a known abbreviation (د. ، م.) is not
            # an end; nor is one not followed by white space or the end of the line.
            after = text[end] if end < line_end else " "
            if not after.isspace() and not _glued_sentence(text, mark_pos, end):
                continue
            if text[mark_pos] == "." and _abbreviation_before(text, start, mark_pos, abbrevs):
                continue
            _append(out, text, start, end)
            start = end
        if _wrapped_line(text, start, line_end):
            carried = start  # "… وأشار إلى أنه\nتم تعيين …": the sentence goes on
        else:
            _append(out, text, start, line_end)
        line_start = line_end + 1
    if carried is not None:
        _append(out, text, carried, len(text))
    return out


def _wrapped_line(text: str, start: int, end: int) -> bool:
    """The line's open sentence ends on a word no sentence ends on (a preposition, a
    conjunction, a relative: the page wrapped it at a fixed width) and the next line goes
    on in Arabic letters."""
    if end >= len(text) - 1 or not _is_arabic_letter(text[end + 1]):
        return False
    tail = text[max(start, end - 24) : end].rstrip()
    if not tail or not _is_arabic_letter(tail[-1]):
        return False
    last = tail.rsplit(None, 1)[-1]
    return match_key(last) in _wrap_words()


@lru_cache(maxsize=1)
def resumptive_pronouns() -> frozenset[str]:
    """Prepositions with a pronoun that take a relative's antecedent back (match keys)."""
    return frozenset(match_key(w) for w in load_yaml("ar/segment.yaml")["resumptive_pronouns"])


def ends_open(line_key: str) -> bool:
    """The line (a match key) ends on a word no sentence ends on: it goes on in the next
    line ("قال الناطق باسم")."""
    words = line_key.split()
    return bool(words) and words[-1] in _wrap_words()


@lru_cache(maxsize=1)
def _wrap_words() -> frozenset[str]:
    vocab = load_yaml("ar/furniture.yaml").get("vocab") or {}
    return frozenset(match_key(w) for w in vocab.get("wrap_words") or ())


def _abbreviation_before(text: str, start: int, mark: int, abbrevs: frozenset[str]) -> bool:
    """Whether the word before the full stop at ``mark`` (not before ``start``) is a known
    abbreviation (د. ، م.) or an initial ("J. Smith", "أ. محمد")."""
    i = mark
    while i > start and mark - i <= _MAX_ABBREVIATION and not text[i - 1].isspace():
        i -= 1
    if i == mark or mark - i > _MAX_ABBREVIATION:
        return False
    word = text[i:mark]
    return match_key(word) in abbrevs or (len(word) == 1 and word.isalpha())


def _glued_sentence(text: str, mark: int, end: int) -> bool:
    """A full stop between two Arabic letters ("الاتفاق.وقال"): pages lose the space after
    a sentence in their markup, and no Arabic word or number holds a dot between letters.
    The word before may end on a diacritic, a closing quote or a number ("قُتل عشرة أشخاصاً.
    وأعلن" glued, "«…هادئ».ويأتي"، "عام 2020.وقال"): a decimal has a digit after it."""
    return text[mark] == "." and end == mark + 1 and mark > 0 \
        and _ends_a_word(text[mark - 1]) and _is_arabic_letter(text[end])


def _ends_a_word(ch: str) -> bool:
    return _is_arabic_letter(ch) or "\u064b" <= ch <= "\u0652" or ch.isdigit() \
        or ch in "»”\")"


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def _append(out: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut_point(text, start, start + MAX_SENTENCE_CHARS)
        _append(out, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Span(start, end))


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where to cut an over-long sentence: after its last white space before ``limit``, or
    at ``limit`` when the run has none (a hostile run of letters)."""
    i = limit
    while i > start and not text[i - 1].isspace():
        i -= 1
    return i if i > start else limit


# -- clitics -----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _clitic_data() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = load_yaml("ar/segment.yaml")
    return tuple(data["proclitics"]), tuple(data["article_proclitics"])


def proclitics() -> tuple[str, ...]:
    """Every proclitic sequence a token may open with (و، بال، ولل …), longest first."""
    return _clitic_data()[0]


@lru_cache(maxsize=1)
def name_proclitics() -> tuple[str, ...]:
    """The proclitics a name may carry besides the article: و، ف، ب، ك، ل and their pairs
    (وب، فل …); the future س belongs to verbs and the article to the name itself."""
    return tuple(p for p in proclitics() if "ال" not in p and "لل" not in p and "س" not in p)


def skip_to_word(surface: str, key: str, word: str) -> int:
    """How many characters of the token ``surface`` (match key ``key``) come before
    ``word`` behind its clitics: 0 when the token is the word, -1 when it does not hold it
    ("بالرئيس" holds "الرئيس" after one character)."""
    if key == word:
        return 0
    return next((pl for pl, rest in proclitic_splits(surface) if match_key(rest) == word), -1)


@lru_cache(maxsize=65536)
def proclitic_splits(token: str) -> tuple[tuple[int, str], ...]:
    """Candidate (prefix_length, remainder) splits of ``token``, longest prefix first.

    Prefix lengths count source characters, so diacritics on a prefix letter (وَ) are
    included in the prefix. The fused ``لل`` (ل + ال with its alef dropped) cannot be split
    into a prefix and a substring of the text; callers that match names treat it apart.
    """
    if not token or token[0] not in _PREFIX_LETTERS:
        return ()
    # without marks every letter is one character (most tokens): no letter list to build
    letters = _letters_with_marks(token) if _MARK_RE.search(token) is not None else None
    bare = "".join(ch for ch, _ in letters) if letters is not None else token
    out = []
    for p in _openers(bare, _proclitic_lookup()):  # ordered longest first in the data file
        plen = sum(len(ch) + len(marks) for ch, marks in letters[: len(p)]) if letters \
            else len(p)
        out.append((plen, token[plen:]))
    return tuple(out)


_Lookup = tuple[frozenset[str], tuple[int, ...], dict[str, int]]


def _lookup(prefixes: tuple[str, ...]) -> _Lookup:
    """A prefix list as a set, its lengths (longest first) and each prefix's rank."""
    return (frozenset(prefixes), tuple(sorted({len(p) for p in prefixes}, reverse=True)),
            {p: i for i, p in enumerate(prefixes)})


@lru_cache(maxsize=1)
def _proclitic_lookup() -> _Lookup:
    return _lookup(_clitic_data()[0])


@lru_cache(maxsize=1)
def _split_lookup() -> _Lookup:
    return _lookup(_split_data().prefixes)


def _openers(bare: str, lookup: _Lookup) -> list[str]:
    """The prefixes of the list that open ``bare`` and leave two letters or more, in the
    list's order: each length is looked up once (one prefix of a length can open it)
    instead of trying every prefix."""
    found, lengths, rank = lookup
    out = [bare[:n] for n in lengths if len(bare) - n >= 2 and bare[:n] in found]
    if len(out) > 1:
        out.sort(key=rank.__getitem__)
    return out


_PREFIX_LETTERS = frozenset("وفبكلسا")


def _letters_with_marks(token: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for ch in token:
        if out and ("\u064B" <= ch <= "\u065F" or ch in "\u0670\u0640"):
            out[-1] = (out[-1][0], out[-1][1] + ch)
        else:
            out.append((ch, ""))
    return out


@dataclass(frozen=True)
class _SplitData:
    never_split: frozenset[str]  # match keys of words and names that are never split
    function_words: frozenset[str]  # two-letter words a proclitic may stand before
    prefixes: tuple[str, ...]  # proclitic sequences split_words may split off, longest first
    article_prefixes: frozenset[str]  # those that end in the article (or the fused لل)
    min_unknown_rest: int  # letters of an unknown stem for the onset rule (see _prefix_length)


@lru_cache(maxsize=1)
def _split_data() -> _SplitData:
    data = load_yaml("ar/segment.yaml")
    # The article alone is not split off (الكرملين is one word), and future س is never split:
    # it stays with its verb (وسيزور → و + سيزور), so the sequences with س are left out.
    prefixes = [p for p in data["proclitics"] if p != "ال" and "س" not in p]
    prefixes += [p for p in data["fused_article"] if p not in prefixes]
    prefixes.sort(key=len, reverse=True)
    return _SplitData(
        never_split=frozenset(match_key(w) for w in data["never_split"]),
        function_words=frozenset(match_key(w) for w in data["function_words"]),
        prefixes=tuple(prefixes),
        article_prefixes=frozenset(data["article_proclitics"]) | frozenset(data["fused_article"]),
        min_unknown_rest=int(data["min_unknown_rest"]),
    )


def _common_words() -> frozenset[str]:
    """Keys of the common-word list (the pipeline's lexicon is these plus the names of the
    knowledge base): tells a known word from a known name."""
    return common_words()


_HAMZA_ALEFS = frozenset("أإآ")
_VOWEL_LETTERS = frozenset("اوي")


def split_words(token: str, start: int, is_known: Callable[[str], bool]) -> tuple[Word, ...]:
    """Split one token into clitic and stem words (offsets absolute)."""
    end = start + len(token)
    if not token or not ("\u0621" <= token[0] <= "\u06FF"):
        return (Word(start, end, "stem"),)
    plen = _prefix_length(token, is_known, 0)
    if not plen:
        return (Word(start, end, "stem"),)
    return (Word(start, start + plen, "prefix"), Word(start + plen, end, "stem"))


def _candidates(token: str) -> list[tuple[int, str, str, str]]:
    """(raw prefix length, prefix key, raw rest, rest key), shortest prefix first."""
    if not token or token[0] not in _PREFIX_LETTERS:
        return []
    # without marks every letter is one character (most tokens): no letter list to build
    letters = _letters_with_marks(token) if _MARK_RE.search(token) is not None else None
    bare = "".join(ch for ch, _ in letters) if letters is not None else token
    out = []
    for p in _openers(bare, _split_lookup()):
        plen = sum(len(ch) + len(marks) for ch, marks in letters[: len(p)]) if letters \
            else len(p)
        rest = token[plen:]
        out.append((plen, p, rest, match_key(rest)))
    out.reverse()
    return out


_MARK_RE = re.compile("[\u064B-\u065F\u0670\u0640]")  # what _letters_with_marks attaches


def _prefix_length(token: str, is_known: Callable[[str], bool], depth: int) -> int:
    """Source characters of the clitic prefix of ``token`` (0: the token is one word).

    1. A word listed in ``never_split`` (or an inflected form of one) is whole: لجنة، بيان.
    2. A prefix whose remainder is a known word that does not split in turn is split off,
       the shortest such prefix first, so a known article form keeps its article
       (بالكرملين → ب + الكرملين, وبالقاهرة → وب + القاهرة). The remainder needs three
       letters, or two for a function word (وفي، فلا). Known tokens split too, since the
       common-word list holds clitic forms (ومصر، لمصر، وقال); but a known name (a known
       token that is no common word: بكين، بسام) only before a remainder of five letters
       or after و. ك is split off a known token only before the article (كالعادة), off an
       unknown one before a known word of four letters that begins with neither a long
       vowel nor ل (كرئيس; not كورونا، كلاوس); a lone ف before an unknown token's remainder
       needs four letters (فبوتين; not فدية، فقر).
    3. An unknown token is split besides: after a single proclitic bearing a hamza alef
       (وأوديسا: no name begins so); after و or ف before future س and an imperfect verb
       of four letters (وسنواصل); before the article or the fused لل, when the stem has
       three letters and does not end in ا or و as foreign names do (فالنسيا، والونيا); at
       a doubled proclitic letter (ببيلغورود); after و or ف when the remainder splits in
       turn (وبكوبيانسك); and by the onset rule: و، ب، ل before an unknown stem of
       ``min_unknown_rest`` letters that opens with a consonant (وتاراسينكو، بكوبيانسك),
       unless the token is an inflected known word (وجودهم). Foreign names that begin with
       these letters put a long vowel or a cluster after them (واتارا، ويلز، بوكروفسك،
       بريانسك، ليبرمان), so they are kept whole.
    """
    d = _split_data()
    key = match_key(token)
    if len(key) < 3 or token[0] not in _PREFIX_LETTERS or _never_split(key):
        return 0
    cands = _candidates(token)
    if not cands:
        return 0
    if key.startswith(("لل", "ولل", "فلل")):
        # the fused article first when the ال form is known (للدول → لل + دول, not
        # ل + لدول); ل before a word that begins with ل otherwise (لليبيا → ل + ليبيا)
        cands.sort(key=lambda c: not (c[1].endswith("لل") and is_known("ال" + c[3])))
    known_whole = is_known(key)
    # A known token that is no common word is a name or part of one (بكين، بسام، ليون):
    # only a long known remainder (بليبيا، لبريطانيا: parts of longer names) splits it,
    # so names that the knowledge base gains keep whole without being listed.
    name_whole = known_whole and key not in _common_words()

    def rest_known(p: str, rk: str) -> bool:
        if is_known(rk):
            return True
        if p.endswith("لل") and is_known("ال" + rk):
            return True
        # future س before a known verb: سيزور is a word, so وسيزور is و + سيزور
        return len(rk) >= 4 and rk[0] == "س" and rk[1] in "يتنا" and is_known(rk[1:])

    def final(rest: str, rk: str) -> bool:
        """A known remainder that does not split in turn (بالقاهرة after و does)."""
        return depth >= 2 or not is_known(rk) or _prefix_length(rest, is_known, depth + 1) == 0

    for plen, p, rest, rk in cands:
        article = p in d.article_prefixes
        if len(rk) < 3 and (article or rk not in d.function_words
                            or len(strip_diacritics(rest)) > len(rk)):
            continue  # not ولاء (its key is ولا)
        if rk.startswith("ال") and len(rk) < 4 and rest[0] not in _HAMZA_ALEFS:
            continue  # ال + one letter is no definite noun (والش)
        if "ك" in p:
            if not ((rk.startswith("ال") and len(rk) >= 5) or article) and (
                    known_whole or len(rk) < 4 or rk[0] == "ل"
                    or (rk[0] in _VOWEL_LETTERS and rest[0] not in _HAMZA_ALEFS)):
                continue  # كورونا، كلامي، كلاوس
        elif p == "ف" and not known_whole and len(rk) < 4 and rk not in d.function_words:
            continue
        elif len(p) > 1 and not article and len(rk) < 4 and (known_whole or p[0] == "ف"):
            continue  # ولاية is not ول + آية, فلورا not فل + ورا
        if name_whole and p[0] != "و" and not p.endswith("لل") and len(rk) < 5:
            continue
        if rest_known(p, rk) and final(rest, rk):
            return plen
    if known_whole:
        return 0

    for plen, p, rest, rk in cands:
        if len(p) == 1 and p != "ك" and rest[:1] in _HAMZA_ALEFS and len(rk) >= 3:
            return plen
    for plen, p, rest, rk in cands:
        if (p in d.article_prefixes and "ك" not in p and len(rk) >= 3
                and strip_diacritics(rest)[-1:] not in ("ا", "و")):
            return plen  # not فالنسيا، والونيا: a definite noun ends in neither
    for plen, p, rest, rk in cands:
        if len(p) != 1:
            continue
        if p in "بفك" and key[1] == p and len(rk) >= 3:
            return plen  # ببيلغورود، ففي
        if p in "وف" and rk[0] == "س" and rk[1] in "يتنا" and len(rk) >= 5:
            return plen  # future س after و، ف: وسنواصل
        if p in "وف" and depth < 2 and rest[:1] in "بلك":
            inner = _prefix_length(rest, is_known, depth + 1)
            if inner:
                return plen + inner
        if (p in "وبل" and len(rk) >= d.min_unknown_rest and _foreign_onset(p, rk)
                and not any(is_known(f) for f in _suffix_stems(key))):
            return plen  # not an inflected known word (وجودهم، ولايته، بطولات)
    return 0


# Suffixes stripped to find a never-split word in its inflected forms (بدايتها → بداية,
# بطاريات → بطارية, وظيفتهم → وظيفة). Keys: ة is ه, and ت before a suffix was ة.
_SUFFIXES = ("هما", "هم", "ها", "ه", "كما", "كم", "ك", "نا", "ي", "ات", "ين", "ون", "ان", "ا")
_SUFFIX_RANK = {suf: i for i, suf in enumerate(_SUFFIXES)}
_SUFFIX_LENGTHS = tuple(sorted({len(suf) for suf in _SUFFIXES}, reverse=True))


@lru_cache(maxsize=65536)
def _suffix_stems(key: str) -> tuple[str, ...]:
    """The forms of ``key`` without one suffix, ت restored to ة (بدايتها → بدايه)."""
    out = []
    # the suffixes the key ends in (one of each length at most), in the list's order
    ends = [key[-n:] for n in _SUFFIX_LENGTHS if len(key) - n >= 3 and key[-n:] in _SUFFIX_RANK]
    ends.sort(key=_SUFFIX_RANK.__getitem__)
    for suf in ends:
        stem = key[: -len(suf)]
        out.append(stem)
        if suf == "ات" or stem.endswith("ت"):
            out.append((stem[:-1] if suf != "ات" else stem) + "ه")
    return tuple(out)


@lru_cache(maxsize=65536)
def _never_split(key: str) -> bool:
    words = _split_data().never_split
    return key in words or any(f in words for f in _suffix_stems(key))


def _foreign_onset(p: str, rest_key: str) -> bool:
    """Whether ``p`` + ``rest`` is unlike the start of a name: the rest opens with a
    consonant, other than (after ب) one that makes a cluster of foreign names (بر، بل) or the
    بن of Maghrebi ones (بنكيران)."""
    c = rest_key[0]
    if c in _VOWEL_LETTERS or c == p:
        return False
    return not (p == "ب" and c in "رلن")


def tokenize(text: str, is_known: Callable[[str], bool] | None = None) -> list[Token]:
    """All tokens of ``text`` with their clitic words."""
    return tokenize_keyed(text, is_known)[0]


def tokenize_keyed(text: str, is_known: Callable[[str], bool] | None = None
                   ) -> tuple[list[Token], list[str]]:
    """All tokens of ``text`` with their clitic words, and each token's match key."""
    known = is_known or (lambda _k: False)
    out: list[Token] = []
    keys: list[str] = []
    # The split of a token depends only on its text: decide each distinct token once. With
    # an immutable lexicon (the pipeline passes frozenset.__contains__) the decisions are
    # kept across calls, so the tokens every article repeats are decided once per process.
    owner = getattr(is_known, "__self__", None)
    seen: dict[str, tuple[int, bool, str]] = (
        _shared_lengths(owner) if isinstance(owner, frozenset) else {})
    append, key_append = out.append, keys.append
    # Only white space lies between the regex's tokens (its last branch takes any other
    # character), so each token starts where the space before it ends: offsets come from
    # lengths, without a match object per token.
    pos = 0
    for space, tok in _SPACED_TOKEN_RE.findall(text):
        start = pos + len(space)
        pos = start + len(tok)
        info = seen.get(tok)
        if info is None:
            info = seen[tok] = _decide(tok, known)
        plen, punct, key = info
        # the regex gives ordered, in-range offsets and a split inside the token, so the
        # tokens are made without Token's checks (the hottest constructor of the pipeline)
        append(_new_token(Token, (start, pos, (start + plen,) if plen else (), punct)))
        key_append(key)
    return out, keys


def _decide(tok: str, known: Callable[[str], bool]) -> tuple[int, bool, str]:
    """(length of the clitic prefix split off or 0, whether punctuation, match key)."""
    if not (tok[0].isalnum() or "\u0621" <= tok[0] <= "\u06FF"):
        return 0, True, match_key(tok)
    # split_words' decision without its Word records (a token here is never empty)
    plen = _prefix_length(tok, known, 0) if "\u0621" <= tok[0] <= "\u06FF" else 0
    return plen, False, match_key(tok)


_new_token = tuple.__new__


_SHARED_MAX = 200_000
_shared: dict[int, tuple[frozenset[str], dict[str, tuple[int, bool, str]]]] = {}


def _shared_lengths(lexicon: frozenset[str]) -> dict[str, tuple[int, bool, str]]:
    """The decision cache of one lexicon (by identity), emptied when it grows too large."""
    entry = _shared.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        if len(_shared) >= 4:
            _shared.clear()
        entry = _shared[id(lexicon)] = (lexicon, {})
    if len(entry[1]) > _SHARED_MAX:
        entry[1].clear()
    return entry[1]
