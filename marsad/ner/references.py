"""References to a person named earlier in the same article (issue #13, class References).

- A first name alone ("وقال هشام إن …" after "هشام الحلبي") is the one person of the article
  with that first name, when the name is a known given name and no everyday word.
- A head-of-state title with its country ("ملك البحرين"، "أمير دولة قطر"، "العاهل
  البحريني") or with "البلاد" ("عاهل البلاد") is the holder of that office in the knowledge
  base, when the article has named him before.

Each reference is a Mention of the person's entity with source "coref"; nobody the article
has not named is ever referred to. ("الرئيسان"، "الجانبان" are the events layer's: it reads
them as the two sides last named together.)
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Container, Sequence
from functools import lru_cache

from ..data import common_words, load_yaml
from ..doc import Doc, Mention
from ..kb import KBEntry, KnowledgeBase
from ..kb.translit import name_index
from ..text.normalize import match_key
from ..text.scan import positions_ending, positions_in
from ..text.segment import skip_to_word
from .people import is_names_first

# Words before a name that make it part of another name: "محمد بن كريم"، "أبو كريم"
_NAME_LINKS = frozenset(match_key(w) for w in ("بن", "ابن", "بنت", "أبو", "أبي", "أبا", "أم",
                                              "آل", "عبد"))


@lru_cache(maxsize=1)
def _cues() -> dict[str, object]:
    data = load_yaml("ar/ner_cues.yaml")
    offices = {match_key(k): frozenset(match_key(w) for w in v)
               for k, v in data["head_of_state_titles"].items()}
    return {"offices": offices,
            "state_words": frozenset(match_key(w) for w in data["state_words"]),
            "the_country": frozenset(match_key(w) for w in data["the_country"]),
            "former": frozenset(match_key(w) for w in data["former_words"])}


def former_words() -> frozenset[str]:
    """Words after a title that make it another holder ("السابق"، "الراحل")."""
    former = _cues()["former"]
    assert isinstance(former, frozenset)
    return former


_CLITIC_LETTERS = frozenset("وفبل")


def _bare(key: str, words: Container[str]) -> tuple[str, int] | None:
    """(word, clitic letters) when ``key`` is one of ``words`` behind at most two proclitic
    letters (و، ف، ب، ل): "وملك" → ("ملك", 1)."""
    if key in words:
        return key, 0
    # most tokens: no clitic letter first, nothing more to try (this runs on every token)
    if len(key) < 3 or key[0] not in _CLITIC_LETTERS:
        return None
    if key[1:] in words:
        return key[1:], 1
    if len(key) > 3 and key[1] in _CLITIC_LETTERS and key[2:] in words:
        return key[2:], 2
    return None


def _person_ranges(doc: Doc, mentions: Sequence[Mention]
                   ) -> tuple[list[tuple[int, Mention]], Callable[[int, int], bool]]:
    """Person mentions by start, and a test whether a span overlaps any mention."""
    people = sorted(((m.start, m) for m in mentions if m.type == "PER" and m.kb_id),
                    key=lambda p: p[0])
    covered = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in covered]
    reach: list[int] = []
    best = -1
    for _, b in covered:
        best = max(best, b)
        reach.append(best)

    def over(start: int, end: int) -> bool:
        j = bisect.bisect_left(starts, end)
        return bool(j) and reach[j - 1] > start

    return people, over


def first_name_references(doc: Doc, mentions: Sequence[Mention]) -> list[Mention]:
    """After "أعلن هشام الحلبي …", a later "وقال هشام إن …" is Hisham al-Halabi: the first
    word of a person's full name alone, when only that person of the article bears it, it is
    a known given name (person_names.tsv) and not an everyday word (common_words)."""
    people, over = _person_ranges(doc, mentions)
    if not people:
        return []
    index, common = name_index(), common_words()
    owners: dict[str, set[str]] = {}
    first_full: dict[str, int] = {}  # first name -> where the full name first ends
    written: dict[str, str] = {}  # first name -> its surface in the full name
    for _, m in people:
        words = match_key(m.text).split(" ")
        if len(words) < 2:
            continue
        first = words[0]
        owners.setdefault(first, set()).add(m.kb_id or "")
        first_full[first] = min(first_full.get(first, m.end), m.end)
        written.setdefault(first, m.text.split(" ")[0])
    def everyday(k: str) -> bool:  # "كريم" (generous), but not "هشام" (frequent in news)
        return k in common and not is_names_first(k)

    names = {f: next(iter(o)) for f, o in owners.items()
             if len(o) == 1 and not everyday(f) and f not in _NAME_LINKS
             and (index.get(f) or ("",))[0] == "given"}
    if not names:
        return []
    keys, toks, text = doc.token_keys, doc.tokens, doc.text
    out: list[Mention] = []
    # (a token that is a name behind clitic letters ends in the name: the others are passed
    # over in C)
    for i in positions_ending(keys, tuple(names)):
        k = keys[i]
        hit = _bare(k, names)
        if hit is None:
            continue
        name, _ = hit
        tok = toks[i]
        if tok.start < first_full[name] or over(tok.start, tok.end):
            continue
        if i > 0 and (keys[i - 1] in _NAME_LINKS or keys[i - 1] in index
                      and not everyday(keys[i - 1])):
            continue  # "محمد بن هشام"، "محمد هشام": part of another name
        if i + 1 < len(keys) and (keys[i + 1] in _NAME_LINKS or keys[i + 1] in index
                                  and not everyday(keys[i + 1])):
            continue  # "هشام النجار": another person's full name
        skip = skip_to_word(text[tok.start : tok.end], k, name)
        if skip < 0:
            continue
        start = tok.start + skip
        if (text[tok.end - 1] == "ى") != written[name].endswith("ى"):
            continue  # "على" (on) folds to the key of "علي": the name is written as in full
        out.append(Mention(start, tok.end, text[start : tok.end], "PER", names[name], "coref"))
    return out


@lru_cache(maxsize=1)
def _all_offices() -> frozenset[str]:
    """Every office word of every office (built once: it is asked for each person named)."""
    offices = _cues()["offices"]
    assert isinstance(offices, dict)
    return frozenset(w for ws in offices.values() for w in ws)


def _role_offices(person: KBEntry, kb: KnowledgeBase, year: int | None) -> frozenset[str]:
    """The head-of-state offices a person holds by the knowledge base (ملك، أمير، رئيس …):
    roles whose title is an office word with nothing after it but the person's own country
    ("ملك البحرين"، "أمير دولة قطر"، "الرئيس الفرنسي"، "رئيس الجمهورية"); current roles, or
    those covering the article's year."""
    offices = _cues()["offices"]
    state_words = _cues()["state_words"]
    assert isinstance(offices, dict) and isinstance(state_words, frozenset)
    held: set[str] = set()
    all_offices = _all_offices()
    for role in person.extra.get("roles") or ():
        if not isinstance(role, dict) or not role.get("title_ar"):
            continue
        start, end = role.get("from"), role.get("to")
        if year is None and end is not None:
            continue
        if year is not None and ((start is not None and int(start) > year)
                                 or (end is not None and int(end) < year)):
            continue
        words = match_key(str(role["title_ar"])).split(" ")
        head = words[0][2:] if words[0].startswith("ال") else words[0]
        if head not in all_offices:
            continue
        rest = [w for w in words[1:] if w not in state_words]
        if not rest or _country_of(" ".join(rest), kb) == person.country:
            held.add(head)
    return frozenset(held)


