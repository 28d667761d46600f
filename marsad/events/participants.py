"""Who takes part in a trigger's clause, and where it happens.

First each mention in the clause's reach is sorted: a place (after في، ب، إلى), a venue,
a mediator set aside by its preposition, a "مع" side, a giver ("دعم من X"), or a party
before or after the trigger. Then the subject is chosen over the parties (verb-subject,
subject-verb behind كان/أن, an apposition, a light verb's subject for a noun) and the role
scheme of the trigger maps subject and objects to actors and targets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text.normalize import is_nisba, match_key
from ..text.segment import resumptive_pronouns
from .clause import AFTER_NOUN, UNNAMED_ANTECEDENT, Context, Roles
from .lexicon import (
    CROWD_TYPES,
    GIVEN_TYPES,
    MATERIAL_TYPES,
    MOVING_TYPES,
    PARTICIPANT_TYPES,
    PLACE_TYPES,
    REACTIONS,
    UNCLAIMED_TYPES,
    Words,
)
from .nisba import nisba_country
from .triggers import PhraseSet, cue_lists
from .view import CLAUSE_MARKS, OPENING_QUOTES, DocView, Placed, uniq, unprefix

# quotes that may close a name (the same marks open and close in news text)
_QUOTES = OPENING_QUOTES | {"»", "”", "’"}


@dataclass
class Parts:
    """The clause's mentions, sorted."""

    after: list[Placed] = field(default_factory=list)
    before: list[Placed] = field(default_factory=list)  # nearest first, once sorted
    with_: list[Placed] = field(default_factory=list)
    dest: list[str] = field(default_factory=list)
    giver: Placed | None = None
    aside: Placed | None = None  # the last name set aside by its preposition ("برعاية X")
    location: str | None = None
    early: str | None = None  # a place named before the trigger
    early_gap: int = 0  # and how far before
    site: str | None = None  # a facility acted on ("قصف مطار حلب"): target and place


def with_phrase(v: DocView, first: int, stops: frozenset[str]) -> bool:
    """The name stands in a "مع"/"لدى" phrase, right after it or behind a title of up to
    three words ("مع أمير قطر الشيخ تميم")."""
    for j in range(first - 1, max(first - 4, 0) - 1, -1):
        k = v.keys[j]
        if k in ("مع", "ومع", "لدي"):
            return True
        if k in stops:
            return False
    return False


def conjoined(a: Placed, b: Placed, keys: list[str], w: Words) -> bool:
    """b follows a as a coordinated noun phrase: "بوتين ووزير دفاعه شويغو"، "بوتين وحفتر"
    (the first token after a starts with و and no preposition comes between)."""
    between = keys[a.last + 1 : b.first]
    if between[:1] in (["،"], [","]):
        # "X، وY"، "عون، ورئيس مجلس النواب، نبيه بري": a name joined on after a comma,
        # behind its title
        between = between[1:]
        if len(between) > 1:
            return _titled_conjunct(between, w.blockers)
    if len(between) > 3:
        return False
    first = between[0] if between else keys[b.first]
    if not first.startswith("و") or first in ("وفي", "والي", "ومن", "وعلى", "وعن") \
            or first in w.waw_words:
        return False  # ("السيسي وزير الخارجية": وزير is a word, not و + زير)
    return not any(k in w.blockers for k in between[1:])


def _titled_conjunct(words: list[str], blockers: frozenset[str]) -> bool:
    """و + a title of up to five words (and a comma) before the next name."""
    titles = cue_lists()["titles"]
    head = words[0]
    if len(words) > 6 or not head.startswith("و") or head[1:] not in titles:
        return False
    return not any(k in blockers and k not in ("،", ",") for k in words[1:])


def conjoined_before(parts_before: list[Placed], keys: list[str], w: Words
                     ) -> list[Placed]:
    """Subjects coordinated before the nearest one: in "أن حكومتي إسرائيل ولبنان وافقتا"
    Israel joins Lebanon (parts_before is nearest first)."""
    out: list[Placed] = []
    for earlier in parts_before[1:]:
        if not conjoined(earlier, out[-1] if out else parts_before[0], keys, w):
            break
        out.append(earlier)
    return out


def _is_place(pm: Placed, parts: Parts, x: Context, first: bool) -> bool:
    """Sort a mention that names where the clause happens (or where it goes); True when
    the mention is placed and takes no other part."""
    v, c, w = x.doc, x.clause, x.lex.words
    t, trig = v.etype[pm.entity_id], c.trigger
    # (a sentence opening "وفي بغداد، …" or "ففي السودان، …" has the place after في with its
    # و or ف)
    prev, prefix = unprefix(v.prev_key(pm.first), "وف"), v.fused_prefix(pm)
    # "في العاصمة الروسية موسكو": a place noun and its nisba before the name
    # ("وسط" is a place word of its own, not و + سط)
    at_place = prefix == "ب" or prev in w.loc_preps or v.prev_key(pm.first) in w.loc_preps or (
        is_nisba(prev) and v.prev_key2(pm.first) in w.loc_preps)
    # "لروسيا" is where a visit or a shipment goes, but for whom a port is opened (near
    # the trigger only: "الزعيم السابق لجمهورية إنغوشيا" is a genitive)
    to_place = (prefix == "ل" and trig.type in MOVING_TYPES
                and 0 < pm.first - c.t_last <= w.reach["to_reach"]) or prev in w.to_preps
    if prev == "في" and t == "GPE" and pm.first > c.t_last and (
            v.prev_key2(pm.first) in w.leader_nouns
            or v.prev_key(pm.first - 2) in w.leader_nouns):
        at_place = False  # "مع قادة الانقلاب في مالي": Mali's leaders take part
    if t in PLACE_TYPES and trig.mode == "visit" and trig.pos == "verb" \
            and trig.roles == "subject_actor" and pm.first > c.t_last and not prefix \
            and prev not in w.non_participant_preps and not first:
        # "زار يفكيروف الشرق الليبي": a region or a site a visit verb takes as its object
        # is where the visit went; a state or a city is also its host
        parts.location = parts.location or pm.entity_id
        if t != "GPE":
            return True
    if t == "GPE" and trig.type in ("ASSAULT", "COERCE") and parts.location is None \
            and 0 < pm.first - c.t_last <= (w.reach["object_reach"] if unprefix(
                v.keys[pm.first], "و") in w.container_nouns else 3) \
            and not prefix and pm.entity_id not in v.states \
            and prev not in w.prepositions and prev not in w.to_preps:
        # (named as a town, "مدينة جنين"، it may stand behind the subject and an adverbial:
        # "اقتحمت قوات الاحتلال مساء الثلاثاء مدينة جنين في شمال الضفة")
        # "اقتحمت القوات بلدة عقربا": the town raided or shelled is where it happened (a
        # state attacked, "هاجمت روسيا أوكرانيا", stays the target)
        parts.location = pm.entity_id
        return True
    if t in PLACE_TYPES and pm.first < c.t_first and prev in w.witness_verbs \
            and pm.entity_id not in v.states:
        # "شهدت الرياض توقيع اتفاقية"، "تشهد بغداد احتجاجات": the place that saw it (a
        # state that saw clashes may be a side of them)
        if parts.location is None:
            _set_place(pm, parts, x, False)
        return True
    if t in PLACE_TYPES and _near(pm, x):
        if t == "GPE" and parts.location is None:
            _set_place(pm, parts, x, False)  # "كمين قرب بلدة X": where, as near as told
        return True
    if t == "FAC" and parts.location is None and pm.first > c.t_last and not prefix \
            and prev not in w.non_participant_preps and prev not in w.to_preps:
        parts.location = pm.entity_id  # "وجعل حفتر ميناء طبرق متاحا": the site acted on
        parts.site = pm.entity_id
        return True
    if t == "GPE" and pm.entity_id in v.cities and pm.entity_id not in v.states \
            and unprefix(prev, "بلف") in w.talks_nouns:
        # "بعد محادثات جنيف": where the talks were held, no side of them (nor the place
        # of another act told around them)
        if parts.location is None and c.trigger.type == "CONSULT" and pm.first == c.t_last + 1:
            _set_place(pm, parts, x, False)
        return True
    if t in PLACE_TYPES and _reference_point(pm, x):
        return True  # "مخيم عايدة شمال بيت لحم": where the camp lies, not where it happened
    if t in PLACE_TYPES and (at_place or to_place or t != "GPE"):
        if parts.location is None and (at_place or to_place):
            _set_place(pm, parts, x, to_place)
        if to_place and t == "GPE":
            parts.dest.append(pm.entity_id)  # a visit "إلى بيلاروسيا" is hosted by the state
        return True
    return False


def _near(pm: Placed, x: Context) -> bool:
    """A word of nearness stands before the place: "قرب بلدة X"، "في محيط X"، "بالقرب من X"."""
    v, w = x.doc, x.lex.words
    prev = unprefix(v.prev_key(pm.first), "و")
    if prev in w.container_nouns and unprefix(v.prev_key2(pm.first), "و") in w.near_preps:
        return True  # "قرب مدينة X"
    return prev in w.near_preps or (
        prev == "من" and unprefix(v.prev_key2(pm.first), "و") in w.near_of)


