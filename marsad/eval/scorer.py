"""Scoring system output (``docs/output.md``) against gold files (``docs/annotation.md``).

Protocols
=========

``heldout`` (the default) is the protocol every held-out set is scored by
(``docs/annotation.md``, "Scoring"); its rules live in :mod:`marsad.eval.heldout`:

- Entities: each system entity maps to the gold entity with most votes (a mention whose
  folded variants meet the gold's aliases, English name or key: one vote; ``kb_id`` equal
  to the key: five). TP = gold keys found, FP = system entities mapping to none, so ``sys``
  counts TP + FP. Typed: an entity of another type than its gold entity maps to none.
- Events: relaxed = same type and at least ``min(2, n)`` of the ``n`` gold participants
  among the mapped participants; strict = relaxed, actors equal (or all participants
  equal, for types whose sides act alike), the gold location and an overlapping date
  where gold has them. Pairs: a maximum matching preferring more shared participants,
  then strict pairs. ``events_allpart`` is relaxed with every gold participant required.
- ``keep``/``drop`` are exact (``keep_exact`` equals ``keep``); ``published_stated`` is the
  published figure.

``all-participants`` is the earlier scorer, defined below.

Both report ``event_date_recall``: gold events with a date whose paired system event's
date overlaps it, over the gold events with a date.

Definitions (all-participants)
==============================

Documents. Every gold document is scored. A gold document with no system line counts as
all-missed: no system entities or events, published date wrong, every keep string lost,
every drop string still present. System documents without a gold file are ignored and
listed in ``Report.ignored_docs``. Every count below is summed over the scored documents
(micro average) for ``Report.overall`` and kept per document in ``Report.per_doc``.

Ratios. ``P = TP/sys``, ``R = TP/gold``, ``F1 = 2PR/(P+R)`` (0 when P+R = 0). An empty
denominator gives 1.0 when the other side is empty too (nothing to find and nothing
claimed is a perfect answer) and 0.0 otherwise. Accuracies (published, keep, drop, event
attributes) are ``hit/total`` and ``None`` ("n/a") when ``total`` is 0.

Surface keys. Strings are compared through :func:`marsad.text.normalize.match_key`.

Entities. A system entity S has the key set ``K(S)`` = keys of its mention texts and of its
``name``; a gold entity G has ``K(G)`` = keys of its aliases. ``strip(k)`` removes one
leading title from :data:`TITLE_WORDS` (``"المشير خليفة حفتر"`` → ``"خليفة حفتر"``).
S and G are *candidates* when any of these holds:

1. ``S.kb_id == G.key``;
2. ``K(S) ∩ K(G)`` is not empty (shared keys);
3. partial alias rule: ``strip(K(S)) ∩ K(G)`` or ``K(S) ∩ strip(K(G))`` is not empty.

A one-to-one matching is built greedily: candidate pairs are sorted by (kb_id match first,
then more shared keys, then more partial-rule keys, then system order, then gold order) and
taken when both sides are still free. TP = matched pairs; typed TP = matched pairs whose
types are equal (same matching; the type does not influence it).

Event participants. A matched system entity maps to its gold key; an unmatched one maps to
a placeholder that equals no gold key (so it never satisfies a gold role but does make an
attribution or location wrong).

Events. For a system event E and gold event V of the same ``type``:

- *relaxed*: every gold participant (``V.actors ∪ V.targets``) is among E's mapped
  ``actors ∪ targets``. When V has no participants, the evidence must overlap instead.
- *strict*: relaxed, and
  direction (``V.actors ⊆ map(E.actors)`` and ``V.targets ⊆ map(E.targets)``),
  location (both null, or ``map(E.location) == V.location``), and
  date (both null, or E's ``(start, end)`` equals V's ``(first, last)``; a gold single day
  d is ``(d, d)``, so E must have ``start == end == d``; a system date missing one end is
  read as a single day).
- *evidence overlap*: 2 when the keys of the two evidence strings are equal; 1 when one key
  contains the other, or when the gold evidence (by key) is found in the system text at a
  character span that intersects E's ``evidence.start/end``; 0 otherwise.

One-to-one matching over relaxed pairs, greedy on (evidence overlap desc, strict first,
system order, gold order): overlapping evidence is the best sign that two events are the
same mention. Relaxed TP = matched pairs, strict TP = matched pairs that are strict (so
strict ≤ relaxed always). ``event_types`` holds gold, system, relaxed-TP and strict-TP
counts per type. On the relaxed-matched pairs: ``attribution`` = mapped
``set(E.attributed_to) == set(V.attributed_to)``; ``date``, ``location``, ``direction`` =
the corresponding strict condition.

Published. ``published`` = docs where system ``published`` == gold ``published`` (both
null is correct); ``published_stated`` = the same restricted to docs whose gold has a date.

Keep / drop. ``keep`` = gold keep strings found in the system ``text``: exactly, or failing
that by key containment (``match_key(s) in match_key(text)``); ``keep_exact`` counts the
exact finds only. ``drop`` = gold drop strings removed, i.e. ``match_key(s)`` not in
``match_key(text)``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.eval import heldout
from marsad.eval.gold import GoldDoc, GoldEvent, load_gold_dir
from marsad.text.normalize import match_key

# Ranks and office titles that Arabic news writes directly before a name. The gold keeps
# "المشير خليفة حفتر" as an extra alias only where the text has it, so a system mention
# with (or without) the title must still meet the gold alias without (or with) it. Data,
# not logic: extend the tuple when a new title shows up in a gold set.
TITLE_WORDS: tuple[str, ...] = (
    "المشير",
    "الجنرال",
    "الفريق أول",
    "اللواء",
    "العقيد",
    "الرئيس",
    "الوزير",
)
# Longest first, so a two-word title is stripped whole rather than by its first word.
_TITLE_KEYS: tuple[str, ...] = tuple(
    sorted({match_key(t) for t in TITLE_WORDS}, key=len, reverse=True)
)


class SystemOutputError(ValueError):
    """A system output line is unreadable or lacks a field the scorer needs."""

    def __init__(self, path: str | Path, line: int | None, field: str, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.field = field
        where = self.path if line is None else f"{self.path}:{line}"
        if field:
            where += f": {field}"
        super().__init__(f"{where}: {problem}")


# --------------------------------------------------------------------------- result types


def _ratio(num: int, den: int, other: int) -> float:
    if den:
        return num / den
    return 1.0 if other == 0 else 0.0


@dataclass
class PRF:
    """Counts for precision / recall / F1."""

    tp: int = 0
    sys: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.sys, self.gold)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.gold, self.sys)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.sys += other.sys
        self.gold += other.gold

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "sys": self.sys, "gold": self.gold,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Ratio:
    """``hit`` of ``total``; ``value`` is None when there is nothing to count."""

    hit: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.hit / self.total if self.total else None

    def add(self, other: Ratio) -> None:
        self.hit += other.hit
        self.total += other.total

    def count(self, ok: bool) -> None:
        self.total += 1
        self.hit += int(ok)

    def to_dict(self) -> dict[str, Any]:
        return {"hit": self.hit, "total": self.total, "value": self.value}


@dataclass
class TypeCounts:
    gold: int = 0
    sys: int = 0
    relaxed_tp: int = 0
    strict_tp: int = 0

    def add(self, other: TypeCounts) -> None:
        self.gold += other.gold
        self.sys += other.sys
        self.relaxed_tp += other.relaxed_tp
        self.strict_tp += other.strict_tp

    def to_dict(self) -> dict[str, int]:
        return {"gold": self.gold, "sys": self.sys, "relaxed_tp": self.relaxed_tp,
                "strict_tp": self.strict_tp}


@dataclass
class Scores:
    """Every measure's counts; the same shape for one document and for the total."""

    entities: PRF = field(default_factory=PRF)
    entities_typed: PRF = field(default_factory=PRF)
    events_relaxed: PRF = field(default_factory=PRF)
    events_strict: PRF = field(default_factory=PRF)
    # relaxed under the all-participants rule, paired as the protocol pairs (held-out
    # protocol: how much the min(2, n) rule adds; all-participants: equal to relaxed)
    events_allpart: PRF = field(default_factory=PRF)
    event_types: dict[str, TypeCounts] = field(default_factory=dict)
    # per gold entity type: gold entities, system entities of that type, matched with that
    # type (so recall per type is typed_tp / gold, precision typed_tp / sys)
    entity_types: dict[str, PRF] = field(default_factory=dict)
    attribution: Ratio = field(default_factory=Ratio)  # on relaxed-matched event pairs
    date: Ratio = field(default_factory=Ratio)
    location: Ratio = field(default_factory=Ratio)
    direction: Ratio = field(default_factory=Ratio)
    published: Ratio = field(default_factory=Ratio)  # over documents
    published_stated: Ratio = field(default_factory=Ratio)  # documents whose gold has a date
    keep: Ratio = field(default_factory=Ratio)
    keep_exact: Ratio = field(default_factory=Ratio)
    drop: Ratio = field(default_factory=Ratio)
    # gold events with a date whose paired system event's date overlaps it
    event_date_recall: Ratio = field(default_factory=Ratio)

    def type_counts(self, etype: str) -> TypeCounts:
        return self.event_types.setdefault(etype, TypeCounts())

    def add(self, other: Scores) -> None:
        for name in ("entities", "entities_typed", "events_relaxed", "events_strict",
                     "events_allpart", "attribution", "date", "location", "direction",
                     "published", "published_stated", "keep", "keep_exact", "drop",
                     "event_date_recall"):
            getattr(self, name).add(getattr(other, name))
        for etype, tc in other.event_types.items():
            self.type_counts(etype).add(tc)
        for etype, prf in other.entity_types.items():
            self.entity_types.setdefault(etype, PRF()).add(prf)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in ("entities", "entities_typed", "events_relaxed", "events_strict",
                     "events_allpart"):
            out[name] = getattr(self, name).to_dict()
        out["event_types"] = {t: self.event_types[t].to_dict() for t in sorted(self.event_types)}
        out["entity_types"] = {t: self.entity_types[t].to_dict()
                               for t in sorted(self.entity_types)}
        for name in ("attribution", "date", "location", "direction", "published",
                     "published_stated", "keep", "keep_exact", "drop", "event_date_recall"):
            out[name] = getattr(self, name).to_dict()
        return out


