"""Names the knowledge base does not know, found from their context.

- People after a title or role (الرئيس، وزير الدفاع، المحلل، الصحفي…), possibly with nisba
  adjectives between (الرئيس البيلاروسي X), and before one in apposition (X، الصحفي في…).
- Organisations and media after a head noun when the name is quoted or written in Latin
  letters (موقع "إنسايد أوفر"، صحيفة The Times).

Found names get ``kb_id`` None; their surnames are then matched through the rest of the
article as in-document aliases (جليل حرشاوي … حرشاوي).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..data import common_words, load_yaml, number_words
from ..doc import Token
from ..text.normalize import is_arabic, is_nisba, match_key
from ..text.segment import resumptive_pronouns
from .people import (
    ends_name_after,
    is_article_given,
    is_compound_given,
    is_names_first,
    is_verbal_noun,
    person_cues,
)

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
    out["place_heads"] |= out["place_list_heads"]  # plural and dual heads are place heads
    # nouns that introduce a name as titles do ("الشاب X"، "زوجة المطارد X"): people.py
    out["person_titles"] = out["person_titles"] | person_cues()["person_roles"]
    # feminine forms of single-word titles: الباحث → الباحثة، المتحدث → المتحدثة
    # (not where the feminine is a place noun: "محافظة نينوى" is the governorate)
    out["person_titles"] = out["person_titles"] | (frozenset(
        t + "ه" for t in out["person_titles"] if " " not in t and not t.endswith("ه"))
        - out["place_heads"])
    out["common"] = common_words()
    # cardinal numbers never stand in a name ("اعتقال خمسة متهمين")
    out["numbers"] = number_words()
    # every head that opens an organisation's name (orgs.py), for the cue scan
    out["org_name_heads"] = out["org_name_heads"] | out["definite_org_heads"] \
        | out["force_heads"]
    return out


def cue_sets() -> dict[str, frozenset[str]]:
    """The cue word lists (match keys) that open each recogniser."""
    return _lists()


def _key(text: str, tok: Token) -> str:
    return match_key(text[tok.start : tok.end])


def _name_token(key: str, lists: dict[str, frozenset[str]], first: bool) -> bool:
    if len(key) < 2 or not is_arabic(key):
        return False
    if key in lists["common"] and not is_names_first(key) or key in lists["numbers"]:
        return False
    if key in lists["person_titles"] or key in lists["org_heads"]:
        return False
    if key.startswith(_CLITIC_ARTICLE) or key[1:] in lists["org_heads"] \
            or key[1:] in lists["person_titles"]:
        return False  # "للدراسات"، "بمعهد"، "والمتحدث": a clitic on a common noun
    if first and key.startswith("ال"):
        return False  # a given name does not take the article; "الرئيس الفلسطيني" is no name
    if first and key.endswith("ات") and len(key) >= 5 and not _plural_given(key):
        return False  # a plural in -ات opens no name: "وجه الرئيس انتقادات حادة"
    if not first and key.startswith("و") and (
            key[1:] in lists["person_titles"] or key[1:] in lists["common"]
            or key.startswith("وال")):
        return False  # "بيلوسوف وسكرتير"، "عباس والمصري": the name ended at the conjunction
    if not first and key.startswith("و") and any(
            key.endswith(p) and key[1 : -len(p)] in lists["common"] for p in _OBJECT_PRONOUNS):
        return False  # "غوناي وسلّمته": a verb and its object pronoun, after the name
    return True


def _plural_given(key: str) -> bool:
    """A word in -ات the name index knows as a given name ("بركات")."""
    from ..kb.translit import name_index

    return _is_given(key, name_index())


# How many tokens a role may run between its title word and the name of its holder
# ("الباحث في مركز النيلين للدراسات الاستراتيجية عثمان حامد البدوي"). Measured on the NER
# set (tests/fixtures/ner-set) and the demo corpus.
ROLE_SPAN = 14
# Words that end a role without a name: the person was not named ("قال المتحدث إن …").
_ROLE_STOPS = frozenset({"ان", "بان", "انه", "انها", "الذي", "التي", "الذين", "ما", "لا",
                         "لم", "لن", "قد", "كما", "حيث", "بينما", "فيما"})


def find_people(text: str, tokens: Sequence[Token], taken: set[int],
                keys: Sequence[str] | None = None, people: set[int] | None = None
                ) -> list[Found]:
    """People named after a title and its role: "الرئيس X"، "وزير الدفاع الروسي X"،
    "مدير المستشفى، X"، "الباحث في مركز … X" (taken: token indexes covered by KB hits;
    people: those of them that are persons, whose titles need no other name)."""
    from ..kb.translit import name_index

    keys = keys if keys is not None else [_key(text, t) for t in tokens]
    lists = _lists()
    titles = lists["person_titles"]
    index = name_index()
    out: list[Found] = []
    n = len(tokens)
    i = 0
    while i < n:
        k = keys[i]
        k2 = k[1:] if k[:1] in ("و", "ل", "ب", "ف") else k
        if i in taken or (k not in titles and k2 not in titles):
            i += 1
            continue
        run = _name_after_role(text, tokens, keys, taken, i, lists, index, people or set())
        if run:
            out.append(Found(tokens[run[0]].start, tokens[run[-1]].end, "PER", run[0], run[-1]))
            i = run[-1] + 1
            while (more := _coordinated_name(text, tokens, keys, taken, i, lists, index)):
                out.append(more)  # "الشابين X وY": the role introduces both
                i = more.last_token + 1
        else:
            i += 1
    return out


def _coordinated_name(text: str, tokens: Sequence[Token], keys: Sequence[str],
                      taken: set[int], i: int, lists: dict[str, frozenset[str]],
                      index: dict[str, tuple[str, str, int]]) -> Found | None:
    """A second name joined by و to a name just found: after "اعتقلت الشابين سالم نعيم"
    the words "وخليل بني عودة" name another young man (the و is a clitic, left out)."""
    if i >= len(tokens) or i in taken or not keys[i].startswith("و"):
        return None
    rest = keys[i][1:]
    if not (_is_given(rest, index) or is_names_first(rest)):
        return None
    tok = tokens[i]
    if text[tok.start] != "و":
        return None
    inner = list(keys)
    inner[i] = rest
    run = _name_run(inner, tokens, taken, i, lists, index, text)
    if len(run) < 2:
        return None
    return Found(tok.start + 1, tokens[run[-1]].end, "PER", run[0], run[-1])


def _name_after_role(text: str, tokens: Sequence[Token], keys: Sequence[str], taken: set[int],
                     i: int, lists: dict[str, frozenset[str]],
                     index: dict[str, tuple[str, str, int]], people: set[int]) -> list[int]:
    """Token indexes of the name that the title at ``i`` introduces ([] if none)."""
    n = len(tokens)
    j, steps = i + 1, 0
    while j < n and steps < ROLE_SPAN:
        surface = text[tokens[j].start : tokens[j].end]
        if tokens[j].is_punct:
            if surface not in ("،", ",") + tuple(_OPEN_QUOTES) + tuple(_CLOSE_QUOTES) + ("(", ")"):
                return []  # the sentence or clause ended before a name came
            j += 1
            continue
        if j in people:
            return []  # the title belongs to a person the knowledge base knows
        if j in taken:
            j, steps = j + 1, steps + 1  # a known body or place inside the role
            continue
        if keys[j] in _ROLE_STOPS:
            return []
        if _spoken_for(keys, i, j):
            j, steps = j + 1, steps + 1  # "المتحدث باسم البعثة X": the name comes after
            continue
        prev = text[tokens[j - 1].start : tokens[j - 1].end]
        if prev in _OPEN_QUOTES and j >= 2 and _head_of(keys[j - 2], lists):
            j, steps = j + 1, steps + 1  # شركة "ريستاد إنرجي": a body's quoted name
            continue
        run = _name_run(keys, tokens, taken, j, lists, index, text)
        if run and is_verbal_noun(keys[run[0]]) and keys[run[0]] not in index:
            run = []  # "قرر تمديد حبس X": an act after the title's verb, not a name
        right_after_title = steps == 0 or all(
            is_nisba(keys[k]) or keys[k] in lists["common"] or keys[k] in lists["person_titles"]
            for k in range(i + 1, j) if not tokens[k].is_punct)
        # one word after a title is too often an ordinary word ("الناطق باسمه"); a person
        # named by surname alone is found by coreference or the knowledge base instead
        if len(run) >= 2 and (prev in ("،", ",") or right_after_title
                              or _is_given(keys[run[0]], index)
                              or _closed_unknown(run, tokens, keys, lists)):
            return _closed_name(_trim_to_given(run, keys, index), tokens, keys, taken, text,
                                lists)
        j, steps = j + 1, steps + 1
    return []


def _spoken_for(keys: Sequence[str], i: int, j: int) -> bool:
    """"باسم" after a spokesman's title is "in the name of", not the given name Bassem:
    "وقال المتحدث باسم الهيئة سامر الخطيب" names سامر الخطيب, and "الناطق الرسمي باسم
    الوزارة" no one (the title's words up to it: the spokesman's noun or "الرسمي")."""
    return keys[j] == "باسم" and j > i and keys[j - 1] in person_cues()["spokes_titles"]


