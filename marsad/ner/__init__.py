"""Entity recognition and linking over one document.

1. Knowledge-base aliases, clitic-aware, longest first, resolved in context (matcher.py).
2. Names the base does not know, from titles and head nouns (patterns.py).
3. In-document coreference: the surname of a person found in step 2 refers to that person
   in the rest of the article; a KB person's ambiguous surname (حفتر) goes to the family
   member named in full most recently before it; a first name alone, a title alone and a
   head-of-state title with its country refer to the person named earlier (references.py).
4. Mentions grouped into entities, linked ones by knowledge-base key.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..data import load_yaml
from ..doc import Doc, Entity, Mention, Token
from ..kb import Candidate, KBEntry, KnowledgeBase
from ..kb.translit import english_name
from ..text.filing import in_filing, past_filing
from ..text.normalize import is_arabic, match_key
from ..text.scan import positions_ending, positions_in, positions_where
from ..text.segment import proclitic_splits, proclitics, skip_to_word
from .courts import court_cues, find_courts
from .facilities import facility_cues, facility_name_en, find_facilities
from .formations import find_formations, find_named_units, formation_cues
from .landforms import find_landforms, landform_cues, landform_name_en
from .matcher import AliasMatcher, Hit, resolve, sure_keys
from .orgs import find_group_nisbas, find_headed_orgs, is_state_nisba
from .patterns import (
    Found,
    cue_sets,
    find_headed_places,
    find_named_people,
    find_people,
    find_quoted_orgs,
)
from .people import find_listed_people, find_more_people, has_list_cue, without_honorific
from .references import (
    bare_royal_references,
    body_head_references,
    first_name_references,
    former_words,
    royal_given_name_references,
    title_references,
)
from .security import find_security_branches, security_cues

UNLINKED_PREFIX = "_"  # pseudo keys of entities found outside the knowledge base


def _pseudo(name: str, etype: str) -> Candidate:
    key = UNLINKED_PREFIX + _unlinked_key(name).replace(" ", "_")
    return Candidate(KBEntry(key, etype, "", name, ()), False, True)


def _unlinked_key(name: str) -> str:
    """The key that groups the mentions of a name the base does not know: a fused ل + ال
    ("للمليشيات الإيرانية") is the bare definite name, and the two spellings of the loanword
    ميليشيا/مليشيا are one."""
    k = match_key(name)
    if k.startswith("لل") and len(k) > 4:
        k = "ال" + k[2:]
    return k.replace("ميليشي", "مليشي")


def recognise(doc: Doc, kb: KnowledgeBase, matcher: AliasMatcher) -> list[Mention]:
    text = doc.text
    # a filing-place dateline ("موسكو - ") names no participant: its tokens are not read
    slices = past_filing(doc)
    all_hits: list[list[Hit]] = []
    keys = doc.token_keys
    for a, b in slices:
        all_hits.append(matcher.hits(text, doc.tokens[a:b], keys=keys[a:b]))
    # Resolution sees the whole document: an entry named plainly anywhere supports its
    # ambiguous aliases everywhere.
    sure = sure_keys(h for hs in all_hits for h in hs)
    per_sentence = [resolve(hits, text, doc.tokens[a:b], sure=sure)
                    for (a, b), hits in zip(slices, all_hits, strict=True)]
    # A weak alias (a small town, an ambiguous word) lacking support in its own sentence is
    # taken when the same entry is supported somewhere else in the article.
    supported = sure | {c.entry.key for acc, _ in per_sentence for _, c in acc}
    mentions: list[Mention] = []
    extra: dict[str, tuple[Candidate, ...]] = {}
    # each recogniser runs only in sentences where its cue words occur (most sentences have
    # no title, no head noun): the cue words of the document are found in one pass
    cues = cue_sets()
    cue_at = _cue_positions(keys, {
        "person_titles": cues["person_titles"], "media_heads": cues["media_heads"],
        "place_heads": cues["place_heads"], "org_name_heads": cues["org_name_heads"],
        "group_nisba_heads": cues["group_nisba_heads"],
        "generic": kb.generic_first_words, "facility_names": facility_cues(),
        "landforms": landform_cues(), "courts": court_cues(),
        "formations": formation_cues(), "security": security_cues()})
    # "الدولة الروسية": the keys holding the word (operator.contains(key, word), in C)
    cue_at["state"] = positions_where(map(operator.contains, keys, itertools.repeat("الدوله")))

    def has(cue: str, a: int, b: int) -> bool:
        at = cue_at[cue]
        i = bisect.bisect_left(at, a)
        return i < len(at) and at[i] < b

    for (a, b), (acc, deferred) in zip(slices, per_sentence, strict=True):
        toks = doc.tokens[a:b]
        taken: set[int] = set()
        people: set[int] = set()
        kb_types: dict[int, str] = {}
        here = len(mentions)  # this sentence's mentions start here; only they can be inside
        for h, c in acc + [(h, c) for h, c in deferred if c.entry.key in supported]:
            if c.entry.type == "GPE" and h.first_token > 0:
                body = _construct_body(text, toks[h.first_token - 1], keys[a + h.first_token - 1],
                                       c.entry.key, kb)
                if body is not None:  # "جيش بوركينا فاسو": the army, not the country
                    h = Hit(body[0], h.end, h.key, h.candidates, h.first_token - 1,
                            h.last_token)
                    c = Candidate(body[1], False, False)
            taken.update(range(h.first_token, h.last_token + 1))
            kb_types.update((t, c.entry.type) for t in range(h.first_token, h.last_token + 1))
            if c.entry.type == "PER":
                people.update(range(h.first_token, h.last_token + 1))
            mentions.append(Mention(h.start, h.end, text[h.start : h.end], c.entry.type,
                                    c.entry.key, "kb"))
        tkeys = keys[a:b]
        found: list[Found] = []
        # names made whole by their head ("مطار القاهرة الدولي"، "جبل الزاوية"، "محكمة جنايات
        # القاهرة"): a known place inside one is no mention of its own (no nested entities)
        for cue, find, etype in _WHOLE_NAMES:
            if has(cue, a, b):
                whole = find(text, toks, tkeys, kb_types, kb)
                mentions[here:] = _claim(whole, mentions[here:], taken, kb_types, etype)
                found += whole
        if has("person_titles", a, b):
            found += find_people(text, toks, taken, tkeys, people)
        if has("media_heads", a, b):
            found += find_quoted_orgs(text, toks, taken, tkeys)
        taken_now = taken | {k for f in found for k in range(f.first_token, f.last_token + 1)}
        found += find_named_people(text, toks, taken_now, tkeys)
        taken_now = taken | {k for f in found for k in range(f.first_token, f.last_token + 1)}
        found += find_more_people(text, toks, taken_now, tkeys, found)  # people.py
        if has_list_cue(tkeys):  # cabinet and council line-ups (people.py)
            found += find_listed_people(text, toks, tkeys, taken, people, found)
        if has("place_heads", a, b):
            taken_now = taken | {k for f in found
                                 for k in range(f.first_token, f.last_token + 1)}
            found += find_headed_places(text, toks, taken_now, tkeys, kb.words.__contains__,
                                        kb.demonyms)
        if has("group_nisba_heads", a, b):  # "الجماعة الحوثية"
            taken_now = taken | {k for f in found
                                 for k in range(f.first_token, f.last_token + 1)}
            found += find_group_nisbas(text, toks, taken_now, tkeys, kb)
        if has("org_name_heads", a, b):
            taken_now = taken | {k for f in found
                                 for k in range(f.first_token, f.last_token + 1)}
            # an organisation's name may contain a known place ("جامعة دمشق"): those KB
            # mentions are then dropped in favour of the whole name
            orgs = find_headed_orgs(text, toks, taken_now - taken, tkeys, kb_types,
                                    kb.demonyms)
            if orgs:
                spans = [(o.start, o.end) for o in orgs]
                mentions[here:] = [m for m in mentions[here:]
                                   if not any(x <= m.start and m.end <= y for x, y in spans)]
            found += orgs
        if has("state", a, b):
            found += _demonym_states(text, toks, taken, kb)
        if has("generic", a, b):
            # the latest mentions only: all of any news article, a bounded cost per
            # sentence in a book-length input
            found += _generic_names(text, toks, taken, kb, mentions[-GENERIC_LOOKBACK:], tkeys)
        for f in found:
            name = text[f.start : f.end]
            entry = kb.get(f.key) if f.key else None
            cand = Candidate(entry, False, False) if entry else _pseudo(name, f.type)
            mentions.append(Mention(f.start, f.end, name, f.type,
                                    cand.entry.key, "pattern"))
            extra.setdefault(match_key(name), (cand,))
            if f.type == "PER" and " " in name:
                surname = match_key(name).split(" ")[-1]
                if len(surname) >= 3 and not kb.lookup(surname):
                    extra.setdefault(surname, (cand,))
    if extra:
        mentions = _second_pass(doc, matcher, slices, extra, mentions)
    mentions += _head_references(doc, mentions)
    mentions += _title_references(doc, mentions, cue_sets()["person_titles"], kb)
    mentions += title_references(doc, mentions, kb)  # "ملك البحرين"، "عاهل البلاد"
    mentions += first_name_references(doc, mentions)  # "كريم" after "كريم الحلبي"
    mentions += royal_given_name_references(doc, mentions, kb)  # "الملك عبدالله"
    mentions += bare_royal_references(doc, mentions, kb)  # "الملك" alone
    mentions = body_head_references(doc, mentions, kb)  # "زعيم جماعة X" is its leader
    if doc.filing:  # the passes over the whole text (coreference) may reach a dateline too
        dated = in_filing(doc)
        mentions = [m for m in mentions if not dated(m.start, m.end)]
    mentions = _linked_namesakes(_bare_ministries(_described_governments(doc, mentions, kb),
                                                  kb))
    mentions = [without_honorific(m) for m in mentions]  # "الشيخ X Y" names "X Y"
    return _retarget_family_names(_governments_of_people(text, mentions, kb), kb)


@lru_cache(maxsize=1)
def _org_name_heads() -> frozenset[str]:
    """Every head noun of a body's name, bare and definite ("وزاره"، "المجلس"; the
    definite heads are already among ``org_name_heads``, patterns.py)."""
    lists = cue_sets()
    return lists["org_name_heads"] | lists["org_heads"]


def _bare_ministries(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """A body named by its head and domain alone ("وزارة الداخلية") is the one linked body of
    the article with that domain ("وزارة الداخلية الليبية"، "الداخلية الليبية"), with its
    references; with none or two it stays a name of its own."""
    # (head, domain) -> linked bodies holding the domain: under the same head ("وزارة الشؤون
    # الخارجية …") or no head of a body ("الخارجية الروسية"); "حزب الشعب" is no "مجلس الشعب",
    # and a state's nisba is no domain ("الحكومة السورية" is no "الإخبارية السورية")
    heads = _org_name_heads()
    domains: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        if m.type == "ORG" and m.kb_id and not m.kb_id.startswith(UNLINKED_PREFIX):
            words = match_key(m.text).split(" ")
            first = words[0] if words[0] in heads else ""
            own = words[1:] if first else [w for w in words if not is_state_nisba(w, kb.demonyms)]
            for word in own:
                domains.setdefault((first, word), set()).add(m.kb_id)
    moved: dict[str, str] = {}
    for m in mentions:
        if m.type != "ORG" or m.source != "pattern" or not m.kb_id \
                or not m.kb_id.startswith(UNLINKED_PREFIX):
            continue
        words = match_key(m.text).split(" ")
        if len(words) != 2 or not words[1].startswith("ال"):
            continue
        bodies = domains.get((words[0], words[1]), set()) | domains.get(("", words[1]), set())
        if len(bodies) == 1:
            moved[m.kb_id] = next(iter(bodies))
    if not moved:
        return mentions
    return [Mention(m.start, m.end, m.text, m.type, moved[m.kb_id], "coref")
            if m.kb_id in moved else m for m in mentions]


def _linked_namesakes(mentions: list[Mention]) -> list[Mention]:
    """A name found by a pattern that the article also names, in the same words and type,
    as a linked body ("مجلس الوزراء" read as a generic name of Egypt's cabinet in one
    sentence, as a headed name in another) is that body: one entity, not two."""
    linked: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        if m.kb_id and not m.kb_id.startswith(UNLINKED_PREFIX):
            linked.setdefault((match_key(m.text), m.type), set()).add(m.kb_id)
    out = []
    seen: set[tuple[int, int, str | None]] = set()
    for m in mentions:
        if m.kb_id is None or m.kb_id.startswith(UNLINKED_PREFIX):
            keys = linked.get((match_key(m.text), m.type), set())
            if len(keys) == 1:
                m = Mention(m.start, m.end, m.text, m.type, next(iter(keys)), "coref")
        if (m.start, m.end, m.kb_id) in seen:
            continue  # the same span found by two recognisers, now one body's
        seen.add((m.start, m.end, m.kb_id))
        out.append(m)
    return out


# "حكومة فايز السراج"، "حكومة الرئيس بشار الأسد": a government named by the person at its
# head (with the title between, if any) is that government, not the person.
_GOVERNMENT_OF_RE = re.compile(
    r"(?:^|(?<=[\s(«\"]))[وفبل]?(حكوم[ةه])\s+(?:(?:ال)?(?:رئيس(?: الوزراء| الحكومة)?|ملك|أمير|"
    r"زعيم|مستشار[ةه]?)\s+)?$")
_GOVERNMENT_OF_CHARS = 40


def _governments_of_people(text: str, mentions: list[Mention], kb: KnowledgeBase
                           ) -> list[Mention]:
    """A person mention right after "حكومة" (and a title) becomes the ORG mention of the
    whole phrase, linked to the government the person led (a role's organisation) or, where
    the country has only one, to the country's."""
    out: list[Mention] = []
    for m in mentions:
        person = kb.get(m.kb_id) if m.type == "PER" and m.kb_id else None
        before = text[max(0, m.start - _GOVERNMENT_OF_CHARS) : m.start]
        hit = _GOVERNMENT_OF_RE.search(before) if m.type == "PER" else None
        if hit is None:
            out.append(m)
            continue
        start = m.start - len(before) + hit.start(1)
        key = _government_key(person, kb) if person is not None else None
        out.append(Mention(start, m.end, text[start : m.end], "ORG", key, "pattern"))
    return out


# How many words may describe a government between its head and its state's nisba
# ("حكومة تصريف الأعمال اللبنانية"، "حكومة الوحدة الوطنية الليبية")
_GOVERNMENT_WORDS = 3
_GOVERNMENT = match_key("حكومة")


def _described_governments(doc: Doc, mentions: list[Mention], kb: KnowledgeBase
                           ) -> list[Mention]:
    """"حكومة" + a description + a state's nisba is that state's government: "حكومة تصريف
    الأعمال اللبنانية" is Lebanon's, "حكومة الاحتلال الإسرائيلي" Israel's (the mentions inside
    the phrase, "الاحتلال الإسرائيلي" the army, give way to it). A phrase the knowledge base
    names whole, a person inside it or punctuation leave it alone."""
    keys, toks, text = doc.token_keys, doc.tokens, doc.text
    titles = cue_sets()["person_titles"]
    # inside a title ("رئيس حكومة تصريف الأعمال اللبنانية نجيب ميقاتي") the government
    # only qualifies the person, as the conventions read possessors in titles
    # (the word or one clitic letter + it: a suffix test, no slice of every token)
    most = len(_GOVERNMENT) + 1
    heads = [i for i in positions_ending(keys, (_GOVERNMENT,)) if len(keys[i]) <= most
             and not (i > 0 and _title_form(keys[i - 1], titles))]
    if not heads:
        return mentions
    out = list(mentions)
    for i in heads:
        for j in range(i + 2, min(len(toks), i + 2 + _GOVERNMENT_WORDS)):
            if toks[j - 1].is_punct or toks[j].is_punct:
                break
            nisba = keys[j]
            state = kb.demonyms.get(nisba[2:]) if nisba.startswith("ال") else None
            if state is None:
                continue
            # the nisba agrees with the description's last noun: "الاحتلال الإسرائيلي"
            fem = nisba if nisba.endswith("ه") else nisba + "ه"
            body = kb.lookup(f"{match_key('الحكومة')} {fem}")
            start = toks[i].start + len(keys[i]) - len(_GOVERNMENT)
            end = toks[j].end
            inside = [m for m in out if start <= m.start and m.end <= end]
            if not body or any(m.type == "PER" or (m.start == start and m.type == "ORG")
                               for m in inside):
                break
            out = [m for m in out if m not in inside]
            out.append(Mention(start, end, text[start:end], "ORG", body[0].entry.key, "pattern"))
            break
    return out


def _government_key(person: KBEntry, kb: KnowledgeBase) -> str | None:
    governments = kb.generic.get(match_key("الحكومة"), [])
    led = {r.get("org") for r in person.extra.get("roles") or () if isinstance(r, dict)}
    mine = [e.key for e in governments if e.key in led]
    if len(mine) == 1:
        return mine[0]
    state = _by_country(governments).get(person.country or "")
    if state is not None:
        return state.key
    generated = kb.get(f"{person.country}_government")
    return generated.key if generated is not None else None


# (cue list, recogniser, type) of the names found whole by their head, in this order
_WHOLE_NAMES = (("facility_names", find_facilities, "FAC"), ("landforms", find_landforms, "LOC"),
                ("courts", find_courts, "ORG"), ("formations", find_formations, "ORG"),
                ("formations", find_named_units, "ORG"),
                ("security", find_security_branches, "ORG"))


def _claim(whole: list[Found], mentions: list[Mention], taken: set[int],
           kb_types: dict[int, str], etype: str) -> list[Mention]:
    """The tokens of names found whole are taken, and typed for the recognisers after; the
    knowledge-base mentions inside them are dropped."""
    if not whole:
        return mentions
    for f in whole:
        covered = range(f.first_token, f.last_token + 1)
        taken.update(covered)
        kb_types.update(dict.fromkeys(covered, etype))
    inside = _Cover([(f.start, f.end) for f in whole])
    return [m for m in mentions if not inside.holds(m.start, m.end)]


class _Cover:
    """Spans, asked in O(log n) whether one of them holds or meets a span: the names of a
    long document are many, and asking each against all was quadratic."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach = list(itertools.accumulate((e for _, e in spans), max))

    def _furthest(self, upto: int) -> int:
        """The furthest end among the spans starting before ``upto``."""
        j = bisect.bisect_left(self.starts, upto)
        return self.reach[j - 1] if j else -1

    def holds(self, start: int, end: int) -> bool:
        """A span starts at or before ``start`` and ends at or after ``end``."""
        return self._furthest(start + 1) >= end

    def meets(self, start: int, end: int) -> bool:
        """A span overlaps [start, end)."""
        return self._furthest(end) > start


@lru_cache(maxsize=65536)  # called for every token near a person's name
def _title_form(key: str, titles: frozenset[str]) -> str | None:
    """The title a token holds, behind its clitics: بالرئيس → الرئيس, ووزير → وزير."""
    if key in titles:
        return key
    for p in _proclitics_shortest_first():  # بالرئيس is ب + الرئيس, not بال + رئيس
        if key.startswith(p) and key[len(p):] in titles:
            return key[len(p):]
        if key.startswith(p + "ل") and "ال" + key[len(p) + 1:] in titles:
            return "ال" + key[len(p) + 1:]  # للرئيس: ل + الرئيس
    return None


@lru_cache(maxsize=1)
def _proclitics_shortest_first() -> tuple[str, ...]:
    return tuple(sorted(proclitics(), key=len))


def _cue_positions(keys: Sequence[str], words: dict[str, frozenset[str]]
                   ) -> dict[str, list[int]]:
    """For each cue list, the token positions holding one of its words (or the word behind
    one clitic letter)."""
    out: dict[str, list[int]] = {name: [] for name in words}
    names_of = _names_of(tuple(words.items()))
    # few tokens are cue words: find them in one pass in C, then file each one
    for i in positions_in(keys, names_of):
        for name in names_of[keys[i]]:
            out[name].append(i)
    return out

@lru_cache(maxsize=8)
def _names_of(words: tuple[tuple[str, frozenset[str]], ...]) -> dict[str, tuple[str, ...]]:
    """Cue word -> the cue lists holding it (built once per set of lists)."""
    plain: dict[str, tuple[str, ...]] = {}
    for name, ws in words:
        for w in ws:
            plain[w] = plain.get(w, ()) + (name,)
    # behind one clitic letter (وزير → ووزير، بالرئيس): every letter is listed, so that a
    # token is looked up once; a cue word itself wins over a letter and a shorter word
    out = {letter + w: names for w in plain for names in (plain[w],) for letter in _LETTERS}
    # the fused ل + ال (للمليشيات، للرئيس) drops the article's alef
    out.update({"لل" + w[2:]: names for w in plain if w.startswith("ال")
                for names in (plain[w],)})
    out.update(plain)
    return out


_LETTERS = tuple(chr(c) for c in range(0x0621, 0x064B))  # the Arabic letters ء … ي


# Particles that begin with ال once folded (إلى، إلا، التي، الذي …): no adjective after a noun
_PARTICLES_AL = frozenset(match_key(w) for w in (
    "إلى", "إلا", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي"))


def _head_references(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A definite head noun standing alone ("المجموعة"، "بالحركة") refers to the last
    organisation named with that head before it ("مجموعة فاغنر"، "حركة حماس")."""
    heads = cue_sets()["anaphoric_heads"]
    keys, toks, text = doc.token_keys, doc.tokens, doc.text
    orgs = sorted((m for m in mentions if m.type == "ORG"), key=lambda m: m.start)
    if not orgs:
        return []
    named: dict[str, list[Mention]] = {}  # head -> organisations named with it, in order
    tok_starts = doc.token_starts()
    for m in orgs:
        first = match_key(m.text).split(" ")[0]
        if first[:2] == "ال" and first[2:] in heads:
            first = first[2:]  # "المجلس الأعلى لمجلس التعاون": named with its head, definite
        if first not in heads:
            # or the head stands before the name: مجموعة "فاغنر"، وكالة رويترز
            i = bisect.bisect_left(tok_starts, m.start) - 1
            while i >= 0 and toks[i].is_punct:
                i -= 1
            first = keys[i] if i >= 0 else ""
            first = first if first in heads else first[1:]
        if first in heads:
            named.setdefault(first, []).append(m)
    if not named:
        return []
    named_over = _overlap_test(mentions)
    out: list[Mention] = []
    sent_starts = [sp.start for sp in doc.sentences]
    # head -> the body its last bare reference stood for, and where that reference was
    chain: dict[str, tuple[Mention, int]] = {}
    ends = tuple("ال" + h for h in named)
    for i in positions_ending(keys, ends):
        k = keys[i]
        at = k.find("ال")
        if at < 0 or at > 2 or k[at + 2 :] not in named:
            continue
        if i + 1 < len(keys) and keys[i + 1][:2] == "ال" and keys[i + 1] not in _PARTICLES_AL:
            continue  # "الحركة الإسلامية": a name of its own, or a body described further
        head = k[at + 2 :]
        tok = toks[i]
        before = [m for m in named[head] if m.end <= tok.start]
        if not before:
            continue
        if named_over(tok.start, tok.end):
            continue  # already part of a name
        skip = skip_to_word(text[tok.start : tok.end], k, k[at:])
        if skip < 0:
            continue
        ante = before[-1]
        last = chain.get(head)
        if last is not None and ante.start > last[1] and bisect.bisect_right(
                sent_starts, ante.start) == bisect.bisect_right(sent_starts, last[1]):
            # "ورحب المجلس بقرار مجلس الأمن … كما أشاد المجلس": a body named after "المجلس"
            # in the same sentence, as what it acted on, does not take the name over
            ante = last[0]
        chain[head] = (ante, tok.start)
        start = tok.start + skip
        out.append(Mention(start, tok.end, text[start : tok.end], "ORG", ante.kb_id, "coref"))
    return out


def _overlap_test(mentions: Sequence[Mention]) -> Callable[[int, int], bool]:
    """A test whether [start, end) overlaps one of ``mentions`` (bisection over them)."""
    covered = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in covered]
    reach = list(itertools.accumulate((b for _, b in covered), max))  # furthest end so far

    def test(start: int, end: int) -> bool:
        j = bisect.bisect_left(starts, end)  # the mentions that start before the end
        return bool(j) and reach[j - 1] > start

    return test