@dataclass(frozen=True)
class EventPair:
    system_id: str
    gold_index: int
    type: str
    strict: bool
    overlap: int  # evidence overlap strength, 0..2
    shared: int = 0  # gold participants among the system event's mapped participants


@dataclass
class DocResult:
    """Scores of one gold document plus what was matched, for debugging a system."""

    doc_id: str
    in_system: bool
    scores: Scores
    published_gold: str | None = None
    published_system: str | None = None
    entity_pairs: list[tuple[str, str]] = field(default_factory=list)  # (system id, gold key)
    missed_entities: list[str] = field(default_factory=list)  # gold keys
    spurious_entities: list[str] = field(default_factory=list)  # system ids
    event_pairs: list[EventPair] = field(default_factory=list)
    missed_events: list[int] = field(default_factory=list)  # gold indexes
    spurious_events: list[str] = field(default_factory=list)  # system ids
    lost_keep: list[str] = field(default_factory=list)
    kept_drop: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "in_system": self.in_system,
            "scores": self.scores.to_dict(),
            "published_gold": self.published_gold,
            "published_system": self.published_system,
            "entity_pairs": [list(p) for p in self.entity_pairs],
            "missed_entities": self.missed_entities,
            "spurious_entities": self.spurious_entities,
            "event_pairs": [
                {"system_id": p.system_id, "gold_index": p.gold_index, "type": p.type,
                 "strict": p.strict, "overlap": p.overlap, "shared": p.shared}
                for p in self.event_pairs
            ],
            "missed_events": self.missed_events,
            "spurious_events": self.spurious_events,
            "lost_keep": self.lost_keep,
            "kept_drop": self.kept_drop,
        }