def _head_of(key: str, lists: dict[str, frozenset[str]]) -> bool:
    """The word is an organisation's or outlet's head noun (with a clitic or not)."""
    heads = lists["org_heads"] | lists["media_heads"] | lists["org_name_heads"]
    return key in heads or key[1:] in heads


def _closed_unknown(run: list[int], tokens: Sequence[Token], keys: Sequence[str],
                    lists: dict[str, frozenset[str]]) -> bool:
    """Two or three words no list knows, closed by a comma or أن/إن: "سائق الصهريج بكاري
    كوليبالي إن …" names the driver (common words would be a phrase, not a name)."""
    end = run[-1] + 1
    closed = end < len(tokens) and (tokens[end].is_punct or keys[end] in ("ان", "بان"))
    return closed and len(run) <= 3 and not any(keys[k] in lists["common"] for k in run)


def _trim_to_given(run: list[int], keys: Sequence[str],
                   index: dict[str, tuple[str, str, int]]) -> list[int]:
    """A run whose first word is no given name but whose second opens a compound or is a
    name first starts there: "محافظ نينوى عبد القادر الدخيل" (the province, then him)."""
    if len(run) >= 3 and not _is_given(keys[run[0]], index) and (
            keys[run[1]] == "عبد" or is_names_first(keys[run[1]])):
        return run[1:]
    return run


