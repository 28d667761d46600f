"""Where events happened, from the article around them: meetings during a visit take place
where the visit went, and a visit to a state is hosted by the leaders the sentence names;
and the place rules of the role table (``PLACE_RULES``, run with the role rules): a city
named after its state is where it happened (the annotation takes the city over the
country)."""

from __future__ import annotations

from dataclasses import replace

from ..doc import Event, Span
from .anaphora import dual_verb
from .clause import Context, Roles, only_for
from .discourse import Sentence
from .lexicon import DURING_VISIT, PLACE_TYPES, words
from .nisba import nisba_country
from .view import DocView, Placed, uniq, unprefix

# Acts that may spread over many places at once (raids, strikes, protests, deployments)
SPREAD_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})


def visit_hosts(v: DocView, events: list[Event], first: int, s: Sentence) -> None:
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
        hosts = {*ev.targets} | ({v.state_of.get(ev.location, ev.location)} if ev.location
                                 else set())
        extra = tuple(uniq(pm.entity_id for pm in s.ms
                            if v.nation_of.get(pm.entity_id) in hosts
                            and pm.entity_id not in ev.actors and pm.entity_id not in
                            ev.targets and pm.entity_id not in met))
        if extra:
            events[first + k] = replace(ev, targets=ev.targets + extra)


def visit_places(v: DocView, events: list[Event]) -> list[Event]:
    """Meetings during a visit take place where the visitor went: a CONSULT event with no
    place of its own takes the most specific place (a city before a country) of a visit
    of one of its participants told elsewhere in the article — and, with no date of its
    own, the visit's date ("زار لافروف واغادوغو الثلاثاء. وأجرى محادثات مع نظيره")."""
    countries = {v.by_kb[c] for c in v.by_kb.keys() & v.state_keys}
    places: dict[str, Event] = {}
    # a visit told in the same sentence comes first, whatever kind of place it went to
    # ("زار يفكيروف مرارا الشرق الليبي للقاء حفتر")
    local: dict[tuple[Span, str], Event] = {}
    for ev in events:
        if ev.type == "CONSULT" and ev.mode == "visit" and ev.location is not None:
            for who in ev.actors:
                local.setdefault((ev.evidence[0], who), ev)
    for ev in events:
        # a region or continent ("في أفريقيا") is the setting, not where meetings were held
        if ev.type == "CONSULT" and ev.mode == "visit" and ev.location is not None \
                and v.etype.get(ev.location) in ("GPE", "FAC"):
            for who in ev.actors:
                known = places.get(who)
                if known is None or (known.location in countries
                                     and ev.location not in countries):
                    places[who] = ev
    if not places and not local:
        return events
    out = []
    for ev in events:
        if ev.type in DURING_VISIT and ev.location is None:
            visit = next((local[(ev.evidence[0], p)] for p in ev.actors
                          if (ev.evidence[0], p) in local), None) or next(
                (places[p] for p in (*ev.actors, *ev.targets) if p in places), None)
            if visit is not None and visit.location not in (*ev.actors, *ev.targets):
                ev = replace(ev, location=visit.location, date=ev.date or visit.date)
        out.append(ev)
    return out


def city_over_country(r: Roles, x: Context) -> Roles | None:
    """"والتقى الرئيس ضيفه بالعاصمة المصرية القاهرة"، "انسحبت القوات من مناطق في سوريا،
    آخرها مدينة حمص": a clause that places the act in a state and then names a city as
    the place (right after the state, or behind a place word; or the state's capital
    before it) happened in the city."""
    v, c = x.doc, x.clause
    if r.location is None or r.location not in v.states:
        return None
    state = next((pm for pm in x.sent.ms if pm.entity_id == r.location
                  and c.lo <= pm.first < c.right), None)
    if state is None:
        return None
    city = next((pm for pm in x.sent.ms if state.last < pm.first < c.right
                 and _city_of(pm, state, r, x)), None)
    if city is None:
        # "حطّ في بغداد في أول زيارة له إلى العراق": a city told before the state, when
        # it is known to lie in the state
        city = next((pm for pm in x.sent.ms if c.lo <= pm.first < state.first
                     and v.lies_in.get(pm.entity_id) == state.entity_id
                     and _city_of(pm, state, r, x) and _behind_place_word(pm, x)), None)
    if city is None:
        return None
    return Roles(r.actors, r.targets, city.entity_id, r.basis, r.retyped)