@dataclass
class Report:
    overall: Scores
    per_doc: dict[str, DocResult]
    gold_docs: int
    system_docs: int
    missing_docs: list[str]  # gold documents with no system line (scored as all-missed)
    ignored_docs: list[str]  # system documents with no gold file (not scored)
    system_path: str | None = None
    gold_dir: str | None = None
    protocol: str = "heldout"

    def to_dict(self) -> dict[str, Any]:
        return {
            "protocol": self.protocol,
            "system_path": self.system_path,
            "gold_dir": self.gold_dir,
            "documents": {"gold": self.gold_docs, "system": self.system_docs,
                          "missing": self.missing_docs, "ignored": self.ignored_docs},
            "overall": self.overall.to_dict(),
            "per_doc": {d: r.to_dict() for d, r in self.per_doc.items()},
        }


# --------------------------------------------------------------------------- system input


@dataclass(frozen=True)
class _SysEntity:
    id: str
    kb_id: str | None
    type: str
    keys: frozenset[str]
    mentions: tuple[str, ...] = ()  # mention texts, one per mention (held-out votes)


@dataclass(frozen=True)
class _SysEvent:
    id: str
    type: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    location: str | None
    date: tuple[str, str] | None
    attributed_to: tuple[str, ...]
    evidence_text: str
    evidence_span: tuple[int, int] | None


@dataclass(frozen=True)
class _SysDoc:
    doc_id: str
    text: str
    published: str | None
    entities: tuple[_SysEntity, ...]
    events: tuple[_SysEvent, ...]


Fail = Callable[[str, str], SystemOutputError]