def _reference_point(pm: Placed, x: Context) -> bool:
    """A place after a compass word or a containing unit that follows another place locates
    that place; it is no place of its own: "مخيم الدهيشة جنوب بيت لحم"، "بلدة عقربا جنوبي
    المدينة"، "مخيم النور للنازحين جنوبي مدينة سنار"، "قضاء تلعفر بمحافظة نينوى"، "كسلا،
    عاصمة الولاية الشرقية"."""
    start = _locating_word(pm, x)
    if start is None:
        return False
    v = x.doc
    appositive = v.tokens[start].is_punct
    lo = start - 1 if appositive else start - 1 - x.lex.words.reach["reference_reach"]
    before = next((p for p in x.sent.ms if lo <= p.last < start and p.entity_id != pm.entity_id
                   and v.etype[p.entity_id] in PLACE_TYPES), None)
    if before is None:
        return False
    # descriptor words only between them ("للنازحين"), no comma, preposition or "و"
    between = v.keys[before.last + 1 : start]
    preps = x.lex.words.prepositions | x.lex.words.loc_preps
    return all(k not in preps and k[:1] != "و" and not v.tokens[before.last + 1 + n].is_punct
               for n, k in enumerate(between))


def _locating_word(pm: Placed, x: Context) -> int | None:
    """The token of the compass word ("جنوبي [مدينة] X") or of the containing unit behind
    "ب" ("بولاية X"، "بإقليم X" or the name itself "بإقليم كردستان") that makes ``pm`` a
    reference point, or None."""
    v, w = x.doc, x.lex.words
    k = pm.first - 1
    if k < 0:
        return None
    key = v.keys[k]
    if key[:1] == "ب" and key[1:] in w.container_nouns:
        return k
    if v.fused_prefix(pm) == "ب" and unprefix(v.keys[pm.first], "و")[1:] in w.container_nouns:
        return pm.first
    if key in w.apposition_heads and k > 0 and v.tokens[k - 1].is_punct:
        return k - 1  # "كسلا، عاصمة الولاية الشرقية" (a place must end right before the comma)
    if unprefix(key, "و") in w.container_nouns and k > 0:
        k, key = k - 1, v.keys[k - 1]
    if unprefix(key, "و") in w.compass_words:
        return k
    return None


def _set_place(pm: Placed, parts: Parts, x: Context, to_place: bool) -> None:
    c = x.clause
    if pm.first < c.t_first and not to_place:
        # a place told before the trigger sets the scene; where the trigger goes, or a
        # place after it that stands nearer, is where it happened — any place after it,
        # when the place before only tells where a party is ("أعلن الحوثيون في اليمن
        # إطلاق صاروخ على ناقلة في البحر الأحمر")
        parts.early, parts.early_gap = pm.entity_id, (
            len(x.doc.keys) if _where_a_party_is(pm, x) else c.t_first - pm.last)
    elif parts.early is not None and not to_place and pm.first - c.t_last > parts.early_gap \
            and not _raided_town(pm, x):
        parts.location = parts.early  # "حطّ في نيامي، حيث استقبله رئيس … في النيجر"
    else:
        parts.location = pm.entity_id


def _where_a_party_is(pm: Placed, x: Context) -> bool:
    """"الحوثيون في اليمن"، "حزب الله في لبنان": a place behind "في" right after a body's
    or a person's name tells where that party is, not where the act happened."""
    v = x.doc
    if unprefix(v.prev_key(pm.first), "و") != "في":
        return False
    return any(o.last == pm.first - 2 and v.etype[o.entity_id] in ("ORG", "PER")
               for o in x.sent.ms)


def _raided_town(pm: Placed, x: Context) -> bool:
    """"وفي محافظة نابلس، داهمت القوات الإسرائيلية بلدة كفر قليل": a town named behind its
    head noun after a raid or attack verb (its object, or "في بلدة X") is where it
    happened, however near the scene set before the verb."""
    v, c = x.doc, x.clause
    return c.trigger.type in ("ASSAULT", "COERCE") and c.is_verb and not v.fused_prefix(pm) \
        and unprefix(v.prev_key(pm.first), "و") not in x.lex.words.prepositions \
        and v.prev_key(pm.first) not in ("في", "وفي")


def _set_aside(pm: Placed, prev: str, x: Context) -> bool:
    """Not a side: not a participant type, or behind a preposition of origin, route, topic
    or mediation ("من ليبيا"، "عبر غينيا"، "برعاية السعودية") — but in "مسلحون من جماعة
    نصرة الإسلام" the group acts, and "لكل من لوكاشينكو وبوتين" names the participants."""
    v, w = x.doc, x.lex.words
    if v.etype[pm.entity_id] not in PARTICIPANT_TYPES:
        return True
    if prev not in w.non_participant_preps:
        return False
    if prev == "من" and x.clause.trigger.type == "REQUEST" and pm.first > x.clause.t_last:
        return False  # "طلب من أنقرة إرسال قوات": whom the request is made of
    before = v.prev_key2(pm.first)
    return not (prev == "من" and (before in w.member_nouns or before in w.each))


def _ally_of_a_party(pm: Placed, x: Context) -> bool:
    """A name in a definite participle of ties right after a named party describes that
    party, it takes no part: "قال الجيش إن الحوثيين المتحالفين مع إيران أطلقوا صاروخا"،
    "هاجمت الفصائل الموالية لطهران" (behind "مع" or a fused "ل")."""
    v, w = x.doc, x.lex.words
    k = pm.first - 1
    if k > 0 and v.keys[k] in OPENING_QUOTES:
        k -= 1
    if unprefix(v.keys[k], "و") == "مع":
        k -= 1
    elif v.fused_prefix(pm) != "ل":
        return False
    if k < 1 or v.keys[k] not in w.tie_participles:
        return False
    # the party ends right before it (or before its closing quote: "«الحوثيين» المتحالفين")
    ends = {k - 1, k - 2} if v.keys[k - 1] in _QUOTES else {k - 1}
    return any(q.last in ends and q.entity_id != pm.entity_id for q in x.sent.ms)


def _past_its_ties(party: Placed, x: Context) -> int:
    """The last token of ``party`` and of the ties that describe it ("«الحوثيين» المتحالفين
    مع إيران،"): the subject stands that near the verb."""
    tie = next((q for q in x.sent.ms if 0 < q.first - party.last <= 4
                and _ally_of_a_party(q, x)), None)
    return party.last if tie is None else tie.last


def _skipped(pm: Placed, x: Context) -> bool:
    """A mention that is no part of this clause: a venue, another happening's party, a
    document's place name, a topic."""
    v, c, w = x.doc, x.clause, x.lex.words
    t, prev = v.etype[pm.entity_id], unprefix(v.prev_key(pm.first), "و")
    if prev in w.venue_words or (prev == "في" and t in ("ORG", "FAC") and not (
            t == "ORG" and unprefix(v.prev_key2(pm.first), "و") in w.leader_nouns)):
        # "في مقر الكرملين"، "في الكرملين": a venue, not a participant ("قياديين في حزب
        # الله": the group they lead takes part)
        return True
    if pm.first - 2 > c.t_last and v.prev_key2(pm.first) in w.time_preps \
            and not v.prev_key(pm.first).startswith("ال"):
        return True  # "إدخال قوات روسية إلى أفريقيا بعد زوال فاغنر": another happening
    if prev in w.named_after_place or (prev in OPENING_QUOTES and unprefix(
            v.prev_key2(pm.first), "و") in w.named_after_place):
        return True  # "إعلان جدة"، "اتفاق «الدوحة»": the place names the document
    if pm.first > c.t_last and _after_according(pm.first, x):
        return True  # "وفقا لأرقام شركة لويدز في سنغافورة": where the news comes from
    if prev == "في" and pm.entity_id in v.states and any(
            q.last == pm.first - 2 and v.nation_of.get(q.entity_id) == pm.entity_id
            for q in x.sent.ms):
        return True  # "هدد زعيم الجماعة في اليمن": where the leader is from, no place
    if _in_an_era(pm, x):
        return True  # "بدأت المفاوضات في عهد الرئيس السابق X": when, not who
    if _across_a_border(pm, x):
        return True  # "قرب الحدود مع الجزائر": where, near whose border; no party
    if t == "PER" and unprefix(prev, "وبل") in w.institution_heads:
        return True  # "وزع مركز الملك سلمان للإغاثة": the centre acts, not the king
    if _ally_of_a_party(pm, x):
        return True  # "الحوثيون المتحالفون مع إيران": who the party is tied to, no side
    if t == "ORG" and prev in w.founding_nouns:
        return True  # "توقيع اتفاقية تشكيل مجلس التنسيق": the body founded, no side of it
    return prev == "في" and v.prev_key2(pm.first) in w.topic_nouns  # "الوضع في ليبيا"


