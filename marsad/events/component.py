"""The events component: sentence by sentence, triggers → clause → gates → participants →
role rules → sources, certainty, date; then the article-wide passes (places of visits,
the headline folded in, retellings merged).

A filing-place dateline ("موسكو - التقى …") is read as if absent: no trigger, nisba or
place is taken from it.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from ..doc import DateValue, Doc, Event, Span
from ..ids import assign_event_ids, content_id
from ..text.filing import past_filing
from .anaphora import resolve_pronoun
from .clause import Clause, Context, Roles
from .dating import (
    a_documents_noun,
    before_an_interval,
    clause_date,
    coordinated_verb_date,
    date_from_rest,
    date_of_the_meeting,
    dates_an_act,
    dates_statement,
    fronted_date,
    future,
    headline_on_the_lead_day,
    in_a_frame,
    in_relative_clause,
    nearest_date,
    news_day_goes_on,
    received_on_arrival,
    said_in_the_next_statement,
    same_period_date,
    same_statement_day,
    statement_at,
    story_date,
)
from .discourse import Discourse, Sentence
from .gates import AFTER_ROLES, GATE_TABLE, blocked_noun, refers_back
from .lexicon import PLACE_TYPES, Lexicon
from .merge import (
    fold_headline,
    fold_subheadings,
    habitual,
    merge,
    names_told_act,
    names_told_meeting,
)
from .participants import absorb_titles, choose_roles
from .places import visit_hosts, visit_places
from .roles import (
    RESCUES,
    apply_rules,
    blame_the_act_after,
    leader_commits_state,
    leader_pledges,
    protest_makes_its_demand,
)
from .sources import certainty, sources
from .triggers import TriggerHit, TriggerIndex
from .view import DocView, KnowledgeMaps, Placed, uniq

Trace = dict[tuple[int, int], list[tuple[str, str]]]


def extract_events(doc: Doc, triggers: TriggerIndex, *,
                   capitals: dict[str, str] | None = None,
                   demonyms: dict[str, str] | None = None,
                   reporters: frozenset[str] = frozenset(),
                   nationals: dict[str, str] | None = None,
                   located_in: dict[str, str] | None = None,
                   armies: dict[str, str] | None = None,
                   trace: Trace | None = None) -> list[Event]:
    """Events of one document. The maps come from the knowledge base (see
    ``view.KnowledgeMaps``); ``trace``, when given, collects per trigger span the steps
    and rules that made its event (for ``marsad extract --explain``)."""
    v = DocView(doc, KnowledgeMaps(capitals or {}, demonyms or {}, reporters, nationals or {},
                                   located_in or {}, armies or {}))
    lex = Lexicon.of(triggers)
    disc = Discourse()
    read: list[Sentence] = []
    for sent, (a, b) in zip(doc.sentences, past_filing(doc), strict=True):
        if a >= b:
            continue
        s = read_sentence(v, lex, disc, sent, a, b)
        if s is None:
            continue
        for h_i in range(len(s.hits)):
            read_hit(v, lex, disc, s, h_i, trace)
        finish_sentence(v, lex, disc, s)
        read.append(s)
    same_statement_day(v, lex, read, disc.events)
    said_in_the_next_statement(v, read, disc.events)
    events = visit_places(v, disc.events)
    headline = doc.sentences[0] if doc.title and doc.sentences and doc.text.startswith(
        doc.title) else None
    repeated = {(ev.trigger.start, ev.trigger.end) for ev in events
                if ev.trigger is not None and habitual(v, lex, ev)}
    retold = {(ev.trigger.start, ev.trigger.end) for ev in events
              if ev.trigger is not None
              and (names_told_meeting(v, lex, ev) or names_told_act(v, lex, ev))}
    merged = merge(fold_headline(events, headline, v.nation_of), v.etype, v.state_of,
                   repeated, disc.apart, disc.purposes, v.nation_of, v.lies_in, retold)
    merged = fold_subheadings(merged, doc.text, lex.words.reach["subheading_words"])
    merged = lead_on_the_day(v, lex, merged, headline)
    merged = news_day_goes_on(v, lex, merged, headline)
    merged = headline_on_the_lead_day(merged, headline, _lead_dates(v, headline))
    # ids from what each event is, not where it falls: stable across runs (marsad.ids);
    # (no events, no ids: the text's digest is not taken)
    return assign_event_ids(merged, content_id(doc.doc_id, doc.text)) if merged else []


def _lead_dates(v: DocView, headline: Span | None) -> list[DateValue]:
    """The dates of the sentence right after the headline (none without a headline), as
    read for events: not a date after publication, nor one opening a period."""
    doc = v.doc
    if headline is None:
        return []
    after = next((s for s in doc.sentences if s.start >= headline.end), None)
    if after is None:
        return []
    ds = doc.dates[_bisect(v.date_starts, after.start):_bisect(v.date_starts, after.end)]
    return [d for d in ds if dates_an_act(v, d)]


def lead_on_the_day(v: DocView, lex: Lexicon, events: list[Event], headline: Span | None
                    ) -> list[Event]:
    """The events of an article's lead (its first sentence with an event, past the
    headline) happened on the day the article was published, as a news lead tells the
    day's news ("اتفق قادة الدول الثلاث على …" in a report dated 27 June; also "قال
    الوزير، الأحد، إن الحكومة رفضت …": the act reported in the lead is the day's) — unless
    the sentence counts a day from the story ("في اليوم التالي") that no date of it anchors.
    The date has no text: it is the publication date's."""
    doc = v.doc
    if doc.published is None or not events:
        return events
    body = [ev for ev in events if headline is None or ev.evidence[0].start >= headline.end]
    if not body:
        return events
    lead = next(s for s in doc.sentences if s.start <= body[0].evidence[0].start < s.end)
    a, b = v.token_at(lead.start), v.last_token_before(lead.end) + 1
    anchored = any(lead.start <= d.start < lead.end and d.first is not None for d in doc.dates)
    if lex.cues["story_dates"].positions(v.keys[a:b]) and not anchored:
        return events
    day = doc.published
    end = _statement_goes_on(v, lex, lead)
    return [replace(ev, date=DateValue(ev.evidence[0].start, ev.evidence[0].start, "", day,
                                       day, "day"))
            if ev.date is None and lead.start <= ev.evidence[0].start < end else ev
            for ev in events]