def _tname(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _get(obj: Mapping[str, Any], name: str, field_path: str, fail: Fail, *,
         kind: type | tuple[type, ...], required: bool = False, nullable: bool = False,
         default: Any = None) -> Any:
    """Read ``obj[name]`` checking its JSON type; absent optional fields give ``default``."""
    if name not in obj:
        if required:
            raise fail(field_path, "missing required field")
        return default
    value = obj[name]
    if value is None and nullable:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise fail(field_path, f"expected {getattr(kind, '__name__', kind)}"
                               f"{' or null' if nullable else ''}, got {_tname(value)}")
    return value


def _parse_system(obj: Any, fail: Fail) -> _SysDoc:
    """Validate one system document and convert it to the scorer's internal form."""
    if not isinstance(obj, dict):
        raise fail("", f"expected a JSON object, got {_tname(obj)}")
    doc_id = _get(obj, "doc_id", "doc_id", fail, kind=str, required=True)
    text = _get(obj, "text", "text", fail, kind=str, required=True)
    raw_entities = _get(obj, "entities", "entities", fail, kind=list, required=True)
    raw_events = _get(obj, "events", "events", fail, kind=list, required=True)
    published = _get(obj, "published", "published", fail, kind=str, nullable=True)

    entities: list[_SysEntity] = []
    ids: set[str] = set()
    for i, e in enumerate(raw_entities):
        f = f"entities[{i}]"
        if not isinstance(e, dict):
            raise fail(f, f"expected an object, got {_tname(e)}")
        eid = _get(e, "id", f"{f}.id", fail, kind=str, required=True)
        if eid in ids:
            raise fail(f"{f}.id", f"duplicate entity id {eid!r}")
        ids.add(eid)
        kb_id = _get(e, "kb_id", f"{f}.kb_id", fail, kind=str, nullable=True)
        etype = _get(e, "type", f"{f}.type", fail, kind=str, required=True)
        name = _get(e, "name", f"{f}.name", fail, kind=str, nullable=True)
        mentions = _get(e, "mentions", f"{f}.mentions", fail, kind=list, default=[])
        surfaces = [name] if name else []
        for j, m in enumerate(mentions):
            if not isinstance(m, dict):
                raise fail(f"{f}.mentions[{j}]", f"expected an object, got {_tname(m)}")
            surfaces.append(_get(m, "text", f"{f}.mentions[{j}].text", fail, kind=str,
                                 required=True))
        keys = frozenset(k for k in map(match_key, surfaces) if k)
        texts = tuple(surfaces[1:] if name else surfaces)
        entities.append(_SysEntity(eid, kb_id, etype, keys, texts))

    def ref_list(ev: Mapping[str, Any], name: str, f: str) -> tuple[str, ...]:
        items = _get(ev, name, f"{f}.{name}", fail, kind=list, default=[])
        for j, item in enumerate(items):
            if not isinstance(item, str) or item not in ids:
                raise fail(f"{f}.{name}[{j}]", f"{item!r} is not an entity id of this document")
        return tuple(items)

    events: list[_SysEvent] = []
    for i, ev in enumerate(raw_events):
        f = f"events[{i}]"
        if not isinstance(ev, dict):
            raise fail(f, f"expected an object, got {_tname(ev)}")
        vid = _get(ev, "id", f"{f}.id", fail, kind=str, default=f"#{i}")
        vtype = _get(ev, "type", f"{f}.type", fail, kind=str, required=True)
        location = _get(ev, "location", f"{f}.location", fail, kind=str, nullable=True)
        if location is not None and location not in ids:
            raise fail(f"{f}.location", f"{location!r} is not an entity id of this document")
        raw_date = _get(ev, "date", f"{f}.date", fail, kind=dict, nullable=True)
        when: tuple[str, str] | None = None
        if raw_date is not None:
            start = _get(raw_date, "start", f"{f}.date.start", fail, kind=str, nullable=True)
            end = _get(raw_date, "end", f"{f}.date.end", fail, kind=str, nullable=True)
            if start is not None or end is not None:
                # a date with one end only is read as that single day
                when = (start or end, end or start)
        raw_ev = _get(ev, "evidence", f"{f}.evidence", fail, kind=dict, nullable=True)
        ev_text = ""
        span: tuple[int, int] | None = None
        if raw_ev is not None:
            ev_text = _get(raw_ev, "text", f"{f}.evidence.text", fail, kind=str, default="")
            s = _get(raw_ev, "start", f"{f}.evidence.start", fail, kind=int, nullable=True)
            e = _get(raw_ev, "end", f"{f}.evidence.end", fail, kind=int, nullable=True)
            if s is not None and e is not None and 0 <= s <= e:
                span = (s, e)
        events.append(_SysEvent(vid, vtype, ref_list(ev, "actors", f), ref_list(ev, "targets", f),
                                location, when, ref_list(ev, "attributed_to", f), ev_text, span))
    return _SysDoc(doc_id, text, published, tuple(entities), tuple(events))


def load_system(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read a JSON Lines output file into ``{doc_id: object}``, validating each line.

    Blank lines are skipped. A broken line, a missing required field (doc_id, text,
    entities, events), a badly typed field the scorer reads, a dangling entity id or a
    repeated doc_id raises :class:`SystemOutputError` naming the file and line number.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise SystemOutputError(p, None, "", f"cannot read file: {exc.strerror or exc}") from exc
    docs: dict[str, dict[str, Any]] = {}
    for n, line_bytes in enumerate(raw.split(b"\n"), start=1):

        def fail(f: str, problem: str, n: int = n) -> SystemOutputError:
            return SystemOutputError(p, n, f, problem)

        try:
            line = line_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise fail("", f"not valid UTF-8 at byte {exc.start} of the line") from exc
        line = line.lstrip("\ufeff") if n == 1 else line
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise fail("", f"invalid JSON at column {exc.colno}: {exc.msg}") from exc
        doc = _parse_system(obj, fail)
        if doc.doc_id in docs:
            raise fail("doc_id", f"doc_id {doc.doc_id!r} appears on an earlier line too")
        docs[doc.doc_id] = obj
    return docs


# --------------------------------------------------------------------------- text helpers


def _strip_title(key: str) -> str | None:
    for title in _TITLE_KEYS:
        if key.startswith(title + " ") and len(key) > len(title) + 1:
            return key[len(title) + 1:]
    return None


def _stripped(keys: Iterable[str]) -> set[str]:
    return {s for s in map(_strip_title, keys) if s}


def keyed_text(text: str) -> tuple[str, list[int]]:
    """``match_key(text)`` together with, for each key character, its offset in ``text``.

    Unlike :func:`marsad.text.normalize.fold` white space is collapsed exactly as
    ``match_key`` does, so a gold string's ``match_key`` can be searched for directly (gold
    evidence may carry a double space that a cleaner collapsed). Characters are folded one
    at a time, so the only divergence from ``match_key`` is Greek final sigma, whose
    lowercase depends on context; irrelevant for Arabic news.
    """
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                index.append(i)
            continue
        for k in match_key(ch):  # 0, 1 or (for a few lowercase expansions) 2 characters
            chars.append(k)
            index.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        index.pop()
    return "".join(chars), index


@dataclass(frozen=True)
class _TextView:
    text: str
    key: str
    index: list[int]

    @classmethod
    def of(cls, text: str) -> _TextView:
        key, index = keyed_text(text)
        return cls(text, key, index)

    def spans(self, needle_key: str) -> list[tuple[int, int]]:
        """Character spans in ``text`` where the key ``needle_key`` occurs."""
        out: list[tuple[int, int]] = []
        if not needle_key:
            return out
        start = self.key.find(needle_key)
        while start >= 0:
            end = start + len(needle_key)
            out.append((self.index[start], self.index[end - 1] + 1))
            start = self.key.find(needle_key, start + 1)
        return out


def _evidence_overlap(sys_ev: _SysEvent, gold_key: str, view: _TextView) -> int:
    sys_key = match_key(sys_ev.evidence_text)
    if not sys_key or not gold_key:
        return 0
    if sys_key == gold_key:
        return 2
    if sys_key in gold_key or gold_key in sys_key:
        return 1
    if sys_ev.evidence_span is not None:
        s, e = sys_ev.evidence_span
        for a, b in view.spans(gold_key):
            if a < e and s < b:
                return 1
    return 0


# --------------------------------------------------------------------------- matching


def _match_entities(sys_ents: tuple[_SysEntity, ...], gold: GoldDoc) -> dict[int, int]:
    """One-to-one entity matching, ``{system index: gold index}`` (see module docstring)."""
    gold_keys = [frozenset(k for k in map(match_key, g.aliases) if k) for g in gold.entities]
    gold_stripped = [_stripped(k) for k in gold_keys]
    cands: list[tuple[int, int, int, int, int]] = []
    for si, s in enumerate(sys_ents):
        s_stripped = _stripped(s.keys)
        for gi, g in enumerate(gold.entities):
            kb = int(s.kb_id is not None and s.kb_id == g.key)
            shared = len(s.keys & gold_keys[gi])
            partial = len((s_stripped & gold_keys[gi]) | (s.keys & gold_stripped[gi]))
            if kb or shared or partial:
                cands.append((-kb, -shared, -partial, si, gi))
    return _greedy((c[3], c[4]) for c in sorted(cands))


def _greedy(pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Take pairs in the given (preference) order while both sides are free."""
    used: set[int] = set()
    out: dict[int, int] = {}
    for si, gi in pairs:
        if si not in out and gi not in used:
            out[si] = gi
            used.add(gi)
    return out


@dataclass(frozen=True)
class _PairInfo:
    relaxed: bool
    direction: bool
    location: bool
    date: bool
    overlap: int

    @property
    def strict(self) -> bool:
        return self.relaxed and self.direction and self.location and self.date


def _compare_events(e: _SysEvent, v: GoldEvent, mapping: Mapping[str, str], gold_key: str,
                    view: _TextView) -> _PairInfo:
    actors = {mapping[x] for x in e.actors}
    targets = {mapping[x] for x in e.targets}
    overlap = _evidence_overlap(e, gold_key, view)
    participants = v.participants
    relaxed = participants <= (actors | targets) if participants else overlap > 0
    direction = set(v.actors) <= actors and set(v.targets) <= targets
    loc = None if e.location is None else mapping[e.location]
    return _PairInfo(relaxed, direction, loc == v.location, e.date == v.date, overlap)


# --------------------------------------------------------------------------- scoring


def _empty_result(gold: GoldDoc, in_system: bool) -> DocResult:
    """A result holding the gold-side counts; the system side is added by the scorers."""
    sc = Scores()
    res = DocResult(gold.doc_id, in_system, sc, published_gold=gold.published)
    for v in gold.events:
        sc.type_counts(v.type).gold += 1
    sc.entities.gold = sc.entities_typed.gold = len(gold.entities)
    for g in gold.entities:
        sc.entity_types.setdefault(g.type, PRF()).gold += 1
    sc.events_relaxed.gold = sc.events_strict.gold = sc.events_allpart.gold = len(gold.events)
    sc.event_date_recall.total = sum(v.date is not None for v in gold.events)
    sc.keep.total = sc.keep_exact.total = len(gold.keep)
    sc.drop.total = len(gold.drop)
    sc.published.total = 1
    sc.published_stated.total = int(gold.published is not None)
    if not in_system:
        res.missed_entities = [g.key for g in gold.entities]
        res.missed_events = [v.index for v in gold.events]
        res.lost_keep = list(gold.keep)
        res.kept_drop = list(gold.drop)
    return res


def _id_mapping(doc: _SysDoc, gold: GoldDoc, match: Mapping[int, int]) -> dict[str, str]:
    """System entity id -> gold key; an unmapped entity gets a placeholder.

    "\x00" cannot occur in a gold key (KEY_RE), so the placeholder never equals one: an
    unmapped entity never fills a gold role but does make an actor set or location wrong.
    """
    return {s.id: (gold.entities[match[si]].key if si in match else f"\x00{s.id}")
            for si, s in enumerate(doc.entities)}


def _legacy_entities(doc: _SysDoc, gold: GoldDoc, res: DocResult) -> dict[str, str]:
    """All-participants protocol: the greedy one-to-one matching of the module docstring."""
    sc = res.scores
    ent_match = _match_entities(doc.entities, gold)
    sc.entities.sys = sc.entities_typed.sys = len(doc.entities)
    sc.entities.tp = len(ent_match)
    sc.entities_typed.tp = sum(
        doc.entities[si].type == gold.entities[gi].type for si, gi in ent_match.items())
    for se in doc.entities:
        sc.entity_types.setdefault(se.type, PRF()).sys += 1
    for si, gi in ent_match.items():
        if doc.entities[si].type == gold.entities[gi].type:
            sc.entity_types[gold.entities[gi].type].tp += 1
    _list_entities(doc, gold, ent_match, res)
    return _id_mapping(doc, gold, ent_match)


def _list_entities(doc: _SysDoc, gold: GoldDoc, match: Mapping[int, int], res: DocResult
                   ) -> None:
    res.entity_pairs = [(doc.entities[si].id, gold.entities[gi].key)
                        for si, gi in sorted(match.items())]
    found = set(match.values())
    res.missed_entities = [g.key for gi, g in enumerate(gold.entities) if gi not in found]
    res.spurious_entities = [s.id for si, s in enumerate(doc.entities) if si not in match]


def _heldout_entities(doc: _SysDoc, gold: GoldDoc, res: DocResult) -> dict[str, str]:
    """Held-out protocol: TP = gold keys found, FP = system entities mapping to no key.

    So ``sys`` is TP + FP: a second system entity mapping to a key already found is
    neither (the protocol counts found keys, not system entities). Typed: a system entity
    whose type differs from its gold entity's counts as mapping to no key.
    """
    sc = res.scores
    ents = [heldout.SystemEntity(s.kb_id, s.mentions) for s in doc.entities]
    match = heldout.map_entities(ents, gold)
    typed = {si: gi for si, gi in match.items()
             if doc.entities[si].type == gold.entities[gi].type}
    for prf, m in ((sc.entities, match), (sc.entities_typed, typed)):
        prf.tp = len(set(m.values()))
        prf.sys = prf.tp + len(doc.entities) - len(m)
    for gi in set(typed.values()):
        per_type = sc.entity_types[gold.entities[gi].type]
        per_type.tp += 1
        per_type.sys += 1
    for si, s in enumerate(doc.entities):
        if si not in typed:
            sc.entity_types.setdefault(s.type, PRF()).sys += 1
    _list_entities(doc, gold, match, res)
    return _id_mapping(doc, gold, match)


def _event_view(e: _SysEvent, mapping: Mapping[str, str]) -> heldout.EventView:
    return heldout.EventView(
        e.type, frozenset(mapping[x] for x in e.actors), frozenset(mapping[x] for x in e.targets),
        None if e.location is None else mapping[e.location], e.date)


def _heldout_weights(views: list[heldout.EventView], gold: GoldDoc
                     ) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], int]]:
    """Relaxed and all-participants edges, weighted for :func:`heldout.max_matching`.

    The weight prefers more shared participants first and a strict pair second: a strict
    pair adds 1, a shared participant adds more than every strict pair of one matching
    together (``scale``), so strictness only breaks ties between equal participant totals.
    """
    scale = min(len(views), len(gold.events)) + 1
    relaxed: dict[tuple[int, int], int] = {}
    allpart: dict[tuple[int, int], int] = {}
    for si, e in enumerate(views):
        for gi, v in enumerate(gold.events):
            if not heldout.relaxed(e, v):
                continue
            relaxed[si, gi] = (heldout.shared_participants(e, v) * scale
                               + int(heldout.strict(e, v)))
            if heldout.relaxed(e, v, all_participants=True):
                allpart[si, gi] = relaxed[si, gi]
    return relaxed, allpart


def _heldout_events(doc: _SysDoc, gold: GoldDoc, mapping: Mapping[str, str],
                    view: _TextView, res: DocResult) -> None:
    """Pair by the largest matching over relaxed edges; score strictness on the pairs."""
    views = [_event_view(e, mapping) for e in doc.events]
    relaxed, allpart = _heldout_weights(views, gold)
    res.scores.events_allpart.tp = len(heldout.max_matching(allpart))
    infos: dict[tuple[int, int], _PairInfo] = {}
    for si, gi in relaxed:
        e, v = views[si], gold.events[gi]
        overlap = _evidence_overlap(doc.events[si], match_key(v.evidence), view)
        infos[si, gi] = _PairInfo(True, heldout.actors_ok(e, v), heldout.location_ok(e, v),
                                  heldout.date_ok(e, v), overlap)
    _count_events(doc, gold, mapping, heldout.max_matching(relaxed), infos, res)


def _legacy_events(doc: _SysDoc, gold: GoldDoc, mapping: Mapping[str, str],
                   view: _TextView, res: DocResult) -> None:
    """All-participants protocol: greedy pairing of the module docstring."""
    gold_ev_keys = [match_key(v.evidence) for v in gold.events]
    infos: dict[tuple[int, int], _PairInfo] = {}
    cands: list[tuple[int, int, int, int]] = []
    for si, e in enumerate(doc.events):
        for gi, v in enumerate(gold.events):
            if e.type != v.type:
                continue
            info = _compare_events(e, v, mapping, gold_ev_keys[gi], view)
            if info.relaxed:
                infos[si, gi] = info
                cands.append((-info.overlap, -int(info.strict), si, gi))
    ev_match = _greedy((c[2], c[3]) for c in sorted(cands))
    res.scores.events_allpart.tp = len(ev_match)
    _count_events(doc, gold, mapping, ev_match, infos, res)


def _count_events(doc: _SysDoc, gold: GoldDoc, mapping: Mapping[str, str],
                  ev_match: Mapping[int, int], infos: Mapping[tuple[int, int], _PairInfo],
                  res: DocResult) -> None:
    """Counts and lists over the chosen pairs; the same for both protocols."""
    sc = res.scores
    for e in doc.events:
        sc.type_counts(e.type).sys += 1
    sc.events_relaxed.sys = sc.events_strict.sys = sc.events_allpart.sys = len(doc.events)
    for si, gi in sorted(ev_match.items()):
        e, v, info = doc.events[si], gold.events[gi], infos[si, gi]
        sc.events_relaxed.tp += 1
        sc.events_strict.tp += int(info.strict)
        tc = sc.type_counts(v.type)
        tc.relaxed_tp += 1
        tc.strict_tp += int(info.strict)
        sc.attribution.count({mapping[x] for x in e.attributed_to} == set(v.attributed_to))
        sc.date.count(info.date)
        sc.location.count(info.location)
        sc.direction.count(info.direction)
        if v.date is not None:
            sc.event_date_recall.hit += int(heldout.dates_overlap(e.date, v.date))
        shared = len(v.participants & {mapping[x] for x in e.actors + e.targets})
        res.event_pairs.append(EventPair(e.id, v.index, v.type, info.strict, info.overlap,
                                         shared))
    matched = set(ev_match.values())
    res.missed_events = [v.index for gi, v in enumerate(gold.events) if gi not in matched]
    res.spurious_events = [e.id for si, e in enumerate(doc.events) if si not in ev_match]


def _score_keep_drop(doc: _SysDoc, gold: GoldDoc, view: _TextView, res: DocResult, *,
                     exact: bool) -> None:
    """``exact`` (held-out): keep = in the text, drop = not in it, both as written."""
    sc = res.scores
    for s in gold.keep:
        if s in doc.text:
            sc.keep.hit += 1
            sc.keep_exact.hit += 1
        elif not exact and match_key(s) in view.key:
            sc.keep.hit += 1
        else:
            res.lost_keep.append(s)
    for s in gold.drop:
        if (s in doc.text) if exact else (match_key(s) in view.key):
            res.kept_drop.append(s)
        else:
            sc.drop.hit += 1


HELDOUT = "heldout"
ALL_PARTICIPANTS = "all-participants"
PROTOCOLS: tuple[str, ...] = (HELDOUT, ALL_PARTICIPANTS)


def _check_protocol(protocol: str) -> None:
    if protocol not in PROTOCOLS:
        raise ValueError(f"unknown protocol {protocol!r}: expected one of {', '.join(PROTOCOLS)}")


def score_document(gold: GoldDoc, system: Mapping[str, Any] | None, *,
                   protocol: str = HELDOUT) -> DocResult:
    """Score one gold document against its system object (``None`` when it is missing)."""
    _check_protocol(protocol)
    res = _empty_result(gold, system is not None)
    if system is None:
        return res

    def fail(f: str, problem: str) -> SystemOutputError:
        return SystemOutputError(f"<system {gold.doc_id}>", None, f, problem)

    doc = _parse_system(system, fail)
    view = _TextView.of(doc.text)
    if protocol == HELDOUT:
        _heldout_events(doc, gold, _heldout_entities(doc, gold, res), view, res)
    else:
        _legacy_events(doc, gold, _legacy_entities(doc, gold, res), view, res)
    res.published_system = doc.published
    ok = doc.published == gold.published
    res.scores.published.hit = int(ok)
    res.scores.published_stated.hit = int(ok and gold.published is not None)
    _score_keep_drop(doc, gold, view, res, exact=protocol == HELDOUT)
    return res


def score_documents(system: Mapping[str, Mapping[str, Any]], gold: Mapping[str, GoldDoc], *,
                    protocol: str = HELDOUT) -> Report:
    """Score in-memory system objects (``{doc_id: object}``) against loaded gold."""
    overall = Scores()
    per_doc: dict[str, DocResult] = {}
    for doc_id in sorted(gold):
        res = score_document(gold[doc_id], system.get(doc_id), protocol=protocol)
        per_doc[doc_id] = res
        overall.add(res.scores)
    return Report(
        overall=overall,
        per_doc=per_doc,
        gold_docs=len(gold),
        system_docs=len(system),
        missing_docs=sorted(d for d in gold if d not in system),
        ignored_docs=sorted(d for d in system if d not in gold),
        protocol=protocol,
    )


def evaluate(system_path: str | Path, gold_dir: str | Path, *,
             article_dir: str | Path | None = None, protocol: str = HELDOUT) -> Report:
    """Load a system JSONL file and a gold directory and score them (module docstring).

    ``protocol``: ``"heldout"`` (default), the protocol every held-out set is scored by
    (``docs/annotation.md``, "Scoring"); ``"all-participants"``, the earlier scorer.
    """
    _check_protocol(protocol)
    gold = load_gold_dir(gold_dir, article_dir=article_dir)
    system = load_system(system_path)
    report = score_documents(system, gold, protocol=protocol)
    report.system_path = str(system_path)
    report.gold_dir = str(gold_dir)
    return report