def _across_a_border(pm: Placed, x: Context) -> bool:
    """A state named after "الحدود مع"، "الحدود المشتركة مع"، "الحدود بين X و": it locates
    the act by a border, it takes no part (nor is it the place)."""
    v, w = x.doc, x.lex.words
    k = pm.first - 1
    if k > x.sent.a and v.keys[k] == "و":
        k -= 1  # ("بين مالي والجزائر" is one token و+; a loose و too)
    # (past the states listed before it: "بين مالي والجزائر"; most words end no name)
    while k > x.sent.a and v.keys[k] not in ("مع", "بين") and k in x.sent.ms_lasts:
        q = next(q for q in x.sent.ms if q.last == k)
        if v.etype[q.entity_id] != "GPE":
            break
        k = q.first - 1
    if k <= x.sent.a or unprefix(v.keys[k], "و") not in ("مع", "بين"):
        return False
    k -= 1
    if k > x.sent.a and (is_nisba(v.keys[k]) or v.keys[k] in w.border_adjectives):
        k -= 1  # "الحدود المشتركة مع"، "الحدود الجنوبية مع"
    return unprefix(unprefix(v.keys[k], "وف"), "بل") in w.border_nouns


def _in_an_era(pm: Placed, x: Context) -> bool:
    """A ruler named after "في عهد"، "خلال حقبة" (his titles between) dates the act; he
    takes no part in it."""
    v, w = x.doc, x.lex.words
    for k in range(pm.first - 1, max(x.sent.a, pm.first - 4) - 1, -1):  # titles between
        key = v.keys[k]
        if key in ("،", ",", ".") or k in x.sent.ms_lasts:
            return False
        if unprefix(unprefix(key, "و"), "ب") in w.era_nouns:
            return True
    return False




def _after_according(first: int, x: Context) -> bool:
    """"وفقا لبيانات مجموعة X": a name a few words after "وفقا/حسب" in the same phrase."""
    keys, according = x.doc.keys, x.lex.cues["attribution"]["according_to"]
    for k in range(first - 1, max(x.clause.t_last, first - 6), -1):
        if keys[k] in ("،", ",", ".", "؛"):
            return False
        if keys[k] in according or unprefix(keys[k], "و") in according:
            return True
    return False


def _is_giver(pm: Placed, parts: Parts, x: Context) -> bool:
    """"دعم غير مشروط من لوكاشينكو": a noun of giving's "من X" names who gives."""
    v, c = x.doc, x.clause
    # (a shipment arriving, "وصلت سفينة محملة بالمساعدات من السعودية", names its sender so
    # too, past its cargo)
    shipment = c.is_verb and c.trigger.type == "AID"
    reach = 12 if shipment else 4
    return parts.giver is None and (c.trigger.pos == "noun" or shipment) \
        and c.trigger.type in GIVEN_TYPES \
        and 0 < pm.first - c.t_last <= reach and v.etype[pm.entity_id] in PARTICIPANT_TYPES \
        and (v.prev_key(pm.first) == "من" or _from_a_title(pm, x)) \
        and not (c.trigger.type == "REQUEST" and pm.first - c.t_last > 2)
    # ("بطلب من المجلس": who asks; "طلب مساعدة عسكرية من روسيا": who is asked)


def _from_a_title(pm: Placed, x: Context) -> bool:
    """"انتقاد من الرئيس الأمريكي دونالد ترامب": "من" then the person's title before the
    name."""
    keys, titles = x.doc.keys, x.lex.cues["titles"]
    at = next((k for k in range(pm.first - 1, max(x.clause.t_last, pm.first - 5), -1)
               if keys[k] == "من"), None)
    return at is not None and at + 1 < pm.first and keys[at + 1] in titles and all(
        k[:1].isalnum() for k in keys[at + 1 : pm.first])


def sort_mentions(x: Context) -> Parts:
    """The clause's mentions sorted into places, set-asides and parties."""
    v, c, w = x.doc, x.clause, x.lex.words
    # "إن المعتقلين سيفرج عنهم، وأن المجلس بدأ …": a second "أن" joined on opens a clause
    # of its own, whose names are no part of this one
    hi = next((k for k in range(c.t_last + 1, c.hi) if v.keys[k] in ("وان", "وبان")), c.hi)
    # (a name the clause's start cuts, "إن المشير خليفة حفتر، …": its rank opens it)
    titles = x.lex.cues["titles"]
    ms = [pm for pm in x.sent.ms if (c.lo <= pm.first or c.lo <= pm.last and v.keys[
        pm.first] in titles) and pm.first < hi and pm.first not in c.source_ms
          and not (c.t_first <= pm.first <= c.t_last)]
    aside = aside_after(x)
    if aside is not None:
        ms = [pm for pm in ms if not aside[0] < pm.first < aside[1]]
    parts = Parts()
    place: Placed | None = None  # the last mention taken as a place
    for i, pm in enumerate(ms):
        if parts.aside is not None and conjoined(parts.aside, pm, v.keys, w):
            parts.aside = pm  # "برعاية السعودية والولايات المتحدة": both sponsor
            continue
        if place is not None and v.etype[pm.entity_id] in PLACE_TYPES \
                and conjoined(place, pm, v.keys, w):
            place = pm  # "في إيران وسوريا": both are where, neither takes part
            continue
        if _skipped(pm, x):
            continue
        if _is_place(pm, parts, x, first=i == 0):
            place = pm
            continue
        if _is_giver(pm, parts, x):
            parts.giver = pm
            continue
        prev = v.prev_key(pm.first)
        if _set_aside(pm, prev, x):
            if prev in w.non_participant_preps:
                parts.aside = pm
            continue
        if with_phrase(v, pm.first, w.with_stops) and (pm.first > c.t_last or not c.is_verb):
            # "مع X" (or "مع أمير قطر الشيخ تميم"): the other side; "سفيرها لدى X": the
            # state the envoy is posted to
            parts.with_.append(pm)
            continue
        (parts.after if pm.first > c.t_last else parts.before).append(pm)
    parts.before.sort(key=lambda p: -p.first)
    if c.is_verb and len(parts.after) <= 1 and c.right > c.hi:
        far = _far_object(x)
        if far is not None:
            parts.after.append(far)
    return parts


def _far_object(x: Context) -> Placed | None:
    """A long adverbial can push the object past the reach ("استقبل الدب الروسي على هامش
    الاحتفال بالذكرى الثمانين لعيد النصر، رئيس …، إبراهيم تراوري"): the first person or
    body named before the clause ends."""
    v, c, w = x.doc, x.clause, x.lex.words
    return next((pm for pm in x.sent.ms if c.hi <= pm.first < c.right
                 and pm.first not in c.source_ms and v.etype[pm.entity_id] in ("PER", "ORG")
                 and v.prev_key(pm.first) not in w.non_participant_preps), None)


_DASHES = frozenset({"-", "–", "—"})


def aside_after(x: Context) -> tuple[int, int] | None:
    """An aside set off by dashes right after the trigger ("كما التقى - والتصريح للسفارة
    - السفير X مع Y"): its first and last tokens, the dashes included. What it names takes
    no part; the subject comes after it."""
    v, c = x.doc, x.clause
    at = c.t_last + 1
    if at >= x.sent.b or v.keys[at] not in _DASHES:
        return None
    end = next((k for k in range(at + 1, min(at + 16, x.sent.b)) if v.keys[k] in _DASHES),
               None)
    return (at, end) if end is not None and end > at + 1 else None


def title_between(x: Context, first: int, skip: int = 0) -> bool:
    """Only a person's title stands between the verb and the name at ``first`` (past an
    aside of ``skip`` tokens right after the verb)."""
    between = x.doc.keys[x.clause.t_last + 1 + skip : first]
    # "استقبله خلالها رئيس المرحلة الانتقالية X": with its object a pronoun, the verb's
    # subject is the name past the adverb and the title ("والتقى خلالها وزير الدفاع X"
    # may have its subject dropped)
    while between and x.clause.hit.pronoun:
        if between[0] in x.lex.words.verb_adverbs:
            between = between[1:]
        elif len(between) > 2 and unprefix(between[0], "و") == "في":
            between = between[2:]  # "واستقبله في المطار رئيس اللجنة X"
        else:
            break
    if not between or len(between) > x.lex.words.reach["title_span"]:
        return False
    titles = x.lex.cues["titles"]
    head = between[0]
    # (a dependent's title holds its possessor's: "مستشار الرئيس الروسي X، Y")
    return head in titles or unprefix(head, "و") in titles or (
        len(between) > 1 and f"{between[0]} {between[1]}" in titles) or (
        head in x.lex.words.dependent_titles and len(between) > 1 and between[1] in titles)


def _untitled_holder_then_object(first: Placed, x: Context) -> bool:
    """A title and its nisba with no name stand right after the verb, then a state or a
    body ("حذر وزير الخارجية الإيراني الولايات المتحدة من …"): the unnamed title-holder is
    the subject, the state or body its object."""
    v = x.doc
    between = v.keys[x.clause.t_last + 1 : first.first]
    return bool(between) and v.etype[first.entity_id] in ("GPE", "ORG") \
        and is_nisba(between[-1]) and title_between(x, first.first)


