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


# -- the store backends ----------------------------------------------------------------------
# Store tests run against SQLite always and against PostgreSQL when MARSAD_TEST_PG_URL names a
# server (`.ci/run` starts a throwaway one); each PostgreSQL test gets a schema of its own.
PG_URL_ENV = "MARSAD_TEST_PG_URL"


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    import os

    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(f"PostgreSQL store tests need a server: set {PG_URL_ENV} (.ci/run does)")
    try:
        import psycopg
    except ImportError:
        pytest.skip("PostgreSQL store tests need psycopg: pip install -e '.[test]'")
    try:
        psycopg.connect(url, autocommit=True, connect_timeout=5).close()
    except psycopg.Error as e:
        pytest.skip(f"the PostgreSQL server at {PG_URL_ENV} is not reachable: {e}")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        request.getfixturevalue("pg_server_url")
    return str(request.param)


@pytest.fixture()
def db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest):
    """A factory: ``db_url("name")`` is a new, empty store location of the backend under test
    (a SQLite file in tmp_path, or a fresh PostgreSQL schema dropped after the test)."""
    from uuid import uuid4

    schemas: list[str] = []

    def make(name: str = "m") -> str:
        if backend == "sqlite":
            return str(tmp_path / f"{name}.db")
        import psycopg

        server = request.getfixturevalue("pg_server_url")
        schema = f"t_{name}_{uuid4().hex[:10]}"
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        schemas.append(schema)
        sep = "&" if "?" in server else "?"
        return f"{server}{sep}options=-csearch_path%3D{schema}"

    yield make
    if schemas:
        import psycopg

        with psycopg.connect(request.getfixturevalue("pg_server_url"), autocommit=True) as c:
            for schema in schemas:
                c.execute(f'DROP SCHEMA "{schema}" CASCADE')