def _closed_name(run: list[int], tokens: Sequence[Token], keys: Sequence[str],
                 taken: set[int], text: str, lists: dict[str, frozenset[str]]) -> list[int]:
    """A last word that is a common word but also a family name joins the name when a
    comma or أن/إن closes it: "عبد الرشيد نور علمي، …"، "سلمى عوض الكريم، …"."""
    from ..kb.translit import name_index

    k = run[-1] + 1
    if k + 1 >= len(tokens) or k in taken or tokens[k].is_punct or len(run) >= 5:
        return run
    key = keys[k]
    if key not in name_index() or key in lists["person_titles"] or key.startswith("و") \
            or ends_name_after(key, text[tokens[k].start : tokens[k].end]):
        return run
    if tokens[k + 1].is_punct or keys[k + 1] in ("ان", "بان"):
        return [*run, k]
    return run


def _is_given(key: str, index: dict[str, tuple[str, str, int]]) -> bool:
    unit = index.get(key)
    return (unit is not None and unit[0] in ("given", "unknown") and unit[2] >= 3) \
        or is_names_first(key) or is_article_given(key) or key == "عبد"


def _name_run(keys: Sequence[str], tokens: Sequence[Token], taken: set[int], j: int,
              lists: dict[str, frozenset[str]], index: dict[str, tuple[str, str, int]],
              text: str = "") -> list[int]:
    """The longest run (≤ 5 words, or 6 with a عبد/أبو/بن/ولد connector) of name-like tokens at
    j: Arab names often chain a given name, the father's and grandfather's names and a
    family name ("سيدي محمد ولد أحمد فال")."""
    run: list[int] = []
    limit = 5
    while j < len(tokens) and len(run) < limit and not tokens[j].is_punct and j not in taken:
        k = keys[j]
        if (k in _PREPOSITIONS_FOLDED and k not in index) or (
                text and text[tokens[j].start : tokens[j].end] == "على"):
            break  # على "on" folds to the name علي
        known_name = k in index and index[k][2] >= GIVEN_NAME_MIN_COUNT
        if text and not known_name and ends_name_after(k, text[tokens[j].start : tokens[j].end]):
            break  # "فؤاد أقطاي بتفتيش"، "سلام وسنعمل": a verb or a clause begins
        if k.startswith("و") and k not in index and not is_names_first(k):
            break  # "الدخيل وسفراء"، "وأضافت": the و is a conjunction, no name begins so
        if run and k.startswith("و") and (_is_given(k[1:], index) or is_names_first(k[1:])):
            break  # "صالح نعيم ومصعب": a second person (see _coordinated_name)
        if j + 1 < len(tokens) and keys[j + 1] in ("الله", "الدين") and j + 1 not in taken \
                and (run or _is_given(k, index)):
            run += [j, j + 1]  # "دفع الله"، "صلاح الدين": compound names
            j += 2
            continue
        if j + 1 < len(tokens) and j + 1 not in taken and is_compound_given(k, keys[j + 1]):
            run += [j, j + 1]  # "عبد الرحيم": one given name
            limit = 6
            j += 2
            continue
        if k in _CONNECTORS:
            limit = 6
        elif not _name_token(k, lists, first=not run) and not (
                known_name and k not in lists["person_titles"]
                and (run or not k.startswith("ال") or is_article_given(k))):
            break
        run.append(j)
        j += 1
    while run and keys[run[-1]] in _CONNECTORS:
        run.pop()  # a name does not end on عبد / أبو
    return run