def _statement_goes_on(v: DocView, lex: Lexicon, lead: Span) -> int:
    """Where the lead's statement ends: the sentences after it that go on with it ("قال
    الوزير، اليوم السبت، إن … . وأضاف أن بلاده مستعدة للحوار") tell what was said that
    day, unless they name a date of their own."""
    doc, end = v.doc, lead.end
    after = [s for s in doc.sentences if s.start >= lead.end]
    for s in after:
        first = v.token_at(s.start)
        if first >= len(v.keys) or v.keys[first] not in lex.words.continuing_verbs \
                or any(s.start <= d.start < s.end for d in doc.dates):
            break
        end = s.end
    return end


def read_sentence(v: DocView, lex: Lexicon, disc: Discourse, sent: Span, a: int, b: int
                  ) -> Sentence | None:
    """The sentence's triggers, mentions, sources and dates (None when it has no trigger
    and cites no source: nothing in it changes what follows)."""
    keys = v.keys[a:b]
    hits = _outside_names(v.placed_in(a, b), lex.triggers.find(v.text, v.tokens[a:b], keys))
    if not hits and lex.cues["attribution_openers"].isdisjoint(keys):
        return None
    dependents = lex.words.dependent_titles  # (looked for only where one is written)
    ms = absorb_titles(v.placed_in(a, b), v, lex.cues["titles"],
                       lex.words.reach["title_span"],
                       frozenset() if dependents.isdisjoint(keys) else dependents)
    cited = sources(keys, a, ms, v.etype, lex, disc.last_sources)
    if cited:
        disc.last_sources = tuple(uniq(c.entity_id for c in cited))
    dates: list[DateValue] = []
    statement_dates: list[DateValue] = []
    for d in v.doc.dates[_bisect(v.date_starts, sent.start):_bisect(v.date_starts, sent.end)]:
        if not dates_an_act(v, d):
            continue
        # a date right after "في بيان"/"في منشور" dates the statement; it dates the event
        # only when nothing else does (a same-day report of a meeting)
        (statement_dates if dates_statement(v, lex, d) else dates).append(d)
    hedges = (lex.cues["certainty"]["denied"].positions(keys),
              lex.cues["certainty"]["uncertain"].positions(keys))
    story_at = [(a + f, a + z) for f, z in lex.cues["story_dates"].positions(keys)
                if not statement_at(v, lex, a + f - (keys[f - 1:f] in (["في"], ["وفي"])))]
    words = frozenset(keys) | frozenset(k[1:] for k in keys if len(k) > 2 and k[0] in "وفبل")
    return Sentence(sent, a, b, hits, ms, cited, {c.token for c in cited if c.token is not None},
                    dates, statement_dates, story_at, hedges, words=words)