# How many words a title may have before the name it introduces ("وزير الدفاع الروسي")
_TITLE_WORDS = 5
_APPOSITION_COMMAS = frozenset({"،", ","})


def _title_references(doc: Doc, mentions: list[Mention], titles: frozenset[str],
                      kb: KnowledgeBase) -> list[Mention]:
    """A title alone refers to the person it introduced earlier in the article: after
    "الرئيس الروسي فلاديمير بوتين" (or "وزير الخارجية المصري، بدر عبد العاطي", the title
    set off by a comma), a later "الرئيس الروسي" (or "بالرئيس الروسي") is Putin.

    Only titles with a qualifier (an office or an origin: "وزير الدفاع"، "الرئيس الروسي")
    are used, and only when the article gives them to one person; a bare rank ("الفريق
    أول") or a title held by two people in the article refers to nobody in particular."""
    keys, toks, text = doc.token_keys, doc.tokens, doc.text
    if not toks or not mentions:
        return []
    tok_starts = doc.token_starts()
    holders: dict[tuple[str, ...], set[str]] = {}
    named_at: set[int] = set()
    for m in mentions:
        if m.type != "PER":
            continue
        i = bisect.bisect_right(tok_starts, m.start) - 1
        named_at.add(i)
        if not m.kb_id:
            continue
        head = None
        for j in range(i - 1, max(i - _TITLE_WORDS - 1, 0) - 1, -1):
            if toks[j].is_punct:
                if j == i - 1 and text[toks[j].start : toks[j].end] in _APPOSITION_COMMAS:
                    continue  # "وزير الخارجية المصري، بدر عبد العاطي": title, comma, name
                break
            if _title_form(keys[j], titles):
                head = j
        if head is None:
            continue
        words = [keys[t] for t in range(head, i) if not toks[t].is_punct]
        if len(words) < 2:
            continue
        words[0] = _title_form(words[0], titles) or words[0]
        phrase = tuple(words)
        if all(w in titles for w in phrase):
            continue  # ranks only
        holders.setdefault(phrase, set()).add(m.kb_id)
    unique = {p: next(iter(v)) for p, v in holders.items() if len(v) == 1}
    if not unique:
        return []
    named_over = _overlap_test(mentions)
    out: list[Mention] = []
    # phrases by their second word, which carries no clitic: one pass over the tokens
    by_second: dict[str, list[tuple[str, ...]]] = {}
    for phrase in unique:
        by_second.setdefault(phrase[1], []).append(phrase)
    starts = [(j - 1, phrase) for j in range(1, len(toks)) if keys[j] in by_second
              for phrase in by_second[keys[j]]]
    for i, phrase in starts:
        who = unique[phrase]
        n = len(phrase)
        if i + n > len(toks):
            continue
        first = keys[i]
        if first != phrase[0] and not first.endswith(phrase[0]):
            continue
        if tuple(keys[i + 1 : i + n]) != phrase[1:]:
            continue
        k = i + n
        while k < len(toks) and k not in named_at and (keys[k] in titles
                                                        or toks[k].is_punct):
            k += 1  # "رئيس المرحلة الانتقالية، الجنرال عبد الرحمن تياني"
        if k in named_at:
            continue  # a title before a name: it is that person's (counted there)
        if i + n < len(toks) and (keys[i + n][2:] in kb.demonyms or (
                keys[i + n] == "في" and not any(w[2:] in kb.demonyms for w in phrase))):
            # qualified further: "رئيس المرحلة الانتقالية في النيجر" is another
            # office; but "الرئيس الروسي في مقر الكرملين" is where he was
            continue
        if i + n < len(toks) and keys[i + n] in former_words():
            continue  # "رئيس الوزراء العراقي السابق": another holder of the office
        if i > 0 and (keys[i - 1] in titles or keys[i - 1][1:] in titles):
            continue  # part of a longer title: "نائب وزير الدفاع" is not the minister
        skip = skip_to_word(text[toks[i].start : toks[i].end], first, phrase[0])
        if skip < 0:
            continue
        start, end = toks[i].start + skip, toks[i + n - 1].end
        if named_over(start, end):
            continue  # a mention runs into the phrase: it is already named
        out.append(Mention(start, end, text[start:end], "PER", who, "coref"))
    return out