def _city_of(pm: Placed, state: Placed, r: Roles, x: Context) -> bool:
    """``pm`` names a city (not a state, not a party) placed in the clause, and nothing
    says it lies in another state."""
    v = x.doc
    i = pm.entity_id
    if v.etype[i] != "GPE" or i in v.states or i in r.actors or i in r.targets:
        return False
    if v.lies_in.get(i, state.entity_id) != state.entity_id:
        return False
    return pm.first == state.last + 1 or _behind_place_word(pm, x) \
        or v.fused_prefix(pm) == "ب"


def _behind_place_word(pm: Placed, x: Context) -> bool:
    """A place word stands right before the name ("في"، "مدينة"، "وفي"; "وسط" is one word,
    not و + سط)."""
    prev, words = x.doc.prev_key(pm.first), x.lex.words.loc_preps
    return prev in words or unprefix(prev, "و") in words


@only_for(type=SPREAD_TYPES, pos="verb")
def place_named_since_the_last_act(r: Roles, x: Context) -> Roles | None:
    """"وامتدت المداهمات إلى المدينة، وتحديدا مخيم الفوار، واعتقل الجنود شابين": a raid
    or strike with no place of its own, told after a town or camp named since the last act
    of its sentence, happened there."""
    v, c = x.doc, x.clause
    if r.location is not None or c.trigger.type not in SPREAD_TYPES or not x.sent.events \
            or not c.is_verb:
        return None
    parties = (*r.actors, *r.targets)
    place = next((pm for pm in reversed(x.sent.ms) if c.left <= pm.first < c.t_first
                  and v.etype[pm.entity_id] in ("GPE", "FAC") and pm.entity_id not in v.states
                  and pm.entity_id not in parties), None)
    if place is None:
        return None
    return Roles(r.actors, r.targets, place.entity_id, r.basis, r.retyped)


@only_for(pos="verb")
def place_of_the_previous_act(r: Roles, x: Context) -> Roles | None:
    """"اقتحمت القوات بلدة بيتا، وداهمت عدة منازل، واعتقلت ثلاثة شبان": acts told one
    after another by the same subject in one sentence, the later ones with no place of
    their own, happen where the first did."""
    c, told = x.clause, x.sent.events
    if r.location is not None or not r.actors or not told or not c.is_verb:
        return None
    prev = told[-1]
    if prev.location is None or set(prev.actors) != set(r.actors) \
            or prev.location in (*r.actors, *r.targets):
        return None
    return Roles(r.actors, r.targets, prev.location, r.basis, r.retyped)


def place_of_the_scene(r: Roles, x: Context) -> Roles | None:
    """"شهدت مدينة بنغازي اشتباكات عنيفة وسط تحركات عسكرية للجيش"، "اقتحمت القوات البلدة
    خلال حملة مداهمات": an act told amid or during one told before it in the sentence, with
    no place of its own, happened where that one did."""
    v, c, told, amid = x.doc, x.clause, x.sent.events, x.lex.words.amid_words
    prev = v.prev_key(c.t_first)  # ("وسط" is one word, "وخلال" is و + خلال)
    if r.location is not None or not told or told[-1].location is None \
            or not (prev in amid or unprefix(prev, "و") in amid):
        return None
    where = told[-1].location
    if where in (*r.actors, *r.targets):
        return None
    return Roles(r.actors, r.targets, where, r.basis, r.retyped)


