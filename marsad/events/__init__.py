"""PLOVER events from Arabic clauses: trigger, participants, place, date, source, certainty.

Per sentence:
1. Triggers from the lexicon (triggers.py) cut the sentence into clauses: a trigger's clause
   runs from the previous trigger to the next one.
2. Participants are the PER/ORG/GPE mentions of the clause. For a verb the subject is the
   first one right after it (Arabic verb-subject-object order) or, failing that, the nearest
   one right before it (subject-verb order, "وكان حفتر التقى"); the others are objects.
   Role schemes in the lexicon say which is the actor: the host of استقبل is the target.
   Nouns (زيارة حفتر إلى موسكو، لقاء بوتين وحفتر) take their first participant as actor.
3. Place: a place mention after في / ب / إلى in the clause (a visit defaults to where it went).
4. Date: the resolved date expression of the sentence nearest to the trigger.
5. Source: "وفق X"، "حسب X" or a verb of saying with X as subject; a back-reference
   ("وأضاف التقرير") carries the last source on. Certainty follows the cues before the
   trigger; a negated verb is not coded.
Events that are the same within the article (same type and participants, compatible date)
become one event with several pieces of evidence.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from ..doc import DateValue, Doc, Event, Mention, Span, Token
from ..text.filing import past_filing
from ..text.normalize import is_nisba, match_key
from .triggers import PhraseSet, TriggerHit, TriggerIndex, cue_lists

_PARTICIPANT_TYPES = ("PER", "ORG", "GPE")
_PLACE_TYPES = ("GPE", "LOC", "FAC")
_LOC_PREPS = tuple(match_key(w) for w in (
    "في", "داخل", "بالعاصمه", "العاصمه", "مدينه", "بمدينه", "ميناء", "قاعده", "منطقه",
    "بمنطقه", "محافظه", "بمحافظه", "ولايه", "بولايه", "اقليم", "باقليم", "بلده", "ببلده",
    # compass words make a region of the place: "في شمال النيجر"
    "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"))
# "بلاده" (his country) as the subject of a reported pledge stands for the speaker's side
_SPEAKER_SIDE = ("بلاده", "بلادها", "حكومته", "حكومتها", "دولته")
_TO_PREPS = ("الي", "نحو")
# Nouns that take a place as their name: "إعلان جدة"، "اتفاق الدوحة"، "مؤتمر برلين"
_NAMED_AFTER_PLACE = frozenset(match_key(w) for w in (
    "إعلان", "الإعلان", "اتفاق", "اتفاقية", "معاهدة", "مؤتمر", "قمة", "منتدى", "مسار",
    "عملية", "ميثاق", "بروتوكول"))
# Words that tie a meeting to the visit told just before it in the sentence ("حيث التقى")
_VISIT_LINKS = frozenset(match_key(w) for w in ("حيث", "وحيث", "هناك", "وهناك"))
# Nouns of topics: a place after "X في" is what is talked about ("الأوضاع في السودان")
_TOPIC_NOUNS = frozenset(match_key(w) for w in (
    "الوضع", "الأوضاع", "التطورات", "المستجدات", "الأزمة", "الملف", "القضية", "الحرب",
    "الصراع", "النزاع", "الاستقرار", "الأمن", "السلام", "التسوية", "الأحداث"))
_MOVING_TYPES = frozenset({"CONSULT", "MOBILIZE", "AID", "RETREAT"})
# People nouns whose "في X" names their country, not where the event happened ("علاقات مع
# قادة الانقلاب في مالي"): X takes part
_LEADER_NOUNS = frozenset(match_key(w) for w in (
    "قادة", "زعماء", "حكام", "مسؤولي", "مسؤولين", "رؤساء", "حكومات", "سلطات", "السلطات",
    "القادة"))
_VENUE_WORDS = ("مقر", "بمقر", "ومقر")
_MATERIAL_TYPES = ("MOBILIZE", "AID", "ASSAULT", "PROTEST")
# Dual nouns that stand for the two sides last named together: "وأكد الجانبان"، "اتفق البلدان"
_DUAL_SIDES = frozenset(match_key(w) for w in (
    "الجانبان", "الطرفان", "البلدان", "الرئيسان", "الوزيران", "الزعيمان", "الجانبين", "الطرفين",
    "البلدين", "الرئيسين", "الوزيرين", "الزعيمين", "الدولتان", "الحكومتان", "الحكومتين",
    "الدولتين", "الرجلان", "الرجلين", "القائدان", "القائدين", "المسؤولان", "المسؤولين"))
# How far after "وفق"/"قال" the source may be named ("وفق منشور للصفحة الرسمية للقيادة…")
_SOURCE_REACH = 6
# Nouns of statements: a date right after one dates the statement, not the event it reports
# ("أفاد الكرملين في بيان الأحد بلقاء بوتين وحفتر")
_STATEMENT_NOUNS = frozenset(match_key(w) for w in (
    "بيان", "منشور", "تصريح", "تصريحات", "مقابله", "تقرير", "تغريده", "مؤتمر", "رساله", "كلمه",
    "خطاب"))
_MEMBER_NOUNS = frozenset(match_key(w) for w in (
    "مسلحون", "مسلحين", "عناصر", "مقاتلون", "مقاتلين", "افراد", "جنود", "ضباط", "اعضاء", "انصار",
    "مسلحو", "عناصرا", "وحدات", "قوات", "مرتزقه", "مستشارين", "مدربين", "خبراء"))
# Prepositions of time before a verbal noun: "بعد زوال فاغنر"، "قبل وصول الوفد" tell
# another happening, whose participants are not this event's
_TIME_PREPS = frozenset(match_key(w) for w in (
    "بعد", "قبل", "عقب", "اثر", "منذ", "غداه", "اثناء", "خلال"))
# Types whose modes tell different acts apart (an expulsion and a recall); other types'
# modes are sectors or manners of one act and do not keep two reports of it apart
_MODED_TYPES = frozenset({"SANCTION", "COERCE", "RETREAT", "THREATEN"})
_MEMBER_REACH = 6  # words from a verb to "أنصار X" / "عناصر X" standing as its subject
_BLOCKERS = frozenset({"في", "الي", "من", "علي", "عن", "مع", "ان", "الذي", "التي", "،", ","})
_NON_PARTICIPANT_PREPS = ("من", "عبر", "منذ", "عن", "حول", "بشان", "تجاه", "نحو",
                          # a mediator or sponsor is a third party, not a side
                          "برعايه", "بوساطه", "رعايه", "وساطه")
_STATE_DUALS = frozenset(match_key(w) for w in ("البلدان", "البلدين", "الدولتان", "الدولتين"))
# How many tokens after a movement trigger a place with a fused ل is its destination
# ("زيارة حفتر لروسيا"، "وصلت قوات روسية لمالي"); further on, ل is a genitive.
_TO_REACH = 3
_COMPLEMENTISERS = frozenset({"ان", "بان", "انه", "انها", "بانه", "بانها", "انهم"})
# How far (in word tokens) a trigger reaches for its participants: Arabic news puts the
# subject within a few words of the verb, and the object after it, sometimes behind a long
# title ("رئيس المجلس العسكري في بوركينا فاسو، إبراهيم تراوري"). Measured on the seeds and
# the demo corpus: right reach 12 → 16 raised relaxed event F1 on the seeds 0.389 → 0.403
# at equal demo F1; 20 and 25 added spurious participants.
_LEFT_REACH = 6
_TITLE_SPAN = 10  # tokens from an office in a title to the person holding it
_LIGHT_REACH = 30  # tokens: a light verb may stand before its noun behind a relative clause
_RIGHT_REACH = 16
# Words after which a subject comes before its verb: "وكان حفتر التقى"، "أن روسيا نشرت".
_SVO_CUES = ("كان", "وكان", "فكان", "كانت", "وكانت", "يكون", "تكون", "ان", "بان", "وان",
             "لان", "قد", "وقد", "بينما", "فيما",
             "حيث", "كما", "ثم", "لكن", "ولكن")


@dataclass
class _M:
    """A mention placed on the sentence's token grid."""

    mention: Mention
    entity_id: str
    first: int  # token index (absolute)
    last: int