# A feminine past verb and its object pronoun (سلّمته، أبلغتها): a bare ه or ها also ends
# names (ورسمه Warsame), the ت before it marks the verb
_OBJECT_PRONOUNS = ("ته", "تها", "تهم", "تهما")
# ال is آل folded; بني opens Levantine family names ("بني عودة")
_CONNECTORS = frozenset({"عبد", "ابو", "بن", "ولد", "بنت", "ابن", "ال", "بني"})
_PREPOSITIONS_FOLDED = frozenset({"الي", "حتي", "متي", "لدي"})
_CLITIC_ARTICLE = ("لل", "وال", "بال", "فال", "كال", "وبال", "ولل")


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
    starters = _name_starters()
    out: list[Found] = []
    n = len(tokens)
    # most sentences hold no given name: find the few tokens that may open one first
    din = person_cues()["din_names"]
    for i in [i for i, k in enumerate(keys) if k in starters or (
            k in din and i + 2 < n and keys[i + 1] == "الدين")]:
        if i >= n - 1:
            break
        if i in taken or (out and i <= out[-1].last_token):
            continue
        # على "on" folds to علي and is told apart by its spelling (a given name in ى,
        # "مصطفى"، "ليلى"، "يحيى", opens a name like any other)
        if keys[i] == "علي" and text[tokens[i].start : tokens[i].end].endswith("ى"):
            continue
        j = _named_continuation(text, tokens, keys, taken, i, lists, index)
        # a last surname the index does not know, closed by a comma or أن/إن
        # ("هبة منير الصيرفي، إن …"); after a given name that is a name first ("بيتر
        # كوليت، …") one such word is enough
        if (j - i >= 2 or is_names_first(keys[i])) and j + 1 < n and j not in taken \
                and not tokens[j].is_punct and (_name_token(keys[j], lists, False) or (
                    j - i >= 2 and _is_given(keys[j], index)
                    and index[keys[j]][2] >= GIVEN_NAME_MIN_COUNT)) \
                and not keys[j].startswith("ال") \
                and not ends_name_after(keys[j], text[tokens[j].start : tokens[j].end]) and (
                    tokens[j + 1].is_punct or keys[j + 1] in _NAME_CLOSERS):
            j += 1
        # a compound given name alone ("صلاح الدين" is also a province) needs a name after it
        compound = is_compound_given(keys[i], keys[i + 1])
        if j - i >= (3 if compound else 2):
            out.append(Found(tokens[i].start, tokens[j - 1].end, "PER", i, j - 1))
    return _slavic_names(text, tokens, taken, keys, lists, out)