@only_for(type=("ASSAULT", "COERCE", "MOBILIZE"))
def land_named_by_its_nisba(r: Roles, x: Context) -> Roles | None:
    """"تعرضت الأراضي السورية لسلسلة غارات"، "انتشرت القوات في المياه الليبية": an act of
    force with no place of its own, in a clause naming a state's land, air or waters by
    its nisba, happened in that state (when the article names it)."""
    v, c = x.doc, x.clause
    if r.location is not None or c.trigger.type not in ("ASSAULT", "COERCE", "MOBILIZE"):
        return None
    lands = x.lex.words.land_nouns
    for k in range(c.lo, min(c.right, len(v.keys) - 1)):
        if unprefix(v.keys[k], "وبفل") in lands or v.keys[k] in lands:
            country = nisba_country(v.keys[k + 1], v.kb.demonyms, accusative=False)
            state = v.by_kb.get(country) if country else None
            if state is not None and state not in (*r.actors, *r.targets):
                return Roles(r.actors, r.targets, state, r.basis, r.retyped)
    return None


def place_past_the_reach(r: Roles, x: Context) -> Roles | None:
    """"والتقى الوزير، وهو أيضا مبعوث الرئيس إلى المنطقة، بنظيره الليبي في مدينة بنغازي":
    a long apposition can push the place past the trigger's reach; the first city or site
    named behind "في" (or a place word) before the clause ends is where it happened (not
    for a visit: it goes where its destination says, and a far place does not make one)."""
    v, c, w = x.doc, x.clause, x.lex.words
    if r.location is not None or c.trigger.mode == "visit":
        return None
    for pm in x.sent.ms:
        if not c.hi <= pm.first < c.right or pm.first in c.source_ms:
            continue
        if v.etype[pm.entity_id] not in ("GPE", "FAC") or pm.entity_id in (*r.actors, *r.targets) \
                or not _behind_place_word(pm, x):
            continue
        if any(k in w.topic_nouns for k in v.keys[max(pm.first - 4, c.hi) : pm.first]):
            continue  # "لبحث الأوضاع في مدينة حلب": what was talked about
        return Roles(r.actors, r.targets, pm.entity_id, r.basis, r.retyped)
    return None


def place_of_what_it_was_during(r: Roles, x: Context) -> Roles | None:
    """"اعتقلت الشرطة الناشط خلال مشاركته في احتجاج وسط العاصمة": an act with no place of
    its own, told as done during the act named right after it ("خلال"/"أثناء" a word or two
    before that trigger), happened where that act did: the place behind a place word just
    past it (the later trigger cuts this clause before it)."""
    v, c = x.doc, x.clause
    if r.location is not None or c.right >= x.sent.b:
        return None
    lead = v.keys[max(c.t_last + 1, c.right - 3) : c.right]
    at = next((i for i, k in enumerate(lead) if unprefix(k, "و") in _DURING), None)
    if at is None or any(not k[:1].isalnum() for k in lead[at:]):
        return None
    parties = (*r.actors, *r.targets)
    for pm in x.sent.ms:
        if c.right < pm.first <= c.right + 6 and v.etype[pm.entity_id] in ("GPE", "FAC") \
                and pm.entity_id not in parties and _behind_place_word(pm, x) \
                and all(k[:1].isalnum() for k in v.keys[c.right : pm.first]):
            return Roles(r.actors, r.targets, pm.entity_id, r.basis, r.retyped)
    return None


# "during" before the act another is told within
_DURING = words().during_words


@only_for(type="PROTEST")
def square_of_a_protest(r: Roles, x: Context) -> Roles | None:
    """"وتظاهر مئات الطلاب في ساحة النصر وسط عمّان": a protest held in a square (a site
    named behind "في", passed over as a venue when finding parties) happened there,
    rather than in the city around it."""
    v, c = x.doc, x.clause
    if c.trigger.type != "PROTEST":
        return None
    site = next((pm for pm in x.sent.ms if c.lo <= pm.first < c.right
                 and v.etype[pm.entity_id] == "FAC"
                 and unprefix(v.prev_key(pm.first), "و") == "في"), None)
    if site is None or site.entity_id == r.location:
        return None
    return Roles(r.actors, r.targets, site.entity_id, r.basis, r.retyped)


