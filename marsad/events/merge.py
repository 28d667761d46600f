"""One event per real happening: a headline folded into the body's event, retellings merged
(same type and participants, compatible date and place), habits and concurrent acts kept
apart."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..doc import Event, Span
from .lexicon import MODED_TYPES, Lexicon
from .view import DocView, uniq, unprefix


def fold_headline(events: list[Event], headline: Span | None,
                  nation_of: dict[str, str] | None = None) -> list[Event]:
    """A headline retells what the body tells ("حفتر يلتقي بوتين ووزير الدفاع الروسي في
    موسكو"): its event joins the body's event of the same type that shares a participant
    (as one more piece of evidence), or whose people are of the headline's states
    ("وزيرا خارجية مصر والأردن يبحثان …" and the two ministers named in the body); a
    headline event the body does not tell stays."""
    if headline is None:
        return events
    heads = [ev for ev in events if ev.evidence[0] == headline]
    body = [ev for ev in events if ev.evidence[0] != headline]
    out = list(body)
    nations = nation_of or {}
    for h in heads:
        who = {*h.actors, *h.targets}
        # a headline that names nobody ("مقتل عنصرين في اشتباكات بطرابلس") retells the
        # body's first event of its type
        k = next((i for i, ev in enumerate(out) if ev.type == h.type
                  and (who & {*ev.actors, *ev.targets} or not who
                       or who & {nations.get(p, p) for p in (*ev.actors, *ev.targets)})),
                 None)
        if k is None:
            out.insert(0, h)
            continue
        ev = out[k]
        out[k] = replace(ev, evidence=ev.evidence + (headline,),
                         location=ev.location or h.location, date=ev.date or h.date)
    return out


# Closing marks of a sentence: a line that ends in none of them is a heading
_CLOSING = frozenset('.!?؟:؛…"”»)')


def subheading(text: str, span: Span, most_words: int) -> bool:
    """A short line of its own with no closing mark between two lines of prose: a subheading
    or a teaser ("الحوثيون يهاجمون سفينة حاويات"، "عدوان جوي على ريف دمشق") that heads the
    section telling it. (A sentence broken over two lines is no heading: its span holds the
    line break; nor is a line of a list, whose neighbours are short lines too.)"""
    if "\n" in text[span.start : span.end]:
        return False
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    end = len(text) if end < 0 else end
    if not _short_line(text[start:end], most_words):
        return False
    before = text[:start].rstrip().rsplit("\n", 1)[-1]
    after = text[end:].lstrip().split("\n", 1)[0]
    return bool(before.strip()) and bool(after.strip()) \
        and not _short_line(before, most_words) and not _short_line(after, most_words)


def _short_line(line: str, most_words: int) -> bool:
    line = line.strip()
    return 0 < len(line.split()) <= most_words and line[-1] not in _CLOSING


def fold_subheadings(events: list[Event], text: str, most_words: int) -> list[Event]:
    """An event told by a subheading joins the event of its type the body tells (the
    first after the heading, else the last before it), as one more piece of evidence:
    "الحوثي يهاجم سفينة حاويات" over "أعلنت جماعة الحوثي مسؤوليتها عن الهجوم على سفينة"
    is that attack. A subheading whose act the body does not tell stays."""
    heads = {i for i, ev in enumerate(events)
             if ev.evidence[0].start > 0 and subheading(text, ev.evidence[0], most_words)}
    if not heads:
        return events
    out = list(events)
    for i in sorted(heads):
        h = events[i]
        body = [k for k, ev in enumerate(events) if k not in heads and ev.type == h.type]
        k = next((k for k in body if k > i), body[-1] if body else None)
        if k is None:
            continue
        out[k] = replace(out[k], evidence=out[k].evidence + h.evidence)
    return [ev for i, ev in enumerate(out) if i not in heads or not any(
        k not in heads and e.type == ev.type for k, e in enumerate(events))]


def habitual(v: DocView, lex: Lexicon, ev: Event) -> bool:
    """A word of repetition within two words of the trigger ("زار مرارا"، "زيارات متكررة")."""
    if ev.trigger is None:
        return False
    first = v.token_at(ev.trigger.start)
    last = v.last_token_before(ev.trigger.end)
    return bool(lex.cues["habitual"].positions(v.keys[max(first - 2, 0) : last + 4]))


# Words after a meeting noun that name its sides: "اللقاء بين الوزيرين"، "الاجتماع مع نظيره"
# (and "زيارته لقطر"، "زيارته إلى موسكو": where a visit went, see names_own_side)
_SIDES_FOLLOW = frozenset({"بين", "مع"})
# Gatherings of many ("القمة"، "المؤتمر"، "المنتدى"): a bilateral meeting is held on their
# sidelines, so the gathering told later is its own happening, not that meeting retold
_GATHERINGS = frozenset({"قمه", "موتمر", "منتدي", "جوله", "حوار"})  # (match keys)


def names_told_meeting(v: DocView, lex: Lexicon, ev: Event) -> bool:
    """A meeting named by a definite noun (or a possessive one) that names no sides of its
    own: "وأكد الوزير في اللقاء أن …"، "وتناولت المباحثات التي جرت في العاصمة …"، "خلال
    زيارته" — the article's word for a meeting it has told already. (A verb such as
    "التقى" is no such noun, nor is "اللقاء بين الوزيرين", which names its sides.)"""
    word = _one_word_trigger(v, ev) if ev.type == "CONSULT" else None
    if word is None:
        return False
    key, after = word
    w = lex.words
    bare = key[2:] if key[:2] == "ال" else key
    told = (key in w.meeting_nouns or (key != bare and bare in w.talks_nouns)) \
        and bare not in _GATHERINGS
    return told and not names_own_side(after, w.to_preps)


def names_told_act(v: DocView, lex: Lexicon, ev: Event) -> bool:
    """An act other than a meeting named by one definite noun that names no side of its
    own: "قصفت الطائرات مخزنا للذخيرة قرب المدينة" … "وأسفرت الغارة عن مقتل ثلاثة"،
    "وجاء البيان بعد ساعات" — the article's word for an act it has told already. (A verb
    such as "قصفت" is no such noun, nor is "هجوم صاروخي", which tells an act anew; the
    sides the noun's sentence names are checked when it is merged: _told_sides.)"""
    word = _one_word_trigger(v, ev) if ev.type != "CONSULT" else None
    if word is None:
        return False
    key, after = word
    definite = len(key) > 4 and key[:2] in ("ال", "لل")  # (لل: "للهجوم" = ل + الهجوم)
    return definite and not names_own_side(after, lex.words.to_preps)


