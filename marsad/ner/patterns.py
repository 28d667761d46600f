"""Names the knowledge base does not know, found from their context.

- People after a title or role (الرئيس، وزير الدفاع، المحلل، الصحفي…), possibly with nisba
  adjectives between (الرئيس البيلاروسي X), and before one in apposition (X، الصحفي في…).
- Organisations and media after a head noun when the name is quoted or written in Latin
  letters (موقع "إنسايد أوفر"، صحيفة The Times).

Found names get ``kb_id`` None; their surnames are then matched through the rest of the
article as in-document aliases (جليل حرشاوي … حرشاوي).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..data import DATA_DIR, load_yaml, read_lines
from ..doc import Token
from ..text.normalize import is_arabic, match_key

_OPEN_QUOTES = "\"“«'‘„"
_CLOSE_QUOTES = "\"”»'’“"


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    type: str
    first_token: int
    last_token: int
    key: str | None = None  # a knowledge-base key when the pattern itself identifies it


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    data = load_yaml("ar/ner_cues.yaml")
    out = {k: frozenset(match_key(w) for w in v) for k, v in data.items() if isinstance(v, list)}
    common = DATA_DIR / "ar" / "common_words.txt"
    out["common"] = frozenset(match_key(w) for w in read_lines("ar/common_words.txt")) \
        if common.exists() else frozenset()
    return out


def _key(text: str, tok: Token) -> str:
    return match_key(text[tok.start : tok.end])


def _is_nisba(key: str) -> bool:
    """An adjective of origin after a title: الروسي، البيلاروسية، الأمريكي."""
    return key.startswith("ال") and (key.endswith("ي") or key.endswith("يه")) and len(key) > 4


def _name_token(key: str, lists: dict[str, frozenset[str]], first: bool) -> bool:
    if len(key) < 2 or not is_arabic(key) or key in lists["common"]:
        return False
    if key in lists["person_titles"] or key in lists["org_heads"]:
        return False
    if first and key.startswith("ال"):
        return False  # a given name does not take the article; "الرئيس الفلسطيني" is no name
    if not first and key.startswith("و") and (
            key[1:] in lists["person_titles"] or key[1:] in lists["common"]
            or key.startswith("وال")):
        return False  # "بيلوسوف وسكرتير"، "عباس والمصري": the name ended at the conjunction
    return True


def find_people(text: str, tokens: Sequence[Token], taken: set[int],
                keys: Sequence[str] | None = None) -> list[Found]:
    """People named right after a title (taken: token indexes already covered by a KB hit)."""
    keys = keys if keys is not None else [_key(text, t) for t in tokens]
    lists = _lists()
    titles = lists["person_titles"]
    out: list[Found] = []
    n = len(tokens)
    i = 0
    while i < n:
        k = keys[i]
        k2 = k[1:] if k[:1] in ("و", "ل", "ب", "ف") else k
        if k not in titles and k2 not in titles:
            i += 1
            continue
        j = i + 1
        # skip the rest of the role: nisba adjectives and the object of the office
        # (وزير الدفاع الروسي), at most three tokens
        skipped = 0
        while j < n and skipped < 3 and not tokens[j].is_punct:
            kj = keys[j]
            if _is_nisba(kj) or kj in lists["common"] or kj in titles:
                j += 1
                skipped += 1
                continue
            break
        # an optional comma between the title and the name ("نائب وزير الدفاع، يونس")
        if j < n and text[tokens[j].start : tokens[j].end] in ("،", ",") and skipped:
            j += 1
        name_toks: list[int] = []
        while j < n and len(name_toks) < 4 and not tokens[j].is_punct and j not in taken:
            kj = keys[j]
            if not _name_token(kj, lists, first=not name_toks):
                break
            name_toks.append(j)
            j += 1
        if len(name_toks) >= 2 or (name_toks and _looks_like_surname(text, tokens, name_toks)):
            out.append(Found(tokens[name_toks[0]].start, tokens[name_toks[-1]].end, "PER",
                             name_toks[0], name_toks[-1]))
            i = j
        else:
            i += 1
    return out


# A given name must be this common in the Wikidata name index to start a person's name on
# its own, without a title before it (rarer "given names" are often ordinary words). Tuned
# on the demo corpus (tests/fixtures/demo-gold): 30 adds its minor people and no false ones.
GIVEN_NAME_MIN_COUNT = 30
COMMON_GIVEN_NAME_MIN_COUNT = 1000


def find_named_people(text: str, tokens: Sequence[Token], taken: set[int],
                      keys: Sequence[str] | None = None) -> list[Found]:
    """People written as given name + name ("بوبكر سيديبي"), found by the name index."""
    keys = keys if keys is not None else [_key(text, t) for t in tokens]
    from ..kb.translit import name_index

    lists = _lists()
    index = name_index()
    out: list[Found] = []
    n = len(tokens)
    i = 0
    while i < n - 1:
        if i in taken or tokens[i].is_punct:
            i += 1
            continue
        k = keys[i]
        unit = index.get(k)
        # a given name that is also a common word (حسن "good", عمر "age") starts a name
        # only when it is among the most frequent names (محمد، أحمد، خالد); على "on" folds
        # to علي and is told apart by its spelling
        if unit is None or unit[0] != "given" or unit[2] < GIVEN_NAME_MIN_COUNT \
                or (k in lists["common"] and unit[2] < COMMON_GIVEN_NAME_MIN_COUNT) \
                or text[tokens[i].start : tokens[i].end].endswith("ى"):
            i += 1
            continue
        j = i + 1
        while j < n and j not in taken and not tokens[j].is_punct and j - i < 4:
            kj = keys[j]
            if kj in lists["common"] or kj not in index or not _name_token(kj, lists, False):
                break
            j += 1
        if j - i >= 2:
            out.append(Found(tokens[i].start, tokens[j - 1].end, "PER", i, j - 1))
            i = j
        else:
            i += 1
    return out


def _looks_like_surname(text: str, tokens: Sequence[Token], idx: list[int]) -> bool:
    # A single token after a title is accepted only when a comma or the end of the sentence
    # follows it ("قال الوزير بيلوسوف،"); otherwise it is too often an ordinary word.
    nxt = idx[-1] + 1
    return nxt >= len(tokens) or text[tokens[nxt].start : tokens[nxt].end] in ("،", ",", ".")


def find_quoted_orgs(text: str, tokens: Sequence[Token], taken: set[int],
                     keys: Sequence[str] | None = None) -> list[Found]:
    """موقع "إنسايد أوفر"، صحيفة The Times, وكالة Bloomberg → ORG spans."""
    keys = keys if keys is not None else [_key(text, t) for t in tokens]
    lists = _lists()
    heads = lists["media_heads"]
    out: list[Found] = []
    n = len(tokens)
    for i in range(len(tokens)):
        k = keys[i]
        if k not in heads and k[1:] not in heads:
            continue
        j = i + 1
        # skip nisba adjectives (موقع الأنباء الإيطالي)
        while j < n and _is_nisba(keys[j]):
            j += 1
        if j >= n:
            continue
        first = text[tokens[j].start : tokens[j].end]
        if first in _OPEN_QUOTES:
            k_end = j + 1
            while k_end < n and text[tokens[k_end].start : tokens[k_end].end] not in _CLOSE_QUOTES:
                k_end += 1
            if k_end < n and 1 <= k_end - j - 1 <= 6:
                a, b = j + 1, k_end - 1
                if not any(x in taken for x in range(a, b + 1)):
                    out.append(Found(tokens[a].start, tokens[b].end, "ORG", a, b))
        elif first[:1].isascii() and first[:1].isalpha():
            b = j
            while b + 1 < n and text[tokens[b + 1].start : tokens[b + 1].end][:1].isascii() \
                    and text[tokens[b + 1].start : tokens[b + 1].end][:1].isalpha():
                b += 1
            if not any(x in taken for x in range(j, b + 1)):
                out.append(Found(tokens[j].start, tokens[b].end, "ORG", j, b))
    return out
