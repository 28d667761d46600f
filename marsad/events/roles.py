"""Role rules: who acts and who is acted on, adjusted from the participants found.

Each rule is a plain function ``(roles, context) -> roles | None``: it returns new roles
when it applies and None when it does not. ``ROLE_RULES`` is the order they run; a rule's
name is its id (``marsad extract --explain`` prints the ids that fired) and its docstring
gives an invented example. Rules read the clause, the sentence and the article so far; they
do not call each other.
"""

from __future__ import annotations

from collections.abc import Callable

from ..text.normalize import match_key
from .anaphora import (
    anaphoric_object,
    antecedent,
    dual_verb,
    during_told_meeting,
    last_two,
    referred_participants,
)
from .clause import AFTER_NOUN, Context, Roles
from .dating import future
from .lexicon import MATERIAL_TYPES, NISBA_TARGET_TYPES, PARTICIPANT_TYPES, REACTIONS
from .nisba import demonym_actor, demonym_targets
from .places import PLACE_RULES
from .view import uniq, unprefix

Rule = Callable[[Roles, Context], "Roles | None"]


def _without(ids: tuple[str, ...], drop: tuple[str, ...] | set[str]) -> tuple[str, ...]:
    return tuple(i for i in ids if i not in drop)


def sides_after_verb(x: Context) -> bool:
    """"ووقّع الجانبان مذكرات التفاهم"، "وتوصلا إلى اتفاق": a verb whose only subject is a
    dual noun for the two sides named last, or a verb in the dual, still makes an event
    (the rules below name the sides)."""
    c, keys = x.clause, x.doc.keys
    if not c.is_verb:
        return False
    if dual_verb(keys[c.t_first], x.lex.triggers):
        return True  # "… ثم توصلا إلى اتفاق": the two named last (dual_acts_with_pair)
    return len(x.disc.last_pair) >= 2 and c.t_last + 1 < len(keys) \
        and keys[c.t_last + 1] in x.lex.words.dual_sides


def announcer_named(x: Context) -> bool:
    """"أعلنت الحكومة الإفراج عن 30 معتقلا": an act its announcer announces still makes an
    event when nobody else is named (announcer_acts names the announcer)."""
    sp, c = x.clause.speaker, x.clause
    if sp is None or not 0 < c.t_first - sp.last <= x.lex.words.reach["announced_reach"]:
        return False
    between = x.doc.keys[sp.last + 1 : c.t_first]
    return _announced(x, sp.first) and not _act_between(x, sp.last) and not any(
        k in x.lex.words.complementisers for k in between)


def _act_between(x: Context, after: int) -> bool:
    """Another trigger stands between the announcer and this one (the act announced is
    the first one told after its announcer)."""
    a, c = x.sent.a, x.clause
    return any(after < a + h.first_token < c.t_first for h in x.sent.hits)


def pair_meets(r: Roles, x: Context) -> Roles | None:
    """"وجاء لقاء جمع الرجلين": a meeting noun followed by a dual noun is the two sides
    named last meeting each other."""
    c, pair = x.clause, x.disc.last_pair
    if len(pair) < 2 or c.is_verb:
        return None
    if not any(k in x.lex.words.dual_sides for k in x.doc.keys[c.t_last + 1 : min(
            c.t_last + 3, c.hi)]):
        return None
    return Roles(pair[:1], pair[1:], r.location)


def pair_as_targets(r: Roles, x: Context) -> Roles | None:
    """"رحّب الأمين العام بتوقيع الطرفين": with one actor and no target, a dual noun
    further on makes the two sides named last the targets."""
    c, pair = x.clause, x.disc.last_pair
    if len(pair) < 2 or r.targets or len(r.actors) >= 2:
        return None
    end = min(x.sent.b, c.t_last + x.lex.words.reach["right_reach"])
    if not any(k in x.lex.words.dual_sides for k in x.doc.keys[c.t_last + 2 : end]):
        return None
    return Roles(r.actors, _without(pair, r.actors), r.location)


def sides_act(r: Roles, x: Context) -> Roles | None:
    """"وأكد الجانبان"، "ودعا الرئيسان إسرائيل إلى …": both sides named last act; named
    objects other than them are the targets ("البلدان": the leaders' states)."""
    c, v, pair = x.clause, x.doc, x.disc.last_pair
    if len(pair) < 2 or not c.is_verb or c.t_last + 1 >= len(v.keys) \
            or v.keys[c.t_last + 1] not in x.lex.words.dual_sides:
        return None
    if v.keys[c.t_last + 1] in x.lex.words.state_duals:
        pair = tuple(uniq(v.nation_of.get(i, i) for i in pair))
    return Roles(pair, _without((*r.actors, *r.targets), pair), r.location)


def purpose_of_main_verb(r: Roles, x: Context) -> Roles | None:
    """"زار الوزير القاهرة للقاء نظيره": the purpose noun (fused ل) is done by the main
    verb's subject; its own participants are whom it is done with."""
    c, v, prev = x.clause, x.doc, x.sent.prev_actors
    if not prev or c.is_verb or c.hit.start <= v.tokens[c.t_first].start:
        return None
    lead = match_key(v.text[v.tokens[c.t_first].start : c.hit.start])
    if lead not in ("ل", "ول", "فل", "لل", "ولل", "فلل"):
        return None  # (the article ال ends in ل too: "الاحتجاجات" is no purpose)
    x.disc.purposes.add((c.hit.start, c.hit.end))  # one happening with its main verb's
    return Roles(prev, _without((*r.actors, *r.targets), prev), r.location)


