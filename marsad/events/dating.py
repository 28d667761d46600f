"""When an event happened: the date of its clause, a statement's date for a same-day report,
a day counted from the story ("في اليوم التالي"), or a date told later in the sentence."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from ..data import load_yaml
from ..doc import DateValue, Event, Span
from ..text.normalize import match_key
from .anaphora import during_told_meeting
from .clause import Context, Roles
from .discourse import Sentence
from .lexicon import REACTIONS, Lexicon
from .places import pair_meeting
from .triggers import PhraseSet
from .view import DocView, unprefix


def dates_statement(v: DocView, lex: Lexicon, d: DateValue) -> bool:
    """The date follows a statement noun ("في بيان الأحد", "في منشور مساء السبت")."""
    return statement_at(v, lex, v.token_at(d.start))


def statement_at(v: DocView, lex: Lexicon, i: int) -> bool:
    """A date at token ``i`` dates a statement: right after a statement noun ("في بيان
    الأحد") or its verb of issuing ("في بيان صدر مساء الأحد"), or closing the phrase that
    cites it ("وصل الوفد، وفق بيان للوزارة، في اليوم
    نفسه": the statement's day, not the arrival's)."""
    if i <= 0:
        return False
    nouns = lex.words.statement_nouns

    def noun(k: str) -> bool:
        return k in nouns or (k[:1] in ("و", "ب") and k[1:] in nouns)

    if noun(v.keys[i - 1]):
        return True
    # "في بيان صدر مساء الأحد"، "في بيان أصدرته الأحد"، "في تصريح نشره يوم الاثنين"
    k = i - 1 - (v.keys[i - 1] in ("يوم", "في"))
    if k >= 1 and unprefix(v.keys[k], "و") in lex.words.issuing_verbs and noun(v.keys[k - 1]):
        return True
    # the date right after the comma closing "وفق بيان <whose>،" (behind في at most)
    k = i - 1 - (v.keys[i - 1] in ("في", "وفي"))
    if k < 2 or v.keys[k] not in ("،", ","):
        return False
    for j in range(k - 1, max(k - _CITED_REACH, 1), -1):
        cue = v.keys[j - 1]
        if noun(v.keys[j]) and (cue in lex.words.according_words
                                or cue[1:] in lex.words.according_words and cue[:1] == "و"):
            return True
    return False


# how many words may name whose statement it is ("وفق بيان آخر للمصدر ذاته، في اليوم نفسه")
_CITED_REACH = 5


def opens_period(v: DocView, d: DateValue) -> bool:
    """"منذ مطلع 2025": a date after منذ starts an ongoing period; it does not date an
    event (whereas "منذ ثلاثة أيام" is a point in time and carries منذ in its own text)."""
    i = v.token_at(d.start)
    return i > 0 and v.keys[i - 1] in ("منذ", "ومنذ") \
        and not match_key(d.text).startswith("منذ")


def dates_an_act(v: DocView, d: DateValue) -> bool:
    """A date that can date an act told as done: resolved, opening no period ("منذ مطلع
    2025") and not after the report (a day after publication is a plan's: "سيزور البلاد في
    أبريل المقبل")."""
    published = v.doc.published
    return d.first is not None and not opens_period(v, d) and (
        published is None or d.first <= published)


def in_relative_clause(v: DocView, lex: Lexicon, t_last: int, d: DateValue) -> bool:
    """The date stands in a relative clause on a name told after the trigger ("التقى حفتر
    بوتين في موسكو التي وصلها مساء الخميس"): it dates that clause's verb (the arrival), not
    the trigger. A relative clause on the event's own noun ("القمة التي استضافتها سان
    بطرسبرغ في 2023") still dates the event."""
    i = v.token_at(d.start)
    keys, rel = v.keys, lex.words.relatives
    if any(keys[j] in rel and j - 1 in v.name_ends for j in range(t_last + 1, i)):
        return True
    if _dates_another_noun(keys, lex, t_last, i):
        return True
    # the trigger after the clause: "… موسكو التي وصلها مساء الخميس في زيارة التقى خلالها"،
    # "عملية إيريني البحرية، التابعة للاتحاد الأوروبي، التي أُطلقت في عام 2020، على فرض
    # حظر الأسلحة" (a clause on a name, or on what an apposition describes)
    reach = lex.words.reach["relative_reach"]
    return i < t_last and any(keys[j] in rel and (j - 1 in v.name_ends or keys[j - 1] in (
        "،", ",")) for j in range(max(i - reach, 1), i))


def before_an_interval(v: DocView, lex: Lexicon, t_first: int, d: DateValue) -> bool:
    """The date stands before "بعد/قبل + a span of time + من" that leads to the trigger
    ("انتُخب في أيار الماضي، بعد أشهر من زيارته إلى موسكو"): the act is that span away
    from the date, so the date is not its own."""
    keys, spans = v.keys, lex.words.interval_nouns
    for j in range(v.token_at(d.end - 1) + 1, t_first - 1):
        if unprefix(keys[j], "و") not in ("بعد", "قبل"):
            continue
        k = j + 1 + (keys[j + 1][:1].isdigit() or keys[j + 1] in ("بضعه", "عده"))
        if k < t_first <= k + 3 and keys[k] in spans and "من" in keys[k + 1 : t_first + 1]:
            return True
    return False


def _dates_another_noun(keys: list[str], lex: Lexicon, t_last: int, i: int) -> bool:
    """A date up to three words after a participle of issuing or concluding ("القرار
    الصادر في 31 أكتوبر"، "الاتفاقية المبرمة عام 2019") dates the noun before it; when that
    noun is the trigger itself (the participle right after it), it dates the event."""
    parts = lex.words.dated_participles
    return any(unprefix(keys[j], "و") in parts and not t_last < j <= t_last + 2
               for j in range(max(i - 3, 0), i))


def future(key: str) -> bool:
    """A verb in the future (سيزور، ستنسحب): a statement's date does not date it."""
    k = unprefix(key, "وف")
    return k[:1] == "س" and k[1:2] in ("ي", "ت", "ن", "ا")


def clause_date(x: Context, dates: Sequence[DateValue]) -> DateValue | None:
    """The clause's date nearest its trigger — but a date between the sentence's last act
    told and this one is that act's when this one names its own after it ("زار الرئيس
    بيونغ يانغ في 19 يونيو والتقى الزعيم في 20 يونيو": the meeting is on the 20th); and a
    date before "أن" that opens the act's clause is the saying's when the clause names its
    own ("أعلنت الشرطة، اليوم، أنها اعتقلت أمس ثلاثة مشتبهين": yesterday)."""
    hit = x.clause.hit
    if len(dates) < 2:
        return dates[0] if dates else None
    prev = next((ev.trigger for ev in reversed(x.sent.events) if ev.trigger is not None
                 and ev.trigger.end <= hit.start), None)
    if prev is not None:
        later = [d for d in dates if d.start >= hit.end]
        if later and any(prev.end <= d.start and d.end <= hit.start for d in dates):
            return nearest_date(later, hit.start)
    comp = _opening_complementiser(x)
    if comp is not None:
        inside = [d for d in dates if d.start >= comp]
        if inside and len(inside) < len(dates):
            return nearest_date(inside, hit.start)
    return nearest_date(dates, hit.start)


def _opening_complementiser(x: Context) -> int | None:
    """Where the complementiser ("أن"، "إنه") that opens the trigger's clause ends, when
    one stands in the few words before the trigger (the clause of what was said)."""
    v, c = x.doc, x.clause
    comps = x.lex.words.complementisers
    for j in range(c.t_first - 1, max(c.t_first - _COMP_REACH, x.sent.a) - 1, -1):
        if unprefix(v.keys[j], "و") in comps:
            return v.tokens[j].end
    return None


# how far before its verb the complementiser of a said act may stand ("أنها اعتقلت"، "أن
# قوات الأمن التركية اعتقلت")
_COMP_REACH = 5


def nearest_date(dates: Sequence[DateValue], at: int) -> DateValue | None:
    if not dates:
        return None
    return min(dates, key=lambda d: min(abs(d.start - at), abs(d.end - at)))


def story_date(v: DocView, lex: Lexicon, story_at: list[tuple[int, int]], c_lo: int,
               c_hi: int, events: list[Event], own_dates: Sequence[DateValue] = ()
               ) -> DateValue | None:
    """The day a story-relative phrase in the clause names, from the last day told before
    it in its sentence ("في 17 فبراير، حين حطّ حفتر في مينسك … قبل أن يعقد في اليوم نفسه
    محادثات"), else from the last event told before with a single day (None without)."""
    at = next(((f, z) for f, z in story_at if c_lo <= v.tok_starts[f] < c_hi), None)
    if at is None:
        return None
    here = [d.first for d in own_dates if d.end <= v.tok_starts[at[0]] and d.first is not None
            and d.first == d.last and d.precision == "day"]
    base = here[-1] if here else next((
        ev.date.first for ev in reversed(events) if ev.date is not None
        and ev.date.first is not None and ev.date.first == ev.date.last
        and ev.date.precision == "day"), None)
    if base is None:
        return None
    f, last = at
    phrase = " ".join(v.keys[f : last + 1])
    days = lex.cues["story_days"]
    offset = days.get(phrase, days.get(unprefix(phrase, "وف"), 0))
    start, end = v.tokens[f].start, v.tokens[last].end
    day = base + timedelta(days=offset)
    return DateValue(start, end, v.text[start:end], day, day, "day")


def fronted_date(v: DocView, lex: Lexicon, s_a: int, dates: Sequence[DateValue],
                 t_first: int) -> DateValue | None:
    """A date that opens the sentence, set off by a comma ("وفي 6 مارس الماضي، رفعت الحكومة
    دعوى …"، "وحتى مساء الأحد، رفضت الأحزاب القرار، وطالبت بإلغائه"), scopes over the
    whole sentence: it dates an act of it whose clause names no date of its own — not one
    told in a relative clause ("… الوزير الذي زار موسكو"). A sentence going on after a
    semicolon ("وحتى مساء الأحد، عارضت الأحزاب القرار؛ إذ وصفته بأنه انقلاب") is still
    under the date that opened the one before it."""
    if t_first < 1 or v.keys[t_first - 1] in lex.words.relatives:
        return None
    d = _opening_date(v, lex, s_a, dates, t_first)
    if d is not None or s_a < 1 or v.keys[s_a - 1] != "؛":
        return d
    doc = v.doc
    k = bisect.bisect_right([x.start for x in doc.sentences], v.tokens[s_a - 1].start) - 1
    if k < 0:
        return None
    prev = doc.sentences[k]
    lo, hi = (bisect.bisect_left(v.date_starts, at) for at in (prev.start, prev.end))
    return _opening_date(v, lex, v.token_at(prev.start),
                         [x for x in doc.dates[lo:hi] if x.first is not None], s_a - 1)


def coordinated_verb_date(v: DocView, lex: Lexicon, s_a: int, dates: Sequence[DateValue],
                          t_first: int) -> DateValue | None:
    """A verb joined by "، و" to the sentence's dated clause ("تعرضت المدينة، اليوم الأربعاء،
    لسلسلة غارات، واستهدفت مواقع للجيش") goes on with it: the one date told before it is
    its own. Not a clause of the past perfect ("، وكانت القوات قد انسحبت"), nor past a
    complementiser or relative, nor when two dates come before it."""
    keys = v.keys
    if keys[t_first][:1] != "و" or keys[t_first - 1] not in ("،", ","):
        return None
    before = [d for d in dates if d.end <= v.tokens[t_first].start]
    if len(before) != 1:
        return None
    j = v.last_token_before(before[0].end) + 1
    stops = lex.words.complementisers | lex.words.relatives
    if any(k in stops or k in (".", "؛", "قد", "وقد", "وكان", "وكانت") for k in
           keys[j:t_first + 3]):
        return None
    return before[0] if v.token_at(before[0].start) >= s_a else None


def _opening_date(v: DocView, lex: Lexicon, s_a: int, dates: Sequence[DateValue],
                  before: int) -> DateValue | None:
    """The sentence's first date when it opens the sentence (behind و، في، حتى at most)
    and a comma closes it before token ``before``."""
    if not dates:
        return None
    d = dates[0]
    i, j = v.token_at(d.start), v.last_token_before(d.end) + 1
    if i - s_a > 2 or j >= before or v.keys[j] not in ("،", ","):
        return None
    return d if all(k in lex.words.date_openers for k in v.keys[s_a:i]) else None


def date_from_rest(v: DocView, lex: Lexicon, events: list[Event], first: int,
                   dates: list[DateValue], triggers: list[tuple[int, str]],
                   unresolved: Sequence[int] = ()) -> None:
    """An undated event of the sentence (``events[first:]``) takes a date told later in
    it when no trigger of another type comes between ("دخل وقف إطلاق النار … حيز التنفيذ
    في الساعة الرابعة من فجر اليوم": "حيز التنفيذ" retells the truce; but in "بعد زيارات
    متكررة، العام الماضي" the year is the visits'), nor a date the text names but no
    publication date resolves (``unresolved``, their starts: "ووصل الوفد الثلاثاء، وفق بيان
    في اليوم نفسه": the arrival has its own day, unknown, not the statement's)."""
    told = events[first:]
    # (a date an occasion's noun took, "على هامش زيارة … الأحد", is left to the act too:
    # its trigger is not among ``triggers``)
    acts = {at for at, _ in triggers}
    used = {id(ev.date) for ev in told if ev.date is not None
            and (ev.trigger is None or ev.trigger.start in acts)}
    for k, ev in enumerate(told):
        if ev.date is not None or ev.trigger is None:
            continue
        t_last = v.last_token_before(ev.trigger.end)
        later = [d for d in dates if d.start >= ev.trigger.end and id(d) not in used
                 and not any(ev.trigger.end <= at < d.start and kind != ev.type
                             for at, kind in triggers)
                 and not any(ev.trigger.end <= at < d.start for at in unresolved)
                 and not in_relative_clause(v, lex, t_last, d)]
        if later:
            events[first + k] = replace(ev, date=later[0])
            used.add(id(later[0]))


def in_a_frame(v: DocView, lex: Lexicon, i: int) -> bool:
    """The trigger at token ``i`` names the occasion of the sentence's act ("وقعت مصر
    وتركيا، على هامش زيارة أردوغان للقاهرة الأحد، اتفاقيات"، "خلال زيارته"): its date is
    the act's too, so it does not keep the act from a date told after it."""
    return i > 0 and unprefix(v.keys[i - 1], "و") in lex.words.occasion_frames


def a_documents_noun(v: DocView, lex: Lexicon, i: int) -> bool:
    """The trigger at token ``i`` is a document's noun after a preposition ("انسحبت من
    الاتفاق النووي عام 2018"، "بخرق للاتفاق"): the act's object, not an act with a time of
    its own, so a date told after it is the act's (a date of the document itself is told
    with a participle, "الاتفاق الموقع عام 2015", and is not taken)."""
    k = unprefix(v.keys[i], "و")
    bare = next((k[n:] for n in (1, 2, 3) if k[n:] in lex.words.document_nouns), None)
    if bare is None:
        return False
    return k[:1] in ("ب", "ل") or (i > 0 and v.keys[i - 1] in lex.words.prepositions)


def date_of_the_meeting(x: Context, r: Roles) -> DateValue | None:
    """"ووقّعت خلال الزيارة اتفاقية للتعاون"، "ودعا الرئيسان إسرائيل إلى وقف النار": an
    act during a meeting told before, or done by the two sides of it, with no date of its
    own, happened on the meeting's date (not a promise for later: "سيزور")."""
    c, v = x.clause, x.doc
    if c.is_verb and future(v.keys[c.t_first]):
        return None
    met = pair_meeting(x, r)
    if met is None and not x.sent.words.isdisjoint(x.lex.words.meeting_nouns):
        met = during_told_meeting(v, x.lex, x.disc.events, max(c.left, c.t_first - 8),
                                  min(c.hi + 3, x.sent.b))
    return met.date if met is not None else None


def headline_on_the_lead_day(events: list[Event], headline: Span | None,
                             lead_dates: Sequence[DateValue] = ()) -> list[Event]:
    """A headline event the body does not retell ("الحكومة تعلّق عضوية البلد وتدعو إلى سحب
    السفراء") is the day's news the lead tells: undated, it takes the date of the lead's
    first dated event (the first sentence past the headline that has a dated event); with
    none, the first day the sentence after the headline names (``lead_dates``: "الجامعة
    تدعو إلى وقف النار" over "عقد المجلس، أمس الثلاثاء، اجتماعا طارئا …", which tells no
    event of its own)."""
    if headline is None:
        return events
    body = sorted((ev for ev in events if ev.evidence[0] != headline),
                  key=lambda ev: ev.evidence[0].start)
    day = None
    if body:
        lead = body[0].evidence[0]
        day = next((ev.date for ev in body if ev.evidence[0] == lead and ev.date is not None
                    and ev.date.first is not None), None)
    if day is None:
        day = next((d for d in lead_dates if d.first is not None and d.first == d.last), None)
    if day is None:
        return events
    return [replace(ev, date=DateValue(ev.evidence[0].start, ev.evidence[0].start, "",
                                       day.first, day.last, day.precision))
            if ev.date is None and ev.evidence[0] == headline else ev for ev in events]


def news_day_goes_on(v: DocView, lex: Lexicon, events: list[Event], headline: Span | None
                     ) -> list[Event]:
    """The sentences after an article's lead go on telling its news day until a sentence
    names another day ("تعرضت المدينة، اليوم الأربعاء، لغارات. وقصفت طائرة مسيرة مقرا …
    . إلى ذلك، استقدم التحالف تعزيزات …": the same Wednesday): an undated act told
    there took place on the lead's day — not one set before the story ("وكانت القوات قد
    انسحبت"، "وسبق أن اتهمت"), told as its cause ("بعد اعتقال …") or to come ("سيزور").
    The lead's day is the one day its events carry when it is the publication date (by
    ``lead_on_the_day``, or named: "اليوم"); a lead on an earlier day ("قال الوزير، أمس
    السبت، …") leaves the rest of the day unknown. A past date other than it, named later,
    ends the news day (a date after publication is a plan's, and "منذ 2011" opens a period:
    neither does)."""
    doc = v.doc
    if doc.published is None:
        return events
    body = sorted((ev for ev in events if headline is None or ev.evidence[0].start >= headline.end),
                  key=lambda ev: ev.evidence[0].start)
    if not body:
        return events
    at = body[0].evidence[0].start
    lead = next((s for s in doc.sentences if s.start <= at < s.end), None)
    day = next((ev.date for ev in body if lead is not None and ev.date is not None
                and lead.start <= ev.evidence[0].start < lead.end and ev.date.first is not None
                and ev.date.first == ev.date.last), None)
    if lead is None or day is None or day.first != doc.published or day.last != day.first:
        return events
    end = _news_day_end(v, lex, lead.end, day.first)
    return [replace(ev, date=DateValue(ev.evidence[0].start, ev.evidence[0].start, "",
                                       day.first, day.last, day.precision))
            if ev.date is None and lead.end <= ev.evidence[0].start < end
            and not _before_the_story(v, lex, ev) else ev for ev in events]


def _news_day_end(v: DocView, lex: Lexicon, after: int, day: date) -> int:
    """Where the news day ends: the start of the first sentence past ``after`` that names
    a past day other than ``day`` (the text's end when none does). A date that dates a
    noun before it ("الاتفاق الموقع عام 2015"، "المولود عام 1980") tells no time of the
    story."""
    doc = v.doc
    for d in doc.dates[bisect.bisect_left(v.date_starts, after):]:
        if d.first is None or d.last is None or d.first <= day <= d.last \
                or not dates_an_act(v, d) \
                or _dates_another_noun(v.keys, lex, -_NO_TRIGGER, v.token_at(d.start)):
            continue
        return next((s.start for s in doc.sentences if s.start <= d.start < s.end), d.start)
    return len(doc.text)


# (no trigger for ``_dates_another_noun`` to exempt)
_NO_TRIGGER = 10


def _before_the_story(v: DocView, lex: Lexicon, ev: Event) -> bool:
    """The act is told as background, a cause or a plan: a past perfect or "سبق أن", or a
    cause word ("بعد"، "عقب"، "إثر"), in the three words before its trigger; or a verb in
    the future."""
    if ev.trigger is None:
        return True
    i = v.token_at(ev.trigger.start)
    if future(v.keys[i]):
        return True
    before = v.keys[max(i - 3, 0):i]
    return any(k in lex.words.before_the_story or unprefix(k, "و") in lex.words.cause_cues
               for k in before)


def statement_day(v: DocView, s: Sentence) -> tuple[frozenset[str], DateValue] | None:
    """The speakers and the date of a dated statement told in the sentence: a date a few
    words after a cited speaker's verb of saying ("قال الوزير، أمس السبت، إن …"، "وأشار
    المتحدث، في مقابلة تلفزيونية اليوم الاثنين، إلى أن …")."""
    for d in sorted(s.dates + s.statement_dates, key=lambda x: x.start):
        i = v.token_at(d.start)
        who = frozenset(c.entity_id for c in s.cited
                        if not c.scope_all and c.cue_token < i <= c.cue_token + _SAID_REACH)
        if who:
            return who, d
    return None


# how far after a verb of saying its date may stand (behind the speaker's title and name,
# and "في مقابلة مع …")
_SAID_REACH = 9


# acts made by speaking: told in a statement, they were made when it was
SPOKEN = REACTIONS - {"PROTEST"}


def same_statement_day(v: DocView, lex: Lexicon, read: Sequence[Sentence],
                       events: list[Event]) -> None:
    """A speech act that opens a sentence going on with a dated statement ("قال الوزير، أمس
    السبت، إن … . وأضاف … . كما طالب الحكومة بوقف الدعم"، "ونفى المتحدث …"), made by its
    speaker and naming no date of its own, was made in that statement: it takes its date.
    What the speaker reports ("وأشار إلى أن الجيش قصف …") keeps its own date. The statement
    ends at a sentence that names a date of its own."""
    said: tuple[frozenset[str], DateValue] | None = None
    at = {ev.trigger.start: k for k, ev in enumerate(events) if ev.trigger is not None}
    for s in read:
        if s.dates or s.statement_dates:
            said = statement_day(v, s)
            continue
        if said is None:
            continue
        who, day = said
        # the verb opens the sentence ("ونفى"), or follows "كما" ("كما طالب"); or the
        # sentence quotes the speaker again ("وقال الجيش: «ردا على انتهاكات …»") and the
        # act is a speech act of theirs
        opening = (0, 1) if unprefix(v.keys[s.a], "و") in lex.words.also_words else (0,)
        quoted = any(c.cue_token == s.a and c.entity_id in who for c in s.cited)
        for h in s.hits:
            k = at.get(h.start)
            if k is None or events[k].date is not None or not who & set(events[k].actors):
                continue
            if (h.trigger.pos == "verb" and h.first_token in opening) or (
                    quoted and events[k].type in SPOKEN):
                events[k] = replace(events[k], date=day)


def said_in_the_next_statement(v: DocView, read: Sequence[Sentence], events: list[Event]
                               ) -> None:
    """A speech act told undated ("دعا المستشار الأمريكي قوات الدعم السريع إلى حماية
    المدنيين") and quoted in the very next sentence by a dated statement of its speaker
    ("وقال المستشار عبر حسابه، مساء أمس الأحد، إن …") was made in that statement: it takes
    its date. Not an act of another side, nor one the next sentence does not quote."""
    at = {ev.trigger.start: k for k, ev in enumerate(events) if ev.trigger is not None}
    starts = [x.start for x in v.doc.sentences]
    for s, nxt in zip(read, read[1:], strict=False):
        if not (nxt.dates or nxt.statement_dates):
            continue
        n = bisect.bisect_right(starts, s.span.start)  # (the sentence right after ``s``)
        if n >= len(starts) or nxt.span.start != starts[n]:
            continue
        said = statement_day(v, nxt)
        if said is None or said[1].first is None:
            continue
        who, day = said
        for h in s.hits:
            k = at.get(h.start)
            if k is not None and events[k].date is None and events[k].type in SPOKEN \
                    and who & set(events[k].actors):
                events[k] = replace(events[k], date=day)


@lru_cache(maxsize=1)
def _story_periods() -> tuple[PhraseSet, dict[str, str], frozenset[str]]:
    """The phrases of dates.yaml's ``story_periods``, the unit each names, and their words
    (a sentence with none of them names no such period: most sentences)."""
    units = {match_key(w): str(e["unit"]) for e in load_yaml("ar/dates.yaml").get(
        "story_periods") or [] for w in e["words"]}
    return PhraseSet(tuple(units)), units, frozenset(w for p in units for w in p.split(" "))


def same_period_date(v: DocView, lex: Lexicon, s_a: int, s_b: int, lo: int, hi: int,
                     events: Sequence[Event], told: int, words: frozenset[str]
                     ) -> DateValue | None:
    """"وفي العام نفسه، قال دبلوماسيون إن …"، "وفي الشهر ذاته وقّع البلدان اتفاقا": a period
    named as the same as the story's, in the act's clause (tokens [lo, hi)) or opening the
    sentence (whose words are ``words``), is the year (month) of the last dated event told
    before it (``events[:told]``)."""
    phrases, units, cues = _story_periods()
    if len(cues & words) < 2:
        return None
    found = [(a + s_a, z + s_a) for a, z in phrases.positions(v.keys[s_a:s_b])]
    at = next(((a, z) for a, z in found if lo <= a < hi or (
        a - s_a <= 2 and all(k in lex.words.date_openers for k in v.keys[s_a:a]))), None)
    base = next((ev.date.first for ev in reversed(events[:told]) if ev.date is not None
                 and ev.date.first is not None), None)
    if at is None or base is None:
        return None
    unit = units[" ".join(v.keys[at[0] : at[1] + 1])]
    if unit == "year":
        first, last = date(base.year, 1, 1), date(base.year, 12, 31)
    else:
        nxt = date(base.year + base.month // 12, base.month % 12 + 1, 1)
        first, last = base.replace(day=1), nxt - timedelta(days=1)
    start, end = v.tokens[at[0]].start, v.tokens[at[1]].end
    return DateValue(start, end, v.text[start:end], first, last, unit)


def received_on_arrival(x: Context, r: Roles) -> DateValue | None:
    """"زار الرئيس القاهرة أمس. واستقبله نظيره لدى وصوله"، "وكان في استقبال الوزير نائب وزير
    الدفاع": a reception of the visitor of the last visit told, naming no day of its own,
    was on the day of that visit (or arrival) when it is one day."""
    if x.clause.trigger.id not in x.lex.words.reception_triggers or not r.actors:
        return None
    visit = next((ev for ev in reversed(x.disc.events) if ev.type == "CONSULT"
                  and ev.mode == "visit"), None)
    if visit is None or not set(r.actors) & set(visit.actors):
        return None
    d = visit.date
    return d if d is not None and d.first is not None and d.first == d.last else None