# Endings of Slavic family names in Arabic letters (كوساتشيوف، بيسكوف، زيلينسكي، شيفتشينكو،
# ميدفيديفا): with a word before them that could be a given name, a person's name
_SLAVIC_ENDINGS = ("وف", "يف", "وفا", "يفا", "سكي", "سكايا", "ينكو", "يتش")
_SLAVIC_MIN = 6


def _slavic_names(text: str, tokens: Sequence[Token], taken: set[int], keys: Sequence[str],
                  lists: dict[str, frozenset[str]], out: list[Found]) -> list[Found]:
    """Given name + Slavic family name that the name index does not know ("قال
    كونستانتين كوساتشيوف"): the ending marks the surname; the word before it must be a
    name-like word (not common, no article, no title), the pair closed by punctuation, a
    closer or a title in apposition."""
    done = {k for f in out for k in range(f.first_token, f.last_token + 1)}
    n = len(tokens)
    for j in [j for j, k in enumerate(keys) if len(k) >= _SLAVIC_MIN
              and k.endswith(_SLAVIC_ENDINGS)]:
        i = j - 1
        if i < 0 or {i, j} & (taken | done) or tokens[i].is_punct or keys[j] in lists["common"]:
            continue
        if not _name_token(keys[i], lists, first=True) or keys[i] in lists["common"] \
                or not _name_token(keys[j], lists, first=False):
            continue
        if j + 1 < n and not (tokens[j + 1].is_punct or keys[j + 1] in _NAME_CLOSERS
                              or keys[j + 1] in lists["person_titles"]):
            continue
        out.append(Found(tokens[i].start, tokens[j].end, "PER", i, j))
        done.update((i, j))
    return out


# Words that may follow a full name in news prose: أن/إن after a verb of saying, a
# preposition, a relative pronoun ("بيتر كوليت في بيان"، "… الذي").
_NAME_CLOSERS = frozenset({"ان", "بان", "انه", "انها", "في", "من", "الذي", "التي", "خلال",
                           "عن", "مع", "لوكاله", "بعد", "قبل", "ضمن"})


def _named_continuation(text: str, tokens: Sequence[Token], keys: Sequence[str],
                        taken: set[int], i: int, lists: dict[str, frozenset[str]],
                        index: dict[str, tuple[str, str, int]]) -> int:
    """The end (exclusive) of the name that the given name at ``i`` opens: index names
    that are not common words, names first ("أحمد يحيى"), a compound "عبد الرحيم", and a
    connector followed by a name ("محمد بن راشد"، "علي ولد محمد")."""
    n = len(tokens)
    j, limit = i + 1, 4
    if i + 1 < n and i + 1 not in taken and is_compound_given(keys[i], keys[i + 1]):
        j, limit = i + 2, 6  # "خير الدين سالم": the compound is the given name
    while j < n and j not in taken and not tokens[j].is_punct and j - i < limit:
        kj = keys[j]
        if ends_name_after(kj, text[tokens[j].start : tokens[j].end]) and kj not in index:
            break
        if j + 1 < n and j + 1 not in taken and is_compound_given(kj, keys[j + 1]):
            j, limit = j + 2, 6
            continue
        if kj in _CONNECTORS and j + 1 < n and j + 1 not in taken and (
                keys[j + 1] in index or is_names_first(keys[j + 1])) \
                and not tokens[j + 1].is_punct:
            j, limit = j + 1, 6
            continue
        if is_names_first(kj) and not kj.startswith("و"):
            j += 1
            continue
        if kj in _name_starters() and j + 2 < n and j + 1 not in taken and (
                is_compound_given(keys[j + 1], keys[j + 2])
                or (keys[j + 1] in index and keys[j + 1] not in lists["common"])):
            j += 1  # "أحمد حسن جمال الدين": a frequent given name inside a longer name
            continue
        if kj in lists["common"] or kj not in index or not _name_token(kj, lists, False):
            break
        j += 1
    while j - 1 > i and keys[j - 1] in _CONNECTORS:
        j -= 1
    return j