def capital_as_state(r: Roles, x: Context) -> Roles | None:
    """"وردّت موسكو على …" in an article that names Russia: the capital acts as its state."""
    s = x.doc.state_of
    if not any(i in s for i in (*r.actors, *r.targets)):
        return None
    actors = tuple(uniq(s.get(i, i) for i in r.actors))
    targets = tuple(uniq(s.get(i, i) for i in r.targets if s.get(i, i) not in actors))
    return Roles(actors, targets, r.location)


def meeting_during_visit(r: Roles, x: Context) -> Roles | None:
    """"بعد زيارة قام بها الوزير إلى غينيا، حيث التقى الرئيس": after حيث/هناك, the visitor
    meets whoever is named after the verb."""
    c, v, prev = x.clause, x.doc, x.sent.prev_actors
    if not prev or c.trigger.type != "CONSULT" or not c.is_verb or c.t_first <= x.sent.a \
            or v.keys[c.t_first - 1] not in x.lex.words.visit_links:
        return None
    if not r.actors or set(r.actors) == set(prev):
        return None
    return Roles(prev, tuple(uniq(_without((*r.actors, *r.targets), prev))), r.location)


# Acts done to people by forces: a person named after such a verb joined on is its object
_DONE_TO_PEOPLE = frozenset({"COERCE", "ASSAULT", "SANCTION"})


def verb_joined_after_comma(r: Roles, x: Context) -> Roles | None:
    """"رحّب الرئيس بالاتفاق، وشكر الولايات المتحدة وفرنسا": a verb joined on after a
    comma goes on with the same subject; the states or bodies after it are its object, and
    so are people after an arrest or attack by forces ("اقتحمت القوات البلدة، واعتقلت
    الشابين X وY")."""
    c, v, prev = x.clause, x.doc, x.sent.prev_actors
    if not prev or not c.is_verb or c.trigger.roles != "subject_actor" \
            or c.t_first <= x.sent.a or v.keys[c.t_first - 1] not in ("،", ",") \
            or v.keys[c.t_first][:1] != "و":
        return None
    if not r.actors or r.actors == prev:
        return None
    people = any(v.etype[i] == "PER" for i in r.actors)
    if people and (c.trigger.type not in _DONE_TO_PEOPLE
                   or any(v.etype[i] == "PER" for i in prev)):
        # (a person after the verb is its new subject, unless forces go on arresting or
        # attacking: "اقتحمت القوات البلدة، واعتقلت الشابين X وY")
        return None
    return Roles(prev, tuple(uniq(_without((*r.actors, *r.targets), prev))), r.location)


def announcer_acts(r: Roles, x: Context) -> Roles | None:
    """"أعلن رئيس الوزراء فرض حظر التجول"، "أعلنت الحركة، مساء الأحد، سيطرتها على
    المعسكر": an act announced by its announcer — a verb right after the announcer, or a
    verbal noun after the announcer and an adverbial — is the announcer's; a name after
    the noun is what it is done to."""
    sp, c, v = x.clause.speaker, x.clause, x.doc
    if sp is None or not 0 < c.t_first - sp.last:
        return None
    end = min(x.sent.b, c.t_last + 6)
    if c.trigger.mutual and any(unprefix(k, "و") == "بين" for k in v.keys[c.t_last + 1 : end]):
        return None  # "أعلن الوزير توقيع اتفاق بين X وY": the announcer is no side
    announced = _announced(x, sp.first)
    weak = not r.actors or (not c.is_verb and r.basis == AFTER_NOUN
                            and c.trigger.type != "CONSULT" and announced)
    if not weak or c.t_first - sp.last > (
            x.lex.words.reach["announced_reach"] if announced else 2):
        return None
    between = v.keys[sp.last + 1 : c.t_first]
    if any(k in x.lex.words.complementisers for k in between):
        return None  # "قال الدفاع المدني إن غارات …": what he said, not what he did
    if _act_between(x, sp.last):
        return None  # "أعلن عن توقيف 343 شخصا بعد الاحتجاجات": the arrests, not the protests
    if any(sp.last < pm.first < c.t_first and v.etype[pm.entity_id] in ("PER", "ORG")
           for pm in x.sent.ms):
        return None
    me = (sp.entity_id,)
    return Roles(me, _without(tuple(uniq((*r.actors, *r.targets))), me), r.location)


def repelled_attack(r: Roles, x: Context) -> Roles | None:
    """"أعلن الجيش النيجري إحباط هجوم على ثكنة قرب الحدود": who announces an attack he
    repelled was attacked, no attacker."""
    sp, c, v = x.clause.speaker, x.clause, x.doc
    if sp is None or c.trigger.type != "ASSAULT" or c.is_verb or c.t_first < 1 \
            or sp.entity_id not in r.actors:
        return None
    before = v.keys[c.t_first - 1]
    if before not in x.lex.words.repel_words and unprefix(before, "ول") not in \
            x.lex.words.repel_words:
        return None
    me = (sp.entity_id,)
    return Roles(_without(r.actors, me), tuple(uniq((*me, *r.targets))), r.location)