@only_for(type="CONCEDE")
def home_act_in_its_state(r: Roles, x: Context) -> Roles | None:
    """"أصدر العاهل المغربي عفوا عن معتقلي الاحتجاجات"، "جمّد الرئيس قرار رفع الأسعار": a
    pardon, release or concession by a state's own leader or body, made to nobody of
    another state and told with no place, happened in that state (when the article names
    it). (Not arrests or raids: forces act abroad too.)"""
    v, c = x.doc, x.clause
    if r.location is not None or c.trigger.type != "CONCEDE" or not r.actors:
        return None
    home = {v.nation_of.get(a, a if a in v.states else None) for a in r.actors}
    state = home.pop() if len(home) == 1 else None
    if state is None or any(v.nation_of.get(t, t if t in v.states else state) != state
                            for t in r.targets):
        return None
    return Roles(r.actors, r.targets, state, r.basis, r.retyped)


@only_for(type="PROTEST")
def city_of_the_crowd(r: Roles, x: Context) -> Roles | None:
    """"وكان محتجو البصرة دخلوا في اعتصام استجابة لدعوة متظاهري الناصرية"، "وخرج أهالي
    الخليل في مسيرة": a protest whose crowd is named with its city before the trigger
    ("محتجو X"، "أهالي X"، "سكان X") was held in that city, not in a crowd's city named
    after it; a place of its own behind "في" still wins."""
    v, c = x.doc, x.clause
    if c.trigger.type != "PROTEST":
        return None
    crowds = x.lex.words.crowd_nouns
    crowd = next((pm for pm in reversed(x.sent.ms) if pm.last < c.t_first
                  and v.etype[pm.entity_id] == "GPE" and pm.entity_id not in v.states
                  and unprefix(v.prev_key(pm.first), "و") in crowds), None)
    if crowd is None or crowd.entity_id == r.location:
        return None
    if r.location is not None and not any(
            pm.entity_id == r.location and unprefix(v.prev_key(pm.first), "و") in crowds
            for pm in x.sent.ms):
        return None
    city = (crowd.entity_id,)
    return Roles(_not(r.actors, city), _not(r.targets, city), crowd.entity_id, r.basis,
                 r.retyped)


