"""Gates: named tests that keep a trigger from making an event. ``GATES`` run before the
participants are looked for (a noun that only refers back, a negated verb, a demand);
``AFTER_ROLES`` run on the roles found. Each is a predicate named for what it finds;
reading the tables top to bottom is the order they run."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from ..text.normalize import match_key
from .clause import BODY_MEETING, Context, Roles, RuleTable, only_for
from .dating import future
from .lexicon import (
    BLOCKING,
    COMMERCE_TYPES,
    DOCUMENT_TOPICS,
    HELD_STANCES,
    REFERABLE,
    UNCLAIMED_TYPES,
)
from .nisba import nisba_country
from .triggers import TriggerHit
from .view import CLAUSE_MARKS, OPENING_QUOTES, DocView, unprefix, word_back


@only_for(pos="noun")
def refers_back(x: Context) -> bool:
    """A definite event noun with nobody named right after it, when the article told an
    event of its type before: a reference, not a new one ("ثم دانت الحكومة الهجوم").
    Also a noun after a demonstrative ("هذه التحركات"), a framing verb ("وتأتي الزيارة
    في ظل") or a copula ("وهو اللقاء الأول")."""
    v, c, w = x.doc, x.clause, x.lex.words
    if c.is_verb:
        return False
    at, keys = c.t_first, v.keys
    if at > 0 and (keys[at - 1] in w.demonstratives or keys[at - 1][1:] in w.demonstratives):
        return True
    if c.trigger.type not in x.disc.told_types:
        return False
    if at > 0 and unprefix(keys[at - 1], "وف") in w.framing_verbs:
        return True
    if at > 0 and keys[at - 1] in w.copulas and keys[at][:2] == "ال":
        return True
    if c.trigger.type not in REFERABLE:
        return False
    if not any(keys[at].startswith(p) for p in ("ال", "بال", "وال", "فال", "لل", "وبال")):
        return False
    last = c.t_last
    demonyms = v.kb.demonyms
    if demonyms and last + 1 < len(keys) and keys[last + 1][2:] in demonyms:
        return False  # "الوجود العسكري الروسي": the nisba names who, news of its own
    if _sides_named_later(x):
        return False  # "الاشتباكات اندلعت في المنطقة بين X وY": news with its sides
    i = bisect.bisect_right(v.placed_firsts, last)
    return not (i < len(v.placed_firsts) and v.placed_firsts[i] <= last + 2)


def _sides_named_later(x: Context) -> bool:
    """"بين" followed by a name in the clause after the trigger."""
    v, c = x.doc, x.clause
    starts = v.placed_first_set
    return any(unprefix(v.keys[k], "و") == "بين" and (k + 1 in starts or k + 2 in starts)
               for k in range(c.t_last + 1, min(c.hi, len(v.keys))))


@only_for(pos="verb")
def negated(x: Context) -> bool:
    """A verb right after a negation in its clause: "لم يزر الرئيس موسكو"، "نددت الحكومة
    بالتصريحات دون أن تنفيها"."""
    c, keys = x.clause, x.doc.keys
    if not c.is_verb or c.t_first == 0 or c.t_first - 1 < c.left:
        return False
    if keys[c.t_first - 1] in x.lex.cues["certainty"]["negation"]:
        return True
    return c.t_first >= 2 and " ".join(keys[c.t_first - 2 : c.t_first]) in x.lex.words.without


def demanded(x: Context) -> bool:
    """The trigger is what a demand asks for: a demand word (or "دعا إلى") right before it,
    or before the act of stopping or holding it ("دعاها إلى وقف نقل الأسلحة"، "مطالبين بطرد
    السفير"، "طلبت عقد اجتماع"), or an act owed by someone ("إن على إسرائيل الانسحاب")."""
    keys, c = x.doc.keys, x.clause
    if owed_by(x) is not None:
        return True  # "إن على إسرائيل الانسحاب": the act owed is asked for (request_owed)
    demands = x.lex.cues["certainty"]["demanded"]
    t_first = c.t_first
    if t_first - 1 >= c.left and (keys[t_first - 1] in x.lex.words.stopping
                                  or keys[t_first - 1] in x.lex.words.holding):
        t_first -= 1
    if t_first >= 1 and keys[t_first][:1] == "ل" \
            and unprefix(keys[t_first - 1], "و") in x.lex.words.demand_verbs:
        return True  # "تدعو لاجتماع مجلس الأمن"، "دعا لعقد قمة": what is called for
    for n in (1, 2):
        at = t_first - n
        if at < max(c.left - 1, 0):
            return False  # (the word before the clause may be the demand: "دعاها إلى")
        phrase = " ".join(keys[at:t_first])
        if phrase in demands or unprefix(phrase, "و") in demands:
            return True
    return _asked_of_someone(x)


@only_for(pos="noun")
def warned_against(x: Context) -> bool:
    """What a warning warns against has not happened: "حذرت حماس إسرائيل من مواصلة
    الهجمات على غزة"، "حذر الوزير من تهجير السكان" — a noun behind "من" (a word of going on
    or widening between) after a word of warning in its clause."""
    keys, c, w = x.doc.keys, x.clause, x.lex.words
    if c.is_verb or x.sent.words.isdisjoint(w.warn_words):
        return False
    at = next((k for k in range(c.t_first - 1, max(x.sent.a, c.t_first - 3) - 1, -1)
               if keys[k] == "من"), None)
    if at is None:
        return False
    for k in range(at - 1, max(x.sent.a, at - 8) - 1, -1):
        if keys[k] in CLAUSE_MARKS:
            return False
        if unprefix(keys[k], "وف") in w.warn_words:
            return True
    return False


def owed_by(x: Context) -> str | None:
    """"إن على السعودية وقف …"، "يجب على الحكومة الإفراج عن"، "على إسرائيل أن تنسحب": the
    one an act right after is owed by (the act is what is asked: request_owed)."""
    v, c = x.doc, x.clause
    if c.trigger.type == "REQUEST":
        return None
    at = c.t_first - 1
    if v.keys[at] in x.lex.words.stopping or v.keys[at] == "ان":
        at -= 1  # "على إسرائيل وقف عدوانها"، "على إسرائيل أن تنسحب"
    if at not in x.sent.ms_lasts:
        return None  # (no name ends there: most triggers)
    pm = next((p for p in x.sent.ms if p.last == at), None)
    # (owed only where the trigger request_owed(_modal) reads "على" before the one: one
    # source for what may stand before it)
    if pm is None or not any(h.trigger.id in _OWED_TRIGGERS
                             and x.sent.a + h.last_token == pm.first - 1
                             for h in x.sent.hits):
        return None
    return pm.entity_id


_OWED_TRIGGERS = frozenset({"request_owed", "request_owed_modal"})


def _asked_of_someone(x: Context) -> bool:
    """"دعا حفتر قواته إلى طرد …"، "طالب العقيدون البعثة بالرحيل": a demand verb, its
    object, then إلى or ب before the act asked for."""
    v, c = x.doc, x.clause
    lead = v.text[v.tokens[c.t_first].start : c.hit.start]
    if v.prev_key(c.t_first) != "الي" and not match_key(lead).endswith(("ب", "بال")):
        return False
    verbs = x.lex.words.demand_verbs
    commas = False
    # (the demand verb, the one asked and that one's title: up to ten tokens back)
    for at in range(c.t_first - 1, max(x.sent.a, c.t_first - 11) - 1, -1):
        k = v.keys[at]
        if k in ("،", ",") and at < c.t_first - 1 and not v.keys[at + 1].startswith("و") \
                and not commas:
            commas = True  # "دعا قائد الجيش خليفة حفتر، قواته إلى …": the title ends
            continue
        if k in CLAUSE_MARKS and at < c.t_first - 1:
            return False
        if k in verbs or unprefix(k, "وف") in verbs:
            return True
    return False


def planned(x: Context) -> bool:
    """What is planned, expected or conditional is not (yet) an event: "ومن المتوقع أن
    يزور الرئيس أنقرة"، "يعتزم الوزير زيارة القاهرة"، "إذا هاجمت القوات المدينة"."""
    keys, c, w = x.doc.keys, x.clause, x.lex.words
    if x.sent.words.isdisjoint(w.first_words("plan_cues")) \
            and x.sent.words.isdisjoint(w.plan_verbs):
        return False
    plans, firsts = w.plan_cues, w.first_words("plan_cues")
    start = max(c.left, x.sent.a, c.t_first - 4)
    for at in range(c.t_first - 1, start - 1, -1):
        if keys[at] not in firsts and unprefix(keys[at], "وف") not in firsts:
            continue  # (no cue begins here: most tokens)
        for n in (1, 2, 3):
            phrase = " ".join(keys[at : at + n])
            if at + n <= c.t_first and (phrase in plans or unprefix(phrase, "وف") in plans):
                return True
    # a verb of intent before its subject: "وتسعى السلطات في البلاد إلى استقبال …"
    return word_back(keys, c.t_first - 1, max(x.sent.a, c.t_first - 7),
                     x.lex.words.plan_verbs, "وف")


def told_in_future(x: Context) -> bool:
    """A verb told in the future is announced, not done: "وسيعلن الاتحاد الأوروبي دعمه
    للخطة"، "ستفرض واشنطن عقوبات"، "سوف تنسحب القوات" — the future سـ read off the verb as a
    clitic, or سوف right before it. A trigger that lists its future form ("ستنسحب" as a
    pledge) matches it whole and is not stopped."""
    c, v = x.clause, x.doc
    if not c.is_verb:
        return _governed_in_future(x)
    if v.text[v.tokens[c.t_first].start : c.hit.start].endswith("س"):
        return True
    return c.t_first > x.sent.a and unprefix(v.keys[c.t_first - 1], "وف") == "سوف"


def _governed_in_future(x: Context) -> bool:
    """A verbal noun whose light verb or governor is in the future: "ستفرض الولايات
    المتحدة عقوبات جديدة"، "سوف تشن القوات هجوما"."""
    at = _light_verb_before(x)
    if at is None:
        return False
    k, stem, keys = at[0], at[1], x.doc.keys
    return stem != unprefix(keys[k], "وف") or (
        k > x.sent.a and unprefix(keys[k - 1], "وف") == "سوف")


def _light_verb_before(x: Context) -> tuple[int, str] | None:
    """Where the verbal noun's light verb or governor stands, a few words back within the
    clause ("تشن" in "قد تشن إسرائيل هجوما"), with its stem (behind و/ف and the future س)."""
    c, keys = x.clause, x.doc.keys
    light, gov = x.lex.cues["light_verbs"], x.lex.words.governors
    for k in range(c.t_first - 1, max(x.sent.a, c.left, c.t_first - 6) - 1, -1):
        if keys[k] in CLAUSE_MARKS:
            return None
        bare = unprefix(keys[k], "وف")
        for stem in (bare, bare[1:] if bare[:1] == "س" and len(bare) > 3 else ""):
            if stem and (stem in light or stem in gov):
                return k, stem
    return None


def may_happen(x: Context) -> bool:
    """A verb in the present after قد tells what may happen (or happens at times), no
    act: "وقد تعتقل السلطات مزيدا من الصحفيين"، "قد يفرض الاتحاد عقوبات". The present is
    told by the trigger's own forms — its ي-present is one of them ("تعتقل" of "يعتقل") —
    so a past in ت after قد ("وقد توصل الطرفان"، "قد تراجعت") is still done."""
    c, v = x.clause, x.doc
    if "قد" not in x.sent.words:
        return False  # (most sentences)
    if not c.is_verb:
        # a verbal noun whose light verb is a present after قد: "قد تشن إسرائيل هجوما"
        at = _light_verb_before(x)
        return at is not None and at[0] > x.sent.a and at[1][:1] in ("ي", "ت", "ن") \
            and unprefix(v.keys[at[0] - 1], "وف") == "قد" \
            and ("ي" + at[1][1:] in x.lex.cues["light_verbs"]
                 or "ي" + at[1][1:] in x.lex.words.governors)
    if c.t_first <= x.sent.a or unprefix(v.keys[c.t_first - 1], "وف") != "قد":
        return False
    key = unprefix(match_key(v.text[c.hit.start : c.hit.end]), "وف")
    return key[:1] in ("ي", "ت", "ن") and c.trigger in x.lex.triggers.index.get(
        "ي" + key[1:], ())


@only_for(type="CONSULT")
def meeting_to_come(x: Context) -> bool:
    """A meeting, visit or call told in the future is announced, not held: "وسيلتقي
    الوزير نظيره الأحد"، "ستزور الرئيسة القاهرة"، "على أن يختتم جولته في تشاد" (a pledge
    of a visit is an agreement only where a trigger of its own says so)."""
    c, keys = x.clause, x.doc.keys
    if c.trigger.type != "CONSULT":
        return False
    if c.is_verb:
        return future(keys[c.t_first])
    # "على أن يختتم جولته في تشاد": a visit still to come, after "على أن" and a verb
    at = c.t_first
    return at >= 3 and keys[at - 3 : at - 1] == ["علي", "ان"] and keys[at - 1][:1] in "يت"


@only_for(type="CONSULT", pos="noun", mode="visit")
def companion_of_a_visit(x: Context) -> bool:
    """A visit noun after a verb of accompanying names the companion of a visit told
    before, no visit of its own: "ورافق الوزيرَ في زيارته نائبُه"."""
    c, keys = x.clause, x.doc.keys
    if c.trigger.type != "CONSULT" or c.trigger.mode != "visit" or c.is_verb:
        return False
    escorts = x.lex.words.escort_verbs
    return any(unprefix(k, "و") in escorts for k in keys[max(x.sent.a, c.t_first - 4) : c.t_first])


@only_for(type="CONSULT", pos="noun")
def meeting_characterised(x: Context) -> bool:
    """A definite meeting or visit noun that is the subject of a verb or a quote, or the
    object of attending, after a meeting was told, characterises that meeting, no new one:
    "ورأى المحلل أن الزيارة "تؤكد أن أنقرة باتت الشريك الأول""، "وحضر اللقاء السفير"."""
    c, v = x.clause, x.doc
    if c.trigger.type != "CONSULT" or c.is_verb or "CONSULT" not in x.disc.told_types \
            or c.t_last + 2 >= x.sent.b:
        return False
    if not unprefix(v.keys[c.t_first], "وف").startswith("ال"):
        return False
    if c.t_first > x.sent.a and unprefix(v.keys[c.t_first - 1], "و") in ("حضر", "حضرت",
                                                                       "حضره", "حضرها"):
        return True  # (who attended it is told of the meeting told before)
    k = c.t_last + 1
    if v.keys[k] in OPENING_QUOTES:
        k += 1
    verb = v.keys[k]
    return verb[:1] in ("ت", "ي") and len(verb) >= 4 and k not in v.placed_first_set \
        and verb not in x.lex.words.demand_verbs




@only_for(type="CONSULT", pos="noun")
def meeting_talked_of(x: Context) -> bool:
    """A definite meeting noun that is what a verb of discussing tells of, or the time of
    another act, with nobody named after it, is the meeting told before: "والتقى الوزير
    نظيره، حيث تناول اللقاء سبل التعاون"، "وأكد الرئيس خلال المباحثات عمق العلاقات"."""
    c, v = x.clause, x.doc
    if c.trigger.type != "CONSULT" or c.is_verb or "CONSULT" not in x.disc.told_types \
            or c.t_first <= x.sent.a or c.hit.pronoun:
        return False
    if not unprefix(v.keys[c.t_first], "وف").startswith("ال"):
        return False
    before = unprefix(v.keys[c.t_first - 1], "وف")
    if before not in x.lex.words.discussing_verbs and before not in x.lex.words.during_words:
        return False
    # (sides named after it make it a meeting of its own, "خلال المحادثات بين الطرفين"; a
    # relative clause tells where it went, "خلال الزيارة التي قادته إلى موسكو")
    if c.t_last + 1 < x.sent.b and (unprefix(v.keys[c.t_last + 1], "و") == "بين"
                                    or v.keys[c.t_last + 1] in x.lex.words.relatives):
        return False
    starts = v.placed_first_set
    return not any(k in starts for k in range(c.t_last + 1, min(c.t_last + 3, x.sent.b)))


@only_for(type="CONSULT", pos="noun")
def ceremony_of_a_meeting(x: Context) -> bool:
    """A meeting noun behind a word of ceremony in a sentence that told a meeting is its
    ceremony, no other one: "واستقبل الرئيس ضيفه في مراسم استقبال رسمية بالقصر"."""
    c, keys = x.clause, x.doc.keys
    if c.trigger.type != "CONSULT" or c.is_verb or c.t_first <= x.sent.a \
            or not any(ev.type == "CONSULT" for ev in x.sent.events):
        return False
    return unprefix(keys[c.t_first - 1], "وفب") in x.lex.words.ceremony_words


def negated_modal(x: Context) -> bool:
    """A negated ability or passive before the trigger: "لا يمكننا قطع العلاقات"، "لم
    يتم توقيع الاتفاق"، "لن تستطيع القوات الانسحاب"."""
    keys, c = x.doc.keys, x.clause
    cues = x.lex.words.negated_modals
    if x.sent.words.isdisjoint(x.lex.words.first_words("negated_modals")):
        return False
    for at in range(c.t_first - 2, max(c.left, x.sent.a, c.t_first - 4) - 1, -1):
        if " ".join(keys[at : at + 2]) in cues or unprefix(" ".join(keys[at : at + 2]),
                                                            "وف") in cues:
            return True
    return False


def content_of(x: Context) -> bool:
    """A verbal noun that is the content of a document or a necessity, not a happening:
    "وتضمن الاتفاق انسحاب القوات"، "أكد ضرورة انسحاب القوات"، "ينص على تبادل الأسرى"."""
    keys, c = x.doc.keys, x.clause
    if c.is_verb and not c.hit.as_noun:  # ("تقضي برفع": a verb's form behind ب is its noun)
        return False
    content = x.lex.words.content_cues
    if x.sent.words.isdisjoint(x.lex.words.first_words("content_cues")):
        return False
    # the cue right before the noun, or a content verb before its subject ("وتضمن
    # الاتفاق انسحاب"): up to three words back, not across a comma
    for at in range(c.t_first - 1, max(c.left, x.sent.a, c.t_first - 3) - 1, -1):
        if keys[at] in CLAUSE_MARKS:
            return False
        for phrase in (keys[at], " ".join(keys[at : at + 2])):
            if phrase in content or unprefix(phrase, "وب") in content:
                return True
    return keys[c.t_first][:1] == "و" and _listed_content(x)


def _listed_content(x: Context) -> bool:
    """A noun joined by و to a list a content cue opens: "وتضمنت الشروط وقف التعاون مع
    روسيا وإغلاق المعابر وتقليص التمثيل" (no comma between the cue and the noun)."""
    keys, content = x.doc.keys, x.lex.words.content_cues
    return word_back(keys, x.clause.t_first - 4, max(x.sent.a, x.clause.t_first - 14),
                     content, "و")


def framed_background(x: Context) -> bool:
    """A verbal noun that frames another act is its background, not news: "في ظل التعاون
    بين القاهرة وطرابلس، تستعد أنقرة لإرسال قوات"."""
    keys, c = x.doc.keys, x.clause
    at = c.t_first
    return not c.is_verb and at >= 2 \
        and unprefix(" ".join(keys[at - 2 : at]), "و") in x.lex.words.frames


def vehicle_named_by_cargo(x: Context) -> bool:
    """A noun of transport right after a vehicle or trip names what kind it is, no act of
    sending: "سيّرت الشركة رحلات شحن إلى المطار"، "هبطت طائرة نقل عسكرية"."""
    c, keys, w = x.clause, x.doc.keys, x.lex.words
    # (a verb form read as a noun here: "رحلات نقل" is no "نقل" = moved)
    if c.t_first < 1 or unprefix(keys[c.t_first], "و") not in w.transport_nouns:
        return False
    return unprefix(keys[c.t_first - 1], "وب") in w.vehicle_nouns


def topic_of_another(x: Context) -> bool:
    """A verbal noun that is the topic, purpose or concession of another predicate, or the
    content of a report or claim, is no happening told: "تصريحاته حول رفض الخطة"، "وسط
    تقارير عن معارك في المدينة"، "من أجل نشر قوات"، "رغم العقوبات الغربية"، "هجوم كيماوي
    مزعوم"."""
    c, keys, w = x.clause, x.doc.keys, x.lex.words
    if c.t_first < 1:
        return False
    at = c.t_first
    # (a verb's form behind a preposition is its verbal noun: "بشأن طلب الخرطوم")
    if c.is_verb and keys[at - 1] not in w.prepositions and keys[at - 1] not in w.topic_links:
        return False
    before = [" ".join(keys[at - n : at]) for n in (1, 2) if at - n >= x.sent.a]
    if any(b in w.topic_words or unprefix(b, "و") in w.topic_words for b in before):
        return True
    after = keys[c.t_last + 1 : min(c.t_last + 3, x.sent.b)]
    return not c.is_verb and any(k in w.alleged_words for k in after)


def own_act_quoted(x: Context) -> bool:
    """A verb in the first person plural, after an act of its type was told, is the speaker
    quoted retelling it, no new one: "أدانت الخارجية الروسية الضربات … وأضافت: "ندين بشدة
    العدوان""."""
    c = x.clause
    if not c.is_verb or c.trigger.type not in x.disc.told_types:
        return False
    k = unprefix(x.doc.keys[c.t_first], "وف")
    # (the first person plural of a present form the lexicon lists for the third person)
    return k[:1] == "ن" and len(k) > 3 and ("ي" + k[1:]) in x.lex.triggers.index


@only_for(pos="noun")
def scheduled(x: Context) -> bool:
    """A verbal noun qualified as scheduled or coming is announced, not held: "القمة
    المقررة في الرياض"، "الاجتماع المقبل للجنة"، "وقفة احتجاجية كان من المقرر تنظيمها"."""
    c, keys, w = x.clause, x.doc.keys, x.lex.words
    if c.is_verb:
        return False
    for k in keys[c.t_last + 1 : min(c.t_last + 4, x.sent.b)]:
        if k in CLAUSE_MARKS:
            return False
        if k in w.scheduled_words:
            return True
    return False


@only_for(pos="noun")
def framed_as(x: Context) -> bool:
    """An indefinite verbal noun in the accusative after a framing verb says what an act told
    amounts to, no act of its own: "وتأتي المناورات تأييدا من أنقرة للدوحة"، "وجاء القرار
    ردا على الهجوم"."""
    c, keys = x.clause, x.doc.keys
    if c.is_verb or not keys[c.t_first].endswith("ا") or keys[c.t_first][:2] == "ال" \
            or _ends_in_hamza(x.doc, c.t_first):
        return False
    return word_back(keys, c.t_first - 1, max(x.sent.a, c.t_first - 4),
                     x.lex.words.framing_verbs, "وف")


# Short vowels, tanween, shadda and sukun a written word may end with
_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0660))