def _country_of(key: str, kb: KnowledgeBase) -> str | None:
    """The country a word names: its name ("البحرين"، "قطر") or its nisba ("البحريني")."""
    if key.startswith("ال") and key[2:] in kb.demonyms:
        return kb.demonyms[key[2:]].key
    gpes = [c.entry.key for c in kb.lookup(key) if c.entry.type == "GPE"]
    return gpes[0] if len(gpes) == 1 else None


def title_references(doc: Doc, mentions: Sequence[Mention], kb: KnowledgeBase
                     ) -> list[Mention]:
    """After "استقبل حمد بن عيسى آل خليفة …", a later "ملك البحرين" or "العاهل البحريني"
    is King Hamad; "عاهل البلاد" or "رئيس البلاد" is the head of state of the country the
    article names most. The holder must be named before the title, in this article."""
    people, over = _person_ranges(doc, mentions)
    if not people:
        return []
    offices = _cues()["offices"]
    assert isinstance(offices, dict)
    keys, toks, text = doc.token_keys, doc.tokens, doc.text
    # (a title is a suffix of its token: tokens ending in none are passed over in C)
    ends = tuple(offices)
    heads = [(i, hit) for i in positions_ending(keys, ends) for k in (keys[i],) if (
             (hit := _bare(k[2:] if k[:2] == "ال" else k, offices)) is not None
             or (k[:1] in "وفبل" and k[1:3] == "ال"
                 and (hit := _bare(k[3:], offices)) is not None))]
    if not heads:
        return []
    the_country, state_words, former = (_cues()["the_country"], _cues()["state_words"],
                                         _cues()["former"])
    assert isinstance(the_country, frozenset) and isinstance(state_words, frozenset)
    assert isinstance(former, frozenset)
    year = doc.published.year if doc.published else None
    named = {m.kb_id: p for p, m in reversed(people)}  # first mention of each person
    holders: dict[str, frozenset[str]] = {}
    for key in named:
        entry = kb.get(key or "")
        if entry is not None and entry.country:
            holders[key or ""] = _role_offices(entry, kb, year)
    holders = {k: v for k, v in holders.items() if v}
    if not holders:
        return []
    tok_starts = doc.token_starts()
    person_at = {bisect.bisect_right(tok_starts, m.start) - 1 for _, m in people}
    out: list[Mention] = []
    for i, (word, _) in heads:
        k = keys[i]
        definite = "ال" in k[:3] and not k.startswith(word)
        j = i + 1
        while j < len(keys) and keys[j] in state_words and not definite:
            j += 1
        if j >= len(keys):
            continue
        if definite:  # "العاهل البحريني": a nisba
            country = kb.demonyms[keys[j][2:]].key if keys[j][:2] == "ال" and \
                keys[j][2:] in kb.demonyms else None
        elif keys[j] in the_country:
            country = _article_country(mentions, kb)
        else:  # "ملك البحرين"، "رئيس جنوب السودان"
            country = _country_of(keys[j], kb)
            if j + 1 < len(keys) and (two := _country_of(keys[j] + " " + keys[j + 1], kb)):
                country, j = two, j + 1
        if country is None:
            continue
        if j + 1 < len(keys) and (keys[j + 1] in former or j + 1 in person_at
                                  or keys[j + 1][2:] in kb.demonyms):
            continue  # "ملك البحرين السابق"، "رئيس فرنسا إيمانويل ماكرون": not alone
        if i > 0 and _bare(keys[i - 1], offices | {"نائب": 0}) is not None:
            continue  # "نائب رئيس …" is another office
        tok = toks[i]
        who = [p for p, o in holders.items() if o & offices[word]  # type: ignore[operator]
               and named[p] < tok.start and (kb.get(p) or _NO).country == country]
        if len(who) != 1:
            continue
        skip = skip_to_word(text[tok.start : tok.end], k, k[k.find(word) - (2 if definite
                                                                             else 0):])
        if skip < 0:
            continue
        start, end = tok.start + skip, toks[j].end
        if over(start, toks[i].end):
            continue  # the title word is part of a name already
        out.append(Mention(start, end, text[start:end], "PER", who[0], "coref"))
    return out