@dataclass
class Subject:
    subject: Placed | None = None
    objects: list[Placed] = field(default_factory=list)
    co_subjects: list[Placed] = field(default_factory=list)
    pronoun: str | None = None  # the entity an attached (or dropped) pronoun stands for
    how: str = ""  # which construction chose the subject (for --explain)


# Acts done to someone: with nobody after the verb, a relative's antecedent is its patient
_DONE_TO = frozenset({"COERCE"})


def _verb_subject(parts: Parts, x: Context) -> Subject:
    """The subject of a verb among the parties: subject-verb order behind كان/أن or at the
    clause's start, an apposition between commas, verb-subject order (behind a title or
    as "أنصار X"), or a subject named just before."""
    v, c, w = x.doc, x.clause, x.lex.words
    before, after = parts.before, parts.after
    fixed = _subject_given_before(after, x)
    if fixed is not None:
        return fixed
    passive = _passive_subject(after, x)
    if passive is not None:
        return passive
    # "… والتقى": a verb joined on with و starts a clause of its own; a name before it
    # belongs to the clause before (its subject, if dropped, is carried on by the rules)
    joined = _joined_on(x)
    cued = bool(before) and (v.prev_key(before[0].first) in w.svo_cues
                             or _before_title(before[0], x) in w.svo_cues)
    svo = bool(before) and c.t_first - before[0].last <= 2 and (
        (before[0].first == c.left and not joined) or cued)
    # "وكان حفتر، الرجل النافذ في شرق ليبيا، وصل …": the subject after كان/أن, then an
    # apposition between commas, then the verb
    # (behind its title too: "أن الوزير X، الذي يزور القاهرة، التقى …")
    # (a name closing a relative clause between commas is no subject: "أن الوزير X، الذي
    # يزور القاهرة، التقى")
    appositive = None if svo and (cued or v.keys[c.t_first - 1] not in ("،", ",")) else next((
        p for p in before if (v.prev_key(p.first) in w.svo_cues
                              or _before_title(p, x) in w.svo_cues) and c.t_first - p.last <= 12
        and p.last + 1 < len(v.keys) and v.keys[p.last + 1] in ("،", ",")
        and v.keys[c.t_first - 1] in ("،", ",")), None)
    if appositive is not None:
        return Subject(appositive, after, how="subject before an apposition")
    if svo:
        return Subject(before[0], after, conjoined_before(before, v.keys, w),
                       how="subject-verb order")
    aside = aside_after(x)
    skip = aside[1] - aside[0] + 1 if aside is not None and after \
        and aside[1] < after[0].first else 0
    if after and not _behind_preposition(after[0], x) and not _counterpart(after[0], x) \
            and not _place_moved_to(after[0], x) and not _joined_after_object(after[0], x) \
            and not _unnamed_subject_before(x) and not subject_in_ending(x) \
            and not _unnamed_subject_after(after[0], x) \
            and not _untitled_holder_then_object(after[0], x) and (
            after[0].first - c.t_last - skip <= 3
            or title_between(x, after[0].first, skip) or (
            after[0].first - c.t_last <= w.reach["member_reach"]
            and v.prev_key(after[0].first) in w.member_nouns)):
        # verb-subject order; the subject may stand behind its title ("وحذّر رئيس الوزراء
        # الإسرائيلي بنيامين نتنياهو") or be a group whose members act ("أنصار جماعة X")
        s = Subject(after[0], after[1:], how="verb-subject order")
        # "استقبل بوتين ووزير دفاعه شويغو حفتر": subjects joined by و act together
        while s.objects and conjoined(s.co_subjects[-1] if s.co_subjects else after[0],
                                      s.objects[0], v.keys, w):
            s.co_subjects.append(s.objects.pop(0))
        return s
    late = _postposed_subject(after, x)
    if late is not None:
        return Subject(late, [p for p in after if p is not late], how="subject after an adverbial")
    if _crowd_after(x):
        # "قصف الجيش المواقع، فخرجت مسيرات غاضبة": a protest verb has no object; the
        # word after it is its subject (the crowd, unnamed), never the name before
        return Subject(None, after, how="an unnamed crowd after the verb")
    # (a place before "حيث" is where the verb happened: "بعد غينيا والكونغو حيث هاجم")
    where = any(unprefix(k, "و") == "حيث" for k in v.keys[before[0].last + 1 : c.t_first]) \
        if before and v.etype[before[0].entity_id] in ("GPE", "LOC") else False
    # (and no subject search across a colon: "اليمن: …")
    if before and c.t_first - _past_its_ties(before[0], x) <= 5 and not where \
            and ":" not in v.keys[before[0].last + 1 : c.t_first] and (
            not joined or v.etype[before[0].entity_id] in ("PER", "ORG")):
        # (not across a colon: "ليبيا: طائرات تقصف مواقع" labels the place of a headline)
        # (joined on, a person or body before goes on as subject — "أنهت مجموعة فاغنر
        # دورها وغادرت مالي" —; a state or city is the place the last verb went to)
        return Subject(before[0], after, conjoined_before(before, v.keys, w),
                       how="subject named just before")
    return Subject(None, after, how="no subject named")


def _postposed_subject(after: list[Placed], x: Context) -> Placed | None:
    """"وصل إلى كينيا، صباح الأحد، وزير الخارجية X"، "انتقد مجددا، خلال مؤتمر صحفي، الوزير
    X الأمين العام": a verb at the head of its sentence, with no subject before it, puts
    its subject after an adverbial (a time or place phrase, an adverb, a destination)
    behind the subject's title. Joined on with و the verb may carry a dropped subject on,
    so only a verb with no conjunction reads the late titled name as its subject."""
    v, c = x.doc, x.clause
    if c.t_first != x.sent.a or not c.is_verb or _joined_on(x) or subject_in_ending(x):
        return None
    for n, p in enumerate(after[:2]):
        if n and not (v.etype[after[0].entity_id] == "GPE"
                      and _behind_preposition(after[0], x) or _place_moved_to(after[0], x)):
            return None  # (past a destination only: "زار ليبيا، للمرة الأولى، الوزير X")
        if v.etype[p.entity_id] in ("PER", "ORG") and not _behind_preposition(p, x) \
                and not _counterpart(p, x) and _adverbial_then_title(x, p.first):
            return p
    return None


def _adverbial_then_title(x: Context, first: int) -> bool:
    """The words between the verb and the name at ``first`` are an adverbial (it opens
    with a preposition or an adverb, or ends on a comma) and then the name's title."""
    v, w, titles = x.doc, x.lex.words, x.lex.cues["titles"]
    between = v.keys[x.clause.t_last + 1 : first]
    span = w.reach["title_span"]
    for j in range(1, len(between)):
        if between[j] not in titles and unprefix(between[j], "و") not in titles \
                and " ".join(between[j : j + 2]) not in titles:
            continue
        lead, title = between[:j], between[j:]
        if len(title) > span or len(lead) > span or any(
                k in (".", ":", "؛") or k in w.relatives for k in lead):
            return False
        opener = unprefix(lead[0], "و")
        return lead[-1] in ("،", ",") or opener in w.verb_adverbs \
            or opener in w.prepositions or unprefix(opener, "بل") in w.prepositions
    return False


def _passive_subject(after: list[Placed], x: Context) -> Subject | None:
    """"اعتُقل الناشط على يد قوات الأمن"، "طُرد السفير من قبل المجلس": only a passive takes
    an agent phrase; its agent acts, who stands between the verb and it is acted on (a
    statement's agent phrase is its content's: "ونفى الناطق وقوع انتهاكات على يد X")."""
    c, v = x.clause, x.doc
    if c.trigger.roles != "subject_actor" or c.trigger.type in REACTIONS:
        return None
    agent = agent_phrase(x)
    if agent is None:
        cue = _unnamed_agent_cue(x) if c.trigger.type in _DONE_TO else None
        if cue is None:
            return None
        # "أوقف الناشط من قبل أعوان الشرطة": an agent no name gives; who stands between
        # the verb and the cue was acted on, and nobody named acted
        return Subject(None, [p for p in after if p.first < cue and not _behind_preposition(p, x)],
                       how="passive verb with an unnamed agent")
    return Subject(agent, [p for p in after if p is not agent and p.first < agent.first
                           and (not _behind_preposition(p, x) or v.fused_prefix(p) == "ل")],
                   how="passive verb with an agent phrase")


def _unnamed_agent_cue(x: Context) -> int | None:
    """Where "من قبل"/"على يد" opens an agent phrase of common nouns within the clause
    ("من قبل عناصر الأمن"): the cue's token, when a word, not a preposition or a mark,
    follows it ("من قبل في موسكو" is "before")."""
    v, c = x.doc, x.clause
    keys = v.keys
    if _AGENT_WORDS.isdisjoint(x.sent.words):
        return None
    for k in range(c.t_last + 2, min(c.hi, len(keys) - 1)):
        if (keys[k] == "قبل" and keys[k - 1] == "من") or (keys[k] == "يد" and keys[k - 1] == "علي"):
            nxt = keys[k + 1]
            if nxt[:1].isalpha() and nxt not in x.lex.words.prepositions:
                return k
    return None


