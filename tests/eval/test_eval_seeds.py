"""The scorer against the real seed corpus: output built from the gold scores 1.0.

Skipped when the shared corpus is not next to the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.eval.gold import load_gold_dir
from marsad.eval.report import format_report
from marsad.eval.scorer import evaluate, score_documents
from tests.eval.eval_helpers import system_from_gold, write_system

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
GOLD = CORPUS / "seeds-gold"
ARTICLES = CORPUS / "seeds"

pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason="shared seed corpus not available")


def _systems() -> list[dict[str, object]]:
    out = []
    for f in sorted(GOLD.glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        article = (ARTICLES / f"{f.stem}.txt").read_text(encoding="utf-8")
        out.append(system_from_gold(gold, article))
    return out


def test_seed_gold_validates_against_articles() -> None:
    docs = load_gold_dir(GOLD, article_dir=ARTICLES)
    assert len(docs) == 5
    assert sum(len(d.entities) for d in docs.values()) == 168  # corpus README counts
    assert sum(len(d.events) for d in docs.values()) == 57


def test_gold_built_output_scores_one_everywhere(tmp_path: Path) -> None:
    out = write_system(tmp_path / "seeds.jsonl", _systems())
    report = evaluate(out, GOLD, article_dir=ARTICLES)
    assert report.missing_docs == [] and report.ignored_docs == []
    o = report.overall
    for prf in (o.entities, o.entities_typed, o.events_relaxed, o.events_strict):
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)
    for ratio in (o.attribution, o.date, o.location, o.direction, o.published,
                  o.published_stated, o.keep, o.keep_exact, o.drop):
        assert ratio.value == 1.0
    assert (o.entities.tp, o.events_strict.tp, o.drop.total) == (168, 57, 15)
    for t, tc in o.event_types.items():
        assert tc.gold == tc.sys == tc.relaxed_tp == tc.strict_tp, t
    for res in report.per_doc.values():
        assert res.missed_entities == [] and res.missed_events == []
        assert res.lost_keep == [] and res.kept_drop == []
    assert "F1 1.000" in format_report(report, per_doc=True)


def test_gold_built_output_without_kb_ids_still_scores_one() -> None:
    # surface matching alone must pair every entity with its own gold entity
    systems = _systems()
    for s in systems:
        for e in s["entities"]:  # type: ignore[attr-defined]
            e["kb_id"] = None
    report = score_documents({s["doc_id"]: s for s in systems},  # type: ignore[misc]
                             load_gold_dir(GOLD))
    o = report.overall
    assert (o.entities.f1, o.entities_typed.f1, o.events_strict.f1) == (1.0, 1.0, 1.0)
    assert o.attribution.value == 1.0
