"""Loading and validating gold annotation files (``docs/annotation.md``).

A gold directory holds one ``<doc_id>.json`` file per article. :func:`load_gold_dir` reads
every file, validates it completely and returns frozen :class:`GoldDoc` objects. Any problem
raises :class:`GoldError`, whose message names the file and the field path
(``seeds-gold/001.json: events[3].date: expected ISO date or {"from","to"}, got "yesterday"``)
so that an annotator can fix the file without reading a traceback.

The checks are deliberately strict: a scorer that silently skips a malformed gold event
would report numbers about a different gold set than the one the annotators wrote.
Unknown extra members are tolerated (the format may grow; nothing is read from them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date as _date
from pathlib import Path
from typing import Any

ENTITY_TYPES: frozenset[str] = frozenset({"PER", "ORG", "GPE", "LOC", "FAC"})

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
_PLOVER_SET = frozenset(PLOVER_TYPES)

# Keys are lowercase English slugs: words of [a-z0-9] joined by single underscores.
KEY_RE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
# ``date.fromisoformat`` in 3.11 also accepts "20250510" and week dates; gold uses only the
# extended calendar form, so the shape is checked first and the calendar validity second.
_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

DateRange = tuple[str, str]


class GoldError(ValueError):
    """A gold file (or directory) is invalid.

    ``path`` is the offending file or directory as a string; ``field`` the JSON path of the
    offending value (``events[3].date``), or ``""`` when the problem concerns the whole file.
    """

    def __init__(self, path: str | Path, field: str, problem: str) -> None:
        self.path = str(path)
        self.field = field
        self.problem = problem
        where = f"{self.path}: {field}" if field else self.path
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class GoldEntity:
    key: str
    name_en: str | None
    type: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class GoldEvent:
    index: int  # position in the file's ``events`` list, so reports can point back to it
    type: str
    mode: str | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    location: str | None
    date: DateRange | None  # (first, last) ISO days; a single day is (d, d)
    attributed_to: tuple[str, ...]
    evidence: str

    @property
    def participants(self) -> frozenset[str]:
        return frozenset(self.actors) | frozenset(self.targets)


@dataclass(frozen=True)
class GoldDoc:
    doc_id: str
    path: str
    published: str | None
    entities: tuple[GoldEntity, ...]
    events: tuple[GoldEvent, ...]
    keep: tuple[str, ...]
    drop: tuple[str, ...]

    def entity(self, key: str) -> GoldEntity | None:
        for ent in self.entities:
            if ent.key == key:
                return ent
        return None


# --------------------------------------------------------------------------- JSON parsing


class _DupDict(dict[str, Any]):
    """A JSON object that had a member name twice; ``dups`` lists the repeated names.

    ``json`` keeps the last value silently, which would hide an annotator's copy-paste
    error; the validator raises when it visits such an object (and so knows its path).
    """

    dups: list[str]


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    dups: list[str] = []
    for name, _ in pairs:
        if name in seen:
            dups.append(name)
        seen.add(name)
    if not dups:
        return dict(pairs)
    out = _DupDict(pairs)
    out.dups = dups
    return out


def _show(value: Any) -> str:
    """Short JSON rendering of a bad value for an error message."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def is_iso_date(value: Any) -> bool:
    if not isinstance(value, str) or not _ISO_RE.match(value):
        return False
    try:
        _date.fromisoformat(value)
    except ValueError:
        return False
    return True