def befallen_attack(r: Roles, x: Context) -> Roles | None:
    """"أعلن الجيش تعرض دورية لهجوم"، "تصدت القوات السودانية لهجوم نفذته قوات الدعم السريع
    على مدينة كوستي": who underwent or met the attack (named before it, or announcing it)
    is its target; a body or person named after it, behind no preposition, made it."""
    c, v = x.clause, x.doc
    if c.trigger.type != "ASSAULT" or c.is_verb or not v.keys[c.t_first].startswith("ل") \
            or not x.lex.triggers.lam_governed(v.keys, c.t_first):
        return None
    first: dict[str, int] = {}
    for pm in x.sent.ms:
        first.setdefault(pm.entity_id, pm.first)
    ids = [i for i in uniq((*r.actors, *r.targets)) if i in first]
    # who underwent it stands after the governing word or just before it, not further
    # back ("أعلن حاكم الإقليم X تصدي الجيش لهجوم": the governor's announcer is no party)
    gov = _governor_at(x)
    undergoers = uniq(pm.entity_id for pm in x.sent.ms if gov - 3 <= pm.first < c.t_first
                      and v.etype[pm.entity_id] in PARTICIPANT_TYPES
                      and unprefix(v.prev_key(pm.first), "و") not in x.lex.words.loc_preps)
    sp = x.clause.speaker
    if sp is not None and sp.entity_id in r.actors and sp.entity_id not in undergoers \
            and _governor_has_pronoun(x):
        undergoers.append(sp.entity_id)  # "أعلن الجيش تعرضه لهجوم": the pronoun is his
    makers = [i for i in ids if first[i] > c.t_last and v.etype[i] in ("ORG", "PER")
              and v.prev_key(first[i]) not in x.lex.words.prepositions]
    if not undergoers:
        return None
    rest = [i for i in ids if i not in undergoers and i not in makers and first[i] > c.t_last]
    return Roles(tuple(makers), tuple(uniq((*undergoers, *rest))), r.location)


def _governor_at(x: Context) -> int:
    """The token of the word taking the attack with ل ("تعرض"، "تصدي") before it."""
    govs, keys, at = x.lex.triggers.lam_governors, x.doc.keys, x.clause.t_first
    return next((i for i in range(at - 1, max(0, at - 6) - 1, -1)
                 if keys[i] in govs or (keys[i][:1] in "وف" and keys[i][1:] in govs)), at)


def _governor_has_pronoun(x: Context) -> bool:
    """The word taking the attack with ل carries a pronoun ("تعرضه"، "تصديها")."""
    return x.doc.keys[_governor_at(x)].endswith(("ه", "ها", "هم"))


def _announced(x: Context, speaker: int) -> bool:
    """The speaker's verb announces or decides ("أعلن"), rather than reports ("أفاد")."""
    gov = x.lex.words.governors
    return any(c.token == speaker and (x.doc.keys[c.cue_token] in gov or unprefix(
        x.doc.keys[c.cue_token], "وف") in gov) for c in x.sent.cited)


def speaker_tells_own_act(r: Roles, x: Context) -> Roles | None:
    """"وقال الوزير إنه التقى نظيره"، "أعلنت الحكومة أنها أغلقت المعبر": a verb right
    after "إنه/أنها" with no subject of its own is the speaker's act."""
    c, v, sp = x.clause, x.doc, x.clause.speaker
    if r.actors or sp is None or not c.is_verb or sp.entity_id in v.reporting:
        return None
    prev = unprefix(v.prev_key(c.t_first), "ب")
    fits = {"انه": ("PER", "ORG"), "انها": ("ORG", "GPE")}.get(prev, ())
    if v.etype[sp.entity_id] not in fits:
        return None
    me = (sp.entity_id,)
    return Roles(me, _without(r.targets, me), r.location)


def participle_of_main_subject(r: Roles, x: Context) -> Roles | None:
    """"أكد الرئيس دعم بلاده، مشيدا بموقف الجزائر": the participle's subject is the main
    clause's (the speaker's); whoever it names is the target."""
    c = x.clause
    if c.trigger.roles != "main_subject":
        return None
    main = (c.speaker.entity_id,) if c.speaker is not None else x.sent.prev_actors
    if not main:
        return None
    return Roles(main, tuple(uniq(_without((*r.actors, *r.targets), main))), r.location)


def dropped_subject(r: Roles, x: Context) -> Roles | None:
    """"وصل الوزير إلى عمّان في زيارة التقى خلالها الملك": a verb with no subject named
    goes on with the last actor of its sentence."""
    c, prev = x.clause, x.sent.prev_actors
    if r.actors or not prev or not c.is_verb or c.trigger.roles != "subject_actor":
        return None
    return Roles(prev, _without(r.targets, prev), r.location)


def subject_goes_on_after_kama(r: Roles, x: Context) -> Roles | None:
    """"فرضت الخزانة عقوبات على … . كما فرضت عقوبات على السفير": a verb with no subject
    after a sentence-opening "كما" (likewise) goes on with the last actor told."""
    c, v, last = x.clause, x.doc, x.disc.last_actor
    if r.actors or not c.is_verb or last is None or c.trigger.roles != "subject_actor":
        return None
    opening = [k for k in v.keys[x.sent.a : c.t_first] if k not in ("و", "،", ",")]
    if opening not in (["كما"], ["وكما"]) or last in r.targets:
        return None
    return Roles((last,), r.targets, r.location)