_NO = KBEntry("", "", "", "", ())


def _article_country(mentions: Sequence[Mention], kb: KnowledgeBase) -> str | None:
    """The country the article is about: the one it names most (a tie names none)."""
    counts = Counter(m.kb_id for m in mentions if m.type == "GPE" and m.kb_id
                     and (e := kb.get(m.kb_id)) is not None and e.demonyms_ar)
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


# Royal titles that may stand before a given name alone ("الملك عبدالله"، "الأمير فيصل")
_ROYAL_TITLES = frozenset({"ملك", "امير", "سلطان"})
# Ordinals after a given name make it a reign name of its own ("عبدالله الثاني")
_ORDINALS = frozenset(match_key(w) for w in ("الأول", "الثاني", "الثالث", "الرابع",
                                              "الخامس", "السادس", "السابع"))
# "الملك"، "والملك"، "بالأمير" (folded) -> the royal title the token is
_ROYAL_KEYS = {lead + t: t for lead in ("ال", "وال", "فال", "بال", "وبال") for t in _ROYAL_TITLES}


@lru_cache(maxsize=2)  # (the knowledge base is the key: held, so its id is never reused)
def _royals(kb: KnowledgeBase) -> dict[str, list[tuple[KBEntry, frozenset[str]]]]:
    """People of the knowledge base who hold or held a royal office, with the office
    words of all their roles, by given name ("عبدالله" and "عبد الله" alike)."""
    out: dict[str, list[tuple[KBEntry, frozenset[str]]]] = {}
    for e in kb.entries.values():
        if e.type != "PER" or not e.country or not e.name_ar:
            continue
        heads = {match_key(str(r.get("title_ar") or "")).split(" ")[0].removeprefix("ال")
                 for r in e.extra.get("roles") or () if isinstance(r, dict)}
        if not heads & _ROYAL_TITLES:
            continue
        words = match_key(e.name_ar).split(" ")
        given = words[0] + words[1] if words[0] == "عبد" and len(words) > 1 else words[0]
        out.setdefault(given, []).append((e, frozenset(heads)))
    return out