def _demonym_states(text: str, toks: Sequence[Token], taken: set[int],
                    kb: KnowledgeBase) -> list[Found]:
    """"الدولة الروسية" names the state: a GPE mention of the country of the nisba."""
    out = []
    for i in range(len(toks) - 1):
        if i in taken or i + 1 in taken:
            continue
        surface = text[toks[i].start : toks[i].end]
        k = match_key(surface)
        at = k.find("الدوله")
        if at < 0 or at + len("الدوله") != len(k) or at > 2:
            continue
        nk = match_key(text[toks[i + 1].start : toks[i + 1].end])
        country = kb.demonyms.get(nk[2:]) if nk.startswith("ال") else None
        if country is not None:
            # proclitic letters carry no diacritics in practice; the key offset is the text's
            out.append(Found(toks[i].start + at, toks[i + 1].end, "GPE", i, i + 1,
                             country.key))
    return out


# How far back (characters) a country mention sets the context of a generic name such as
# "المجلس العسكري": about two sentences of news prose.
GENERIC_CONTEXT_CHARS = 400
# How many of the latest mentions a generic name is resolved against: several times the
# mentions of a long news article (the 80 real pages have at most about 100)
GENERIC_LOOKBACK = 600
# A compass word alone names a country's region in context ("نشر الجيش في الجنوب"), but
# after a word of motion towards it is a direction (real r005: "باتجاه الجنوب").
_COMPASS = frozenset(match_key(w) for w in ("الجنوب", "الشمال", "الشرق", "الغرب"))
_TOWARDS = frozenset(match_key(w) for w in ("باتجاه", "اتجاه", "نحو", "صوب", "تجاه"))


