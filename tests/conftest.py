"""Every shared fixture of the test suite."""

from __future__ import annotations

import contextlib
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


XSS_PAYLOADS = (
    '<script>alert("xss-script")</script>',
    '<img src=x onerror=alert("xss-img")>',
    '"><svg onload=alert("xss-svg")>',
    "</textarea><iframe src=javascript:alert('xss-iframe')></iframe>",
    "{{ 7*7 }} {% raw %}jinja{% endraw %}",
)
API_TOKEN = "test-token-5f2c"


def _xss_briefs(context: Any) -> list[Any]:
    """Briefs of articles whose title and text carry XSS payloads around a real conflict sentence."""
    from redline.models import RawDocument
    from redline.pipeline import run_one

    out = []
    for i, payload in enumerate(XSS_PAYLOADS):
        text = (f"Russian forces struck Kharkiv with missiles on Tuesday, Ukrainian officials said. {payload} "
                "The Kremlin warned that any strike on Russian territory would draw a tangible response.")
        raw = RawDocument(origin=f"xss-{i}", text=text, title=f"XSS test {i} {payload}", published="2024-11-20")
        out.append(run_one(raw, context))
    return out


def _seed(url: str, briefs: list[Any]) -> None:
    from redline.models import Brief
    from redline.store import open_store

    with open_store(url) as store:
        for brief in briefs:
            assert isinstance(brief, Brief), brief
            store.save_brief(brief)


@contextlib.contextmanager
def _uvicorn(app: Any) -> Iterator[str]:
    """A real uvicorn server for ``app`` on a free 127.0.0.1 port, in a thread; yields its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 20 s")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="session")
def web_store_url(tmp_path_factory: pytest.TempPathFactory, context: Any, sample_briefs: list[Any],
                  founding_brief: Any) -> str:
    """A SQLite store seeded with the sample corpus, the founding example and articles carrying XSS payloads."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    _seed(url, [*sample_briefs, founding_brief, *_xss_briefs(context)])
    return url


@pytest.fixture(scope="session")
def web_server(web_store_url: str, context: Any) -> Iterator[str]:
    """`redline serve`'s app over the seeded store, on a real uvicorn server; yields the base URL."""
    from redline.settings import Settings
    from redline.store import open_store
    from redline.web.app import create_app

    settings = Settings(api_token=API_TOKEN, max_request_bytes=200_000, db=web_store_url)
    with open_store(web_store_url) as store, _uvicorn(create_app(settings, store, context=context)) as url:
        yield url


@pytest.fixture(scope="session")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory, context: Any, sample_briefs: list[Any]) -> Iterator[str]:
    """A second server over its own seeded store, for property-based runs that write."""
    from redline.settings import Settings
    from redline.store import open_store
    from redline.web.app import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    _seed(url, sample_briefs[:6])
    settings = Settings(api_token=API_TOKEN, max_request_bytes=200_000, db=url)
    with open_store(url) as store, _uvicorn(create_app(settings, store, context=context)) as base:
        yield base


@pytest.fixture(scope="session")
def fuzz_schema(fuzz_server: str) -> Any:
    import schemathesis

    return schemathesis.openapi.from_url(f"{fuzz_server}/api/v1/openapi.json")


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright (.ci/run installs it; never `playwright install`)."""
    if not Path("/usr/bin/chromium").exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing under CI: .ci/run must install Debian's chromium")
        pytest.skip("Debian chromium not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright gives every launch a fresh profile directory of its own (it refuses --user-data-dir).
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where browser tests save screenshots (printed by the tests that write them)."""
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="session")
def api_token() -> str:
    """The bearer token the test servers accept for writes."""
    return API_TOKEN


@pytest.fixture(scope="session")
def xss_payloads() -> tuple[str, ...]:
    """The payloads stored in the titles and texts of the XSS test articles of ``web_server``."""
    return XSS_PAYLOADS


@pytest.fixture
def serve_app() -> Any:
    """A context manager serving any ASGI app on a real uvicorn server at 127.0.0.1; yields the base URL."""
    return _uvicorn
