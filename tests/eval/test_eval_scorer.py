"""Scorer: hand-built gold/system pairs whose scores are known exactly.

The document-level cases pin the all-participants protocol (the scorer's rules before the
held-out protocol, still offered by ``--protocol all-participants``); the default held-out
protocol has its own cases in ``test_eval_heldout.py``.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.eval.gold import GoldDoc, parse_gold
from marsad.eval.scorer import (
    ALL_PARTICIPANTS,
    TITLE_WORDS,
    DocResult,
    Report,
    SystemOutputError,
    evaluate,
    keyed_text,
    load_system,
    score_document,
    score_documents,
)
from marsad.text.normalize import match_key
from tests.eval.eval_helpers import ARTICLE, base_gold, system_from_gold, write_gold, write_system

EXACT = 1e-12  # floats are compared to the exact fraction up to rounding only


def gold_doc(g: dict[str, Any] | None = None) -> GoldDoc:
    g = base_gold() if g is None else g
    return parse_gold(g, f"{g['doc_id']}.json", doc_id=g["doc_id"])


def perfect(g: dict[str, Any] | None = None) -> dict[str, Any]:
    return system_from_gold(base_gold() if g is None else g, ARTICLE)


def score(system: dict[str, Any] | None, g: dict[str, Any] | None = None) -> DocResult:
    return score_document(gold_doc(g), system, protocol=ALL_PARTICIPANTS)


def ent(eid: str, *mentions: str, kb_id: str | None = None, etype: str = "PER",
        name: str | None = None) -> dict[str, Any]:
    return {"id": eid, "kb_id": kb_id, "type": etype, "name": name, "name_en": None,
            "mentions": [{"start": 0, "end": len(m), "text": m} for m in mentions]}


def sysdoc(entities: list[dict[str, Any]], events: list[dict[str, Any]] | None = None,
           text: str = ARTICLE, published: str | None = "2025-05-12") -> dict[str, Any]:
    return {"doc_id": "doc1", "published": published, "text": text,
            "entities": entities, "events": events or []}


def all_values(res: DocResult | Report) -> dict[str, float | None]:
    sc = res.scores if isinstance(res, DocResult) else res.overall
    out: dict[str, float | None] = {}
    for name in ("entities", "entities_typed", "events_relaxed", "events_strict"):
        prf = getattr(sc, name)
        out |= {f"{name}.p": prf.precision, f"{name}.r": prf.recall, f"{name}.f1": prf.f1}
    for name in ("attribution", "date", "location", "direction", "published",
                 "published_stated", "keep", "keep_exact", "drop"):
        out[name] = getattr(sc, name).value
    return out


# --------------------------------------------------------------------------- whole document


def test_perfect_output_scores_one_everywhere() -> None:
    res = score(perfect())
    assert set(all_values(res).values()) == {1.0}
    sc = res.scores
    assert (sc.entities.tp, sc.entities.sys, sc.entities.gold) == (6, 6, 6)
    assert (sc.events_strict.tp, sc.events_strict.sys, sc.events_strict.gold) == (3, 3, 3)
    assert res.missed_entities == [] and res.spurious_entities == []
    assert res.missed_events == [] and res.spurious_events == []
    assert [(p.system_id, p.gold_index, p.strict, p.overlap) for p in res.event_pairs] == [
        ("v1", 0, True, 2), ("v2", 1, True, 2), ("v3", 2, True, 2)]


def test_empty_output_scores_zero_recall() -> None:
    res = score(sysdoc([], [], text="", published=None))
    sc = res.scores
    assert (sc.entities.precision, sc.entities.recall, sc.entities.f1) == (0.0, 0.0, 0.0)
    assert (sc.events_relaxed.recall, sc.events_strict.recall) == (0.0, 0.0)
    assert sc.events_relaxed.precision == 0.0  # nothing claimed, but something was to find
    assert sc.attribution.value is None  # no matched pair to judge
    assert (sc.published.hit, sc.published.total) == (0, 1)
    assert (sc.published_stated.hit, sc.published_stated.total) == (0, 1)
    assert (sc.keep.hit, sc.keep.total) == (0, 2)
    assert (sc.drop.hit, sc.drop.total) == (1, 1)  # an empty text holds no furniture
    assert res.lost_keep == list(base_gold()["keep"])


def test_missing_system_doc_is_all_missed_and_extra_doc_ignored() -> None:
    extra = perfect()
    extra["doc_id"] = "zzz"
    report = score_documents({"zzz": extra}, {"doc1": gold_doc()})
    assert report.missing_docs == ["doc1"] and report.ignored_docs == ["zzz"]
    assert (report.gold_docs, report.system_docs) == (1, 1)
    assert list(report.per_doc) == ["doc1"]
    o = report.overall
    assert (o.entities.tp, o.entities.sys, o.entities.gold) == (0, 0, 6)
    assert (o.events_relaxed.tp, o.events_relaxed.sys, o.events_relaxed.gold) == (0, 0, 3)
    assert (o.published.hit, o.keep.hit, o.drop.hit) == (0, 0, 0)
    assert (o.drop.total, o.keep.total) == (1, 2)
    assert report.per_doc["doc1"].in_system is False
    assert report.per_doc["doc1"].missed_events == [0, 1, 2]
    assert o.event_types["CONSULT"].gold == 1 and o.event_types["CONSULT"].sys == 0


def test_micro_average_over_documents() -> None:
    g2 = base_gold("doc2")
    report = score_documents({"doc1": perfect()},
                             {"doc1": gold_doc(), "doc2": gold_doc(g2)})
    o = report.overall
    assert (o.entities.tp, o.entities.sys, o.entities.gold) == (6, 6, 12)
    assert (o.entities.precision, o.entities.recall) == (1.0, 0.5)
    assert o.entities.f1 == pytest.approx(2 / 3, abs=EXACT)
    assert (o.published.hit, o.published.total) == (1, 2)
    assert report.per_doc["doc1"].scores.entities.f1 == 1.0
    assert report.per_doc["doc2"].scores.entities.f1 == 0.0


# --------------------------------------------------------------------------- entities


def four_entity_gold() -> dict[str, Any]:
    g = base_gold()
    g["entities"] = g["entities"][:4]  # haftar PER, putin PER, moscow GPE, kremlin ORG
    g["events"] = []
    return g


def test_half_right_entities_exact_prf() -> None:
    system = sysdoc([
        ent("a", "خليفة حفتر"),  # right, right type
        ent("b", "الكرملين", etype="GPE"),  # right entity, wrong type
        ent("c", "واشنطن", etype="GPE"),  # not in gold
    ])
    res = score(system, four_entity_gold())
    e, t = res.scores.entities, res.scores.entities_typed
    assert (e.tp, e.sys, e.gold) == (2, 3, 4)
    assert e.precision == 2 / 3 and e.recall == 1 / 2
    assert e.f1 == pytest.approx(4 / 7, abs=EXACT)
    assert (t.tp, t.sys, t.gold) == (1, 3, 4)
    assert t.precision == 1 / 3 and t.recall == 1 / 4
    assert t.f1 == pytest.approx(2 / 7, abs=EXACT)
    assert res.entity_pairs == [("a", "khalifa_haftar"), ("b", "kremlin")]
    assert res.missed_entities == ["vladimir_putin", "moscow"]
    assert res.spurious_entities == ["c"]


@pytest.mark.parametrize("entity,expected", [
    (ent("x", "مدينة", kb_id="moscow", etype="GPE"), "moscow"),  # kb_id alone
    (ent("x", etype="GPE", name="موسكو"), "moscow"),  # name alone
    (ent("x", "خليفه حفتر"), "khalifa_haftar"),  # ta marbuta folded
    (ent("x", "بوتِين"), "vladimir_putin"),  # diacritic dropped
    (ent("x", "الرئيس بوتين"), "vladimir_putin"),  # title stripped from the system side
    (ent("x", "الفريق أول خليفة حفتر"), "khalifa_haftar"),  # two-word title
    (ent("x", "المشير"), None),  # a title alone is nothing
    (ent("x", "الرئيس"), None),
    (ent("x", "المشير حفتر"), None),  # "حفتر" alone is not an alias here
    (ent("x", "واشنطن", kb_id="washington"), None),
])
def test_entity_matching_rules(entity: dict[str, Any], expected: str | None) -> None:
    res = score(sysdoc([entity]))
    assert res.entity_pairs == ([("x", expected)] if expected else [])


def test_partial_rule_strips_title_from_gold_alias() -> None:
    g = four_entity_gold()
    g["entities"][1]["aliases"] = ["الوزير فلاديمير بوتين"]
    res = score(sysdoc([ent("x", "فلاديمير بوتين")]), g)
    assert res.entity_pairs == [("x", "vladimir_putin")]


def test_title_list_is_data() -> None:
    assert "الفريق أول" in TITLE_WORDS and "المشير" in TITLE_WORDS


def test_entity_matching_prefers_kb_then_shared_keys_then_order() -> None:
    res = score(sysdoc([ent("a", "بوتين"), ent("b", "الرئيس الروسي", kb_id="vladimir_putin")]))
    assert res.entity_pairs == [("b", "vladimir_putin")] and res.spurious_entities == ["a"]
    res = score(sysdoc([ent("a", "بوتين"), ent("b", "فلاديمير بوتين", "بوتين")]))
    assert res.entity_pairs == [("b", "vladimir_putin")]
    res = score(sysdoc([ent("a", "بوتين"), ent("b", "بوتين")]))
    assert res.entity_pairs == [("a", "vladimir_putin")]  # tie: system order


def test_one_system_entity_matches_one_gold_entity() -> None:
    # one system entity naming two gold entities takes the one with more evidence
    res = score(sysdoc([ent("a", "موسكو", "فلاديمير بوتين", "بوتين")]))
    assert res.entity_pairs == [("a", "vladimir_putin")]
    assert res.scores.entities.tp == 1


# --------------------------------------------------------------------------- events


def mutate_event(index: int, **changes: Any) -> dict[str, Any]:
    system = perfect()
    system["events"][index].update(changes)
    return system


# entity ids of system_from_gold(base_gold()): e1 haftar, e2 putin, e3 moscow, e4 kremlin,
# e5 russia, e6 libya; events v1 CONSULT (0), v2 SUPPORT (1), v3 MOBILIZE (2)
RELAXED_NOT_STRICT = [
    ("direction swapped", 0, {"actors": ["e2"], "targets": ["e1"]}, "direction"),
    ("actor as target", 0, {"actors": [], "targets": ["e1", "e2"]}, "direction"),
    ("wrong day", 0, {"date": {"start": "2025-05-11", "end": "2025-05-11", "text": ""}}, "date"),
    ("range for a day", 0, {"date": {"start": "2025-05-10", "end": "2025-05-11", "text": ""}},
     "date"),
    ("no date", 0, {"date": None}, "date"),
    ("day inside gold range", 2,
     {"date": {"start": "2025-05-15", "end": "2025-05-15", "text": "مايو"}}, "date"),
    ("range too wide", 2,
     {"date": {"start": "2025-05-01", "end": "2025-06-30", "text": "مايو"}}, "date"),
    ("date where gold has none", 1,
     {"date": {"start": "2025-05-10", "end": "2025-05-10", "text": ""}}, "date"),
    ("wrong place", 0, {"location": "e5"}, "location"),
    ("no place", 0, {"location": None}, "location"),
    ("place where gold has none", 1, {"location": "e3"}, "location"),
]


@pytest.mark.parametrize("index,changes,failed", [c[1:] for c in RELAXED_NOT_STRICT],
                         ids=[c[0] for c in RELAXED_NOT_STRICT])
def test_relaxed_but_not_strict(index: int, changes: dict[str, Any], failed: str) -> None:
    sc = score(mutate_event(index, **changes)).scores
    assert (sc.events_relaxed.tp, sc.events_relaxed.sys, sc.events_relaxed.gold) == (3, 3, 3)
    assert (sc.events_strict.tp, sc.events_strict.sys, sc.events_strict.gold) == (2, 3, 3)
    assert sc.events_strict.f1 == pytest.approx(2 / 3, abs=EXACT)
    for name in ("direction", "date", "location"):
        ratio = getattr(sc, name)
        assert (ratio.hit, ratio.total) == ((2, 3) if name == failed else (3, 3))
    gold_type = base_gold()["events"][index]["type"]
    assert (sc.event_types[gold_type].relaxed_tp, sc.event_types[gold_type].strict_tp) == (1, 0)


STILL_STRICT = [
    ("extra participant", 0, {"targets": ["e2", "e5"]}),
    ("date with start only", 0, {"date": {"start": "2025-05-10", "end": None, "text": ""}}),
    ("range equals gold range", 2,
     {"date": {"start": "2025-05-01", "end": "2025-05-31", "text": "مايو"}}),
    ("evidence elsewhere", 0, {"evidence": {"start": 0, "end": 7, "text": "الاثنين"}}),
    ("no evidence", 0, {"evidence": None}),
]


@pytest.mark.parametrize("index,changes", [c[1:] for c in STILL_STRICT],
                         ids=[c[0] for c in STILL_STRICT])
def test_still_strict(index: int, changes: dict[str, Any]) -> None:
    sc = score(mutate_event(index, **changes)).scores
    assert (sc.events_strict.tp, sc.events_relaxed.tp) == (3, 3)


NOT_RELAXED = [
    ("wrong type", 0, {"type": "MEET"}),
    ("missing participant", 0, {"targets": []}),
    ("participant is a different entity", 0, {"targets": ["e5"]}),
]


@pytest.mark.parametrize("index,changes", [c[1:] for c in NOT_RELAXED],
                         ids=[c[0] for c in NOT_RELAXED])
def test_not_relaxed(index: int, changes: dict[str, Any]) -> None:
    res = score(mutate_event(index, **changes))
    sc = res.scores
    assert (sc.events_relaxed.tp, sc.events_relaxed.sys, sc.events_relaxed.gold) == (2, 3, 3)
    assert sc.events_strict.tp == 2
    assert res.missed_events == [index] and res.spurious_events == [f"v{index + 1}"]
    assert sc.event_types["CONSULT"].relaxed_tp == (0 if index == 0 else 1)


def test_per_type_counts_include_unknown_system_types() -> None:
    sc = score(mutate_event(0, type="MEET")).scores
    assert sc.event_types["MEET"].to_dict() == {"gold": 0, "sys": 1, "relaxed_tp": 0,
                                                "strict_tp": 0}
    assert sc.event_types["CONSULT"].to_dict() == {"gold": 1, "sys": 0, "relaxed_tp": 0,
                                                   "strict_tp": 0}
    assert sc.event_types["MOBILIZE"].to_dict() == {"gold": 1, "sys": 1, "relaxed_tp": 1,
                                                    "strict_tp": 1}


def test_participant_through_unmatched_entity_does_not_count() -> None:
    system = perfect()
    putin = system["entities"][1]
    putin.update(kb_id=None, name=None, mentions=[{"start": 0, "end": 4, "text": "بوتن"}])
    res = score(system)
    assert res.scores.entities.tp == 5
    # v1 (putin as target) and v2 (putin as actor) lose their gold participant
    assert res.scores.events_relaxed.tp == 1 and res.missed_events == [0, 1]


def test_attribution_accuracy() -> None:
    system = perfect()
    system["entities"].append(ent("e7", "تاس", etype="ORG"))  # matches no gold entity
    system["events"][0]["attributed_to"] = ["e7"]  # gold: stated by the article itself
    system["events"][1]["attributed_to"] = ["e4", "e2"]  # gold: the Kremlin only
    sc = score(system).scores
    assert (sc.attribution.hit, sc.attribution.total) == (1, 3)
    assert sc.events_strict.tp == 3  # attribution is not part of strict


def test_duplicate_system_event_is_a_false_positive() -> None:
    system = perfect()
    dup = copy.deepcopy(system["events"][0])
    dup["id"] = "v9"
    system["events"].insert(0, dup)
    res = score(system)
    sc = res.scores
    assert (sc.events_relaxed.tp, sc.events_relaxed.sys, sc.events_relaxed.gold) == (3, 4, 3)
    assert sc.events_relaxed.precision == 3 / 4 and sc.events_relaxed.recall == 1.0
    assert res.spurious_events == ["v1"]  # the copy came first, so it took the gold event


def test_event_matching_prefers_evidence_overlap_over_strictness() -> None:
    g = base_gold()
    g["events"] = g["events"][:1] + [
        {"type": "CONSULT", "mode": None, "actors": ["khalifa_haftar"],
         "targets": ["vladimir_putin"], "location": None, "date": None, "attributed_to": [],
         "evidence": "وقال الكرملين إن بوتين"}]
    system = perfect(g)
    # swap the evidence of the two system events: each now points at the other gold event
    ev0, ev1 = system["events"][0]["evidence"], system["events"][1]["evidence"]
    system["events"][0]["evidence"], system["events"][1]["evidence"] = ev1, ev0
    res = score(system, g)
    assert [(p.system_id, p.gold_index, p.strict) for p in res.event_pairs] == [
        ("v1", 1, False), ("v2", 0, False)]
    assert (res.scores.events_relaxed.tp, res.scores.events_strict.tp) == (2, 0)


# -------------------------------------------------------------- events with no participants

NO_PARTICIPANT_EVIDENCE = "وقال الكرملين إن بوتين أكد دعم روسيا"


def no_participant_gold() -> dict[str, Any]:
    g = base_gold()
    g["events"] = [{"type": "PROTEST", "mode": None, "actors": [], "targets": [],
                    "location": None, "date": None, "attributed_to": [],
                    "evidence": NO_PARTICIPANT_EVIDENCE}]
    return g


def evidence_at(text: str, with_offsets: bool = True) -> dict[str, Any]:
    start = ARTICLE.index(text)
    if not with_offsets:
        return {"text": text}
    return {"start": start, "end": start + len(text), "text": text}


@pytest.mark.parametrize("evidence,relaxed,overlap", [
    (evidence_at(NO_PARTICIPANT_EVIDENCE), True, 2),  # the same span
    (evidence_at("الكرملين إن بوتين"), True, 1),  # inside the gold span
    (evidence_at("وقال الكرملين إن بوتين أكد دعم روسيا لليبيا. ووصلت"), True, 1),  # around it
    (evidence_at("أكد دعم روسيا لليبيا. ووصلت قوات"), True, 1),  # partial, located by offsets
    (evidence_at("أكد دعم روسيا لليبيا. ووصلت قوات", with_offsets=False), False, 0),
    (evidence_at("الكرملين إن بوتين", with_offsets=False), True, 1),  # containment by key
    (evidence_at("ووصلت قوات روسية"), False, 0),  # elsewhere in the text
    (evidence_at("وقال الكرملين إن بوتين أكد دعم روسيا")
     | {"text": "وقال الكرملين إن بوتينْ أكد دعم روسيا"}, True, 2),  # equal by key
    (None, False, 0),
])
def test_event_without_participants_needs_evidence_overlap(
        evidence: dict[str, Any] | None, relaxed: bool, overlap: int) -> None:
    g = no_participant_gold()
    system = perfect(g)
    system["events"][0]["evidence"] = evidence
    res = score(system, g)
    assert res.scores.events_relaxed.tp == int(relaxed)
    assert res.scores.events_strict.tp == int(relaxed)
    if relaxed:
        assert res.event_pairs[0].overlap == overlap


def test_no_participant_overlap_found_in_cleaned_text() -> None:
    # gold evidence with a double space, system text where the cleaner collapsed it
    g = no_participant_gold()
    article = ARTICLE.replace("إن بوتين أكد", "إن  بوتين أكد")
    g["events"][0]["evidence"] = "وقال الكرملين إن  بوتين أكد دعم روسيا"
    system = system_from_gold(g, article)
    system["text"] = ARTICLE  # single spaces
    system["events"][0]["evidence"] = evidence_at("أكد دعم روسيا لليبيا. ووصلت")
    res = score(system, g)
    assert res.scores.events_relaxed.tp == 1 and res.event_pairs[0].overlap == 1


# --------------------------------------------------------------------------- published


@pytest.mark.parametrize("gold_pub,sys_pub,hit,stated", [
    ("2025-05-12", "2025-05-12", 1, (1, 1)),
    ("2025-05-12", "2025-05-11", 0, (0, 1)),
    ("2025-05-12", None, 0, (0, 1)),
    (None, None, 1, (0, 0)),
    (None, "2025-05-12", 0, (0, 0)),
])
def test_published(gold_pub: str | None, sys_pub: str | None, hit: int,
                   stated: tuple[int, int]) -> None:
    g = base_gold()
    g["published"] = gold_pub
    system = perfect(g)
    system["published"] = sys_pub
    sc = score(system, g).scores
    assert (sc.published.hit, sc.published.total) == (hit, 1)
    assert (sc.published_stated.hit, sc.published_stated.total) == stated


def test_published_over_documents() -> None:
    g1, g2, g3 = base_gold("a"), base_gold("b"), base_gold("c")
    g2["published"] = None
    g3["published"] = None
    s1, s2, s3 = perfect(g1), perfect(g2), perfect(g3)
    s1["doc_id"], s2["doc_id"], s3["doc_id"] = "a", "b", "c"
    s3["published"] = "2025-01-01"
    report = score_documents({"a": s1, "b": s2, "c": s3},
                             {d: gold_doc(g) for d, g in zip("abc", (g1, g2, g3), strict=True)})
    o = report.overall
    assert (o.published.hit, o.published.total) == (2, 3)
    assert (o.published_stated.hit, o.published_stated.total) == (1, 1)


# --------------------------------------------------------------------------- keep / drop


def test_keep_exact_and_by_key() -> None:
    system = perfect()
    # first keep string lost; second present only with a vowel mark added
    system["text"] = system["text"].replace("التقى المشير", "التقى").replace(
        "ووصلت قوات روسية", "ووصلت قواتٌ روسية")
    res = score(system)
    sc = res.scores
    assert (sc.keep.hit, sc.keep.total, sc.keep_exact.hit) == (1, 2, 0)
    assert sc.keep.value == 0.5 and sc.keep_exact.value == 0.0
    assert res.lost_keep == ["التقى المشير خليفة حفتر"]


def test_drop_present_exact_or_by_key() -> None:
    for furniture in ("اقرأ أيضا: أخبار أخرى", "إقرأ  أيضاً: أخبار أخرى"):
        system = perfect()
        system["text"] += "\n" + furniture
        res = score(system)
        assert (res.scores.drop.hit, res.scores.drop.total) == (0, 1)
        assert res.scores.drop.value == 0.0
        assert res.kept_drop == ["اقرأ أيضا: أخبار أخرى"]


def test_no_drop_strings_is_not_applicable() -> None:
    g = base_gold()
    g["drop"] = []
    res = score(perfect(g), g)
    assert res.scores.drop.value is None and res.scores.drop.total == 0
    report = score_documents({"doc1": perfect(g)}, {"doc1": gold_doc(g)})
    assert report.overall.drop.value is None
    assert report.to_dict()["overall"]["drop"] == {"hit": 0, "total": 0, "value": None}


def test_drop_mixed_over_documents() -> None:
    g1, g2 = base_gold("a"), base_gold("b")
    g1["drop"] = []
    s1, s2 = perfect(g1), perfect(g2)
    s1["doc_id"], s2["doc_id"] = "a", "b"
    report = score_documents({"a": s1, "b": s2}, {"a": gold_doc(g1), "b": gold_doc(g2)})
    assert (report.overall.drop.hit, report.overall.drop.total) == (1, 1)


# --------------------------------------------------------------------------- system file


def test_evaluate_from_files(tmp_path: Path) -> None:
    gold_dir = write_gold(tmp_path / "gold", [base_gold("doc1"), base_gold("doc2")])
    extra = perfect()
    extra["doc_id"] = "doc3"
    sys_path = write_system(tmp_path / "out.jsonl", [perfect(), extra])
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "doc1.txt").write_text(ARTICLE, encoding="utf-8")
    report = evaluate(sys_path, gold_dir, article_dir=arts)
    assert (report.gold_docs, report.system_docs) == (2, 2)
    assert report.missing_docs == ["doc2"] and report.ignored_docs == ["doc3"]
    assert report.overall.entities.recall == 0.5
    assert set(all_values(report.per_doc["doc1"]).values()) == {1.0}
    data = json.loads(json.dumps(report.to_dict()))
    assert data["documents"] == {"gold": 2, "system": 2, "missing": ["doc2"],
                                 "ignored": ["doc3"]}
    assert data["overall"]["entities"]["tp"] == 6
    assert data["per_doc"]["doc1"]["scores"]["events_strict"]["f1"] == 1.0
    assert data["per_doc"]["doc2"]["in_system"] is False


def test_load_system_skips_blank_lines(tmp_path: Path) -> None:
    p = tmp_path / "out.jsonl"
    p.write_text("\n" + json.dumps(perfect(), ensure_ascii=False) + "\n\n", encoding="utf-8")
    assert list(load_system(p)) == ["doc1"]


def _line(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def _broken(**top: Any) -> bytes:
    doc = perfect()
    doc.update(top)
    return _line(doc)


def _without(name: str) -> bytes:
    doc = perfect()
    del doc[name]
    return _line(doc)


def _bad_event(**changes: Any) -> bytes:
    return _line(mutate_event(0, **changes))


SYSTEM_ERRORS = [
    ("broken JSON", b'{"doc_id": "doc1", "text": ', "", "invalid JSON at column"),
    ("not an object", b"[1]", "", "expected a JSON object"),
    ("missing doc_id", _without("doc_id"), "doc_id", "missing required field"),
    ("missing text", _without("text"), "text", "missing required field"),
    ("missing entities", _without("entities"), "entities", "missing required field"),
    ("missing events", _without("events"), "events", "missing required field"),
    ("text typed", _broken(text=None), "text", "expected str"),
    ("entities typed", _broken(entities={}), "entities", "expected list"),
    ("mention text missing", _broken(entities=[{"id": "e1", "type": "PER",
                                                "mentions": [{"start": 0}]}]),
     "entities[0].mentions[0].text", "missing required field"),
    ("duplicate entity id", _broken(entities=[ent("e1"), ent("e1")]), "entities[1].id",
     "duplicate entity id"),
    ("dangling actor", _bad_event(actors=["e99"]), "events[0].actors[0]",
     "not an entity id"),
    ("dangling location", _bad_event(location="e99"), "events[0].location",
     "not an entity id"),
    ("event type missing", _bad_event(type=None), "events[0].type", "expected str"),
    ("date typed", _bad_event(date="2025-05-10"), "events[0].date", "expected dict or null"),
    ("non-UTF-8", "\u0645".encode("utf-8")[:1] + b'"', "", "not valid UTF-8"),
]


@pytest.mark.parametrize("bad,field,phrase", [c[1:] for c in SYSTEM_ERRORS],
                         ids=[c[0] for c in SYSTEM_ERRORS])
def test_load_system_errors_name_file_and_line(tmp_path: Path, bad: bytes, field: str,
                                               phrase: str) -> None:
    p = tmp_path / "out.jsonl"
    good = perfect()
    good["doc_id"] = "other"
    p.write_bytes(_line(good) + b"\n\n" + bad + b"\n")
    with pytest.raises(SystemOutputError) as info:
        load_system(p)
    err = info.value
    assert (err.path, err.line, err.field) == (str(p), 3, field)
    prefix = f"{p}:3: {field}: " if field else f"{p}:3: "
    assert str(err).startswith(prefix)
    assert phrase in str(err)


def test_load_system_duplicate_doc_id(tmp_path: Path) -> None:
    p = write_system(tmp_path / "out.jsonl", [perfect(), perfect()])
    with pytest.raises(SystemOutputError, match=r"out\.jsonl:2: doc_id: .*earlier line"):
        load_system(p)


def test_invalid_in_memory_system_doc_is_reported() -> None:
    with pytest.raises(SystemOutputError, match="<system doc1>: events: missing"):
        score(_without_dict("events"))


def _without_dict(name: str) -> dict[str, Any]:
    doc = perfect()
    del doc[name]
    return doc


# --------------------------------------------------------------------------- text key


@given(st.text(alphabet=st.sampled_from(
    list("ابتةىيأإآءؤئ ًٌٍَُِّْـ") + ["\t", "\n", "\u200f", "\u200b", "A", "b", "É", "٣", "ک"])))
def test_keyed_text_equals_match_key(text: str) -> None:
    key, index = keyed_text(text)
    assert key == match_key(text)
    assert len(index) == len(key)
    assert index == sorted(index)
    for k, i in zip(key, index, strict=True):
        # each key character comes from the source character it points at
        assert (k == " ") if text[i].isspace() else (k in match_key(text[i]))