def royal_given_name_references(doc: Doc, mentions: Sequence[Mention], kb: KnowledgeBase
                                ) -> list[Mention]:
    """"استقبل الملك حسان ضيفه في عمّان": a royal title (ملك، أمير، سلطان) before a
    given name alone is the royal of the knowledge base with that given name who holds
    that office (in the article's year) — when only one such royal is named in the
    article or is of a country the article names."""
    royals = _royals(kb)
    keys, toks, text = doc.token_keys, doc.tokens, doc.text
    offices = _cues()["offices"]
    assert isinstance(offices, dict)
    out: list[Mention] = []
    over = None
    # (the few royal titles are found in one pass first: most articles have none)
    for i in [i for i, k in enumerate(keys[:-1]) if k in _ROYAL_KEYS]:
        title = _royal_title(keys[i])
        if title is None:
            continue
        j, given = i + 1, keys[i + 1]
        if given == "عبد" and i + 2 < len(keys):
            j, given = i + 2, given + keys[i + 2]
        if given not in royals:
            continue
        if j + 1 < len(keys) and (keys[j + 1] in _NAME_LINKS or keys[j + 1] in _ORDINALS):
            continue  # "الأمير فيصل بن خالد"، "الملك حسان الثاني": another person
        if over is None:
            _, over = _person_ranges(doc, mentions)
            named, lands = _named_and_lands(mentions, kb)
            year = doc.published.year if doc.published else None
        if over(toks[i].start, toks[j].end):
            continue
        # the nisba of a title just before: "العاهل الأردني الملك حسان"
        here = {kb.demonyms[w[2:]].country or kb.demonyms[w[2:]].key
                for w in keys[max(i - 2, 0) : i] if w[2:] in kb.demonyms}
        # (one named already may be a past king: any of his reigns will do)
        who = [e for e, held in royals[given] if e.key in named and held & offices[title]
               or (e.country in lands or e.country in here)
               and _role_offices(e, kb, year) & offices[title]]
        if len(who) != 1:
            continue
        start = toks[i].start + max(0, text[toks[i].start : toks[i].end].find("ال"))
        out.append(Mention(start, toks[j].end, text[start : toks[j].end], "PER", who[0].key,
                           "coref"))
    return out


def _named_and_lands(mentions: Sequence[Mention], kb: KnowledgeBase
                     ) -> tuple[set[str], set[str]]:
    """The entries the article names, and the states it names (a city names its state)."""
    named = {m.kb_id for m in mentions if m.kb_id}
    lands = {c for m in mentions if m.type == "GPE" and m.kb_id
             for c in (m.kb_id, (kb.get(m.kb_id) or _NO).country) if c}
    return named, lands


def _royal_title(key: str) -> str | None:
    """"الملك"، "والملك"، "بالأمير": the royal title a definite token is."""
    return _ROYAL_KEYS.get(key)


# A leader's title in construct with the body he heads: "زعيم جماعة X"، "رئيس مجلس X"
_LEAD_WORDS = frozenset(match_key(w) for w in ("زعيم", "زعيمة", "قائد", "قائدة", "رئيس",
                                               "رئيسة", "مرشد", "مدير", "مديرة", "أمين"))


def _heads_of_bodies(doc: Doc, mentions: Sequence[Mention], kb: KnowledgeBase
                     ) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """For each body the article names: the people the article names whose roles head it
    (current, or covering the article's year), with the role's head words."""
    year = doc.published.year if doc.published else None
    named = {m.kb_id for m in mentions if m.type == "PER" and m.kb_id}
    bodies = {m.kb_id for m in mentions if m.type == "ORG" and m.kb_id}
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for key in named:
        for role in (kb.get(key) or _NO).extra.get("roles") or ():
            if not isinstance(role, dict) or role.get("org") not in bodies:
                continue
            start, end = role.get("from"), role.get("to")
            if (year is None and end is not None) or year is not None and (
                    (start is not None and int(start) > year)
                    or (end is not None and int(end) < year)):
                continue
            words = match_key(str(role.get("title_ar") or "")).split(" ")
            head = words[0].removeprefix("ال")
            if head in _LEAD_WORDS:
                out.setdefault(str(role["org"]), []).append((key, frozenset({head})))
    return out


