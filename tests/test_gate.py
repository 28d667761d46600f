"""The evaluation gate: extract + eval on the bundled demo corpus (always) and on the shared
seed corpus (when present) must not fall below the pinned scores.

A change that lowers a score must lower its pin here, in the same commit, and say why in
CHANGELOG.md; raise the pins when a change raises the scores.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.cli import DEMO_DIR, main
from marsad.eval.scorer import evaluate

from .conftest import FIXTURES, SEEDS, SEEDS_GOLD

# Scores under the held-out protocol, evaluate's default (docs/annotation.md, "Scoring");
# under the earlier all-participants scorer the event pins were demo .30/.11, seeds
# .75/.51, event-set .75/.55.
# Filing-place datelines (text/filing.py): a city named only in a dateline ("الرباط –") is
# no entity (docs/annotation.md, Conventions: "Not entities … datelines"). The team's golds
# were corrected to that convention (21 entries in the NER set, event set and demo); the
# shared seed gold still lists London of seed 001's "لندن-", hence seeds .982 -> .979.
# Session 8 (after the speech-act, material-act, CONSULT and NER work): demo .433/.258,
# seeds .810/.569, event set .814/.704; pins raised to keep those gains.
PINNED = {
    "demo": {"entities": 0.95, "entities_typed": 0.95, "events_relaxed": 0.42,
             "events_strict": 0.25, "keep": 1.0, "drop": 1.0, "published": 1.0},
    "seeds": {"entities": 0.98, "entities_typed": 0.97, "events_relaxed": 0.80,
              "events_strict": 0.56, "keep": 1.0, "drop": 1.0, "published": 1.0},
    # team-made sets of other topics: names the knowledge base does not hold, and
    # event constructions of all sixteen PLOVER types
    "ner-set": {"entities": 0.90, "entities_typed": 0.88, "published": 1.0},
    "event-set": {"entities": 0.97, "events_relaxed": 0.80, "events_strict": 0.69,
                  "published": 1.0},
}


def _scores(corpus: Path, gold: Path, tmp_path: Path) -> dict[str, float]:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(corpus), "-o", str(out)]) == 0
    o = evaluate(out, gold).overall
    return {"entities": o.entities.f1, "entities_typed": o.entities_typed.f1,
            "events_relaxed": o.events_relaxed.f1, "events_strict": o.events_strict.f1,
            "keep": o.keep.value or 0.0,
            "drop": o.drop.value or 0.0, "published": o.published.value or 0.0}


def _check(name: str, scores: dict[str, float]) -> None:
    low = {k: (round(v, 3), PINNED[name][k]) for k, v in scores.items()
           if k in PINNED[name] and v + 1e-9 < PINNED[name][k]}
    assert not low, f"{name}: scores below their pins (score, pin): {low}"


def test_demo_corpus_gate(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura", reason="the demo corpus has an HTML article: the pins "
                        "are for the full install ('html' extra)")
    _check("demo", _scores(DEMO_DIR, FIXTURES / "demo-gold", tmp_path))


def test_ner_set_gate(tmp_path: Path) -> None:
    _check("ner-set", _scores(FIXTURES / "ner-set", FIXTURES / "ner-set", tmp_path))


def test_event_set_gate(tmp_path: Path) -> None:
    sets = FIXTURES / "event-set"
    _check("event-set", _scores(sets / "articles", sets / "gold", tmp_path))


def test_seed_corpus_gate(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("the shared seed corpus is not present (../shared/corpus)")
    _check("seeds", _scores(SEEDS, SEEDS_GOLD, tmp_path))
