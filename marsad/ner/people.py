"""Rules for people's names the knowledge base does not know: what may open a name, what
may continue it, and where it must stop (patterns.py runs them over the tokens).

Each rule is a plain function of match keys (text/normalize.py), so that it is cheap
enough to run at every token that might open a name; the word lists are data
(data/ar/person_cues.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..data import common_words, load_yaml
from ..text.normalize import match_key

if TYPE_CHECKING:
    from ..doc import Mention, Token
    from .patterns import Found


@lru_cache(maxsize=1)
def person_cues() -> dict[str, frozenset[str]]:
    """The lists of data/ar/person_cues.yaml as sets of match keys."""
    data = load_yaml("ar/person_cues.yaml")
    return {k: frozenset(match_key(w) for w in v) for k, v in data.items()}


# Letters of the present and future tense in front of a verb: يعمل، تعمل، نعمل، سيعمل.
_FUTURE = ("سي", "ست", "سن", "سا")
# Object and possessive pronouns that end a verb or a noun (جمعهم، لفرضه، سلّمتها).
_PRONOUNS_LONG = ("هما", "هم", "كم", "كما", "هن", "نا")
_PRONOUNS_SHORT = ("ه", "ها")
# The shapes of the verbal nouns of the derived stems (تفعيل، افتعال، انفعال، استفعال،
# مفاعلة): after a fused preposition ("بتفتيش"، "بانتظام"، "لاستعادة") they are no name.
_VERBAL_NOUN = re.compile(r"^(?:ت..ي.|ا.ت.ا.|ان..ا.|است..ا.|م.ا..ه|ت.ا..)$")
TANWEEN = ("\u064b", "\u064c", "\u064d")  # ً ٌ ٍ : an indefinite word, never a name


def is_compound_given(first: str, second: str) -> bool:
    """عبد + a divine name is one given name: "عبد الرحيم"، "عبد الإله" (the second word
    may be a common word on its own, "الرحيم" the merciful); so is a word of praise + الدين
    ("خير الدين"، "نور الدين"، "عز الدين"), whose first word is an everyday noun alone."""
    if first == "عبد":
        return second in person_cues()["divine_names"]
    return second == "الدين" and first in person_cues()["din_names"]


def is_names_first(key: str) -> bool:
    """A given name that is in the common-word list only because news prints it often:
    "محمد"، "ستيفن"، "نبيل" (in "وقال نبيل قاسم" both words are a name)."""
    return key in person_cues()["names_first"]


def is_article_given(key: str) -> bool:
    """A given name with the article, usual in Sudan and the Maghreb: "الصادق"، "الطيب"."""
    return key in person_cues()["article_given_names"]


def is_verbal_noun(key: str) -> bool:
    """The word has the shape of a derived stem's verbal noun (تفعيل، افتعال، انفعال،
    استفعال، مفاعلة): "تمديد"، "استئناف"، "مساعدة" (a name of that shape, "توفيق"، "تيسير",
    is told by the name index).

    >>> is_verbal_noun("تمديد"), is_verbal_noun("سالم")
    (True, False)
    """
    return bool(_VERBAL_NOUN.match(key))


@lru_cache(maxsize=65536)  # called for every word that might continue a name
def is_verb_or_suffixed(key: str, surface: str) -> bool:
    """A word that cannot be part of a person's name: a word with tanween ("مرفقاً"), a
    common word with a pronoun attached ("جمعهم"، "بلادها"), or a preposition fused to a
    common word ("بتفتيش"، "بانتظام"، "لفرضه").

    >>> is_verb_or_suffixed("مرفقا", "مرفقاً")
    True
    """
    if any(t in surface for t in TANWEEN):
        return True
    common = common_words()
    for p in _PRONOUNS_LONG:
        if key.endswith(p) and len(key) - len(p) >= 3 and (
                key[: -len(p)] in common or key[: -len(p)] + "ه" in common
                or key[: -len(p)].endswith("ت")):
            return True  # جمعهم، بلادنا، سلمتهم
    for p in _PRONOUNS_SHORT:
        if key.endswith(p) and len(key) - len(p) >= 3 and key[: -len(p)] in common \
                and key not in _name_keys():
            return True  # ضيوفه، بلادها (but not the name طه or a name in the index)
    if key[:1] in ("ب", "ل", "ك") and len(key) >= 5 and key not in _name_keys():
        rest = key[1:]
        if rest in common or rest.startswith("ال") or _stem_in(rest, common) \
                or _VERBAL_NOUN.match(rest):
            return True  # بتفتيش، بانتظام، لفرضه، بالقاهرة
    return False


def _stem_in(key: str, common: frozenset[str]) -> bool:
    """The word without a pronoun suffix is a common word: فرضه → فرض."""
    for p in _PRONOUNS_LONG + _PRONOUNS_SHORT:
        if key.endswith(p) and len(key) - len(p) >= 3 and key[: -len(p)] in common:
            return True
    return False


@lru_cache(maxsize=65536)
def ends_name_after(key: str, surface: str) -> bool:
    """A word after which, or at which, a name has ended: a verb, a participle, a
    conjunction opening a clause ("سلام وسنعمل": و + a future verb), a pronoun-suffixed
    noun.

    >>> ends_name_after("وسنعمل", "وسنعمل")
    True
    """
    if is_verb_or_suffixed(key, surface) or key in person_cues()["name_breaks"]:
        return True
    if key[:1] in ("و", "ف") and len(key) >= 4:
        rest = key[1:]
        if rest.startswith(_FUTURE) or is_verb_or_suffixed(rest, surface[1:]):
            return True  # وسنعمل، وبلادها
    return False


def without_honorific(mention: Mention) -> Mention:
    """A person's mention that opens with an honorific and goes on with at least two name
    words loses the honorific: "الشيخ سالم بن راشد آل حمود" is "سالم بن راشد آل حمود"
    (the name the annotation and the other mentions carry); "الشيخ سالم" stays whole."""
    if mention.type != "PER":
        return mention
    head, _, rest = mention.text.partition(" ")
    rest_words = rest.split()
    if len(rest_words) < 2 or match_key(head) not in person_cues()["honorifics"]:
        return mention
    skip = len(mention.text) - len(rest.lstrip())
    return replace(mention, start=mention.start + skip, text=mention.text[skip:])


@lru_cache(maxsize=1)
def _name_keys() -> frozenset[str]:
    from ..kb.translit import name_index

    return frozenset(name_index())


# --- People named in line-ups (cabinets, councils, appointments) -------------------------
# A list item is a person only when the list is anchored (a cue of data/ar/person_cues.yaml
# or a person already found in it) and the item has a name's shape (list_item_name).

# Words that never stand in a name in a line-up (particles the common-word test alone lets
# through when they are also surnames in the name index).
_LIST_STOPS = frozenset({"في", "من", "الي", "علي", "عن", "مع", "ان", "بان", "انه", "الذي",
                         "التي", "الذين", "كما", "ثم", "او", "بعد", "قبل", "منذ", "حتي",
                         "امام", "خلف", "ضد", "نحو", "حول", "دون", "عند", "لدي", "بين"})
# How many tokens may separate a membership cue from its first item ("ضم المجلس الجديد كلا
# من X"): the body and one adjective, or "كلا من".
_CUE_REACH = 4


@lru_cache(maxsize=1)
def _list_cues() -> dict[str, frozenset[str]]:
    cues = person_cues()
    return {"cue_words": cues["membership_cues"] | cues["line_up_heads"] | cues["post_forms"]
            | frozenset(w.split(" ")[0] for w in cues["membership_cues"])}


def has_list_cue(keys: Sequence[str]) -> bool:
    """The sentence holds a word that may open a line-up (cheap gate for find_listed_people).

    >>> has_list_cue(["وضم", "المجلس", "كلا", "من"])
    True
    """
    return not _list_cues()["cue_words"].isdisjoint(keys)


def _name_word(key: str, surface: str, first: bool) -> bool:
    """A word that may stand in a listed person's name: a name the index knows (a given
    name that is also an everyday word, "حسن"، "ليلى", is a name inside an anchored list),
    or a word no list knows; never a particle, a title, a verb or a suffixed noun."""
    from .patterns import _is_given, cue_sets

    if key == "علي" and surface.endswith("ي"):
        pass  # the name علي, spelt with ي; the preposition على folds to the same key
    elif len(key) < 2 or key in _LIST_STOPS or not _is_arabic_word(key):
        return False
    if key.startswith("لل") and key not in _name_keys():
        return False  # "للمالية": ل + the article, an office's complement
    lists = cue_sets()
    if key in lists["person_titles"] or key in lists["org_heads"] \
            or key in person_cues()["portfolios"] or key in lists["numbers"]:
        return False
    known = key in _name_keys()
    if first:
        if key.startswith("ال") and not is_article_given(key):
            return False
        if key in common_words() and not (_is_given(key, _index()) or is_names_first(key)):
            return False
    elif not known and (key in common_words() or key.endswith("ه")):
        return False  # "أسماء بارزة": an adjective, which the index does not know as a name
    return known or not ends_name_after(key, surface)


def _is_arabic_word(key: str) -> bool:
    return all("\u0621" <= c <= "\u064a" for c in key)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, str, int]]:
    from ..kb.translit import name_index

    return name_index()


def list_item_name(keys: Sequence[str], surfaces: Sequence[str]) -> int:
    """How many of the words (2–4, or up to 6 with عبد/بن/آل) open a listed person's name;
    0 when they do not have a name's shape.

    >>> list_item_name(["سامر", "الحلبي", "والطاقه"], ["سامر", "الحلبي", "والطاقة"])
    2
    """
    n, limit, words = 0, 4, 0
    while n < len(keys) and n < limit + 2:
        k = keys[n]
        if n > 0 and k.startswith("و") and k not in _name_keys():
            break  # the next item or a clause begins
        if k in ("بن", "ابن", "بنت", "ال", "ابو", "عبد", "ولد") and n + 1 < len(keys):
            n += 1  # a connector: the word after it belongs to the name
            continue
        if not _name_word(k, surfaces[n], first=n == 0 or keys[n - 1] == "عبد") and not (
                _after_patronymic(keys, n) and _is_arabic_word(k) and k not in _LIST_STOPS) \
                and not (n > 0 and is_compound_given(keys[n - 1], k)):
            break
        n, words = n + 1, words + 1
        if words >= limit:
            break
    while n and keys[n - 1] in ("بن", "ابن", "بنت", "ال", "ابو", "عبد", "ولد"):
        n -= 1
    return n if 2 <= n and words >= 2 else 0


# How long an aside after a listed name may run: a parenthesis with the person's post
# ("(الأمين العام للحزب الجمهوري)") or a comma-closed origin ("، من مدينة X،").
_ASIDE_REACH = 30
_ORIGIN_REACH = 4


def past_aside(keys: Sequence[str], surfaces: Sequence[str], j: int) -> int:
    """The token after an aside that follows a listed name, or j when none does: a
    parenthesis ("سامر الحلبي (القيادي في الحزب)، وليلى حداد") or an origin between commas
    ("سامر الحلبي، من حمص، وليلى حداد"); the comma that closes an origin is kept.

    >>> past_aside(["(", "القيادي", "في", "الحزب", ")", "،"], ["(", "", "", "", ")", "،"], 0)
    5
    """
    n = len(keys)
    if j < n and surfaces[j] == "(":
        close = next((x for x in range(j + 1, min(n, j + _ASIDE_REACH)) if surfaces[x] == ")"),
                     -1)
        return close + 1 if close > 0 else j
    if j + 2 < n and surfaces[j] in ("،", ",") and keys[j + 1] == "من":
        close = next((x for x in range(j + 2, min(n, j + 3 + _ORIGIN_REACH))
                      if surfaces[x] in ("،", ",", ".")), -1)
        if close > 0 and surfaces[close] != ".":
            return close
    return j


def _after_patronymic(keys: Sequence[str], n: int) -> bool:
    """The word at n stands next to بن/ولد inside a name, where any word is a name: "سامر بن
    الشيخ" (الشيخ is a title elsewhere), "جوهر بن سالم" (جوهر "essence" is a given name)."""
    patronymic = ("بن", "بنت", "ولد")
    return (n > 0 and keys[n - 1] in patronymic) or (
        n == 0 and len(keys) > 2 and keys[1] in patronymic)