class _ByStart:
    """Mentions sorted by start, for the windows a generic name looks at: a generic phrase
    in every sentence of a long document must not scan every mention of it each time."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.ms = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.ms]
        self.by_key: dict[str, list[Mention]] = {}
        for m in self.ms:
            if m.kb_id:
                self.by_key.setdefault(m.kb_id, []).append(m)
        self.key_starts = {k: [m.start for m in ms] for k, ms in self.by_key.items()}

    def between(self, lo: int, hi: int) -> list[Mention]:
        """Mentions starting in [lo, hi)."""
        return self.ms[bisect.bisect_left(self.starts, lo): bisect.bisect_left(self.starts, hi)]

    def last_of(self, keys: set[str], before: int) -> Mention | None:
        """The mention of one of ``keys`` that starts last among those ending by ``before``."""
        best: Mention | None = None
        for k in keys:
            ms = self.by_key.get(k, [])
            j = bisect.bisect_left(self.key_starts.get(k, []), before)
            while j > 0 and ms[j - 1].end > before:
                j -= 1
            if j and (best is None or ms[j - 1].start > best.start):
                best = ms[j - 1]
        return best


def _generic_names(text: str, toks: Sequence[Token], taken: set[int], kb: KnowledgeBase,
                   mentions: list[Mention], keys: Sequence[str]) -> list[Found]:
    """"المجلس العسكري" is Niger's junta after "النيجر": a generic phrase resolves to the
    entry of the country last named (within GENERIC_CONTEXT_CHARS before it)."""
    if not kb.generic:
        return []
    out: list[Found] = []
    firsts = kb.generic_first_words
    near = _ByStart(mentions)
    i = 0
    while i < len(toks):
        k0 = keys[i]
        if i in taken or toks[i].is_punct or not (
                k0 in firsts or k0[1:] in firsts or k0[2:] in firsts):
            i += 1
            continue
        hit = None
        for n in (3, 2, 1):
            if i + n > len(toks) or any(k in taken for k in range(i, i + n)):
                continue
            first = keys[i]
            variants = [first] + [first[len(p):] for p in ("و", "ف", "ب", "ل", "وب", "ول")
                                  if first.startswith(p + "ال")]
            for v in variants:
                phrase = " ".join([v, *keys[i + 1 : i + n]])
                if phrase in kb.generic:
                    hit = (n, phrase, len(first) - len(v))
                    break
            if hit:
                break
        if hit is None:
            i += 1
            continue
        n, phrase, skip = hit
        if phrase in _COMPASS and i > 0 and (keys[i - 1] in _TOWARDS
                                             or keys[i].startswith("لل")):
            i += n  # "باتجاه الجنوب"، "فرّوا للجنوب": a direction, not the region
            continue
        start, end = toks[i].start + skip, toks[i + n - 1].end
        # a country's own generic name («المملكة») belongs to that country
        countries = _by_country(kb.generic[phrase])
        # a place named right after ("المجلس العسكري … في بوركينا فاسو") decides first
        after = [m for m in near.between(end + 1, end + 81) if m.type in ("GPE", "LOC")
                 and match_key(text[end : m.start]).split()[-1:] in (["في"], ["ب"])]
        # then coreference: a bare "الجيش" after "الجيش السوداني" is that army, however
        # far back, and whatever country was named last
        named = near.last_of({e.key for e in kb.generic[phrase]}, start)
        if after:
            chosen = after[0].kb_id if after[0].kb_id in countries else None
        elif named is not None:
            entry = kb.get(named.kb_id or "")
            if entry is not None:
                out.append(Found(start, end, entry.type, i, i + n - 1, entry.key))
            i += n
            continue
        elif phrase in cue_sets()["bare_nouns"] and not _qualified(keys, i + n):
            # "الجيش"، "الحكومة" alone, with no body of that name before: a bare common
            # noun, no entity (annotation.md), whatever country the article is about
            # ("الحكومة الفيدرالية" is qualified: the country's body)
            i += n
            continue
        else:
            # the country last named, or the country of the body or person last named
            # ("وكالة الأنباء السعودية" sets the context of «المملكة»)
            context: list[tuple[int, str]] = []
            for m in near.between(start - GENERIC_CONTEXT_CHARS, start):
                if not m.kb_id:
                    continue
                if m.kb_id in countries:
                    context.append((m.start, m.kb_id))
                else:
                    owner = kb.get(m.kb_id)
                    if owner is not None and owner.country and owner.country in countries:
                        context.append((m.start, owner.country))
            chosen = max(context)[1] if context else None
        if chosen is not None:
            entry = countries[chosen]
            out.append(Found(start, end, entry.type, i, i + n - 1, entry.key))
        i += n
    return out


def _construct_body(text: str, head: Token, key: str, country: str, kb: KnowledgeBase
                    ) -> tuple[int, KBEntry] | None:
    """(start, entry) of the body a head noun before a country's name names ("جيش بوركينا
    فاسو", "وحكومة مالي"): the one entry of that country with the head's generic alias."""
    heads = _construct_heads()
    surface = text[head.start : head.end]
    word = next((w for w in (key, *(match_key(r) for _, r in proclitic_splits(surface)))
                 if w in heads), None)
    if word is None:
        return None
    skip = skip_to_word(surface, key, word)
    state = _state_of(country, kb)
    bodies = [e for e in kb.generic.get(heads[word], ()) if e.country == state]
    if not bodies and state != country:
        # a capital before which the state's own construct name is indexed: "حكومة أنقرة"
        # is the body "حكومة تركيا" names (a generated national body has no generic alias)
        entry = kb.get(state)
        named = kb.lookup(f"{word} {match_key(entry.name_ar)}") if entry is not None else []
        bodies = [c.entry for c in named if c.entry.type == "ORG"]
    return (head.start + skip, bodies[0]) if len(bodies) == 1 else None