def _ends_in_hamza(v: DocView, i: int) -> bool:
    """The word at ``i`` is written with a final hamza ("لقاء"، "إنشاء"، "استدعاء"): the
    key drops the hamza, and the alef before it is no accusative ending ("جاء ذلك خلال
    لقاء الوزيرين" tells a meeting, "جاء القرار ردا" does not)."""
    t = v.tokens[i]
    return v.text[t.start : t.end].rstrip(_HARAKAT).endswith("ء")


@only_for(pos="noun")
def forecast(x: Context) -> bool:
    """A verbal noun that is the subject of a verb in the future tells what will be, no
    happening: "وقال المتحدث إن هجمات الجماعة سوف تتصاعد"، "الاحتجاجات ستتواصل"."""
    c, keys, relatives = x.clause, x.doc.keys, x.lex.words.relatives
    if c.is_verb or not relatives.isdisjoint(keys[max(x.sent.a, c.t_first - 3) : c.t_first]):
        return False  # (in a relative clause: "المعتقلون الذين شملهم العفو سيفرج عنهم")
    # (the noun's genitive and a phrase may stand before the verb: "هجمات الحوثيين على السفن
    # سوف"; a relative clause tells of the noun, "الهجوم الذي شنوه سيؤدي إلى")
    for k in range(c.t_last + 1, min(c.t_last + 6, x.sent.b)):
        if keys[k] in CLAUSE_MARKS or keys[k] in relatives:
            return False
        if keys[k] == "سوف" or (_future_verb(keys[k]) and k not in x.doc.placed_first_set):
            return True
    return False