def _one_word_trigger(v: DocView, ev: Event) -> tuple[str, str] | None:
    """The key of an event's one-word trigger (و ف ب off) and the key of the word after
    it; None for a trigger of several words."""
    if ev.trigger is None:
        return None
    first = v.token_at(ev.trigger.start)
    if first != v.last_token_before(ev.trigger.end):
        return None
    after = v.keys[first + 1] if first + 1 < len(v.keys) else ""
    return unprefix(v.keys[first], "وفب"), after


def names_own_side(after: str, to_preps: frozenset[str]) -> bool:
    """The word after a meeting noun names its side or where it went: "اللقاء بين
    الطرفين"، "الاجتماع مع نظيره"، "زيارته لقطر"، "الزيارة إلى موسكو"."""
    return after in _SIDES_FOLLOW or after in to_preps or (len(after) > 2 and after[0] == "ل")


def same_happening(a: Event, b: Event, etype: dict[str, str],
                   purposes: set[tuple[int, int]] = frozenset()  # type: ignore[assignment]
                   ) -> Event | None:
    """``a`` updated with ``b``'s targets when, within one sentence, the two tell one
    happening with different targets: "زار يفكيروف روسيا للقاء حفتر" names the place
    visited (only states and cities as targets) and then whom the visit was for; or one
    side's targets contain the other's. None when they are different happenings."""
    if a.evidence[-1] != b.evidence[0]:
        return None
    # an arrival and a meeting during the visit are two events ("وصل الوزير إلى روما،
    # والتقى نظيره"); a visit "للقاء X" (a meeting as its purpose) is one
    mixed = (a.mode == "visit") != (b.mode == "visit")
    purpose = _span(a) in purposes or _span(b) in purposes
    visit = a if a.mode == "visit" else b
    if mixed and not purpose and not visit.targets:
        return None  # (an arrival that names no host)
    ta, tb = set(a.targets), set(b.targets)
    if ta <= tb or tb <= ta:
        return replace(a, targets=b.targets) if len(tb) > len(ta) else a
    a_places = all(etype.get(t) == "GPE" for t in a.targets)
    b_places = all(etype.get(t) == "GPE" for t in b.targets)
    if mixed and not purpose:
        return None
    if a_places and not b_places:
        return replace(a, targets=b.targets, location=a.location or a.targets[0])
    if b_places and not a_places:
        return replace(a, location=a.location or b.targets[0])
    return None