def extract_events(doc: Doc, triggers: TriggerIndex, *,
                   capitals: dict[str, str] | None = None,
                   demonyms: dict[str, str] | None = None,
                   reporters: frozenset[str] = frozenset(),
                   nationals: dict[str, str] | None = None) -> list[Event]:
    """Events of one document.

    ``capitals`` maps a capital's kb key to its country's, so that a capital acting as a
    state ("موسكو نقلت", a visit "إلى موسكو") takes the part of the state when the document
    names the state too. ``demonyms`` maps a nisba (روسي، أمريكية) to its country's key: a
    deployment or attack with no named actor ("وصل مدربون عسكريون روس") is the country's.
    ``reporters`` are the kb keys of media and think tanks: never an event's actors (an
    outlet named near a trigger is where the news comes from). ``nationals`` maps a
    person's kb key to the kb key of the country the person serves.
    """
    nationals = nationals or {}
    text = doc.text
    tokens = doc.tokens
    cues = cue_lists()
    keys_all = list(doc.token_keys) if len(doc.token_keys) == len(tokens) else [
        match_key(text[t.start : t.end]) for t in tokens]
    ent_of: dict[tuple[int, int], str] = {}
    for e in doc.entities:
        for m in e.mentions:
            ent_of[(m.start, m.end)] = e.id
    tok_starts = doc.token_starts()
    placed: list[_M] = []
    for m in doc.mentions:  # sorted by start
        eid = ent_of.get((m.start, m.end))
        if eid is None:
            continue
        first = bisect.bisect_right(tok_starts, m.start) - 1
        last = bisect.bisect_left(tok_starts, m.end) - 1
        placed.append(_M(m, eid, max(first, 0), max(last, 0)))
    placed_firsts = [pm.first for pm in placed]
    etype = {e.id: e.type for e in doc.entities}
    by_kb = {e.kb_id: e.id for e in doc.entities if e.kb_id}
    reporting = {e.id for e in doc.entities if e.kb_id in reporters}
    state_of: dict[str, str] = {}
    for e in doc.entities:
        country = (capitals or {}).get(e.kb_id or "")
        if country and country in by_kb:
            state_of[e.id] = by_kb[country]
    # a person's country, where the document names both (for pledges made for it)
    nation_of = {e.id: by_kb[nationals[e.kb_id]] for e in doc.entities
                 if e.kb_id in nationals and nationals[e.kb_id] in by_kb}
    word_index = _word_positions(tokens)
    name_ends = {pm.last for pm in placed}  # where a relative clause may hang on a name
    date_starts = [d.start for d in doc.dates]

    events: list[Event] = []
    apart: set[tuple[int, int]] = set()  # triggers told as concurrent with another event
    background: list[bool] = []  # per event: told as the cause of another
    last_sources: tuple[str, ...] = ()
    last_actor: str | None = None  # for pronouns that refer back across sentences
    last_pair: tuple[str, ...] = ()  # the two sides last named together, for "الجانبان"
    # a filing-place dateline ("موسكو - التقى …") is read as if absent: no trigger, nisba or
    # place is taken from it
    for sent, (a, b) in zip(doc.sentences, past_filing(doc), strict=True):
        if a >= b:
            continue
        keys = keys_all[a:b]
        hits = triggers.find(text, tokens[a:b], keys)
        if not hits and cues["attribution_openers"].isdisjoint(keys):
            continue  # no event and no source cited: nothing here changes what follows
        lo_m, hi_m = bisect.bisect_left(placed_firsts, a), bisect.bisect_left(placed_firsts, b)
        sent_ms = _absorb_titles(placed[lo_m:hi_m], etype, keys_all, cues["titles"])
        cited = _sources(keys, a, sent_ms, etype, cues["attribution"], last_sources)
        sentence_sources = tuple(_uniq(c.entity_id for c in cited))
        if sentence_sources:
            last_sources = sentence_sources
        source_ms = {c.token for c in cited if c.token is not None}
        d_lo, d_hi = bisect.bisect_left(date_starts, sent.start), bisect.bisect_left(
            date_starts, sent.end)
        dates: list[DateValue] = []
        statement_dates: list[DateValue] = []
        for d in doc.dates[d_lo:d_hi]:
            if not d.first or _opens_period(keys_all, tok_starts, d):
                continue
            # a date right after "في بيان"/"في منشور" dates the statement; it dates the
            # event only when nothing else does (a same-day report of a meeting)
            (statement_dates if _dates_statement(keys_all, tok_starts, d) else dates).append(d)
        prev_actors: tuple[str, ...] = ()
        consumed: set[int] = set()  # tokens of event nouns that only refer back
        made: set[int] = set()  # first tokens of the triggers that made an event
        sent_events: list[Event] = []
        # where the sentence denies or hedges (found once; a trigger after one is affected)
        story_at = [(a + f, a + z) for f, z in cues["story_dates"].positions(keys)]
        hedges = (cues["certainty"]["denied"].positions(keys),
                  cues["certainty"]["uncertain"].positions(keys))
        for h_i, hit in enumerate(hits):
            if a + hit.first_token in consumed:
                continue
            if _refers_back(hit, keys_all, a, events, placed_firsts, demonyms):
                consumed.add(a + hit.first_token)
                continue  # "تنديدا بالغارات"، "المسؤولية عن القصف": an attack told before
            # the clause begins after the last trigger that made an event of its own (a noun
            # that only referred back, "خلال اللقاء", does not cut it)
            live = next((h for h in reversed(hits[:h_i]) if a + h.first_token in made), None)
            left = a + (live.last_token + 1 if live is not None else 0)
            right = a + (hits[h_i + 1].first_token if h_i + 1 < len(hits) else b - a)
            t_first, t_last = a + hit.first_token, a + hit.last_token
            if hit.trigger.type in _BLOCKING and hit.trigger.pos == "verb" \
                    and h_i + 1 < len(hits) and hits[h_i + 1].trigger.pos == "noun" \
                    and word_index[a + hits[h_i + 1].first_token] - word_index[t_last] \
                    <= _OBJECT_NOUN_REACH:
                # "منعت قوات الدعم السريع قافلة إغاثة تابعة لبرنامج الأغذية": the noun is
                # what was blocked, no event of its own; whoever it names is the target
                consumed.add(a + hits[h_i + 1].first_token)
                right = a + (hits[h_i + 2].first_token if h_i + 2 < len(hits) else b - a)
            if _negated(keys_all, t_first, left, cues["certainty"]["negation"], hit):
                continue
            if _demanded(keys_all, t_first, left, cues["certainty"]["demanded"]):
                continue  # "مطالبين بطرد السفير التركي": asked for, not done
            lo = max(left, _word_offset(word_index, t_first, -_LEFT_REACH))
            hi = min(right, _word_offset(word_index, t_last, _RIGHT_REACH) + 1)
            antecedent = None
            if hit.pronoun and hit.trigger.pos == "verb" and sent_events \
                    and hit.trigger.roles == "subject_actor" \
                    and sent_events[-1].targets and keys_all[t_first][:1] == "و":
                # "اتهم بوريل طهران بتزويد موسكو بصواريخ، ودعاها إلى …": a verb joined on
                # goes on with the same subject, and its pronoun with the same object
                antecedent = sent_events[-1].targets[0]
            elif hit.pronoun:
                antecedent = _antecedent(sent_ms, t_first, lo, etype, hit.pronoun) or (
                    last_actor if hit.pronoun == "ه" else None)
                if antecedent is not None and hit.trigger.mode == "visit" and nation_of.get(
                        antecedent) is not None:
                    # "حصول حفتر على دعم من لوكاشينكو خلال زيارته إلى بيلاروسيا": nobody
                    # visits his own country; "his" is the one named before, from elsewhere
                    home = nation_of[antecedent]
                    goes = {state_of.get(pm.entity_id, pm.entity_id) for pm in sent_ms
                            if t_last < pm.first < b and etype[pm.entity_id] == "GPE"}
                    if home in goes:
                        antecedent = next((pm.entity_id for pm in reversed(sent_ms)
                                           if pm.first < t_first and etype[pm.entity_id] == "PER"
                                           and nation_of.get(pm.entity_id) != home), antecedent)
            speaker = next((pm for c in cited if not c.scope_all and c.cue_token < t_first
                            for pm in sent_ms if pm.first == c.token), None)
            # a verb of saying that is itself the trigger ("أعلنت الحكومة وقفا لإطلاق
            # النار") has its subject as the actor, not as a source
            own_cue = {c.token for c in cited if c.cue_token == t_first}
            hit_sources = source_ms - own_cue if own_cue else source_ms
            ev = _build(hit, t_first, t_last, lo, hi, left, sent_ms, hit_sources, etype,
                        keys_all, text, tok_starts, cues["light_verbs"], antecedent, speaker,
                        right, last_actor)
            if ev is None and len(last_pair) >= 2 and hit.trigger.pos == "verb" \
                    and t_last + 1 < len(keys_all) and keys_all[t_last + 1] in _DUAL_SIDES:
                ev = ((), (), None)  # "ووقّع الجانبان … مذكرات التفاهم": only the two sides
            if ev is None:
                continue
            actors, targets, location = ev
            if len(last_pair) >= 2 and hit.trigger.pos == "noun" and any(
                    k in _DUAL_SIDES for k in keys_all[t_last + 1 : min(t_last + 3, hi)]):
                # "لقاء جمع الرجلين"، "اجتماع الجانبين": the two sides named last met
                actors, targets = last_pair[:1], last_pair[1:]
            elif len(last_pair) >= 2 and not targets and len(actors) < 2 and any(
                    k in _DUAL_SIDES for k in keys_all[t_last + 2 : min(b, t_last
                                                                       + _RIGHT_REACH)]):
                # (with two subjects already, "بين البلدين" is about them)
                # "رحّب أبو الغيط بتوقيع الطرفين": the two sides are the targets
                targets = tuple(i for i in last_pair if i not in actors)
            if t_last + 1 < len(keys_all) and keys_all[t_last + 1] in _DUAL_SIDES \
                    and hit.trigger.pos == "verb" and len(last_pair) >= 2:
                # "وأكد الجانبان"، "دعا الرئيسان إسرائيل": both sides act; named objects
                # other than them remain the targets ("البلدان": the leaders' states)
                pair = tuple(_uniq(nation_of.get(i, i) for i in last_pair)) \
                    if keys_all[t_last + 1] in _STATE_DUALS else last_pair
                targets = tuple(i for i in (*actors, *targets) if i not in pair)
                actors = pair
            if prev_actors and _purpose(text, tokens[t_first], hit):
                # "زار يفكيروف الشرق الليبي للقاء حفتر": the purpose noun's subject is the
                # main verb's; its own participants are whom it is done with
                targets = tuple(i for i in (*actors, *targets) if i not in prev_actors)
                actors = prev_actors
            actors = tuple(_uniq(state_of.get(i, i) for i in actors))
            targets = tuple(_uniq(state_of.get(i, i) for i in targets if
                                  state_of.get(i, i) not in actors))
            if prev_actors and hit.trigger.type == "CONSULT" and hit.trigger.pos == "verb" \
                    and t_first > a and keys_all[t_first - 1] in _VISIT_LINKS \
                    and actors and set(actors) != set(prev_actors):
                # "بعد زيارتين قام بهما لافروف إلى غينيا، حيث التقى الرئيس الانتقالي مامادي
                # دومبويا": the visitor met the one named after the verb
                targets = tuple(_uniq(i for i in (*actors, *targets) if i not in prev_actors))
                actors = prev_actors
            if prev_actors and hit.trigger.pos == "verb" and hit.trigger.roles == \
                    "subject_actor" and t_first > a and keys_all[t_first - 1] in ("،", ",") \
                    and keys_all[t_first][:1] == "و" and actors and actors != prev_actors \
                    and all(etype[i] != "PER" for i in actors):
                # "رحّب ميقاتي بالاتفاق، وشكر الولايات المتحدة وفرنسا": a verb joined on
                # after a comma goes on with the same subject; what follows is its object
                targets = tuple(_uniq(i for i in (*actors, *targets) if i not in prev_actors))
                actors = prev_actors
            if not actors and speaker is not None and 0 < t_first - speaker.last <= 2:
                # "أعلن رئيس الوزراء عادل عبد المهدي فرض حظر للتجول": the act announced
                # right after its announcer is the announcer's
                actors = (speaker.entity_id,)
                targets = tuple(i for i in targets if i != speaker.entity_id)
            if hit.trigger.roles == "main_subject":
                # "أكد بزشكيان …، مشيدا بموقف موسكو": the participle's subject is the main
                # clause's (the speaker's); what it names is the target
                main = (speaker.entity_id,) if speaker is not None else prev_actors
                if main:
                    targets = tuple(_uniq(i for i in (*actors, *targets) if i not in main))
                    actors = main
            if not actors and prev_actors and hit.trigger.pos == "verb" \
                    and hit.trigger.roles == "subject_actor":
                # a dropped subject ("في زيارة التقى خلالها …") is the last one named in
                # the sentence
                actors = prev_actors
                targets = tuple(t for t in targets if t not in actors)
            concurrent = any(k in _CONCURRENT_CUES for k in keys_all[max(t_first - 2, a)
                                                                    : t_first])
            if concurrent:
                apart.add((hit.start, hit.end))
            if not actors and prev_actors and hit.trigger.pos == "noun" and not concurrent \
                    and any(
                    e.type == hit.trigger.type and set(e.actors) == set(prev_actors)
                    and e.evidence[0].start == sent.start for e in events[-3:]):
                # "وصل الشرع إلى الرياض، في أول زيارة خارجية": the noun retells the
                # sentence's own event; it takes its subject and then merges with it
                actors = prev_actors
                targets = tuple(t for t in targets if t not in actors)
            if not actors and hit.trigger.type in _MATERIAL_TYPES and demonyms:
                actors = _demonym_actor(keys_all, lo, hi, demonyms, by_kb)
                targets = tuple(t for t in targets if t not in actors)
            if not targets and hit.trigger.type in _NISBA_TARGET_TYPES and demonyms:
                # "بطرد 12 دبلوماسيا جزائريا"، "على سفن حربية أمريكية وبريطانية": the
                # people or things acted on are the country's
                targets = tuple(t for t in _demonym_targets(
                    keys_all, t_last + 1,
                    min(hi, _word_offset(word_index, t_last, _NISBA_REACH) + 1), demonyms,
                    by_kb) if t not in actors)
                on = next((k for k in range(t_last + 1, hi) if keys_all[k] == "علي"), None)
                if not targets and on is not None:
                    # "هجوم الحوثيين، مساء الثلاثاء، بطائرات مسيّرة وصواريخ على سفن حربية
                    # أمريكية": what the attack was on, however far the means push it
                    targets = tuple(t for t in _demonym_targets(
                        keys_all, on + 1, min(hi, _word_offset(word_index, on, 4) + 1),
                        demonyms, by_kb) if t not in actors)
            if hit.pronoun == "هما" or (len(actors) == 1 and hit.trigger.pos == "verb"
                                        and _dual_verb(keys_all[t_first], triggers)):
                # "اجتماعهما"، "توصلا لاتفاق": two sides, the last two named before
                pair = _last_two(sent_ms, t_first, etype, source_ms, actors) or last_pair
                if len(pair) >= 2:
                    actors, targets = (pair[0],), tuple(i for i in (*pair[1:], *targets)
                                                       if i != pair[0])
            if hit.trigger.mutual and targets:
                # "وقّعت أديس أبابا مذكرة تفاهم مع أرض الصومال": both sides sign; but an
                # operation "ضد الجماعات المسلحة" is aimed at them, they do not take part
                against = {pm.entity_id for pm in sent_ms if pm.first > t_last
                           and _unprefix(_prev_key(keys_all, pm.first), "و") == "ضد"}
                actors, targets = tuple(_uniq((*actors, *(i for i in targets
                                                          if i not in against)))), tuple(
                    i for i in targets if i in against)
            if hit.trigger.type in _REACTIONS and hit.trigger.pos == "verb":
                found = _anaphoric_object(keys_all, t_last + 1, b, sent_ms, actors,
                                          cues["anaphora"], etype)
                if found is not None:
                    referred = found[0]
                    consumed.add(found[1])  # "رحّب بالاتفاق": the noun is no new event
                    # "دان الاتحاد الإفريقي الهجوم": the reaction is aimed at whoever did
                    # the attack told before; named objects after the noun are about it
                    before = _referred_participants(events, background, referred)
                    if before:
                        targets = tuple(i for i in before if i not in actors)
            if len(actors) == 1 and nation_of.get(actors[0]) in targets:
                # "حذّر نتنياهو من أن إسرائيل سترد على حزب الله": one's own state is who
                # acts with one, never the target; the one named after it is
                own = nation_of[actors[0]]
                targets = tuple(i for i in targets if i != own)
                if not targets and hit.trigger.type in _REACTIONS:
                    targets = tuple(i for i in _uniq(pm.entity_id for pm in sent_ms
                                                     if t_last < pm.first < b)
                                    if i not in (own, actors[0])
                                    and etype[i] in _PARTICIPANT_TYPES)[:1]
            if reporting and any(i in reporting for i in actors):
                actors = tuple(i for i in actors if i not in reporting)
            if actors:
                prev_actors = actors
                last_actor = actors[0]
            if not actors and not targets:
                continue
            if hit.trigger.type == "CONSULT" and len(actors) + len(targets) < 2 \
                    and (location is None or hit.trigger.mode != "visit"):
                # a meeting needs two sides, a visit a place: "وتأتي زيارة حفتر في ظل…"،
                # "لقاء لافت في الكرملين يجدد حضور روسيا في ليبيا"
                continue
            if len(actors) + len(targets) >= 2:
                last_pair = tuple(_uniq((*actors, *targets)))[:2]
            # a verb of saying scopes over what follows it; "وفق X" over the whole sentence
            src = tuple(_uniq(c.entity_id for c in cited
                              if (c.scope_all or c.cue_token < t_first) and c.cue_token != t_first
                              and c.entity_id not in actors and c.entity_id not in targets))
            if src and len(actors) == 1 and hit.trigger.pos == "verb" \
                    and _future(keys_all[t_first]):
                # "قال بوتين إن روسيا ستزوّد إيران": a leader pledging what his own
                # country will do is the one who pledges, not the source of a report
                pledger = next((i for i in src if nation_of.get(i) == actors[0]), None)
                if pledger is not None:
                    actors = (pledger,)
                    targets = tuple(i for i in targets if i != pledger)
                    src = tuple(i for i in src if i != pledger)
            certainty = _certainty(t_first - a, hedges)
            if certainty == "asserted" and src:
                certainty = "reported"
            c_lo, c_hi = tokens[lo].start, tokens[hi - 1].end
            own = [d for d in dates if c_lo <= d.start < c_hi
                   and not _in_relative_clause(keys_all, tok_starts, t_last, d, name_ends)]
            date = _nearest_date(own, hit.start)
            if date is None and not own and statement_dates and hit.trigger.pos == "verb" \
                    and not _future(keys_all[t_first]):
                date = _nearest_date(statement_dates, hit.start)
            # an event told as the cause of another ("ردا على هجوم الحوثيين") is background:
            # later reactions ("دانت الضربات") are to the main one
            background.append(any(k in _CAUSE_CUES for k in keys_all[max(t_first - 2, a)
                                                                      : t_first]))
            if date is None and own == [] and story_at:
                # "استقبله ولي العهد مساء اليوم نفسه"، "رفضت الحكومة الاتفاق في اليوم
                # التالي": a day counted from the last dated event told before
                date = _story_date(story_at, c_lo, c_hi, events[:len(events) - len(
                    sent_events)], text, tok_starts, tokens, cues["story_days"], keys_all,
                    dates)
            if date is None and own == [] and sent_events and \
                    set(sent_events[-1].actors) == set(actors) and sent_events[-1].date:
                # "وردّت باريس، الثلاثاء، بطرد …، واستدعت سفيرها": the same subject's next
                # act in the sentence happened the same day
                date = sent_events[-1].date
            events.append(Event(
                id="", type=hit.trigger.type, mode=hit.trigger.mode, actors=actors,
                targets=tuple(_uniq(i for i in targets if i not in actors)),
                location=location, date=date, attributed_to=src,
                certainty=certainty, evidence=(Span(sent.start, sent.end),),
                trigger=Span(hit.start, hit.end),
            ))
            sent_events.append(events[-1])
            made.add(t_first)
        if sent_events and nation_of:
            _visit_hosts(events, len(events) - len(sent_events), sent_ms, nation_of,
                         state_of)
        if (dates or story_at) and any(ev.date is None for ev in sent_events):
            # (event nouns that only referred back are no other event in between)
            told = len(events) - len(sent_events)
            story = [d for f, z in story_at if (d := _story_date(
                [(f, z)], tokens[f].start, tokens[f].end + 1, events[:told], text, tok_starts,
                tokens, cues["story_days"], keys_all, dates)) is not None]
            _date_from_rest(events, told, sorted(dates + story, key=lambda d: d.start),
                            keys_all, tok_starts, name_ends,
                            [(h.start, h.trigger.type) for h in hits
                             if a + h.first_token not in consumed])
    events = _visit_places(events, etype, by_kb, capitals or {})
    headline = doc.sentences[0] if doc.title and doc.sentences and doc.text.startswith(
        doc.title) else None
    habitual = {(ev.trigger.start, ev.trigger.end) for ev in events
                if _habitual(keys_all, tok_starts, ev, cues["habitual"])}
    return _merge(_fold_headline(events, headline), etype, state_of, habitual, apart)