@only_for(pos="noun")
def under_a_future_verb(x: Context) -> bool:
    """A verbal noun told after a verb in the future within its clause, with no clause
    boundary between, is part of what will be done, however far the verb stands: "وستصل
    القافلة إلى البلدة بعد غد لاستكمال تسليم الشحنات"، "سيستقبل الرئيس ضيفه مساء الغد في
    اجتماع مغلق" (``forecast`` takes the noun that is the future verb's subject)."""
    c, keys, relatives = x.clause, x.doc.keys, x.lex.words.relatives
    if c.is_verb:
        return False
    # (a future verb right before the noun governs it: ``told_in_future`` and the role
    # rules read that one — "سيقدم استقالته" is a concession, future_retreat_concedes)
    for k in range(c.t_first - 1, max(x.sent.a, c.left, c.t_first - 12) - 1, -1):
        if keys[k] in CLAUSE_MARKS or keys[k] in relatives:
            return False
        bare = unprefix(keys[k], "وف")
        if k < c.t_first - 1 and (bare == "سوف" or (
                _future_verb(bare) and k not in x.doc.placed_first_set)):
            return True
    return False


def _future_verb(key: str) -> bool:
    """A verb of the third person in the future ("ستتواصل"، "سيؤدي"، "سيشاركون"), not a noun
    that opens alike ("ساعات"، "سنوات"، "سياسية"، "سياسيين"، "ستين")."""
    return key[:1] == "س" and key[1:2] in ("ي", "ت") and len(key) > 3 \
        and not key.endswith(("ه", "ين", "يه"))