def _anonymous_retelling(prev: Event, ev: Event) -> tuple[Event, Event] | None:
    """An act retold without its actor, on what the other telling names as its target
    ("فجّر انتحاري من حركة الشباب سيارة مفخخة أمام فندق الصفا" … "وأسفر الهجوم على فندق
    الصفا عن قتلى"): both with the named actors, or None when they are not one act."""
    for a, b in ((prev, ev), (ev, prev)):
        # (an act that names nobody retells one at the same place: "مقتل عنصرين في
        # اشتباكات بطرابلس" … "واندلعت الاشتباكات في طرابلس بين X وY")
        nobody = not a.targets and a.location is not None and a.location == b.location
        if not a.actors and (a.targets or nobody) and b.actors \
                and set(a.targets) <= set(b.targets):
            return (replace(prev, actors=b.actors, targets=b.targets),
                    replace(ev, actors=b.actors, targets=b.targets))
        # one telling names only whom it hit, the other only who did it ("الهجوم على فندق
        # الصفا" … "جرحى هجوم حركة الشباب الذي استهدف الفندق"): one act with both
        if not a.actors and a.targets and b.actors and not b.targets \
                and not set(a.targets) & set(b.actors):
            return (replace(prev, actors=b.actors, targets=a.targets),
                    replace(ev, actors=b.actors, targets=a.targets))
    return None


def _visit_retold(prev: Event, ev: Event) -> Event | None:
    """A visit retold later without its host ("زار الوزير موسكو الأحد … وخلال الزيارة"،
    "في زيارة التقى خلالها"): ``prev`` with the host the other telling names (the place
    and date are checked by the caller)."""
    if prev.type != "CONSULT" or prev.mode != "visit" or ev.mode != "visit" \
            or (prev.targets and ev.targets):
        return None
    return prev if prev.targets else replace(prev, targets=ev.targets)


def _meeting_retold(prev: Event, ev: Event, etype: dict[str, str]) -> Event | None:
    """A meeting retold with the same people, once with a state beside them ("لقاء بين
    سفيرها لدى ليبيا والمشير" … "كما التقى السفير المشير"): one meeting (the date and
    place are checked by the caller; a person more is another meeting)."""
    if prev.type != "CONSULT":
        return None
    ta, tb = set(prev.targets), set(ev.targets)
    if (prev.mode == "visit") != (ev.mode == "visit"):
        # a reception retold as the meeting with its party ("استقبل بوتين حفتر" … "التقى
        # حفتر بوتين ووزير دفاعه"): receivers only, one within the other
        if not ta or not tb or not (ta <= tb or tb <= ta) \
                or any(etype.get(i) != "PER" for i in ta | tb):
            return None
        return prev if len(ta) >= len(tb) else replace(prev, targets=ev.targets)
    if not ta or not tb or not (ta <= tb or tb <= ta) \
            or any(etype.get(i) != "GPE" for i in ta ^ tb):
        return None
    return prev


def _places_apart(a: Event, b: Event, lies_in: dict[str, str]) -> bool:
    """Two meetings told in places known to lie in two different states (Moscow and
    Benghazi; a region and a city in it may be one meeting told twice)."""
    x, y = lies_in.get(a.location or ""), lies_in.get(b.location or "")
    return x is not None and y is not None and x != y


# Acts an article tells once and then retells in short; attacks, raids, protests and
# statements repeat (two strikes by one air force are two events)
RETOLD_TYPES = frozenset({"AGREE", "RETREAT", "CONCEDE", "SANCTION", "COOPERATE", "AID"})