@lru_cache(maxsize=1)
def _name_starters() -> frozenset[str]:
    """Keys of the given names that may open a name without a title. A given name that is
    also a common word (حسن "good", عمر "age") opens one only when it is among the most
    frequent names (محمد، أحمد، خالد)."""
    from ..kb.translit import name_index

    common = _lists()["common"]
    return frozenset(k for k, (role, _latin, count) in name_index().items()
                     if role == "given" and count >= GIVEN_NAME_MIN_COUNT
                     and (k not in common or count >= COMMON_GIVEN_NAME_MIN_COUNT)
                     ) | person_cues()["names_first"]


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
        while j < n and is_nisba(keys[j]):
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


def _opened_town(tokens: Sequence[Token], taken: set[int], keys: Sequence[str], j: int,
                 lists: dict[str, frozenset[str]]) -> list[int]:
    """"بلدة كفر قليل"، "قرية بيت سيرا": a word that opens village names (an everyday word
    elsewhere: كفر، بيت، دير) takes the next word with it, whatever that word means."""
    if j + 1 >= len(tokens) or keys[j] not in lists["town_openers"] or j in taken \
            or j + 1 in taken or tokens[j + 1].is_punct:
        return []
    nxt = keys[j + 1]
    if not is_arabic(nxt) or len(nxt) < 2 or nxt in lists["place_heads"] \
            or nxt in lists["place_prepositions"] or nxt in lists["org_name_stops"]:
        return []
    return [j, j + 1]


def _name_units() -> dict[str, tuple[str, str, int]]:
    from ..kb.translit import name_index

    return name_index()


def find_headed_places(text: str, tokens: Sequence[Token], taken: set[int],
                       keys: Sequence[str], known: Callable[[str], bool] = lambda k: False,
                       demonyms: Container[str] = frozenset()
                       ) -> list[Found]:
    """Places named after a place head noun in construct: "بلدة أدري"، "مديرية صرواح"،
    "مخيم شاريا"، "بريف عفرين"، "محافظ نينوى". A head with the article takes an adjective,
    not a name ("المنطقة الجغرافية"), so only heads without it count."""
    lists = _lists()
    heads, loc_heads = lists["place_heads"], lists["loc_heads"]
    out: list[Found] = []
    n = len(tokens)
    for i in range(n - 1):
        k = keys[i]
        head = k if k in heads else k[1:] if k[:1] in ("و", "ب", "ل", "ف") and k[1:] in heads \
            else None
        if head is None or tokens[i + 1].is_punct or (i + 1) in taken:
            continue
        run = _opened_town(tokens, taken, keys, i + 1, lists)
        j = i + 1 + len(run)
        while not run and j < n and len(run) < 2 and not tokens[j].is_punct \
                and j not in taken:
            kj = keys[j]
            surface = text[tokens[j].start : tokens[j].end]
            if kj in lists["common"] or not is_arabic(kj) or len(kj) < 3 \
                    or "\u064b" in surface or kj in lists["place_heads"] \
                    or kj in lists["org_heads"] or (kj[:1] in ("و", "ف") and (
                        kj[1:] in lists["common"] or kj[1:3] == "ال")):
                break
            if run and not kj.startswith("ال"):
                break  # a second word only as in "الشيخ عثمان"
            if not run and (_not_a_place_word(kj, keys[j + 1] if j + 1 < n else "")
                            or kj in demonyms or kj[:-1] in demonyms):
                break  # "محافظة تركية": a state's nisba is an adjective of the head
            if not run and kj.endswith("ي") and len(kj) >= 4 and kj[:2] != "ال" and not known(kj):
                break  # "حي سكني"، "سوق شعبي": an adjective of the head, no name
            if run and is_nisba(kj):
                break  # "مخيم شاريا الكبير": the adjective is not part of the name
            run.append(j)
            j += 1
        if run and j < n and j not in taken and keys[j] in lists["name_compass"]:
            run.append(j)  # "بلدة عصيرة القبلية": the compass adjective is the name's
        if run and head in lists["place_plural_heads"] and keys[run[0]].endswith("ه") \
                and not keys[run[0]].startswith("ال"):
            run = []  # "مناطق حساسة": an adjective of the plural, not a place's name
        items = [] if not run else [(run, False)] + (
            _listed_names(text, tokens, taken, keys, j, lists, known)
            if head in lists["place_list_heads"] else [])
        for run, conj in items:
            etype = "LOC" if head in loc_heads else "GPE"
            # a refugee camp's name holds its head ("مخيم شعفاط"); a town's does not
            first = tokens[i].start + len(k) - len(head) if head in lists["headed_names"] \
                else tokens[run[0]].start
            first += conj  # "ومجدل زون": the conjunction is not the name's
            out.append(Found(first, tokens[run[-1]].end, etype, run[0], run[-1]))
    return out