def _not(ids: tuple[str, ...], drop: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(i for i in ids if i not in drop)


@only_for(type="REQUEST")
def place_of_what_is_asked(r: Roles, x: Context) -> Roles | None:
    """"ودعا الرئيسان إسرائيل إلى وقف فوري لإطلاق النار في قطاع غزة": a place inside what a
    request asks for ("إلى …") is where that would happen, not where it was asked."""
    v, c = x.doc, x.clause
    if r.location is None or c.trigger.type != "REQUEST":
        return None
    at = next((pm for pm in x.sent.ms if pm.entity_id == r.location
               and c.t_last < pm.first < c.right), None)
    if at is None or "الي" not in v.keys[c.t_last + 1 : at.first]:
        return None
    return Roles(r.actors, r.targets, None, r.basis, r.retyped)


def the_pair_acts_where_they_met(r: Roles, x: Context) -> Roles | None:
    """"التقى أردوغان السيسي في القاهرة. ودعا الرئيسان إسرائيل إلى وقف النار": what the
    two sides do together ("الجانبان"، "الرئيسان"، a verb in the dual) right after their
    meeting happens where they met (or where the visit it was part of went)."""
    met = pair_meeting(x, r)
    if r.location is not None or met is None:
        return None
    sides = {*met.actors, *met.targets}
    where = met.location or next((ev.location for ev in reversed(x.disc.events)
                                  if ev.mode == "visit" and ev.location is not None
                                  and sides & set(ev.actors)), None)
    if where is None or where in (*r.actors, *r.targets):
        return None
    return Roles(r.actors, r.targets, where, r.basis, r.retyped)


def pair_meeting(x: Context, r: Roles) -> Event | None:
    """The last meeting told of the two sides that are the clause's subject: a dual noun
    after the verb or a verb in the dual, and the sides among the meeting's parties (or
    their states)."""
    c, keys = x.clause, x.doc.keys
    if not c.is_verb:
        return None
    dual = dual_verb(keys[c.t_first], x.lex.triggers) or (
        c.t_last + 1 < len(keys) and keys[c.t_last + 1] in x.lex.words.dual_sides)
    pair = set(r.actors) if len(r.actors) >= 2 else {*r.actors, *r.targets}
    if not dual or len(pair) < 2:
        return None
    # (a side may be named by its state: "البلدان" after a meeting of their leaders)
    nation = x.doc.nation_of
    return next((ev for ev in reversed(x.disc.events) if ev.type == "CONSULT" and pair <= {
        j for i in (*ev.actors, *ev.targets) for j in (i, nation.get(i, i))}), None)



@only_for(type=SPREAD_TYPES)
def places_across_a_state(r: Roles, x: Context) -> Roles | None:
    """"شنت الطائرات غارات على حلب وإدلب وحماة في سوريا": strikes, raids or protests
    spread over several places of the state the clause names happened in that state, not
    in the first of them."""
    v, c = x.doc, x.clause
    if c.trigger.type not in SPREAD_TYPES or r.location is None or r.location in v.states:
        return None
    # (the same act named again further on, "… وبلغت أربعين غارة، كما على صور", does not
    # end the list of places)
    later = [h for h in x.sent.hits if x.sent.a + h.first_token > c.t_last]
    right = x.sent.b if later and all(h.trigger.type == c.trigger.type for h in later) \
        else c.right
    ms = [pm for pm in x.sent.ms if c.lo <= pm.first < right]
    state = next((pm.entity_id for pm in ms if pm.entity_id in v.states
                  and pm.entity_id not in r.actors), None)
    # (a land of its own, "قطاع غزة", is no place within the state; nor, past the clause,
    # a sea or a region)
    kinds = ("GPE", "LOC") if right == c.right else ("GPE",)
    places = {pm.entity_id for pm in ms if v.etype[pm.entity_id] in kinds
              and pm.entity_id not in v.states and pm.entity_id not in v.nations
              and pm.entity_id not in r.actors}
    if state is None or len(places) < 2 or r.location not in places \
            or any(v.lies_in.get(p, state) != state for p in places):
        return None
    return Roles(r.actors, r.targets, state, r.basis, r.retyped)


def city_after_the_venue(r: Roles, x: Context) -> Roles | None:
    """"خلال اجتماع المجلس بمقر الاتحاد الإفريقي، أديس أبابا، الأحد": a city set off by
    commas right after a venue ("بمقر X") is where the act happened, not a party."""
    v, c = x.doc, x.clause
    parties = (*r.actors, *r.targets)
    for pm in x.sent.ms:
        if not c.lo <= pm.first < c.right or pm.entity_id not in parties \
                or v.etype[pm.entity_id] != "GPE" or pm.entity_id in v.states \
                or v.prev_key(pm.first) not in ("،", ","):
            continue
        venue = next((q for q in x.sent.ms if q.last == pm.first - 2), None)
        if venue is None or unprefix(v.prev_key(venue.first), "و") not in \
                x.lex.words.venue_words:
            continue
        i = pm.entity_id
        return Roles(tuple(a for a in r.actors if a != i), tuple(t for t in r.targets
                                                                 if t != i), i, r.basis,
                     r.retyped)
    return None


@only_for(type="ASSAULT")
def place_aimed_at(r: Roles, x: Context) -> Roles | None:
    """"أطلق المسلحون صاروخا من مناطق يسيطرون عليها في اليمن باتجاه سفينة تجارية في البحر
    الأحمر": a strike fired from one place toward another (باتجاه، نحو) happened where it
    was aimed, not where it was fired from."""
    v, c, w = x.doc, x.clause, x.lex.words
    if r.location is None or c.trigger.type != "ASSAULT":
        return None
    here = next((pm for pm in x.sent.ms if pm.entity_id == r.location
                 and c.t_last < pm.first < c.right), None)
    if here is None or "من" not in (unprefix(k, "و") for k in v.keys[c.t_last + 1 : here.first]):
        return None
    toward = next((k for k in range(here.last + 1, c.right)
                   if unprefix(v.keys[k], "و") in w.aim_words), None)
    if toward is None or any(v.keys[k] in (".", ":", "؛") for k in range(here.last, toward)):
        return None
    aimed = next((pm for pm in x.sent.ms if toward < pm.first < c.right
                  and v.etype[pm.entity_id] in PLACE_TYPES and _behind_place_word(pm, x)
                  and pm.entity_id not in (*r.actors, *r.targets)), None)
    if aimed is None:
        return None
    return Roles(r.actors, r.targets, aimed.entity_id, r.basis, r.retyped)


@only_for(type="RETREAT", mode="withdraw")
def the_place_left(r: Roles, x: Context) -> Roles | None:
    """"أنهت القوات انسحابها من قاعدة تمبكتو"، "بدأ الجنود مغادرة النيجر": forces
    withdrawing from a place, with no place of their own, withdraw there (a base before the
    state it lies in)."""
    v, c = x.doc, x.clause
    if r.location is not None or c.trigger.type != "RETREAT" or c.trigger.mode != "withdraw":
        return None
    left = [t for t in r.targets if v.etype[t] in PLACE_TYPES and t not in r.actors]
    if not left:
        return None
    place = next((t for t in left if v.etype[t] == "FAC"), left[0])
    return Roles(r.actors, r.targets, place, r.basis, r.retyped)


def the_state_withdrawn_from(r: Roles, x: Context) -> Roles | None:
    """"أنهت البعثة الأممية مهامها في مالي"، "وانسحبت القوات من النيجر": named forces
    withdrawing from within a state, with no other place among their sides, withdraw from
    that state: it is the side they leave (the inverse of the_place_left; a withdrawal with
    nobody named, "الانسحاب الغربي من دول الساحل", stays without sides)."""
    v, c = x.doc, x.clause
    sides = (*r.actors, *r.targets)
    if not r.actors or r.location is None or c.trigger.type != "RETREAT" \
            or c.trigger.mode != "withdraw" or r.location not in v.states \
            or any(v.etype[t] in PLACE_TYPES for t in sides):
        return None
    return Roles(r.actors, (*r.targets, r.location), r.location, r.basis, r.retyped)


def city_of_the_acts_told(r: Roles, x: Context) -> Roles | None:
    """"وصل الوزير إلى الخرطوم في زيارة إلى السودان، والتقى البرهان": an act placed in a
    state, by the subject of an act told before it in the sentence that went to a city of
    that state, happened in that city."""
    v = x.doc
    if r.location is None or r.location not in v.states or not r.actors:
        return None
    city = next((ev.location for ev in reversed(x.sent.events) if ev.location is not None
                 and set(r.actors) <= set(ev.actors)
                 and v.lies_in.get(ev.location) == r.location
                 and ev.location not in (*r.actors, *r.targets)), None)
    if city is None:
        return None
    return Roles(r.actors, r.targets, city, r.basis, r.retyped)


PLACE_RULES = (city_over_country, place_named_since_the_last_act, place_of_the_previous_act,
               place_of_the_scene, land_named_by_its_nisba,
               place_past_the_reach, place_of_what_it_was_during, square_of_a_protest,
               city_of_the_crowd,
               home_act_in_its_state,
               place_of_what_is_asked,
               the_pair_acts_where_they_met,
               places_across_a_state, city_after_the_venue, the_place_left, place_aimed_at,
               city_of_the_acts_told, the_state_withdrawn_from)