@only_for(type="AGREE", pos="noun")
def known_agreement(x: Context) -> bool:
    """A definite agreement noun behind a preposition names an agreement already made (what
    is approved, left or kept to), no agreement reached: "انسحبت واشنطن من الاتفاق
    النووي"، "وافق المجلس على الاتفاق"، "تلتزم الحكومة بالاتفاقية" — unless a relative
    clause after it tells its making ("تنفيذا للبروتوكول الذي وقعه الرئيسان في القاهرة")."""
    c, keys = x.clause, x.doc.keys
    if c.is_verb or c.trigger.type != "AGREE" or c.t_first <= x.sent.a:
        return False
    if not x.lex.words.relatives.isdisjoint(keys[c.t_last + 1 : min(c.t_last + 5, x.sent.b)]):
        return False
    k = unprefix(keys[c.t_first], "و")
    # (an agreement's own noun, its article or a fused preposition before it: "التزام" is no
    # "ال" + noun)
    bare = next((k[n:] for n in (0, 1, 2, 3) if k[n:] in x.lex.words.document_nouns), None)
    if bare is None or bare == k:
        return False
    if k[:1] in ("ب", "ل"):
        return True  # "بالاتفاق"، "للاتفاق"، "انتهاكات متكررة لاتفاق وقف إطلاق النار"
    return keys[c.t_first - 1] in x.lex.words.prepositions  # "من الاتفاق"، "على الاتفاقية"