def _not_a_place_word(key: str, nxt: str) -> bool:
    """The word after a place head opens a clause or names an office, not a place: a
    present verb ("منطقة يسيطرون عليها"، "منطقة تسيطر عليها"), or a definite verbal noun
    ("مديرية التوجيه المعنوي" is a directorate, not a district).

    >>> _not_a_place_word("يسيطرون", "عليها"), _not_a_place_word("التوجيه", "المعنوي")
    (True, True)
    >>> _not_a_place_word("صرواح", "")
    False
    """
    if nxt in resumptive_pronouns():  # "منطقة تسيطر عليها"
        return True
    if key[:1] == "ي" and key.endswith(("ون", "ان")) and len(key) >= 6:
        return True
    return key.startswith("ال") and is_verbal_noun(key[2:]) and key not in _name_units()


def _listed_names(text: str, tokens: Sequence[Token], taken: set[int], keys: Sequence[str],
                  j: int, lists: dict[str, frozenset[str]], known: Callable[[str], bool]
                  ) -> list[tuple[list[int], bool]]:
    """The further names of a list after a plural or dual head, each with whether a fused
    و opens it: "في قريتي مركبا ومجدل زون"، "مناطق حولا، والبياضة". An item is one to three
    words after a comma or a fused و; it ends at a preposition, a common word, an adjective
    or punctuation. A word whose و is its own (وادي، or a known name such as وهران) keeps it."""
    items: list[tuple[list[int], bool]] = []
    n = len(tokens)
    while j < n:
        if tokens[j].is_punct and text[tokens[j].start] in "،,":
            j += 1
        elif not (keys[j][:1] == "و" and len(keys[j]) > 3):
            break
        item: list[int] = []
        conj = j < n and keys[j][:1] == "و" and keys[j] not in lists["town_openers"] \
            and not (known(keys[j]) and not known(keys[j][1:]))
        while j < n and len(item) < 3 and j not in taken and not tokens[j].is_punct:
            k = keys[j][1:] if not item and conj else keys[j]
            if not item and k in lists["town_openers"] and j + 1 < n \
                    and not tokens[j + 1].is_punct and j + 1 not in taken:
                item, j = [j, j + 1], j + 2  # "وكفر سنبل": the opener takes the next word
                break
            if (item and keys[j][:1] == "و") or not _list_name_word(k, lists):
                break
            item.append(j)
            j += 1
        if not item:
            break
        items.append((item, conj))
    return items


def _list_name_word(k: str, lists: dict[str, frozenset[str]]) -> bool:
    return (len(k) >= 2 and is_arabic(k) and k not in lists["common"]
            and k not in lists["place_prepositions"] and k not in lists["place_heads"]
            and not is_nisba(k))