def met_by_the_subject_before(r: Roles, x: Context) -> Roles | None:
    """"وصل الرئيس إلى القاهرة، والتقى الرئيس المصري": a meeting verb with one side named
    goes on with the sentence's subject, and the one named is whom it met."""
    c, prev = x.clause, x.sent.prev_actors
    if c.trigger.type != "CONSULT" or not c.is_verb or r.targets or len(r.actors) != 1 \
            or not prev or r.actors[0] in prev:
        return None
    return Roles(prev, r.actors, r.location)


def asked_is_the_object(r: Roles, x: Context) -> Roles | None:
    """"كما طالب الحكومة بالتوقف عن …"، "ودعا الأطراف إلى الحوار": the one named right
    after a verb of asking, before what is asked (ب، إلى), is asked, not asking; the
    asker is the sentence's subject or speaker, or goes unnamed."""
    c, v = x.clause, x.doc
    if c.trigger.type != "REQUEST" or not c.is_verb or r.targets or len(r.actors) != 1:
        return None
    pm = next((p for p in x.sent.ms if p.entity_id == r.actors[0] and p.first > c.t_last), None)
    if pm is None or pm.last + 1 >= len(v.keys):
        return None
    nxt = v.keys[pm.last + 1]
    if not (nxt == "الي" or (nxt[:1] == "ب" and len(nxt) > 3)):
        return None
    # agreement: a masculine verb does not take a feminine noun as its subject ("طالب
    # الحكومة"); "ودعت السعودية إلى" is the kingdom calling
    verb = unprefix(unprefix(v.keys[c.t_first], "وف"), "س")
    feminine_verb = verb.endswith("ت") or verb[:1] == "ت"
    if feminine_verb or not v.keys[pm.last].endswith("ه"):
        return None
    asker = (c.speaker.entity_id,) if c.speaker is not None else x.sent.prev_actors
    return Roles(_without(asker, r.actors), r.actors, r.location)


def asked_of_a_pronoun(r: Roles, x: Context) -> Roles | None:
    """"وقال الوزير إن الرئيس طلب منه التراجع": "منه"/"منها" right after a verb of
    asking is whom it asks — the person (ه) or the state or body (ها) named before."""
    c, v = x.clause, x.doc
    if c.trigger.type != "REQUEST" or not c.is_verb or r.targets or c.t_last + 1 >= len(v.keys):
        return None
    suffix = {"منه": "ه", "منها": "ها", "منهم": "هم"}.get(v.keys[c.t_last + 1])
    if suffix is None:
        return None
    ms = [pm for pm in x.sent.ms if pm.entity_id not in r.actors]
    asked = antecedent(ms, c.t_first, v.etype, suffix)
    return Roles(r.actors, (asked,), r.location) if asked is not None else None


def noun_retells_sentence(r: Roles, x: Context) -> Roles | None:
    """"وصل الرئيس إلى الرياض، في أول زيارة خارجية له": a noun with no actor that retells
    an event of its own sentence takes that event's subject (and merges with it)."""
    c, prev = x.clause, x.sent.prev_actors
    if r.actors or not prev or c.is_verb or c.concurrent:
        return None
    if not any(e.type == c.trigger.type and set(e.actors) == set(prev)
               and e.evidence[0].start == x.sent.span.start for e in x.disc.events[-3:]):
        return None
    return Roles(prev, _without(r.targets, prev), r.location)


def definite_noun_of_the_subject(r: Roles, x: Context) -> Roles | None:
    """"اقتحمت القوات البلدة، وامتدت المداهمات إلى المخيم": a definite verbal noun with no
    agent of its own, after an act of the sentence's subject, is that subject's."""
    c, v, prev = x.clause, x.doc, x.sent.prev_actors
    if r.actors or c.is_verb or not prev:
        return None
    lead = match_key(v.text[v.tokens[c.t_first].start : c.hit.start])
    if not lead.endswith("ال"):
        return None
    return Roles(prev, _without(r.targets, prev), r.location)


def nisba_names_actor(r: Roles, x: Context) -> Roles | None:
    """"ووصل مدربون عسكريون روس إلى باماكو"، "انسحبت القوات الفرنسية": a deployment,
    shipment, attack or withdrawal with no actor named is the country a nisba in its
    clause names."""
    c = x.clause
    forces_leaving = c.trigger.type == "RETREAT" and c.trigger.mode == "withdraw"
    if r.actors or not (c.trigger.type in MATERIAL_TYPES or forces_leaving) \
            or not x.doc.kb.demonyms:
        return None
    actors = demonym_actor(x.doc, c.lo, c.hi)
    if not actors:
        return None
    return Roles(actors, _without(r.targets, actors), r.location)


