"""Human-readable rendering of a scorer :class:`~marsad.eval.scorer.Report`.

Example (numbers invented)::

    documents: 5 (gold) 5 (system)
    protocol: heldout (docs/annotation.md, "Scoring")
    entities     P 0.812  R 0.744  F1 0.777   (TP 125 / sys 154 / gold 168)
    entities@typ P 0.766  R 0.702  F1 0.733   (TP 118 / sys 154 / gold 168)
    events relax P 0.600  R 0.526  F1 0.561   (TP 30 / sys 50 / gold 57)
    events strct P 0.300  R 0.263  F1 0.280   (TP 15 / sys 50 / gold 57)
    events allpt P 0.500  R 0.439  F1 0.467   (TP 25 / sys 50 / gold 57)
    event dates  recall 0.625 (20/32 gold events with a date)
    event pairs  attribution 0.700 (21/30)  date 0.800 (24/30)  location 0.633 (19/30) ...
    published    acc 1.000 (2/2 stated; 5/5 overall)
    keep         1.000 (15/15, 15 exact)   drop 1.000 (15/15)

followed by one row per event type and, on request, one row per document. Under the
held-out protocol "events allpt" is relaxed with every gold participant required, and the
published accuracy is over the documents whose gold states a date; under the
all-participants protocol that row would repeat "events relax" and is left out, and the
published accuracy is over all documents.
"""

from __future__ import annotations

from marsad.eval.gold import PLOVER_TYPES
from marsad.eval.scorer import HELDOUT, PRF, DocResult, Ratio, Report, Scores


def _num(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def _prf_line(label: str, prf: PRF) -> str:
    return (f"{label:<12} P {_num(prf.precision)}  R {_num(prf.recall)}  F1 {_num(prf.f1)}"
            f"   (TP {prf.tp} / sys {prf.sys} / gold {prf.gold})")


def _ratio(r: Ratio) -> str:
    return f"{_num(r.value)} ({r.hit}/{r.total})"


def _doc_row(doc_id: str, res: DocResult, width: int) -> str:
    sc = res.scores
    pub = "ok" if sc.published.hit else "--"
    drop = _num(sc.drop.value)
    row = (f"{doc_id:<{width}}  {_num(sc.entities.f1)}  {_num(sc.entities_typed.f1)}  "
           f"{_num(sc.events_relaxed.f1)}  {_num(sc.events_strict.f1)}  {pub:>3}  "
           f"{_num(sc.keep.value)}  {drop}")
    return row + ("" if res.in_system else "  (missing from system output)")


def _published(report: Report) -> Ratio:
    """The headline published figure: the held-out protocol counts stated dates only."""
    o = report.overall
    return o.published_stated if report.protocol == HELDOUT else o.published


def _event_lines(report: Report) -> list[str]:
    o: Scores = report.overall
    lines = [_prf_line("events relax", o.events_relaxed),
             _prf_line("events strct", o.events_strict)]
    if report.protocol == HELDOUT:
        lines.append(_prf_line("events allpt", o.events_allpart))
    d = o.event_date_recall
    lines += [
        f"{'event dates':<12} recall {_num(d.value)} ({d.hit}/{d.total} gold events with a date)",
        (f"{'event pairs':<12} attribution {_ratio(o.attribution)}  date {_ratio(o.date)}  "
         f"location {_ratio(o.location)}  direction {_ratio(o.direction)}"),
    ]
    return lines


def format_report(report: Report, *, per_doc: bool) -> str:
    """A compact table: overall scores, per-type event rows, per-document rows if asked."""
    o = report.overall
    lines = [f"documents: {report.gold_docs} (gold) {report.system_docs} (system)"]
    if report.missing_docs:
        lines.append(f"  missing from system (scored as all-missed): "
                     f"{', '.join(report.missing_docs)}")
    if report.ignored_docs:
        lines.append(f"  without gold (ignored): {', '.join(report.ignored_docs)}")
    source = ' (docs/annotation.md, "Scoring")' if report.protocol == HELDOUT else ""
    lines += [
        f"protocol: {report.protocol}{source}",
        _prf_line("entities", o.entities),
        _prf_line("entities@typ", o.entities_typed),
        *_event_lines(report),
        (f"{'published':<12} acc {_num(_published(report).value)} "
         f"({o.published_stated.hit}/{o.published_stated.total} stated; "
         f"{o.published.hit}/{o.published.total} overall)"),
        (f"{'keep':<12} {_num(o.keep.value)} ({o.keep.hit}/{o.keep.total}, "
         f"{o.keep_exact.hit} exact)   drop {_ratio(o.drop)}"),
    ]

    if o.entity_types:
        lines.append("")
        lines.append(f"{'entity type':<12} {'gold':>5} {'sys':>5} {'tp':>5}   P      R      F1")
        for t in ("PER", "ORG", "GPE", "LOC", "FAC"):
            if t in o.entity_types:
                prf = o.entity_types[t]
                lines.append(f"{t:<12} {prf.gold:>5} {prf.sys:>5} {prf.tp:>5}  "
                             f"{_num(prf.precision)}  {_num(prf.recall)}  {_num(prf.f1)}")

    # PLOVER order first, then any non-PLOVER type a system invented, alphabetically
    order = [t for t in PLOVER_TYPES if t in o.event_types]
    order += sorted(t for t in o.event_types if t not in PLOVER_TYPES)
    if order:
        lines.append("")
        lines.append(f"{'event type':<12} {'gold':>5} {'sys':>5} {'relax':>6} {'strict':>6}"
                     f"  {'R relax':>7}")
        for t in order:
            tc = o.event_types[t]
            rec = _num(tc.relaxed_tp / tc.gold) if tc.gold else "  n/a"
            lines.append(f"{t:<12} {tc.gold:>5} {tc.sys:>5} {tc.relaxed_tp:>6} "
                         f"{tc.strict_tp:>6}  {rec:>7}")

    if per_doc and report.per_doc:
        width = max(len("document"), *(len(d) for d in report.per_doc))
        lines.append("")
        lines.append(f"{'document':<{width}}  ent F1  typ F1  evR F1  evS F1  pub   keep   drop")
        for doc_id, res in report.per_doc.items():
            lines.append(_doc_row(doc_id, res, width))
    # the headline figures once more as the last line, for logs that keep only the tail
    lines.append("")
    lines.append(
        f"summary: entities F1 {_num(o.entities.f1)} (typed {_num(o.entities_typed.f1)}); "
        f"events relaxed F1 {_num(o.events_relaxed.f1)}, strict {_num(o.events_strict.f1)}; "
        f"published {_num(_published(report).value)}; keep {_num(o.keep.value)}, "
        f"drop {_num(o.drop.value)}")
    return "\n".join(lines)
