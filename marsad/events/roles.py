"""Role rules: who acts and who is acted on, adjusted from the participants found.

Each rule is a plain function ``(roles, context) -> roles | None``: it returns new roles
when it applies and None when it does not. ``ROLE_RULES`` is the order they run; a rule's
name is its id (``marsad extract --explain`` prints the ids that fired) and its docstring
gives an invented example. Rules read the clause, the sentence and the article so far; they
do not call each other.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace

from ..doc import Event
from ..text.normalize import is_nisba, match_key
from ..text.segment import QUOTES
from .anaphora import (
    anaphoric_object,
    antecedent,
    dual_verb,
    during_told_meeting,
    last_two,
    referred_participants,
)
from .clause import (
    AFTER_NOUN,
    BODY_MEETING,
    UNNAMED_ANTECEDENT,
    Context,
    Roles,
    RuleTable,
    only_for,
)
from .dating import future
from .discourse import Sentence
from .lexicon import (
    CROWD_TYPES,
    FORCE_TYPES,
    GIVEN_TYPES,
    MATERIAL_TYPES,
    NISBA_TARGET_TYPES,
    PARTICIPANT_TYPES,
    REACTIONS,
    Lexicon,
    words,
)
from .nisba import demonym_actor, demonym_targets, nisba_country
from .participants import agent_phrase, described_patient
from .places import PLACE_RULES
from .triggers import NOUN_SUFFIXES
from .view import CLAUSE_MARKS, DocView, Placed, uniq, unprefix, word_back

Rule = Callable[[Roles, Context], "Roles | None"]


def _without(ids: tuple[str, ...], drop: Collection[str]) -> tuple[str, ...]:
    return tuple(i for i in ids if i not in drop)


def sides_after_verb(x: Context) -> bool:
    """"ووقّع الجانبان مذكرات التفاهم"، "وتوصلا إلى اتفاق": a verb whose only subject is a
    dual noun for the two sides named last, or a verb in the dual, still makes an event
    (the rules below name the sides)."""
    c, keys = x.clause, x.doc.keys
    if not _reads_as_verb(x):
        return False
    if dual_verb(keys[c.t_first], x.lex.triggers):
        return True  # "… ثم توصلا إلى اتفاق": the two named last (dual_acts_with_pair)
    return len(x.disc.last_pair) >= 2 and c.t_last + 1 < len(keys) \
        and keys[c.t_last + 1] in x.lex.words.dual_sides


def _reads_as_verb(x: Context) -> bool:
    """A verb, or a form that is a verbal noun too opening its sentence (only و before it:
    "ورفض الطرفان المبادرة" is the verb)."""
    c = x.clause
    return c.is_verb or all(k == "و" for k in x.doc.keys[x.sent.a : c.t_first])


def announcer_named(x: Context) -> bool:
    """"أعلنت الحكومة الإفراج عن 30 معتقلا": an act its announcer announces still makes an
    event when nobody else is named (announcer_acts names the announcer)."""
    sp, c = x.clause.speaker, x.clause
    if sp is None or not 0 < c.t_first - sp.last <= x.lex.words.reach["announced_reach"]:
        return False
    between = x.doc.keys[sp.last + 1 : c.t_first]
    return _announced(x, sp.first) and not _act_between(x, sp.last) and not any(
        k in x.lex.words.complementisers for k in between)


def main_subject_named(x: Context) -> bool:
    """"وقال الرئيس إن بلاده لن تقبل التدخل، منددا بالغارات": a participle of the main
    clause that names nobody still makes an event when the main clause has a subject or a
    speaker (participle_of_main_subject names it)."""
    c = x.clause
    return c.trigger.roles == "main_subject" and (
        c.speaker is not None or bool(x.sent.prev_actors) or bool(_opening_subject(x)))


def _act_between(x: Context, after: int) -> bool:
    """Another trigger stands between the announcer and this one (the act announced is
    the first one told after its announcer)."""
    a, c = x.sent.a, x.clause
    return any(after < a + h.first_token < c.t_first for h in x.sent.hits)


@only_for(pos="noun")
def pair_meets(r: Roles, x: Context) -> Roles | None:
    """"وجاء لقاء جمع الرجلين": a meeting noun followed by a dual noun is the two sides
    named last meeting each other; so is a meeting noun that names nobody in the clause
    of a dual subject ("وناقش الوزيران بعد محادثات جنيف …")."""
    c, pair, keys = x.clause, x.disc.last_pair, x.doc.keys
    if len(pair) < 2 or c.is_verb:
        return None
    duals = x.lex.words.dual_sides
    if not any(k in duals for k in keys[c.t_last + 1 : min(c.t_last + 3, c.hi)]) and (
            r.actors or r.targets or c.trigger.type != "CONSULT"
            or not _dual_subject_before(x)):
        return None
    return Roles(pair[:1], pair[1:], r.location)


def _dual_subject_before(x: Context) -> bool:
    """A dual noun for the last two named stands before the trigger in its sentence, with
    no clause end between ("أن الوزيرين ناقشا … بعد محادثات")."""
    c = x.clause
    return word_back(x.doc.keys, c.t_first - 1, max(x.sent.a, c.t_first - 8),
                     x.lex.words.dual_sides, "وان")


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
    if len(pair) < 2 or not _reads_as_verb(x) or c.t_last + 1 >= len(v.keys) \
            or v.keys[c.t_last + 1] not in x.lex.words.dual_sides:
        return None
    if v.keys[c.t_last + 1] in x.lex.words.state_duals:
        pair = tuple(uniq(v.nation_of.get(i, i) for i in pair))
    return Roles(pair, _without((*r.actors, *r.targets), pair), r.location)


@only_for(pos="noun")
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


@only_for(type="CONSULT", pos="verb")
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


@only_for(pos="verb", roles="subject_actor")
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
    if not r.actors or r.actors == prev or _parallel_subjects(x):
        return None
    people = any(v.etype[i] == "PER" for i in r.actors)
    if people and (c.trigger.type not in _DONE_TO_PEOPLE
                   or any(v.etype[i] == "PER" for i in prev)):
        # (a person after the verb is its new subject, unless forces go on arresting or
        # attacking: "اقتحمت القوات البلدة، واعتقلت الشابين X وY")
        return None
    return Roles(prev, tuple(uniq(_without((*r.actors, *r.targets), prev))), r.location)


def _parallel_subjects(x: Context) -> bool:
    """"عدّته كتلة X انقلابا، واعتبرته كتلة Y خرقا، ورفضت كتلة Z …": a verb joined on
    names its own subject right after it when it has its object attached, or when the verb
    joined on before it did."""
    c, v = x.clause, x.doc
    if c.hit.pronoun and _own_subject_after(x, c.t_last):
        return True
    last = x.sent.events[-1] if x.sent.events else None
    if last is None or not last.actors or last.trigger is None:
        return False
    trig = last.trigger
    at = v.token_at(trig.start)
    joined = v.keys[at][:1] == "و" and v.prev_key(at) in ("،", ",")
    return joined and _own_subject_after(x, v.last_token_before(trig.end), last.actors[0])


def _own_subject_after(x: Context, end: int, who: str | None = None) -> bool:
    """A name (``who``, or any) right after the verb ending at token ``end``."""
    return any(0 < pm.first - end <= 2 and (who is None or pm.entity_id == who)
               for pm in x.sent.ms)


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
    # (the weakest reading comes from a noun, or a verb form that is the announcing verb's
    # object: "أعلن المجلس، …، طرد السفير")
    weak = not r.actors or (r.basis == AFTER_NOUN and c.trigger.type != "CONSULT"
                            and announced)
    if not weak or _distance(x, sp.last) > (
            x.lex.words.reach["announced_reach"] if announced else 2):
        return None
    between = v.keys[sp.last + 1 : c.t_first]
    if any(k in x.lex.words.complementisers for k in between):
        return None  # "قال الدفاع المدني إن غارات …": what he said, not what he did
    if _act_between(x, sp.last):
        return None  # "أعلن عن توقيف 343 شخصا بعد الاحتجاجات": the arrests, not the protests
    if _made_by_relative(x):
        return None  # "أعلنت الوزارة إصابة شخصين جراء غارة شنها الطيران": not hers
    if _genitive_agent(r, x):
        return None  # "أعلنت الوزارة انسحاب القوات الأمريكية من القاعدة": theirs
    if any(sp.last < pm.first < c.t_first and v.etype[pm.entity_id] in ("PER", "ORG")
           for pm in x.sent.ms):
        return None
    me = (sp.entity_id,)
    return Roles(me, _without(tuple(uniq((*r.actors, *r.targets))), me), r.location)


def _genitive_agent(r: Roles, x: Context) -> bool:
    """A noun whose agent is its genitive, right after it ("انسحاب القوات الأمريكية"،
    "زيارة الوزير"), names who acts: an announcer tells another's act."""
    c, v = x.clause, x.doc
    if c.is_verb or c.trigger.roles != "first_actor" or not r.actors or c.hit.pronoun:
        return False
    first = next((pm for pm in x.sent.ms if pm.entity_id == r.actors[0]
                  and pm.first > c.t_last), None)
    return first is not None and first.first == c.t_last + 1 \
        and v.etype[first.entity_id] in ("ORG", "GPE", "PER")


def _made_by_relative(x: Context) -> bool:
    """A light verb with the noun's pronoun right after it names who made it: "غارة
    شنها الطيران"، "هجوم نفذته الجماعة" (within two words: "هجوم واسع شنته")."""
    v, c = x.doc, x.clause
    light = x.lex.cues["light_verbs"]
    for k in v.keys[c.t_last + 1 : min(c.t_last + 3, x.sent.b)]:
        for suffix in ("ها", "ه"):
            if k.endswith(suffix) and len(k) > len(suffix) + 1:
                stem = k[: -len(suffix)]
                if stem in light or (stem.endswith("ت") and stem[:-1] in light):
                    return True
    return False


def _distance(x: Context, after: int) -> int:
    """Tokens from ``after`` to the trigger, leaving out an apposition between commas
    right before it ("أعلن المجلس بدولة مالي، الواقعة غرب إفريقيا، طرد …")."""
    keys, at = x.doc.keys, x.clause.t_first
    if keys[at - 1] in ("،", ","):
        opened = next((k for k in range(at - 2, after, -1) if keys[k] in ("،", ",")), None)
        if opened is not None:
            return opened - after
    return at - after


@only_for(type="ASSAULT", pos="noun")
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
    if v.keys[c.t_first].startswith("ل") and x.lex.triggers.lam_governed(v.keys, c.t_first):
        # "أعلن الجيش تصديه لهجوم شنته قوات X": met with ل, the attack keeps the maker
        # named after it (befallen_attack)
        return None
    me = (sp.entity_id,)
    return Roles(_without(r.actors, me), tuple(uniq((*me, *r.targets))), r.location)


@only_for(type="ASSAULT", pos="noun")
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


@only_for(type="ACCUSE", mode="allege", roles="subject_target")
def speaker_charges(r: Roles, x: Context) -> Roles | None:
    """"قال الوزير إن إيران مسؤولة عن الهجوم"، "أكدت الشرطة أن الشركة متورطة في التهريب":
    a charge told as the predicate of a reported clause is the speaker's: the speaker
    accuses, the one charged is the target (after a participle of saying, "مؤكدة أن …",
    the speaker is the main clause's subject)."""
    c = x.clause
    if c.trigger.type != "ACCUSE" or c.trigger.mode != "allege" \
            or c.trigger.roles != "subject_target" or r.actors or not r.targets:
        return None
    return _charged_by(r, x, x.sent.prev_actors if c.speaker is None
                       and _said_by_participle(x) else ())


@only_for(type="ACCUSE", mode="allege")
def violation_reacted_to(r: Roles, x: Context) -> Roles | None:
    """"قصف الجيش مواقع ردا على انتهاكات الحزب للهدنة": a violation named as what the main
    clause's act answers is that party's charge: whoever reacts (or tells of the reply)
    accuses the violator."""
    c, v, w = x.clause, x.doc, x.lex.words
    if c.trigger.type != "ACCUSE" or c.trigger.mode != "allege" or r.actors \
            or not r.targets \
            or unprefix(unprefix(v.keys[c.t_first], "و"), "لب") not in w.violations:
        return None
    cue = [unprefix(k, "و") for k in v.keys[max(x.sent.a, c.t_first - 2) : c.t_first]]
    if not any(k == "ردا" or k in w.reaction_adverbs for k in cue):
        return None
    # (the one who tells of the reply — "وقال الجيش: ردا على انتهاكات …" — or who acted)
    return _charged_by(r, x, x.sent.prev_actors)


def _charged_by(r: Roles, x: Context, others: tuple[str, ...]) -> Roles | None:
    """The clause's speaker, else ``others``, as the accusers of ``r``'s targets — unless
    nobody is named or they would accuse themselves."""
    sp = x.clause.speaker
    me = (sp.entity_id,) if sp is not None else others
    if not me or set(me) & set(r.targets):
        return None
    return Roles(me, r.targets, r.location)


def _said_by_participle(x: Context) -> bool:
    """"…، مؤكدة أن سوريا مسؤولة": the clause is reported by a participle of saying (مُفعِل:
    مؤكدا، مشيرة، معتبرين) standing before its أن, a few words before the trigger."""
    v, c = x.doc, x.clause
    for k in range(c.t_first - 1, max(x.sent.a, c.t_first - 6), -1):
        if v.keys[k] in x.lex.words.complementisers:
            p = unprefix(v.keys[k - 1], "و") if k > x.sent.a else ""
            return len(p) >= 5 and p.startswith("م") and p.endswith(("ا", "ه", "ين"))
    return False


