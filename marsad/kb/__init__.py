"""The knowledge base: entities with English names, Arabic aliases, ids and coordinates.

Loaded from the data files in ``marsad/data/kb`` (YAML for curated entries, TSV for the
GeoNames city gazetteer) and compiled once per process into an alias index keyed by
normalised match keys. See ``marsad/data/kb/SOURCES.md`` for provenance.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import __version__
from ..data import DATA_DIR, load_yaml
from ..doc import ENTITY_TYPES
from ..errors import DataFileError
from ..text.normalize import is_arabic, match_key

log = logging.getLogger(__name__)

KB_YAML_FILES = ("countries.yaml", "places.yaml", "facilities.yaml", "people.yaml",
                 "organisations.yaml")
GAZETTEER_FILE = "gazetteer_cities.tsv"
# the gazetteer's columns, in order (written by tools/build_gazetteer.py)
GAZETTEER_COLUMNS = ("key", "name_en", "name_ar", "aliases", "country", "lat", "lon",
                     "geonames_id", "population", "ambiguous")


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    key: str
    ambiguous: bool = False


@dataclass(frozen=True)
class KBEntry:
    key: str
    type: str
    name_en: str
    name_ar: str
    aliases: tuple[Alias, ...]
    description: str | None = None
    country: str | None = None
    wikidata: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    part_of: str | None = None
    population: int | None = None
    demonyms_ar: tuple[str, ...] = ()
    generic_aliases: tuple[str, ...] = ()
    capital: str | None = None
    # further Latin spellings of the English name, for English search (marsad.text.latin)
    aliases_en: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One entity a normalised alias may refer to."""

    entry: KBEntry
    ambiguous: bool
    canonical: bool  # the alias is the entry's canonical Arabic name


class KnowledgeBase:
    """Entries by key and an alias index by match key (longest alias first at lookup)."""

    def __init__(self, entries: Iterable[KBEntry]) -> None:
        self.entries: dict[str, KBEntry] = {}
        self.index: dict[str, list[Candidate]] = defaultdict(list)
        self.max_alias_tokens = 1
        self.first_tokens: set[str] = set()
        self.demonyms: dict[str, KBEntry] = {}
        # phrases that name an entry only in the context of its country ("المجلس العسكري")
        self.generic: dict[str, list[KBEntry]] = {}
        for e in entries:
            if e.key in self.entries:
                # Curated files win over the generated gazetteer: the later entry is dropped.
                log.debug("duplicate kb key %s ignored", e.key)
                continue
            self.entries[e.key] = e
            # An alias listed twice (the canonical name, then again as ambiguous) is
            # ambiguous if any listing says so.
            ambiguous: dict[str, bool] = {}
            for a in e.aliases:
                for akey in (a.key, *hamza_seat_variants(a.text)):
                    if akey:
                        ambiguous[akey] = ambiguous.get(akey, False) or a.ambiguous
            canonical = match_key(e.name_ar)
            for akey, amb in ambiguous.items():
                self.index[akey].append(Candidate(e, amb, akey == canonical))
                toks = akey.split(" ")
                self.max_alias_tokens = max(self.max_alias_tokens, len(toks))
                self.first_tokens.add(toks[0])
            for d in e.demonyms_ar:
                self.demonyms.setdefault(match_key(d), e)
            for g in e.generic_aliases:
                self.generic.setdefault(match_key(g), []).append(e)
        self.generic_first_words = frozenset(k.split(" ")[0] for k in self.generic)
        self.words: frozenset[str] = frozenset(
            t for k in self.index for t in k.split(" ")
        )

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: str) -> KBEntry | None:
        return self.entries.get(key)

    def lookup(self, alias_key: str) -> list[Candidate]:
        return self.index.get(alias_key, [])


# The seat of a hamza before و is written two ways: "شؤون"/"شئون"، "مسؤول"/"مسئول" (Egyptian
# and Jordanian usage keep the older ئ). Folded keys keep the seat, so each spelling of an
# alias is indexed.
_SEATS = (("ؤو", "ئو"), ("ئو", "ؤو"))