class _Validator:
    """Walks one parsed file; every check raises a GoldError with the field path."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, field: str, problem: str) -> GoldError:
        return GoldError(self.path, field, problem)

    def obj(self, value: Any, field: str, required: Iterable[str]) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            what = "the file" if not field else field
            raise self.fail(field, f"expected {what} to be a JSON object, got {_type_name(value)}")
        if isinstance(value, _DupDict):
            name = value.dups[0]
            sub = f"{field}.{name}" if field else name
            raise self.fail(sub, "member appears more than once in the same object")
        for name in required:
            if name not in value:
                sub = f"{field}.{name}" if field else name
                raise self.fail(sub, "missing required field")
        return value

    def string(self, value: Any, field: str, *, nullable: bool = False,
               nonempty: bool = True) -> str | None:
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            want = "a string or null" if nullable else "a string"
            raise self.fail(field, f"expected {want}, got {_type_name(value)} {_show(value)}")
        if nonempty and not value.strip():
            raise self.fail(field, "expected a non-empty string")
        return value

    def str_list(self, value: Any, field: str, *, nonempty: bool = False) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(field, f"expected a list of strings, got {_type_name(value)}")
        if nonempty and not value:
            raise self.fail(field, "expected a non-empty list of strings")
        out: list[str] = []
        for i, item in enumerate(value):
            s = self.string(item, f"{field}[{i}]")
            assert s is not None
            out.append(s)
        return tuple(out)

    def key(self, value: Any, field: str) -> str:
        s = self.string(value, field)
        assert s is not None
        if not KEY_RE.match(s):
            raise self.fail(field, f"bad key slug {_show(s)}: expected lowercase [a-z0-9] words "
                                   "joined by single underscores")
        return s

    def iso(self, value: Any, field: str) -> str:
        if not is_iso_date(value):
            raise self.fail(field, f"expected ISO date YYYY-MM-DD, got {_show(value)}")
        return str(value)

    def event_date(self, value: Any, field: str) -> DateRange | None:
        if value is None:
            return None
        if is_iso_date(value):
            return (value, value)
        if isinstance(value, dict) and set(value) == {"from", "to"}:
            if isinstance(value, _DupDict):
                raise self.fail(f"{field}.{value.dups[0]}",
                                "member appears more than once in the same object")
            first = self.iso(value["from"], f"{field}.from")
            last = self.iso(value["to"], f"{field}.to")
            if first > last:  # ISO strings compare like dates
                raise self.fail(field, f'date range has "from" {first} after "to" {last}')
            return (first, last)
        raise self.fail(field, f'expected ISO date or {{"from","to"}}, got {_show(value)}')


_TOP = ("doc_id", "published", "entities", "events", "keep", "drop")
_ENTITY = ("key", "name_en", "type", "aliases")
_EVENT = ("type", "mode", "actors", "targets", "location", "date", "attributed_to", "evidence")


def parse_gold(data: Any, path: str | Path, *, doc_id: str | None = None) -> GoldDoc:
    """Validate one parsed gold object. ``doc_id``, when given, must equal ``data["doc_id"]``."""
    v = _Validator(str(path))
    top = v.obj(data, "", _TOP)

    did = v.string(top["doc_id"], "doc_id")
    assert did is not None
    if doc_id is not None and did != doc_id:
        raise v.fail("doc_id", f"{_show(did)} does not match the file name {_show(doc_id)}")
    published = None if top["published"] is None else v.iso(top["published"], "published")

    if not isinstance(top["entities"], list):
        raise v.fail("entities", f"expected a list, got {_type_name(top['entities'])}")
    entities: list[GoldEntity] = []
    keys: set[str] = set()
    for i, raw in enumerate(top["entities"]):
        f = f"entities[{i}]"
        e = v.obj(raw, f, _ENTITY)
        key = v.key(e["key"], f"{f}.key")
        if key in keys:
            raise v.fail(f"{f}.key", f"duplicate key {_show(key)} in this file")
        keys.add(key)
        name_en = v.string(e["name_en"], f"{f}.name_en", nullable=True)
        etype = v.string(e["type"], f"{f}.type")
        if etype not in ENTITY_TYPES:
            raise v.fail(f"{f}.type", f"unknown entity type {_show(etype)}: expected one of "
                                      + " ".join(sorted(ENTITY_TYPES)))
        assert etype is not None
        aliases = v.str_list(e["aliases"], f"{f}.aliases", nonempty=True)
        entities.append(GoldEntity(key, name_en, etype, aliases))

    def ref(value: Any, field: str) -> str:
        key = v.key(value, field)
        if key not in keys:
            raise v.fail(field, f"entity key {_show(key)} is not defined in this file's entities")
        return key

    def refs(value: Any, field: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise v.fail(field, f"expected a list of entity keys, got {_type_name(value)}")
        return tuple(ref(item, f"{field}[{j}]") for j, item in enumerate(value))

    if not isinstance(top["events"], list):
        raise v.fail("events", f"expected a list, got {_type_name(top['events'])}")
    events: list[GoldEvent] = []
    for i, raw in enumerate(top["events"]):
        f = f"events[{i}]"
        ev = v.obj(raw, f, _EVENT)
        etype = v.string(ev["type"], f"{f}.type")
        if etype not in _PLOVER_SET:
            raise v.fail(f"{f}.type", f"unknown PLOVER type {_show(etype)}: expected one of "
                                      + " ".join(PLOVER_TYPES))
        assert etype is not None
        # mode is informative only (scorers never compare it), so any string is accepted
        mode = v.string(ev["mode"], f"{f}.mode", nullable=True, nonempty=False)
        actors = refs(ev["actors"], f"{f}.actors")
        targets = refs(ev["targets"], f"{f}.targets")
        location = None if ev["location"] is None else ref(ev["location"], f"{f}.location")
        when = v.event_date(ev["date"], f"{f}.date")
        attributed = refs(ev["attributed_to"], f"{f}.attributed_to")
        evidence = v.string(ev["evidence"], f"{f}.evidence")
        assert evidence is not None
        events.append(GoldEvent(i, etype, mode, actors, targets, location, when, attributed,
                                evidence))

    keep = v.str_list(top["keep"], "keep")
    drop = v.str_list(top["drop"], "drop")
    return GoldDoc(did, str(path), published, tuple(entities), tuple(events), keep, drop)


def _read_text(path: Path, what: str = "") -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GoldError(path, what, f"cannot read file: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GoldError(path, what, f"not valid UTF-8 (byte offset {exc.start}, line {line})"
                        ) from exc
    # Some editors prepend a BOM; it carries no content, and json.loads rejects it.
    return text[1:] if text.startswith("\ufeff") else text


def load_gold_file(path: str | Path) -> GoldDoc:
    """Read and validate one gold file; its ``doc_id`` must equal the file's stem."""
    p = Path(path)
    text = _read_text(p)
    try:
        data = json.loads(text, object_pairs_hook=_pairs_hook)
    except json.JSONDecodeError as exc:
        raise GoldError(p, "", f"invalid JSON at line {exc.lineno} column {exc.colno}: "
                               f"{exc.msg}") from exc
    return parse_gold(data, p, doc_id=p.stem)