@only_for(roles="main_subject")
def participle_of_main_subject(r: Roles, x: Context) -> Roles | None:
    """"أكد الرئيس دعم بلاده، مشيدا بموقف الجزائر": the participle's subject is the main
    clause's (the speaker's); whoever it names is the target — also when the main subject
    is no name ("احتشد المحتجون، متهمين الحكومة بالفساد": the government is accused)."""
    c = x.clause
    if c.trigger.roles != "main_subject":
        return None
    main = (c.speaker.entity_id,) if c.speaker is not None else x.sent.prev_actors \
        or _opening_subject(x)
    return Roles(main, tuple(uniq(_without((*r.actors, *r.targets), main))), r.location)


def _opening_subject(x: Context) -> tuple[str, ...]:
    """The subject of the sentence's main verb, when no act of it was an event: the first
    name in its opening words, behind no preposition ("ورد وزير الخارجية عباس عراقجي بأن
    …، داعيا إلى …": the minister)."""
    v, w, c = x.doc, x.lex.words, x.clause
    pm = next((p for p in x.sent.ms if p.first < c.t_first), None)
    if pm is None or pm.first - x.sent.a > 5 or v.etype[pm.entity_id] not in PARTICIPANT_TYPES:
        return ()
    # (not a name behind a preposition: "وأكد على التزام لبنان …، داعيا إلى …" is said by
    # someone named before)
    if any(unprefix(k, "و") in w.prepositions for k in v.keys[x.sent.a : pm.first]):
        return ()
    return (pm.entity_id,)


# Particles with the subject as an attached pronoun before a verb ("لكنه أعرب"), each
# with the pronoun it carries
_PRONOUN_SUBJECTS = {p + s: s for p in words().pronoun_particles for s in ("ه", "ها")}


def pronoun_subject_before(r: Roles, x: Context) -> Roles | None:
    """"ظهر الرئيس الأمريكي على غلاف المجلة، لكنه أعرب عن استيائه": a speech act right
    after a particle carrying its subject as a pronoun ("لكنه"، "فإنها") is done by the
    person (ه) or the state or body (ها) named last before it."""
    who = _pronoun_subject(x)
    if who is None or r.actors == (who,):
        return None
    # (the particle carries the subject: a name after the verb is its object, "لكنه انتقد
    # الصين"; names before it were taken for want of one)
    after = {pm.entity_id for pm in x.sent.ms if pm.first > x.clause.t_last}
    objects = tuple(i for i in (*r.actors, *r.targets) if i in after or i in r.targets)
    return Roles((who,), _without(objects, (who,)), r.location)


def _pronoun_subject(x: Context) -> str | None:
    c, v = x.clause, x.doc
    if not c.is_verb or c.trigger.type not in REACTIONS or c.trigger.roles != "subject_actor":
        return None
    suffix = _PRONOUN_SUBJECTS.get(v.prev_key(c.t_first))
    if suffix is None:
        return None
    # (the subject goes on: the sentence's actor, when the pronoun fits it)
    fits = ("PER",) if suffix == "ه" else ("GPE", "ORG")
    going_on = next((i for i in x.sent.prev_actors if v.etype[i] in fits), None)
    if going_on is not None:
        return going_on
    last = x.disc.last_actor
    return antecedent(x.sent.ms, c.t_first, v.etype, suffix) or (
        last if suffix == "ه" and last is not None and v.etype[last] in ("PER", "ORG")
        else None)


@only_for(pos="verb", roles="subject_actor")
def dropped_subject(r: Roles, x: Context) -> Roles | None:
    """"وصل الوزير إلى عمّان في زيارة التقى خلالها الملك": a verb with no subject named
    goes on with the last actor of its sentence (not a protest: "قصفت إسرائيل القطاع،
    فخرجت مسيرات في بيروت" names no protester)."""
    c, prev = x.clause, x.sent.prev_actors
    if r.actors or not prev or not c.is_verb or c.trigger.roles != "subject_actor" \
            or c.trigger.type in CROWD_TYPES or r.basis == UNNAMED_ANTECEDENT:
        return None
    if x.sent.verb_actors and x.doc.keys[c.t_first][:1] in ("و", "ف"):
        # "أدانت روسيا الضربات الأمريكية، وطلبت عقد اجتماع": a verb joined on goes on
        # with the last verb's subject, not with an act named as its object
        prev = x.sent.verb_actors
    if c.hit.pronoun and x.doc.prev_key(c.t_first) in x.lex.words.relatives:
        return None  # "الأمر الذي رفضته القوى": its subject comes after it, unnamed
    return Roles(prev, _without(r.targets, prev), r.location)


@only_for(pos="verb", roles="subject_actor")
def opening_subject_goes_on(r: Roles, x: Context) -> Roles | None:
    """"وكانت باريس باشرت إعادة ترتيب قواتها، فغادرت قواعدها": a verb joined on with و/ف,
    with no subject named and no act of its sentence before it, goes on with the subject
    that opens the sentence behind كان (a capital stands for its state)."""
    c, v, w = x.clause, x.doc, x.lex.words
    if r.actors or x.sent.prev_actors or not c.is_verb or c.trigger.roles != "subject_actor" \
            or v.keys[c.t_first][:1] not in ("و", "ف"):
        return None
    first = next((pm for pm in x.sent.ms if pm.first < c.t_first), None)
    if first is None or v.etype[first.entity_id] not in PARTICIPANT_TYPES \
            or not 0 < first.first - x.sent.a <= 2 \
            or any(k not in w.svo_cues for k in v.keys[x.sent.a : first.first]):
        return None
    me = v.state_of.get(first.entity_id, first.entity_id)
    return Roles((me,), _without(r.targets, (me,)), r.location)


@only_for(pos="verb", roles="subject_actor")
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


def speaker_goes_on(r: Roles, x: Context) -> Roles | None:
    """"وأكد الناطق باسم الوزارة فؤاد المجالي إدانة المملكة … . وحذّر من عواقب هذه
    الإجراءات": a speech act that opens its sentence behind و with no subject named (what
    follows it is its object or a preposition, no subject noun: not "وحذر خبراء من …") goes
    on with the person quoted last, or else with the last actor told."""
    if r.actors:
        return None
    who = _speaker_before(x)
    if who is None or who in r.targets:
        return None
    return Roles((who,), r.targets, r.location)


@only_for(pos="verb")
def we_are_the_speaker(r: Roles, x: Context) -> Roles | None:
    """"وقال وزير الخارجية المصري بدر عبد العاطي: "ندين الهجوم على رفح"": a verb of the
    first person plural ("ندين"، "نرفض"، "اتفقنا") in what someone is quoted saying is the
    speaker's act (class: statements quoted in the first person)."""
    c = x.clause
    if r.actors or c.speaker is None or not c.is_verb or not _first_person_plural(x):
        return None
    who = c.speaker.entity_id
    if who in r.targets:
        return None
    return Roles((who,), r.targets, r.location)


def _first_person_plural(x: Context) -> bool:
    """The trigger is written in the first person plural: its present with ن for ي
    ("نرفض" of "يرفض") or its past with نا ("رفضنا" of "رفض") is a form of the same
    trigger (not a verb that opens with ن, "ندد"، "نفى")."""
    c, index = x.clause, x.lex.triggers.index
    key = unprefix(match_key(x.doc.text[c.hit.start : c.hit.end]), "وف")
    if key[:1] == "ن" and c.trigger in index.get("ي" + key[1:], ()):
        return True
    return key.endswith("نا") and c.trigger in index.get(key[:-2], ())


def _speaker_before(x: Context) -> str | None:
    """Who goes on speaking in a sentence that opens with a speech act and names no
    subject: the person quoted last, or else the last actor told."""
    c, v, w = x.clause, x.doc, x.lex.words
    if not c.is_verb or c.trigger.type not in REACTIONS or x.sent.prev_actors \
            or c.trigger.roles != "subject_actor" or v.keys[c.t_first][:1] not in ("و", "ف"):
        return None
    if any(k not in ("و", "،", ",") for k in v.keys[x.sent.a : c.t_first]) \
            or c.t_last + 1 >= x.sent.b:
        return None
    nxt = v.keys[c.t_last + 1]
    if not (nxt in w.prepositions or nxt in w.complementisers or nxt == "الي"
            or (nxt[:1] == "ب" and len(nxt) > 3) or c.t_last + 1 in v.placed_first_set):
        return None
    said = [i for i in x.disc.last_sources if v.etype[i] == "PER"]
    return said[-1] if said else x.disc.last_actor


# Bare titles ("ونفى الناطق"، "وندد الوزير") and, with them, descriptive nouns ("الضيف
# الإيراني") that stand for a person named before (events.yaml back_titles, back_described)
_BACK_TITLES = words().back_titles
_BACK_ANY = _BACK_TITLES | words().back_described


def title_refers_back(r: Roles, x: Context) -> Roles | None:
    """"قال الناطق باسم الحركة فلان إن … . ونفى الناطق وقوع انتهاكات"، "وندد الوزير
    بالغارات": a bare title right after a speech act, no name after it, is the person
    named with that title before; whom the clause names stays the target."""
    who = _titled_before(x)
    if who is None or r.actors == (who,):
        return None
    return Roles((who,), _without((*r.targets, *r.actors), (who,)), r.location)


def _titled_before(x: Context) -> str | None:
    c, v = x.clause, x.doc
    if not c.is_verb or c.trigger.type not in REACTIONS or c.trigger.roles != "subject_actor":
        return None
    at = c.t_last + 1
    if at >= x.sent.b or v.keys[at] not in _BACK_TITLES \
            or any(pm.first == at + 1 and v.etype[pm.entity_id] == "PER" for pm in x.sent.ms) \
            or (at + 1 < len(v.keys) and is_nisba(v.keys[at + 1])):
        return None  # (a name or a nisba after the title: "الوزير سيرغي لافروف"، "الوزير الروسي")
    title = (v.keys[at], v.keys[at][2:])
    for pm in reversed(v.placed_in(0, x.sent.a)):
        if v.etype[pm.entity_id] == "PER" and any(
                k in title or unprefix(k, "و") in title
                for k in v.keys[max(pm.first - 6, 0) : pm.first]):
            return pm.entity_id
    return None


def body_noun_refers_back(r: Roles, x: Context) -> Roles | None:
    """"وزّع مركز الإغاثة الدولي سلالًا غذائية في عدن. ووزّع المركز أمس خيامًا في لحج": a
    definite noun right after a verb, no name or nisba after it, is the body named before
    the sentence whose name it heads ("المركز" → "مركز الإغاثة الدولي")."""
    c, v = x.clause, x.doc
    at = c.t_last + 1
    if r.actors or not c.is_verb or at + 1 >= x.sent.b or not v.keys[at].startswith("ال") \
            or any(pm.first in (at, at + 1) for pm in x.sent.ms) or is_nisba(v.keys[at + 1]):
        return None
    head = v.keys[at][2:]
    body = next((pm.entity_id for pm in reversed(v.placed_in(0, x.sent.a))
                 if v.etype[pm.entity_id] == "ORG" and pm.last > pm.first
                 and unprefix(v.keys[pm.first], "و") == head), None)
    if body is None:
        return None
    return Roles((body,), _without(r.targets, (body,)), r.location, r.basis, r.retyped)


def described_person_goes_on(r: Roles, x: Context) -> Roles | None:
    """"وصل وزير الخارجية الجزائري أحمد عطاف إلى عمّان. والتقى الوزير الجزائري نظيره
    الأردني"، "وعقد الضيف الإيراني مباحثات مع الرئيس": a title or descriptive noun right
    after a verb, with no name after it, is the person named before the sentence with that
    title and the same nisba (any act, not only speech); whom the clause names stays the
    target."""
    who = _described_before(x)
    if who is None or r.actors == (who,):
        return None
    return Roles((who,), _without((*r.targets, *r.actors), (who,)), r.location)


def _described_before(x: Context) -> str | None:
    c, v = x.clause, x.doc
    if c.trigger.roles not in ("subject_actor", "first_actor") \
            or _BACK_ANY.isdisjoint(x.sent.words):
        return None
    span = (_description_after(x) if c.is_verb else None) or _description_before(x)
    if span is None:
        return None
    at, end = span
    nisbas = {k[2:] if k.startswith("ال") else k for k in v.keys[at + 1 : end]}
    titled = v.keys[at] in _BACK_TITLES
    if not nisbas and not titled:
        return None  # ("الضيف" alone may be anyone's guest)
    title = (v.keys[at], v.keys[at][2:])
    for pm in reversed(v.placed_in(0, x.sent.a)):
        if v.etype[pm.entity_id] != "PER":
            continue
        near = v.keys[max(pm.first - 6, 0) : pm.first]
        window = {*near, *(unprefix(k, "و") for k in near)}
        bare = {k[2:] if k.startswith("ال") else k for k in window}
        if nisbas <= bare and (not titled or not window.isdisjoint(title)):
            return pm.entity_id
    return None