def nisba_names_target(r: Roles, x: Context) -> Roles | None:
    """"قررت الحكومة طرد 12 دبلوماسيا جزائريا"، "هجوم بطائرات مسيرة على سفن حربية
    أمريكية": the people or things acted on are their country's (but a nisba on the noun
    right after a verb with no subject is the subject's: "وفتشت فرقاطة ألمانية ناقلة")."""
    c, v, w = x.clause, x.doc, x.lex.words
    if r.targets or c.trigger.type not in NISBA_TARGET_TYPES or not v.kb.demonyms:
        return None
    end = min(c.hi, v.word_offset(c.t_last, w.reach["nisba_reach"]) + 1)
    # (the actor's own name is passed over, "قصف الجيش اللبناني مواقع …", and so are the
    # names of places: "سوريا" is no accusative nisba)
    own = frozenset(i for pm in x.sent.ms
                    if pm.entity_id in r.actors or v.etype[pm.entity_id] in ("GPE", "LOC")
                    for i in range(pm.first, pm.last + 1))
    if c.is_verb and not r.actors:
        # "وفتشت فرقاطة ألمانية ناقلة نفط": the noun right after the verb is its subject,
        # and its nisba names the actor, not the target
        subject = demonym_targets(v, c.t_last + 1, min(c.hi, c.t_last + 3), own)
        if subject:
            return Roles(subject[:1], _without(r.targets, subject[:1]), r.location)
    targets = _without(demonym_targets(v, c.t_last + 1, end, own), r.actors)
    on = next((k for k in range(c.t_last + 1, c.hi) if v.keys[k] == "علي"), None)
    if not targets and on is not None:
        # what the attack was on, however far the means push it
        end = min(c.hi, v.word_offset(on, 4) + 1)
        targets = _without(demonym_targets(v, on + 1, end, own), r.actors)
    return Roles(r.actors, targets, r.location) if targets else None


def dual_acts_with_pair(r: Roles, x: Context) -> Roles | None:
    """"اجتماعهما"، "وتوصلا إلى اتفاق": a dual pronoun or verb is the last two named."""
    c, v = x.clause, x.doc
    if not (c.hit.pronoun == "هما" or (len(r.actors) <= 1 and c.is_verb
                                       and dual_verb(v.keys[c.t_first], x.lex.triggers))):
        return None
    pair = last_two(v, x.lex, x.sent.ms, c.t_first, x.sent.source_ms, r.actors) \
        or x.disc.last_pair
    if len(pair) < 2:
        return None
    return Roles((pair[0],), tuple(i for i in (*pair[1:], *r.targets) if i != pair[0]),
                 r.location)


