"""Where events happened, from the article around them: meetings during a visit take place
where the visit went, and a visit to a state is hosted by the leaders the sentence names."""

from __future__ import annotations

from dataclasses import replace

from ..doc import Event, Span
from .discourse import Sentence
from .lexicon import DURING_VISIT
from .view import DocView, uniq


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
    of one of its participants told elsewhere in the article."""
    countries = {v.by_kb[c] for c in v.kb.capitals.values() if c in v.by_kb}
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
                and v.etype.get(ev.location) in ("GPE", "FAC"):
            for who in ev.actors:
                known = places.get(who)
                if known is None or (known in countries and ev.location not in countries):
                    places[who] = ev.location
    if not places and not local:
        return events
    out = []
    for ev in events:
        if ev.type in DURING_VISIT and ev.location is None:
            where = next((local[(ev.evidence[0], p)] for p in ev.actors
                          if (ev.evidence[0], p) in local), None) or next(
                (places[p] for p in (*ev.actors, *ev.targets) if p in places), None)
            if where is not None and where not in ev.actors and where not in ev.targets:
                ev = replace(ev, location=where)
        out.append(ev)
    return out