def _portfolio_at(keys: Sequence[str], i: int) -> int:
    """How many words of a portfolio stand at i (a clitic و allowed on the first): "والطاقة"
    is 1, "والتعليم العالي" 2, anything else 0."""
    ports = person_cues()["portfolios"]
    first = keys[i][1:] if keys[i].startswith("و") and keys[i][1:].startswith("ال") else keys[i]
    if i + 1 < len(keys) and f"{first} {keys[i + 1]}" in ports:
        return 2
    return 1 if first in ports else 0


def find_listed_people(text: str, tokens: Sequence[Token], keys: Sequence[str],
                       taken: set[int], people: set[int], found: Sequence[Found]
                       ) -> list[Found]:
    """People in cabinet and council line-ups the knowledge base does not know.

    - portfolio before the name: "وضمت الحكومة وزراء الداخلية سامر الحلبي، والطاقة رنا
      الخطيب" → سامر الحلبي، رنا الخطيب;
    - name before the post: "وتمت تسمية كريم العلي وزيرا للمالية، وليلى حداد وزيرة للعدل";
    - a membership cue and a list with one person in it: "وضم المجلس كلا من حسن يوسف،
      وسعاد النمر" (a list of places or bodies is no list of people: its items are taken
      by the knowledge base or open with a head noun).

    ``taken``: tokens of knowledge-base mentions, ``people`` those that are persons;
    ``found``: the names the other patterns found in the sentence.
    """
    from .patterns import Found, _is_given

    for f in found:
        span = range(f.first_token, f.last_token + 1)
        taken = taken | set(span)
        if f.type == "PER":
            people = people | set(span)

    cues = person_cues()
    n = len(tokens)
    surfaces = [text[t.start : t.end] for t in tokens]
    out: list[Found] = []
    used = set(taken)

    def item_at(j: int) -> tuple[int, int, int] | None:
        """(start char, first token, last token) of a name at j, clitic و left out."""
        if j >= n or j in used or tokens[j].is_punct:
            return None
        ks, ss = list(keys[j : j + 7]), list(surfaces[j : j + 7])
        skip = 0
        if ks[0] in _list_cues()["cue_words"]:
            return None  # "وزيرا"، "وضم": a post or a cue, not و + a name
        if ks[0].startswith("و") and ks[0] not in _name_keys() and surfaces[j][:1] == "و":
            ks[0], ss[0], skip = ks[0][1:], ss[0][1:], 1
        stop = next((x for x in range(len(ks)) if tokens[j + x].is_punct or j + x in used),
                    len(ks))
        m = list_item_name(ks[:stop], ss[:stop])
        return (tokens[j].start + skip, j, j + m - 1) if m else None

    def take(item: tuple[int, int, int]) -> None:
        start, a, b = item
        out.append(Found(start, tokens[b].end, "PER", a, b))
        used.update(range(a, b + 1))

    def next_item(j: int) -> int:
        """The token after a list separator ("،" or nothing before a clitic و), or -1; an
        office after the name ("X وزيرا للمالية، وY") and an aside (past_aside) are
        passed over."""
        j = past_aside(keys, surfaces, j)
        if j < n and keys[j] in cues["post_forms"]:
            j = next((x for x in range(j + 1, min(n, j + 5)) if tokens[x].is_punct), n)
        if j < n and surfaces[j] in ("،", ","):
            j += 1
        return j if j < n and (keys[j].startswith("و") or surfaces[j - 1] in ("،", ",")) \
            else -1

    for i in range(n):
        k = keys[i]
        # 1. "وزراء الداخلية X، والطاقة Y": portfolio, name; then more pairs
        if k in cues["line_up_heads"]:
            j = i + 1
            while j < n and (p := _portfolio_at(keys, j)):
                end = j + p
                while end < n and end in people:  # a minister already named
                    end += 1
                if end == j + p:
                    item = item_at(end)
                    if item is None:
                        break
                    take(item)
                    end = item[2] + 1
                j = next_item(end)
                if j < 0:
                    break
        # 2. "X وزيرا للمالية"، "وY وزيرة للعدل": the name before an office in the accusative
        elif k in cues["post_forms"] and i >= 2 and (
                k.endswith("ا") or (i + 1 < n and keys[i + 1][:1] == "ل")):
            for a in range(max(0, i - 6), i - 1):
                item = item_at(a)
                if item is not None and item[2] == i - 1 and (
                        a == 0 or tokens[a - 1].is_punct or keys[a].startswith("و")
                        or keys[a - 1] in cues["membership_cues"] or keys[a - 1] in _LIST_STOPS
                        or a - 1 in used):
                    take(item)
                    break
        # 3. "ضم المجلس كلا من X، وY، وZ": a list after a membership cue, with a person in it
        elif k in cues["membership_cues"] or (
                i + 1 < n and f"{k} {keys[i + 1]}" in cues["membership_cues"]):
            for j in range(i + 1, min(n, i + 1 + _CUE_REACH)):
                if tokens[j].is_punct and surfaces[j] not in (":",):
                    break
                items: list[tuple[int, int, int]] = []
                anchored = False
                at = j
                while at >= 0 and at < n:
                    if at in people:  # a person the knowledge base knows, inside the list
                        anchored = True
                        while at + 1 < n and at + 1 in people:
                            at += 1
                        at = next_item(at + 1)
                        continue
                    item = item_at(at)
                    if item is None:
                        break
                    items.append(item)
                    first = keys[item[1]][1:] if item[0] > tokens[item[1]].start \
                        else keys[item[1]]
                    anchored = anchored or _is_given(first, _index())
                    at = next_item(item[2] + 1)
                if items and anchored:
                    for item in items:
                        take(item)
                    break
    return out