def hamza_seat_variants(text: str) -> tuple[str, ...]:
    """The keys of the other spelling of an alias with a hamza before و.

    >>> hamza_seat_variants("وزارة الخارجية وشؤون المغتربين") == (match_key(
    ...     "وزارة الخارجية وشئون المغتربين"),)
    True
    """
    return tuple(match_key(text.replace(a, b)) for a, b in _SEATS if a in text)


def _aliases(name_ar: str, raw: Iterable[Any] | None, path: str) -> tuple[Alias, ...]:
    out = [Alias(name_ar, match_key(name_ar))] if name_ar else []
    for a in raw or ():
        if isinstance(a, str):
            out.append(Alias(a, match_key(a)))
        elif isinstance(a, dict) and isinstance(a.get("text"), str):
            out.append(Alias(a["text"], match_key(a["text"]), bool(a.get("ambiguous"))))
        else:
            raise DataFileError(f"bad alias {a!r}", path=path)
    return tuple(out)


def _aliases_en(raw: Any, key: str, path: str) -> tuple[str, ...]:
    """``aliases_en``: a list of Latin-script spellings (no Arabic letter)."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(a, str) and a.strip() for a in raw):
        raise DataFileError(f"{key}: aliases_en must be a list of names", path=path)
    bad = [a for a in raw if is_arabic(a)]
    if bad:
        raise DataFileError(f"{key}: aliases_en holds Arabic {bad[0]!r}; Arabic spellings "
                            "go in aliases", path=path)
    return tuple(a.strip() for a in raw)


def latin_spellings(e: KBEntry) -> list[str]:
    """The Latin spellings of an entry: its English name, ``aliases_en`` and the aliases
    written in Latin letters (names Arabic text quotes as they are, "Wagner")."""
    out = [e.name_en, *e.aliases_en, *(a.text for a in e.aliases if not is_arabic(a.text))]
    return list(dict.fromkeys(s for s in out if s))


def _float(v: Any) -> float | None:
    return None if v in (None, "") else float(v)


def entry_from_record(rec: dict[str, Any], path: str) -> KBEntry:
    try:
        key, etype, name_en = rec["key"], rec["type"], rec["name_en"]
        name_ar = rec.get("name_ar") or ""
    except (KeyError, TypeError) as e:
        raise DataFileError(f"record {rec!r} lacks {e}", path=path) from e
    if etype not in ENTITY_TYPES:
        raise DataFileError(f"{key}: unknown type {etype!r}", path=path)
    known = {"key", "type", "name_en", "name_ar", "aliases", "description", "country",
             "wikidata", "lat", "lon", "geonames_id", "part_of", "population", "demonyms_ar",
             "generic_aliases", "capital", "aliases_en"}
    gid = rec.get("geonames_id")
    return KBEntry(
        key=key, type=etype, name_en=name_en, name_ar=name_ar,
        aliases=_aliases(name_ar, rec.get("aliases"), path),
        description=rec.get("description"), country=rec.get("country"),
        wikidata=rec.get("wikidata") or None,
        lat=_float(rec.get("lat")), lon=_float(rec.get("lon")),
        geonames_id=int(gid) if gid not in (None, "") else None,
        part_of=rec.get("part_of"),
        population=int(rec["population"]) if rec.get("population") not in (None, "") else None,
        demonyms_ar=tuple(rec.get("demonyms_ar") or ()),
        generic_aliases=tuple(rec.get("generic_aliases") or ()),
        capital=rec.get("capital"),
        aliases_en=_aliases_en(rec.get("aliases_en"), key, path),
        extra={k: v for k, v in rec.items() if k not in known},
    )


def load_yaml_entries(relpath: str) -> list[KBEntry]:
    data = load_yaml(relpath)
    path = str(DATA_DIR / relpath)
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataFileError("expected a list of records", path=path)
    return [entry_from_record(r, path) for r in data]


def load_gazetteer(path: Path) -> list[KBEntry]:
    """Cities from the GeoNames-derived TSV (columns named in its header)."""
    out: list[KBEntry] = []
    text = path.read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text), delimiter="\t")
    for i, row in enumerate(rows, start=2):
        try:
            # names in the "ambiguous" column need context (also a common word, or a
            # namesake elsewhere); they are listed again as ambiguous aliases
            ambiguous = [a for a in (row.get("ambiguous") or "").split("|") if a]
            aliases: list[Any] = [a for a in (row.get("aliases") or "").split("|") if a]
            aliases += [{"text": a, "ambiguous": True} for a in ambiguous]
            out.append(entry_from_record({
                "key": row["key"], "type": "GPE", "name_en": row["name_en"],
                "name_ar": row["name_ar"], "aliases": aliases, "country": row.get("country"),
                "lat": row.get("lat"), "lon": row.get("lon"),
                "geonames_id": row.get("geonames_id"), "population": row.get("population"),
            }, str(path)))
        except (ValueError, KeyError) as e:
            raise DataFileError(f"line {i}: {e}", path=str(path)) from e
    return out


def _sources_digest() -> str:
    """A digest of the bundled files' names and contents, of the code that compiles them (this
    package) and of Marsad's version: the cache compiled from other files or by other code is
    not used (a development checkout changes code without a version). Contents, not
    modification times: two checkouts or installs of the same files (a clone, a worktree, a
    reinstall) share one cache instead of each compiling again (a miss cost 0.4 s of every
    start)."""
    kb_dir = DATA_DIR / "kb"
    h = hashlib.sha256(__version__.encode())
    sources = [f for f in sorted(kb_dir.glob("*")) if f.suffix in (".yaml", ".tsv")]
    for f in sources + sorted(Path(__file__).parent.glob("*.py")):
        data = f.read_bytes()  # about 1 MB in all: a few milliseconds
        h.update(f"{f.name}:{len(data)}:".encode())
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The bundled knowledge base (curated files first, then the city gazetteer).

    Compiling the YAML and TSV files takes about two seconds; the compiled entries are
    cached as verified JSON in a private folder (:mod:`marsad.kb.cache`) and load in a
    fraction of that. A cache that cannot be read or written is a warning, never fatal.
    """
    from ..gcpause import paused
    from . import cache

    with paused():  # (tens of thousands of long-lived objects: see marsad.gcpause)
        key = _sources_digest()
        entries = cache.load(key)
        if entries is not None:
            return KnowledgeBase(entries)
        entries = _default_entries()
        cache.save(entries, key)
        return KnowledgeBase(entries)


