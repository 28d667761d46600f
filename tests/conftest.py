"""Shared fixtures. Tests that read ../shared skip cleanly where it is absent (a user's clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
SEEDS = SHARED / "seeds"
SEEDS_GOLD = SHARED / "seeds-gold"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not SEEDS_GOLD.is_dir():
        pytest.skip("the shared seed corpus is not present (../shared/corpus)")
    return SEEDS


@pytest.fixture(scope="session")
def pipeline():
    from marsad.pipeline import Pipeline

    p = Pipeline()
    p.warm_up()
    return p
