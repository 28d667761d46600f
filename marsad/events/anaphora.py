"""What pronouns, duals and definite event nouns refer back to: the person or state an
attached pronoun stands for, the two sides last named, the event a reaction's object names
("رحّب بالاتفاق"), and who took part in that event."""

from __future__ import annotations

from ..doc import Event
from .lexicon import PARTICIPANT_TYPES, Lexicon
from .triggers import TriggerHit, TriggerIndex
from .view import CLAUSE_MARKS, DocView, Placed, unprefix

# The types a singular attached pronoun may stand for when it refers to the speaker: ه a
# person or a body, ها a body or a state (both feminine in Arabic)
_SPEAKER_FITS = {"ه": ("PER", "ORG"), "ها": ("ORG", "GPE")}


def speaker_fits(suffix: str) -> tuple[str, ...]:
    """The entity types the singular pronoun ``suffix`` may stand for as the speaker
    ("أعلنت ألمانيا أنها منحت …": ها fits a state; "قال الوزير إن زيارته …": ه fits a
    person); () for any other ending: a noun's هم ("قبل انسحابهم") is a group's, never one
    speaker's (the subject pronoun "أنهم" is read in participants.py)."""
    return _SPEAKER_FITS.get(suffix, ())


def antecedent(ms: list[Placed], t_first: int, etype: dict[str, str], suffix: str
               ) -> str | None:
    """What an attached pronoun most likely refers to: the last person (ه، هم) or the last
    state or organisation (ها: countries and bodies are feminine) named in the sentence
    before the trigger."""
    wanted = ("GPE", "ORG") if suffix == "ها" else ("PER",) if suffix == "ه" else \
        ("PER", "ORG", "GPE")
    for pm in reversed(ms):
        if pm.first < t_first and etype[pm.entity_id] in wanted:
            return pm.entity_id
    return None


def last_two(v: DocView, lex: Lexicon, ms: list[Placed], t_first: int,
             source_starts: set[int] | frozenset[int], actors: tuple[str, ...]
             ) -> tuple[str, ...]:
    """The two participants named last before ``t_first`` (the subject found first); a
    place where something happened ("في باريس"، "بموسكو") is no participant."""
    out, etype = list(actors), v.etype
    for pm in reversed(ms):
        if pm.first >= t_first or pm.first in source_starts or _where(v, lex, pm):
            continue
        if etype[pm.entity_id] in PARTICIPANT_TYPES and pm.entity_id not in out:
            out.append(pm.entity_id)
        if len(out) == 2:
            return tuple(reversed(out)) if not actors else tuple(out)
    return ()


def dual_verb(key: str, triggers: TriggerIndex) -> bool:
    """A verb in the dual ("توصلا"، "وقعتا"): a trigger form plus the dual ا."""
    k = unprefix(key, "وف")
    if len(k) <= 3 or not k.endswith("ا"):
        return False
    # (a noun's accusative ends in ا too: "اتصالا هاتفيا" is no dual)
    return any(t.pos == "verb" for t in triggers.index.get(k[:-1], ())) \
        or k[:-1] in triggers.prefixes


def anaphoric_object(v: DocView, lex: Lexicon, first: int, hi: int, ms: list[Placed],
                     actors: tuple[str, ...]) -> tuple[str, int] | None:
    """The type of the earlier event named by the verb's object ("الهجوم", "بالاتفاق"),
    and the noun's token, when that noun comes before any participant other than the
    subject. A purpose adverb ("تنديدا بالغارات"، "احتجاجا على الاتفاق") names it further
    on, behind the place and time of the reaction."""
    keys, w = v.keys, lex.words
    starts = {pm.first: pm for pm in ms}
    k, end = first, min(hi, first + w.reach["object_reach"])
    adverb = next((j for j in range(first, hi) if keys[j] in w.reaction_adverbs), None)
    if adverb is not None:
        k, end = adverb + 1, min(hi, adverb + 4)
    while k < end:
        pm = starts.get(k)
        if pm is not None:
            if pm.entity_id not in actors and not _where(v, lex, pm):
                return None  # a named object comes first: it is the target (a place where
                # the reaction happened, "بصنعاء", is passed over)
            k = pm.last + 1
            continue
        if keys[k] in CLAUSE_MARKS:
            return None
        found = _event_noun(keys, k, lex.cues["anaphora"])
        if found is not None:
            return found, k
        k += 1
    return None


def _where(v: DocView, lex: Lexicon, pm: Placed) -> bool:
    t = v.etype[pm.entity_id]
    prev = unprefix(v.prev_key(pm.first), "و")
    # (a city after a noun of talks, "محادثات جنيف", is where they were held)
    if t == "ORG" and prev == "في":
        return True  # "عقد اللقاء في الكرملين": a venue
    return t in ("LOC", "FAC") or (t == "GPE" and (
        v.keys[pm.first][:1] == "ب" or prev in lex.words.loc_preps
        or (pm.entity_id in v.cities and pm.entity_id not in v.states
            and unprefix(prev, "بلف") in lex.words.talks_nouns)))


