"""Validation of the knowledge-base data files (marsad/data/kb, marsad/data/ar).

Only PyYAML and the standard library are used, plus ``match_key`` from the package, so the
checks run before any loader code exists. The files are read once per session.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from marsad.data import common_words as data_common_words
from marsad.kb import GAZETTEER_COLUMNS
from marsad.text.normalize import match_key

ROOT = Path(__file__).resolve().parents[2]
KB = ROOT / "marsad" / "data" / "kb"
COMMON_WORDS = ROOT / "marsad" / "data" / "ar" / "common_words.txt"

YAML_FILES = {
    "countries.yaml": {"GPE"},
    "places.yaml": {"LOC", "GPE"},
    "facilities.yaml": {"FAC"},
    "people.yaml": {"PER"},
    "organisations.yaml": {"ORG"},
}
CITIES_TSV = "gazetteer_cities.tsv"
TSV_COLUMNS = list(GAZETTEER_COLUMNS)
KEY_RE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")
ARABIC_RE = re.compile(r"[\u0621-\u064A]")
ALLOWED_FIELDS = {
    "key",
    "kind",
    "type",
    "name_en",
    "name_ar",
    "aliases",
    "description",
    "country",
    "roles",
    "wikidata",
    "lat",
    "lon",
    "geonames_id",
    "part_of",
    "near",
    "iso2",
    "capital",
    "demonyms_ar",
    "generic_aliases",
    "aliases_en",
    "precision",
}
ROLE_FIELDS = {"title_en", "title_ar", "org", "from", "to"}
# Arabic clitics the matcher strips (conjunctions, prepositions, and their article forms).
CLITICS = sorted(
    {
        "و",
        "ف",
        "ب",
        "ك",
        "ل",
        "وب",
        "ول",
        "فب",
        "فل",
        "وك",
        "ال",
        "وال",
        "بال",
        "كال",
        "فال",
        "لل",
        "ولل",
        "فلل",
        "وبال",
    },
    key=len,
    reverse=True,
)
# Conjunction-led prefixes checked across entities (a real name seldom starts with them).
CROSS_CLITICS = ("وال", "وبال", "ولل", "فال", "و")
# Real names that happen to start with a clitic letter sequence that leaves another name.
CLITIC_WHITELIST = {match_key(x) for x in ["وجدة", "واو", "ورقلة", "وهران", "وادي حلفا"]}

MIN_COUNTS = {
    "countries": 240,
    "people": 400,
    "organisations": 400,
    "facilities": 120,
    "regions": 50,
    "cities": 2000,
}


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10x faster


class Entity:
    __slots__ = ("key", "type", "file", "forms", "record")

    def __init__(self, key, etype, file, record):
        self.key = key
        self.type = etype
        self.file = file
        self.record = record
        # match key -> (surface text, ambiguous)
        self.forms: dict[str, tuple[str, bool]] = {}

    def add(self, text: str, ambiguous: bool) -> None:
        k = match_key(text)
        if k in self.forms:
            old_text, old_amb = self.forms[k]
            self.forms[k] = (old_text, old_amb or ambiguous)
        else:
            self.forms[k] = (text, ambiguous)


def _alias_parts(alias):
    if isinstance(alias, dict):
        return alias.get("text"), bool(alias.get("ambiguous", False))
    return alias, False


@pytest.fixture(scope="session")
def kb():
    data = {}
    for name in YAML_FILES:
        with (KB / name).open(encoding="utf-8") as fh:
            data[name] = yaml.load(fh, Loader=_LOADER)
    with (KB / CITIES_TSV).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        header = reader.fieldnames
        rows = list(reader)
    data[CITIES_TSV] = rows
    data["_tsv_header"] = header
    return data


@pytest.fixture(scope="session")
def entities(kb):
    ents: list[Entity] = []
    for name in YAML_FILES:
        for rec in kb[name]:
            ent = Entity(rec.get("key"), rec.get("type"), name, rec)
            if isinstance(rec.get("name_ar"), str):
                ent.add(rec["name_ar"], False)
            for alias in rec.get("aliases") or []:
                text, amb = _alias_parts(alias)
                if isinstance(text, str):
                    ent.add(text, amb)
            ents.append(ent)
    for row in kb[CITIES_TSV]:
        ent = Entity(row["key"], "GPE", CITIES_TSV, row)
        ambiguous = {match_key(x) for x in row["ambiguous"].split("|") if x}
        forms = [row["name_ar"]] + [x for x in row["aliases"].split("|") if x]
        for text in forms:
            ent.add(text, match_key(text) in ambiguous)
        ents.append(ent)
    return ents


@pytest.fixture(scope="session")
def all_keys(entities):
    return {e.key for e in entities}


@pytest.fixture(scope="session")
def common_words():
    return set(data_common_words())


# ----------------------------------------------------------------------------- structure


def test_files_parse(kb):
    for name in YAML_FILES:
        assert isinstance(kb[name], list) and kb[name], f"{name} is not a non-empty list"
        for rec in kb[name]:
            assert isinstance(rec, dict), f"{name}: record is not a mapping: {rec!r}"
    assert kb["_tsv_header"] == TSV_COLUMNS


def test_required_fields_and_types(kb):
    errors = []
    for name, types in YAML_FILES.items():
        for rec in kb[name]:
            key = rec.get("key")
            where = f"{name}:{key}"
            extra = set(rec) - ALLOWED_FIELDS
            if extra:
                errors.append(f"{where}: unknown fields {sorted(extra)}")
            for field in ("key", "type", "name_en", "name_ar"):
                if not isinstance(rec.get(field), str) or not rec[field].strip():
                    errors.append(f"{where}: missing or empty {field}")
            if rec.get("type") not in types:
                errors.append(f"{where}: type {rec.get('type')!r} not in {sorted(types)}")
            if isinstance(rec.get("name_ar"), str) and not ARABIC_RE.search(rec["name_ar"]):
                errors.append(f"{where}: name_ar has no Arabic letter")
            aliases = rec.get("aliases")
            if not isinstance(aliases, list):
                errors.append(f"{where}: aliases must be a list")
                aliases = []
            for alias in aliases:
                if isinstance(alias, dict):
                    if set(alias) - {"text", "ambiguous"} or not isinstance(alias.get("text"), str):
                        errors.append(f"{where}: bad alias mapping {alias!r}")
                    if not isinstance(alias.get("ambiguous", False), bool):
                        errors.append(f"{where}: ambiguous must be a bool in {alias!r}")
                elif not isinstance(alias, str) or not alias.strip():
                    errors.append(f"{where}: bad alias {alias!r}")
            for field in ("generic_aliases", "demonyms_ar"):
                if field in rec and not (
                    isinstance(rec[field], list) and all(isinstance(x, str) for x in rec[field])
                ):
                    errors.append(f"{where}: {field} must be a list of strings")
            if name != "countries.yaml" and not (
                isinstance(rec.get("description"), str) and rec["description"].strip()
            ):
                errors.append(f"{where}: missing description")
            wd = rec.get("wikidata")
            if wd is not None and not re.fullmatch(r"Q[1-9][0-9]*", str(wd)):
                errors.append(f"{where}: bad wikidata id {wd!r}")
            gid = rec.get("geonames_id")
            if gid is not None and not (isinstance(gid, int) and gid > 0):
                errors.append(f"{where}: bad geonames_id {gid!r}")
            if name == "countries.yaml":
                if not ISO2_RE.match(str(rec.get("iso2", ""))):
                    errors.append(f"{where}: bad iso2")
                if not isinstance(rec.get("demonyms_ar"), list):
                    errors.append(f"{where}: demonyms_ar must be a list")
            if name == "people.yaml":
                roles = rec.get("roles", [])
                if not isinstance(roles, list):
                    errors.append(f"{where}: roles must be a list")
                    roles = []
                for role in roles:
                    if not isinstance(role, dict) or set(role) != ROLE_FIELDS:
                        errors.append(f"{where}: role must have exactly {sorted(ROLE_FIELDS)}")
                        continue
                    if not role["title_en"] or not ARABIC_RE.search(role["title_ar"] or ""):
                        errors.append(f"{where}: role titles missing")
                    for f in ("from", "to"):
                        y = role[f]
                        if y is not None and not (isinstance(y, int) and 1900 <= y <= 2100):
                            errors.append(f"{where}: bad role year {f}={y!r}")
                    if isinstance(role["from"], int) and isinstance(role["to"], int):
                        if role["to"] < role["from"]:
                            errors.append(f"{where}: role ends before it starts")
    assert not errors, "\n".join(errors)


def test_city_rows(kb):
    errors = []
    for row in kb[CITIES_TSV]:
        where = f"{CITIES_TSV}:{row['key']}"
        if not row["name_en"] or not ARABIC_RE.search(row["name_ar"]):
            errors.append(f"{where}: missing names")
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            gid, pop = int(row["geonames_id"]), int(row["population"])
        except ValueError:
            errors.append(f"{where}: non-numeric lat/lon/geonames_id/population")
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            errors.append(f"{where}: coordinates out of range")
        if gid <= 0 or pop < 0:
            errors.append(f"{where}: bad id or population")
        forms = {row["name_ar"], *filter(None, row["aliases"].split("|"))}
        for amb in filter(None, row["ambiguous"].split("|")):
            if amb not in forms:
                errors.append(f"{where}: ambiguous form {amb!r} is not a name of the city")
    assert not errors, "\n".join(errors)


def test_keys_unique_and_slug_shaped(entities):
    seen: dict[str, str] = {}
    errors = []
    for e in entities:
        if not isinstance(e.key, str) or not KEY_RE.match(e.key):
            errors.append(f"{e.file}: bad key {e.key!r}")
            continue
        if e.key in seen:
            errors.append(f"duplicate key {e.key} in {seen[e.key]} and {e.file}")
        seen[e.key] = e.file
    assert not errors, "\n".join(errors)


def test_references_exist(kb, all_keys):
    country_keys = {r["key"] for r in kb["countries.yaml"]}
    org_keys = {r["key"] for r in kb["organisations.yaml"]}
    city_keys = {r["key"] for r in kb[CITIES_TSV]}
    errors = []
    for name in YAML_FILES:
        for rec in kb[name]:
            where = f"{name}:{rec['key']}"
            if rec.get("country") is not None and rec["country"] not in country_keys:
                errors.append(f"{where}: unknown country {rec['country']}")
            if rec.get("part_of") is not None and rec["part_of"] not in all_keys:
                errors.append(f"{where}: unknown part_of {rec['part_of']}")
            if rec.get("part_of") == rec["key"]:
                errors.append(f"{where}: part_of itself")
            if rec.get("capital") is not None and rec["capital"] not in city_keys:
                errors.append(f"{where}: capital {rec['capital']} is not a gazetteer city")
            if rec.get("near") is not None and rec["near"] not in city_keys:
                errors.append(f"{where}: near {rec['near']} is not a gazetteer city")
            for role in rec.get("roles") or []:
                if isinstance(role, dict) and role.get("org") is not None:
                    if role["org"] not in org_keys:
                        errors.append(f"{where}: role org {role['org']} unknown")
    for row in kb[CITIES_TSV]:
        if row["country"] and row["country"] not in country_keys:
            errors.append(f"{CITIES_TSV}:{row['key']}: unknown country {row['country']}")
    assert not errors, "\n".join(errors)


def test_coordinates_in_range(kb):
    errors = []
    for name in YAML_FILES:
        for rec in kb[name]:
            lat, lon = rec.get("lat"), rec.get("lon")
            if (lat is None) != (lon is None):
                errors.append(f"{name}:{rec['key']}: lat and lon must both be set or null")
            if lat is not None:
                if not isinstance(lat, (int, float)) or not -90 <= lat <= 90:
                    errors.append(f"{name}:{rec['key']}: lat out of range")
                if not isinstance(lon, (int, float)) or not -180 <= lon <= 180:
                    errors.append(f"{name}:{rec['key']}: lon out of range")
    assert not errors, "\n".join(errors)


# ----------------------------------------------------------------------------- aliases


def test_no_unmarked_alias_collisions(entities):
    owners: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    for e in entities:
        for k, (text, amb) in e.forms.items():
            owners[k].append((e.key, text, amb))
    errors = []
    for lst in owners.values():
        if len(lst) < 2:
            continue
        firm = [x for x in lst if not x[2]]
        if len(firm) > 1:
            errors.append(
                f"{lst[0][1]!r} shared without an ambiguity mark by "
                + ", ".join(x[0] for x in firm)
            )
    assert not errors, f"{len(errors)} collisions:\n" + "\n".join(sorted(errors)[:200])


def test_no_alias_is_a_common_word(entities, common_words):
    errors = [
        f"{e.key}: {text!r}"
        for e in entities
        for k, (text, _amb) in e.forms.items()
        if k in common_words
    ]
    assert not errors, "aliases that are common words:\n" + "\n".join(errors)


def test_aliases_have_arabic_or_are_latin_names(entities):
    errors = []
    for e in entities:
        for k, (text, _amb) in e.forms.items():
            if not k:
                errors.append(f"{e.key}: empty alias")
            elif text != text.strip() or "  " in text:
                errors.append(f"{e.key}: untrimmed alias {text!r}")
            elif ARABIC_RE.search(text) and re.search(r"[A-Za-z]", text):
                errors.append(f"{e.key}: mixed-script alias {text!r}")
    assert not errors, "\n".join(errors)


def test_no_clitic_prefixed_aliases(entities):
    all_forms: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        for k in e.forms:
            all_forms[k].add(e.key)
    errors = []
    for e in entities:
        own = set(e.forms)
        for k, (text, _amb) in e.forms.items():
            if k in CLITIC_WHITELIST:
                continue
            for c in CLITICS:
                rest = k[len(c) :]
                if k.startswith(c) and len(rest) >= 3 and rest in own and c != "ال":
                    errors.append(f"{e.key}: {text!r} is {c}+ another alias of the same entity")
                    break
            for c in CROSS_CLITICS:
                rest = k[len(c) :]
                # a bare و before a short foreign name is usually a transliterated W/V
                min_len = 5 if c == "و" else 4
                if k.startswith(c) and len(rest) >= min_len and rest in all_forms:
                    others = all_forms[rest] - {e.key}
                    if others and rest not in own:
                        errors.append(f"{e.key}: {text!r} is {c}+ an alias of {sorted(others)}")
                    break
    assert not errors, "\n".join(errors)


# ----------------------------------------------------------------------------- counts


def test_counts(kb):
    counts = {
        "countries": len(kb["countries.yaml"]),
        "people": len(kb["people.yaml"]),
        "organisations": len(kb["organisations.yaml"]),
        "facilities": len(kb["facilities.yaml"]),
        "regions": len(kb["places.yaml"]),
        "cities": len(kb[CITIES_TSV]),
    }
    low = {k: (v, MIN_COUNTS[k]) for k, v in counts.items() if v < MIN_COUNTS[k]}
    assert not low, f"too few records (have, need): {low}"


def test_common_words_list(common_words):
    assert len(common_words) >= 1000


def test_seed_entities_present(all_keys):
    # Keys the development gold uses for real-world entities; they must exist under the
    # same names so that evaluation can compare keys directly.
    needed = {
        "khalifa_haftar",
        "vladimir_putin",
        "libyan_national_army",
        "lna_general_command",
        "wagner_group",
        "africa_corps",
        "kremlin",
        "tobruk_port",
        "maaten_al_sarra_base",
        "agadez_air_base",
        "al_jufra_air_base",
        "hmeimim_air_base",
        "tartus_naval_base",
        "brak_al_shati_air_base",
        "institute_for_the_study_of_war",
        "the_times",
        "rusi",
        "eastern_libya",
        "southern_libya",
        "cyrenaica",
        "sahel",
        "north_africa",
        "middle_east",
        "mediterranean_sea",
        "russian_ministry_of_defence",
        "security_council_of_russia",
        "russian_navy",
        "russian_aerospace_forces",
        "russian_armed_forces",
        "european_union",
        "united_nations",
        "nato",
        "moscow",
        "minsk",
        "tobruk",
        "benghazi",
        "tripoli",
        "tripoli_lebanon",
        "derna",
        "ouagadougou",
        "damascus",
        "rome",
        "london",
        "agadez",
        "russia",
        "united_states",
    }
    assert not needed - all_keys, sorted(needed - all_keys)


def test_kinds_mark_media_and_think_tanks_only() -> None:
    import yaml

    from marsad.data import DATA_DIR

    recs = yaml.safe_load((DATA_DIR / "kb" / "organisations.yaml").read_text("utf-8"))
    kinds = {r["key"]: r["kind"] for r in recs if "kind" in r}
    assert set(kinds.values()) == {"media", "think_tank"}
    assert kinds["reuters"] == "media" and kinds["tass"] == "media"
    assert kinds["institute_for_the_study_of_war"] == "think_tank"
    assert "wagner_group" not in kinds and "kremlin" not in kinds


def test_both_hamza_seats_of_an_alias_are_indexed() -> None:
    """Team-written: "شئون" is the older spelling of "شؤون"; an alias in either finds the
    entry written the other way."""
    from marsad.kb import KnowledgeBase, entry_from_record
    from marsad.text.normalize import match_key

    kb = KnowledgeBase([entry_from_record({
        "key": "x_ministry", "type": "ORG", "name_en": "Ministry of Religious Affairs",
        "name_ar": "وزارة الشؤون الدينية", "aliases": ["هيئة المسئولين"]}, "test")])
    assert kb.lookup(match_key("وزارة الشئون الدينية"))[0].entry.key == "x_ministry"
    assert kb.lookup(match_key("هيئة المسؤولين"))[0].entry.key == "x_ministry"
