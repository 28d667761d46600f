"""Rules for people's names the knowledge base does not know: what may open a name, what
may continue it, and where it must stop (patterns.py runs them over the tokens).

Each rule is a plain function of match keys (text/normalize.py), so that it is cheap
enough to run at every token that might open a name; the word lists are data
(data/ar/person_cues.yaml).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..data import common_words, load_yaml
from ..text.normalize import match_key


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
    may be a common word on its own, "الرحيم" the merciful)."""
    return first == "عبد" and second in person_cues()["divine_names"]


def is_names_first(key: str) -> bool:
    """A given name that is in the common-word list only because news prints it often:
    "محمد"، "ستيفن"، "نبيل" (in "وقال نبيل قاسم" both words are a name)."""
    return key in person_cues()["names_first"]


def is_article_given(key: str) -> bool:
    """A given name with the article, usual in Sudan and the Maghreb: "الصادق"، "الطيب"."""
    return key in person_cues()["article_given_names"]


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
    if is_verb_or_suffixed(key, surface):
        return True
    if key[:1] in ("و", "ف") and len(key) >= 4:
        rest = key[1:]
        if rest.startswith(_FUTURE) or is_verb_or_suffixed(rest, surface[1:]):
            return True  # وسنعمل، وبلادها
    return False


@lru_cache(maxsize=1)
def _name_keys() -> frozenset[str]:
    from ..kb.translit import name_index

    return frozenset(name_index())