def _retold_with_fewer(prev: Event, ev: Event) -> tuple[Event, Event] | None:
    """An act retold later with fewer of its sides ("أنجزت الولايات المتحدة انسحابها من
    النيجر" … "وقالت القيادة إن انسحاب العتاد الأميركي اكتمل"; "وقّعت الحكومة والمجلس
    اتفاقا" … "ووصفت الحكومة الاتفاق بالتاريخي"): both with the fuller sides, when they
    share an actor and one telling's sides lie within the other's."""
    if prev.type not in RETOLD_TYPES or prev.evidence[-1] == ev.evidence[0]:
        return None
    pa, pt, ea, et = set(prev.actors), set(prev.targets), set(ev.actors), set(ev.targets)
    if not pa & ea or not ((pa <= ea and pt <= et) or (ea <= pa and et <= pt)):
        return None
    fuller = ev if len(ea | et) > len(pa | pt) else prev
    return (replace(prev, actors=fuller.actors, targets=fuller.targets),
            replace(ev, actors=fuller.actors, targets=fuller.targets))


def _told_sides(prev: Event, ev: Event, retold: set[tuple[int, int]]) -> Event:
    """``ev`` with ``prev``'s sides when it is a noun retelling ``prev``, told in an earlier
    sentence (``retold``: names_told_meeting, names_told_act; the date and place are checked
    by the caller):
    - a meeting ("التقى الوزير نظيره الأردني" … "وأكد الوزير في اللقاء أن بلاده …"): the
      sides read around such a noun are the speaker's and his state's, not the meeting's;
      a visit and a meeting during it stay two events;
    - another act ("أغارت طائرات على بلدة" … "وأسفرت الغارة عن مقتل ثلاثة"), when it names
      no side ``prev`` lacks: "الهجوم على المطار" after a raid on a town is its own act."""
    if _span(ev) not in retold or prev.type != ev.type or prev.evidence[-1] == ev.evidence[0]:
        return ev
    if ev.type == "CONSULT":
        if (prev.mode == "visit") != (ev.mode == "visit"):
            return ev
    elif not {*ev.actors, *ev.targets} <= {*prev.actors, *prev.targets}:
        return ev
    return replace(ev, actors=prev.actors, targets=prev.targets)


def _span(ev: Event) -> tuple[int, int]:
    return (ev.trigger.start, ev.trigger.end) if ev.trigger is not None else (-1, -1)


@dataclass(frozen=True)
class _Apart:
    """What keeps retellings apart: the capitals of states (a capital and its state are
    one place), trigger spans told as habits and as concurrent with another act."""

    state_of: dict[str, str]
    habitual: set[tuple[int, int]]
    apart: set[tuple[int, int]]
    purposes: set[tuple[int, int]]
    nation_of: dict[str, str] = field(default_factory=dict)  # a leader -> his state
    lies_in: dict[str, str] = field(default_factory=dict)  # a city or site -> its state
    # trigger spans of meeting nouns that name a meeting told before (names_told_meeting)
    retold: set[tuple[int, int]] = field(default_factory=set)


def merge(events: list[Event], etype: dict[str, str],
          state_of: dict[str, str] | None = None,
          habitual: set[tuple[int, int]] | None = None,
          apart: set[tuple[int, int]] | None = None,
          purposes: set[tuple[int, int]] | None = None,
          nation_of: dict[str, str] | None = None,
          lies_in: dict[str, str] | None = None,
          retold: set[tuple[int, int]] | None = None) -> list[Event]:
    """One event per real happening: same type, same participants, compatible date and
    place (a capital and its country are compatible: ``state_of``). An event told as
    repeated (``habitual``: trigger spans) is merged only within its own sentence; one
    told as concurrent with another (``apart``: "تزامنا مع إدخال قوافل") not within it.
    A meeting or act noun in ``retold`` ("في اللقاء"، "الغارة") joins the nearest event
    of its type told before it.
    The events keep the ids they came with."""
    keep = _Apart(state_of or {}, habitual or set(), apart or set(), purposes or set(),
                  nation_of or {}, lies_in or state_of or {}, retold or set())
    out: list[Event] = []
    of_type: dict[str, list[int]] = {}
    for ev in events:
        # an event of the same sentence first: "زار يفكيروف مرارا الشرق الليبي للقاء
        # حفتر" is one visit, whatever earlier meeting of the two the article told
        here = ev.evidence[0].start
        kin = of_type.setdefault(ev.type, [])  # earlier events of this type, by index
        same = [i for i in kin if out[i].evidence[-1].start == here]
        # (a meeting noun that names a meeting told before names the nearest one)
        order = kin[::-1] if _span(ev) in keep.retold else kin
        for k in (same + [i for i in order if i not in same]) if same else order:
            merged = one_happening(out[k], ev, etype, keep)
            if merged is not None:
                out[k] = merged
                break
        else:
            kin.append(len(out))
            out.append(ev)
    # (ids are given by the caller, from the article's content: marsad.ids.assign_event_ids)
    return out


