"""Every shared fixture of the test suite."""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import json
import os
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
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


PAGES_DIR = ROOT / "tests" / "pages"
# every static page claims the same modification time, so If-Modified-Since can match it
PAGES_MODIFIED = "Tue, 19 Nov 2024 08:00:00 GMT"
_PAGE_TYPES = {".html": "text/html", ".rss": "application/rss+xml", ".atom": "application/atom+xml",
               ".urls": "text/plain", ".txt": "text/plain"}


class _PageHandler(http.server.BaseHTTPRequestHandler):
    """Serves tests/pages/ ({{BASE}} replaced by the server's URL) plus routes that misbehave on purpose."""

    server: Any

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        self.server.hits[self.path] += 1
        self.server.headers_seen.append((self.path, dict(self.headers)))
        route = getattr(self, "route_" + url.path.strip("/").replace("-", "_"), None)
        try:
            if route is not None:
                route(query)
            else:
                self.static(url.path)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first: the timeout and size tests do that

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def static(self, path: str) -> None:
        file = (PAGES_DIR / path.lstrip("/")).resolve()
        if PAGES_DIR not in file.parents or not file.is_file():
            self.send(404, b"<html><body><h1>Not Found</h1></body></html>")
            return
        body = file.read_bytes()
        suffix = file.suffix.lower()
        if suffix in (".rss", ".atom", ".urls"):
            body = body.replace(b"{{BASE}}", self.server.base.encode())
        charset = "windows-1251" if file.name.endswith(".cp1251.html") else "utf-8"
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == PAGES_MODIFIED:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send(200, body, f"{_PAGE_TYPES.get(suffix, 'application/octet-stream')}; charset={charset}",
                  {"ETag": etag, "Last-Modified": PAGES_MODIFIED})

    def route_slow(self, query: dict[str, str]) -> None:
        time.sleep(float(query.get("s", "2")))
        self.static("/kharkiv-strike.html")

    def route_flaky(self, query: dict[str, str]) -> None:
        """500 on the first request of each ?key=, then the page."""
        with self.server.lock:
            self.server.flaky[query.get("key", "")] += 1
            first = self.server.flaky[query.get("key", "")] == 1
        if first:
            self.send(500, b"<html><body>Internal Server Error</body></html>")
        else:
            self.static("/kharkiv-strike.html")

    def route_broken(self, query: dict[str, str]) -> None:
        self.send(503, b"<html><body>Service Unavailable</body></html>")

    def route_forbidden(self, query: dict[str, str]) -> None:
        self.send(403, b"<html><body>Forbidden</body></html>")

    def route_redirect(self, query: dict[str, str]) -> None:
        self.send_response(302)
        self.send_header("Location", query["to"])
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_loop(self, query: dict[str, str]) -> None:
        self.route_redirect({"to": "/loop"})

    def route_big(self, query: dict[str, str]) -> None:
        """``bytes`` of HTML; streamed without a Content-Length unless ``declared=1``."""
        size = int(query.get("bytes", "6000000"))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if query.get("declared"):
            self.send_header("Content-Length", str(size))
        self.end_headers()
        chunk = b"<p>" + b"filler text " * 80 + b"</p>\n"
        sent = 0
        while sent < size:
            part = chunk[: size - sent]
            self.wfile.write(part)
            sent += len(part)

    def route_pdf(self, query: dict[str, str]) -> None:
        self.send(200, b"%PDF-1.7 binary", "application/pdf")


@dataclass
class PageServer:
    """The test HTTP server: ``url("/kharkiv-strike.html")``, request counts in ``hits``."""

    base: str
    port: int
    hits: Counter[str]
    headers_seen: list[tuple[str, dict[str, str]]]

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="session")
def http_server() -> Iterator[PageServer]:
    """A real HTTP server on 127.0.0.1 serving tests/pages/ and misbehaving routes, for the whole session."""
    server: Any = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PageHandler)
    server.daemon_threads = True
    port = server.server_address[1]
    server.base = f"http://127.0.0.1:{port}"
    server.hits = Counter()
    server.headers_seen = []
    server.flaky = Counter()
    server.lock = threading.Lock()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield PageServer(server.base, port, server.hits, server.headers_seen)
    server.shutdown()
    server.server_close()


EVAL_SETS = ("tests/data/realnews.jsonl", "tests/data/plover_gsr_dev.jsonl", "tests/data/petrarch2_unittest.jsonl",
             "tests/data/redline_no_event.jsonl", "tests/data/dates.jsonl", "tests/gold")


@pytest.fixture(scope="session")
def eval_results(context: Any) -> dict[str, Any]:
    """Every evaluation set through the pipeline once per session, by result name (split sets per half)."""
    from redline.eval import evaluate_all

    results = [r for path in EVAL_SETS for r in evaluate_all(ROOT / path, context)]
    return {r.name: r for r in results}


@pytest.fixture(scope="session")
def gold_floors() -> dict[str, Any]:
    from redline.eval import load_floors

    return load_floors(ROOT / "tests" / "gold_floors.json")


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


@pytest.fixture(scope="session")
def batch_reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The 22 sample articles through ``redline.runner.batch`` once, in this process, into SQLite and Parquet.

    The reference the Dask, resumed and PostgreSQL runs are compared with; tests must not write to it.
    """
    from redline.runner import LocalRunner
    from redline.runner.batch import batch
    from redline.settings import Settings
    from redline.store import open_store

    folder = tmp_path_factory.mktemp("batch-reference")
    url = f"sqlite:///{folder / 'reference.db'}"
    with open_store(url) as store:
        report = batch([str(SAMPLE_DIR / "voa_articles.jsonl")], folder / "out", Settings(), runner=LocalRunner(),
                       store=store, partitions=3)
    return {"url": url, "out": folder / "out", "report": report}


@pytest.fixture
def dask_scheduler() -> Iterator[str]:
    """A real `dask scheduler` and one `dask worker` process on 127.0.0.1; yields the scheduler address."""
    import socket
    import subprocess
    import sys

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask = str(Path(sys.executable).parent / "dask")
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                               "--host", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        from distributed import Client

        deadline = time.monotonic() + 60
        with Client(address, timeout=30) as client:
            while not client.scheduler_info(n_workers=-1)["workers"]:
                assert time.monotonic() < deadline, "the dask worker did not join the scheduler"
                time.sleep(0.2)
        yield address
    finally:
        for child in (worker, scheduler):
            child.terminate()
        for child in (worker, scheduler):
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