def _compile_default_kb() -> KnowledgeBase:
    return KnowledgeBase(_default_entries())


def _default_entries() -> list[KBEntry]:
    entries: list[KBEntry] = []
    kb_dir = DATA_DIR / "kb"
    for name in KB_YAML_FILES:
        if (kb_dir / name).exists():
            entries.extend(load_yaml_entries(f"kb/{name}"))
    gaz = kb_dir / GAZETTEER_FILE
    if gaz.exists():
        entries.extend(load_gazetteer(gaz))
    entries = with_held_body_forms(entries)
    entries.extend(generated_bodies(entries))
    return entries


def with_held_body_forms(entries: list[KBEntry]) -> list[KBEntry]:
    """Curated entries that hold a state body get the body's other head-and-nisba forms
    (:func:`marsad.kb.bodies.held_forms`)."""
    import dataclasses

    from .bodies import SPEC_FILE, held_forms

    extra = held_forms(load_yaml(SPEC_FILE), entries)
    return [dataclasses.replace(e, aliases=e.aliases + tuple(
        Alias(a, match_key(a)) for a in extra[e.key])) if e.key in extra else e
        for e in entries]


def generated_bodies(entries: list[KBEntry]) -> list[KBEntry]:
    """Every state's government, police, courts, ministries … by head noun and nisba
    (``data/kb/national_bodies.yaml``, expanded by :mod:`marsad.kb.bodies`)."""
    from .bodies import SPEC_FILE, national_bodies

    spec = load_yaml(SPEC_FILE)
    return [entry_from_record(r, SPEC_FILE) for r in national_bodies(spec, entries)]