def _state_of(place: str, kb: KnowledgeBase) -> str:
    """The state a capital stands for ("حكومة أنقرة" is Turkey's government); any other
    place stands for itself."""
    entry = kb.get(place)
    state = kb.get(entry.country) if entry is not None and entry.country else None
    return state.key if state is not None and state.capital == place else place


def _qualified(keys: Sequence[str], k: int) -> bool:
    """A definite adjective follows at k ("الحكومة الفيدرالية"، "الجيش الوطني")."""
    return k < len(keys) and keys[k][:2] == "ال" and keys[k] not in _PARTICLES_AL


@lru_cache(maxsize=1)
def _construct_heads() -> dict[str, str]:
    data = load_yaml("ar/ner_cues.yaml").get("construct_heads") or {}
    return {match_key(k): match_key(v) for k, v in data.items()}


def _by_country(entries: list[KBEntry]) -> dict[str, KBEntry]:
    """The entry a generic phrase names in each country's context; a country with two
    such entries (Libya's rival governments for «الحكومة») is left out: there the phrase
    refers only to a body the article has already named."""
    out: dict[str, KBEntry] = {}
    twice: set[str] = set()
    for e in entries:
        country = e.country or (e.key if e.type == "GPE" else None)
        if country is None:
            continue
        if country in out:
            twice.add(country)
        out[country] = e
    for country in twice:
        del out[country]
    return out