def check_against_article(doc: GoldDoc, article: str, article_path: str | Path = "") -> None:
    """Raise GoldError unless every alias, evidence, keep and drop string occurs in ``article``.

    The annotation guide requires exact substrings; this is what lets the scorer and the
    gold-built system test locate them.
    """
    where = f" {article_path}" if article_path else ""
    checks: list[tuple[str, str]] = []
    for i, ent in enumerate(doc.entities):
        checks += [(f"entities[{i}].aliases[{j}]", a) for j, a in enumerate(ent.aliases)]
    checks += [(f"events[{ev.index}].evidence", ev.evidence) for ev in doc.events]
    checks += [(f"keep[{j}]", s) for j, s in enumerate(doc.keep)]
    checks += [(f"drop[{j}]", s) for j, s in enumerate(doc.drop)]
    for field, s in checks:
        if s not in article:
            raise GoldError(doc.path, field, f"{_show(s)} is not a substring of the article{where}")


def load_gold_dir(path: str | Path, article_dir: str | Path | None = None) -> dict[str, GoldDoc]:
    """Load every ``*.json`` file of ``path`` (not recursive), keyed by doc_id, sorted.

    With ``article_dir``, each gold file whose article ``<article_dir>/<doc_id>.txt`` exists
    is also checked with :func:`check_against_article`; articles that are absent are skipped
    (an evaluation set may ship its gold without the texts).
    """
    d = Path(path)
    if not d.is_dir():
        raise GoldError(d, "", "not a directory")
    files = sorted(p for p in d.iterdir() if p.suffix == ".json" and p.is_file())
    if not files:
        raise GoldError(d, "", "no .json gold files in this directory")
    docs: dict[str, GoldDoc] = {}
    for f in files:
        doc = load_gold_file(f)
        if article_dir is not None:
            art = Path(article_dir) / f"{doc.doc_id}.txt"
            if art.is_file():
                # Line ends are unified so that a gold string spanning a line break written
                # with "\n" is still found in a CRLF capture.
                text = _read_text(art).replace("\r\n", "\n").replace("\r", "\n")
                check_against_article(doc, text, art)
        docs[doc.doc_id] = doc
    return docs