def subject_in_ending(x: Context) -> bool:
    """The verb carries a plural or dual subject in its ending ("يطالبون"، "طالبوا"،
    "يبحثان"): an Arabic verb before its named subject stays singular, so nobody named
    after it is its subject ("تظاهر الآلاف يطالبون برحيل الحكومة": not the government)."""
    c = x.clause
    if not c.is_verb:
        return False
    word = x.doc.keys[c.t_first]
    if c.hit.pronoun and word.endswith(c.hit.pronoun):
        word = word[: -len(c.hit.pronoun)]  # "يستقبلونه" → "يستقبلون"
    if len(word) < 4:
        return False
    present = unprefix(unprefix(word, "وف"), "س")[:1] in ("ي", "ت")
    return word.endswith(("ون", "وا")) or (present and len(word) >= 5 and word.endswith("ان"))


def _subject_given_before(after: list[Placed], x: Context) -> Subject | None:
    """A subject the words right before the verb give: the speaker's side ("قال بوتين إن
    بلاده ستزوّد …"), a relative clause's antecedent, named or not, a pronoun on أن/إن."""
    v, c, w = x.doc, x.clause, x.lex.words
    if c.t_first > 0 and v.keys[c.t_first - 1] in w.speaker_side and c.speaker is not None:
        return Subject(c.speaker, after, how="speaker's side")
    head = _relative_head(x)
    if head is not None and not after and c.trigger.type in _DONE_TO:
        # "سامر، الذي اعتقل مساء الأحد قرب مكتبه": an arrest with nobody after it is a
        # passive (أُوقف): the antecedent is who was arrested
        return Subject(None, [head], how="antecedent of a passive relative")
    if head is not None and c.hit.pronoun:
        # "الأمر الذي رفضته القوى": the verb's pronoun takes the antecedent back as its
        # object; the subject is named after the verb, if at all
        return Subject(after[0] if after else None, after[1:],
                       how="antecedent taken back by the verb's pronoun")
    if head is not None:
        # "دقلو، الذي زار موسكو": the relative's antecedent is the subject
        return Subject(head, after, how="antecedent of the relative pronoun")
    if _unnamed_antecedent(x):
        # "الهجوم الذي استهدف دورية للجيش": the antecedent, no name, did it; who follows
        # is acted on
        return Subject(None, after, how=UNNAMED_ANTECEDENT)
    if unprefix(v.prev_key(c.t_first), "ب") in ("انه", "انها", "انهم"):
        # "قال إنه التقى بوتين": the pronoun is the subject; who follows is the object
        return Subject(_told_by_pronoun(x), after, how="pronoun subject after إنه")
    return None


def _told_by_pronoun(x: Context) -> Placed | None:
    """Whom "أنه/أنها/أنهم" before the verb stands for: the speaker when the pronoun fits
    ("أعلنت ألمانيا أنها منحت …"), else the last person (ه) or state or body (ها، هم) named
    before it in the sentence."""
    v, c = x.doc, x.clause
    suffix = unprefix(v.prev_key(c.t_first), "ب")[2:]  # ("انه" → "ه")
    fits = {"ه": ("PER", "ORG"), "ها": ("ORG", "GPE"), "هم": ("ORG", "GPE", "PER")}[suffix]
    sp = c.speaker
    if sp is not None and sp.entity_id not in v.reporting:  # (a medium tells of others)
        return sp if v.etype[sp.entity_id] in fits else None
    return next((pm for pm in reversed(x.sent.ms)
                 if pm.first < c.t_first - 1 and v.etype[pm.entity_id] in fits), None)


def _before_title(pm: Placed, x: Context) -> str:
    """The word before a person's title ("أن الرئيس الروسي فلاديمير بوتين" → "أن"), or ''
    when no title stands before the name."""
    v, titles = x.doc, x.lex.cues["titles"]
    k = pm.first - 1
    while k > x.sent.a and is_nisba(v.keys[k]):
        k -= 1  # the title's nisba adjectives
    if k >= x.sent.a + 1 and " ".join(v.keys[k - 1 : k + 1]) in titles:
        k -= 1
    elif not (k >= x.sent.a and v.keys[k] in titles):
        return ""
    return v.keys[k - 1] if k > x.sent.a else ""


def _behind_preposition(pm: Placed, x: Context) -> bool:
    """A name behind a preposition ("على إيران"، "بموسكو"، "بالرئيس X") is never the
    verb's subject — but a group named after its members is ("هاجم مسلحون من جماعة …"),
    and so are the sides after "كل من" ("قررت كل من ليبيا وتونس سحب سفرائها")."""
    v, w = x.doc, x.lex.words
    prev = v.prev_key(pm.first)
    if prev == "من" and (v.prev_key2(pm.first) in w.member_nouns
                         or v.prev_key2(pm.first) in w.each):
        return False
    fused = v.fused_prefix(pm)
    if fused == "ل" and _owned_means(pm, x):
        return False  # "الطيران الحربي للجيش السوداني": the army's air force
    # (also behind a title and its nisbas: "ضد الرئيس السوداني عمر البشير")
    return prev in w.prepositions or fused in ("ب", "ل", "ك") \
        or _title_behind_preposition(prev, x) or _before_title(pm, x) in w.prepositions


def _owned_means(pm: Placed, x: Context) -> bool:
    """The name follows a force or its means with the owner's ل, its adjectives between
    ("الطيران الحربي للجيش"، "دورية للشرطة"، "قوات تابعة للحكومة" is not this)."""
    v, k = x.doc, pm.first - 1
    while k > x.sent.a and is_nisba(v.keys[k]):
        k -= 1  # "الحربي"، "المسيرة"
    return k >= x.sent.a and unprefix(v.keys[k], "و") in x.lex.words.means_nouns


def _title_behind_preposition(key: str, x: Context) -> bool:
    """A title carrying ب/ك or لل right before a name ("أطاح بالرئيس محمد بازوم"، "للرئيس
    X"): the name is behind the preposition ("بالأمس"، "للمرة" are no titles)."""
    titles = x.lex.cues["titles"]
    bare = "ال" + key[3:] if key[:3] in ("بال", "كال") else "ال" + key[2:] \
        if key[:2] == "لل" else None
    return bare is not None and bare in titles


def _place_in_a_where_phrase(pm: Placed, x: Context) -> bool:
    """A place behind a preposition between the noun and it ("غارات في بلدات عدة بينها
    إدلب"، "المظاهرات في مدن القيروان وقفصة"، "قصف على ريف حماة") is where the act
    happened or what it struck, not its agent."""
    v, preps = x.doc, x.lex.words.prepositions
    if v.etype[pm.entity_id] not in ("GPE", "LOC", "FAC"):
        return False
    for k in v.keys[x.clause.t_last + 1 : pm.first]:
        if k in CLAUSE_MARKS:
            return False
        if unprefix(k, "و") in preps:
            return True
    return False


def _place_moved_to(pm: Placed, x: Context) -> bool:
    """"وغادرت مالي"، "زار القاهرة": a state or city right after a verb of visiting or
    leaving is where it went or what it left, not its subject (a sender, "أرسلت مصر",
    is)."""
    c, keys = x.clause, x.doc.keys
    moving = (c.trigger.type == "RETREAT" or c.trigger.mode == "visit") \
        and c.trigger.roles == "subject_actor"  # (a host receives: "استقبلت موسكو")
    if pm.last + 1 < len(keys) and keys[pm.last + 1] in c.trigger.requires:
        return False  # "سحبت فرنسا قواتها": the state sends, its forces follow it
    return moving and x.doc.etype[pm.entity_id] == "GPE" and pm.first - c.t_last <= 1


def _crowd_after(x: Context) -> bool:
    """A protest verb followed by a plain word (no name, preposition or mark): its crowd."""
    v, c, w = x.doc, x.clause, x.lex.words
    k = c.t_last + 1
    return c.trigger.type in CROWD_TYPES and k < x.sent.b and k not in v.placed_first_set \
        and v.keys[k] not in CLAUSE_MARKS \
        and unprefix(v.keys[k], "و") not in w.prepositions


def _joined_on(x: Context) -> bool:
    """The trigger carries the conjunction و or ف ("والتقى"، "فاستقبل")."""
    v, c = x.doc, x.clause
    lead = v.text[v.tokens[c.t_first].start : c.hit.start]
    return bool(lead) and match_key(lead)[:1] in ("و", "ف")


def _unnamed_antecedent(x: Context) -> bool:
    """A relative pronoun right before the verb, its verb carrying no object pronoun and no
    resumptive pronoun after it ("المناطق التي سيطر عليها الجيش" names its subject after)."""
    v, c = x.doc, x.clause
    if c.t_first < 1 or v.keys[c.t_first - 1] not in x.lex.words.relatives or c.hit.pronoun:
        return False
    nxt = v.keys[c.t_last + 1] if c.t_last + 1 < len(v.keys) else ""
    return nxt not in resumptive_pronouns()