def _second_pass(doc: Doc, matcher: AliasMatcher, slices: list[tuple[int, int]],
                 extra: dict[str, tuple[Candidate, ...]], first: list[Mention]) -> list[Mention]:
    """Match the surnames and names found by patterns through the whole article."""
    text = doc.text
    have = {(m.start, m.end) for m in first}
    covered = _Cover([(m.start, m.end) for m in first])
    out = list(first)
    # only sentences with a token that can open one of the document's own names are matched
    # (a superset, by the first words with every clitic they may carry; hits() is exact)
    forms: set[str] = set()
    for k in extra:
        opener = k.split(" ")[0]
        forms.update(p + opener for p in ("", *proclitics()))
        if opener.startswith("ال"):
            forms.update(p + "لل" + opener[2:] for p in ("", "و", "ف"))
    keys = doc.token_keys
    opens = positions_in(keys, forms)
    for a, b in slices:
        j = bisect.bisect_left(opens, a)
        if j >= len(opens) or opens[j] >= b:
            continue
        for h in matcher.hits(text, doc.tokens[a:b], extra=extra, keys=doc.token_keys[a:b],
                              only_extra=True):
            if h.key not in extra or (h.start, h.end) in have:
                continue
            if covered.meets(h.start, h.end):
                continue
            c = h.candidates[0]
            out.append(Mention(h.start, h.end, text[h.start : h.end], c.entry.type,
                               c.entry.key, "coref"))
    return out


