"""Every shared fixture of the test suite."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from redline.models import Article

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "redline" / "data" / "sample"
FOUNDING = SAMPLE_DIR / "ukraine-1000th-day.txt"


@pytest.fixture(scope="session")
def founding_path() -> Path:
    return FOUNDING


@pytest.fixture(scope="session")
def founding_text() -> str:
    return FOUNDING.read_text("utf-8")


@pytest.fixture(scope="session")
def sample_records() -> list[dict[str, Any]]:
    with open(SAMPLE_DIR / "voa_articles.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture
def sample_article(founding_text: str) -> Article:
    title, _, body = founding_text.partition("\n")
    return Article(
        id="founding",
        title=title,
        text=body,
        url=None,
        source=None,
        published=datetime(2024, 11, 19, tzinfo=UTC),
        language="en",
        origin=str(FOUNDING),
    )


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The real spaCy model with redline's gazetteer ruler, loaded once per test session."""
    from redline.nlp.load import load_pipeline
    from redline.settings import Settings

    return load_pipeline(Settings())


@pytest.fixture
def blank_nlp() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'redline.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh schema-less PostgreSQL database; .ci/run starts the server and sets REDLINE_TEST_PG_URL."""
    url = os.environ.get("REDLINE_TEST_PG_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("REDLINE_TEST_PG_URL is not set under CI: .ci/run must start PostgreSQL")
        pytest.skip("REDLINE_TEST_PG_URL not set (make test starts a throwaway server when it can)")
    import sqlalchemy as sa

    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"redline_test_{os.getpid()}_{os.urandom(3).hex()}"
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    base = url.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """Each store test runs on SQLite and on PostgreSQL (skipped when REDLINE_TEST_PG_URL is unset)."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))


@pytest.fixture
def sqlite_store(sqlite_url: str) -> Iterator[Any]:
    from redline.store import open_store

    with open_store(sqlite_url) as store:
        yield store


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Any]:
    from redline.store import open_store

    with open_store(pg_url) as store:
        yield store


@pytest.fixture(scope="session")
def context() -> Any:
    """The real pipeline context (spaCy model + gazetteers), loaded once per test session."""
    from redline.pipeline import Context
    from redline.settings import Settings

    return Context.load(Settings())


@pytest.fixture(scope="session")
def founding_brief(context: Any, founding_text: str) -> Any:
    from redline.models import RawDocument
    from redline.pipeline import run_one

    title, _, body = founding_text.partition("\n")
    raw = RawDocument(origin=str(FOUNDING), text=body, title=title, published="2024-11-19")
    return run_one(raw, context)


@pytest.fixture(scope="session")
def sample_briefs(context: Any, sample_records: list[dict[str, Any]]) -> list[Any]:
    """Briefs of all 22 bundled sample articles."""
    from redline.models import RawDocument
    from redline.pipeline import run_one

    return [
        run_one(RawDocument(origin=r["id"], text=r["text"], title=r["title"], url=r["url"],
                            published=r["published"], source=r["source"]), context)
        for r in sample_records
    ]


EVAL_SETS = ("tests/data/plover_gsr_dev.jsonl", "tests/data/petrarch2_unittest.jsonl", "tests/gold")


@pytest.fixture(scope="session")
def eval_results(context: Any) -> dict[str, Any]:
    """Every evaluation set through the pipeline once per session, by dataset name."""
    from redline.eval import evaluate

    results = [evaluate(ROOT / path, context) for path in EVAL_SETS]
    return {r.name: r for r in results}


@pytest.fixture(scope="session")
def gold_floors() -> dict[str, Any]:
    from redline.eval import load_floors

    return load_floors(ROOT / "tests" / "gold_floors.json")