def told_as_habit(x: Context) -> bool:
    """A word of frequency before the trigger in its sentence tells a habit, no one
    happening: "ويعلن الحوثيون بين الحين والآخر شن هجمات على السفن"."""
    w = x.lex.words
    if x.sent.words.isdisjoint(w.first_words("frequency_frames")):
        return False
    keys, at, frames = x.doc.keys, x.clause.t_first, w.frequency_frames
    firsts = w.first_words("frequency_frames")
    for i in range(x.sent.a, at):
        if keys[i] not in firsts and unprefix(keys[i], "و") not in firsts:
            continue  # (most tokens: only a frame's first word can open one)
        for n in (1, 2, 3, 4):
            if i + n <= at and unprefix(" ".join(keys[i : i + n]), "و") in frames:
                return True
    return False


def names_a_document(x: Context) -> bool:
    """Cooperation or aid that names a document signed is its topic, no act of its own:
    "وقّع البلدان مذكرة تعاون عسكري" is an agreement (the signing is the event)."""
    c, keys = x.clause, x.doc.keys
    return c.trigger.type in DOCUMENT_TOPICS and c.t_first >= 1 \
        and unprefix(keys[c.t_first - 1], "وبل") in x.lex.words.document_nouns


@only_for(pos="noun")
def told_as_earlier(x: Context) -> bool:
    """A verbal noun qualified as earlier recalls the past, no news: "ويستند القرار إلى
    عقوبات سابقة على الشركة"، "الهجمات السابقة للجماعة"."""
    c = x.clause
    if c.is_verb or c.t_last + 1 >= len(x.doc.keys):
        return False
    return x.doc.keys[c.t_last + 1] in x.lex.words.earlier_words


def last_time_recalled(x: Context) -> bool:
    """An act told with "the last time" recalls when it last happened, no news: "وكان
    الوزيران قد التقيا آخر مرة في أيلول الماضي"."""
    c, keys = x.clause, x.doc.keys
    if x.sent.words.isdisjoint(x.lex.words.first_words("last_time")):
        return False  # (no phrase opens anywhere in the sentence: most sentences)
    after = keys[c.t_last + 1 : min(c.hi, x.sent.b)]
    last = x.lex.words.last_time
    return any(" ".join(after[i : i + 2]) in last for i in range(len(after) - 1))


def told_of_sport(x: Context) -> bool:
    """A sentence that reports a game tells play, not force or politics: "وهاجم الفريق
    مرمى منافسه في الشوط الثاني"، "وأوقف الاتحاد اللاعب مباراتين" (``sport_words``). An
    attack with a weapon (a mode: a bomb at a match) is still one."""
    if x.sent.words.isdisjoint(x.lex.words.sport_words):
        return False
    trig = x.clause.trigger
    return not (trig.type == "ASSAULT" and trig.mode)


def names_a_work(x: Context) -> bool:
    """A trigger word that opens a quoted title after a film, a book or a song names the
    work, no event: 'وعرض فيلم "الهجوم" في المهرجان'، 'صدر كتاب بعنوان "الحصار"'."""
    keys, at = x.doc.keys, x.clause.t_first
    works = x.lex.words.work_nouns
    if at >= 1 and unprefix(keys[at - 1], "وب") in works:
        return unprefix(keys[at - 1], "وب") in ("بعنوان", "عنوان")
    return at >= 2 and keys[at - 1] in OPENING_QUOTES and unprefix(keys[at - 2], "وب") in works