def _description_after(x: Context) -> tuple[int, int] | None:
    """The title or descriptive noun right after the verb and its nisbas, as (first, end)
    tokens, when no name of its own follows ("والتقى الوزير الجزائري نظيره")."""
    c, v = x.clause, x.doc
    at = c.t_last + 1
    if at >= x.sent.b or v.keys[at] not in _BACK_ANY:
        return None
    end = at + 1
    while end < x.sent.b and end not in v.placed_first_set and is_nisba(v.keys[end]):
        end += 1  # the nisbas: "الوزير الجزائري"
    if any(at < pm.first <= end + 2 and v.etype[pm.entity_id] == "PER" for pm in x.sent.ms):
        return None  # a name of its own follows: "الوزير سيرغي لافروف"، "الرئيس المعزول X"
    return at, end


def _description_before(x: Context) -> tuple[int, int] | None:
    """The title and its nisbas as the subject before the verb, behind كان/أن ("وكان
    الوزير قد التقى"، "أن الرئيس الروسي استقبل"), or between a light verb and its noun
    ("وعقد الضيف الإيراني مباحثات"), as (first, end) tokens."""
    c, v = x.clause, x.doc
    end = c.t_first - (v.keys[c.t_first - 1] == "قد")
    at = end - 1
    while at > x.sent.a and is_nisba(v.keys[at]) and at not in x.sent.ms_lasts:
        at -= 1
    if at <= x.sent.a or v.keys[at] not in _BACK_ANY:
        return None
    before = v.keys[at - 1]
    if c.is_verb:
        return (at, end) if before in x.lex.words.svo_cues else None
    light = x.lex.cues["light_verbs"]
    return (at, end) if before in light or unprefix(before, "وف") in light else None


@only_for(pos="verb", roles="subject_actor")
def counterpart_owner_goes_on(r: Roles, x: Context) -> Roles | None:
    """"وصل وزير الخارجية التركي إلى القاهرة. والتقى نظيره المصري بدر عبد العاطي": a verb
    with no subject named whose object is a counterpart, host or guest with a pronoun goes
    on with the last actor told before the sentence, whom the pronoun stands for (within
    a sentence, dropped_subject carries the subject on)."""
    c, v, w = x.clause, x.doc, x.lex.words
    last = x.disc.last_actor
    if r.actors or not c.is_verb or c.trigger.roles != "subject_actor" or x.sent.prev_actors \
            or last is None or last in r.targets or v.etype.get(last) != "PER":
        return None
    ahead = range(c.t_last + 1, min(c.t_last + 4, x.sent.b))
    at = next((k for k in ahead if v.keys[k] in w.counterpart_nouns), None)
    if at is None or any(c.t_last < pm.first < at for pm in x.sent.ms):
        return None
    return Roles((last,), r.targets, r.location)


@only_for(type="CONSULT", pos="verb")
def met_by_the_subject_before(r: Roles, x: Context) -> Roles | None:
    """"وصل الرئيس إلى القاهرة، والتقى الرئيس المصري": a meeting verb with one side named
    goes on with the sentence's subject, and the one named is whom it met."""
    c, prev, keys = x.clause, x.sent.prev_actors, x.doc.keys
    if c.trigger.type != "CONSULT" or not c.is_verb or r.targets or len(r.actors) != 1 \
            or not prev or r.actors[0] in prev:
        return None
    # ("قبل أن يجري تياني اتصالا": a clause of time opens with its own subject)
    for k in range(c.t_first - 1, max(c.left, x.sent.a + 1, c.t_first - 9) - 1, -1):
        if keys[k] in CLAUSE_MARKS:
            break
        if keys[k] == "ان" and unprefix(keys[k - 1], "و") in ("قبل", "بعد"):
            return None
    return Roles(prev, r.actors, r.location)


@only_for(type="REQUEST", pos="verb")
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
    asker = (c.speaker.entity_id,) if c.speaker is not None else x.sent.prev_actors \
        or _goes_on_after_kama(x)
    return Roles(_without(asker, r.actors), r.actors, r.location)


@only_for(type="REQUEST", pos="noun")
def asked_from_after_the_object(r: Roles, x: Context) -> Roles | None:
    """"لكنها أقرت بطلب مساعدة عسكرية من روسيا"، "وطلبت الحكومة دعما من تركيا": "من X"
    after what is asked names whom it is asked of (right after the noun, "بطلب من
    المجلس", it names who asks); the asker is the noun's possessor, the speaker or the
    sentence's subject."""
    c, v = x.clause, x.doc
    if c.trigger.type != "REQUEST" or c.is_verb or c.trigger.id in _OWED:
        return None
    named = r.actors or r.targets
    asked = next((pm for pm in x.sent.ms if pm.entity_id in named and pm.first - c.t_last > 2
                  and v.prev_key(pm.first) == "من"), None)
    if asked is None:
        return None
    asker = (c.antecedent,) if c.antecedent else (c.speaker.entity_id,) if c.speaker \
        else x.sent.prev_actors or _opening_subject(x)
    asker = _without(asker, (asked.entity_id,))
    others = _without((*r.actors, *r.targets), (asked.entity_id, *asker))
    return Roles(asker, (asked.entity_id, *others), r.location)


def _goes_on_after_kama(x: Context) -> tuple[str, ...]:
    """"وقال الوزير إن … . كما طالب الحكومة بـ…": a verb of asking with no subject after a
    sentence-opening "كما" (likewise) goes on with the person quoted last, or else with
    the last actor told."""
    v, c = x.doc, x.clause
    opening = [k for k in v.keys[x.sent.a : c.t_first] if k not in ("و", "،", ",")]
    if opening not in (["كما"], ["وكما"]):
        return ()
    # (an outlet or a ministry quoted is no one who asks in person)
    said = [i for i in x.disc.last_sources if v.etype[i] == "PER"]
    if said:
        return (said[-1],)
    return (x.disc.last_actor,) if x.disc.last_actor is not None else ()


@only_for(type="REQUEST", pos="verb")
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


def meeting_members_act(r: Roles, x: Context) -> Roles | None:
    """"اجتمع الرئيس مع رئيس الوزراء … ودعا المجتمعون إسرائيل إلى الانسحاب": those who met
    (the sides of the meeting told last) do what "المجتمعون" do; a name after the verb is
    then its object."""
    c = x.clause
    right_after = c.is_verb and _members_at(x, c.t_last + 1, c.t_last + 2)
    if r.actors and not right_after:
        return None
    sides = _meeting_members(x) if right_after or _members_at(x, x.sent.a, c.t_first) else ()
    if not sides:
        return None
    return Roles(sides, _without((*r.actors, *r.targets), sides), r.location)


def _members_at(x: Context, lo: int, hi: int) -> bool:
    w = x.lex.words
    return any(unprefix(k, "و") in w.meeting_members for k in x.doc.keys[lo:hi])


def _meeting_members(x: Context) -> tuple[str, ...]:
    """The sides of the last meeting told (for "المجتمعون" before the trigger)."""
    met = next((ev for ev in reversed(x.disc.events) if ev.type == "CONSULT"), None)
    if met is None or len(met.actors) + len(met.targets) < 2:
        return ()
    return tuple(uniq((*met.actors, *met.targets)))


def the_latter_acts(r: Roles, x: Context) -> Roles | None:
    """"استدعت الدول سفراءها من توغو، إثر اتهام هذه الأخيرة بقصف قرية": "the
    latter" just before the act (nobody named between) is the last party named before it,
    and it is the one who acts."""
    c, v, w = x.clause, x.doc, x.lex.words
    at = next((k for k in range(c.t_first - 1, max(x.sent.a, c.t_first - 4) - 1, -1)
               if v.keys[k] in w.the_latter), None)
    # (after هذه/هذا only: "في الأيام الأخيرة" is an adjective)
    if at is None or unprefix(v.prev_key(at), "و") not in ("هذه", "هذا") \
            or any(at < pm.first < c.t_first for pm in x.sent.ms):
        return None
    latter = next((pm.entity_id for pm in reversed(x.sent.ms) if pm.first < at
                   and v.etype[pm.entity_id] in PARTICIPANT_TYPES), None)
    if latter is None or r.actors == (latter,):
        return None
    return Roles((latter,), _without((*r.targets,), (latter,)), r.location)


@only_for(pos="noun", roles="first_actor")
def the_latter_as_genitive(r: Roles, x: Context) -> Roles | None:
    """"التوتر بين إيران والولايات المتحدة، وتهديد الأخيرة طهران بضربة عسكرية": "the
    latter" right after a verbal noun of an act is its doer — the last party named before
    — and whom the noun names after it is the target."""
    c, v, w, s = x.clause, x.doc, x.lex.words, x.sent
    if c.is_verb or c.trigger.roles != "first_actor" or c.t_last + 1 >= s.b \
            or v.keys[c.t_last + 1] not in w.the_latter:
        return None
    latter = next((pm.entity_id for pm in reversed(s.ms) if pm.first < c.t_first
                   and v.etype[pm.entity_id] in PARTICIPANT_TYPES), None)
    if latter is None:
        return None
    return Roles((latter,), _without((*r.actors, *r.targets), (latter,)), r.location)


@only_for(type="ACCUSE", pos="noun")
def charge_behind_a_reaction(r: Roles, x: Context) -> Roles | None:
    """"أعلنت مالي والنيجر سحب سفرائها من الجزائر على خلفية اتهام هذه الأخيرة بإسقاط
    طائرة": a charge named as the cause of the sentence's act is made by whoever did that
    act; whom it names ("هذه الأخيرة": the last party named before) is accused."""
    c, v, w, s = x.clause, x.doc, x.lex.words, x.sent
    if c.trigger.type != "ACCUSE" or c.is_verb or not s.prev_actors or c.t_first - s.a < 2:
        return None
    keys = v.keys
    before = unprefix(keys[c.t_first - 1], "و")
    if before not in w.cause_words and before not in w.cause_cues \
            and " ".join(keys[c.t_first - 2 : c.t_first]) not in w.cause_words:
        return None
    accused = list(_without((*r.actors, *r.targets), s.prev_actors))
    if c.t_last + 2 < s.b and keys[c.t_last + 1] in w.demonstratives \
            and keys[c.t_last + 2] in w.the_latter:
        latter = next((pm.entity_id for pm in reversed(s.ms) if pm.first < c.t_first
                       and pm.entity_id not in s.prev_actors
                       and v.etype[pm.entity_id] in PARTICIPANT_TYPES), None)
        accused = [latter] if latter is not None else accused
    return Roles(s.prev_actors, tuple(accused), r.location) if accused else None


@only_for(pos="noun")
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


@only_for(pos="noun")
def definite_noun_of_the_subject(r: Roles, x: Context) -> Roles | None:
    """"اقتحمت القوات البلدة، وامتدت المداهمات إلى المخيم": a definite verbal noun with no
    agent of its own, after an act of the sentence's subject, is that subject's; a town or
    camp named after it ("وامتدت المداهمات إلى المدينة، وتحديدا مخيم X") is where, not who."""
    c, v, prev = x.clause, x.doc, x.sent.prev_actors
    if c.is_verb or not prev:
        return None
    towns = r.basis == AFTER_NOUN and all(
        v.etype[i] == "GPE" and i not in v.states for i in r.actors)
    if r.actors and not towns:
        return None
    lead = match_key(v.text[v.tokens[c.t_first].start : c.hit.start])
    if not lead.endswith("ال"):
        return None
    where = r.location or (r.actors[0] if r.actors else None)
    return Roles(prev, _without(r.targets, prev), where)


@only_for(pos="noun")
def partner_is_no_agent(r: Roles, x: Context) -> Roles | None:
    """"وأكد مسؤول أمني نيجري استمرار التعاون مع تركيا": the partner after "مع" is no agent
    of the noun; an unnamed speaker before it whose nisba names a state speaks for that
    state, which acts."""
    c, v = x.clause, x.doc
    if c.is_verb or not v.kb.demonyms or (r.actors and r.basis != AFTER_NOUN):
        return None
    first = (r.actors or r.targets)[:1]
    pm = next((p for p in x.sent.ms if p.entity_id in first and p.first > c.t_last), None)
    if pm is None or unprefix(v.prev_key(pm.first), "و") != "مع":
        return None
    start = max(x.sent.a, c.t_first - 5)
    if any(start <= p.first < c.t_first and v.etype[p.entity_id] in ("PER", "ORG")
           for p in x.sent.ms):
        return None  # (a named speaker: the announcer rules' case)
    state = demonym_actor(v, start, c.t_first)
    if not state or state[0] in r.actors:
        return None
    return Roles(state, _without((*r.actors, *r.targets), state), r.location)


@only_for(type="ASSAULT")
def killed_in_the_attack(r: Roles, x: Context) -> Roles | None:
    """"أعلنت الحركة مقتل قائدها X في غارة إسرائيلية"، "لقي القيادي Y مصرعه في قصف على
    المدينة": whoever a death names before the attack that killed them is its target, never
    its actor (the attack's own agent, or its nisba, acts)."""
    c, v = x.clause, x.doc
    # (a verb's form behind "في" is its noun: "مقتل X في قصف على المدينة")
    if c.trigger.type != "ASSAULT" or (
            c.is_verb and unprefix(v.prev_key(c.t_first), "و") not in _DEATH_CAUSES):
        return None
    span = _death_span(x)
    if span is None:
        return None
    killed = tuple(pm.entity_id for pm in x.sent.ms if span[0] <= pm.first < span[1]
                   and v.etype[pm.entity_id] in ("PER", "ORG"))
    if not killed or all(k in r.targets for k in killed):
        return None
    # (nor does a nisba in the dead man's title name the attacker: "لقي رئيس أركان الجيش
    # السوداني X مصرعه في قصف")
    theirs = (*killed, *demonym_actor(v, span[0], span[1], army=True))
    return Roles(_without(r.actors, theirs), tuple(uniq((*killed, *r.targets))), r.location)