def _outside_names(ms: list[Placed], hits: list[TriggerHit]) -> list[TriggerHit]:
    """Trigger words inside a name are no acts: "فيصل" is no "ف + يصل" (arrives), nor is
    "الدعم" in "قوات الدعم السريع" support. (A body named after an event, "قمة العشرين",
    still begins with its event noun, which stays a trigger.)"""
    if not ms:
        return hits
    spans = [(pm.mention.start, pm.mention.end, pm.mention.type == "PER") for pm in ms]
    # (a trigger that begins before the name and runs into it, "طرد السفير التركي", stays)
    return [h for h in hits
            if not any(s <= h.start < e and (person or h.start > s) for s, e, person in spans)]


def _unresolved(v: DocView, lo: int, hi: int) -> list[int]:
    """Starts of the dates in [lo, hi) that the text names but no publication date resolves
    ("الثلاثاء" in an undated article): an act told with one has a day of its own, unknown."""
    return [d.start for d in v.doc.dates[_bisect(v.date_starts, lo):_bisect(v.date_starts, hi)]
            if d.first is None]


def _bisect(starts: list[int], at: int) -> int:
    return bisect.bisect_left(starts, at)


def make_clause(v: DocView, lex: Lexicon, disc: Discourse, s: Sentence, h_i: int) -> Clause:
    """Where the trigger's clause runs: from after the last trigger that made an event of
    its own (a noun that only referred back, "خلال اللقاء", does not cut it) to the next
    trigger; what it reaches; who speaks before it; what its pronoun stands for."""
    hit, a, b = s.hits[h_i], s.a, s.b
    live = next((h for h in reversed(s.hits[:h_i]) if a + h.first_token in s.made), None)
    left = a + (live.last_token + 1 if live is not None else 0)
    right = a + (s.hits[h_i + 1].first_token if h_i + 1 < len(s.hits) else b - a)
    t_first, t_last = a + hit.first_token, a + hit.last_token
    reach = lex.words.reach
    if blocked_noun(s.hits, h_i, v, a, reach["object_noun_reach"], lex.words.time_preps,
                    lex.words.document_nouns):
        s.consumed.add(a + s.hits[h_i + 1].first_token)
        right = a + (s.hits[h_i + 2].first_token if h_i + 2 < len(s.hits) else b - a)
    lo = max(left, v.word_offset(t_first, -reach["left_reach"]))
    # (a contrast clause cuts the reach; looked for within the reach only)
    hi = _contrast_after(v, lex, t_last,
                         min(right, v.word_offset(t_last, reach["right_reach"]) + 1))
    speaker = next((pm for c in s.cited if not c.scope_all and c.cue_token < t_first
                    for pm in s.ms if pm.first == c.token), None)
    # a verb of saying that is itself the trigger ("أعلنت الحكومة وقفا لإطلاق النار")
    # has its subject as the actor, not as a source
    own_cue = {c.token for c in s.cited if c.cue_token == t_first}
    hit_sources = frozenset(s.source_ms - own_cue if own_cue else s.source_ms)
    concurrent = any(k in lex.words.concurrent_cues for k in v.keys[max(t_first - 2, a)
                                                                     : t_first])
    pronoun = resolve_pronoun(v, s.ms, s.events, disc.last_actor, hit, t_first, t_last, b,
                              speaker, lex.words.feminine_titles)
    return Clause(hit, t_first, t_last, left, right, lo, hi, pronoun, speaker, hit_sources,
                  concurrent)


def _contrast_after(v: DocView, lex: Lexicon, t_last: int, end: int) -> int:
    """Where a clause of contrast opens after the trigger ("في حين"، "فيما"، "بينما"): the
    trigger's participants are named before it ("إذ التقى الشرع، في حين تتابع أنقرة …");
    ``end`` when none opens before it."""
    opens = lex.words.contrast_openers
    for k in range(t_last + 2, end):
        key = v.keys[k]
        if key in opens and v.keys[k - 1] in ("،", ","):
            return k
        if key == "حين" and v.keys[k - 1] in ("في", "وفي"):
            return k - 1
    return end