# Words that end a title's reach: a person named past one is not the title's holder
_TITLE_BREAKS = frozenset(match_key(w) for w in ("في", "من", "على", "إلى", "عن", "مع", "إن",
                                                 "أن", "بأن", "قال", "وقال", "الذي", "التي"))


def _person_follows(after: int, keys: Sequence[str], people_at: set[int]) -> bool:
    """A person is named within a few words after the title, before a preposition or a
    particle: "رئيس اللجنة (…) الجنرال X" is X's title."""
    for k in range(after, min(after + 6, len(keys))):
        if k in people_at:
            return True
        if keys[k] in _TITLE_BREAKS:
            return False
    return False


def body_head_references(doc: Doc, mentions: list[Mention], kb: KnowledgeBase
                         ) -> list[Mention]:
    """"وهدد زعيم الحركة الوطنية بالتصعيد" in an article that names the movement's leader:
    a leader's title in construct with a body the article names is the person the article
    names who heads that body by the knowledge base (its only such head). The body inside
    the title is no mention of its own (no nested entities): the list returned replaces
    ``mentions``."""
    heads = _heads_of_bodies(doc, mentions, kb)
    if not heads:
        return mentions
    keys, toks, text = doc.token_keys, doc.tokens, doc.text
    starts = doc.token_starts()
    people_at = {bisect.bisect_right(starts, m.start) - 1 for m in mentions if m.type == "PER"}
    former = former_words()
    out, drop = [], set()
    for m in mentions:
        if m.type != "ORG" or m.kb_id not in heads:
            continue
        j = bisect.bisect_right(starts, m.start) - 1
        if j < 1 or toks[j].start != m.start:
            continue  # a fused clitic ("لمجلس") is no construct
        lead = keys[j - 1]
        word = lead if lead in _LEAD_WORDS else lead[1:] if lead[:1] in "وفبل" \
            and lead[1:] in _LEAD_WORDS else None
        who = {p for p, h in heads[m.kb_id] if word in h}
        if word is None or len(who) != 1:
            continue
        after = bisect.bisect_left(starts, m.end)
        if after < len(keys) and keys[after] in former or _person_follows(after, keys,
                                                                          people_at):
            continue  # "رئيس المجلس السابق"، "زعيم الجماعة (…) X": not alone
        start = toks[j - 1].start + (len(lead) - len(word) if lead != word else 0)
        out.append(Mention(start, m.end, text[start : m.end], "PER", who.pop(), "coref"))
        drop.add(id(m))
    # (a body named only inside such titles stays named: the article does name it)
    kept = {m.kb_id for m in mentions if id(m) not in drop}
    return [m for m in mentions if id(m) not in drop or m.kb_id not in kept] + out


def bare_royal_references(doc: Doc, mentions: Sequence[Mention], kb: KnowledgeBase
                          ) -> list[Mention]:
    """"ودعا النواب الملك إلى إقالة الحكومة" after "العاهل الأردني عبد الله الثاني": a
    royal title alone (الملك، الأمير، السلطان), with no name after it, is the one royal of
    that office the article has named before."""
    people, over = _person_ranges(doc, mentions)
    royals = {e.key: held for group in _royals(kb).values() for e, held in group}
    first: dict[str, int] = {}
    for start, m in people:
        if m.kb_id in royals:
            first.setdefault(m.kb_id, start)
    if not first:
        return []
    offices = _cues()["offices"]
    assert isinstance(offices, dict)
    keys, toks, text = doc.token_keys, doc.tokens, doc.text
    index, common = name_index(), common_words()
    tok_starts = doc.token_starts()
    named_at = {bisect.bisect_right(tok_starts, m.start) - 1 for _, m in people}
    out: list[Mention] = []
    for i in positions_in(keys, _ROYAL_KEYS):
        title = _royal_title(keys[i])
        if title is None or i + 1 >= len(keys) or i + 1 in named_at:
            continue
        nxt = keys[i + 1]
        if (index.get(nxt) or ("",))[0] == "given" and (nxt not in common or is_names_first(
                nxt)) or nxt in _NAME_LINKS \
                or nxt[:2] == "ال" and nxt[2:] in kb.demonyms:
            continue  # "الملك فهد"، "الملك الأردني": a name or a nisba follows
        tok = toks[i]
        who = [p for p, at in first.items() if at < tok.start and royals[p] & offices[title]]
        if len(who) != 1 or over(tok.start, tok.end):
            continue
        start = tok.start + max(0, text[tok.start : tok.end].find("ال"))
        out.append(Mention(start, tok.end, text[start : tok.end], "PER", who[0], "coref"))
    return out