def _relative_head(x: Context) -> Placed | None:
    """The name a relative pronoun right before the verb hangs on ("X، الذي زار …")."""
    v, c = x.doc, x.clause
    if c.t_first < 2 or v.keys[c.t_first - 1] not in x.lex.words.relatives:
        return None
    end = c.t_first - 2
    if v.keys[end] in ("،", ","):
        end -= 1
    return next((pm for pm in x.sent.ms if pm.last == end and pm.first not in c.source_ms
                 and v.etype[pm.entity_id] in PARTICIPANT_TYPES), None)


def _counterpart(pm: Placed, x: Context) -> bool:
    """"والتقى نظيره المصري X": a counterpart, host or guest named with a pronoun for the
    subject is the object; the subject is the one the pronoun stands for."""
    c, w = x.clause, x.lex.words
    return any(k in w.counterpart_nouns or unprefix(k, "و") in w.counterpart_nouns
               for k in x.doc.keys[c.t_last + 1 : pm.first])


def _governed(x: Context) -> bool:
    """A verb form right after a governing or light verb is its verbal noun ("قررت قطع
    العلاقات"، "أعلنت فرض حظر التجول": the same letters as قطع، فرض)."""
    k = unprefix(x.doc.prev_key(x.clause.t_first), "وف")
    return k in x.lex.words.governors or k in x.lex.cues["light_verbs"] \
        or _governed_after_subject(x)