# --- Names the title patterns leave over (patterns.py finds the rest) --------------------

def find_more_people(text: str, tokens: Sequence[Token], taken: set[int],
                     keys: Sequence[str], found: Sequence[Found]) -> list[Found]:
    """People the name patterns of patterns.py pass over.

    - a second person joined by و to a name just found: "وقال محمود العلي وحسين الأحمد
      إنهما …" (the و is a clitic, left out);
    - a clause that opens with و + a given name: "ويوسف الحمدان هو أحد سكان القرية"،
      "، وأحمد الكردي طالب" (the و is a clitic, left out).
    - a speaker's bare name after a verb of saying (spoken_name): "وقال حسن الطويل لوكالة
      الأنباء إن …"، "ويقول عمر الفاخوري إن …".

    ``taken``: tokens already covered by knowledge-base mentions and ``found``.
    """
    out: list[Found] = []
    used = set(taken)
    wa_starters = _wa_starters()
    # most sentences hold no given name: a set intersection (no Python loop) says so; a
    # clause starts the sentence or follows punctuation
    hits = wa_starters.intersection(keys)
    for i in [i for i, k in enumerate(keys[:-1]) if k in hits] if hits else ():
        if not ((i == 0 or tokens[i - 1].is_punct) and text[tokens[i].start] == "و"):
            continue
        f = _wa_opened_name(text, tokens, used, keys, i)
        if f is not None:
            out.append(f)
            used.update(range(f.first_token, f.last_token + 1))
    verbs = _speech_verbs()
    for i in (i + 1 for i, k in enumerate(keys) if k in verbs) if not verbs.isdisjoint(keys) \
            else ():
        f = spoken_name(text, tokens, used, keys, i)
        if f is not None:
            out.append(f)
            used.update(range(f.first_token, f.last_token + 1))
    for f in sorted((f for f in (*found, *out) if f.type == "PER"),
                    key=lambda f: f.first_token):
        if f.last_token + 1 not in used:
            more = _wa_person(text, tokens, used, keys, f.last_token + 1)
            if more is not None:
                out.append(more)
                used.update(range(more.first_token, more.last_token + 1))
    return out


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """The verbs of saying of person_cues.yaml, bare and with a clitic و ("قال"، "وقال")."""
    bare = person_cues()["speech_verbs"]
    return bare | frozenset("و" + v for v in bare)


