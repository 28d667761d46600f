"""Who an event is attributed to, and how certain the text is of it.

A source is named by "وفق X"/"حسب X" (over the whole sentence) or is the subject of a verb
of saying (over what follows it); "وأضاف التقرير" or "وأضافت أن" carries the last source on.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon
from .view import Placed, unprefix


@dataclass(frozen=True)
class Cited:
    entity_id: str
    cue_token: int  # absolute token index of the cue
    token: int | None  # absolute token index of the source mention
    scope_all: bool  # "وفق X" covers the whole sentence; a verb of saying what follows it


def sources(keys: list[str], offset: int, ms: list[Placed], etype: dict[str, str],
            lex: Lexicon, last: tuple[str, ...]) -> list[Cited]:
    """Sources cited in the sentence whose keys are ``keys`` (starting at token
    ``offset``); ``last`` are the sources cited last, for a back-reference."""
    cues = lex.cues["attribution"]
    found: list[Cited] = []
    backref_at: int | None = None
    for phrases, scope_all in ((cues["according_to"], True), (cues["speech_verbs"], False)):
        for first, last_tok in phrases.positions(keys):
            src = None if scope_all else _subject_before(keys, offset, first, ms, etype, lex)
            if src is None:
                src = _named_after(keys, offset, last_tok, ms, etype, lex)
            if src is not None:
                found.append(Cited(src.entity_id, offset + first, src.first, scope_all))
                continue
            if _refers_back(keys[last_tok + 1 : last_tok + 4], cues, lex, scope_all):
                backref_at = offset + first
    if not found and backref_at is not None:
        return [Cited(s, backref_at, None, True) for s in last]
    return found


def _subject_before(keys: list[str], offset: int, first: int, ms: list[Placed],
                    etype: dict[str, str], lex: Lexicon) -> Placed | None:
    """The subject before a verb of saying: "وكان بايدن قد أعلن"، "بايدن أعلن"."""
    before = [pm for pm in ms if pm.last - offset < first and first - (pm.last - offset) <= 2
              and etype[pm.entity_id] in ("ORG", "PER")]
    svo = lex.words.svo_cues
    if before and all(keys[x - offset] in svo or x - offset == first
                      for x in range(before[-1].last + 1, offset + first)):
        return before[-1]
    return None


def _named_after(keys: list[str], offset: int, last_tok: int, ms: list[Placed],
                 etype: dict[str, str], lex: Lexicon) -> Placed | None:
    """The person or body named right after the cue ("وفق وزارة الدفاع")."""
    after = [pm for pm in ms if pm.first - offset > last_tok]
    for i, pm in enumerate(after):
        rel = pm.first - offset
        # "قالت إن البحرية…": a complementiser right after the verb means the source is
        # not named here; what follows is the reported clause
        if any(k in lex.words.complementisers for k in keys[last_tok + 1 : rel]):
            return None
        if etype[pm.entity_id] == "GPE" and i + 1 < len(after) \
                and etype[after[i + 1].entity_id] == "PER" and after[i + 1].first - pm.last <= 3:
            continue  # a state in the speaker's title: "أعلن ولي عهد السعودية الأمير X"
        if rel <= last_tok + lex.words.reach["source_reach"] \
                and etype[pm.entity_id] in ("ORG", "PER"):
            return pm
        return None
    return None


def _refers_back(window: list[str], cues: dict, lex: Lexicon, scope_all: bool) -> bool:
    """"وأضاف التقرير", or a verb of saying followed by أن: the last source goes on."""
    back = cues["back_references"]
    if any(w in back or unprefix(w, "وب") in back for w in window) \
            or " ".join(window[:2]) in back:
        return True
    comp = lex.words.complementisers
    # "وأضافت أن …"، "بينما أشارت إلى أنه …": the one who spoke last goes on
    return not scope_all and bool(window) and (window[0] in comp or (
        window[0] == "الي" and len(window) > 1 and window[1] in comp))


def certainty(rel: int, hedges: tuple[list[tuple[int, int]], list[tuple[int, int]]]) -> str:
    """"denied" after a denial in the sentence ("نفت … أن تكون"), "uncertain" after a hedge
    ("ترجح مصادر"، "قد يكون"), else "asserted"; ``rel`` is the trigger's place in the
    sentence, ``hedges`` the (first, last) places of the denials and the hedges."""
    denials, doubts = hedges
    if any(first < rel for first, _ in denials):
        return "denied"
    if any(last < rel for _, last in doubts):
        return "uncertain"
    return "asserted"
