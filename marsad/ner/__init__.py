"""Entity recognition and linking over one document.

1. Knowledge-base aliases, clitic-aware, longest first, resolved in context (matcher.py).
2. Names the base does not know, from titles and head nouns (patterns.py).
3. In-document coreference: the surname of a person found in step 2 refers to that person
   in the rest of the article; a KB person's ambiguous surname (حفتر) goes to the family
   member named in full most recently before it.
4. Mentions grouped into entities, linked ones by knowledge-base key.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..doc import Doc, Entity, Mention, Token
from ..kb import Candidate, KBEntry, KnowledgeBase
from ..kb.translit import english_name
from ..text.normalize import is_arabic, match_key
from .matcher import AliasMatcher, Hit, resolve, sure_keys
from .patterns import (
    Found,
    cue_sets,
    find_headed_orgs,
    find_headed_places,
    find_named_people,
    find_people,
    find_quoted_orgs,
)

UNLINKED_PREFIX = "_"  # pseudo keys of entities found outside the knowledge base


def _pseudo(name: str, etype: str) -> Candidate:
    key = UNLINKED_PREFIX + match_key(name).replace(" ", "_")
    return Candidate(KBEntry(key, etype, "", name, ()), False, True)


def recognise(doc: Doc, kb: KnowledgeBase, matcher: AliasMatcher) -> list[Mention]:
    text = doc.text
    slices = doc.sentence_token_ranges()
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
    for (a, b), (acc, deferred) in zip(slices, per_sentence, strict=True):
        toks = doc.tokens[a:b]
        taken: set[int] = set()
        people: set[int] = set()
        kb_types: dict[int, str] = {}
        for h, c in acc + [(h, c) for h, c in deferred if c.entry.key in supported]:
            taken.update(range(h.first_token, h.last_token + 1))
            kb_types.update((t, c.entry.type) for t in range(h.first_token, h.last_token + 1))
            if c.entry.type == "PER":
                people.update(range(h.first_token, h.last_token + 1))
            mentions.append(Mention(h.start, h.end, text[h.start : h.end], c.entry.type,
                                    c.entry.key, "kb"))
        tkeys = keys[a:b]
        # each recogniser runs only where its cue words occur (a set test per sentence
        # instead of a pass over every token): most sentences have no title, no head noun
        present = set(tkeys) | {k[1:] for k in tkeys}
        cues = cue_sets()
        found: list[Found] = []
        if not cues["person_titles"].isdisjoint(present):
            found += find_people(text, toks, taken, tkeys, people)
        if not cues["media_heads"].isdisjoint(present):
            found += find_quoted_orgs(text, toks, taken, tkeys)
        taken_now = taken | {k for f in found for k in range(f.first_token, f.last_token + 1)}
        found += find_named_people(text, toks, taken_now, tkeys)
        if not cues["place_heads"].isdisjoint(present):
            taken_now = taken | {k for f in found
                                 for k in range(f.first_token, f.last_token + 1)}
            found += find_headed_places(text, toks, taken_now, tkeys)
        if not cues["org_name_heads"].isdisjoint(present):
            taken_now = taken | {k for f in found
                                 for k in range(f.first_token, f.last_token + 1)}
            # an organisation's name may contain a known place ("جامعة دمشق"): those KB
            # mentions are then dropped in favour of the whole name
            orgs = find_headed_orgs(text, toks, taken_now - taken, tkeys, kb_types)
            if orgs:
                spans = [(o.start, o.end) for o in orgs]
                mentions = [m for m in mentions
                            if not any(x <= m.start and m.end <= y for x, y in spans)]
            found += orgs
        if any("الدوله" in k for k in tkeys):
            found += _demonym_states(text, toks, taken, kb)
        if not kb.generic_first_words.isdisjoint(present):
            found += _generic_names(text, toks, taken, kb, mentions, tkeys)
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
    return _retarget_family_names(mentions, kb)


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


def _generic_names(text: str, toks: Sequence[Token], taken: set[int], kb: KnowledgeBase,
                   mentions: list[Mention], keys: Sequence[str]) -> list[Found]:
    """"المجلس العسكري" is Niger's junta after "النيجر": a generic phrase resolves to the
    entry of the country last named (within GENERIC_CONTEXT_CHARS before it)."""
    if not kb.generic:
        return []
    out: list[Found] = []
    firsts = kb.generic_first_words
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
        start, end = toks[i].start + skip, toks[i + n - 1].end
        countries = {e.country: e for e in kb.generic[phrase] if e.country}
        # a place named right after ("المجلس العسكري … في بوركينا فاسو") decides first
        after = [m for m in mentions if end < m.start <= end + 80 and m.type in ("GPE", "LOC")
                 and match_key(text[end : m.start]).split()[-1:] in (["في"], ["ب"])]
        # then coreference: a bare "الجيش" after "الجيش السوداني" is that army, however
        # far back, and whatever country was named last
        keys_here = {e.key for e in kb.generic[phrase]}
        named = [m for m in mentions if m.kb_id in keys_here and m.end <= start]
        if after:
            chosen = after[0].kb_id if after[0].kb_id in countries else None
        elif named:
            entry = kb.get(max(named, key=lambda m: m.start).kb_id)
            if entry is not None:
                out.append(Found(start, end, entry.type, i, i + n - 1, entry.key))
            i += n
            continue
        else:
            context = [m for m in mentions if m.kb_id in countries
                       and start - GENERIC_CONTEXT_CHARS <= m.start < start]
            chosen = max(context, key=lambda m: m.start).kb_id if context else None
        if chosen is not None:
            entry = countries[chosen]
            out.append(Found(start, end, entry.type, i, i + n - 1, entry.key))
        i += n
    return out


def _second_pass(doc: Doc, matcher: AliasMatcher, slices: list[tuple[int, int]],
                 extra: dict[str, tuple[Candidate, ...]], first: list[Mention]) -> list[Mention]:
    """Match the surnames and names found by patterns through the whole article."""
    text = doc.text
    have = {(m.start, m.end) for m in first}
    covered = sorted((m.start, m.end) for m in first)
    out = list(first)
    for a, b in slices:
        for h in matcher.hits(text, doc.tokens[a:b], extra=extra, keys=doc.token_keys[a:b],
                              only_extra=True):
            if h.key not in extra or (h.start, h.end) in have:
                continue
            if any(s < h.end and h.start < e for s, e in covered):
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
            name_en = name if not is_arabic(name) else english_name(name)
        clean = tuple(Mention(m.start, m.end, m.text, etype, key if linked else None, m.source)
                      for m in ms)
        out.append(Entity(f"e{i}", etype, name, clean, key if linked else None, name_en,
                          lat, lon))
    return out