def read_hit(v: DocView, lex: Lexicon, disc: Discourse, s: Sentence, h_i: int,
             trace: Trace | None = None) -> None:
    """The event of one trigger, if it makes one, appended to the article's events."""
    if s.a + s.hits[h_i].first_token in s.consumed:
        return
    c = make_clause(v, lex, disc, s, h_i)
    x = Context(v, lex, disc, s, c, [] if trace is not None else None)
    if trace is not None and x.trace is not None:
        trace[(c.hit.start, c.hit.end)] = x.trace
    if _stopped(x):
        return
    r = choose_roles(x)
    rescue = None if r is not None else next((f for f in RESCUES if f(x)), None)
    if rescue is not None:
        x.note(rescue.__name__)
        r = Roles()
    if r is None:
        x.note("no participant")
        return
    if c.concurrent or _during_the_visit(v, lex, s, c):
        disc.apart.add((c.hit.start, c.hit.end))
    r = apply_rules(r, x)
    if r.actors:
        s.prev_actors = r.actors
        disc.last_actor = r.actors[0]
        if c.is_verb:
            s.verb_actors = r.actors
    stop = next((gate for gate in AFTER_ROLES if gate(r, x)), None)
    if stop is not None:
        x.note("gate", stop.__name__)
        return
    sides = _pair_sides(v, r)
    if len(sides) >= 2:
        disc.last_pair = sides[:2]
    emit(x, r)


def _pair_sides(v: DocView, r: Roles) -> tuple[str, ...]:
    """The sides an act leaves for a dual to take up ("التقى الوزير نظيره … وبحثا"): a city or
    site a visit went to is no side ("وصل الملك بغداد … بحثا": the king and his host)."""
    return tuple(i for i in uniq((*r.actors, *r.targets))
                 if v.etype[i] not in PLACE_TYPES or i in v.states)


def _during_the_visit(v: DocView, lex: Lexicon, s: Sentence, c: Clause) -> bool:
    """An act told "during it" after a visit of the sentence, or a meeting verb joined on
    after it, is a meeting of the visit, told apart from it ("بزيارة إلى البلاد، استقبله
    خلالها الرئيس"، "حطّ في مينسك، واستقبله رئيس اللجنة"); talks "during" a call are the
    call."""
    if not s.events or s.events[-1].mode != "visit":
        return False
    if c.is_verb and c.trigger.type == "CONSULT" and c.trigger.mode == "visit" \
            and v.keys[c.t_first][:1] == "و":
        return True  # "حطّ الوزير في مينسك، واستقبله في المطار رئيس اللجنة": a verb of its own
    return c.t_last + 1 < s.b and v.keys[c.t_last + 1] in lex.words.during_it


def _stopped(x: Context) -> bool:
    """A gate keeps the trigger from making an event."""
    stop = next((gate for gate in GATE_TABLE.for_trigger(x.clause.trigger) if gate(x)), None)
    if stop is not None:
        x.note("gate", stop.__name__)
    if stop is refers_back:
        # the noun only refers back: no trigger of its own to what is told after it
        x.sent.consumed.add(x.clause.t_first)
    return stop is not None


def emit(x: Context, r: Roles) -> None:
    """Sources, certainty and date of the event; the event appended."""
    s, c, disc = x.sent, x.clause, x.disc
    # a verb of saying scopes over what follows it; "وفق X" over the whole sentence
    src = tuple(uniq(cc.entity_id for cc in s.cited
                     if (cc.scope_all or cc.cue_token < c.t_first) and cc.cue_token != c.t_first
                     and cc.entity_id not in r.actors and cc.entity_id not in r.targets))
    r, src = leader_pledges(r, x, src)
    r, src = leader_commits_state(r, x, src)
    cert = certainty(c.t_first - s.a, s.hedges)
    if cert == "asserted" and src:
        cert = "reported"
    date = event_date(x, r)
    etype, mode = r.retyped or (c.trigger.type, c.trigger.mode)
    for one in one_visit_per_state(r, x):
        ev = Event(id="", type=etype, mode=mode, actors=one.actors,
                   targets=tuple(uniq(i for i in one.targets if i not in one.actors)),
                   location=one.location, date=date, attributed_to=src, certainty=cert,
                   evidence=(s.span,), trigger=Span(c.hit.start, c.hit.end))
        disc.events.append(ev)
        disc.told_types.add(ev.type)
        s.events.append(ev)
    s.made.add(c.t_first)


def one_visit_per_state(r: Roles, x: Context) -> list[Roles]:
    """A visit or tour to several states is one visit to each ("جولة الوزير بعد غينيا
    والكونغو"، "زار الرئيس مصر والأردن"), each hosted and placed by its state; a
    reception ("استقبل"), a visit whose hosts include a person, or one with no visitor
    named is told as one."""
    c, v = x.clause, x.doc
    if c.trigger.type != "CONSULT" or c.trigger.mode != "visit" or not r.actors \
            or c.trigger.roles == "subject_target" or len(r.targets) < 2 \
            or any(t not in v.states for t in r.targets) or not _listed(r.targets, x):
        return [r]
    return [Roles(r.actors, (t,), t if r.location in (None, *r.targets) else r.location,
                  r.basis, r.retyped) for t in r.targets]


