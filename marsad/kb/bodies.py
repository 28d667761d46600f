"""Entries for the bodies of every state, named by a head noun and the state's nisba.

"الحكومة السودانية", "حكومة السودان", "الشرطة التونسية", "القضاء المصري": news names a
state's government, police, courts, ministries and forces this way, for every state, and
the gold conventions make each an ORG entity. Rather than curate thousands of such entries,
``data/kb/national_bodies.yaml`` lists the bodies once (head nouns, the gender of the nisba
they take, an English name template) and :func:`national_bodies` expands them for every
country with demonyms. A country whose curated entries already hold a body (a generic alias
of the body, or the very alias) keeps its curated entry: the expansion only fills gaps.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..errors import DataFileError
from ..text.normalize import match_key

SPEC_FILE = "kb/national_bodies.yaml"
GENDERS = ("m", "f")


def _nisbas(country: Any, gender: str, vague: frozenset[str]) -> list[str]:
    """Definite one-word nisbas of a country's demonyms: السوداني (m), السودانية (f)."""
    out = []
    for d in country.demonyms_ar:
        if " " in d or match_key(d) in vague:
            continue  # جنوب سوداني: a compound nisba is written in too many ways
        fem = d.endswith(("ة", "ه"))
        if (gender == "f") == fem:
            out.append("ال" + d)
    return out


def _aliases(body: Mapping[str, Any], country: Any, vague_nisbas: frozenset[str]
             ) -> list[str]:
    # a name that is also a word or a given name stays out of the construct form: "حكومة
    # جورجيا ميلوني" is Giorgia Meloni's government, not Georgia's
    vague = {a.key for a in country.aliases if a.ambiguous}
    names = [a.text for a in country.aliases if a.key not in vague]
    out = [f"{h['ar']} {n}" for h in body["heads"]
           for n in _nisbas(country, h["gender"], vague_nisbas)]
    out += [f"{c} {n}" for c in body.get("construct", ()) for n in names if n]
    first: dict[str, str] = {}
    for a in out:
        first.setdefault(match_key(a), a)
    return list(first.values())


def _generics_by_country(entries: Iterable[Any]) -> dict[str, set[str]]:
    """Each country's curated generic aliases ("الحكومة" of the Libyan government), folded:
    built once, so that checking a body against them is one set lookup per country."""
    out: dict[str, set[str]] = {}
    for e in entries:
        if e.country and e.generic_aliases:
            out.setdefault(e.country, set()).update(match_key(g) for g in e.generic_aliases)
    return out


def _held(body: Mapping[str, Any], country_key: str, generics: Mapping[str, set[str]]) -> bool:
    """A curated entry of the country already answers to one of the body's generic names."""
    generic = {match_key(g) for g in body.get("generic", ())}
    return bool(generic & generics.get(country_key, set()))


def held_forms(spec: Any, entries: list[Any]) -> dict[str, list[str]]:
    """The head-and-nisba forms of bodies a curated entry holds that it does not list yet
    ("القوات العسكرية التركية" for the Turkish Armed Forces, curated with "الجيش" as its
    generic name): entry key -> forms no entry has, so the curated entry answers to every
    form the expansion would give a generated body."""
    bodies = _check(spec)
    vague = frozenset(match_key(n) for n in spec.get("ambiguous_nisbas") or ())
    taken = {a.key for e in entries for a in e.aliases}
    owner = {(e.country, a.key): e for e in entries if e.type == "ORG" and e.country
             for a in e.aliases}
    holders: dict[tuple[str, str], Any] = {}
    for e in entries:
        for g in e.generic_aliases if e.country else ():
            holders.setdefault((e.country, match_key(g)), e)
    countries = [e for e in entries if e.type == "GPE" and e.demonyms_ar and not e.country]
    out: dict[str, list[str]] = {}
    for body in bodies:
        for c in countries:
            forms = _aliases(body, c, vague)
            holder = next((holders[(c.key, match_key(g))] for g in body.get("generic", ())
                           if (c.key, match_key(g)) in holders), None) \
                or _sole_owner(owner, c.key, forms)
            if holder is None:
                continue
            new = [a for a in forms if match_key(a) not in taken]
            if new:
                out.setdefault(holder.key, []).extend(new)
                taken.update(match_key(a) for a in new)
    return out


def _sole_owner(owner: Mapping[tuple[str, str], Any], country: str, forms: list[str]) -> Any:
    """The one curated entry of the country that already answers to some of a body's forms
    ("وزارة الدفاع الروسية" curated without a generic name): it takes the other forms
    ("الدفاع الروسية"); none, or two entries, and nothing is added."""
    found = {id(e): e for f in forms if (e := owner.get((country, match_key(f))))}
    return next(iter(found.values())) if len(found) == 1 else None


def national_bodies(spec: Any, entries: list[Any]) -> Iterator[dict[str, Any]]:
    """Records (the format of the curated files) of every body of every country."""
    bodies = _check(spec)
    vague = frozenset(match_key(n) for n in spec.get("ambiguous_nisbas") or ())
    by_key = {e.key: e for e in entries}
    taken = {a.key for e in entries for a in e.aliases}
    countries = [e for e in entries if e.type == "GPE" and e.demonyms_ar and not e.country]
    generics = _generics_by_country(entries)
    for body in bodies:
        for c in countries:
            key = f"{c.key}_{body['slug']}"
            if key in by_key or _held(body, c.key, generics):
                continue
            aliases = _aliases(body, c, vague)
            if not aliases or any(match_key(a) in taken for a in aliases):
                continue  # a curated entry already names this body
            yield {"key": key, "type": "ORG", "country": c.key,
                   "name_en": body["name_en"].format(country=c.name_en),
                   "name_ar": aliases[0], "aliases": aliases[1:], "generated": True,
                   "generic_aliases": list(body.get("context", ())),
                   "description": body["name_en"].format(country=c.name_en)
                   + " (generated from data/kb/national_bodies.yaml)"}


def _check(spec: Any) -> list[Mapping[str, Any]]:
    """The bodies of the spec file, or DataFileError naming what is wrong."""
    bodies = spec.get("bodies") if isinstance(spec, Mapping) else None
    if not isinstance(bodies, list) or not bodies:
        raise DataFileError("expected a mapping with a list 'bodies'", path=SPEC_FILE)
    slugs: set[str] = set()
    for i, b in enumerate(bodies):
        where = f"body #{i}"
        if not isinstance(b, Mapping) or not isinstance(b.get("slug"), str) \
                or "{country}" not in str(b.get("name_en", "")):
            raise DataFileError(f"{where}: needs a slug and a name_en with {{country}}",
                                path=SPEC_FILE)
        if b["slug"] in slugs:
            raise DataFileError(f"{where}: duplicate slug {b['slug']}", path=SPEC_FILE)
        slugs.add(b["slug"])
        heads = b.get("heads")
        if not isinstance(heads, list) or not heads or not all(
                isinstance(h, Mapping) and isinstance(h.get("ar"), str)
                and h.get("gender") in GENDERS for h in heads):
            raise DataFileError(f"{where}: heads must be {{ar, gender: m|f}}", path=SPEC_FILE)
        for k in ("construct", "generic", "context"):
            v = b.get(k, [])
            if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
                raise DataFileError(f"{where}: {k} must be a list of words", path=SPEC_FILE)
    return bodies