def nature_as_subject(x: Context) -> bool:
    """A verb of force whose subject, right after it, is a force of nature tells weather,
    no one's act: "وحاصرت الثلوج مئات السيارات"، "وداهمت السيول القرى" (``nature_words``)."""
    c, keys = x.clause, x.doc.keys
    return c.is_verb and c.t_last + 1 < len(keys) \
        and unprefix(keys[c.t_last + 1], "و") in x.lex.words.nature_words


@only_for(type="AGREE", pos="verb")
def agreed_in_view(x: Context) -> bool:
    """"اتفق" on a view is concurrence, no agreement: "واتفق الخبراء على أن الاقتصاد
    يتعافى"، "اتفقوا على أنه لا بديل عن الحل" (على أن with a noun or a pronoun after it), or
    a thing agreeing with a figure ("وتتفق هذه الأرقام مع التقديرات"). "اتفقا على أن تبدأ
    المفاوضات" (a verb after أن) is a decision, an agreement."""
    c, keys = x.clause, x.doc.keys
    if not c.is_verb or c.trigger.type != "AGREE" or "تفق" not in keys[c.t_first][:5]:
        return False
    if c.t_last + 1 < len(keys) and keys[c.t_last + 1] in x.lex.words.demonstratives:
        return True
    end = min(c.t_last + 10, x.sent.b - 1)
    at = next((k for k in range(c.t_last + 1, end) if keys[k] == "علي" and keys[k + 1]
               in ("ان", "انه", "انها", "انهم")), None)
    if at is None:
        return False
    if keys[at + 1] != "ان":
        return True
    nxt = keys[at + 2] if at + 2 < len(keys) else ""
    return nxt.startswith("ال") or nxt in x.lex.words.demonstratives


@only_for(type="SUPPORT", pos="verb")
def court_upholds_ruling(x: Context) -> bool:
    """A court that upholds a ruling follows its procedure, no backing of a party: "وأيدت
    محكمة الاستئناف الحكم الابتدائي بحق رجل الأعمال" (the verdict itself is SANCTION
    convict; a court's rejection of an appeal stays REJECT, the team battery's convention)."""
    c, keys, w = x.clause, x.doc.keys, x.lex.words
    if not c.is_verb or c.trigger.type != "SUPPORT" \
            or c.t_last + 1 >= len(keys) or keys[c.t_last + 1] not in w.court_words:
        return False
    # the ruling is the verb's object: within the right reach of any trigger, behind a long
    # court name and an aside ("أيدت محكمة النقض (أعلى محكمة في البلاد) أمس، الأحكام …")
    end = min(c.t_last + w.reach["right_reach"], x.sent.b)
    return any(unprefix(k, "و") in w.court_filings for k in keys[c.t_last + 2 : end])


@only_for(type="MOBILIZE", pos="verb")
def quoted_from(x: Context) -> bool:
    """"نقل" with "عن" after it quotes a source, no move of forces: "ونقل التلفزيون
    الرسمي عن مصدر عسكري أن …" — not "عن طريق" (by way of)."""
    c, keys = x.clause, x.doc.keys
    if not c.is_verb or c.trigger.type != "MOBILIZE" or "نقل" not in keys[c.t_first]:
        return False
    end = min(c.t_last + 7, x.sent.b - 1)
    return any(keys[k] == "عن" and keys[k + 1] != "طريق" for k in range(c.t_last + 1, end))


@only_for(pos="noun")
def standing_or_cause(x: Context) -> bool:
    """A verbal noun that a measure already stands on, or that is named as a cause, is
    background: "وتراقب البعثة حظر السلاح المفروض على البلاد"، "انتهاك وقف إطلاق النار"،
    "الخلاف الذي نشب بسبب اتهام الدوحة بدعم الجماعات"."""
    c, keys, w = x.clause, x.doc.keys, x.lex.words
    if c.is_verb or c.t_first < 1 or (c.trigger.type == "ACCUSE" and x.sent.prev_actors):
        # (a charge behind the subject's own reaction is its news: "سحبت الدول سفراءها
        # على خلفية اتهام هذه الأخيرة بإسقاط طائرة"; charge_behind_a_reaction)
        return False
    before = keys[c.t_first - 1]
    if unprefix(before, "وبل") in w.standing_cues:
        return True
    if c.trigger.type == "ASSAULT":
        # "أصيب مواطن من جراء الغارة على البلدة": the attack that caused the harm is the
        # news, not its background
        return False
    if unprefix(before, "و") in w.cause_words:
        return True
    # (the subject's own act "على خلفية" is its news: "استدعت غانا سفيرها على خلفية
    # اتهامها توغو بقصف قرية")
    return c.t_first >= 2 and " ".join(keys[c.t_first - 2 : c.t_first]) in w.cause_words \
        and not c.hit.pronoun


@only_for(pos="verb")
def standing_since(x: Context) -> bool:
    """A verb in the present with "منذ" after it in its clause tells a standing state, no
    happening: "نقيم علاقات مع البلدين منذ زمن بعيد"، "تنتشر القوات هناك منذ 2013"."""
    c, keys = x.clause, x.doc.keys
    if not c.is_verb or "منذ" not in x.sent.words:
        return False
    verb = unprefix(keys[c.t_first], "وف")
    if verb[:1] not in ("ي", "ت", "ن", "ا") or verb[:2] in ("ال", "ات", "ان", "اس", "ام"):
        return False  # (a past verb of the forms استقبل، اتفق، انسحب is no present)
    for i in range(c.t_last + 1, min(c.t_last + 8, x.sent.b)):
        if keys[i] in CLAUSE_MARKS:
            return False
        if keys[i] == "منذ":
            return True
    return False


@only_for(type="MOBILIZE", pos="verb")
def standing_where(x: Context) -> bool:
    """A deployment in the present with a pronoun for the place after it is a relative
    clause telling who is stationed there, no happening: "قواعد عسكرية تتمركز فيها قوات
    أجنبية"، "القاعدة التي تنتشر بها القوات الفرنسية"."""
    c, keys = x.clause, x.doc.keys
    if not c.is_verb or c.trigger.type != "MOBILIZE" or c.t_last + 1 >= len(keys):
        return False
    verb = unprefix(keys[c.t_first], "و")
    return verb[:1] in ("ي", "ت") and keys[c.t_last + 1] in x.lex.words.place_pronouns


