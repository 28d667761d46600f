"""Report rendering and the on-disk fixture (tests/eval/fixtures/small).

The fixture: gold doc1 (6 entities, 3 events, 1 drop string) and doc2 (4 entities, no
events, no drop strings, no published date); the system file has doc1 with the CONSULT
direction swapped, Putin typed ORG, one spurious entity and the furniture left in the
text, no doc2, and an extra doc3 without gold.
"""

from __future__ import annotations

import json
from pathlib import Path

from marsad.eval.report import format_report
from marsad.eval.scorer import ALL_PARTICIPANTS, evaluate

FIXTURE = Path(__file__).parent / "fixtures" / "small"

OVERALL = """\
documents: 2 (gold) 2 (system)
  missing from system (scored as all-missed): doc2
  without gold (ignored): doc3
protocol: all-participants
entities     P 0.857  R 0.600  F1 0.706   (TP 6 / sys 7 / gold 10)
entities@typ P 0.714  R 0.500  F1 0.588   (TP 5 / sys 7 / gold 10)
events relax P 1.000  R 1.000  F1 1.000   (TP 3 / sys 3 / gold 3)
events strct P 0.667  R 0.667  F1 0.667   (TP 2 / sys 3 / gold 3)
event dates  recall 1.000 (2/2 gold events with a date)
event pairs  attribution 1.000 (3/3)  date 1.000 (3/3)  location 1.000 (3/3)  \
direction 0.667 (2/3)
published    acc 0.500 (1/1 stated; 1/2 overall)
keep         0.500 (2/4, 2 exact)   drop 0.000 (0/1)

entity type   gold   sys    tp   P      R      F1
PER              4     1     1  1.000  0.250  0.400
ORG              2     2     1  0.500  0.500  0.500
GPE              4     4     3  0.750  0.750  0.750

event type    gold   sys  relax strict  R relax
CONSULT          1     1      1      0    1.000
SUPPORT          1     1      1      1    1.000
MOBILIZE         1     1      1      1    1.000"""

PER_DOC = """

document  ent F1  typ F1  evR F1  evS F1  pub   keep   drop
doc1      0.923  0.769  1.000  0.667   ok  1.000  0.000
doc2      0.000  0.000  1.000  1.000   --  0.000    n/a  (missing from system output)"""


def _report(protocol: str = ALL_PARTICIPANTS):  # type: ignore[no-untyped-def]
    return evaluate(FIXTURE / "system.jsonl", FIXTURE / "gold", article_dir=FIXTURE / "articles",
                    protocol=protocol)


SUMMARY = """

summary: entities F1 0.706 (typed 0.588); events relaxed F1 1.000, strict 0.667; \
published 0.500; keep 0.500, drop 0.000"""


def test_format_overall_and_types() -> None:
    assert format_report(_report(), per_doc=False) == OVERALL + SUMMARY


def test_format_with_documents() -> None:
    assert format_report(_report(), per_doc=True) == OVERALL + PER_DOC + SUMMARY


def test_fixture_counts_and_json() -> None:
    report = _report()
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    o = data["overall"]
    assert o["entities"] == {"tp": 6, "sys": 7, "gold": 10, "precision": 6 / 7,
                             "recall": 0.6, "f1": o["entities"]["f1"]}
    assert abs(o["entities"]["f1"] - 12 / 17) < 1e-12
    assert o["published_stated"] == {"hit": 1, "total": 1, "value": 1.0}
    doc1 = data["per_doc"]["doc1"]
    assert doc1["spurious_entities"] == ["e7"]
    assert doc1["kept_drop"] == ["اقرأ أيضا: أخبار أخرى"]
    assert doc1["event_pairs"][0] == {"system_id": "v1", "gold_index": 0, "type": "CONSULT",
                                      "strict": False, "overlap": 2, "shared": 2}
    assert data["system_path"].endswith("system.jsonl")
    assert data["protocol"] == "all-participants"
    assert o["event_date_recall"] == {"hit": 2, "total": 2, "value": 1.0}


def test_heldout_report_rows() -> None:
    """The default protocol: the swapped CONSULT is strict (a meeting's sides act alike),
    an "events allpt" row is added, and published counts the stated date only."""
    text = format_report(_report("heldout"), per_doc=False)
    lines = text.splitlines()
    assert lines[3] == 'protocol: heldout (docs/annotation.md, "Scoring")'
    assert "events strct P 1.000  R 1.000  F1 1.000   (TP 3 / sys 3 / gold 3)" in lines
    assert "events allpt P 1.000  R 1.000  F1 1.000   (TP 3 / sys 3 / gold 3)" in lines
    assert "published    acc 1.000 (1/1 stated; 1/2 overall)" in lines
    assert lines[-1].endswith("strict 1.000; published 1.000; keep 0.500, drop 0.000")


def test_unknown_type_and_na_values(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "d.json").write_text(json.dumps({
        "doc_id": "d", "published": None, "entities": [], "events": [], "keep": [],
        "drop": []}), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"doc_id": "d", "text": "", "published": None, "entities": [],
                               "events": [{"id": "v1", "type": "MEET"}]}) + "\n",
                   encoding="utf-8")
    text = format_report(evaluate(out, gold), per_doc=True)
    assert "event pairs  attribution   n/a (0/0)" in text
    assert "keep           n/a (0/0, 0 exact)   drop   n/a (0/0)" in text
    assert "MEET             0     1      0      0      n/a" in text