def _kept_apart(prev: Event, ev: Event, keep: _Apart) -> bool:
    one_sentence = prev.evidence[-1] == ev.evidence[0]
    if one_sentence and (_span(prev) in keep.apart or _span(ev) in keep.apart):
        return True
    if not one_sentence and (_span(prev) in keep.habitual or _span(ev) in keep.habitual):
        return True
    # an expulsion and a recall are two sanctions, not one told twice
    return bool(prev.mode and ev.mode and prev.mode != ev.mode and prev.type in MODED_TYPES)


def leaders_for_states(prev: Event, ev: Event, nation_of: dict[str, str]) -> bool:
    """"اتفق الرئيسان المصري والأردني على …" retold as "اتفقت مصر والأردن على …": the
    same act when each side's leaders stand for the states the other names (two sides at
    least, the same targets)."""
    def states(ids: tuple[str, ...]) -> set[str]:
        return {nation_of.get(i, i) for i in ids}

    a, b = states(prev.actors), states(ev.actors)
    return len(a) >= 2 and a == b and states(prev.targets) == states(ev.targets)


def one_happening(prev: Event, ev: Event, etype: dict[str, str], keep: _Apart
                  ) -> Event | None:
    """``prev`` with ``ev`` merged in when the two tell one happening, else None."""
    if _kept_apart(prev, ev, keep):
        return None
    ev = _told_sides(prev, ev, keep.retold)
    p_all, e_all = {*prev.actors, *prev.targets}, {*ev.actors, *ev.targets}
    if prev.evidence[-1] == ev.evidence[0] and set(prev.actors) != set(ev.actors) \
            and (p_all <= e_all or e_all <= p_all) and (not prev.targets or not ev.targets):
        # one sentence telling one happening twice, once with fewer names ("وقّعت أديس
        # أبابا … مذكرة تفاهم مع أرض الصومال"): keep the fuller one
        fuller = ev if len(e_all) > len(p_all) else prev
        prev = replace(prev, actors=fuller.actors, targets=fuller.targets)
        ev = replace(ev, actors=fuller.actors, targets=fuller.targets)
    anonymous = _anonymous_retelling(prev, ev) or _retold_with_fewer(prev, ev)
    if anonymous is not None:
        prev, ev = anonymous
    if set(prev.actors) != set(ev.actors):
        # a meeting told from the other side ("لقاء بوتين وحفتر" after "التقى حفتر بوتين")
        # is the same meeting: same participants, either direction
        if (prev.type != "CONSULT" or {*prev.actors, *prev.targets} != {*ev.actors, *ev.targets}) \
                and not leaders_for_states(prev, ev, keep.nation_of):
            return None
    elif set(prev.targets) != set(ev.targets):
        found = same_happening(prev, ev, etype, keep.purposes) or _visit_retold(prev, ev) \
            or _meeting_retold(prev, ev, etype)
        if found is None:
            return None
        prev = found
    d1, d2 = prev.date, ev.date
    if d1 is not None and d2 is not None and (d1.first, d1.last) != (d2.first, d2.last):
        return None
    st = keep.state_of
    if prev.location and ev.location and prev.location != ev.location \
            and st.get(prev.location) != ev.location and st.get(ev.location) != prev.location \
            and (prev.type != "CONSULT" or _places_apart(prev, ev, keep.lies_in)):
        # trainers arriving in Niger and a build-up in eastern Libya; a reception in
        # Moscow and the pair's last meeting in Benghazi
        return None
    # the more precise place: a capital over its country
    where = ev.location if prev.location is None or (
        ev.location is not None and st.get(ev.location) == prev.location) else prev.location
    return replace(
        prev, mode=prev.mode or ev.mode,
        evidence=prev.evidence + tuple(s for s in ev.evidence if s not in prev.evidence),
        date=prev.date or ev.date, location=where,
        attributed_to=tuple(uniq((*prev.attributed_to, *ev.attributed_to))))