def aimed_by_a_measure(x: Context) -> bool:
    """"يستهدف" right after a sanction told in its sentence, past a comma or an adjective,
    has the sanction for its subject: "فرضت واشنطن عقوبات جديدة على طهران، تستهدف خمسة
    مسؤولين" names whom the sanctions hit, no attack."""
    c, v = x.clause, x.doc
    verb = v.keys[c.t_first]
    # (joined on with و it starts a clause of its own: "وفرضت عقوبات، واستهدفت طائرات …")
    if not c.is_verb or c.trigger.type != "ASSAULT" or verb[:1] in "وف" \
            or not verb.lstrip("يت").startswith(("ستهدف", "استهدف")):
        return False
    sanctions = [v.token_at(ev.trigger.start) for ev in x.sent.events
                 if ev.type == "SANCTION" and ev.trigger is not None]
    return any(0 < c.t_first - t <= x.lex.words.reach["measure_reach"] for t in sanctions)


@only_for(pos="noun")
def counted_again(x: Context) -> bool:
    """A count of the acts its sentence already told is no new one: "شنت الطائرات غارات
    على المدينة، وبلغت قرابة أربعين غارة"."""
    c, v = x.clause, x.doc
    if c.is_verb or c.t_first < 1 or v.keys[c.t_first - 1] not in x.lex.words.count_words:
        return False
    # the act told before a comma or a verb of totalling ("وبلغت"): "أرسل الهلال الأحمر
    # عشرات الشاحنات" is one act with its count
    told = [v.token_at(ev.trigger.start) for ev in x.sent.events
            if ev.type == c.trigger.type and ev.trigger is not None]
    verbs = x.lex.words.count_verbs
    return any(k in ("،", ",") or unprefix(k, "و") in verbs
               for t in told for k in v.keys[t + 1 : c.t_first])


@only_for(pos="noun")
def negated_noun(x: Context) -> bool:
    """A verbal noun after a word of failure or absence, or the object of a negated verb,
    did not (or is not said to have) happened: "بعد فشل اتفاق بين الطرفين"، "عدم انسحاب
    القوات"، "ولم تؤكد الحكومة رسميا انتشار القوات الروسية"."""
    v, c = x.doc, x.clause
    if c.is_verb:
        return False
    keys, at, w = v.keys, c.t_first, x.lex.words
    if at >= 1 and unprefix(keys[at - 1], "وبل") in w.failure_words:
        return True
    for i in range(at - 2, max(c.left, x.sent.a, at - 4) - 1, -1):
        if keys[i] in CLAUSE_MARKS or keys[i + 1] in CLAUSE_MARKS:
            return False
        if unprefix(keys[i], "و") in w.noun_negations and keys[i + 1] not in w.not_negating:
            return True
    return False


@only_for(type="AGREE", pos="verb")
def accepts_a_resignation(x: Context) -> bool:
    """"وافق مجلس النواب على استقالة الحكومة"، "قبل الرئيس استقالة وزير الدفاع": accepting
    a resignation is part of the resignation (the one who accepts is its target), no
    agreement of its own."""
    c = x.clause
    if c.trigger.type != "AGREE" or not c.is_verb:
        return False
    nxt = next((h for h in x.sent.hits if x.sent.a + h.first_token > c.t_last), None)
    return nxt is not None and nxt.trigger.mode == "resign" and nxt.trigger.pos == "noun" \
        and x.sent.a + nxt.first_token - c.t_last <= x.lex.words.reach["object_reach"]


@only_for(pos="verb", roles="main_subject")
def passive_participle(x: Context) -> bool:
    """A participle of accusing right before what the charge is ("وكان الوزير السابق متهما
    بالفساد"، "متهمين في القضية") is the passive: the one accused, by no one told. The
    active participle names the accused first ("، متهما الحكومة بالفساد"). After a number
    a participle counts people ("محاكمة 39 متهما")."""
    c, keys = x.clause, x.doc.keys
    if c.trigger.roles != "main_subject" or not c.is_verb:
        return False
    prev = keys[c.t_first - 1] if c.t_first > 0 else ""
    if prev.isdigit() or prev in x.lex.words.count_words:
        return True  # "إعادة محاكمة 39 متهما": a count of people, no act
    if c.trigger.type != "ACCUSE" or c.trigger.mode != "allege" or c.t_last + 1 >= len(keys):
        return False
    nxt = keys[c.t_last + 1]
    return nxt == "في" or (nxt[:1] == "ب" and len(nxt) > 3)


GATES: tuple[Callable[[Context], bool], ...] = (
    refers_back, negated, negated_modal, demanded, warned_against, planned, meeting_to_come,
    told_in_future, may_happen,
    content_of, told_of_sport, names_a_work, nature_as_subject, agreed_in_view,
    court_upholds_ruling, quoted_from,
    framed_background, vehicle_named_by_cargo, topic_of_another, companion_of_a_visit,
    meeting_characterised, meeting_talked_of, ceremony_of_a_meeting,
    told_as_habit, told_as_earlier, last_time_recalled, standing_or_cause, standing_since,
    standing_where, aimed_by_a_measure,
    counted_again, negated_noun, names_a_document, accepts_a_resignation, passive_participle,
    scheduled, known_agreement, framed_as, forecast, under_a_future_verb, own_act_quoted)
# GATES with, per trigger, those it meets (less the gates marked for other triggers,
# which would let it pass at once)
GATE_TABLE = RuleTable(GATES)


def nobody_takes_part(r: Roles, x: Context) -> bool:
    """No actor and no target: "وتصاعدت حدة التوتر" names nobody. A protest or an attack
    whose place is named is still one ("خرجت مظاهرات في مدينة إربد"، "انفجرت عبوة في
    سوق بغداد"): the perpetrator is often unknown (actors: [])."""
    if r.actors or r.targets:
        return False
    return r.location is None or x.clause.trigger.type not in UNCLAIMED_TYPES


def stance_without_holder(r: Roles, x: Context) -> bool:
    """A stance of backing or threat that names nobody holding it is no event: "وأعرب
    الحاضرون عن الشكر للمملكة"، "وأشاد البيان بجهود الحكومة" — praise, thanks or a threat is
    news for who voices it; only attacks and protests are told without their author
    (``UNCLAIMED_TYPES``). Only a lone definite noun holds no one ("الحاضرون"، "البيان"):
    a holder named in construct or by nationality ("ورحب قادة دول الخليج"، "وأشاد مسؤولون
    أمريكيون") is someone the rules may yet name."""
    if r.actors or x.clause.trigger.type not in HELD_STANCES:
        return False
    v, c = x.doc, x.clause
    subject = v.keys[c.t_last + 1 : min(c.t_last + 5, c.hi, x.sent.b)]
    if not subject or not subject[0].startswith("ال"):
        return False
    return not any(nisba_country(k, v.kb.demonyms, accusative=False) for k in subject)