def _visit_hosts(events: list[Event], first: int, sent_ms: list[_M],
                 nation_of: dict[str, str], state_of: dict[str, str]) -> None:
    """A visit to a state is hosted by its leaders the sentence names ("وفي إطار زيارة
    إلى مينسك، حصل حفتر على تعهد من لوكاشينكو"), unless another meeting of the sentence
    has them already."""
    told = events[first:]
    for k, ev in enumerate(told):
        if ev.type != "CONSULT" or ev.mode != "visit":
            continue
        # whoever another meeting of the sentence names ("استقبل بوتين نظيره … في أول
        # زيارة له إلى روسيا": the reception is told apart)
        met = {i for o, other in enumerate(told) if o != k and other.type == "CONSULT"
               for i in (*other.actors, *other.targets)}
        hosts = {*ev.targets} | ({state_of.get(ev.location, ev.location)} if ev.location
                                 else set())
        extra = tuple(_uniq(pm.entity_id for pm in sent_ms
                            if nation_of.get(pm.entity_id) in hosts
                            and pm.entity_id not in ev.actors and pm.entity_id not in
                            ev.targets and pm.entity_id not in met))
        if extra:
            events[first + k] = replace(ev, targets=ev.targets + extra)


def _story_date(story_at: list[tuple[int, int]], c_lo: int, c_hi: int, events: list[Event],
                text: str, tok_starts: list[int], tokens: Sequence[Token],
                days: dict[str, int], keys: list[str], own_dates: Sequence[DateValue] = ()
                ) -> DateValue | None:
    """The day a story-relative phrase in the clause names, from the last day told before
    it in its sentence ("في 17 فبراير، حين حطّ حفتر في مينسك … قبل أن يعقد في اليوم نفسه
    محادثات"), else from the last event told before with a single day (None without)."""
    at = next(((f, z) for f, z in story_at if c_lo <= tok_starts[f] < c_hi), None)
    if at is None:
        return None
    here = [d.first for d in own_dates if d.end <= tok_starts[at[0]] and d.first is not None
            and d.first == d.last and d.precision == "day"]
    base = here[-1] if here else next((
        ev.date.first for ev in reversed(events) if ev.date is not None
        and ev.date.first is not None and ev.date.first == ev.date.last
        and ev.date.precision == "day"), None)
    if base is None:
        return None
    f, last = at
    phrase = " ".join(keys[f : last + 1])
    offset = days.get(phrase, days.get(_unprefix(phrase, "وف"), 0))
    start, end = tokens[f].start, tokens[last].end
    day = base + timedelta(days=offset)
    return DateValue(start, end, text[start:end], day, day, "day")