def _governed_after_subject(x: Context) -> bool:
    """"قررت الجزائر طرد السفير"، "أعلن المجلس، الذي يحكم البلاد منذ عامين، طرد السفير": a
    bare verb form right after a name or a comma, with a governing verb before it in the
    sentence and no other act or "أن" between, is the governing verb's object (a verb
    going on would be joined by و)."""
    v, c, w = x.doc, x.clause, x.lex.words
    if v.keys[c.t_first][:1] in ("و", "ف") or not (
            v.prev_key(c.t_first) in ("،", ",")
            or any(pm.last == c.t_first - 1 for pm in x.sent.ms)):
        return False
    lo = max(x.sent.a, c.t_first - w.reach["light_reach"] // 2)
    gov = next((j for j in range(c.t_first - 2, lo - 1, -1)
                if unprefix(v.keys[j], "وف") in w.governors), None)
    if gov is None:
        return False
    between = v.keys[gov + 1 : c.t_first]
    return not any(k in w.complementisers for k in between) and not any(
        gov < x.sent.a + h.first_token < c.t_first for h in x.sent.hits)


def _light_verb(x: Context, before: int | None = None) -> int | None:
    """A light verb or a governing verb before the noun ("يجري حفتر زيارة"، "شنت القوات
    غارات"، "قرر المجلس طرد السفير"), or before token ``before``; or, close before it, an
    announcement noun ("بعد إعلان السودان وتشاد عن اتفاق")."""
    v, c = x.doc, x.clause
    light, gov = x.lex.cues["light_verbs"], x.lex.words.governors
    stop = max(c.left, c.t_first - x.lex.words.reach["light_reach"]) - 1
    end = before if before is not None else c.t_first
    nouns, noun_reach = x.lex.words.governing_nouns, x.lex.words.reach["governing_noun_reach"]
    for j in range(end - 1, stop, -1):
        k = v.keys[j]
        bare = unprefix(k, "وف")  # (once per word: asked of every word within the reach)
        if k in light or k in gov or bare in light or bare in gov:
            return j
        if bare in nouns and end - j <= noun_reach:
            return j  # "بإعلان السودان وتشاد عن اتفاق"
    return None


def _chained_subject(light: int, x: Context) -> Subject:
    """The subject of the light verb, or of a governing verb before it that has none of
    its own between ("قرر الرئيس، الإثنين، فرض حظر التجول": فرض lends قرر's subject)."""
    s = _light_subject(light, x)
    if s.subject is None and s.pronoun is None:
        outer = _light_verb(x, light)
        if outer is not None and light - outer <= x.lex.words.reach["light_reach"]:
            s = _light_subject(outer, x)
            state = None if s.subject is None else x.doc.nation_of.get(s.subject.entity_id)
            if state is not None and x.doc.prev_key(light) in x.lex.words.speaker_side:
                # "أعلن الوزير أن بلاده قررت قطع العلاقات": his country decided, not he
                return Subject(None, pronoun=state, how="the announcer's country")
    return s


def _is_light(key: str, x: Context) -> bool:
    """A light verb proper (not a governing verb: "وأُعلن الاتفاق" is a passive)."""
    light = x.lex.cues["light_verbs"]
    return key in light or unprefix(key, "وف") in light


def _light_subject(light: int, x: Context) -> Subject:
    """The light verb's subject, which may sit behind a relative clause ("يجري حفتر، الذي
    يشغل منصب قائد …، زيارة"): looked for from the light verb, not from the noun."""
    v, c, w = x.doc, x.clause, x.lex.words
    ms = [pm for pm in x.sent.ms if pm.first not in c.source_ms
          and v.etype[pm.entity_id] in PARTICIPANT_TYPES]
    sp = c.speaker
    near = [pm for pm in ms if light < pm.first < c.t_first
            and not with_phrase(v, pm.first, w.with_stops) and not _behind_preposition(pm, x)
            # (a town "في مدينة X" is where, never who: "من مواليد مدينة X، قام بتفجير")
            and unprefix(v.prev_key(pm.first), "وف") not in w.loc_preps
            # (a name in the speaker's title: "أعلن ولي عهد السعودية الأمير محمد …")
            and not (sp is not None and pm.last < sp.first and sp.first - pm.last <= 3)]
    if near:
        s = Subject(near[0], how="light verb's subject")
        rest = near[1:]
        while rest and conjoined(s.co_subjects[-1] if s.co_subjects else near[0], rest[0],
                                 v.keys, w):
            s.co_subjects.append(rest.pop(0))  # "شنت الولايات المتحدة وبريطانيا غارات"
        return s
    if v.prev_key(light) in w.speaker_side and c.speaker is not None:
        # "قال الوزير إن بلاده قررت قطع العلاقات": his country decided
        state = v.nation_of.get(c.speaker.entity_id)
        if state is not None:
            return Subject(None, pronoun=state, how="the speaker's country before the verb")
        return Subject(c.speaker, how="the speaker's side before the light verb")
    # the subject right before the light verb, and any joined to it before: "كان الجيش
    # المالي وجيش بوركينا فاسو قد نفّذا عمليات مشتركة"
    # (nor a place opening the sentence: "ففي الرباط، أقدمت الشرطة على توقيف …")
    earlier = sorted((p for p in ms if p.first < light and not _side_after_between(p, x)
                      and unprefix(v.prev_key(p.first), "وف") not in w.loc_preps),
                     key=lambda p: -p.first)
    if earlier and light - earlier[0].last <= 2:
        return Subject(earlier[0], [], conjoined_before(earlier, v.keys, w),
                       how="subject before the light verb")
    return Subject()


def _side_after_between(pm: Placed, x: Context) -> bool:
    """``pm`` is a side after "بين" ("التنسيق بين مصر وليبيا أعلن …"), or joined with و to
    one: it belongs to the noun before "بين", never the subject of a verb after it."""
    v = x.doc
    if unprefix(v.prev_key(pm.first), "و") == "بين":
        return True
    return v.keys[pm.first][:1] == "و" and any(
        q.last == pm.first - 1 and unprefix(v.prev_key(q.first), "و") == "بين"
        for q in x.sent.ms)


def _joined_after_object(pm: Placed, x: Context) -> bool:
    """A name joined on with و behind the verb's object ("الصواريخ تقصف دمشق والجيش يتصدى
    لها") opens a clause of its own or joins the object: never the verb's subject."""
    c, keys = x.clause, x.doc.keys
    return pm.first > c.t_last + 1 and keys[pm.first].startswith("وال") \
        and keys[pm.first - 1] not in ("،", ",")


def agent_phrase(x: Context) -> Placed | None:
    """The agent of a passive: "من قبل X"، "على يد X"، "بواسطة X" — or the group a few
    words on, named by its members or means ("على يد عناصر من حركة X"، "من قبل طائرات
    تابعة لـX")."""
    v, c = x.doc, x.clause
    keys = v.keys
    if _AGENT_WORDS.isdisjoint(x.sent.words):
        return None  # (most sentences: no agent phrase to look for)
    for k in range(c.t_last + 1, c.hi):
        if not ((keys[k] == "قبل" and keys[k - 1] == "من") or (keys[k] == "يد" and keys[
                k - 1] == "علي") or keys[k] == "بواسطه"):
            continue
        for pm in x.sent.ms:
            if k < pm.first <= k + _AGENT_REACH and pm.first < c.hi and not any(
                    t in CLAUSE_MARKS for t in keys[k + 1 : pm.first]) and (
                    pm.first == k + 1 or v.prev_key(pm.first) == "من"
                    or v.fused_prefix(pm) == "ل"):
                # (members' "من X" or owners' "لـX": "من قبل في موسكو" is "before")
                return pm
        return None
    return None


_AGENT_WORDS = frozenset(("قبل", "يد", "بواسطه"))
# How far past "من قبل"/"على يد" the agent's name may stand ("على يد مسلحين من تنظيم X")
_AGENT_REACH = 5


def _unnamed_subject_before(x: Context) -> bool:
    """A subject no name gives stands right before the verb ("وقال محام إن عناصر الأمن
    الوطني اعتقلت ثلاثة صحفيين بينهم X"): the name after the verb is its object."""
    keys, w, at = x.doc.keys, x.lex.words, x.clause.t_first
    for k in reversed(keys[max(x.sent.a, at - 4) : at]):
        if not k[:1].isalnum():
            return False
        if unprefix(k, "و") in w.member_nouns:
            return True
    return False


def _unnamed_subject_after(first: Placed, x: Context) -> bool:
    """A subject no name gives stands right after the verb, a plural in the nominative
    ("هاجم مسلحون دورية للجيش"، "اعتقل عناصر ملثمون الناشط"): the name after it is acted
    on — unless it names the group of those members ("عناصر حزب الله"، "مسلحون من حركة X")."""
    keys, w, k = x.doc.keys, x.lex.words, x.clause.t_last + 1
    if k >= first.first or k >= len(keys):
        return False
    key = keys[k]
    plural = key in w.member_nouns or (
        len(key) >= 5 and key.endswith("ون") and key not in w.not_plural_on)
    if not plural or any(q.first <= k <= q.last for q in x.sent.ms):
        return False
    return not (first.first == k + 1 or (first.first == k + 2 and keys[k + 1] == "من"))


def _unnamed_subject(light: int, x: Context) -> bool:
    """A subject no name gives stands between the light verb and its noun ("وبدأ الجنود
    الفرنسيون بمغادرة تشاد"): the subject is not dropped (a nisba may name its state)."""
    w, demonyms = x.lex.words, x.doc.kb.demonyms
    # (plural nisbas, "الفرنسيون", members made definite, "الجنود", and an indefinite
    # nisba: "شنت طائرات فرنسية غارات على المواقع")
    return any(is_nisba(k) or unprefix(k, "و") in w.member_nouns
               or (k[:2] == "ال" and k[2:] in w.member_nouns)
               or nisba_country(k, demonyms, accusative=False) is not None
               for k in x.doc.keys[light + 1 : x.clause.t_first])


def _patient_first(parts: Parts, x: Context) -> Subject:
    """A verbal noun of a transitive act names its patient first ("اغتيال النائب X"، "اعتقال
    الناشط X"), unless a ل-genitive follows ("اعتقال الشرطة للناشط": the first is the
    agent); the agent may also come by "من قبل"/"على يد"."""
    v = x.doc
    first, rest = parts.after[0], parts.after[1:]
    k = first.last + 1
    while k < len(v.keys) and v.keys[k] in ('"', "»", "”", "'", ")"):
        k += 1  # (a name in quotes: "الفرقاطة «هامبورغ» للسفينة")
    nxt = v.keys[k] if k < len(v.keys) else ""
    object_next = (nxt[:1] == "ل" and len(nxt) > 3) or nxt[:1].isdigit() or (
        len(nxt) > 3 and nxt.endswith("ا") and not nxt.startswith("ال")
        and nxt not in x.lex.triggers.fillers)
    if object_next and not _behind_preposition(first, x):
        # "اتهام واشنطن لطهران"، "توقيف الشرطة الفرنسية موظفا قنصليا"، "اعتقال القوات 3
        # شبان": the agent's genitive, then the object (with ل, accusative or a number)
        return Subject(first, rest, how="agent genitive, then the object")
    agent = agent_phrase(x)
    return Subject(agent, [p for p in parts.after if p is not agent],
                   how="a transitive act's noun names its patient first")


def described_patient(pm: Placed, x: Context, titled: bool = True) -> bool:
    """The patient of a passive stands behind its description, in words only: "تم اعتقال
    القيادي البارز في الحركة X" (a person's title or role first, unless ``titled`` is
    false; no number, comma, quote or clause between; the description's own names are
    behind a preposition)."""
    between = x.doc.keys[x.clause.t_last + 1 : pm.first]
    return 0 < len(between) <= x.lex.words.reach["title_span"] \
        and (not titled or between[0] in x.lex.cues["person_heads"]) and all(
            k[:1].isalpha() and k not in CLAUSE_MARKS for k in between)


def _spoken_for(x: Context) -> Placed | None:
    """"وأكد الناطق باسم الوزارة X رفضها للقرار": the feminine possessor no name fits is
    the body the speaker speaks for; the speaker stands for it."""
    sp = x.clause.speaker
    if sp is None or x.clause.hit.pronoun != "ها" or x.doc.etype[sp.entity_id] != "PER" \
            or x.clause.trigger.roles == "first_target":  # ("اعتقالها": she was arrested)
        return None
    return sp


def _noun_subject(parts: Parts, x: Context) -> Subject:
    """Who does what a noun names: a possessive pronoun ("زيارته")، a light verb's subject,
    the one the article is telling about ("وجدّد خلال اللقاء اعتراف بلاده"), or the noun's
    first participant after it ("زيارة حفتر إلى موسكو")."""
    c = x.clause
    light = _light_verb(x)
    if c.antecedent is not None:
        # (a governing verb's speaker is the pronoun's already: "أعلن الجيش انسحابه")
        proper = light is not None and _is_light(x.doc.keys[light], x)
        s = _light_subject(light, x) if proper and light is not None else Subject()
        if s.subject is not None:
            # "يواصل مقاتلون من فاغنر انسحابهم": the pronoun is the light verb's subject
            s.objects = parts.after
            return s
        return Subject(None, parts.after, pronoun=c.antecedent, how="possessive pronoun")
    if c.hit.pronoun and not c.is_verb and light is None:
        # "إدانة المملكة ورفضها المطلق للتصريحات": the possessor is the pronoun, whoever it
        # stands for; the names after the noun are what it is about. Told by a person, "its"
        # is the body the person speaks for, which the person stands for
        return Subject(_spoken_for(x), parts.after,
                       how="possessive pronoun with no name for it")
    if unprefix(x.doc.prev_key(c.t_first), "وف") in x.lex.words.passive_cues \
            and not c.trigger.mutual:  # ("تم الاتفاق بين X وY": the sides agree)
        # "تم اعتقال الناشط من قبل الشرطة": who follows is acted on; the agent is named
        # by "من قبل"/"على يد", or not at all
        agent = agent_phrase(x)
        near = [p for p in parts.after if p is not agent and (
            p.first - c.t_last <= 4 or described_patient(p, x))
            and not _behind_preposition(p, x)]
        return Subject(agent, near, how="passive (تم + noun)")
    s = _chained_subject(light, x) if light is not None else Subject()
    if s.subject is not None or s.pronoun is not None:
        s.objects = parts.after
        return s
    if light is not None and _is_light(x.doc.keys[light], x):
        if _unnamed_subject(light, x):
            # "وبدأ الجنود الفرنسيون بمغادرة السنغال": the subject stands before the noun,
            # unnamed; who follows the noun is acted on (a nisba may name the actor)
            return Subject(None, parts.after, how="subject unnamed before the noun")
        if x.disc.last_actor is not None:
            return Subject(None, parts.after, pronoun=x.disc.last_actor,
                           how="light verb with a dropped subject")
    if c.trigger.roles == "first_target" and parts.after:
        return _patient_first(parts, x)
    if parts.after and not _behind_preposition(parts.after[0], x) \
            and not _place_in_a_where_phrase(parts.after[0], x):
        return Subject(parts.after[0], parts.after[1:], how=AFTER_NOUN)
    # "هجوم على إسرائيل": a name behind a preposition is what the act is done to
    return Subject(None, parts.after, how="no agent named")


def choose_roles(x: Context) -> Roles | None:
    """Actors, targets and place of the clause (None when nobody takes part)."""
    c, v = x.clause, x.doc
    trig = c.trigger
    parts = sort_mentions(x)
    own_verb = c.is_verb and not _governed(x)
    if own_verb:
        s = _verb_subject(parts, x)
        s.pronoun = c.antecedent
    else:
        s = _noun_subject(parts, x)
    x.note("participants", s.how)
    ids_obj = uniq(pm.entity_id for pm in s.objects + parts.with_)
    subj = tuple(uniq(pm.entity_id for pm in ([s.subject] if s.subject else []) + s.co_subjects))
    if s.pronoun is not None and s.pronoun not in subj:
        # (a verb's attached pronoun is its object; a subject a governed verb lends is
        # who does it: "أن بلاده قررت قطع …")
        if own_verb or (c.is_verb and s.pronoun == c.antecedent):
            ids_obj = [s.pronoun] + [i for i in ids_obj if i != s.pronoun]
        else:
            subj = (s.pronoun,)
    if trig.roles == "subject_target":
        actors, targets = tuple(ids_obj), subj
    else:
        actors, targets = subj, tuple(i for i in ids_obj if i not in subj)
    return _finish(Roles(actors, targets, parts.location, s.how), parts, x, v)


def _the_capital(x: Context) -> str | None:
    """"وتمركزت القوات وسط العاصمة": "the capital" with no name after it is the capital
    the article names, when it names one."""
    v, c = x.doc, x.clause
    if len(v.capitals_named) != 1:
        return None
    starts = {pm.first for pm in x.sent.ms}
    for k in range(c.lo, c.hi):
        key = v.keys[k]
        if key.endswith("العاصمه") and len(key) <= len("العاصمه") + 2 \
                and k + 1 not in starts and not (k + 1 < len(v.keys)
                                                 and is_nisba(v.keys[k + 1])):
            return v.capitals_named[0]
    return None


def _the_country(actors: tuple[str, ...], x: Context) -> str | None:
    """"فرض الرئيس حظر التجول في البلاد": "the country" is the actor's own state."""
    v, c = x.doc, x.clause
    if not actors:
        return None
    keys = v.keys
    said = any(unprefix(keys[i], "و") == "بالبلاد" or (
        keys[i] == "البلاد" and unprefix(v.prev_key(i), "و") == "في") for i in range(c.lo, c.hi))
    if not said:
        return None
    own = v.nation_of.get(actors[0])
    return own if own is not None else (actors[0] if v.etype[actors[0]] == "GPE" else None)


def _finish(r: Roles, parts: Parts, x: Context, v: DocView) -> Roles | None:
    trig = x.clause.trigger
    actors, targets, location = r.actors, r.targets, r.location
    if parts.giver is not None:
        # the receivers are whoever else the noun names: "حصول حفتر على دعم من لوكاشينكو"
        g = parts.giver.entity_id
        actors, targets = (g,), tuple(i for i in uniq((*actors, *targets)) if i != g)
    if trig.type == "MOBILIZE":
        # the forces moved are mobilised with their sender: "رفعت موسكو عناصر الفيلق"
        moved = tuple(i for i in targets if v.etype[i] == "ORG")
        actors, targets = actors + moved, tuple(i for i in targets if i not in moved)
    if trig.mode == "visit" and parts.dest:
        location = parts.dest[0]  # a visit happens where it goes, not where a title puts one
    if not targets and parts.dest and (trig.mode == "visit" or trig.type in (
            "AID", "MOBILIZE", "ACCUSE", "THREATEN")):
        # a visit is hosted by the state it goes to; criticism or a threat "إلى X" is aimed
        # at X ("وجهت موسكو انتقادات حادة إلى واشنطن")
        targets = tuple(uniq(parts.dest))
    elif parts.dest and trig.type == "AID":
        # "تسليم الوقود إلى السودان": aid goes first to where it is sent
        targets = tuple(uniq((*parts.dest, *targets)))
    location = location or parts.early or _the_capital(x) or _the_country(actors, x)
    if trig.type == "ASSAULT" and parts.site is not None and parts.site not in targets:
        targets = (*targets, parts.site)  # "قصف مطار حلب الدولي": attacked, and where
    if trig.type == "ASSAULT" and location is None:
        # "هجومها على أوكرانيا": an attack on a state or a city takes place there
        # ("مواقع تابعة لإيران": whose sites were hit, not where)
        location = next((i for i in targets if v.etype[i] == "GPE"
                         and not _owner_of_what_is_hit(i, x)), None)
    if not actors and not targets and location is None \
            and trig.type not in MATERIAL_TYPES | UNCLAIMED_TYPES:
        # (a protest may still take its place from the meeting it was held at or from its
        # crowd's nisba: the role rules)
        # (with a place, or for a deployment, attack or shipment, a nisba may still name
        # the actor: "معدات روسية إلى مالي"، "غارات إسرائيلية")
        return None
    return Roles(actors, targets, location, r.basis)


def _owner_of_what_is_hit(i: str, x: Context) -> bool:
    """``i`` is named only as an owner behind ل ("استهدفت الغارات مواقع تابعة لإيران"،
    "منشآت مملوكة لشركة X"): its property was hit, the strike was not on its land."""
    v, c, owner = x.doc, x.clause, x.lex.words.owner_words
    ms = [pm for pm in x.sent.ms if pm.entity_id == i and c.lo <= pm.first < c.right]
    return bool(ms) and all(v.fused_prefix(pm) == "ل"
                            and unprefix(v.prev_key(pm.first), "و") in owner for pm in ms)


def absorb_titles(ms: list[Placed], v: DocView, titles: PhraseSet, span: int,
                  dependents: frozenset[str] = frozenset()) -> list[Placed]:
    """Drop the organisations and countries inside a person's title: in "سكرتير مجلس الأمن
    الروسي سيرغي شويغو" the council names Shoigu's office, and in "رئيس المجلس العسكري في
    بوركينا فاسو، إبراهيم تراوري" neither the junta nor the country takes part; and the
    person whose dependent a title names ("مستشار الرئيس الروسي X، Y": X)."""
    # a body named inside a leader's title ("زعيم جماعة X" named as its leader) is no side
    ms = [pm for pm in ms if not any(q is not pm and q.first <= pm.first and pm.last <= q.last
                                     and q.last - q.first > pm.last - pm.first for q in ms)]
    if dependents:
        ms = [pm for i, pm in enumerate(ms) if not _titles_possessor(i, ms, v, titles,
                                                                     dependents)]
    return [pm for i, pm in enumerate(ms) if v.etype[pm.entity_id] not in ("ORG", "GPE")
            or not (_in_title(i, ms, v, titles, span) or _in_apposition(i, ms, v, titles))]


def _titles_possessor(i: int, ms: list[Placed], v: DocView, titles: PhraseSet,
                      dependents: frozenset[str]) -> bool:
    """Person ``i`` closes the title of the person named right after him in apposition, a
    title that opens with a noun of dependency before the possessor's own title: "مستشار
    الرئيس الروسي فلاديمير بوتين، يوري أوشاكوف"، "نجل المشير خليفة حفتر، صدام حفتر"."""
    pm = ms[i]
    if v.etype[pm.entity_id] != "PER" or i + 1 >= len(ms) or pm.last + 2 >= len(v.keys):
        return False
    nxt = ms[i + 1]
    if v.etype[nxt.entity_id] != "PER" or nxt.first != pm.last + 2 \
            or v.keys[pm.last + 1] not in ("،", ","):
        return False
    for k in range(pm.first - 1, max(pm.first - 7, 0), -1):
        if v.keys[k] in CLAUSE_MARKS:
            return False
        if (v.keys[k] in dependents or unprefix(v.keys[k], "و") in dependents) \
                and (v.keys[k + 1] in titles or " ".join(v.keys[k + 1 : k + 3]) in titles):
            return True
    return False


def _in_apposition(i: int, ms: list[Placed], v: DocView, titles: PhraseSet) -> bool:
    """Mention ``i`` lies in the title set after a person's name: "صقر، رئيس أركان حرب
    القوات المسلحة"، "عبد المجيد صقر القائد العام للقوات المسلحة" (a definite title, or
    one after a comma; "بوتين رئيس مجلس …" may be whom Putin met)."""
    pm = ms[i]
    person = next((m for m in reversed(ms[:i]) if v.etype[m.entity_id] == "PER"), None)
    if person is None or not 1 < pm.first - person.last <= 6:
        return False
    k = person.last + 1
    comma = v.keys[k] in ("،", ",")
    k += comma
    head, pair = v.keys[k], " ".join(v.keys[k : k + 2])
    if not (head in titles or pair in titles) or not (comma or head.startswith("ال")):
        return False
    # (nothing but the title's words between: no other person, no clause break)
    return not any(key in CLAUSE_MARKS for key in v.keys[k : pm.first]) \
        and not any(person.last < m.first < pm.first and v.etype[m.entity_id] == "PER"
                    for m in ms)


def _in_title(i: int, ms: list[Placed], v: DocView, titles: PhraseSet, span: int) -> bool:
    """Mention ``i`` lies between a title word and the person the title belongs to."""
    pm, etype = ms[i], v.etype
    # the person named next, within a title's length and with no verb-like break between
    person = next((m for m in ms[i + 1 :] if etype[m.entity_id] == "PER"), None)
    if person is None or not 0 < person.first - pm.last <= span:
        return False
    if any(etype[m.entity_id] not in ("ORG", "GPE", "LOC") for m in ms[i + 1 :]
           if m.first < person.first):
        return False
    # the title word: just before this mention, or before a chain of such mentions
    first = pm.first
    for m in reversed(ms[:i]):
        if etype[m.entity_id] in ("ORG", "GPE") and 0 < first - m.last <= 3:
            first = m.first
        else:
            break
    window = v.keys[max(first - 3, 0) : first]
    pairs = [f"{x} {y}" for x, y in zip(window, window[1:], strict=False)]
    return any(k in titles or unprefix(k, "و") in titles or unprefix(k, "وبل") in titles
               for k in (*window, *pairs))
