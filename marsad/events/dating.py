"""When an event happened: the date of its clause, a statement's date for a same-day report,
a day counted from the story ("في اليوم التالي"), or a date told later in the sentence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from ..doc import DateValue, Event
from ..text.normalize import match_key
from .anaphora import during_told_meeting
from .clause import Context, Roles
from .lexicon import Lexicon
from .places import pair_meeting
from .view import DocView, unprefix


def dates_statement(v: DocView, lex: Lexicon, d: DateValue) -> bool:
    """The date follows a statement noun ("في بيان الأحد", "في منشور مساء السبت")."""
    i = v.token_at(d.start)
    if i <= 0:
        return False
    k = v.keys[i - 1]
    nouns = lex.words.statement_nouns
    return k in nouns or (k[:1] in ("و", "ب") and k[1:] in nouns)


def opens_period(v: DocView, d: DateValue) -> bool:
    """"منذ مطلع 2025": a date after منذ starts an ongoing period; it does not date an
    event (whereas "منذ ثلاثة أيام" is a point in time and carries منذ in its own text)."""
    i = v.token_at(d.start)
    return i > 0 and v.keys[i - 1] in ("منذ", "ومنذ") \
        and not match_key(d.text).startswith("منذ")


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


def date_from_rest(v: DocView, lex: Lexicon, events: list[Event], first: int,
                   dates: list[DateValue], triggers: list[tuple[int, str]]) -> None:
    """An undated event of the sentence (``events[first:]``) takes a date told later in
    it when no trigger of another type comes between ("دخل وقف إطلاق النار … حيز التنفيذ
    في الساعة الرابعة من فجر اليوم": "حيز التنفيذ" retells the truce; but in "بعد زيارات
    متكررة، العام الماضي" the year is the visits')."""
    told = events[first:]
    used = {id(ev.date) for ev in told if ev.date is not None}
    for k, ev in enumerate(told):
        if ev.date is not None or ev.trigger is None:
            continue
        t_last = v.last_token_before(ev.trigger.end)
        later = [d for d in dates if d.start >= ev.trigger.end and id(d) not in used
                 and not any(ev.trigger.end <= at < d.start and kind != ev.type
                             for at, kind in triggers)
                 and not in_relative_clause(v, lex, t_last, d)]
        if later:
            events[first + k] = replace(ev, date=later[0])
            used.add(id(later[0]))


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