def _date_from_rest(events: list[Event], first: int, dates: list[DateValue],
                    keys: list[str], tok_starts: list[int], name_ends: set[int],
                    triggers: list[tuple[int, str]]) -> None:
    """An undated event of the sentence (``events[first:]``) takes a date told later in
    it when no trigger of another type comes between ("دخل وقف إطلاق النار … حيز التنفيذ
    في الساعة الرابعة من فجر اليوم": "حيز التنفيذ" retells the truce; but in "بعد زيارات
    متكررة، العام الماضي" the year is the visits')."""
    told = events[first:]
    used = {id(ev.date) for ev in told if ev.date is not None}
    for k, ev in enumerate(told):
        if ev.date is not None:
            continue
        t_last = bisect.bisect_left(tok_starts, ev.trigger.end) - 1
        later = [d for d in dates if d.start >= ev.trigger.end and id(d) not in used
                 and not any(ev.trigger.end <= at < d.start and kind != ev.type
                             for at, kind in triggers)
                 and not _in_relative_clause(keys, tok_starts, t_last, d, name_ends)]
        if later:
            events[first + k] = replace(ev, date=later[0])
            used.add(id(later[0]))


def _fold_headline(events: list[Event], headline: Span | None) -> list[Event]:
    """A headline retells what the body tells ("حفتر يلتقي بوتين ووزير الدفاع الروسي في
    موسكو"): its event joins the body's event of the same type that shares a participant
    (as one more piece of evidence); a headline event the body does not tell stays."""
    if headline is None:
        return events
    heads = [ev for ev in events if ev.evidence[0] == headline]
    body = [ev for ev in events if ev.evidence[0] != headline]
    out = list(body)
    for h in heads:
        who = {*h.actors, *h.targets}
        k = next((i for i, ev in enumerate(out) if ev.type == h.type
                  and who & {*ev.actors, *ev.targets}), None)
        if k is None:
            out.insert(0, h)
            continue
        ev = out[k]
        out[k] = replace(ev, evidence=ev.evidence + (headline,),
                         location=ev.location or h.location, date=ev.date or h.date)
    return out


# Reactions whose object may be an event told before (see "anaphora" in triggers.yaml)
_REACTIONS = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST", "THREATEN", "REQUEST"})
# How many tokens after the verb its object may stand, behind the subject and its title
_OBJECT_REACH = 10


def _refers_back(hit: TriggerHit, keys: list[str], a: int, events: list[Event],
                 placed_firsts: list[int], demonyms: dict[str, str] | None = None) -> bool:
    """A definite event noun with nobody named right after it ("الهجوم"، "بالغارات"),
    when the article has told an event of its type before: a reference, not a new one."""
    if hit.trigger.pos != "noun":
        return False
    at = a + hit.first_token
    if at > 0 and (keys[at - 1] in _DEMONSTRATIVES or keys[at - 1][1:] in _DEMONSTRATIVES):
        return True  # "وفي خلفية هذه التحركات": what was told before, or is known
    if not any(ev.type == hit.trigger.type for ev in events):
        return False
    if at > 0 and _unprefix(keys[at - 1], "وف") in _FRAMING_VERBS:
        return True  # "وتأتي زيارة حفتر في ظل …": the visit told before, set in context
    if at > 0 and keys[at - 1] in _COPULAS and keys[at][:2] == "ال":
        return True  # "وهو اللقاء الأول بين بوتين وحفتر": the meeting just told
    if hit.trigger.type not in _REFERABLE:
        return False
    k = keys[at]
    if not any(k.startswith(p) for p in ("ال", "بال", "وال", "فال", "لل", "وبال")):
        return False
    last = a + hit.last_token
    if demonyms and last + 1 < len(keys) and keys[last + 1][2:] in demonyms:
        return False  # "الوجود العسكري الروسي": the nisba names who, news of its own
    i = bisect.bisect_right(placed_firsts, last)
    return not (i < len(placed_firsts) and placed_firsts[i] <= last + 2)


# Verbs that set an event already told in its context: "وتأتي الزيارة في ظل …"، "وجاء اللقاء"
_FRAMING_VERBS = frozenset(match_key(w) for w in ("تأتي", "يأتي", "جاءت", "جاء"))
_EACH = frozenset(match_key(w) for w in ("كل", "لكل", "بكل", "وكل"))
_STOPPING = frozenset(match_key(w) for w in ("وقف", "بوقف", "لوقف", "إنهاء", "بإنهاء"))
# Verbs whose object may be an event noun that does not happen on its own ("منعت قافلة"،
# "رفضت مقترحا للهدنة"), and how many words after the verb that noun may stand
_BLOCKING = frozenset({"COERCE", "REJECT"})
_OBJECT_NOUN_REACH = 6
_COPULAS = frozenset(match_key(w) for w in ("وهو", "وهي", "هو", "هي", "فهو", "فهي"))
_DEMONSTRATIVES = frozenset(match_key(w) for w in ("هذه", "هذا", "تلك", "ذلك", "هاتين",
                                                   "هذين", "هاتان", "هذان"))
# Types whose nouns, made definite, point back at an event the article told
_REFERABLE = frozenset({"ASSAULT", "SANCTION", "AGREE", "COERCE", "AID", "MOBILIZE"})