def _event_noun(keys: list[str], k: int, anaphora: dict[str, str]) -> str | None:
    key = keys[k]
    for form in (key, key[1:] if key[:1] in ("ب", "و", "ل") else None):
        if not form:
            continue
        two = form + " " + keys[k + 1] if k + 1 < len(keys) else None
        for cand in (two, form):
            if cand is not None and cand in anaphora:
                return anaphora[cand]
    return None


def referred_participants(events: list[Event], background: list[bool], etype: str
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


def resolve_pronoun(v: DocView, ms: list[Placed], told: list[Event], last_actor: str | None,
                    hit: TriggerHit, t_first: int, t_last: int, b: int,
                    speaker: Placed | None = None,
                    feminine: frozenset[str] = frozenset()) -> str | None:
    """The entity a pronoun attached to the trigger stands for (زيارته "his visit": the
    visitor; استقبله "received him": the guest).

    - A verb joined on with و goes on with the same object as the sentence's last event:
      "اتهم الوزير طهران بتزويد موسكو بصواريخ، ودعاها إلى …".
    - A noun whose speaker tells of it ("أكد الفيلق وصوله إلى النيجر"، "قال الوزير إن
      زيارته …") is the speaker's, when the pronoun fits the speaker (ه a person or a body,
      ها a body or a state).
    - Otherwise the last person (ه) or state or body (ها) named before it, or the article's
      last actor for ه.
    - Nobody visits his own country: in "حصول حفتر على دعم من لوكاشينكو خلال زيارته إلى
      بيلاروسيا" "his" is the one named before, from elsewhere.
    """
    trig = hit.trigger
    if not hit.pronoun:
        return None
    joined = trig.pos == "verb" and bool(told) and v.keys[t_first][:1] == "و"
    guest = _visitor(v, told[-1], hit.pronoun, feminine) if joined else None
    if guest is not None:
        return guest
    if joined and trig.roles == "subject_actor" and told[-1].targets:
        return told[-1].targets[0]
    fits = speaker_fits(hit.pronoun)
    if trig.pos == "noun" and speaker is not None and v.etype[speaker.entity_id] in fits \
            and speaker.entity_id not in v.reporting:  # (a medium tells of others' acts)
        # (but "أكدت الوزارة أن ألمانيا أكملت انسحابها": the subject of what she
        # said, named between, is nearer)
        return _told_subject(v, ms, speaker, t_first, fits) or speaker.entity_id
    found = antecedent(ms, t_first, v.etype, hit.pronoun) or (
        last_actor if hit.pronoun == "ه" else None)
    if found is None or trig.mode != "visit" or v.nation_of.get(found) is None:
        return found
    home = v.nation_of[found]
    goes = {v.state_of.get(pm.entity_id, pm.entity_id) for pm in ms
            if t_last < pm.first < b and v.etype[pm.entity_id] == "GPE"}
    if home not in goes:
        return found
    return next((pm.entity_id for pm in reversed(ms) if pm.first < t_first
                 and v.etype[pm.entity_id] == "PER" and v.nation_of.get(pm.entity_id) != home),
                found)


def _visitor(v: DocView, ev: Event, pronoun: str, feminine: frozenset[str]) -> str | None:
    """"وصل الوزير إلى الرياض، والتقاه ولي العهد"، "وصلت رئيسة الوزراء إلى الجزائر،
    واستقبلها الرئيس": after an arrival or a visit, the pronoun of the verb joined on is the
    visitor (ها only for a person whose title is feminine), not the place gone to."""
    if ev.mode != "visit" or not ev.actors or v.etype.get(ev.actors[0]) != "PER" \
            or not all(v.etype.get(t) in ("GPE", "LOC", "FAC") for t in ev.targets):
        return None
    who = ev.actors[0]
    if pronoun == "ه":
        return who
    if pronoun != "ها" or not feminine:
        return None
    first = next((pm.first for pm in v.placed if pm.entity_id == who), None)
    if first is None or feminine.isdisjoint(v.keys[max(first - 3, 0) : first]):
        return None
    return who


def _told_subject(v: DocView, ms: list[Placed], speaker: Placed, t_first: int,
                  fits: tuple[str, ...]) -> str | None:
    """The subject right after "أن/إن" in what the speaker said, before the noun."""
    for pm in ms:
        if speaker.last < pm.first < t_first and v.etype[pm.entity_id] in fits \
                and unprefix(v.prev_key(pm.first), "وب") in ("ان", "انه"):
            return pm.entity_id
    return None


def during_told_meeting(v: DocView, lex: Lexicon, told: list[Event], lo: int, hi: int
                        ) -> Event | None:
    """The meeting told before that "خلال/أثناء/على هامش + الاجتماع" in tokens [lo, hi)
    points at: the last meeting of the article with a place."""
    w, keys = lex.words, v.keys
    for k in range(lo, hi - 1):
        one, two = unprefix(keys[k], "و"), " ".join(keys[k : k + 2])
        noun_at = k + 1 if one in w.during_words else k + 2 if two in w.during_words else None
        if noun_at is None or noun_at >= len(keys) or keys[noun_at] not in w.meeting_nouns:
            continue
        return next((ev for ev in reversed(told) if ev.type == "CONSULT"
                     and ev.location is not None), None)
    return None
