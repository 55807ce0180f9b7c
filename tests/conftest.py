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


def _wire_copy(record: dict[str, Any], site: str) -> dict[str, Any]:
    """The same story as another site runs it: own intro and credit line, last two sentences cut."""
    sentences = record["text"].split(". ")
    text = f"From our wire desk. {'. '.join(sentences[:-2])}. Reporting by {site} staff with wire services."
    return {**record, "url": f"https://{site}/world/{record['id']}", "text": text}


@pytest.fixture(scope="session")
def ingest_corpus(tmp_path_factory: pytest.TempPathFactory, sample_records: list[dict[str, Any]]) -> list[Path]:
    """About 60 documents in three files: 22 sample + 36 voa_more stories, one exact duplicate (same URL),
    one wire copy of a story on another site (a near-duplicate), one record with empty text (a skip) and the
    founding example as a .txt file."""
    more = [json.loads(line) for line in (ROOT / "tests" / "data" / "voa_more.jsonl").read_text("utf-8").splitlines()]
    folder = tmp_path_factory.mktemp("corpus")
    first = folder / "sample.jsonl"
    second = folder / "more.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in sample_records), "utf-8")
    records = more[:36] + [sample_records[3], _wire_copy(more[5], "wire.example.net"), {**more[36], "text": " "}]
    second.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    founding = folder / "founding.txt"
    founding.write_text(FOUNDING.read_text("utf-8"), "utf-8")
    return [first, second, founding]


@pytest.fixture(scope="session")
def ingested_corpus(ingest_corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """``ingest_corpus`` ingested once, uninterrupted, in this process into SQLite: url, report, outcomes.

    The reference the interrupted and concurrent runs are compared with; tests must not write to it.
    """
    from functools import partial

    from redline.intake import ingest
    from redline.settings import Settings
    from redline.sources import read
    from redline.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('ingested') / 'reference.db'}"
    outcomes: list[Any] = []
    with open_store(url) as store:
        report = ingest([str(p) for p in ingest_corpus], store, Settings(), read=partial(read),
                        on_outcome=lambda outcome, _report: outcomes.append(outcome))
    return {"url": url, "report": report, "outcomes": outcomes}