def state_owning_a_body(r: Roles, x: Context) -> Roles | None:
    """"التنسيق بين الحرس الثوري لإيران وسوريا": a state named with ل right after a
    body's name owns the body (the guards of Iran): the body takes the state's part,
    unless the clause names the state again on its own."""
    v, c = x.doc, x.clause
    who = {*r.actors, *r.targets}
    ms = [pm for pm in x.sent.ms if c.lo <= pm.first < c.right]
    body: dict[str, str] = {}
    owned: set[int] = set()
    for pm in ms:
        if v.etype[pm.entity_id] != "GPE" or pm.entity_id not in who or not (
                v.fused_prefix(pm) == "ل" or match_key(pm.mention.text).startswith("لل")):
            continue
        owner = next((o for o in ms if o.last == pm.first - 1
                      and v.etype[o.entity_id] == "ORG"), None)
        if owner is not None:
            body[pm.entity_id] = owner.entity_id
            owned.add(pm.first)
    for pm in ms:
        if pm.first not in owned:
            body.pop(pm.entity_id, None)  # "… لإيران، وإيران نفسها": named on its own too
    if not body:
        return None

    def swap(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(uniq(body.get(i, i) for i in ids))

    actors = swap(r.actors)
    return Roles(actors, _without(swap(r.targets), actors), r.location)


def agent_of_a_relative_clause(r: Roles, x: Context) -> Roles | None:
    """"اتفاق جدة، الذي رعته قطر، بين الحكومة والمعارضة": a name inside a relative clause
    set off by commas after the event noun does the clause's verb (sponsors, hosts), not
    the event; it takes no part unless the clause names it outside too."""
    c, v = x.clause, x.doc
    keys = v.keys
    if c.is_verb:
        return None
    start = next((k for k in range(c.t_last + 1, min(c.t_last + 4, c.right))
                  if keys[k] in x.lex.words.relatives and keys[k - 1] in ("،", ",")), None)
    if start is None:
        return None
    end = next((k for k in range(start + 1, c.right) if keys[k] in ("،", ",")), None)
    if end is None or any(start < x.sent.a + h.first_token < end for h in x.sent.hits):
        return None  # (a relative verb that is an act of its own tells its own event)
    who = {*r.actors, *r.targets}
    ms = [pm for pm in x.sent.ms if c.lo <= pm.first < c.right and pm.entity_id in who]
    inside = {pm.entity_id for pm in ms if start < pm.first < end}
    drop = inside - {pm.entity_id for pm in ms if not start < pm.first < end}
    if not drop or not who - drop:
        return None
    return Roles(_without(r.actors, drop), _without(r.targets, drop), r.location)


def undergoer_of_a_relative_verb(r: Roles, x: Context) -> Roles | None:
    """"الصحفي أحمد يلماز، الذي اعتقل فجر الأحد في منزله": an arrest verb in a relative
    clause on a person, with no pronoun on it and nobody named after it, is read as the
    (unmarked) passive: the person is the one arrested, not the one arresting."""
    c, v = x.clause, x.doc
    if c.trigger.type != "COERCE" or not c.is_verb or c.hit.pronoun or r.targets \
            or len(r.actors) != 1 or v.etype[r.actors[0]] != "PER" \
            or v.prev_key(c.t_first) not in x.lex.words.relatives:
        return None
    end = next((k for k in range(c.t_last + 1, c.right) if v.keys[k] in ("،", ",", ".")),
               c.right)
    if any(c.t_last < pm.first < end for pm in x.sent.ms):
        return None
    return Roles((), r.actors, r.location)


def mutual_sides_act(r: Roles, x: Context) -> Roles | None:
    """"وقّعت إثيوبيا مذكرة تفاهم مع كينيا": in a mutual act both sides act; but those an
    operation is "ضد" are aimed at, not taking part, and a clash's place takes no part."""
    c, v = x.clause, x.doc
    if not c.trigger.mutual or not r.targets:
        return None
    against = {pm.entity_id for pm in x.sent.ms if pm.first > c.t_last
               and v.prev_key(pm.first) in ("ضد", "وضد")}
    # a clash's place is where it was, no side: "الاشتباكات في منطقة قصر الأخيار"
    where = {pm.entity_id for pm in x.sent.ms if pm.first > c.t_last and (
        v.etype[pm.entity_id] in ("FAC", "LOC") or (v.etype[pm.entity_id] == "GPE" and unprefix(
            v.prev_key(pm.first), "و") in x.lex.words.loc_preps))} \
        if c.trigger.type == "ASSAULT" else set()
    actors = tuple(uniq((*r.actors, *(i for i in r.targets
                                      if i not in against and i not in where))))
    return Roles(actors, tuple(i for i in r.targets if i in against), r.location)


def reaction_to_told_event(r: Roles, x: Context) -> Roles | None:
    """"دان الاتحاد الإفريقي الهجوم": a reaction whose object is an event told before is
    aimed at whoever did that event (the noun is no new event)."""
    c, v = x.clause, x.doc
    if c.trigger.type not in REACTIONS or not c.is_verb:
        return None
    found = anaphoric_object(v, x.lex, c.t_last + 1, x.sent.b, x.sent.ms, r.actors)
    if found is None:
        return None
    x.sent.consumed.add(found[1])  # "رحّب بالاتفاق": the noun makes no event of its own
    before = referred_participants(x.disc.events, x.disc.background, found[0])
    if not before:
        return r
    return Roles(r.actors, _without(before, r.actors), r.location)


def reacted_to_the_same_act(r: Roles, x: Context) -> Roles | None:
    """"رفضت كتلة X القرارات … وعدّتها كتلة Y انقلابا، فيما أيدتها كتلة Z": in a row of
    reactions, the pronoun on each is the act they all react to, not the party that
    reacted before: its target is whoever did the last act told that was no reaction."""
    c = x.clause
    if c.trigger.type not in REACTIONS or c.hit.pronoun not in ("ه", "ها") \
            or c.antecedent is None:
        return None
    told = x.disc.events
    sibling = any(ev.type in REACTIONS and c.antecedent in ev.actors for ev in told[-6:])
    act = next((ev for ev in reversed(told) if ev.type not in REACTIONS and ev.actors), None)
    if not sibling or act is None:
        return None
    targets = _without(act.actors, r.actors)
    return Roles(r.actors, targets, r.location) if targets else None


def own_state_not_target(r: Roles, x: Context) -> Roles | None:
    """"حذّر رئيس الوزراء من أن بلاده سترد على الحركة": one's own state acts with one, never
    as the target; for a reaction, the one named after it is."""
    c, v = x.clause, x.doc
    if len(r.actors) != 1 or v.nation_of.get(r.actors[0]) not in r.targets:
        return None
    own = v.nation_of[r.actors[0]]
    targets = _without(r.targets, (own,))
    if not targets and c.trigger.type in REACTIONS:
        targets = tuple(i for i in uniq(pm.entity_id for pm in x.sent.ms
                                        if c.t_last < pm.first < x.sent.b)
                        if i not in (own, r.actors[0]) and v.etype[i] in PARTICIPANT_TYPES)[:1]
    return Roles(r.actors, targets, r.location)


def withdrawn_from(r: Roles, x: Context) -> Roles | None:
    """"أعلنت مالي انسحابها من لجنة الأركان المشتركة"، "انسحبت القوات من النيجر": what a
    withdrawal leaves (a body, a state) is its target."""
    c, v = x.clause, x.doc
    if r.targets or c.trigger.mode not in ("withdraw", "leave"):
        return None
    at = next((k for k in range(c.t_last + 1, min(c.hi, c.t_last + 4))
               if v.keys[k] == "من"), None)
    left = None if at is None else next(
        (pm for pm in x.sent.ms if pm.first == at + 1 and pm.entity_id not in r.actors
         and v.etype[pm.entity_id] in ("ORG", "GPE")), None)
    if left is None:
        return None
    return Roles(r.actors, (left.entity_id,), r.location)


def where_the_meeting_was(r: Roles, x: Context) -> Roles | None:
    """"تظاهر أبناء الجالية أثناء الاجتماع"، "ووقّع الطرفان على هامش القمة": an act with no
    place of its own during a meeting told before happens where the meeting was."""
    c = x.clause
    if r.location is not None or x.sent.words.isdisjoint(x.lex.words.meeting_nouns):
        return None
    # (the meeting noun is a trigger of its own, past the clause's end)
    meeting = during_told_meeting(x.doc, x.lex, x.disc.events, max(c.left, c.t_first - 8),
                                  min(c.hi + 3, x.sent.b))
    if meeting is None or meeting.location in (*r.actors, *r.targets):
        return None
    return Roles(r.actors, r.targets, meeting.location)


def crowd_names_its_country(r: Roles, x: Context) -> Roles | None:
    """"احتشد آلاف الأردنيين في الشوارع": a protest with no place takes its crowd's
    country."""
    c = x.clause
    if r.location is not None or c.trigger.type != "PROTEST":
        return None
    country = next(iter(demonym_actor(x.doc, c.lo, c.hi)), None)
    return Roles(r.actors, r.targets, country) if country is not None else None


def media_do_not_act(r: Roles, x: Context) -> Roles | None:
    """"ونقلت وكالة الأنباء عن الوزير": an outlet named near a trigger is where the news
    comes from, never an actor."""
    rep = x.doc.reporting
    if not any(i in rep for i in r.actors):
        return None
    return Roles(tuple(i for i in r.actors if i not in rep), r.targets, r.location)


def speakers_own_forces_act(r: Roles, x: Context) -> Roles | None:
    """"وأعلن الجيش الأمريكي أن طائراته قصفت مواقع"، "قالت الوزارة إن قواتها استهدفت":
    forces named by a pronoun for the speaker are the speaker's; the speaker acts."""
    c, sp, keys = x.clause, x.clause.speaker, x.doc.keys
    if r.actors or sp is None or not c.is_verb or c.t_first < 1 or sp.last >= c.t_first:
        return None
    if unprefix(keys[c.t_first - 1], "و") not in x.lex.words.own_forces:
        return None
    me = (sp.entity_id,)
    return Roles(me, _without(r.targets, me), r.location)


def cited_source_no_target(r: Roles, x: Context) -> Roles | None:
    """"أطلقت إيران سراح ثلاثة بحارة، بحسب وكالة الأنباء الكويتية": a source cited after
    the act is where the news comes from, not what the act was done to."""
    c = x.clause
    cited = {s.entity_id for s in x.sent.cited if s.token is not None and s.token > c.t_last
             and s.cue_token > c.t_last}
    if not cited & set(r.targets):
        return None
    return Roles(r.actors, tuple(i for i in r.targets if i not in cited), r.location)


# The REQUEST mode of a demand for an act of each type (PLOVER 2.0: yield for releases,
# ceasefires, withdrawals; meet for meetings; assist for help and relations)
_DEMAND_MODES = {"RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AID": "assist",
                 "COOPERATE": "assist", "SUPPORT": "assist"}


def necessity_is_a_demand(r: Roles, x: Context) -> Roles | None:
    """"أكد الوزير ضرورة انسحاب القوات الإسرائيلية"، "إن على إسرائيل وقف عدوانها": an act
    said to be necessary, or owed by someone, is demanded of whoever is to do it (a
    REQUEST by the speaker)."""
    c = x.clause
    if c.is_verb or c.trigger.type == "REQUEST":
        return None
    owed = _owed_by(x)
    if owed is None and not _necessary(x):
        return None
    demander = (c.speaker.entity_id,) if c.speaker is not None else x.sent.prev_actors
    asked = tuple(uniq((*(owed or ()), *r.actors, *r.targets)))
    stop = x.doc.keys[c.t_first - 1] in x.lex.words.stopping
    mode = "yield" if stop else _DEMAND_MODES.get(c.trigger.type, "change")
    return Roles(demander, _without(asked, demander), r.location,
                 retyped=("REQUEST", mode))


def _necessary(x: Context) -> bool:
    keys, at = x.doc.keys, x.clause.t_first
    return unprefix(x.doc.prev_key(at), "بل") == "ضروره" or (
        at >= 2 and keys[at - 2] in ("علي", "الي") and keys[at - 1] == "ضروره")


def _owed_by(x: Context) -> tuple[str, ...] | None:
    """"إن على السعودية وقف …": the one the act is owed by, right before it."""
    v, c = x.doc, x.clause
    at = c.t_first - 1
    if v.keys[at] in x.lex.words.stopping:
        at -= 1  # "على إسرائيل وقف عدوانها": the act to be stopped
    pm = next((p for p in x.sent.ms if p.last == at), None)
    if pm is None or v.prev_key(pm.first) != "علي":
        return None
    before = v.prev_key(pm.first - 1)
    if pm.first - 1 > x.sent.a and before not in x.lex.words.complementisers \
            and before not in ("،", ",", ":", "«", '"', "“"):
        return None
    return (pm.entity_id,)


def future_retreat_concedes(r: Roles, x: Context) -> Roles | None:
    """A retreat announced for the future is a concession (PLOVER codes future retreats
    CONCEDE): "أعلن رئيس الوزراء أنه سيقدم استقالته إلى البرلمان"، "ستبدأ القوات
    انسحابها"."""
    c, keys = x.clause, x.doc.keys
    if c.trigger.type != "RETREAT" or r.retyped is not None:
        return None
    k = keys[c.t_first] if c.is_verb else x.doc.prev_key(c.t_first)
    if not future(k) or unprefix(k, "وف").endswith(("ه", "ات")):
        return None
    return Roles(r.actors, r.targets, r.location, r.basis, retyped=("CONCEDE", None))


def own_forces_called_threaten(r: Roles, x: Context) -> Roles | None:
    """A leader calling his own forces to act against someone threatens that one (PLOVER
    THREATEN, violence): "ودعا القائد العام قواته إلى طرد المرتزقة الروس من البلاد"."""
    c, v = x.clause, x.doc
    if c.trigger.type != "REQUEST" or not c.is_verb or not r.actors:
        return None
    own = x.lex.words.own_forces
    at = next((i for i in range(c.t_last + 1, min(c.t_last + 10, len(v.keys)))
               if v.keys[i] in own), None)
    if at is None or v.keys[min(at + 1, len(v.keys) - 1)] != "الي":
        return None
    # the one acted against: the first participant named after the act asked for
    against = next((pm.entity_id for pm in x.sent.ms if at + 2 < pm.first <= at + 8
                    and v.etype.get(pm.entity_id) in PARTICIPANT_TYPES
                    and pm.entity_id not in r.actors), None)
    if against is None:
        return None
    return Roles(r.actors, (against,), r.location, retyped=("THREATEN", "violence"))


def envoy_told_to_leave(r: Roles, x: Context) -> Roles | None:
    """An envoy told to leave is expelled (SANCTION, expel), not asked: "الحكومة تطالب
    السفير الإيراني بمغادرة البلاد خلال 48 ساعة"; the envoy's state is the target."""
    c, v = x.clause, x.doc
    if c.trigger.type != "REQUEST" or not c.is_verb:
        return None
    w = x.lex.words
    keys = v.keys
    at = next((i for i in range(c.t_last + 1, min(c.t_last + 4, len(keys)))
               if unprefix(keys[i], "و") in w.envoy_nouns), None)
    if at is None or not any(k in w.leave_words for k in keys[at + 1 : at + 4]):
        return None
    state = demonym_targets(v, at + 1, at + 3)
    targets = tuple(uniq((*r.targets, *state)))
    return Roles(r.actors, targets, r.location, retyped=("SANCTION", "expel"))


def recalled_envoy_host(r: Roles, x: Context) -> Roles | None:
    """"استدعت الجزائر سفيرها في موسكو للتشاور"، "قرر الوزير استدعاء سفير بلاده لدى
    ليبيا": one's own envoy called home is no target; the state he was posted to is (its
    capital standing for it)."""
    c, v, w = x.clause, x.doc, x.lex.words
    if c.trigger.type != "SANCTION" or c.trigger.mode != "withdraw":
        return None
    keys = v.keys
    # (behind the subject and a date: "استدعت تونس مساء الأحد سفيرها")
    at = next((i for i in range(c.t_last + 1, min(c.t_last + 8, x.sent.b))
               if unprefix(keys[i], "و") in w.own_envoys or (
                   keys[i] == "سفير" and i + 1 < x.sent.b and keys[i + 1] in w.own_country)),
              None)
    if at is None:
        return None
    host = next((pm for pm in x.sent.ms if at < pm.first <= at + 4
                 and v.etype[pm.entity_id] == "GPE" and pm.entity_id not in r.actors), None)
    if host is None:
        return None
    return Roles(r.actors, (v.state_of.get(host.entity_id, host.entity_id),), r.location)


ROLE_RULES: tuple[Rule, ...] = (
    pair_meets, pair_as_targets, sides_act, purpose_of_main_verb, capital_as_state,
    meeting_during_visit, verb_joined_after_comma, announcer_acts, repelled_attack,
    befallen_attack,
    speaker_tells_own_act,
    participle_of_main_subject, dropped_subject, subject_goes_on_after_kama,
    met_by_the_subject_before,
    asked_is_the_object, asked_of_a_pronoun,
    noun_retells_sentence, definite_noun_of_the_subject, nisba_names_actor,
    nisba_names_target, dual_acts_with_pair, state_owning_a_body, agent_of_a_relative_clause,
    undergoer_of_a_relative_verb,
    mutual_sides_act,
    reaction_to_told_event,
    reacted_to_the_same_act,
    own_state_not_target, withdrawn_from, where_the_meeting_was, crowd_names_its_country,
    media_do_not_act, cited_source_no_target, speakers_own_forces_act,
    necessity_is_a_demand, future_retreat_concedes, own_forces_called_threaten,
    envoy_told_to_leave, recalled_envoy_host,
    *PLACE_RULES,
)


def leader_pledges(r: Roles, x: Context, src: tuple[str, ...]
                   ) -> tuple[Roles, tuple[str, ...]]:
    """"قال الرئيس إن بلاده ستزوّد الجيش بالسلاح"، "قال بوتين إن روسيا ستزود إيران": a
    leader pledging what his own country will do is the one who pledges, not the source
    of a report. Runs once the sources are known; returns the roles and the sources."""
    c, v = x.clause, x.doc
    if not src or len(r.actors) != 1 or not c.is_verb or not future(v.keys[c.t_first]):
        return r, src
    pledger = next((i for i in src if v.nation_of.get(i) == r.actors[0]), None)
    if pledger is None:
        return r, src
    x.note("leader_pledges", f"{pledger} pledges for {r.actors[0]}")
    return Roles((pledger,), _without(r.targets, (pledger,)), r.location), _without(
        src, (pledger,))


def apply_rules(r: Roles, x: Context, rules: tuple[Rule, ...] = ROLE_RULES) -> Roles:
    """Run the rules in order; each sees the roles the ones before it left."""
    for rule in rules:
        out = rule(r, x)
        if out is not None and out != r:
            x.note(rule.__name__, f"{_show(r)} -> {_show(out)}")
            r = out
    return r


def _show(r: Roles) -> str:
    return f"actors {list(r.actors)} targets {list(r.targets)}"