def _anaphoric_object(keys: list[str], first: int, hi: int, sent_ms: list[_M],
                      actors: tuple[str, ...], anaphora: dict[str, str],
                      etype: dict[str, str] | None = None) -> tuple[str, int] | None:
    """The type of the earlier event named by the verb's object ("الهجوم", "بالاتفاق"),
    when that noun comes before any participant other than the subject. A purpose
    adverb ("تنديدا بالغارات"، "احتجاجا على الاتفاق") names it further on, behind the
    place and time of the reaction."""
    starts = {pm.first: pm for pm in sent_ms}
    k = first
    end = min(hi, first + _OBJECT_REACH)
    adverb = next((j for j in range(first, hi) if keys[j] in _REACTION_ADVERBS), None)
    if adverb is not None:
        k, end = adverb + 1, min(hi, adverb + 4)
    while k < end:
        pm = starts.get(k)
        if pm is not None:
            where = etype is not None and (etype[pm.entity_id] in ("LOC", "FAC") or (
                etype[pm.entity_id] == "GPE" and (keys[pm.first][:1] == "ب"
                                                  or _prev_key(keys, pm.first) in _LOC_PREPS)))
            if pm.entity_id not in actors and not where:
                return None  # a named object comes first: it is the target (a place where
                # the reaction happened, "بصنعاء", is passed over)
            k = pm.last + 1
            continue
        key = keys[k]
        if key in ("،", ",", ".", ":", "؛"):
            return None
        for form in (key, key[1:] if key[:1] in ("ب", "و", "ل") else None):
            if not form:
                continue
            two = form + " " + keys[k + 1] if k + 1 < len(keys) else None
            for cand in (two, form):
                if cand is not None and cand in anaphora:
                    return anaphora[cand], k
        k += 1
    return None


_REACTION_ADVERBS = frozenset(match_key(w) for w in ("تنديدا", "احتجاجا", "رفضا", "استنكارا"))
# Words that tell a second, concurrent happening ("تزامنا مع إدخال قوافل"): not a retelling
_CONCURRENT_CUES = frozenset(match_key(w) for w in (
    "تزامنا", "بالتزامن", "بالتوازي", "موازاة", "بموازاة", "تزامن", "يتزامن"))
_CAUSE_CUES = frozenset(match_key(w) for w in ("ردا", "انتقاما", "بعد", "عقب", "إثر", "جراء"))


def _referred_participants(events: list[Event], background: list[bool], etype: str
                           ) -> tuple[str, ...]:
    """Who did the last event of ``etype`` told so far, leaving out those told as the cause
    of another ("وجاءت الضربات ردا على هجوم الحوثيين") unless there is no other: an
    agreement's sides are all its participants, an attack's or a sanction's its actors."""
    told = [(ev, bg) for ev, bg in zip(events, background, strict=True)
            if ev.type == etype and ev.actors and ev.certainty not in ("negated", "denied")]
    # the last one told as news; failing that, the last one told as a cause ("بعد توقيف")
    news = [ev for ev, bg in told if not bg] or [ev for ev, _ in told]
    if not news:
        return ()
    ev = news[-1]
    return ev.actors + ev.targets if etype == "AGREE" else ev.actors


# Words that end the reach of "مع" back from a name: another preposition or a clause break
_WITH_STOPS = frozenset({"في", "الي", "من", "علي", "عن", "ان", "الذي", "التي", "،", ",", ".",
                         "و", "ثم", "بين"})


def _with_phrase(keys: list[str], first: int) -> bool:
    """The name stands in a "مع"/"لدى" phrase, right after it or behind a title of up to
    three words ("مع أمير قطر الشيخ تميم")."""
    for j in range(first - 1, max(first - 4, 0) - 1, -1):
        k = keys[j]
        if k in ("مع", "ومع", "لدي"):
            return True
        if k in _WITH_STOPS:
            return False
    return False


# Types whose object may be named only by a nisba ("دبلوماسيا جزائريا"), and how far after
# the trigger that object stands
_NISBA_TARGET_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST"})
_NISBA_REACH = 8


def _demonym_targets(keys: list[str], lo: int, hi: int, demonyms: dict[str, str],
                     by_kb: dict[str, str]) -> tuple[str, ...]:
    """The countries of the nisbas after the trigger ("سفن حربية أمريكية وبريطانية"), in
    order, when the document names them; stops at a sentence break."""
    out: list[str] = []
    for k in keys[lo:hi]:
        if k in (".", "؛"):
            break
        country = _nisba_country(k, demonyms)
        if country and country in by_kb and by_kb[country] not in out:
            out.append(by_kb[country])
    return tuple(out)


def _dual_verb(key: str, triggers: TriggerIndex) -> bool:
    """A verb in the dual ("توصلا"، "وقعتا"): a trigger form plus the dual ا."""
    k = _unprefix(key, "وف")
    return len(k) > 3 and k.endswith("ا") and (k[:-1] in triggers.index
                                                or k[:-1] in triggers.prefixes)


def _last_two(ms: list[_M], t_first: int, etype: dict[str, str], source_starts: set[int],
              actors: tuple[str, ...]) -> tuple[str, ...]:
    """The two participants named last before ``t_first`` (the subject found first)."""
    out = list(actors)
    for pm in reversed(ms):
        if pm.first >= t_first or pm.first in source_starts:
            continue
        if etype[pm.entity_id] in _PARTICIPANT_TYPES and pm.entity_id not in out:
            out.append(pm.entity_id)
        if len(out) == 2:
            return tuple(reversed(out)) if not actors else tuple(out)
    return ()


def _demonym_actor(keys: list[str], lo: int, hi: int, demonyms: dict[str, str],
                   by_kb: dict[str, str]) -> tuple[str, ...]:
    """The country of the first nisba in the clause, when the document names it."""
    for k in keys[lo:hi]:
        country = _nisba_country(k, demonyms, accusative=False)
        if country and country in by_kb:
            return (by_kb[country],)
    return ()


def _nisba_country(key: str, demonyms: dict[str, str], *, accusative: bool = True
                   ) -> str | None:
    """The country of a nisba token: روسية، الروسية، والروسية، روسيين/روسيون (plural), and
    with ``accusative`` the indefinite object form ("دبلوماسيا جزائريا"), which a subject
    search leaves out (it would read the country name روسيا as a nisba)."""
    form = _unprefix(key, "و") if accusative else key
    base = form[2:] if form.startswith("ال") else form
    for cand in (base, base[:-1] if accusative and base.endswith("ا") else None,
                 base[:-2] if base.endswith(("ين", "ون")) and len(base) > 5 else None,
                 # duals: مصريتان، مصريتين (feminine), مصريان، مصريين (masculine)
                 base[:-3] + "ه" if base.endswith(("تان", "تين")) and len(base) > 6 else None,
                 base[:-2] if base.endswith("ان") and len(base) > 5 else None):
        if cand and cand in demonyms:
            return demonyms[cand]
    return None


def _visit_places(events: list[Event], etype: dict[str, str], by_kb: dict[str, str],
                  capitals: dict[str, str]) -> list[Event]:
    """Meetings during a visit take place where the visitor went: a CONSULT event with no
    place of its own takes the most specific place (a city before a country) of a visit
    of one of its participants told elsewhere in the article."""
    countries = {by_kb[c] for c in capitals.values() if c in by_kb}
    places: dict[str, str] = {}
    # a visit told in the same sentence comes first, whatever kind of place it went to
    # ("زار يفكيروف مرارا الشرق الليبي للقاء حفتر")
    local: dict[tuple[Span, str], str] = {}
    for ev in events:
        if ev.type == "CONSULT" and ev.mode == "visit" and ev.location is not None:
            for who in ev.actors:
                local.setdefault((ev.evidence[0], who), ev.location)
    for ev in events:
        # a region or continent ("في أفريقيا") is the setting, not where meetings were held
        if ev.type == "CONSULT" and ev.mode == "visit" and ev.location is not None \
                and etype.get(ev.location) in ("GPE", "FAC"):
            for who in ev.actors:
                known = places.get(who)
                if known is None or (known in countries and ev.location not in countries):
                    places[who] = ev.location
    if not places and not local:
        return events
    out = []
    for ev in events:
        if ev.type in _DURING_VISIT and ev.location is None:
            where = next((local[(ev.evidence[0], p)] for p in ev.actors
                          if (ev.evidence[0], p) in local), None) or next(
                (places[p] for p in (*ev.actors, *ev.targets) if p in places), None)
            if where is not None and where not in ev.actors and where not in ev.targets:
                ev = replace(ev, location=where)
        out.append(ev)
    return out


def _word_positions(tokens: Sequence[Token]) -> list[int]:
    """For each token, how many word (non-punctuation) tokens precede it."""
    if not tokens:
        return []
    return list(itertools.accumulate((not t.is_punct for t in tokens[:-1]), initial=0))


def _word_offset(word_index: list[int], i: int, delta: int) -> int:
    """The token index ``delta`` word tokens away from token ``i`` (clamped to the text)."""
    target = word_index[i] + delta
    if delta >= 0:
        j = bisect.bisect_right(word_index, target) - 1
        return min(max(j, i), len(word_index) - 1)
    j = bisect.bisect_left(word_index, max(target, 0))
    return max(min(j, i), 0)


def _unprefix(key: str, letters: str) -> str:
    """``key`` without one leading conjunction or preposition letter (one only: str.lstrip
    would turn ووزير "and the minister" into زير)."""
    return key[1:] if key[:1] and key[0] in letters and len(key) > 2 else key


def _dates_statement(keys: list[str], tok_starts: list[int], d: DateValue) -> bool:
    """The date follows a statement noun ("في بيان الأحد", "في منشور مساء السبت")."""
    i = bisect.bisect_right(tok_starts, d.start) - 1
    if i <= 0:
        return False
    k = keys[i - 1]
    return k in _STATEMENT_NOUNS or (k[:1] in ("و", "ب") and k[1:] in _STATEMENT_NOUNS)


def _opens_period(keys: list[str], tok_starts: list[int], d: DateValue) -> bool:
    """"منذ مطلع 2025": a date after منذ starts an ongoing period; it does not date an
    event (whereas "منذ ثلاثة أيام" is a point in time and carries منذ in its own text)."""
    i = bisect.bisect_right(tok_starts, d.start) - 1
    return i > 0 and keys[i - 1] in ("منذ", "ومنذ") and not match_key(d.text).startswith("منذ")