def _death_span(x: Context) -> tuple[int, int] | None:
    """The tokens naming who died, before the attack: after a death noun ("مقتل X في غارة")
    or between لقي and "مصرعه"/"حتفه" ("لقي X مصرعه في غارة")."""
    c, v = x.clause, x.doc
    for k in range(c.t_first - 1, max(x.sent.a, c.t_first - 10) - 1, -1):
        key = unprefix(v.keys[k], "وب")
        if key in _DEATH_NOUNS:
            return k + 1, c.t_first
        if key in _DEATH_FATES:
            met = next((j for j in range(k - 1, max(x.sent.a, k - 10) - 1, -1)
                        if unprefix(v.keys[j], "وف") == "لقي"), None)
            return (met + 1, k) if met is not None else None
    return None


# nouns of a death, behind which the one named died (not killed by them)
_DEATH_NOUNS = words().death_nouns
# "لقي X مصرعه/حتفه": the one named between died
_DEATH_FATES = frozenset(w + p for w in words().death_fates for p in NOUN_SUFFIXES)
_DEATH_CAUSES = words().death_causes


# acts done to people whose passive takes a count of them as subject (not an attack or a
# launch: "هاجم عشرات من مسلحي X القرية"، "أطلق عدد من مقاتلي Y صواريخ" are active)
_PASSIVE_COUNT_MODES = frozenset(("arrest", "targeted", "abduct"))


@only_for(pos="verb", mode=_PASSIVE_COUNT_MODES)
def counted_members_acted_on(r: Roles, x: Context) -> Roles | None:
    """"اعتقل 30 من جنود الجيش X"، "قتل ثلاثة من عناصر الحركة Y": a count right after the
    verb is its passive subject — the members of the group named after "من" were acted on;
    that group is the target, never the actor."""
    c, v = x.clause, x.doc
    if not c.is_verb or c.trigger.mode not in _PASSIVE_COUNT_MODES or c.t_last + 2 >= c.hi:
        return None
    count = v.keys[c.t_last + 1]
    if not (count[:1].isdigit() or count in x.lex.cues["numbers"]) or v.keys[
            c.t_last + 2] != "من":
        return None
    group = next((pm.entity_id for pm in x.sent.ms
                  if c.t_last + 2 < pm.first <= c.t_last + 5), None)
    if group is None or group in r.targets:
        return None
    return Roles(_without(r.actors, (group,)), (group, *r.targets), r.location)



def lone_person_killed(r: Roles, x: Context) -> Roles | None:
    """"وقتل الرئيس X خلال معارك مع المتمردين": قتل with a person after it and no object is
    the passive (قُتل) — the person was killed, no killer is named."""
    c, v = x.clause, x.doc
    if c.trigger.id != "assault_kill" or len(r.actors) != 1 or r.targets \
            or unprefix(v.keys[c.t_first], "وف") not in ("قتل", "قتلت") \
            or v.etype[r.actors[0]] != "PER":
        return None
    # (an object after the person makes it active: "قتل بوتين نافالني"、"قتل X ثلاثة")
    first = next((pm for pm in x.sent.ms if pm.entity_id == r.actors[0]), None)
    if first is None or first.first - c.t_last > 1 + x.lex.words.reach["title_span"]:
        return None
    nxt = v.keys[first.last + 1] if first.last + 1 < len(v.keys) else ""
    if nxt[:1].isdigit() or nxt in x.lex.words.member_nouns or unprefix(
            nxt, "و") not in _AFTER_A_DEATH:
        return None
    return Roles((), r.actors, r.location)


# words that open a circumstance after a passive killing: where, when, how
_AFTER_A_DEATH = _DEATH_CAUSES | words().death_circumstances


def nisba_names_actor(r: Roles, x: Context) -> Roles | None:
    """"ووصل مدربون عسكريون روس إلى باماكو"، "انسحبت القوات الفرنسية": a deployment,
    shipment, attack or withdrawal with no actor named is the country a nisba in its
    clause names; an attack, deployment or withdrawal is its army's when the article names
    the army and not the state ("قال الجيش الإسرائيلي إنه يلاحق المسلحين … وأصيب مواطن في
    الغارة الإسرائيلية")."""
    c = x.clause
    forces_leaving = c.trigger.type == "RETREAT" and c.trigger.mode == "withdraw"
    if r.actors or not (c.trigger.type in MATERIAL_TYPES or forces_leaving) \
            or not x.doc.kb.demonyms:
        return None
    places = frozenset(i for pm in x.sent.ms if x.doc.etype[pm.entity_id] in ("GPE", "LOC")
                       for i in range(pm.first, pm.last + 1))
    # (a nisba of a place noun says where: "اشتباكات في العاصمة الليبية")
    actors = demonym_actor(x.doc, c.lo, c.hi, places, x.lex.words.place_nouns,
                           army=c.trigger.type in FORCE_TYPES)
    if not actors:
        return None
    return Roles(actors, _without(r.targets, actors), r.location)


# Nouns of a delegation or mission that a nisba or a head names ("وفد روسي"، "بعثة تركية")
_DELEGATIONS = words().delegations


@only_for(type="CONSULT", pos="verb")
def delegation_names_state(r: Roles, x: Context) -> Roles | None:
    """"ووصل وفد عسكري تركي إلى ليبيا"، "استقبل الرئيس وفدا إيرانيا"، "وصل وفد مصري برئاسة
    وزير الخارجية X": a delegation at a meeting or visit is the person heading it, or else
    the state its nisba names (when the article names it) — acting when it is the verb's
    subject (a guest when the verb is a host's), acted on when it is the object."""
    c, v = x.clause, x.doc
    if c.trigger.type != "CONSULT" or not c.is_verb or _DELEGATIONS.isdisjoint(x.sent.words):
        return None
    at = next((k for k in range(c.t_last + 1, min(c.hi, c.t_last + 6))
               if v.keys[k] in _DELEGATIONS or unprefix(v.keys[k], "و") in _DELEGATIONS), None)
    if at is None:
        return None
    who = _delegation_head(x, at) or demonym_targets(v, at + 1, min(at + 4, c.hi))[:1]
    if not who:
        return None
    # (the subject: nobody named between the verb and the delegation but a place it went
    # to, "وصل إلى الجزائر وفد روسي")
    subject = not any(c.t_last < pm.first < at and v.etype[pm.entity_id] != "GPE"
                      for pm in x.sent.ms)
    if subject == (c.trigger.roles == "subject_actor"):
        return Roles(who, _without((*r.targets, *r.actors), who) or _visit_host(r, x),
                     r.location)
    return Roles(_without(r.actors, who), (*_without(r.targets, who), *who), r.location)


_HEADED = words().headed_by


def _delegation_head(x: Context, at: int) -> tuple[str, ...]:
    """The person "برئاسة" names a few words after the delegation noun at ``at``."""
    v = x.doc
    head = next((k for k in range(at + 1, min(at + 5, x.sent.b))
                 if v.keys[k] in _HEADED), None)
    if head is None:
        return ()
    return next(((pm.entity_id,) for pm in x.sent.ms if head < pm.first <= head + 5
                 and v.etype[pm.entity_id] == "PER"), ())


@only_for(type=NISBA_TARGET_TYPES)
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
                    for i in range(pm.first, pm.last + 1)) | frozenset(
        # (and a place noun's nisba says where: "اشتباكات في العاصمة الليبية")
        i for i in range(c.t_last + 1, c.hi) if unprefix(v.prev_key(i), "وبفل") in w.place_nouns)
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


# Envoy nouns whose nisba names the state they serve ("السفير الفرنسي")
_ENVOYS = words().envoys


@only_for(type=("SANCTION", "ACCUSE", "COERCE"))
def envoy_names_state(r: Roles, x: Context) -> Roles | None:
    """"قررت الحكومة طرد السفير الإيطالي"، "استدعت الوزارة السفير الإسباني لديها": an envoy
    expelled, summoned or acted on stands for the state his nisba names, which is a target
    besides any named envoy."""
    c, v = x.clause, x.doc
    if c.trigger.type not in ("SANCTION", "ACCUSE", "COERCE") or not v.kb.demonyms:
        return None
    at = next((k for k in (c.t_last, c.t_last + 1) if k < c.hi and v.keys[k] in _ENVOYS), None)
    if at is None or at + 1 >= x.sent.b:
        return None
    state = demonym_targets(v, at + 1, at + 2)
    if not state or state[0] in r.actors or state[0] in r.targets:
        return None
    return Roles(r.actors, (*r.targets, state[0]), r.location)