def _listed(ids: tuple[str, ...], x: Context) -> bool:
    """The states are named as one list after the trigger ("غينيا والكونغو"، "مصر، والأردن"),
    not one of them in another phrase ("زار موسكو عشية الغزو الروسي لأوكرانيا")."""
    v = x.doc
    ms = [pm for pm in x.sent.ms if pm.first > x.clause.t_last and pm.entity_id in ids]
    if len({pm.entity_id for pm in ms}) < len(ids):
        return False
    for a, b in zip(ms, ms[1:], strict=False):
        between = v.keys[a.last + 1 : b.first]
        if any(k not in ("و", "،", ",") for k in between) or (
                not between and v.keys[b.first][:1] != "و") or (
                between and between[-1] != "و" and v.keys[b.first][:1] != "و"):
            return False
    return True


def event_date(x: Context, r: Roles) -> DateValue | None:
    """The date of the clause nearest the trigger; else a statement's date for a verb in
    the past; else a day counted from the story; else the date of the same subject's
    previous act in the sentence ("وردّت باريس، الثلاثاء، بطرد …، واستدعت سفيرها")."""
    v, s, c, lex, disc = x.doc, x.sent, x.clause, x.lex, x.disc
    c_lo, c_hi = v.tokens[c.lo].start, v.tokens[c.hi - 1].end
    own = [d for d in s.dates if c_lo <= d.start < c_hi
           and not in_relative_clause(v, lex, c.t_last, d)
           and not (d.end <= c.hit.start and before_an_interval(v, lex, c.t_first, d))]
    date = clause_date(x, own)
    # the clause names its day, but nothing resolves it: no other date is taken for it
    if date is None and _unresolved(v, c_lo, c_hi):
        own = [DateValue(c_lo, c_lo, "", None, None)]
    if date is None and not own:
        date = fronted_date(v, lex, s.a, s.dates, c.t_first) or (
            coordinated_verb_date(v, lex, s.a, s.dates, c.t_first) if c.is_verb else None)
    if date is None and not own and s.statement_dates and c.is_verb \
            and not future(v.keys[c.t_first]):
        date = nearest_date(s.statement_dates, c.hit.start)
    # an event told as the cause of another ("ردا على هجوم الحوثيين") is background:
    # later reactions ("دانت الضربات") are to the main one
    disc.background.append(any(k in lex.words.cause_cues
                               for k in v.keys[max(c.t_first - 2, s.a) : c.t_first]))
    if date is None and not own and s.story_at:
        # "استقبله ولي العهد مساء اليوم نفسه": a day counted from the last dated event
        told = disc.events[:len(disc.events) - len(s.events)]
        date = story_date(v, lex, s.story_at, c_lo, c_hi, told, s.dates)
    if date is None and not own:
        # "وفي العام نفسه، …": the year of the last dated event told before
        date = same_period_date(v, lex, s.a, s.b, c.lo, c.hi,
                                disc.events, len(disc.events) - len(s.events), s.words)
    if date is None and not own and s.events and set(s.events[-1].actors) == set(r.actors) \
            and s.events[-1].date:
        date = s.events[-1].date
    if date is None and not own:
        date = received_on_arrival(x, r) or date_of_the_meeting(x, r)
    return date


def finish_sentence(v: DocView, lex: Lexicon, disc: Discourse, s: Sentence) -> None:
    """Hosts of the sentence's visits, and dates told later in it for undated events."""
    told = len(disc.events) - len(s.events)
    if len(s.events) > 1:
        blame_the_act_after(v, lex, disc.events, told, s)
    if s.events:
        protest_makes_its_demand(disc.events, told, s)
    if s.events and v.nation_of:
        visit_hosts(v, disc.events, told, s)
    if not (s.dates or s.story_at) or all(ev.date is not None for ev in s.events):
        return
    story = [d for f, z in s.story_at if (d := story_date(
        v, lex, [(f, z)], v.tokens[f].start, v.tokens[f].end + 1, disc.events[:told],
        s.dates)) is not None]
    date_from_rest(v, lex, disc.events, told, sorted(s.dates + story, key=lambda d: d.start),
                   [(h.start, h.trigger.type) for h in s.hits
                    if s.a + h.first_token not in s.consumed
                    and not in_a_frame(v, lex, s.a + h.first_token)
                    and not (s.a + h.first_token not in s.made
                             and a_documents_noun(v, lex, s.a + h.first_token))],
                   _unresolved(v, s.span.start, s.span.end))