@dataclass(frozen=True)
class _Cited:
    entity_id: str
    cue_token: int  # absolute token index of the cue
    token: int | None  # absolute token index of the source mention
    scope_all: bool  # "وفق X" covers the whole sentence; a verb of saying what follows it


def _sources(keys: list[str], offset: int, ms: list[_M], etype: dict[str, str],
             cues: dict[str, PhraseSet], last: tuple[str, ...]) -> list[_Cited]:
    """Sources cited in this sentence."""
    found: list[_Cited] = []
    backref_at: int | None = None
    cue_sets = ((cues["according_to"], True), (cues["speech_verbs"], False))
    for phrases, scope_all in cue_sets:
        for first, last_tok in phrases.positions(keys):
            src = None
            if not scope_all:
                # subject before a verb of saying: "وكان بايدن قد أعلن"، "بايدن أعلن"
                before = [pm for pm in ms if pm.last - offset < first
                          and first - (pm.last - offset) <= 2
                          and etype[pm.entity_id] in ("ORG", "PER")]
                if before and all(keys[x - offset] in _SVO_CUES or x - offset == first
                                  for x in range(before[-1].last + 1, offset + first)):
                    src = before[-1]
                    found.append(_Cited(src.entity_id, offset + first, src.first, False))
                    continue
            for pm in ms:
                rel = pm.first - offset
                if rel <= last_tok:
                    continue
                # "قالت إن البحرية…": a complementiser right after the verb means the
                # source is not named here; what follows is the reported clause
                if any(k in _COMPLEMENTISERS for k in keys[last_tok + 1 : rel]):
                    break
                if rel <= last_tok + _SOURCE_REACH and etype[pm.entity_id] in ("ORG", "PER"):
                    src = pm
                break
            if src is not None:
                found.append(_Cited(src.entity_id, offset + first, src.first, scope_all))
                continue
            window = keys[last_tok + 1 : last_tok + 4]
            if any(w in cues["back_references"] or _unprefix(w, "وب") in cues["back_references"]
                   for w in window) or " ".join(window[:2]) in cues["back_references"]:
                backref_at = offset + first
            elif not scope_all and window and (window[0] in _COMPLEMENTISERS or (
                    window[0] == "الي" and len(window) > 1 and window[1] in _COMPLEMENTISERS)):
                # "وأضافت أن …"، "بينما أشارت إلى أنه …": the one who spoke last goes on
                backref_at = offset + first
    if not found and backref_at is not None:
        return [_Cited(s, backref_at, None, True) for s in last]
    return found


def _absorb_titles(ms: list[_M], etype: dict[str, str], keys: list[str],
                   titles: PhraseSet) -> list[_M]:
    """Drop the organisations and countries inside a person's title: in "سكرتير مجلس الأمن
    الروسي سيرغي شويغو" the council names Shoigu's office, and in "رئيس المجلس العسكري في
    بوركينا فاسو، إبراهيم تراوري" neither the junta nor the country takes part."""
    out = []
    for i, pm in enumerate(ms):
        if etype[pm.entity_id] in ("ORG", "GPE") and _in_title(i, ms, etype, keys, titles):
            continue
        out.append(pm)
    return out


def _in_title(i: int, ms: list[_M], etype: dict[str, str], keys: list[str],
              titles: PhraseSet) -> bool:
    """Mention ``i`` lies between a title word and the person the title belongs to."""
    pm = ms[i]
    # the person named next, within a title's length and with no verb-like break between
    person = next((m for m in ms[i + 1 :] if etype[m.entity_id] == "PER"), None)
    if person is None or not 0 < person.first - pm.last <= _TITLE_SPAN:
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
    window = keys[max(first - 3, 0) : first]
    pairs = [f"{x} {y}" for x, y in zip(window, window[1:], strict=False)]
    return any(k in titles or _unprefix(k, "و") in titles for k in (*window, *pairs))


def _negated(keys: list[str], t_first: int, left: int, negs: PhraseSet,
             hit: TriggerHit) -> bool:
    if hit.trigger.pos != "verb" or t_first == 0:
        return False
    prev = keys[t_first - 1]
    return t_first - 1 >= left and prev in negs


def _demanded(keys: list[str], t_first: int, left: int, demands: PhraseSet) -> bool:
    """The trigger is what a demand asks for: a demand word (or "دعا إلى") right before it,
    or before the act of stopping it ("دعاها إلى وقف نقل الأسلحة")."""
    if t_first - 1 >= left and keys[t_first - 1] in _STOPPING:
        t_first -= 1
    for n in (1, 2):
        at = t_first - n
        if at < max(left - 1, 0):
            return False  # (the word before the clause may be the demand: "دعاها إلى")
        phrase = " ".join(keys[at:t_first])
        if phrase in demands or _unprefix(phrase, "و") in demands:
            return True
    return False


def _certainty(rel: int, hedges: tuple[list[tuple[int, int]], list[tuple[int, int]]]) -> str:
    """"denied" after a denial in the sentence ("نفت … أن تكون"), "uncertain" after a hedge
    ("ترجح مصادر"، "قد يكون"), else "asserted"; ``rel`` is the trigger's place in the
    sentence, ``hedges`` the (first, last) places of the denials and the hedges."""
    denials, doubts = hedges
    if any(first < rel for first, _ in denials):
        return "denied"
    if any(last < rel for _, last in doubts):
        return "uncertain"
    return "asserted"


def _prev_key(keys: list[str], i: int) -> str:
    return keys[i - 1] if i > 0 else ""


def _antecedent(ms: list[_M], t_first: int, lo: int, etype: dict[str, str],
                suffix: str) -> str | None:
    """What an attached pronoun most likely refers to: the last person (ه، هم) or the last
    state or organisation (ها: countries and bodies are feminine) named in the sentence
    before the trigger's clause."""
    wanted = ("GPE", "ORG") if suffix == "ها" else ("PER",) if suffix == "ه" else \
        ("PER", "ORG", "GPE")
    for pm in reversed(ms):
        if pm.first < t_first and etype[pm.entity_id] in wanted:
            return pm.entity_id
    return None


