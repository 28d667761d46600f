"""Build marsad/data/ar/person_names.tsv from the name index shipped in arabic-name-romanizer.

    pip install arabic-name-romanizer && python tools/build_person_names.py

Only the rows the package derives from Wikidata (CC0 1.0) are used. For every Arabic name
unit (a given name or a surname) the TSV keeps its match key, its role, the usual Latin
spelling in Arab-world usage and how many Wikidata people carry it. Marsad uses the file to
recognise people the knowledge base does not know and to give them an English name.
"""

from __future__ import annotations

import collections
import sqlite3
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.text.normalize import match_key  # noqa: E402

OUT = REPO / "marsad" / "data" / "ar" / "person_names.tsv"
ARAB_WORLD = {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM",
              "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "TD", "NE", "ML", "ER"}
MIN_COUNT = 3  # people in Wikidata carrying the unit: rarer units are mostly noise


def main() -> int:
    import arabic_name_romanizer

    db = Path(arabic_name_romanizer.__file__).parent / "resources" / "names.sqlite3"
    con = sqlite3.connect(db)
    roles: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    latin: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    total: collections.Counter[str] = collections.Counter()
    for key, lat, country, role, n in con.execute(
            "SELECT arabic_key, latin, country, role, count FROM units WHERE source='wikidata'"):
        k = match_key(key)
        if not k or " " in k:
            continue
        roles[k][role] += n
        total[k] += n
        latin[k][lat] += n * (3 if country in ARAB_WORLD else 1)
    rows = []
    for k, n in total.items():
        if n < MIN_COUNT:
            continue
        role = max(roles[k], key=lambda r: (roles[k][r], r))
        rows.append((k, role, latin[k].most_common(1)[0][0], n))
    rows.sort()
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# Arabic person-name units from Wikidata (CC0 1.0) via arabic-name-romanizer's\n")
        fh.write("# index; built by tools/build_person_names.py.\n")
        fh.write("# Columns: key, role, latin, count\n")
        for r in rows:
            fh.write("\t".join(map(str, r)) + "\n")
    print(f"{len(rows)} name units -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
