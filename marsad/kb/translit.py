"""English display names for Arabic names the knowledge base does not know.

Each word of the name is looked up in the person-name index (``data/ar/person_names.tsv``,
Wikidata labels via arabic-name-romanizer, CC0): a known given name or surname gets its usual
Latin spelling (محمد → Mohamed, جليل → Jalil). Other words are transliterated letter by
letter (``data/ar/translit.yaml``), with the article written al- and a vowel supplied after a
word-initial consonant cluster, so that the result is readable rather than exact.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import DATA_DIR, load_yaml
from ..text.normalize import match_key, strip_diacritics


@lru_cache(maxsize=1)
def name_index() -> dict[str, tuple[str, str, int]]:
    """match key -> (role, latin, count) of person-name units."""
    out: dict[str, tuple[str, str, int]] = {}
    path = DATA_DIR / "ar" / "person_names.tsv"
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        key, role, latin, count = line.split("\t")
        out[key] = (role, latin, int(count))
    return out


@lru_cache(maxsize=1)
def fixed_words() -> dict[str, str]:
    """match key -> English of the words with a fixed rendering (``words`` in translit.yaml)."""
    return {match_key(k): str(v) for k, v in (load_yaml("ar/translit.yaml").get("words")
                                             or {}).items()}


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, tuple[str, str]], str]:
    data = load_yaml("ar/translit.yaml")
    cons = {k: str(v) for k, v in data["consonants"].items()}
    vow: dict[str, tuple[str, str]] = {}
    for k, v in data["long_vowels"].items():
        vow[k] = (v[0], v[1]) if isinstance(v, list) else (str(v), str(v))
    return cons, vow, str(data["default_vowel"])


def transliterate_word(word: str) -> str:
    """Letter-by-letter Latin for one Arabic word (lower case)."""
    cons, vow, default = _table()
    letters = [c for c in strip_diacritics(word) if c in cons or c in vow]
    out: list[str] = []
    for i, c in enumerate(letters):
        if c in cons:
            out.append(cons[c])
            # a vowel the script does not write: after a word-initial consonant followed by
            # another consonant (جليل → jalil, حرشاوي → harshawi)
            if i == 0 and len(letters) > 1 and letters[1] in cons:
                out.append(default)
            continue
        vowel, glide = vow[c]
        at_start = i == 0
        next_is_vowel = i + 1 < len(letters) and letters[i + 1] in vow
        if c in ("و", "ي", "ئ", "ؤ") and (at_start or next_is_vowel):
            out.append(glide)
            if at_start and len(letters) > 1 and letters[1] in cons:
                out.append(default)  # وليد → walid
        else:
            out.append(vowel)
    return "".join(out)


def english_name(arabic: str) -> str | None:
    """A readable English rendering of an Arabic name, or None when it has no Arabic."""
    index, fixed = name_index(), fixed_words()
    parts: list[str] = []
    words = arabic.split()
    i = 0
    while i < len(words):
        word, key = words[i], match_key(words[i])
        i += 1
        if not key:
            continue
        # "عبد الرحمن" is one name written in two words (the index has it joined)
        if key in ("عبد", "ابو") and i < len(words):
            joined = key + match_key(words[i])
            if joined in index:
                parts.append(index[joined][1])
                i += 1
                continue
        if key in fixed:
            parts.append(fixed[key])
            continue
        known = index.get(key)
        if known is not None:
            parts.append(known[1])
            continue
        article = ""
        if key.startswith("ال") and len(key) > 3:
            article, key, word = "al-", key[2:], word[2:]
        known = index.get(key)
        latin = known[1] if known is not None else transliterate_word(word)
        if latin:
            parts.append(article + latin[0].upper() + latin[1:])
    if not parts:
        return None
    name = " ".join(parts)
    return name[0].upper() + name[1:]