@lru_cache(maxsize=1)
def _wa_starters() -> frozenset[str]:
    """The keys of a clitic و + a given name that opens a name (patterns.py) — not those
    that are given names themselves ("وسام" is a name, not و + "سام")."""
    from .patterns import _name_starters

    starters = _name_starters()
    return frozenset(w for w in ("و" + k for k in starters) if w not in starters)


def _wa_person(text: str, tokens: Sequence[Token], used: set[int], keys: Sequence[str],
               i: int) -> Found | None:
    """A second person joined by و at i: "وحسين الأحمد" after a name, or None."""
    from ..kb.translit import name_index
    from .patterns import _coordinated_name, _lists

    return _coordinated_name(text, tokens, keys, used, i, _lists(), name_index())


def _wa_opened_name(text: str, tokens: Sequence[Token], used: set[int], keys: Sequence[str],
                    i: int) -> Found | None:
    """The name that و + a given name opens at a clause's start ("ويوسف الحمدان هو …"),
    or None; على "on" (وعلى) is told by its spelling."""
    from ..kb.translit import name_index
    from .patterns import Found, _lists, _name_starters, _named_continuation

    rest = keys[i][1:]
    if i in used or rest not in _name_starters() or (
            rest == "علي" and text[tokens[i].end - 1] == "ى"):
        return None
    inner = list(keys)
    inner[i] = rest
    j = _named_continuation(text, tokens, inner, used, i, _lists(), name_index())
    if j - i < (3 if is_compound_given(rest, keys[i + 1]) else 2):
        return None
    return Found(tokens[i].start + 1, tokens[j - 1].end, "PER", i, j - 1)


