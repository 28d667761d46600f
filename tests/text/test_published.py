"""The publication date of a page and where it came from (issue #12).

``published_cases.yaml`` holds team-written page excerpts: furniture, a headline, a date in
one of the forms real sites print (Arabic, Levantine, Maghreb, English and French month
names, ordinal days, time zones, labels, weekdays, numeric day-first and month-first forms,
ISO date-times, Hijri beside Gregorian, Eastern Arabic digits, capture headers) at the top,
under the title, in the byline or at the bottom, and decoys that are never the publication
date ("today is" widgets, dates in URLs, event dates in the first sentence or the body,
dated "read also" teasers, copyright years, prayer-time and currency widgets).

Each case goes through the pipeline as an article does; the date must be the expected one
and ``doc.published_source`` must name where it came from (header, dateline, byline,
footer). ``python tests/text/test_published.py`` prints the accuracy per form class.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from marsad.ingest import RawArticle
from marsad.pipeline import Pipeline

CASES_PATH = Path(__file__).with_name("published_cases.yaml")
KEYS = {"name", "form", "page", "published", "source"}
SOURCES = {"header", "dateline", "byline", "footer"}
# Every form the issue names has cases, and every kind of decoy it names.
REQUIRED_FORMS = {
    "arabic_month", "levantine_month", "double_month", "english_month", "ordinal_timezone",
    "french_month", "maghreb_month", "label_arabic", "label_english", "published_and_updated",
    "weekday", "numeric_dot", "numeric_dmy", "numeric_mdy", "numeric_ambiguous", "ymd_ampm",
    "iso_datetime", "ymd_slash", "hijri_beside", "eastern_digits", "time_sa_ma", "header",
    "inline_dateline", "title_echo", "byline_stamp_flat", "aggregator_stamp",
    "bidi_clock",
    "decoy_today_widget", "decoy_url", "decoy_first_sentence", "decoy_body_date",
    "decoy_read_also", "decoy_copyright", "decoy_prayer_widget", "decoy_currency_widget",
    "decoy_relative_stamp", "decoy_title_echo_relative",
}
_EASTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_HEADER_RE = re.compile(r" ?date (\d{4}-\d\d-\d\d) ")


def _load() -> list[dict[str, Any]]:
    with CASES_PATH.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, list)
    return data


CASES = _load()
IDS = [str(c.get("name")) for c in CASES]
SOURCED = [c for c in CASES if c.get("source") is not None]
PIPE = Pipeline(("sentences", "dates"))


def _run(case: dict[str, Any]) -> tuple[str | None, Any]:
    doc = PIPE.process(RawArticle(case["name"], case["page"], "text"))
    got = doc.published.isoformat() if doc.published else None
    return got, getattr(doc, "published_source", None)


# --------------------------------------------------------------------------------------------
# The data file


def test_cases_are_well_formed() -> None:
    assert len(CASES) >= 70
    names = [c.get("name") for c in CASES]
    assert len(names) == len(set(names)), "case names must be unique"
    for case in CASES:
        name = case.get("name")
        assert set(case) == KEYS, f"{name}: keys {sorted(case)}"
        assert isinstance(name, str) and re.fullmatch(r"[a-z0-9_]+", name), name
        assert isinstance(case["form"], str) and case["form"], name
        page = case["page"]
        assert isinstance(page, str) and page.strip(), name
        assert 3 <= len(page.split("\n")) <= 10, f"{name}: a page has 3-10 lines"
        published, source = case["published"], case["source"]
        assert source is None or source in SOURCES, f"{name}: source {source!r}"
        assert (published is None) == (source is None), f"{name}: a date has a source"
        if published is not None:
            assert isinstance(published, str), f"{name}: quote the ISO date"
            assert date.fromisoformat(published).isoformat() == published, name
            # The expected date is stated on the page: at least its year is printed there.
            assert published[:4] in page.translate(_EASTERN), f"{name}: year not on the page"
        header = _HEADER_RE.match(page)
        if source == "header":
            assert header is not None and header.group(1) == published, name
        else:
            assert header is None, f"{name}: a capture header is a header case"


def test_every_form_and_decoy_is_covered() -> None:
    forms = Counter(c["form"] for c in CASES)
    assert REQUIRED_FORMS <= set(forms), sorted(REQUIRED_FORMS - set(forms))
    assert {c["source"] for c in CASES} == SOURCES | {None}
    decoys = [c for c in CASES if c["form"].startswith("decoy_")]
    assert len(decoys) >= 25
    assert sum(c["published"] is None for c in decoys) >= 15


# --------------------------------------------------------------------------------------------
# The pipeline on every case


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_published_date(case: dict[str, Any]) -> None:
    got, source = _run(case)
    assert got == case["published"], (
        f"{case['name']} ({case['form']}): expected {case['published']}, got {got}")
    if case["published"] is None:
        assert source is None, f"{case['name']}: no date, yet a source {source!r}"


@pytest.mark.parametrize("case", SOURCED, ids=[c["name"] for c in SOURCED])
def test_published_source(case: dict[str, Any]) -> None:
    got, source = _run(case)
    assert (got, source) == (case["published"], case["source"]), (
        f"{case['name']} ({case['form']}): expected {case['published']} from "
        f"{case['source']}, got {got} from {source}")


# --------------------------------------------------------------------------------------------
# Named finders and guards, one by one (the pages are team-written)


def _cleaner(page: str) -> Any:
    from marsad.clean.text_rules import _Cleaner, load_rules

    cl = _Cleaner(page, load_rules())
    cl.run()
    return cl


def _line(cl: Any, start: str) -> Any:
    return next(ln for ln in cl.lines if ln.text.startswith(start))


def test_masthead_clock_by_staff_and_weather_neighbours() -> None:
    from marsad.clean.published import masthead_clock

    staff = _cleaner("النهار الجديد\nالسبت 3 يناير 2026 08:10 ص\nرئيس التحريرسامي فؤاد\n"
                     "افتتاح جسر جديد على النهر\n"
                     "افتتح المحافظ جسرا جديدا على النهر يربط ضفتي المدينة بعد عامين من العمل.")
    assert masthead_clock(staff, _line(staff, "السبت 3"))
    weather = _cleaner("12.5 C\nجدة\nSaturday, January 3, 2026\nافتتاح جسر جديد على النهر\n"
                       "افتتح المحافظ جسرا جديدا على النهر يربط ضفتي المدينة بعد عامين من العمل.")
    assert masthead_clock(weather, _line(weather, "Saturday"))
    # a staff title in a paragraph next to the date is prose, not a masthead
    prose = _cleaner("افتتاح جسر جديد على النهر\nالسبت 3 يناير 2026\n"
                     "قال رئيس التحرير في افتتاح الجسر إن المشروع تأخر عامين بسبب نقص التمويل.")
    assert not masthead_clock(prose, _line(prose, "السبت 3"))


def test_aggregator_stamp_needs_the_clock() -> None:
    from marsad.clean.published import from_aggregator_stamp

    lead = ("نقدم لكم زوارنا أهم الأخبار كما وردت في المقال التالي: افتتاح جسر جديد - موقع "
            "الحدث اليوم السبت 3 يناير 2026")
    body = "\nافتتح المحافظ جسرا جديدا على النهر يربط ضفتي المدينة بعد عامين من العمل."
    found = from_aggregator_stamp(_cleaner(lead + " 10:20 صباحاً" + body))
    assert found is not None and found.date == date(2026, 1, 3)
    assert from_aggregator_stamp(_cleaner(lead + body)) is None


def test_site_update_clock_only_over_furniture() -> None:
    from marsad.clean.published import site_update_clock

    site = _cleaner("(Sat - 3 Jan 2026 | 08:10:12) آخر تحديث\nhttps://www.example.com/\n"
                    "افتتاح جسر جديد على النهر\n"
                    "افتتح المحافظ جسرا جديدا على النهر يربط ضفتي المدينة بعد عامين من العمل.")
    assert site_update_clock(site, _line(site, "(Sat"))
    own = _cleaner("افتتاح جسر جديد على النهر\nآخر تحديث: السبت 3 يناير 2026\n"
                   "افتتح المحافظ جسرا جديدا على النهر يربط ضفتي المدينة بعد عامين من العمل.")
    assert not site_update_clock(own, _line(own, "آخر تحديث"))


def _report() -> None:
    """Accuracy per form class (date, and date with source), for the implementer."""
    per_form: dict[str, list[int]] = {}
    failures = []
    for case in CASES:
        try:
            got, source = _run(case)
        except Exception as e:  # report, do not stop: this is a summary
            got, source = f"error: {e}", None
        ok_date = got == case["published"]
        ok_source = ok_date and (case["source"] is None or source == case["source"])
        row = per_form.setdefault(case["form"], [0, 0, 0])
        row[0] += 1
        row[1] += ok_date
        row[2] += ok_source
        if not ok_source:
            failures.append(f"  {case['name']}: expected {case['published']}/{case['source']}, "
                            f"got {got}/{source}")
    total = [sum(r[i] for r in per_form.values()) for i in range(3)]
    print(f"{'form':<24} cases  date  date+source")
    for form, (n, d, s) in sorted(per_form.items()):
        print(f"{form:<24} {n:>5} {d:>5} {s:>5}")
    print(f"{'total':<24} {total[0]:>5} {total[1]:>5} {total[2]:>5}")
    print("\n".join(failures))


if __name__ == "__main__":
    _report()
    sys.exit(0)