def _build(hit: TriggerHit, t_first: int, t_last: int, lo: int, hi: int, left: int,
           ms: list[_M], source_starts: set[int], etype: dict[str, str], keys: list[str],
           text: str, tok_starts: list[int], light_verbs: PhraseSet, pronoun: str | None,
           speaker: _M | None = None, right: int | None = None, dropped: str | None = None
           ) -> tuple[tuple[str, ...], tuple[str, ...], str | None] | None:
    """Actors, targets and place of one trigger's clause (None when nobody takes part).

    ``lo``/``hi``: the tokens the trigger reaches; ``left``: where its clause begins;
    ``pronoun``: the entity an attached pronoun refers to (زيارته "his visit": the visitor;
    استقبله "received him": the guest).
    """
    trig = hit.trigger
    clause = [pm for pm in ms if lo <= pm.first < hi and pm.first not in source_starts
              and not (t_first <= pm.first <= t_last)]
    location: str | None = None
    parts_after: list[_M] = []
    parts_before: list[_M] = []
    with_: list[_M] = []
    dest: list[str] = []
    giver: _M | None = None
    aside: _M | None = None  # the last name set aside by its preposition ("برعاية السعودية")
    early: str | None = None  # a place named before the trigger, and how far before
    early_gap = 0
    for pm in clause:
        if aside is not None and _conjoined(aside, pm, keys):
            aside = pm  # "برعاية السعودية والولايات المتحدة": both sponsor, neither takes part
            continue
        t = etype[pm.entity_id]
        prev = _prev_key(keys, pm.first)
        # the clitic fused to the name: بموسكو (at), لروسيا (to)
        prefix = match_key(text[tok_starts[pm.first] : pm.mention.start]).lstrip("وف")
        # "في العاصمة الروسية موسكو": a place noun and its nisba before the name
        at_place = prefix == "ب" or prev in _LOC_PREPS or (
            is_nisba(prev) and _prev_key(keys, pm.first - 1) in _LOC_PREPS)
        # "لروسيا" is where a visit or a shipment goes, but for whom a port is opened
        # (near the trigger only: "الزعيم السابق لجمهورية إنغوشيا" is a genitive)
        to_place = (prefix == "ل" and trig.type in _MOVING_TYPES
                    and 0 < pm.first - t_last <= _TO_REACH) or prev in _TO_PREPS
        if prev in _VENUE_WORDS or (prev == "في" and t in ("ORG", "FAC")):
            continue  # "في مقر الكرملين"، "في الكرملين": a venue, not a participant
        if pm.first - 2 > t_last and _prev_key(keys, pm.first - 1) in _TIME_PREPS \
                and not _prev_key(keys, pm.first).startswith("ال"):
            continue  # "إدخال قوات روسية إلى أفريقيا بعد زوال فاغنر": another happening
        if prev in _NAMED_AFTER_PLACE:
            continue  # "إعلان جدة"، "اتفاق الدوحة": the place names the document
        if prev == "في" and _prev_key(keys, pm.first - 1) in _TOPIC_NOUNS:
            continue  # "تناولا الوضع في ليبيا": what was discussed, not where
        if prev == "في" and t == "GPE" and pm.first > t_last and (
                _prev_key(keys, pm.first - 1) in _LEADER_NOUNS
                or _prev_key(keys, pm.first - 2) in _LEADER_NOUNS):
            at_place = False  # "مع قادة الانقلاب في مالي": Mali's leaders take part
        if t in _PLACE_TYPES and trig.mode == "visit" and trig.pos == "verb" \
                and trig.roles == "subject_actor" and pm.first > t_last and not prefix \
                and prev not in _NON_PARTICIPANT_PREPS and pm is not clause[0]:
            # "زار يفكيروف الشرق الليبي": a region or a site a visit verb takes as its
            # object is where the visit went; a state or a city is also its host
            location = location or pm.entity_id
            if t != "GPE":
                continue
        if t == "FAC" and location is None and pm.first > t_last and not prefix \
                and prev not in _NON_PARTICIPANT_PREPS and prev not in _TO_PREPS:
            location = pm.entity_id  # "وجعل حفتر ميناء طبرق متاحا": the site acted on
            continue
        if t in _PLACE_TYPES and (at_place or to_place or t != "GPE"):
            if location is None and (at_place or to_place):
                if pm.first < t_first and not to_place:
                    # a place told before the trigger sets the scene; where the trigger
                    # goes, or a place after it that stands nearer, is where it happened
                    early, early_gap = pm.entity_id, t_first - pm.last
                elif early is not None and not to_place and pm.first - t_last > early_gap:
                    location = early  # "حطّ في نيامي، حيث استقبله رئيس … في النيجر"
                else:
                    location = pm.entity_id
            if to_place and t == "GPE":
                dest.append(pm.entity_id)  # a visit "إلى بيلاروسيا" is hosted by the state
            continue
        if giver is None and trig.pos == "noun" and trig.type in _GIVEN_TYPES \
                and prev == "من" and 0 < pm.first - t_last <= 4 and t in _PARTICIPANT_TYPES:
            giver = pm  # "دعم غير مشروط من لوكاشينكو": the support comes from him
            continue
        if t not in _PARTICIPANT_TYPES or (prev in _NON_PARTICIPANT_PREPS and not (
                prev == "من" and _prev_key(keys, pm.first - 1) in _MEMBER_NOUNS)
                and not (prev == "من" and _prev_key(keys, pm.first - 1) in _EACH)):
            # ("لكل من لوكاشينكو وبوتين": "to each of" names the participants)
            # "من ليبيا"، "عبر غينيا": origin and route, not participants; but in
            # "مسلحون من جماعة نصرة الإسلام" the group is the one acting
            if prev in _NON_PARTICIPANT_PREPS:
                aside = pm
            continue
        if to_place and t == "GPE":
            dest.append(pm.entity_id)
            location = location or pm.entity_id
            continue
        if _with_phrase(keys, pm.first) and (pm.first > t_last or trig.pos == "noun"):
            # "مع X" (or "مع أمير قطر الشيخ تميم"): the other side; "سفيرها لدى X": the
            # state the envoy is posted to
            with_.append(pm)
            continue
        (parts_after if pm.first > t_last else parts_before).append(pm)
    parts_before.sort(key=lambda p: -p.first)
    if trig.pos == "verb" and len(parts_after) <= 1 and right is not None and right > hi:
        # a long adverbial can push the object past the reach ("استقبل الدب الروسي على
        # هامش الاحتفال بالذكرى الثمانين لعيد النصر، رئيس …، إبراهيم تراوري"): take the first
        # person or body named before the clause ends
        far = next((pm for pm in ms if hi <= pm.first < right and pm.first not in source_starts
                    and etype[pm.entity_id] in ("PER", "ORG")
                    and _prev_key(keys, pm.first) not in _NON_PARTICIPANT_PREPS), None)
        if far is not None:
            parts_after.append(far)
    subject: _M | None = None
    objects: list[_M] = []
    co_subjects: list[_M] = []
    if trig.pos == "verb" and t_first > 0 and keys[t_first - 1] in _SPEAKER_SIDE \
            and speaker is not None:
        subject, objects = speaker, parts_after
    elif trig.pos == "verb":
        svo = bool(parts_before) and t_first - parts_before[0].last <= 2 and (
            parts_before[0].first == left
            or _prev_key(keys, parts_before[0].first) in _SVO_CUES)
        # "وكان حفتر، الرجل النافذ في شرق ليبيا، وصل …": the subject after كان/أن, then an
        # apposition between commas, then the verb
        appositive = next((p for p in parts_before if _prev_key(keys, p.first) in _SVO_CUES
                           and t_first - p.last <= 12 and p.last + 1 < len(keys)
                           and keys[p.last + 1] in ("،", ",")
                           and keys[t_first - 1] in ("،", ",")), None) if not svo else None
        if appositive is not None:
            subject, objects = appositive, parts_after
        elif svo:
            subject, objects = parts_before[0], parts_after
            co_subjects = _conjoined_before(parts_before, keys)
        elif parts_after and (parts_after[0].first - t_last <= 3
                              or _title_between(keys, t_last, parts_after[0].first)
                              or (parts_after[0].first - t_last <= _MEMBER_REACH
                                  and _prev_key(keys, parts_after[0].first) in _MEMBER_NOUNS)):
            # ("خرج عشرات الآلاف من أنصار جماعة الحوثي": the group whose members act)
            # verb-subject order; the subject may stand behind its title ("وحذّر رئيس
            # الوزراء الإسرائيلي بنيامين نتنياهو")
            subject, objects = parts_after[0], parts_after[1:]
            # "استقبل بوتين ووزير دفاعه شويغو حفتر": subjects joined by و act together
            while objects and _conjoined(subject if not co_subjects else co_subjects[-1],
                                         objects[0], keys):
                co_subjects.append(objects.pop(0))
        elif parts_before and t_first - parts_before[0].last <= 5:
            subject, objects = parts_before[0], parts_after
            co_subjects = _conjoined_before(parts_before, keys)
        else:
            objects = parts_after
    elif pronoun is not None:
        # a possessive on the noun is its subject: "زيارته إلى موسكو" is his visit
        subject = None
        objects = parts_after
    else:
        # "أن روسيا تجري تحركات"، "يجري حفتر زيارة": a light verb before the noun
        # carries its subject
        light = next((j for j in range(t_first - 1, max(left, t_first - _LIGHT_REACH) - 1, -1)
                      if keys[j] in light_verbs or _unprefix(keys[j], "وف") in light_verbs),
                     None)
        if light is not None:
            # the light verb's subject may sit behind a relative clause ("يجري حفتر، الذي
            # يشغل منصب قائد …، زيارة"): look from the light verb, not from the noun
            near = [pm for pm in ms if light < pm.first < t_first and pm.first not in
                    source_starts and etype[pm.entity_id] in _PARTICIPANT_TYPES
                    and not _with_phrase(keys, pm.first)]
            between = near[:1]
            # the subject right before the light verb, and any joined to it before (read
            # from all the sentence's names: the light verb may stand before the noun's reach)
            earlier = sorted((p for p in ms if p.first < light and p.first not in source_starts
                              and etype[p.entity_id] in _PARTICIPANT_TYPES),
                             key=lambda p: -p.first)
            before = earlier[:1] if earlier and light - earlier[0].last <= 2 else []
            if between:
                subject = between[0]
                rest = [pm for pm in near if pm.first > subject.first]
                while rest and _conjoined(co_subjects[-1] if co_subjects else subject,
                                          rest[0], keys):
                    co_subjects.append(rest.pop(0))  # "شنت الولايات المتحدة وبريطانيا غارات"
            elif before:
                subject = before[0]
                # "كان الجيش المالي وجيش بوركينا فاسو قد نفّذا عمليات مشتركة"
                co_subjects = _conjoined_before(earlier, keys)
        if subject is None and light is not None and dropped is not None:
            # "وجدّد خلال اللقاء اعتراف بلاده بسيادة المغرب": the light verb's subject is
            # the one the article is telling about; what follows the noun is its object
            objects = parts_after
            pronoun = pronoun or dropped
        elif subject is None and parts_after:
            # the noun takes its participants after it (زيارة حفتر إلى موسكو)
            subject, objects = parts_after[0], list(parts_after[1:])
        else:
            objects = parts_after
    ids_obj = _uniq(pm.entity_id for pm in objects + with_)
    subj = tuple(_uniq(pm.entity_id for pm in ([subject] if subject else []) + co_subjects))
    if pronoun is not None and pronoun not in subj:
        if trig.pos == "noun":
            subj = (pronoun,)
        else:
            ids_obj = [pronoun] + [i for i in ids_obj if i != pronoun]
    if trig.roles == "subject_target":
        actors, targets = tuple(ids_obj), subj
    else:
        actors, targets = subj, tuple(i for i in ids_obj if i not in subj)
    if giver is not None:
        # the receivers are whoever else the noun names: "حصول حفتر على دعم من لوكاشينكو"
        actors, targets = (giver.entity_id,), tuple(
            i for i in _uniq((*actors, *targets)) if i != giver.entity_id)
    if trig.type == "MOBILIZE":
        # the forces moved are mobilised with their sender: "رفعت موسكو عناصر الفيلق"
        moved = tuple(i for i in targets if etype[i] == "ORG")
        actors, targets = actors + moved, tuple(i for i in targets if i not in moved)
    if trig.mode == "visit" and dest:
        location = dest[0]  # a visit happens where it goes, not where a title places someone
    if not targets and dest and (trig.mode == "visit" or trig.type in ("AID", "MOBILIZE")):
        # a visit is hosted by the state it goes to; aid and troops are sent to it
        targets = tuple(_uniq(dest))
    location = location or early
    if trig.type == "ASSAULT" and location is None:
        # "هجومها على أوكرانيا": an attack on a state or a city takes place there
        location = next((i for i in targets if etype[i] == "GPE"), None)
    if not actors and not targets and location is None and trig.type not in _MATERIAL_TYPES:
        # (with a place, or for a deployment, attack or shipment, a nisba may still name
        # the actor: "معدات روسية إلى مالي"، "غارات إسرائيلية")
        return None
    return actors, targets, location