# Words that may close a speaker's name after a verb of saying: أن/إن, a place or time
# adverb, a preposition ("وقال X في تصريح"، "وقال X أمس إن").
_SPEAKER_CLOSERS = frozenset({"ان", "بان", "انه", "انها", "في", "امس", "اليوم", "خلال",
                              "عبر", "من", "مساء", "صباح"})


def spoken_name(text: str, tokens: Sequence[Token], used: set[int], keys: Sequence[str],
                i: int) -> Found | None:
    """The speaker's name at i right after a verb of saying, or None: a given name (one
    the name index knows well, even an everyday word: حسن، عمر), then one to three name
    words (a family name, أبو + a word), closed by punctuation, أن/إن, a preposition or a
    ل-phrase ("لوكالة"، "للصحفيين").

    "وقال حسن الطويل لوكالة الأنباء إن …" → حسن الطويل; "وقال حسن الظن …" → None.
    """
    from .patterns import Found, _is_given

    n = len(tokens)
    if i >= n - 2 or i in used or tokens[i].is_punct or keys[i] not in _index() or (
            keys[i] == "علي" and text[tokens[i].end - 1] == "ى"):
        return None
    unit = _index()[keys[i]]
    if unit[2] < 30 or not _is_given(keys[i], _index()):
        return None
    j = i + 1
    while j < n and j - i <= 4 and j not in used and not tokens[j].is_punct:
        k = keys[j]
        if k[:1] == "ل" and len(k) >= 4 and k not in _name_keys():
            break  # "لوكالة"، "للصحفيين": a ل-phrase after the name (لطفي is a name)
        if k in ("ابو", "بن", "عبد"):
            if j + 1 >= n or tokens[j + 1].is_punct or j + 1 in used \
                    or not _after_connector(keys[j + 1]):
                break  # a connector joins the name only with a name word after it
            j += 2
            continue
        if not _speaker_word(k, text, tokens[j]):
            break
        j += 1
    if j - i < 2 or j - i > 4:
        return None
    closed = j >= n or tokens[j].is_punct or keys[j] in _SPEAKER_CLOSERS or (
        keys[j][:1] == "ل" and len(keys[j]) >= 4 and j not in used)
    if not closed:
        return None
    return Found(tokens[i].start, tokens[j - 1].end, "PER", i, j - 1)


def _speaker_word(key: str, text: str, tok: Token) -> bool:
    """A word that may continue a speaker's name: a word no list knows (no verb, no suffixed
    noun, no title), or a family name the index knows well though it is also a common word
    ("سلامة")."""
    from .patterns import cue_sets

    lists = cue_sets()
    if len(key) < 2 or not _is_arabic_word(key) or key in _SPEAKER_CLOSERS \
            or key in lists["person_titles"] or key in lists["org_heads"] \
            or key[:1] == "و" or key in lists["numbers"]:
        return False
    if key in common_words():
        unit = _index().get(key)
        return unit is not None and unit[0] == "surname" and unit[2] >= 10
    return not ends_name_after(key, text[tok.start : tok.end])


def _after_connector(key: str) -> bool:
    """After أبو/بن/عبد any name-like word is a name, whatever its ending ("أبو ريدة")."""
    return len(key) >= 2 and _is_arabic_word(key) and key not in _SPEAKER_CLOSERS and (
        key not in common_words() or key in _name_keys())
