"""Why each event is what it is: the trigger, how its participants were chosen, and the
gates and role rules that fired (``marsad extract --explain``)."""

from __future__ import annotations

from typing import Any

from ..doc import Doc, Event
from .component import Trace, extract_events


def trace_events(doc: Doc, res: Any) -> Trace:
    """Run the events layer again on an extracted document, recording its steps (the
    layer is deterministic: the events are the ones the document holds)."""
    trace: Trace = {}
    extract_events(doc, res.triggers, **res.event_maps, trace=trace)
    return trace


def explain(doc: Doc, trace: Trace) -> list[str]:
    """Lines that tell, per event of ``doc``, its trigger, participants and rules."""
    names = {e.id: e.name_en or e.name for e in doc.entities}
    out = [f"# {doc.doc_id}: {len(doc.events)} events"]
    for ev in doc.events:
        out.extend(_one(doc, ev, names, trace))
    return out


def _one(doc: Doc, ev: Event, names: dict[str, str], trace: Trace) -> list[str]:
    def who(ids: tuple[str, ...]) -> str:
        return ", ".join(f"{names.get(i, i)} [{i}]" for i in ids) or "-"

    trig = doc.text[ev.trigger.start : ev.trigger.end] if ev.trigger else "?"
    lines = [f"{ev.id} {ev.type}/{ev.mode or '-'}  trigger «{trig}»  ({ev.certainty})",
             f"  actors: {who(ev.actors)}   targets: {who(ev.targets)}",
             f"  place: {names.get(ev.location, ev.location) if ev.location else '-'}   "
             f"date: {ev.date.text if ev.date else '-'}   "
             f"sources: {who(ev.attributed_to)}"]
    steps = trace.get((ev.trigger.start, ev.trigger.end), []) if ev.trigger else []
    lines += [f"  {step}: {detail}" for step, detail in steps]
    if len(ev.evidence) > 1:
        lines.append(f"  told {len(ev.evidence)} times (merged)")
    sent = ev.evidence[0]
    lines.append(f"  evidence: {doc.text[sent.start : sent.end][:200]}")
    return lines