def _title_between(keys: list[str], t_last: int, first: int) -> bool:
    """Only a person's title stands between the verb and the name at ``first``."""
    between = keys[t_last + 1 : first]
    if not between or len(between) > _TITLE_SPAN:
        return False
    titles = cue_lists()["titles"]
    head = between[0]
    return head in titles or _unprefix(head, "و") in titles or (
        len(between) > 1 and f"{between[0]} {between[1]}" in titles)


def _purpose(text: str, tok: Token, hit: TriggerHit) -> bool:
    """A verbal noun with the purpose ل fused to it: للقاء، لبحث، لتوقيع."""
    if hit.trigger.pos != "noun" or hit.start <= tok.start:
        return False
    return match_key(text[tok.start : hit.start]).endswith("ل")


def _conjoined_before(parts_before: list[_M], keys: list[str]) -> list[_M]:
    """Subjects coordinated before the nearest one: in "أن حكومتي إسرائيل ولبنان وافقتا"
    Israel joins Lebanon (parts_before is nearest first)."""
    out: list[_M] = []
    for earlier in parts_before[1:]:
        if not _conjoined(earlier, out[-1] if out else parts_before[0], keys):
            break
        out.append(earlier)
    return out


def _conjoined(a: _M, b: _M, keys: list[str]) -> bool:
    """b follows a as a coordinated noun phrase: "بوتين ووزير دفاعه شويغو"، "بوتين وحفتر"
    (the first token after a starts with و and no preposition comes between)."""
    between = keys[a.last + 1 : b.first]
    if len(between) > 3:
        return False
    first = between[0] if between else keys[b.first]
    if not first.startswith("و") or first in ("وفي", "والي", "ومن", "وعلى", "وعن"):
        return False
    return not any(k in _BLOCKERS for k in between[1:])


def _uniq(ids: Iterable[str]) -> list[str]:
    out: list[str] = []
    for i in ids:
        if i not in out:
            out.append(i)
    return out


# Nouns of giving whose "من X" names the giver ("دعم من"، "مساعدات من")
_GIVEN_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE", "REQUEST"})
# Verbal acts that happen at meetings: with no place of their own, they happen where the
# participant's visit went ("أعرب بيلوسوف عن تقديره لدور حفتر" during Haftar's visit)
_DURING_VISIT = frozenset({"CONSULT", "SUPPORT", "AGREE"})
_RELATIVE_REACH = 3  # words from a relative pronoun to a date in its clause
_RELATIVES = frozenset({"التي", "الذي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})


def _in_relative_clause(keys: list[str], tok_starts: list[int], t_last: int,
                        d: DateValue, name_ends: set[int]) -> bool:
    """The date stands in a relative clause on a name (``name_ends``: where names end)
    told after the trigger ("التقى حفتر بوتين في موسكو التي وصلها مساء الخميس"): it dates
    that clause's verb (the arrival), not the trigger. A relative clause on the event's own
    noun ("القمة التي استضافتها سان بطرسبرغ في 2023") still dates the event."""
    i = bisect.bisect_right(tok_starts, d.start) - 1
    if any(keys[j] in _RELATIVES and j - 1 in name_ends for j in range(t_last + 1, i)):
        return True
    # the trigger after the clause: "… موسكو التي وصلها مساء الخميس في زيارة التقى خلالها"،
    # "عملية إيريني البحرية، التابعة للاتحاد الأوروبي، التي أُطلقت في عام 2020، على فرض
    # حظر الأسلحة" (a clause on a name, or on what an apposition describes)
    return i < t_last and any(keys[j] in _RELATIVES and (j - 1 in name_ends or keys[j - 1] in (
        "،", ",")) for j in range(max(i - _RELATIVE_REACH, 1), i))


def _future(key: str) -> bool:
    """A verb in the future (سيزور، ستنسحب): a statement's date does not date it."""
    k = _unprefix(key, "وف")
    return k[:1] == "س" and k[1:2] in ("ي", "ت", "ن", "ا")


def _nearest_date(dates: Sequence[DateValue], at: int) -> DateValue | None:
    if not dates:
        return None
    return min(dates, key=lambda d: min(abs(d.start - at), abs(d.end - at)))


def _same_happening(a: Event, b: Event, etype: dict[str, str]) -> Event | None:
    """``a`` updated with ``b``'s targets when, within one sentence, the two tell one
    happening with different targets: "زار يفكيروف روسيا للقاء حفتر" names the place
    visited (only states and cities as targets) and then whom the visit was for; or one
    side's targets contain the other's. None when they are different happenings."""
    if a.evidence[-1] != b.evidence[0]:
        return None
    ta, tb = set(a.targets), set(b.targets)
    if ta <= tb or tb <= ta:
        return replace(a, targets=b.targets) if len(tb) > len(ta) else a
    a_places = all(etype.get(t) == "GPE" for t in a.targets)
    b_places = all(etype.get(t) == "GPE" for t in b.targets)
    if a_places and not b_places:
        return replace(a, targets=b.targets, location=a.location or a.targets[0])
    if b_places and not a_places:
        return replace(a, location=a.location or b.targets[0])
    return None


def _habitual(keys: list[str], tok_starts: list[int], ev: Event, words: PhraseSet) -> bool:
    """A word of repetition within two words of the trigger ("زار مرارا"، "زيارات متكررة")."""
    first = bisect.bisect_right(tok_starts, ev.trigger.start) - 1
    last = bisect.bisect_left(tok_starts, ev.trigger.end) - 1
    return bool(words.positions(keys[max(first - 2, 0) : last + 4]))


def _merge(events: list[Event], etype: dict[str, str],
           state_of: dict[str, str] | None = None,
           habitual: set[tuple[int, int]] | None = None,
           apart: set[tuple[int, int]] | None = None) -> list[Event]:
    """One event per real happening: same type, same participants, compatible date and
    place (a capital and its country are compatible: ``state_of``). An event told as
    repeated (``habitual``: trigger spans) is merged only within its own sentence; one
    told as concurrent with another (``apart``: "تزامنا مع إدخال قوافل") not within it."""
    state_of = state_of or {}
    habitual = habitual or set()
    apart = apart or set()
    out: list[Event] = []
    of_type: dict[str, list[int]] = {}
    for ev in events:
        # an event of the same sentence first: "زار يفكيروف مرارا الشرق الليبي للقاء
        # حفتر" is one visit, whatever earlier meeting of the two the article told
        here = ev.evidence[0].start
        kin = of_type.setdefault(ev.type, [])  # earlier events of this type, by index
        same = [i for i in kin if out[i].evidence[-1].start == here]
        for k in (same + [i for i in kin if i not in same]) if same else kin:
            prev = out[k]
            if apart and prev.evidence[-1] == ev.evidence[0] and (
                    (prev.trigger.start, prev.trigger.end) in apart
                    or (ev.trigger.start, ev.trigger.end) in apart):
                continue
            if habitual and prev.evidence[-1] != ev.evidence[0] and (
                    (prev.trigger.start, prev.trigger.end) in habitual
                    or (ev.trigger.start, ev.trigger.end) in habitual):
                continue
            if prev.mode and ev.mode and prev.mode != ev.mode and prev.type in _MODED_TYPES:
                continue  # an expulsion and a recall are two sanctions, not one told twice
            p_all, e_all = {*prev.actors, *prev.targets}, {*ev.actors, *ev.targets}
            if prev.evidence[-1] == ev.evidence[0] and set(prev.actors) != set(ev.actors) \
                    and (p_all <= e_all or e_all <= p_all) and (
                        not prev.targets or not ev.targets):
                # one sentence telling one happening twice, once with fewer names
                # ("وقّعت أديس أبابا … مذكرة تفاهم مع أرض الصومال"): keep the fuller one
                fuller = ev if len(e_all) > len(p_all) else prev
                prev = replace(prev, actors=fuller.actors, targets=fuller.targets)
                ev = replace(ev, actors=fuller.actors, targets=fuller.targets)
            if set(prev.actors) != set(ev.actors):
                # a meeting told from the other side ("لقاء بوتين وحفتر" after "التقى حفتر
                # بوتين") is the same meeting: same participants, either direction
                if prev.type != "CONSULT" or {*prev.actors, *prev.targets} != {
                        *ev.actors, *ev.targets}:
                    continue
            elif set(prev.targets) != set(ev.targets):
                merged = _same_happening(prev, ev, etype)
                if merged is None:
                    continue
                prev = merged
            d1, d2 = prev.date, ev.date
            if d1 is not None and d2 is not None and (d1.first, d1.last) != (d2.first, d2.last):
                continue
            if prev.location and ev.location and prev.location != ev.location \
                    and prev.type != "CONSULT" and state_of.get(prev.location) != ev.location \
                    and state_of.get(ev.location) != prev.location:
                continue  # trainers arriving in Niger and a build-up in eastern Libya

            # the more precise place: a capital over its country
            where = ev.location if prev.location is None or (
                ev.location is not None and state_of.get(ev.location) == prev.location) \
                else prev.location
            out[k] = replace(
                prev, mode=prev.mode or ev.mode,
                evidence=prev.evidence + tuple(s for s in ev.evidence if s not in prev.evidence),
                date=prev.date or ev.date, location=where,
                attributed_to=tuple(_uniq((*prev.attributed_to, *ev.attributed_to))),
            )
            break
        else:
            kin.append(len(out))
            out.append(ev)
    return [replace(ev, id=f"v{i}") for i, ev in enumerate(out, start=1)]