def dual_acts_with_pair(r: Roles, x: Context) -> Roles | None:
    """"اجتماعهما"، "وتوصلا إلى اتفاق": a dual pronoun or verb is the last two named."""
    c, v = x.clause, x.doc
    # (a verb with an object pronoun, "وصفتها", is no dual)
    if not (c.hit.pronoun == "هما" or (len(r.actors) <= 1 and c.is_verb and not c.hit.pronoun
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


@only_for(pos="noun")
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


@only_for(type="REQUEST")
def submitter_of_the_request(r: Roles, x: Context) -> Roles | None:
    """"ووافق البرلمان على طلب التمديد، الذي كان قد تقدم به الرئيس": a request noun whose
    relative clause names who submitted it ("الذي تقدم به X"، "التي قدمتها X") is X's; the
    others it names are whom it was put to."""
    c, v, w = x.clause, x.doc, x.lex.words
    if c.trigger.type != "REQUEST" or (
            c.is_verb and unprefix(v.prev_key(c.t_first), "و") not in w.prepositions):
        return None  # ("على طلب": a noun behind a preposition, whatever its form)
    rel = next((k for k in range(c.t_last + 1, min(c.t_last + 6, x.sent.b))
                if v.keys[k] in w.relatives), None)
    if rel is None:
        return None
    verb = next((k for k in range(rel + 1, min(rel + 5, x.sent.b))
                 if unprefix(v.keys[k], "و") in w.submit_verbs), None)
    if verb is None:
        return None
    who = next((pm for pm in x.sent.ms if verb < pm.first <= verb + 4
                and v.etype[pm.entity_id] in ("PER", "ORG", "GPE")), None)
    if who is None or r.actors == (who.entity_id,):
        return None
    others = _without((*r.actors, *r.targets), (who.entity_id,))
    return Roles((who.entity_id,), others, r.location, r.basis, r.retyped)


@only_for(pos="verb", roles="subject_actor")
def subject_past_its_relative(r: Roles, x: Context) -> Roles | None:
    """"أن الوزير أيمن الصفدي، الذي يزور القاهرة، التقى نظيره": a verb right after a
    relative clause set off by commas has the clause's antecedent for its subject, not the
    place or thing the relative clause names last."""
    c, v = x.clause, x.doc
    keys = v.keys
    if not c.is_verb or c.trigger.roles != "subject_actor" or c.t_first < 3 \
            or keys[c.t_first - 1] not in ("،", ",") \
            or x.lex.words.relatives.isdisjoint(x.sent.words):
        return None
    rel = next((k for k in range(c.t_first - 2, max(x.sent.a, c.t_first - 10), -1)
                if keys[k] in x.lex.words.relatives or keys[k] in ("،", ",")), None)
    if rel is None or keys[rel] not in x.lex.words.relatives or keys[rel - 1] not in ("،", ","):
        return None
    head = next((pm for pm in x.sent.ms if pm.last == rel - 2), None)
    if head is None or v.etype[head.entity_id] not in ("PER", "ORG") \
            or r.actors == (head.entity_id,):
        return None
    inside = {pm.entity_id for pm in x.sent.ms if rel < pm.first < c.t_first}
    return Roles((head.entity_id,), _without(r.targets, (head.entity_id, *inside)),
                 r.location)


def place_described_by_relative(r: Roles, x: Context) -> Roles | None:
    """"انسحبت القوات من قاعدة عين الأسد التي تضم قوات للتحالف بقيادة الولايات المتحدة": a
    relative clause after a place or site describes it; a name only inside that clause
    (with no act of its own there) takes no part in the event."""
    v, c, keys = x.doc, x.clause, x.doc.keys
    rel = next((pm.last + 1 for pm in x.sent.ms if c.t_last < pm.last + 1 < c.hi
                and v.etype[pm.entity_id] in ("GPE", "FAC", "LOC")
                and keys[pm.last + 1] in x.lex.words.relatives), None)
    if rel is None:
        return None
    end = next((k for k in range(rel + 1, c.hi) if keys[k] in CLAUSE_MARKS), c.hi)
    if any(rel < x.sent.a + h.first_token < end for h in x.sent.hits):
        return None  # (a relative verb that is an act of its own tells its own event)
    ms = [pm for pm in x.sent.ms if c.lo <= pm.first < c.hi]
    inside = {pm.entity_id for pm in ms if rel < pm.first < end}
    drop = inside - {pm.entity_id for pm in ms if not rel < pm.first < end}
    if not drop:
        return None
    return Roles(_without(r.actors, drop), _without(r.targets, drop), r.location)


@only_for(mutual=True)
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
    sides = _sides_after_between(x)
    if len(sides) >= 2 and not c.is_verb:
        # "اتفاق الدوحة، الذي رعته قطر، بين الحكومة والقوات": the sides are those
        # "بين" names; a sponsor in a relative clause before them takes no side
        actors = tuple(i for i in actors if i in sides or i not in _in_relative(x))
    return Roles(actors, tuple(i for i in r.targets if i in against), r.location)


def _sides_after_between(x: Context) -> set[str]:
    c, v = x.clause, x.doc
    at = next((k for k in range(c.t_last + 1, c.hi) if unprefix(v.keys[k], "و") == "بين"), None)
    if at is None:
        return set()
    return {pm.entity_id for pm in x.sent.ms if at < pm.first < min(c.hi, at + 10)}


def _in_relative(x: Context) -> set[str]:
    """Names in a relative clause right after the noun ("، الذي رعته X،")."""
    c, v, w = x.clause, x.doc, x.lex.words
    k = c.t_last + 1
    while k < c.hi and v.keys[k] not in w.relatives:
        if v.keys[k] in (".", "؛") or k - c.t_last > 3:
            return set()
        k += 1
    end = next((j for j in range(k + 1, c.hi) if v.keys[j] in ("،", ",")), c.hi)
    return {pm.entity_id for pm in x.sent.ms if k < pm.first < end}


@only_for(mutual=True)
def second_side_past_relative(r: Roles, x: Context) -> Roles | None:
    """"اندلعت الاشتباكات بين «جهاز X» الذي يقوده فلان، و«جهاز Y»": in a mutual act the
    side joined on by و after "بين" acts too, however long the relative clause on the
    first side."""
    c, v = x.clause, x.doc
    if not c.trigger.mutual or not r.actors:
        return None
    at = next((k for k in range(c.t_last + 1, min(x.sent.b, c.t_last + 12))
               if unprefix(v.keys[k], "و") == "بين"), None)
    if at is None:
        return None
    first = next((pm for pm in x.sent.ms if pm.first > at), None)
    if first is None or first.entity_id not in r.actors or \
            any(k not in QUOTES for k in v.keys[at + 1 : first.first]):
        return None
    for pm in x.sent.ms:
        if not first.last < pm.first < min(x.sent.b, first.last + 20):
            continue
        k = pm.first - 1
        while k > first.last and v.keys[k] in QUOTES:
            k -= 1
        joined = v.keys[k] == "و" or (k == pm.first - 1 and v.keys[pm.first][:1] == "و")
        if joined and v.etype[pm.entity_id] == v.etype[first.entity_id] \
                and pm.entity_id not in r.actors:
            return Roles((*r.actors, pm.entity_id), _without(r.targets, (pm.entity_id,)),
                         r.location)
    return None


@only_for(type=REACTIONS, pos="verb")
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


@only_for(type=REACTIONS)
def reacted_to_the_same_act(r: Roles, x: Context) -> Roles | None:
    """"رفضت كتلة X القرارات … وعدّتها كتلة Y انقلابا، فيما أيدتها كتلة Z": in a row of
    reactions, the pronoun on each is the act they all react to, not the party that
    reacted before: its target is whoever did the last act told that was no reaction. The
    first of the row, its pronoun standing for no one named ("إذ عدّتها كتلة X …" right
    after the decisions are told), reacts to the act told just before."""
    c = x.clause
    if c.trigger.type not in REACTIONS or c.hit.pronoun not in ("ه", "ها"):
        return None
    told = x.disc.events
    act = next((ev for ev in reversed(told) if ev.type not in REACTIONS and ev.actors), None)
    if c.antecedent is None:
        sibling = any(ev is act for ev in told[-3:])  # (an act told just before)
    else:
        sibling = any(ev.type in REACTIONS and c.antecedent in ev.actors for ev in told[-6:])
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


@only_for(type=("ACCUSE", "REJECT"))
def reaction_to_a_nisba_thing(r: Roles, x: Context) -> Roles | None:
    """"رفضت الجزائر الاتهامات المغربية"، "أعربت مصر عن رفضها للقرار الإسرائيلي"، "تأسف
    الرئيس لتصريحات وزير الخارجية الإسرائيلي": a condemnation or a refusal of a thing its
    country's nisba qualifies is aimed at that country — the first nisba after the trigger
    before any preposition or comma ("دان الوزير الهجوم على القوات العراقية" names the
    victims, not whom he blames)."""
    c, v, w = x.clause, x.doc, x.lex.words
    if not r.actors or c.trigger.type not in ("ACCUSE", "REJECT") or not v.kb.demonyms \
            or not all(_behind_a_preposition(i, x) for i in r.targets):
        return None
    own = {v.nation_of.get(i, v.state_of.get(i, i)) for i in r.actors} | set(r.actors)
    named = frozenset(i for pm in x.sent.ms for i in range(pm.first, pm.last + 1))
    end = min(x.sent.b, v.word_offset(c.t_last, w.reach["nisba_reach"]) + 1)
    for i in range(c.t_last + 1, end):
        k = v.keys[i]
        if k in ("،", ",") and i - 1 in named:
            continue  # (the comma that closes the subject: "أدانت روسيا، الضربات الأمريكية")
        if not k[:1].isalnum() or unprefix(k, "و") in w.prepositions:
            return None
        if i in named:
            continue  # (a name, and the nisba inside it: "وزارة الخارجية المصرية")
        found = demonym_targets(v, i, i + 1)
        if found:
            # (the victims of the act condemned, "الضربات الأمريكية على العراق", are no
            # one blamed)
            return None if found[0] in own else Roles(r.actors, found[:1], r.location)
    return None


def _behind_a_preposition(entity: str, x: Context) -> bool:
    """The entity's first mention after the trigger stands behind a preposition."""
    v, c = x.doc, x.clause
    pm = next((p for p in x.sent.ms if p.entity_id == entity and p.first > c.t_last), None)
    return pm is not None and unprefix(v.prev_key(pm.first), "و") in x.lex.words.prepositions


@only_for(pos="verb")
def object_of_a_reaction(r: Roles, x: Context) -> Roles | None:
    """"وأدانت مصر قصف الجيش الإسرائيلي لمدينة غزة": a form that is both a verb and its
    verbal noun, right after a reaction and its subject, is the reaction's object — the
    act reacted to, whose doer is the name after it, not the one who reacts."""
    c, v, s = x.clause, x.doc, x.sent
    if not c.is_verb or not s.events or not r.actors or v.keys[c.t_first][:1] in ("و", "ف"):
        return None
    prev = s.events[-1]
    if prev.type not in REACTIONS or set(prev.actors) != set(r.actors) or prev.trigger is None:
        return None
    before = c.t_first - 1
    subject = next((pm for pm in s.ms if pm.last == before and pm.entity_id in r.actors), None)
    # (right after the reaction's subject, or right after the reaction: "مصر أدانت قصف")
    if subject is None and v.token_at(prev.trigger.end - 1) != before:
        return None
    doer = r.targets[:1]
    return Roles(doer, r.targets[1:], r.location)


@only_for(type="ACCUSE")
def criticism_of_the_act_before(r: Roles, x: Context) -> Roles | None:
    """"رغم الضربات الإسرائيلية التي لقيت انتقادا من الرئيس الأمريكي": criticism that an
    act told just before met (its relative clause) is aimed at whoever did that act."""
    c, v, s = x.clause, x.doc, x.sent
    if c.trigger.type != "ACCUSE" or r.targets or not s.events or c.t_first - s.a < 3:
        return None
    keys, w = v.keys, x.lex.words
    if unprefix(keys[c.t_first - 1], "و") not in w.receive_words \
            or keys[c.t_first - 2] not in w.relatives:
        return None
    # the act's noun, before its adjectives and object ("الضربات الإسرائيلية على غزة")
    act = next((ev for ev in reversed(s.events) if ev.trigger is not None), None)
    if act is None or act.trigger is None:
        return None
    end = v.token_at(act.trigger.end - 1)
    if not 0 < c.t_first - 2 - end <= 4 or any(
            not k[:1].isalnum() for k in keys[end + 1 : c.t_first - 2]):
        return None
    blamed = _without(act.actors, r.actors)
    return Roles(r.actors, blamed, r.location) if blamed else None


def protest_makes_its_demand(events: list[Event], first: int, s: Sentence) -> None:
    """"اندلعت مظاهرات امتدت أربعة أشهر، تطالبه بالرحيل"، "تظاهر الآلاف في الميدان
    يطالبون برحيل الحكومة": a demand with no one named to make it, after a protest in its
    sentence, is the protest's — no request of its own; whom it names is the protest's
    target when the protest names none. Run when the sentence is read."""
    protest_at = next((s.a + h.first_token for h in s.hits if h.trigger.type == "PROTEST"), None)
    if protest_at is None:
        return
    told = events[first:]
    protest = next((ev for ev in told if ev.type == "PROTEST"), None)
    # (made by nobody named, or by the protesters: "تظاهر أنصار الحزب مطالبين بـ")
    makers = set(protest.actors) if protest is not None else set()
    demands = [ev for ev in told if ev.type == "REQUEST" and set(ev.actors) <= makers
               and _after_protest(ev, s, protest_at)]
    if not demands:
        return
    if protest is not None and not protest.targets:
        at = events.index(protest)
        events[at] = s.events[s.events.index(protest)] = replace(
            protest, targets=tuple(uniq(i for ev in demands for i in ev.targets
                                        if i not in protest.actors)))
    for ev in demands:
        events.remove(ev)
        s.events.remove(ev)


def _after_protest(ev: Event, s: Sentence, protest_at: int) -> bool:
    """The event's trigger stands after the protest's in the sentence."""
    if ev.trigger is None:
        return False
    start = ev.trigger.start
    return any(h.start == start and s.a + h.first_token > protest_at for h in s.hits)


# Verbs of disapproval whose object is the act disapproved of ("ندد بتفتيش …"، "أدان
# اعتقال …"): its doer is whom they blame
_BLAMING_MODES = frozenset({"disapprove"})


def blame_the_act_after(v: DocView, lex: Lexicon, events: list[Event], first: int,
                        s: Sentence) -> None:
    """"وندد نائب الرئيس فؤاد أقطاي بتفتيش الفرقاطة الألمانية للسفينة"، "ونددت المنظمة
    باعتقال السلطات المصرية للناشط": a condemnation with no target whose object is the
    next act told in its sentence (no other act, comma or clause between) is aimed at
    whoever did that act. Run when the sentence is read: the act is told after it."""
    reach = lex.words.reach["object_reach"]
    breaks = {"،", ",", ".", "؛", ":"} | lex.words.complementisers | lex.words.relatives
    told = events[first:]
    for i, ev in enumerate(told[:-1]):
        if ev.type != "ACCUSE" or ev.mode not in _BLAMING_MODES or ev.targets \
                or ev.trigger is None:
            continue
        nxt = told[i + 1]
        if nxt.trigger is None or not nxt.actors or set(nxt.actors) & set(ev.actors):
            continue
        a, b = v.token_at(ev.trigger.end - 1), v.token_at(nxt.trigger.start)
        if not 0 < b - a <= reach or any(k in breaks for k in v.keys[a + 1 : b]):
            continue
        if any(a < s.a + h.first_token < b for h in s.hits):
            continue  # (another act between: the object is that one)
        events[first + i] = s.events[s.events.index(ev)] = replace(ev, targets=nxt.actors)


@only_for(pos="noun", mode="resign")
def resignation_accepted_by(r: Roles, x: Context) -> Roles | None:
    """"وافق مجلس النواب، الأحد، على استقالة رئيس الحكومة": the body that accepts a
    resignation (named between its verb and the noun) is the resignation's target."""
    c, v, s = x.clause, x.doc, x.sent
    if c.trigger.mode != "resign" or c.is_verb:
        return None
    prev = next((h for h in reversed(s.hits) if s.a + h.last_token < c.t_first), None)
    if prev is None or prev.trigger.type != "AGREE" or prev.trigger.pos != "verb" \
            or c.t_first - (s.a + prev.last_token) > x.lex.words.reach["object_reach"]:
        return None
    by = next((pm.entity_id for pm in s.ms if s.a + prev.last_token < pm.first < c.t_first
               and v.etype[pm.entity_id] in PARTICIPANT_TYPES
               and pm.entity_id not in r.actors), None)
    if by is None or by in r.targets:
        return None
    return Roles(r.actors, (*r.targets, by), r.location)


def spoken_for_by(r: Roles, x: Context) -> Roles | None:
    """"نفت الوزارة على لسان المتحدث باسمها فلان أي تورط في الهجوم": the one through
    whose mouth a body acts ("على لسان") acts with it."""
    c, v, s = x.clause, x.doc, x.sent
    if not r.actors:
        return None
    keys = v.keys
    at = next((k for k in range(max(s.a, c.t_first - 12), min(c.hi, c.t_last + 6))
               if keys[k] == "علي" and k + 1 < s.b and keys[k + 1] == "لسان"), None)
    if at is None:
        return None
    reach = at + 2 + x.lex.words.reach["title_span"]
    person = next((pm.entity_id for pm in s.ms if at + 1 < pm.first <= reach
                   and v.etype[pm.entity_id] == "PER"), None)
    if person is None or person in r.actors:
        return None
    return Roles((*r.actors, person), _without(r.targets, (person,)), r.location)


@only_for(mode=("withdraw", "leave"))
def withdrawn_from(r: Roles, x: Context) -> Roles | None:
    """"أعلنت مالي انسحابها من لجنة الأركان المشتركة"، "انسحبت القوات من النيجر": what a
    withdrawal leaves (a body, a state) is its target; a base left is where it happened."""
    c, v = x.clause, x.doc
    if r.targets or c.trigger.mode not in ("withdraw", "leave"):
        return None
    # (a verb's object may stand before it: "سحبت روسيا منظومات الدفاع الجوي من القاعدة")
    reach = _PULLED_REACH if c.is_verb and c.trigger.id == "retreat_pull_out" else 4
    at = next((k for k in range(c.t_last + 1, min(c.hi, c.t_last + reach))
               if v.keys[k] == "من"), None)
    if at is not None and any(k in CLAUSE_MARKS for k in v.keys[c.t_last + 1 : at]):
        at = None
    left = None if at is None else next(
        (pm for pm in x.sent.ms if pm.first == at + 1 and pm.entity_id not in r.actors
         and v.etype[pm.entity_id] in ("ORG", "GPE")), None)
    if left is not None:
        # (a place left is where the withdrawal happened, over a place told further on:
        # "سحبت روسيا منظوماتها من مصياف، وأظهرت الصور تفكيك المعدات في سوريا")
        where = left.entity_id if v.etype[left.entity_id] == "GPE" else r.location
        return Roles(r.actors, (left.entity_id,), where)
    base, state = _base_left(x, at, r.actors)
    if state is None:
        return None
    return Roles(r.actors, (state.entity_id,), base.entity_id if base else r.location)


# How far "من" may stand after a verb of pulling out, past its subject and object
_PULLED_REACH = 10


def _base_left(x: Context, at: int | None, actors: tuple[str, ...]
               ) -> tuple[Placed | None, Placed | None]:
    """"انسحبت القوات من قاعدة X في النيجر"، "من قاعدة X، الأخيرة لها في النيجر": leaving a
    base leaves the state it stands in, when the phrase names it: (the base, the state)."""
    v = x.doc
    base = None if at is None else next(
        (pm for pm in x.sent.ms if pm.first == at + 1 and v.etype[pm.entity_id] == "FAC"), None)
    if base is None:
        return None, None
    end = min(x.sent.b, base.last + 6)
    return base, next((pm for pm in x.sent.ms if base.last < pm.first < end
                       and v.etype[pm.entity_id] == "GPE" and pm.entity_id in v.states
                       and pm.entity_id not in actors
                       and unprefix(v.prev_key(pm.first), "و") == "في"), None)


@only_for(type=GIVEN_TYPES, pos="noun")
def receiver_named_before(r: Roles, x: Context) -> Roles | None:
    """"وسط تقارير عن تلقي الجيش دعما عسكريا من دولة X في حربه ضد الحركة": a gift from a
    giver ("من X") goes to the one named after the noun of receiving before it, not to
    whom the gift is used against."""
    c, v = x.clause, x.doc
    if c.is_verb or c.trigger.type not in GIVEN_TYPES or len(r.actors) != 1:
        return None
    giver = next((pm for pm in x.sent.ms if pm.entity_id == r.actors[0]
                  and 0 < pm.first - c.t_last <= 4 and v.prev_key(pm.first) == "من"), None)
    got = next((pm for pm in x.sent.ms if pm.last == c.t_first - 1
                and unprefix(unprefix(v.prev_key(pm.first), "و"), "بل")
                in x.lex.words.receive_words), None)
    if giver is None or got is None or got.entity_id in r.actors:
        return None
    against = {pm.entity_id for pm in x.sent.ms if pm.first > c.t_last
               and unprefix(v.prev_key(pm.first), "و") == "ضد"}
    targets = (got.entity_id, *(i for i in r.targets if i not in against))
    return Roles(r.actors, tuple(uniq(targets)), r.location)


def charged_act_is_the_accuseds(r: Roles, x: Context) -> Roles | None:
    """"اتهمت السعودية الحوثيين بشن هجوم على منشآت أرامكو": the act a charge names (behind
    ب, with its light verb) is the accused's act, alleged; whom it names is acted on."""
    c, v = x.clause, x.doc
    charge = next((ev for ev in reversed(x.sent.events) if ev.type == "ACCUSE"
                   and ev.targets), None)
    if charge is None or c.is_verb or c.trigger.type == "ACCUSE" or c.t_first <= x.sent.a:
        return None
    lead = v.keys[c.t_first]
    light = v.keys[c.t_first - 1]
    behind_b = (lead[:1] == "ب" and len(lead) > 3) or (
        light[:1] == "ب" and unprefix(light, "ب") in x.lex.words.light_nouns)
    if not behind_b or r.actors == charge.targets[:1]:
        return None
    me = charge.targets[:1]
    return Roles(me, _without((*r.actors, *r.targets), me), r.location)


@only_for(pos="noun", mode="phone")
def call_during_main_act(r: Roles, x: Context) -> Roles | None:
    """"طالب الوزير خلال اتصال هاتفي مع الأمين العام بعقد جلسة"، "أكد الرئيس في اتصال مع
    نظيره": a call named as when the main clause's act happened is made by that act's
    subject; whom it names is the other side."""
    c, v, prev = x.clause, x.doc, x.sent.prev_actors
    if c.trigger.mode != "phone" or c.is_verb or not prev or c.t_first <= x.sent.a \
            or unprefix(v.keys[c.t_first - 1], "و") not in x.lex.words.during_words:
        return None
    if set(r.actors) == set(prev):
        return None
    return Roles(prev, _without((*r.actors, *r.targets), prev), r.location)


@only_for(type="CONSULT", mode="phone")
def call_received_from(r: Roles, x: Context) -> Roles | None:
    """"تلقى الأمير اتصالا هاتفيا من الرئيس الأمريكي"، "خلال اتصال تلقاه من نظيره": a call
    received comes from the caller named after "من", who acts; the one who received it is
    the target."""
    c, v, w = x.clause, x.doc, x.lex.words
    if c.trigger.type != "CONSULT" or c.trigger.mode != "phone":
        return None
    # (the verb of receiving before its subject, "تلقى الأمير اتصالا", or after the noun)
    around = range(max(x.sent.a, c.left), min(x.sent.b, c.t_last + 3))
    recv = next((k for k in around if _receives(v.keys[k], w.receive_words)), None)
    if recv is None:
        return None
    receiver = _call_receiver(x, recv)
    if not r.actors:
        r = Roles((receiver,), _without(r.targets, (receiver,)), r.location) \
            if receiver is not None else r
    if not r.actors:
        return None
    frm = next((k for k in range(c.t_last + 1, min(x.sent.b, c.t_last + 4))
                if v.keys[k] == "من"), None)
    if frm is None:
        return None
    # the caller behind his title: "من الرئيس الأمريكي جو بايدن"
    caller = next((pm.entity_id for pm in x.sent.ms if frm < pm.first <= frm + 5
                   and pm.entity_id in (*r.actors, *r.targets)), None)
    if caller is not None and r.actors == (caller,) and not r.targets \
            and receiver not in (None, caller):
        # "تلقى الوزير X اتصالا من نظيره Y": the caller was read as the noun's first
        # participant; the receiver stands before the noun
        return Roles((caller,), (receiver,), r.location)
    if caller is None or r.actors == (caller,):
        return None
    return Roles((caller,), _without((*r.actors, *r.targets), (caller,)), r.location)


def _call_receiver(x: Context, recv: int) -> str | None:
    """Who received the call: the name between the verb of receiving and the noun ("تلقى
    الأمير اتصالا هاتفيا"), or right before the verb ("وكان الشرع قد تلقى، الخميس، اتصالا")."""
    c, v = x.clause, x.doc
    return next((pm.entity_id for pm in x.sent.ms if recv < pm.first < c.t_first
                 and v.etype[pm.entity_id] in PARTICIPANT_TYPES), None) or next((
        pm.entity_id for pm in reversed(x.sent.ms) if recv - 4 <= pm.last < recv
        and v.etype[pm.entity_id] in PARTICIPANT_TYPES), None)


def _receives(key: str, receive_words: frozenset[str]) -> bool:
    """A verb of receiving, also with the object pronoun of a relative clause (تلقاه)."""
    k = unprefix(key, "و")
    return k in receive_words or k[:-1] in receive_words and k.endswith(("ه", "ا")) \
        or k[:-2] + "ي" in receive_words and k.endswith("اه")


@only_for(type="AID")
def aid_sent_to_before(r: Roles, x: Context) -> Roles | None:
    """"نفّذ الجيش عمليات إنزال جوي على شمال القطاع تشمل مساعدات"، "أرسلت الدولة إلى غزة
    مساعدات": aid with no receiver goes to the place named behind على/إلى before it."""
    c, v, w = x.clause, x.doc, x.lex.words
    if c.trigger.type != "AID" or r.targets or not r.actors:
        return None  # (with no giver either, a place before is too weak a receiver)
    for pm in reversed(x.sent.ms):
        if not c.lo <= pm.first < c.t_first or v.etype[pm.entity_id] != "GPE" \
                or pm.entity_id in r.actors:
            continue
        k = pm.first - 1
        if unprefix(v.keys[k], "و") in w.compass_words:
            k -= 1  # "على شمالي القطاع"
        if unprefix(v.keys[k], "و") in ("علي", "الي"):
            return Roles(r.actors, (pm.entity_id,), r.location)
    return None


@only_for(type="AID")
def partner_shares_the_aid(r: Roles, x: Context) -> Roles | None:
    """"وزّع المركز سلالًا غذائية على الأسر النازحة في مأرب بالتعاون مع جمعية الهلال الأحمر
    اليمني": a body or state named right after "بالتعاون مع"/"بالشراكة مع"/"بالتنسيق مع"
    carries out the aid with the giver; it receives nothing."""
    c, v = x.clause, x.doc
    if c.trigger.type != "AID" or not r.actors:
        return None
    partners = tuple(uniq(pm.entity_id for pm in x.sent.ms
                          if c.lo <= pm.first < c.right and pm.entity_id not in r.actors
                          and (v.etype[pm.entity_id] == "ORG" or pm.entity_id in v.states)
                          and _after_partner_words(v, pm.first, x.lex.words.partner_words)))
    if not partners:
        return None
    return Roles(r.actors + partners, _without(r.targets, partners), r.location, r.basis,
                 r.retyped)


def _after_partner_words(v: DocView, first: int, words: Collection[str]) -> bool:
    """Token ``first`` comes right after "مع" behind a noun of joint work ("بالتعاون مع")."""
    return v.prev_key(first) == "مع" and unprefix(v.prev_key2(first), "و") in words


@only_for(type="ASSAULT", mode="occupy")
def seized_place_is_target(r: Roles, x: Context) -> Roles | None:
    """"أعلنت القوات سيطرتها على معسكر X"، "استولى المسلحون على قاعدة Y": the camp, base or
    town seized right after the verb of seizing is what the act is done to (and where)."""
    c, v = x.clause, x.doc
    if c.trigger.type != "ASSAULT" or c.trigger.mode != "occupy":
        return None
    pm = next((p for p in x.sent.ms if p.first == c.t_last + 1), None)
    if pm is None or pm.entity_id in r.targets or pm.entity_id in r.actors \
            or v.etype[pm.entity_id] not in ("LOC", "FAC", "GPE") or pm.entity_id in v.states:
        return None
    return Roles(r.actors, (*r.targets, pm.entity_id), r.location or pm.entity_id)


@only_for(pos="verb", mode="release")
def released_is_the_genitive(r: Roles, x: Context) -> Roles | None:
    """"وأُطلق سراح الناشط X"، "أُفرج عن المعارض Y": whoever follows "سراح" (its genitive)
    or "عن" right after the verb of release, behind a description in words only, is the
    one released, never its subject (the subject, when named, stands between: "أطلقت
    السلطات سراح X")."""
    c, v = x.clause, x.doc
    if c.trigger.mode != "release" or not c.is_verb \
            or v.keys[c.t_last] not in _RELEASE_HEADS:
        return None
    first = next((p for p in x.sent.ms if p.first > c.t_last), None)
    if first is None or first.entity_id not in r.actors or not (
            first.first - c.t_last == 1 or described_patient(first, x, titled=False)):
        return None
    return Roles(_without(r.actors, (first.entity_id,)), (*r.targets, first.entity_id),
                 r.location)


# the last word of a release verb's phrase, after which its patient stands
_RELEASE_HEADS = words().release_heads


# triggers whose forms are passive verbs (their own records in triggers.yaml)
_PASSIVE_TRIGGERS = frozenset(("assault_kill_by_hand", "assault_kill_passive"))


def passive_form_patient(r: Roles, x: Context) -> Roles | None:
    """"اغتيل الرئيس X على يد مسلحين"، "قتل جنديان على يد مجهولين": a verb read only as a
    passive has no subject; who follows it is the one acted on, and only the agent phrase
    names who acted (here no one)."""
    c = x.clause
    if c.trigger.id not in _PASSIVE_TRIGGERS:
        return None
    agent = agent_phrase(x)
    keep = tuple(a for a in r.actors if agent is not None and a == agent.entity_id)
    targets = (*_without(r.actors, keep), *r.targets)
    group = _partitive_group(x) if not targets else None
    if group is not None and group not in keep:
        targets = (group,)
    if keep == r.actors and targets == r.targets:
        return None
    return Roles(keep, targets, r.location)


def _partitive_group(x: Context) -> str | None:
    """The group a few of whose members were acted on: "قتل جنديان من الجيش الصومالي"،
    "اغتيل ثلاثة من قادة الحركة" (the body behind من, a word or two after the verb), or
    the body an unnamed person leads in: "اغتيل القيادي في حركة X"."""
    c, v = x.clause, x.doc
    between = v.keys[c.t_last + 1 : c.t_last + 5]
    member = "من" in between[1:] or (
        len(between) > 1 and between[0] in x.lex.cues["person_heads"] and between[1] == "في")
    if not member:
        return None
    for pm in x.sent.ms:
        if 2 <= pm.first - c.t_last <= 4 and v.etype[pm.entity_id] in ("ORG", "PER") \
                and all(k[:1].isalnum() for k in v.keys[c.t_last + 1 : pm.first]):
            return pm.entity_id
    return None



@only_for(type="CONSULT", pos="noun")
def body_meets(r: Roles, x: Context) -> Roles | None:
    """"خلال الاجتماع الطارئ لمجلس وزراء الخارجية العرب": a meeting noun's "لـ" names the
    body that meets, when no one else is named to meet; alone, it is the body's own session
    (which the one-side gate lets through; "زيارة لروسيا" goes somewhere: no body)."""
    c, v = x.clause, x.doc
    if c.trigger.type != "CONSULT" or c.is_verb or r.actors or c.trigger.mode == "visit":
        return None
    body = next((pm for pm in x.sent.ms if 0 < pm.first - c.t_last <= 4
                 and v.fused_prefix(pm) == "ل" and v.etype[pm.entity_id] == "ORG"), None)
    if body is None:
        return None
    return Roles((body.entity_id,), _without(r.targets, (body.entity_id,)), r.location,
                 BODY_MEETING)


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


@only_for(type="PROTEST")
def crowd_names_its_country(r: Roles, x: Context) -> Roles | None:
    """"احتشد آلاف الأردنيين في الشوارع": a protest with no place takes its crowd's
    country."""
    c = x.clause
    if r.location is not None or c.trigger.type != "PROTEST":
        return None
    country = next(iter(demonym_actor(x.doc, c.lo, c.hi)), None)
    return Roles(r.actors, r.targets, country) if country is not None else None


@only_for(type=("CONSULT", *CROWD_TYPES))
def city_is_no_party(r: Roles, x: Context) -> Roles | None:
    """"وشارك الرئيس في القمة التي استضافتها سان بطرسبورغ"، "وصل الوزير إلى مدينة حلب":
    a city (not a capital) or a site is where a meeting, a visit or a protest ("خرج سكان
    المدينة في مسيرات") was, never one of its sides: it leaves
    the participants (a meeting with no place of its own takes it as the place, unless it
    only qualifies a title: "الزعيم السابق لجمهورية إنغوشيا"; a visit's place is its
    destination, found apart)."""
    v, c = x.doc, x.clause
    if c.trigger.type not in ("CONSULT", *CROWD_TYPES):
        return None
    sites = [i for i in (*r.actors, *r.targets) if _a_site(v, i)]
    if not sites:
        return None
    where = r.location
    if where is None and c.trigger.mode != "visit":
        where = next((pm.entity_id for pm in x.sent.ms if pm.entity_id in sites
                      and not v.prev_key(pm.first).startswith("ل")
                      and v.fused_prefix(pm) != "ل"), None)
    return Roles(_without(r.actors, sites), _without(r.targets, sites), where, r.basis,
                 r.retyped)


@only_for(type="CONSULT", pos="noun", mode="visit")
def tour_stops_are_hosts(r: Roles, x: Context) -> Roles | None:
    """"جولة إفريقية للوزير الروسي تشمل غينيا والكونغو وتشاد": the states a visit noun
    lists after a verb of including are the stops it goes to, none of them a visitor."""
    c, v = x.clause, x.doc
    if c.trigger.type != "CONSULT" or c.trigger.mode != "visit" or c.is_verb:
        return None
    verbs = x.lex.words.tour_verbs
    at = next((k for k in range(c.t_last + 1, min(c.hi, x.sent.b))
               if unprefix(v.keys[k], "و") in verbs), None)
    if at is None:
        return None
    stops = tuple(pm.entity_id for pm in x.sent.ms if at < pm.first < c.right
                  and pm.entity_id in v.states)
    if not stops or not set(stops) & set(r.actors):
        return None
    return Roles(_without(r.actors, stops), tuple(uniq((*_without(r.targets, stops), *stops))),
                 r.location, r.basis, r.retyped)


@only_for(type="CONSULT", pos="noun", mode="visit")
def host_receives_during(r: Roles, x: Context) -> Roles | None:
    """"تعهد الرئيس بتقديم الدعم، خلال استقباله الوزير الزائر": behind a time word the
    reception noun's pronoun is the host (the target) and whom it names the guest (the
    actor) — unlike "وكان في استقباله نائب الوزير", where the pronoun is the guest."""
    c, v = x.clause, x.doc
    if c.trigger.type != "CONSULT" or c.is_verb or c.trigger.mode != "visit" \
            or not c.hit.pronoun or not r.actors or c.t_first < 1 \
            or not unprefix(v.keys[c.t_first], "وبل").startswith("استقبال"):
        return None
    if unprefix(v.keys[c.t_first - 1], "و") not in x.lex.words.time_preps | {"لدي", "عند"}:
        return None
    # (the guest is named after the noun, past the time and place of the reception and
    # the guest's titles; a name before it belongs to the clause before)
    after = [pm for pm in x.sent.ms if c.t_last < pm.first < c.right
             and v.etype[pm.entity_id] == "PER" and pm.entity_id not in r.actors]
    if not after:
        return None
    # (and where: a city named between, "خلال استقباله في قصر الاستقلال بالعاصمة مينسك")
    where = next((pm.entity_id for pm in x.sent.ms if c.t_last < pm.first < after[0].first
                  and v.etype[pm.entity_id] == "GPE" and (v.fused_prefix(pm) == "ب" or unprefix(
                      v.prev_key(pm.first), "و") in x.lex.words.loc_preps)), r.location)
    return Roles((after[0].entity_id,), r.actors, where, r.basis, r.retyped)


@only_for(type="CONSULT")
def leader_by_title(r: Roles, x: Context) -> Roles | None:
    """"تلقى الوزير اتصالا من رئيس الوزراء اللبناني"، "أجرى الزعيم البيلاروسي ونظيره الروسي
    محادثات": a leader's title with a nisba and no name, in a meeting short of a side,
    is the one person of that country the article names (the state itself, when taken as
    the side, gives way to him)."""
    c, v = x.clause, x.doc
    if c.trigger.type != "CONSULT" or len(set(r.actors) | set(r.targets)) >= 2 \
            and not any(i in v.states for i in (*r.actors, *r.targets)):
        return None
    found = _leaders_named_by_title(x)
    if not found:
        return None
    actors, targets = list(r.actors), list(r.targets)
    for at, pid, state in found:
        if pid in actors or pid in targets:
            continue
        side = actors if at < c.t_first and not actors else targets
        for lst in (actors, targets):
            if state in lst:
                lst.remove(state)
        side.append(pid)
    if (tuple(actors), tuple(targets)) == (r.actors, r.targets):
        return None
    return Roles(tuple(actors), tuple(targets), r.location, r.basis, r.retyped)


def _leaders_named_by_title(x: Context) -> list[tuple[int, str, str]]:
    """(token, person, state) for each leader's title + nisba in the clause that names no
    one, when the article names exactly one person of that country (or of them exactly one
    with that title before his name: "رئيس الوزراء سعد الحريري")."""
    c, v, w = x.clause, x.doc, x.lex.words
    covered = {i for pm in x.sent.ms for i in range(pm.first, pm.last + 1)}
    out = []
    for k in range(c.lo, c.hi):
        if k in covered or c.t_first <= k <= c.t_last:
            continue
        key = unprefix(v.keys[k], "وبلم")
        n = 2 if " ".join((key, v.keys[k + 1] if k + 1 < c.hi else "")) in w.leader_titles \
            else 1 if key in w.leader_titles else 0
        if not n or k + n >= c.hi or k + n in covered:
            continue
        country = nisba_country(v.keys[k + n], v.kb.demonyms, accusative=False)
        if country is None:
            continue
        people = [e.id for e in v.doc.entities if e.type == "PER"
                  and v.kb.nationals.get(e.kb_id or "") == country]
        if len(people) > 1:
            # several of that country: the one the article names with that title
            title = v.keys[k + n - 1]
            people = [p for p in people if any(
                pm.entity_id == p and title in v.keys[max(pm.first - 3, 0) : pm.first + 1]
                for pm in v.placed)]
        if len(people) == 1:
            out.append((k, people[0], v.by_kb.get(country, "")))
    return out


@only_for(type="CONSULT")
def companions_travel_with(r: Roles, x: Context) -> Roles | None:
    """"وصل الرئيس إلى موسكو برفقة وزير خارجيته X": one named after a word of
    accompanying travels with the visitor, no host; told as a past trip ("بعد أشهر من
    مرافقته والده X في زيارة") he takes no part in this one."""
    c, v = x.clause, x.doc
    if c.trigger.type != "CONSULT" or not r.targets:
        return None  # (a visit or a meeting: "التقى X، برفقة وزير خارجيته Y، الرئيس Z")
    escorts, times = x.lex.words.escort_verbs, x.lex.words.time_preps
    actors, targets = list(r.actors), list(r.targets)
    for pm in x.sent.ms:
        if pm.entity_id not in targets or pm.first <= c.t_last:
            continue
        at = next((k for k in range(pm.first - 1, max(c.t_last, pm.first - 5), -1)
                   if unprefix(v.keys[k], "و") in escorts), None)
        if at is None:
            continue
        targets.remove(pm.entity_id)
        if not any(unprefix(k, "و") in times for k in v.keys[max(c.t_last, at - 3) : at]):
            actors.append(pm.entity_id)
    if targets == list(r.targets):
        return None
    if not targets:
        targets = list(_visit_host(r, x))  # "وصل حفتر إلى روسيا برفقة نجله"
    return Roles(tuple(uniq(actors)), tuple(targets), r.location, r.basis, r.retyped)


def _visit_host(r: Roles, x: Context) -> tuple[str, ...]:
    """A visit left with no target once its named people are known to be visitors is
    hosted by the state it went to (a city stands for its state)."""
    v = x.doc
    if x.clause.trigger.mode != "visit" or r.location is None \
            or v.etype.get(r.location) != "GPE":
        return ()
    return (v.state_of.get(r.location, r.location),)


def _a_site(v: DocView, i: str) -> bool:
    """A city the knowledge base places in a state, or a facility (a palace, a base); not
    a capital, which may stand for its state ("وصل إلى موسكو"، "بحث مع أنقرة")."""
    kind = v.etype.get(i)
    return kind == "FAC" or (kind == "GPE" and i not in v.states and i not in v.nations
                             and i in v.cities and i not in v.capitals_named)


def media_do_not_act(r: Roles, x: Context) -> Roles | None:
    """"ونقلت وكالة الأنباء عن الوزير": an outlet named near a trigger is where the news
    comes from, never an actor."""
    rep = x.doc.reporting
    if not any(i in rep for i in r.actors):
        return None
    return Roles(tuple(i for i in r.actors if i not in rep), r.targets, r.location)


@only_for(type="CONSULT")
def interview_is_no_meeting(r: Roles, x: Context) -> Roles | None:
    """"وقال الوزير في مقابلة مع قناة الجزيرة"، "في حديث لوكالة الأنباء": an outlet met is
    an interview, no side of a meeting."""
    rep = x.doc.reporting
    if x.clause.trigger.type != "CONSULT" or not any(i in rep for i in r.targets):
        return None
    return Roles(r.actors, tuple(i for i in r.targets if i not in rep), r.location, r.basis,
                 r.retyped)


@only_for(pos="verb")
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


# The REQUEST mode of a demand for an act of each type (PLOVER 2.0: yield for releases,
# ceasefires, withdrawals; meet for meetings; assist for help and relations)
_DEMAND_MODES = {"RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AID": "assist",
                 "COOPERATE": "assist", "SUPPORT": "assist"}


@only_for(pos="noun")
def necessity_is_a_demand(r: Roles, x: Context) -> Roles | None:
    """"أكد الوزير ضرورة انسحاب القوات الإسرائيلية": an act said to be necessary is
    demanded of whoever is to do it (a REQUEST by the speaker)."""
    c = x.clause
    if c.is_verb or c.trigger.type == "REQUEST" or not _necessary(x):
        return None
    demander = (c.speaker.entity_id,) if c.speaker is not None else x.sent.prev_actors \
        or (_meeting_members(x) if _members_at(x, x.sent.a, c.t_first) else ())
    asked = tuple(uniq((*r.actors, *r.targets)))
    stop = x.doc.keys[c.t_first - 1] in x.lex.words.stopping
    mode = "yield" if stop else _DEMAND_MODES.get(c.trigger.type, "change")
    return Roles(demander, _without(asked, demander), r.location,
                 retyped=("REQUEST", mode))


# The triggers of an act owed ("إن على X"، "يجب على X")
_OWED = frozenset({"request_owed", "request_owed_modal"})


def owed_is_asked(r: Roles, x: Context) -> Roles | None:
    """"وقال الوزير إن على إسرائيل الانسحاب من غزة"، "«على السعودية التخلي عن طموحاتها»"،
    "أكد أن على المجتمع الدولي أن يتحرك": the speaker (or the sentence's subject) demands
    the act of the one named after على; with nobody to demand it or nobody named, no
    event. Its mode is the act's (the act owed is gated as what is asked)."""
    c, v, s = x.clause, x.doc, x.sent
    if c.trigger.id not in _OWED:
        return None
    owes = next((pm for pm in s.ms if pm.first == c.t_last + 1), None) \
        if c.trigger.id == "request_owed" else next(
            (pm for pm in s.ms if pm.entity_id in (*r.actors, *r.targets)), None)
    asker = (c.speaker.entity_id,) if c.speaker is not None else s.prev_actors \
        or _opening_subject(x)
    if owes is None or not asker or owes.entity_id in asker:
        return Roles()
    act = next((h for h in s.hits if s.a + h.first_token > owes.last), None)
    near = act is not None and s.a + act.first_token - owes.last <= 3
    stop = near and act is not None and v.keys[s.a + act.first_token - 1] in x.lex.words.stopping
    mode = "yield" if stop else _DEMAND_MODES.get(act.trigger.type, "change") \
        if near and act is not None else "change"
    return Roles(asker, (owes.entity_id,), r.location, retyped=("REQUEST", mode))


def _necessary(x: Context) -> bool:
    keys, at = x.doc.keys, x.clause.t_first
    return unprefix(x.doc.prev_key(at), "بل") == "ضروره" or (
        at >= 2 and keys[at - 2] in ("علي", "الي") and keys[at - 1] == "ضروره")


@only_for(type="RETREAT")
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


@only_for(type="AGREE", pos="verb")
def chamber_approves(r: Roles, x: Context) -> Roles | None:
    """A legislature or council that approves a measure endorses it (PLOVER SUPPORT):
    "وافق البرلمان التركي على تمديد مهمة القوات"؛ a state or leader that accepts a proposal
    agrees to it (AGREE stays)."""
    c = x.clause
    if c.trigger.type != "AGREE" or not c.is_verb or not r.actors or r.retyped is not None:
        return None
    verb = x.doc.keys[c.t_first]
    stems = x.lex.words.approval_stems
    if not any(k[:3] in stems for k in (verb, verb[1:])):
        return None  # (only approval: "وافق"، "ووافق"، not a signed or promised deal)
    chambers = x.lex.words.chambers
    names = (match_key(m.text) for e in x.doc.doc.entities if e.id == r.actors[0]
             for m in e.mentions)
    if not any(any(n == ch or n.startswith(ch + " ") for ch in chambers) for n in names):
        return None
    # (the chamber alone approves; what else the clause names is what it approves for)
    return Roles(r.actors[:1], tuple(uniq((*r.actors[1:], *r.targets))), r.location, r.basis,
                 retyped=("SUPPORT", None))


@only_for(type="ASSAULT")
def attack_in_words(r: Roles, x: Context) -> Roles | None:
    """An attack in words is a criticism (PLOVER ACCUSE): "شن الرئيس هجوما حادا على
    الحركة"، "هاجم وزير الخارجية الجزائر خلال زيارته" — a sharp or scathing attack, a
    person's attack (هاجم) on a state, a body or a person, or anyone's told with a speech
    ("وهاجم رئيس الوزراء المعارضة في خطاب")، with no weapon named."""
    c, v = x.clause, x.doc
    if c.trigger.type != "ASSAULT" or r.retyped is not None or not r.actors:
        return None
    after = v.keys[c.t_last + 1 : min(c.t_last + 3, x.sent.b)]
    words = x.lex.words.verbal_attack_words
    sharp = any(k in words or " ".join(after[i : i + 2]) in words
                for i, k in enumerate(after))
    verb = unprefix(v.keys[c.t_first], "وف")
    # (a person's attack on a state, a body or a person: one on a site, a town or a ship
    # is no criticism)
    spoken = verb[:3] in x.lex.words.attack_stems and all(
        v.etype[a] == "PER" for a in r.actors) and bool(r.targets) and all(
        v.etype[t] in ("GPE", "ORG", "PER") and t not in v.cities for t in r.targets) \
        and not _weapon_named(x)
    if not (sharp or spoken or _said_in_a_speech(x, verb)):
        return None
    return Roles(r.actors, r.targets, r.location, r.basis, retyped=("ACCUSE", "disapprove"))


def _said_in_a_speech(x: Context, verb: str) -> bool:
    """هاجم with a speech or a saying after it in its clause and no weapon ("هاجم الرئيس
    الصحافة في كلمته"، "…، قائلا إن")."""
    if verb[:3] not in x.lex.words.attack_stems:
        return False
    speech = x.lex.words.speech_words
    # (the saying often follows a comma: "هاجم الوزير الجزائر خلال زيارته، قائلا إنه …")
    keys = x.doc.keys[x.clause.t_last + 1 : min(x.clause.t_last + 14, x.sent.b)]
    return any(unprefix(k, "وبفل") in speech for k in keys) and not _weapon_named(x)


def _weapon_named(x: Context) -> bool:
    """A weapon or armed men in the clause: "هاجم مسلحون بقيادة X القرية بالرصاص"."""
    keys, weapons = x.doc.keys[x.clause.lo : x.clause.hi], x.lex.words.weapon_words
    return any(unprefix(k, "وب") in weapons for k in keys)


@only_for(type="REQUEST", pos="verb")
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


@only_for(type="REQUEST", pos="verb")
def call_for_violence_threatens(r: Roles, x: Context) -> Roles | None:
    """"دعا الوزير المتطرف إلى استهداف القيادة الفلسطينية"، "طالب بقصف مواقع الحركة": a
    call for an attack on someone threatens that one (PLOVER THREATEN, violence)."""
    c, v, s = x.clause, x.doc, x.sent
    if c.trigger.type != "REQUEST" or not c.is_verb or r.retyped is not None:
        return None
    violence, keys = x.lex.words.violence_asked, v.keys
    # what is asked for: behind إلى or ب, after the subject and its title
    at = next((k for k in range(c.t_last + 1, min(s.b, c.t_last + 12))
               if keys[k] == "الي" or not keys[k][:1].isalnum()
               or (keys[k][:1] == "ب" and len(keys[k]) > 3)), None)
    if at is not None and keys[at] == "الي":
        at += 1
    if at is None or at >= s.b or unprefix(keys[at], "ب") not in violence:
        return None
    # whom the attack is on: the name after the act (its object), else the clause's own
    on = next((pm.entity_id for pm in s.ms if at < pm.first <= at + 3
               and v.etype[pm.entity_id] in PARTICIPANT_TYPES), None)
    if on is None:  # ("مهاجمة السفن الإسرائيلية": the nisba's country)
        on = next(iter(demonym_targets(v, at + 1, min(s.b, at + 4))), None)
    targets = (on,) if on is not None and on not in r.actors else r.targets
    return Roles(r.actors, targets, r.location, retyped=("THREATEN", "violence"))


@only_for(type="REQUEST", pos="verb")
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


@only_for(type="SANCTION", mode="withdraw")
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


@only_for(type="PROTEST", pos="noun")
def partaker_of_the_protest(r: Roles, x: Context) -> Roles | None:
    """"اعتقلت الشرطة الناشطة سلمى الفارس خلال مشاركتها في احتجاج وسط العاصمة": a protest
    noun behind "في" after a noun of taking part with a possessive has that owner, the
    last person named before it in the sentence, as its protester."""
    c, v = x.clause, x.doc
    if c.trigger.type != "PROTEST" or c.is_verb or r.actors or c.t_first - 2 < x.sent.a:
        return None
    if v.keys[c.t_first - 1] != "في" or v.keys[c.t_first - 2] not in x.lex.words.partaking_nouns:
        return None
    person = next((pm.entity_id for pm in reversed(x.sent.ms)
                   if pm.last < c.t_first - 2 and v.etype[pm.entity_id] == "PER"), None)
    if person is None:
        return None
    return Roles((person,), _without(r.targets, (person,)), r.location, r.basis, r.retyped)


ROLE_RULES: tuple[Rule, ...] = (
    pair_meets, pair_as_targets, sides_act, purpose_of_main_verb, capital_as_state,
    call_during_main_act,
    meeting_during_visit, verb_joined_after_comma, announcer_acts, repelled_attack,
    befallen_attack,
    participle_of_main_subject, speaker_charges, violation_reacted_to,
    pronoun_subject_before, dropped_subject,
    opening_subject_goes_on,
    subject_goes_on_after_kama, speaker_goes_on, we_are_the_speaker, title_refers_back,
    described_person_goes_on, body_noun_refers_back, counterpart_owner_goes_on,
    met_by_the_subject_before,
    asked_is_the_object, asked_of_a_pronoun, asked_from_after_the_object,
    meeting_members_act,
    noun_retells_sentence, definite_noun_of_the_subject, the_latter_acts,
    the_latter_as_genitive, charge_behind_a_reaction,
    partner_is_no_agent, lone_person_killed, counted_members_acted_on,
    nisba_names_actor, killed_in_the_attack,
    delegation_names_state,
    nisba_names_target, envoy_names_state, dual_acts_with_pair, state_owning_a_body,
    agent_of_a_relative_clause, submitter_of_the_request, subject_past_its_relative,
    place_described_by_relative,
    mutual_sides_act,
    second_side_past_relative,
    reaction_to_told_event, reacted_to_the_same_act,
    own_state_not_target, reaction_to_a_nisba_thing, object_of_a_reaction,
    criticism_of_the_act_before,
    resignation_accepted_by, spoken_for_by,
    withdrawn_from, receiver_named_before, aid_sent_to_before, partner_shares_the_aid,
    call_received_from,
    seized_place_is_target, released_is_the_genitive, passive_form_patient, body_meets,
    where_the_meeting_was,
    crowd_names_its_country, partaker_of_the_protest,
    media_do_not_act, interview_is_no_meeting, speakers_own_forces_act,
    necessity_is_a_demand, owed_is_asked, call_for_violence_threatens,
    future_retreat_concedes, chamber_approves, attack_in_words, own_forces_called_threaten,
    envoy_told_to_leave, recalled_envoy_host,
    *PLACE_RULES,
    city_is_no_party, tour_stops_are_hosts, host_receives_during, leader_by_title,
    companions_travel_with,
    charged_act_is_the_accuseds,
)


def rescued_by(rule: Rule) -> Callable[[Context], bool]:
    """A clause that names nobody still makes an event when ``rule`` names its participants
    from the article around it; the check is the rule itself on empty roles, so the two
    never disagree. Named ``named_by_<rule>`` in the trace."""
    def named(x: Context) -> bool:
        return rule(Roles(), x) is not None
    named.__name__ = f"named_by_{rule.__name__}"
    named.__doc__ = rule.__doc__
    return named


# What lets a clause with no participant of its own still make an event, in order: the
# first that holds is noted in the trace, and the role rules then name the participants.
RESCUES: tuple[Callable[[Context], bool], ...] = (
    sides_after_verb, announcer_named, rescued_by(leader_by_title), main_subject_named,
    rescued_by(speaker_goes_on), rescued_by(we_are_the_speaker),
    rescued_by(charge_behind_a_reaction),
    rescued_by(title_refers_back), rescued_by(pronoun_subject_before))


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


# Verbal cooperation a leader declares for the state he serves
_DECLARED_FOR_STATE = frozenset({"AGREE", "SUPPORT"})


def leader_commits_state(r: Roles, x: Context, src: tuple[str, ...]
                         ) -> tuple[Roles, tuple[str, ...]]:
    """"وأضاف وزير الخارجية القطري أن بلاده مستعدة للحوار"، "قال الرئيس إن تونس ملتزمة
    بالاتفاق": a leader telling of his own state's readiness, commitment or backing
    commits it with him — both act, and he is no source of a report about others. Runs
    once the sources are known (after leader_pledges); returns the roles and the sources."""
    c, v = x.clause, x.doc
    if not src or len(r.actors) != 1 or c.trigger.type not in _DECLARED_FOR_STATE:
        return r, src
    speaker = next((i for i in src if v.nation_of.get(i) == r.actors[0]), None)
    if speaker is None:
        return r, src
    x.note("leader_commits_state", f"{speaker} speaks for {r.actors[0]}")
    return Roles((speaker, r.actors[0]), _without(r.targets, (speaker,)), r.location), \
        _without(src, (speaker,))


# ROLE_RULES with, per trigger, those it is read by (less the rules marked for other
# triggers, which would return None at once)
ROLE_TABLE = RuleTable(ROLE_RULES)


def apply_rules(r: Roles, x: Context, rules: tuple[Rule, ...] = ROLE_RULES) -> Roles:
    """Run the rules in order; each sees the roles the ones before it left."""
    if rules is ROLE_RULES:
        rules = ROLE_TABLE.for_trigger(x.clause.trigger)
    for rule in rules:
        out = rule(r, x)
        if out is not None and out is not r and out != r:
            if x.trace is not None:  # (the change is spelled out for --explain only)
                x.note(rule.__name__, f"{_show(r)} -> {_show(out)}")
            r = out
    return r


def _show(r: Roles) -> str:
    return f"actors {list(r.actors)} targets {list(r.targets)}"
