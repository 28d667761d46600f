"""The held-out protocol (docs/annotation.md, "Scoring"), the scorer's default.

Every case is a small invented article: gold and system dicts built here, each figure the
one the protocol's text implies.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.cli import EVAL_PROTOCOLS, main
from marsad.eval.gold import parse_gold
from marsad.eval.heldout import fold_key, key_variants, max_matching
from marsad.eval.report import format_report
from marsad.eval.scorer import PROTOCOLS, DocResult, score_document, score_documents
from tests.eval.eval_helpers import write_gold, write_system

TEXT = "نص مقال مخترع للاختبار"

# gold entities of the invented article: key -> (type, aliases)
ENTITIES: dict[str, tuple[str, list[str]]] = {
    "sami_haddad": ("PER", ["سامي حداد"]),
    "nour_khalil": ("PER", ["نور خليل"]),
    "rami_azar": ("PER", ["رامي عازار"]),
    "wadi_party": ("ORG", ["حزب الوادي"]),
    "baghdad": ("GPE", ["بغداد"]),
    "khartoum": ("GPE", ["الخرطوم"]),
}


def gold_dict(events: list[dict[str, Any]], *, published: str | None = "2024-03-09",
              keep: list[str] | None = None, drop: list[str] | None = None,
              doc_id: str = "d1") -> dict[str, Any]:
    ents = [{"key": k, "name_en": k.replace("_", " ").title(), "type": t, "aliases": a}
            for k, (t, a) in ENTITIES.items()]
    return {"doc_id": doc_id, "published": published, "entities": ents, "events": events,
            "keep": keep or [], "drop": drop or []}


def gev(etype: str, actors: list[str], targets: tuple[str, ...] | list[str] = (),
        location: str | None = None, date: Any = None) -> dict[str, Any]:
    return {"type": etype, "mode": None, "actors": actors, "targets": list(targets),
            "location": location, "date": date, "attributed_to": [], "evidence": "نص"}


def sent(key: str, *, kb: bool = True) -> dict[str, Any]:
    """A system entity for a gold key: id = key, one mention per gold alias."""
    etype, aliases = ENTITIES[key]
    return {"id": key, "kb_id": key if kb else None, "type": etype, "name": aliases[0],
            "mentions": [{"start": 0, "end": len(a), "text": a} for a in aliases]}


def sev(etype: str, actors: list[str], targets: tuple[str, ...] | list[str] = (),
        location: str | None = None, date: tuple[str, str] | None = None,
        eid: str = "") -> dict[str, Any]:
    return {"id": eid or None, "type": etype, "actors": actors, "targets": list(targets),
            "location": location, "attributed_to": [],
            "date": None if date is None else {"start": date[0], "end": date[1], "text": ""}}


def system(events: list[dict[str, Any]], entities: list[dict[str, Any]] | None = None, *,
           text: str = TEXT, published: str | None = "2024-03-09",
           doc_id: str = "d1") -> dict[str, Any]:
    ents = [sent(k) for k in ENTITIES] if entities is None else entities
    for i, ev in enumerate(events):
        ev["id"] = ev["id"] or f"v{i}"
    return {"doc_id": doc_id, "text": text, "published": published, "entities": ents,
            "events": events}


def score(sys_doc: dict[str, Any], gold: dict[str, Any], **kw: Any) -> DocResult:
    return score_document(parse_gold(gold, "d1.json", doc_id=gold["doc_id"]), sys_doc, **kw)


def counts(res: DocResult, name: str) -> tuple[int, int, int]:
    prf = getattr(res.scores, name)
    return prf.tp, prf.sys, prf.gold


def pairs(res: DocResult) -> list[tuple[str, int]]:
    return [(p.system_id, p.gold_index) for p in res.event_pairs]


# --------------------------------------------------------------------------- relaxed


@pytest.mark.parametrize("gold_parts,sys_parts,relaxed,allpart", [
    (["sami_haddad", "nour_khalil", "rami_azar"], ["sami_haddad", "nour_khalil"], 1, 0),
    (["sami_haddad", "nour_khalil", "rami_azar"], ["sami_haddad"], 0, 0),
    (["sami_haddad", "nour_khalil"], ["nour_khalil", "sami_haddad"], 1, 1),
    (["sami_haddad", "nour_khalil"], ["sami_haddad", "rami_azar"], 0, 0),
    (["sami_haddad"], ["sami_haddad", "rami_azar"], 1, 1),
    (["sami_haddad"], ["rami_azar"], 0, 0),
], ids=["2 of 3", "1 of 3", "2 of 2", "1 of 2", "1 of 1", "0 of 1"])
def test_min_two_participants_rule(gold_parts: list[str], sys_parts: list[str],
                                   relaxed: int, allpart: int) -> None:
    g = gold_dict([gev("CONSULT", gold_parts[:1], gold_parts[1:])])
    res = score(system([sev("CONSULT", sys_parts[:1], sys_parts[1:])]), g)
    assert counts(res, "events_relaxed") == (relaxed, 1, 1)
    assert counts(res, "events_allpart") == (allpart, 1, 1)
    # the earlier protocol needs every gold participant
    old = score(system([sev("CONSULT", sys_parts[:1], sys_parts[1:])]), g,
                protocol="all-participants")
    assert counts(old, "events_relaxed") == (allpart, 1, 1)


def test_gold_event_without_participants_matches_any_event_of_its_type() -> None:
    g = gold_dict([gev("PROTEST", [])])
    res = score(system([sev("ASSAULT", []), sev("PROTEST", ["wadi_party"])]), g)
    assert counts(res, "events_relaxed") == (1, 2, 1)
    assert pairs(res) == [("v1", 0)]
    assert res.spurious_events == ["v0"]
    # under the earlier protocol the evidence had to overlap ("نص" is not the system's)
    old = score(system([sev("PROTEST", ["wadi_party"])]), g, protocol="all-participants")
    assert counts(old, "events_relaxed") == (0, 1, 1)


def test_unmapped_participant_does_not_count() -> None:
    stranger = {"id": "x", "kb_id": None, "type": "PER", "name": None,
                "mentions": [{"start": 0, "end": 7, "text": "عمر سعيد"}]}
    g = gold_dict([gev("ACCUSE", ["sami_haddad"], ["nour_khalil"])])
    res = score(system([sev("ACCUSE", ["sami_haddad"], ["x"])],
                       [sent("sami_haddad"), sent("nour_khalil"), stranger]), g)
    assert counts(res, "events_relaxed") == (0, 1, 1)
    assert counts(res, "entities") == (2, 3, 6)  # TP 2 keys found, FP 1 (x)


# --------------------------------------------------------------------------- pairing


def test_largest_matching_recovers_what_greedy_pairing_loses() -> None:
    """v0 shares 3 with gold 0 and 2 with gold 1; v1 can only take gold 0 (2 shared).
    Greedy by shared participants takes v0-gold0 first and leaves v1 unpaired (1 pair);
    the augmenting path v1-gold0, v0-gold1 pairs both."""
    three = ["sami_haddad", "nour_khalil", "rami_azar"]
    g = gold_dict([gev("AGREE", three), gev("AGREE", ["sami_haddad", "rami_azar"])])
    res = score(system([sev("AGREE", three), sev("AGREE", ["sami_haddad", "nour_khalil"])]), g)
    assert counts(res, "events_relaxed") == (2, 2, 2)
    assert pairs(res) == [("v0", 1), ("v1", 0)]
    assert [p.shared for p in res.event_pairs] == [2, 2]


def test_largest_matching_where_first_come_pairing_loses() -> None:
    """Both system events can take gold 0 and only v0 can take gold 1; the earlier
    protocol pairs first come first served (v0-gold0) and loses v1."""
    g = gold_dict([gev("AGREE", ["sami_haddad"]), gev("AGREE", ["nour_khalil"])])
    sys_doc = system([sev("AGREE", ["sami_haddad", "nour_khalil"]), sev("AGREE", ["sami_haddad"])])
    assert pairs(score(sys_doc, g)) == [("v0", 1), ("v1", 0)]
    old = score(sys_doc, g, protocol="all-participants")
    assert counts(old, "events_relaxed") == (1, 2, 2)
    assert pairs(old) == [("v0", 0)]


def test_pairing_prefers_more_shared_participants() -> None:
    three = ["sami_haddad", "nour_khalil", "rami_azar"]
    two = ["sami_haddad", "nour_khalil"]
    # one system event, two candidates: the one sharing three wins even when listed last
    g = gold_dict([gev("AGREE", two), gev("AGREE", three)])
    res = score(system([sev("AGREE", three)]), g)
    assert pairs(res) == [("v0", 1)] and res.event_pairs[0].shared == 3
    # two maximum matchings: {v0-g0 (2), v1-g1 (2)} = 4 shared, {v0-g1, v1-g0} = 5 shared
    g = gold_dict([gev("AGREE", three), gev("AGREE", two)])
    res = score(system([sev("AGREE", two), sev("AGREE", three)]), g)
    assert pairs(res) == [("v0", 1), ("v1", 0)]
    assert [p.shared for p in res.event_pairs] == [2, 3]


def test_strict_pair_breaks_a_tie_in_shared_participants() -> None:
    two = ["sami_haddad", "nour_khalil"]
    g = gold_dict([gev("COOPERATE", two[:1], two[1:], location="baghdad")])
    res = score(system([sev("COOPERATE", two[:1], two[1:], location="khartoum"),
                        sev("COOPERATE", two[:1], two[1:], location="baghdad")]), g)
    assert pairs(res) == [("v1", 0)]
    assert counts(res, "events_strict") == (1, 2, 1)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.tuples(st.integers(0, 3), st.integers(0, 3)), st.integers(0, 9),
                       max_size=10))
def test_max_matching_is_largest_then_heaviest(weights: dict[tuple[int, int], int]) -> None:
    match = max_matching(weights)
    assert len(set(match.values())) == len(match)
    assert all((si, gi) in weights for si, gi in match.items())
    best = (0, 0)
    for size in range(len(weights), 0, -1):
        for combo in itertools.combinations(weights, size):
            if len({s for s, _ in combo}) == len({g for _, g in combo}) == size:
                best = max(best, (size, sum(weights[e] for e in combo)))
        if best[0]:
            break
    assert (len(match), sum(weights[e] for e in match.items())) == best
    assert max_matching(weights) == match  # deterministic


# --------------------------------------------------------------------------- strict


@pytest.mark.parametrize("gold_ev,sys_ev,strict", [
    (gev("ACCUSE", ["sami_haddad"], ["nour_khalil"]),
     sev("ACCUSE", ["nour_khalil"], ["sami_haddad"]), 0),  # sides swapped
    (gev("CONSULT", ["sami_haddad"], ["nour_khalil"]),
     sev("CONSULT", ["nour_khalil"], ["sami_haddad"]), 1),  # a meeting's sides act alike
    (gev("AGREE", ["sami_haddad", "nour_khalil"]),
     sev("AGREE", ["sami_haddad"], ["nour_khalil"]), 1),
    (gev("ACCUSE", ["sami_haddad"], ["nour_khalil"]),
     sev("ACCUSE", ["sami_haddad", "rami_azar"], ["nour_khalil"]), 0),  # an extra actor
    (gev("ACCUSE", ["sami_haddad"], ["nour_khalil", "rami_azar"]),
     sev("ACCUSE", ["sami_haddad"], ["nour_khalil"]), 1),  # targets are not compared
    (gev("SUPPORT", ["sami_haddad"], ["nour_khalil"]),
     sev("SUPPORT", ["sami_haddad"], ["nour_khalil"], location="baghdad"), 1),
    (gev("SUPPORT", ["sami_haddad"], ["nour_khalil"], location="baghdad"),
     sev("SUPPORT", ["sami_haddad"], ["nour_khalil"], location="khartoum"), 0),
    (gev("SUPPORT", ["sami_haddad"], ["nour_khalil"], location="baghdad"),
     sev("SUPPORT", ["sami_haddad"], ["nour_khalil"]), 0),
    (gev("SUPPORT", ["sami_haddad"], ["nour_khalil"]),
     sev("SUPPORT", ["sami_haddad"], ["nour_khalil"], date=("2024-03-01", "2024-03-01")), 1),
    (gev("SUPPORT", ["sami_haddad"], ["nour_khalil"], date="2024-03-05"),
     sev("SUPPORT", ["sami_haddad"], ["nour_khalil"], date=("2024-03-01", "2024-03-31")), 1),
    (gev("SUPPORT", ["sami_haddad"], ["nour_khalil"],
         date={"from": "2024-03-21", "to": "2024-03-31"}),
     sev("SUPPORT", ["sami_haddad"], ["nour_khalil"], date=("2024-03-31", "2024-04-02")), 1),
    (gev("SUPPORT", ["sami_haddad"], ["nour_khalil"], date="2024-03-05"),
     sev("SUPPORT", ["sami_haddad"], ["nour_khalil"], date=("2024-03-06", "2024-03-09")), 0),
    (gev("SUPPORT", ["sami_haddad"], ["nour_khalil"], date="2024-03-05"),
     sev("SUPPORT", ["sami_haddad"], ["nour_khalil"]), 0),
], ids=["swapped", "meeting swapped", "agreement as actor+target", "extra actor",
        "target missing", "place, gold none", "other place", "no place", "date, gold none",
        "day in range", "ranges touch", "disjoint", "no date"])
def test_strict_rules(gold_ev: dict[str, Any], sys_ev: dict[str, Any], strict: int) -> None:
    res = score(system([sys_ev]), gold_dict([gold_ev]))
    assert counts(res, "events_relaxed") == (1, 1, 1)
    assert counts(res, "events_strict") == (strict, 1, 1)


# --------------------------------------------------------------------------- entities


def mentions(eid: str, *texts: str, kb_id: str | None = None,
             etype: str = "PER") -> dict[str, Any]:
    return {"id": eid, "kb_id": kb_id, "type": etype, "name": None,
            "mentions": [{"start": 0, "end": len(t), "text": t} for t in texts]}


@pytest.mark.parametrize("texts,kb_id,expected", [
    (["سامي حداد", "سامي حداد"], "nour_khalil", "nour_khalil"),  # 5 votes beat 2
    (["نور خليل"] * 4, "sami_haddad", "sami_haddad"),  # 5 beat 4
    (["نور خليل"] * 6, "sami_haddad", "nour_khalil"),  # 6 beat 5
    (["نور خليل"] * 5, "rami_azar", "nour_khalil"),  # 5 against 5: first in gold order
    (["سامي حداد", "نور خليل", "نور خليل"], None, "nour_khalil"),
    (["سامي حداد", "نور خليل"], None, "sami_haddad"),  # a tie: first in gold order
    (["عمر سعيد"], "rami_azar", "rami_azar"),  # the kb_id alone
    (["Nour Khalil"], None, "nour_khalil"),  # the English name
    (["عمر سعيد"], None, None),
])
def test_entity_votes(texts: list[str], kb_id: str | None, expected: str | None) -> None:
    res = score(system([], [mentions("x", *texts, kb_id=kb_id)]), gold_dict([]))
    assert res.entity_pairs == ([("x", expected)] if expected else [])
    assert counts(res, "entities") == ((1, 1, 6) if expected else (0, 1, 6))


def test_entity_counts_keys_found_not_system_entities() -> None:
    ents = [mentions("a", "سامي حداد"), mentions("b", "سامي"), mentions("c", "حداد سامي"),
            mentions("d", "نور خليل", etype="ORG"), mentions("e", "سامي حداد", etype="GPE")]
    res = score(system([], ents), gold_dict([]))
    # a and e find sami_haddad, d finds nour_khalil: 2 keys; b and c map to nothing (FP)
    assert counts(res, "entities") == (2, 4, 6)
    assert res.spurious_entities == ["b", "c"]
    # typed: d (ORG for a PER) and e (GPE for a PER) count as mapping to no key
    assert counts(res, "entities_typed") == (1, 5, 6)
    per = res.scores.entity_types
    # PER: sami_haddad found typed, b and c are PER entities mapping to no key
    assert (per["PER"].tp, per["PER"].sys, per["PER"].gold) == (1, 3, 3)
    assert (per["ORG"].tp, per["ORG"].sys, per["GPE"].sys) == (0, 1, 1)


@pytest.mark.parametrize("mention,alias,match", [
    ("وبغداد", "بغداد", True),  # one leading clitic
    ("فبغداد", "بغداد", True),
    ("للخرطوم", "الخرطوم", True),  # لل on one side, ال on the other
    ("والخرطوم", "الخرطوم", True),  # clitic, then the article
    ("بالخرطوم", "خرطوم", True),
    ("الخرطوم", "خرطوم", True),  # the article stripped on the gold side's partner
    ("وبالخرطوم", "الخرطوم", False),  # only one clitic is stripped
    ("حزب الوادي", "حزب الوادى", True),  # ى → ي
    ("جبهة الوادي", "جبهه الوادي", True),  # ة → ه
    ("إسطنبول", "اسطنبول", True),  # alef forms
    ("آمنة", "امنه", True),
    ("بَغْدَادُ", "بغداد", True),  # diacritics
    ("«حزب الوادي»", "حزب الوادي", True),  # quotes
    ("\"حزب الوادي\"", "حزب الوادي", True),
    ("(حزب الوادي)", "حزب الوادي", True),  # brackets
    ("[حزب] الوادي", "حزب الوادي", True),
    ("رئيس", "رييس", False),  # ئ is not folded by the protocol
    # the rule strips a leading ب even where it is a root letter: the protocol's rule,
    # not a clitic analysis; but a strip always leaves two letters
    ("بغداد", "غداد", True),
    ("بل", "ل", False),
])
def test_folding_rules(mention: str, alias: str, match: bool) -> None:
    assert bool(key_variants(mention) & key_variants(alias)) is match


def test_fold_key_keeps_words_and_drops_marks() -> None:
    assert fold_key(" «القاهرةُ»  (الكبرى) ") == "القاهره الكبري"


def test_folded_mention_maps_in_a_document() -> None:
    res = score(system([], [mentions("a", "للخرطوم", "والخرطوم", etype="GPE"),
                            mentions("b", "«حزب الوادى»", etype="ORG")]), gold_dict([]))
    assert res.entity_pairs == [("a", "khartoum"), ("b", "wadi_party")]
    assert counts(res, "entities_typed") == (2, 2, 6)


# --------------------------------------------------------------------------- document level


def test_published_over_stated_dates_only() -> None:
    golds = {d: parse_gold(gold_dict([], published=p, doc_id=d), f"{d}.json", doc_id=d)
             for d, p in (("a", "2024-03-09"), ("b", "2024-03-09"), ("c", None))}
    systems = {"a": system([], doc_id="a", published="2024-03-09"),
               "b": system([], doc_id="b", published="2024-03-10"),
               "c": system([], doc_id="c", published="2024-03-09")}
    report = score_documents(systems, golds)
    o = report.overall
    assert (o.published_stated.hit, o.published_stated.total) == (1, 2)
    assert "published    acc 0.500 (1/2 stated; 1/3 overall)" in format_report(
        report, per_doc=False).splitlines()


def test_keep_and_drop_are_exact() -> None:
    text = "أعلن حزب الوادى دعمه. تابعونا على المنصات"
    g = gold_dict([], keep=["حزب الوادى", "حزب الوادي"], drop=["تابعونا على المنصات",
                                                             "تابعونا على المنصّات"])
    sc = score(system([], text=text), g).scores
    assert (sc.keep.hit, sc.keep.total) == (1, 2)  # ى ≠ ي: the key alone does not keep it
    assert (sc.drop.hit, sc.drop.total) == (1, 2)  # with a shadda it is not in the text
    old = score(system([], text=text), g, protocol="all-participants").scores
    assert (old.keep.hit, old.drop.hit) == (2, 0)


def test_event_date_recall() -> None:
    g = gold_dict([
        gev("SUPPORT", ["sami_haddad"], ["nour_khalil"], date="2024-03-05"),
        gev("ACCUSE", ["sami_haddad"], ["nour_khalil"], date="2024-03-05"),
        gev("REJECT", ["sami_haddad"], ["nour_khalil"], date="2024-03-05"),
        gev("AID", ["sami_haddad"], ["nour_khalil"]),
    ])
    res = score(system([
        sev("SUPPORT", ["sami_haddad"], ["nour_khalil"], date=("2024-03-01", "2024-03-31")),
        sev("ACCUSE", ["sami_haddad"], ["nour_khalil"], date=("2024-03-06", "2024-03-06")),
        sev("AID", ["sami_haddad"], ["nour_khalil"], date=("2024-03-06", "2024-03-06")),
    ]), g)
    # dated gold: SUPPORT paired and overlapping, ACCUSE paired but not, REJECT unpaired
    r = res.scores.event_date_recall
    assert (r.hit, r.total) == (1, 3)
    assert counts(res, "events_relaxed") == (3, 3, 4)


# --------------------------------------------------------------------------- CLI


def test_cli_protocol_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert EVAL_PROTOCOLS == PROTOCOLS
    g = gold_dict([gev("PROTEST", [])])
    gold_dir = write_gold(tmp_path / "gold", [g])
    sys_path = write_system(tmp_path / "out.jsonl", [system([sev("PROTEST", ["wadi_party"])])])
    capsys.readouterr()
    figures = {}
    for protocol in (None, *PROTOCOLS):
        args = ["eval", str(sys_path), str(gold_dir), "--json"]
        assert main(args + (["--protocol", protocol] if protocol else [])) == 0
        data = json.loads(capsys.readouterr().out)
        figures[protocol] = (data["protocol"], data["overall"]["events_relaxed"]["tp"])
    assert figures == {None: ("heldout", 1), "heldout": ("heldout", 1),
                       "all-participants": ("all-participants", 0)}
    assert main(["eval", str(sys_path), str(gold_dir), "--per-doc"]) == 0
    assert "events allpt P 1.000  R 1.000  F1 1.000   (TP 1 / sys 1 / gold 1)" in (
        capsys.readouterr().out.splitlines())