def _retarget_family_names(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """An ambiguous surname goes to the person of that name last named in full before it.

    حفتر alone is Khalifa Haftar by default, but after "صدام حفتر" it is Saddam.
    """
    mentions = sorted(mentions, key=lambda m: m.start)
    last_full: dict[str, str] = {}
    out: list[Mention] = []
    for m in mentions:
        if m.type == "PER" and m.kb_id and " " in m.text:
            last_full[match_key(m.text).split(" ")[-1]] = m.kb_id
            out.append(m)
            continue
        if m.type == "PER" and " " not in m.text:
            k = match_key(m.text)
            if k in last_full and last_full[k] != m.kb_id:
                m = Mention(m.start, m.end, m.text, m.type, last_full[k], "coref")
        out.append(m)
    return out


def build_entities(mentions: Sequence[Mention], kb: KnowledgeBase) -> list[Entity]:
    """Group mentions by key; ids e1, e2 … in order of first mention."""
    groups: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        key = m.kb_id or (UNLINKED_PREFIX + match_key(m.text))
        groups.setdefault(key, []).append(m)
    out: list[Entity] = []
    for i, (key, ms) in enumerate(groups.items(), start=1):
        entry = kb.get(key)
        linked = entry is not None
        name_en: str | None
        if linked:
            assert entry is not None
            name, name_en, etype = entry.name_ar or ms[0].text, entry.name_en, entry.type
            lat, lon = entry.lat, entry.lon
        else:
            name = max((m.text for m in ms), key=len)
            etype, lat, lon = ms[0].type, None, None
            # not in the knowledge base: the Latin name as written, or a transliteration
            name_en = name if not is_arabic(name) else (
                facility_name_en(name, kb) if etype == "FAC" else
                landform_name_en(name, kb) if etype == "LOC" else None) or english_name(name)
        kb_id = key if linked else None
        # most mentions already carry the entity's type and key: keep those as they are
        clean = tuple(m if m.type == etype and m.kb_id == kb_id else
                      Mention(m.start, m.end, m.text, etype, kb_id, m.source) for m in ms)
        out.append(Entity(f"e{i}", etype, name, clean, key if linked else None, name_en,
                          lat, lon))
    return out