def companies_only(r: Roles, x: Context) -> bool:
    """A deal, a partnership or a freeze whose every side is a company named as one is
    commerce, no political event: "واتفقت شركة أرامكو مع شركة توتال على بناء مصفاة"، "وجمدت
    شركة فيسبوك حساب الفنان" — with a state or a body among the sides it is one ("وقع العراق
    مع شركة شيفرون اتفاقية")."""
    sides = (*r.actors, *r.targets)
    if x.clause.trigger.type not in COMMERCE_TYPES or not sides:
        return False
    return all(_named_a_company(x, e) for e in sides)


def _named_a_company(x: Context, eid: str) -> bool:
    """Whether a mention of ``eid`` in the sentence opens with, or follows, "شركة"."""
    v, words = x.doc, x.lex.words.company_words
    return any(pm.entity_id == eid and (unprefix(v.keys[pm.first], "ول") in words
                                        or unprefix(v.prev_key(pm.first), "ول") in words)
               for pm in v.placed_in(x.sent.a, x.sent.b))


def meeting_without_two_sides(r: Roles, x: Context) -> bool:
    """A meeting needs two sides, a visit a place: "وتأتي زيارة حفتر في ظل …" (no place)،
    "لقاء لافت في الكرملين يجدد حضور روسيا في ليبيا" (one side) — but a council's own
    session is a meeting ("الاجتماع الطارئ لمجلس الأمن"، "وعقد المجلس الوطني اجتماعه")."""
    trig = x.clause.trigger
    if trig.type == "CONSULT" and trig.mode == "visit" and not r.actors \
            and all(x.doc.etype.get(i) in ("GPE", "LOC", "FAC") for i in r.targets):
        return True  # "المعدات التي وصلت إلى النيجر": a visit names its visitor
    return trig.type == "CONSULT" and len(r.actors) + len(r.targets) < 2 \
        and (r.location is None or trig.mode != "visit") and r.basis != BODY_MEETING \
        and not _own_session(r, x)


def _own_session(r: Roles, x: Context) -> bool:
    """A meeting noun whose pronoun stands for the one body named: "وبدأ البرلمان
    اجتماعاته"، "عقد مجلس الأمن اجتماعه الطارئ"."""
    c = x.clause
    sides = (*r.actors, *r.targets)
    return not c.is_verb and c.trigger.mode != "visit" and c.hit.pronoun in ("ه", "ها", "هم") \
        and len(sides) == 1 and x.doc.etype.get(sides[0]) == "ORG"


AFTER_ROLES: tuple[Callable[[Roles, Context], bool], ...] = (
    nobody_takes_part, stance_without_holder, companies_only, meeting_without_two_sides)


def _asked_for(hit: TriggerHit, nxt: TriggerHit, v: DocView, a: int) -> bool:
    """What a demand asks for: behind إلى or ب ("دعا إلى انسحاب القوات"، "طالب بالإفراج
    عن"), or the object of طلب ("طلبت الحكومة مساعدات إنسانية من الأمم المتحدة") — not a
    subject ("دعا اتفاق الرياض إلى …")."""
    if hit.trigger.type != "REQUEST" or hit.trigger.pos != "verb":
        return False
    first = a + nxt.first_token
    lead = match_key(v.text[v.tokens[first].start : nxt.start])
    return v.prev_key(first) == "الي" or lead.lstrip("و").startswith("ب") or (
        "طلب" in unprefix(v.keys[a + hit.first_token], "وف"))


def blocked_noun(hits: list[TriggerHit], h_i: int, v: DocView, a: int, reach: int,
                 frames: frozenset[str] = frozenset(),
                 documents: frozenset[str] = frozenset()) -> bool:
    """A blocking or demanding verb's object noun is what was blocked or asked for, no event
    of its own: "منعت قوات الدعم السريع قافلة إغاثة" (the noun's names are the verb's
    target), "طلبت الحكومة مساعدات من الأمم المتحدة"; so is the agreement a sanction ends
    ("ألغى المجلس اتفاقية التعاون العسكري بين نيامي وواشنطن"). A noun behind a time word
    (``frames``) is when, not what: "نفى الرئيس، خلال اجتماعه بالوزيرة، …" tells the
    meeting too."""
    hit = hits[h_i]
    if h_i + 1 >= len(hits) or hits[h_i + 1].trigger.pos != "noun":
        return False
    nxt = hits[h_i + 1]
    at = a + nxt.first_token
    if at > 0 and unprefix(v.keys[at - 1], "و") in frames:
        return False
    # (the noun that fixes a verb's sense is its object: "وجهت موسكو انتقادات حادة إلى
    # واشنطن"، "وجه الجيش تحذيرا إلى الحركة")
    object_noun = hit.trigger.pos == "verb" and unprefix(
        v.keys[a + nxt.first_token], "و") in hit.trigger.requires
    # ("رفض البرهان دعوة الولايات المتحدة": a refusal, verb or noun, of a call or a demand)
    blocks = (hit.trigger.type in BLOCKING and (hit.trigger.pos == "verb" or (
        hit.trigger.type == "REJECT" and nxt.trigger.type == "REQUEST"))) or _asked_for(
        hit, nxt, v, a) or object_noun or (
        # "ألغى المجلس اتفاقية التعاون"، "انتهاء اتفاقية الدفاع": what a sanction ends
        hit.trigger.type == "SANCTION" and nxt.trigger.type in ("AGREE", "COOPERATE")) or (
        # "اتفاقية تعاون عسكري بين تونس والجزائر": the cooperation names the document, and
        # the sides after it are the agreement's
        hit.trigger.pos == "noun" and nxt.trigger.type in DOCUMENT_TOPICS and at > 0
        and unprefix(v.keys[at - 1], "وبل") in documents)
    return blocks and v.word_index[a + nxt.first_token] \
        - v.word_index[a + hit.last_token] <= reach
